"""Read a content folder and check it against the drawing.

:func:`parse_kind` turns one file's text into entries (tested on inline
strings); :func:`load_content` reads the folder's files, checks references
between them and against the drawing, and returns either a :class:`Content`
or every problem found.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.model.content import Content
from explorer.model.drawing import Drawing
from explorer.model.files import FileRefusedError, read_regular
from explorer.model.kinds import BY_SHAPE
from explorer.model.kinds import CONTENT_KINDS as KINDS
from explorer.model.problems import Problem, ProblemList
from explorer.model.relations import check_cycles
from explorer.model.schema import ID_PATTERN, EntryReader, RefUse, Reviewed, label
from explorer.model.yamlsafe import MAX_BYTES, LineDict, LineList, read_reported

KIND_FILES = tuple(f"{kind}.yaml" for kind in KINDS)
KNOWN_FILES = (*KIND_FILES, "search.yaml")  # search.yaml: stemmer and stop words


@dataclass(frozen=True)
class Located:
    """An entry with the file and line that defined it.

    ``entry`` is ``None`` when the entry had problems; its ``id`` still counts as
    defined, so references to it are not reported a second time.
    """

    id: str
    entry: Any
    file: str
    line: int


@dataclass(frozen=True)
class LoadResult:
    content: Content | None
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()  # never stop the content loading: review dates due

    @property
    def ok(self) -> bool:
        return self.content is not None


def parse_kind(kind: str, data: bytes, file: str, sink: list[Problem],
               refs: list[RefUse], reviewed: list[Reviewed] | None = None
               ) -> list[Located] | None:
    """Entries of ``kind`` from one file's bytes; problems and id uses are appended.

    ``None`` when the file could not be read as a list of entries at all.
    """
    problems = ProblemList(file, sink)
    parsed, root = read_reported(data, problems)
    if not parsed:
        return None
    items = _top_list(kind, root, problems)
    if items is None:
        return None
    reader = EntryReader(problems, refs, reviewed)
    cls = KINDS[kind]
    located = []
    for value, line in zip(items, items.item_lines if isinstance(items, LineList) else [],
                           strict=False):
        entry = reader.entry(cls, value, line)
        entry_id = value.get("id") if isinstance(value, LineDict) else None
        # As the entry reads it: "lumbar " and "lumbar" are one id, and a duplicate; an
        # id that is not valid (said already) defines nothing.
        entry_id = " ".join(entry_id.split()) if isinstance(entry_id, str) else ""
        if ID_PATTERN.match(entry_id):
            located.append(Located(entry_id, entry, file, line))
    return located


def _top_list(kind: str, root: Any, problems: ProblemList) -> LineList | None:
    if root is None:
        problems.add(1, f"the file is empty; it should start with '{kind}:' and a list")
        return None
    if not isinstance(root, LineDict) or kind not in root:
        problems.add(getattr(root, "line", 1), f"the file should start with '{kind}:' and a list")
        return None
    for key in root:
        if key != kind:
            problems.add(root.line_of(key),
                         f"unknown top-level key '{key}' (expected only '{kind}')")
    items = root[kind]
    if not isinstance(items, LineList):
        problems.add(root.line_of(kind), f"'{kind}' should be a list of entries")
        return None
    return items


def _check_duplicates(entries: list[Located], sink: list[Problem]) -> list[Located]:
    seen: dict[str, Located] = {}
    unique = []
    for item in entries:
        first = seen.get(item.id)
        if first is not None:
            sink.append(Problem(item.file, item.line,
                                f"duplicate id '{item.id}' (first at line {first.line})"))
            continue
        seen[item.id] = item
        unique.append(item)
    return unique


def _check_refs(refs: list[RefUse], ids: dict[str, set[str]], sink: list[Problem]) -> None:
    for use in refs:
        known = ids.get(use.kind)
        if known is None or use.target in known:  # None: that file is unreadable, said already
            continue
        close = difflib.get_close_matches(use.target, sorted(known), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        noun = label(KINDS[use.kind])
        sink.append(Problem(use.file, use.line, f"unknown {noun} id '{use.target}'{hint}"))




def _check_drawing(by_kind: dict[str, list[Located]], drawing: Drawing,
                   sink: list[Problem]) -> None:
    """Drawing ids and content ids match both ways, and a shape sits in its entry's region."""
    regions = by_kind.get("regions")
    if regions is not None:
        content_ids = {item.id for item in regions}
        for item in regions:
            if item.id not in drawing.regions:
                sink.append(Problem(item.file, item.line, f"region '{item.id}' has no shape in "
                                    f"the drawing {drawing.file}"))
        for region_id, line in drawing.region_lines.items():
            if region_id not in content_ids:
                sink.append(Problem(drawing.file, line,
                                    f"drawing region '{region_id}' has no entry in regions.yaml"))
    for shape_class, row in BY_SHAPE.items():
        kind = row.collection
        items = by_kind.get(kind)
        if items is None:
            continue
        noun = label(KINDS[kind])
        described = {item.id for item in items}
        for item in items:
            shape = drawing.shapes.get(item.id)
            if shape is None or shape.kind != shape_class:
                sink.append(Problem(item.file, item.line, f"{noun} '{item.id}' has no shape in "
                                    f"the drawing {drawing.file}"))
            elif item.entry is not None and item.entry.region != shape.region:
                sink.append(Problem(item.file, item.line,
                                    f"{noun} '{item.id}' is in region '{item.entry.region}' here "
                                    f"but in '{shape.region}' in the drawing"))
        for shape in drawing.shapes.values():
            if shape.kind == shape_class and shape.id not in described:
                sink.append(Problem(drawing.file, shape.line,
                                    f"drawing {shape_class} '{shape.id}' has no entry in "
                                    f"{kind}.yaml"))


def _check_signs(by_kind: dict[str, list[Located]], refs: list[RefUse],
                 sink: list[Problem]) -> None:
    """Warning signs: each used somewhere, listed once, at least at the level its words need."""
    from explorer.model.signs import (
        Placed,
        duplicate_problems,
        rule_problems,
        unused_problems,
    )

    signs = [Placed(i.id, i.entry.level, (i.entry.text,), i.file, i.line)
             for i in by_kind.get("warning_signs", []) if i.entry is not None]
    rules = [Placed(i.id, i.entry.level, i.entry.phrases, i.file, i.line)
             for i in by_kind.get("sign_rules", []) if i.entry is not None]
    used = {use.target for use in refs if use.kind == "warning_signs"}
    sink += duplicate_problems(signs) + rule_problems(signs, rules)
    levels = {s.id: s.level for s in signs}
    for item in by_kind.get("conditions", []):
        if item.entry is not None and item.entry.emergency and not any(
                levels.get(s) == "emergency" for s in item.entry.warning_signs):
            sink.append(Problem(item.file, item.line, f"condition '{item.id}' is an emergency "
                                "but lists no emergency warning sign"))
    if "warning_signs" in by_kind and all(k in by_kind for k in KINDS):
        sink += unused_problems(signs, used)  # only when every file that may use one is read


def review_warnings(reviewed: list[Reviewed], today: datetime.date,
                    months: int = 24) -> list[Problem]:
    """Entries last checked against their sources more than ``months`` ago."""
    due = []
    for item in reviewed:
        month = item.date.month - 1 + months
        year, month = item.date.year + month // 12, month % 12 + 1
        day = min(item.date.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        if datetime.date(year, month, day) < today:
            due.append(Problem(item.file, item.line,
                               f"warning: {item.what} was last reviewed on "
                               f"{item.date.isoformat()}, more than {months} months ago; "
                               "check it against its sources"))
    return due


def load_content(folder: Path, drawing: Drawing | None, *, display_root: Path | None = None,
                 sink: list[Problem] | None = None, today: datetime.date | None = None
                 ) -> LoadResult:
    """Load every kind file of ``folder``; check ids and (if given) the drawing."""
    problems: list[Problem] = [] if sink is None else sink
    refs: list[RefUse] = []
    reviewed: list[Reviewed] = []
    by_kind: dict[str, list[Located]] = {}
    unreadable: set[str] = set()
    shown = display_root or folder
    if not folder.is_dir():
        problems.append(Problem(str(shown), 1, "content folder not found"))
        return LoadResult(None, tuple(problems))
    for path in sorted(folder.glob("*.yaml")):  # translations/ holds the other languages
        if path.name not in KNOWN_FILES:
            close = difflib.get_close_matches(path.name, KNOWN_FILES, n=1)
            hint = (f"; did you mean '{close[0]}'?" if close
                    else f" (expected: {', '.join(KNOWN_FILES)})")
            problems.append(Problem(str(shown / path.name), 1, f"unknown content file{hint}"))
    for kind in KINDS:
        path = folder / f"{kind}.yaml"
        name = str(shown / path.name)
        try:
            data = read_regular(path, MAX_BYTES)
        except FileRefusedError as exc:
            problems.append(Problem(name, 1, exc.reason))
            unreadable.add(kind)
            continue
        located = parse_kind(kind, data, name, problems, refs, reviewed)
        if located is None:
            unreadable.add(kind)
            continue
        by_kind[kind] = _check_duplicates(located, problems)
    from explorer.model.searchwords import read_search_words

    search = read_search_words(folder, shown, problems)
    ids = {k: {i.id for i in v} for k, v in by_kind.items()}
    _check_refs(refs, ids, problems)
    _check_signs(by_kind, refs, problems)
    check_cycles(by_kind, problems)
    if drawing is not None:
        _check_drawing(by_kind, drawing, problems)
    warnings = tuple(review_warnings(reviewed, today or datetime.date.today()))
    if problems:
        return LoadResult(None, tuple(problems), warnings)
    content = Content(search=search,
                      **{kind: tuple(i.entry for i in items) for kind, items in by_kind.items()})
    return LoadResult(content, (), warnings)


BODY_VIEWS = ("front", "back")
BODY_SIDES = ("left", "right", "centre")


def check_body_drawing(body: Drawing, sink: list[Problem]) -> None:
    """The body map's own rules: its groups are the front and back views, and each area
    shape names the patient's side."""
    for view, line in body.region_lines.items():
        if view not in BODY_VIEWS:
            sink.append(Problem(body.file, line, f"the body map's view '{view}' should be one "
                                                 f"of {', '.join(BODY_VIEWS)}"))
    for shape in body.shapes.values():
        if shape.kind != "area":
            sink.append(Problem(body.file, shape.line, f"'{shape.id}' on the body map should "
                                                       "have class=\"area\""))
        elif shape.side not in BODY_SIDES:
            sink.append(Problem(body.file, shape.line, f"area '{shape.id}' needs a data-side of "
                                                       f"{', '.join(BODY_SIDES)}"))


def check_body_map(content: Content, body: Drawing, areas_file: Path,
                   sink: list[Problem]) -> None:
    """The body map's own rules; every body area without parts has a shape on it, and every
    shape's area exists in the content."""
    check_body_drawing(body, sink)
    leaves = {a.id for a in content.body_areas if not a.parts}
    drawn = {s.area for s in body.shapes.values() if s.kind == "area"}
    for area in sorted(leaves - drawn):
        sink.append(Problem(str(areas_file), 1,
                            f"body area '{area}' has no shape on the body map {body.file}"))
    for shape in body.shapes.values():
        if shape.kind == "area" and shape.area not in leaves:
            known = {a.id for a in content.body_areas}
            what = "is made of parts" if shape.area in known else "is not in body_areas.yaml"
            sink.append(Problem(body.file, shape.line,
                                f"area '{shape.id}' names '{shape.area}', which {what}"))
