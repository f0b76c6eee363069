"""The window's layout: the header along the top, the drawings beside the pages, the footer
along the foot.  Its central widget is a :class:`~explorer.ui.widgets.ModalHost`: a kiosk
overlay, while it shows, is all a screen reader finds in the window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from explorer.ui.widgets import ModalHost


def compose(header: QWidget, panel: QWidget, router: QWidget,
            footer: QWidget) -> tuple[ModalHost, QVBoxLayout]:
    """The window's central widget, and the column that holds the pages (watch mode's
    problems banner goes above the page)."""
    central = ModalHost()
    central.setObjectName("central")
    outer = QVBoxLayout(central)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    outer.addWidget(header)
    body = QWidget()
    row = QHBoxLayout(body)
    row.setContentsMargins(16, 16, 8, 8)
    row.setSpacing(16)
    row.addWidget(panel)
    pages = QVBoxLayout()
    pages.addWidget(router, 1)
    row.addLayout(pages, 1)
    outer.addWidget(body, 1)
    outer.addWidget(footer)
    return central, pages
