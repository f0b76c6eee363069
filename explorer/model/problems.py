"""A problem found in a content or drawing file, reported as ``file:line: message``."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class ProblemList:
    """Collects problems for one file so callers can say ``problems.add(line, msg)``."""

    def __init__(self, file: str, sink: list[Problem]) -> None:
        self.file = file
        self._sink = sink

    def add(self, line: int, message: str) -> None:
        self._sink.append(Problem(self.file, max(line, 1), message))
