"""A kiosk reset leaves nothing of the last visitor: not on screen, not in the search box,
the clipboard or the search caches, and nothing they chose reaches the log."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from explorer.config import Config
from explorer.kiosk.controller import KioskController
from helpers import click_region, settled, show


@pytest.fixture
def kiosk(qtbot, qapp, make_window):
    window = make_window(shown=False)
    controller = KioskController(window, Config(kiosk=True, reduced_motion=True),
                                 idle_ms=60_000, warning_seconds=20)
    controller.install()
    show(qtbot, window)
    yield controller
    controller.uninstall()
    window.close()


def grab(qtbot, window):
    settled(qtbot, window)
    QApplication.processEvents()
    return window.grab().toImage()


def use_it(qtbot, window) -> None:
    """What a visitor might do: choose a region and a level, search, select text, enlarge."""
    click_region(qtbot, window, "lumbar")
    window.show_page(("disc", "L4-L5"))
    box = window.header.search
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    QTest.keyClicks(box, "bladder")
    box.selectAll()
    QGuiApplication.clipboard().setText("bladder", QClipboard.Mode.Clipboard)
    qtbot.mouseClick(window.header.bigger, Qt.MouseButton.LeftButton)
    window.session.show_drawing("body")


def test_a_reset_screen_is_pixel_identical_to_a_fresh_start(qtbot, kiosk):
    window = kiosk.window
    fresh = grab(qtbot, window)
    use_it(qtbot, window)
    assert grab(qtbot, window) != fresh
    kiosk.reset_session()
    after = grab(qtbot, window)
    if after != fresh:  # where they differ, to look at
        fresh.save("/tmp/privacy-fresh.png")
        after.save("/tmp/privacy-after.png")
    assert after == fresh


def test_the_search_box_keeps_no_text_history_or_selection(qtbot, kiosk):
    window = kiosk.window
    use_it(qtbot, window)
    box = window.header.search
    assert not box.hasSelectedText()  # never selected in a kiosk, so never in PRIMARY
    kiosk.reset_session()
    assert box.text() == "" and not box.isUndoAvailable() and not box.isRedoAvailable()
    assert QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard) == ""


def test_the_search_caches_forget_the_queries(qtbot, kiosk):
    window = kiosk.window
    use_it(qtbot, window)
    index = window.world.search_index(window.session.preferences.language)
    assert index._matches.cache_info().currsize > 0
    kiosk.reset_session()
    assert index._matches.cache_info().currsize == 0


def test_a_middle_click_never_pastes(qtbot, kiosk):
    box = kiosk.window.header.search
    QGuiApplication.clipboard().setText("last visitor", QClipboard.Mode.Clipboard)
    with qtbot.waitSignal(box.textChanged, timeout=300, raising=False) as blocker:
        qtbot.mouseClick(box, Qt.MouseButton.MiddleButton)
    assert not blocker.signal_triggered and box.text() == ""


def test_nothing_a_visitor_opens_reaches_the_log(qtbot, kiosk, caplog):
    window = kiosk.window
    caplog.set_level(logging.DEBUG)
    for query in ("muscle spasm", "diaphragm", "sciatica"):  # a topic, a muscle, a condition
        window.header.search.setText(query)
        page = settled(qtbot, window)
        for button in page.result_buttons():
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            window.session.open(("search", ""))
            page = settled(qtbot, window)
    words = ("spasm", "diaphragm", "sciatica", "muscle")
    assert [r.getMessage() for r in caplog.records
            if any(w in r.getMessage().lower() for w in words)] == []
