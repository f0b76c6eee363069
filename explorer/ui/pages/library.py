"""Every condition, grouped by region; each opens its page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.ui.pages.base import Page, PageContext


class LibraryPage(Page):
    def __init__(self, context: PageContext, key: PageKey = ("library", ""),
                 parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        content = context.content
        self.setAccessibleName(tr("All conditions"))
        self.add_title(tr("All conditions"), tr("Library"))
        self.add_text(tr("Every condition in the explorer, by the part of the spine it "
                         "affects. Some affect several parts."), "pageLead")
        for region in content.regions:
            self.add_heading(f"{region.name} ({region.medical_name})")
            self.add_links(("condition", c.id, c.name) for c in content.conditions_of(region.id))
        self.finish()
