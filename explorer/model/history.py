"""Where the person has been: a back stack of page keys.  No Qt here."""

from __future__ import annotations

PageKey = tuple[str, str]  # (kind, id): ("home", ""), ("region", "lumbar"), ("condition", "sciatica")
HOME: PageKey = ("home", "")


class History:
    def __init__(self) -> None:
        self._stack: list[PageKey] = [HOME]

    @property
    def current(self) -> PageKey:
        return self._stack[-1]

    def can_go_back(self) -> bool:
        return len(self._stack) > 1

    def go(self, key: PageKey) -> None:
        if key != self.current:
            self._stack.append(key)
            del self._stack[:-200]  # a long kiosk day must not grow this forever

    def back(self) -> PageKey:
        if self.can_go_back():
            self._stack.pop()
        return self.current

    def reset(self) -> None:
        self._stack = [HOME]
