"""QApplication set-up and the window's life: names, fonts, theme, kiosk.  Wiring only."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from explorer import resources
from explorer.config import Config, LoadedConfig, load_config
from explorer.model.preferences import Preferences, from_config
from explorer.model.world import Loaded, World, load_all
from explorer.paths import cache_dir, default_config_path, log_dir, set_names
from explorer.ui.mainwindow import MainWindow
from explorer.ui.styling import apply_style
from explorer.ui.theme import BASE_FONT_PX, DEFAULT, Theme

__all__ = ["cache_dir", "default_config_path", "log_dir", "application", "start"]

FONT_FAMILY = "Atkinson Hyperlegible"
STAFF_TRIES_FILE = "staff-pin-tries.json"  # beside config.yaml
log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created and styled on first use."""
    app = QApplication.instance()
    if app is None:
        # Fusion looks the same on every platform; asked for on the command line, Qt sets
        # it up without handing a style object to Python (which costs start-up time).
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    elif not app.property("explorer-styled"):  # an application made elsewhere (tests)
        app.setStyle("Fusion")
    set_names()
    app.setProperty("explorer-styled", True)
    for path in resources.fonts():
        QFontDatabase.addApplicationFont(str(path))
    font = QFont(FONT_FAMILY)
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    apply_theme(app, DEFAULT)
    return app


def apply_theme(app: QApplication, theme: Theme, scale: float = 1.0, kiosk: bool = False) -> None:
    apply_style(app, theme, scale, kiosk)


def make_window(loaded: Loaded, preferences: Preferences = Preferences(),
                config: Config = Config()) -> MainWindow:
    window = MainWindow(World(loaded), preferences, emergency_number=config.emergency_number)
    window.resize(QSize(1280, 800))
    return window


def attach_reader(window: MainWindow, engine: str | None = None) -> None:
    """Read aloud, if QtTextToSpeech and a speech engine are here (after the first frame:
    loading speech takes time and the button can appear a moment later)."""
    from explorer.ui.speech import Reader

    reader = Reader(engine, window)
    if reader.available:
        window.read_aloud.set_reader(reader)


class Started(NamedTuple):
    app: QApplication
    window: MainWindow
    loaded: Loaded
    config: Config
    config_problems: tuple
    kiosk: object | None  # KioskController in kiosk mode


def start(content_dir: Path | None = None, config_path: Path | None = None,
          kiosk: bool = False, language: str | None = None) -> Started:
    """Read the configuration, load content (through the cache), make the app and window."""
    settings: LoadedConfig = load_config(config_path or default_config_path())
    config = settings.config._replace(kiosk=True) if kiosk else settings.config
    content_dir = content_dir or config.content_dir(settings.path)
    loaded = load_all(content_dir, cache_dir=cache_dir())
    if config.kiosk and loaded.problems and content_dir is not None:
        # A kiosk never shows patients an error page: it runs on the shipped content.
        for problem in loaded.problems:
            log.error("content problem (running on the shipped content): %s", problem)
        loaded = load_all(None, cache_dir=cache_dir())
    qt_app = application()
    preferences = from_config(config)
    if language:
        preferences = preferences._replace(language=language)
    window = make_window(loaded, preferences, config)
    window.handouts.configure(handout_settings(config))
    controller = None
    if config.kiosk:
        tries = settings.path.with_name(STAFF_TRIES_FILE) if settings.path else None
        controller = make_kiosk(window, config, content_dir, tries)
    return Started(qt_app, window, loaded, config, settings.problems, controller)


def handout_settings(config: Config):
    from explorer.model.handout import HandoutSettings

    return HandoutSettings(config.clinic_name, config.clinic_phone, config.clinic_logo,
                           config.handout_link, config.paper, config.printer,
                           config.emergency_number)


def make_kiosk(window: MainWindow, config: Config, content_dir: Path | None,
               tries_file: Path | None = None):
    """The kiosk controller; ``tries_file`` keeps the staff PIN's wrong tries and lock-outs
    across restarts (beside the configuration)."""
    from explorer.kiosk.controller import KioskController
    from explorer.kiosk.pinguard import PinGuard

    def reload_content() -> list[str]:
        fresh = load_all(content_dir, cache_dir=cache_dir())
        if fresh.problems:
            for problem in fresh.problems:
                log.error("reload refused: %s", problem)
            return [str(p) for p in fresh.problems]
        window.set_world(World(fresh))
        log.info("content reloaded from %s", fresh.folder)
        return []

    controller = KioskController(window, config, reload_content=reload_content,
                                 guard=PinGuard(config.pin_hash, tries_file))
    controller.staff_exit.connect(QApplication.instance().exit)
    controller.install()
    return controller


def show_desktop(window: MainWindow):
    """Show the window on a desktop: within the screen's available area, frame included
    (keep what this returns while the window is up: it corrects the size once the window
    manager has framed the window)."""
    from explorer.ui.screenfit import show_fitted

    return show_fitted(window)


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
