"""The spine drawing's second level: one region large, its bones, discs and nerve roots each
a finger-sized chip, and the whole spine small beside it (:class:`RegionZoom`); and the
short move between the two (:class:`Transition`; none with reduced motion).

Keyboard and screen-reader users reach the same levels through invisible buttons over the
chips (:class:`LevelButton`): Up and Down move within a kind, Left and Right to the
nearest level of the next kind, Enter opens it; only one of them is a Tab stop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainterPath
from PySide6.QtWidgets import QGraphicsView, QWidget

from explorer.model.i18n import N_, tr
from explorer.ui.drawings import zoomlayout
from explorer.ui.drawings.levelchips import Heading, LevelChip, Overview, chip_size
from explorer.ui.drawings.shapes import ShapeButton, inner_point
from explorer.ui.theme import Theme
from explorer.ui.widgets import font_number

DURATION_MS = 260
ACROSS_SLACK = 4  # drawing units: "level with" for Left and Right
HEADINGS = {"vertebra": N_("Bones"), "disc": N_("Discs"), "nerve": N_("Nerves")}


class LevelButton(ShapeButton):
    """A level as a real button; Left and Right move to the next kind.  Not one of the
    regions' group of buttons: the zoom keeps its own one Tab stop (:meth:`_roving_stop`)."""

    across = Signal(int)
    arrow_keys = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()), 0)
        if step:
            self.across.emit(step)
        else:
            super().keyPressEvent(event)


class RegionZoom(QObject):
    """The items of the zoomed state, made for a region the first time it is zoomed."""

    level_chosen = Signal(str)
    whole_chosen = Signal()
    focus_changed = Signal()

    def __init__(self, view: QGraphicsView, shapes: dict[str, list], theme: Theme,
                 font: QFont) -> None:
        """``shapes``: region id -> its shape items (with ``shape_id``, ``kind``)."""
        super().__init__(view)
        self.view, self.shapes, self.theme, self.font = view, shapes, theme, font
        self.names: dict[str, tuple[str, str]] = {}  # shape id -> (chip text, spoken name)
        self.chips: dict[str, dict[str, LevelChip]] = {}
        self.buttons: dict[str, dict[str, LevelButton]] = {}
        self.paths = {item.shape_id: item.path() for items in shapes.values() for item in items}
        self._points: dict[str, QPointF] = {}  # a point well inside each shape, when needed
        self._centres = {i: p.boundingRect().center().y() for i, p in self.paths.items()}
        self._boxes: dict[str, QRectF] = {}
        self._widths: dict[tuple, float] = {}  # (font, height) -> needed_width, for these names
        self.headings = {kind: self._add(Heading(theme, font)) for kind in HEADINGS}
        paths = {}
        for region, items in shapes.items():
            path = QPainterPath()
            for item in items:
                path.addPath(item.path())
            paths[region] = path  # (drawn small, each bone still shows)
        self.overview = self._add(Overview(paths, theme, font))
        self.whole = LevelButton("whole", view.viewport())  # (a Tab stop of its own)
        self.whole.clicked.connect(self.whole_chosen)
        self.whole.focus_changed.connect(self.focus_changed)
        self.whole.hide()
        self.region: str | None = None  # the region shown large, once settled
        self.placed: zoomlayout.Placed | None = None
        self.marked: str | None = None
        self.hovered: str | None = None
        self.retranslate()

    def _add(self, item):
        self.view.scene().addItem(item)
        item.hide()
        return item

    # -- words and looks ------------------------------------------------------------------
    def set_names(self, names: dict[str, tuple[str, str]]) -> None:
        self.names = dict(names)
        self._widths.clear()
        for region in self.chips:
            for shape_id, chip in self.chips[region].items():
                chip.text = names.get(shape_id, (shape_id, shape_id))[0]
                chip.set_font(self.font)
                self.buttons[region][shape_id].setAccessibleName(
                    names.get(shape_id, (shape_id, shape_id))[1])
        self.retranslate()

    def retranslate(self) -> None:
        self._widths.clear()  # (the headings and the caption are measured too)
        for kind, heading in self.headings.items():
            heading.set_text(tr(HEADINGS[kind]))
        self.overview.set_caption(tr("Whole spine"))
        self.whole.setAccessibleName(tr("Whole spine"))
        self.whole.setAccessibleDescription(tr("Shows the whole spine again"))

    def set_font(self, font: QFont) -> None:
        self.font = font
        for item in (*self.headings.values(), self.overview,
                     *(c for chips in self.chips.values() for c in chips.values())):
            item.set_font(font)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for item in (*self.headings.values(), self.overview,
                     *(c for chips in self.chips.values() for c in chips.values())):
            item.theme = theme
            item.update()

    # -- the chips of a region ------------------------------------------------------------
    def chips_of(self, region: str) -> dict[str, LevelChip]:
        if region not in self.chips:
            chips, buttons = {}, {}
            for item in self.shapes[region]:
                text, spoken = self.names.get(item.shape_id, (item.shape_id, item.shape_id))
                chip = self._add(LevelChip(item.shape_id, item.kind, text, self.theme,
                                           self.font))
                chips[item.shape_id] = chip
                button = LevelButton(item.shape_id, self.view.viewport())
                button.setAccessibleName(spoken)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.clicked.connect(lambda _=False, s=item.shape_id: self.level_chosen.emit(s))
                button.moved.connect(lambda step, s=item.shape_id: self._move(s, step, 0))
                button.across.connect(lambda step, s=item.shape_id: self._move(s, 0, step))
                button.focus_changed.connect(self._focus_moved)
                button.hide()
                buttons[item.shape_id] = button
            self.chips[region], self.buttons[region] = chips, buttons
            order: list[ShapeButton] = [self.whole, *(buttons[i] for i in self._ordered(region))]
            for level in order[1:]:  # (Qt orders only widgets that take focus)
                level.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            for before, after in zip(order, order[1:], strict=False):  # then the page
                QWidget.setTabOrder(before, after)
            for level in order[1:]:
                level.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return self.chips[region]

    def point(self, shape_id: str) -> QPointF:
        """A point well inside a shape (worked out the first time: it takes a while)."""
        if shape_id not in self._points:
            self._points[shape_id] = inner_point(self.paths[shape_id], steps=12)
        return self._points[shape_id]

    def _layout_chips(self, region: str, exact: bool = True) -> list[zoomlayout.Chip]:
        """The region's chips as the layout sees them (measured, not made); ``exact=False``
        is enough for their sizes (how wide the table is), not for their places."""
        height = (lambda i: self.point(i).y()) if exact else self._centres.__getitem__
        return [zoomlayout.Chip(item.shape_id, item.kind, height(item.shape_id),
                                chip_size(self.names.get(item.shape_id, (item.shape_id,))[0],
                                          self.font))
                for item in self.shapes[region]]

    def _heading(self, region: str) -> tuple[float, dict[str, float]]:
        kinds = {item.kind for item in self.shapes[region]}
        sizes = {kind: self.headings[kind].size() for kind in kinds}
        return max((h for _, h in sizes.values()), default=0) + 6, \
            {kind: w for kind, (w, _) in sizes.items()}

    def _overview_size(self, height: float) -> tuple[float, float]:
        return self.overview.size_for(height)

    def box(self, region: str) -> QRectF:
        if region not in self._boxes:
            rect = QRectF()
            for item in self.shapes[region]:
                rect = rect.united(item.path().boundingRect())
            self._boxes[region] = rect.adjusted(-4, -4, 4, 4)
        return QRectF(self._boxes[region])

    # -- geometry -------------------------------------------------------------------------
    def needed_width(self, height: float) -> float:
        """The widest any region asks for at this viewport height (remembered for each text
        size: a new look asks it for the same few heights again and again)."""
        key = (font_number(self.font), height)
        if key not in self._widths:
            if len(self._widths) > 32:
                self._widths.clear()
            self._widths[key] = self._needed_width(height)
        return self._widths[key]

    def _needed_width(self, height: float) -> float:
        return max(zoomlayout.needed_width(self._layout_chips(r, exact=False), self.box(r), height,
                                           self._heading(r), self._overview_size)
                   for r in self.shapes)

    def plan(self, region: str, width: float, height: float) -> zoomlayout.Placed:
        return zoomlayout.place(self._layout_chips(region), self.box(region), width, height,
                                self._heading(region), self._overview_size)

    def show(self, region: str | None, placed: zoomlayout.Placed | None) -> None:
        """Show ``region``'s chips where ``placed`` says (or nothing of the zoom: None)."""
        self.region, self.placed = region, placed
        for item in (*self.headings.values(), self.overview, self.whole,
                     *(c for chips in self.chips.values() for c in chips.values()),
                     *(b for buttons in self.buttons.values() for b in buttons.values())):
            item.setVisible(False)
        if region is not None and placed is not None:
            self._place(region, placed)
        self._roving_stop()
        self.refresh()

    def _place(self, region: str, placed: zoomlayout.Placed) -> None:
        origin, scale = placed.scene_rect.topLeft(), placed.scale

        def scene(point: QPointF) -> QPointF:  # viewport pixels to drawing coordinates
            return origin + point / scale

        for shape_id, chip in self.chips_of(region).items():
            centre = placed.chips[shape_id]
            chip.setPos(scene(centre))
            w, h = chip.size()
            button = self.buttons[region][shape_id]
            button.setGeometry(round(centre.x() - w / 2), round(centre.y() - h / 2),
                               round(w), round(h))
            chip.show()
            button.show()
        for kind, centre in placed.headings.items():
            self.headings[kind].setPos(scene(centre))
            self.headings[kind].show()
        self.overview.set_height(placed.overview_height)
        self.overview.setPos(scene(placed.overview))
        self.overview.selected = region
        self.overview.show()
        w, h = self.overview.size()
        self.whole.setGeometry(round(placed.overview.x() - 4), round(placed.overview.y() - 4),
                               round(w), round(h))
        self.whole.show()

    def overview_rect(self, region: str) -> QRectF:
        """Where a region is on the small spine, in viewport pixels (nowhere when none is
        shown large)."""
        if self.placed is None:
            return QRectF()
        return self.overview.region_rect(region).translated(self.placed.overview)

    # -- state ----------------------------------------------------------------------------
    def set_marked(self, shape_id: str | None) -> None:
        self.marked = shape_id
        self._roving_stop()
        self.refresh()

    def focused(self) -> str | None:
        for buttons in self.buttons.values():
            for shape_id, button in buttons.items():
                if button.hasFocus():
                    return shape_id
        return None

    def active(self) -> str | None:
        """The level to point at on the drawing: focused, else hovered, else marked."""
        return self.focused() or self.hovered or self.marked

    def refresh(self) -> None:
        focused = self.focused()
        for region, chips in self.chips.items():
            for shape_id, chip in chips.items():
                chip.marked, chip.focused = shape_id == self.marked, shape_id == focused
                chip.hovered = shape_id == self.hovered
                chip.update()
                self.buttons[region][shape_id].setAccessibleDescription(
                    tr("Selected") if shape_id == self.marked else
                    tr("Opens the page about {name}", name=chip.text))
        self.overview.whole_focused = self.whole.hasFocus()
        self.overview.update()

    def _roving_stop(self) -> None:
        """One Tab stop for the whole group: the marked level, else the first bone."""
        buttons = self.buttons.get(self.region or "", {})
        if not buttons or self.region is None:
            return
        stop = self.marked if self.marked in buttons else self.focused()
        stop = stop if stop in buttons else next(iter(self._ordered(self.region)))
        for shape_id, button in buttons.items():
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if shape_id == stop
                                  else Qt.FocusPolicy.NoFocus)

    def _focus_moved(self) -> None:
        self._roving_stop()
        self.refresh()
        self.focus_changed.emit()

    def _ordered(self, region: str) -> list[str]:
        """The region's levels by kind (bones, discs, nerves), each top to bottom."""
        chips = self.chips_of(region)
        return sorted(chips, key=lambda i: (zoomlayout.KINDS.index(chips[i].kind),
                                            self.point(i).y()))

    def _move(self, shape_id: str, step: int, across: int) -> None:
        region = next(r for r, chips in self.chips.items() if shape_id in chips)
        chips = self.chips[region]
        kinds = [k for k in zoomlayout.KINDS if any(c.kind == k for c in chips.values())]
        kind = chips[shape_id].kind
        if across:
            kind = kinds[min(max(kinds.index(kind) + across, 0), len(kinds) - 1)]
        column = [i for i in self._ordered(region) if chips[i].kind == kind]
        if across:  # level with it or just below (a bone's disc is the one under it)
            y = self.point(shape_id).y()
            lower = [i for i in column if self.point(i).y() >= y - ACROSS_SLACK]
            target = min(lower, key=lambda i: self.point(i).y()) if lower else \
                min(column, key=lambda i: abs(self.point(i).y() - y))
        else:
            index = column.index(shape_id) + step
            target = column[min(max(index, 0), len(column) - 1)]
        self.buttons[region][target].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- hit testing ----------------------------------------------------------------------
    def chip_at(self, pos) -> str | None:
        """The level whose chip is under viewport point ``pos`` (tested on its shape)."""
        for item in self.view.items(pos):
            if isinstance(item, LevelChip):
                return item.shape_id
        return None

    def overview_hit(self, view_point: QPointF) -> tuple[str, str | None] | None:
        """A press on the small spine: ("region", id) for another region, else ("whole",
        None); None when the press is elsewhere."""
        if not self.overview.isVisible() or self.placed is None:
            return None
        local = QPointF(view_point) - self.placed.overview
        w, h = self.overview.size()
        if not QRectF(-4, -4, w, h).contains(local):
            return None
        region = self.overview.region_at(local)
        if region is None or region == self.region:
            return "whole", None
        return "region", region


class Transition(QObject):
    """Moves the view from one scale and centre to another over a quarter of a second
    (or at once), then calls ``done``."""

    def __init__(self, apply: Callable[[float, QPointF], None], parent: QObject) -> None:
        super().__init__(parent)
        self.apply = apply
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(DURATION_MS)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.valueChanged.connect(self._step)
        self.animation.finished.connect(self._finish)
        self.start = self.end = (1.0, QPointF())
        self.done: Callable[[], None] | None = None

    def running(self) -> bool:
        return self.animation.state() == QVariantAnimation.State.Running

    def run(self, start: tuple[float, QPointF], end: tuple[float, QPointF], animate: bool,
            done: Callable[[], None]) -> None:
        self.animation.stop()
        self.start, self.end, self.done = start, end, done
        if animate and abs(start[0] - end[0]) > 1e-3:
            self.animation.start()
        else:
            self.apply(*end)
            self._finish()

    def retarget(self, end: tuple[float, QPointF]) -> None:
        self.end = end

    def _step(self, t: float) -> None:
        (s0, c0), (s1, c1) = self.start, self.end
        self.apply(s0 * (s1 / s0) ** t, c0 + (c1 - c0) * t)

    def _finish(self) -> None:
        if self.animation.state() != QVariantAnimation.State.Running and self.done is not None:
            self.apply(*self.end)
            done, self.done = self.done, None
            done()
