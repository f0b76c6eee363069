"""The visitor's session (Qt-free) and the table of kinds that every part reads."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from explorer.model import kinds
from explorer.model.marks import line, pin
from explorer.model.preferences import Preferences
from explorer.model.session import HISTORY_LIMIT, HOME, Session, State, Visit


def locate(content):
    return lambda key: kinds.selection(content, key)


# A change to every field of the state, so a new field cannot escape the reset unnoticed.
EVERY_FIELD = {
    "history": lambda s: (s.open(("region", "lumbar")), s.open(("disc", "L4-L5")),
                          s.remember_scroll(240)),
    "region": lambda s: s.open(("region", "cervical")),
    "level": lambda s: s.open(("nerve", "nerve-C6")),
    "drawing": lambda s: s.show_drawing("body"),
    "front": lambda s: (s.open(("region", "lumbar")), s.show_reading()),
    "preferences": lambda s: (s.set_language("es"), s.bigger(), s.next_theme()),
    "search": lambda s: s.set_search("bladder"),
    "reading": lambda s: s.set_reading(True),
    "marking": lambda s: s.set_marking(True),
    "marks": lambda s: (s.add_mark(pin("spine", (120, 640))),
                        s.add_mark(line("body", [(10, 10), (20, 30), (40, 35)]))),
}


def test_reset_leaves_nothing_of_the_last_visitor(content):
    assert set(EVERY_FIELD) == set(State._fields), "a new session field needs a change here"
    session = Session(Preferences(kiosk=True, text_size=125), locate(content))
    for name, change in EVERY_FIELD.items():
        before = getattr(session.state, name)
        change(session)
        assert getattr(session.state, name) != before, name
    heard = []
    session.restarted.connect(lambda: heard.append("restarted"))
    session.changed.connect(lambda names: heard.append(names))
    session.reset()
    assert session.state == Session(Preferences(kiosk=True, text_size=125)).state
    assert heard == ["restarted", frozenset(State._fields)]  # first let go, then redraw


def test_observers_hear_only_what_changed(content):
    session = Session(locate=locate(content))
    heard: list[frozenset[str]] = []
    session.changed.connect(heard.append)
    session.open(("region", "thoracic"))
    session.open(("region", "thoracic"))  # already there: nothing changes
    session.set_search("")  # the same text: nothing
    session.open(("condition", "kyphosis"))  # a condition keeps the region selected
    # (the page comes to the front, where the drawings and the page take turns)
    assert heard == [frozenset({"history", "region", "front"}), frozenset({"history"})]
    assert (session.state.region, session.state.level) == ("thoracic", None)


def test_levels_select_their_region_and_home_clears(content):
    session = Session(locate=locate(content))
    session.open(("vertebra", "L4"))
    assert (session.state.region, session.state.level) == ("lumbar", "L4")
    session.open(("nerve", "nerve-C8"))
    assert (session.state.region, session.state.level) == ("cervical", "nerve-C8")
    session.home()
    assert (session.state.region, session.state.level) == (None, None)


def test_back_returns_to_the_page_and_place(content):
    session = Session(locate=locate(content))
    session.open(("region", "cervical"))
    session.open(("condition", "whiplash"))
    session.remember_scroll(300)
    session.home()
    assert session.page == HOME and session.scroll == 0
    session.back()
    assert session.page == ("condition", "whiplash") and session.scroll == 300
    session.back()
    assert session.page == ("region", "cervical") and session.state.region == "cervical"
    session.back()
    session.back()  # nothing before the start page
    assert session.page == HOME and not session.can_go_back()


def test_following_new_content_keeps_the_place_where_it_can(content):
    session = Session(Preferences(), locate(content))
    session.set_language("es")
    session.set_search("disc")
    for key in (("region", "lumbar"), ("condition", "sciatica"), ("condition", "whiplash")):
        session.open(key)
    heard = []
    session.changed.connect(heard.append)
    session.follow(lambda key: key != ("condition", "whiplash"))
    assert [v.key for v in session.state.history] == [HOME, ("region", "lumbar"),
                                                       ("condition", "sciatica")]
    assert session.state.region == "lumbar"  # still there: still selected
    assert session.preferences.language == "es" and session.state.search == "disc"
    assert heard == [frozenset({"history"})]
    session.follow(lambda key: key != ("region", "lumbar"))
    assert [v.key for v in session.state.history] == [HOME, ("condition", "sciatica")]
    assert session.state.region is None
    session.follow(lambda key: False)  # nothing at all: the start page all the same
    assert session.state.history == (Visit(HOME),)


def test_the_history_is_bounded():
    session = Session()
    for number in range(HISTORY_LIMIT * 2):
        session.open(("condition", f"c{number}"))
    assert len(session.state.history) == HISTORY_LIMIT
    assert session.state.history[-1] == Visit(("condition", f"c{HISTORY_LIMIT * 2 - 1}"))


def test_a_callback_may_disconnect_itself_while_called():
    session = Session()
    calls = []

    def once(names):
        calls.append(names)
        session.changed.disconnect(once)

    session.changed.connect(once)
    session.set_search("a")
    session.set_search("b")
    assert calls == [frozenset({"search"})] and len(session.changed) == 0


# -- the table of kinds -----------------------------------------------------------------------
def test_every_content_kind_has_exactly_one_row_and_a_file(content):
    collections = [k.collection for k in kinds.TABLE if k.collection]
    assert len(collections) == len(set(collections))
    # Content's other field, ``search``, is how search reads the language (search.yaml).
    assert set(collections) == set(type(content)._fields) - {"search"}


def test_every_page_kind_names_a_page_class_that_exists():
    from explorer.ui.pages.base import Page

    for kind in kinds.TABLE:
        if kind.page_class:
            module, _, name = kind.page_class.partition(":")
            assert issubclass(getattr(importlib.import_module(module), name), Page), kind.page


def test_every_shape_class_of_the_drawing_has_its_kind(drawing):
    assert {shape.kind for shape in drawing.shapes.values()} == set(kinds.BY_SHAPE)
    for shape in drawing.shapes.values():
        assert kinds.BY_SHAPE[shape.kind].selects == kinds.SELECTS_LEVEL


@pytest.mark.parametrize("item_id,page", [("lumbar", "region"), ("sciatica", "condition"),
                                          ("L5", "vertebra"), ("L4-L5", "disc"),
                                          ("nerve-L5", "nerve"), ("saddle_area", "area")])
def test_find_gives_the_kind_for_each_form_of_id(content, item_id, page):
    kind, entry = kinds.find(content, item_id)
    assert kind.page == page and entry.id == item_id
    assert kind.describe(content, entry)["id"] == item_id


def test_every_searched_entry_opens_a_page_or_says_it_has_none(content):
    for kind in kinds.SEARCHED:
        for entry in getattr(content, kind.collection):
            key = kinds.page_key(content, kind.collection, entry.id)
            assert key is None or key[0] in kinds.BY_PAGE, (kind.collection, entry.id)


def test_the_model_imports_no_qt():
    code = ("import sys; import explorer.model, explorer.model.kinds, explorer.model.session, "
            "explorer.model.world, explorer.model.search, explorer.model.loader, "
            "explorer.model.describe, explorer.model.cache, explorer.model.translations, "
            "explorer.config, explorer.resources; "
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_page_or_the_drawing_in_front_where_they_take_turns(content):
    session = Session(locate=locate(content))
    assert session.state.front == "drawing"  # a new visitor sees the spine first
    session.open(("region", "lumbar"))  # a choice opens its page, in front
    assert session.state.front == "page"
    session.show_drawing("spine")
    assert (session.state.front, session.state.drawing) == ("drawing", "spine")
    session.open(("disc", "L4-L5"))
    session.show_drawing("body")
    session.back()  # Back keeps what is in front: the drawing shows the page before
    assert (session.state.front, session.state.drawing) == ("drawing", "body")
    assert session.state.region == "lumbar"
    session.show_reading()
    assert session.state.front == "page"


def test_the_whole_spine_again_keeps_the_page(content):
    """The zoom follows the selected region (no field of its own): showing the whole spine
    again is selecting nothing, on the same page."""
    session = Session(locate=locate(content))
    session.open(("nerve", "nerve-C6"))
    session.show_whole_spine()
    assert (session.state.region, session.state.level) == (None, None)
    assert session.page == ("nerve", "nerve-C6") and session.can_go_back()
    session.open(("region", "cervical"))
    assert session.state.region == "cervical"
