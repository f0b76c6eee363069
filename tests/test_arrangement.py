"""Layouts that adapt: the drawings beside the page when both have room, else one at a time
under tabs; a header that never wraps (what does not fit is in a "More" menu); a search hint
that fits; tabs as wide as their bold text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt

from explorer.ui.arrangement import NARROW_ABOVE_TEXT, TabButton, mode_for
from helpers import click_region, hint_cut, needed_width


def test_the_rule():
    assert mode_for(1280, 100, 500, True) == "side"
    assert mode_for(1280, 175, 300, True) == "narrow"  # large text: one at a time
    assert mode_for(900, 100, 500, True) == "narrow"  # the page would be too narrow
    assert mode_for(1920, 100, 500, True, 400) == "wide"  # the body map beside the spine too
    assert mode_for(1920, 100, 500, False, 0) == "side"  # (there is none)
    assert NARROW_ABOVE_TEXT == 150


def test_side_by_side_at_1024x768(qtbot, make_window):
    window = make_window(size=(1024, 768))
    assert window.arrangement.mode == "side"
    assert window.panel.isVisible() and window.router.isVisible()
    tabs = window.arrangement.tabs.buttons
    assert not tabs["page"].isVisible() and tabs["spine"].isVisible()


def test_at_large_text_the_page_and_the_drawings_take_turns(qtbot, make_window):
    window = make_window(size=(1280, 800))
    window.session.set_preferences(window.session.preferences._replace(text_size=200))
    qtbot.waitUntil(lambda: window.arrangement.mode == "narrow")
    tabs = window.arrangement.tabs.buttons
    assert all(tab.isVisible() for tab in tabs.values())
    assert window.panel.isVisible() and not window.router.isVisible()  # the spine first
    assert window.panel.width() > 1100  # full width, full height
    click_region(qtbot, window, "lumbar")  # a choice on the drawing: its page, in front
    assert window.router.isVisible() and not window.panel.isVisible()
    assert tabs["page"].isChecked()
    qtbot.mouseClick(tabs["spine"], Qt.MouseButton.LeftButton)
    assert window.panel.isVisible() and not window.router.isVisible()
    view = window.diagram
    qtbot.waitUntil(lambda: view.zoom_settled() and view.zoom.placed is not None)
    assert view.zoomed == "lumbar"  # the region large, its levels to choose
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.chip_point("L4"))
    assert window.session.page == ("vertebra", "L4") and window.router.isVisible()
    qtbot.mouseClick(tabs["body"], Qt.MouseButton.LeftButton)
    assert window.body_map.isVisible() and not window.router.isVisible()
    qtbot.mouseClick(tabs["page"], Qt.MouseButton.LeftButton)
    assert window.router.isVisible() and not window.panel.isVisible()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size, text_size", [((1024, 768), 100), ((1024, 768), 200),
                                             ((1280, 800), 150), ((1080, 1920), 200)])
def test_the_header_is_one_row_and_nothing_is_lost(qtbot, make_window, language, size,
                                                   text_size):
    window = make_window(size=size)
    window.session.set_preferences(window.session.preferences._replace(
        language=language, text_size=text_size))
    header = window.header
    qtbot.waitUntil(lambda: header.back.y() == header.search.y() or True)
    shown = [w for w in (header.back, header.home, header.search, header.title, header.smaller,
                         header.size_label, header.bigger, header.theme, header.more,
                         *header.language_buttons.values()) if w.isVisible()]
    middle = {w.geometry().center().y() for w in shown}
    assert max(middle) - min(middle) <= 2, "one row"
    assert header.height() <= max(w.height() for w in shown) + 20
    for widget in shown:
        assert header.rect().contains(widget.geometry()), widget.objectName()
    assert not hint_cut(header.search)
    # What had to go is one tap away, in the More menu
    hidden = [w for w in header.row.hidden if hasattr(w, "click")]
    if hidden:
        assert header.more.isVisible()
        header.row._fill_menu()
        actions = [a for a in header.row.menu.actions() if a.isEnabled() or not a.text()]
        assert len([a for a in header.row.menu.actions()]) >= len(hidden)
        larger = next((a for a in actions if header.bigger.text() in a.text()), None)
        if larger is not None and larger.isEnabled():
            before = window.session.preferences.text_size
            larger.trigger()
            assert window.session.preferences.text_size > before


def test_what_does_not_fit_is_pressed_from_the_more_menu(qtbot):
    from explorer.model.preferences import Preferences
    from explorer.ui.header import HeaderBar

    header = HeaderBar({"en": "English", "es": "Español"})
    qtbot.addWidget(header)
    header.resize(520, 80)
    header.show()
    header.show_state(Preferences(), can_go_back=True, speaking=False)
    qtbot.waitUntil(header.more.isVisible)
    assert not header.language_buttons["es"].isVisible()  # the last to go is gone too
    header.row._fill_menu()
    names = [a.text() for a in header.row.menu.actions()]
    assert "Español" in names and any("Larger text" in n for n in names)
    with qtbot.waitSignal(header.language_chosen) as chosen:
        next(a for a in header.row.menu.actions() if a.text() == "Español").trigger()
    assert chosen.args == ["es"]
    with qtbot.waitSignal(header.bigger_clicked):
        next(a for a in header.row.menu.actions() if "Larger text" in a.text()).trigger()
    header.resize(1900, 80)  # room again: back on the bar, no menu
    qtbot.waitUntil(lambda: header.language_buttons["es"].isVisible())
    assert not header.more.isVisible()


def test_the_search_hint_gets_shorter_rather_than_cut(qtbot, make_window):
    window = make_window(size=(1024, 768))
    box = window.header.search
    assert not hint_cut(box)
    wide = make_window(size=(1920, 1080)).header.search
    assert wide.placeholderText() == "Search: neck, L5, slipped disc…"
    assert not hint_cut(wide)


def test_a_checked_tab_has_room_for_its_bold_words(qtbot, make_window):
    window = make_window()
    window.session.set_language("es")
    tab = window.arrangement.tabs.buttons["body"]
    qtbot.mouseClick(tab, Qt.MouseButton.LeftButton)
    assert tab.isChecked() and tab.text() == "Mapa del cuerpo" and isinstance(tab, TabButton)
    qtbot.waitUntil(lambda: tab.width() + 1 >= needed_width(tab))  # once laid out again
    inside = QRect(tab.mapTo(window, QPoint(0, 0)), tab.size())
    assert window.rect().contains(inside)
