"""A small Qt-free event: widgets observe the session without the model knowing Qt.

We keep our own rather than depend on ``psygnal`` (the Qt-free signals napari's models
use): the session needs one event with plain callbacks, these twenty lines import in
microseconds (start-up has a budget), and there is nothing to compile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Callback = Callable[..., Any]


class Event:
    """Callbacks connected to an event are called in the order connected, with the
    values it is emitted with.  A callback may disconnect itself while being called."""

    __slots__ = ("_callbacks",)

    def __init__(self) -> None:
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback) -> None:
        self._callbacks.remove(callback)

    def emit(self, *values: Any) -> None:
        for callback in tuple(self._callbacks):
            callback(*values)

    def __len__(self) -> int:
        return len(self._callbacks)
