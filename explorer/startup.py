"""Load the drawing and a content folder (the shipped one by default).  No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer import resources
from explorer.model import Content, Drawing, Problem, load_content, load_drawing


@dataclass(frozen=True)
class Loaded:
    content: Content | None
    drawing: Drawing | None
    problems: tuple[Problem, ...]
    folder: Path


def load_all(content_dir: Path | None = None) -> Loaded:
    problems: list[Problem] = []
    drawing_file = resources.drawing_path()
    drawing = load_drawing(drawing_file, problems, display_name=f"assets/{drawing_file.name}")
    folder = content_dir or resources.content_dir()
    shown = folder if content_dir else Path("content")
    result = load_content(folder, drawing, display_root=shown, sink=problems)
    content = result.content if not problems else None
    return Loaded(content, drawing, tuple(problems), folder)
