"""A handout of a region page, from the button to a finished PDF file: made from the page
on screen (text, drawings, QR code, the clinician's marks) and written out.  Prints the
first one (fonts and the QR encoder are loaded then) and the median and p95 of the rest
(budget: <= 300 ms), regular and large print, English and Spanish.

    python benchmarks/handout.py [--count 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from explorer import app as app_module  # noqa: E402
from explorer.model import marks  # noqa: E402
from explorer.model.handout import HandoutSettings  # noqa: E402
from explorer.model.world import World, load_all  # noqa: E402
from explorer.ui.handout.printout import make, write_pdf  # noqa: E402

SETTINGS = HandoutSettings("Riverside Spine Clinic", "(555) 010-2030", "",
                           "https://clinic.example/spine/{lang}/{id}", "letter")
MARKS = (marks.pin("spine", (200.0, 700.0)), marks.line("body", [(150, 300), (170, 420)]))


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def one(world: World, folder: Path, language: str, large: bool, number: int) -> float:
    start = time.perf_counter()
    printout = make(world, ("region", "lumbar"), language, SETTINGS, MARKS, large)
    assert write_pdf(printout, folder / f"handout-{number}.pdf")
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20)
    count = parser.parse_args().count
    app_module.application()
    world = World(load_all())
    with tempfile.TemporaryDirectory() as folder:
        first = one(world, Path(folder), "en", False, 0)
        print(f"first handout of the region page: {first:.0f} ms")
        for language in ("en", "es"):
            from explorer.model.i18n import set_catalog

            lang = world.language(language)
            set_catalog(language, lang.ui if lang else {})
            for large in (False, True):
                times = [one(world, Path(folder), language, large, n) for n in range(count)]
                print(f"{language}{' large print' if large else ''}: median "
                      f"{statistics.median(times):.0f} ms, p95 {percentile(times, 95):.0f} ms "
                      f"(budget 300 ms)")


if __name__ == "__main__":
    main()
