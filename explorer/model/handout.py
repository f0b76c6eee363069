"""What a handout says: a page's words, its warning signs and its drawings, for paper.
No Qt here.

:func:`build` turns the page on screen (a page key) into a :class:`Handout`; what each
kind of page says is in :mod:`explorer.model.handout_text`, its warning signs come from
:func:`warning_signs` alone.  How it looks on paper is :mod:`explorer.ui.handout`'s
business.  Nothing here is about the visitor except the marks passed in, which go on the
paper and nowhere else.
"""

from __future__ import annotations

import datetime
import re
import string
from collections.abc import Iterable
from typing import NamedTuple

from explorer.model import kinds
from explorer.model.entities import LEVELS, Source
from explorer.model.i18n import N_, tr
from explorer.model.kinds import PageKey
from explorer.model.marks import DRAWINGS, Mark
from explorer.model.signs import DEFAULT_EMERGENCY_NUMBER, by_level, heading


class Section(NamedTuple):
    heading: str
    text: tuple[str, ...] = ()  # paragraphs
    items: tuple[str, ...] = ()  # bullets
    terms: tuple[tuple[str, str], ...] = ()  # (term, explanation)
    box: bool = False  # framed, like the page's "When to see a doctor"


class SignGroup(NamedTuple):
    """Warning signs of one level, under the heading that level has."""

    level: str  # emergency | urgent | soon, most serious first
    title: str
    lead: str
    items: tuple[str, ...]


class Figure(NamedTuple):
    drawing: str  # "spine" or "body"
    regions: tuple[str, ...] = ()  # marked on the spine
    level: str | None = None  # a vertebra, disc or nerve root marked on the spine
    areas: frozenset[str] = frozenset()  # lit on the body map (finest areas)


class Handout(NamedTuple):
    key: PageKey
    link_id: str  # the id in the handout's web address (``{id}``)
    kicker: str
    title: str
    lead: str
    sections: tuple[Section, ...]
    signs: tuple[SignGroup, ...]
    figures: tuple[Figure, ...]
    sources: tuple[Source, ...]
    reviewed: datetime.date | None
    marks: tuple[Mark, ...] = ()


class HandoutSettings(NamedTuple):
    """The clinic's details and printing set-up, from the configuration."""

    clinic_name: str = ""
    clinic_phone: str = ""
    clinic_logo: str = ""  # a PNG or SVG file
    link: str = ""  # URL template with {id} and {lang}; none: no QR code
    paper: str = "auto"  # letter | a4 | auto
    printer: str = ""  # where a kiosk prints, with no dialog
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER  # what the emergency boxes say to call


def printable(key: PageKey) -> bool:
    """Whether the page has a handout (the library, search and problem pages have none)."""
    kind = kinds.BY_PAGE.get(key[0])
    return key[0] in ("home", "topic") or (kind is not None and kind.describe is not None)


def key_of(content, item_id: str) -> PageKey | None:
    """The page key of a handout by id (``spine-explorer handout ID``), through the table
    of kinds; a topic's id gives that topic's handout."""
    found = kinds.find(content, item_id)
    if found is not None:
        return (found[0].page, item_id)
    return ("topic", item_id) if content.get("topics", item_id) is not None else None


def build(content, key: PageKey, marks: Iterable[Mark] = (),
          emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> Handout | None:
    """The handout of the page ``key`` in the current language, or None if it has none;
    ``emergency_number`` is the one its emergency boxes say to call."""
    from explorer.model import handout_text

    if not printable(key):
        return None
    made = handout_text.make(content, key)
    if made is None:
        return None
    marks = tuple(marks)
    drawn = {f.drawing for f in made.figures}
    extra = tuple(Figure(d) for d in DRAWINGS if d not in drawn and any(m.drawing == d
                                                                          for m in marks))
    return made._replace(signs=warning_signs(content, key, emergency_number), marks=marks,
                         figures=made.figures + extra)


# -- warning signs ------------------------------------------------------------------------
SEE_A_DOCTOR = N_("See a doctor if the feeling is new and strong, keeps coming back, or comes "
                  "with weakness, numbness or a change in how you walk.")


def warning_signs(content, key: PageKey,
                  emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> tuple[SignGroup, ...]:
    """The page's warning signs from the catalogue, by level, most serious first, each
    under its level's heading (as on the page): a condition's own reasons to see a doctor
    join its "make an appointment" box, and a body area always has that box."""
    more_soon: tuple[str, ...] = ()
    soon_text = ""
    if key[0] in ("home", "topic"):
        topics = content.topics if key[0] == "home" else (content.get("topics", key[1]),)
        ids = dict.fromkeys(i for t in topics for s in t.sections for i in s.warning_signs)
        found = [content.get("warning_signs", i) for i in ids]
        signs = sorted((s for s in found if s is not None), key=lambda s: LEVELS.index(s.level))
    else:
        kind = kinds.BY_PAGE[key[0]]
        signs = list(content.warning_signs_of(kind.collection, key[1]))
        if key[0] == "condition":
            more_soon = tuple(content.condition(key[1]).see_doctor)
        if key[0] == "area":
            soon_text = tr(SEE_A_DOCTOR)
    groups = dict(by_level(signs))
    if more_soon or soon_text:
        groups["soon"] = groups.get("soon", []) + list(more_soon)
    made = []
    for level in (lv for lv in LEVELS if lv in groups):
        title, lead = heading(level, emergency_number)
        made.append(SignGroup(level, title, soon_text if level == "soon" and soon_text
                              else lead, tuple(groups[level])))
    return tuple(made)


# -- the web address in the QR code ---------------------------------------------------------
def link(template: str, handout: Handout, language: str) -> str:
    """The clinic's web page for this handout, or "" when there is no template."""
    return template.format(id=handout.link_id, lang=language) if template else ""


def link_problem(template: str) -> str:
    """What is wrong with a ``handout_link`` template, or "" if nothing."""
    if not re.match(r"https?://[^\s/{}]+", template) or re.search(r"\s", template):
        return "should be a web address starting with https:// (no spaces)"
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return "has a { or } that is not part of {id} or {lang}"
    if names - {"id", "lang"}:
        return f"may use only {{id}} and {{lang}}, not {{{sorted(names - {'id', 'lang'})[0]}}}"
    if "id" not in names:
        return "should contain {id}, where each page's id goes"
    return ""
