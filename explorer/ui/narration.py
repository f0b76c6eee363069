"""Saying where the person is after each move, as a screen reader needs it.

When a page opens, either the keyboard focus moves to its title (the screen reader then
reads it, and reading on starts there), or, when the person is using a control that stays
on screen (a region of the drawing, Back, Home, the search box), focus stays put and the
new page is announced by its title.  Focus moves to the title when it was inside the page
that went away (a link on it was followed) or nowhere at all, so it never drops into
whatever widget happens to come next.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from explorer.ui.accessible import announce
from explorer.ui.pages.base import Page


def reading_page(page: QWidget | None) -> bool:
    """Whether the person's focus is in ``page`` (or nowhere: there is no other place)."""
    focused = QApplication.focusWidget()
    return focused is None or (page is not None and page.isAncestorOf(focused))


def arrive(page: Page, focus_was_in_page: bool, bring_forward: Callable[[], None]) -> None:
    """Tell the person where they are now: focus to the title, or an announcement.  Where the
    drawings and the page take turns and a drawing is in front (a narrow window, large text:
    :mod:`explorer.ui.arrangement`), a screen reader's user gets the page brought forward
    (``bring_forward``) to read it; the drawing is one Tab away, under its tab."""
    if focus_was_in_page:
        if not page.isVisible() and QAccessible.isActive():
            bring_forward()
        page.focus_title()
    else:
        announce(page, page.accessibleName())
