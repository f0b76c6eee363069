"""Relations that can loop: an entry that points, step by step, back at itself.  No Qt here.

A relation from a kind to the same kind (a body area's ``parts``) is followed step by step
by the app (the finest areas of an area); an area that lists itself, or a longer loop,
would never end.  Each loop is a ``file:line`` problem at the entry it comes back to.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from explorer.model.entities import Ref
from explorer.model.kinds import CONTENT_KINDS as KINDS
from explorer.model.problems import Problem
from explorer.model.schema import label


@cache
def self_relations(kind: str) -> tuple[str, ...]:
    """The fields of ``kind``'s entries that name other entries of the same kind."""
    hints = typing.get_type_hints(KINDS[kind], include_extras=True)
    return tuple(name for name, hint in hints.items()
                 if typing.get_origin(hint) is typing.Annotated
                 and any(isinstance(m, Ref) and m.kind == kind for m in typing.get_args(hint)[1:]))


def _targets(entry: Any, field: str) -> tuple[str, ...]:
    value = getattr(entry, field)
    return (value,) if isinstance(value, str) else tuple(value)


def loops(graph: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """Each loop found by a depth-first walk, as ``[a, b, …, a]`` (no recursion: a chain of
    thousands of entries is fine)."""
    done: set[str] = set()
    for start in graph:
        if start in done:
            continue
        path, on_path = [start], {start}
        stack = [iter(graph[start])]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                stack.pop()
                done.add(path[-1])
                on_path.discard(path.pop())
            elif target in on_path:
                yield path[path.index(target):] + [target]
            elif target in graph and target not in done:
                path.append(target)
                on_path.add(target)
                stack.append(iter(graph[target]))


def check_cycles(by_kind: Mapping[str, Sequence[Any]], sink: list[Problem]) -> None:
    """A problem for each loop in a relation of a kind to itself.  ``by_kind`` holds the
    located entries (``id``, ``entry``, ``file``, ``line``) of each kind that was read."""
    for kind, items in by_kind.items():
        for field in self_relations(kind):
            where = {item.id: item for item in items if item.entry is not None}
            graph = {item_id: _targets(item.entry, field) for item_id, item in where.items()}
            noun = label(KINDS[kind])
            for loop in loops(graph):
                first = where[loop[0]]
                what = "lists itself" if len(loop) == 2 else "comes back to itself"
                sink.append(Problem(first.file, first.line,
                                    f"{noun} '{loop[0]}' {what} in '{field}': "
                                    f"{' → '.join(loop)}"))
