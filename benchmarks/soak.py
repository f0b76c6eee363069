"""The long soak: 50,000 random interactions (taps on regions and conditions, Back, Home,
scrolling, language switches, idle resets) on the real main window; prints the C heap in use
(glibc's mallinfo2), resident memory and live Qt wrappers after warm-up and after every
10,000, and the time per interaction.

    python benchmarks/soak.py [--steps 50000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer import app as app_module  # noqa: E402
from explorer.config import Config  # noqa: E402
from explorer.kiosk.controller import KioskController  # noqa: E402
from explorer.kiosk.memory import give_back_memory  # noqa: E402
from explorer.model.world import load_all  # noqa: E402
from helpers import heap_in_use_mb  # noqa: E402
from test_resilience import live_wrappers, resident_mb, soak  # noqa: E402


def settle() -> None:
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 52)  # deferred deletes
    for _ in range(3):  # the kiosk gives freed memory back on a timer after each reset
        QApplication.processEvents()
    give_back_memory()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=50_000)
    steps = parser.parse_args().steps
    import logging

    logging.disable(logging.WARNING)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's size-hint notes
    app_module.application()
    window = app_module.make_window(load_all())
    window.show()
    controller = KioskController(window, Config(kiosk=True), idle_ms=10**9)
    rng = random.Random(2026)
    soak(window, controller, 1000, rng)
    controller.reset_session()
    settle()
    heap0, rss0, wrappers0 = heap_in_use_mb() or 0.0, resident_mb(), live_wrappers()
    print(f"after warm-up: {heap0:.2f} MB heap in use, {rss0:.1f} MB resident, "
          f"{wrappers0} live Qt wrappers", flush=True)
    start = time.perf_counter()
    done = 0
    while done < steps:
        chunk = min(10_000, steps - done)
        soak(window, controller, chunk, rng)
        done += chunk
        controller.reset_session()
        settle()
        heap, rss, wrappers = heap_in_use_mb() or 0.0, resident_mb(), live_wrappers()
        print(f"after {done:>6} interactions: heap {heap:.2f} MB ({heap - heap0:+.2f}), "
              f"resident {rss:.1f} MB ({rss - rss0:+.1f}), "
              f"{wrappers} wrappers ({wrappers - wrappers0:+d})", flush=True)
    elapsed = time.perf_counter() - start
    print(f"{steps} interactions in {elapsed:.1f} s ({1000 * elapsed / steps:.2f} ms each)")


if __name__ == "__main__":
    main()
