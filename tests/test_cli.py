"""The command line, run as real subprocesses the way an author or a script runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explorer", *args], capture_output=True,
                          text=True, env=ENV, cwd=cwd, timeout=120)


def test_validate_the_shipped_content():
    done = run("validate")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Content is valid: 4 regions,")
    assert len(done.stdout.strip().splitlines()) == 1


def test_validate_reports_every_problem_and_exits_1(content_copy):
    regions = content_copy / "regions.yaml"
    regions.write_text(regions.read_text().replace("      - trapezius\n", "      - trapezus\n"))
    (content_copy / "topics.yaml").write_text("")
    done = run("validate", str(content_copy))
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{content_copy}/regions.yaml:") or \
        lines[1].startswith(f"{content_copy}/regions.yaml:")
    assert any(":1: the file is empty" in line for line in lines)
    assert "2 problem(s) found." in done.stderr
    assert "Traceback" not in done.stderr


def test_info_json_for_a_region(content):
    done = run("info", "cervical", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    region = content.region("cervical")
    assert data["id"] == "cervical" and data["name"] == region.name
    assert [m["id"] for m in data["muscles"]] == list(region.muscles)
    assert all(set(m) >= {"id", "name"} for m in data["muscles"])
    assert [c["id"] for c in data["conditions"]] == [c.id for c in content.conditions_of("cervical")]
    assert [a["id"] for a in data["body_areas"]] == list(region.body_areas)


def test_info_json_for_a_condition(content):
    data = json.loads(run("info", "sciatica", "--json").stdout)
    assert data["name"] == "Sciatica"
    assert [r["id"] for r in data["regions"]] == list(content.condition("sciatica").regions)


def test_info_text_reads_like_the_page(content):
    done = run("info", "lumbar")
    assert done.returncode == 0
    assert done.stdout.startswith("Lower back — Lumbar spine")
    assert "Muscles this area can affect:" in done.stdout
    assert "Sciatica (sciatica)" in done.stdout


def test_info_unknown_id_is_a_clear_message_and_exit_2():
    done = run("info", "lumbr")
    assert done.returncode == 2
    assert "Unknown id 'lumbr'" in done.stderr and "lumbar" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("select", "size"), [("lumbar", "1024x768"), ("sciatica", "1280x800")])
def test_screenshot_renders_the_selection_without_a_display(tmp_path, select, size):
    target = tmp_path / "shot.png"
    env = {k: v for k, v in ENV.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                        "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "explorer", "--select", select, "--screenshot",
                           str(target), "--size", size], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == tuple(int(v) for v in size.split("x"))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 37)}
    assert len(colours) > 20  # a real picture, not a blank window


def test_bad_size_and_unknown_select_are_usage_errors(tmp_path):
    done = run("--select", "nowhere", "--screenshot", str(tmp_path / "x.png"))
    assert done.returncode == 2 and "Unknown id 'nowhere'" in done.stderr
    done = run("--screenshot", str(tmp_path / "x.png"), "--size", "huge")
    assert done.returncode == 2 and "WIDTHxHEIGHT" in done.stderr


def test_broken_content_folder_never_shows_a_traceback(tmp_path, content_copy):
    (content_copy / "regions.yaml").write_text("regions: [\n")
    target = tmp_path / "problems.png"
    done = run("--content", str(content_copy), "--screenshot", str(target))
    assert done.returncode == 0
    assert "regions.yaml:" in done.stderr and "Traceback" not in done.stderr
    assert target.exists()
