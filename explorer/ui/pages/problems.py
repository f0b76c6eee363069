"""Shown instead of the content when the content has problems: never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.ui.pages.base import Page, PageContext


class ProblemsPage(Page):
    def __init__(self, context: PageContext, key: PageKey = ("problems", ""),
                 parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        problems = list(context.world.problems)
        self.problems = problems
        self.setAccessibleName(tr("Content problems"))
        self.add_title(tr("The content could not be loaded"))
        self.add_text(tr("Spine Explorer found {count} problem(s) in its content files. "
                         "Fix them and start the app again; each line names the file and line.",
                         count=len(problems)), "pageLead")
        self.add_text("\n".join(str(p) for p in problems), "problemList")
        self.finish()
