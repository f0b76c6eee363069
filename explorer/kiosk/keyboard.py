"""An on-screen keyboard of the app's own, for search on a touchscreen kiosk."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from explorer.model.i18n import tr

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKLÑ", "ZXCVBNM-")


class OnScreenKeyboard(QWidget):
    typed = Signal(str)
    erased = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setAccessibleName(tr("On-screen keyboard"))
        grid = QGridLayout(self)
        grid.setSpacing(6)
        grid.setContentsMargins(0, 0, 0, 0)
        self.keys: dict[str, QPushButton] = {}
        for row, letters in enumerate(ROWS):
            for column, letter in enumerate(letters):
                self._key(grid, letter, letter, row, column, 1, lambda _=False, c=letter:
                          self.typed.emit(c.lower()))
        last = len(ROWS)
        self._key(grid, tr("Space"), " ", last, 0, 4, lambda: self.typed.emit(" "))
        self._key(grid, "⌫ " + tr("Delete"), "delete", last, 4, 3, self.erased.emit,
                  spoken=tr("Delete"))
        self._key(grid, tr("Clear"), "clear", last, 7, 3, self.cleared.emit)

    def _key(self, grid: QGridLayout, text: str, name: str, row: int, column: int, span: int,
             slot, spoken: str = "") -> None:
        button = QPushButton(text)
        button.setObjectName("keyButton")
        button.setAccessibleName(spoken or text)  # the symbol is for the eye only
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing keeps the search box's focus
        button.setMinimumSize(44, 44)
        button.clicked.connect(slot)
        grid.addWidget(button, row, column, 1, span)
        self.keys[name] = button

    @classmethod
    def typing_into(cls, box) -> OnScreenKeyboard:
        """A keyboard whose keys type into ``box`` (a QLineEdit)."""
        keyboard = cls()
        keyboard.typed.connect(box.insert)
        keyboard.erased.connect(box.backspace)
        keyboard.cleared.connect(box.clear)
        return keyboard
