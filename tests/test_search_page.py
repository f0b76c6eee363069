"""The search page as a person uses it: typing, the emergency box, the count a screen reader
hears, nothing found, and a tap on every kind of result (every muscle too)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from explorer.model.kinds import page_key


def type_query(qtbot, window, text: str):
    window.header.search.clear()
    qtbot.keyClicks(window.header.search, text)
    page = window.current_page()
    page.complete()
    return page


def signs_shown(page) -> list[str]:
    """The emergency box's signs, a list item each, as a screen reader finds them."""
    return [item.accessibleName() for item in page.emergency_items.findChildren(QLabel)]


def test_an_emergency_sign_shows_the_emergency_box_above_the_results(qtbot, make_window):
    window = make_window()
    window.emergency_number = "999"  # the configuration's emergency_number, as in the UK
    page = type_query(qtbot, window, "numb between my legs")
    assert page.emergency.isVisible() and page.emergency.objectName() == "emergencyBox"
    assert page.emergency_title.text() == "☎ Emergency: call 999 now"
    assert page.emergency_text.text().startswith("Call 999 or go to an emergency department")
    assert signs_shown(page)[0].startswith("Numbness or tingling between your legs")
    first = page.result_buttons()[0]
    assert first.accessibleName() == "Cauda equina syndrome, condition"  # the · unspoken
    top = page.emergency.mapTo(page.body, page.emergency.rect().topLeft()).y()
    assert top < page.summary.y() < first.mapTo(page.body, first.rect().topLeft()).y()
    assert page.spoken_text().splitlines()[0] == "Emergency: call 999 now"
    page = type_query(qtbot, window, "can't pee")
    assert signs_shown(page)[0].startswith("Trouble peeing")
    page = type_query(qtbot, window, "pain down my leg")
    assert not page.emergency.isVisible()


def test_the_emergency_box_speaks_spanish(qtbot, make_window):
    window = make_window()
    window.session.set_language("es")
    page = type_query(qtbot, window, "no puedo orinar")
    assert page.emergency.isVisible()
    assert page.emergency_title.text() == "☎ Emergencia: llame al 911 ahora"
    assert signs_shown(page)[0].startswith("Problemas para orinar")


def test_results_are_labelled_by_kind_and_the_count_is_in_the_accessible_name(
        qtbot, make_window):
    window = make_window()
    page = type_query(qtbot, window, "L5")
    names = [b.accessibleName() for b in page.result_buttons()]
    assert "L5 nerve root, nerve root" in names
    assert any(n.endswith(", vertebra (spine bone)") for n in names)
    count = len(page.result_buttons())
    assert page.summary.accessibleName() == f"{count} results for “L5”, best first"
    assert page.summary.accessibleDescription() == "Search results"
    window.session.set_language("es")
    page = type_query(qtbot, window, "ciatica")  # QTest types ASCII only; accents are forgiven
    assert page.summary.accessibleName().endswith("resultados para “ciatica”, los mejores "
                                                  "primero")
    assert page.result_buttons()[0].accessibleName() == "Ciática, afección"


def test_nothing_found_offers_the_body_map_and_the_conditions_list(qtbot, make_window):
    window = make_window()
    page = type_query(qtbot, window, "zzqx")
    assert page.result_buttons() == []
    assert page.summary.accessibleName().startswith("Nothing found for “zzqx”.")
    body_map, library = [b for b in page.link_buttons if b.isVisible()]
    qtbot.mouseClick(library, Qt.MouseButton.LeftButton)
    assert window.session.page == ("library", "")
    page = type_query(qtbot, window, "zzqx")
    body_map = next(b for b in page.link_buttons if b.isVisible())
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton)
    assert window.panel.has_body_map and window.body_map.isVisible()


def test_tapping_every_muscle_result_opens_a_page_that_shows_the_muscle(qtbot, make_window,
                                                                      content):
    window = make_window()
    for muscle in content.muscles:
        page = type_query(qtbot, window, muscle.name)
        label = f"{muscle.name}, muscle"
        button = next(b for b in page.result_buttons() if b.accessibleName() == label)
        page.ensureWidgetVisible(button)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        kind, item_id = window.session.page
        assert (kind, item_id) == page_key(content, "muscles", muscle.id)
        shown = window.current_page()
        shown.complete()
        assert any(muscle.name in b.text() or muscle.name in b.accessibleName()
                   for b in shown.findChildren(type(button.label)))


def test_tapping_a_topic_result_opens_the_start_page(qtbot, make_window, content):
    window = make_window()
    window.session.open(("region", "lumbar"))
    page = type_query(qtbot, window, "muscle spasms")
    button = next(b for b in page.result_buttons() if b.accessibleName().endswith(", topic"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.session.page == page_key(content, "topics", "muscle_spasms") == ("home", "")


def test_the_index_is_made_when_the_box_gets_focus_and_forgotten_on_reset(qtbot, make_window):
    window = make_window()
    assert window.world._indexes == {}
    window.header.search.setFocus()
    qtbot.waitUntil(lambda: "en" in window.world._indexes)
    index = window.world._indexes["en"]
    type_query(qtbot, window, "sciatica")
    assert index._matches.cache_info().currsize > 0
    window.session.reset()
    assert index._matches.cache_info().currsize == 0
