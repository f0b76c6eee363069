"""Giving freed memory back to the system, for an app that runs for months."""

from __future__ import annotations

import ctypes
import sys


def give_back_memory() -> bool:
    """Ask glibc to return freed heap pages (after a kiosk reset frees the old pages).

    Without it, resident memory creeps up as pages are built and dropped many thousand
    times: the memory is free, but glibc keeps it.  A no-op elsewhere.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0))
    except (OSError, AttributeError):
        return False
