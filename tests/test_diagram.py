"""The spine drawing as a person uses it: mouse, touch and keyboard."""

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from explorer.ui.drawings.spine import SpineDiagram

REGIONS = ["cervical", "thoracic", "lumbar", "sacral"]


@pytest.fixture
def diagram(qtbot, drawing, content):
    view = SpineDiagram(drawing)
    view.set_labels({r.id: (r.name, r.medical_name) for r in content.regions})
    qtbot.addWidget(view)
    view.resize(520, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def point_in(view: SpineDiagram, region: str) -> QPoint:
    return view.mapFromScene(view.inside_point(region))


def point_just_outside(view: SpineDiagram, region: str) -> tuple[QPoint, QPoint]:
    """A viewport point inside the region's bounding box but outside every shape, with an
    inside point a few pixels away: proof that hit-testing follows the curve."""
    box = view.mapFromScene(view.region_bounds(region)).boundingRect()
    for y in range(box.top() + 4, box.bottom() - 4, 3):
        for x in range(box.left(), box.right(), 2):
            here = QPoint(x, y)
            if view.region_at(here) is not None:
                continue
            for dx in (4, -4):
                near = QPoint(x + dx, y)
                if view.region_at(near) == region:
                    return here, near
    raise AssertionError(f"no outside point near {region}")


@pytest.mark.parametrize("region", REGIONS)
def test_a_click_inside_each_shape_selects_its_region(qtbot, diagram, region):
    with qtbot.waitSignal(diagram.region_selected) as blocker:
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton,
                         pos=point_in(diagram, region))
    assert blocker.args == [region]
    assert diagram.selected_region() is None  # the view only reports; the session selects


@pytest.mark.parametrize("region", REGIONS)
def test_a_click_just_outside_a_curved_shape_selects_nothing(qtbot, diagram, region):
    outside, inside = point_just_outside(diagram, region)
    with qtbot.assertNotEmitted(diagram.region_selected):
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=outside)
    assert diagram.selected_region() is None
    with qtbot.waitSignal(diagram.region_selected):
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=inside)


def test_every_vertebra_disc_and_nerve_selects_its_own_region(qtbot, diagram, drawing):
    from explorer.ui.drawings.shapes import inner_point, painter_path

    for shape in drawing.shapes.values():
        point = diagram.mapFromScene(inner_point(painter_path(shape.paths)))
        assert diagram.region_at(point) == shape.region, shape.id


def test_clicking_a_label_selects_its_region(qtbot, diagram):
    label = diagram.labels["thoracic"]
    centre = diagram.mapFromScene(label.pos())
    width, _ = label.size()
    with qtbot.waitSignal(diagram.region_selected) as blocker:
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton,
                         pos=centre - QPoint(int(width / 2), 0))
    assert blocker.args == ["thoracic"]


def test_hover_highlights_without_selecting(qtbot, diagram):
    with qtbot.assertNotEmitted(diagram.region_selected):
        qtbot.mouseMove(diagram.viewport(), point_in(diagram, "lumbar"))
        qtbot.waitUntil(lambda: diagram.hovered_region() == "lumbar")
    assert diagram.region_state("lumbar") == "hovered"
    assert diagram.region_state("cervical") == "plain"
    hovered = {item.brush().color().name() for item in diagram.items_by_region["lumbar"]}
    plain = {item.brush().color().name() for item in diagram.items_by_region["cervical"]}
    assert hovered.isdisjoint(plain)
    assert diagram.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor


def test_selection_is_shown_by_outline_and_pattern_not_colour_alone(qtbot, diagram):
    diagram.set_selected("cervical")
    selected = diagram.grab().toImage()
    assert diagram.region_state("cervical") == "selected"
    assert diagram.hatches["cervical"].isVisible()
    assert all(item.pen().widthF() > 2 for item in diagram.items_by_region["cervical"])
    assert diagram.labels["cervical"].selected
    diagram.set_selected(None)
    plain = diagram.grab().toImage()
    # Turned to grey, the selected picture still differs: outline and hatching, not hue.
    def grey(image, point):
        return image.pixelColor(point).lightness()
    box = diagram.mapFromScene(diagram.region_bounds("cervical")).boundingRect()
    differing = sum(
        1 for x in range(box.left(), box.right(), 2) for y in range(box.top(), box.bottom(), 2)
        if abs(grey(selected, QPoint(x, y)) - grey(plain, QPoint(x, y))) > 40)
    assert differing > 30


def test_keyboard_tab_in_arrows_and_enter(qtbot, drawing, content):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

    host = QWidget()
    before = QPushButton("Before", host)
    view = SpineDiagram(drawing)
    view.set_labels({r.id: (r.name, r.medical_name) for r in content.regions})
    layout = QVBoxLayout(host)
    layout.addWidget(before)
    layout.addWidget(view)
    qtbot.addWidget(host)
    host.resize(520, 800)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)  # Tab into the drawing
    assert view.focused_region() == "cervical"
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert view.focused_region() == "lumbar"
    assert all(item.pen().style() == Qt.PenStyle.DashLine  # a visible focus ring
               for item in view.items_by_region["lumbar"])
    with qtbot.waitSignal(view.region_selected) as blocker:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert blocker.args == ["lumbar"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    with qtbot.waitSignal(view.region_selected) as blocker:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert blocker.args == ["thoracic"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert view.focused_region() == "sacral"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # stays on the last one
    assert view.focused_region() == "sacral"


def test_regions_are_exposed_to_assistive_technology(qtbot, diagram, content):
    from PySide6.QtGui import QAccessible

    diagram.set_selected("lumbar")
    for region in content.regions:
        button = diagram.buttons[region.id]
        iface = QAccessible.queryAccessibleInterface(button)
        # In the order the label shows it: "Lower back, lumbar spine".
        assert iface.text(QAccessible.Text.Name) == \
            f"{region.name}, {region.medical_name[0].lower()}{region.medical_name[1:]}"
        assert iface.role() == QAccessible.Role.RadioButton  # one of four, one checked
        assert iface.state().focusable
        assert bool(iface.state().checked) == (region.id == "lumbar")
    diagram.set_selected("cervical")
    assert diagram.buttons["cervical"].isChecked() and not diagram.buttons["lumbar"].isChecked()
    diagram.set_selected(None)
    assert not any(button.isChecked() for button in diagram.buttons.values())
    view_iface = QAccessible.queryAccessibleInterface(diagram)
    assert view_iface.text(QAccessible.Text.Name) == "Spine drawing"
    names = set()
    def walk(iface, depth=0):
        for index in range(iface.childCount()):
            child = iface.child(index)
            names.add(child.text(QAccessible.Text.Name))
            if depth < 3:
                walk(child, depth + 1)
    walk(view_iface)
    assert {f"{r.name}, {r.medical_name.lower()}" for r in content.regions} <= names


def test_one_touch_tap_is_exactly_one_selection(qtbot, diagram):
    device = QTest.createTouchDevice()
    viewport = diagram.viewport()
    hits = []
    diagram.region_selected.connect(hits.append)
    point = point_in(diagram, "sacral")
    QTest.touchEvent(viewport, device).press(0, point, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, point, viewport).commit()
    qtbot.waitUntil(lambda: hits != [])
    assert hits == ["sacral"]


def test_the_drawing_keeps_its_aspect_ratio_when_resized(qtbot, diagram, drawing):
    heights = []
    for size in ((640, 900), (900, 500), (520, 760)):
        diagram.resize(*size)
        qtbot.waitUntil(lambda size=size: diagram.viewport().size().width() == size[0])
        transform = diagram.transform()
        assert transform.m11() == pytest.approx(transform.m22())  # no stretching
        column = QRectF()
        for region in REGIONS:
            column = column.united(diagram.region_bounds(region))
        on_screen = diagram.mapFromScene(column).boundingRect()
        assert diagram.viewport().rect().adjusted(-2, -2, 2, 2).contains(on_screen), size
        heights.append(on_screen.height())
    assert heights[0] > heights[2] > heights[1]  # it scales with the window


def test_labels_do_not_overlap_each_other_or_the_column(qtbot, diagram):
    def on_screen(item):  # labels keep their pixel size whatever the zoom
        return item.deviceTransform(diagram.viewportTransform()).mapRect(
            item.boundingRect()).toAlignedRect()
    rects = {r: on_screen(diagram.labels[r]) for r in REGIONS}
    for a in REGIONS:
        for b in REGIONS:
            if a < b:
                assert not rects[a].intersects(rects[b]), (a, b)
        for region in REGIONS:
            column = diagram.mapFromScene(diagram.region_bounds(region)).boundingRect()
            assert not rects[a].intersects(column), (a, region)
        assert diagram.viewport().rect().contains(rects[a])
