"""Plain-text and JSON views of one entry, for the command line.  No Qt here."""

from __future__ import annotations

from typing import Any

from explorer.model.i18n import tr
from explorer.model.entities import Condition, Content, Region


def _ref(entry: Any) -> dict[str, str]:
    return {"id": entry.id, "name": entry.name}


def _sources(entry: Any) -> list[dict[str, str]]:
    return [{"title": s.title, "url": s.url} for s in entry.sources]


def as_dict(content: Content, entry: Any) -> dict[str, Any]:
    if isinstance(entry, Region):
        return {
            "id": entry.id, "kind": "region", "name": entry.name,
            "medical_name": entry.medical_name, "location": entry.location,
            "bones": entry.bones, "summary": entry.summary, "feel": entry.feel,
            "body_areas": [_ref(a) for a in content.body_areas_of(entry)],
            "muscles": [{**_ref(m), "medical_name": m.medical_name, "does": m.does}
                        for m in content.muscles_of(entry)],
            "conditions": [_ref(c) for c in content.conditions_of(entry.id)],
            "sources": _sources(entry), "reviewed": entry.reviewed.isoformat(),
        }
    if isinstance(entry, Condition):
        return {
            "id": entry.id, "kind": "condition", "name": entry.name,
            "also_called": list(entry.also_called), "summary": entry.summary,
            "what": entry.what, "symptoms": list(entry.symptoms), "causes": list(entry.causes),
            "helps": list(entry.helps), "see_doctor": list(entry.see_doctor),
            "urgent": list(entry.urgent),
            "regions": [_ref(r) for r in content.regions_of(entry)],
            "sources": _sources(entry), "reviewed": entry.reviewed.isoformat(),
        }
    kind = type(entry).__name__
    ref = _ref
    if kind == "Vertebra":
        return {"id": entry.id, "kind": "vertebra", "name": entry.name,
                "nickname": entry.nickname, "region": ref(content.region(entry.region)),
                "summary": entry.summary,
                "nerve_roots": [ref(content.get("nerve_roots", r)) for r in entry.roots],
                "discs": [ref(d) for d in content.discs_next_to(entry.id)],
                "conditions": [ref(content.condition(c)) for c in entry.conditions],
                "body_areas": sorted(content.felt_areas("vertebrae", entry.id)),
                "sources": _sources(entry), "reviewed": entry.reviewed.isoformat()}
    if kind == "Disc":
        return {"id": entry.id, "kind": "disc", "name": entry.name,
                "region": ref(content.region(entry.region)), "summary": entry.summary,
                "between": [ref(content.get("vertebrae", v)) for v in entry.between],
                "presses_on": [ref(content.get("nerve_roots", r)) for r in entry.presses_on],
                "conditions": [ref(content.condition(c)) for c in entry.conditions],
                "body_areas": sorted(content.felt_areas("discs", entry.id)),
                "sources": _sources(entry), "reviewed": entry.reviewed.isoformat()}
    if kind == "NerveRoot":
        return {"id": entry.id, "kind": "nerve_root", "name": entry.name,
                "region": ref(content.region(entry.region)), "exits": entry.exits,
                "key_muscles": [{**ref(m), "does": m.does} for m in
                                (content.get("muscles", m) for m in entry.key_muscles)],
                "movement": entry.movement, "dermatome": entry.dermatome,
                "body_areas": [ref(content.get("body_areas", a)) for a in entry.dermatome_areas],
                "reflex": entry.reflex, "disc": entry.disc,
                "conditions": [ref(content.condition(c)) for c in entry.conditions],
                "sources": _sources(entry), "reviewed": entry.reviewed.isoformat()}
    if kind == "BodyArea":
        regions, roots = content.sources_of_area(entry.id)
        return {"id": entry.id, "kind": "body_area", "name": entry.name,
                "parts": list(entry.parts), "regions": [ref(r) for r in regions],
                "nerve_roots": [ref(n) for n in roots]}
    raise TypeError(f"no description for {kind}")


def _list(title: str, items: list[str]) -> list[str]:
    return [f"{title}:"] + [f"  - {item}" for item in items] if items else []


def as_text(content: Content, entry: Any) -> str:
    data = as_dict(content, entry)
    lines: list[str]
    if data["kind"] not in ("region", "condition"):
        return _level_text(data)
    if data["kind"] == "region":
        lines = [f"{data['name']} — {data['medical_name']}", f"{data['location']} {data['bones']}.",
                 "", data["summary"], "",
                 f"{tr('Where you may feel it')}: " + ", ".join(a["name"] for a in data["body_areas"]),
                 *_list(tr("Muscles this area can affect"),
                        [f"{m['name']}: {m['does']}" for m in data["muscles"]]),
                 *_list(tr("Related conditions"),
                        [f"{c['name']} ({c['id']})" for c in data["conditions"]])]
    else:
        lines = [data["name"], "", data["what"], "",
                 f"{tr('Where in the spine')}: " + ", ".join(r["name"] for r in data["regions"]),
                 *_list(tr("Common symptoms"), data["symptoms"]),
                 *_list(tr("Common causes"), data["causes"]),
                 *_list(tr("What usually helps"), data["helps"]),
                 *_list(tr("When to see a doctor"), data["see_doctor"]),
                 *_list(tr("Get medical help the same day if you have"), data["urgent"])]
    lines += ["", *_list(tr("Sources"), [f"{s['title']} — {s['url']}" for s in data["sources"]]),
              tr("Last reviewed: {date}", date=data["reviewed"])]
    return "\n".join(lines).replace("..", ".")


def _level_text(data: dict[str, Any]) -> str:
    """Any other entry: its name, then each field in plain lines."""
    lines = [data["name"], ""]
    for key, value in data.items():
        if key in ("id", "kind", "name", "sources", "reviewed") or not value:
            continue
        title = key.replace("_", " ").capitalize()
        if isinstance(value, list):
            names = [v["name"] if isinstance(v, dict) else str(v) for v in value]
            lines += _list(title, names)
        elif isinstance(value, dict):
            lines.append(f"{title}: {value['name']}")
        else:
            lines.append(f"{title}: {value}")
    if data.get("sources"):
        lines += ["", *_list(tr("Sources"), [f"{s['title']} — {s['url']}"
                                              for s in data["sources"]])]
    if data.get("reviewed"):
        lines.append(tr("Last reviewed: {date}", date=data["reviewed"]))
    return "\n".join(lines)
