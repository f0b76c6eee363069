"""Where everything goes when the spine drawing shows one region large: pure geometry,
in viewport pixels, from the sizes of the chips and the region's shapes.

Left to right: a table of chips (one column per kind — bones, discs, nerve roots — each
chip beside its shape's height; a kind whose chips cannot stand one above another splits
into two or three staggered columns), the region drawn as large as the room allows, and
the whole spine small for context.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF

from explorer.ui.drawings.levelchips import spread

MARGIN = 8
GAP = 6  # between columns of chips
CHIP_GAP = 0.05  # between two chips' targets (each draws its box 2 px inside its target)
SAFETY_PX = 2  # the panel asks for the width it needs at a little less than its height
LEAD = 12  # between the chips and the drawing, and the drawing and the overview
DRAWING_PX = 190  # the panel asks for this much for the region (or its full height's width)
OVERVIEW_SHARE = 0.55  # of the height, for the small whole spine
KINDS = ("vertebra", "disc", "nerve")


class Chip(NamedTuple):
    id: str
    kind: str
    y: float  # where its shape is, in drawing coordinates
    size: tuple[float, float]  # pixels


class Placed(NamedTuple):
    scale: float
    scene_rect: QRectF  # the drawing coordinates the viewport shows
    chips: dict[str, QPointF]  # chip id -> centre (viewport pixels)
    headings: dict[str, QPointF]  # kind -> centre
    overview: QPointF  # its top left
    overview_height: float  # of the small spine, without its caption


def columns_of(chips: list[Chip], room: float) -> dict[str, list[list[Chip]]]:
    """Each kind's chips in as few staggered columns as let them stand one above another."""
    columns: dict[str, list[list[Chip]]] = {}
    for kind in KINDS:
        mine = sorted((c for c in chips if c.kind == kind), key=lambda c: c.y)
        if not mine:
            continue
        tall = sum(c.size[1] for c in mine) + CHIP_GAP * (len(mine) - 1)
        count = min(3, max(1, math.ceil(tall / max(room, 1))))
        columns[kind] = [mine[i::count] for i in range(count)]
    return columns


def block_widths(columns: dict[str, list[list[Chip]]],
                 headings: dict[str, float]) -> dict[str, float]:
    """Each kind's width: its columns side by side, or its heading if that is wider."""
    return {kind: max(sum(max(c.size[0] for c in column) for column in kind_columns)
                      + GAP * (len(kind_columns) - 1), headings.get(kind, 0.0))
            for kind, kind_columns in columns.items()}


def table_width(blocks: dict[str, float]) -> float:
    return sum(blocks.values()) + GAP * max(len(blocks) - 1, 0)


def with_headings(chips: list[Chip], height: float,
                  heading: tuple[float, dict]) -> tuple[float, dict]:
    """The headings, or none when leaving them out lets every kind stand in one column."""
    with_them = columns_of(chips, height - 2 * MARGIN - heading[0])
    if all(len(c) == 1 for c in with_them.values()):
        return heading
    without = columns_of(chips, height - 2 * MARGIN)
    return (0.0, {}) if all(len(c) == 1 for c in without.values()) else heading


def small_height(room: float) -> float:
    return max(min(room * OVERVIEW_SHARE, 420.0), 60.0)


def needed_width(chips: list[Chip], box: QRectF, height: float, heading: tuple[float, dict],
                 overview_size) -> float:
    """The viewport width the zoomed region asks for at ``height`` (the drawing
    :data:`DRAWING_PX` wide, or less when that is its full height's width), with a little
    height to spare: more width than needed is harmless, less splits the chips."""
    height -= SAFETY_PX
    heading = with_headings(chips, height, heading)
    room = height - 2 * MARGIN - heading[0]
    drawing = min(DRAWING_PX, box.width() * room / box.height())
    blocks = block_widths(columns_of(chips, room), heading[1])
    return (2 * MARGIN + table_width(blocks) + 2 * LEAD + drawing
            + overview_size(small_height(room))[0])


def place(chips: list[Chip], box: QRectF, width: float, height: float,
          heading: tuple[float, dict], overview_size) -> Placed:
    """Everything's place in a ``width`` x ``height`` viewport.  ``box``: the region's
    shapes (drawing coordinates); ``heading``: the headings' height and each kind's
    heading width; ``overview_size``: the overview's (width, height) for a given spine
    height."""
    heading = with_headings(chips, height, heading)
    top, bottom = MARGIN + heading[0], height - MARGIN
    room = bottom - top
    columns = columns_of(chips, room)
    blocks = block_widths(columns, heading[1])
    table = table_width(blocks)
    small = small_height(room)
    over_w, over_h = overview_size(small)
    free = width - 2 * MARGIN - table - 2 * LEAD - over_w
    scale = max(min(room / box.height(), free / box.width()), 0.05)
    drawing_w, drawing_h = box.width() * scale, box.height() * scale
    total = table + LEAD + drawing_w + LEAD + over_w
    left = MARGIN + max(0.0, (width - 2 * MARGIN - total) / 2)
    drawing_x, drawing_y = left + table + LEAD, top + (room - drawing_h) / 2
    at_y = lambda y: drawing_y + (y - box.top()) * scale  # noqa: E731
    centres: dict[str, QPointF] = {}
    headings: dict[str, QPointF] = {}
    start = left
    for kind, kind_columns in columns.items():
        inner = sum(max(c.size[0] for c in column) for column in kind_columns) \
            + GAP * (len(kind_columns) - 1)
        x = start + (blocks[kind] - inner) / 2
        for column in kind_columns:
            column_w = max(c.size[0] for c in column)
            rows = spread([(c.id, at_y(c.y), c.size[1]) for c in column], top, bottom,
                          CHIP_GAP)
            for chip in column:
                centres[chip.id] = QPointF(x + column_w / 2, rows[chip.id])
            x += column_w + GAP
        if heading[0]:
            headings[kind] = QPointF(start + blocks[kind] / 2, MARGIN + heading[0] / 2)
        start += blocks[kind] + GAP
    overview_y = min(max(top, drawing_y + (drawing_h - over_h) / 2), bottom - over_h)
    origin = QPointF(box.left() - drawing_x / scale, box.top() - drawing_y / scale)
    return Placed(scale, QRectF(origin.x(), origin.y(), width / scale, height / scale),
                  centres, headings, QPointF(drawing_x + drawing_w + LEAD, overview_y), small)
