"""PySide6 6.12.0 on Python < 3.12 takes a reference from None on every call of a Qt
method that returns nothing; a long-running kiosk then aborts with
``Fatal Python error: none_dealloc``.  pyproject.toml excludes that version there; this
test fails on any PySide6 with the same bug."""

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication([])
edit = QLineEdit()
edit.clear()
before = sys.getrefcount(None)
for _ in range(10_000):
    edit.clear()
print(before - sys.getrefcount(None))
"""


def test_void_qt_calls_do_not_steal_references_to_none():
    # In a child process: with the bug, the interpreter aborts (none_dealloc) and we
    # want a failing test with the reason, not a crashed test run.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lost = int(done.stdout.strip().splitlines()[-1])
    assert lost < 50, f"None lost {lost} references in 10,000 void Qt calls"


def test_the_bad_version_is_excluded_on_python_below_3_12():
    from importlib.metadata import requires

    from packaging.requirements import Requirement

    pyside = [Requirement(r) for r in requires("spine-explorer")
              if Requirement(r).name.lower() == "pyside6-essentials"]
    for python, bad_allowed in (("3.11", False), ("3.10", False), ("3.12", True)):
        applying = [r for r in pyside if r.marker.evaluate({"python_version": python})]
        assert len(applying) == 1, (python, pyside)
        assert applying[0].specifier.contains("6.12.0") is bad_allowed, python
        assert applying[0].specifier.contains("6.11.3")
