"""The rules of the staff PIN pad, without Qt: tries, lock-outs that grow, and a count that
survives a restart.

Three wrong PINs in a row lock the pad for a minute; each lock-out after that is longer
(5 minutes, 15 minutes, then an hour each time) until the right PIN is entered.  The
count is kept in a small file beside the configuration, written before each PIN is
checked, so pulling the plug or killing the app does not start it again.  An empty OK
is not a try.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from explorer.config import check_pin
from explorer.model.files import FileRefusedError, read_regular
from explorer.model.pinhash import parse_hash

log = logging.getLogger(__name__)

TRIES = 3
LOCK_SECONDS = (60, 5 * 60, 15 * 60, 60 * 60)  # the first, second, third and later lock-outs


class Tries(NamedTuple):
    wrong: int = 0  # wrong PINs since the last lock-out (or the right PIN)
    lockouts: int = 0  # lock-outs since the right PIN was last entered
    locked_until: float = 0.0  # wall-clock seconds


def lock_seconds(lockouts: int) -> int:
    """How long the ``lockouts``-th lock-out lasts (the first is 1)."""
    return LOCK_SECONDS[min(max(lockouts, 1), len(LOCK_SECONDS)) - 1]


def read_tries(path: Path | None, now: float) -> Tries:
    if path is None or not (path.exists() or path.is_symlink()):
        return Tries()
    try:
        data = json.loads(read_regular(path, 4096))
        tries = Tries(int(data["wrong"]), int(data["lockouts"]), float(data["locked_until"]))
    except (FileRefusedError, ValueError, KeyError, TypeError) as exc:
        # Unreadable: count as locked out once already, so deleting or spoiling the file
        # never gives an easier start than leaving it alone.
        log.warning("staff PIN: the tries file %s cannot be read (%s); starting locked", path,
                    type(exc).__name__)
        return Tries(0, 1, now + lock_seconds(1))
    if tries.wrong < 0 or tries.lockouts < 0 or not math.isfinite(tries.locked_until):
        return Tries(0, 1, now + lock_seconds(1))
    return tries


def write_tries(path: Path | None, tries: Tries) -> None:
    """Atomically, mode 0600; a failure is logged and the count is kept in memory only."""
    if path is None:
        return
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                                 suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(tries._asdict(), handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("staff PIN: cannot write %s (%s); the count is kept until the app stops",
                    path, exc.strerror or type(exc).__name__)


class PinGuard:
    """Checks PINs against the stored hash; locks after ``tries`` wrong ones in a row, for
    longer each time.  ``state_file`` keeps the count across restarts (``None``: memory
    only).  ``clock`` is wall-clock time, so a lock-out outlasts a reboot."""

    def __init__(self, pin_hash: str, state_file: Path | None = None, tries: int = TRIES,
                 clock: Callable[[], float] = time.time) -> None:
        self.pin_hash = pin_hash if parse_hash(pin_hash) else ""  # a bad hash is no PIN
        self.state_file = state_file
        self.tries = tries
        self.clock = clock
        self.state = read_tries(state_file, clock())

    def locked_for(self) -> int:
        """Seconds until the pad opens again (0 when it is open)."""
        state = self.state
        # If the clock went back, the lock-out still lasts no longer than its own length.
        left = min(state.locked_until - self.clock(), lock_seconds(state.lockouts))
        return max(0, math.ceil(left))

    def attempt(self, pin: str) -> str:
        """'ok', 'wrong', 'locked', 'empty' (nothing entered: not a try) or 'unset' (no
        usable PIN in the configuration)."""
        if not self.pin_hash:
            return "unset"
        if self.locked_for():
            return "locked"
        if not pin:
            return "empty"
        # Counted before it is checked: stopping the app mid-check saves no try.
        before = self.state
        self._save(before._replace(wrong=before.wrong + 1))
        if check_pin(pin, self.pin_hash):
            self._save(Tries())
            return "ok"
        if self.state.wrong < self.tries:
            return "wrong"
        lockouts = before.lockouts + 1
        self._save(Tries(0, lockouts, self.clock() + lock_seconds(lockouts)))
        return "locked"

    def _save(self, state: Tries) -> None:
        self.state = state
        write_tries(self.state_file, state)
