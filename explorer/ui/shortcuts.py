"""The window's keyboard shortcuts: Alt+Left (and the Back key) goes back, Alt+Home (and
the Home-page key) to the start page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def add_navigation(window: QWidget, back: Callable[[], None], home: Callable[[], None]) -> None:
    """Added after the first frame: touching these classes sets up their enums (time)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence

    for keys, slot in (([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)], back),
                       ([QKeySequence("Alt+Home"), QKeySequence(Qt.Key.Key_HomePage)], home)):
        action = QAction(window)
        action.setShortcuts(keys)
        action.triggered.connect(slot)
        window.addAction(action)
