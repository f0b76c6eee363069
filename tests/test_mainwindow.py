"""The whole window, driven as a person drives it, on the real shipped content."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QLabel

from explorer.ui.pages.condition import ConditionPage
from explorer.ui.pages.home import HomePage
from explorer.ui.pages.problems import ProblemsPage
from explorer.ui.pages.region import RegionPage
from helpers import button_named, click_region, clipped_or_overlapping, page_text, settled

REGIONS = ["cervical", "thoracic", "lumbar", "sacral"]


def scroll_to_and_click(qtbot, page, button):
    page.ensureWidgetVisible(button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("region_id", REGIONS)
def test_clicking_a_region_shows_its_muscles_areas_and_conditions(qtbot, make_window, content,
                                                                   region_id):
    window = make_window()
    click_region(qtbot, window, region_id)
    page = settled(qtbot, window)
    assert isinstance(page, RegionPage) and page.region_id == region_id
    region = content.region(region_id)
    text = page_text(page)
    assert region.name in text and region.medical_name.lower() in text
    assert region.bones in text
    for area in content.body_areas_of(region):
        assert area.name in text
    for muscle in content.muscles_of(region):
        assert muscle.name in text and muscle.does in text
    shown = [b.accessibleName() for b in page.conditions.findChildren(QAbstractButton)]
    assert shown == [c.name for c in content.conditions_of(region_id)]
    assert region.summary in text
    assert window.diagram.selected_region() == region_id


@pytest.mark.parametrize("region_id", REGIONS)
def test_the_first_screen_of_a_region_page_has_its_emergency_signs_at_1280x800(
        make_window, content, region_id):
    """A patient who stops at a region sees what needs emergency care without scrolling."""
    window = make_window(size=(1280, 800))
    window.show_page(("region", region_id))
    page = window.current_page()
    assert page.verticalScrollBar().value() == 0
    box = page.body.findChild(QFrame, "emergencyBox")
    assert box is not None and box.isVisible(), region_id
    bottom = box.mapTo(page.viewport(), QPoint(0, box.height()))
    assert page.viewport().rect().contains(bottom), (region_id, bottom)
    emergency = [s.text for s in content.warning_signs_of("regions", region_id)
                 if s.level == "emergency"]
    assert emergency and all(text in page_text(box) for text in emergency)


def test_a_condition_opens_and_its_regions_can_be_chosen(qtbot, make_window, content):
    window = make_window()
    click_region(qtbot, window, "lumbar")
    region_page = window.current_page()
    scroll_to_and_click(qtbot, region_page, button_named(region_page, "Sciatica"))
    page = settled(qtbot, window)
    assert isinstance(page, ConditionPage) and page.condition_id == "sciatica"
    sciatica = content.condition("sciatica")
    text = page_text(page)
    for item in (*sciatica.symptoms, *sciatica.causes, *sciatica.helps, *sciatica.see_doctor):
        assert item in text
    assert sciatica.what in text
    regions = [b.accessibleName() for b in page.link_buttons]
    assert regions == [f"{r.name} ({r.medical_name})" for r in content.regions_of(sciatica)]
    sacral = content.region("sacral")
    scroll_to_and_click(qtbot, page, button_named(page, f"{sacral.name} ({sacral.medical_name})"))
    assert window.session.page == ("region", "sacral")
    assert window.diagram.selected_region() == "sacral"


def test_back_and_home_return_to_where_the_person_was(qtbot, make_window):
    window = make_window()
    assert not window.header.back.isEnabled()
    click_region(qtbot, window, "cervical")
    page = window.current_page()
    scroll_to_and_click(qtbot, page, button_named(page, "Whiplash"))
    assert window.session.page == ("condition", "whiplash")
    condition_page = settled(qtbot, window)
    condition_page.verticalScrollBar().setValue(condition_page.verticalScrollBar().maximum())
    scrolled = condition_page.verticalScrollBar().value()
    qtbot.mouseClick(window.header.home, Qt.MouseButton.LeftButton)
    assert window.session.page == ("home", "")
    assert isinstance(window.current_page(), HomePage)
    assert window.diagram.selected_region() is None
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    assert window.session.page == ("condition", "whiplash")
    assert window.current_page().verticalScrollBar().value() == scrolled  # same place on it
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    assert window.session.page == ("region", "cervical")
    assert window.diagram.selected_region() == "cervical"
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    assert window.session.page == ("home", "")
    assert not window.header.back.isEnabled()


def test_keyboard_shortcuts_for_back_and_home(qtbot, make_window):
    window = make_window()
    window.show_page(("region", "thoracic"))
    window.show_page(("condition", "kyphosis"))
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.session.page == ("region", "thoracic")
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.session.page == ("home", "")


def test_keyboard_only_selection_in_the_window(qtbot, make_window, content):
    window = make_window()
    first = window.diagram.buttons["cervical"]
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.session.page == ("region", "thoracic")
    assert content.region("thoracic").name in page_text(window.current_page())


def test_home_page_teaches_about_muscle_spasms(qtbot, make_window, content):
    window = make_window()
    text = page_text(settled(qtbot, window))
    topic = content.topics[0]
    assert topic.title == "Muscle spasms"
    for section in topic.sections:
        assert section.heading in text
        for item in section.items:
            assert item in text
    for words in ("asthma", "caffeine", "potassium", "twitch", "bladder", "saddle"):
        assert words in text.lower() or words in text
    signs = [content.get("warning_signs", s) for s in topic.sections[-1].warning_signs]
    assert all(sign.text in text for sign in signs)


def test_the_disclaimer_is_visible_on_every_page(qtbot, make_window, content):
    window = make_window()
    keys = [("home", "")] + [("region", r.id) for r in content.regions] + [
        ("condition", c.id) for c in content.conditions]
    for key in keys:
        window.show_page(key)
        assert window.disclaimer.isVisible(), key
        assert "not a diagnosis" in window.disclaimer.text()
        assert window.rect().contains(
            QRect(window.disclaimer.mapTo(window, QPoint(0, 0)), window.disclaimer.size()))


def test_every_condition_page_says_when_to_see_a_doctor(qtbot, make_window, content):
    window = make_window()
    for condition in content.conditions:
        window.show_page(("condition", condition.id))
        text = page_text(settled(qtbot, window))
        assert "Make an appointment with your doctor" in text, condition.id
        for item in condition.see_doctor:
            assert item in text


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800), (1920, 1080)])
def test_nothing_isclipped_or_overlapping(qtbot, make_window, content, size):
    window = make_window(size=size)
    keys = [("home", ""), *[("region", r) for r in REGIONS], ("condition", "herniated_disc"),
            ("condition", "cauda_equina_syndrome")]
    for key in keys:
        window.show_page(key)
        settled(qtbot, window)
        qtbot.wait(1)
        assert clipped_or_overlapping(window) == [], key


def test_body_text_is_at_least_16px(make_window):
    window = make_window()
    window.show_page(("region", "lumbar"))
    for label in window.current_page().findChildren(QLabel):
        assert label.font().pixelSize() >= 16 or label.font().pointSizeF() * 96 / 72 >= 16, \
            label.objectName()


def test_broken_content_opens_on_a_page_listing_the_problems(qtbot, make_window, content_copy):
    (content_copy / "muscles.yaml").write_text("muscles:\n  - id: [\n", encoding="utf-8")
    window = make_window(content_dir=content_copy)
    page = window.current_page()
    assert isinstance(page, ProblemsPage)
    assert "muscles.yaml:" in page_text(page)
    assert not window.diagram.isEnabled()
    click_region(qtbot, window, "lumbar")  # nothing happens, nothing breaks
    assert isinstance(window.current_page(), ProblemsPage)


def test_below_the_fold_is_built_just_after_the_first_frame(qtbot, make_window, content):
    """Pages build what the first screen does not show on the next turn of the event
    loop, after painting: start-up and first visits stay fast, and nothing is lost."""
    window = make_window()
    window.show_page(("region", "cervical"))
    page = window.current_page()
    assert not page.is_complete()
    assert content.region("cervical").summary not in page_text(page)
    qtbot.waitUntil(page.is_complete)
    assert content.region("cervical").summary in page_text(page)


def test_building_the_rest_leaves_no_squeezed_frame(qtbot, make_window):
    """The deferred part is laid out at once: the very next frame shows the page whole."""
    window = make_window()
    window.show_page(("region", "lumbar"))
    page = window.current_page()
    page.viewport().repaint()  # its first frame, painted now, without running the event loop
    assert not page.is_complete()
    page.complete()  # what the event loop would do next
    body = page.body
    assert body.height() >= body.layout().totalHeightForWidth(body.width())
    assert [w.text()[:20] for w in page.findChildren(QLabel) if not w.isVisible()] == []
    assert clipped_or_overlapping(window) == []
