"""The content cache can't hurt: warm, cold, partial, broken, foreign, read-only and killed
caches, on real files.  Whatever is wrong with a cache, the world that loads is the one the
content files make, and a line in the log says why the cache was not used."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import time
import zlib
from array import array
from pathlib import Path

import pytest

from explorer import __version__
from explorer.model import cache
from explorer.model.world import World, load_all


@pytest.fixture
def cold(content_copy):
    """What the content folder makes, parsed without any cache."""
    result = load_all(content_copy)
    assert not result.problems
    return result


def same_world(a, b) -> bool:
    return (a.content == b.content and a.drawing == b.drawing and a.body == b.body
            and dict(a.languages) == dict(b.languages) and not a.problems and not b.problems)


def only_cache(folder: Path) -> Path:
    files = list(folder.glob("content-*.json"))
    assert len(files) == 1, files
    return files[0]


class Crafted:
    """A cache file's JSON data and its drawings' numbers, to change."""

    def __init__(self, data: dict, numbers: array) -> None:
        self.data = data
        self.numbers = numbers
        self.raw: dict[str, str] = {}  # placeholder -> JSON too deep for json.dumps


def rewrite(path: Path, change) -> None:
    """Change the data of a cache file and give it a header that matches again: the file is
    then as a hand-crafted (or buggy) one would be, not merely corrupted."""
    head, _, rest = path.read_bytes().partition(b"\n")
    header = json.loads(head)
    crafted = Crafted(json.loads(rest[:header["size"]]), array("d", rest[header["size"]:]))
    change(crafted)
    text = json.dumps(crafted.data).encode()
    for placeholder, raw in crafted.raw.items():
        text = text.replace(json.dumps(placeholder).encode(), raw.encode())
    body = text + crafted.numbers.tobytes()
    header.update(size=len(text), blob=len(body) - len(text), crc=zlib.crc32(body))
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


def ignored(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "content cache" in r.getMessage()]


def test_a_warm_start_gives_the_same_world_whole_and_parses_no_yaml(content_copy, cold,
                                                                    tmp_path):
    folder = tmp_path / "cache"
    first = load_all(content_copy, cache_dir=folder)
    assert same_world(first, cold) and only_cache(folder)
    warm = load_all(content_copy, cache_dir=folder)
    assert same_world(warm, cold) and warm.key == first.key
    script = ("import sys; from pathlib import Path; from explorer.model.world import World, "
              "load_all; w = World(load_all(Path(sys.argv[1]), cache_dir=Path(sys.argv[2]))); "
              "print(w.ok, w.has_body, sorted(w.languages), 'yaml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script, str(content_copy), str(folder)],
                         capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["True", "True", "['es']", "False"], out.stderr


def test_a_world_needs_its_cache_no_more_once_loaded(content_copy, tmp_path, make_window,
                                                     qtbot):
    """The crash of issue 14: the body map and Spanish were read from their own cache files
    when first needed, and a deleted file killed the app.  Now the world is complete."""
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    warm = load_all(content_copy, cache_dir=folder)
    shutil.rmtree(folder)
    window = make_window(loaded_result=warm, size=(1920, 1080))  # the body map shows
    assert window.arrangement.mode == "wide" and window.body_map.isVisible()
    window.header.language_buttons["es"].click()
    assert window.content.region("lumbar").name == cold_spanish_name(content_copy)
    assert window.world.search_index("es").search("ciatica")[0].id == "sciatica"


def cold_spanish_name(folder: Path) -> str:
    return World(load_all(folder)).content("es").region("lumbar").name


def test_deleting_the_cache_folder_or_its_file_rebuilds_it(content_copy, cold, tmp_path,
                                                           caplog):
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    only_cache(folder).unlink()
    assert same_world(load_all(content_copy, cache_dir=folder), cold) and only_cache(folder)
    shutil.rmtree(folder)
    assert same_world(load_all(content_copy, cache_dir=folder), cold) and only_cache(folder)
    assert not ignored(caplog)  # no cache is not a broken cache


@pytest.mark.parametrize("cut", ["header only", "half", "all but one byte", "empty"])
def test_a_truncated_cache_is_ignored_and_rebuilt(content_copy, cold, tmp_path, caplog, cut):
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    path = only_cache(folder)
    raw = path.read_bytes()
    keep = {"header only": raw.index(b"\n") + 1, "half": len(raw) // 2,
            "all but one byte": len(raw) - 1, "empty": 0}[cut]
    path.write_bytes(raw[:keep])
    with caplog.at_level(logging.WARNING):
        assert same_world(load_all(content_copy, cache_dir=folder), cold)
    assert ignored(caplog) and path.read_bytes() == raw  # rebuilt whole
    assert same_world(load_all(content_copy, cache_dir=folder), cold)


def test_a_corrupted_byte_is_noticed(content_copy, cold, tmp_path, caplog):
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    path = only_cache(folder)
    raw = bytearray(path.read_bytes())
    at = raw.index(b"Lower back")  # a name a patient reads: the checksum sees the change
    raw[at] = ord("J")
    path.write_bytes(bytes(raw))
    with caplog.at_level(logging.WARNING):
        warm = load_all(content_copy, cache_dir=folder)
    assert same_world(warm, cold) and warm.content.region("lumbar").name == "Lower back"
    assert any("checksum" in m for m in ignored(caplog))


def _nan_view_box(c):
    c.data["drawing"]["view_box"] = [0, 0, float("nan"), 10]


def _huge_view_box(c):
    c.data["body"]["view_box"] = [0, 0, 1e999, 10]


def _overflowing_number(c):
    c.data["body"]["view_box"][2] = "BIG"
    c.raw["BIG"] = "1e999"  # read as infinity


def _nan_in_a_path(c):
    c.numbers[7] = float("nan")


def _absurd_number_in_a_path(c):
    c.numbers[0] = 1e300


def _deep(c):
    c.data["content"]["regions"][0]["name"] = "DEEP"
    c.raw["DEEP"] = "[" * 100_000 + "]" * 100_000


def _wrong_type(c):
    c.data["content"]["regions"][0]["muscles"] = "erector_spinae"


def _unknown_field(c):
    c.data["content"]["conditions"][0]["oops"] = 1


def _missing_field(c):
    del c.data["content"]["conditions"][0]["summary"]


def _unknown_id(c):
    c.data["content"]["regions"][0]["muscles"].append("no_such_muscle")


def _a_loop(c):
    coarse = next(a for a in c.data["content"]["body_areas"] if a["parts"])
    coarse["parts"].append(coarse["id"])


def _empty_group(c):
    c.data["drawing"]["regions"]["cervical"] = []


def _a_letter_too_many(c):
    shape = next(iter(c.data["body"]["shapes"].values()))
    shape["paths"][0] += "L"  # one command more than its numbers


def _a_letter_too_few(c):
    shape = next(iter(c.data["body"]["shapes"].values()))
    shape["paths"][0] = shape["paths"][0][:-2] + "Z"


def _bad_letter(c):
    shape = next(iter(c.data["drawing"]["shapes"].values()))
    shape["paths"][0] = "MXZ"


def _numbers_cut_short(c):
    c.numbers.pop()


def _no_body(c):
    del c.data["body"]


def _foreign_translation(c):
    c.data["languages"]["es"]["texts"]["regions"]["lumbar"]["id"] = "x"


def _translation_of_nothing(c):
    c.data["languages"]["es"]["texts"]["regions"]["no_such_region"] = {"name": "x"}


@pytest.mark.parametrize("change", [
    _nan_view_box, _huge_view_box, _overflowing_number, _nan_in_a_path,
    _absurd_number_in_a_path, _deep, _wrong_type, _unknown_field, _missing_field, _unknown_id,
    _a_loop, _empty_group, _a_letter_too_many, _a_letter_too_few, _bad_letter,
    _numbers_cut_short, _no_body, _foreign_translation, _translation_of_nothing])
def test_a_cache_whose_data_fails_the_checks_is_ignored(content_copy, cold, tmp_path, caplog,
                                                        change):
    """A cache with a matching checksum is still checked like content (issue 15: a NaN view
    box, deep nesting or a wrong type in a cache made every start crash)."""
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    rewrite(only_cache(folder), change)
    with caplog.at_level(logging.WARNING):
        warm = load_all(content_copy, cache_dir=folder)
    assert same_world(warm, cold)
    assert ignored(caplog), "no log line says the cache was not used"
    caplog.clear()
    assert same_world(load_all(content_copy, cache_dir=folder), cold) and not ignored(caplog)


def test_a_cache_of_another_version_or_format_is_ignored(content_copy, cold, tmp_path, caplog):
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    path = only_cache(folder)
    good = path.read_bytes()
    head, _, body = good.partition(b"\n")  # body: JSON and numbers
    for header in ({**json.loads(head), "version": "0.0.1"}, {**json.loads(head), "format": 1}):
        path.write_bytes(json.dumps(header).encode() + b"\n" + body)
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert same_world(load_all(content_copy, cache_dir=folder), cold)
        assert ignored(caplog) and path.read_bytes() == good
    path.write_bytes(body[:json.loads(head)["size"]])  # the format before: JSON alone
    with caplog.at_level(logging.WARNING):
        assert same_world(load_all(content_copy, cache_dir=folder), cold)
    assert path.read_bytes() == good


def test_another_version_keys_its_own_cache(content_copy):
    inputs = [("regions.yaml", b"regions: []")]
    assert cache.cache_key(inputs, __version__) != cache.cache_key(inputs, __version__ + ".1")


@contextlib.contextmanager
def read_only(folder: Path):
    """``folder`` made read-only for this process, even as root (immutable attribute)."""
    folder.chmod(0o555)
    immutable = False
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
            probe.unlink()
            writable = True
        except OSError:
            writable = False
        if writable and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", str(folder)],
                                       capture_output=True).returncode == 0
            writable = not immutable
        if writable:
            pytest.skip("no way to make a folder read-only here")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_a_read_only_cache_folder_still_serves_and_never_stops_the_app(content_copy, cold,
                                                                       tmp_path, caplog):
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    (content_copy / "regions.yaml").write_text(
        (content_copy / "regions.yaml").read_text(encoding="utf-8").replace(
            "name: Lower back", "name: Low back"), encoding="utf-8")
    with read_only(folder), caplog.at_level(logging.WARNING):
        changed = load_all(content_copy, cache_dir=folder)  # a new key: nothing to read
        assert not changed.problems and changed.content.region("lumbar").name == "Low back"
        assert any("not written" in m for m in ignored(caplog))
        (content_copy / "regions.yaml").write_text(
            (content_copy / "regions.yaml").read_text(encoding="utf-8").replace(
                "name: Low back", "name: Lower back"), encoding="utf-8")
        assert same_world(load_all(content_copy, cache_dir=folder), cold)  # the old one


def test_a_cache_folder_that_cannot_be_made_never_stops_the_app(content_copy, cold, tmp_path,
                                                                caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        assert same_world(load_all(content_copy, cache_dir=blocker / "cache"), cold)
    assert any("not written" in m for m in ignored(caplog))


def test_writing_keeps_the_caches_other_processes_use(content_copy, tmp_path):
    """Another content folder's (or version's) cache, just used, is never removed; only
    caches beyond the few most recently used go, and temporary files of dead writers."""
    folder = tmp_path / "cache"
    others = []
    for number in range(cache.KEEP + 2):
        other = folder / f"content-other{number}.json"
        other.parent.mkdir(exist_ok=True)
        other.write_text("{}")
        os.utime(other, (time.time() - 1000 + number, time.time() - 1000 + number))
        others.append(other)
    stale = folder / ".content-dead.tmp"
    fresh = folder / ".content-writing.tmp"
    for temporary, age in ((stale, 2 * cache.STALE_TEMP_SECONDS), (fresh, 1)):
        temporary.write_text("{")
        os.utime(temporary, (time.time() - age, time.time() - age))
    load_all(content_copy, cache_dir=folder)
    left = set(folder.glob("content-*.json"))
    assert len(left) == cache.KEEP
    assert set(others[-(cache.KEEP - 1):]) <= left  # the most recently used stay
    assert fresh.exists() and not stale.exists()


def test_a_symlinked_language_is_keyed_through_the_link(content_copy, tmp_path):
    """Issue 15: edits to a symlinked translations/es were never picked up, and content
    that fails validate could be served from the cache."""
    elsewhere = tmp_path / "es-elsewhere"
    shutil.move(content_copy / "translations" / "es", elsewhere)
    (content_copy / "translations" / "es").symlink_to(elsewhere, target_is_directory=True)
    folder = tmp_path / "cache"
    before = World(load_all(content_copy, cache_dir=folder))
    regions = elsewhere / "regions.yaml"
    text = regions.read_text(encoding="utf-8")
    name = before.content("es").region("lumbar").name
    regions.write_text(text.replace(name, "Zona lumbar baja", 1), encoding="utf-8")
    after = World(load_all(content_copy, cache_dir=folder))
    assert after.content("es").region("lumbar").name == "Zona lumbar baja"
    regions.write_text(text.replace(f"name: {name}", "nombre: x", 1), encoding="utf-8")
    broken = load_all(content_copy, cache_dir=folder)
    assert broken.problems and broken.content is None  # validate fails: never from a cache
    assert any("translations/es/regions.yaml" in str(p) for p in broken.problems)


def test_a_content_folder_given_by_a_link_is_read_through_it(content_copy, tmp_path):
    link = tmp_path / "current"
    link.symlink_to(content_copy, target_is_directory=True)
    loaded = load_all(link, cache_dir=tmp_path / "cache")
    assert not loaded.problems and loaded.folder == link


_WRITER = """
import sys
from pathlib import Path
from explorer.model import cache
from explorer.model.world import CACHED, load_all
world = load_all(Path(sys.argv[1]))
objects = {"content": world.content, "drawing": world.drawing, "body": world.body,
           "languages": dict(world.languages)}
target = Path(sys.argv[2])
print("writing", flush=True)
while True:
    cache.write(target, objects, sys.argv[3], sys.argv[4])
"""


@pytest.mark.slow  # six writers started and killed
def test_sigkill_during_cache_writes_leaves_a_cache_the_next_start_reads_or_ignores(
        content_copy, cold, tmp_path, caplog):
    folder = tmp_path / "cache"
    load_all(content_copy, cache_dir=folder)
    target = only_cache(folder)
    key = target.stem.removeprefix("content-")
    rng = random.Random(14)
    for _ in range(6):
        target.unlink(missing_ok=True)
        writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(content_copy),
                                   str(target), key, __version__], stdout=subprocess.PIPE,
                                  text=True)
        assert writer.stdout.readline().strip() == "writing"
        time.sleep(rng.uniform(0.0, 0.4))
        writer.kill()
        writer.wait()
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert same_world(load_all(content_copy, cache_dir=folder), cold)
        assert target.exists()  # read, or ignored and rebuilt
        assert not [m for m in ignored(caplog) if "ignored" in m]  # renamed whole, or not at all
