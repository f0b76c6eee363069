"""The window's keyboard shortcuts: Alt+Left (or a Back key) and Alt+Home (or a Home page
key) go back and to the start page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def add_shortcuts(window: QWidget, back: Callable[[], None], home: Callable[[], None]) -> None:
    for keys, slot in (([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)], back),
                       ([QKeySequence("Alt+Home"), QKeySequence(Qt.Key.Key_HomePage)], home)):
        action = QAction(window)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        window.addAction(action)
