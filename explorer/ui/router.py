"""The page router: makes the page for a page key, keeps the pages a person may come back
to, and shows one at a time at the scroll position the session remembers.

Which class shows which kind of page comes from the table of kinds
(:mod:`explorer.model.kinds`); a page class is imported the first time it is needed.
Only a few pages are kept (a kiosk day must not grow memory, and a new theme restyles
every page that exists): one that was let go is made again when the person returns, at
the place they left it.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from explorer.model.kinds import BY_PAGE, PageKey
from explorer.ui.pages.base import Page, PageContext
from explorer.ui.widgets import tab_after

KEEP_PAGES = 8  # pages kept besides the one on screen
_PROBLEMS: PageKey = ("problems", "")


def page_class(kind: str) -> Callable[[PageContext, PageKey], Page]:
    """The class of a kind's page (every page class takes the context and its key)."""
    module, _, name = BY_PAGE[kind].page_class.partition(":")
    return getattr(importlib.import_module(module), name)


class PageRouter(QStackedWidget):
    link_activated = Signal(str, str)  # kind, id: a page asked to open another
    scrolled = Signal(int)  # the page on screen was scrolled to this position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pages")
        self.pages: OrderedDict[PageKey, Page] = OrderedDict()
        self.after_pages: list[QWidget] = []  # what Tab reaches after a page (the foot's)

    def current(self) -> Page:
        return self.currentWidget()  # type: ignore[return-value]

    def show_page(self, key: PageKey, scroll: int, context: PageContext) -> Page:
        """Show the page for ``key`` (made if need be), scrolled to ``scroll``."""
        if not context.world.ok:
            key = _PROBLEMS  # broken content: every page is the list of its problems
        page = self.pages.get(key)
        if page is None:
            page = self._make(key, context)
        self.pages.move_to_end(key)
        self.setCurrentWidget(page)
        self._scroll_to(page, scroll)
        self._let_go(keep=KEEP_PAGES)
        return page

    def _make(self, key: PageKey, context: PageContext) -> Page:
        page = page_class(key[0])(context, key)
        page.setLocale(QLocale(context.language))  # a screen reader speaks it in its language
        page.link_activated.connect(self.link_activated)
        bar = page.verticalScrollBar()
        bar.valueChanged.connect(
            lambda value, p=page: self.scrolled.emit(value) if p is self.currentWidget() else None)
        self.pages[key] = page
        self.addWidget(page)
        tab_after(page, self.after_pages)  # a new page joins the Tab order at its end
        return page

    @staticmethod
    def _scroll_to(page: Page, scroll: int) -> None:
        bar = page.verticalScrollBar()
        if scroll > bar.maximum():
            page.complete()  # the part below the first screen, so the place exists
        bar.setValue(scroll)

    def _let_go(self, keep: int) -> None:
        """Delete the pages least recently shown, beyond ``keep`` besides the current."""
        current = self.currentWidget()
        going = [k for k, p in self.pages.items() if p is not current][:max(
            0, len(self.pages) - 1 - keep)]
        self._delete([self.pages.pop(key) for key in going], now=True)

    def drop_others(self) -> None:
        """Keep only the page on screen.  Done before a new look is applied: a style sheet
        restyles every widget that exists, so pages not on screen go at once, and take
        the new look when they are made again."""
        self._let_go(keep=0)

    def drop_all(self) -> None:
        """No page at all (a new language, new content, a new visitor)."""
        current = self.currentWidget()
        pages = list(self.pages.values())
        self.pages.clear()
        self._delete([p for p in pages if p is not current], now=True)
        self._delete([p for p in pages if p is current], now=False)

    def _delete(self, pages: list[Page], now: bool) -> None:
        """Pages not on screen are deleted at once (none of their code is running: only the
        page on screen takes clicks); the one on screen when the event loop is back.  What
        Qt has posted to a page is delivered first: a page deleted with events still
        waiting for it leaves memory behind (about 1.5 kB a page)."""
        if not pages:
            return
        if now:
            QCoreApplication.sendPostedEvents()
        for page in pages:
            self.removeWidget(page)
            page.hide()
            page.deleteLater()
            if now:
                QCoreApplication.sendPostedEvents(page, QEvent.Type.DeferredDelete)
