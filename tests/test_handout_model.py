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
    assert made.signs and all(group.items for group in made.signs)
    assert {g.level for g in made.signs} <= {"emergency", "urgent", "soon"}
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


def test_a_condition_keeps_its_own_warning_signs_and_reasons_to_see_a_doctor(content):
    condition = content.condition("cauda_equina_syndrome")
    made = build(content, ("condition", "cauda_equina_syndrome"))
    assert made.signs[0].items == condition.urgent
    doctor = [s for s in made.sections if s.box]
    assert doctor and doctor[0].items == condition.see_doctor


def test_signs_of_whole_spine_conditions_stay_on_their_own_page(content):
    """A herniated disc can happen anywhere: its signs belong to its own page, not to a
    region's handout (as on the body-area page)."""
    whole = [c for c in content.conditions if len(c.regions) >= 3 and c.urgent]
    assert whole
    signs = {s for g in build(content, ("region", "thoracic")).signs for s in g.items}
    for condition in whole:
        own = set(condition.urgent) - {s for c in content.conditions_of("thoracic")
                                       if len(c.regions) < 3 for s in c.urgent}
        assert not own & signs


def test_the_start_page_gives_its_topic(content):
    topic = content.topics[0]
    made = build(content, ("home", ""))
    assert made.title == topic.title and made.link_id == topic.id
    assert [g.title for g in made.signs] == [s.heading for s in topic.sections
                                             if s.kind == "urgent"]
    assert build(content, ("topic", topic.id))._replace(key=("home", "")) == made


def test_in_spanish(spanish):
    made = build(spanish, ("condition", "sciatica"))
    assert made.title == spanish.condition("sciatica").name
    assert made.kicker == "Afección"
    assert made.signs[0].title == "Busque atención médica el mismo día si tiene"


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
