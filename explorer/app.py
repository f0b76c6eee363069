"""QApplication set-up and the window's life: names, fonts, theme.  Wiring only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from explorer import __version__, resources
from explorer.mainwindow import MainWindow
from explorer.startup import Loaded
from explorer.theme import BASE_FONT_PX, DEFAULT, Theme, style_sheet

FONT_FAMILY = "Atkinson Hyperlegible"


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created and styled on first use."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Spine Explorer")
    app.setOrganizationName("Spine Explorer")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    for path in resources.fonts():
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    apply_theme(app, DEFAULT)
    return app


def apply_theme(app: QApplication, theme: Theme, scale: float = 1.0) -> None:
    app.setStyleSheet(style_sheet(theme, scale))


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
    QApplication.processEvents()
    return window.grab().save(str(path))
