"""The content model: typed, immutable, Qt-free.

The YAML loader is imported on first use only, so a start from the content cache
never imports PyYAML.
"""

from explorer.model.content import Content
from explorer.model.drawing import Drawing, Shape, load_drawing, parse_drawing
from explorer.model.entities import BodyArea, Condition, Muscle, Region, Section, Source, Topic
from explorer.model.problems import Problem

_LAZY = {"LoadResult", "load_content", "parse_kind"}

__all__ = [
    "BodyArea", "Condition", "Content", "Drawing", "LoadResult", "Muscle", "Problem",
    "Region", "Section", "Shape", "Source", "Topic", "load_content", "load_drawing",
    "parse_drawing", "parse_kind",
]


def __getattr__(name: str):
    if name in _LAZY:
        from explorer.model import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'explorer.model' has no attribute {name!r}")
