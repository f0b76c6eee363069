"""The staff PIN done properly: how `set-pin` writes the file, which PINs it takes, and a
lock-out that grows and survives a restart."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from explorer.config import check_pin, hash_pin, load_config
from explorer.kiosk.pinguard import PinGuard, Tries

PIN = "2468"
PIN_HASH = hash_pin(PIN)
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes and symlinks")


def set_pin(config, stdin: str, umask: int = 0o022) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "explorer", "set-pin", "--config", str(config)],
                          input=stdin, capture_output=True, text=True, timeout=60, umask=umask,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- set-pin ----------------------------------------------------------------------------------
@posix_only
def test_a_new_config_is_private_whatever_the_umask(tmp_path):
    config = tmp_path / "config.yaml"
    assert set_pin(config, "13579\n13579\n", umask=0).returncode == 0
    assert mode(config) == 0o600
    assert check_pin("13579", load_config(config).config.pin_hash)
    assert [p.name for p in tmp_path.iterdir()] == ["config.yaml"]  # no temporary file left


@posix_only
@pytest.mark.parametrize("old_mode", [0o600, 0o640, 0o604])
def test_the_file_keeps_its_own_mode(tmp_path, old_mode):
    config = tmp_path / "config.yaml"
    config.write_text("kiosk: true\n")
    config.chmod(old_mode)
    assert set_pin(config, "13579\n13579\n").returncode == 0
    assert mode(config) == old_mode


@posix_only
def test_a_symlinked_config_is_written_through_the_link(tmp_path):
    real = tmp_path / "etc" / "spine-explorer.yaml"
    real.parent.mkdir()
    real.write_text("kiosk: true\n")
    real.chmod(0o640)
    link = tmp_path / "config.yaml"
    link.symlink_to(real)
    assert set_pin(link, "13579\n13579\n").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert mode(real) == 0o640
    assert real.read_text().startswith("kiosk: true\n")
    assert check_pin("13579", load_config(link).config.pin_hash)


@pytest.mark.parametrize("text", [
    "kiosk: true\npin_hash: >-\n  scrypt$16384$8$1$c2FsdA==\n  $ZGlnZXN0\nidle_seconds: 60\n",
    "kiosk: true\npin_hash: |\n  old\n\nidle_seconds: 60\n",
    "  kiosk: true\n  pin_hash: old\n  idle_seconds: 60\n",
    "  kiosk: true\n  idle_seconds: 60\n",
    "{kiosk: true, pin_hash: old, idle_seconds: 60}\n",
    "{kiosk: true, idle_seconds: 60}\n",
    "kiosk: true\npin_hash: 'old\n  continued'   # a comment\nidle_seconds: 60\n",
    "kiosk: true\npin_hash:\n  - not\n  - a hash\nidle_seconds: 60\n",
])
def test_however_pin_hash_was_written_the_new_file_reads_back(tmp_path, text):
    config = tmp_path / "config.yaml"
    config.write_text(text)
    done = set_pin(config, "13579\n13579\n")
    assert done.returncode == 0, done.stderr
    loaded = load_config(config)
    assert loaded.problems == ()
    assert loaded.config.kiosk and loaded.config.idle_seconds == 60
    assert check_pin("13579", loaded.config.pin_hash)
    assert config.read_text().count("pin_hash") == 1


def test_a_config_that_is_not_yaml_is_left_alone(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("kiosk: [true\n")
    done = set_pin(config, "13579\n13579\n")
    assert done.returncode == 1
    assert f"{config}:2: YAML syntax error" in done.stderr and "fix it first" in done.stderr
    assert config.read_text() == "kiosk: [true\n"


@pytest.mark.parametrize("pin", ["١٢٣٤", "１２３４", "12 34", "123", "123456789", "12345a", ""])
def test_only_4_to_8_ascii_digits_make_a_pin(tmp_path, pin):
    config = tmp_path / "config.yaml"
    done = set_pin(config, f"{pin}\n{pin}\n")
    assert done.returncode == 1 and "A PIN is 4 to 8 of the digits 0 to 9." in done.stderr
    assert not config.exists()


def test_eight_digits_are_fine(tmp_path):
    config = tmp_path / "config.yaml"
    assert set_pin(config, "12345678\n12345678\n").returncode == 0
    assert check_pin("12345678", load_config(config).config.pin_hash)


# -- the guard --------------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now


def wrong_three_times(guard: PinGuard) -> list[str]:
    return [guard.attempt("0000") for _ in range(3)]


def test_lock_outs_grow_1_5_15_then_60_minutes(tmp_path):
    clock = Clock()
    guard = PinGuard(PIN_HASH, tmp_path / "tries.json", clock=clock)
    lengths = []
    for _ in range(5):
        assert wrong_three_times(guard) == ["wrong", "wrong", "locked"]
        lengths.append(guard.locked_for())
        assert guard.attempt(PIN) == "locked"  # even the right PIN, while locked
        clock.now += lengths[-1]
    assert lengths == [60, 300, 900, 3600, 3600]
    assert guard.attempt(PIN) == "ok"
    assert wrong_three_times(guard)[-1] == "locked" and guard.locked_for() == 60  # back to 1


def test_the_count_survives_a_restart(tmp_path):
    clock, tries = Clock(), tmp_path / "tries.json"
    first = PinGuard(PIN_HASH, tries, clock=clock)
    wrong_three_times(first)
    clock.now += 60
    assert first.attempt("1111") == "wrong"
    assert stat.S_IMODE(tries.stat().st_mode) == 0o600
    restarted = PinGuard(PIN_HASH, tries, clock=clock)  # the app was killed and came back
    assert restarted.state == Tries(wrong=1, lockouts=1, locked_until=clock.now)
    assert [restarted.attempt("0000"), restarted.attempt("0000")] == ["wrong", "locked"]
    assert restarted.locked_for() == 300  # the second lock-out, not the first again
    assert PinGuard(PIN_HASH, tries, clock=clock).locked_for() == 300


def test_a_try_is_counted_before_the_pin_is_checked(tmp_path):
    tries = tmp_path / "tries.json"
    guard = PinGuard(PIN_HASH, tries, clock=Clock())
    guard.attempt("0000")
    assert json.loads(tries.read_text())["wrong"] == 1
    guard.attempt(PIN)
    assert json.loads(tries.read_text()) == {"wrong": 0, "lockouts": 0, "locked_until": 0.0}


def test_a_spoiled_tries_file_starts_locked_not_fresh(tmp_path):
    tries = tmp_path / "tries.json"
    tries.write_text("{not json")
    clock = Clock()
    guard = PinGuard(PIN_HASH, tries, clock=clock)
    assert guard.locked_for() == 60 and guard.attempt(PIN) == "locked"


def test_a_clock_set_back_does_not_lengthen_a_lock_out(tmp_path):
    clock = Clock()
    guard = PinGuard(PIN_HASH, tmp_path / "tries.json", clock=clock)
    wrong_three_times(guard)
    clock.now -= 10 * 24 * 3600
    assert guard.locked_for() == 60


def test_an_empty_ok_is_not_a_try(tmp_path):
    guard = PinGuard(PIN_HASH, tmp_path / "tries.json", clock=Clock())
    assert [guard.attempt("") for _ in range(10)] == ["empty"] * 10
    assert guard.state == Tries() and guard.locked_for() == 0


def test_an_unusable_hash_is_no_pin(tmp_path):
    guard = PinGuard("scrypt$3$8$1$AAAA$AAAA", tmp_path / "tries.json")
    assert guard.pin_hash == "" and guard.attempt("1234") == "unset"
    assert not (tmp_path / "tries.json").exists()
