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
    expected = [c.id for c in content.conditions_of("cervical")]
    assert [c["id"] for c in data["conditions"]] == expected
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


def test_info_prints_the_signs_under_their_levels_heading(content):
    done = run("info", "compression_fracture")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    emergency = lines.index("!!! EMERGENCY: CALL 911 NOW")
    assert lines[emergency + 1].startswith("Call 911 or go to an emergency department")
    urgent = lines.index("Urgent: get medical help today")
    soon = lines.index("Make an appointment with your doctor")
    assert emergency < urgent < soon
    for sign in content.warning_signs_of("conditions", "compression_fracture"):
        start = {"emergency": emergency, "urgent": urgent, "soon": soon}[sign.level]
        end = min([i for i in (emergency, urgent, soon, len(lines)) if i > start])
        assert f"  - {sign.text}" in lines[start:end], sign.id
    assert "Last reviewed:" in done.stdout and "2026-" not in done.stdout.split("Sources:")[-1]


def test_info_in_spanish_and_as_json(content):
    done = run("info", "cauda_equina_syndrome", "--lang", "es")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Síndrome de la cola de caballo")
    assert "!!! EMERGENCIA: LLAME AL 911 AHORA" in done.stdout
    assert "Última revisión:" in done.stdout and " de 2026" in done.stdout
    data = json.loads(run("info", "nerve-S3", "--json").stdout)
    assert {s["level"] for s in data["warning_signs"]} == {"emergency"}
    assert [s["id"] for s in data["warning_signs"]] == list(
        content.get("nerve_roots", "nerve-S3").warning_signs)
    done = run("info", "lumbar", "--lang", "xx")
    assert done.returncode == 2 and "Unknown language 'xx'" in done.stderr


def test_info_uses_the_configured_emergency_number(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("emergency_number: 999\n", encoding="utf-8")
    done = run("info", "sacral", "--config", str(config))
    assert "EMERGENCY: CALL 999 NOW" in done.stdout and "911" not in done.stdout


def test_validate_shows_reviews_due_but_passes(content_copy):
    import re

    regions = content_copy / "regions.yaml"
    regions.write_text(re.sub(r"reviewed: \S+", "reviewed: 2020-01-01",
                              regions.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    done = run("validate", str(content_copy))
    assert done.returncode == 0, done.stdout
    first, *rest = done.stdout.splitlines()
    assert re.match(rf"{re.escape(str(regions))}:\d+: warning: region 'cervical' was last "
                    r"reviewed on 2020-01-01", first)
    assert rest[-1].startswith("Content is valid")


def test_validate_json_is_machine_readable(content_copy):
    good = run("validate", "--json", str(content_copy))
    report = json.loads(good.stdout)
    assert good.returncode == 0 and report["ok"] and report["problems"] == []
    assert report["languages"] == ["en", "es"] and report["counts"]["regions"] == 4
    regions = content_copy / "regions.yaml"
    regions.write_text(regions.read_text().replace("      - trapezius\n", "      - trapezus\n"))
    bad = run("validate", "--json", str(content_copy))
    report = json.loads(bad.stdout)  # nothing else on standard output
    assert bad.returncode == 1 and not report["ok"] and report["counts"] == {}
    [problem] = report["problems"]
    assert problem["file"] == f"{content_copy}/regions.yaml" and problem["line"] > 1
    assert "unknown muscle id 'trapezus'" in problem["message"]


def test_a_kiosks_start_up_problems_are_in_its_log_file(tmp_path, content_copy):
    """Issue 15: they were logged before logging was set up, so never reached the file."""
    regions = content_copy / "regions.yaml"
    regions.write_text(regions.read_text().replace("      - trapezius\n", "      - trapezus\n"))
    config = tmp_path / "config.yaml"
    config.write_text(f"kiosk: true\ncontent: {content_copy}\n")
    data = tmp_path / "data"
    done = subprocess.run([sys.executable, "-m", "explorer", "--config", str(config),
                           "--screenshot", str(tmp_path / "kiosk.png")], capture_output=True,
                          text=True, env={**ENV, "XDG_DATA_HOME": str(data)}, timeout=120)
    assert done.returncode == 0, done.stderr
    log = (data / "Spine Explorer" / "logs" / "spine-explorer.log").read_text()
    assert f"{content_copy}/regions.yaml:" in log and "unknown muscle id 'trapezus'" in log
    assert "the shipped content" in log and "Traceback" not in log


# -- handouts -----------------------------------------------------------------------------------
def _pdf_text(path: Path) -> str:
    import shutil

    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: apt-get install poppler-utils")
        pytest.skip("pdftotext is missing")
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


def test_handout_writes_a_pdf_in_the_language_asked_and_nothing_else(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("clinic_name: Clínica del Río\nclinic_phone: 555 010 2030\n"
                      "handout_link: https://clinic.example/{lang}/{id}\npaper: a4\n")
    home = {n: tmp_path / n.lower() for n in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                              "XDG_DATA_HOME")}
    done = subprocess.run([sys.executable, "-m", "explorer", "handout", "sciatica", "--output",
                           "sciatica.pdf", "--lang", "es", "--config", str(config)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120,
                          env={**ENV, **{n: str(p) for n, p in home.items()}})
    assert (done.returncode, done.stderr) == (0, "")
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
                   if p.is_file())
    assert files == ["config.yaml", "sciatica.pdf"]  # no cache, no log, no settings
    text = _pdf_text(tmp_path / "sciatica.pdf")
    assert "Ciática" in text and "Clínica del Río" in text and "Solo para aprender" in text


def test_handout_of_an_unknown_id_is_a_clear_message_and_exit_2(tmp_path):
    done = run("handout", "sciatca", "--output", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert "Unknown id 'sciatca'" in done.stderr and "sciatica" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "x.pdf").exists()


def test_handout_in_an_unknown_language_is_exit_2(tmp_path):
    done = run("handout", "L5", "--output", str(tmp_path / "x.pdf"), "--lang", "fr")
    assert done.returncode == 2 and "Unknown language 'fr'" in done.stderr
