"""``search.yaml``: how search reads a language, kept with its content.  No Qt here.

    search:
      stemmer: english            # a Snowball algorithm, or none
      stop_words: [a, an, the, my, …]

Each language folder has its own (``translations/es/search.yaml``), so a third
language brings its own stemmer and stop words.  :func:`parse_search_words` turns
a file's bytes into :class:`SearchWords`, reporting every problem as ``file:line``;
:func:`read_search_words` reads the file of a folder (none: no stop words, no stems).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from explorer.model.entities import SearchWords
from explorer.model.problems import Problem, ProblemList

FILE = "search.yaml"
_KEYS = ("stemmer", "stop_words")


def stemmers() -> tuple[str, ...]:
    """The Snowball algorithms installed, found without importing the package (its import
    loads every language and costs more than the whole check)."""
    from importlib.util import find_spec

    spec = find_spec("snowballstemmer")
    if spec is None or not spec.submodule_search_locations:
        return ()
    folder = Path(next(iter(spec.submodule_search_locations)))
    return tuple(sorted(p.name[:-len("_stemmer.py")] for p in folder.glob("*_stemmer.py")))


def parse_search_words(data: bytes, file: str, sink: list[Problem]) -> SearchWords | None:
    """The stemmer and stop words of one ``search.yaml``; ``None`` if it is unusable."""
    from explorer.model.words import normalize
    from explorer.model.yamlsafe import LineDict, LineList, read_reported

    problems = ProblemList(file, sink)
    parsed, root = read_reported(data, problems)
    if not parsed:
        return None
    if not isinstance(root, LineDict) or not isinstance(root.get("search"), LineDict):
        problems.add(getattr(root, "line", 1), "the file should start with 'search:' and its "
                                               "settings (stemmer, stop_words)")
        return None
    table = root["search"]
    ok = len(sink)
    for key in root:
        if key != "search":
            problems.add(root.line_of(key), f"unknown top-level key '{key}' (expected only "
                                            "'search')")
    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f" (expected: {', '.join(_KEYS)})"
            problems.add(table.line_of(key), f"unknown key '{key}'{hint}")
    stemmer = _stemmer(table.get("stemmer", ""), table.line_of("stemmer") if "stemmer" in table
                       else table.line, problems)
    words = table.get("stop_words", LineList(table.line))
    if not isinstance(words, LineList):
        problems.add(table.line_of("stop_words"), "'stop_words' should be a list of words")
        return None
    stop_words = []
    for word, line in zip(words, words.item_lines, strict=True):
        plain = normalize(word) if isinstance(word, str) else ""
        if isinstance(word, bool):  # YAML reads on, off, yes and no as true and false
            problems.add(line, f"a stop word was read as {str(word).lower()}: put words like "
                               "on, off, yes and no in quotes (\"no\")")
        elif not plain or " " in plain:
            problems.add(line, f"a stop word should be one word, not {word!r}")
        else:
            stop_words.append(plain)
    if len(sink) > ok:
        return None
    return SearchWords(stemmer, tuple(dict.fromkeys(stop_words)))


def _stemmer(value: object, line: int, problems: ProblemList) -> str:
    if value in ("", None, "none"):
        return ""
    known = stemmers()
    if not isinstance(value, str) or value not in known:
        close = difflib.get_close_matches(str(value), known, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else \
            f" (known: {', '.join(known) or 'none: the snowballstemmer package is missing'})"
        problems.add(line, f"unknown stemmer '{value}'{hint}")
    return value if isinstance(value, str) else ""


def read_search_words(folder: Path, shown: Path, sink: list[Problem]) -> SearchWords:
    """The ``search.yaml`` of a content or language folder; a folder without one searches
    without stop words or stems.  Read like the other content files: only a regular file
    of modest size (a folder, a device or a FIFO in its place is reported, not read)."""
    import os

    from explorer.model.files import FileRefusedError, read_regular
    from explorer.model.yamlsafe import MAX_BYTES

    path = folder / FILE
    if not os.path.lexists(path):
        return SearchWords()
    try:
        data = read_regular(path, MAX_BYTES)
    except FileRefusedError as exc:
        sink.append(Problem(str(shown / FILE), 1, exc.reason))
        return SearchWords()
    return parse_search_words(data, str(shown / FILE), sink) or SearchWords()
