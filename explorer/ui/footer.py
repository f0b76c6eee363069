"""The strip along the foot of the window: the disclaimer, visible on every page, and
any control that must always be in reach."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from explorer.model.i18n import tr
from explorer.ui.widgets import text_label


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footer")
        self.line = QHBoxLayout(self)
        self.line.setContentsMargins(20, 8, 20, 8)
        self.line.setSpacing(16)
        self.disclaimer = text_label("", "disclaimer")
        self.line.addWidget(self.disclaimer, 1)

    def add_control(self, widget: QWidget) -> None:
        """A control that must always be in reach, at the right of the disclaimer (the
        kiosk's "I'm done")."""
        self.line.addWidget(widget)

    def retranslate(self) -> None:
        self.disclaimer.setText(tr("For learning only — this is not a diagnosis. Talk to your "
                                   "doctor about your symptoms."))
