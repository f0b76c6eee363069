"""How the window's body is arranged: the drawings and the page side by side when both
have room, else one at a time, full size, under tabs.

- **wide**: a wide window shows the spine, the body map and the page side by side;
- **side**: the spine (or the body map, by a tab) beside the page;
- **narrow**: below a width, or with text above 150 %, the page takes the whole width and
  the drawings their whole height, one at a time: tabs "Page", "Spine", "Body map".

Which one is in front is the visitor's (``state.front`` and ``state.drawing``); how much
room there is decides the mode.  :func:`mode_for` is the rule, kept apart so it can be
read (and tested) on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from explorer.model.i18n import tr
from explorer.ui.widgets import ToggleButton

if TYPE_CHECKING:
    from explorer.model.problems import Problem
    from explorer.ui.problemsbanner import ProblemsBanner

WIDE_PX = 1500  # from this window width the body map stands beside the spine too
MIN_PAGE_PX = 440  # the narrowest a page is read beside the drawing, at 100 % text
NARROW_ABOVE_TEXT = 150  # above this text size the drawing and the page take turns
MARGINS = (16, 16, 8, 8)
SPACING = 16


def mode_for(width: int, text_size: int, panel_width: int, has_body: bool,
             body_width: int = 0) -> str:
    """'wide', 'side' or 'narrow' for a body ``width`` pixels wide at ``text_size`` %,
    when the spine panel asks for ``panel_width`` (and the body map for ``body_width``)."""
    if text_size > NARROW_ABOVE_TEXT:
        return "narrow"
    page = width - MARGINS[0] - MARGINS[2] - SPACING - panel_width
    if page < MIN_PAGE_PX * text_size / 100:
        return "narrow"
    if has_body and width >= WIDE_PX and page - body_width >= MIN_PAGE_PX * text_size / 100:
        return "wide"
    return "side"


class TabButton(ToggleButton):
    """A tab: one of a group, only one chosen (bold) at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("tabButton", parent)
        self.setAutoExclusive(True)


class ViewTabs(QWidget):
    """"Page", "Spine", "Body map": what is in front when they take turns."""

    chosen = Signal(str)  # "page", "spine" or "body"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewTabs")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the panel's colour
        self.row = row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.buttons: dict[str, TabButton] = {}
        for key in ("page", "spine", "body"):
            tab = TabButton()
            # toggled, not clicked: a screen reader's Toggle action must work too
            tab.toggled.connect(lambda on, k=key: self.chosen.emit(k) if on else None)
            row.addWidget(tab)
            self.buttons[key] = tab
        row.addStretch(1)

    def height_beside(self) -> int:
        """Its height at the top of the panel (no margins of its own there)."""
        margins = self.row.contentsMargins()
        return self.sizeHint().height() - margins.top() - margins.bottom()

    def retranslate(self) -> None:
        for key, text, spoken in (("page", tr("Page"), tr("Show the page")),
                                  ("spine", tr("Spine"), tr("Show the spine")),
                                  ("body", tr("Body map"), tr("Show the body map"))):
            self.buttons[key].setText(text)
            self.buttons[key].setAccessibleName(spoken)

    def show_state(self, mode: str, shown: str, has_body: bool) -> None:
        """Which tabs there are in ``mode``, and which is checked (``shown``)."""
        visible = {"narrow": {"page", "spine", "body"}, "side": {"spine", "body"},
                   "wide": set()}[mode]
        if not has_body:
            visible -= {"body"}
        if visible == {"spine"}:
            visible = set()  # one choice is none
        for key, tab in self.buttons.items():
            tab.setVisible(key in visible)
            if key == shown and not tab.isChecked():
                tab.blockSignals(True)  # showing, not choosing
                tab.setChecked(True)
                tab.blockSignals(False)  # (the others, auto-exclusive, uncheck themselves)
        self.setVisible(bool(visible))


class Arrangement(QWidget):
    """The window's body: the drawing panel and the pages, arranged by :func:`mode_for`."""

    view_chosen = Signal(str)  # "page", "spine" or "body", from the tabs

    def __init__(self, panel, router, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel, self.router = panel, router
        self.mode = "side"
        self.front, self.drawing = "drawing", "spine"
        self.tabs = ViewTabs()
        self.tabs.chosen.connect(self.view_chosen)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(*MARGINS)
        self.column.setSpacing(8)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(panel)
        self.pages = QWidget()  # the page, and above it watch mode's problems banner
        self.page_column = QVBoxLayout(self.pages)
        self.page_column.setContentsMargins(0, 0, 0, 0)
        self.page_column.addWidget(router, 1)
        self.problems_banner: ProblemsBanner | None = None  # made at its first problems
        row.addWidget(self.pages, 1)
        self.column.addLayout(row, 1)
        panel.host_tabs(self.tabs)

    def retranslate(self) -> None:
        self.tabs.retranslate()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Problems of content being edited (watch mode), above the page; none: it goes."""
        from explorer.ui.problemsbanner import ProblemsBanner  # watch mode only

        self.problems_banner = ProblemsBanner.shown_in(self.problems_banner, self.page_column,
                                                       problems)

    def arrange(self, size: QSize, text_size: int) -> str:
        """Choose the mode for a body of ``size`` and give the panel its width."""
        height = size.height() - MARGINS[1] - MARGINS[3]
        tabs = self.tabs.height_beside() if self.panel.has_body_map else 0
        spine, body = self.panel.preferred_widths(height, tabs)  # as it would be beside
        mode = mode_for(size.width(), text_size, spine, self.panel.has_body_map, body)
        if mode != self.mode:
            self.mode = mode
            if mode == "narrow":
                self.column.insertWidget(0, self.tabs)
                self.tabs.row.setContentsMargins(8, 8, 8, 8)
            else:
                self.tabs.row.setContentsMargins(0, 0, 0, 0)
                self.panel.host_tabs(self.tabs)
        if mode == "narrow":
            self.panel.setMinimumWidth(0)
            self.panel.setMaximumWidth(16_777_215)
        else:
            self.panel.setFixedWidth(spine + (body if mode == "wide" else 0))
        self._show()
        return mode

    def show_front(self, front: str, drawing: str) -> None:
        """What the visitor has in front: the page or a drawing, and which drawing."""
        self.front, self.drawing = front, drawing
        self._show()

    def _show(self) -> None:
        narrow = self.mode == "narrow"
        page_front = narrow and self.front == "page"
        self.panel.setVisible(not page_front)
        self.pages.setVisible(not narrow or page_front)
        self.panel.show_views(both=self.mode == "wide", which=self.drawing)
        shown = "page" if page_front else self.drawing
        self.tabs.show_state(self.mode, shown, self.panel.has_body_map)
