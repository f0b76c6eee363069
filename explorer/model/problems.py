"""A problem found in a content or drawing file, reported as ``file:line: message``.

A problem is always one line: a newline, tab or other control character in a file name,
an id or a key is shown escaped (``\\n``), and a very long message is cut short.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MAX_MESSAGE = 600
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` on one line: control characters and line separators escaped, cut to ``limit``."""
    text = _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Problem(NamedTuple):
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{one_line(self.file)}:{self.line}: {one_line(self.message)}"


class ProblemList:
    """Collects problems for one file so callers can say ``problems.add(line, msg)``."""

    def __init__(self, file: str, sink: list[Problem]) -> None:
        self.file = file
        self._sink = sink

    def add(self, line: int, message: str) -> None:
        self._sink.append(Problem(self.file, max(line, 1), message))
