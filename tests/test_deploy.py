"""The Linux kiosk set-up in deploy/: systemd keeps the app alive and restarts it if it hangs."""

import configparser
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy" / "linux"


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


@pytest.mark.parametrize("name", ["spine-explorer-kiosk.service", "spine-explorer.service"])
def test_units_restart_forever_and_watch_for_hangs(name):
    parsed = unit(name)
    service = parsed["Service"]
    assert service["Restart"] == "always"
    assert parsed["Unit"]["StartLimitIntervalSec"] == "0"  # never gives up
    assert service["Type"] == "notify" and int(service["WatchdogSec"]) > 0
    assert service["RestartPreventExitStatus"] == "3"  # the staff menu's Exit
    assert "spine-explorer --kiosk" in service["ExecStart"]
    assert parsed["Install"]["WantedBy"]


def test_the_dedicated_kiosk_runs_in_cage_without_console_switching():
    service = unit("spine-explorer-kiosk.service")["Service"]
    command = service["ExecStart"].split()
    assert command[0].endswith("/cage") and "-s" not in command[:command.index("--")]
    assert service["NotifyAccess"] == "all"  # the app, a child of cage, sends the heartbeats
