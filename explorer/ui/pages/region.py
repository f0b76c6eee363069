"""The page for one region of the spine."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.model import Content, Region
from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.model.levelrows import level_rows
from explorer.ui.pages.base import Page, PageContext
from explorer.ui.pages.leveltable import level_table


class RegionPage(Page):
    def __init__(self, context: PageContext, key: PageKey, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        content = context.content
        region = content.region(key[1])
        self.region_id = region.id
        self.emergency_number = context.emergency_number
        signs = content.warning_signs_of("regions", region.id)
        self.setAccessibleName(tr("{name} — {medical}", name=region.name,
                                  medical=region.medical_name))
        self.add_title(tr("{name} — {medical}", name=region.name,
                          medical=region.medical_name.lower()))
        self.add_text(f"{region.location} {region.bones}.".replace("..", "."), "pageLead")
        self.add_signs(signs, self.emergency_number, levels=("emergency",))  # first screen
        self.add_heading(tr("Where you may feel it"))
        self.add_chips(area.name for area in content.body_areas_of(region))
        self.add_heading(tr("Muscles this area can affect"))
        self.add_terms((m.name, m.does) for m in content.muscles_of(region))
        self.add_heading(tr("Related conditions"))
        self.conditions = self.add_links(
            ("condition", c.id, c.name) for c in content.conditions_of(region.id))
        # Everything above is the first screen at 1280x800; the rest is for reading on.
        self.later(lambda: self._add_more(region, content, signs))
        self.finish()

    def _add_more(self, region: Region, content: Content, signs) -> None:
        self.add_heading(tr("Levels: bones, discs and nerve roots"))
        self.add_text(tr("Choose a level to see what it does, or choose it on the drawing."),
                      "muted")
        self._place(level_table(self, level_rows(content, region.id)))
        self.add_heading(tr("About this part of the spine"))
        self.add_text(region.summary)
        self.add_text(region.feel)
        self.add_signs(signs, self.emergency_number, levels=("urgent", "soon"))
        medical = [f"{m.name}: {m.medical_name}" for m in content.muscles_of(region)
                   if m.medical_name and m.medical_name.lower() not in m.name.lower()]
        if medical:
            self.add_heading(tr("Medical names of these muscles"))
            self.add_bullets(medical)
        self.add_sources(region.sources, region.reviewed)
