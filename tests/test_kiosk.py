"""Kiosk mode, driven like a waiting-room touchscreen: every guarantee has a test here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QHelpEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QToolTip

from explorer.app import apply_theme
from explorer.config import Config, hash_pin
from explorer.kiosk.controller import CORNER_PX, KioskController
from explorer.kiosk.pinguard import PinGuard
from explorer.ui.theme import DEFAULT
from helpers import click_region, show

PIN = "2468"
PIN_HASH = hash_pin(PIN)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def kiosk(qtbot, qapp, make_window, clock):
    """A main window in kiosk mode (1280x800, not full screen so tests can see it), with
    short idle times."""
    config = Config(kiosk=True, pin_hash=PIN_HASH)
    apply_theme(qapp, DEFAULT, config.effective_text_size() / 100, kiosk=True)
    window = make_window(shown=False)  # a kiosk locks the window down before showing it
    reloads = []
    controller = KioskController(window, config, idle_ms=60_000, warning_seconds=2, clock=clock,
                                 reload_content=lambda: reloads.pop(0) if reloads else [],
                                 guard=PinGuard(PIN_HASH, clock=clock))
    controller.reloads = reloads
    controller.install()
    show(qtbot, window)
    controller.idle.start()  # the idle time counts from when it is on screen (a slow machine
    # may take longer than the short idle time to show it)
    yield controller
    controller.uninstall()
    window.close()
    apply_theme(qapp, DEFAULT)


def idle_time_runs_out(kiosk) -> None:
    """As if nobody had touched the kiosk for its whole idle time (the fixture's idle time
    is long, so no test depends on how fast this machine is)."""
    kiosk.idle.timeout.emit()


def tap(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


# -- lock-down --------------------------------------------------------------------------------
BLOCKED = ["Alt+F4", "Esc", "Ctrl+Q", "Ctrl+W", "F11", "F1", "Alt+Left", "Alt+Home",
           "Ctrl+Alt+Del", "Meta+D", "Ctrl+Shift+Esc", "Alt+Tab", "Ctrl+P", "F5"]


@pytest.mark.parametrize("keys", BLOCKED)
def test_each_shortcut_is_swallowed(qtbot, kiosk, keys):
    window = kiosk.window
    fired = []
    action = QAction(window)
    action.setShortcut(QKeySequence(keys))
    action.triggered.connect(lambda: fired.append(keys))
    window.addAction(action)
    window.show_page(("region", "lumbar"))
    combo = QKeySequence(keys)[0]
    QTest.keyClick(window.focusWidget() or window, combo.key(), combo.keyboardModifiers())
    qtbot.wait(20)
    assert fired == []
    assert window.isVisible() and not window.isMinimized()
    assert window.session.page == ("region", "lumbar")  # Alt+Left did not go back either


def test_keys_for_using_the_app_still_work(qtbot, kiosk):
    window = kiosk.window
    first = window.diagram.buttons["cervical"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session.page == ("region", "thoracic")


def test_closing_does_nothing(qtbot, kiosk):
    window = kiosk.window
    assert window.close() is False
    qtbot.wait(20)
    assert window.isVisible()


def test_the_window_cannot_be_minimised(qtbot, kiosk):
    window = kiosk.window
    window.showMinimized()
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()


def test_no_context_menus(qtbot, kiosk):
    window = kiosk.window
    window.show_page(("region", "cervical"))
    label = window.current_page().findChildren(QLabel)[0]
    requested = []
    label.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    label.customContextMenuRequested.connect(requested.append)
    qtbot.mouseClick(label, Qt.MouseButton.RightButton)
    qtbot.wait(20)
    assert requested == []


def test_no_tooltips(qtbot, kiosk):
    button = kiosk.window.header.home
    button.setToolTip("A hint that would hang around")
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), button.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(button, event)
    qtbot.wait(20)
    assert not QToolTip.isVisible()


def test_no_text_can_be_selected_or_dragged(kiosk):
    for page_key in [("home", ""), ("region", "lumbar"), ("condition", "sciatica")]:
        kiosk.window.show_page(page_key)
        kiosk.window.current_page().complete()
        for label in kiosk.window.current_page().findChildren(QLabel):
            flags = label.textInteractionFlags()
            assert not flags & Qt.TextInteractionFlag.TextSelectableByMouse, label.text()[:30]
            assert not flags & Qt.TextInteractionFlag.LinksAccessibleByMouse, label.text()[:30]


def test_links_never_open_another_program(qtbot, kiosk, content):
    attempts = []
    kiosk.url_refuser.refused.connect(attempts.append)
    window = kiosk.window
    keys = [("home", "")] + [("region", r.id) for r in content.regions] + [
        ("condition", c.id) for c in content.conditions]
    for key in keys:  # tap every label on every page, sources included
        window.show_page(key)
        page = window.current_page()
        page.complete()
        for label in page.findChildren(QLabel):
            if label.isVisible() and label.text():
                page.ensureWidgetVisible(label)
                tap(qtbot, label)
    assert attempts == []
    # And if anything did ask the desktop to open a link, the kiosk refuses it.
    assert QDesktopServices.openUrl(QUrl("https://example.org/"))
    assert QDesktopServices.openUrl(QUrl("mailto:someone@example.org"))
    assert attempts == ["https://example.org/", "mailto:someone@example.org"]


# -- idle reset -------------------------------------------------------------------------------
def test_idle_warning_then_reset(qtbot, kiosk):
    window = kiosk.window
    click_region(qtbot, window, "lumbar")
    window.show_page(("condition", "sciatica"))
    overlay = kiosk.idle_overlay
    idle_time_runs_out(kiosk)
    assert overlay.isVisible()
    assert "Are you still there?" in overlay.question.text()
    assert "2 seconds" in overlay.countdown.text()
    assert overlay.keep_button.height() >= 44
    with qtbot.waitSignal(kiosk.session_reset, timeout=5000):
        pass
    assert not overlay.isVisible()
    assert window.session.page == ("home", "")
    assert not window.header.back.isEnabled()
    assert window.diagram.selected_region() is None
    assert window.current_page().verticalScrollBar().value() == 0
    assert kiosk.attract.isVisible() and kiosk.attract.text() == "Touch the spine to start"


def test_activity_postpones_the_reset(qtbot, kiosk):
    """Each touch or move starts the idle time again (waited on as a condition, not a
    guess at how long the machine takes)."""
    window = kiosk.window
    kiosk.idle.start(2000)
    click_region(qtbot, window, "cervical")
    for step in range(3):
        qtbot.waitUntil(lambda: kiosk.idle.remainingTime() < 1700)
        qtbot.mouseMove(window.diagram.viewport(), QPoint(10 + step, 20))
        assert kiosk.idle.remainingTime() > 1700  # started again
    assert not kiosk.idle_overlay.isVisible()
    assert window.session.page == ("region", "cervical")


def test_a_touch_on_the_question_keeps_the_session(qtbot, kiosk):
    window = kiosk.window
    click_region(qtbot, window, "thoracic")
    idle_time_runs_out(kiosk)
    assert kiosk.idle_overlay.isVisible()
    with qtbot.assertNotEmitted(kiosk.session_reset, wait=100):
        tap(qtbot, kiosk.idle_overlay, QPoint(10, 10))
    assert not kiosk.idle_overlay.isVisible()
    assert window.session.page == ("region", "thoracic")


def test_the_reset_closes_staff_panels_too(qtbot, kiosk):
    kiosk.open_pin_pad()
    with qtbot.waitSignal(kiosk.session_reset, timeout=1000):
        idle_time_runs_out(kiosk)
    assert not kiosk.pin_pad.isVisible()


def test_the_attract_state_is_still_with_reduced_motion(qtbot, make_window, clock):
    window = make_window(shown=False)
    controller = KioskController(window, Config(kiosk=True, reduced_motion=True), idle_ms=100,
                                 warning_seconds=1, clock=clock)
    controller.install()
    show(qtbot, window)
    try:
        controller.reset_session()
        assert controller.attract.isVisible() and not controller.attract.animating
    finally:
        controller.uninstall()
        window.close()


def test_the_attract_state_breathes_and_the_next_touch_starts(qtbot, kiosk):
    kiosk.reset_session()
    assert kiosk.attract.animating
    click_region(qtbot, kiosk.window, "sacral")
    assert not kiosk.attract.isVisible()
    assert kiosk.window.session.page == ("region", "sacral")


# -- staff exit -------------------------------------------------------------------------------
def corner_taps(qtbot, window, count: int) -> None:
    point = QPoint(window.width() - CORNER_PX // 2, CORNER_PX // 2)
    widget = window.childAt(point) or window
    for _ in range(count):
        tap(qtbot, widget, widget.mapFrom(window, point))


def enter_pin(qtbot, pad, digits: str) -> None:
    for digit in digits:
        tap(qtbot, pad.keys[digit])
    tap(qtbot, pad.keys["OK"])


def test_the_corner_gesture_opens_the_pin_pad(qtbot, kiosk, clock):
    corner_taps(qtbot, kiosk.window, 4)
    assert not kiosk.pin_pad.isVisible()
    clock.now += 5  # too slow: the count starts again
    corner_taps(qtbot, kiosk.window, 4)
    assert not kiosk.pin_pad.isVisible()
    corner_taps(qtbot, kiosk.window, 1)
    assert kiosk.pin_pad.isVisible()


def test_taps_elsewhere_do_not_open_it(qtbot, kiosk):
    for _ in range(6):
        tap(qtbot, kiosk.window.disclaimer)
    assert not kiosk.pin_pad.isVisible()


def test_wrong_then_right_pin(qtbot, kiosk):
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk.pin_pad, "1111")
    assert kiosk.pin_pad.isVisible()
    assert "not right" in kiosk.pin_pad.message.text()
    assert not kiosk.staff_menu.isVisible()
    enter_pin(qtbot, kiosk.pin_pad, PIN)
    assert not kiosk.pin_pad.isVisible()
    assert kiosk.staff_menu.isVisible()


def test_three_wrong_pins_lock_the_pad_for_a_minute(qtbot, kiosk, clock):
    kiosk.open_pin_pad()
    for _ in range(3):
        enter_pin(qtbot, kiosk.pin_pad, "0000")
    assert "Try again in 60 seconds" in kiosk.pin_pad.message.text()
    assert not kiosk.pin_pad.keys["1"].isEnabled()
    assert kiosk.guard.attempt(PIN) == "locked"  # even the right PIN, while locked
    clock.now += 61
    kiosk.pin_pad._show_lock()
    assert kiosk.pin_pad.keys["1"].isEnabled()
    enter_pin(qtbot, kiosk.pin_pad, PIN)
    assert kiosk.staff_menu.isVisible()


def test_reload_with_broken_content_keeps_the_current_content(qtbot, kiosk):
    window = kiosk.window
    before = window.content
    kiosk.reloads.append(["content/regions.yaml:3: YAML syntax error: something"])
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk.pin_pad, PIN)
    buttons = {b.accessibleName(): b for b in kiosk.staff_menu.findChildren(QAbstractButton)}
    tap(qtbot, buttons["Reload content"])
    assert window.content is before
    assert "regions.yaml:3" in kiosk.staff_menu.problems.text()
    assert "keeps the content it had" in kiosk.staff_menu.status.text()
    tap(qtbot, buttons["Back to the explorer"])
    assert not kiosk.staff_menu.isVisible()


def test_exit_from_the_staff_menu(qtbot, kiosk):
    kiosk.open_pin_pad()
    enter_pin(qtbot, kiosk.pin_pad, PIN)
    buttons = {b.accessibleName(): b for b in kiosk.staff_menu.findChildren(QAbstractButton)}
    with qtbot.waitSignal(kiosk.staff_exit) as blocker:
        tap(qtbot, buttons["Exit Spine Explorer"])
    assert blocker.args == [3]  # the systemd unit does not restart after this code
    assert not kiosk.hold.active  # and so the window may close now
    assert kiosk.window.close()


# -- touch and targets ------------------------------------------------------------------------
def test_one_touch_tap_in_kiosk_mode_is_one_selection(qtbot, kiosk):
    device = QTest.createTouchDevice()
    view = kiosk.window.diagram
    viewport = view.viewport()
    hits = []
    view.region_selected.connect(hits.append)
    point = view.mapFromScene(view.inside_point("lumbar"))
    QTest.touchEvent(viewport, device).press(0, point, viewport).commit()
    QTest.touchEvent(viewport, device).release(0, point, viewport).commit()
    qtbot.waitUntil(lambda: hits != [])
    assert hits == ["lumbar"]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # (offscreen)
def test_the_more_menus_items_are_at_least_44_px(qtbot, kiosk):
    header = kiosk.window.header
    kiosk.window.resize(1024, 768)
    while not header.row.more.isVisible():  # larger text: controls go into "More"
        qtbot.mouseClick(header.bigger, Qt.MouseButton.LeftButton)
    menu = header.row.menu
    qtbot.mouseClick(header.row.more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: menu.isVisible() and bool(menu.actions()))
    heights = {action.text(): menu.actionGeometry(action).height() for action in menu.actions()}
    menu.hide()
    assert heights and min(heights.values()) >= 44, heights

def test_every_tappable_thing_is_at_least_44_px(qtbot, kiosk, content):
    window = kiosk.window
    small = []
    keys = [("home", "")] + [("region", r.id) for r in content.regions] + [
        ("condition", c.id) for c in content.conditions]
    for key in keys:
        window.show_page(key)
        window.current_page().complete()
        qtbot.wait(1)
        for button in window.findChildren(QAbstractButton):
            if button.isVisible() and (button.width() < 44 or button.height() < 44):
                small.append((key, button.accessibleName(), button.size()))
        view = window.diagram  # a region large: its levels' chips, the small spine's regions
        window.session.show_drawing("spine")
        qtbot.waitUntil(view.zoom_settled)
        if view.zoomed is not None:
            for shape_id in view.zoom.chips[view.zoomed]:
                chip = view.zoom.chips[view.zoomed][shape_id]
                if min(chip.size()) < 44:
                    small.append((key, shape_id, chip.size()))
            for region in view.region_ids:
                band = view.zoom.overview_rect(region)
                if band.width() < 44 or band.height() < 44:
                    small.append((key, f"small spine {region}", band.size()))
    window.show_page(("home", ""))  # the whole spine
    window.session.show_drawing("spine")  # in front, where the page and drawing take turns
    qtbot.waitUntil(view.zoom_settled)
    for region in view.region_ids:
        box = view.mapFromScene(view.region_bounds(region)).boundingRect()
        item = view.labels[region]  # drawn at a fixed pixel size, whatever the zoom
        label = item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
        for name, rect in ((region, box), (f"label {region}", label)):
            if rect.width() < 44 or rect.height() < 44:
                small.append(("drawing", name, rect.size()))
    kiosk.open_pin_pad()
    for button in kiosk.pin_pad.findChildren(QAbstractButton):
        if button.width() < 44 or button.height() < 44:
            small.append(("pin pad", button.accessibleName(), button.size()))
    assert small == []


def test_reload_reads_the_clinic_folder_and_keeps_content_when_it_is_broken(
        qtbot, qapp, content_copy, tmp_path):
    """The staff menu's reload, end to end, on a real content folder on disk."""
    from explorer import app as app_module

    config = tmp_path / "config.yaml"
    config.write_text(f'kiosk: true\ncontent: {content_copy}\npin_hash: "{PIN_HASH}"\n')
    started = app_module.start(config_path=config)
    controller, window = started.kiosk, started.window
    qtbot.addWidget(window)
    try:
        show(qtbot, window)
        before = window.content
        regions = content_copy / "regions.yaml"
        good = regions.read_text(encoding="utf-8")
        regions.write_text(good.replace("  - id: lumbar\n", "  - id: lumbar\n    oops: 1\n"),
                           encoding="utf-8")
        controller.open_pin_pad()
        enter_pin(qtbot, controller.pin_pad, PIN)
        buttons = {b.accessibleName(): b
                   for b in controller.staff_menu.findChildren(QAbstractButton)}
        tap(qtbot, buttons["Reload content"])
        assert window.content is before  # kept
        assert "regions.yaml" in controller.staff_menu.problems.text()
        assert "unknown key 'oops'" in controller.staff_menu.problems.text()
        regions.write_text(good.replace("name: Lower back", "name: Low back"), encoding="utf-8")
        tap(qtbot, buttons["Reload content"])
        assert controller.staff_menu.status.text() == "Content reloaded."
        assert window.content.region("lumbar").name == "Low back"
        assert window.session.page == ("home", "")
    finally:
        controller.uninstall()
        window.close()
        apply_theme(qapp, DEFAULT)


def test_the_attract_banner_covers_nothing_a_person_needs(qtbot, kiosk):
    """It sits in room kept for it at the foot of the panel: the drawing, its labels and
    the tabs stay in view, and nothing moves when the next person touches the spine."""
    window = kiosk.window
    panel = window.panel
    kiosk.reset_session()
    qtbot.waitUntil(lambda: not panel.hint.isVisible())
    banner = kiosk.attract.geometry()
    drawing = window.diagram.geometry().translated(window.diagram.parentWidget().mapTo(
        panel, QPoint(0, 0)))
    assert not banner.intersects(drawing)
    for tab in window.arrangement.tabs.buttons.values():
        assert not banner.intersects(QRect(tab.mapTo(panel, QPoint(0, 0)), tab.size()))
    before = window.diagram.geometry()
    click_region(qtbot, window, "lumbar")
    qtbot.wait(50)
    assert panel.hint.isVisible() and not kiosk.attract.isVisible()
    assert window.diagram.geometry() == before


def test_an_empty_ok_is_not_a_try_on_the_pad(qtbot, kiosk):
    kiosk.open_pin_pad()
    for _ in range(5):
        tap(qtbot, kiosk.pin_pad.keys["OK"])
    assert kiosk.pin_pad.message.text() == "Enter the PIN first."
    assert kiosk.pin_pad.keys["1"].isEnabled() and kiosk.guard.locked_for() == 0
    enter_pin(qtbot, kiosk.pin_pad, PIN)
    assert kiosk.staff_menu.isVisible()


def test_the_second_lock_out_is_five_minutes(qtbot, kiosk, clock):
    kiosk.open_pin_pad()
    for _ in range(3):
        enter_pin(qtbot, kiosk.pin_pad, "0000")
    clock.now += 60
    kiosk.pin_pad._show_lock()
    for _ in range(3):
        enter_pin(qtbot, kiosk.pin_pad, "0000")
    assert kiosk.pin_pad.message.text() == "Too many wrong PINs. Try again in 5 minutes."
    assert not kiosk.pin_pad.keys["1"].isEnabled()


def test_the_pad_takes_at_most_eight_digits(qtbot, kiosk):
    kiosk.open_pin_pad()
    for _ in range(12):
        tap(qtbot, kiosk.pin_pad.keys["7"])
    assert kiosk.pin_pad.pin == "7" * 8


def test_a_bad_pin_hash_means_the_pad_says_a_pin_must_be_set(qtbot, qapp, tmp_path):
    from explorer import app as app_module

    config = tmp_path / "config.yaml"
    config.write_text('kiosk: true\npin_hash: "scrypt$1048576$8$1$AAAAAAAAAAAAAAAAAAAAAA==$'
                      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="\n')
    started = app_module.start(config_path=config)
    controller = started.kiosk
    qtbot.addWidget(started.window)
    try:
        assert [str(p).split(":")[1] for p in started.config_problems] == ["2"]
        show(qtbot, started.window)
        controller.open_pin_pad()
        no_pin = "No staff PIN is set. Set one with: spine-explorer set-pin"
        assert controller.pin_pad.message.text() == no_pin
        enter_pin(qtbot, controller.pin_pad, "1234")
        assert controller.pin_pad.message.text() == no_pin
        assert not controller.staff_menu.isVisible()
    finally:
        controller.uninstall()
        started.window.close()
        apply_theme(qapp, DEFAULT)


def test_the_app_keeps_the_staff_tries_beside_its_config(qtbot, qapp, tmp_path):
    from explorer import app as app_module

    config = tmp_path / "config.yaml"
    config.write_text(f'kiosk: true\npin_hash: "{PIN_HASH}"\n')
    for run in range(2):  # a start, three wrong PINs; a restart: still locked
        started = app_module.start(config_path=config)
        controller = started.kiosk
        qtbot.addWidget(started.window)
        try:
            show(qtbot, started.window)
            controller.open_pin_pad()
            if run == 0:
                for _ in range(3):
                    enter_pin(qtbot, controller.pin_pad, "0000")
            assert "Try again in" in controller.pin_pad.message.text()
            assert not controller.pin_pad.keys["1"].isEnabled()
        finally:
            controller.uninstall()
            started.window.close()
            apply_theme(qapp, DEFAULT)
    assert (tmp_path / "staff-pin-tries.json").exists()


# -- "I'm done" -------------------------------------------------------------------------------
def test_im_done_is_always_in_view_and_ends_the_session_at_once(qtbot, kiosk, content):
    """The next person in a queue never sees the last one's pages: one tap, the same reset
    as when idle, and the start page said to a screen reader."""
    window = kiosk.window
    kiosk.idle.start(60_000)  # (not the idle reset: this one)
    done = kiosk.done_button
    keys = [("home", ""), ("region", "lumbar"), ("condition", "sciatica"), ("disc", "L4-L5"),
            ("area", "feet_top"), ("library", ""), ("search", "")]
    for key in keys:  # on every kind of page, at every kiosk text size
        window.show_page(key)
        assert done.isVisible() and done.width() >= 44 and done.height() >= 44, key
        assert window.rect().contains(QRect(done.mapTo(window, QPoint(0, 0)), done.size()))
    window.session.set_preferences(window.session.preferences._replace(text_size=200,
                                                                       language="es"))
    assert done.isVisible() and done.accessibleName() == "Ya terminé"
    click_region(qtbot, window, "cervical")
    heard = []
    window.announced.connect(heard.append)
    with qtbot.waitSignal(kiosk.session_reset):
        tap(qtbot, done)
    assert window.session.state == window.session.fresh()  # as a new visitor finds it
    assert window.session.page == ("home", "") and window.diagram.zoomed is None
    assert kiosk.attract.isVisible()
    assert done.accessibleName() == "I'm done"  # back in the kiosk's language
    start = window.current_page().announcement()
    assert heard == [f"Everything is cleared for the next person. {start}"]
    title = window.current_page().findChild(QLabel, "pageTitle").text()
    assert start.startswith(title) and window.session.page == ("home", "")


def test_im_done_goes_with_the_kiosk(qtbot, kiosk):
    kiosk.uninstall()
    assert not kiosk.done_button.isVisible()
