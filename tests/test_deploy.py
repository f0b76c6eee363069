"""The Linux kiosk set-up in deploy/: systemd keeps the app alive and restarts it if it hangs."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.model.world import load_all

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


# -- a fleet: content delivered from git, checked, made current atomically -------------------
UPDATE = DEPLOY / "spine-explorer-content-update"


def test_the_content_timer_starts_the_content_service_regularly():
    timer = unit("spine-explorer-content.timer")
    assert timer["Timer"]["OnBootSec"] and timer["Timer"]["OnUnitActiveSec"]
    assert timer["Timer"]["Persistent"] == "true" and timer["Timer"]["RandomizedDelaySec"]
    assert timer["Install"]["WantedBy"] == "timers.target"
    service = unit("spine-explorer-content.service")["Service"]  # the timer's own name
    assert service["Type"] == "oneshot" and service["User"] == "kiosk"
    assert service["StateDirectory"] == "spine-explorer-content"
    command = service["ExecStart"].split()
    assert command[0] == "/usr/local/bin/spine-explorer-content-update" and len(command) == 3
    assert "validate" not in service["ExecStart"]  # the script validates, with SPINE_EXPLORER
    assert service["Environment"].startswith("SPINE_EXPLORER=")


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), "-c", "user.name=Clinic",
                           "-c", "user.email=clinic@example.org", *args], check=True,
                          capture_output=True, text=True).stdout.strip()


@pytest.fixture
def clinic_repository(tmp_path, content_copy):
    """The clinic's content in a git repository of its own."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repository = tmp_path / "clinic-content"
    shutil.copytree(content_copy, repository)
    git(repository, "init", "--quiet", "--initial-branch=main")
    git(repository, "add", "-A")
    git(repository, "commit", "--quiet", "-m", "The clinic's content")
    return repository


def deliver(repository: Path, root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CONTENT_ROOT": str(root), "KEEP": "2",
           "SPINE_EXPLORER": f"{sys.executable} -m explorer"}
    return subprocess.run([str(UPDATE), str(repository), "main"], capture_output=True,
                          text=True, env=env, timeout=120)


def commit_edit(repository: Path, file: str, old: str, new: str) -> str:
    path = repository / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    git(repository, "commit", "--quiet", "-am", f"{file}: {new}")
    return git(repository, "rev-parse", "HEAD")


@pytest.mark.slow  # seven deliveries, each a validation in a new process
def test_content_is_delivered_only_once_it_validates(clinic_repository, tmp_path):
    root = tmp_path / "delivered"
    current = root / "current"
    first = deliver(clinic_repository, root)
    head = git(clinic_repository, "rev-parse", "HEAD")
    assert first.returncode == 0, first.stderr
    assert current.is_symlink() and current.resolve() == (root / "releases" / head).resolve()
    assert not load_all(current).problems
    again = deliver(clinic_repository, root)  # nothing new
    assert again.returncode == 0 and current.resolve().name == head
    assert os.listdir(root / "releases") == [head]

    broken = commit_edit(clinic_repository, "regions.yaml", "  - id: lumbar\n",
                         "  - id: lumbar\n    oops: 1\n")
    refused = deliver(clinic_repository, root)
    assert refused.returncode == 1
    assert f"{root}/releases/{broken}/regions.yaml:" in refused.stderr
    assert "unknown key 'oops'" in refused.stderr and "current stays" in refused.stderr
    assert current.resolve().name == head  # the kiosk keeps what it had
    assert sorted(os.listdir(root / "releases")) == [head]  # nothing half-made left

    fixed = commit_edit(clinic_repository, "regions.yaml", "    oops: 1\n", "")
    commit_edit(clinic_repository, "regions.yaml", "name: Lower back", "name: Low back")
    taken = deliver(clinic_repository, root)
    newest = git(clinic_repository, "rev-parse", "HEAD")
    assert taken.returncode == 0, taken.stderr
    assert current.resolve().name == newest != fixed
    assert load_all(current).content.region("lumbar").name == "Low back"
    for number in range(3):
        commit_edit(clinic_repository, "regions.yaml", "name: Low back" if number == 0 else
                    f"name: Low back {number - 1}", f"name: Low back {number}")
        assert deliver(clinic_repository, root).returncode == 0
    kept = os.listdir(root / "releases")
    assert len(kept) == 3 and current.resolve().name in kept  # current and KEEP=2 before it


def test_a_watching_kiosk_takes_a_delivery_at_its_next_reset(qtbot, qapp, clinic_repository,
                                                             tmp_path):
    from explorer import app as app_module
    from explorer.ui.theme import DEFAULT
    from helpers import show

    root = tmp_path / "delivered"
    assert deliver(clinic_repository, root).returncode == 0
    config = tmp_path / "config.yaml"
    config.write_text(f"kiosk: true\nwatch: true\ncontent: {root / 'current'}\n")
    started = app_module.start(config_path=config)
    window, controller = started.window, started.kiosk
    qtbot.addWidget(window)
    try:
        show(qtbot, window)
        controller.activity()  # a visitor
        before = window.world
        commit_edit(clinic_repository, "regions.yaml", "name: Lower back", "name: Low back")
        assert deliver(clinic_repository, root).returncode == 0
        qtbot.waitUntil(lambda: controller.pending is not None, timeout=15000)
        assert window.world is before
        controller.reset_session()
        assert window.content.region("lumbar").name == "Low back"
    finally:
        controller.uninstall()
        window.close()
        app_module.apply_theme(qapp, DEFAULT)
