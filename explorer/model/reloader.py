"""Loading the content again — from the staff menu, watch mode or a fleet's delivery — and
handing on a world that loaded whole.  No Qt here.

A load with problems never replaces the world on screen: each problem goes to the log as
``file:line: message`` (once, not again for the same problems) and to ``refuse``; a load
of exactly the files on screen changes nothing.  What ``accept`` does with a good world
is up to its owner: a desktop shows it at once where the person was, a kiosk at its next
reset.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from explorer.model.problems import Problem
from explorer.model.world import World

log = logging.getLogger(__name__)


class Reloader:
    def __init__(self, load: Callable[[], World], current: Callable[[], World],
                 accept: Callable[[World], None],
                 refuse: Callable[[tuple[Problem, ...]], None] = lambda _problems: None,
                 unchanged: Callable[[str], bool] = lambda _key: False) -> None:
        """``unchanged(key)``: whether the files on disk are still those of the world with
        that key (a quick look before a whole load)."""
        self.load = load
        self.current = current
        self.accept = accept
        self.refuse = refuse
        self.unchanged = unchanged
        self._refused: tuple[Problem, ...] = ()

    def reload(self) -> tuple[Problem, ...]:
        """Load; hand on a good world, or refuse with every problem (returned)."""
        current = self.current()
        if current.ok and current.key and self.unchanged(current.key):
            self.refuse(())
            return ()
        world = self.load()
        if not world.ok:
            if world.problems != self._refused:
                for problem in world.problems:
                    log.error("new content refused, the explorer keeps what it had: %s",
                              problem)
            self._refused = world.problems
            self.refuse(world.problems)
            return world.problems
        self._refused = ()
        self.refuse(())
        if not world.same_as(current):
            log.info("content loaded from %s", world.folder)
            self.accept(world)
        return ()
