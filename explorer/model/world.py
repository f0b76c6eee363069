"""Load the drawing and a content folder (the shipped one by default).  No Qt here.

With a ``cache_dir``, a folder that loaded without problems before is read back
from a JSON cache (see :mod:`explorer.model.cache`) instead of parsed again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, Mapping, NamedTuple

from explorer import __version__, resources
from explorer.model.drawing import Drawing
from explorer.model.entities import Content
from explorer.model.problems import Problem
from explorer.model.translations import Language


class Loaded(NamedTuple):
    content: Content | None  # in the base language, English
    drawing: Drawing | None
    problems: tuple[Problem, ...]
    folder: Path
    languages: dict[str, Language] = {}  # other languages, by code
    body: Drawing | LazyDrawing | None = None  # the body map


def _inputs(drawings: list[Path], folder: Path) -> list[tuple[str, bytes]] | None:
    try:
        return [(path.name, path.read_bytes()) for path in drawings] + [
            (str(path.relative_to(folder)), path.read_bytes())
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
    return Loaded(content, drawing, tuple(problems), folder, languages if content else {}, body)
