"""Plain-text and JSON views of one entry, for the command line.  No Qt here."""

from __future__ import annotations

from typing import Any

from explorer.i18n import tr
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
    raise TypeError(f"no description for {type(entry).__name__}")


def _list(title: str, items: list[str]) -> list[str]:
    return [f"{title}:"] + [f"  - {item}" for item in items] if items else []


def as_text(content: Content, entry: Any) -> str:
    data = as_dict(content, entry)
    lines: list[str]
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
