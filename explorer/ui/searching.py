"""Search, as the window runs it: the header's search box, the session's query and the
search page.

Every keystroke goes to the session and opens the search page (Back returns to where the
person was).  The box getting the focus makes the search index ready before the first
keystroke; a tap on it in a kiosk opens the page, with its on-screen keyboard (focus alone
never changes the page).  The box and the page show the session's query.
"""

from __future__ import annotations

from explorer.model.kinds import PageKey

SEARCH: PageKey = ("search", "")


class Searching:
    def __init__(self, window) -> None:
        self.window = window
        window.header.search_changed.connect(self.typed)
        window.header.search_focused.connect(self.focused)

    def typed(self, text: str) -> None:
        window = self.window
        if window.world.ok:
            window.session.set_search(text)
            window.session.open(SEARCH)

    def focused(self, tapped: bool) -> None:
        window = self.window
        if window.world.ok:
            window.world.search_index(window.language.code)  # ready before the first keystroke
            if tapped and window.session.preferences.kiosk:
                window.session.open(SEARCH)  # shows the on-screen keyboard

    def show(self, page=None) -> None:
        """The session's query in the box, and on ``page`` (a search page just shown) or on
        the search page on screen."""
        window, query = self.window, self.window.session.state.search
        window.header.search.show_text(query)
        if page is None and window.session.page == SEARCH:
            page = window.current_page()
        if page is not None and page.key == SEARCH:
            page.set_query(query)
