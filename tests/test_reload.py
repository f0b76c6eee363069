"""New content swaps in whole — body map, languages, search — by staff reload, watch mode or
a fleet's delivery; never mid-visit on a kiosk; never half-copied; a failed load keeps the
old world.  On real folders, real files and real windows."""

from __future__ import annotations

import logging
import os
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton

from explorer import app as app_module
from explorer.config import hash_pin
from explorer.model.world import World, load_all
from explorer.ui.theme import DEFAULT
from helpers import click_region, page_text, settled, show

PIN = "2468"


def save_like_an_editor(path: Path, text: str) -> None:
    """Write a new file beside the old one and rename it over (vim, gedit, VS Code)."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    save_like_an_editor(path, text.replace(old, new, 1))


@pytest.fixture
def start_app(qtbot, qapp, tmp_path):
    """``start_app(content, kiosk=False, watch=False, extra="")`` -> Started, shown; cleaned
    up after the test."""
    made = []

    def factory(content: Path, kiosk: bool = False, watch: bool = False, extra: str = ""):
        config = tmp_path / "config.yaml"
        config.write_text(f"kiosk: {str(kiosk).lower()}\nwatch: {str(watch).lower()}\n"
                          f"content: {content}\npin_hash: \"{hash_pin(PIN)}\"\n{extra}",
                          encoding="utf-8")
        started = app_module.start(config_path=config)
        qtbot.addWidget(started.window)
        made.append(started)
        show(qtbot, started.window)
        return started

    yield factory
    for started in made:
        if started.kiosk is not None:
            started.kiosk.uninstall()
        started.window.close()
    app_module.apply_theme(qapp, DEFAULT)


def staff_reload(qtbot, controller) -> None:
    controller.open_pin_pad()
    for digit in PIN + "✓":
        qtbot.mouseClick(controller.pin_pad.keys.get(digit) or controller.pin_pad.keys["OK"],
                         __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    buttons = {b.accessibleName(): b for b in controller.staff_menu.findChildren(QAbstractButton)}
    buttons["Reload content"].click()


def test_staff_reload_after_a_warm_start_brings_the_body_map_spanish_and_search(
        qtbot, start_app, content_copy):
    """Issue 14: after a warm start, a reload left the body map raising AttributeError, the
    Español button doing nothing and search finding the old names."""
    first = start_app(content_copy, kiosk=True)  # cold: writes the cache
    first.kiosk.uninstall()
    first.window.close()
    started = start_app(content_copy, kiosk=True)  # warm
    window, controller = started.window, started.kiosk
    edit(content_copy / "body_areas.yaml", "name: Buttocks", "name: Seat area")
    edit(content_copy / "translations/es/body_areas.yaml", "name: Nalgas", "name: Asentaderas")
    edit(content_copy / "conditions.yaml", "      - sciatic nerve pain\n",
         "      - sciatic nerve pain\n      - leg zinger\n")
    staff_reload(qtbot, controller)
    assert controller.staff_menu.status.text() == "Content reloaded."
    controller.staff_menu.hide()
    window.show_page(("region", "lumbar"))
    window.session.show_drawing("body")
    assert window.body_map.buttons["buttocks"].accessibleName() == "Seat area"
    assert [r.id for r in window.world.search_index().search("leg zinger")][:1] == ["sciatica"]
    window.header.search.setText("leg zinger")
    assert "Sciatica" in page_text(settled(qtbot, window))
    window.header.language_buttons["es"].click()
    assert window.session.preferences.language == "es"
    assert window.content.get("body_areas", "buttocks").name == "Asentaderas"
    assert window.body_map.buttons["buttocks"].accessibleName() == "Asentaderas"


def test_language_buttons_follow_new_content(qtbot, make_window, content_copy):
    window = make_window(content_copy)
    assert set(window.header.language_buttons) == {"en", "es"}
    french = content_copy / "translations" / "fr"
    shutil.copytree(content_copy / "translations" / "es", french)
    edit(french / "language.yaml", "Español", "Français")
    window.set_world(World(load_all(content_copy)), keep_place=True)
    buttons = window.header.language_buttons
    assert set(buttons) == {"en", "es", "fr"} and buttons["fr"].text() == "Français"
    assert buttons["fr"].isVisibleTo(window) and not buttons["en"].isVisibleTo(window)
    buttons["fr"].click()
    assert window.session.preferences.language == "fr"
    shutil.rmtree(french)
    window.set_world(World(load_all(content_copy)), keep_place=True)
    assert set(window.header.language_buttons) == {"en", "es"}
    assert window.language.code == "en"  # the language went with its folder
    shutil.rmtree(content_copy / "translations" / "es")
    window.set_world(World(load_all(content_copy)), keep_place=True)
    assert window.header.language_buttons == {}  # one language: no buttons at all


def test_a_kiosk_takes_new_content_only_at_the_next_reset(qtbot, start_app, content_copy):
    started = start_app(content_copy, kiosk=True, watch=True)
    window, controller = started.window, started.kiosk
    before = window.world
    click_region(qtbot, window, "lumbar")  # a visitor is reading the lower back
    assert controller.visitor and window.session.page == ("region", "lumbar")
    edit(content_copy / "regions.yaml", "name: Lower back", "name: Low back")
    qtbot.waitUntil(lambda: controller.pending is not None, timeout=15000)
    assert window.world is before and window.session.page == ("region", "lumbar")
    assert "Lower back" in page_text(settled(qtbot, window))
    controller.reset_session()  # idle, or "I'm done"
    assert window.world is not before and controller.pending is None
    assert window.content.region("lumbar").name == "Low back"
    assert window.session.page == ("home", "")
    nobody = window.world
    edit(content_copy / "regions.yaml", "name: Low back", "name: Lower back")
    qtbot.waitUntil(lambda: window.world is not nobody, timeout=15000)  # nobody there: now
    assert window.content.region("lumbar").name == "Lower back"


def test_watch_follows_an_editor_save_and_keeps_the_persons_place(qtbot, start_app,
                                                                  content_copy):
    started = start_app(content_copy, watch=True)
    window = started.window
    window.show_page(("region", "lumbar"))
    window.show_page(("condition", "sciatica"))
    window.header.language_buttons["es"].click()
    before = window.world
    edit(content_copy / "translations/es/conditions.yaml", "name: Ciática",
         "name: Ciática (nervio)")
    qtbot.waitUntil(lambda: window.world is not before, timeout=15000)
    assert window.session.page == ("condition", "sciatica") and window.session.can_go_back()
    assert window.session.preferences.language == "es"
    assert "Ciática (nervio)" in page_text(settled(qtbot, window))
    window.session.back()
    assert window.session.page == ("region", "lumbar")


def test_watch_shows_problems_over_the_page_and_keeps_what_it_had(qtbot, start_app,
                                                                  content_copy):
    started = start_app(content_copy, watch=True)
    window = started.window
    window.show_page(("region", "lumbar"))
    before = window.world
    edit(content_copy / "regions.yaml", "  - id: lumbar\n", "  - id: lumbar\n    oops: 1\n")
    qtbot.waitUntil(lambda: window.arrangement.problems_banner is not None
                    and window.arrangement.problems_banner.isVisible(), timeout=15000)
    listed = window.arrangement.problems_banner.list.text()
    assert "regions.yaml:" in listed and "unknown key 'oops'" in listed
    assert window.world is before and window.session.page == ("region", "lumbar")
    assert "Lower back" in page_text(settled(qtbot, window))
    edit(content_copy / "regions.yaml", "    oops: 1\n", "")
    qtbot.waitUntil(lambda: not window.arrangement.problems_banner.isVisible(), timeout=15000)
    assert window.session.page == ("region", "lumbar")


def without_entry(path: Path, entry_id: str) -> None:
    """Remove one entry (``  - id: X`` in a kind file, ``  X:`` in a translation)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines)
                 if line in (f"  - id: {entry_id}\n", f"  {entry_id}:\n"))
    last = next((i for i in range(first + 1, len(lines))
                 if lines[i].startswith("  ") and lines[i][2] not in " #"), len(lines))
    path.write_text("".join(lines[:first] + lines[last:]), encoding="utf-8")


def test_a_page_that_new_content_no_longer_has_is_left_for_the_one_before(
        make_window, content_copy):
    window = make_window(content_copy)
    window.show_page(("region", "lumbar"))
    window.show_page(("condition", "muscle_spasm"))
    without_entry(content_copy / "conditions.yaml", "muscle_spasm")
    without_entry(content_copy / "translations/es/conditions.yaml", "muscle_spasm")
    world = World(load_all(content_copy))
    assert world.ok, world.problems[:3]
    window.set_world(world, keep_place=True)
    assert window.session.page == ("region", "lumbar") and window.session.state.region == "lumbar"
    assert not window.session.can_go_back() or window.session.state.history[-2].key != (
        "condition", "muscle_spasm")


def release(root: Path, name: str, source: Path, files: int | None = None) -> Path:
    """A copy of ``source`` at ``root/name``; with ``files``, only that many top-level
    files (a copy cut short)."""
    target = root / name
    if files is None:
        shutil.copytree(source, target)
        return target
    target.mkdir(parents=True)
    for path in sorted(source.glob("*.yaml"))[:files]:
        shutil.copy2(path, target / path.name)
    return target


def swap_link(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` atomically: a new link renamed over the old one."""
    new = link.with_name(link.name + ".new")
    new.symlink_to(target, target_is_directory=True)
    os.replace(new, link)


def test_a_fleet_takes_a_release_only_when_the_link_is_swapped(qtbot, start_app, content_copy,
                                                                tmp_path):
    releases = tmp_path / "releases"
    first = release(releases, "v1", content_copy)
    current = tmp_path / "current"
    swap_link(current, first)
    started = start_app(current, watch=True)
    window = started.window
    before = window.world
    second = release(releases, "v2", content_copy, files=3)  # being copied
    qtbot.wait(1200)
    assert window.world is before  # never looked at
    shutil.rmtree(second)
    second = release(releases, "v2", content_copy)
    edit(second / "regions.yaml", "name: Lower back", "name: Low back")
    swap_link(current, second)
    qtbot.waitUntil(lambda: window.world is not before, timeout=15000)
    assert window.content.region("lumbar").name == "Low back"
    banner = window.arrangement.problems_banner
    assert banner is None or not banner.isVisible()


@pytest.mark.parametrize("kiosk", [False, True])
def test_a_half_written_folder_is_never_loaded(qtbot, start_app, content_copy, caplog, kiosk):
    """rsync or a copy straight into the folder the app reads: part of it is new, part
    missing.  Validation refuses it; the app keeps what it had (a kiosk logs why)."""
    started = start_app(content_copy, kiosk=kiosk, watch=True)
    window = started.window
    before = window.world
    source = content_copy.parent / "incoming"
    shutil.copytree(content_copy, source)
    edit(source / "regions.yaml", "name: Lower back", "name: Low back")
    with caplog.at_level(logging.ERROR):
        for name in ("regions.yaml", "conditions.yaml", "muscles.yaml"):
            (content_copy / name).unlink()  # an rsync with --delete-before, half way
        shutil.copy2(source / "regions.yaml", content_copy / "regions.yaml")
        qtbot.waitUntil(lambda: any("refused" in r.getMessage() for r in caplog.records),
                        timeout=15000)
    assert window.world is before
    assert any("conditions.yaml" in r.getMessage() for r in caplog.records)
    if not kiosk:
        assert window.arrangement.problems_banner.isVisible()
    for name in ("conditions.yaml", "muscles.yaml"):
        shutil.copy2(source / name, content_copy / name)  # the copy completes
    if kiosk:
        started.kiosk.reset_session()
    qtbot.waitUntil(lambda: window.world is not before, timeout=15000)
    assert window.content.region("lumbar").name == "Low back"


def test_a_load_is_kept_only_from_files_that_held_still(content_copy, tmp_path):
    """A file rewritten while the folder is read: the load that comes back is one of the two
    versions, whole (its key is that version's), or says the folder kept changing."""
    regions = content_copy / "regions.yaml"
    versions = [regions.read_text(encoding="utf-8")]
    versions.append(versions[0].replace("name: Lower back", "name: Low back"))
    keys = []
    for text in versions:
        regions.write_text(text, encoding="utf-8")
        keys.append(load_all(content_copy).key)
    stop = threading.Event()

    def rewrite() -> None:
        turn = 0
        while not stop.is_set():
            regions.write_text(versions[turn % 2], encoding="utf-8")
            turn += 1

    writer = threading.Thread(target=rewrite)
    writer.start()
    try:
        results = [load_all(content_copy, cache_dir=tmp_path / "cache") for _ in range(6)]
    finally:
        stop.set()
        writer.join()
    for result in results:
        if result.content is not None:
            name = result.content.region("lumbar").name
            assert result.key == keys[["Lower back", "Low back"].index(name)]
        else:
            assert any("kept changing" in p.message or "regions.yaml" in p.file
                       for p in result.problems)


BROKEN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<g class="region"'


def test_a_broken_clinic_drawing_shows_the_problems_page_on_a_desktop(start_app, content_copy,
                                                                      tmp_path, qtbot):
    drawing = tmp_path / "clinic-spine.svg"
    drawing.write_text(BROKEN_SVG, encoding="utf-8")
    started = start_app(content_copy, extra=f"drawing: {drawing.name}\n")
    window = started.window
    assert not window.world.ok
    assert any(p.file == str(drawing) and p.line == 2 for p in window.world.problems)
    assert window.current_page().key == ("problems", "")
    assert f"{drawing}:2:" in page_text(settled(qtbot, window))


def test_a_kiosk_with_a_broken_clinic_drawing_runs_on_the_shipped_one(start_app, content_copy,
                                                                      tmp_path, caplog):
    body = tmp_path / "clinic-body.svg"
    body.write_text(BROKEN_SVG, encoding="utf-8")
    edit(content_copy / "regions.yaml", "name: Lower back", "name: Low back")
    with caplog.at_level(logging.ERROR):
        started = start_app(content_copy, kiosk=True, extra=f"body_drawing: {body}\n")
    world = started.window.world
    assert world.ok and world.body.file == "assets/body.svg"
    assert world.content().region("lumbar").name == "Low back"  # the clinic's own content
    assert any(str(body) in r.getMessage() for r in caplog.records)


def test_a_content_folder_may_bring_its_own_drawings(content_copy, tmp_path):
    from explorer import resources

    (content_copy / "spine.svg").write_bytes(resources.drawing_path().read_bytes())
    (content_copy / "body.svg").write_text(BROKEN_SVG, encoding="utf-8")
    loaded = load_all(content_copy)
    assert [p.file for p in loaded.problems][:1] == [str(content_copy / "body.svg")]
    (content_copy / "body.svg").write_bytes(resources.body_path().read_bytes())
    loaded = load_all(content_copy)
    assert not loaded.problems
    assert (loaded.drawing.file, loaded.body.file) == (str(content_copy / "spine.svg"),
                                                       str(content_copy / "body.svg"))
