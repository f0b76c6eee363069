"""Mistaken and hostile content folders: each gets a ``file:line: message``, on one line,
never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.model.world import load_all
from test_content_problems import edit, line_of, problems_for

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def validate(folder: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explorer", "validate", str(folder)],
                          capture_output=True, text=True, env=ENV, timeout=timeout)


# -- loops ------------------------------------------------------------------------------------
def test_a_body_area_that_lists_itself_is_a_problem_not_a_hang(content_copy):
    areas = content_copy / "body_areas.yaml"
    edit(areas, "parts: [upper_arms_outer,", "parts: [arms, upper_arms_outer,")
    assert problems_for(content_copy) == [
        f"content/body_areas.yaml:{line_of(areas, 'id: arms')}: body area 'arms' lists itself "
        "in 'parts': arms → arms"]


def test_a_longer_loop_of_parts_is_a_problem_too(content_copy):
    areas = content_copy / "body_areas.yaml"
    edit(areas, "    name: Upper arm, outer side\n",
         "    name: Upper arm, outer side\n    parts: [hands]\n")
    edit(areas, "  - id: hands\n    name: Hands\n", "  - id: hands\n    name: Hands\n"
                                                    "    parts: [arms]\n")
    found = problems_for(content_copy)
    assert f"content/body_areas.yaml:{line_of(areas, 'id: arms')}: body area 'arms' comes " \
           "back to itself in 'parts': arms → upper_arms_outer → hands → arms" in found


def test_a_self_listing_area_no_longer_hangs_the_app_at_start(content_copy, tmp_path):
    """The issue's reproduction: the app used to never finish starting."""
    edit(content_copy / "body_areas.yaml", "parts: [upper_arms_outer,",
         "parts: [arms, upper_arms_outer,")
    shot = tmp_path / "x.png"
    done = subprocess.run([sys.executable, "-m", "explorer", "--content", str(content_copy),
                           "--select", "cervical", "--screenshot", str(shot), "--size",
                           "1920x1080"], capture_output=True, text=True, env=ENV, timeout=60)
    assert "lists itself in 'parts'" in done.stderr
    assert "Traceback" not in done.stderr


# -- ids and sections -------------------------------------------------------------------------
def test_ids_that_differ_only_by_whitespace_are_duplicates(content_copy):
    areas = content_copy / "body_areas.yaml"
    edit(areas, "  - id: neck\n", '  - id: "arms "\n')
    found = problems_for(content_copy)
    first = line_of(areas, 'id: "arms "')
    assert (f"content/body_areas.yaml:{line_of(areas, '- id: arms')}: duplicate id 'arms' "
            f"(first at line {first})") in found


def test_an_id_with_a_newline_is_reported_on_one_line_at_its_line(content_copy):
    areas = content_copy / "body_areas.yaml"
    edit(areas, "  - id: neck\n", '  - id: "ne\\nck"\n    size: big\n')
    found = problems_for(content_copy)
    id_line = line_of(areas, 'id: "ne')
    assert f"content/body_areas.yaml:{id_line}: 'ne ck' is not a valid id " \
           "(letters, digits, _ and -)" in found
    assert any(p.startswith(f"content/body_areas.yaml:{line_of(areas, 'size: big')}: unknown "
                            "key 'size' in body area 'ne ck' (expected: id, name,")
               for p in found)
    assert all("\n" not in p for p in found)
    assert not any("did you mean 'ne ck'" in p for p in found)  # not a usable id to suggest


def test_a_see_your_doctor_box_with_no_signs_is_a_problem(content_copy):
    topics = content_copy / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    start = text.index("        items:\n          - Spasms that keep coming back regularly")
    end = text.index("        kind: doctor")
    topics.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems_for(content_copy)
    line = line_of(topics, "heading: When to see a doctor")
    assert f"content/topics.yaml:{line}: the section 'When to see a doctor' is a " \
           "see-your-doctor box with no signs: list them under 'items' or 'warning_signs'" \
           in found


def test_a_heading_with_nothing_under_it_is_a_problem(content_copy):
    topics = content_copy / "topics.yaml"
    edit(topics, "    sections:\n", "    sections:\n      - heading: Nothing here\n")
    found = problems_for(content_copy)
    assert f"content/topics.yaml:{line_of(topics, 'heading: Nothing here')}: the section " \
           "'Nothing here' has a heading and nothing under it: give it 'text', 'items' or " \
           "'warning_signs'" in found


# -- values YAML cannot give us ----------------------------------------------------------------
@pytest.mark.parametrize("value", ["!!bool maybe", "!!timestamp 'nope'", "!!float", "!!str x"])
def test_a_tag_in_content_is_a_problem_at_its_line(content_copy, value):
    muscles = content_copy / "muscles.yaml"
    edit(muscles, "  - id: biceps\n", f"  - id: biceps\n    size: {value}\n")
    tag = value.split()[0]
    assert problems_for(content_copy) == [
        f"content/muscles.yaml:{line_of(muscles, 'size:')}: the tag '{tag}' is not allowed: "
        "write the value without a tag"]


def test_a_5000_digit_number_and_a_control_character_are_named_at_their_lines(content_copy):
    muscles, regions = content_copy / "muscles.yaml", content_copy / "regions.yaml"
    edit(muscles, "  - id: biceps\n", "  - id: biceps\n    size: " + "9" * 5000 + "\n")
    edit(regions, "    name: Neck\n", "    name: Ne\x01ck\n")
    found = problems_for(content_copy)
    assert found == [
        f"content/muscles.yaml:{line_of(muscles, 'size:')}: '99999999999999999999999…' cannot "
        "be read as a number: it has too many digits",
        f"content/regions.yaml:{line_of(regions, 'Ne')}: control character U+0001 is not "
        "allowed in text"]


# -- languages --------------------------------------------------------------------------------
def test_a_translations_en_folder_is_a_problem_not_a_silent_override(content_copy):
    import shutil

    shutil.copytree(content_copy / "translations" / "es", content_copy / "translations" / "en")
    assert problems_for(content_copy) == [
        "content/translations/en:1: English is the base language: its text is the content "
        "files themselves, so a 'translations/en' folder is not read; remove it"]


def test_a_language_folder_that_is_not_a_code_is_a_problem(content_copy):
    (content_copy / "translations" / "es").rename(content_copy / "translations" / "Spanish\n")
    problems = load_all(content_copy).problems
    assert [(Path(p.file).name, p.line, p.message) for p in problems] == [
        ("Spanish\n", 1, "'Spanish\n' is not a language code such as es or pt_BR")]
    assert str(problems[0]).endswith(
        "/translations/Spanish\\n:1: 'Spanish\\n' is not a language code such as es or pt_BR")


# -- files that are not files -----------------------------------------------------------------
posix_only = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs")


@posix_only
@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_content_file_linked_to_a_device_is_a_problem(content_copy, target):
    regions = content_copy / "regions.yaml"
    regions.unlink()
    regions.symlink_to(target)
    done = validate(content_copy)
    assert done.returncode == 1, done.stderr
    assert f"{regions}:1: it is a device, not a regular file" in done.stdout.splitlines()
    assert "Traceback" not in done.stderr


@posix_only
@pytest.mark.parametrize("name", ["muscles.yaml", "translations/es/ui.yaml"])
def test_a_content_file_that_is_a_fifo_is_a_problem_not_a_hang(content_copy, name):
    path = content_copy / name
    path.unlink()
    os.mkfifo(path)
    done = validate(content_copy, timeout=20)
    assert done.returncode == 1
    assert f"{path}:1: it is a FIFO (named pipe), not a regular file" in done.stdout.splitlines()


@posix_only
def test_the_app_starts_with_a_fifo_in_the_content_folder(content_copy, tmp_path):
    """Start-up reads every file for the cache key too: it must not wait on a FIFO."""
    os.mkfifo(content_copy / "notes.yaml")
    done = subprocess.run([sys.executable, "-m", "explorer", "--content", str(content_copy),
                           "--screenshot", str(tmp_path / "x.png")], capture_output=True,
                          text=True, env=ENV, timeout=60)
    assert "notes.yaml:1: unknown content file" in done.stderr
