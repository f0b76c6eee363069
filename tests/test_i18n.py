"""Languages: English and Spanish switchable at runtime, and a third one from files alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from explorer.model import i18n
from explorer.model.kinds import CONTENT_KINDS as KINDS
from explorer.model.translations import text_fields
from explorer.model.world import load_all
from helpers import show, window_text


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_catalog("en", {})


def test_shipped_content_has_spanish(loaded):
    assert "es" in loaded.languages
    spanish = loaded.languages["es"]
    assert spanish.name == "Español"
    for kind in KINDS:
        assert set(spanish.texts[kind]) == {e.id for e in getattr(loaded.content, kind)}, kind
    assert i18n.source_strings() <= set(spanish.ui)


def test_switching_to_spanish_with_the_visible_button(qtbot, make_window, loaded):
    window = make_window()
    window.show_page(("region", "lumbar"))
    button = window.header.language_buttons["es"]
    assert button.isVisible() and button.text() == "Español"  # a name, not a flag
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    spanish = loaded.languages["es"].texts
    assert window.session.page == ("region", "lumbar")  # still where the person was
    assert window.diagram.selected_region() == "lumbar"
    text = window_text(qtbot, window)
    assert spanish["regions"]["lumbar"]["name"] in text
    for muscle_id in loaded.content.region("lumbar").muscles:
        assert spanish["muscles"][muscle_id]["name"] in text
    assert window.header.language_buttons["en"].isVisible()
    assert window.header.language_buttons["en"].text() == "English"
    assert not window.header.language_buttons["es"].isVisible()
    assert window.header.back.accessibleName() == loaded.languages["es"].ui["Back"]
    assert window.disclaimer.text() == loaded.languages["es"].ui[
        "For learning only — this is not a diagnosis. Talk to your doctor about your symptoms."]
    label = window.diagram.labels["lumbar"]
    assert label.title == spanish["regions"]["lumbar"]["name"]
    # Qt's own strings follow, from the translations that ship with Qt.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == \
        "Cancelar"
    qtbot.mouseClick(window.header.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert loaded.content.region("lumbar").name in window_text(qtbot, window)


def test_switching_language_many_times_leaves_one_qt_translator(qtbot, make_window):
    """Qt's own strings come from a QTranslator per switch; the old one is deleted, not left
    with the window (a kiosk switches language thousands of times between restarts)."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    window = make_window()
    for _ in range(3):
        for code in ("es", "en"):
            qtbot.mouseClick(window.header.language_buttons[code], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.header.language_buttons["es"], Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, 52)  # QEvent.DeferredDelete
    assert window.findChildren(QTranslator) == [window.language.qt_translator]


def test_no_page_shows_an_empty_string_or_a_raw_key(qtbot, make_window, loaded):
    window = make_window()
    window.session.set_preferences(window.session.preferences._replace(language="es"))
    keys = [("home", "")] + [("region", r.id) for r in loaded.content.regions] + [
        ("condition", c.id) for c in loaded.content.conditions]
    for key in keys:
        window.show_page(key)
        for label in window.current_page().findChildren(QLabel):
            assert label.text().strip(), key
            assert "{" not in label.text(), (key, label.text())


def test_the_language_can_be_chosen_at_start(qtbot, qapp, loaded):
    from explorer import app as app_module

    started = app_module.start(language="es")
    qtbot.addWidget(started.window)
    assert started.window.session.preferences.language == "es"
    assert started.window.content.region("cervical").name == \
        loaded.languages["es"].texts["regions"]["cervical"]["name"]


def make_language(folder: Path, code: str, name: str, base, prefix: str,
                  ui: set[str]) -> None:
    """Write a complete translation by marking every English text with ``prefix``."""
    target = folder / "translations" / code
    target.mkdir(parents=True)
    (target / "language.yaml").write_text(yaml.safe_dump({"language": {"name": name}}),
                                          encoding="utf-8")
    (target / "ui.yaml").write_text(
        yaml.safe_dump({"ui": {s: prefix + s for s in ui}}, allow_unicode=True), encoding="utf-8")
    for kind in KINDS:
        table = {}
        for entry in getattr(base, kind):
            fields = {}
            for field, is_list in text_fields(type(entry)).items():
                value = getattr(entry, field)
                if value:
                    fields[field] = [prefix + v for v in value] if is_list else prefix + value
            if kind == "topics":
                fields["sections"] = [
                    {f: ([prefix + v for v in getattr(s, f)] if is_list else prefix + getattr(s, f))
                     for f, is_list in text_fields(type(s)).items() if getattr(s, f)}
                    for s in entry.sections]
            table[entry.id] = fields
        (target / f"{kind}.yaml").write_text(yaml.safe_dump({kind: table}, allow_unicode=True),
                                             encoding="utf-8")


def test_a_third_language_from_files_only(qtbot, tmp_path, content_copy, loaded, make_window):
    make_language(content_copy, "fr", "Français", loaded.content, "FR ", i18n.source_strings())
    result = load_all(content_copy)
    assert result.problems == ()
    assert set(result.languages) == {"es", "fr"}
    window = make_window(loaded_result=result)
    assert window.header.language_buttons["fr"].text() == "Français"
    qtbot.mouseClick(window.header.language_buttons["fr"], Qt.MouseButton.LeftButton)
    window.show_page(("region", "sacral"))
    assert "FR " + loaded.content.region("sacral").name in window_text(qtbot, window)
    assert window.header.home.accessibleName() == "FR Home"


def problems_of(folder: Path) -> list[str]:
    return [str(p).replace(str(folder), "content") for p in load_all(folder).problems]


def es(folder: Path, name: str) -> Path:
    return folder / "translations" / "es" / name


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_a_missing_translation_is_reported_with_file_and_line(content_copy):
    path = es(content_copy, "muscles.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["muscles"]["biceps"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert problems_of(content_copy) == [
        "content/translations/es/muscles.yaml:2: missing translation of 'biceps'"]


def test_empty_and_mismatched_translations(content_copy):
    path = es(content_copy, "conditions.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["conditions"]["sciatica"]["name"] = ""
    data["conditions"]["sciatica"]["symptoms"] = data["conditions"]["sciatica"]["symptoms"][:1]
    data["conditions"]["nonsense"] = {"name": "x"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    found = problems_of(content_copy)
    assert any(p.startswith("content/translations/es/conditions.yaml:") and
               "'name' in 'sciatica' is empty" in p for p in found)
    assert any("'symptoms' in 'sciatica' has 1 items" in p for p in found)
    assert any("'nonsense' is not an id in conditions.yaml" in p for p in found)
    assert all(p.split(":")[1].isdigit() for p in found)


def test_a_missing_ui_string_and_a_broken_placeholder(content_copy):
    path = es(content_copy, "ui.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["ui"]["Back"]
    data["ui"]["Text size {percent} percent"] = "Tamaño de la letra"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    found = problems_of(content_copy)
    assert "content/translations/es/ui.yaml:2: missing translation of the app's string 'Back'" \
        in found
    placeholder = line_of(path, "Text size {percent} percent")
    assert (f"content/translations/es/ui.yaml:{placeholder}: the translation of 'Text size "
            "{percent} percent' is missing the placeholder {percent}") in found


def test_a_language_folder_missing_a_file(content_copy):
    es(content_copy, "discs.yaml").unlink()
    assert problems_of(content_copy) == [
        "content/translations/es/discs.yaml:1: file is missing: every language translates "
        "every file"]


def test_tr_falls_back_to_english_never_a_raw_key():
    i18n.set_catalog("xx", {"Back": "Zurück"})
    assert i18n.tr("Back") == "Zurück"
    assert i18n.tr("Home") == "Home"
    assert i18n.tr("Text size {percent} percent", percent=150) == "Text size 150 percent"


@pytest.fixture
def no_translations(content_copy):
    shutil.rmtree(content_copy / "translations")
    return content_copy


def test_content_without_other_languages_has_no_language_button(qtbot, make_window,
                                                                 no_translations):
    window = make_window(content_dir=no_translations)
    assert window.header.language_buttons == {}


@pytest.mark.parametrize(("source", "translation", "words"), [
    ("Starting over in {seconds} seconds.", "Empezando de nuevo en {seconds segundos.",
     "has a { or } that does not pair up"),
    ("Starting over in {seconds} seconds.", "Empezando de nuevo en seconds} segundos.",
     "has a { or } that does not pair up"),
    ("Starting over in {seconds} seconds.", "Empezando de nuevo en unos segundos.",
     "is missing the placeholder {seconds}"),
    ("Starting over in {seconds} seconds.", "En {seconds} segundos, {name}.",
     "has the placeholder {name}, which the English does not have"),
    ("Starting over in {seconds} seconds.", "En {seconds.__class__} segundos.",
     "has the placeholder {seconds.__class__}; a placeholder is a plain name in braces"),
    ("Starting over in {seconds} seconds.", "En {seconds!r} segundos.",
     "has the placeholder {seconds!r}"),
    ("Starting over in {seconds} seconds.", "En {0} segundos.", "has the placeholder {0}"),
    ("Back", "Atrás {", "has a { or } that does not pair up"),
])
def test_every_placeholder_of_every_ui_string_is_checked(content_copy, source, translation,
                                                         words):
    path = es(content_copy, "ui.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["ui"][source] = translation
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")
    line = line_of(path, translation)
    assert problems_of(content_copy) == [
        f"content/translations/es/ui.yaml:{line}: the translation of '{source}' {words}"
        + problems_of(content_copy)[0].split(words, 1)[1]]
    assert words in problems_of(content_copy)[0]


def test_tr_falls_back_to_english_when_a_translation_cannot_be_filled_in(caplog):
    i18n.set_catalog("es", {"Starting over in {seconds} seconds.": "En {seconds segundos.",
                            "{count} digits entered": "{cuenta} cifras"})
    assert i18n.tr("Starting over in {seconds} seconds.", seconds=5) == \
        "Starting over in 5 seconds."
    assert i18n.tr("{count} digits entered", count=3) == "3 digits entered"
    assert i18n.tr("Starting over in {seconds} seconds.", seconds=4) == \
        "Starting over in 4 seconds."
    warnings = [r for r in caplog.records if "cannot be filled in" in r.getMessage()]
    assert len(warnings) == 2  # once for each string, not at every call


def test_a_stray_brace_in_spanish_never_stops_the_kiosk_idle_reset(qtbot, qapp, loaded,
                                                                   make_window):
    """The real kiosk, in Spanish, with a broken countdown string (say from a language that
    skipped validation): the question still shows, counts down and the session resets."""
    from explorer.app import apply_theme
    from explorer.config import Config
    from explorer.kiosk.controller import KioskController
    from explorer.ui.theme import DEFAULT
    from helpers import click_region

    spanish = loaded.languages["es"]
    broken = spanish._replace(ui={**spanish.ui, "Starting over in {seconds} seconds.":
                                  "Se volverá a empezar en {seconds segundos."})
    window = make_window(loaded_result=loaded._replace(languages={"es": broken}), shown=False)
    controller = KioskController(window, Config(kiosk=True), idle_ms=60_000, warning_seconds=2)
    controller.install()
    try:
        show(qtbot, window)
        qtbot.mouseClick(window.header.language_buttons["es"], Qt.MouseButton.LeftButton)
        click_region(qtbot, window, "lumbar")
        overlay = controller.idle_overlay
        controller.idle.timeout.emit()  # nobody touched it for the whole idle time
        assert overlay.isVisible()
        assert overlay.question.text() == spanish.ui["Are you still there?"]
        assert overlay.countdown.text() == "Starting over in 2 seconds."  # English, not a crash
        with qtbot.waitSignal(controller.session_reset, timeout=5000):
            pass
        assert window.session.page == ("home", "")
    finally:
        controller.uninstall()
        window.close()
        apply_theme(qapp, DEFAULT)
