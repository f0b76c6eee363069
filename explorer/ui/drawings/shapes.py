"""What the spine drawing and the body map share: paths from the drawings' commands, a
point well inside a shape, invisible buttons that mirror shapes for keyboard and screen
readers, and the set-up of a drawing view."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from explorer.ui.theme import Theme
from explorer.ui.widgets import ARROWS, Button, make_tab_stop


def painter_path(commands_list) -> QPainterPath:
    """A QPainterPath from the drawing's absolute M/L/C/Q/Z commands."""
    path = QPainterPath()
    for commands in commands_list:
        for cmd, *args in commands:
            if cmd == "M":
                path.moveTo(*args)
            elif cmd == "L":
                path.lineTo(*args)
            elif cmd == "C":
                path.cubicTo(*args)
            elif cmd == "Q":
                path.quadTo(*args)
            else:
                path.closeSubpath()
    return path


def under(point: QPointF, items):
    """The path items whose shape holds scene ``point`` (the cheap box test first)."""
    return [item for item in items
            if item.path().boundingRect().contains(point) and item.path().contains(point)]


def inner_point(path: QPainterPath, steps: int = 40) -> QPointF:
    """A point well inside ``path``: the middle of its widest run across its middle rows
    (sampled at ``steps`` points a row: fewer is quicker and coarser)."""
    box = path.boundingRect()
    best, best_len = box.center(), -1.0
    for fy in (0.5, 0.35, 0.65):
        y = box.top() + box.height() * fy
        xs = [box.left() + box.width() * i / steps for i in range(steps + 1)]
        run_start = None
        for x in xs + [None]:
            inside = x is not None and path.contains(QPointF(x, y))
            if inside and run_start is None:
                run_start = x
            elif not inside and run_start is not None:
                end = xs[xs.index(x) - 1] if x is not None else xs[-1]
                if end - run_start > best_len:
                    best, best_len = QPointF((run_start + end) / 2, y), end - run_start
                run_start = None
    return best


class ShapeButton(Button):
    """A region (or body area) as a real, invisible button over its shapes: what keyboard and
    screen-reader users reach.  Qt exposes widgets, not graphics items, to assistive
    technology, so each is mirrored by one of these ("Lower back, lumbar spine, radio button,
    checked").  Mouse and touch pass through it to the drawing, which hit-tests the exact
    shapes.  The buttons of one drawing are one Tab stop; the arrow keys move between them
    (the drawing decides the order, through :attr:`moved`)."""

    moved = Signal(int)  # -1 up, +1 down, or -100 / +100 for first / last
    focus_changed = Signal()
    arrow_keys = True

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__("", parent)
        self.key = key
        self.setObjectName("shapeButton")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        first = self.arrow_group()[0]
        make_tab_stop(first)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override) - the drawing shows it
        pass

    def sizeHint(self) -> QSize:  # noqa: N802 - no text of its own: placed over its shapes
        return QSize(1, 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(1, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in ARROWS:
            self.moved.emit(ARROWS[event.key()])
        else:
            super().keyPressEvent(event)

    def set_selected(self, selected: bool) -> None:
        """Checked while its region is the one shown: one of a group, like a radio button."""
        if not self.isCheckable():
            self.setCheckable(True)
            self.setAutoExclusive(True)
        if selected == self.isChecked():
            return
        self.setAutoExclusive(selected)  # an exclusive button cannot be unchecked
        self.setChecked(selected)
        self.setAutoExclusive(True)
        if selected and not any(b.hasFocus() for b in self.arrow_group()):
            make_tab_stop(self)  # Tab comes back to the region shown

    def nextCheckState(self) -> None:  # noqa: N802 - a press asks; the drawing shows the answer
        pass

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.focus_changed.emit()  # the drawing draws the focus ring

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.focus_changed.emit()


def spoken_name(name: str, medical_name: str) -> str:
    """A region's name as its label shows it, everyday name first: "Lower back, lumbar
    spine"."""
    return f"{name}, {medical_name[:1].lower()}{medical_name[1:]}"


def prepare_view(view: QGraphicsView, theme: Theme) -> None:
    """What the spine drawing and the body map share: a Python-made viewport (PySide then
    need not search every widget class for its type, ~12 ms at start), a scene, no scroll
    bars or frame, smooth drawing, the panel colour, and focus left to the shape buttons."""
    view.setViewport(QWidget())
    view.setScene(QGraphicsScene(view))
    view.setBackgroundBrush(QColor(theme.panel))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.setFrameShape(QGraphicsView.Shape.NoFrame)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (a graphics view gives its
    # viewport strong focus: an unnamed stop for a screen reader, with nothing to do there)
    view.setMouseTracking(True)
