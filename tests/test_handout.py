"""Handouts on paper: real PDFs, read back with poppler's pdftotext and pdftoppm and the QR
code decoded by zbar, as a phone would."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from explorer.model import i18n, marks
from explorer.model.handout import HandoutSettings
from explorer.model.world import World
from explorer.ui.handout import printout as printouts
from explorer.ui.theme import PAPER

PAGES = [("region", "lumbar"), ("condition", "sciatica"), ("vertebra", "C6"),
         ("disc", "L4-L5"), ("nerve", "nerve-L5"), ("area", "saddle_area"), ("home", "")]
LINK = "https://clinic.example/spine/{lang}/{id}"
CLINIC = HandoutSettings("Riverside Spine Clinic", "(555) 010-2030", "", LINK, "letter")
DISCLAIMER = {"en": "For learning only", "es": "Solo para aprender"}
REVIEWED = {"en": "Last reviewed:", "es": "Última revisión:"}


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is missing: apt-get install poppler-utils zbar-tools"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def text_of(pdf: Path) -> str:
    done = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True)
    return " ".join(done.stdout.split())  # lines joined: a heading may wrap


def page_count(pdf: Path) -> int:
    done = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True,
                          check=True)
    return int(next(line.split()[-1] for line in done.stdout.splitlines()
                    if line.startswith("Pages:")))


def page_size(pdf: Path) -> str:
    done = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True,
                          check=True)
    return next(line for line in done.stdout.splitlines() if line.startswith("Page size:"))


def first_page_png(pdf: Path, dpi: int = 150) -> Path:
    stem = pdf.with_suffix("")
    subprocess.run([tool("pdftoppm"), "-png", "-r", str(dpi), "-f", "1", "-l", "1",
                    "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


def qr_codes(pdf: Path) -> list[str]:
    done = subprocess.run([tool("zbarimg"), "--raw", "-q", str(first_page_png(pdf))],
                          capture_output=True, text=True)
    return done.stdout.split()


@pytest.fixture
def world(loaded):
    yield World(loaded)
    i18n.set_catalog("en", {})


def in_language(world: World, code: str) -> None:
    language = world.language(code)
    i18n.set_catalog(code, language.ui if language else {})


def render(world: World, key, tmp_path: Path, language: str = "en",
           settings: HandoutSettings = CLINIC, made=(), large: bool = False) -> Path:
    in_language(world, language)
    printout = printouts.make(world, key, language, settings, tuple(made), large)
    path = tmp_path / f"{key[0]}-{language}{'-large' if large else ''}.pdf"
    assert printouts.write_pdf(printout, path)
    return path


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("key", PAGES, ids=[k[0] for k in PAGES])
def test_a_handout_of_every_kind_of_page_in_both_languages(world, tmp_path, key, language):
    pdf = render(world, key, tmp_path, language)
    made = printouts.make(world, key, language, CLINIC).handout
    text = text_of(pdf)
    assert " ".join(made.title.split()) in text
    for group in made.signs:
        first = (group.items or (group.lead,))[0]
        assert " ".join(group.title.split()) in text and " ".join(first.split()[:3]) in text
    for source in made.sources:
        assert source.url in text.replace(" ", "")  # a long address may wrap
    assert DISCLAIMER[language] in text and REVIEWED[language] in text
    assert CLINIC.clinic_name in text and "(555) 010-2030" in text


def test_the_qr_code_opens_the_clinics_page_for_it(world, tmp_path):
    assert qr_codes(render(world, ("disc", "L4-L5"), tmp_path, "es")) == [
        "https://clinic.example/spine/es/L4-L5"]
    assert qr_codes(render(world, ("home", ""), tmp_path)) == [
        "https://clinic.example/spine/en/muscle_spasms"]


def test_no_link_no_qr_code(world, tmp_path):
    pdf = render(world, ("region", "cervical"), tmp_path, settings=CLINIC._replace(link=""))
    assert qr_codes(pdf) == []
    assert "Scan to read this at home" not in text_of(pdf)


def test_paper_from_the_configuration(world, tmp_path):
    letter = render(world, ("region", "sacral"), tmp_path)
    a4 = render(world, ("condition", "kyphosis"), tmp_path,
                settings=CLINIC._replace(paper="a4"))
    assert "612 x 792 pts (letter)" in page_size(letter)
    assert "595 x 842 pts (A4)" in page_size(a4)


@pytest.mark.parametrize("country,paper", [("US", "Letter"), ("CA", "Letter"),
                                           ("MX", "Letter"), ("ES", "A4"), ("GB", "A4"),
                                           ("DE", "A4")])
def test_automatic_paper_follows_the_country(country, paper):
    assert printouts.paper_for(country).name == paper


def test_large_print_takes_more_pages(world, tmp_path):
    regular = render(world, ("condition", "herniated_disc"), tmp_path)
    large = render(world, ("condition", "herniated_disc"), tmp_path, large=True)
    assert page_count(large) > page_count(regular)
    assert text_of(large).count("Herniated disc") >= 1


def test_a_logo_prints_and_a_missing_one_does_not_stop_the_handout(world, tmp_path):
    logo = tmp_path / "logo.png"
    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#7A1FA2"))
    assert image.save(str(logo))
    with_logo = render(world, ("region", "lumbar"), tmp_path,
                       settings=CLINIC._replace(clinic_logo=str(logo)))
    assert _pixel_near(first_page_png(with_logo, 60), QColor("#7A1FA2"))
    logo.unlink()  # gone since the configuration was read: it prints all the same
    without = render(world, ("region", "lumbar"), tmp_path,
                     settings=CLINIC._replace(clinic_logo=str(logo)))
    assert CLINIC.clinic_name in text_of(without)
    assert not _pixel_near(first_page_png(without, 60), QColor("#7A1FA2"))


def test_an_svg_logo_prints(world, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                    '<rect width="120" height="40" fill="#7A1FA2"/></svg>')
    pdf = render(world, ("region", "lumbar"), tmp_path,
                 settings=CLINIC._replace(clinic_logo=str(logo)))
    assert _pixel_near(first_page_png(pdf, 60), QColor("#7A1FA2"))


def _pixel_near(png: Path, colour: QColor, tolerance: int = 24) -> bool:
    image = QImage(str(png))
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) +
                    abs(pixel.blue() - colour.blue())) < tolerance:
                return True
    return False


def test_the_clinicians_marks_are_on_the_paper(world, tmp_path):
    plain = render(world, ("region", "lumbar"), tmp_path)
    assert not _pixel_near(first_page_png(plain, 60), QColor(PAPER.mark))
    made = [marks.pin("spine", (200.0, 700.0)), marks.line("body", [(150, 300), (170, 420)]),
            marks.pin("body", (520.0, 200.0))]
    (tmp_path / "marked").mkdir()
    marked = render(world, ("region", "lumbar"), tmp_path / "marked", made=made)
    assert _pixel_near(first_page_png(marked, 60), QColor(PAPER.mark))
    text = text_of(marked)
    assert "Notes from your visit" in text and "1" in text and "2" in text


def test_text_of_a_region_handout_reads_in_order(world, tmp_path):
    text = text_of(render(world, ("region", "lumbar"), tmp_path))
    order = ["PART OF THE SPINE", "Lower back — lumbar spine",
             "Emergency: call 911 now", "Where you may feel it",
             "Muscles this area can affect", "Related conditions", "Sources",
             "Page 1 of"]
    at = [text.find(words) for words in order]
    assert -1 not in at and at[:-1] == sorted(at[:-1]), dict(zip(order, at, strict=True))


@pytest.mark.parametrize("large", [False, True], ids=["regular", "large print"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_drawings_stand_whole_on_the_first_page(world, tmp_path, language, large):
    pdf = render(world, ("region", "lumbar"), tmp_path, language, large=large)
    done = subprocess.run([tool("pdftotext"), "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    first = " ".join(done.stdout.split())
    names = world.content(language).region("sacral").name  # the last label on the spine
    front = "Front view" if language == "en" else "Vista de frente"
    assert names.split()[0] in first and front in first  # the body map's labels too
