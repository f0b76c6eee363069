"""Over the page while the content being edited has problems (watch mode on a desktop).

The explorer keeps showing the content it had; the banner lists every problem as
``file:line: message`` so the author can fix them, and goes as soon as the content loads
again.  It is announced to screen readers as an alert.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from explorer.model.i18n import tr
from explorer.model.problems import Problem
from explorer.ui.widgets import text_label

SHOWN = 12  # problems listed; the count says how many there are


class ProblemsBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # here: the window imports this module at start

        super().__init__(parent)
        self.setObjectName("urgentBox")
        self.setAccessibleName(tr("Content problems"))
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        self.title = text_label("", "boxTitle")
        self.list = QLabel("")
        self.list.setObjectName("problemList")
        self.list.setWordWrap(True)
        self.list.setTextFormat(Qt.TextFormat.PlainText)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.title)
        column.addWidget(self.list)
        self.problems: tuple[Problem, ...] = ()
        self.hide()

    @classmethod
    def shown_in(cls, banner: ProblemsBanner | None, column: QVBoxLayout,
               problems: Sequence[Problem]) -> ProblemsBanner | None:
        """Show ``problems`` on ``banner``, made (at the top of ``column``) the first time
        there are some; the banner, or None while it has not been needed."""
        if banner is None and problems:
            banner = cls()
            column.insertWidget(0, banner)
        if banner is not None:
            banner.show_problems(problems)
        return banner

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """List ``problems`` (none: the banner goes)."""
        self.problems = tuple(problems)
        if not self.problems:
            self.hide()
            return
        self.retranslate()
        lines = [str(p) for p in self.problems[:SHOWN]]
        if len(self.problems) > SHOWN:
            lines.append(tr("… and {count} more (spine-explorer validate lists them all)",
                            count=len(self.problems) - SHOWN))
        self.list.setText("\n".join(lines))
        self.show()
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if QAccessible.isActive():  # a screen reader is listening: say it now
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def retranslate(self) -> None:
        self.setAccessibleName(tr("Content problems"))
        self.title.setText(tr("The content you are editing has {count} problem(s); the "
                              "explorer keeps showing what it had until they are fixed.",
                              count=len(self.problems)))
