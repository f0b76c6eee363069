"""The files one load reads, read once, so the cache's key covers exactly them.  No Qt here.

A load reads the two drawings, every ``*.yaml`` at the top of the content folder, and
every language folder under ``translations/`` with its ``*.yaml`` files.  Symbolic links
are followed (a ``translations/es`` that links elsewhere is read, and keyed, through the
link); only regular files of modest size are read, so a FIFO or a device here makes the
snapshot unusable (the loader then reports it) instead of hanging.  The app's own code
counts too: it decides what ``validate`` accepts, so a changed checkout makes a new key.

A load parses the snapshot itself (a private copy of it), never the folder again, so the
world is made of exactly the bytes that key it; and it is kept only when the snapshot
taken after it is the same, so a folder being copied while it is read is never taken
(see :func:`explorer.model.world.load_all`).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import NamedTuple

from explorer.model.drawing import MAX_BYTES

MAX_CONTENT_BYTES = 1_000_000  # as the YAML reader's own limit (not imported: no PyYAML)
MAX_DRAWING_BYTES = MAX_BYTES  # the drawing reader's own limit


class NotAFolderError(OSError):
    """The content folder is not a folder."""


class Snapshot(NamedTuple):
    drawings: tuple[tuple[str, bytes], ...]  # (name shown in problems, bytes): spine, body
    files: tuple[tuple[str, bytes], ...]  # (path in the folder, bytes); folders end in "/"

    def keyed(self) -> list[tuple[str, bytes]]:
        """Everything that makes the world, as (name, bytes) pairs for the cache's key."""
        return [*((f"drawing {name}", data) for name, data in self.drawings), *self.files]

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Names, sizes and checksums: small enough to compare a snapshot with a later one."""
        import zlib

        return tuple((name, len(data), zlib.crc32(data)) for name, data in self.keyed())

    def write_to(self, folder: Path) -> None:
        """The content files of the snapshot, as a folder of their own (for the loader)."""
        for name, data in self.files:
            path = folder / name
            if name.endswith("/"):
                path.mkdir(parents=True, exist_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith("."))


def take(drawings: list[tuple[str, Path]], folder: Path) -> Snapshot:
    """Every file a load of ``folder`` with ``drawings`` ((shown name, path)) reads.

    Raises :class:`OSError` when one cannot be read as a regular file (of its reader's
    size), or the folder is not a folder."""
    from explorer.model.files import read_regular

    if not folder.is_dir():
        raise NotAFolderError(f"{folder} is not a folder")
    shown = tuple((name, read_regular(path, MAX_DRAWING_BYTES)) for name, path in drawings)
    files = [(p.name, read_regular(p, MAX_CONTENT_BYTES)) for p in _yaml_files(folder)]
    translations = folder / "translations"
    if translations.is_dir():
        for language in sorted(translations.iterdir()):
            if language.name.startswith(".") or not language.is_dir():
                continue
            files.append((f"translations/{language.name}/", b""))
            files += [(f"translations/{language.name}/{p.name}",
                       read_regular(p, MAX_CONTENT_BYTES)) for p in _yaml_files(language)]
    return Snapshot(shown, tuple(files))


@functools.cache
def code_stamp() -> str:
    """The app's own files that decide what validates — its code and the strings it
    translates (``app_strings.json``) — by names, sizes and modification times."""
    import zlib

    stamps: list[str] = []
    folders = [str(Path(__file__).resolve().parent.parent)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.endswith((".py", ".json")):
                    info = entry.stat()
                    stamps.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
                elif entry.is_dir() and entry.name != "__pycache__":
                    folders.append(entry.path)
    return f"{zlib.crc32(chr(0).join(sorted(stamps)).encode()):08x}"
