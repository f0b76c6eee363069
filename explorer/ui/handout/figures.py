"""The drawings on paper, painted with QPainter from the shapes the views use: the spine
with its selection (colour, outline and hatching, so it shows in black and white too),
the body map with the areas lit, and a clinician's marks.  Vector, so they print sharp.

Units: the painter's (the handout lays out in 1/96 inch); the drawing's own coordinates
are mapped into the rect given, so marks made in drawing coordinates land where drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from explorer.model.drawing import Drawing
from explorer.model.handout import Figure
from explorer.model.i18n import tr
from explorer.model.marks import Mark, lines_on, pins_on
from explorer.ui.drawings.looks import ShapeLook
from explorer.ui.drawings.shapes import painter_path
from explorer.ui.theme import PAPER, mix

SPINE_BOX = QRectF(60, 0, 240, 1000)  # what shows of the spine drawing: column and context
LABEL_SHARE = 0.44  # of a spine figure's width, for the region names
_LOOK = ShapeLook(PAPER)
_paths: dict[int, tuple[Drawing, dict[str, QPainterPath], QPainterPath]] = {}


def shape_paths(drawing: Drawing) -> tuple[dict[str, QPainterPath], QPainterPath]:
    """The drawing's shapes (by id) and its context as painter paths, made once."""
    kept = _paths.get(id(drawing))
    if kept is None or kept[0] is not drawing:
        context = QPainterPath()
        for shape in drawing.context:
            context.addPath(painter_path(shape.paths))
        kept = _paths[id(drawing)] = (drawing, {s.id: painter_path(s.paths)
                                                for s in drawing.shapes.values()}, context)
    return kept[1], kept[2]


def height_for(figure: Figure, drawing: Drawing, width: float) -> float:
    if figure.drawing == "spine":
        return width * (1 - LABEL_SHARE) * SPINE_BOX.height() / SPINE_BOX.width()
    _, _, w, h = drawing.view_box
    return width * h / w + 2 * _label_height()


def _label_height() -> float:
    return QFontMetricsF(_font()).height() * 1.4


def _font(bold: bool = False) -> QFont:
    font = QFont("Atkinson Hyperlegible")
    font.setPixelSize(13)
    font.setBold(bold)
    return font


def paint(painter: QPainter, rect: QRectF, figure: Figure, drawing: Drawing,
          marks: tuple[Mark, ...], names: dict[str, str]) -> None:
    """``figure`` in ``rect``; ``names``: region id -> the name to write beside it."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)  # a mark drawn off the drawing
    if figure.drawing == "spine":
        box = QRectF(rect.left() + rect.width() * LABEL_SHARE, rect.top(),
                     rect.width() * (1 - LABEL_SHARE), rect.height())
        view = _map(painter, SPINE_BOX, box)
        _spine(painter, figure, drawing, view)
        _marks(painter, marks, "spine", view)
        painter.restore()
        _region_names(painter, rect, box, figure, drawing, names)
        return
    label = _label_height()
    x, y, w, h = drawing.view_box
    box = QRectF(rect.left(), rect.top() + label, rect.width(), rect.height() - 2 * label)
    view = _map(painter, QRectF(x, y, w, h), box)
    _body(painter, figure, drawing, view)
    _marks(painter, marks, "body", view)
    painter.restore()
    _body_labels(painter, drawing, box, view)


def _map(painter: QPainter, source: QRectF, target: QRectF) -> float:
    """Drawing coordinates ``source`` into ``target`` (centred, same aspect); the scale."""
    scale = min(target.width() / source.width(), target.height() / source.height())
    painter.translate(target.center())
    painter.scale(scale, scale)
    painter.translate(-source.center())
    return scale


def _pen(colour: str, width_px: float, scale: float) -> QPen:
    pen = QPen(QColor(colour), width_px / scale)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _hatch(painter: QPainter, path: QPainterPath, colour: str, scale: float) -> None:
    """Diagonal lines over ``path``: marked by pattern as well as colour."""
    painter.save()
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
    painter.setPen(_pen(colour, 0.9, scale))
    box = path.boundingRect()
    step = 5 / scale
    offset = -box.height()
    while offset < box.width():
        start = QPointF(box.left() + offset, box.bottom())
        painter.drawLine(QLineF(start, start + QPointF(box.height(), -box.height())))
        offset += step
    painter.restore()


def _spine(painter: QPainter, figure: Figure, drawing: Drawing, scale: float) -> None:
    paths, context = shape_paths(drawing)
    painter.fillPath(context, QColor(PAPER.context))
    plain = _pen(PAPER.bone_line, 0.5, scale)
    for shape in drawing.shapes.values():
        state = "selected" if shape.region in figure.regions else "plain"
        painter.setBrush(_LOOK.brush(shape.kind, shape.region, state))
        painter.setPen(_pen(PAPER.outline, 1.2, scale) if state == "selected" else plain)
        painter.drawPath(paths[shape.id])
    for region in figure.regions:
        bones = QPainterPath()
        for shape in drawing.shapes_of(region):
            if shape.kind == "vertebra":
                bones.addPath(paths[shape.id])
        _hatch(painter, bones, PAPER.outline, scale)
    if figure.level in paths:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(PAPER.panel_focus, 2.6, scale))
        painter.drawPath(paths[figure.level])


def _region_names(painter: QPainter, rect: QRectF, box: QRectF, figure: Figure,
                  drawing: Drawing, names: dict[str, str]) -> None:
    """Each region's name at its height, left of the column, with a line to it."""
    paths, _ = shape_paths(drawing)
    scale = min(box.width() / SPINE_BOX.width(), box.height() / SPINE_BOX.height())
    left = box.center().x() - SPINE_BOX.width() / 2 * scale
    width = left - rect.left() - 6
    for region, shape_ids in drawing.regions.items():
        bounds = QRectF()
        for shape_id in shape_ids:
            bounds = bounds.united(paths[shape_id].boundingRect())
        y = box.center().y() + (bounds.center().y() - SPINE_BOX.center().y()) * scale
        x_to = box.center().x() + (bounds.left() + 18 - SPINE_BOX.center().x()) * scale
        selected = region in figure.regions
        painter.setFont(_font(selected))
        painter.setPen(QColor(PAPER.text))
        text = QRectF(rect.left(), y - 40, width, 80)
        painter.drawText(text, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter |
                         Qt.TextFlag.TextWordWrap, names.get(region, region))
        line = QPen(QColor(PAPER.text if selected else PAPER.control_border),
                    1.2 if selected else 0.6)
        painter.setPen(line)
        painter.drawLine(QPointF(left - 2, y), QPointF(x_to, y))


def _body(painter: QPainter, figure: Figure, drawing: Drawing, scale: float) -> None:
    paths, context = shape_paths(drawing)
    painter.fillPath(context, QColor(PAPER.context))
    lit_brush = QColor(mix(PAPER.bone, PAPER.accent, 0.55))
    lit = QPainterPath()
    for shape in drawing.shapes.values():
        on = shape.area in figure.areas
        painter.setBrush(lit_brush if on else QColor(PAPER.bone))
        painter.setPen(_pen(PAPER.outline if on else PAPER.bone_line, 1.1 if on else 0.5,
                            scale))
        painter.drawPath(paths[shape.id])
        if on:
            lit.addPath(paths[shape.id])
    if not lit.isEmpty():
        _hatch(painter, lit, PAPER.outline, scale)


def _body_labels(painter: QPainter, drawing: Drawing, box: QRectF, scale: float) -> None:
    """"Front view" and "Back view" above each figure, the patient's sides below it at the
    figure's outer edges (a long word never runs into the other side's)."""
    paths, _ = shape_paths(drawing)
    x, y, w, h = drawing.view_box

    def to_page(point: QPointF) -> QPointF:
        return box.center() + (point - QPointF(x + w / 2, y + h / 2)) * scale

    painter.setPen(QColor(PAPER.text))
    label = _label_height()
    for view in drawing.regions:
        shapes = drawing.shapes_of(view)
        outline = QRectF()
        for shape in shapes:
            outline = outline.united(paths[shape.id].boundingRect())
        top, bottom = to_page(outline.topLeft()), to_page(outline.bottomRight())
        width = bottom.x() - top.x()
        title = tr("Front view") if view == "front" else tr("Back view")
        painter.setFont(_fitted(_font(True), title, width))
        painter.drawText(QRectF(top.x(), top.y() - label, width, label),
                         Qt.AlignmentFlag.AlignCenter, title)
        for side, word in (("right", tr("Right")), ("left", tr("Left"))):
            centres = [paths[s.id].boundingRect().center().x() for s in shapes if s.side == side]
            if not centres:
                continue
            on_left = sum(centres) / len(centres) < outline.center().x()
            align = Qt.AlignmentFlag.AlignLeft if on_left else Qt.AlignmentFlag.AlignRight
            painter.setFont(_fitted(_font(), word, width / 2))
            painter.drawText(QRectF(top.x(), bottom.y() + 2, width, label),
                             align | Qt.AlignmentFlag.AlignTop, word)


def _fitted(font: QFont, text: str, width: float) -> QFont:
    """``font``, smaller if ``text`` would be wider than ``width`` (never below 8 px)."""
    need = QFontMetricsF(font).horizontalAdvance(text)
    if need > width > 0:
        font.setPixelSize(max(8, int(font.pixelSize() * width / need)))
    return font


def _marks(painter: QPainter, marks: tuple[Mark, ...], drawing: str, scale: float) -> None:
    """The clinician's lines, then the numbered pins on top."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(PAPER.mark, 2.4, scale))
    for points in lines_on(marks, drawing):
        path = QPainterPath(QPointF(*points[0]))
        for point in points[1:]:
            path.lineTo(*point)
        painter.drawPath(path)
    radius = 8 / scale
    font = _font(True)
    font.setPixelSize(12)
    for number, point in pins_on(marks, drawing):
        centre = QPointF(*point)
        painter.setPen(_pen(PAPER.surface, 1.2, scale))
        painter.setBrush(QColor(PAPER.mark))
        painter.drawEllipse(centre, radius, radius)
        painter.save()  # the number upright and at its size, whatever the drawing's scale
        painter.translate(centre)
        painter.scale(1 / scale, 1 / scale)
        painter.setFont(font)
        painter.setPen(QColor(PAPER.surface))
        painter.drawText(QRectF(-10, -10, 20, 20), Qt.AlignmentFlag.AlignCenter, str(number))
        painter.restore()
