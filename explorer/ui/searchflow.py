"""Search, from the header's box to the results page: each keystroke becomes the session's
search text and opens the search page (Back returns to where the person was); the box and
the page show whatever search text the session holds."""

from __future__ import annotations

from PySide6.QtCore import QObject

from explorer.model.kinds import PageKey

SEARCH: PageKey = ("search", "")


class SearchFlow(QObject):
    def __init__(self, window) -> None:
        """``window``: the main window (its header, session, world and pages)."""
        super().__init__(window)
        self.window = window
        window.header.search_changed.connect(self.typed)
        window.header.search_focused.connect(self.focused)

    def typed(self, text: str) -> None:
        """Results follow every keystroke."""
        if self.window.world.ok:
            self.window.session.set_search(text)
            self.window.session.open(SEARCH)

    def focused(self) -> None:
        window = self.window
        if not window.world.ok:
            return
        window.world.search_index(window.language.code)  # ready before the first keystroke
        if window.session.preferences.kiosk:
            window.session.open(SEARCH)  # shows the on-screen keyboard

    def show(self, page=None) -> None:
        """The session's search text in the box, and on the page shown (or ``page``, just
        made) when it is the search page."""
        text = self.window.session.state.search
        self.window.header.search.show_text(text)
        page = page or self.window.current_page()
        if page is not None and page.key == SEARCH:
            page.set_query(text)
