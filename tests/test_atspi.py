"""What a screen reader gets, read from outside through the real AT-SPI bus (as Orca reads
it): names, roles, headings, text, languages, the focus after each move, keys, and the
kiosk's overlays.  One app process per scenario; the scenario itself is a small pyatspi
client in ``tests/atspi/`` that prints each check as it passes.

Without Xvfb, openbox, D-Bus, the AT-SPI bus or pyatspi these tests are skipped (with the
reason), except under ``CI=true``, where they must run.
"""

from __future__ import annotations

import os

import pytest

from atspi_session import Desktop, missing
from explorer.config import hash_pin

PIN = "2468"
pytestmark = pytest.mark.slow  # an X server, the buses and the whole app, for each scenario


@pytest.fixture(scope="module")
def desktop():
    lacking = missing()
    if lacking:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the AT-SPI tests must run in CI, but {lacking}")
        pytest.skip(f"no AT-SPI desktop here: {lacking}")
    made = Desktop()
    yield made
    made.close()


def run(desktop: Desktop, scenario: str, *app_args: str) -> None:
    app = desktop.app(*app_args)
    try:
        done = desktop.client(scenario)
    finally:
        Desktop.stop(app)
    report = done.stdout + done.stderr
    log = desktop.app_log()
    assert done.returncode == 0, f"{scenario}:\n{report}\napp log:\n{log[-3000:]}"
    assert "ok: " in done.stdout, report
    assert "Traceback" not in log, log  # no Python error behind what the reader was told


def test_english_at_a_desk(desktop):
    """Headings, text, lists, links, focus after each move, Return and keypad Enter, arrow
    keys in groups, the body map's painted words, spoken feedback, the Tab order."""
    run(desktop, "desktop.py")


def test_spanish_then_english(desktop):
    """The language reaches the screen reader, at start and after switching."""
    run(desktop, "spanish.py", "--lang", "es")


def test_kiosk_overlays_hold_the_person(desktop, tmp_path):
    """Focus alone changes nothing; the PIN pad and the idle question are modal, speak, and
    give the focus back; the reset is announced."""
    config = tmp_path / "config.yaml"
    config.write_text(f'kiosk: true\nidle_seconds: 10\nwarning_seconds: 20\n'
                      f'pin_hash: "{hash_pin(PIN)}"\n', encoding="utf-8")
    run(desktop, "kiosk.py", "--kiosk", "--config", str(config))
