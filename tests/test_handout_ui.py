"""Print, Save as PDF and the Mark tool, driven through the window like a person would: on a
desktop through the system's dialogs (their one call replaced), on a kiosk with no dialog
at all; and printing leaves nothing behind but the file asked for."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from explorer.config import Config
from explorer.kiosk.controller import KioskController
from explorer.model.handout import HandoutSettings
from explorer.ui.handout import dialogs
from helpers import needed_height, settled, words_cut

CLINIC = HandoutSettings("Riverside Spine Clinic", "(555) 010-2030", "",
                         "https://clinic.example/spine/{lang}/{id}", "letter")


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: apt-get install poppler-utils")
        pytest.skip("pdftotext is missing")
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True)
    return " ".join(done.stdout.split())


def never(*_args):
    raise AssertionError("no dialog may open here")


@pytest.fixture
def desktop(qtbot, make_window):
    window = make_window()
    window.handouts.configure(CLINIC)
    window.show_page(("region", "lumbar"))
    settled(qtbot, window)
    return window


def tap(qtbot, view, point: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def drag(view, points: list[QPoint]) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        QTest.mouseMove(viewport, point)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=points[-1])


# -- the buttons ----------------------------------------------------------------------------
def test_print_is_there_for_pages_that_have_a_handout(qtbot, desktop):
    header = desktop.header
    assert header.print_page.isVisible() and header.print_page.isEnabled()
    menu = header.print_page.menu()  # a desktop: Print… and Save as PDF…
    assert menu is not None and [a.text() for a in menu.actions()] == ["Print…",
                                                                       "Save as PDF…"]
    desktop.show_page(("library", ""))
    assert not header.print_page.isEnabled()
    desktop.show_page(("condition", "sciatica"))
    assert header.print_page.isEnabled()


def snapshot(*folders: Path) -> dict[Path, tuple[int, int]]:
    return {path: (path.stat().st_size, path.stat().st_mtime_ns) for folder in folders
            if folder.exists() for path in folder.rglob("*") if path.is_file()}


def test_save_as_pdf_writes_the_file_asked_for_and_nothing_else(qtbot, desktop, tmp_path,
                                                                 monkeypatch, caplog):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    target = tmp_path / "chosen" / "lower back.pdf"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(dialogs.SaveDialog, "ask",
                        classmethod(lambda cls, parent, title: asked.append(title) or target))
    desktop.panel.marks.controls.mark.click()  # a clinician's pin: visitor state, on paper only
    view = desktop.diagram
    tap(qtbot, view, view.mapFromScene(view.inside_point("lumbar")))
    watched = [Path(os.environ[n]) for n in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                              "XDG_DATA_HOME")] + [work, tmp_path]
    before = snapshot(*watched)
    caplog.set_level(logging.DEBUG)
    desktop.header.save_action.trigger()
    assert asked == ["Lower back — lumbar spine"]
    after = snapshot(*watched)
    assert set(after) - set(before) == {target}
    assert {p for p in before if before[p] != after.get(p)} == set()
    assert caplog.records == []  # nothing about the visitor or the printout is logged
    text = pdf_text(target)
    assert "Lower back — lumbar spine" in text and "Notes from your visit" in text
    assert desktop.header.print_page.text() == "✓ Saved"
    assert desktop.header.print_page.accessibleName() == "Saved"  # no ✓ read out


def test_cancelling_the_save_dialog_writes_nothing(qtbot, desktop, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(dialogs.SaveDialog, "ask", classmethod(lambda cls, parent, t: None))
    assert desktop.handouts.save_page() is False
    assert list(tmp_path.iterdir()) == []


def test_print_on_a_desktop_goes_through_the_system_dialog(qtbot, desktop, tmp_path,
                                                           monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"
    seen = []

    def choose(cls, parent, printer):  # what a person does in the dialog: print to a file
        seen.append((parent, printer.pageLayout().pageSize().id()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(dialogs.PrintDialog, "ask", classmethod(choose))
    desktop.show_page(("nerve", "nerve-C6"))
    desktop.header.print_action.trigger()
    assert seen == [(desktop, QPageSize.PageSizeId.Letter)]  # the configured paper, ready
    assert "C6 nerve root" in pdf_text(out)
    assert desktop.header.print_page.text() == "✓ Sent to the printer"
    assert desktop.header.print_page.accessibleName() == "Sent to the printer"  # no ✓ read out
    monkeypatch.setattr(dialogs.PrintDialog, "ask", classmethod(lambda cls, p, pr: False))
    out.unlink()
    assert desktop.handouts.print_page() is False and not out.exists()


def test_the_button_says_what_happened_then_goes_back(qtbot, desktop, monkeypatch, tmp_path):
    from explorer.ui.handout import actions

    monkeypatch.setattr(actions, "FEEDBACK_MS", 50)
    monkeypatch.setattr(dialogs.SaveDialog, "ask",
                        classmethod(lambda cls, p, t: tmp_path / "missing-folder" / "x.pdf"))
    desktop.handouts.save_page()
    assert desktop.header.print_page.text() == "Could not save the PDF"
    qtbot.waitUntil(lambda: desktop.header.print_page.text() == "Print")


def more_menu_item(header, text: str):
    """The More menu's item ``text``, as the menu shows it when opened."""
    header.row._fill_menu()
    return next(a for a in header.row.menu.actions() if a.text() == text)


def test_print_and_save_from_the_more_menu_when_the_header_is_full(qtbot, desktop, tmp_path,
                                                                   monkeypatch):
    from explorer.ui.handout import actions

    monkeypatch.setattr(actions, "FEEDBACK_MS", 300)
    desktop.session.set_preferences(desktop.session.preferences._replace(text_size=200))
    desktop.resize(1024, 768)
    header = desktop.header
    qtbot.waitUntil(lambda: header.print_page in header.row.hidden)
    assert header.more.isVisible() and not header.print_page.isVisible()
    target = tmp_path / "lower back.pdf"
    monkeypatch.setattr(dialogs.SaveDialog, "ask", classmethod(lambda cls, p, t: target))
    heard: list[str] = []
    desktop.announced.connect(heard.append)
    assert more_menu_item(header, "Print…").isEnabled()
    more_menu_item(header, "Save as PDF…").trigger()  # the button's own items, in More
    assert "Lower back — lumbar spine" in pdf_text(target)
    assert heard == ["Saved"]  # said (the tick is for the eye), and shown under More
    note = header.note
    assert note.isVisible() and note.text() == "✓ Saved"
    assert note.geometry().top() > header.more.mapTo(desktop, header.more.rect().bottomLeft()).y()
    assert desktop.rect().contains(note.geometry())
    assert note.height() + 1 >= needed_height(note) and words_cut(note) is None  # words fit
    qtbot.waitUntil(lambda: not note.isVisible(), timeout=actions.FEEDBACK_MS + 2000)
    desktop.show_page(("library", ""))  # no handout: the items are there, not usable
    assert not more_menu_item(header, "Save as PDF…").isEnabled()


# -- the kiosk --------------------------------------------------------------------------------
@pytest.fixture
def kiosk(qtbot, qapp, make_window, monkeypatch):
    monkeypatch.setattr(dialogs.PrintDialog, "ask", classmethod(never))
    monkeypatch.setattr(dialogs.SaveDialog, "ask", classmethod(never))
    window = make_window(shown=False)
    controller = KioskController(window, Config(kiosk=True))
    controller.install()
    window.show()
    qtbot.waitExposed(window)
    window.show_page(("region", "cervical"))
    yield window
    controller.uninstall()


def test_a_kiosk_without_a_printer_shows_no_print_save_or_mark(qtbot, kiosk):
    header = kiosk.header
    assert not header.print_page.isVisible()
    assert not kiosk.panel.marks.controls.isVisible()
    kiosk.session.set_marking(True)  # not even if asked
    assert kiosk.session.state.marking is False


def test_a_kiosk_prints_to_its_printer_with_no_dialog(qtbot, qapp, kiosk):
    kiosk.handouts.configure(CLINIC._replace(printer="Front desk"))
    header = kiosk.header
    assert header.print_page.isVisible() and header.print_page.menu() is None  # no Save
    windows = set(qapp.topLevelWidgets())
    qtbot.mouseClick(header.print_page, Qt.MouseButton.LeftButton)
    assert QApplication.activeModalWidget() is None
    assert {w for w in qapp.topLevelWidgets() if w.isVisible()} <= windows
    # This machine has no printer called "Front desk": the visitor is told, nothing opens.
    assert header.print_page.text() == "The printer is not ready. Please ask at the desk."
    kiosk.session.reset()  # the next visitor does not see it
    assert header.print_page.text() == "Print"


# -- the Mark tool ----------------------------------------------------------------------------
def test_tap_pins_a_numbered_mark_and_a_drag_draws_on_the_spine(qtbot, desktop):
    view, session = desktop.diagram, desktop.session
    controls = desktop.panel.marks.controls
    assert controls.isVisible() and not controls.clear.isVisible()
    qtbot.mouseClick(controls.mark, Qt.MouseButton.LeftButton)
    assert session.state.marking
    at = view.mapFromScene(view.inside_point("cervical"))
    tap(qtbot, view, at)
    assert session.page == ("region", "lumbar")  # marking does not select
    (pin,) = session.state.marks
    scene = view.mapToScene(at)
    assert pin.is_pin and pin.drawing == "spine"
    assert abs(pin.points[0][0] - scene.x()) < 0.2 and abs(pin.points[0][1] - scene.y()) < 0.2
    drag(view, [QPoint(60, 200 + 4 * n) for n in range(12)])
    assert len(session.state.marks) == 2 and not session.state.marks[1].is_pin
    assert controls.clear.isVisible()
    qtbot.mouseClick(controls.clear, Qt.MouseButton.LeftButton)
    assert session.state.marks == () and not controls.clear.isVisible()
    qtbot.mouseClick(controls.mark, Qt.MouseButton.LeftButton)  # off: taps select again
    tap(qtbot, view, at)
    assert session.page == ("region", "cervical")


def test_marks_on_the_body_map_too(qtbot, desktop):
    desktop.session.show_drawing("body")
    body = desktop.body_map
    qtbot.waitUntil(body.isVisible)
    desktop.session.set_marking(True)
    tap(qtbot, body, body.point_in("hands_thumb_side"))
    assert [m.drawing for m in desktop.session.state.marks] == ["body"]
    assert desktop.session.page == ("region", "lumbar")


def test_marks_stay_on_what_they_mark_when_the_drawing_is_resized(qtbot, desktop):
    view = desktop.diagram
    desktop.session.set_marking(True)
    tap(qtbot, view, view.level_point("L3"))
    (pin,) = desktop.session.state.marks
    for size in ((1024, 768), (1920, 1080)):
        desktop.resize(*size)
        qtbot.waitUntil(lambda: view.mapFromScene(QPointF(*pin.points[0])) != QPoint())
        QApplication.processEvents()
        shape = view.shape_at(view.mapFromScene(QPointF(*pin.points[0])))
        assert shape is not None and shape.shape_id == "L3", size


def test_a_new_visitor_finds_no_marks(qtbot, desktop):
    desktop.session.set_marking(True)
    tap(qtbot, desktop.diagram, QPoint(80, 300))
    assert desktop.session.state.marks
    desktop.session.reset()
    assert desktop.session.state.marks == () and not desktop.session.state.marking
    layers = desktop.panel.marks.layers
    assert layers and all(layer.marks == () for layer in layers)
    assert not desktop.panel.marks.controls.mark.isChecked()


# -- the save dialog itself -------------------------------------------------------------------
def test_the_save_dialog_leaves_qts_settings_as_it_found_them(qtbot, tmp_path):
    """Qt's file dialog records the folder it saved in (QtProject.conf); ours puts it back."""
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "QtProject.conf"
    assert not settings.exists()
    chosen = tmp_path / "handout.pdf"

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        # typed into the file name box, as a person would (selectFile() leaves the box alone
        # once it has focus, which it may or may not have yet)
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(chosen))
        dialog.accept()

    QTimer.singleShot(20, answer)
    assert dialogs.SaveDialog.ask(None, "Sciatica") == chosen
    assert not settings.exists()


@pytest.mark.parametrize("title,name", [("Lower back — lumbar spine",
                                         "Lower back - lumbar spine.pdf"),
                                        ("C5/C6: disc?", "C5 C6 disc.pdf"), ("...", "handout.pdf")])
def test_a_file_name_from_the_title(title, name):
    assert dialogs.file_name(title) == name


def test_a_kiosk_whose_print_is_in_the_more_menu_still_says_what_happened(qtbot, kiosk):
    kiosk.handouts.configure(CLINIC._replace(printer="Front desk"))
    kiosk.session.set_preferences(kiosk.session.preferences._replace(text_size=200))
    header = kiosk.header
    qtbot.waitUntil(lambda: header.print_page in header.row.hidden)
    heard: list[str] = []
    kiosk.announced.connect(heard.append)
    more_menu_item(header, "Print").trigger()  # no dialog (the fixture forbids one)
    told = "The printer is not ready. Please ask at the desk."
    assert heard == [told]
    assert header.note.isVisible() and header.note.text() == told
    assert kiosk.rect().contains(header.note.geometry())
    assert header.note.height() + 1 >= needed_height(header.note)  # wrapped, not cut
    assert words_cut(header.note) is None
    kiosk.session.reset()  # the next visitor does not see it
    assert not header.note.isVisible() and header.print_page.text() == "Print"
