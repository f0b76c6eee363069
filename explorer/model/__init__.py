"""The content model: typed, immutable, Qt-free."""

from explorer.model.drawing import Drawing, Shape, load_drawing, parse_drawing
from explorer.model.entities import (
    KINDS, BodyArea, Condition, Content, Muscle, Region, Section, Source, Topic,
)
from explorer.model.loader import LoadResult, load_content, parse_kind
from explorer.model.problems import Problem

__all__ = [
    "KINDS", "BodyArea", "Condition", "Content", "Drawing", "LoadResult", "Muscle", "Problem",
    "Region", "Section", "Shape", "Source", "Topic", "load_content", "load_drawing",
    "parse_drawing", "parse_kind",
]
