"""The strip along the foot of the window: the disclaimer, visible on every page, and on a
desktop the clinician's Mark tool at its left, under the drawings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from explorer.model.i18n import tr
from explorer.ui.widgets import text_label


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footer")
        self.line = QHBoxLayout(self)
        # (4 px here and 4 inside the disclaimer: the Mark tool's buttons, 28 px, leave the
        # strip no taller than one line of text, and the drawing its room)
        self.line.setContentsMargins(20, 4, 20, 4)
        self.line.setSpacing(16)
        self.disclaimer = text_label("", "disclaimer")
        self.line.addWidget(self.disclaimer, 1)

    def add_tools(self, tools: QWidget) -> None:
        """Controls before the disclaimer (they take no room from the drawings)."""
        self.line.insertWidget(0, tools)

    def controls(self) -> list[QWidget]:
        """What Tab reaches in the footer, in order (after the page: the foot comes last)."""
        return [w for w in self.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus]

    def retranslate(self) -> None:
        self.disclaimer.setText(tr("For learning only — this is not a diagnosis. Talk to your "
                                   "doctor about your symptoms."))
