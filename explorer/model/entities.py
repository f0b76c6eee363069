"""Typed, immutable content models.  No Qt here.

The entry types double as the schema: :mod:`explorer.model.schema` reads their
annotations to know which keys an entry has, which are required (no default),
which are text, lists of text, dates, choices, nested entries or references to
other entries by id (``Ref``).  They are named tuples rather than dataclasses:
immutable and typed all the same, and about seven times cheaper to define, which
matters for start-up time.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal, NamedTuple


class Ref:
    """Marks a tuple of ids that must exist in the content kind ``kind``."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind


def refs(kind: str) -> object:
    return Annotated[tuple[str, ...], Ref(kind)]


def ref(kind: str) -> object:
    """One id of ``kind``."""
    return Annotated[str, Ref(kind)]


class Source(NamedTuple):
    title: str
    url: str


class BodyArea(NamedTuple):
    id: str
    name: str
    parts: refs("body_areas") = ()  # type: ignore[valid-type] # finer areas it is made of
    also_called: tuple[str, ...] = ()


class Muscle(NamedTuple):
    id: str
    name: str
    does: str
    medical_name: str = ""
    also_called: tuple[str, ...] = ()


class Region(NamedTuple):
    id: str
    name: str
    medical_name: str
    bones: str
    location: str
    summary: str
    feel: str
    body_areas: refs("body_areas")  # type: ignore[valid-type]
    muscles: refs("muscles")  # type: ignore[valid-type]
    sources: tuple[Source, ...]
    reviewed: datetime.date
    also_called: tuple[str, ...] = ()


class Condition(NamedTuple):
    id: str
    name: str
    summary: str
    what: str
    symptoms: tuple[str, ...]
    causes: tuple[str, ...]
    helps: tuple[str, ...]
    see_doctor: tuple[str, ...]
    regions: refs("regions")  # type: ignore[valid-type]
    sources: tuple[Source, ...]
    reviewed: datetime.date
    also_called: tuple[str, ...] = ()
    urgent: tuple[str, ...] = ()


class Section(NamedTuple):
    heading: str
    text: str = ""
    items: tuple[str, ...] = ()
    kind: Literal["info", "doctor", "urgent"] = "info"
    regions: refs("regions") = ()  # type: ignore[valid-type]


class Topic(NamedTuple):
    id: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    reviewed: datetime.date
    also_called: tuple[str, ...] = ()


class Vertebra(NamedTuple):
    id: str
    name: str
    nickname: str
    region: ref("regions")  # type: ignore[valid-type]
    summary: str
    roots: refs("nerve_roots")  # type: ignore[valid-type] # roots leaving right next to it
    sources: tuple[Source, ...]
    reviewed: datetime.date
    conditions: refs("conditions") = ()  # type: ignore[valid-type]
    also_called: tuple[str, ...] = ()


class Disc(NamedTuple):
    id: str
    name: str
    region: ref("regions")  # type: ignore[valid-type]
    between: refs("vertebrae")  # type: ignore[valid-type]
    presses_on: refs("nerve_roots")  # type: ignore[valid-type] # a typical herniation's root
    summary: str
    sources: tuple[Source, ...]
    reviewed: datetime.date
    conditions: refs("conditions") = ()  # type: ignore[valid-type]
    also_called: tuple[str, ...] = ()


class NerveRoot(NamedTuple):
    id: str
    name: str
    region: ref("regions")  # type: ignore[valid-type]
    exits: str
    movement: str  # what it powers, in words; what may get weak
    dermatome: str  # the skin it serves, in words
    sources: tuple[Source, ...]
    reviewed: datetime.date
    dermatome_areas: refs("body_areas") = ()  # type: ignore[valid-type]
    key_muscles: refs("muscles") = ()  # type: ignore[valid-type]
    conditions: refs("conditions") = ()  # type: ignore[valid-type]
    disc: ref("discs") = ""  # type: ignore[valid-type] # a herniation here presses on it
    reflex: str = ""
    also_called: tuple[str, ...] = ()
