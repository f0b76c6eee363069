"""What search reads in each kind of entry, and how much each part weighs.  No Qt here.

Every entry becomes a document of four parts: its names, the everyday words for it
(``also_called``), where and how it is felt (symptoms, body areas), and the rest of its
text.  A match in the names or the everyday words weighs most, then symptoms and body
areas, then other text.  The emergency information (today the topics' urgent sections)
is read apart, so a query that names a warning sign can put it first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from explorer.model.content import Content
from explorer.model.kinds import BY_COLLECTION, SEARCHED, page_key

# Which kinds of entry are searched, in the order results of equal score are listed.
KIND_ORDER = tuple(kind.collection for kind in SEARCHED)

# How much a match in each part of a document counts.
PART_WEIGHTS = {"names": 4.0, "also_called": 4.0, "felt": 2.0, "text": 1.0}

# The fields of each kind that make up each part (besides names and also_called).
PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "regions": {"names": ("name", "medical_name"), "felt": ("feel", "location"),
                "text": ("summary", "bones")},
    "conditions": {"names": ("name",), "felt": ("symptoms", "urgent"),
                   "text": ("summary", "what", "causes", "helps", "see_doctor")},
    "nerve_roots": {"names": ("name",), "felt": ("dermatome", "movement"),
                    "text": ("exits", "reflex")},
    "discs": {"names": ("name",), "text": ("summary",)},
    "vertebrae": {"names": ("name", "nickname"), "text": ("summary",)},
    "muscles": {"names": ("name", "medical_name"), "text": ("does",)},
    "body_areas": {"names": ("name",)},
    "topics": {"names": ("title",), "text": ("summary",)},
}

class Document(NamedTuple):
    kind: str
    id: str
    name: str
    page: tuple[str, str]  # the page a tap on this result opens
    parts: dict[str, list[str]]  # part -> texts
    phrases: tuple[str, ...]  # names and everyday words: an exact phrase counts extra


class Emergency(NamedTuple):
    """Emergency information, shown first when a query names one of its signs."""

    heading: str
    text: str
    items: tuple[str, ...]
    phrases: tuple[str, ...]  # a query holding every meaningful word of one of these


def _texts(entry, fields: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for field in fields:
        value = getattr(entry, field, "")
        out.extend(value if isinstance(value, tuple) else [value] if value else [])
    return out


def _linked(content: Content, kind: str, entry) -> dict[str, list[str]]:
    """Words an entry borrows from the entries it links to."""
    if kind == "regions":
        return {"felt": [a.name for a in content.body_areas_of(entry)]}
    if kind == "nerve_roots":
        areas = [content.get("body_areas", a) for a in entry.dermatome_areas]
        muscles = [content.get("muscles", m) for m in entry.key_muscles]
        return {"felt": [a.name for a in areas if a], "text": [m.name for m in muscles if m]}
    if kind == "conditions":
        return {"text": [r.name for r in content.regions_of(entry)]}
    if kind == "topics":
        sections = [t for s in entry.sections if s.kind != "urgent"
                    for t in (s.heading, s.text, *s.items) if t]
        return {"text": sections}
    return {}


def _level_names(kind: str, entry) -> list[str]:
    """Levels are found by their ids too: "L5", "L4-L5", "nerve-C6" -> "C6"."""
    if BY_COLLECTION[kind].shape:
        return [entry.id.replace("nerve-", "").replace("-", " ")]
    return []


def documents(content: Content) -> Iterator[Document]:
    for kind in KIND_ORDER:
        fields = PARTS[kind]
        for entry in getattr(content, kind):
            page = page_key(content, kind, entry.id)
            if page is None:  # a muscle that no page shows is not offered
                continue
            names = _texts(entry, fields["names"]) + _level_names(kind, entry)
            also = list(getattr(entry, "also_called", ()))
            parts = {"names": names, "also_called": also,
                     "felt": _texts(entry, fields.get("felt", ())),
                     "text": _texts(entry, fields.get("text", ()))}
            for part, texts in _linked(content, kind, entry).items():
                parts[part] = parts[part] + texts
            yield Document(kind, entry.id, names[0], page, parts, tuple(names + also))


def emergencies(content: Content) -> tuple[Emergency, ...]:
    """The emergency information search knows.

    Today: every topic section of kind ``urgent``, found by its everyday words
    (``also_called``) and its items.  This is the hook for a catalogue of warning signs
    with levels: each sign of level ``emergency`` becomes one more :class:`Emergency`
    here, with its own words, and nothing else in search changes.
    """
    found = []
    for topic in content.topics:
        for section in topic.sections:
            if section.kind == "urgent":
                found.append(Emergency(section.heading, section.text, section.items,
                                       (*section.also_called, *section.items)))
    return tuple(found)
