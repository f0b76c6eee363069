"""The visitor's session: everything one person changes while using the explorer.  No Qt.

All of it lives in one immutable :class:`State`; intent methods make the next state and
:attr:`Session.changed` tells observers which fields changed.  Widgets render from the
state and write to it only through these methods, so :meth:`Session.reset` — the kiosk's
whole reset between two visitors — cannot miss anything: a field added to ``State`` is
reset with the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from explorer.model.kinds import PageKey
from explorer.model.marks import MAX_MARKS, Mark
from explorer.model.observable import Event
from explorer.model.preferences import Preferences

HOME: PageKey = ("home", "")
HISTORY_LIMIT = 200  # a long kiosk day must not grow the back stack for ever


class Visit(NamedTuple):
    key: PageKey
    scroll: int = 0  # how far down the page the person had scrolled


class State(NamedTuple):
    history: tuple[Visit, ...] = (Visit(HOME),)  # the last one is the page on screen
    region: str | None = None  # selected on the spine drawing
    level: str | None = None  # a vertebra, disc or nerve root marked on the drawing
    drawing: str = "spine"  # which drawing shows when there is room for only one
    front: str = "drawing"  # in a narrow window, what is in front: "drawing" or "page"
    preferences: Preferences = Preferences()  # language, text size, colours
    search: str = ""  # what is typed in the search box
    reading: bool = False  # read aloud is on
    marking: bool = False  # the Mark tool is on: presses on a drawing draw, not select
    marks: tuple[Mark, ...] = ()  # a clinician's lines and pins, in drawing coordinates


Locate = Callable[[PageKey], "tuple[str | None, str | None] | None"]


class Session:
    """``locate(key)`` says what opening a page selects on the drawing, as
    ``(region, level)``, or ``None`` to keep the selection (see ``kinds.selection``)."""

    def __init__(self, defaults: Preferences = Preferences(),
                 locate: Locate = lambda _key: None) -> None:
        self.defaults = defaults
        self.locate = locate
        self.changed = Event()  # emits the frozenset of changed field names
        self.restarted = Event()  # a new visitor starts: let go of the last one's things
        self.state = self.fresh()

    def fresh(self) -> State:
        """The state a new visitor starts in."""
        return State(preferences=self.defaults)

    # -- reading ---------------------------------------------------------------------------
    @property
    def page(self) -> PageKey:
        return self.state.history[-1].key

    @property
    def scroll(self) -> int:
        return self.state.history[-1].scroll

    @property
    def preferences(self) -> Preferences:
        return self.state.preferences

    def can_go_back(self) -> bool:
        return len(self.state.history) > 1

    # -- intents ---------------------------------------------------------------------------
    def open(self, key: PageKey) -> None:
        """Go to a page (a new step in the history, unless it is already on screen), and
        bring the page to the front where the drawings and the page take turns."""
        history = self.state.history
        if key != self.page:
            history = (*history, Visit(key))[-HISTORY_LIMIT:]
        self._update(history=history, front="page", **self._selection(key))

    def back(self) -> None:
        history = self.state.history[:-1] if self.can_go_back() else self.state.history
        self._update(history=history, **self._selection(history[-1].key))

    def home(self) -> None:
        self.open(HOME)

    def remember_scroll(self, scroll: int) -> None:
        """Where the person is on the page on screen (restored when they come back)."""
        *before, last = self.state.history
        self._update(history=(*before, last._replace(scroll=scroll)))

    def show_drawing(self, which: str) -> None:
        """'spine' or 'body' in front (where there is room for one drawing only)."""
        self._update(drawing=which, front="drawing")

    def show_reading(self) -> None:
        """The page in front (where the drawings and the page take turns)."""
        self._update(front="page")

    def show_whole_spine(self) -> None:
        """Nothing selected on the drawing, so it shows all of the spine; the page stays."""
        self._update(region=None, level=None)

    def set_preferences(self, preferences: Preferences) -> None:
        self._update(preferences=preferences)

    def set_language(self, code: str) -> None:
        self._update(preferences=self.preferences._replace(language=code))

    def bigger(self) -> None:
        self._update(preferences=self.preferences.bigger())

    def smaller(self) -> None:
        self._update(preferences=self.preferences.smaller())

    def next_theme(self) -> None:
        self._update(preferences=self.preferences.next_theme())

    def set_search(self, text: str) -> None:
        self._update(search=text)

    def set_reading(self, on: bool) -> None:
        self._update(reading=on)

    def set_marking(self, on: bool) -> None:
        self._update(marking=on)

    def add_mark(self, mark: Mark) -> None:
        if len(self.state.marks) < MAX_MARKS:
            self._update(marks=(*self.state.marks, mark))

    def clear_marks(self) -> None:
        self._update(marks=())

    def set_defaults(self, defaults: Preferences) -> None:
        """What each visitor starts with (the kiosk's look, a configured language)."""
        self.defaults = defaults

    def follow(self, exists: Callable[[PageKey], bool]) -> None:
        """The content changed under the person: visits to pages it no longer has are
        forgotten, and the selection follows the page now on screen (as far as it still
        exists).  Everything else — language, text size, search — stays."""
        visits = [v for v in self.state.history if exists(v.key)]
        history = tuple(v for i, v in enumerate(visits)
                        if i == 0 or v.key != visits[i - 1].key) or (Visit(HOME),)
        selected = self._selection(history[-1].key)
        region = selected.get("region", self.state.region)
        if region is not None and not exists(("region", region)):
            region = None
        self._update(history=history, region=region, level=selected.get("level"))

    def reset(self) -> None:
        """Everything back to how a new visitor finds it.  Observers hear ``restarted``
        first (to let go of what they kept for the last visitor), then every field."""
        self.restarted.emit()
        self.state = self.fresh()
        self.changed.emit(frozenset(State._fields))

    # -- the one place the state changes ---------------------------------------------------
    def _selection(self, key: PageKey) -> dict[str, str | None]:
        selected = self.locate(key)
        return {} if selected is None else {"region": selected[0], "level": selected[1]}

    def _update(self, **changes) -> None:
        old = self.state
        new = old._replace(**changes)
        changed = frozenset(name for name in changes if getattr(old, name) != getattr(new, name))
        if changed:
            self.state = new
            self.changed.emit(changed)
