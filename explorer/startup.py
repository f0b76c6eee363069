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
    body: Drawing | None = None  # the body map


def _inputs(drawings: list[Path], folder: Path) -> list[tuple[str, bytes]] | None:
    try:
        return [(path.name, path.read_bytes()) for path in drawings] + [
            (str(path.relative_to(folder)), path.read_bytes())
            for path in sorted(folder.rglob("*.yaml"))]
    except OSError:
        return None


def load_all(content_dir: Path | None = None, cache_dir: Path | None = None) -> Loaded:
    drawing_file = resources.drawing_path()
    body_file = resources.body_path()
    folder = content_dir or resources.content_dir()
    cache_file = None
    if cache_dir is not None and (inputs := _inputs([drawing_file, body_file], folder)):
        from explorer.model import cache

        cache_file = cache_dir / f"content-{cache.cache_key(inputs, __version__)}.json"
        cached = cache.read(cache_file, {"content": Content, "drawing": Drawing,
                                         "languages": dict[str, Language], "body": Drawing})
        if cached is not None:
            return Loaded(cached["content"], cached["drawing"], (), folder,
                          cached["languages"], cached["body"])
    loaded = _parse(drawing_file, body_file, folder,
                    shown=folder if content_dir else Path("content"))
    if cache_file is not None and loaded.content is not None:
        from explorer.model import cache

        cache.write(cache_file, {"content": loaded.content, "drawing": loaded.drawing,
                                 "languages": loaded.languages, "body": loaded.body})
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
        from explorer.i18n import source_strings
        from explorer.model.translations import read_languages

        languages = read_languages(folder, result.content, source_strings(), problems, shown)
    content = result.content if not problems else None
    return Loaded(content, drawing, tuple(problems), folder, languages if content else {}, body)
