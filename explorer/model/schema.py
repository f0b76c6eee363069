"""Turn parsed YAML (with lines) into entries, reporting every problem found.

The entry dataclasses in :mod:`explorer.model.entities` are the schema; this
module reads their annotations.  Problems are collected, never raised, so an
author sees all of them at once.
"""

from __future__ import annotations

import datetime
import difflib
import re
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from explorer.model.entities import Ref
from explorer.model.problems import ProblemList
from explorer.model.yamlsafe import LineDict, LineList

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
URL_PATTERN = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


@dataclass(frozen=True)
class RefUse:
    """An id that one entry uses to point at another; checked once all files are read."""

    file: str
    line: int
    kind: str
    target: str


@dataclass(frozen=True)
class Reviewed:
    """An entry's review date and where it is written (for the 'due for review' warning)."""

    file: str
    line: int
    what: str
    date: datetime.date


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: Any
    required: bool


@cache
def fields_of(cls: Any) -> tuple[FieldSpec, ...]:  # a named tuple's class
    """The keys of an entry type (a named tuple), with types; required = no default."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(FieldSpec(name, hints[name], name not in cls._field_defaults)
                 for name in cls._fields)


def describe(value: Any) -> str:
    if isinstance(value, LineDict):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, datetime.date):
        return "a date"
    if value is None:
        return "nothing"
    return "text"


def label(cls: type) -> str:
    """'BodyArea' -> 'body area'."""
    return re.sub(r"(?<!^)([A-Z])", r" \1", cls.__name__).lower()


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


class EntryReader:
    """Reads entries of one file; problems go to ``problems``, id uses to ``refs``."""

    def __init__(self, problems: ProblemList, refs: list[RefUse],
                 reviewed: list[Reviewed] | None = None) -> None:
        self.problems = problems
        self.refs = refs
        self.reviewed = reviewed if reviewed is not None else []

    def entry(self, cls: type, value: Any, line: int, owner: str = "") -> Any | None:
        name = label(cls)
        if not isinstance(value, LineDict):
            self.problems.add(line, f"expected the fields of a {name}, got {describe(value)}")
            return None
        specs = fields_of(cls)
        known = [s.name for s in specs]
        entry_id = " ".join(value["id"].split()) if isinstance(value.get("id"), str) else None
        what = f"{name} '{entry_id}'" if entry_id else (owner or f"this {name}")
        ok = True
        for key in value:
            if key not in known:
                hint = _suggest(key, known) or f" (expected: {', '.join(known)})"
                self.problems.add(value.line_of(key), f"unknown key '{key}' in {what}{hint}")
                ok = False
        args = {}
        for spec in specs:
            if spec.name not in value:
                if spec.required:
                    self.problems.add(value.line, f"{what} is missing the field '{spec.name}'")
                    ok = False
                continue
            result = self.field(spec, value[spec.name], value.line_of(spec.name), what)
            if result is _BAD:
                ok = False
            else:
                args[spec.name] = result
        if ok and isinstance(args.get("reviewed"), datetime.date):
            self.reviewed.append(Reviewed(self.problems.file, value.line_of("reviewed"), what,
                                          args["reviewed"]))
        return cls(**args) if ok else None

    def field(self, spec: FieldSpec, value: Any, line: int, what: str) -> Any:
        kind = spec.type
        where = f"'{spec.name}' in {what}"
        if typing.get_origin(kind) is typing.Annotated:
            base, *marks = typing.get_args(kind)
            ref = next(m for m in marks if isinstance(m, Ref))
            if base is str:  # one id
                one = self._id(value, line, where)
                if one is not _BAD:
                    self.refs.append(RefUse(self.problems.file, line, ref.kind, one))
                return one
            ids = self._list(value, line, where, self._id, spec.required)
            if ids is not _BAD:
                lines = value.item_lines if isinstance(value, LineList) else []
                for item, item_line in zip(ids, lines, strict=False):
                    self.refs.append(RefUse(self.problems.file, item_line, ref.kind, item))
            return ids
        if kind is bool:
            if not isinstance(value, bool):
                self.problems.add(line, f"{where} should be true or false, not {describe(value)}")
                return _BAD
            return value
        if kind is str:
            if spec.name == "id":
                return self._id(value, line, where)
            return self._text(value, line, where)
        if kind is datetime.date:
            return self._date(value, line, where)
        if typing.get_origin(kind) is typing.Literal:
            choices = typing.get_args(kind)
            if value not in choices:
                self.problems.add(line, f"{where} must be one of {', '.join(choices)}")
                return _BAD
            return value
        if typing.get_origin(kind) is tuple:
            item_type = typing.get_args(kind)[0]
            if item_type is str:
                return self._list(value, line, where, self._text, spec.required)
            return self._list(value, line, where,
                              lambda v, ln, w: self._nested(item_type, v, ln, w), spec.required)
        raise TypeError(f"no reader for {kind!r}")  # a programming error in entities.py

    def _nested(self, cls: type, value: Any, line: int, where: str) -> Any:
        result = self.entry(cls, value, line, owner=f"a {label(cls)} in {where}")
        if result is None:
            return _BAD
        wrong = _NESTED_CHECKS.get(cls.__name__, _fine)(result)
        if wrong:
            self.problems.add(line, wrong)
            return _BAD
        return result

    def _list(self, value: Any, line: int, where: str, read, non_empty: bool = True) -> Any:
        if not isinstance(value, LineList):
            self.problems.add(line, f"{where} should be a list, not {describe(value)}")
            return _BAD
        if non_empty and not value:
            self.problems.add(line, f"{where} is an empty list")
            return _BAD
        items = [read(item, item_line, where)
                 for item, item_line in zip(value, value.item_lines, strict=False)]
        return _BAD if any(i is _BAD for i in items) else tuple(items)

    def _text(self, value: Any, line: int, where: str) -> Any:
        if not isinstance(value, str):
            self.problems.add(line, f"{where} should be text, not {describe(value)}")
            return _BAD
        text = " ".join(value.split())
        if not text:
            self.problems.add(line, f"{where} is empty")
            return _BAD
        return text

    def _id(self, value: Any, line: int, where: str) -> Any:
        text = self._text(value, line, where)
        if text is not _BAD and not ID_PATTERN.match(text):
            self.problems.add(line, f"'{text}' is not a valid id (letters, digits, _ and -)")
            return _BAD
        return text

    def _date(self, value: Any, line: int, where: str) -> Any:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        self.problems.add(line, f"{where} should be a date like 2026-11-21, not {describe(value)}")
        return _BAD


_BAD = object()


def _fine(_entry: Any) -> str:
    return ""


def _check_source(source: Any) -> str:
    if not URL_PATTERN.match(source.url):
        return f"'{source.url}' is not a web address (http:// or https://)"
    if not re.fullmatch(r"[a-z]{2,3}", source.language):
        return f"'{source.language}' is not a language code such as en or es"
    return ""


def _check_section(section: Any) -> str:
    """A heading needs something under it; a see-your-doctor box needs the signs it is about."""
    signs = section.items or section.warning_signs
    if section.kind == "doctor" and not signs:
        return (f"the section '{section.heading}' is a see-your-doctor box with no signs: list "
                "them under 'items' or 'warning_signs'")
    if not signs and not section.text:
        return (f"the section '{section.heading}' has a heading and nothing under it: give it "
                "'text', 'items' or 'warning_signs'")
    return ""


_NESTED_CHECKS = {"Source": _check_source, "Section": _check_section}
