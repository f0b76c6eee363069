"""Plain-text and JSON views of one entry, for the command line.  No Qt here.

One function per kind turns an entry into a dictionary (the table of kinds in
:mod:`explorer.model.kinds` says which); :func:`as_text` prints any such dictionary.
"""

from __future__ import annotations

from typing import Any

from explorer.model.entities import LEVELS, sources_for
from explorer.model.i18n import language, tr
from explorer.model.signs import DEFAULT_EMERGENCY_NUMBER, heading


def _ref(entry: Any) -> dict[str, str]:
    return {"id": entry.id, "name": entry.name}


def _provenance(entry: Any) -> dict[str, Any]:
    return {"sources": [{"title": s.title, "url": s.url, "language": s.language}
                        for s in sources_for(entry.sources, language())],
            "reviewed": entry.reviewed.isoformat()}


def _signs(content, collection: str, entry) -> dict[str, Any]:
    """The warning signs that apply, most serious first."""
    return {"warning_signs": [{"id": s.id, "level": s.level, "text": s.text}
                              for s in content.warning_signs_of(collection, entry.id)]}


def region(content, entry) -> dict[str, Any]:
    return {
        "id": entry.id, "kind": "region", "name": entry.name,
        "medical_name": entry.medical_name, "location": entry.location,
        "bones": entry.bones, "summary": entry.summary, "feel": entry.feel,
        "body_areas": [_ref(a) for a in content.body_areas_of(entry)],
        "muscles": [{**_ref(m), "medical_name": m.medical_name, "does": m.does}
                    for m in content.muscles_of(entry)],
        "conditions": [_ref(c) for c in content.conditions_of(entry.id)],
        **_signs(content, "regions", entry), **_provenance(entry),
    }


def condition(content, entry) -> dict[str, Any]:
    return {
        "id": entry.id, "kind": "condition", "name": entry.name,
        "also_called": list(entry.also_called), "summary": entry.summary,
        "what": entry.what, "symptoms": list(entry.symptoms), "causes": list(entry.causes),
        "helps": list(entry.helps), "see_doctor": list(entry.see_doctor),
        "emergency": entry.emergency, "regions": [_ref(r) for r in content.regions_of(entry)],
        **_signs(content, "conditions", entry), **_provenance(entry),
    }


def _level(content, entry, kind: str) -> dict[str, Any]:
    return {"id": entry.id, "kind": kind, "name": entry.name,
            "region": _ref(content.region(entry.region))}


def _conditions(content, entry) -> list[dict[str, str]]:
    return [_ref(content.condition(c)) for c in entry.conditions]


def vertebra(content, entry) -> dict[str, Any]:
    return {**_level(content, entry, "vertebra"), "nickname": entry.nickname,
            "summary": entry.summary,
            "nerve_roots": [_ref(content.get("nerve_roots", r)) for r in entry.roots],
            "discs": [_ref(d) for d in content.discs_next_to(entry.id)],
            "conditions": _conditions(content, entry),
            "body_areas": sorted(content.felt_areas("vertebrae", entry.id)),
            **_signs(content, "vertebrae", entry), **_provenance(entry)}


def disc(content, entry) -> dict[str, Any]:
    return {**_level(content, entry, "disc"), "summary": entry.summary,
            "between": [_ref(content.get("vertebrae", v)) for v in entry.between],
            "presses_on": [_ref(content.get("nerve_roots", r)) for r in entry.presses_on],
            "conditions": _conditions(content, entry),
            "body_areas": sorted(content.felt_areas("discs", entry.id)),
            **_signs(content, "discs", entry), **_provenance(entry)}


def nerve_root(content, entry) -> dict[str, Any]:
    muscles = (content.get("muscles", m) for m in entry.key_muscles)
    return {**_level(content, entry, "nerve_root"), "exits": entry.exits,
            "key_muscles": [{**_ref(m), "does": m.does} for m in muscles],
            "movement": entry.movement, "dermatome": entry.dermatome,
            "body_areas": [_ref(content.get("body_areas", a)) for a in entry.dermatome_areas],
            "reflex": entry.reflex, "disc": entry.disc,
            "conditions": _conditions(content, entry),
            **_signs(content, "nerve_roots", entry), **_provenance(entry)}


def body_area(content, entry) -> dict[str, Any]:
    regions, roots = content.sources_of_area(entry.id)
    return {"id": entry.id, "kind": "body_area", "name": entry.name,
            "parts": list(entry.parts), "regions": [_ref(r) for r in regions],
            "nerve_roots": [_ref(n) for n in roots],
            **_signs(content, "body_areas", entry), **_provenance(entry)}


# -- text -------------------------------------------------------------------------------
def _list(title: str, items: list[str]) -> list[str]:
    return [f"{title}:"] + [f"  - {item}" for item in items] if items else []


def _sources_text(data: dict[str, Any]) -> list[str]:
    import datetime

    from explorer.model.dates import long_date

    lines = _list(tr("Sources"), [f"{s['title']} — {s['url']}" for s in data.get("sources", ())])
    if data.get("reviewed"):
        date = long_date(datetime.date.fromisoformat(data["reviewed"]))
        lines.append(tr("Last reviewed: {date}", date=date))
    return ["", *lines] if lines else []


def _signs_text(data: dict[str, Any], number: str, levels=LEVELS,
                more_soon: list[str] | None = None) -> list[str]:
    """Each level's signs under the level's own heading, most serious first."""
    lines: list[str] = []
    for level in levels:
        items = [s["text"] for s in data.get("warning_signs", ()) if s["level"] == level]
        if level == "soon" and more_soon:
            items += more_soon
        if items:
            title, lead = heading(level, number)
            title = f"!!! {title.upper()}" if level == "emergency" else title
            lines += ["", title, lead, *[f"  - {item}" for item in items]]
    return lines


def as_text(data: dict[str, Any], emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> str:
    """A described entry as plain lines for a terminal: emergency signs after its first
    paragraph, the other levels' signs after what it is about."""
    number = emergency_number
    if data["kind"] == "region":
        lines = [f"{data['name']} — {data['medical_name']}",
                 f"{data['location']} {data['bones']}.".replace("..", "."),
                 *_signs_text(data, number, ("emergency",)), "",
                 data["summary"], "",
                 f"{tr('Where you may feel it')}: " + ", ".join(a["name"]
                                                               for a in data["body_areas"]),
                 *_list(tr("Muscles this area can affect"),
                        [f"{m['name']}: {m['does']}" for m in data["muscles"]]),
                 *_list(tr("Related conditions"),
                        [f"{c['name']} ({c['id']})" for c in data["conditions"]]),
                 *_signs_text(data, number, ("urgent", "soon"))]
    elif data["kind"] == "condition":
        lines = [data["name"], "", data["what"], *_signs_text(data, number, ("emergency",)), "",
                 f"{tr('Where in the spine')}: " + ", ".join(r["name"] for r in data["regions"]),
                 *_list(tr("Common symptoms"), data["symptoms"]),
                 *_list(tr("Common causes"), data["causes"]),
                 *_list(tr("What usually helps"), data["helps"]),
                 *_signs_text(data, number, ("urgent", "soon"), data["see_doctor"])]
    else:
        lines = [data["name"], *_signs_text(data, number, ("emergency",)), "",
                 *_fields_text(data)[2:], *_signs_text(data, number, ("urgent", "soon"))]
    return "\n".join(lines + _sources_text(data))


def _field_title(key: str) -> str:
    """The heading the page uses for a field of a level or a body area."""
    titles = {
        "nickname": tr("Also known as"), "region": tr("Part of"), "summary": tr("About it"),
        "nerve_roots": tr("Nerve roots that leave next to it"),
        "discs": tr("Discs above and below"), "conditions": tr("Conditions common at this level"),
        "body_areas": tr("Where you may feel it"), "between": tr("Between"),
        "presses_on": tr("A bulge or herniation here usually presses on"),
        "exits": tr("Where it leaves the spine"), "key_muscles": tr("What it powers"),
        "movement": tr("Movement"), "dermatome": tr("Where it gives feeling (its dermatome)"),
        "reflex": tr("Reflex a doctor may test"),
        "disc": tr("The disc that most often presses on it"), "parts": tr("Made of"),
        "regions": tr("Parts of the spine"),
    }
    return titles.get(key, key.replace("_", " ").capitalize())


def _fields_text(data: dict[str, Any]) -> list[str]:
    """Any other entry: its name, then each field in plain lines."""
    lines = [data["name"], ""]
    for key, value in data.items():
        if key in ("id", "kind", "name", "sources", "reviewed", "warning_signs") or not value:
            continue
        title = _field_title(key)
        if isinstance(value, list):
            lines += _list(title, [v["name"] if isinstance(v, dict) else str(v) for v in value])
        elif isinstance(value, dict):
            lines.append(f"{title}: {value['name']}")
        else:
            lines.append(f"{title}: {value}")
    return lines
