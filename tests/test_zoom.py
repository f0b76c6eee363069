"""The selected region comes up large: every bone, disc and nerve root a finger can press,
labelled, the whole spine small beside it; Back or a tap on the small spine goes back;
keyboard and screen readers reach the same levels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from explorer.model.preferences import Preferences
from explorer.ui.drawings.levelchips import TARGET_PX, spread
from explorer.ui.drawings.zoom import LevelButton
from helpers import click_region

REGIONS = ["cervical", "thoracic", "lumbar", "sacral"]
CERVICAL_CHIPS = {**{f"C{i}": f"C{i}" for i in range(1, 8)},
                  **{f"C{i}-C{i + 1}": f"C{i}–C{i + 1}" for i in range(2, 7)},
                  "C7-T1": "C7–T1", **{f"nerve-C{i}": f"C{i}" for i in range(1, 9)}}


def zoomed(qtbot, window, region: str):
    """Choose ``region`` on the drawing and wait until it is shown large."""
    window.session.show_drawing("spine")
    click_region(qtbot, window, region)
    window.session.show_drawing("spine")  # in front again, where the page and drawing take turns
    view = window.diagram
    qtbot.waitUntil(lambda: view.zoom_settled() and view.zoomed == region, timeout=3000)
    return view


def chip_rect(view, shape_id: str) -> QRectF:
    """Where a chip is drawn, in viewport pixels."""
    chip = view.zoom.chips[view.zoomed][shape_id]
    return chip.boundingRect().translated(view.viewportTransform().map(chip.scenePos()))


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1080, 1920)])
def test_every_level_of_the_region_is_labelled_and_a_finger_wide(qtbot, make_window, drawing,
                                                                 size):
    window = make_window(size=size)
    for region in REGIONS:
        view = zoomed(qtbot, window, region)
        room = view.viewport().rect()
        rects = {shape_id: chip_rect(view, shape_id) for shape_id in drawing.regions[region]}
        for shape_id, rect in rects.items():
            assert rect.height() >= TARGET_PX and rect.width() >= TARGET_PX, (shape_id, rect)
            assert QRectF(room).contains(rect), (shape_id, rect, room)
            assert view.zoom.chip_at(rect.center().toPoint()) == shape_id  # what a press hits
        boxes = list(rects.items())
        for i, (a, ra) in enumerate(boxes):
            for b, rb in boxes[i + 1:]:
                assert not ra.intersects(rb), (a, b)
    view = zoomed(qtbot, window, "cervical")
    assert {i: c.text for i, c in view.zoom.chips["cervical"].items()} == CERVICAL_CHIPS


def test_a_press_on_a_chip_or_on_the_shape_itself_opens_the_level(qtbot, make_window, content):
    window = make_window()
    for shape_id, page in (("L4", "vertebra"), ("L4-L5", "disc"), ("nerve-L5", "nerve")):
        view = zoomed(qtbot, window, "lumbar")
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.chip_point(shape_id))
        assert window.session.page == (page, shape_id)
        assert view.zoomed == "lumbar" and view.zoom.marked == shape_id
        window.show_page(("region", "lumbar"))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=view.level_point(shape_id))
        assert window.session.page == (page, shape_id)


def test_presses_are_tested_on_the_shapes_not_their_boxes(qtbot, make_window):
    """A press inside the zoomed region's box but on none of its shapes opens nothing."""
    window = make_window()
    view = zoomed(qtbot, window, "lumbar")
    box = view.mapFromScene(view.region_bounds("lumbar")).boundingRect()
    gap = next(QPoint(x, y) for y in range(box.top(), box.bottom(), 3)
               for x in range(box.left(), box.right(), 3)
               if view.region_at(QPoint(x, y)) is None and view.zoom.chip_at(QPoint(x, y)) is None
               and view.zoom.overview_hit(QPoint(x, y)) is None)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=gap)
    assert window.session.page == ("region", "lumbar")


def test_the_rest_of_the_spine_stays_small_and_a_tap_on_it_goes_back(qtbot, make_window):
    window = make_window()
    view = zoomed(qtbot, window, "thoracic")
    overview = view.zoom.overview
    assert overview.isVisible()
    for region in REGIONS:  # all four, inside the drawing
        assert view.viewport().rect().contains(view.zoom.overview_rect(region).toRect())
    # Another region on the small spine: that region, large
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.region_point("sacral"))
    assert window.session.page == ("region", "sacral")
    qtbot.waitUntil(lambda: view.zoom_settled() and view.zoomed == "sacral")
    # The region already large, or the words under it: the whole spine again
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.zoom.overview_rect("sacral").center().toPoint())
    qtbot.waitUntil(view.zoom_settled)
    assert view.zoomed is None and window.session.state.region is None
    assert window.session.page == ("region", "sacral")  # the page stays
    assert not overview.isVisible() and view.labels["sacral"].isVisible()


def test_back_goes_back_to_the_whole_spine(qtbot, make_window):
    window = make_window()
    view = zoomed(qtbot, window, "cervical")
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.zoom_settled)
    assert window.session.page == ("home", "") and view.zoomed is None
    assert all(label.isVisible() for label in view.labels.values())


def test_the_move_is_short_and_smooth(qtbot, make_window):
    window = make_window()
    view = window.diagram
    scales = []
    view.transition.animation.valueChanged.connect(lambda _t: scales.append(view.transform().m11()))
    before = view.transform().m11()
    click_region(qtbot, window, "lumbar")
    assert not view.zoom_settled()  # on its way
    qtbot.waitUntil(view.zoom_settled, timeout=2000)
    after = view.transform().m11()
    between = [s for s in scales if before < s < after]
    assert len(set(between)) >= 3  # through the sizes between, not a jump
    assert view.transition.animation.duration() <= 300  # a short move


def test_no_move_with_reduced_motion(qtbot, make_window):
    window = make_window(shown=False)
    window.session.set_preferences(Preferences(reduced_motion=True))
    window.show()
    qtbot.waitExposed(window)
    view = window.diagram
    click_region(qtbot, window, "lumbar")
    assert view.zoom_settled() and view.zoomed == "lumbar"  # there at once
    assert view.zoom.overview.isVisible()


def test_the_zoom_follows_the_session_and_a_reset_shows_the_whole_spine(qtbot, make_window):
    window = make_window()
    view = zoomed(qtbot, window, "lumbar")
    window.session.reset()
    assert view.zoomed is None and view.zoom_settled()
    assert not view.zoom.overview.isVisible()
    window.show_page(("disc", "C5-C6"))  # a level selects its region: that region large
    qtbot.waitUntil(lambda: view.zoom_settled() and view.zoomed == "cervical")
    assert view.zoom.marked == "C5-C6"


def test_levels_are_reached_by_arrow_keys(qtbot, make_window, drawing):
    window = make_window()
    view = zoomed(qtbot, window, "cervical")
    buttons = view.zoom.buttons["cervical"]
    stops = [b for b in buttons.values() if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert [b.key for b in stops] == ["C1"]  # one Tab stop for the group
    view.buttons["sacral"].setFocus()
    order = []
    for _ in range(2):
        QApplication.focusWidget().focusNextChild()
        order.append(getattr(QApplication.focusWidget(), "key", None))
    assert order == ["whole", "C1"]  # after the regions and the whole spine: the levels

    def press(key) -> str:
        qtbot.keyClick(QApplication.focusWidget(), key)
        return QApplication.focusWidget().key

    assert [press(Qt.Key.Key_Down) for _ in range(7)] == ["C2", "C3", "C4", "C5", "C6", "C7",
                                                          "C7"]
    assert press(Qt.Key.Key_Right) == "C7-T1"  # the disc at the same height
    assert press(Qt.Key.Key_Right) in ("nerve-C7", "nerve-C8")
    assert press(Qt.Key.Key_Home) == "nerve-C1"
    assert press(Qt.Key.Key_End) == "nerve-C8"
    reached = set()
    for column_start in ("C1", "C2-C3", "nerve-C1"):
        buttons[column_start].setFocus()
        reached.add(column_start)
        for _ in range(10):
            reached.add(press(Qt.Key.Key_Down))
    assert reached == set(drawing.regions["cervical"])
    buttons["C6"].setFocus()
    qtbot.keyClick(buttons["C6"], Qt.Key.Key_Return)
    assert window.session.page == ("vertebra", "C6")
    assert [b.key for b in buttons.values()
            if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == ["C6"]  # Tab comes back to it


@pytest.mark.parametrize("language, names", [
    ("en", {"L4": "L4 vertebra, lower back", "L4-L5": "L4–L5 disc, lower back",
            "nerve-L4": "L4 nerve root, lower back"}),
    ("es", {"L4": "Vértebra L4, espalda baja", "L4-L5": "Disco L4–L5, espalda baja",
            "nerve-L4": "Raíz nerviosa L4, espalda baja"}),
])
def test_screen_readers_hear_each_level_in_words_a_patient_knows(qtbot, make_window, language,
                                                                 names):
    window = make_window()
    window.session.set_language(language)
    view = zoomed(qtbot, window, "lumbar")
    for shape_id, name in names.items():
        button = view.zoom.buttons["lumbar"][shape_id]
        assert isinstance(button, LevelButton) and button.isVisible()
        iface = QAccessible.queryAccessibleInterface(button)
        assert iface.text(QAccessible.Text.Name) == name
        assert iface.role() == QAccessible.Role.Button
        drawn = chip_rect(view, shape_id).toRect()  # where the chip is (to the pixel)
        assert button.size() == drawn.size()
        assert (button.geometry().center() - drawn.center()).manhattanLength() <= 2
    whole = QAccessible.queryAccessibleInterface(view.zoom.whole)
    assert whole.text(QAccessible.Text.Name) == ("Whole spine" if language == "en"
                                                  else "Columna entera")


def test_spread_keeps_order_room_and_gaps():
    rows = spread([("a", 10, 44), ("b", 20, 44), ("c", 400, 44), ("d", 395, 44)], 0, 420)
    assert list(sorted(rows, key=rows.get)) == ["a", "b", "d", "c"]
    ordered = sorted(rows.values())
    assert ordered[0] - 22 >= 0 and ordered[-1] + 22 <= 420
    assert all(b - a >= 45 for a, b in zip(ordered, ordered[1:], strict=False))
