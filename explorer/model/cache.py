"""A JSON copy of validated content and drawing, so a warm start skips YAML and SVG parsing.

The cache is keyed by a hash of every input byte (drawing, content files and their
names) and the app version, so any edit, added or removed file makes a new key.
It is only written after a load with no problems, and any unreadable cache is
ignored.  JSON, not pickle: reading it can never run code.  No Qt here.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import typing
import zlib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable

FORMAT = 3  # 2: search words; 3: warning signs with also_called


def cache_key(inputs: list[tuple[str, bytes]], version: str) -> str:
    # zlib's checksums are enough to notice edits and load far faster than hashlib.
    crc, adler, size = 0, 1, 0
    for part in (f"{FORMAT}:{version}".encode(), *(n.encode() + b"\0" + d for n, d in inputs)):
        crc, adler, size = zlib.crc32(part, crc), zlib.adler32(part, adler), size + len(part)
    return f"{crc:08x}{adler:08x}{size:x}"


def encode(value: Any) -> Any:
    if hasattr(value, "_asdict"):  # our named tuples and Content
        return {name: encode(v) for name, v in value._asdict().items()}
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, Mapping):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _same(value: Any) -> Any:
    return value


@functools.cache
def decoder(kind: Any) -> Callable[[Any], Any]:
    """A function turning JSON data back into ``kind``; built once per type."""
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        return decoder(typing.get_args(kind)[0])
    if kind is datetime.date:
        return datetime.date.fromisoformat
    if kind is tuple:
        return tuple
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])
            return tuple if item is _same else lambda data: tuple(map(item, data))
        items = [decoder(a) for a in args]
        return lambda data: tuple(f(v) for f, v in zip(items, data))
    if origin in (Mapping, dict):
        value = decoder(typing.get_args(kind)[1])
        return lambda data: MappingProxyType({k: value(v) for k, v in data.items()})
    if hasattr(kind, "_fields"):  # our named tuples and Content
        hints = typing.get_type_hints(kind, include_extras=True)
        fields = {name: decoder(hints[name]) for name in kind._fields}
        return lambda data: kind(**{name: fields[name](v) for name, v in data.items()})
    return _same


def read(path: Path, kinds: dict[str, type]) -> dict[str, Any] | None:
    """The cached objects, or ``None`` when there is no usable cache."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {name: decoder(kind)(data[name]) for name, kind in kinds.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(path: Path, objects: dict[str, Any], keep: str = "") -> None:
    """Write atomically; remove older caches beside it (those not starting with ``keep``).
    Failure is silent: it is a cache."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({name: encode(obj) for name, obj in objects.items()},
                          ensure_ascii=False, separators=(",", ":"))
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                         suffix=".tmp", delete=False) as handle:
            handle.write(text)
        os.replace(handle.name, path)
        for old in path.parent.glob("content-*.json"):
            if old != path and not (keep and old.name.startswith(keep)):
                old.unlink(missing_ok=True)
    except OSError:
        pass
