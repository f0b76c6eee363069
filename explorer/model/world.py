"""The loaded world: the drawings, the content in every language, its search indexes.
No Qt here.

:func:`load_all` reads the drawings and a content folder (the shipped one by default);
with a ``cache_dir``, a folder that loaded without problems before is read back from a
JSON cache (see :mod:`explorer.model.cache`) instead of parsed again.  :class:`World`
wraps one such load as a value the app swaps whole: what it derives (a language's
content, its search index) it makes once, on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple

from explorer import __version__, resources
from explorer.model.drawing import Drawing
from explorer.model.content import Content
from explorer.model.problems import Problem
from explorer.model.translations import BASE, BASE_NAME, Language


class Loaded(NamedTuple):
    content: Content | None  # in the base language, English
    drawing: Drawing | None
    problems: tuple[Problem, ...]
    folder: Path
    languages: dict[str, Language] = {}  # other languages, by code
    body: Drawing | LazyDrawing | None = None  # the body map
    warnings: tuple[Problem, ...] = ()  # worth knowing, never stop loading: reviews due


def _inputs(drawings: list[Path], folder: Path) -> list[tuple[str, bytes]] | None:
    from explorer.model.files import read_regular

    try:  # only regular files, size-capped: a FIFO or a device here must not stop the start
        return [(path.name, read_regular(path, 2_000_000)) for path in drawings] + [
            (str(path.relative_to(folder)), read_regular(path, 1_000_000))
            for path in sorted(folder.rglob("*.yaml"))]
    except OSError:
        return None


class LazyLanguages(Mapping[str, Language]):
    """Languages read from the cache only when first used; their names at once (for the
    language buttons).  Switching language reads one small file."""

    def __init__(self, names: dict[str, str], read: Callable[[str], Language | None]) -> None:
        self.names = dict(names)
        self._read = read
        self._loaded: dict[str, Language] = {}

    def __getitem__(self, code: str) -> Language:
        if code not in self.names:
            raise KeyError(code)
        if code not in self._loaded:
            language = self._read(code)
            if language is None:
                raise KeyError(code)
            self._loaded[code] = language
        return self._loaded[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class LazyDrawing:
    """A drawing read from the cache the first time it is needed."""

    def __init__(self, read: Callable[[], Drawing | None]) -> None:
        self._read = read
        self._value: Drawing | None = None

    def get(self) -> Drawing | None:
        if self._value is None:
            self._value = self._read()
        return self._value


def load_all(content_dir: Path | None = None, cache_dir: Path | None = None) -> Loaded:
    """The drawings and the content (``content_dir``, or the shipped content).

    With a ``cache_dir``, content that loaded without problems before is read back from
    JSON: the base content and the spine at once; the body map and other languages only
    when they are first needed.
    """
    drawing_file = resources.drawing_path()
    body_file = resources.body_path()
    folder = content_dir or resources.content_dir()
    stem = None
    if cache_dir is not None and (inputs := _inputs([drawing_file, body_file], folder)):
        from explorer.model import cache

        stem = cache_dir / f"content-{cache.cache_key(inputs, __version__)}"
        cached = cache.read(stem.with_suffix(".json"), {"content": Content, "drawing": Drawing,
                                                        "names": dict[str, str]})
        if cached is not None:
            def part(name: str, kind: type):
                return lambda: (cache.read(Path(f"{stem}-{name}.json"), {name: kind}) or
                                {}).get(name)

            languages = LazyLanguages(cached["names"], lambda code: part(
                f"lang-{code}", Language)())
            return Loaded(cached["content"], cached["drawing"], (), folder, languages,
                          LazyDrawing(part("body", Drawing)))
    loaded = _parse(drawing_file, body_file, folder,
                    shown=folder if content_dir else Path("content"))
    if stem is not None and loaded.content is not None:
        from explorer.model import cache

        keep = stem.name
        cache.write(Path(f"{stem}-body.json"), {"body": loaded.body}, keep)
        for code, language in loaded.languages.items():
            cache.write(Path(f"{stem}-lang-{code}.json"), {f"lang-{code}": language}, keep)
        names = {code: language.name for code, language in loaded.languages.items()}
        cache.write(stem.with_suffix(".json"), {"content": loaded.content,
                                                "drawing": loaded.drawing, "names": names}, keep)
    return loaded


def _parse(drawing_file: Path, body_file: Path, folder: Path, shown: Path) -> Loaded:
    from explorer.model.drawing import load_drawing
    from explorer.model.loader import check_body_map, load_content

    problems: list[Problem] = []
    drawing = load_drawing(drawing_file, problems, display_name=f"assets/{drawing_file.name}")
    body = load_drawing(body_file, problems, display_name=f"assets/{body_file.name}")
    result = load_content(folder, drawing, display_root=shown, sink=problems)
    if result.content is not None and body is not None:
        check_body_map(result.content, body, shown / "body_areas.yaml", problems)
    languages = {}
    if result.content is not None:
        from explorer.model.i18n import source_strings
        from explorer.model.translations import read_languages

        languages = read_languages(folder, result.content, source_strings(), problems, shown)
    content = result.content if not problems else None
    return Loaded(content, drawing, tuple(problems), folder, languages if content else {}, body,
                  result.warnings)


class World:
    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.base = loaded.content  # None when the content has problems
        self.drawing = loaded.drawing
        self.problems = loaded.problems
        self.languages: Mapping[str, Language] = loaded.languages
        self._contents: dict[str, Content | None] = {BASE: loaded.content}
        self._indexes: dict[str, object] = {}

    @property
    def ok(self) -> bool:
        return self.base is not None

    @property
    def body(self) -> Drawing | None:
        """The body map's drawing (read from the cache when first asked for)."""
        body = self.loaded.body
        return body.get() if isinstance(body, LazyDrawing) else body

    @property
    def has_body(self) -> bool:
        return self.ok and self.loaded.body is not None

    def language_names(self) -> dict[str, str]:
        """Code -> the language's name in itself, English first."""
        names = getattr(self.languages, "names", None) or {
            code: language.name for code, language in self.languages.items()}
        return {BASE: BASE_NAME, **names}

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
        """The search index of language ``code``, built on first use."""
        index = self._indexes.get(code)
        if index is None:
            from explorer.model.search import SearchIndex

            index = self._indexes[code] = SearchIndex(self.content(code))
        return index
