"""Shared fixtures: the shipped content, a main-window factory, a writable content copy."""

from __future__ import annotations

import os
import shutil
import tempfile  # noqa: E402
from pathlib import Path

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Never read or write the person's own configuration, cache or logs (also for subprocesses).
_HOME = tempfile.mkdtemp(prefix="spine-explorer-tests-")
for _name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())

import pytest  # noqa: E402

from explorer import resources  # noqa: E402
from explorer.model.world import Loaded, load_all  # noqa: E402
from helpers import show  # noqa: E402


@pytest.fixture(scope="session")
def loaded() -> Loaded:
    result = load_all()
    assert not result.problems, "\n".join(map(str, result.problems))
    return result


@pytest.fixture(scope="session")
def content(loaded):
    return loaded.content


@pytest.fixture(scope="session")
def drawing(loaded):
    return loaded.drawing


@pytest.fixture(autouse=True, scope="session")
def styled_app(qapp):
    from explorer.app import application

    return application()


@pytest.fixture(autouse=True)
def english_after_each_test():
    """The app's strings back in English after a test that switched language (the
    catalogue is the process's, like the application's)."""
    yield
    from explorer.model import i18n

    i18n.set_catalog("en", {})


@pytest.fixture
def long_run(request) -> None:
    """Long runs (the big fuzz runs, marked slow) go only when asked for: -m slow."""
    expression = request.config.getoption("markexpr") or ""
    if "slow" not in expression or "not slow" in expression:
        pytest.skip("a long run; run it with: python -m pytest -m slow")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder."""
    target = tmp_path / "content"
    shutil.copytree(resources.content_dir(), target)
    return target


@pytest.fixture
def make_window(qtbot, qapp):
    """Factory: ``make_window(content_dir=None, size=(1280, 800))`` -> shown MainWindow
    (``shown=False``: made but not yet shown, as a kiosk locks it down first;
    ``preferences``: the visitor's starting ones)."""
    from explorer.model.preferences import Preferences
    from explorer.model.world import World
    from explorer.ui.mainwindow import MainWindow

    made = []

    def factory(content_dir: Path | None = None, size: tuple[int, int] = (1280, 800),
                loaded_result: Loaded | None = None, shown: bool = True,
                preferences: Preferences = Preferences()) -> MainWindow:
        result = loaded_result or load_all(content_dir)
        window = MainWindow(World(result), preferences)
        qtbot.addWidget(window)
        window.resize(*size)
        made.append(window)
        if shown:
            show(qtbot, window)
        return window

    yield factory
    for window in made:
        window.close()
    qapp.processEvents()
    strays = [w for w in qapp.topLevelWidgets()
              if w.isVisible() and w not in made and w.parent() is None
              and w.windowType() not in (0x00000001,)]  # ignore hidden helpers
    assert not strays, f"stray top-level windows: {strays}"
