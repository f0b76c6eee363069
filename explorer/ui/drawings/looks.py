"""How the spine's shapes are drawn: one item per vertebra, disc or nerve, painted
natively by Qt, with pens and brushes chosen per region state and made once per theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from explorer.model.drawing import Shape
from explorer.ui.drawings.shapes import painter_path
from explorer.ui.theme import Theme, mix


class ShapeItem(QGraphicsPathItem):
    """One vertebra, disc or nerve.  Qt paints it natively; :class:`ShapeLook` picks
    the pen and brush for its region's state."""

    def __init__(self, shape: Shape) -> None:
        super().__init__(painter_path(shape.paths))
        self.shape_id = shape.id
        self.kind = shape.kind
        self.region = shape.region


class ShapeLook:
    """Pens and brushes per (kind, region, state), made once per theme."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self._brushes: dict[tuple[str, str, str], QBrush] = {}
        self._pens: dict[str, QPen] = {}
        self.hatch = QBrush(QColor(theme.outline), Qt.BrushStyle.BDiagPattern)

    def brush(self, kind: str, region: str, state: str) -> QBrush:
        key = (kind, region, state)
        brush = self._brushes.get(key)
        if brush is None:
            t = self.theme
            base = {"vertebra": t.bone, "disc": t.disc, "nerve": t.nerve}.get(kind, t.bone)
            amount = {"selected": 0.62, "hovered": 0.42}.get(state, 0.16)
            if kind != "vertebra":
                amount /= 2
            brush = self._brushes[key] = QBrush(QColor(mix(base, t.regions.get(region, t.accent),
                                                          amount)))
        return brush

    def pen(self, state: str) -> QPen:
        pen = self._pens.get(state)
        if pen is None:
            t = self.theme
            if state == "focused":
                pen = QPen(QColor(t.panel_focus), 2.4, Qt.PenStyle.DashLine)
            elif state == "level":
                pen = QPen(QColor(t.panel_focus), 3.6)
            elif state == "selected":
                pen = QPen(QColor(t.outline), 2.4)
            else:
                pen = QPen(QColor(t.bone_line), 1)
            pen.setCosmetic(True)
            self._pens[state] = pen
        return pen


def bone_hatch(scene: QGraphicsScene, items: list[ShapeItem], look: ShapeLook) -> QGraphicsPathItem:
    """The diagonal-line pattern over a region's bones (a region selected: not colour alone)."""
    bones = QPainterPath()
    for item in items:
        if item.kind == "vertebra":
            bones.addPath(item.path())
    hatch = scene.addPath(bones, QPen(Qt.PenStyle.NoPen), look.hatch)
    hatch.setOpacity(0.35)
    hatch.setZValue(1)
    return hatch
