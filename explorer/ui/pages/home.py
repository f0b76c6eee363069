"""The home page: how to use the explorer, then the topics (muscle spasms)."""

from __future__ import annotations

import functools

from PySide6.QtWidgets import QWidget

from explorer.model import Content
from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.ui.pages.base import Page, PageContext


class HomePage(Page):
    def __init__(self, context: PageContext, key: PageKey = ("home", ""),
                 parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        content = context.content
        self.emergency_number = context.emergency_number
        self.add_title(tr("Explore your spine"))
        self.add_text(tr("Choose a part of the spine on the left to learn which muscles it "
                         "works with, where you may feel problems, and which conditions are "
                         "linked to it."), "pageLead")
        self.add_links([("bodymap", "", tr("Where do you feel it? Show the body map")),
                        ("library", "", tr("All conditions"))])
        for number, topic in enumerate(content.topics):
            self.add_heading(topic.title)
            self.add_text(topic.summary)
            first_screen = topic.sections[:2] if number == 0 else ()
            for section in first_screen:
                self._add_section(section, content)
            self.later(functools.partial(self._add_rest, topic, len(first_screen), content))
        self.finish()

    def _add_rest(self, topic, start: int, content: Content) -> None:
        for section in topic.sections[start:]:
            self._add_section(section, content)
        self.add_sources(topic.sources, topic.reviewed)

    def _add_section(self, section, content: Content) -> None:
        if section.kind == "doctor":
            self.add_box(section.kind, section.heading, section.items, section.text)
        else:
            self.add_heading(section.heading)
            if section.text:
                self.add_text(section.text)
            if section.items:
                self.add_bullets(section.items)
        if section.warning_signs:
            signs = [content.get("warning_signs", s) for s in section.warning_signs]
            self.add_signs(signs, self.emergency_number)
        if section.regions:
            self.add_links(("region", r, f"{content.region(r).name} "
                            f"({content.region(r).medical_name})") for r in section.regions)
