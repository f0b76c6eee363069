"""The page: a scrollable column of text and links, built in two steps.

Pages talk to the main window only through :attr:`Page.link_activated` ``(kind, id)``.
Every page is made the same way, ``PageClass(context, key)``, by the router
(:mod:`explorer.ui.router`), which finds the class in the table of kinds.

A screen reader finds the page as a document named by its title, with a heading for the
title and for each section, lists as lists, and every text readable through AT-SPI's Text
interface (:mod:`explorer.ui.accessible`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from explorer.model import Content, Source
from explorer.model.dates import long_date
from explorer.model.entities import LEVELS, sources_for
from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.model.signs import DEFAULT_EMERGENCY_NUMBER, by_level, heading
from explorer.model.world import World
from explorer.ui import accessible
from explorer.ui.layouts import ColumnsLayout, FlowLayout
from explorer.ui.widgets import (
    Chip,
    ItemList,
    LinkButton,
    Title,
    WrapLabel,
    bullet_list,
    escape,
    make_tab_stop,
    tab_after,
    text_label,
)


def breakable(text: str) -> str:
    """Long addresses may wrap after each "/", "." and "-" (a zero-width space there), so a
    source is never cut at the side of a narrow page."""
    return re.sub(r"(?<=[/.\-])(?=[^\s/])", "\u200b", text)


class PageContext(NamedTuple):
    """What a page is made from: the loaded world, the language it is shown in, the
    kiosk's on-screen keyboard (a function that makes one) where there is one, and the
    number its emergency boxes say to call (the configuration's ``emergency_number``)."""

    world: World
    language: str
    keyboard: Callable[[], QWidget] | None = None
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER

    @property
    def content(self) -> Content:
        return self.world.content(self.language)  # type: ignore[return-value]


class _FirstPaint(QObject):
    """Calls ``then`` on the next turn of the event loop after ``widget`` first paints,
    and goes.  (A filter that removes itself, rather than an override of viewportEvent,
    which Python would be asked about for every event of the page's life.)"""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.widget, self.then)
            self.deleteLater()
        return False


def _in_emergency_box(widget: QWidget | None) -> bool:
    while widget is not None:
        if widget.objectName() == "emergencyBox":
            return True
        widget = widget.parentWidget()
    return False


class Page(QScrollArea):
    """A scrollable page; subclasses add blocks in their constructor."""

    link_activated = Signal(str, str)  # kind ("region" | "condition"), id

    def __init__(self, key: PageKey = ("", ""), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setViewport(QWidget())  # see SpineDiagram: a Python-made viewport starts faster
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.body.setObjectName("page")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(28, 14, 28, 28)
        self.column.setSpacing(8)
        self.setWidget(self.body)
        self.link_buttons: list[QPushButton] = []
        self.title: QLabel | None = None
        self._later: list[Callable[[], object]] = []
        self._finished = self._scheduled = False

    READABLE_WIDTH = 880  # longer lines are hard to read; wide screens get a margin instead

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        spare = max(0, event.size().width() - self.READABLE_WIDTH)
        self.column.setContentsMargins(28, 14, 28 + spare, 28)
        super().resizeEvent(event)

    # -- blocks ---------------------------------------------------------------------------
    def add_title(self, title: str, kicker: str = "") -> QLabel:
        if kicker:
            self._place(text_label(kicker, "pageKicker"))
        label = self.title = Title(title)
        self.setAccessibleName(title)  # the document is named by its title
        self._place(label)
        return label

    def focus_title(self) -> None:
        """Put the keyboard focus on the title, so a screen reader says where the person is
        now and reading on starts there."""
        if self.title is not None:
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_text(self, text: str, name: str = "body") -> QLabel:
        label = text_label(text, name)
        self._place(label)
        return label

    def add_heading(self, text: str) -> QLabel:
        label = text_label(text, "sectionHeading")
        self._space(4)
        self._place(label)
        return label

    def add_bullets(self, items: Iterable[str]) -> QWidget:
        holder = bullet_list(items)
        self._place(holder)
        return holder

    BOX_ICONS = {"emergency": "☎ ", "urgent": "⚠ ", "soon": "✚ ", "doctor": "✚ "}

    def add_box(self, kind: str, title: str, items: Iterable[str] = (), text: str = "") -> QFrame:
        """A framed block: ``kind`` 'emergency', 'urgent', 'soon' or 'doctor'.  Each says what
        it is in words and an icon, and has its own border, so colour is never the only sign."""
        box = QFrame()
        box.setObjectName(f"{kind}Box")
        box.setAccessibleName(title)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(22 if kind == "emergency" else 18, 14, 18, 14)
        inner.setSpacing(6)
        heading = text_label(self.BOX_ICONS.get(kind, "") + title, "boxTitle")
        heading.setAccessibleName(title)  # the symbol is for the eye only
        inner.addWidget(heading)
        if text:
            inner.addWidget(text_label(text))
        if items:
            inner.addWidget(bullet_list(items))
        self._place(box)
        return box

    def add_signs(self, signs: Iterable, emergency_number: str, levels: Iterable[str] = LEVELS,
                  more_soon: Iterable[str] = (), soon_text: str = "") -> list[QFrame]:
        """A box for each level of ``signs`` (those of ``levels``), most serious first, its
        heading from the level.  ``more_soon`` and ``soon_text`` go in the 'soon' box (a
        condition's own reasons to see a doctor), which is then shown even with no signs."""
        levels = tuple(levels)
        groups = dict(by_level(signs, levels))
        if "soon" in levels and (more_soon or soon_text):
            groups["soon"] = groups.get("soon", []) + list(more_soon)
        boxes = []
        for level in (lv for lv in LEVELS if lv in groups):
            title, lead = heading(level, emergency_number)
            text = soon_text if level == "soon" and soon_text else lead
            boxes.append(self.add_box(level, title, groups[level], text))
        return boxes

    def add_chips(self, texts: Iterable[str]) -> QWidget:
        holder = ItemList()
        flow = FlowLayout(holder, spacing=8)
        for text in texts:
            chip = Chip(text)
            chip.setObjectName("chip")
            chip.setTextFormat(Qt.TextFormat.PlainText)
            chip.setWordWrap(True)
            flow.addWidget(chip)
        self._place(holder)
        return holder

    def add_links(self, links: Iterable[tuple[str, str, str]], grouped: bool = False) -> QWidget:
        """Buttons for ``(kind, id, text)`` that emit :attr:`link_activated`; ``grouped``:
        one Tab stop, the arrow keys move between them (a row of levels)."""
        holder = self.make_links(links, grouped)
        self._place(holder)
        return holder

    def make_links(self, links: Iterable[tuple[str, str, str]],
                   grouped: bool = False) -> QWidget:
        """The buttons of :meth:`add_links`, not yet placed on the page."""
        holder = QWidget()
        flow = FlowLayout(holder, spacing=10)
        buttons = [self.link(kind, item_id, LinkButton(text)) for kind, item_id, text in links]
        for button in buttons:
            button.arrow_keys = grouped
            flow.addWidget(button)
        if grouped and buttons:
            make_tab_stop(buttons[0])
        return holder

    def link(self, kind: str, item_id: str, button: LinkButton) -> LinkButton:
        """``button`` opens ``(kind, id)``: one of the page's links (the level table's too)."""
        button.clicked.connect(
            lambda _checked=False, k=kind, i=item_id: self.link_activated.emit(k, i))
        self.link_buttons.append(button)
        return button

    def add_terms(self, terms: Iterable[tuple[str, str]]) -> QWidget:
        """``(term, explanation)`` pairs in columns: the term in bold, then its explanation."""
        holder = QWidget()
        columns = ColumnsLayout(holder, min_column=300)
        for term, text in terms:
            label = WrapLabel(f"<b>{escape(term)}</b> — {escape(text)}")
            label.setObjectName("term")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setAccessibleName(f"{term}: {text}")
            columns.addWidget(label)
        self._place(holder)
        return holder

    def add_sources(self, sources: Iterable[Source], reviewed) -> QLabel:
        from explorer.model.i18n import language

        lines = [f"{s.title} — {s.url}" for s in sources_for(tuple(sources), language())]
        text = tr("Sources") + ":\n" + "\n".join(lines) + "\n" + tr(
            "Last reviewed: {date}", date=long_date(reviewed))
        self._space(8)
        label = self.add_text(breakable(text), "sources")
        label.setAccessibleName(text)  # read as written, without the break marks
        return label

    # -- reading aloud --------------------------------------------------------------------
    def spoken_text(self) -> str:
        """The whole page as plain text: emergency signs first, then in reading order."""
        parts: list[str] = []
        labels = self.body.findChildren(QLabel)
        for label in sorted(labels, key=lambda lab: not _in_emergency_box(lab)):
            text = label.accessibleName() or label.text()
            text = text.replace("›", "").strip()
            if text and text not in parts[-1:]:
                parts.append(text)
        return "\n".join(parts)

    def announcement(self) -> str:
        """What is said when the page opens while reading aloud is on: title and lead."""
        labels = [lab for lab in self.body.findChildren(QLabel)
                  if lab.objectName() in ("pageTitle", "pageLead")]
        return ". ".join(lab.text() for lab in labels[:2])

    # -- building in two steps ------------------------------------------------------------
    def _place(self, widget: QWidget) -> None:
        self.column.insertWidget(self.column.count() - (1 if self._finished else 0), widget)
        if self._finished:
            widget.show()  # else the layout would show it only on a later turn of the loop
            # Qt puts a widget added now at the end of the window's Tab order: bring it
            # back to the end of the page's (the footer's controls come after the page).
            tab_after(self, [widget, *widget.findChildren(QWidget)])

    def _space(self, pixels: int) -> None:
        self.column.insertSpacing(self.column.count() - (1 if self._finished else 0), pixels)

    def later(self, build: Callable[[], object]) -> None:
        """Build part of the page just after it is first shown.

        What lies below the first screen is not seen in the first frame, so it need not
        delay it; it is added on the next turn of the event loop.
        """
        if not self._later and not self._scheduled:
            self._scheduled = True
            _FirstPaint(self.viewport(), self.complete)
        self._later.append(build)

    def finish(self) -> None:
        self.column.addStretch(1)
        self._finished = True

    def complete(self) -> None:
        """Build whatever was left for later, now."""
        pending, self._later = self._later, []
        for build in pending:
            build()
        # Settle the new layout now, so no frame shows the page squeezed into its old size.
        self.body.ensurePolished()
        layout = self.column  # the body's layout
        layout.activate()
        width = self.body.width()
        self.body.resize(width, max(self.viewport().height(), layout.totalHeightForWidth(width)))

    def is_complete(self) -> bool:
        return not self._later


accessible.register(Page, accessible.with_role(accessible.Role.Document))
