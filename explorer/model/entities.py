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
    language: str = "en"  # the language of the page; shown to readers of that language


def sources_for(sources: tuple[Source, ...], language: str) -> tuple[Source, ...]:
    """The sources a reader of ``language`` is shown: those in the language first, then the
    English ones (the base language's sources are always there)."""
    own = tuple(s for s in sources if s.language == language)
    return own + tuple(s for s in sources if s.language == "en" and language != "en")


Level = Literal["emergency", "urgent", "soon"]  # most serious first; see model/signs.py
LEVELS: tuple[str, ...] = Level.__args__  # type: ignore[attr-defined]


class WarningSign(NamedTuple):
    """A sign that needs care: ``emergency`` (call the emergency number now), ``urgent``
    (medical help the same day) or ``soon`` (make an appointment)."""

    id: str
    text: str
    level: Level
    sources: tuple[Source, ...]
    reviewed: datetime.date
    also_called: tuple[str, ...] = ()  # how people say it ("can't pee"): search knows them


class SignRule(NamedTuple):
    """Words that make a warning sign at least ``level``: a sign whose text has one of the
    ``phrases`` may not be filed lower.  In a phrase, "…" stands for any words between."""

    id: str
    level: Level
    phrases: tuple[str, ...]


class BodyArea(NamedTuple):
    id: str
    name: str
    sources: tuple[Source, ...]
    reviewed: datetime.date
    parts: refs("body_areas") = ()  # type: ignore[valid-type] # finer areas it is made of
    warning_signs: refs("warning_signs") = ()  # type: ignore[valid-type]
    also_called: tuple[str, ...] = ()


class Muscle(NamedTuple):
    id: str
    name: str
    does: str
    sources: tuple[Source, ...]
    reviewed: datetime.date
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
    warning_signs: refs("warning_signs")  # type: ignore[valid-type]
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
    warning_signs: refs("warning_signs") = ()  # type: ignore[valid-type]
    emergency: bool = False  # itself an emergency: its emergency signs come before its text
    also_called: tuple[str, ...] = ()


class Section(NamedTuple):
    heading: str
    text: str = ""
    items: tuple[str, ...] = ()
    kind: Literal["info", "doctor"] = "info"
    regions: refs("regions") = ()  # type: ignore[valid-type]
    warning_signs: refs("warning_signs") = ()  # type: ignore[valid-type] # shown by level


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
    warning_signs: refs("warning_signs") = ()  # type: ignore[valid-type]
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
    warning_signs: refs("warning_signs") = ()  # type: ignore[valid-type]
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
    warning_signs: refs("warning_signs") = ()  # type: ignore[valid-type]
    also_called: tuple[str, ...] = ()


class SearchWords(NamedTuple):
    """How search reads one language (``search.yaml``): its stemmer and its stop words."""

    stemmer: str = ""  # a Snowball algorithm: "english", "spanish", …; "" for none
    stop_words: tuple[str, ...] = ()  # words that carry no meaning on their own
