"""The regions' names beside the spine drawing: each at a fixed pixel size whatever the
zoom (:class:`RegionLabel`), stacked so no two overlap (:func:`stack_labels`)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.ui.theme import Theme, mix


class RegionLabel(QGraphicsItem):
    """A region's name beside the column; drawn at a fixed pixel size, right-aligned to pos()."""

    def __init__(self, region_id: str, theme: Theme, font: QFont) -> None:
        super().__init__()
        self.region = region_id
        self.theme = theme
        self.title = region_id
        self.subtitle = ""
        self.selected = self.hovered = self.focused = False
        self.max_width = 10_000.0  # the label wraps its words within this many pixels
        self.compact = False  # title only, when the labels would not fit one above another
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.prepareGeometryChange()
        self.title_font = QFont(font)
        self.title_font.setBold(True)
        self.sub_font = QFont(font)
        self.sub_font.setPixelSize(max(14, round(font.pixelSize() * 0.85)))
        self._measure()

    def set_text(self, title: str, subtitle: str) -> None:
        self.prepareGeometryChange()
        self.title, self.subtitle = title, subtitle
        self._measure()

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.prepareGeometryChange()
            self.compact = compact
            self._measure()

    def set_max_width(self, width: float) -> None:
        if abs(width - self.max_width) >= 1:
            self.prepareGeometryChange()
            self.max_width = width
            self._measure()

    def _measure(self) -> None:
        inner = max(self.max_width - 40, 60)
        flags = int(Qt.TextFlag.TextWordWrap.value)
        self._title_rect = QFontMetricsF(self.title_font).boundingRect(
            QRectF(0, 0, inner, 10_000), flags, self.title)
        self._sub_rect = QFontMetricsF(self.sub_font).boundingRect(
            QRectF(0, 0, inner, 10_000), flags, self.subtitle) if not self.compact else QRectF()
        width = max(self._title_rect.width(), self._sub_rect.width())
        self._size = (width + 40, self._title_rect.height() + self._sub_rect.height() + 16)

    def size(self) -> tuple[float, float]:
        return self._size

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        w, h = self.size()
        return QRectF(-w - 3, -h / 2 - 3, w + 6, h + 6)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        t = self.theme
        w, h = self.size()
        box = QRectF(-w, -h / 2, w, h)
        colour = QColor(t.regions.get(self.region, t.accent))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = mix(t.surface, t.regions.get(self.region, t.accent), 0.22 if self.selected else 0.0)
        border = QPen(QColor(t.text if self.selected else t.control_border),
                      3 if self.selected else 1)
        if self.focused:
            border = QPen(QColor(t.focus), 3)
        painter.setPen(border)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(box, 10, 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(box.left() + 8, box.top() + 8, 8, h - 16), 4, 4)
        flags = int(Qt.TextFlag.TextWordWrap.value)
        title = QRectF(box.left() + 26, box.top() + 8, w - 34, self._title_rect.height())
        painter.setPen(QColor(t.text))
        painter.setFont(self.title_font)
        painter.drawText(title, flags, self.title)
        if not self.compact:
            painter.setFont(self.sub_font)
            painter.setPen(QColor(t.muted))
            painter.drawText(QRectF(title.left(), title.bottom(), w - 34,
                                    self._sub_rect.height()), flags, self.subtitle)


def stack_labels(labels: dict[str, RegionLabel], wanted: dict[str, float], scale: float,
                 room_px: float, bottom: float, top: float) -> dict[str, float]:
    """Each label's centre (scene y) as near ``wanted`` as it can be with none overlapping,
    the stack kept between ``top`` and ``bottom``.  When the full labels cannot stand one
    above another in ``room_px`` pixels, they show their titles only."""
    stack = sum(label.size()[1] + 8 for label in labels.values())
    compact = stack > room_px > 0
    for label in labels.values():
        label.set_compact(compact)
    gap = 8 / scale
    rows: dict[str, float] = {}
    previous_bottom = None
    for centre, region in sorted((y, r) for r, y in wanted.items()):
        half = labels[region].size()[1] / 2 / scale
        if previous_bottom is not None:
            centre = max(centre, previous_bottom + gap + half)
        rows[region] = centre
        previous_bottom = centre + half
    overflow = previous_bottom - bottom if previous_bottom is not None else 0
    if overflow > 0:  # pushed past the bottom: move the whole stack up, keeping the gaps
        rows = {region: y - overflow for region, y in rows.items()}
    first = min(rows, key=rows.__getitem__, default=None)
    if first is not None:  # never above the top of the view either
        top_of_stack = rows[first] - labels[first].size()[1] / 2 / scale
        if top_of_stack < top:
            rows = {region: y + top - top_of_stack for region, y in rows.items()}
    return rows
