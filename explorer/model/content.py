"""All content of one language, with lookups by id and the relations between entries.
Immutable.  No Qt here."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from explorer.model.entities import (
    LEVELS,
    BodyArea,
    Condition,
    Disc,
    Muscle,
    NerveRoot,
    Region,
    SearchWords,
    SignRule,
    Topic,
    Vertebra,
    WarningSign,
)
from explorer.model.kinds import CONTENT_KINDS as KINDS

NO_SEARCH_WORDS = SearchWords()  # no stemmer, no stop words: content without search.yaml


def _index(items: tuple) -> Mapping[str, object]:
    return MappingProxyType({item.id: item for item in items})


class Content:
    """All content of one language, in file order, with lookups by id.  Immutable."""

    _fields = (*KINDS, "search")
    __slots__ = (*_fields, "_by_kind")
    body_areas: tuple[BodyArea, ...]
    muscles: tuple[Muscle, ...]
    regions: tuple[Region, ...]
    conditions: tuple[Condition, ...]
    topics: tuple[Topic, ...]
    vertebrae: tuple[Vertebra, ...]
    discs: tuple[Disc, ...]
    nerve_roots: tuple[NerveRoot, ...]
    warning_signs: tuple[WarningSign, ...]
    sign_rules: tuple[SignRule, ...]
    search: SearchWords  # how search reads this language (search.yaml)
    _by_kind: Mapping[str, Mapping[str, Any]]  # kind -> id -> entry

    def __init__(self, search: SearchWords = NO_SEARCH_WORDS, **kinds: tuple) -> None:
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise TypeError(f"unknown content kinds: {sorted(unknown)}")
        values = {kind: tuple(kinds.get(kind, ())) for kind in KINDS}
        for name, value in values.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "search", search)
        by_kind = {kind: _index(values[kind]) for kind in KINDS}
        object.__setattr__(self, "_by_kind", MappingProxyType(by_kind))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Content is immutable")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Content) and all(
            getattr(self, f) == getattr(other, f) for f in self._fields)

    __hash__ = None  # type: ignore[assignment]

    def _asdict(self) -> dict[str, Any]:  # kinds -> tuples of entries; search -> SearchWords
        return {f: getattr(self, f) for f in self._fields}

    def replace(self, **changes: Any) -> Content:
        return Content(**{**self._asdict(), **changes})

    def get(self, kind: str, item_id: str):
        """The entry ``item_id`` of ``kind``, or ``None``."""
        return self._by_kind[kind].get(item_id)

    def region(self, region_id: str) -> Region:
        return self._by_kind["regions"][region_id]

    def condition(self, condition_id: str) -> Condition:
        return self._by_kind["conditions"][condition_id]

    def muscles_of(self, region: Region) -> tuple[Muscle, ...]:
        return tuple(self._by_kind["muscles"][m] for m in region.muscles)

    def body_areas_of(self, region: Region) -> tuple[BodyArea, ...]:
        return tuple(self._by_kind["body_areas"][b] for b in region.body_areas)

    def conditions_of(self, region_id: str) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if region_id in c.regions)

    def regions_of(self, condition: Condition) -> tuple[Region, ...]:
        return tuple(self.region(r) for r in condition.regions)

    # -- levels and the body map ----------------------------------------------------------
    def leaf_areas(self, area_ids) -> frozenset[str]:
        """The finest body areas that make up ``area_ids`` (areas with parts expand; each
        area once, so even parts that loop, which validation refuses, come to an end)."""
        areas = self._by_kind["body_areas"]
        out: set[str] = set()
        seen: set[str] = set()
        stack = list(area_ids)
        while stack:
            area_id = stack.pop()
            area = areas.get(area_id)
            if area is None or area_id in seen:
                continue
            seen.add(area_id)
            if area.parts:
                stack.extend(area.parts)
            else:
                out.add(area.id)
        return frozenset(out)

    def felt_areas(self, kind: str, item_id: str) -> frozenset[str]:
        """Where problems at a region or level may be felt (fine body area ids)."""
        entry = self.get(kind, item_id)
        if entry is None:
            return frozenset()
        if kind == "regions":
            return self.leaf_areas(entry.body_areas)
        if kind == "nerve_roots":
            return self.leaf_areas(entry.dermatome_areas)
        roots = entry.roots if kind == "vertebrae" else entry.presses_on if kind == "discs" else ()
        return frozenset().union(*(self.felt_areas("nerve_roots", r) for r in roots))

    def sources_of_area(self, area_id: str) -> tuple[tuple[Region, ...], tuple[NerveRoot, ...]]:
        """Regions and nerve roots that commonly send symptoms to a (fine) body area."""
        leaves = self.leaf_areas([area_id])
        regions = tuple(r for r in self.regions if leaves & self.leaf_areas(r.body_areas))
        roots = tuple(n for n in self.nerve_roots if leaves & self.leaf_areas(n.dermatome_areas))
        return regions, roots

    def discs_next_to(self, vertebra_id: str) -> tuple[Disc, ...]:
        return tuple(d for d in self.discs if vertebra_id in d.between)

    def levels_of(self, region_id: str) -> tuple[tuple, tuple, tuple]:
        """Vertebrae, discs and nerve roots of a region, top to bottom."""
        return (tuple(v for v in self.vertebrae if v.region == region_id),
                tuple(d for d in self.discs if d.region == region_id),
                tuple(n for n in self.nerve_roots if n.region == region_id))

    def warning_signs_of(self, kind: str, item_id: str) -> tuple[WarningSign, ...]:
        """The warning signs an entry lists (a body area also those of the coarser areas it
        is part of), most serious level first, each once."""
        entry = self.get(kind, item_id)
        ids = list(getattr(entry, "warning_signs", ()))
        if kind == "body_areas":
            ids += [s for area in self.body_areas if item_id in self.leaf_areas([area.id])
                    and area.id != item_id for s in area.warning_signs]
        signs = self._by_kind["warning_signs"]
        found = [signs[i] for i in dict.fromkeys(ids) if i in signs]
        return tuple(sorted(found, key=lambda s: LEVELS.index(s.level)))
