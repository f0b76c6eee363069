"""The region page's levels at a glance: a table with one row per vertebra, the disc below
it and the nerve roots beside it, each a button to its page.  The table is one Tab stop:
the arrow keys, Home and End move through its buttons row by row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from explorer.model.i18n import tr
from explorer.model.levelrows import LevelRow, short_name
from explorer.ui.layouts import FlowLayout
from explorer.ui.widgets import Button, LinkButton, make_tab_stop, text_label


class TableLink(LinkButton):
    """A level's button: its short name shown, its full name said ("C7–T1 disc")."""

    arrow_keys = True

    def __init__(self, text: str, name: str, members: list[TableLink]) -> None:
        super().__init__(text)
        self.set_text(text, name)
        self.members = members  # the table's buttons, row by row
        members.append(self)

    def arrow_group(self) -> list[Button]:
        return list(self.members)


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
    members: list[TableLink] = []

    def link(kind: str, level) -> TableLink:
        return page.link(kind, level.id, TableLink(short_name(kind, level.id, level.name),
                                                   level.name, members))

    for number, row in enumerate(rows, start=1):
        grid.addWidget(link("vertebra", row.vertebra), number, 0, left)
        if row.disc is not None:
            grid.addWidget(link("disc", row.disc), number, 1, left)
        roots = QWidget()
        flow = FlowLayout(roots, spacing=8)
        for root in row.roots:
            flow.addWidget(link("nerve", root))
        grid.addWidget(roots, number, 2)
    grid.setColumnStretch(2, 1)
    if members:
        make_tab_stop(members[0])
    return holder
