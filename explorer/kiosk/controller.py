"""Kiosk mode: full screen, locked down, resets itself when idle, opens for staff only.

:class:`KioskController` watches every input event of the application (an event
filter) to swallow shortcuts, context menus and tooltips, to notice activity, and to
spot the staff gesture (five taps in the top-right corner within three seconds).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip

from explorer.config import Config
from explorer.kiosk.hold import WindowHold
from explorer.kiosk.memory import give_back_memory
from explorer.kiosk.overlays import AttractBanner, IdleOverlay
from explorer.kiosk.privacy import clear_clipboard, is_middle_click, never_selected
from explorer.kiosk.staff import PinGuard, PinPad, StaffMenu
from explorer.model.i18n import tr
from explorer.ui.accessible import announce

log = logging.getLogger(__name__)

CORNER_PX = 90
CORNER_TAPS = 5
CORNER_SECONDS = 3.0
STAFF_EXIT_CODE = 3  # the systemd unit does not restart after this one (RestartPreventExitStatus)

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
             QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress,
             QEvent.Type.Wheel, QEvent.Type.TabletPress}
_BLOCKED = {QEvent.Type.ContextMenu, QEvent.Type.ToolTip, QEvent.Type.WhatsThis,
            QEvent.Type.QueryWhatsThis, QEvent.Type.StatusTip}
_SAFE_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Up, Qt.Key.Key_Down,
              Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter,
              Qt.Key.Key_Space, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp,
              Qt.Key.Key_PageDown, Qt.Key.Key_Backspace, Qt.Key.Key_Shift}
_URL_SCHEMES = ("http", "https", "mailto", "file", "ftp", "tel", "sms")


def key_allowed(event: QKeyEvent) -> bool:
    """Only keys that move through and use the app; any Ctrl/Alt/Meta chord, Esc or F-key is
    swallowed (Alt+F4, Ctrl+Q, Ctrl+W, F11, F1, …)."""
    chord = event.modifiers() & (Qt.KeyboardModifier.ControlModifier |
                                 Qt.KeyboardModifier.AltModifier |
                                 Qt.KeyboardModifier.MetaModifier)
    if chord:
        return False
    key = event.key()
    return key in _SAFE_KEYS or (Qt.Key.Key_0 <= key <= Qt.Key.Key_9) or (
        Qt.Key.Key_A <= key <= Qt.Key.Key_Z)


class UrlRefuser(QObject):
    """Registered for web, mail and file links: a kiosk never opens another program."""

    refused = Signal(str)

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:  # called by QDesktopServices, by name
        log.info("kiosk: refused to open a link")
        self.refused.emit(url.toString())


def _app() -> QApplication:
    return cast(QApplication, QApplication.instance())  # made before any kiosk


class KioskController(QObject):
    session_reset = Signal()
    staff_exit = Signal(int)  # the app connects this to QApplication.exit

    def __init__(self, window, config: Config, idle_ms: int | None = None,
                 warning_seconds: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 reload_content: Callable[[], list[str] | None] | None = None,
                 guard: PinGuard | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.clock = clock
        self.reload_content = reload_content
        self.taps: list[float] = []
        self._last_press: tuple | None = None
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms if idle_ms is not None else config.idle_seconds * 1000)
        self.idle.timeout.connect(self._went_idle)
        host = window.centralWidget()
        self.idle_overlay = IdleOverlay(host, warning_seconds or config.warning_seconds)
        self.idle_overlay.kept.connect(self.activity)
        self.idle_overlay.timed_out.connect(self.reset_session)
        panel = window.panel
        self.attract = AttractBanner(panel, config.reduced_motion, getattr(panel, "hint", None))
        self.guard = guard or PinGuard(config.pin_hash)  # the app's keeps its count on disk
        self.pin_pad = PinPad(host, self.guard)
        self.pin_pad.unlocked.connect(self._open_staff_menu)
        self.staff_menu = StaffMenu(host)
        self.staff_menu.reload_requested.connect(self._reload)
        self.staff_menu.exit_requested.connect(self._exit)
        self.url_refuser = UrlRefuser(self)
        self.hold = WindowHold(window)
        self.done_button = self._done_button()
        self.exit_code: int | None = None
        self.pending = None  # a new world, waiting for the visitor to finish
        self.visitor = False  # someone has used the kiosk since its last reset

    def _done_button(self) -> QPushButton:
        """'I'm done': always in view, so the next person in the queue starts afresh."""
        button = QPushButton()
        button.setObjectName("primaryButton")
        button.clicked.connect(self.finish)
        button.hide()
        self.window.header.add_kept(button)  # after Home: far from the staff corner
        self._retranslate(button)
        # in the visitor's language (after the window has switched to it)
        self.window.session.changed.connect(
            lambda changed: self._retranslate(button) if "preferences" in changed else None)
        return button

    @staticmethod
    def _retranslate(button: QPushButton) -> None:
        button.setText(tr("✓ I'm done"))
        button.setAccessibleName(tr("I'm done"))
        button.setAccessibleDescription(tr("Clears everything for the next person and goes "
                                           "to the start page"))

    # -- set-up ---------------------------------------------------------------------------
    def install(self) -> None:
        """Lock the window down and start watching input."""
        self.hold.start()
        self._kiosk_look(True)
        self.window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.window.setWindowFlags(self.window.windowFlags() |
                                   Qt.WindowType.FramelessWindowHint |
                                   Qt.WindowType.WindowStaysOnTopHint)
        for scheme in _URL_SCHEMES:
            # a slot's name, as text (PySide's stubs say bytes, which it refuses)
            QDesktopServices.setUrlHandler(scheme, self.url_refuser, "refuse")  # type: ignore[arg-type]
        if self.config.hide_cursor:
            QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        never_selected(self.window.header.search)
        _app().installEventFilter(self)
        self.attract.start()  # a fresh start looks as every visitor after it finds it
        self.done_button.show()
        self.idle.start()

    def show(self) -> None:
        """Full screen on the configured screen."""
        screens = QGuiApplication.screens()
        screen = screens[self.config.screen] if self.config.screen < len(screens) else None
        if screen is None:
            log.warning("kiosk: there is no screen %d; using the primary screen",
                        self.config.screen)
            screen = QGuiApplication.primaryScreen()
        self.window.setGeometry(screen.geometry())
        self.window.showFullScreen()
        self.hold.keep_in_front()

    def uninstall(self) -> None:
        if not self.hold.active:
            return  # not installed, or uninstalled already (staff exit, then closing)
        _app().removeEventFilter(self)
        for scheme in _URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
        if self.config.hide_cursor:
            QApplication.restoreOverrideCursor()
        self.idle.stop()
        self.hold.stop()
        self.window.header.search.selectionChanged.disconnect(self.window.header.search.deselect)
        self.done_button.hide()
        self._kiosk_look(False)

    def _kiosk_look(self, on: bool) -> None:
        """Larger tap targets (and, by default, text) for as long as the kiosk runs; the
        on-screen keyboard for search."""
        session = self.window.session
        session.set_defaults(session.defaults._replace(kiosk=on))
        session.set_preferences(session.preferences._replace(kiosk=on))
        self.window.keyboard = self._keyboard if on else None

    def _keyboard(self):
        from explorer.kiosk.keyboard import OnScreenKeyboard

        return OnScreenKeyboard.typing_into(self.window.header.search)

    # -- the event filter -----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind in _BLOCKED or is_middle_click(event):
            return True
        if isinstance(event, QKeyEvent) and not key_allowed(event):  # press, release, override
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # claim it, so no shortcut fires; the KeyPress is dropped
            return True
        if kind in _ACTIVITY:
            self.activity()
            if kind == QEvent.Type.MouseButtonPress:  # taps arrive as presses too
                self._maybe_corner_tap(event)
        return False

    def activity(self) -> None:
        """Someone is using the kiosk: restart the idle clock, end the attract state."""
        self.visitor = True
        self.idle.start()
        if self.attract.isVisible():
            self.attract.stop()

    def _maybe_corner_tap(self, event) -> None:
        # A press travels up through parent widgets and passes this filter at each step;
        # count it once.
        stamp = (event.timestamp(), event.globalPosition().toPoint())
        if stamp == self._last_press:
            return
        self._last_press = stamp
        pos = self.window.mapFromGlobal(event.globalPosition().toPoint())
        corner = QRect(self.window.width() - CORNER_PX, 0, CORNER_PX, CORNER_PX)
        if not corner.contains(pos):
            self.taps.clear()
            return
        now = self.clock()
        self.taps = [t for t in self.taps if now - t <= CORNER_SECONDS] + [now]
        if len(self.taps) >= CORNER_TAPS:
            self.taps.clear()
            self.open_pin_pad()

    # -- idle and reset -------------------------------------------------------------------
    def _went_idle(self) -> None:
        if self.pin_pad.isVisible() or self.staff_menu.isVisible():
            self.reset_session()  # staff walked away: close their panels too
            return
        self.idle_overlay.open()

    def reset_session(self) -> None:
        """Home page, nothing selected, every panel closed, defaults back, attract state."""
        self.idle_overlay.close_quietly()
        self.pin_pad.hide()
        self.staff_menu.hide()
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()
        QToolTip.hideText()
        clear_clipboard()
        if self.pending is not None:  # new content: the next visitor starts on it
            world, self.pending = self.pending, None
            self.window.set_world(world)  # (a fresh start, as the reset)
        else:
            self.window.session.reset()
        self.visitor = False
        page = self.window.current_page()
        page.focus_title()  # focus and a screen reader start again on the start page
        announce(page, tr("Spine Explorer started over for the next person."), assertive=True)
        self.attract.start()
        self.idle.start()
        QTimer.singleShot(200, self, give_back_memory)  # once the old pages are deleted
        self.session_reset.emit()

    def finish(self) -> None:
        """The visitor is done: the same reset as when idle, at once, and the start page
        said for a screen reader."""
        self.reset_session()
        page = self.window.current_page()
        self.window.announce(" ".join(filter(None, (
            tr("Everything is cleared for the next person."), page.announcement()))))

    def offer_world(self, world, now: bool = False) -> None:
        """New content (already loaded whole): shown at once when nobody is using the kiosk
        (or ``now``, for staff at the screen), else at the next reset, never mid-visit."""
        if now or not self.visitor:
            self.pending = None
            self.window.set_world(world)
            self.visitor = False
        else:
            self.pending = world
            log.info("kiosk: new content waits for the visitor to finish")

    # -- staff ----------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        self.idle_overlay.close_quietly()
        self.pin_pad.open()

    def _open_staff_menu(self) -> None:
        self.staff_menu.open()

    def _reload(self) -> None:
        problems = self.reload_content() if self.reload_content else None
        self.staff_menu.show_result(problems or [])

    def _exit(self) -> None:
        self.exit_code = STAFF_EXIT_CODE
        self.staff_menu.hide()
        self.uninstall()
        self.staff_exit.emit(STAFF_EXIT_CODE)

