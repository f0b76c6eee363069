"""The panel beside the pages: the spine drawing and the body map.

On a wide window both stand side by side; otherwise one at a time, chosen by the tabs
the window's arrangement keeps at the top (:mod:`explorer.ui.arrangement`).  The body map
is made the first time it is shown, so it costs nothing at start when only the spine
shows.  The panel shows what the session says (:meth:`DrawingPanel.show_marks`,
:meth:`DrawingPanel.show_views`), reports choices through signals and knows nothing of
pages.  A clinician's marks lie over both drawings (:meth:`DrawingPanel.add_marks`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from explorer.model import Content, Drawing, kinds
from explorer.model.i18n import tr
from explorer.model.levelrows import short_name
from explorer.ui.drawings.spine import SpineDiagram
from explorer.ui.theme import Theme
from explorer.ui.widgets import tab_after, text_label

if TYPE_CHECKING:  # both made when first needed
    from explorer.ui.drawings.bodymap import BodyMap
    from explorer.ui.drawings.marks import Marks


def level_names(content: Content) -> dict[str, tuple[str, str]]:
    """Level id -> (its chip's short name, the name a screen reader says: "L4 vertebra,
    lower back")."""
    regions = {r.id: r.name for r in content.regions}
    names = {}
    for kind in kinds.BY_SHAPE.values():
        for entry in getattr(content, kind.collection):
            spoken = tr("{level}, {region}", level=entry.name,
                        region=regions.get(entry.region, "").lower())
            names[entry.id] = (short_name(kind.shape, entry.id, entry.name), spoken)
    return names


class DrawingPanel(QFrame):
    region_selected = Signal(str)
    level_selected = Signal(str)
    area_selected = Signal(str)
    whole_requested = Signal()  # the small whole spine beside a zoomed region was pressed

    def __init__(self, drawing: Drawing | None, body: Drawing | None, theme: Theme,
                 has_content: bool, parent: QWidget | None = None) -> None:
        """``body``: the body map's drawing (its view is made when first needed)."""
        super().__init__(parent)
        self.setObjectName("diagramPanel")
        self.theme = theme
        self._body = body if has_content else None
        self._body_map: BodyMap | None = None
        self.highlight: frozenset[str] = frozenset()
        self.area_names: dict[str, str] = {}
        self.mode = "spine"
        self.both = False
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(8, 8, 8, 8)
        self.marks: Marks | None = None  # the clinician's marks
        self.views = QHBoxLayout()
        self.views.setSpacing(8)
        self.diagram: SpineDiagram | None = None
        self.column.addLayout(self.views, 1)
        self.hint = text_label("", "diagramHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.hint)
        self._zoomed = False
        self.reduced_motion = False
        self._make_diagram(drawing, has_content)

    def _make_diagram(self, drawing: Drawing | None, has_content: bool) -> None:
        if drawing is None:
            return
        self.diagram = SpineDiagram(drawing, self.theme)
        self.diagram.region_selected.connect(self.region_selected)
        self.diagram.level_selected.connect(self.level_selected)
        self.diagram.whole_requested.connect(self.whole_requested)
        self.diagram.setEnabled(has_content)
        self.diagram.set_reduced_motion(self.reduced_motion)
        self.views.insertWidget(0, self.diagram, 1)

    def set_drawings(self, drawing: Drawing | None, body: Drawing | None,
                     has_content: bool) -> None:
        """Show other drawings (new content): the old views go, new ones are made (the
        body map again when it is first needed); the window's arrangement then sizes them."""
        for view in (self.diagram, self._body_map):
            if view is not None:
                self.views.removeWidget(view)
                view.hide()
                view.deleteLater()
        self.diagram = self._body_map = None
        self._body = body if has_content else None
        self._make_diagram(drawing, has_content)
        if self.marks is not None:  # the marks move to the new drawing (the body map's
            self.marks.detach()     # layer comes when the map is made again)
            if self.diagram is not None:
                self.marks.attach(self.diagram, "spine", QRectF(*self.diagram.drawing.view_box))

    def host_tabs(self, tabs: QWidget) -> None:
        """Keep the drawing tabs at the top of the panel (where the page stands beside it)."""
        self.column.insertWidget(0, tabs)

    # -- words and looks ------------------------------------------------------------------
    def retranslate(self, content: Content | None) -> None:
        self._show_hint()
        if content is None:
            return
        self.area_names = {a.id: a.name for a in content.body_areas}
        if self.diagram is not None:
            self.diagram.setEnabled(True)
            self.diagram.set_labels({r.id: (r.name, r.medical_name) for r in content.regions},
                                    level_names(content))
        if self._body_map is not None:
            self._body_map.retranslate(self.area_names)

    def set_reduced_motion(self, reduced: bool) -> None:
        self.reduced_motion = reduced
        if self.diagram is not None:
            self.diagram.set_reduced_motion(reduced)

    def add_marks(self, session) -> QWidget:
        """Show the session's marks (a clinician's) over both drawings; the Mark tool's
        controls, for the window to place."""
        from explorer.ui.drawings.marks import Marks

        self.marks = marks = Marks(session, self.theme, self)
        if self.diagram is not None:
            marks.attach(self.diagram, "spine", QRectF(*self.diagram.drawing.view_box))
        if self._body_map is not None:
            marks.attach(self._body_map, "body", QRectF(*self._body_map.drawing.view_box))
        return marks.controls

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.marks is not None:
            self.marks.set_theme(theme)
        if self.diagram is not None:
            self.diagram.set_theme(theme)
        if self._body_map is not None:
            self._body_map.set_theme(theme)

    # -- the body map ---------------------------------------------------------------------
    @property
    def has_body_map(self) -> bool:
        return self._body is not None

    @property
    def body_drawing(self) -> Drawing | None:
        return self._body

    @property
    def body_map(self):
        """The body map, made the first time it is needed."""
        if self._body_map is None and self._body is not None:
            from explorer.ui.drawings.bodymap import BodyMap

            body = BodyMap(self._body, self.theme)
            body.area_selected.connect(self.area_selected)
            body.retranslate(self.area_names)
            body.set_highlight(set(self.highlight))
            body.setVisible(False)
            self.views.addWidget(body, 1)
            if self.diagram is not None:  # Tab goes from the spine to the map, then the page
                tab_after(self.diagram, [body, *body.findChildren(QWidget)])
            self._body_map = body
            if self.marks is not None:
                self.marks.attach(body, "body", QRectF(*body.drawing.view_box))
        return self._body_map

    def show_marks(self, region: str | None, level: str | None, areas: frozenset[str]) -> None:
        """The selected region and level on the spine; where they may be felt on the body."""
        if self._zoomed != (region is not None):
            self._zoomed = region is not None
            self._show_hint()
        if self.diagram is not None:
            self.diagram.set_selected(region)
            self.diagram.set_level(level)
        self.highlight = areas
        if self._body_map is not None:
            self._body_map.set_highlight(set(areas))

    def forget_pointer(self) -> None:
        """Nothing hovered (for the next person)."""
        if self.diagram is not None:
            self.diagram.reset()

    def _show_hint(self) -> None:
        """What to do with the drawing in view: the body map alone, a region large, or the
        whole spine."""
        if self.mode == "body" and not self.both and self.has_body_map:
            self.hint.setText(tr("Choose where you feel it to see which parts of the spine "
                                 "can send symptoms there."))
        elif self._zoomed:
            self.hint.setText(tr("Choose a bone, a disc or a nerve to learn about it."))
        else:
            self.hint.setText(tr("Choose a region of the spine to learn about it."))

    # -- which drawing, how wide ----------------------------------------------------------
    def show_views(self, both: bool, which: str) -> None:
        """Both drawings side by side, or ``which`` ('spine' or 'body') alone."""
        self.both, self.mode = both, which
        self._show_hint()
        both = both or not self.has_body_map
        if self.diagram is not None:
            self.diagram.setVisible(both or which == "spine")
        if self.has_body_map and (both or which == "body"):
            self.body_map.setVisible(True)
        elif self._body_map is not None:
            self._body_map.setVisible(False)

    def preferred_widths(self, height: int, tabs: int) -> tuple[int, int]:
        """The widths the spine and the body map ask for in a panel ``height`` tall with
        ``tabs`` pixels of tabs at its top (the hint below wraps at the panel's width:
        worked out once more at the width found)."""
        if self.diagram is None:
            return 300, 0
        margins = self.column.contentsMargins()
        sides = margins.left() + margins.right()
        chrome = margins.top() + margins.bottom() + 2 * self.column.spacing() + tabs
        least = self.hint.minimumHeight()  # (room kept for the kiosk's banner, say)
        hint = max(least, self.hint.fontMetrics().height())
        for _ in range(2):
            view = max(height - chrome - hint, 300)
            spine = max(300, self.diagram.preferred_width(view) + sides)
            hint = max(least, self.hint.heightForWidth(spine - sides))
        body = 0
        if self._body is not None:
            _, _, body_w, body_h = self._body.view_box
            body = round(body_w * view / body_h * 0.9) + self.views.spacing()
        return spine, body
