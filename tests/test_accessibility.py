"""Every person can use it: keyboard, screen readers, large text, colours, motion, speech."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from explorer.model.preferences import Preferences
from explorer.ui.drawings.zoom import LevelButton
from explorer.ui.widgets import Button
from helpers import click_region, clipped_or_overlapping

KEYS = [("home", ""), ("region", "cervical"), ("region", "lumbar"), ("condition", "sciatica"),
        ("condition", "cauda_equina_syndrome")]


def settle(qtbot, window) -> None:
    page = window.current_page()
    qtbot.waitUntil(page.is_complete)
    qtbot.wait(5)


def test_every_control_has_a_name_and_a_role(qtbot, make_window, content):
    window = make_window()
    keys = KEYS + [("condition", c.id) for c in content.conditions]
    for key in keys:
        window.show_page(key)
        settle(qtbot, window)
        for button in window.findChildren(QAbstractButton):
            if not button.isVisible():
                continue
            iface = QAccessible.queryAccessibleInterface(button)
            assert iface.text(QAccessible.Text.Name).strip(), (key, button.text())
            # Buttons, links to other pages, one-of-a-group choices (the drawing's tabs and
            # regions: radio buttons), the Mark tool, a switch (on or off: a check box), and
            # Print's menu on a desktop.
            roles = (QAccessible.Role.Button, QAccessible.Role.RadioButton,
                     QAccessible.Role.Link,
                     *((QAccessible.Role.CheckBox,) if button.isCheckable() else ()),
                     *((QAccessible.Role.ButtonMenu,) if button.menu() else ()))
            assert iface.role() in roles, (key, button.accessibleName())
            # Reached with Tab, or with the arrow keys from its group's one Tab stop (the
            # levels of the zoomed region too: test_levels_are_reached_by_arrow_keys).
            group = button.arrow_group() if isinstance(button, Button) else [button]
            assert any(b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in group) or \
                isinstance(button, LevelButton), button.accessibleName()


def tab_order(window, start: QWidget, limit: int = 80) -> list[str]:
    names, widget = [], start
    widget.setFocus()
    for _ in range(limit):
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is None:
            break
        name = focused.accessibleName() or type(focused).__name__
        if names and name == names[0]:
            break
        names.append(name)
        focused.focusNextChild()
    return names


def test_everything_is_reachable_by_tab_in_a_logical_order(qtbot, make_window, content):
    window = make_window()
    window.show_page(("region", "lumbar"))
    settle(qtbot, window)
    order = tab_order(window, window.header.back)
    regions = [f"{r.name}, {r.medical_name.lower()}" for r in content.regions]
    conditions = [c.name for c in content.conditions_of("lumbar")]
    back = order.index("Back")
    assert order.index("Home") > back
    # The four regions are one Tab stop: the one shown (the arrow keys reach the others).
    assert [name for name in order if name in regions] == ["Lower back, lumbar spine"]
    region = order.index("Lower back, lumbar spine")
    assert order.index("Show the spine") < region  # the drawing's tabs stand above it
    assert all(order.index(c) > region for c in conditions)  # then the page
    assert order.index("Larger text") < region  # header first
    # The foot (the Mark tool) comes last, after all the page, what it built later too.
    assert order[-1] == "Mark the drawing" and "L1 vertebra" in order  # a level, built later
    assert "Smaller text" not in order  # disabled at 100 %: skipped, as it should be


def test_focus_is_clearly_visible(qtbot, make_window):
    window = make_window()
    button = window.header.home
    window.header.theme.setFocus()
    qtbot.waitUntil(lambda: not button.hasFocus())
    before = button.grab().toImage()
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    after = button.grab().toImage()
    changed = sum(1 for x in range(0, before.width(), 2) for y in range(0, before.height(), 2)
                  if before.pixel(x, y) != after.pixel(x, y))
    assert changed > 40  # a thick ring, not a dotted hint


def header_problems(window) -> list[str]:
    problems = []
    items = [w for w in window.header.findChildren(QWidget)
             if w.isVisible() and isinstance(w, (QLabel, QAbstractButton))]
    for i, a in enumerate(items):
        ra = QRect(a.mapTo(window, QPoint(0, 0)), a.size())
        if not window.rect().contains(ra):
            problems.append(f"{a.accessibleName() or a.text()} outside the window")
        if isinstance(a, QAbstractButton) and a.width() + 1 < a.sizeHint().width():
            problems.append(f"{a.text()} clipped")
        for b in items[i + 1:]:
            rb = QRect(b.mapTo(window, QPoint(0, 0)), b.size())
            if ra.intersects(rb):
                problems.append(f"{a.text()} overlaps {b.text()}")
    return problems


@pytest.mark.parametrize("size", [100, 150, 200])
def test_text_size_reflows_without_clipping_at_1024x768(qtbot, make_window, size):
    window = make_window(size=(1024, 768))
    for _ in range((size - 100) // 25):
        qtbot.mouseClick(window.header.bigger, Qt.MouseButton.LeftButton)
    assert window.session.preferences.text_size == size
    assert window.header.size_label.text() == f"{size}%"
    for key in KEYS:
        window.show_page(key)
        settle(qtbot, window)
        assert clipped_or_overlapping(window) == [], (size, key)
        assert header_problems(window) == [], (size, key)
        body = window.current_page().findChildren(QLabel)[1]
        assert body.font().pixelSize() >= round(16 * size / 100) or size == 100
    # The drawing keeps its room: a usable panel, the whole column visible.
    window.show_page(("home", ""))
    window.session.show_drawing("spine")  # (in front, where the page and drawing take turns)
    view = window.diagram
    qtbot.waitUntil(view.zoom_settled)
    assert window.panel.width() >= 300
    column = view.mapFromScene(view.region_bounds("cervical").united(
        view.region_bounds("sacral"))).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(column)
    assert column.height() > 250


def test_text_size_buttons_stop_at_100_and_200(qtbot, make_window):
    window = make_window()
    assert not window.header.smaller.isEnabled()
    for _ in range(6):
        if window.header.bigger.isEnabled():
            qtbot.mouseClick(window.header.bigger, Qt.MouseButton.LeftButton)
    assert window.session.preferences.text_size == 200 and not window.header.bigger.isEnabled()


def test_the_colour_button_cycles_the_three_themes(qtbot, make_window):
    window = make_window()
    names = []
    for _ in range(3):
        qtbot.mouseClick(window.header.theme, Qt.MouseButton.LeftButton)
        names.append(window.session.preferences.theme)
        assert window.diagram.theme.name == window.session.preferences.theme
    assert names == ["dark", "high-contrast", "default"]


def test_themes_change_what_is_drawn(qtbot, make_window):
    window = make_window()

    def page_background():  # in the page's left margin, where no words are
        page = window.current_page()
        point = page.viewport().mapTo(window, QPoint(8, page.viewport().height() // 2))
        return window.grab().toImage().pixelColor(point)

    light = page_background()
    window.session.set_preferences(window.session.preferences._replace(theme="high-contrast"))
    qtbot.wait(10)
    black = page_background()
    assert light.lightness() > 200 and black.lightness() < 30


def test_preferences_come_back_to_the_defaults_at_a_kiosk_reset(qtbot, make_window):
    from explorer.config import Config
    from explorer.kiosk.controller import KioskController

    window = make_window()
    controller = KioskController(window, Config(kiosk=True), idle_ms=10**7)
    window.session.set_preferences(Preferences(language="es", text_size=175, theme="dark"))
    controller.reset_session()
    assert window.session.preferences == window.session.defaults == Preferences()


# -- read aloud (Qt's mock speech engine) -----------------------------------------------------
@pytest.fixture
def reader(qtbot):
    from explorer.ui.speech import Reader

    speech = Reader("mock")
    if not speech.available:
        pytest.skip("QtTextToSpeech with its mock engine is not installed (pip install .[speech])")
    return speech


@pytest.fixture
def speaking_window(make_window, reader):
    window = make_window()
    reader.setParent(window)  # goes with the window
    window.read_aloud.set_reader(reader)
    return window


def test_read_aloud_reads_the_page_and_can_be_stopped_and_repeated(qtbot, speaking_window,
                                                                   reader, content):
    window = speaking_window
    window.show_page(("region", "cervical"))
    button = window.header.speak
    assert button.isVisible() and button.accessibleName() == "Read aloud"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reader.speaking)
    assert reader.language == "en"
    assert content.region("cervical").summary in window.current_page().spoken_text()
    assert button.accessibleName() == "Stop reading"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not reader.speaking)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # and again
    qtbot.waitUntil(lambda: reader.speaking)
    reader.stop()


def test_reading_on_announces_a_selected_region(qtbot, speaking_window, reader, content):
    window = speaking_window
    qtbot.mouseClick(window.header.speak, Qt.MouseButton.LeftButton)
    said = []
    original = reader.read
    reader.read = lambda text, language: (said.append((text, language)),
                                          original(text, language))
    click_region(qtbot, window, "lumbar")
    lumbar = content.region("lumbar")
    assert said and said[-1][0].startswith(f"{lumbar.name} — {lumbar.medical_name.lower()}")
    window.session.set_preferences(window.session.preferences._replace(language="es"))
    click_region(qtbot, window, "sacral")
    assert said[-1][1] == "es"  # read in the page's language
    reader.stop()


def test_the_kiosk_reset_brings_the_volume_back(qtbot, speaking_window, reader):
    from explorer.config import Config
    from explorer.kiosk.controller import KioskController
    from explorer.ui.speech import DEFAULT_VOLUME

    controller = KioskController(speaking_window, Config(kiosk=True), idle_ms=10**7)
    reader.set_volume(0.2)
    controller.reset_session()
    assert reader.volume() == pytest.approx(DEFAULT_VOLUME, abs=0.01)


def test_no_engine_means_no_button(make_window):
    from explorer.ui.speech import Reader

    window = make_window()
    window.read_aloud.set_reader(Reader("no-such-engine"))
    assert not window.read_aloud.reader.available
    assert not window.header.speak.isVisible()
