"""Languages: the English content is the base; other languages translate only its text.

A language is a folder ``translations/<code>/`` in the content folder with
``language.yaml`` (its own name), ``ui.yaml`` (the app's strings) and one file per
content kind mapping each id to its translated text fields.  Relations (ids, links
between regions, muscles, conditions, levels) stay defined once, in the English files.
Adding a language is adding such a folder: no code changes.  No Qt here.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from explorer.model.content import Content
from explorer.model.entities import SearchWords, Section
from explorer.model.files import FileRefusedError, read_regular
from explorer.model.kinds import CONTENT_KINDS as KINDS
from explorer.model.problems import Problem, ProblemList

BASE = "en"
BASE_NAME = "English"
FREE_LISTS = {"also_called", "phrases"}  # translated freely: any number of items
OPTIONAL = {"also_called"}  # a language may leave these out
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
MAX_BYTES = 1_000_000


class Language(NamedTuple):
    code: str
    name: str  # in the language itself: "Español"
    qt: str  # suffix of Qt's own translation files, "" for none
    ui: Mapping[str, str]
    texts: Mapping[str, Mapping[str, Mapping[str, Any]]]  # kind -> id -> field -> text
    search: SearchWords = SearchWords()  # its own stemmer and stop words (search.yaml)


@functools.cache
def text_fields(cls: Any) -> dict[str, bool]:  # a named tuple's class
    """The translatable fields of an entry type: name -> is it a list of text."""
    from explorer.model.decode import type_hints

    hints = type_hints(cls)
    fields = {}
    for name in cls._fields:
        kind = hints[name]
        if name == "id" or typing.get_origin(kind) is typing.Annotated or \
                typing.get_origin(kind) is typing.Literal:
            continue
        if kind is str:
            fields[name] = False
        elif typing.get_origin(kind) is tuple and typing.get_args(kind)[0] is str:
            fields[name] = True
    return fields


def discover(folder: Path) -> list[Path]:
    """The language folders under ``folder/translations``, by code."""
    root = folder / "translations"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


class _Reader:
    """Checks one language's files against the English content; collects every problem."""

    def __init__(self, base: Content, ui_strings: set[str] | None, sink: list[Problem],
                 shown: Path) -> None:
        self.base = base
        self.ui_strings = ui_strings
        self.sink = sink
        self.shown = shown
        self.lines: dict[tuple[str, str], tuple[str, int]] = {}  # (kind, id) -> file, line

    def read(self, path: Path) -> Language | None:
        from explorer.model.yamlsafe import LineDict

        code = path.name
        shown = self.shown / "translations" / code
        header = self._load(path / "language.yaml", shown / "language.yaml", "language")
        if not isinstance(header, LineDict):
            return None
        problems = ProblemList(str(shown / "language.yaml"), self.sink)
        name = header.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.add(header.line, "the language needs a 'name', written in the language")
            return None
        for key in header:
            if key not in ("name", "qt"):
                problems.add(header.line_of(key), f"unknown key '{key}' (expected: name, qt)")
        ui = self._ui(path / "ui.yaml", shown / "ui.yaml")
        texts = {kind: self._kind(kind, path / f"{kind}.yaml", shown / f"{kind}.yaml")
                 for kind in KINDS}
        self._check_signs(texts)
        qt = header.get("qt", "") if isinstance(header.get("qt", ""), str) else ""
        from explorer.model.searchwords import read_search_words

        search = read_search_words(path, shown, self.sink)
        return Language(code, name.strip(), qt, ui, texts, search)

    def _check_signs(self, texts: dict[str, dict[str, dict[str, Any]]]) -> None:
        """Each translated sign against the rules' phrases in this language."""
        from explorer.model.signs import Placed, duplicate_problems, rule_problems

        def placed(kind: str, entry: Any, words: tuple[str, ...]) -> Placed:
            return Placed(entry.id, entry.level, words, *self.lines[(kind, entry.id)])

        signs = [placed("warning_signs", s, (texts["warning_signs"][s.id]["text"],))
                 for s in self.base.warning_signs
                 if "text" in texts["warning_signs"].get(s.id, {})]
        rules = [placed("sign_rules", r, texts["sign_rules"][r.id]["phrases"])
                 for r in self.base.sign_rules if "phrases" in texts["sign_rules"].get(r.id, {})]
        self.sink.extend(duplicate_problems(signs) + rule_problems(signs, rules))

    def _load(self, path: Path, shown: Path, key: str) -> Any:
        from explorer.model.yamlsafe import LineDict, YamlError, read_yaml

        problems = ProblemList(str(shown), self.sink)
        if not path.exists() and not path.is_symlink():
            problems.add(1, "file is missing: every language translates every file")
            return None
        try:
            root, duplicates = read_yaml(read_regular(path, MAX_BYTES))
        except FileRefusedError as exc:
            problems.add(1, exc.reason)
            return None
        except YamlError as exc:
            problems.add(exc.line, exc.message)
            return None
        for line, message in duplicates:
            problems.add(line, message)
        if not isinstance(root, LineDict) or key not in root:
            problems.add(getattr(root, "line", 1), f"the file should start with '{key}:'")
            return None
        value = root[key]
        if not isinstance(value, LineDict):
            problems.add(root.line_of(key), f"'{key}' should be a mapping")
            return None
        return value

    def _ui(self, path: Path, shown: Path) -> dict[str, str]:
        table = self._load(path, shown, "ui")
        if table is None:
            return {}
        from explorer.model.placeholders import mismatch

        problems = ProblemList(str(shown), self.sink)
        ui = {}
        for source, text in table.items():
            line = table.line_of(source)
            if not isinstance(text, str) or not text.strip():
                problems.add(line, f"the translation of '{source}' is empty")
                continue
            if self.ui_strings is not None and source not in self.ui_strings:
                problems.add(line, f"'{source}' is not a string the app uses")
                continue
            wrong = mismatch(source, text)
            if wrong:
                problems.add(line, f"the translation of '{source}' {wrong}")
                continue
            ui[source] = text
        for source in sorted(self.ui_strings or ()):
            if source not in table:
                problems.add(table.line, f"missing translation of the app's string '{source}'")
        return ui

    def _kind(self, kind: str, path: Path, shown: Path) -> dict[str, dict[str, Any]]:
        table = self._load(path, shown, kind)
        if table is None:
            return {}
        problems = ProblemList(str(shown), self.sink)
        entries = {e.id: e for e in getattr(self.base, kind)}
        out = {}
        for entry_id, fields in table.items():
            line = table.line_of(entry_id)
            if entry_id not in entries:
                problems.add(line, f"'{entry_id}' is not an id in {kind}.yaml")
                continue
            entry = entries[entry_id]
            self.lines[(kind, entry_id)] = (str(shown), line)
            out[entry_id] = self._entry(f"'{entry_id}'", entry, type(entry), fields, line,
                                        problems, kind)
        for entry_id in entries:
            if entry_id not in table:
                problems.add(table.line, f"missing translation of '{entry_id}'")
        return out

    def _entry(self, what: str, entry: Any, cls: type, fields: Any, line: int,
               problems: ProblemList, kind: str) -> dict[str, Any]:
        from explorer.model.yamlsafe import LineDict, LineList

        if not isinstance(fields, LineDict):
            problems.add(line, f"{what} should be a mapping of its translated fields")
            return {}
        wanted = text_fields(cls)
        out: dict[str, Any] = {}
        for name, value in fields.items():
            at = fields.line_of(name)
            if name == "sections" and kind == "topics":
                out[name] = self._sections(entry, value, at, problems)
                continue
            if name not in wanted:
                problems.add(at, f"'{name}' in {what} is not a field that is translated")
                continue
            english = getattr(entry, name)
            if wanted[name]:
                items = list(value) if isinstance(value, LineList) else None
                if items is None or not all(isinstance(i, str) and i.strip() for i in items):
                    problems.add(at, f"'{name}' in {what} should be a list of non-empty texts")
                    continue
                if name not in FREE_LISTS and len(items) != len(english):
                    problems.add(at, f"'{name}' in {what} has {len(items)} items; the English "
                                     f"has {len(english)}")
                    continue
                out[name] = tuple(" ".join(i.split()) for i in items)
            elif not isinstance(value, str) or not value.strip():
                problems.add(at, f"'{name}' in {what} is empty")
            else:
                out[name] = " ".join(value.split())
        for name in wanted:
            english = getattr(entry, name)
            if english and name not in fields and name not in OPTIONAL:
                problems.add(fields.line, f"{what} is missing the translation of '{name}'")
        if kind == "topics" and "sections" not in fields:
            problems.add(fields.line, f"{what} is missing the translation of 'sections'")
        return out

    def _sections(self, topic: Any, value: Any, line: int,
                  problems: ProblemList) -> tuple[dict[str, Any], ...]:
        from explorer.model.yamlsafe import LineList

        if not isinstance(value, LineList) or len(value) != len(topic.sections):
            problems.add(line, f"'sections' in '{topic.id}' should list {len(topic.sections)} "
                               "sections, in the English order")
            return ()
        return tuple(self._entry(f"section {number} of '{topic.id}'", section, Section, fields,
                                 item_line, problems, "sections")
                     for number, (section, fields, item_line) in enumerate(
                         zip(topic.sections, value, value.item_lines, strict=False), start=1))


def read_languages(folder: Path, base: Content, ui_strings: set[str] | None,
                   sink: list[Problem], shown: Path) -> dict[str, Language]:
    reader = _Reader(base, ui_strings, sink, shown)
    languages = {}
    for path in discover(folder):
        where = ProblemList(str(shown / "translations" / path.name), sink)
        if path.name == BASE:
            where.add(1, f"{BASE_NAME} is the base language: its text is the content files "
                         f"themselves, so a 'translations/{BASE}' folder is not read; remove it")
            continue
        if not LANGUAGE_CODE.fullmatch(path.name):
            where.add(1, f"'{path.name}' is not a language code such as es or pt_BR")
            continue
        language = reader.read(path)
        if language is not None:
            languages[language.code] = language
    return languages


def localize(base: Content, language: Language | None) -> Content:
    """The content with every text in ``language`` (the base content for English)."""
    if language is None:
        return base
    kinds = {}
    for kind in KINDS:
        texts = language.texts.get(kind, {})
        entries = []
        for entry in getattr(base, kind):
            fields = {name: tuple(value) if isinstance(value, list) else value
                      for name, value in texts.get(entry.id, {}).items()}
            sections = fields.pop("sections", None)
            if sections:
                fields["sections"] = tuple(
                    s._replace(**{k: tuple(v) if isinstance(v, list) else v
                                  for k, v in t.items()})
                    for s, t in zip(entry.sections, sections, strict=False))
            entries.append(entry._replace(**fields) if fields else entry)
        kinds[kind] = tuple(entries)
    return Content(search=language.search, **kinds)

