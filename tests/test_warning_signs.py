"""Warning signs with a level: the catalogue, the rule table, and the boxes on every page."""

import datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFrame, QLabel

from explorer.model.entities import LEVELS
from explorer.model.signs import matches
from explorer.model.world import load_all
from test_content_problems import edit, line_of, problems_for


def box_text(box: QFrame) -> str:
    return "\n".join(label.text() for label in box.findChildren(QLabel))


# -- the rule table's phrases ------------------------------------------------------------------
@pytest.mark.parametrize(("phrase", "text", "found"), [
    ("bladder", "Losing control of your Bladder", True),
    ("both legs", "Pain in both legs", True),
    ("both legs", "Pain in both arms, or in your legs", False),
    ("weak … getting worse", "Weakness in your arms that is getting worse", True),  # prefix, gap
    ("weak … getting worse", "Getting worse, then weakness", False),  # words in order only
    ("debil … empeora", "Debilidad en las piernas que empeora", True),  # without accents
    ("vejiga", "Pérdida del control de la vejiga", True),
    ("chest pain", "Chest painless", True),  # the last word may begin a longer one
    ("cannot pee", "You can not pee", False),
])
def test_a_phrase_is_its_words_in_order_with_gaps_for_the_ellipsis(phrase, text, found):
    assert matches(phrase, text) is found


# -- the shipped content ----------------------------------------------------------------------
def test_every_region_and_the_cauda_equina_page_have_emergency_signs(content):
    for region in content.regions:
        levels = {s.level for s in content.warning_signs_of("regions", region.id)}
        assert "emergency" in levels, region.id
    signs = content.warning_signs_of("conditions", "cauda_equina_syndrome")
    assert signs and {s.level for s in signs} == {"emergency"}
    ids = {s.id for s in signs}
    assert {"bladder_bowel", "saddle_numbness", "both_legs", "worsening_weakness"} <= ids


def test_signs_come_most_serious_first_each_once(content):
    for kind in ("regions", "conditions", "vertebrae", "discs", "nerve_roots", "body_areas"):
        for entry in getattr(content, kind):
            signs = content.warning_signs_of(kind, entry.id)
            ranks = [LEVELS.index(s.level) for s in signs]
            assert ranks == sorted(ranks) and len({s.id for s in signs}) == len(signs)


def test_the_sacral_roots_give_emergency_advice_as_signs_not_in_their_text(content):
    for root_id in ("nerve-S2", "nerve-S3", "nerve-S4", "nerve-S5", "nerve-Co1"):
        root = content.get("nerve_roots", root_id)
        assert "emergency" not in root.movement.lower()
        assert "bladder_bowel" in root.warning_signs and "saddle_numbness" in root.warning_signs


# -- bad content: each a file:line message ---------------------------------------------------
def test_an_emergency_sign_filed_lower_is_refused_by_the_rule_table(content_copy):
    signs, rules = content_copy / "warning_signs.yaml", content_copy / "sign_rules.yaml"
    text = signs.read_text(encoding="utf-8")
    at = text.index("  - id: bladder_bowel")
    signs.write_text(text[:at] + text[at:].replace("level: emergency", "level: urgent", 1),
                     encoding="utf-8")
    assert problems_for(content_copy) == [
        f"content/warning_signs.yaml:{line_of(signs, 'id: bladder_bowel')}: warning sign "
        "'bladder_bowel' says 'bladder', so it must be 'emergency', not 'urgent' (rule "
        f"'bladder_or_bowel' at content/sign_rules.yaml:{line_of(rules, 'id: bladder_or_bowel')})"]


def test_the_rules_hold_in_every_language(content_copy):
    spanish = content_copy / "translations" / "es" / "warning_signs.yaml"
    edit(spanish, "Dolor de espalda, y ha bajado de peso sin querer",
         "Dolor de espalda y debilidad en las piernas que empeora")
    found = problems_for(content_copy)
    assert found == [
        f"content/translations/es/warning_signs.yaml:{line_of(spanish, 'weight_loss:')}: "
        "warning sign 'weight_loss' says 'debil … empeora', so it must be 'emergency', not "
        "'urgent' (rule 'worsening_weakness' at content/translations/es/sign_rules.yaml:"
        f"{line_of(content_copy / 'translations/es/sign_rules.yaml', 'worsening_weakness:')})"]


def test_an_emergency_condition_needs_an_emergency_sign(content_copy):
    conditions = content_copy / "conditions.yaml"
    edit(conditions, "    emergency: true", "    emergency: yes please")
    assert problems_for(content_copy) == [
        f"content/conditions.yaml:{line_of(conditions, 'emergency: yes please')}: 'emergency' in "
        "condition 'cauda_equina_syndrome' should be true or false, not text"]
    edit(conditions, "    emergency: yes please", "    emergency: true")
    text = conditions.read_text(encoding="utf-8")
    at = text.index("  - id: sciatica")
    conditions.write_text(text[:at] + text[at:].replace("    regions:", "    emergency: true\n"
                                                        "    regions:", 1).replace(
        "warning_signs: [both_legs, saddle_numbness, bladder_bowel, worsening_weakness, "
        "sexual_problems]", "warning_signs: [not_better_weeks]", 1), encoding="utf-8")
    found = problems_for(content_copy)
    assert f"content/conditions.yaml:{line_of(conditions, 'id: sciatica')}: condition " \
           "'sciatica' is an emergency but lists no emergency warning sign" in found


def test_only_an_emergency_condition_puts_its_box_above_its_text(make_window):
    window = make_window(size=(1280, 800))
    for condition_id, box_first in (("cauda_equina_syndrome", True), ("sciatica", False)):
        window.show_page(("condition", condition_id))
        page = window.current_page()
        box = page.body.findChild(QFrame, "emergencyBox")
        lead = page.body.findChild(QLabel, "pageLead")
        above = box.mapTo(page.body, QPoint(0, 0)).y() < lead.mapTo(page.body, QPoint(0, 0)).y()
        assert above is box_first, condition_id


def test_an_unknown_sign_id(content_copy):
    conditions = content_copy / "conditions.yaml"
    edit(conditions, "warning_signs: [both_legs,", "warning_signs: [both_legz,")
    assert problems_for(content_copy) == [
        f"content/conditions.yaml:{line_of(conditions, 'both_legz')}: unknown warning sign id "
        "'both_legz'; did you mean 'both_legs'?"]


def test_a_sign_without_a_level(content_copy):
    signs = content_copy / "warning_signs.yaml"
    text = signs.read_text(encoding="utf-8")
    at = text.index("  - id: weight_loss")
    signs.write_text(text[:at] + text[at:].replace("    level: urgent\n", "", 1),
                     encoding="utf-8")
    assert problems_for(content_copy) == [
        f"content/warning_signs.yaml:{line_of(signs, 'id: weight_loss')}: warning sign "
        "'weight_loss' is missing the field 'level'"]


def test_an_unknown_level(content_copy):
    signs = content_copy / "warning_signs.yaml"
    text = signs.read_text(encoding="utf-8")
    at = text.index("  - id: weight_loss")
    signs.write_text(text[:at] + text[at:].replace("level: urgent", "level: later", 1),
                     encoding="utf-8")
    line = text[:at].count("\n") + text[at:].split("level: urgent")[0].count("\n") + 1
    assert problems_for(content_copy) == [
        f"content/warning_signs.yaml:{line}: 'level' in warning sign 'weight_loss' must be one "
        "of emergency, urgent, soon"]


NEW_SIGN = """
  - id: {id}
    text: {text}
    level: {level}
    sources:
      - title: "Back pain (NHS)"
        url: https://www.nhs.uk/conditions/back-pain/
    reviewed: 2026-12-01
"""


def test_an_unused_sign(content_copy):
    signs = content_copy / "warning_signs.yaml"
    with signs.open("a", encoding="utf-8") as handle:
        handle.write(NEW_SIGN.format(id="hiccups", text="Hiccups for two days", level="soon"))
    spanish = content_copy / "translations" / "es" / "warning_signs.yaml"
    with spanish.open("a", encoding="utf-8") as handle:
        handle.write("  hiccups:\n    text: Hipo durante dos días\n")
    assert problems_for(content_copy) == [
        f"content/warning_signs.yaml:{line_of(signs, 'id: hiccups')}: warning sign 'hiccups' "
        "is not used: list it under 'warning_signs' where it applies, or remove it"]


def test_one_sign_under_two_levels(content_copy):
    signs = content_copy / "warning_signs.yaml"
    with signs.open("a", encoding="utf-8") as handle:
        handle.write(NEW_SIGN.format(id="weight_loss_again",
                                     text="Back pain, and you have lost weight without trying",
                                     level="soon"))
    edit(content_copy / "regions.yaml", "      - weight_loss\n",
         "      - weight_loss\n      - weight_loss_again\n")
    spanish = content_copy / "translations" / "es" / "warning_signs.yaml"
    with spanish.open("a", encoding="utf-8") as handle:
        handle.write("  weight_loss_again:\n    text: Adelgazar sin querer\n")
    assert problems_for(content_copy) == [
        f"content/warning_signs.yaml:{line_of(signs, 'id: weight_loss_again')}: warning sign "
        "'weight_loss_again' has the same words as 'weight_loss' (line "
        f"{line_of(signs, 'id: weight_loss')}): one sign listed under two levels ('urgent' and "
        "'soon')"]


def test_a_review_older_than_24_months_warns_but_loads(content_copy):
    regions = content_copy / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    at = text.index("  - id: sacral")
    import re

    regions.write_text(text[:at] + re.sub(r"reviewed: \S+", "reviewed: 2024-11-30",
                                          text[at:], count=1), encoding="utf-8")
    loaded = load_all(content_copy)
    assert loaded.problems == () and loaded.content is not None
    stale = [str(w).replace(str(content_copy), "content") for w in loaded.warnings]
    line = line_of(regions, "reviewed: 2024-11-30")
    if datetime.date.today() > datetime.date(2026, 11, 30):
        assert stale == [f"content/regions.yaml:{line}: warning: region 'sacral' was last "
                         "reviewed on 2024-11-30, more than 24 months ago; check it against "
                         "its sources"]


def test_review_warnings_count_whole_months():
    from explorer.model.loader import review_warnings
    from explorer.model.schema import Reviewed

    reviewed = [Reviewed("f.yaml", 3, "region 'x'", datetime.date(2024, 12, 1))]
    assert review_warnings(reviewed, datetime.date(2026, 12, 1)) == []
    assert len(review_warnings(reviewed, datetime.date(2026, 12, 2))) == 1


# -- the pages --------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)])
def test_the_cauda_equina_page_shows_its_emergency_box_in_the_first_screen(make_window,
                                                                          content, size):
    window = make_window(size=size)
    window.show_page(("condition", "cauda_equina_syndrome"))
    page = window.current_page()
    box = page.body.findChild(QFrame, "emergencyBox")
    assert box is not None and box.isVisible()
    assert page.viewport().rect().contains(box.mapTo(page.viewport(), QPoint(0, box.height())))
    text = box_text(box)
    assert "Emergency: call 911 now" in text and "☎" in text
    for sign in content.warning_signs_of("conditions", "cauda_equina_syndrome"):
        assert sign.text in text


def test_each_level_has_its_own_box_heading_and_border(qtbot, make_window, content):
    window = make_window()
    window.show_page(("condition", "compression_fracture"))  # emergency, urgent and soon signs
    page = window.current_page()
    qtbot.waitUntil(page.is_complete)
    boxes = [page.body.findChild(QFrame, f"{level}Box") for level in LEVELS]
    assert all(boxes)
    tops = [box.mapTo(page.body, QPoint(0, 0)).y() for box in boxes]
    assert tops == sorted(tops)  # emergency first
    titles = [box_text(box).splitlines()[0] for box in boxes]
    assert titles == ["☎ Emergency: call 911 now", "⚠ Urgent: get medical help today",
                      "✚ Make an appointment with your doctor"]
    # Not colour alone: the emergency box has a thicker frame than the others.
    widths = [box.contentsRect().left() for box in boxes]
    assert widths[0] > widths[1] >= widths[2] >= 1
    soon = box_text(boxes[2])
    assert all(item in soon for item in content.condition("compression_fracture").see_doctor)


def test_the_configured_emergency_number_is_in_the_box(qtbot, make_window):
    window = make_window()
    window.emergency_number = "999"
    window.show_page(("region", "lumbar"))
    box = window.current_page().body.findChild(QFrame, "emergencyBox")
    assert "Emergency: call 999 now" in box_text(box) and "Call 999 or go" in box_text(box)
    assert "911" not in box_text(box)


def test_read_aloud_reads_the_emergency_signs_first(make_window, content):
    window = make_window()
    window.show_page(("condition", "herniated_disc"))
    page = window.current_page()
    page.complete()
    spoken = page.spoken_text().splitlines()
    assert spoken[0].startswith("Emergency: call 911 now")  # the ☎ is for the eye only
    emergency = [s.text for s in content.warning_signs_of("conditions", "herniated_disc")
                 if s.level == "emergency"]
    title = spoken.index(next(line for line in spoken if "Herniated disc" in line))
    assert title > 1 and all(text in spoken[:title] for text in emergency)  # one sign a line


def test_level_pages_show_the_signs_their_structures_can_cause(qtbot, make_window, content):
    window = make_window()
    for kind, item_id in (("nerve", "nerve-S4"), ("disc", "L4-L5"), ("vertebra", "C5")):
        window.show_page((kind, item_id))
        page = window.current_page()
        qtbot.waitUntil(page.is_complete)
        text = "\n".join(box_text(b) for b in page.body.findChildren(QFrame)
                         if b.objectName().endswith("Box"))
        for sign in content.warning_signs_of({"nerve": "nerve_roots", "disc": "discs",
                                              "vertebra": "vertebrae"}[kind], item_id):
            assert sign.text in text, (item_id, sign.id)


def test_spanish_boxes_and_date(qtbot, make_window, content):
    window = make_window()
    window.session.set_preferences(window.session.preferences._replace(language="es"))
    window.show_page(("condition", "ankylosing_spondylitis"))
    page = window.current_page()
    qtbot.waitUntil(page.is_complete)
    text = "\n".join(label.text() for label in page.body.findChildren(QLabel))
    assert "Urgente: busque atención médica hoy" in text
    assert "Pida una cita con su médico" in text
    assert "Última revisión: 1 de diciembre de 2026" in text
    assert "MedlinePlus en español" in text  # a Spanish source for Spanish readers
    window.session.set_preferences(window.session.preferences._replace(language="en"))
    window.show_page(("condition", "ankylosing_spondylitis"))
    page = window.current_page()
    qtbot.waitUntil(page.is_complete)
    text = "\n".join(label.text() for label in page.body.findChildren(QLabel))
    assert "Last reviewed: December 1, 2026" in text and "en español" not in text
