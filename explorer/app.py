"""QApplication set-up and the window's life: names, fonts, theme.  Wiring only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QStandardPaths
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from explorer import __version__, resources
from explorer.mainwindow import MainWindow
from explorer.startup import Loaded, load_all
from explorer.theme import BASE_FONT_PX, DEFAULT, Theme, style_sheet

FONT_FAMILY = "Atkinson Hyperlegible"


def _names() -> None:
    QCoreApplication.setApplicationName("Spine Explorer")
    QCoreApplication.setOrganizationName("Spine Explorer")
    QCoreApplication.setApplicationVersion(__version__)


def cache_dir() -> Path | None:
    """Where the content cache lives (the platform's cache folder), if there is one."""
    _names()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) if location else None


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created and styled on first use."""
    app = QApplication.instance()
    if app is None:
        # Fusion looks the same on every platform; asked for on the command line, Qt sets
        # it up without handing a style object to Python (which costs start-up time).
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    elif not app.property("explorer-styled"):  # an application made elsewhere (tests)
        app.setStyle("Fusion")
    _names()
    app.setProperty("explorer-styled", True)
    for path in resources.fonts():
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    apply_theme(app, DEFAULT)
    return app


def apply_theme(app: QApplication, theme: Theme, scale: float = 1.0) -> None:
    app.setStyleSheet(style_sheet(theme, scale))


def start(content_dir: Path | None = None) -> tuple[QApplication, MainWindow, Loaded]:
    """Load (through the cache), create the application and the main window."""
    loaded = load_all(content_dir, cache_dir=cache_dir())
    qt_app = application()
    return qt_app, make_window(loaded), loaded


def make_window(loaded: Loaded) -> MainWindow:
    window = MainWindow(loaded.content, loaded.drawing, loaded.problems)
    window.resize(QSize(1280, 800))
    return window


def use_offscreen() -> None:
    """Render without a display (for --screenshot); must run before the app exists."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"


def screenshot(window: MainWindow, path: Path, size: QSize) -> bool:
    window.resize(size)
    window.show()
    settle(window)
    return window.grab().save(str(path))


def settle(window: MainWindow, rounds: int = 50) -> None:
    """Run the event loop until the page is built and its layout stops changing."""
    page = window.current_page()
    for _ in range(rounds):
        QApplication.processEvents()
        layout = page.body.layout()
        needed = layout.totalHeightForWidth(page.body.width())
        if page.is_complete() and page.body.height() >= needed:
            return
