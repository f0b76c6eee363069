"""QApplication set-up and the window's life: names, fonts, theme, kiosk.  Wiring only."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import NamedTuple, cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from explorer import resources
from explorer.config import Config, LoadedConfig, load_config
from explorer.model.preferences import Preferences, from_config
from explorer.model.world import (
    BODY_FILE,
    SPINE_FILE,
    Drawings,
    Loaded,
    World,
    current_key,
    load_all,
)
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
    existing = QApplication.instance()
    if existing is None:
        # Fusion looks the same on every platform; asked for on the command line, Qt sets
        # it up without handing a style object to Python (which costs start-up time).
        app = QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    else:
        app = cast(QApplication, existing)  # only ever a QApplication here
    if existing is not None and not app.property("explorer-styled"):  # one made elsewhere
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


def make_window(world: World | Loaded, preferences: Preferences = Preferences(),
                config: Config = Config()) -> MainWindow:
    window = MainWindow(world if isinstance(world, World) else World(world), preferences,
                        emergency_number=config.emergency_number)
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
    world: World
    config: Config
    config_problems: tuple
    kiosk: object | None  # KioskController in kiosk mode
    watcher: object | None = None  # ContentWatcher in watch mode


class Source(NamedTuple):
    """Where the content comes from: a folder (None: the shipped one) and the drawings."""

    folder: Path | None
    drawings: Drawings

    def load(self) -> World:
        return World(load_all(self.folder, cache_dir=cache_dir(), drawings=self.drawings))

    def unchanged(self, key: str) -> bool:
        return current_key(self.folder, self.drawings) == key

    def fallbacks(self) -> list[Source]:
        """What a kiosk tries, in order: this; its content with the shipped drawings (if
        it has drawings of its own); all of the shipped content."""
        own = self.folder is not None and any(
            (self.folder / name).exists() for name in (SPINE_FILE, BODY_FILE))
        shipped_drawings = [Source(self.folder, Drawings.shipped())] if own or any(
            self.drawings) else []
        return list(dict.fromkeys([self, *shipped_drawings, Source(None, Drawings())]))


def first_good(source: Source) -> World:
    """A kiosk never shows patients an error page: the first of the source's fallbacks
    that loads without problems (each problem is logged)."""
    attempts = source.fallbacks()
    for attempt, following in zip(attempts, [*attempts[1:], None], strict=True):
        world = attempt.load()
        if world.ok or following is None:
            return world
        then = "the shipped content" if following.folder is None else "the shipped drawings"
        for problem in world.problems:
            log.error("content problem (the kiosk tries %s): %s", then, problem)
    raise AssertionError("unreachable: the last fallback is always returned")


def start(content_dir: Path | None = None, config_path: Path | None = None,
          kiosk: bool = False, language: str | None = None, watch: bool = False) -> Started:
    """Read the configuration, load content (through the cache), make the app and window."""
    settings: LoadedConfig = load_config(config_path or default_config_path())
    config = settings.config._replace(kiosk=settings.config.kiosk or kiosk,
                                      watch=settings.config.watch or watch)
    source = Source(content_dir or config.content_dir(settings.path), Drawings(
        config.path_of("drawing", settings.path), config.path_of("body_drawing", settings.path)))
    world = first_good(source) if config.kiosk else source.load()
    qt_app = application()
    preferences = from_config(config)
    if language:
        preferences = preferences._replace(language=language)
    window = make_window(world, preferences, config)
    window.handouts.configure(handout_settings(config))
    tries = settings.path.with_name(STAFF_TRIES_FILE) if settings.path else None
    controller = make_kiosk(window, config, source, tries) if config.kiosk else None
    watcher = watch_content(window, controller, source) if config.watch else None
    return Started(qt_app, window, world, config, settings.problems, controller, watcher)


def handout_settings(config: Config):
    from explorer.model.handout import HandoutSettings

    return HandoutSettings(config.clinic_name, config.clinic_phone, config.clinic_logo,
                           config.handout_link, config.paper, config.printer,
                           config.emergency_number)


def make_kiosk(window: MainWindow, config: Config, source: Source,
               tries_file: Path | None = None):
    """The kiosk controller; ``tries_file`` keeps the staff PIN's wrong tries and lock-outs
    across restarts (beside the configuration)."""
    from explorer.kiosk.controller import KioskController
    from explorer.kiosk.pinguard import PinGuard
    from explorer.model.reloader import Reloader

    staff = Reloader(source.load, lambda: window.world, lambda world: controller.offer_world(
        world, now=True))  # staff are at the screen: the new content shows at once
    controller = KioskController(window, config,
                                 reload_content=lambda: [str(p) for p in staff.reload()],
                                 guard=PinGuard(config.pin_hash, tries_file))
    controller.staff_exit.connect(QApplication.exit)
    controller.install()
    return controller


def show_desktop(window: MainWindow):
    """Show the window on a desktop: within the screen's available area, frame included
    (keep what this returns while the window is up: it corrects the size once the window
    manager has framed the window)."""
    from explorer.ui.screenfit import show_fitted

    return show_fitted(window)


def watch_content(window: MainWindow, kiosk, source: Source):
    """Reload when the content's files change: on a desktop, at once and where the person
    was, with problems shown over the page; on a kiosk, at its next reset (problems are
    logged and the kiosk keeps what it had)."""
    from explorer.model.reloader import Reloader
    from explorer.ui.watcher import ContentWatcher

    if kiosk is None:
        reloader = Reloader(source.load, lambda: window.world,
                            lambda world: window.set_world(world, keep_place=True),
                            window.show_problems, source.unchanged)
    else:
        reloader = Reloader(source.load, lambda: kiosk.pending or window.world,
                            kiosk.offer_world, unchanged=source.unchanged)
    folder = source.folder or resources.content_dir()
    watcher = ContentWatcher(folder, tuple(p for p in source.drawings if p),
                             then=reloader.reload, parent=window)
    log.info("watching %s for changes", folder)
    return watcher


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
        needed = layout.totalHeightForWidth(page.body.width()) if layout is not None else 0
        if page.is_complete() and page.body.height() >= needed:
            return
