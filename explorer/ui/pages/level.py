"""The page for one level: a vertebra, a disc or a nerve root."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.model import Content
from explorer.model.i18n import tr
from explorer.model.kinds import BY_PAGE, PageKey, entry_of
from explorer.ui.pages.base import Page, PageContext


def level_link(content: Content, kind: str, item_id: str) -> tuple[str, str, str]:
    return (kind, item_id, entry_of(content, (kind, item_id)).name)


class LevelPage(Page):
    def __init__(self, context: PageContext, key: PageKey, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        content = context.content
        kind = key[0]
        entry = entry_of(content, key)
        self.kind, self.level_id = kind, entry.id
        self.signs = content.warning_signs_of(BY_PAGE[kind].collection, entry.id)
        self.emergency_number = context.emergency_number
        region = content.region(entry.region)
        self.setAccessibleName(entry.name)
        kicker = tr(BY_PAGE[kind].label)
        title = f"{entry.name} — {entry.nickname}" if kind == "vertebra" else entry.name
        self.add_title(title, f"{kicker} · {region.name}")
        getattr(self, f"_{kind}")(entry, content)
        self.add_heading(tr("Part of"))
        self.add_links([("region", region.id, f"{region.name} ({region.medical_name})")])
        self.later(lambda: self.add_signs(self.signs, self.emergency_number, ("urgent", "soon")))
        self.later(lambda: self.add_sources(entry.sources, entry.reviewed))
        self.finish()

    def _lead(self, text: str) -> None:
        """The level's first paragraph, then its emergency signs, in the first screen."""
        self.add_text(text, "pageLead")
        self.add_signs(self.signs, self.emergency_number, levels=("emergency",))

    def _conditions(self, entry, content: Content) -> None:
        if entry.conditions:
            self.add_heading(tr("Conditions common at this level"))
            self.add_links(("condition", c, content.condition(c).name) for c in entry.conditions)

    def _vertebra(self, vertebra, content: Content) -> None:
        self._lead(vertebra.summary)
        self.add_heading(tr("Nerve roots that leave next to it"))
        self.add_links(level_link(content, "nerve", r) for r in vertebra.roots)
        discs = content.discs_next_to(vertebra.id)
        if discs:
            self.add_heading(tr("Discs above and below"))
            self.add_links(("disc", d.id, d.name) for d in discs)
        self._conditions(vertebra, content)

    def _disc(self, disc, content: Content) -> None:
        self._lead(disc.summary)
        self.add_heading(tr("Between"))
        self.add_links(level_link(content, "vertebra", v) for v in disc.between)
        self.add_heading(tr("A bulge or herniation here usually presses on"))
        self.add_links(level_link(content, "nerve", r) for r in disc.presses_on)
        for root_id in disc.presses_on:
            root = content.get("nerve_roots", root_id)
            self.add_terms([(root.name, root.movement), (tr("Feeling"), root.dermatome)])
        self._conditions(disc, content)

    def _nerve(self, root, content: Content) -> None:
        self._lead(root.exits)
        self.add_heading(tr("What it powers"))
        self.add_text(root.movement)
        if root.key_muscles:
            self.add_terms((m.name, m.does) for m in
                           (content.get("muscles", m) for m in root.key_muscles))
        self.add_heading(tr("Where it gives feeling (its dermatome)"))
        self.add_text(root.dermatome)
        if root.dermatome_areas:
            self.add_chips(content.get("body_areas", a).name for a in root.dermatome_areas)
        if root.reflex:
            self.add_heading(tr("Reflex a doctor may test"))
            self.add_text(root.reflex)
        if root.disc:
            self.add_heading(tr("The disc that most often presses on it"))
            self.add_links([level_link(content, "disc", root.disc)])
        self._conditions(root, content)
