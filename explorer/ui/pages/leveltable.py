"""The region page's levels at a glance: a table with one row per vertebra, the disc below
it and the nerve roots beside it, each a button to its page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from explorer.model.i18n import tr
from explorer.model.levelrows import LevelRow, short_name
from explorer.ui.layouts import FlowLayout
from explorer.ui.widgets import text_label


def level_table(page, rows: tuple[LevelRow, ...]) -> QWidget:
    """The table; its buttons show short names ("C7", "C7–T1") under column headings and
    are called by their full names ("C7–T1 disc") for screen readers."""
    holder = QWidget()
    holder.setObjectName("levelTable")
    grid = QGridLayout(holder)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(8)
    headings = (tr("Bone"), tr("Disc below it"), tr("Nerve roots"))
    for column, heading in enumerate(headings):
        grid.addWidget(text_label(heading, "tableHeading"), 0, column)
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for number, row in enumerate(rows, start=1):
        bone = row.vertebra
        grid.addWidget(page.link("vertebra", bone.id, short_name("vertebra", bone.id, bone.name),
                                 bone.name), number, 0, left)
        if row.disc is not None:
            disc = row.disc
            grid.addWidget(page.link("disc", disc.id, short_name("disc", disc.id, disc.name),
                                     disc.name), number, 1, left)
        roots = QWidget()
        flow = FlowLayout(roots, spacing=8)
        for root in row.roots:
            flow.addWidget(page.link("nerve", root.id, short_name("nerve", root.id, root.name),
                                     root.name))
        grid.addWidget(roots, number, 2)
    grid.setColumnStretch(2, 1)
    return holder
