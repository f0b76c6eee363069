"""Search results, updated as the person types; an on-screen keyboard in kiosk mode."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from explorer.model.i18n import tr
from explorer.model.kinds import BY_COLLECTION, PageKey, page_key
from explorer.ui.accessible import announce
from explorer.ui.pages.base import Page, PageContext

LIMIT = 20  # results shown at once
SETTLE_MS = 700  # how many results there are is said once the typing pauses


class SearchPage(Page):
    def __init__(self, context: PageContext, key: PageKey = ("search", ""),
                 parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.content = context.content
        self.index = context.world.search_index(context.language)
        keyboard = context.keyboard() if context.keyboard is not None else None
        self.setAccessibleName(tr("Search"))
        self.add_title(tr("Search"))
        self.add_text(tr("Type a word you know: a part of the body, a condition, a level such "
                         "as L5, or everyday words like “slipped disc”."), "muted")
        if keyboard is not None:
            self._place(keyboard)
        self.summary = self.add_text("", "pageLead")
        # Result buttons are made once and reused: each keystroke only changes their words,
        # so results follow the typing within a frame.
        self.pool = self.add_links(("result", str(i), "…") for i in range(LIMIT))
        self.pool_buttons = list(self.link_buttons)
        self.targets: list[PageKey | None] = [None] * LIMIT
        for index, button in enumerate(self.pool_buttons):
            button.clicked.disconnect()
            button.clicked.connect(lambda _=False, i=index: self._open(i))
        self.add_links([("library", "", tr("All conditions, A to Z by part of the spine"))])
        self.results: list = []
        self.said = QTimer(self)  # the count is said once, when the typing pauses
        self.said.setSingleShot(True)
        self.said.setInterval(SETTLE_MS)
        self.said.timeout.connect(lambda: announce(self, self.summary.text()))
        self.finish()
        self.set_query("")

    def set_query(self, query: str) -> None:
        self.results = self.index.search(query, LIMIT) if query.strip() else []
        for index, button in enumerate(self.pool_buttons):
            if index < len(self.results):
                result = self.results[index]
                self.targets[index] = page_key(self.content, result.kind, result.id)
                kind = tr(BY_COLLECTION[result.kind].label)
                button.set_text(f"{result.name} · {kind}", f"{result.name}, {kind.lower()}")
                button.show()
            else:
                button.hide()
        self.pool.setVisible(bool(self.results))
        if not query.strip():
            self.summary.setText(tr("Results appear here as you type."))
            self.said.stop()
            return
        if not self.results:
            self.summary.setText(tr("Nothing found for “{query}”. Try another word, or "
                                    "browse all conditions.", query=query))
        elif len(self.results) == 1:
            self.summary.setText(tr("1 result for “{query}”", query=query))
        else:
            self.summary.setText(tr("{count} results for “{query}”",
                                    count=len(self.results), query=query))
        self.said.start()

    def _open(self, index: int) -> None:
        target = self.targets[index]
        if target is not None:
            self.link_activated.emit(*target)

    def result_buttons(self) -> list:
        return [b for b in self.pool_buttons if not b.isHidden()]
