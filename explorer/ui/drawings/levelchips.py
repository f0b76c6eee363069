"""What the zoomed spine drawing adds: a chip for each bone, disc and nerve root of the
region (a finger-sized target, :class:`LevelChip`), a column heading for each kind, and
the whole spine drawn small beside it (:class:`Overview`), which takes a person back.

All are drawn at a fixed pixel size whatever the zoom (``ItemIgnoresTransformations``)
and hit-tested on their own shapes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.ui.theme import Theme, mix

TARGET_PX = 44  # a finger: every chip is at least this tall and wide
BOX_INSET = 2  # the drawn box sits inside the target, so stacked chips never touch


def chip_size(text: str, font: QFont) -> tuple[float, float]:
    """A chip's size for ``text``: measured in bold, at least a finger's size."""
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    return (max(TARGET_PX, metrics.horizontalAdvance(text) + 26),
            max(TARGET_PX, metrics.height() + 12))


def caption_font(font: QFont) -> QFont:
    """The columns' headings and the small spine's caption: bold, a little smaller."""
    caption = QFont(font)
    caption.setBold(True)
    caption.setPixelSize(max(14, round(font.pixelSize() * 0.85)))
    return caption


class LevelChip(QGraphicsItem):
    """One bone, disc or nerve root: its short name in a box with its kind's colour,
    sized to its text in bold (the marked level is bold; nothing moves when it is)."""

    def __init__(self, shape_id: str, kind: str, text: str, theme: Theme, font: QFont) -> None:
        super().__init__()
        self.shape_id, self.kind, self.text = shape_id, kind, text
        self.theme = theme
        self.marked = self.focused = self.hovered = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(4)
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.prepareGeometryChange()
        self.font = QFont(font)
        self.font.setBold(True)
        self._size = chip_size(self.text, font)

    def size(self) -> tuple[float, float]:
        return self._size

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override) - centred on pos()
        w, h = self._size
        return QRectF(-w / 2, -h / 2, w, h)

    def shape(self) -> QPainterPath:  # the whole target, not only the drawn box
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        t = self.theme
        box = self.boundingRect().adjusted(BOX_INSET, BOX_INSET, -BOX_INSET, -BOX_INSET)
        colour = {"vertebra": t.bone, "disc": t.disc, "nerve": t.nerve}.get(self.kind, t.bone)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = mix(t.surface, colour, 0.55 if self.marked else 0.18 if self.hovered else 0.0)
        pen = QPen(QColor(t.panel_focus), 3) if self.focused else \
            QPen(QColor(t.text if self.marked else t.control_border), 3 if self.marked else 1)
        painter.setPen(pen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(box, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(box.left() + 5, box.top() + 6, 6, box.height() - 12), 3, 3)
        painter.setPen(QColor(t.text))
        painter.setFont(self.font)
        painter.drawText(box.adjusted(14, 0, -4, 0), int(Qt.AlignmentFlag.AlignCenter), self.text)


class Heading(QGraphicsItem):
    """A column's heading ("Bones"), on the panel's dark background."""

    def __init__(self, theme: Theme, font: QFont) -> None:
        super().__init__()
        self.text = ""
        self.theme = theme
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.prepareGeometryChange()
        self.font = caption_font(font)

    def set_text(self, text: str) -> None:
        self.prepareGeometryChange()
        self.text = text

    def size(self) -> tuple[float, float]:
        metrics = QFontMetricsF(self.font)
        return metrics.horizontalAdvance(self.text) + 2, metrics.height() + 2

    def boundingRect(self) -> QRectF:  # noqa: N802 - centred on pos()
        w, h = self.size()
        return QRectF(-w / 2, -h / 2, w, h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(QColor(self.theme.on_panel))
        painter.setFont(self.font)
        painter.drawText(self.boundingRect(), int(Qt.AlignmentFlag.AlignCenter), self.text)


class Overview(QGraphicsItem):
    """The whole spine, small, with a caption: a tap on a region goes there, anywhere else
    on it back to the whole spine."""

    CAPTION_GAP = 6

    def __init__(self, region_paths: dict[str, QPainterPath], theme: Theme, font: QFont) -> None:
        super().__init__()
        self.region_paths = region_paths  # drawing coordinates
        self.theme = theme
        self.caption = ""
        self.selected: str | None = None
        self.focused: str | None = None  # a region button with keyboard focus
        self.whole_focused = False
        box = QRectF()
        for path in region_paths.values():
            box = box.united(path.boundingRect())
        self.box = box
        self.spine_scale = 0.3
        self._scaled: dict[str, QPainterPath] = {}
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(4)
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.prepareGeometryChange()
        self.font = caption_font(font)

    def set_caption(self, text: str) -> None:
        self.prepareGeometryChange()
        self.caption = text

    def set_height(self, height: float) -> None:
        """Draw the spine ``height`` pixels tall (the caption comes below)."""
        self.prepareGeometryChange()
        self.spine_scale = scale = max(height, 40) / self.box.height()
        move = QTransform().scale(scale, scale).translate(-self.box.left(),
                                                                    -self.box.top())
        self._scaled = {r: move.map(p) for r, p in self.region_paths.items()}

    def _caption_rect(self, scale: float | None = None) -> QRectF:
        scale = self.spine_scale if scale is None else scale
        metrics = QFontMetricsF(self.font)
        width = max(self.box.width() * scale,
                    max((metrics.horizontalAdvance(w) for w in self.caption.split()), default=0))
        rect = metrics.boundingRect(QRectF(0, 0, width + 2, 10_000),
                                    int(Qt.TextFlag.TextWordWrap.value |
                                        Qt.AlignmentFlag.AlignHCenter), self.caption)
        return QRectF(0, self.box.height() * scale + self.CAPTION_GAP, width + 2, rect.height())

    def size_for(self, height: float) -> tuple[float, float]:
        """Its size with the spine ``height`` pixels tall (changes nothing)."""
        scale = max(height, 40) / self.box.height()
        caption = self._caption_rect(scale)
        return max(self.box.width() * scale, caption.width()) + 8, caption.bottom() + 8

    def size(self) -> tuple[float, float]:
        return self.size_for(self.box.height() * self.spine_scale)

    def boundingRect(self) -> QRectF:  # noqa: N802 - top left at pos()
        w, h = self.size()
        return QRectF(-4, -4, w, h)

    def _offset(self) -> float:
        """How far right the spine sits to be centred over its caption."""
        return (self.size()[0] - 8 - self.box.width() * self.spine_scale) / 2

    def region_at(self, point: QPointF) -> str | None:
        """The region whose band (its height on the small spine, across the whole width:
        a finger need not find a column a few pixels wide) holds an item point, or None
        (the caption)."""
        width = self.size()[0] - 8
        if not 0 <= point.x() <= width:
            return None
        bands = [(r, p.boundingRect()) for r, p in self._scaled.items()
                 if p.boundingRect().top() <= point.y() <= p.boundingRect().bottom()]
        return min(bands, key=lambda b: abs(b[1].center().y() - point.y()), default=(None,))[0]

    def region_point(self, region: str) -> QPointF:
        """A point on a region's band that is that region's (item coordinates)."""
        box = self._scaled[region].boundingRect()
        return QPointF((self.size()[0] - 8) / 2, box.center().y())

    def region_rect(self, region: str) -> QRectF:
        """A region's band, in item coordinates."""
        box = self._scaled[region].boundingRect()
        return QRectF(0, box.top(), self.size()[0] - 8, box.height())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        t = self.theme
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.boundingRect().adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(t.panel_focus if self.whole_focused else t.on_panel),
                            3 if self.whole_focused else 1))
        painter.setBrush(QColor(mix(t.panel, t.on_panel, 0.08)))
        painter.drawRoundedRect(frame, 8, 8)
        painter.save()
        painter.translate(self._offset(), 0)
        for region, path in self._scaled.items():
            colour = t.regions.get(region, t.accent)
            painter.setBrush(QColor(colour if region == self.selected else
                                    mix(t.bone, colour, 0.35)))
            pen = QPen(QColor(t.panel_focus), 2.5, Qt.PenStyle.DashLine) \
                if region == self.focused else QPen(QColor(t.bone_line), 0.8)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.restore()
        painter.setPen(QColor(t.on_panel))
        painter.setFont(self.font)
        painter.drawText(self._caption_rect().translated(
            (self.size()[0] - 8 - self._caption_rect().width()) / 2, 0),
            int(Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignHCenter), self.caption)


def spread(wanted: list[tuple[str, float, float]], top: float, bottom: float,
           gap: float = 1.0) -> dict[str, float]:
    """Centres for boxes of the given heights, each as near its wanted centre as it can be
    with none overlapping (``gap`` pixels between two), all between ``top`` and ``bottom``
    (pixels).  ``wanted``: ``(key, centre, height)``."""
    heights = {key: height for key, _, height in wanted}
    rows: dict[str, float] = {}
    previous = None  # the bottom edge of the box above
    for key, centre, height in sorted(wanted, key=lambda w: w[1]):
        if previous is not None:
            centre = max(centre, previous + gap + height / 2)
        rows[key] = centre
        previous = centre + height / 2
    if previous is not None and previous > bottom:  # pushed past the bottom: up, in order
        floor = bottom + gap
        for key in sorted(rows, key=rows.__getitem__, reverse=True):
            rows[key] = min(rows[key], floor - gap - heights[key] / 2)
            floor = rows[key] - heights[key] / 2
    first = min(rows, key=rows.__getitem__, default=None)
    if first is not None and rows[first] - heights[first] / 2 < top:  # never above the top
        ceiling = top - gap
        for key in sorted(rows, key=rows.__getitem__):
            rows[key] = max(rows[key], ceiling + gap + heights[key] / 2)
            ceiling = rows[key] + heights[key] / 2
    return rows
