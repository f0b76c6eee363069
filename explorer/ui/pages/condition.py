"""The page for one condition."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.model import Condition
from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.ui.pages.base import Page, PageContext


class ConditionPage(Page):
    def __init__(self, context: PageContext, key: PageKey, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        content = context.content
        condition = content.condition(key[1])
        self.condition_id = condition.id
        self.emergency_number = context.emergency_number
        signs = content.warning_signs_of("conditions", condition.id)
        self.setAccessibleName(condition.name)
        self.add_title(condition.name, tr("Condition"))
        if condition.also_called:
            self.add_text(tr("Also called: {names}", names=", ".join(condition.also_called)),
                          "muted")
        # The emergency box is in the first screen; above the text when the condition is
        # itself an emergency, so even a small screen shows it.
        itself_an_emergency = condition.emergency
        if itself_an_emergency:
            self.add_signs(signs, self.emergency_number, levels=("emergency",))
        self.add_text(condition.what, "pageLead")
        if not itself_an_emergency:
            self.add_signs(signs, self.emergency_number, levels=("emergency",))
        self.add_heading(tr("Where in the spine"))
        self.add_links(("region", r.id, f"{r.name} ({r.medical_name})")
                       for r in content.regions_of(condition))
        self.add_heading(tr("Common symptoms"))
        self.add_bullets(condition.symptoms)
        self.add_heading(tr("Common causes"))
        self.add_bullets(condition.causes)
        self.later(lambda: self._add_more(condition, signs))
        self.finish()

    def _add_more(self, condition: Condition, signs) -> None:
        self.add_heading(tr("What usually helps"))
        self.add_bullets(condition.helps)
        self.add_signs(signs, self.emergency_number, levels=("urgent", "soon"),
                       more_soon=condition.see_doctor)
        self.add_sources(condition.sources, condition.reviewed)
