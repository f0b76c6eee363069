"""What a handout says (Qt-free): every kind of page has one, in the person's language, with
its warning signs, drawings and sources; the clinic's web address; the clinician's marks."""

from __future__ import annotations

import pytest

from explorer.model import handout, i18n, marks
from explorer.model.handout import build, key_of, link, link_problem, printable
from explorer.model.world import World

PAGES = [("region", "lumbar"), ("condition", "sciatica"), ("vertebra", "C6"),
         ("disc", "L4-L5"), ("nerve", "nerve-L5"), ("area", "saddle_area"), ("home", "")]


@pytest.fixture
def spanish(loaded):
    world = World(loaded)
    i18n.set_catalog("es", world.language("es").ui)
    yield world.content("es")
    i18n.set_catalog("en", {})


@pytest.mark.parametrize("key", PAGES, ids=[k[0] for k in PAGES])
def test_every_kind_of_page_has_a_handout_with_signs_and_sources(content, key):
    made = build(content, key)
    assert made.title and made.sections and made.sources and made.reviewed
    assert made.signs and all(group.items or group.lead for group in made.signs)
    levels = [g.level for g in made.signs]
    assert levels == sorted(levels, key=["emergency", "urgent", "soon"].index)
    entry = content.get(handout.kinds.BY_PAGE[key[0]].collection, key[1]) if key[1] else None
    if entry is not None and hasattr(entry, "name") and key[0] != "vertebra":
        assert made.title.startswith(entry.name)


def test_the_pages_of_the_app_itself_have_none(content):
    for key in [("library", ""), ("search", ""), ("problems", "")]:
        assert not printable(key) and build(content, key) is None
    assert build(content, ("region", "no-such-region")) is None


def test_a_region_says_what_its_page_says(content):
    made = build(content, ("region", "lumbar"))
    region = content.region("lumbar")
    words = " ".join(t for s in made.sections for t in (*s.text, *s.items, *(
        " ".join(pair) for pair in s.terms)))
    assert region.summary in words and region.feel in words
    for muscle in content.muscles_of(region):
        assert muscle.does in words
    for condition in content.conditions_of("lumbar"):
        assert condition.name in words
    assert made.figures[0] == handout.Figure("spine", ("lumbar",))
    assert made.figures[1].areas == content.felt_areas("regions", "lumbar")


def test_warning_signs_come_from_the_catalogue_under_their_levels_headings(content):
    made = build(content, ("condition", "cauda_equina_syndrome"), emergency_number="999")
    signs = content.warning_signs_of("conditions", "cauda_equina_syndrome")
    emergency = made.signs[0]
    assert emergency.level == "emergency" and emergency.title == "Emergency: call 999 now"
    assert "999" in emergency.lead
    assert emergency.items == tuple(s.text for s in signs if s.level == "emergency")
    assert {"bladder_bowel", "saddle_numbness"} <= {s.id for s in signs}


def test_a_condition_sends_its_reasons_to_see_a_doctor_to_its_appointment_box(content):
    condition = content.condition("sciatica")
    made = build(content, ("condition", "sciatica"))
    soon = [g for g in made.signs if g.level == "soon"]
    assert soon and soon[0].items[-len(condition.see_doctor):] == condition.see_doctor
    assert soon[0].title == "Make an appointment with your doctor"
    assert not any(s.box for s in made.sections)  # not a second box saying the same


def test_a_body_area_always_says_when_to_see_a_doctor(content):
    made = build(content, ("area", "thighs_front"))
    soon = [g for g in made.signs if g.level == "soon"]
    assert soon and soon[0].lead.startswith("See a doctor if the feeling is new")


def test_the_start_page_gives_its_topic(content):
    topic = content.topics[0]
    made = build(content, ("home", ""))
    assert made.title == topic.title and made.link_id == topic.id
    listed = {i for s in topic.sections for i in s.warning_signs}
    assert listed and {t for g in made.signs for t in g.items} == {
        content.get("warning_signs", i).text for i in listed}
    assert build(content, ("topic", topic.id))._replace(key=("home", "")) == made


def test_in_spanish(spanish):
    made = build(spanish, ("condition", "sciatica"))
    assert made.title == spanish.condition("sciatica").name
    assert made.kicker == "Afección"
    assert "Emergencia: llame al 911 ahora" in [g.title for g in made.signs]
    assert made.signs[-1].title == "Pida una cita con su médico"


@pytest.mark.parametrize("item_id,key", [("lumbar", ("region", "lumbar")),
                                         ("L4-L5", ("disc", "L4-L5")),
                                         ("nerve-C8", ("nerve", "nerve-C8")),
                                         ("muscle_spasms", ("topic", "muscle_spasms")),
                                         ("no-such-id", None)])
def test_ids_through_the_table_of_kinds(content, item_id, key):
    assert key_of(content, item_id) == key


def test_the_link_fills_in_the_page_and_the_language(content):
    made = build(content, ("disc", "L4-L5"))
    assert link("https://clinic.example/spine/{lang}/{id}", made, "es") == \
        "https://clinic.example/spine/es/L4-L5"
    assert link("", made, "en") == ""


@pytest.mark.parametrize("template,problem", [
    ("https://clinic.example/{lang}/{id}", ""),
    ("http://intranet/{id}.html", ""),
    ("clinic.example/{id}", "should be a web address starting with https:// (no spaces)"),
    ("https://clinic example/{id}", "should be a web address starting with https:// (no spaces)"),
    ("https://clinic.example/spine", "should contain {id}, where each page's id goes"),
    ("https://clinic.example/{page}", "may use only {id} and {lang}, not {page}"),
    ("https://clinic.example/{id", "has a { or } that is not part of {id} or {lang}"),
])
def test_a_bad_link_template_is_named(template, problem):
    assert link_problem(template) == problem


def test_marks_come_along_and_bring_their_drawing(content):
    made = [marks.pin("body", (100.0, 200.0)), marks.line("spine", [(1, 2), (3, 4)])]
    condition = build(content, ("condition", "sciatica"), made)  # no body map on its own
    assert condition.marks == tuple(made)
    assert [f.drawing for f in condition.figures] == ["spine", "body"]
    assert [f.drawing for f in build(content, ("condition", "sciatica")).figures] == ["spine"]


def test_pins_are_numbered_across_both_drawings_in_order():
    placed = (marks.pin("spine", (1, 1)), marks.line("spine", [(0, 0), (5, 5)]),
              marks.pin("body", (2, 2)), marks.pin("spine", (3, 3)))
    assert marks.pins_on(placed, "spine") == [(1, (1.0, 1.0)), (3, (3.0, 3.0))]
    assert marks.pins_on(placed, "body") == [(2, (2.0, 2.0))]
    assert marks.lines_on(placed, "spine") == [((0.0, 0.0), (5.0, 5.0))]
    assert marks.pin_count(placed) == 3


def test_a_long_line_is_thinned_but_keeps_its_ends():
    points = [(float(i), float(i % 7)) for i in range(5000)]
    kept = marks.line("spine", points).points
    assert len(kept) == marks.MAX_POINTS
    assert kept[0] == points[0] and kept[-1] == points[-1]


def test_the_session_holds_at_most_so_many_marks():
    from explorer.model.session import Session

    session = Session()
    for n in range(marks.MAX_MARKS + 10):
        session.add_mark(marks.pin("spine", (n, n)))
    assert len(session.state.marks) == marks.MAX_MARKS
    session.clear_marks()
    assert session.state.marks == ()
