"""Search results, updated as the person types; an on-screen keyboard in kiosk mode."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.i18n import tr
from explorer.model.search import SearchIndex
from explorer.pages.base import Page

PAGE_KIND = {"regions": "region", "conditions": "condition", "nerve_roots": "nerve",
             "discs": "disc", "vertebrae": "vertebra", "body_areas": "area", "topics": "home",
             "muscles": "muscle"}


def kind_names() -> dict[str, str]:
    return {"regions": tr("Part of the spine"), "conditions": tr("Condition"),
            "nerve_roots": tr("Nerve root"), "discs": tr("Disc"),
            "vertebrae": tr("Vertebra (spine bone)"), "body_areas": tr("Where you feel it"),
            "topics": tr("Topic"), "muscles": tr("Muscle")}


class SearchPage(Page):
    def __init__(self, index: SearchIndex, keyboard: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setAccessibleName(tr("Search"))
        self.add_title(tr("Search"))
        self.add_text(tr("Type a word you know: a part of the body, a condition, a level such "
                         "as L5, or everyday words like “slipped disc”."), "muted")
        if keyboard is not None:
            self._place(keyboard)
        self.summary = self.add_text("", "pageLead")
        self.results_at = self.column.count()
        self.result_widgets: list[QWidget] = []
        self.results: list = []
        self.add_links([("library", "", tr("All conditions, A to Z by part of the spine"))])
        self.finish()
        self.set_query("")

    def set_query(self, query: str) -> None:
        for widget in self.result_widgets:
            self.column.removeWidget(widget)
            widget.deleteLater()
        self.result_widgets.clear()
        self.link_buttons = self.link_buttons[:1]  # keep the library link
        self.results = self.index.search(query) if query.strip() else []
        if not query.strip():
            self.summary.setText(tr("Results appear here as you type."))
            return
        if not self.results:
            self.summary.setText(tr("Nothing found for “{query}”. Try another word, or "
                                    "browse all conditions.", query=query))
            return
        self.summary.setText(tr("{count} result(s) for “{query}”", count=len(self.results),
                                query=query))
        names = kind_names()
        links = [(PAGE_KIND[r.kind], r.id, f"{r.name} · {names[r.kind]}") for r in self.results]
        holder = self.make_links(links)
        self.column.insertWidget(self.results_at, holder)
        self.result_widgets.append(holder)
