"""Plain-text and JSON views of one entry, for the command line.  No Qt here.

One function per kind turns an entry into a dictionary (the table of kinds in
:mod:`explorer.model.kinds` says which); :func:`as_text` prints any such dictionary.
"""

from __future__ import annotations

from typing import Any

from explorer.model.i18n import tr


def _ref(entry: Any) -> dict[str, str]:
    return {"id": entry.id, "name": entry.name}


def _provenance(entry: Any) -> dict[str, Any]:
    return {"sources": [{"title": s.title, "url": s.url} for s in entry.sources],
            "reviewed": entry.reviewed.isoformat()}


def region(content, entry) -> dict[str, Any]:
    return {
        "id": entry.id, "kind": "region", "name": entry.name,
        "medical_name": entry.medical_name, "location": entry.location,
        "bones": entry.bones, "summary": entry.summary, "feel": entry.feel,
        "body_areas": [_ref(a) for a in content.body_areas_of(entry)],
        "muscles": [{**_ref(m), "medical_name": m.medical_name, "does": m.does}
                    for m in content.muscles_of(entry)],
        "conditions": [_ref(c) for c in content.conditions_of(entry.id)],
        **_provenance(entry),
    }


def condition(content, entry) -> dict[str, Any]:
    return {
        "id": entry.id, "kind": "condition", "name": entry.name,
        "also_called": list(entry.also_called), "summary": entry.summary,
        "what": entry.what, "symptoms": list(entry.symptoms), "causes": list(entry.causes),
        "helps": list(entry.helps), "see_doctor": list(entry.see_doctor),
        "urgent": list(entry.urgent),
        "regions": [_ref(r) for r in content.regions_of(entry)],
        **_provenance(entry),
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
            **_provenance(entry)}


def disc(content, entry) -> dict[str, Any]:
    return {**_level(content, entry, "disc"), "summary": entry.summary,
            "between": [_ref(content.get("vertebrae", v)) for v in entry.between],
            "presses_on": [_ref(content.get("nerve_roots", r)) for r in entry.presses_on],
            "conditions": _conditions(content, entry),
            "body_areas": sorted(content.felt_areas("discs", entry.id)),
            **_provenance(entry)}


def nerve_root(content, entry) -> dict[str, Any]:
    muscles = (content.get("muscles", m) for m in entry.key_muscles)
    return {**_level(content, entry, "nerve_root"), "exits": entry.exits,
            "key_muscles": [{**_ref(m), "does": m.does} for m in muscles],
            "movement": entry.movement, "dermatome": entry.dermatome,
            "body_areas": [_ref(content.get("body_areas", a)) for a in entry.dermatome_areas],
            "reflex": entry.reflex, "disc": entry.disc,
            "conditions": _conditions(content, entry),
            **_provenance(entry)}


def body_area(content, entry) -> dict[str, Any]:
    regions, roots = content.sources_of_area(entry.id)
    return {"id": entry.id, "kind": "body_area", "name": entry.name,
            "parts": list(entry.parts), "regions": [_ref(r) for r in regions],
            "nerve_roots": [_ref(n) for n in roots]}


# -- text -------------------------------------------------------------------------------
def _list(title: str, items: list[str]) -> list[str]:
    return [f"{title}:"] + [f"  - {item}" for item in items] if items else []


def _sources_text(data: dict[str, Any]) -> list[str]:
    lines = _list(tr("Sources"), [f"{s['title']} — {s['url']}" for s in data.get("sources", ())])
    if data.get("reviewed"):
        lines.append(tr("Last reviewed: {date}", date=data["reviewed"]))
    return ["", *lines] if lines else []


def as_text(data: dict[str, Any]) -> str:
    """A described entry as plain lines for a terminal."""
    if data["kind"] == "region":
        lines = [f"{data['name']} — {data['medical_name']}",
                 f"{data['location']} {data['bones']}.".replace("..", "."), "",
                 data["summary"], "",
                 f"{tr('Where you may feel it')}: " + ", ".join(a["name"]
                                                               for a in data["body_areas"]),
                 *_list(tr("Muscles this area can affect"),
                        [f"{m['name']}: {m['does']}" for m in data["muscles"]]),
                 *_list(tr("Related conditions"),
                        [f"{c['name']} ({c['id']})" for c in data["conditions"]])]
    elif data["kind"] == "condition":
        lines = [data["name"], "", data["what"], "",
                 f"{tr('Where in the spine')}: " + ", ".join(r["name"] for r in data["regions"]),
                 *_list(tr("Common symptoms"), data["symptoms"]),
                 *_list(tr("Common causes"), data["causes"]),
                 *_list(tr("What usually helps"), data["helps"]),
                 *_list(tr("When to see a doctor"), data["see_doctor"]),
                 *_list(tr("Get medical help the same day if you have"), data["urgent"])]
    else:
        lines = _fields_text(data)
    return "\n".join(lines + _sources_text(data))


def _fields_text(data: dict[str, Any]) -> list[str]:
    """Any other entry: its name, then each field in plain lines."""
    lines = [data["name"], ""]
    for key, value in data.items():
        if key in ("id", "kind", "name", "sources", "reviewed") or not value:
            continue
        title = key.replace("_", " ").capitalize()
        if isinstance(value, list):
            lines += _list(title, [v["name"] if isinstance(v, dict) else str(v) for v in value])
        elif isinstance(value, dict):
            lines.append(f"{title}: {value['name']}")
        else:
            lines.append(f"{title}: {value}")
    return lines
