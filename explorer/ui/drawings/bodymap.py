"""The body map: a front and a back figure whose areas light up and can be tapped.

Like the spine drawing, its shapes and ids come from an SVG (``assets/body.svg``) and
presses are tested against each shape's path.  Labels ("Front", "Back", and the
patient's "Right" and "Left") are placed from the shapes' own bounds, so they are
on the correct side in both views whatever the drawing.  A screen reader finds the painted
words too (each mirrored by an invisible label), then the areas: one Tab stop, the arrow
keys move between them.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from explorer.model.drawing import Drawing
from explorer.model.i18n import tr
from explorer.ui.drawings.levelchips import spread
from explorer.ui.drawings.shapes import ShapeButton, inner_point, painter_path, prepare_view, under
from explorer.ui.theme import DEFAULT, Theme, mix
from explorer.ui.widgets import PaintedWord

MARGIN_PX = 10


class BodyMap(QGraphicsView):
    """Emits :attr:`area_selected` with a body area's id when one is pressed."""

    area_selected = Signal(str)

    def __init__(self, drawing: Drawing, theme: Theme = DEFAULT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_view(self, theme)  # the area buttons take focus
        self.drawing = drawing
        self.theme = theme
        self.highlighted: set[str] = set()
        self._hovered: str | None = None
        self.setMinimumSize(200, 220)
        self._build()
        self.set_theme(theme)

    def _build(self) -> None:
        scene = self.scene()
        self.context_items = []
        for shape in self.drawing.context:
            item = scene.addPath(painter_path(shape.paths))
            item.setZValue(-1)
            self.context_items.append(item)
        self.items_by_area: dict[str, list[QGraphicsPathItem]] = {}
        self.sides: dict[str, list[tuple[str, str, QRectF]]] = {}  # view -> (side, area, box)
        self._order: dict[tuple[str, int], int] = {}
        for number, shape in enumerate(self.drawing.shapes.values()):
            item = scene.addPath(painter_path(shape.paths))
            item.setData(0, shape.area)
            self._order[shape.area, id(item)] = number
            self.items_by_area.setdefault(shape.area, []).append(item)
            self.sides.setdefault(shape.region, []).append(
                (shape.side, shape.area, item.path().boundingRect()))
        self.hatch_items: dict[str, QGraphicsPathItem] = {}
        self.texts: dict[str, QGraphicsSimpleTextItem] = {}
        self.words: dict[str, PaintedWord] = {}  # what a screen reader finds of the texts
        for key in ("front", "front-right", "front-left", "back", "back-right", "back-left"):
            text = QGraphicsSimpleTextItem()
            text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            text.setZValue(3)
            scene.addItem(text)
            self.texts[key] = text
            self.words[key] = PaintedWord(self.viewport())
        self.buttons: dict[str, ShapeButton] = {}
        for area in self.items_by_area:
            button = ShapeButton(area, self.viewport())
            button.clicked.connect(lambda _=False, a=area: self.area_selected.emit(a))
            button.moved.connect(button.move_focus)
            button.focus_changed.connect(self.refresh)
            self.buttons[area] = button
        self.retranslate()

    # -- words ----------------------------------------------------------------------------
    def retranslate(self, names: dict[str, str] | None = None) -> None:
        """View and side labels in the current language; ``names``: area id -> name."""
        for view in ("front", "back"):
            self.texts[view].setText(tr("Front view") if view == "front" else tr("Back view"))
            self.texts[f"{view}-right"].setText(tr("Right"))
            self.texts[f"{view}-left"].setText(tr("Left"))
        for key, text in self.texts.items():
            self.words[key].setText(text.text())
        for area, button in self.buttons.items():
            name = (names or {}).get(area, area)
            button.setAccessibleName(name)
        self.setAccessibleName(tr("Body map"))
        self.setAccessibleDescription(tr("Choose where you feel it to see which parts of "
                                         "the spine can send symptoms there."))
        self._fit()

    # -- look -----------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.panel))
        for item in self.context_items:
            item.setBrush(QColor(theme.context))
            item.setPen(QPen(Qt.PenStyle.NoPen))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(15, round(font.pixelSize() * 0.9)) if font.pixelSize() > 0 else 16)
        for text in self.texts.values():
            text.setBrush(QColor(theme.on_panel))
            text.setFont(font)
        self.refresh()

    def set_highlight(self, areas: set[str]) -> None:
        """Light up these body areas (leaf ids); an empty set clears."""
        self.highlighted = set(areas)
        self.refresh()

    def refresh(self) -> None:
        if self.scene() is None or not all(shiboken6.isValid(i) for i in
                                           self.hatch_items.values()):
            return  # being torn down
        t = self.theme
        plain = QBrush(QColor(t.bone))
        lit = QBrush(QColor(mix(t.bone, t.accent if t.name != "high-contrast" else t.focus,
                                0.55)))
        hovered = QBrush(QColor(mix(t.bone, t.panel_focus, 0.35)))
        line = QPen(QColor(t.bone_line), 1)
        line.setCosmetic(True)
        strong = QPen(QColor(t.outline), 2.4)
        strong.setCosmetic(True)
        ring = QPen(QColor(t.panel_focus), 2.6, Qt.PenStyle.DashLine)
        ring.setCosmetic(True)
        for area, items in self.items_by_area.items():
            on = area in self.highlighted
            focused = self.buttons[area].hasFocus()
            for item in items:
                item.setBrush(lit if on else hovered if area == self._hovered else plain)
                item.setPen(ring if focused else strong if on else line)
            if on:
                self._hatch(area).setVisible(True)
            elif area in self.hatch_items:
                self.hatch_items[area].setVisible(False)
            self.buttons[area].setAccessibleDescription(
                tr("Lit up: may be felt here") if on else tr("Shows what can be felt here"))

    def _hatch(self, area: str) -> QGraphicsPathItem:
        """Dots over lit areas: highlighted by pattern as well as colour."""
        hatch = self.hatch_items.get(area)
        if hatch is None:
            path = painter_path(())
            for item in self.items_by_area[area]:
                path.addPath(item.path())
            hatch = self.scene().addPath(path, QPen(Qt.PenStyle.NoPen),
                                         QBrush(QColor(self.theme.outline),
                                                Qt.BrushStyle.Dense6Pattern))
            hatch.setOpacity(0.5)
            hatch.setZValue(1)
            self.hatch_items[area] = hatch
        hatch.setBrush(QBrush(QColor(self.theme.outline), Qt.BrushStyle.Dense6Pattern))
        return hatch

    # -- geometry -------------------------------------------------------------------------
    def _fit(self) -> None:
        x, y, w, h = self.drawing.view_box
        line = self.texts["front"].boundingRect().height() + 4
        width = self.viewport().width()
        tops: list[str] = [k for k in ("front", "back") if k in self.sides]
        bottoms = [f"{v}-{s}" for v in tops for s in ("right", "left")
                   if any(side == s for side, _, _ in self.sides[v])]
        top_lines, bottom_lines = self._lines(tops, width), self._lines(bottoms, width)
        top_room, bottom_room = top_lines * line + 6, bottom_lines * line + 4
        vw = max(width - 2 * MARGIN_PX, 40)
        vh = max(self.viewport().height() - 2 * MARGIN_PX - top_room - bottom_room, 40)
        scale = min(vw / w, vh / h)
        self.setTransform(QTransform.fromScale(scale, scale))
        # The scene rect is the viewport exactly, so a scene x is simply a pixel.
        centre = QPointF(x + w / 2, y + h / 2 + (bottom_room - top_room) / 2 / scale)
        rect = QRectF(0, 0, width / scale, self.viewport().height() / scale)
        rect.moveCenter(centre)
        self.setSceneRect(rect)
        self.centerOn(centre)
        to_px = lambda p: (p - rect.left()) * scale  # noqa: E731
        wanted, figure_top, figure_bottom = {}, y, y + h
        for view, entries in self.sides.items():
            figure = QRectF()
            for _, _, box in entries:
                figure = figure.united(box)
            wanted[view] = to_px(figure.center().x())
            figure_top, figure_bottom = figure.top(), figure.bottom()
            for side in ("right", "left"):
                boxes = [box for s, _, box in entries if s == side]
                if boxes:
                    middle = sum(b.center().x() for b in boxes) / len(boxes)
                    wanted[f"{view}-{side}"] = to_px(middle)
        top_px = (figure_top - rect.top()) * scale
        bottom_px = (figure_bottom - rect.top()) * scale
        for keys, lines, first_y in ((tops, top_lines, top_px - 6 - top_lines * line),
                                     (bottoms, bottom_lines, bottom_px + 4)):
            for key, (px, row) in self._spread_row(keys, wanted, width, lines).items():
                text = self.texts[key]
                text.setPos(rect.left() + (px - text.boundingRect().width() / 2) / scale,
                            rect.top() + (first_y + row * line) / scale)
        for area, button in self.buttons.items():
            button.setGeometry(self.mapFromScene(
                self.items_by_area[area][0].path().boundingRect()).boundingRect())
        for key, text in self.texts.items():
            word = self.words[key]
            word.setGeometry(QRect(self.mapFromScene(text.pos()), word.sizeHint().expandedTo(
                text.boundingRect().size().toSize())))

    LABEL_GAP = 10  # pixels between two labels on a line: they never touch

    def _lines(self, keys: list[str], width: float) -> int:
        """One line of labels if they fit side by side, else two (every other one lower)."""
        total = sum(self.texts[k].boundingRect().width() + self.LABEL_GAP for k in keys)
        return 1 if total <= width - 2 * MARGIN_PX else 2

    def _spread_row(self, keys: list[str], wanted: dict[str, float], width: float,
                    lines: int) -> dict[str, tuple[float, int]]:
        """Each label's centre x and line: as near its place as it can be, never touching
        another, never past the edge."""
        ordered = sorted(keys, key=lambda k: wanted[k])
        placed: dict[str, tuple[float, int]] = {}
        for row in range(lines):
            mine = ordered[row::lines]
            xs = spread([(k, wanted[k], self.texts[k].boundingRect().width())
                         for k in mine], MARGIN_PX, width - MARGIN_PX, gap=self.LABEL_GAP)
            placed.update({k: (x, row) for k, x in xs.items()})
        return placed

    def label_side_x(self, view: str, side: str) -> float:
        """Where the side label stands, in viewport x (for tests and people alike)."""
        text = self.texts[f"{view}-{side}"]
        return self.mapFromScene(text.pos()).x()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit()

    # -- hit testing and input ------------------------------------------------------------
    def area_at(self, pos: QPoint) -> str | None:
        """The area under ``pos``; where two shapes touch, the one drawn on top."""
        point = self.mapToScene(pos)
        hits = under(point, (item for items in self.items_by_area.values() for item in items))
        if not hits:
            return None
        return max(hits, key=lambda i: (i.zValue(), self._order[i.data(0), id(i)])).data(0)

    def point_in(self, area: str, view: str = "front") -> QPoint:
        """A viewport point inside ``area`` in ``view`` (for a tap)."""
        for shape in self.drawing.shapes.values():
            if shape.area == area and shape.region == view:
                path = painter_path(shape.paths)
                point = self.mapFromScene(inner_point(path))
                if self.area_at(point) == area:
                    return point
                box = self.mapFromScene(path.boundingRect()).boundingRect()
                for y in range(box.top(), box.bottom(), 2):  # where it shows, not covered
                    for x in range(box.left(), box.right(), 2):
                        if self.area_at(QPoint(x, y)) == area:
                            return QPoint(x, y)
        raise KeyError((area, view))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            area = self.area_at(event.position().toPoint())
            if area is not None:
                self.area_selected.emit(area)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        area = self.area_at(event.position().toPoint())
        if area != self._hovered:
            self._hovered = area
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if area
                                      else Qt.CursorShape.ArrowCursor)
            self.refresh()

    def leaveEvent(self, event) -> None:  # noqa: N802
        self._hovered = None
        self.refresh()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        event.accept()

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.ignore()
