"""What one visitor leaves behind must not reach the next: the clipboard, the X selection
(PRIMARY, pasted with a middle click), selected text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QLineEdit

_MOUSE = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
          QEvent.Type.MouseButtonDblClick}


def clear_clipboard() -> None:
    """Empty the clipboard and, where the system has one (X11), the selection."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


def never_selected(box: QLineEdit) -> None:
    """Text in ``box`` cannot stay selected (on X11 a selection is offered to every other
    program, and to the next visitor's middle click)."""
    box.selectionChanged.connect(box.deselect)


def is_middle_click(event: QEvent) -> bool:
    """A middle-button press, release or double click: on X11, a paste of the selection."""
    return (event.type() in _MOUSE and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.MiddleButton)
