"""Search results, updated as the person types; an on-screen keyboard in kiosk mode.

Best first, each labelled with its kind; the emergency box first when the query names an
emergency warning sign (its heading from the level, with the configured emergency number);
the count in the summary's accessible name and said once the typing pauses, for screen
readers; and when nothing is found, the body map and the conditions list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from explorer.model.entities import WarningSign
from explorer.model.i18n import tr
from explorer.model.kinds import BY_COLLECTION, PageKey
from explorer.model.search import Result
from explorer.model.signs import heading
from explorer.ui.accessible import announce
from explorer.ui.pages.base import Page, PageContext
from explorer.ui.widgets import ItemList, LinkButton, set_bullets

LIMIT = 12  # results shown at once: the best ones; fewer keep each keystroke quick
SETTLE_MS = 700  # how many results there are is said once the typing pauses


class SearchPage(Page):
    def __init__(self, context: PageContext, key: PageKey = ("search", ""),
                 parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.index = context.world.search_index(context.language)
        keyboard = context.keyboard() if context.keyboard is not None else None
        self.setAccessibleName(tr("Search"))
        self.add_title(tr("Search"))
        self.add_text(tr("Type a word you know: a part of the body, a condition, a level such "
                         "as L5, or everyday words like “slipped disc”."), "muted")
        if keyboard is not None:
            self._place(keyboard)
        title, lead = heading("emergency", context.emergency_number)
        self.emergency = self.add_box("emergency", title, ["…"], lead)
        self.emergency_title, self.emergency_text = self.emergency.findChildren(
            QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly)
        self.emergency_items = self.emergency.findChildren(ItemList)[0]  # the signs
        self.emergency_signs: list[str] = []  # the texts of the signs in the box
        self.summary = self.add_text("", "pageLead")
        # Result buttons are made once and reused: each keystroke only changes their words,
        # so results follow the typing within a frame.
        self.pool = self.add_links(("result", str(i), "…") for i in range(LIMIT))
        self.pool_buttons: list[LinkButton] = list(self.link_buttons)  # type: ignore[arg-type]
        self.targets: list[PageKey] = [("home", "")] * LIMIT
        for index, button in enumerate(self.pool_buttons):
            button.clicked.disconnect()
            button.clicked.connect(lambda _=False, i=index: self.link_activated.emit(
                *self.targets[i]))
        self.elsewhere = self.add_links([
            ("bodymap", "", tr("Where do you feel it? Show the body map")),
            ("library", "", tr("All conditions, A to Z by part of the spine"))])
        self.results: list[Result] = []
        self.said = QTimer(self)  # the count is said once, when the typing pauses
        self.said.setSingleShot(True)
        self.said.setInterval(SETTLE_MS)
        self.said.timeout.connect(lambda: announce(self, self.summary.text()))
        self.finish()
        self.set_query("")

    def set_query(self, query: str) -> None:
        typed = query.strip()
        self.results = self.index.search(query, LIMIT) if typed else []
        self._show_emergency(self.index.emergency(query) if typed else [])
        # Only what changed is touched: each change lays the page out again.
        for index, button in enumerate(self.pool_buttons):
            if index < len(self.results):
                result = self.results[index]
                self.targets[index] = result.page
                kind = tr(BY_COLLECTION[result.kind].label)
                spoken = f"{result.name}, {kind.lower()}"  # the "·" is for the eye only
                if button.accessibleName() != spoken:
                    button.set_text(f"{result.name} · {kind}", spoken)
                if button.isHidden():
                    button.show()
            elif not button.isHidden():
                button.hide()
        if self.pool.isHidden() == bool(self.results):
            self.pool.setVisible(bool(self.results))
        self._show_summary(typed)

    def _show_summary(self, query: str) -> None:
        if not query:
            text = tr("Results appear here as you type.")
            self.said.stop()
        elif not self.results:
            text = tr("Nothing found for “{query}”. Try another word, show where you feel it "
                      "on the body map, or browse all conditions.", query=query)
        elif len(self.results) == 1:
            text = tr("1 result for “{query}”", query=query)
        else:
            text = tr("{count} results for “{query}”, best first", count=len(self.results),
                      query=query)
        if query:
            self.said.start()
        if self.summary.text() == text:
            return
        self.summary.setText(text)
        # What a screen reader finds on the summary: the count, every time it changes.
        self.summary.setAccessibleName(text)
        self.summary.setAccessibleDescription(tr("Search results"))

    def _show_emergency(self, signs: list[WarningSign]) -> None:
        if self.emergency.isHidden() == bool(signs):
            self.emergency.setVisible(bool(signs))
        texts = [sign.text for sign in signs]
        if not signs or texts == self.emergency_signs:
            return
        self.emergency_signs = texts
        set_bullets(self.emergency_items, texts)

    def result_buttons(self) -> list:
        return [b for b in self.pool_buttons if not b.isHidden()]

