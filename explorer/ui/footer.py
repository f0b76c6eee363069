"""The strip along the foot of the window: the disclaimer, visible on every page."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from explorer.model.i18n import tr
from explorer.ui.widgets import text_label


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footer")
        line = QHBoxLayout(self)
        line.setContentsMargins(20, 8, 20, 8)
        self.disclaimer = text_label("", "disclaimer")
        line.addWidget(self.disclaimer)

    def retranslate(self) -> None:
        self.disclaimer.setText(tr("For learning only — this is not a diagnosis. Talk to your "
                                   "doctor about your symptoms."))
