"""A copy of a world that loaded without problems, so a warm start skips YAML and SVG
parsing.  No Qt here.

One file per world (``content-<key>.json``) holds all of it — content, both drawings and
every language — and is read whole, at once: there is no part to go missing later.  The
key covers every input byte (:mod:`explorer.model.inputs`), the app's version and code.
The file's first line says its format, version, key, and the size and checksum of the
rest: JSON, then the drawings' numbers as machine doubles (read at C speed).  A file
whose first line disagrees, which is cut short or corrupted, or whose data does not pass
the checks of :mod:`explorer.model.decode` is ignored (with a log line) and the content
parsed again.  JSON and doubles, not pickle: reading it can never run code.

Writing is atomic (a temporary file renamed over the name), a failure to write is
logged and otherwise ignored, and only caches beyond the few most recently used are
removed: a file another process has just chosen stays.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import json
import logging
import os
import sys
import zlib
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any

FORMAT = 4  # 2: search words; 3: warning signs with also_called; 4: one file per world
KEEP = 4  # caches kept (the most recently used): a few content folders or versions
STALE_TEMP_SECONDS = 3600  # a temporary file this old was left by a writer that died
log = logging.getLogger(__name__)


def cache_key(inputs: list[tuple[str, bytes]], version: str) -> str:
    # zlib's checksums are enough to notice edits and load far faster than hashlib.
    crc, adler, size = 0, 1, 0
    for part in (f"{FORMAT}:{version}".encode(), *(n.encode() + b"\0" + d for n, d in inputs)):
        crc, adler, size = zlib.crc32(part, crc), zlib.adler32(part, adler), size + len(part)
    return f"{crc:08x}{adler:08x}{size:x}"


def path_for(folder: Path, key: str) -> Path:
    return folder / f"content-{key}.json"


def encode(value: Any, numbers: array) -> Any:
    """``value`` as JSON data; the numbers of drawings' paths go to ``numbers``."""
    if hasattr(value, "_asdict"):  # our named tuples and Content
        from explorer.model.decode import paths_to_json

        return {name: paths_to_json(v, numbers) if name == "paths" else encode(v, numbers)
                for name, v in value._asdict().items()}
    if isinstance(value, (tuple, list)):
        return [encode(v, numbers) for v in value]
    if isinstance(value, Mapping):
        return {k: encode(v, numbers) for k, v in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a cache holds")


class UnusableCacheError(Exception):
    """Why a cache file was not used, in words for the log."""


def _payload(raw: bytes, key: str, version: str) -> tuple[Any, bytes]:
    """The JSON data and the drawings' numbers (machine doubles) of a cache file."""
    head, newline, body = raw.partition(b"\n")
    if not newline:
        raise UnusableCacheError("it has no header line (cut short?)")
    header = json.loads(head)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise UnusableCacheError(f"it is in another format ({header.get('format')!r})"
                       if isinstance(header, dict) else "its header is not readable")
    if header.get("version") != version or header.get("key") != key:
        raise UnusableCacheError(f"it was written by version {header.get('version')!r} "
                                 "for other inputs")
    if header.get("byteorder") != sys.byteorder:  # drawings' numbers are machine doubles
        raise UnusableCacheError("it was written on a machine of another byte order")
    size = header.get("size")
    if not isinstance(size, int) or size + header.get("blob", -1) != len(body) or \
            header.get("crc") != zlib.crc32(body):
        raise UnusableCacheError("its data is cut short or corrupted (size or checksum differs)")
    return json.loads(body[:size].decode("utf-8"), parse_constant=_refuse_constant), body[size:]


def read(path: Path, kinds: dict[str, Any], key: str, version: str) -> dict[str, Any] | None:
    """The cached values, each checked against its type; ``None`` (and a log line saying
    why, unless there is simply no cache yet) when the file is not usable."""
    from explorer.model.decode import NUMBERS, checker, numbers_from

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("content cache %s not read (%s); parsing the content", path, exc.strerror)
        return None
    collecting = gc.isenabled()
    gc.disable()  # the cyclic collector would walk the heap again and again as it grows,
    try:  # for nothing: decoding JSON makes no cycles (half the warm start's time)
        data, blob = _payload(raw, key, version)
        if not isinstance(data, dict) or data.keys() != kinds.keys():
            raise UnusableCacheError("it does not hold every part of the world")
        numbers = numbers_from(blob)
        reading = NUMBERS.set(numbers)
        try:
            values = {name: checker(kind)(data[name]) for name, kind in kinds.items()}
        finally:
            NUMBERS.reset(reading)
        if next(numbers, None) is not None:
            raise UnusableCacheError("its drawings have numbers no path takes")
    except UnusableCacheError as exc:
        log.warning("content cache %s ignored: %s; parsing the content", path.name, exc)
        return None
    except Exception as exc:  # noqa: BLE001 - whatever is wrong with a cache, parse instead
        log.warning("content cache %s ignored: %s: %s; parsing the content", path.name,
                    type(exc).__name__, str(exc)[:200])
        return None
    finally:
        if collecting:
            gc.enable()
    _touch(path)
    return values


def _touch(path: Path) -> None:
    """Mark a cache as just used, so cleaning beside another one keeps it."""
    with contextlib.suppress(OSError):  # a read-only cache folder still serves
        os.utime(path)


def write(path: Path, objects: dict[str, Any], key: str, version: str) -> bool:
    """Write atomically (a temporary file renamed over ``path``); clean old caches beside
    it.  A failure is logged; it is only a cache.  True when written."""
    import tempfile

    numbers = array("d")
    text = json.dumps({name: encode(obj, numbers) for name, obj in objects.items()},
                      ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    body = text + numbers.tobytes()
    header = json.dumps({"format": FORMAT, "version": version, "key": key, "size": len(text),
                         "blob": len(body) - len(text), "crc": zlib.crc32(body),
                         "byteorder": sys.byteorder}).encode()
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".content-", suffix=".tmp",
                                                 dir=path.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(header + b"\n" + body)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        log.warning("content cache not written in %s (%s); the app runs without it",
                    path.parent, exc.strerror or exc)
        return False
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
    clean(path.parent, keep=path)
    return True


def clean(folder: Path, keep: Path) -> None:
    """Remove caches beyond the :data:`KEEP` most recently used (``keep`` always stays),
    and temporary files of writers that died long ago."""
    import time

    try:
        caches = sorted(folder.glob("content-*.json"), key=_modified, reverse=True)
        temporaries = [p for p in folder.glob(".content-*.tmp")
                       if time.time() - _modified(p) > STALE_TEMP_SECONDS]
    except OSError:
        return
    for old in [p for p in caches if p != keep][KEEP - 1:] + temporaries:
        with contextlib.suppress(OSError):  # gone already, or not ours to remove
            old.unlink()


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
