"""Fuzz: mutated copies of the shipped content, each checked by a real `validate` run.

Every run must end within a time limit, exit 0 or 1, and say each problem as one
``file:line: message`` line, never a traceback.  Mutations: bytes, truncation, keys,
types, YAML tags, loops, and files that are not files (FIFOs, devices, folders, links).
The default run is a fixed seed and a modest count; ``python -m pytest -m slow`` runs
many more.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from explorer import resources

TIME_LIMIT = 20  # seconds for one validate run (about 0.3 s is usual)
PROBLEM = re.compile(r"[^\n]+:\d+: \S[^\n]*")
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

_TAGS = ["!!bool maybe", "!!timestamp 'nope'", "!!float", "!!int x", "!!python/object:os.system",
         "&anchor x", "*alias", "!custom x", "! x"]
_VALUES = ["[x]", "{a: 1}", "12", "true", "null", "2026-02-30", "9" * 5000, '"a\\x01b"', "",
           "'   '", "- x", ".nan", "-.inf", "0x_", "~", '"lumbar "', '"ne\\nck"']


def _yaml_files(folder: Path) -> list[Path]:
    """The files a mutation may change (not the huge sparse ones an earlier change made)."""
    return sorted(p for p in folder.rglob("*.yaml")
                  if p.is_file() and not p.is_symlink() and p.stat().st_size < 2_000_000)


def _lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8", "replace").splitlines(keepends=True)


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("".join(lines), encoding="utf-8")


def mutate_bytes(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 6) if data else 0):
        data[rng.randrange(len(data))] = rng.choice([0, 1, 0x7F, 0xFF, 0x85, ord("{"), ord(":"),
                                                      ord("-"), ord("\t"), ord("'"),
                                                      rng.randrange(256)])
    path.write_bytes(bytes(data))


def mutate_truncate(path: Path, rng: random.Random) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:rng.randrange(len(data) + 1)])


def mutate_key(path: Path, rng: random.Random) -> None:
    lines = _lines(path)
    keyed = [i for i, line in enumerate(lines) if re.match(r"\s*-?\s*\w+:", line)]
    if not keyed:
        return
    i = rng.choice(keyed)
    if rng.random() < 0.5:
        del lines[i]
    else:
        lines[i] = re.sub(r"(\w+):", lambda m: m[1][:-1] + "x:", lines[i], count=1)
    _write_lines(path, lines)


def mutate_value(path: Path, rng: random.Random, choices: list[str]) -> None:
    lines = _lines(path)
    valued = [i for i, line in enumerate(lines) if re.match(r"\s*-?\s*\w+: \S", line)]
    if not valued:
        return
    i = rng.choice(valued)
    lines[i] = re.sub(r"(\w+): .*", lambda m: f"{m[1]}: {rng.choice(choices)}", lines[i],
                      count=1)
    _write_lines(path, lines)


def mutate_loop(folder: Path, rng: random.Random) -> None:
    areas = folder / "body_areas.yaml"
    text = areas.read_text(encoding="utf-8")
    if rng.random() < 0.5:
        text = text.replace("parts: [upper_arms_outer,", "parts: [arms, upper_arms_outer,", 1)
    else:
        text = text.replace("    name: Hands\n", "    name: Hands\n    parts: [arms]\n", 1)
        text = text.replace("    name: Upper arm, outer side\n",
                            "    name: Upper arm, outer side\n    parts: [hands]\n", 1)
    areas.write_text(text, encoding="utf-8")


def mutate_file_kind(folder: Path, path: Path, rng: random.Random, keep: list) -> None:
    kind = rng.choice(["fifo", "zero", "urandom", "folder", "dangling", "loop", "empty",
                       "sparse", "socket", "en", "odd language"])
    if kind in ("en", "odd language"):
        code = "en" if kind == "en" else rng.choice(["xx yy", "ES", "e\ns", ".hidden", "x" * 40])
        target = folder / "translations" / code
        if not target.exists():
            shutil.copytree(resources.content_dir() / "translations" / "es", target)
        return
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind in ("zero", "urandom"):
        path.symlink_to(f"/dev/{kind}")
    elif kind == "folder":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(path.with_name("nowhere"))
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "sparse":
        with path.open("wb") as handle:
            handle.truncate(5_000_000_000)
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        keep.append(server)  # bound until the run is over


def mutate(folder: Path, rng: random.Random, keep: list) -> str:
    kind = rng.choice(["bytes", "truncate", "key", "type", "tag", "loop", "file kind"])
    files = _yaml_files(folder)
    if not files:
        return "nothing left to change"
    path = rng.choice(files)
    try:
        if kind == "bytes":
            mutate_bytes(path, rng)
        elif kind == "truncate":
            mutate_truncate(path, rng)
        elif kind == "key":
            mutate_key(path, rng)
        elif kind in ("type", "tag"):
            mutate_value(path, rng, _VALUES if kind == "type" else _TAGS)
        elif kind == "loop":
            mutate_loop(folder, rng)
        else:
            mutate_file_kind(folder, path, rng, keep)
    except (OSError, UnicodeError):  # an earlier change left nothing this one can work on
        return f"{kind} {path.relative_to(folder)} (not possible)"
    return f"{kind} {path.relative_to(folder)}"


def check_run(folder: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "explorer", "validate", str(folder)],
                          capture_output=True, text=True, env=ENV, timeout=TIME_LIMIT,
                          errors="replace")
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), (done.returncode, done.stderr)
    lines = done.stdout.splitlines()
    if done.returncode == 0:
        assert len(lines) == 1 and lines[0].startswith("Content is valid"), done.stdout
        return
    assert lines, done.stderr
    assert all(PROBLEM.fullmatch(line) for line in lines), done.stdout
    assert re.fullmatch(r"\d+ problem\(s\) found\.\n", done.stderr), done.stderr


def fuzz(tmp_path: Path, count: int, seed: int) -> dict[int, str]:
    """Run ``count`` mutated folders; the failures, by run number."""
    rng = random.Random(seed)
    plans = []
    for run in range(count):
        folder = tmp_path / f"run{run}"
        shutil.copytree(resources.content_dir(), folder)
        plans.append((run, folder, random.Random(rng.random())))
    keep: list = []
    failures: dict[int, str] = {}

    def one(plan) -> None:
        run, folder, run_rng = plan
        done = [mutate(folder, run_rng, keep) for _ in range(run_rng.choice([1, 1, 2, 3]))]
        try:
            check_run(folder)
        except (AssertionError, subprocess.TimeoutExpired) as exc:
            failures[run] = f"{done}: {str(exc)[:800]}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    try:
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            list(pool.map(one, plans))
    finally:
        for server in keep:
            server.close()
    return failures


@pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and sockets")
def test_mutated_content_always_gets_an_answer(tmp_path):
    assert fuzz(tmp_path, 30, seed=14) == {}


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and sockets")
def test_many_mutated_content_folders(tmp_path, long_run):
    assert fuzz(tmp_path, 400, seed=1415) == {}
