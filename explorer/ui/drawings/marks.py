"""A clinician's marks on the drawings: the Mark tool (draw freehand, or tap to pin a
numbered marker) and the layer that shows the marks over the spine and the body map.

The marks are the session's (``State.marks``, Qt-free, in drawing coordinates); this
module only shows them and, while the tool is on, turns presses on a drawing into new
marks.  It hooks into a view from outside — an item in its scene and an event filter on
its viewport — so the views need not know about it, and a view that zooms or pans keeps
the marks where they were drawn.  Desktop only: a kiosk never shows the tool.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsView,
    QHBoxLayout,
    QStyleOptionGraphicsItem,
    QWidget,
)

from explorer.model import marks as model
from explorer.model.i18n import tr
from explorer.model.session import Session
from explorer.ui.theme import Theme
from explorer.ui.widgets import Button, ToggleButton

PIN_RADIUS_PX = 11
LINE_PX = 3.0
TAP_PX = 6  # a press that moves less than this is a tap: a pin


class MarkLayer(QGraphicsItem):
    """Paints the marks of one drawing (and the line being drawn) above everything else."""

    def __init__(self, drawing: str, box: QRectF, theme: Theme) -> None:
        super().__init__()
        self.drawing = drawing
        self.box = box
        self.theme = theme
        self.marks: tuple[model.Mark, ...] = ()
        self.drawn: list[QPointF] = []  # the line under the pointer, not yet a mark
        self.setZValue(50)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        w, h = self.box.width(), self.box.height()  # the labels' side of the view too
        return self.box.adjusted(-w, -h / 4, w, h / 4)

    def show_marks(self, marks: tuple[model.Mark, ...]) -> None:
        self.marks = marks
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(self.theme.mark), LINE_PX)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        lines = [[QPointF(*p) for p in points]
                 for points in model.lines_on(self.marks, self.drawing)]
        for points in [*lines, self.drawn]:
            if len(points) > 1:
                path = QPainterPath(points[0])
                for point in points[1:]:
                    path.lineTo(point)
                painter.drawPath(path)
        scale = painter.worldTransform().m11() or 1.0
        for number, spot in model.pins_on(self.marks, self.drawing):
            self._pin(painter, QPointF(*spot), number, scale)

    def _pin(self, painter: QPainter, at: QPointF, number: int, scale: float) -> None:
        """A numbered disc that keeps its size on screen whatever the drawing's scale."""
        painter.save()
        painter.translate(at)
        painter.scale(1 / scale, 1 / scale)
        painter.setPen(QPen(QColor(self.theme.on_panel), 2))
        painter.setBrush(QColor(self.theme.mark))
        painter.drawEllipse(QPointF(0, 0), PIN_RADIUS_PX, PIN_RADIUS_PX)
        font = QFont(painter.font())
        font.setPixelSize(13)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self.theme.panel))
        painter.drawText(QRectF(-PIN_RADIUS_PX, -PIN_RADIUS_PX, 2 * PIN_RADIUS_PX,
                                2 * PIN_RADIUS_PX), Qt.AlignmentFlag.AlignCenter, str(number))
        painter.restore()


class MarkPen(QObject):
    """While the tool is on, presses on one view draw: a drag makes a line, a tap a pin.
    The view's own handling (selecting a region or an area) waits until it is off."""

    def __init__(self, view: QGraphicsView, layer: MarkLayer, session: Session) -> None:
        super().__init__(view)
        self.view = view
        self.layer = layer
        self.session = session
        self.start: QPointF | None = None  # where the press was, in viewport pixels
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if not self.session.state.marking or kind not in (
                QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            return False
        assert isinstance(event, QMouseEvent)  # the kinds above are all mouse events
        at = event.position()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self.start = at
            self.layer.drawn = [self.view.mapToScene(at.toPoint())]
        elif kind == QEvent.Type.MouseMove and self.start is not None:
            self.layer.drawn.append(self.view.mapToScene(at.toPoint()))
            self.layer.update()
        elif kind == QEvent.Type.MouseButtonRelease and self.start is not None:
            self._finish(self.start, at)
        return True  # nothing reaches the drawing while marking

    def _finish(self, start: QPointF, at: QPointF) -> None:
        moved = (at - start).manhattanLength()
        points = [(p.x(), p.y()) for p in self.layer.drawn]
        self.start, self.layer.drawn = None, []
        drawing = self.layer.drawing
        self.session.add_mark(model.line(drawing, points) if moved >= TAP_PX and
                              len(points) > 1 else model.pin(drawing, points[0]))


class MarkControls(QWidget):
    """The Mark tool's switch and the one control that clears every mark."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        # Return and keypad Enter press it too, as Space does; small: the drawing keeps its room
        self.mark = ToggleButton("markButton")
        self.mark.toggled.connect(session.set_marking)
        self.clear = Button()
        self.clear.setObjectName("markButton")
        self.clear.clicked.connect(session.clear_marks)
        for button in (self.mark, self.clear):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            row.addWidget(button)
        self.retranslate()

    def retranslate(self) -> None:
        self.mark.setText(tr("✎ Mark"))
        self.mark.setAccessibleName(tr("Mark the drawing"))
        self.mark.setAccessibleDescription(tr("Draw on the drawings, or tap to pin a numbered "
                                              "mark; press again to stop"))
        self.clear.setText(tr("Clear marks"))
        self.clear.setAccessibleName(tr("Clear marks"))

    def show_state(self, marking: bool, count: int, kiosk: bool) -> None:
        self.setVisible(not kiosk)
        if self.mark.isChecked() != marking:
            self.mark.blockSignals(True)
            self.mark.setChecked(marking)
            self.mark.blockSignals(False)
        self.clear.setVisible(count > 0)


class Marks(QObject):
    """Shows the session's marks on every drawing view it is given, and its controls."""

    def __init__(self, session: Session, theme: Theme, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self.layers: list[MarkLayer] = []
        self.views: list[QGraphicsView] = []
        # (made inside the window, the footer takes them: measured in the window's look)
        self.controls = MarkControls(session, parent if isinstance(parent, QWidget) else None)
        session.changed.connect(self._changed)
        self._changed(frozenset({"marks", "marking", "preferences"}))

    def attach(self, view: QGraphicsView, drawing: str, box: QRectF) -> None:
        """Show the marks of ``drawing`` on ``view`` and let the tool draw there."""
        layer = MarkLayer(drawing, box, self.theme)
        view.scene().addItem(layer)
        layer.show_marks(self.session.state.marks)
        MarkPen(view, layer, self.session)
        self.layers.append(layer)
        self.views.append(view)

    def detach(self) -> None:
        """Let go of every view (they are being replaced: new content, new drawings)."""
        self.layers.clear()
        self.views.clear()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for layer in self.layers:
            layer.theme = theme
            layer.update()

    def _changed(self, names: frozenset[str]) -> None:
        state = self.session.state
        if state.marking and state.preferences.kiosk:
            self.session.set_marking(False)  # never on a kiosk
            return
        if "marks" in names:
            for layer in self.layers:
                layer.show_marks(state.marks)
        if "marking" in names:
            for view in self.views:
                view.viewport().setCursor(Qt.CursorShape.CrossCursor if state.marking
                                          else Qt.CursorShape.ArrowCursor)
        if "preferences" in names:
            self.controls.retranslate()
        if names & {"marks", "marking", "preferences"}:
            self.controls.show_state(state.marking, len(state.marks), state.preferences.kiosk)
