"""'Where do you feel it?': a body area, and the parts of the spine that can send symptoms there."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.ui.pages.base import Page, PageContext


class AreaPage(Page):
    def __init__(self, context: PageContext, key: PageKey, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        content = context.content
        area_id = self.area_id = key[1]
        area = content.get("body_areas", area_id)
        signs = content.warning_signs_of("body_areas", area_id)
        self.setAccessibleName(area.name)
        self.add_title(area.name, tr("Where do you feel it?"))
        self.add_text(tr("Problems in these parts of the spine can sometimes be felt here. This "
                         "is for learning, not a diagnosis: many other things can cause "
                         "symptoms in the same place. A doctor can find out what is behind "
                         "yours."), "pageLead")
        self.add_signs(signs, context.emergency_number, levels=("emergency",))
        regions, roots = content.sources_of_area(area_id)
        if regions:
            self.add_heading(tr("Parts of the spine"))
            self.add_links(("region", r.id, f"{r.name} ({r.medical_name})") for r in regions)
        if roots:
            self.add_heading(tr("Nerve roots whose skin area includes it"))
            self.add_links(("nerve", n.id, n.name) for n in roots)
            self.add_terms((n.name, n.dermatome) for n in roots)
        if not regions and not roots:
            self.add_text(tr("The spine is not a common cause of symptoms here."))
        self.add_signs(signs, context.emergency_number, levels=("urgent", "soon"), soon_text=tr(
            "See a doctor if the feeling is new and strong, keeps coming back, or comes with "
            "weakness, numbness or a change in how you walk."))
        self.add_sources(area.sources, area.reviewed)
        self.finish()
