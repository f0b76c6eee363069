"""The one table of kinds: every kind of thing the explorer knows, and what goes with it.

A row ties together a content collection (the file ``<collection>.yaml`` and its entry
type), the page that shows one entry (by page-key kind and the page class's import path,
so this module stays Qt-free and pages load only when first needed), the drawing's class
for its shapes, what opening it selects on the drawing, its name for people, its ``kind``
in ``info --json``, how ``info`` describes it, and where it ranks in search (and how much
it weighs there).

Adding a kind of content is one row here plus its entry type and its page.  No Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from explorer.model import describe
from explorer.model.entities import (
    BodyArea,
    Condition,
    Disc,
    Muscle,
    NerveRoot,
    Region,
    SignRule,
    Topic,
    Vertebra,
    WarningSign,
)
from explorer.model.i18n import N_

PageKey = tuple[str, str]  # (page kind, id): ("home", ""), ("region", "lumbar")

# What opening a page does to the selection on the spine drawing.
SELECTS_REGION = "region"  # that region is selected, no level
SELECTS_LEVEL = "level"  # the level is marked and its region selected
CLEARS = "clear"  # nothing selected (the start page)
KEEPS = ""  # the selection stays as it was


class Kind(NamedTuple):
    page: str  # the page-key kind ("region"); "" when entries have no page of their own
    collection: str = ""  # content collection and file stem ("regions"); "" for app pages
    entry: type | None = None  # the entry type of the collection
    label: str = ""  # what people call one, in English (translated where shown)
    page_class: str = ""  # "module:Class" of its page
    shape: str = ""  # the drawing's class for its shapes ("vertebra")
    selects: str = KEEPS
    json_kind: str = ""  # its "kind" in ``info --json``
    describe: Callable[[Any, Any], dict[str, Any]] | None = None
    search_rank: int = 0  # order among results of equal score; 0: not searched
    search_weight: float = 1.0  # a gentle preference between kinds sharing words
    opens: Callable[[Any, str], PageKey | None] | None = None  # entries without a page


def _muscle_page(content, muscle_id: str) -> PageKey | None:
    """A muscle is shown on the page of the region that lists it, else on the page of the
    first nerve root that has it as a key muscle (the diaphragm: C3); None if on neither."""
    region = next((r for r in content.regions if muscle_id in r.muscles), None)
    if region is not None:
        return "region", region.id
    root = next((n for n in content.nerve_roots if muscle_id in n.key_muscles), None)
    return ("nerve", root.id) if root is not None else None


_PAGES = "explorer.ui.pages."

TABLE: tuple[Kind, ...] = (
    # Content kinds, in loading order (relations point to earlier or later files alike).
    Kind("area", "body_areas", BodyArea, N_("Where you feel it"), _PAGES + "area:AreaPage",
         json_kind="body_area", describe=describe.body_area, search_rank=7,
         search_weight=0.9),
    Kind("muscle", "muscles", Muscle, N_("Muscle"), json_kind="muscle", search_rank=6,
         search_weight=0.85, opens=_muscle_page),
    Kind("region", "regions", Region, N_("Part of the spine"), _PAGES + "region:RegionPage",
         selects=SELECTS_REGION, json_kind="region", describe=describe.region, search_rank=1),
    Kind("condition", "conditions", Condition, N_("Condition"),
         _PAGES + "condition:ConditionPage", json_kind="condition",
         describe=describe.condition, search_rank=2),
    Kind("topic", "topics", Topic, N_("Topic"), json_kind="topic", search_rank=8,
         search_weight=0.9, opens=lambda _content, _id: ("home", "")),
    Kind("vertebra", "vertebrae", Vertebra, N_("Vertebra (spine bone)"),
         _PAGES + "level:LevelPage", shape="vertebra", selects=SELECTS_LEVEL,
         json_kind="vertebra", describe=describe.vertebra, search_rank=5,
         search_weight=0.8),
    Kind("disc", "discs", Disc, N_("Disc"), _PAGES + "level:LevelPage", shape="disc",
         selects=SELECTS_LEVEL, json_kind="disc", describe=describe.disc, search_rank=4,
         search_weight=0.8),
    Kind("nerve", "nerve_roots", NerveRoot, N_("Nerve root"), _PAGES + "level:LevelPage",
         shape="nerve", selects=SELECTS_LEVEL, json_kind="nerve_root",
         describe=describe.nerve_root, search_rank=3, search_weight=0.85),
    Kind("", "warning_signs", WarningSign, N_("Warning sign")),  # shown on the pages that list them
    Kind("", "sign_rules", SignRule, N_("Rule for warning signs")),  # checked by validate
    # Pages of the app itself.
    Kind("home", label=N_("Home"), page_class=_PAGES + "home:HomePage", selects=CLEARS),
    Kind("library", label=N_("All conditions"), page_class=_PAGES + "library:LibraryPage"),
    Kind("search", label=N_("Search"), page_class=_PAGES + "search:SearchPage"),
    Kind("problems", label=N_("Content problems"),
         page_class=_PAGES + "problems:ProblemsPage"),
)

BY_PAGE: Mapping[str, Kind] = MappingProxyType({k.page: k for k in TABLE if k.page})
BY_COLLECTION: Mapping[str, Kind] = MappingProxyType({k.collection: k for k in TABLE
                                                      if k.collection})
BY_SHAPE: Mapping[str, Kind] = MappingProxyType({k.shape: k for k in TABLE if k.shape})

# The content schema: collection -> entry type, in loading order.
CONTENT_KINDS: Mapping[str, type] = MappingProxyType(
    {k.collection: k.entry for k in TABLE if k.collection and k.entry is not None})

SEARCHED: tuple[Kind, ...] = tuple(sorted((k for k in TABLE if k.search_rank),
                                          key=lambda k: k.search_rank))
DESCRIBED: tuple[Kind, ...] = tuple(k for k in TABLE if k.describe is not None)


def find(content, item_id: str) -> tuple[Kind, Any] | None:
    """The kind and entry with ``item_id`` among the kinds ``info`` describes, or None."""
    for kind in DESCRIBED:
        entry = content.get(kind.collection, item_id)
        if entry is not None:
            return kind, entry
    return None


def page_key(content, collection: str, item_id: str) -> PageKey | None:
    """Where an entry of ``collection`` is shown: its own page, or the page that shows it."""
    kind = BY_COLLECTION[collection]
    if kind.opens is not None:
        return kind.opens(content, item_id)
    return (kind.page, item_id)


def entry_of(content, key: PageKey) -> Any:
    """The entry a page key shows, or None for the app's own pages."""
    kind = BY_PAGE.get(key[0])
    if kind is None or not kind.collection:
        return None
    return content.get(kind.collection, key[1])


def exists(content, key: PageKey) -> bool:
    """Whether ``content`` has the page ``key`` (the app's own pages always exist)."""
    kind = BY_PAGE.get(key[0])
    return kind is not None and (not kind.collection or entry_of(content, key) is not None)


def selection(content, key: PageKey) -> tuple[str | None, str | None] | None:
    """``(region, level)`` selected on the drawing when ``key`` opens; None keeps it."""
    kind = BY_PAGE.get(key[0])
    if kind is None or kind.selects == KEEPS:
        return None
    if kind.selects == CLEARS:
        return None, None
    if kind.selects == SELECTS_REGION:
        return key[1], None
    entry = entry_of(content, key) if content is not None else None
    return (entry.region if entry is not None else None), key[1]


def felt_areas(content, key: PageKey, region: str | None, level: str | None) -> frozenset[str]:
    """The body areas to light up on the body map for this page and selection."""
    if content is None:
        return frozenset()
    if key[0] == "area":
        return frozenset({key[1]})
    if level is not None:
        for kind in BY_SHAPE.values():
            if content.get(kind.collection, level) is not None:
                return content.felt_areas(kind.collection, level)
    if region is not None:
        return content.felt_areas("regions", region)
    return frozenset()
