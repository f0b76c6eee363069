"""A desktop window that fits its screen: frame and title bar included, never larger.

The window manager adds its frame only once the window is on screen, and tells Qt its
size a moment later (on X11 through ``_NET_FRAME_EXTENTS``).  So the window is first
sized from a guess, and :class:`ScreenFit` corrects it as soon as the real frame is
known.  Nothing about a visitor is remembered: every start fits afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

WANTED = QSize(1280, 800)  # the client size the app is designed for
GUESSED_FRAME = QMargins(8, 40, 8, 8)  # a generous title bar and border, until known
WATCH_MS = 3000  # how long after showing the frame may still arrive
TICK_MS = 50


def available(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    """The frame around the client area: the real one once known, else a guess."""
    frame, client = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != client:
        return QMargins(client.left() - frame.left(), client.top() - frame.top(),
                        frame.right() - client.right(), frame.bottom() - client.bottom())
    return GUESSED_FRAME


def fitted_client(room: QRect, frame: QMargins, wanted: QSize = WANTED) -> QRect:
    """The client rectangle: ``wanted`` or less, so that it and its frame fit in ``room``,
    centred there."""
    width = min(wanted.width(), room.width() - frame.left() - frame.right())
    height = min(wanted.height(), room.height() - frame.top() - frame.bottom())
    outer_w = width + frame.left() + frame.right()
    outer_h = height + frame.top() + frame.bottom()
    left = room.left() + (room.width() - outer_w) // 2 + frame.left()
    top = room.top() + (room.height() - outer_h) // 2 + frame.top()
    return QRect(left, top, max(width, 1), max(height, 1))


class ScreenFit(QObject):
    """Keeps a newly shown window's frame inside the screen's available area until the
    window manager has settled its frame (then lets go; the person may resize freely)."""

    def __init__(self, window: QWidget, wanted: QSize = WANTED) -> None:
        super().__init__(window)
        self.window = window
        self.wanted = wanted
        self.corrections = 0
        self.framed = False  # the real frame is known and the window sized to it
        window.setGeometry(fitted_client(available(window), frame_margins(window), wanted))
        # The frame arrives without an event to the window: look at it now and then.
        self.ticks = QTimer(self)
        self.ticks.setInterval(TICK_MS)
        self.ticks.timeout.connect(self.correct)
        self.ticks.start()
        QTimer.singleShot(WATCH_MS, self, self.stop)

    def fits(self) -> bool:
        return available(self.window).contains(self.window.frameGeometry())

    def correct(self) -> None:
        """Fit again once the real frame is known (it may be smaller than the guess), and
        whenever the frame does not fit."""
        window = self.window
        if not window.isVisible() or window.isFullScreen():
            return
        known = window.frameGeometry() != window.geometry()
        if (known and not self.framed) or not self.fits():
            self.framed = self.framed or known
            target = fitted_client(available(window), frame_margins(window), self.wanted)
            if target != window.geometry():
                self.corrections += 1
                window.setGeometry(target)

    def stop(self) -> None:
        self.ticks.stop()


def show_fitted(window: QWidget, wanted: QSize = WANTED) -> ScreenFit:
    """Show a desktop window at ``wanted`` client size, or smaller, within its screen."""
    fit = ScreenFit(window, wanted)
    window.show()
    return fit
