"""The loaded world: the drawings, the content in every language, its search indexes.
No Qt here.

:func:`load_all` reads the drawings and a content folder (the shipped one by default),
complete and at once: with a ``cache_dir``, a world that loaded without problems before
comes back whole from one JSON file (see :mod:`explorer.model.cache`), checked like
content; otherwise everything is parsed and checked, and kept only if no file changed
while it was read.  :class:`World` is one such load as an immutable value, which the app
swaps whole: nothing in it is read from disk later.  What it derives from its own data (a
language's content, a search index) it makes once, on first use.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from explorer import __version__, resources
from explorer.model.content import Content
from explorer.model.drawing import Drawing
from explorer.model.problems import Problem
from explorer.model.translations import BASE, BASE_NAME, Language

log = logging.getLogger(__name__)
SPINE_FILE, BODY_FILE = "spine.svg", "body.svg"  # a content folder's own drawings
ATTEMPTS = 3  # reads of a folder that keeps changing while it is read
CACHED = {"content": Content, "drawing": Drawing, "body": Drawing,
          "languages": dict[str, Language]}


class Drawings(NamedTuple):
    """Drawing files chosen in the configuration; ``None``: the content folder's own
    (``spine.svg``, ``body.svg``) if it has them, else the shipped ones."""

    spine: Path | None = None
    body: Path | None = None

    @classmethod
    def shipped(cls) -> Drawings:
        """The drawings that ship with the app, whatever the content folder holds."""
        return cls(resources.drawing_path(), resources.body_path())


class Loaded(NamedTuple):
    content: Content | None  # in the base language, English; None when there are problems
    drawing: Drawing | None
    problems: tuple[Problem, ...]
    folder: Path
    languages: Mapping[str, Language] = MappingProxyType({})  # other languages, by code
    body: Drawing | None = None  # the body map
    warnings: tuple[Problem, ...] = ()  # worth knowing, never stop loading: reviews due
    key: str = ""  # what was read, as the cache's key ("" when it could not all be read)


DEFAULT_DRAWINGS = Drawings()


def _drawing_files(folder: Path, shown: Path, chosen: Drawings) -> list[tuple[str, Path]]:
    """(name shown in problems, path) of the spine drawing and the body map."""
    files = []
    for given, own, shipped in ((chosen.spine, SPINE_FILE, resources.drawing_path),
                                (chosen.body, BODY_FILE, resources.body_path)):
        if given is not None:
            files.append((f"assets/{own}" if given == shipped() else str(given), given))
        elif (folder / own).exists():
            files.append((str(shown / own), folder / own))
        else:
            files.append((f"assets/{own}", shipped()))
    return files


def _where(content_dir: Path | None,
           drawings: Drawings) -> tuple[Path, Path, Path, list[tuple[str, Path]]]:
    """The folder as given, as read (links resolved), as shown in problems; the drawings."""
    given = content_dir or resources.content_dir()
    folder = given.resolve() if given.exists() else given
    shown = given if content_dir else Path("content")
    return given, folder, shown, _drawing_files(folder, shown, drawings)


def _key(snapshot) -> str:
    from explorer.model import cache
    from explorer.model.inputs import code_stamp

    return cache.cache_key([*snapshot.keyed(), ("code", code_stamp().encode())], __version__)


def current_key(content_dir: Path | None = None, drawings: Drawings = DEFAULT_DRAWINGS) -> str:
    """The key of the files a load would read now ("" when they cannot all be read): a
    quick way to see that nothing changed since a world was loaded."""
    from explorer.model.inputs import take

    _, folder, _, files = _where(content_dir, drawings)
    try:
        return _key(take(files, folder))
    except OSError:
        return ""


def load_all(content_dir: Path | None = None, cache_dir: Path | None = None,
             drawings: Drawings = DEFAULT_DRAWINGS) -> Loaded:
    """The drawings and the content (``content_dir``, or the shipped content), complete.

    A content folder given through a symbolic link is read through the folder the link
    names at the start, so a link swapped while the load runs is taken next time, never
    mixed with the last one.  A folder whose files change while they are read is read
    again; if it never holds still, that is a problem like any other.
    """
    given, folder, shown, files = _where(content_dir, drawings)
    for _ in range(ATTEMPTS):
        loaded = _load_once(files, folder, shown, cache_dir)
        if loaded is not None:
            return loaded._replace(folder=given)
    return Loaded(None, None, (Problem(str(shown), 1, "the content folder kept changing while "
                                       "it was read; it is read again when it holds still"),),
                  given)


def _load_once(files: list[tuple[str, Path]], folder: Path, shown: Path,
               cache_dir: Path | None) -> Loaded | None:
    """One load; ``None`` when a file changed while it was read."""
    from explorer.model import cache
    from explorer.model.inputs import take

    try:
        before = take(files, folder)
    except OSError:  # something the loader will report, file by file
        return _parse_files(files, folder, shown)
    key = _key(before)
    target = cache.path_for(cache_dir, key) if cache_dir is not None else None
    if target is not None:
        cached = cache.read(target, CACHED, key, __version__)
        world = _from_cache(cached, folder, key) if cached is not None else None
        if world is not None:
            return world
    loaded = _parse_snapshot(before, shown)._replace(key=key, folder=folder)
    try:
        if take(files, folder).fingerprint() != before.fingerprint():
            log.info("content in %s changed while it was read; reading it again", shown)
            return None
    except OSError:
        return None
    if target is not None and loaded.content is not None:
        cache.write(target, {"content": loaded.content, "drawing": loaded.drawing,
                             "body": loaded.body, "languages": dict(loaded.languages)},
                    key, __version__)
    return loaded


def _from_cache(cached: dict[str, Any], folder: Path, key: str) -> Loaded | None:
    """The cached world, if its parts agree with each other (else a log line, and None)."""
    from explorer.model.decode import content_problems, drawing_problems, language_problems

    content, languages = cached["content"], cached["languages"]
    problems = [*content_problems(content), *drawing_problems(cached["drawing"]),
                *drawing_problems(cached["body"])]
    for code, language in languages.items():
        problems += language_problems(language, content)
        if code != language.code or code == BASE:
            problems.append(f"language '{code}' is filed under another code")
    if problems:
        log.warning("content cache for %s ignored: %s; parsing the content", folder,
                    "; ".join(problems[:5]))
        return None
    return Loaded(content, cached["drawing"], (), folder, languages, cached["body"], key=key)


def _parse_files(files: list[tuple[str, Path]], folder: Path, shown: Path) -> Loaded:
    """Parse the folder itself (when it cannot all be read: the loader says why)."""
    from explorer.model.drawing import load_drawing

    problems: list[Problem] = []
    drawings = [load_drawing(path, problems, display_name=name) for name, path in files]
    return _parse(drawings, problems, folder, shown)


def _parse_snapshot(snapshot, shown: Path) -> Loaded:
    """Parse exactly the bytes of ``snapshot`` (its content files copied to a folder of
    their own), whatever happens to the folder meanwhile."""
    import tempfile

    from explorer.model.drawing import parse_drawing

    problems: list[Problem] = []
    drawings = [parse_drawing(data, name, problems) for name, data in snapshot.drawings]
    with tempfile.TemporaryDirectory(prefix="spine-explorer-") as copy:
        snapshot.write_to(Path(copy))
        return _parse(drawings, problems, Path(copy), shown)


def _parse(drawings: list[Drawing | None], problems: list[Problem], folder: Path,
           shown: Path) -> Loaded:
    from explorer.model.loader import check_body_map, load_content

    drawing, body = drawings
    result = load_content(folder, drawing, display_root=shown, sink=problems)
    if result.content is not None and body is not None:
        check_body_map(result.content, body, shown / "body_areas.yaml", problems)
    languages: dict[str, Language] = {}
    if result.content is not None:
        from explorer.model.i18n import source_strings
        from explorer.model.translations import read_languages

        languages = read_languages(folder, result.content, source_strings(), problems, shown)
    content = result.content if not problems else None
    return Loaded(content, drawing, tuple(problems), folder,
                  MappingProxyType(languages if content else {}), body, result.warnings)


class World:
    """One loaded world, complete and immutable: the content in English and every other
    language, both drawings, the problems (when it could not be loaded), and what
    follows from them.  The app shows one world at a time and swaps it whole."""

    __slots__ = ("base", "drawing", "body", "languages", "problems", "folder", "key",
                 "_contents", "_indexes")
    base: Content | None
    drawing: Drawing | None
    body: Drawing | None
    languages: Mapping[str, Language]
    problems: tuple[Problem, ...]
    folder: Path
    key: str
    _contents: dict[str, Content | None]  # derived from this world's own data, once
    _indexes: dict[str, Any]

    def __init__(self, loaded: Loaded) -> None:
        values = {"base": loaded.content, "drawing": loaded.drawing,
                  "body": loaded.body if loaded.content is not None else None,
                  "languages": MappingProxyType(dict(loaded.languages)),
                  "problems": tuple(loaded.problems), "folder": loaded.folder,
                  "key": loaded.key, "_contents": {BASE: loaded.content}, "_indexes": {}}
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a World is immutable: load a new one and swap it in")

    @property
    def ok(self) -> bool:
        return self.base is not None

    @property
    def has_body(self) -> bool:
        return self.body is not None

    def same_as(self, other: World) -> bool:
        """Made from exactly the same files (so showing ``other`` would change nothing)."""
        return bool(self.key) and self.key == other.key and self.problems == other.problems

    def language_names(self) -> dict[str, str]:
        """Code -> the language's name in itself, English first."""
        return {BASE: BASE_NAME, **{code: lang.name for code, lang in self.languages.items()}}

    def knows(self, code: str) -> bool:
        return code == BASE or code in self.languages

    def language(self, code: str) -> Language | None:
        return self.languages.get(code) if code != BASE else None

    def content(self, code: str = BASE) -> Content | None:
        """The content in language ``code`` (English for a language it does not have)."""
        if code not in self._contents:
            language = self.language(code)
            if language is None or self.base is None:
                return self.base
            from explorer.model.translations import localize

            self._contents[code] = localize(self.base, language)
        return self._contents[code]

    def forget_queries(self) -> None:
        """Nothing of what was searched for stays in the search indexes."""
        for index in self._indexes.values():
            index.forget_queries()

    def search_index(self, code: str = BASE):
        """The search index of language ``code``, built from this world on first use."""
        index = self._indexes.get(code)
        if index is None:
            from explorer.model.search import SearchIndex

            index = self._indexes[code] = SearchIndex(self.content(code) or Content())
        return index
