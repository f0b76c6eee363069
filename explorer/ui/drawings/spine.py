"""The spine drawing as an interactive view, on two levels: the whole spine with the
regions' names beside it (:mod:`explorer.ui.drawings.wholelayout`), and the selected
region large with a chip for each of its levels (:mod:`explorer.ui.drawings.zoom`).

Shapes and their ids come from the drawing (:mod:`explorer.model.drawing`);
this module turns them into painter paths, draws them in theme colours, and
hit-tests presses against each shape's path — never its bounding box.  It
knows nothing of pages: it emits :attr:`SpineDiagram.region_selected`.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPen, QTransform
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsView, QWidget

from explorer.model.drawing import Drawing
from explorer.model.i18n import tr
from explorer.ui.drawings.labels import RegionLabel
from explorer.ui.drawings.looks import ShapeItem, ShapeLook, bone_hatch
from explorer.ui.drawings.shapes import (
    ShapeButton,
    inner_point,
    painter_path,
    prepare_view,
    spoken_name,
    under,
)
from explorer.ui.drawings.wholelayout import WholeSpine
from explorer.ui.drawings.zoom import RegionZoom, Transition
from explorer.ui.theme import BASE_FONT_PX, DEFAULT, Theme


class SpineDiagram(QGraphicsView):
    """Shows the drawing; hover highlights, press or Enter selects a region.  The selected
    region shows large, each of its bones, discs and nerves with a chip to press, and the
    whole spine small beside it (:mod:`explorer.ui.drawings.zoom`)."""

    region_selected = Signal(str)
    level_selected = Signal(str)  # a vertebra, disc or nerve-root id
    whole_requested = Signal()  # the small whole spine was pressed: show all of it again

    def __init__(self, drawing: Drawing, theme: Theme = DEFAULT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        prepare_view(self, theme)  # the region buttons take focus
        self.drawing = drawing
        self.theme = theme
        self.region_ids = tuple(drawing.regions)
        self._selected: str | None = None
        self._hovered: str | None = None
        self._level: str | None = None
        self.zoomed: str | None = None  # the region shown large (or on its way there)
        self.reduced_motion = False
        self._refont_pending = False
        self.setMinimumSize(220, 300)
        self._build()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        scene = self.scene()
        self.context_items = []
        for shape in self.drawing.context:
            item = scene.addPath(painter_path(shape.paths), QPen(Qt.PenStyle.NoPen),
                                 QColor(self.theme.context))
            item.setZValue(-1)
            self.context_items.append(item)
        self.items_by_region: dict[str, list[ShapeItem]] = {r: [] for r in self.region_ids}
        self.look = ShapeLook(self.theme)
        for shape in self.drawing.shapes.values():
            item = ShapeItem(shape)
            scene.addItem(item)
            self.items_by_region[shape.region].append(item)
        self.hatches: dict[str, QGraphicsPathItem] = {}
        self.whole = WholeSpine(scene, self.items_by_region, self.drawing.view_box, self.theme,
                                self._label_font())
        self.labels, self.leaders = self.whole.labels, self.whole.leaders
        self.buttons: dict[str, ShapeButton] = {}
        for region in self.region_ids:
            button = ShapeButton(region, self.viewport())
            button.clicked.connect(lambda _=False, r=region: self._choose(r))
            button.moved.connect(lambda step, r=region: self._move_focus(r, step))
            button.focus_changed.connect(self.refresh)
            self.buttons[region] = button
        self.zoom = RegionZoom(self, self.items_by_region, self.theme, self._label_font())
        self.zoom.level_chosen.connect(self.level_selected)
        self.zoom.whole_chosen.connect(self.whole_requested)
        self.zoom.focus_changed.connect(self.refresh)
        self.transition = Transition(self._apply_view, self)
        self.refresh()

    def _label_font(self) -> QFont:
        """The page's text size, but at most 1.5 times the normal size: at 200 % the drawing
        must keep its room, and the labels wrap instead."""
        font = QFont(self.font())
        size = font.pixelSize() if font.pixelSize() > 0 else round(font.pointSizeF() * 4 / 3)
        font.setPixelSize(max(16, min(size, round(BASE_FONT_PX * 1.5))))
        return font

    def set_labels(self, labels: dict[str, tuple[str, str]],
                   levels: dict[str, tuple[str, str]] | None = None) -> None:
        """Region id -> (everyday name, medical name); level id -> (its chip's short name,
        its spoken name); all already translated."""
        for region, (title, subtitle) in labels.items():
            if region in self.labels:
                self.labels[region].set_text(title, subtitle)
                self.buttons[region].setAccessibleName(spoken_name(title, subtitle))
        if levels is not None:
            self.zoom.set_names(levels)
        self.zoom.retranslate()
        self.setAccessibleName(tr("Spine drawing"))
        self.setAccessibleDescription(
            tr("Use the Up and Down arrow keys to move between regions, Enter to choose one."))
        self._fit()

    def _move_focus(self, region: str, step: int) -> None:
        index = self.region_ids.index(region) + step
        self.buttons[self.region_ids[min(max(index, 0), len(self.region_ids) - 1)]].setFocus()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and not self._refont_pending:
            # A new look sends many font changes at once: take the last one, once.
            self._refont_pending = True
            QTimer.singleShot(0, self, self._refont)

    def _refont(self) -> None:
        """Larger text: larger labels."""
        if not self._refont_pending:
            return  # done already (the width was asked for first)
        self._refont_pending = False
        self.whole.set_font(self._label_font())
        self.zoom.set_font(self._label_font())
        self._fit()

    # -- geometry -------------------------------------------------------------------------
    def region_bounds(self, region: str) -> QRectF:
        return self.whole.region_bounds(region)

    def inside_point(self, region: str) -> QPointF:
        """A scene point inside the region's shapes (used for leader lines)."""
        return QPointF(self.whole.anchors[region])

    def preferred_width(self, height: int) -> int:
        """The width that shows the whole drawing at ``height`` with its labels beside it,
        and any region large with its chips."""
        self._refont()  # labels at the new text size first, if one is waiting
        return max(self.whole.preferred_width(self.viewport().size(), height),
                   round(self.zoom.needed_width(height)))

    def _plan(self):
        """Where the view should be for what it shows: (scale, centre, zoom placement)."""
        if self.zoomed is None:
            return (*self.whole.plan(self.viewport().size()), None)
        size = self.viewport().size()
        placed = self.zoom.plan(self.zoomed, size.width(), size.height())
        return placed.scale, placed.scene_rect.center(), placed

    def _fit(self) -> None:
        """Straight to where the view should be (a resize, new words, a new text size)."""
        scale, centre, placed = self._plan()
        if self.transition.running():
            self.transition.retarget((scale, centre))
            return
        self._apply_view(scale, centre)
        self._settle(placed)

    def _apply_view(self, scale: float, centre: QPointF) -> None:
        self.setTransform(QTransform.fromScale(scale, scale))
        size = self.viewport().size()
        rect = QRectF(0, 0, size.width() / scale, size.height() / scale)
        rect.moveCenter(centre)
        self.setSceneRect(rect)
        self.centerOn(centre)

    def _settle(self, placed) -> None:
        """Show what belongs to where the view now is: the region labels for the whole
        spine, or the zoomed region's chips and the small spine."""
        whole = placed is None
        self.whole.set_visible(whole)
        for region in self.region_ids:
            for item in self.items_by_region[region]:
                item.setOpacity(1.0 if whole or region == self.zoomed else 0.3)
        self.zoom.show(None if whole else self.zoomed, placed)
        for region, button in self.buttons.items():
            button.setGeometry(self.mapFromScene(self.region_bounds(region)).boundingRect()
                               if whole else self.zoom.overview_rect(region).toRect())
        self.refresh()

    def _zoom_to(self, region: str | None) -> None:
        """Move to the whole spine (None) or to a region shown large."""
        if region == self.zoomed:
            return
        start = (self.transform().m11(), self.mapToScene(self.viewport().rect().center()))
        self.zoomed = region
        scale, centre, _ = self._plan()
        self.whole.set_visible(False)
        self.zoom.show(None, None)
        animate = not self.reduced_motion and self.isVisible()
        self.transition.run(start, (scale, centre), animate, self._fit)

    def zoom_settled(self) -> bool:
        """Whether the view has arrived where it is going (tests, and people, wait)."""
        return not self.transition.running()

    def set_reduced_motion(self, reduced: bool) -> None:
        self.reduced_motion = reduced

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit()

    # -- state ----------------------------------------------------------------------------
    def selected_region(self) -> str | None:
        return self._selected

    def hovered_region(self) -> str | None:
        return self._hovered

    def focused_region(self) -> str | None:
        return next((r for r, b in self.buttons.items() if b.hasFocus()), None)

    def set_theme(self, theme: Theme) -> None:
        """Draw in another theme's colours."""
        self.theme = theme
        self.look = ShapeLook(theme)
        self.setBackgroundBrush(QColor(theme.panel))
        for item in self.context_items:
            item.setBrush(QColor(theme.context))
        for hatch in self.hatches.values():
            hatch.setBrush(self.look.hatch)
        self.whole.set_theme(theme)
        self.zoom.set_theme(theme)
        self.refresh()

    def reset(self) -> None:
        """Nothing selected, hovered or focused, the whole spine: as the next person should
        find it."""
        self._selected = self._hovered = self._level = None
        self.zoom.hovered = None
        self.zoom.set_marked(None)
        self.zoomed = None
        self.transition.run((1.0, QPointF()), (1.0, QPointF()), False, self._fit)

    def set_selected(self, region: str | None) -> None:
        """Show ``region`` as selected and large (``None``: the whole spine); emits nothing."""
        if region is not None and region not in self.items_by_region:
            raise KeyError(region)
        self._selected = region
        self._zoom_to(region)
        self.refresh()

    def _set_hovered(self, region: str | None) -> None:
        if region != self._hovered:
            self._hovered = region
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if region
                                      else Qt.CursorShape.ArrowCursor)
            self.refresh()

    def region_state(self, region: str) -> str:
        """How a region is drawn: 'selected', 'hovered' or 'plain' (focus is drawn on top)."""
        return ("selected" if region == self._selected else
                "hovered" if region == self._hovered else "plain")

    def _hatch(self, region: str) -> QGraphicsPathItem:
        if region not in self.hatches:  # made the first time the region is selected
            self.hatches[region] = bone_hatch(self.scene(), self.items_by_region[region],
                                              self.look)
        return self.hatches[region]

    def refresh(self) -> None:
        parts = [*self.hatches.values(), *self.leaders.values(),
                 next(iter(self.items_by_region.values()))[0], self.zoom.overview]
        if self.scene() is None or not all(shiboken6.isValid(i) for i in parts):
            return  # being torn down: a region button lost focus on its way out
        focused = self.focused_region()
        self.zoom.overview.focused = focused
        self.zoom.refresh()
        for region, items in self.items_by_region.items():
            state = self.region_state(region)
            pen = self.look.pen("focused" if region == focused else state)
            for item in items:
                item.setBrush(self.look.brush(item.kind, region, state))
                item.setPen(self.look.pen("level") if item.shape_id == self._level else pen)
                item.setZValue(2 if item.shape_id == self._level else 0)
            if state == "selected" or region in self.hatches:
                self._hatch(region).setVisible(state == "selected")
            button = self.buttons[region]  # "…, radio button, checked" for a screen reader
            button.set_selected(state == "selected")
            button.setAccessibleDescription(tr("Shows what this part of the spine does"))
        self.whole.show_state(self._selected, self._hovered, focused)

    def _choose(self, region: str) -> None:
        self.region_selected.emit(region)  # the session decides; the window shows it

    # -- hit testing ----------------------------------------------------------------------
    def shape_at(self, pos: QPoint) -> ShapeItem | None:
        """The vertebra, disc or nerve under viewport point ``pos`` (the smallest, on top)."""
        point = self.mapToScene(pos)
        hits = under(point, (item for items in self.items_by_region.values() for item in items))
        return min(hits, key=lambda i: i.path().boundingRect().width() *
                   i.path().boundingRect().height(), default=None)

    def level_point(self, shape_id: str) -> QPoint:
        """A viewport point inside one shape (a tap on that bone, disc or nerve)."""
        for items in self.items_by_region.values():
            for item in items:
                if item.shape_id == shape_id:
                    return self.mapFromScene(inner_point(item.path()))
        raise KeyError(shape_id)

    def set_level(self, shape_id: str | None) -> None:
        """Mark one bone, disc or nerve as the level being shown (``None`` clears)."""
        self._level = shape_id
        self.zoom.set_marked(shape_id)
        self.refresh()

    def region_point(self, region: str) -> QPoint:
        """A viewport point where a tap chooses ``region``: on its shapes, or on the small
        whole spine when another region is shown large."""
        if self.zoomed is None or self.zoomed == region or self.zoom.placed is None:
            return self.mapFromScene(self.inside_point(region))
        return (self.zoom.overview.region_point(region) + self.zoom.placed.overview).toPoint()

    def chip_point(self, shape_id: str) -> QPoint:
        """The centre of a level's chip (its region must be shown large)."""
        placed = self.zoom.placed
        if placed is None or shape_id not in placed.chips:
            raise KeyError(f"{shape_id} has no chip on screen")
        return placed.chips[shape_id].toPoint()

    def region_at(self, pos: QPoint) -> str | None:
        """The region whose shape (or label) is under viewport point ``pos``."""
        for item in self.items(pos):
            if isinstance(item, RegionLabel):
                return item.region
        point = self.mapToScene(pos)
        for region, items in self.items_by_region.items():
            if under(point, items):
                return region
        return None

    # -- input ----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        pos = event.position().toPoint()
        if self.zoomed is not None and self.zoom_settled():
            on_overview = self.zoom.overview_hit(QPointF(pos))
            level = self.zoom.chip_at(pos)
            if on_overview is not None:
                kind, region = on_overview
                self.whole_requested.emit() if region is None else self._choose(region)
            elif level is not None:
                self.level_selected.emit(level)
            if on_overview is not None or level is not None:
                event.accept()
                return
        region = self.region_at(pos)
        if region is not None and region == self._selected:
            shape = self.shape_at(pos)
            if shape is not None:
                self.level_selected.emit(shape.shape_id)  # one more tap: that level
                event.accept()
                return
        if region is not None:
            self._choose(region)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        level = self.zoom.chip_at(pos) if self.zoomed is not None else None
        if level != self.zoom.hovered:
            self.zoom.hovered = level
            self.zoom.refresh()
        self._set_hovered(None if level else self.region_at(pos))

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        event.accept()  # a double tap is two presses already; nothing more to do

    def leaveEvent(self, event) -> None:  # noqa: N802
        self.zoom.hovered = None
        self._set_hovered(None)
        super().leaveEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.ignore()  # the drawing always fits; let the page scroll instead
