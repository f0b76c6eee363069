"""Levels, the body map, the conditions library and search, used as a person uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from explorer.model.search import SearchIndex
from explorer.model.translations import localize
from explorer.ui.drawings.shapes import painter_path
from helpers import click_region, window_text

KEY_MUSCLES = {"nerve-C5": "biceps", "nerve-C6": "wrist_extensors", "nerve-C7": "triceps",
               "nerve-C8": "finger_flexors", "nerve-T1": "small_hand_muscles",
               "nerve-L2": "hip_flexors", "nerve-L3": "quadriceps", "nerve-L4": "ankle_lifters",
               "nerve-L5": "big_toe_lifter", "nerve-S1": "calf_muscles"}
DERMATOMES = {"nerve-C6": "hands_thumb_side", "nerve-C7": "hands_middle",
              "nerve-C8": "hands_little_finger_side", "nerve-T4": "chest", "nerve-T10": "belly",
              "nerve-L4": "inner_lower_legs", "nerve-L5": "feet_top",
              "nerve-S1": "feet_outer_and_heels"}


def tap(qtbot, view, point) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_every_vertebra_opens_its_level_with_a_second_tap(qtbot, make_window, content):
    window = make_window(size=(1280, 900))
    view = window.diagram
    for vertebra in content.vertebrae:
        qtbot.mouseClick(window.header.home, Qt.MouseButton.LeftButton)
        click_region(qtbot, window, vertebra.region)
        assert window.session.page == ("region", vertebra.region)
        tap(qtbot, view, view.level_point(vertebra.id))
        assert window.session.page == ("vertebra", vertebra.id), vertebra.id
        assert vertebra.nickname in window_text(qtbot, window)
        assert view.selected_region() == vertebra.region


def test_discs_and_nerve_roots_open_from_the_drawing_too(qtbot, make_window):
    window = make_window(size=(1280, 900))
    view = window.diagram
    for shape_id, kind, region in (("L4-L5", "disc", "lumbar"), ("nerve-C6", "nerve", "cervical"),
                                   ("C5-C6", "disc", "cervical")):
        window.show_page(("region", region))
        tap(qtbot, view, view.level_point(shape_id))
        assert window.session.page == (kind, shape_id)


def test_level_buttons_on_the_region_page(qtbot, make_window, content):
    """A table at a glance: one row per vertebra, the disc below it and its roots beside it;
    short names on the buttons, the full names for screen readers."""
    window = make_window()
    window.show_page(("region", "cervical"))
    page = window.current_page()
    qtbot.waitUntil(page.is_complete)
    names = [b.accessibleName() for b in page.link_buttons]
    assert [f"C{i} vertebra" for i in range(1, 8)] == [n for n in names if n.endswith("vertebra")]
    assert sum(1 for n in names if n.endswith("nerve root")) == 8  # 8 cervical nerves
    texts = {b.accessibleName(): b.text().replace("\u00a0›", "") for b in page.link_buttons}
    assert (texts["C6 vertebra"], texts["C5–C6 disc"], texts["C8 nerve root"]) == \
        ("C6", "C5–C6", "C8")
    table = page.findChild(QWidget, "levelTable")
    grid = table.layout()
    row_of = {grid.itemAt(i).widget().accessibleName(): grid.getItemPosition(i)[0]
              for i in range(grid.count()) if grid.itemAt(i).widget().accessibleName()}
    assert row_of["C7 vertebra"] == row_of["C7–T1 disc"]  # the disc below it, beside it
    c7_roots = next(grid.itemAt(i).widget() for i in range(grid.count())
                    if grid.getItemPosition(i)[:2] == (row_of["C7 vertebra"], 2))
    assert [b.accessibleName() for b in c7_roots.findChildren(QAbstractButton)] == \
        ["C7 nerve root", "C8 nerve root"]
    button = next(b for b in page.link_buttons if b.accessibleName() == "C6 nerve root")
    page.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.page == ("nerve", "nerve-C6")


@pytest.mark.parametrize("root_id", list(KEY_MUSCLES))
def test_key_muscle_levels_match_the_content(qtbot, make_window, content, root_id):
    root = content.get("nerve_roots", root_id)
    assert root.key_muscles[0] == KEY_MUSCLES[root_id]  # the ISNCSCI key muscle comes first
    window = make_window()
    window.show_page(("nerve", root_id))
    text = window_text(qtbot, window)
    assert root.name in text and root.movement in text and root.dermatome in text
    for muscle_id in root.key_muscles:
        muscle = content.get("muscles", muscle_id)
        assert muscle.name in text
    if root.reflex:
        assert root.reflex in text
    if root_id in DERMATOMES:
        assert DERMATOMES[root_id] in root.dermatome_areas


def test_anatomy_of_the_levels(content):
    roots = [n.id for n in content.nerve_roots]
    assert len(roots) == 31 and len([r for r in roots if r.startswith("nerve-C")
                                     and r[7:].isdigit()]) == 8
    assert len([v for v in content.vertebrae if v.region == "cervical"]) == 7
    assert content.get("discs", "L4-L5").presses_on == ("nerve-L5",)
    assert content.get("discs", "L5-S1").presses_on == ("nerve-S1",)
    assert content.get("discs", "C5-C6").presses_on == ("nerve-C6",)
    assert set(content.get("vertebrae", "C6").roots) == {"nerve-C6", "nerve-C7"}
    assert set(content.get("vertebrae", "T6").roots) == {"nerve-T5", "nerve-T6"}
    # The spinal cord ends around L1-L2: no cord problem at L2 or below.
    below = {f"L{i}" for i in range(2, 6)} | {"sacrum", "coccyx"} | \
        {f"L{a}-L{a + 1}" for a in range(2, 5)} | {"L5-S1"} | \
        {f"nerve-L{i}" for i in range(2, 6)} | {f"nerve-S{i}" for i in range(1, 6)} | {"nerve-Co1"}
    for kind in ("vertebrae", "discs", "nerve_roots"):
        for entry in getattr(content, kind):
            if entry.id in below:
                assert "cervical_myelopathy" not in entry.conditions, entry.id


def test_a_disc_page_says_which_root_it_presses_on(qtbot, make_window, content):
    window = make_window()
    window.show_page(("disc", "L4-L5"))
    text = window_text(qtbot, window)
    assert "L5 nerve root" in text
    assert content.get("discs", "L4-L5").summary in text


# -- the body map ----------------------------------------------------------------------------
def test_every_body_area_can_be_tapped(qtbot, make_window, content, loaded):
    window = make_window(size=(1280, 800))
    qtbot.mouseClick(window.arrangement.tabs.buttons["body"], Qt.MouseButton.LeftButton)
    body = window.body_map
    assert body.isVisible() and not window.diagram.isVisible()
    drawn = {(s.area, s.region) for s in loaded.body.shapes.values()}
    for area, view in sorted(drawn):
        tap(qtbot, body, body.point_in(area, view))
        assert window.session.page == ("area", area), (area, view)
        assert area in body.highlighted


def test_where_do_you_feel_it_round_trip(qtbot, make_window, content):
    window = make_window(size=(1280, 800))
    window.session.show_drawing("body")
    body = window.body_map
    tap(qtbot, body, body.point_in("hands_thumb_side", "front"))
    page = window.current_page()
    regions, roots = content.sources_of_area("hands_thumb_side")
    assert [r.id for r in regions] == ["cervical"]
    assert "nerve-C6" in [n.id for n in roots]
    text = window_text(qtbot, window)
    assert "not a diagnosis" in text
    neck = content.region("cervical")
    button = next(b for b in page.link_buttons if b.accessibleName().startswith(neck.name))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.page == ("region", "cervical")
    assert "hands_thumb_side" in window.body_map.highlighted  # the neck lights up the hand
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    assert window.session.page == ("area", "hands_thumb_side")


def test_warning_signs_where_they_apply(qtbot, make_window, content):
    window = make_window()
    window.show_page(("area", "saddle_area"))
    text = window_text(qtbot, window)
    for sign in content.warning_signs_of("conditions", "cauda_equina_syndrome")[:2]:
        assert sign.text in text
    window.show_page(("area", "hands_middle"))  # the neck's warning signs, not the saddle's
    text = window_text(qtbot, window)
    assert content.get("warning_signs", "neck_cord_signs").text in text
    assert "saddle" not in text.lower()
    window.show_page(("area", "calves"))  # a part of the legs: the legs' signs apply
    assert content.get("warning_signs", "both_legs").text in window_text(qtbot, window)


def test_left_and_right_are_the_patients_in_both_views(qtbot, make_window, loaded):
    window = make_window(size=(1920, 1080))  # wide: the body map stands beside the spine
    body = window.body_map
    assert body.isVisible() and window.diagram.isVisible()
    for view in ("front", "back"):
        shapes = [s for s in loaded.body.shapes.values() if s.region == view and s.side != "centre"]
        right = [body.mapFromScene(body.items_by_area[s.area][0].path().boundingRect().center()
                                   ).x() for s in shapes if s.side == "right"
                 and s.area == "hands_thumb_side"]
        right_x = body.label_side_x(view, "right")
        left_x = body.label_side_x(view, "left")
        if view == "front":  # facing us: the patient's right hand is on our left
            assert right_x < left_x
        else:  # from behind: the patient's right is on our right
            assert right_x > left_x
        assert body.texts[f"{view}-right"].text() == "Right"
        assert right
    # The shapes agree with the labels: in the front view the right-hand shape is on the left.
    centre = {view: [] for view in ("front", "back")}
    for shape in loaded.body.shapes.values():
        if shape.area == "hands_thumb_side":
            item = next(i for i in body.items_by_area[shape.area]
                        if i.path().boundingRect().center().x() == pytest.approx(
                            painter_path(shape.paths).boundingRect().center().x()))
            centre[shape.region].append((shape.side, body.mapFromScene(
                item.path().boundingRect().center()).x()))
    front = dict(centre["front"])
    back = dict(centre["back"])
    assert front["right"] < front["left"] and back["right"] > back["left"]


def test_selecting_a_level_lights_its_dermatome(qtbot, make_window, content):
    window = make_window(size=(1920, 1080))
    window.show_page(("nerve", "nerve-C7"))
    assert window.body_map.highlighted == content.felt_areas("nerve_roots", "nerve-C7")
    assert "hands_middle" in window.body_map.highlighted
    window.show_page(("region", "lumbar"))
    assert {"feet_top", "lower_back"} <= window.body_map.highlighted


# -- library and search ----------------------------------------------------------------------
def test_the_library_lists_every_condition_by_region(qtbot, make_window, content):
    window = make_window()
    window.show_page(("library", ""))
    page = window.current_page()
    names = {b.accessibleName() for b in page.link_buttons}
    assert names == {c.name for c in content.conditions}
    button = next(b for b in page.link_buttons if b.accessibleName() == "Scoliosis")
    page.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.page == ("condition", "scoliosis")


def synonyms(content):
    for kind in ("regions", "conditions", "muscles", "body_areas", "vertebrae", "discs",
                 "nerve_roots", "topics"):
        for entry in getattr(content, kind):
            for word in getattr(entry, "also_called", ()):
                yield kind, entry.id, word


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_synonym_in_the_content_finds_its_entry(loaded, language):
    content = localize(loaded.content, loaded.languages.get(language))
    index = SearchIndex(content)
    missed = []
    for kind, entry_id, word in synonyms(content):
        found = [(r.kind, r.id) for r in index.search(word)[:8]]
        if (kind, entry_id) not in found:
            missed.append((word, kind, entry_id, found[:3]))
    assert missed == []


@pytest.mark.parametrize(("query", "kind", "entry_id"), [
    ("slipped disc", "conditions", "herniated_disc"),
    ("pinched nerve", "conditions", "cervical_radiculopathy"),
    ("charley horse", "conditions", "muscle_spasm"),
    ("sciatica", "conditions", "sciatica"),
    ("lower back", "regions", "lumbar"),
    ("neck pain", "regions", "cervical"),
    ("SCIATICA", "conditions", "sciatica"),  # case
    ("sciatca", "conditions", "sciatica"),  # a small typo
    ("hernaited disc", "conditions", "herniated_disc"),  # letters swapped
    ("L4-L5", "discs", "L4-L5"),
    ("L5", "nerve_roots", "nerve-L5"),
])
def test_search_is_forgiving(content, query, kind, entry_id):
    found = [(r.kind, r.id) for r in SearchIndex(content).search(query)[:5]]
    assert (kind, entry_id) in found


def test_search_forgives_accents(loaded):
    index = SearchIndex(localize(loaded.content, loaded.languages["es"]))
    assert ("conditions", "sciatica") in [(r.kind, r.id) for r in index.search("ciatica")[:3]]
    assert ("conditions", "sciatica") in [(r.kind, r.id) for r in index.search("CIÁTICA")[:3]]


def test_typing_in_the_search_box(qtbot, make_window):
    window = make_window()
    window.show_page(("region", "thoracic"))
    qtbot.keyClicks(window.header.search, "slipped disc")
    assert window.session.page == ("search", "")
    page = window.current_page()
    names = [b.accessibleName() for b in page.result_buttons()]
    assert any(n.startswith("Herniated disc") for n in names)
    button = next(b for b in page.result_buttons()
                  if b.accessibleName().startswith("Herniated disc"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.page == ("condition", "herniated_disc")
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    assert window.session.page == ("region", "thoracic")


def test_kiosk_search_with_the_on_screen_keyboard_and_reset(qtbot, make_window):
    from explorer.config import Config
    from explorer.kiosk.controller import KioskController

    window = make_window()
    controller = KioskController(window, Config(kiosk=True), idle_ms=10**7)
    controller.install()
    window.show()  # new window flags: shown again, as the app does after installing
    qtbot.waitExposed(window)
    try:
        qtbot.mouseClick(window.header.search, Qt.MouseButton.LeftButton)
        assert window.session.page == ("search", "")
        page = window.current_page()
        from explorer.kiosk.keyboard import OnScreenKeyboard

        keyboard = page.findChild(OnScreenKeyboard)
        assert keyboard is not None and keyboard.isVisible()
        for letter in "SCIATICA":
            qtbot.mouseClick(keyboard.keys[letter], Qt.MouseButton.LeftButton)
        assert window.header.search.text() == "sciatica"
        assert any(b.accessibleName().startswith("Sciatica") for b in page.result_buttons())
        assert all(b.height() >= 44 for b in keyboard.keys.values())
        controller.reset_session()
        assert window.header.search.text() == ""
        assert window.session.page == ("home", "")
    finally:
        controller.uninstall()


# -- command line ----------------------------------------------------------------------------
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.parametrize(("item_id", "kind"), [("L5", "vertebra"), ("L4-L5", "disc"),
                                               ("nerve-L5", "nerve_root"),
                                               ("saddle_area", "body_area")])
def test_info_json_for_levels_and_body_areas(item_id, kind):
    done = subprocess.run([sys.executable, "-m", "explorer", "info", item_id, "--json"],
                          capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["id"] == item_id and data["kind"] == kind and data["name"]


@pytest.mark.parametrize("item_id", ["C6", "C5-C6", "nerve-C6", "hands_thumb_side"])
def test_select_accepts_levels_and_body_areas(tmp_path, item_id):
    shot = tmp_path / "shot.png"
    done = subprocess.run([sys.executable, "-m", "explorer", "--select", item_id,
                           "--screenshot", str(shot)], capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000
