"""Read a file only if it is a regular file of modest size.  No Qt here.

Content, drawings and the configuration are read through :func:`read_regular`: a device
(``/dev/zero``), a FIFO, a socket or a folder is refused with a plain message instead of
growing memory without end or waiting for ever, a symlink is followed only to a regular
file, and the size is checked before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# Opening a FIFO for reading waits for a writer unless it is opened non-blocking.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(
    os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


class FileRefusedError(OSError):
    """The file is missing, unreadable, not a regular file or too large; ``reason`` says
    which, in words for the person who put it there."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; :class:`FileRefusedError` unless it is a regular file (or a symlink
    to one) of at most ``limit`` bytes."""
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):  # opening a socket fails oddly (ENXIO)
            raise FileRefusedError("it is a socket, not a regular file")
        descriptor = os.open(path, _FLAGS)
    except FileRefusedError:
        raise
    except OSError as exc:
        raise FileRefusedError(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefusedError(f"it is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise FileRefusedError(_too_large(limit))
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)  # a file that grows while we read is cut short
    except FileRefusedError:
        raise
    except OSError as exc:
        raise FileRefusedError(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileRefusedError(_too_large(limit))
    return data


def _too_large(limit: int) -> str:
    size = f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} kB"
    return f"the file is larger than {size}"
