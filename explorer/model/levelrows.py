"""The levels of a region as a patient reads them: one row per vertebra, with the disc
below it and the nerve roots that leave beside it; and each level's short name.  No Qt."""

from __future__ import annotations

from typing import NamedTuple

from explorer.model.entities import Disc, NerveRoot, Vertebra


class LevelRow(NamedTuple):
    vertebra: Vertebra
    disc: Disc | None  # the disc below it, in the same region (none below C1: no disc)
    roots: tuple[NerveRoot, ...]


def short_name(kind: str, level_id: str, name: str) -> str:
    """"L4", the disc "L4–L5", the root "L4"; the sacrum and the coccyx by their names."""
    if kind == "disc":
        return level_id.replace("-", "\u2013")
    if kind == "nerve":
        return level_id.removeprefix("nerve-")
    return level_id if level_id[-1:].isdigit() else name


def level_rows(content, region_id: str) -> tuple[LevelRow, ...]:
    """A root goes with the vertebra of its own name (C6 with C6); one without (C8, the
    sacral and coccygeal roots) with the lowest vertebra of its region that lists it."""
    vertebrae, discs, roots = content.levels_of(region_id)
    below = {disc.between[0]: disc for disc in discs if disc.between}
    rows: dict[str, list] = {v.id: [] for v in vertebrae}
    for root in roots:
        name = root.id.removeprefix("nerve-")
        owners = [v.id for v in vertebrae if root.id in v.roots] or [v.id for v in vertebrae]
        rows[name if name in rows else owners[-1]].append(root)
    return tuple(LevelRow(v, below.get(v.id), tuple(rows[v.id])) for v in vertebrae)
