"""What search reads in each kind of entry, and how much each part weighs.  No Qt here.

Every entry becomes a document of four parts: its names, the everyday words for it
(``also_called``), where and how it is felt (symptoms, body areas), and the rest of its
text.  A match in the names or the everyday words weighs most, then symptoms, body areas
and the warning signs an entry lists, then other text.  The emergency signs of the
catalogue (``warning_signs.yaml``, level ``emergency``) are also read apart, by their own
everyday words, so a query that names one can put the emergency information first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from explorer.model.content import Content
from explorer.model.entities import WarningSign
from explorer.model.kinds import BY_COLLECTION, SEARCHED, page_key

# Which kinds of entry are searched, in the order results of equal score are listed.
KIND_ORDER = tuple(kind.collection for kind in SEARCHED)

# How much a match in each part of a document counts.
PART_WEIGHTS = {"names": 4.0, "also_called": 4.0, "felt": 2.0, "text": 1.0}

# The fields of each kind that make up each part (besides names and also_called).
PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "regions": {"names": ("name", "medical_name"), "felt": ("feel", "location"),
                "text": ("summary", "bones")},
    "conditions": {"names": ("name",), "felt": ("symptoms",),
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
    """Emergency signs, shown first when a query names them."""

    signs: tuple[WarningSign, ...]  # the signs of level ``emergency`` it stands for
    phrases: tuple[str, ...]  # a query holding every meaningful word of one of these
    first: tuple[str, ...]  # conditions that are themselves an emergency and list the signs
    by_sign: bool = True  # named by a sign's own words; False: by a condition's names


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
        sections = [t for s in entry.sections for t in (s.heading, s.text, *s.items) if t]
        return {"text": sections}
    return {}


def _signs_of(content: Content, kind: str, entry) -> list[str]:
    """The words of the warning signs an entry lists (a topic: in its sections)."""
    if kind == "topics":
        ids = {i for section in entry.sections for i in section.warning_signs}
        signs: tuple[WarningSign, ...] = tuple(s for s in content.warning_signs if s.id in ids)
    else:
        signs = content.warning_signs_of(kind, entry.id)
    return [text for sign in signs for text in (sign.text, *sign.also_called)]


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
            felt = _texts(entry, fields.get("felt", ())) + _signs_of(content, kind, entry)
            parts = {"names": names, "also_called": also, "felt": felt,
                     "text": _texts(entry, fields.get("text", ()))}
            for part, texts in _linked(content, kind, entry).items():
                parts[part] = parts[part] + texts
            yield Document(kind, entry.id, names[0], page, parts, tuple(names + also))


def emergencies(content: Content) -> tuple[Emergency, ...]:
    """The emergency information search knows, from the catalogue of warning signs.

    Each sign of level ``emergency`` is named by its text and its everyday words
    (``also_called``); a condition that is itself an emergency (``emergency: true``) is
    named by its names, and stands for the emergency signs it lists (when the query names
    no sign by the sign's own words).  Either way, such a condition that lists the signs is
    the result to show first.
    """
    serious = {s.id: s for s in content.warning_signs if s.level == "emergency"}
    itself = [c for c in content.conditions if c.emergency]
    found = [Emergency((sign,), (sign.text, *sign.also_called),
                       tuple(c.id for c in itself if sign.id in c.warning_signs))
             for sign in serious.values()]
    for condition in itself:
        signs = tuple(serious[i] for i in condition.warning_signs if i in serious)
        if signs:
            found.append(Emergency(signs, (condition.name, *condition.also_called),
                                   (condition.id,), by_sign=False))
    return tuple(found)
