"""The panel beside the pages: the spine drawing and the body map.

On a wide window both stand side by side; otherwise two tabs ("Spine", "Body map") choose
one.  The body map is made the first time it is shown, so it costs nothing at start when
only the spine shows.  The panel shows what the session says (:meth:`DrawingPanel.show_marks`,
:meth:`DrawingPanel.show_drawing`), reports choices through signals and knows nothing of
pages.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from explorer.ui.drawings.spine import SpineDiagram
from explorer.model.i18n import tr
from explorer.model import Content, Drawing, kinds
from explorer.ui.theme import Theme
from explorer.ui.widgets import text_label

WIDE = 1500  # from this window width, the body map stands beside the spine


def short_name(kind: str, shape_id: str, name: str) -> str:
    """A level's name on its chip: "L4", "L4–L5", the root's "L4"; the sacrum and the
    coccyx by their names."""
    if kind == "disc":
        return shape_id.replace("-", "\u2013")
    if kind == "nerve":
        return shape_id.removeprefix("nerve-")
    return shape_id if shape_id[-1:].isdigit() else name


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
    drawing_chosen = Signal(str)  # "spine" or "body", from the tabs

    def __init__(self, drawing: Drawing | None, body_source: Callable[[], Drawing | None] | None,
                 theme: Theme, has_content: bool, parent: QWidget | None = None) -> None:
        """``body_source``: gives the body map's drawing when it is first needed."""
        super().__init__(parent)
        self.setObjectName("diagramPanel")
        self.theme = theme
        self._body_source = body_source if has_content else None
        self._body_map = None
        self.highlight: frozenset[str] = frozenset()
        self.area_names: dict[str, str] = {}
        self.mode = "spine"
        self.wide = False
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        tabs = QHBoxLayout()
        tabs.setSpacing(8)
        self.tabs: dict[str, QPushButton] = {}
        for key in ("spine", "body"):
            tab = QPushButton()
            tab.setObjectName("tabButton")
            tab.setCheckable(True)
            tab.setAutoExclusive(True)
            # toggled, not clicked: a screen reader's Toggle action must work too
            tab.toggled.connect(lambda on, k=key: self.drawing_chosen.emit(k) if on else None)
            tabs.addWidget(tab)
            self.tabs[key] = tab
        tabs.addStretch(1)
        self.tabs["spine"].setChecked(True)
        column.addLayout(tabs)
        self.views = QHBoxLayout()
        self.views.setSpacing(8)
        self.diagram: SpineDiagram | None = None
        if drawing is not None:
            self.diagram = SpineDiagram(drawing, theme)
            self.diagram.region_selected.connect(self.region_selected)
            self.diagram.level_selected.connect(self.level_selected)
            self.diagram.setEnabled(has_content)
            self.views.addWidget(self.diagram, 1)
        column.addLayout(self.views, 1)
        self.hint = text_label("", "diagramHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.hint)

    # -- words and looks ------------------------------------------------------------------
    def retranslate(self, content: Content | None) -> None:
        self.hint.setText(tr("Tap a region of the spine to learn about it."))
        self.tabs["spine"].setText(tr("Spine"))
        self.tabs["spine"].setAccessibleName(tr("Show the spine"))
        self.tabs["body"].setText(tr("Body map"))
        self.tabs["body"].setAccessibleName(tr("Show the body map"))
        if content is None:
            return
        self.area_names = {a.id: a.name for a in content.body_areas}
        if self.diagram is not None:
            self.diagram.setEnabled(True)
            self.diagram.set_labels({r.id: (r.name, r.medical_name) for r in content.regions},
                                    level_names(content))
        if self._body_map is not None:
            self._body_map.retranslate(self.area_names)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.diagram is not None:
            self.diagram.set_theme(theme)
        if self._body_map is not None:
            self._body_map.set_theme(theme)

    # -- the body map ---------------------------------------------------------------------
    @property
    def has_body_map(self) -> bool:
        return self._body_source is not None

    @property
    def body_drawing(self) -> Drawing | None:
        return self._body_source() if self._body_source is not None else None

    @property
    def body_map(self):
        """The body map, made the first time it is needed."""
        if self._body_map is None and self.has_body_map:
            from explorer.ui.drawings.bodymap import BodyMap

            body = BodyMap(self.body_drawing, self.theme)
            body.area_selected.connect(self.area_selected)
            body.retranslate(self.area_names)
            body.set_highlight(set(self.highlight))
            body.setVisible(False)
            self.views.addWidget(body, 1)
            self._body_map = body
        return self._body_map

    def show_marks(self, region: str | None, level: str | None, areas: frozenset[str]) -> None:
        """The selected region and level on the spine; where they may be felt on the body."""
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

    # -- which drawing, how wide ----------------------------------------------------------
    def show_drawing(self, which: str) -> None:
        """'spine' or 'body': which drawing shows when there is room for one."""
        self.mode = which
        tab = self.tabs[which]
        if not tab.isChecked():
            tab.blockSignals(True)  # showing, not choosing
            tab.setChecked(True)
            tab.blockSignals(False)  # (the other tab, auto-exclusive, unchecks itself)
        self._show()

    def fit(self, window: QSize, chrome_height: int) -> None:
        """Take the width the drawings need at the height left by the header and footer."""
        if self.diagram is None:
            return
        height = max(window.height() - chrome_height - self.hint.sizeHint().height() - 120, 300)
        width = self.diagram.preferred_width(height) + 16
        self.wide = self.has_body_map and window.width() >= WIDE
        if self.wide:
            _, _, body_w, body_h = self.body_drawing.view_box
            width += round(body_w * height / body_h * 0.9) + 8
        limit = 0.6 if self.wide else 0.45
        self.setFixedWidth(max(300, min(width, int(window.width() * limit))))
        self._show()

    def _show(self) -> None:
        both = self.wide or not self.has_body_map
        for tab in self.tabs.values():
            tab.setVisible(not both)
        if self.diagram is not None:
            self.diagram.setVisible(both or self.mode == "spine")
        if self.has_body_map and (self.wide or self.mode == "body"):
            self.body_map.setVisible(True)
        elif self._body_map is not None:
            self._body_map.setVisible(False)
