"""Selecting a region until the page is updated and painted, over 200 selections
made by clicking the drawing (the whole spine, or the small one beside a region shown
large); prints p50 and p95 (budget: p95 <= 16 ms), and the frames of the zoom's move.
Also times loading and validating the shipped content (budget: <= 50 ms) and search, from a
keystroke to the painted results (within one frame), in English, in Spanish and with ten
times the shipped synonyms, and theme and text-size changes on a fresh window and after 20
visited pages (budget: p95 <= 100 ms, and no growth).

    python benchmarks/selection.py [--count 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shiboken6  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from explorer import app as app_module  # noqa: E402
from explorer.model.world import load_all  # noqa: E402


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def time_loading(repeats: int = 30) -> float:
    load_all()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        load_all()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def time_selections(count: int) -> tuple[list[float], list[float], list[float]]:
    """Clicks on the drawing, each timed until the page and drawing are painted; between
    two, the zoom's move runs to its end (each of its frames timed too)."""
    app = app_module.application()
    window = app_module.make_window(load_all())
    window.show()
    QApplication.processEvents()
    view = window.diagram
    regions = list(view.region_ids)
    cold, warm, frames = [], [], []
    for i in range(count):
        region = regions[i % len(regions)]
        point = view.region_point(region)  # on its shapes, or on the small whole spine
        start = time.perf_counter()
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        window.repaint()  # paint the updated page and drawing now, synchronously
        elapsed = (time.perf_counter() - start) * 1000
        assert window.session.page == ("region", region)
        (cold if i < len(regions) else warm).append(elapsed)
        while not view.zoom_settled():  # the move to the region, frame by frame
            app.processEvents()
            start = time.perf_counter()
            view.viewport().repaint()
            frames.append((time.perf_counter() - start) * 1000)
            time.sleep(0.004)
        app.processEvents()
    window.close()
    shiboken6.delete(window)  # gone, as a closed app window would be: not restyled later
    return cold, warm, frames


# Queries as patients type them, letter by letter (ASCII: QTest types nothing else).
QUERIES = {"en": ("slipped disc", "pinched nerve in my neck", "sciatca", "pain down my leg",
                  "numb between my legs", "can't control my bladder", "l4-l5", "foot drop"),
           "es": ("dolor en la pierna", "no puedo orinar", "hormigueo en las manos",
                  "columna desviada", "picos de loro", "ciatica")}


def tenfold_synonyms(loaded):
    """The shipped content with ten times the everyday words (see tests/test_search.py)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from test_search import tenfold_synonyms as tenfold

    return loaded._replace(content=tenfold(loaded.content))


def time_search(loaded, language: str = "en", repeats: int = 3) -> list[float]:
    """A keystroke in the search box until the results page is painted, typing real words."""
    app = app_module.application()
    window = app_module.make_window(loaded)
    if language != "en":
        window.session.set_language(language)
    window.show()
    window.header.search.setFocus()  # the index is made when the box gets focus
    QApplication.processEvents()
    times = []
    for _ in range(repeats):
        for word in QUERIES[language]:
            window.header.search.clear()
            QApplication.processEvents()
            for letter in word:
                start = time.perf_counter()
                QTest.keyClick(window.header.search, letter)
                window.repaint()
                times.append((time.perf_counter() - start) * 1000)
                app.processEvents()
    window.close()
    shiboken6.delete(window)  # gone, as a closed app window would be: not restyled later
    return times


def time_restyling(visited: int, changes: int = 24) -> list[float]:
    """A press on the colours or text-size buttons until the window is painted again, after
    ``visited`` pages were opened."""
    app = app_module.application()
    window = app_module.make_window(load_all())
    window.show()
    QApplication.processEvents()
    content = window.content
    keys = [("region", r.id) for r in content.regions] + \
        [("condition", c.id) for c in content.conditions] + \
        [("vertebra", v.id) for v in content.vertebrae]
    for key in keys[:visited]:
        window.show_page(key)
        window.current_page().complete()
        app.processEvents()
    header = window.header
    buttons = [header.theme, header.bigger, header.theme, header.smaller]
    times = []
    for i in range(changes):
        start = time.perf_counter()
        QTest.mouseClick(buttons[i % len(buttons)], Qt.MouseButton.LeftButton)
        app.processEvents()  # the layouts and re-arranging it posted: all before the frame
        window.repaint()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
    window.close()
    shiboken6.delete(window)  # gone, as a closed app window would be: not restyled later
    return times


def time_index(loaded, language: str = "en") -> float:
    """Making one language's search index (done once, when the search box first gets focus)."""
    from explorer.model.search import SearchIndex
    from explorer.model.translations import localize

    content = localize(loaded.content, loaded.languages.get(language) if language != "en"
                       else None)
    SearchIndex(content)  # the stemmer's first import is not counted
    start = time.perf_counter()
    SearchIndex(content)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    count = parser.parse_args().count
    load_ms = time_loading()
    cold, warm, frames = time_selections(count)
    loaded = load_all()
    searches = {language: time_search(loaded, language) for language in QUERIES}
    big = tenfold_synonyms(loaded)
    searches["en, 10x synonyms"] = time_search(big)
    fresh, visited = time_restyling(0), time_restyling(20)
    every = cold + warm
    print(f"load and validate shipped content: median {load_ms:.1f} ms (budget 50 ms)")
    print(f"selection to painted page over {count}: p50 {percentile(every, 50):.1f} ms, "
          f"p95 {percentile(every, 95):.1f} ms (budget 16 ms); first visit to each page "
          f"max {max(cold):.1f} ms")
    print(f"the zoom's move, each frame painted over {len(frames)} frames: "
          f"p50 {percentile(frames, 50):.1f} ms, p95 {percentile(frames, 95):.1f} ms "
          f"(one frame: 16 ms)")
    for name, keystrokes in searches.items():
        print(f"search ({name}), keystroke to painted results over {len(keystrokes)} keys: "
              f"p50 {percentile(keystrokes, 50):.1f} ms, p95 {percentile(keystrokes, 95):.1f} "
              f"ms, max {max(keystrokes):.1f} ms (one frame: 16 ms)")
    print(f"making the search index: en {time_index(loaded):.0f} ms, es "
          f"{time_index(loaded, 'es'):.0f} ms, en with 10x synonyms {time_index(big):.0f} ms")
    print(f"theme and text size, press to painted window over {len(fresh)}: fresh window "
          f"p50 {percentile(fresh, 50):.1f} ms, p95 {percentile(fresh, 95):.1f} ms; after 20 "
          f"visited pages p50 {percentile(visited, 50):.1f} ms, p95 {percentile(visited, 95):.1f}"
          f" ms (budget 100 ms, no growth)")


if __name__ == "__main__":
    main()
