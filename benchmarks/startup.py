"""Start to first rendered frame, as whole processes: Spine Explorer against a bare
PySide6 window showing one label.  Runs them alternately, side by side, and prints
medians, the ratio (budget: <= 2x, aim 1.5x) and each process's peak memory.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

# Each child prints "<peak RSS in kB>" once its first frame has been painted, then quits.
_FIRST_FRAME = """
import resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstFrame(QObject):
    def __init__(self, app):
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        self.app.quit()
"""

BARE = _FIRST_FRAME + """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Hello")
watch = FirstFrame(app)
label.installEventFilter(watch)
label.resize(1280, 800)
label.show()
app.exec()
"""

EXPLORER = _FIRST_FRAME + """
from explorer import app as app_module
started = app_module.start()
app, window = started.app, started.window
watch = FirstFrame(app)
window.installEventFilter(watch)
window.show()
app.exec()
"""


def run_once(code: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: byte code is cached
    start = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, env=env) as child:
        line = child.stdout.readline()  # printed right after the first frame
        elapsed = time.perf_counter() - start  # shutting down is not part of starting
        child.wait()
    return elapsed * 1000, int(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    run_once(BARE), run_once(EXPLORER)  # warm the disk cache for both
    bare, explorer = [], []
    for _ in range(runs):
        bare.append(run_once(BARE))
        explorer.append(run_once(EXPLORER))
    b = statistics.median(t for t, _ in bare)
    e = statistics.median(t for t, _ in explorer)
    bm = max(m for _, m in bare) / 1024
    em = max(m for _, m in explorer) / 1024
    print(f"start to first frame, median of {runs}: bare PySide6 {b:.0f} ms, "
          f"Spine Explorer {e:.0f} ms, ratio {e / b:.2f}x (budget 2x, aim 1.5x)")
    print(f"peak memory: bare {bm:.0f} MB, Spine Explorer {em:.0f} MB, ratio {em / bm:.2f}x")


if __name__ == "__main__":
    main()
