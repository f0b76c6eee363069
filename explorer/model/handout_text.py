"""What each kind of page says on paper: the same words as on screen, without the buttons.
No Qt here.

One function per page kind makes a :class:`~explorer.model.handout.Handout` (its warning
signs are added by :func:`explorer.model.handout.build`).  Links become plain names: a
person cannot tap paper.
"""

from __future__ import annotations

from collections.abc import Callable

from explorer.model import kinds
from explorer.model.entities import sources_for
from explorer.model.handout import Figure, Handout, Section
from explorer.model.i18n import language, tr
from explorer.model.kinds import PageKey


def _names(entries) -> tuple[str, ...]:
    return (", ".join(e.name for e in entries),) if entries else ()


def _handout(key: PageKey, entry, kicker: str, title: str, lead: str, sections,
             figures) -> Handout:
    return Handout(key, key[1], kicker, title, lead,
                   tuple(s for s in sections if s.text or s.items or s.terms),
                   (), tuple(figures), _sources(entry.sources), entry.reviewed)


def _sources(sources) -> tuple:
    """The sources a reader of the current language is shown (theirs first, as on screen)."""
    return sources_for(tuple(dict.fromkeys(sources)), language())


def _region_figures(region: str | None, level: str | None, areas) -> list[Figure]:
    return [Figure("spine", (region,) if region else (), level),
            Figure("body", areas=frozenset(areas))]


def _with_medical_name(muscle) -> str:
    """What a muscle does, then its medical name, unless its name has it already."""
    medical = muscle.medical_name
    if not medical or medical.lower() in muscle.name.lower():
        return muscle.does
    return f"{muscle.does} " + tr("Medical name: {name}.", name=medical)


def region(content, key: PageKey) -> Handout:
    r = content.region(key[1])
    sections = [
        Section(tr("Where you may feel it"), _names(content.body_areas_of(r))),
        Section(tr("About this part of the spine"), (r.summary, r.feel)),
        Section(tr("Muscles this area can affect"), terms=tuple(
            (m.name, _with_medical_name(m)) for m in content.muscles_of(r))),
        Section(tr("Related conditions"), terms=tuple((c.name, c.summary) for c in
                                                      content.conditions_of(r.id))),
    ]
    title = tr("{name} — {medical}", name=r.name, medical=r.medical_name.lower())
    lead = f"{r.location} {r.bones}.".replace("..", ".")
    return _handout(key, r, tr(kinds.BY_PAGE["region"].label), title, lead, sections,
                    _region_figures(r.id, None, content.felt_areas("regions", r.id)))


def condition(content, key: PageKey) -> Handout:
    c = content.condition(key[1])
    also = (tr("Also called: {names}", names=", ".join(c.also_called)) + ".",) \
        if c.also_called else ()
    sections = [
        Section(tr("Where in the spine"), tuple(f"{r.name} ({r.medical_name})"
                                                for r in content.regions_of(c))),
        Section(tr("Common symptoms"), items=c.symptoms),
        Section(tr("Common causes"), items=c.causes),
        Section(tr("What usually helps"), items=c.helps),
    ]  # its reasons to see a doctor are in its "make an appointment" box
    lead = " ".join((*also, c.what))
    return _handout(key, c, tr("Condition"), c.name, lead, sections,
                    [Figure("spine", tuple(c.regions))])


def level(content, key: PageKey) -> Handout:
    kind, entry = key[0], kinds.entry_of(content, key)
    r = content.region(entry.region)
    kicker = f"{tr(kinds.BY_PAGE[kind].label)} · {r.name}"
    title = f"{entry.name} — {entry.nickname}" if kind == "vertebra" else entry.name
    lead, sections = _LEVELS[kind](content, entry)
    sections += [
        Section(tr("Conditions common at this level"),
                _names([content.condition(c) for c in entry.conditions])),
        Section(tr("Part of"), (f"{r.name} ({r.medical_name})",)),
    ]
    areas = content.felt_areas(kinds.BY_PAGE[kind].collection, entry.id)
    return _handout(key, entry, kicker, title, lead, sections,
                    _region_figures(r.id, entry.id, areas))


def _vertebra(content, v) -> tuple[str, list[Section]]:
    return v.summary, [
        Section(tr("Nerve roots that leave next to it"),
                _names([content.get("nerve_roots", n) for n in v.roots])),
        Section(tr("Discs above and below"), _names(content.discs_next_to(v.id))),
    ]


def _disc(content, d) -> tuple[str, list[Section]]:
    roots = [content.get("nerve_roots", n) for n in d.presses_on]
    return d.summary, [
        Section(tr("Between"), _names([content.get("vertebrae", v) for v in d.between])),
        Section(tr("A bulge or herniation here usually presses on"), terms=tuple(
            term for n in roots for term in ((n.name, n.movement),
                                             (tr("Feeling"), n.dermatome)))),
    ]


def _nerve(content, n) -> tuple[str, list[Section]]:
    muscles = [content.get("muscles", m) for m in n.key_muscles]
    disc = content.get("discs", n.disc) if n.disc else None
    return n.exits, [
        Section(tr("What it powers"), (n.movement,), terms=tuple((m.name, m.does)
                                                                for m in muscles)),
        Section(tr("Where it gives feeling (its dermatome)"), (n.dermatome,) + _names(
            [content.get("body_areas", a) for a in n.dermatome_areas])),
        Section(tr("Reflex a doctor may test"), (n.reflex,) if n.reflex else ()),
        Section(tr("The disc that most often presses on it"), (disc.name,) if disc else ()),
    ]


_LEVELS: dict[str, Callable] = {"vertebra": _vertebra, "disc": _disc, "nerve": _nerve}


def area(content, key: PageKey) -> Handout:
    a = content.get("body_areas", key[1])
    regions, roots = content.sources_of_area(a.id)
    lead = tr("Problems in these parts of the spine can sometimes be felt here. This is for "
              "learning, not a diagnosis: many other things can cause symptoms in the same "
              "place. A doctor can find out what is behind yours.")
    none = () if regions or roots else (tr("The spine is not a common cause of symptoms "
                                           "here."),)
    sections = [
        Section(tr("Parts of the spine"), tuple(f"{r.name} ({r.medical_name})"
                                                for r in regions) + none),
        Section(tr("Nerve roots whose skin area includes it"),
                terms=tuple((n.name, n.dermatome) for n in roots)),
    ]  # when to see a doctor: in its "make an appointment" box
    return Handout(key, a.id, tr("Where do you feel it?"), a.name, lead,
                   tuple(s for s in sections if s.text or s.terms), (),
                   (Figure("body", areas=content.leaf_areas([a.id])),
                    Figure("spine", tuple(r.id for r in regions))), _sources(a.sources),
                   a.reviewed)


def topics(content, key: PageKey) -> Handout | None:
    """A topic (the start page's muscle spasms); the start page gives all its topics."""
    chosen = content.topics if key[0] == "home" else (content.get("topics", key[1]),)
    if not chosen:
        return None
    sections = []
    for topic in chosen:
        if len(chosen) > 1:
            sections.append(Section(topic.title, (topic.summary,)))
        sections += [Section(s.heading, (s.text,) if s.text else (), s.items,
                             box=s.kind == "doctor") for s in topic.sections
                     if s.text or s.items]  # a section of only signs: in the boxes
    first = chosen[0]
    one = len(chosen) == 1
    return Handout(key, first.id if one else "home", tr("Topic"),
                   first.title if one else tr("Explore your spine"),
                   first.summary if one else "", tuple(sections), (), (),
                   _sources(s for t in chosen for s in t.sources),
                   max(t.reviewed for t in chosen))


_MAKERS: dict[str, Callable] = {"region": region, "condition": condition, "vertebra": level,
                                "disc": level, "nerve": level, "area": area, "home": topics,
                                "topic": topics}


def make(content, key: PageKey) -> Handout | None:
    maker = _MAKERS.get(key[0])
    if maker is None or (key[0] not in ("home", "topic") and
                         kinds.entry_of(content, key) is None):
        return None
    return maker(content, key)
