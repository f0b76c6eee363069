"""The staff side of a kiosk: a PIN pad behind a hidden gesture, and a small staff menu.

:class:`PinGuard` (in :mod:`explorer.kiosk.pinguard`, no Qt) holds the rules: three wrong
PINs lock the pad, for longer each time, and the count survives a restart;
:class:`PinPad` and :class:`StaffMenu` are overlays driven by taps.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from explorer.kiosk.overlays import Overlay
from explorer.kiosk.pinguard import PinGuard
from explorer.model.i18n import tr
from explorer.model.pinhash import MAX_DIGITS
from explorer.ui.accessible import announce
from explorer.ui.widgets import Button

__all__ = ["PinGuard", "PinPad", "StaffMenu"]


class PinPad(Overlay):
    """Digits, Delete, OK and Cancel; the PIN shows as dots.  Emits ``unlocked`` on the right
    PIN, ``cancelled`` on Cancel.  A keyboard types digits too (Backspace deletes, Return
    checks), and a screen reader hears how many digits are in and what went wrong."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget, guard: PinGuard) -> None:
        super().__init__(parent, "staffOverlay")
        self.guard = guard
        self.pin = ""
        self.setAccessibleName(tr("Staff PIN"))
        self.label(tr("Staff only"), "overlayTitle")
        self.dots = self.label("", "pinDots")
        self.message = self.label("", "overlayText")
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setSpacing(10)
        self.keys: dict[str, Button] = {}
        for index, key in enumerate("123456789⌫0✓"):
            name = {"⌫": tr("Delete"), "✓": tr("OK")}.get(key, key)
            button = Button(key)
            button.setObjectName("pinKey")
            button.setAccessibleName(name)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[name] = button
        self.ok = button  # the last key
        self.body.addWidget(grid_holder)
        cancel = self.button(tr("Cancel"), "navButton")
        cancel.clicked.connect(self._cancel)
        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(1000)
        self.lock_timer.timeout.connect(self._show_lock)

    def open(self) -> None:
        self.pin = ""
        self._refresh()
        if not self.guard.pin_hash:
            self.message.setText(tr("No staff PIN is set. Set one with: spine-explorer set-pin"))
        self._show_lock()
        super().open()
        if self.ok.isEnabled():  # digits can be typed straight away, and Return checks them
            self.ok.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Keys the buttons did not take: digits, Backspace, and Return to check."""
        keys = {Qt.Key.Key_Backspace: "⌫", Qt.Key.Key_Return: "✓", Qt.Key.Key_Enter: "✓"}
        key = event.text() if event.text().isdigit() else keys.get(Qt.Key(event.key()))
        if key is not None and self.keys["1"].isEnabled():
            self.press(key)
        else:
            super().keyPressEvent(event)

    def press(self, key: str) -> None:
        if key == "⌫":
            self.pin = self.pin[:-1]
        elif key == "✓":
            self._submit()
            return
        elif len(self.pin) < MAX_DIGITS:
            self.pin += key
        self._refresh()
        announce(self, self.dots.accessibleName())

    def _refresh(self) -> None:
        self.dots.setText("● " * len(self.pin) or " ")
        self.dots.setAccessibleName(tr("1 digit entered") if len(self.pin) == 1 else
                                    tr("{count} digits entered", count=len(self.pin)))

    def _submit(self) -> None:
        result = self.guard.attempt(self.pin)
        if result == "empty":  # not a try: nothing was entered
            self.message.setText(tr("Enter the PIN first."))
            return
        self.pin = ""
        self._refresh()
        if result == "ok":
            self.message.setText("")
            self.hide()
            self.unlocked.emit()
        elif result == "wrong":
            self.message.setText(tr("That PIN is not right. Try again."))
        elif result == "unset":
            self.message.setText(tr("No staff PIN is set. Set one with: spine-explorer set-pin"))
        self._show_lock()
        if result != "ok":
            announce(self, self.message.text(), assertive=True)

    def _show_lock(self) -> None:
        seconds = self.guard.locked_for()
        for button in self.keys.values():
            button.setEnabled(not seconds)
        if seconds:
            self.message.setText(
                tr("Too many wrong PINs. Try again in {minutes} minutes.",
                   minutes=(seconds + 59) // 60) if seconds > 60 else
                tr("Too many wrong PINs. Try again in {seconds} seconds.", seconds=seconds))
            self.lock_timer.start()
        elif self.lock_timer.isActive():
            self.lock_timer.stop()
            self.message.setText("")

    def _cancel(self) -> None:
        self.lock_timer.stop()
        self.hide()
        self.give_focus_back()
        self.cancelled.emit()


class StaffMenu(Overlay):
    """Reload content, exit, or go back to the kiosk; shows content problems after a reload."""

    reload_requested = Signal()
    exit_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "staffOverlay")
        self.setAccessibleName(tr("Staff menu"))
        self.label(tr("Staff menu"), "overlayTitle")
        self.status = self.label("", "overlayText")
        self.problems = QLabel("")
        self.problems.setObjectName("problemList")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.problems)
        self.button(tr("Reload content"), "navButton").clicked.connect(self.reload_requested)
        self.button(tr("Exit Spine Explorer"), "navButton").clicked.connect(self.exit_requested)
        back = self.button(tr("Back to the explorer"))
        back.clicked.connect(self._close)

    def open(self) -> None:
        self.show_result(None)
        super().open()

    def show_result(self, problems: Iterable[str] | None) -> None:
        problems = list(problems) if problems is not None else None
        if problems is None:
            self.status.setText("")
            self.problems.setText("")
        elif problems:
            self.status.setText(tr("The new content has {count} problem(s); the explorer keeps "
                                   "the content it had.", count=len(problems)))
            self.problems.setText("\n".join(problems[:20]))
        else:
            self.status.setText(tr("Content reloaded."))
            self.problems.setText("")

    def _close(self) -> None:
        self.hide()
        self.give_focus_back()
        self.closed.emit()
