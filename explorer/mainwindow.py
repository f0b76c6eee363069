"""The main window: composes the drawing and the pages and wires their signals."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from explorer.diagram import SpineDiagram
from explorer.i18n import tr
from explorer.model import Content, Drawing, Problem
from explorer.navigation import HOME, History, PageKey
from explorer.pages.base import Page, text_label
from explorer.pages.home import HomePage
from explorer.pages.region import RegionPage
from explorer.theme import DEFAULT, Theme


class MainWindow(QMainWindow):
    page_changed = Signal(str, str)  # kind, id

    def __init__(self, content: Content | None, drawing: Drawing | None,
                 problems: Iterable[Problem] = (), theme: Theme = DEFAULT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locked = False  # a kiosk: the window cannot be closed or minimised
        self.content = content
        self.problems = tuple(problems)
        self.theme = theme
        self.history = History()
        self.pages: dict[PageKey, Page] = {}
        self.setWindowTitle(tr("Spine Explorer"))
        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header())
        outer.addWidget(self._body(drawing), 1)
        outer.addWidget(self._footer())
        self.setCentralWidget(central)
        QTimer.singleShot(0, self, self._shortcuts)  # not needed for the first frame
        self.show_page(HOME if content is not None else ("problems", ""), record=False)

    # -- layout ---------------------------------------------------------------------------
    def _header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("header")
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 8, 20, 8)
        row.setSpacing(10)
        self.back_button = self._nav_button(tr("‹ Back"), tr("Back"),
                                            tr("Go back to the previous page"), self.go_back)
        self.home_button = self._nav_button(tr("⌂ Home"), tr("Home"),
                                            tr("Go to the start page"), self.go_home)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addSpacing(12)
        title = text_label(tr("Spine Explorer"), "appTitle")
        title.setWordWrap(False)
        row.addWidget(title)
        tagline = text_label(tr("Learn how your spine works"), "appTagline")
        tagline.setWordWrap(False)
        row.addWidget(tagline)
        row.addStretch(1)
        self.header_row = row
        return header

    def _nav_button(self, text: str, name: str, description: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("navButton")
        button.setAccessibleName(name)
        button.setAccessibleDescription(description)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    def _body(self, drawing: Drawing | None) -> QWidget:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(16, 16, 8, 8)
        row.setSpacing(16)
        panel = QFrame()
        panel.setObjectName("diagramPanel")
        self.panel = panel
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 8, 8, 8)
        self.diagram: SpineDiagram | None = None
        if drawing is not None:
            self.diagram = SpineDiagram(drawing, self.theme)
            self.diagram.region_selected.connect(self.select_region)
            self.diagram.setEnabled(self.content is not None)
            if self.content is not None:
                self.diagram.set_labels({r.id: (r.name, r.medical_name)
                                         for r in self.content.regions})
            column.addWidget(self.diagram, 1)
        hint = text_label(tr("Tap a region of the spine to learn about it."), "diagramHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(hint)
        row.addWidget(panel)
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        return body

    def _footer(self) -> QWidget:
        footer = QFrame()
        footer.setObjectName("footer")
        row = QHBoxLayout(footer)
        row.setContentsMargins(20, 8, 20, 8)
        self.disclaimer = text_label(
            tr("For learning only — this is not a diagnosis. Talk to your doctor about your "
               "symptoms."), "disclaimer")
        row.addWidget(self.disclaimer)
        return footer

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Give the drawing the width it needs at this height, and the pages the rest."""
        if self.diagram is not None:
            height = max(self.centralWidget().height() - 160, 300)
            width = self.diagram.preferred_width(height) + 16
            self.panel.setFixedWidth(max(300, min(width, int(event.size().width() * 0.42))))
        super().resizeEvent(event)

    def _shortcuts(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        for keys, slot in (([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)],
                            self.go_back),
                           ([QKeySequence("Alt+Home"), QKeySequence(Qt.Key.Key_HomePage)],
                            self.go_home)):
            action = QAction(self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            self.addAction(action)

    def diagram_host(self) -> QWidget:
        """The panel around the drawing (for banners shown over it)."""
        return self.panel

    # -- kiosk ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if self.locked and event.type() == QEvent.Type.WindowStateChange and \
                self.windowState() & Qt.WindowState.WindowMinimized:
            QTimer.singleShot(0, self.showFullScreen)  # a kiosk cannot be minimised

    def reset_session(self) -> None:
        """Back to a fresh start page, as the next person should find it."""
        self._drop_pages()
        self.history.reset()
        if self.diagram is not None:
            self.diagram.reset()
        self.show_page(HOME if self.content is not None else ("problems", ""), record=False)

    def set_content(self, content: Content) -> None:
        """Show other (already validated) content, starting from the start page."""
        self.content = content
        self.problems = ()
        if self.diagram is not None:
            self.diagram.setEnabled(True)
            self.diagram.set_labels({r.id: (r.name, r.medical_name) for r in content.regions})
        self.reset_session()

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()

    # -- navigation -----------------------------------------------------------------------
    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def current_key(self) -> PageKey:
        return self.history.current

    def select_region(self, region_id: str) -> None:
        self.show_page(("region", region_id))

    def open_condition(self, condition_id: str) -> None:
        self.show_page(("condition", condition_id))

    def go_back(self) -> None:
        self.show_page(self.history.back(), record=False)

    def go_home(self) -> None:
        self.show_page(HOME)

    def show_page(self, key: PageKey, record: bool = True) -> None:
        page = self._page(key)
        if record:
            self.history.go(key)
        self.stack.setCurrentWidget(page)
        if self.diagram is not None and key[0] in ("home", "region"):
            self.diagram.set_selected(key[1] or None)
        self.back_button.setEnabled(self.history.can_go_back())
        self.page_changed.emit(*key)

    def _page(self, key: PageKey) -> Page:
        page = self.pages.get(key)
        if page is None:
            page = self._make_page(key)
            page.link_activated.connect(self._follow_link)
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def _make_page(self, key: PageKey) -> Page:
        kind, item_id = key
        if self.content is None:
            from explorer.pages.problems import ProblemsPage

            return ProblemsPage(self.problems)
        if kind == "region":
            return RegionPage(self.content.region(item_id), self.content)
        if kind == "condition":
            from explorer.pages.condition import ConditionPage

            return ConditionPage(self.content.condition(item_id), self.content)
        return HomePage(self.content)

    def _follow_link(self, kind: str, item_id: str) -> None:
        self.show_page((kind, item_id))
