"""The main window: composes the header, the drawings and the pages, and shows the
visitor's session (:class:`explorer.model.session.Session`) on them.

Widgets say what the person did through signals; the window turns that into the session's
intent methods and renders whatever the session then holds.  It keeps no visitor state of
its own, so a new visitor (``session.reset()``) finds a fresh start; a new world
(:meth:`MainWindow.set_world`) is taken whole."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from explorer.model import kinds
from explorer.model.i18n import tr
from explorer.model.kinds import PageKey
from explorer.model.preferences import Preferences
from explorer.model.session import Session, State
from explorer.model.signs import DEFAULT_EMERGENCY_NUMBER
from explorer.model.translations import BASE
from explorer.model.world import World
from explorer.ui.accessible import announce
from explorer.ui.arrangement import Arrangement
from explorer.ui.composition import compose
from explorer.ui.drawings.panel import DrawingPanel
from explorer.ui.footer import Footer
from explorer.ui.handout.actions import Handouts
from explorer.ui.header import HeaderBar
from explorer.ui.language import LanguageSwitch
from explorer.ui.narration import arrive, reading_page
from explorer.ui.pages.base import Page, PageContext
from explorer.ui.readaloud import ReadAloud
from explorer.ui.router import PageRouter
from explorer.ui.searching import Searching
from explorer.ui.shortcuts import add_navigation
from explorer.ui.styling import app as _app
from explorer.ui.styling import apply_preferences, restyle_needed, style_window, theme_of


class MainWindow(QMainWindow):
    page_changed = Signal(str, str)  # kind, id: a page was opened
    announced = Signal(str)  # words given to screen readers (see announce)

    def __init__(self, world: World, preferences: Preferences = Preferences(),
                 parent: QWidget | None = None,
                 emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> None:
        super().__init__(parent)
        style_window(self)  # first: what it holds is measured in its look
        self.world = world
        self.emergency_number = emergency_number  # shown in every emergency box
        self.keyboard = None  # a kiosk: makes the on-screen keyboard for search
        self._shown: PageKey | None = None  # the session's page now on screen
        if not world.knows(preferences.language):
            preferences = preferences._replace(language=BASE)
        self.session = Session(preferences, locate=self._locate)
        self.language = LanguageSwitch(self)
        self.header = HeaderBar({})
        self.router = PageRouter()
        self.read_aloud = ReadAloud(self.session, self.router.current, self)
        self.panel = DrawingPanel(None, None, theme_of(preferences), world.ok)
        self.arrangement = Arrangement(self.panel, self.router)  # (its tabs: Tab before the
        self._take(world)                                        # drawings made here)
        self.footer = Footer()
        self.disclaimer = self.footer.disclaimer
        self.setCentralWidget(compose(self.header, self.arrangement, self.footer))
        self.footer.add_tools(self.panel.add_marks(self.session))  # a clinician's marks
        self.router.after_pages = self.footer.controls()  # Tab: the page, then the foot
        self._wire()
        apply_preferences(_app(), preferences)
        self.retranslate()
        QTimer.singleShot(0, self, lambda: add_navigation(  # not for the first frame
            self, self.session.back, self.session.home))
        self.session.changed.connect(self._render)
        self.session.restarted.connect(self._restart)
        self.handouts = Handouts(self)  # Print and Save as PDF
        self._render(frozenset({"history", "preferences"}))

    def _wire(self) -> None:
        session, header = self.session, self.header
        header.back_clicked.connect(session.back)
        header.home_clicked.connect(session.home)
        header.smaller_clicked.connect(session.smaller)
        header.bigger_clicked.connect(session.bigger)
        header.theme_clicked.connect(session.next_theme)
        header.language_chosen.connect(session.set_language)
        header.speak_clicked.connect(self.read_aloud.toggle)
        self.search = Searching(self)  # the header's box, the session's query, the page
        self.read_aloud.speaking_changed.connect(self._show_header_state)
        self.panel.region_selected.connect(lambda region: session.open(("region", region)))
        self.panel.level_selected.connect(self._open_level)
        self.panel.area_selected.connect(lambda area: session.open(("area", area)))
        self.panel.whole_requested.connect(session.show_whole_spine)
        self.arrangement.view_chosen.connect(
            lambda view: session.show_reading() if view == "page" else session.show_drawing(view))
        self.router.link_activated.connect(self._follow_link)
        self.router.scrolled.connect(session.remember_scroll)

    def retranslate(self) -> None:
        """Every text the window itself shows, in the current language."""
        self.setWindowTitle(tr("Spine Explorer"))
        self.header.retranslate()
        self.footer.retranslate()
        self.arrangement.retranslate()
        self.panel.retranslate(self.content)
        self._show_header_state()

    # -- what the person did -----------------------------------------------------------------
    def _locate(self, key: PageKey):
        return kinds.selection(self.world.base, key) if self.world.ok else None

    def _open_level(self, shape_id: str) -> None:
        drawing = self.world.drawing
        if drawing is None:  # no drawing, no levels to choose on it
            return
        shape = drawing.shapes[shape_id]
        self.session.open((kinds.BY_SHAPE[shape.kind].page, shape_id))

    def _follow_link(self, kind: str, item_id: str) -> None:
        if kind != "bodymap":
            return self.session.open((kind, item_id))
        self.session.show_drawing("body")
        if self.panel.has_body_map:
            self.panel.body_map.setFocus()

    # -- showing the session ------------------------------------------------------------------
    def _render(self, changed: frozenset[str]) -> None:
        if "preferences" in changed:
            self._show_preferences()
        if changed & {"drawing", "front"}:  # (first: a new page is told whether it shows)
            self.arrangement.show_front(self.session.state.front, self.session.state.drawing)
        if self._shown != self.session.page:
            self._show_page()
        if changed & {"region", "level", "history"}:
            state = self.session.state
            self.panel.show_marks(state.region, state.level, kinds.felt_areas(
                self.world.base, self.session.page, state.region, state.level))
        if "search" in changed:
            self.search.show()
        self._show_header_state()

    def _show_page(self) -> None:
        key = self._shown = self.session.page
        was_reading = reading_page(self.router.current())
        page = self.router.show_page(key, self.session.scroll, self.page_context())
        self.search.show(page)  # if it is the search page, with the session's query
        arrive(page, was_reading, self.session.show_reading)
        self.read_aloud.page_opened(page)
        self.page_changed.emit(*key)

    def _show_preferences(self) -> None:
        preferences = self.session.preferences
        self.panel.set_reduced_motion(preferences.reduced_motion)
        code = preferences.language if self.world.knows(preferences.language) else BASE
        if code != self.language.code:
            self.language.apply(self.world, code)
            self.router.drop_all()
            self._shown = None
            self.retranslate()
        if restyle_needed(_app(), preferences):
            self.router.drop_others()  # before: every page that exists would be restyled
            apply_preferences(_app(), preferences)
            self.panel.set_theme(theme_of(preferences))
            self._size_panel(self.size())  # now, and once the new sizes have settled:
            QTimer.singleShot(0, self, lambda: self._size_panel(self.size()))

    def _show_header_state(self) -> None:
        self.header.speak_wanted = self.read_aloud.available
        self.header.show_state(self.session.preferences, self.session.can_go_back(),
                               self.read_aloud.speaking)

    def _restart(self) -> None:
        """A new visitor: no page, voice, pointer, search or focus of the last one stays."""
        self._let_go()
        self.header.search.forget()
        self.world.forget_queries()
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()  # the new start page's title takes it, as on a fresh start

    def _let_go(self) -> None:  # of every page, the voice and the pointer
        self.router.drop_all()
        self._shown = None
        self.read_aloud.restart()
        self.panel.forget_pointer()

    def announce(self, text: str) -> None:
        announce(self, text)  # for screen readers: what happened, where focus does not tell
        self.announced.emit(text)

    def page_context(self) -> PageContext:
        return PageContext(self.world, self.language.code, self.keyboard, self.emergency_number)

    def set_world(self, world: World, keep_place: bool = False) -> None:
        """Show another world, loaded whole, from a fresh start (a new visitor) or, with
        ``keep_place``, where the person was, as far as the new content has it."""
        self._take(world)
        self.retranslate()
        self._size_panel(self.size())
        if keep_place:
            self._let_go()  # every page, and what is read aloud, showed the old world
            self.session.follow(lambda key: world.ok and kinds.exists(world.base, key))
            self._render(frozenset(State._fields))
        else:
            self.session.reset()

    def _take(self, world: World) -> None:  # its languages, drawings and words
        self.world = world
        self.header.set_languages(world.language_names())
        self.panel.set_drawings(world.drawing, world.body, world.ok)
        code = self.session.preferences.language
        self.language.apply(world, code if world.knows(code) else BASE)

    def show_problems(self, problems) -> None:
        """Problems of content being edited, over the page (none: the banner goes)."""
        self.arrangement.show_problems(problems)

    # -- the window itself --------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._size_panel(event.size())
        super().resizeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - what was set up before, on screen
        self._size_panel(self.size())
        super().showEvent(event)

    def _size_panel(self, size) -> None:  # the drawings and the page between header and footer
        chrome = self.header.sizeHint().height() + self.footer.heightForWidth(size.width())
        self.arrangement.arrange(size.shrunkBy(QMargins(0, chrome, 0, 0)),
                                 self.session.preferences.text_size)

    # -- for the kiosk, the command line and tests ----------------------------------------------
    @property
    def content(self):
        return self.world.content(self.language.code)

    @property
    def diagram(self):
        return self.panel.diagram

    @property
    def body_map(self):
        return self.panel.body_map

    def current_page(self) -> Page:
        return self.router.current()

    def show_page(self, key: PageKey) -> None:
        self.session.open(key)
