"""What a screen reader and a keyboard get, checked in-process on real widgets (fast, on every
machine).  ``test_atspi.py`` checks the same from outside, through the real AT-SPI bus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from explorer.config import Config, hash_pin
from explorer.kiosk.controller import KioskController
from explorer.kiosk.overlays import spoken_at
from explorer.ui.drawings.shapes import ShapeButton
from helpers import button_named, settled, show

Role = QAccessible.Role


def interface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def level_of(widget) -> int | None:
    return interface(widget).attributesInterface().attributeValue(QAccessible.Attribute.Level)


def test_a_page_is_a_document_of_headings_paragraphs_lists_and_links(qtbot, make_window,
                                                                      content):
    window = make_window()
    window.show_page(("condition", "sciatica"))
    page = settled(qtbot, window)
    sciatica = content.condition("sciatica")
    document = interface(page)
    assert document.role() == Role.Document
    assert document.text(QAccessible.Text.Name) == sciatica.name  # not the Home button's name
    assert interface(page.title).role() == Role.Heading and level_of(page.title) == 1
    labels = [lab for lab in page.body.findChildren(QLabel) if lab.isVisibleTo(page)]
    headings = [lab for lab in labels if interface(lab).role() == Role.Heading]
    names = {interface(h).text(QAccessible.Text.Name) for h in headings}
    boxes = [lab for lab in labels if lab.objectName() == "boxTitle"]
    assert "Common symptoms" in names and boxes
    assert {box.text()[2:] for box in boxes} <= names  # box titles, without their symbol
    assert all(level_of(h) == 2 for h in headings if h is not page.title)
    for label in labels:
        text = interface(label).textInterface()
        if text is not None and interface(label).role() != Role.Heading:
            spoken = text.text(0, text.characterCount())
            assert spoken and not any(symbol in spoken for symbol in "✚⚠☎›"), spoken
    items = [lab for lab in labels if interface(lab).role() == Role.ListItem]
    assert set(sciatica.symptoms) <= {interface(i).text(QAccessible.Text.Name) for i in items}
    assert interface(items[0].parentWidget()).role() == Role.List
    link = next(b for b in page.link_buttons if b.isVisible())
    assert interface(link).role() == Role.Link and interface(link).childCount() == 0
    assert interface(link).text(QAccessible.Text.Name) == link.text().rstrip("\u00a0›")


def test_a_focused_title_shows_it(qtbot, make_window):
    window = make_window()
    page = settled(qtbot, window)
    window.header.home.setFocus()
    qtbot.waitUntil(lambda: not page.title.hasFocus())
    before = page.title.grab().toImage()
    page.focus_title()
    qtbot.waitUntil(page.title.hasFocus)
    after = page.title.grab().toImage()
    changed = sum(before.pixel(x, y) != after.pixel(x, y)
                  for x in range(0, before.width(), 2) for y in range(before.height()))
    assert changed > 100  # a thick line in the focus colour under it


def test_return_and_keypad_enter_press_every_kind_of_button(qtbot, make_window):
    window = make_window()
    window.show_page(("region", "lumbar"))
    page = settled(qtbot, window)
    buttons = [window.header.home, window.arrangement.tabs.buttons["body"],
               window.diagram.buttons["cervical"],
               next(b for b in page.link_buttons if b.isVisible()),
               window.panel.marks.controls.mark]
    for button in buttons:
        for key, modifier in ((Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                              (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)):
            with qtbot.waitSignal(button.clicked, timeout=1000):
                qtbot.keyClick(button, key, modifier)


def test_the_level_table_is_one_tab_stop_moved_along_with_the_arrows(qtbot, make_window):
    window = make_window()
    window.show_page(("region", "lumbar"))
    page = settled(qtbot, window)
    l1 = button_named(page, "L1 vertebra")
    l1.setFocus()
    qtbot.keyClick(l1, Qt.Key.Key_Right)  # row by row: the bone, the disc below it, its roots
    assert QApplication.focusWidget() is button_named(page, "L1–L2 disc")
    stops = [b.accessibleName() for b in l1.arrow_group()
             if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == ["L1–L2 disc"]  # the one last used is the table's Tab stop
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert QApplication.focusWidget() is l1.arrow_group()[-1]
    assert l1.arrow_group()[-1].accessibleName() == "L5 nerve root"
    QApplication.focusWidget().focusNextChild()
    assert QApplication.focusWidget() is not None and \
        QApplication.focusWidget() not in l1.arrow_group()  # Tab leaves it


def unnamed_tab_stops(window) -> list[str]:
    """Widgets on screen that Tab can reach but that a screen reader could not name."""
    return [f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
            for w in window.findChildren(QWidget)
            if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not interface(w).text(QAccessible.Text.Name)]


def test_every_tab_stop_has_a_name_on_the_drawings_too(qtbot, make_window):
    """The drawings' views used to leave their viewports as Tab stops with no name."""
    window = make_window()
    assert not unnamed_tab_stops(window)
    window.session.show_drawing("spine")
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.region_point("lumbar"))
    qtbot.waitUntil(lambda: view.zoom_settled() and view.zoomed == "lumbar", timeout=3000)
    levels = [b for b in view.zoom.buttons["lumbar"].values() if b.isVisible()]
    assert levels and all(interface(b).text(QAccessible.Text.Name).endswith(", lower back")
                          for b in levels)
    assert not unnamed_tab_stops(window)
    window.session.show_drawing("body")
    assert window.body_map.isVisible() and not unnamed_tab_stops(window)


def test_the_body_map_is_one_tab_stop_right_after_the_spine(qtbot, make_window):
    window = make_window()
    window.show_page(("condition", "sciatica"))
    settled(qtbot, window)  # the page exists before the map is made
    window.session.show_drawing("body")
    areas = list(window.body_map.buttons.values())
    assert [b for b in areas if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == areas[:1]
    window.arrangement.tabs.buttons["body"].setFocus()
    QApplication.focusWidget().focusNextChild()
    assert QApplication.focusWidget() is areas[0]  # the map, then the page
    qtbot.keyClick(areas[0], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is areas[1]
    QApplication.focusWidget().focusNextChild()
    assert QApplication.focusWidget() is window.current_page()
    words = [w.text() for w in window.body_map.words.values()]
    assert {"Front view", "Back view", "Right", "Left"} <= set(words)
    assert all(interface(w).role() == Role.StaticText for w in window.body_map.words.values())


def test_the_mark_tool_comes_after_the_page_and_python_keeps_its_objects(qtbot, make_window):
    """The foot (the Mark tool) is the last Tab stop, after what a page builds later too; and
    ordering the Tab stops leaves Python's objects alone (walking the focus chain with
    PySide's nextInFocusChain() re-parented them: replacing the emergency box's list then
    invalidated the header's Print menu)."""
    window = make_window()
    for query in ("numb between my legs", "can't pee"):  # the emergency box's list changes
        window.header.search.clear()
        qtbot.keyClicks(window.header.search, query)
    page = window.current_page()
    page.complete()
    mark = window.panel.marks.controls.mark
    last = [b for b in page.findChildren(QAbstractButton) if b.isVisible()][-1]
    last.setFocus()
    last.focusNextChild()
    assert QApplication.focusWidget() is mark
    window.session.set_language("es")  # the header says everything again, Print's menu too
    assert window.header.print_action.text() == "Imprimir…"


def test_new_content_leaves_the_language_button_in_the_header_in_the_tab_order(
        qtbot, make_window, loaded):
    from explorer.model.world import World

    window = make_window()
    window.set_world(World(loaded))  # swapped whole, as a kiosk's new content or watch mode
    spanish = window.header.language_buttons["es"]  # made again for the new content
    spanish.setFocus()
    spanish.focusNextChild()
    # not the page, or last
    assert QApplication.focusWidget() is window.arrangement.tabs.buttons["spine"]


def test_focus_goes_to_the_new_title_only_when_it_was_in_the_old_page(qtbot, make_window):
    window = make_window()
    window.show_page(("region", "lumbar"))
    page = settled(qtbot, window)
    link = button_named(page, "Sciatica")
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    assert window.session.page == ("condition", "sciatica")
    assert QApplication.focusWidget() is window.current_page().title  # not lost, not random
    region = window.diagram.buttons["thoracic"]
    region.setFocus()
    qtbot.keyClick(region, Qt.Key.Key_Return)
    assert window.session.page == ("region", "thoracic")
    assert QApplication.focusWidget() is region  # still there, for the arrow keys
    assert region.isChecked() and not window.diagram.buttons["lumbar"].isChecked()
    window.header.back.setFocus()
    qtbot.keyClick(window.header.back, Qt.Key.Key_Return)
    assert window.session.page == ("condition", "sciatica")
    assert QApplication.focusWidget() is window.header.back  # the page is announced instead


def test_the_language_reaches_every_widget(qtbot, make_window):
    window = make_window()
    window.session.set_language("es")
    assert window.locale().language() == QLocale.Language.Spanish
    assert window.header.back.locale().language() == QLocale.Language.Spanish
    page = settled(qtbot, window)
    assert page.locale().language() == QLocale.Language.Spanish
    attributes = interface(page.title).attributesInterface()
    assert attributes.attributeValue(QAccessible.Attribute.Locale).language() == \
        QLocale.Language.Spanish


# -- the kiosk's overlays -------------------------------------------------------------------
@pytest.fixture
def kiosk(qtbot, make_window):
    """A kiosk window (staff PIN 2468, no idle timer of its own) and its controller, let go
    of after the test."""
    window = make_window(shown=False)
    controller = KioskController(window, Config(kiosk=True, pin_hash=hash_pin("2468")),
                                 idle_ms=10**7)
    controller.install()
    show(qtbot, window)
    yield window, controller
    controller.uninstall()


def test_focus_alone_never_changes_the_page_in_a_kiosk(qtbot, kiosk):
    window, controller = kiosk
    window.header.home.setFocus()
    qtbot.keyClick(window.header.home, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is controller.done_button  # "I'm done", by Home
    qtbot.keyClick(controller.done_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.header.search
    assert window.session.page == ("home", "")
    qtbot.mouseClick(window.header.search, Qt.MouseButton.LeftButton)
    assert window.session.page == ("search", "")  # a tap does (the on-screen keyboard)


def test_the_pin_pad_holds_the_focus_and_takes_digit_keys(qtbot, kiosk):
    window, controller = kiosk
    window.header.search.setFocus()
    pad = controller.pin_pad
    controller.open_pin_pad()
    assert QApplication.focusWidget() is pad.ok
    assert interface(pad).role() == Role.Dialog and interface(pad).state().modal
    host = interface(window.centralWidget())
    assert host.childCount() == 1 and host.child(0).object() is pad  # nothing behind
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert pad.isAncestorOf(QApplication.focusWidget())
    pad.ok.setFocus()
    qtbot.keyClicks(pad.ok, "13")
    assert pad.dots.accessibleName() == "2 digits entered"
    qtbot.keyClick(pad.ok, Qt.Key.Key_Backspace)
    assert pad.dots.accessibleName() == "1 digit entered"
    qtbot.keyClick(pad.ok, Qt.Key.Key_Backspace)
    with qtbot.waitSignal(pad.unlocked, timeout=3000):
        qtbot.keyClicks(pad.ok, "2468")
        qtbot.keyClick(pad.ok, Qt.Key.Key_Return)
    assert controller.staff_menu.isVisible()
    assert controller.staff_menu.isAncestorOf(QApplication.focusWidget())
    assert interface(window.centralWidget()).childCount() == 1
    back = button_named(controller.staff_menu, "Back to the explorer")
    qtbot.keyClick(back, Qt.Key.Key_Return)
    assert interface(window.centralWidget()).childCount() > 1  # all of it, again


def test_the_idle_question_holds_the_focus_and_gives_it_back(qtbot, kiosk):
    window, controller = kiosk
    window.header.search.setFocus()
    overlay = controller.idle_overlay
    overlay.open()
    assert interface(overlay).role() == Role.AlertMessage and interface(overlay).state().modal
    assert QApplication.focusWidget() is overlay.keep_button
    qtbot.keyClick(overlay.keep_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is overlay.keep_button  # the only way out is to answer
    assert "20 seconds" in interface(overlay).text(QAccessible.Text.Description)
    qtbot.keyClick(overlay.keep_button, Qt.Key.Key_Return)
    assert not overlay.isVisible() and QApplication.focusWidget() is window.header.search


def test_after_a_reset_the_focus_is_on_the_start_page(qtbot, kiosk):
    window, controller = kiosk
    window.show_page(("condition", "sciatica"))
    controller.idle_overlay.open()
    controller.reset_session()
    assert window.session.page == ("home", "")
    assert QApplication.focusWidget() is window.current_page().title


def test_the_countdown_is_spoken_at_steps_not_every_second():
    assert [s for s in range(20, 0, -1) if spoken_at(s, 20)] == [20, 10, 5]
    assert [s for s in range(45, 0, -1) if spoken_at(s, 45)] == [45, 40, 30, 20, 10, 5]


def test_a_region_button_is_named_as_its_label_reads(qtbot, make_window, content):
    window = make_window()
    lumbar = content.region("lumbar")
    button: ShapeButton = window.diagram.buttons["lumbar"]
    assert button.accessibleName() == f"{lumbar.name}, {lumbar.medical_name.lower()}"
    label = window.diagram.labels["lumbar"]
    assert (label.title, label.subtitle) == (lumbar.name, lumbar.medical_name)  # in that order
