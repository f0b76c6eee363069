"""A clinician's marks on the drawings: freehand lines and numbered pins.  No Qt here.

Marks are visitor state: they live in the session's ``State`` (cleared by ``reset()``,
never written to disk) and the handout carries them.  Points are in the drawing's own
coordinates (the SVG's user units), so a view that scales or zooms keeps them where
they were drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Point = tuple[float, float]
DRAWINGS = ("spine", "body")
MAX_MARKS = 60  # enough for any explanation; a stuck finger cannot grow the session
MAX_POINTS = 300  # a longer line keeps every n-th point


class Mark(NamedTuple):
    drawing: str  # "spine" or "body"
    points: tuple[Point, ...]  # one point: a numbered pin; more: a freehand line

    @property
    def is_pin(self) -> bool:
        return len(self.points) == 1


def pin(drawing: str, point: Point) -> Mark:
    return Mark(drawing, (_rounded(point),))


def line(drawing: str, points: Iterable[Point]) -> Mark:
    """A freehand line through ``points``, at most :data:`MAX_POINTS` of them."""
    kept = [_rounded(p) for p in points]
    if len(kept) > MAX_POINTS:
        step = len(kept) / (MAX_POINTS - 1)
        kept = [kept[int(i * step)] for i in range(MAX_POINTS - 1)] + [kept[-1]]
    return Mark(drawing, tuple(kept))


def _rounded(point: Point) -> Point:
    return (round(float(point[0]), 1), round(float(point[1]), 1))


def lines_on(marks: Iterable[Mark], drawing: str) -> list[tuple[Point, ...]]:
    return [m.points for m in marks if m.drawing == drawing and not m.is_pin]


def pins_on(marks: Iterable[Mark], drawing: str) -> list[tuple[int, Point]]:
    """``(number, point)`` of the pins on ``drawing``; pins are numbered 1, 2, 3 … across
    both drawings in the order they were placed, so a note can say which one it means."""
    numbered = [m for m in marks if m.is_pin]
    return [(n, m.points[0]) for n, m in enumerate(numbered, 1) if m.drawing == drawing]


def pin_count(marks: Iterable[Mark]) -> int:
    return sum(1 for m in marks if m.is_pin)
