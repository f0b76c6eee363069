"""JSON data back into our typed values, checked against the types as it goes.  No Qt here.

The cache (:mod:`explorer.model.cache`) stores content, drawings and languages as JSON;
what comes back is trusted no more than a content file: every text must be text, every
number a finite number in range, every choice one of its choices, every named tuple
exactly its fields, every path command a known letter with its numbers, every reference
an id that exists.  Anything else raises :class:`InvalidDataError` and the cache is not used.
The checks are made once per type (:func:`checker`) and run at C speed where they can,
because a warm start decodes the whole world.
"""

from __future__ import annotations

import datetime
import functools
import math
import typing
from array import array
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from itertools import islice
from types import MappingProxyType
from typing import Any

from explorer.model.drawing import MAX_COORDINATE
from explorer.model.entities import Ref

LIMIT = MAX_COORDINATE  # no number of a drawing is beyond this
_ARITY = {"M": 3, "L": 3, "C": 7, "Q": 5, "Z": 1}  # the letter and its numbers
NUMBERS: ContextVar[Iterator[float]] = ContextVar("NUMBERS")  # while a cache file is read


@functools.cache
def type_hints(kind: type) -> dict[str, Any]:
    """``typing.get_type_hints`` of a type, worked out once (it evaluates every annotation,
    which a warm start would otherwise pay for twice)."""
    return typing.get_type_hints(kind, include_extras=True)


class InvalidDataError(ValueError):
    """The data does not have the shape its type says."""


def _fail(what: str) -> Any:
    raise InvalidDataError(what)


def _text(data: Any) -> str:
    return data if type(data) is str else _fail(f"expected text, not {type(data).__name__}")


def _whole(data: Any) -> int:
    return data if type(data) is int else _fail(f"expected a whole number, not {data!r}")


def _number(data: Any) -> float:
    if type(data) not in (int, float) or not -LIMIT <= data <= LIMIT:  # NaN fails too
        _fail(f"expected a finite number, not {data!r}")
    return float(data)


def _truth(data: Any) -> bool:
    return data if type(data) is bool else _fail(f"expected true or false, not {data!r}")


def _texts(data: Any) -> tuple[str, ...]:
    "".join(_sequence(data))  # TypeError unless every item is text (at C speed)
    return tuple(data)


def _date(data: Any) -> datetime.date:
    return datetime.date.fromisoformat(_text(data))  # ValueError is an InvalidDataError's parent


def _sequence(data: Any) -> list:
    return data if type(data) is list else _fail(f"expected a list, not {type(data).__name__}")


def _table(data: Any) -> dict:
    return data if type(data) is dict else _fail(f"expected a mapping, not {type(data).__name__}")


def paths_to_json(paths: tuple, numbers: array) -> list[str]:
    """A shape's paths for the cache, each as its letters (``"MLLZ"``); their numbers go,
    in order, to ``numbers`` (the file's machine doubles, stored after its JSON)."""
    for path in paths:
        numbers.extend(v for c in path for v in c[1:])
    return ["".join(c[0] for c in path) for path in paths]


def numbers_from(blob: bytes) -> Iterator[float]:
    """The drawings' numbers of a cache file, every one finite and within range (their
    root sum of squares, worked out at C speed, bounds each of them)."""
    if len(blob) % 8:
        _fail("the drawings' numbers are cut short")
    numbers = array("d", blob).tolist()
    if numbers and not math.hypot(*numbers) <= LIMIT * math.sqrt(len(numbers)):  # NaN too
        _fail("a drawing has a number that is not finite or is out of range")
    return iter(numbers)


def path_commands(data: Any) -> tuple[tuple[tuple, ...], ...]:
    """A shape's paths back from :func:`paths_to_json`, each taking the numbers its letters
    need from :data:`NUMBERS`, checked with C-level string and list operations: known
    letters, starting with M, and numbers enough (the reader checks none are left over)."""
    return tuple(map(_path, _sequence(data))) or _fail("a shape has no path")


def _path(letters: Any) -> tuple[tuple, ...]:
    if type(letters) is not str or not letters.startswith("M") or letters.strip("MLCQZ"):
        _fail("a path's commands are not M, L, C, Q and Z, starting with M")
    taken = 2 * (letters.count("M") + letters.count("L")) + 6 * letters.count("C") + \
        4 * letters.count("Q")
    numbers = list(islice(NUMBERS.get(), taken))
    if len(numbers) != taken:
        _fail("the drawings' numbers ran out")
    closed = letters.endswith("Z")
    straight = letters[:-1] if closed else letters
    if straight.strip("ML"):  # curves, or closed on the way: one command at a time
        out, at = [], 0
        for letter in letters:
            taken = _ARITY[letter] - 1
            out.append((letter, *numbers[at:at + taken]))
            at += taken
        return tuple(out)
    pairs = iter(numbers)
    commands = tuple(zip(straight, pairs, pairs, strict=True))
    return commands + (("Z",),) if closed else commands


def _view_box(data: Any) -> tuple[float, float, float, float]:
    box = tuple(map(_number, _sequence(data)))
    if len(box) != 4 or box[2] < 1 or box[3] < 1:
        _fail("a view box is four numbers, its width and height at least 1")
    return box  # type: ignore[return-value]


def _texts_checker(cls: type, sections: bool) -> Callable[[Any], MappingProxyType]:
    """One entry's translated fields: each a field of ``cls`` that is translated."""
    from explorer.model.translations import text_fields

    fields: dict[str, Callable[[Any], Any]] = {
        name: checker(tuple[str, ...] if is_list else str)
        for name, is_list in text_fields(cls).items()}
    if sections:
        from explorer.model.entities import Section

        section = _texts_checker(Section, False)
        fields["sections"] = lambda data: tuple(map(section, _sequence(data)))

    def entry(data: Any) -> MappingProxyType:
        return MappingProxyType({name: (fields.get(name) or _unknown_field(name))(value)
                                 for name, value in _table(data).items()})
    return entry


def _unknown_field(name: str) -> Callable[[Any], Any]:
    raise InvalidDataError(f"'{name}' is not a translated field")


@functools.cache
def _kind_texts() -> dict[str, Callable[[Any], MappingProxyType]]:
    from explorer.model.kinds import CONTENT_KINDS

    return {kind: _texts_checker(cls, kind == "topics") for kind, cls in CONTENT_KINDS.items()}


def language_texts(data: Any) -> MappingProxyType:
    """A language's texts: content kind -> id -> translated field -> text (or texts)."""
    kinds = _kind_texts()
    out = {}
    for kind, entries in _table(data).items():
        entry = kinds.get(kind) or _fail(f"'{kind}' is not a kind of content")
        out[kind] = MappingProxyType({_text(i): entry(f) for i, f in _table(entries).items()})
    return MappingProxyType(out)


# Fields whose type says too little to check them: (type name, field) -> checker.
SPECIAL: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("Shape", "paths"): path_commands,
    ("Drawing", "view_box"): _view_box,
    ("Language", "texts"): language_texts,
}


@functools.cache
def checker(kind: Any) -> Callable[[Any], Any]:
    """A function turning JSON data into ``kind``, or raising :class:`InvalidDataError`."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    simple = {str: _text, int: _whole, float: _number, bool: _truth, datetime.date: _date}
    if kind in simple:
        return simple[kind]
    if origin is typing.Annotated:
        return checker(args[0])
    if origin is typing.Literal:
        return lambda data: data if data in args and type(data) is str else _fail(
            f"expected one of {args}, not {data!r}")
    if origin is tuple:
        return _tuple_checker(args)
    if origin in (Mapping, dict):
        value = checker(args[1])
        return lambda data: MappingProxyType({_text(k): value(v) for k, v in _table(data).items()})
    if hasattr(kind, "_fields"):
        return _record_checker(kind)
    raise TypeError(f"no checker for {kind!r}")  # a type the cache was never meant to hold


def _tuple_checker(args: tuple) -> Callable[[Any], Any]:
    if len(args) == 2 and args[1] is Ellipsis:
        item = checker(args[0])
        if item is _text:
            return _texts
        return lambda data: tuple(map(item, _sequence(data)))
    items = [checker(a) for a in args]

    def fixed(data: Any) -> tuple:
        if len(_sequence(data)) != len(items):
            _fail(f"expected {len(items)} items, not {len(data)}")
        return tuple(f(v) for f, v in zip(items, data, strict=True))
    return fixed


def _record_checker(kind: type) -> Callable[[Any], Any]:
    """A named tuple (or :class:`~explorer.model.content.Content`): exactly its fields."""
    hints = type_hints(kind)
    fields = {name: SPECIAL.get((kind.__name__, name)) or checker(hints[name])
              for name in kind._fields}  # type: ignore[attr-defined]
    names = set(fields)

    def record(data: Any) -> Any:
        if _table(data).keys() != names:
            _fail(f"{kind.__name__} without {sorted(names - data.keys())} or with "
                  f"{sorted(data.keys() - names)}")
        return kind(**{name: fields[name](v) for name, v in data.items()})
    return record


@functools.cache
def refs_of(kind: Any) -> dict[str, str]:
    """The fields of an entry type that hold ids of other entries: field -> content kind."""
    hints = type_hints(kind)
    return {name: meta.kind for name, hint in hints.items()
            if typing.get_origin(hint) is typing.Annotated
            for meta in typing.get_args(hint)[1:] if isinstance(meta, Ref)}


def content_problems(content: Any) -> list[str]:
    """What would make this content unsafe to show: repeated ids, a reference to an id
    that is not there (nested sections too), a body area that is part of itself."""
    from explorer.model.kinds import CONTENT_KINDS  # the entry kinds, not search's settings

    ids = {kind: {e.id for e in getattr(content, kind)} for kind in CONTENT_KINDS}
    missing = [f"{kind} repeat an id" for kind in CONTENT_KINDS
               if len(ids[kind]) != len(getattr(content, kind))]
    for kind in CONTENT_KINDS:
        for entry in getattr(content, kind):
            for item in _records(entry):
                for field, target in refs_of(type(item)).items():  # type: ignore[arg-type]
                    value = getattr(item, field)
                    for used in (value,) if isinstance(value, str) else value:
                        if used and used not in ids[target]:
                            missing.append(f"{kind} '{entry.id}' {field}: '{used}'")
    return missing + _loops(content.body_areas)


def _records(entry: Any):
    """An entry and the entries nested in it (a topic's sections), at any depth."""
    yield entry
    for value in entry:
        if isinstance(value, tuple):
            for item in value:
                if hasattr(item, "_fields"):
                    yield from _records(item)


def _loops(areas: tuple) -> list[str]:
    parts = {a.id: a.parts for a in areas}
    done: set[str] = set()

    def visit(area: str, path: tuple[str, ...]) -> list[str]:
        if area in path:
            return [f"body area '{area}' is part of itself"]
        if area in done:
            return []
        done.add(area)
        return [p for part in parts.get(area, ()) for p in visit(part, (*path, area))]
    return [p for area in parts for p in visit(area, ())]


def drawing_problems(drawing: Any) -> list[str]:
    """A drawing's groups each name shapes that are there, and at least one."""
    problems = [f"group '{g}' is empty" for g, ids in drawing.regions.items() if not ids]
    problems += [f"group '{g}' names a shape that is not there"
                 for g, ids in drawing.regions.items() if not set(ids) <= drawing.shapes.keys()]
    if drawing.regions.keys() != drawing.region_lines.keys():
        problems.append("the groups and their lines do not match")
    return problems


def language_problems(language: Any, content: Any) -> list[str]:
    """A language translates only entries the content has."""
    return [f"{language.code}: {kind} has no '{entry_id}'"
            for kind, entries in language.texts.items()
            for entry_id in entries if content.get(kind, entry_id) is None]

