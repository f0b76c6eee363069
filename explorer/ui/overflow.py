"""A row of controls that never wraps: what does not fit goes into a "More" menu.

The row keeps some controls always, gives one (the search box) the width that is left,
and shows optional groups in order of importance while they fit.  The groups that do
not fit leave the row and appear, as menu items that press them, in the menu of the
"More" button, which is shown only then.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

SPACING = 10
FLEXIBLE_MIN_CHARS = 12  # the flexible control is never narrower than this many characters


class OverflowRow(QObject):
    def __init__(self, bar: QWidget, keep: list[QWidget], flexible: QWidget,
                 optional: list[list[QWidget]], order: list[QWidget],
                 more: QAbstractButton) -> None:
        """``optional``: groups, most important first; ``order``: all controls, left to
        right as they stand on the row (``more`` comes last)."""
        super().__init__(bar)
        self.bar, self.keep, self.flexible, self.more = bar, keep, flexible, more
        self.optional = optional
        self.wanted: dict[QWidget, bool] = {w: True for group in optional for w in group}
        self.hidden: list[QWidget] = []  # wanted, but in the menu for want of room
        self.layout = QHBoxLayout(bar)
        self.layout.setSpacing(SPACING)
        for widget in order:
            self.layout.addWidget(widget, 1 if widget is flexible else 0)
        self.layout.addWidget(more)
        self.menu = QMenu(more)
        self.menu.setObjectName("moreMenu")
        self.menu.aboutToShow.connect(self._fill_menu)
        more.clicked.connect(self._open_menu)
        more.hide()
        bar.installEventFilter(self)

    def setContentsMargins(self, *margins: int) -> None:  # noqa: N802 - as a layout's
        self.layout.setContentsMargins(*margins)

    def keep_after(self, before: QWidget, widget: QWidget) -> None:
        """One more control that always stays on the row, just after ``before``."""
        self.keep.append(widget)
        self.layout.insertWidget(self.layout.indexOf(before) + 1, widget)
        self._tab_in_order()
        self.refit()

    def _tab_in_order(self) -> None:
        """Tab goes along the row as it stands, left to right (a control made later, as new
        content's languages or the kiosk's, would otherwise come last in the window)."""
        items = [self.layout.itemAt(i) for i in range(self.layout.count())]
        widgets = [item.widget() for item in items if item is not None]
        chain = [w for w in widgets if w is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def set_group(self, index: int, widgets: list[QWidget]) -> None:
        """``widgets`` instead of the optional group ``index`` (new content, other
        languages), standing just before "More"; the old ones leave the row."""
        for widget in self.optional[index]:
            self.layout.removeWidget(widget)
            self.wanted.pop(widget, None)
        self.optional[index] = list(widgets)
        for widget in widgets:
            self.layout.insertWidget(self.layout.indexOf(self.more), widget)
            self.wanted[widget] = True
        self._tab_in_order()
        self.refit()

    def set_wanted(self, widget: QWidget, wanted: bool) -> None:
        """Whether ``widget`` belongs on the row at all (a language already chosen does not)."""
        self.wanted[widget] = wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.StyleChange,
                            QEvent.Type.FontChange, QEvent.Type.Show):
            self.refit()
        return False

    @staticmethod
    def _width(widgets: list[QWidget]) -> int:
        return sum(w.sizeHint().width() for w in widgets) + SPACING * len(widgets)

    def refit(self) -> None:
        """Show the optional groups that fit, most important first; the rest go to the menu
        (the "More" button comes only when a control, not just a title, had to go)."""
        margins = self.layout.contentsMargins()
        room = self.bar.width() - margins.left() - margins.right()
        metrics = self.flexible.fontMetrics()
        base = self._width(self.keep) + metrics.averageCharWidth() * FLEXIBLE_MIN_CHARS + 24
        groups = [[w for w in group if self.wanted[w]] for group in self.optional]
        shown = self._fitting(groups, room - base)
        if any(isinstance(w, QAbstractButton) for g in groups for w in g if w not in shown):
            shown = self._fitting(groups, room - base - self._width([self.more]))
        self.hidden = [w for group in groups for w in group if w not in shown]
        for group in self.optional:
            for widget in group:
                widget.setVisible(widget in shown)
        self.more.setVisible(any(isinstance(w, QAbstractButton) for w in self.hidden))
        self.layout.activate()  # placed now: the search box chooses its hint at its width

    def _fitting(self, groups: list[list[QWidget]], room: int) -> set[QWidget]:
        """The groups that fit in ``room``, in order: none after the first that does not."""
        shown: set[QWidget] = set()
        for group in groups:
            width = self._width(group)
            if width > room:
                break
            shown.update(group)
            room -= width
        return shown

    def _info(self) -> QWidget | None:
        """A label that tells something among the controls (the text size), if any."""
        return next((w for group in self.optional for w in group if isinstance(w, QLabel)
                     and any(isinstance(o, QAbstractButton) for o in group)), None)

    def _open_menu(self) -> None:
        self.menu.popup(self.more.mapToGlobal(self.more.rect().bottomLeft()))

    def _fill_menu(self) -> None:
        """Menu items for what is hidden: each presses its control (a label is shown as a
        heading-like item that does nothing)."""
        self.menu.clear()
        for widget in self.hidden:
            if not isinstance(widget, QAbstractButton) and widget is not self._info():
                continue  # the title: nothing to press
            if isinstance(widget, QPushButton) and widget.menu() is not None:
                self._add_items_of(widget)  # Print's own menu: Print…, Save as PDF…
                continue
            if isinstance(widget, QAbstractButton):
                text, name = widget.text(), widget.accessibleName() or widget.text()
                # "A+  (Larger text)": a symbol alone says little in a menu
                action = QAction(f"{text}  ({name})" if name != text and len(text) <= 3
                                 else text, self.menu)
                action.setEnabled(widget.isEnabled())
                action.triggered.connect(widget.click)
            else:
                label = widget if isinstance(widget, QLabel) else None
                action = QAction(widget.accessibleName() or (label.text() if label else ""),
                                 self.menu)
                action.setEnabled(False)
            self.menu.addAction(action)

    def _add_items_of(self, button: QPushButton) -> None:
        """The items of a button's own menu, each doing what it does there."""
        for item in button.menu().actions():
            action = QAction(item.text(), self.menu)
            action.setEnabled(button.isEnabled() and item.isEnabled())
            action.triggered.connect(item.trigger)
            self.menu.addAction(action)
