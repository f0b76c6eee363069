"""Keeps a kiosk's window where it is.

Closing and minimising it do nothing, from the moment the kiosk is installed.  Once the
kiosk is on screen (:meth:`WindowHold.keep_in_front`), the window also takes its place
back whenever anything takes it away: a window manager that unmaps or minimises it,
moves it to another desktop, shows the desktop, takes its full screen away, or gives the
keyboard to another program.  Not every such change reaches Qt as an event (an unmapped
window says nothing), so besides reacting to the events there are, the hold looks twice
a second.  And it holds the keyboard, so the window manager's own shortcuts (its window
menu on Alt+Space, Alt+Tab) reach the kiosk, which swallows them, instead of the manager.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

CHECK_MS = 500
_NO_GRAB = {"offscreen", "minimal"}  # platforms with no keyboard to hold (they would warn)
_WATCHED = {QEvent.Type.WindowStateChange, QEvent.Type.WindowDeactivate, QEvent.Type.Hide}


class WindowHold(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.in_front = False
        self.reasserted = 0  # how many times the window had to be put back (for the log, tests)
        self.grabbed = False  # the keyboard is held
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.active = True
        self.window.installEventFilter(self)

    def keep_in_front(self) -> None:
        """From now on the window stays full screen, on top, with the keyboard."""
        self.in_front = True
        self.timer.start()
        QTimer.singleShot(0, self, self._hold_keyboard)

    def stop(self) -> None:
        self.active = self.in_front = False
        self.timer.stop()
        self.window.removeEventFilter(self)
        handle = self.window.windowHandle()
        if self.grabbed and handle is not None:
            handle.setKeyboardGrabEnabled(False)
        self.grabbed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is not self.window:
            return False
        if event.type() == QEvent.Type.Close:
            event.ignore()  # the window stays open
            return True
        if event.type() in _WATCHED:
            if self.in_front:
                QTimer.singleShot(50, self, self.check)
            elif event.type() == QEvent.Type.WindowStateChange and \
                    self.window.windowState() & Qt.WindowState.WindowMinimized:
                QTimer.singleShot(0, self.window.showFullScreen)
        return False

    def check(self) -> None:
        """Put the window back if it is not full screen and in front with the keyboard."""
        window, handle = self.window, self.window.windowHandle()
        if not self.in_front or handle is None:
            return
        state = window.windowState()
        if not handle.isExposed() or state & Qt.WindowState.WindowMinimized or \
                not state & Qt.WindowState.WindowFullScreen:
            if not handle.isExposed() and window.isVisible():
                window.hide()  # unmapped behind Qt's back: map it again from scratch
            window.showFullScreen()
            self._to_front()
        elif not window.isActiveWindow() and QApplication.activeModalWidget() is None:
            self._to_front()

    def _to_front(self) -> None:
        self.reasserted += 1
        self.window.raise_()
        self.window.activateWindow()
        self._hold_keyboard()

    def _hold_keyboard(self) -> None:
        handle = self.window.windowHandle()
        if self.in_front and handle is not None and handle.isExposed() and \
                QGuiApplication.platformName() not in _NO_GRAB:
            self.grabbed = handle.setKeyboardGrabEnabled(True)
