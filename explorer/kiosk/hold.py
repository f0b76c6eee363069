"""Keeps a kiosk's window where it is: closing it and minimising it do nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget


class WindowHold(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.active = False

    def start(self) -> None:
        self.active = True
        self.window.installEventFilter(self)

    def stop(self) -> None:
        self.active = False
        self.window.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is not self.window:
            return False
        if event.type() == QEvent.Type.Close:
            event.ignore()  # the window stays open
            return True
        if event.type() == QEvent.Type.WindowStateChange and \
                self.window.windowState() & Qt.WindowState.WindowMinimized:
            QTimer.singleShot(0, self.window.showFullScreen)
        return False
