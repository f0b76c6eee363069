"""Every page kind, in English and Spanish, at 100, 125, 150 and 200 % text, at 1024x768,
1280x800, 1920x1080 and portrait 1080x1920, checked by the independent layout oracle
(``helpers.clipped_or_overlapping``: nothing clipped, nothing overlapping, no text cut).

The default run covers every window size with every text size and both languages in
pairs; ``-m slow`` runs the whole product."""

from __future__ import annotations

import itertools

import pytest

from helpers import clipped_or_overlapping, settled

WINDOWS = [(1024, 768), (1280, 800), (1920, 1080), (1080, 1920)]
TEXT_SIZES = [100, 125, 150, 200]
LANGUAGES = ["en", "es"]
PAGES = [("home", ""), ("region", "thoracic"), ("region", "cervical"), ("region", "sacral"),
         ("condition", "cauda_equina_syndrome"), ("vertebra", "L4"), ("disc", "C7-T1"),
         ("nerve", "nerve-C8"), ("area", "hands_thumb_side"), ("library", ""),
         ("search", "")]


def look_at_everything(qtbot, window, language: str, text_size: int,
                       pages: list = PAGES) -> list[str]:
    """Every page kind (or ``pages``), and each drawing, with what the oracle finds."""
    session = window.session
    session.set_preferences(session.preferences._replace(language=language,
                                                         text_size=text_size))
    found = []
    for key in pages:
        if key[0] == "search":
            session.set_search("disc")
        window.show_page(key)
        settled(qtbot, window)
        qtbot.waitUntil(window.diagram.zoom_settled)
        qtbot.wait(1)  # what is posted for the next frame (layouts) is done
        found += [f"{key}: {p}" for p in clipped_or_overlapping(window)]
    for drawing in ("spine", "body"):
        session.show_drawing(drawing)
        qtbot.waitUntil(window.diagram.zoom_settled)
        qtbot.wait(1)
        qtbot.wait(1)  # what is posted for the next frame (layouts) is done
        found += [f"{drawing} drawing: {p}" for p in clipped_or_overlapping(window)]
    session.show_drawing("spine")
    return found


def pairs():
    """Each window size with each text size once, the languages taking turns (so each
    window size and each text size meets both), and a quarter of the page kinds each time,
    in turn (so each page kind is seen at every window size and every text size)."""
    for w, window in enumerate(WINDOWS):
        for t, text_size in enumerate(TEXT_SIZES):
            pages = [key for i, key in enumerate(PAGES) if i % 4 == (w + t) % 4]
            yield window, LANGUAGES[(w + t) % 2], text_size, pages


@pytest.mark.parametrize("size", WINDOWS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_fits_at_every_text_size(qtbot, make_window, size):
    window = make_window(size=size)
    found = []
    for window_size, language, text_size, pages in pairs():
        if window_size == size:
            found += [f"{language} {text_size}%: {p}"
                      for p in look_at_everything(qtbot, window, language, text_size, pages)]
    assert found == []


def test_the_pairs_cover_every_page_kind_at_every_size_and_text_size():
    seen = {(w, t, key) for w, _, t, pages in pairs() for key in pages}
    for key in PAGES:
        assert {w for w, _, k in seen if k == key} == set(WINDOWS)
        assert {t for _, t, k in seen if k == key} == set(TEXT_SIZES)
    assert {(w, lang) for w, lang, _, _ in pairs()} == {(w, lang) for w in WINDOWS
                                                        for lang in LANGUAGES}


@pytest.mark.slow
@pytest.mark.parametrize("size, language", list(itertools.product(WINDOWS, LANGUAGES)),
                         ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else v)
def test_every_page_fits_everywhere(qtbot, make_window, size, language):
    window = make_window(size=size)
    found = []
    for text_size in TEXT_SIZES:
        found += [f"{text_size}%: {p}"
                  for p in look_at_everything(qtbot, window, language, text_size)]
    assert found == []


@pytest.mark.parametrize("size", [(1280, 800), (1080, 1920), (1920, 1080)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_kiosk_fits_too(qtbot, make_window, size):
    """A kiosk's larger targets and the room kept for its banner, at its text size."""
    from explorer.config import Config
    from explorer.kiosk.controller import KioskController

    window = make_window(size=size, shown=False)
    kiosk = KioskController(window, Config(kiosk=True, reduced_motion=True), idle_ms=600_000)
    kiosk.install()
    window.show()
    qtbot.waitExposed(window)
    found = []
    for language in LANGUAGES:
        window.session.set_language(language)
        for key in (("region", "thoracic"), ("region", "sacral"), ("nerve", "nerve-C8")):
            window.show_page(key)
            settled(qtbot, window)
            for drawing in ("spine", "body"):
                window.session.show_drawing(drawing)
                qtbot.waitUntil(window.diagram.zoom_settled)
                qtbot.wait(1)
                found += [f"{language} {key} {drawing}: {p}"
                          for p in clipped_or_overlapping(window)]
    kiosk.uninstall()
    assert found == []




@pytest.mark.parametrize("theme_presses", [0, 1, 2])
def test_pressing_a_plus_never_makes_the_window_grow(qtbot, make_window, theme_presses):
    """In a 1024×768 window, in each theme, A+ up to 200 %: the header moves what does not
    fit into its More menu, so the window keeps its size."""
    from PySide6.QtCore import Qt

    window = make_window(size=(1024, 768))
    window.show_page(("condition", "herniated_disc"))
    for _ in range(theme_presses):
        qtbot.mouseClick(window.header.theme, Qt.MouseButton.LeftButton)
    while window.session.preferences.text_size < 200:
        qtbot.mouseClick(window.header.bigger, Qt.MouseButton.LeftButton)
        qtbot.wait(100)  # (a negative check: what was posted, a refit say, has had its turn)
        assert (window.width(), window.height()) == (1024, 768), \
            (window.session.preferences.theme, window.session.preferences.text_size)
