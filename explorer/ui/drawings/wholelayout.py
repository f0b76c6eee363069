"""The spine drawing's first level: the whole column, each region's name beside it with a
leader line (:class:`WholeSpine`): its items, and where they go for a viewport size."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsScene

from explorer.ui.drawings.labels import RegionLabel, stack_labels
from explorer.ui.drawings.shapes import inner_point
from explorer.ui.theme import Theme

MARGIN_PX = 14
LABEL_GAP_PX = 18
IDEAL_LABEL_PX = 260  # labels wrap beyond this; narrower still when space is short


class WholeSpine:
    """The region labels and leaders of the whole-spine view, for ``items_by_region``
    (region id -> its shape items) drawn in ``view_box``."""

    def __init__(self, scene: QGraphicsScene, items_by_region: dict[str, list],
                 view_box: tuple[float, float, float, float], theme: Theme, font: QFont) -> None:
        self.items_by_region = items_by_region
        self.view_box = view_box
        self.theme = theme
        self.labels: dict[str, RegionLabel] = {}
        self.leaders: dict[str, QGraphicsLineItem] = {}
        self.anchors: dict[str, QPointF] = {}
        self._bounds: dict[str, QRectF] = {}  # the shapes never move: measured once
        for region, items in items_by_region.items():
            label = RegionLabel(region, theme, font)
            scene.addItem(label)
            self.labels[region] = label
            leader = scene.addLine(0, 0, 0, 0)
            leader.setZValue(2)
            self.leaders[region] = leader
            self.anchors[region] = self._anchor(items)

    @staticmethod
    def _anchor(items: list) -> QPointF:
        """Where a region's leader line ends: inside its middle bone (or shape).  Validation
        refuses an empty region; one that slips through (say from an old cache) gets the
        origin rather than an exception."""
        bones = [i for i in items if i.kind == "vertebra"] or list(items)
        if not bones:
            return QPointF()
        bones.sort(key=lambda i: i.path().boundingRect().center().y())
        return inner_point(bones[(len(bones) - 1) // 2].path())

    def region_bounds(self, region: str) -> QRectF:
        if region not in self._bounds:
            rect = QRectF()
            for item in self.items_by_region[region]:
                rect = rect.united(item.path().boundingRect())
            self._bounds[region] = rect
        return QRectF(self._bounds[region])

    def fit_box(self) -> QRectF:
        """What must show: the column's full width and the drawing's full height.  The faint
        context beside the column (the pelvis) may sit behind the labels."""
        _, y, _, h = self.view_box
        column = QRectF()
        for region in self.items_by_region:
            column = column.united(self.region_bounds(region))
        return QRectF(column.left() - 6, y, column.width() + 12, h)

    def set_font(self, font: QFont) -> None:
        for label in self.labels.values():
            label.set_font(font)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for label in self.labels.values():
            label.theme = theme

    def set_visible(self, visible: bool) -> None:
        for region in self.labels:
            self.labels[region].setVisible(visible)
            self.leaders[region].setVisible(visible)

    def label_width(self, viewport: QSize, limit: float | None = None) -> float:
        """Width of the label column; labels wrap within ``limit`` (default: what the
        viewport allows beside the column drawn at its full height)."""
        if limit is None:
            box = self.fit_box()
            height = max(viewport.height() - 2 * MARGIN_PX, 40)
            column = box.width() * height / box.height()
            room = viewport.width() - column - 2 * MARGIN_PX - LABEL_GAP_PX
            limit = min(IDEAL_LABEL_PX, max(130.0, room))
        for label in self.labels.values():
            label.set_max_width(limit)
        return max((lab.size()[0] for lab in self.labels.values()), default=0) + LABEL_GAP_PX

    def preferred_width(self, viewport: QSize, height: int) -> int:
        """The width that shows the whole drawing at ``height`` with its labels beside it."""
        box = self.fit_box()
        labels = self.label_width(viewport, IDEAL_LABEL_PX)
        width = round(labels + 2 * MARGIN_PX
                      + box.width() * (height - 2 * MARGIN_PX) / box.height())
        self.label_width(viewport)  # back to what the current size allows
        return width

    def plan(self, viewport: QSize) -> tuple[float, QPointF]:
        """Scale and centre that show the whole column, its labels placed beside it."""
        box = self.fit_box()
        w, h = box.width(), box.height()
        label_w = self.label_width(viewport)
        vw = max(viewport.width() - label_w - 2 * MARGIN_PX, 40)
        vh = max(viewport.height() - 2 * MARGIN_PX, 40)
        scale = min(vw / w, vh / h)
        rect = QRectF(box.left() - (label_w + MARGIN_PX) / scale, box.top() - MARGIN_PX / scale,
                      w + (label_w + 2 * MARGIN_PX) / scale, h + 2 * MARGIN_PX / scale)
        centre = rect.center()
        left = box.left() - LABEL_GAP_PX / scale
        top = centre.y() - (viewport.height() / 2 - MARGIN_PX) / scale
        _, drawing_top, _, drawing_h = self.view_box
        wanted = {r: self.region_bounds(r).center().y() for r in self.labels}
        rows = stack_labels(self.labels, wanted, scale, room_px=viewport.height() - 2 * MARGIN_PX,
                            bottom=drawing_top + drawing_h, top=top)
        for region, centre_y in rows.items():
            anchor = self.anchors[region]
            self.labels[region].setPos(left, centre_y)
            self.leaders[region].setLine(left, centre_y, anchor.x(), anchor.y())
        return scale, centre

    def show_state(self, selected: str | None, hovered: str | None, focused: str | None) -> None:
        for region, label in self.labels.items():
            label.selected, label.hovered = region == selected, region == hovered
            label.focused = region == focused
            label.update()
            active = region in (selected, hovered)
            pen = QPen(QColor(self.theme.on_panel), 2 if active else 1,
                       Qt.PenStyle.SolidLine if active else Qt.PenStyle.DotLine)
            pen.setCosmetic(True)
            self.leaders[region].setPen(pen)
