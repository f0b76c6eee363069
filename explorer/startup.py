"""Load the drawing and a content folder (the shipped one by default).  No Qt here.

With a ``cache_dir``, a folder that loaded without problems before is read back
from a JSON cache (see :mod:`explorer.model.cache`) instead of parsed again.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

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


def _inputs(drawing_file: Path, folder: Path) -> list[tuple[str, bytes]] | None:
    try:
        files = [drawing_file, *sorted(folder.rglob("*.yaml"))]
        return [(str(path.relative_to(folder)) if path != drawing_file else path.name,
                 path.read_bytes()) for path in files]
    except OSError:
        return None


def load_all(content_dir: Path | None = None, cache_dir: Path | None = None) -> Loaded:
    drawing_file = resources.drawing_path()
    folder = content_dir or resources.content_dir()
    cache_file = None
    if cache_dir is not None and (inputs := _inputs(drawing_file, folder)) is not None:
        from explorer.model import cache

        cache_file = cache_dir / f"content-{cache.cache_key(inputs, __version__)}.json"
        cached = cache.read(cache_file, {"content": Content, "drawing": Drawing,
                                         "languages": dict[str, Language]})
        if cached is not None:
            return Loaded(cached["content"], cached["drawing"], (), folder,
                          cached["languages"])
    loaded = _parse(drawing_file, folder, shown=folder if content_dir else Path("content"))
    if cache_file is not None and loaded.content is not None:
        from explorer.model import cache

        cache.write(cache_file, {"content": loaded.content, "drawing": loaded.drawing,
                                 "languages": loaded.languages})
    return loaded


def _parse(drawing_file: Path, folder: Path, shown: Path) -> Loaded:
    from explorer.model.drawing import load_drawing
    from explorer.model.loader import load_content

    problems: list[Problem] = []
    drawing = load_drawing(drawing_file, problems, display_name=f"assets/{drawing_file.name}")
    result = load_content(folder, drawing, display_root=shown, sink=problems)
    languages = {}
    if result.content is not None:
        from explorer.i18n import source_strings
        from explorer.model.translations import read_languages

        languages = read_languages(folder, result.content, source_strings(), problems, shown)
    content = result.content if not problems else None
    return Loaded(content, drawing, tuple(problems), folder, languages if content else {})
