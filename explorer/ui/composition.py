"""The window's layout: the header along the top, the drawings and the pages (beside each
other or taking turns), the footer along the foot.  Its central widget is a
:class:`~explorer.ui.widgets.ModalHost`: a kiosk overlay, while it shows, is all a screen
reader finds in the window."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from explorer.ui.widgets import ModalHost


def compose(header: QWidget, body: QWidget, footer: QWidget) -> ModalHost:
    """The window's central widget: ``header``, ``body`` (the drawings and the pages, as
    :mod:`explorer.ui.arrangement` arranges them) and ``footer``, top to bottom."""
    central = ModalHost()
    central.setObjectName("central")
    outer = QVBoxLayout(central)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    outer.addWidget(header)
    outer.addWidget(body, 1)
    outer.addWidget(footer)
    return central
