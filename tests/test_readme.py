"""The README's Quick start is exactly two commands, and CI runs the test one as written."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [line[4:] for line in section.splitlines() if line.startswith("    ")]


def test_quick_start_has_two_commands_install_and_run_then_install_and_test():
    app, tests = quick_start_commands()
    assert app.startswith("python -m pip install ") and app.endswith("spine-explorer")
    assert tests.startswith("python -m pip install ") and tests.endswith("python -m pytest")
    assert "[test]" in tests


def test_ci_reads_the_test_command_from_the_readme():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in script and "pytest" in script
    assert re.search(r"python3 -m venv", script)
    assert 'eval "$test_command"' in script


def test_the_default_run_leaves_out_the_slow_tests_and_ci_runs_them_after(pytestconfig):
    addopts = pytestconfig.getini("addopts")
    assert "--strict-markers" in addopts and "--strict-config" in addopts
    assert addopts[addopts.index("-m") + 1] == "not slow"
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines()]
    assert commands.index("python -m pytest -m slow") > commands.index('eval "$test_command"')
