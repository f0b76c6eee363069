"""The main window: composes the header, the drawing and the pages and wires their signals."""

from __future__ import annotations

from typing import Iterable, Mapping

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout,
    QWidget,
)

from explorer.model import i18n
from explorer.ui.drawings.panel import DrawingPanel
from explorer.ui.header import HeaderBar
from explorer.model.i18n import tr
from explorer.model import Content, Drawing, Problem
from explorer.model.translations import BASE, BASE_NAME, Language
from explorer.model.history import HOME, History, PageKey
from explorer.ui.pages.base import Page, text_label
from explorer.ui.pages.home import HomePage
from explorer.ui.pages.region import RegionPage
from explorer.model.preferences import Preferences
from explorer.ui.styling import apply_preferences, theme_of


class MainWindow(QMainWindow):
    page_changed = Signal(str, str)  # kind, id
    preferences_changed = Signal(object)  # Preferences

    def __init__(self, content: Content | None, drawing: Drawing | None,
                 problems: Iterable[Problem] = (),
                 languages: Mapping[str, Language] | None = None,
                 preferences: Preferences = Preferences(), reader=None,
                 body: Drawing | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._body_source = body  # a Drawing, or a cache reader with get()
        self.search_indexes: dict[str, object] = {}
        self.locked = False  # a kiosk: the window cannot be closed or minimised
        self.base_content = content
        self.languages = languages if languages is not None else {}
        self.problems = tuple(problems)
        self.defaults = preferences
        self.preferences = preferences._replace(
            language=preferences.language if preferences.language in self.languages else BASE)
        self.content = self._localized()
        self.reader = reader
        self.qt_translator = None
        self.history = History()
        self.pages: dict[PageKey, Page] = {}
        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        names = {BASE: BASE_NAME, **(getattr(languages, "names", None) or
                                     {code: lang.name for code, lang in self.languages.items()})}
        self.header = HeaderBar(names if len(names) > 1 else {})
        self._wire_header()
        outer.addWidget(self.header)
        outer.addWidget(self._body(drawing), 1)
        outer.addWidget(self._footer())
        self.setCentralWidget(central)
        self._apply_language(initial=True)
        apply_preferences(QApplication.instance(), self.preferences)
        QTimer.singleShot(0, self, self._shortcuts)  # not needed for the first frame
        self.show_page(HOME if content is not None else ("problems", ""), record=False)

    @property
    def back_button(self):
        return self.header.back

    @property
    def home_button(self):
        return self.header.home

    # -- layout ---------------------------------------------------------------------------
    def _wire_header(self) -> None:
        header = self.header
        header.back_clicked.connect(self.go_back)
        header.home_clicked.connect(self.go_home)
        header.smaller_clicked.connect(lambda: self.set_preferences(self.preferences.smaller()))
        header.bigger_clicked.connect(lambda: self.set_preferences(self.preferences.bigger()))
        header.theme_clicked.connect(lambda: self.set_preferences(self.preferences.next_theme()))
        header.language_chosen.connect(
            lambda code: self.set_preferences(self.preferences._replace(language=code)))
        header.speak_clicked.connect(self.toggle_reading)
        header.search_changed.connect(self.search)
        header.search_focused.connect(self._search_focused)

    def _body(self, drawing: Drawing | None) -> QWidget:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(16, 16, 8, 8)
        row.setSpacing(16)
        self.panel = DrawingPanel(drawing, self._body_source, theme_of(self.preferences),
                                  self.content is not None)
        self.panel.region_selected.connect(self.select_region)
        self.panel.level_selected.connect(self.open_level)
        self.panel.area_selected.connect(lambda area: self.show_page(("area", area)))
        self.diagram = self.panel.diagram
        self.tabs = self.panel.tabs
        row.addWidget(self.panel)
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        return body

    def _footer(self) -> QWidget:
        footer = QFrame()
        footer.setObjectName("footer")
        row = QHBoxLayout(footer)
        row.setContentsMargins(20, 8, 20, 8)
        self.disclaimer = text_label("", "disclaimer")
        row.addWidget(self.disclaimer)
        return footer

    def retranslate(self) -> None:
        """Every text the window itself shows, in the current language."""
        self.setWindowTitle(tr("Spine Explorer"))
        self.header.retranslate()
        self.disclaimer.setText(tr("For learning only — this is not a diagnosis. Talk to your "
                                   "doctor about your symptoms."))
        self.panel.retranslate(self.content)
        self._show_header_state()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Give the drawing the width it needs at this height, and the pages the rest."""
        self._size_panel(event.size())
        super().resizeEvent(event)

    def _size_panel(self, size) -> None:
        header = self.header.heightForWidth(size.width()) if self.header.hasHeightForWidth() \
            else self.header.sizeHint().height()
        self.panel.fit(size, header + self.disclaimer.sizeHint().height())

    def show_drawing(self, which: str) -> None:
        self.panel.show_drawing(which)

    @property
    def body_map(self):
        return self.panel.body_map

    def _shortcuts(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        for keys, slot in (([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)],
                            self.go_back),
                           ([QKeySequence("Alt+Home"), QKeySequence(Qt.Key.Key_HomePage)],
                            self.go_home)):
            action = QAction(self)
            action.setShortcuts(keys)
            action.triggered.connect(slot)
            self.addAction(action)

    def diagram_host(self) -> QWidget:
        """The panel around the drawing (for banners shown over it)."""
        return self.panel

    # -- the person's own settings --------------------------------------------------------
    def set_preferences(self, preferences: Preferences) -> None:
        """Language, text size and colours; the page stays where it was."""
        if preferences.language not in self.languages:
            preferences = preferences._replace(language=BASE)
        old, self.preferences = self.preferences, preferences
        if preferences.language != old.language:
            self._apply_language()
        if apply_preferences(QApplication.instance(), preferences):
            self.panel.set_theme(theme_of(preferences))
            self._size_panel(self.size())
        self._show_header_state()
        self.preferences_changed.emit(preferences)

    def _localized(self) -> Content | None:
        if self.base_content is None:
            return None
        language = self.languages.get(self.preferences.language)
        if language is None:
            return self.base_content
        from explorer.model.translations import localize

        return localize(self.base_content, language)

    def _apply_language(self, initial: bool = False) -> None:
        language = self.languages.get(self.preferences.language)
        i18n.set_catalog(self.preferences.language, language.ui if language else {})
        self._install_qt_translations(language.qt if language else "")
        self.content = self._localized()
        self.retranslate()
        if not initial:
            key = self.history.current
            self._drop_pages()
            self.show_page(key, record=False)

    def _install_qt_translations(self, suffix: str) -> None:
        """Qt's own strings (dialog buttons) from the translations that ship with Qt."""
        from PySide6.QtCore import QLibraryInfo, QTranslator

        app = QApplication.instance()
        if self.qt_translator is not None:
            app.removeTranslator(self.qt_translator)
            self.qt_translator = None
        if not suffix:
            return
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{suffix}", folder):
            app.installTranslator(translator)
            self.qt_translator = translator

    def _show_header_state(self) -> None:
        reading = self.reader is not None and self.reader.speaking
        self.header.speak.setVisible(self.reader is not None and self.reader.available)
        self.header.show_state(self.preferences, self.history.can_go_back(), reading)

    # -- read aloud -----------------------------------------------------------------------
    def set_reader(self, reader) -> None:
        """Use ``reader`` (a :class:`explorer.speech.Reader`) for Read aloud."""
        self.reader = reader
        if reader is not None:
            reader.speaking_changed.connect(self._reader_changed)
        self._show_header_state()

    def _reader_changed(self, _speaking: bool) -> None:
        self._show_header_state()

    def toggle_reading(self) -> None:
        """Read the page aloud, or stop; while reading is on, a new page is announced."""
        if self.reader is None:
            return
        if self.reader.speaking:
            self.reading = False
            self.reader.stop()
        else:
            self.reading = True
            self.read_page()
        self._show_header_state()

    def read_page(self) -> None:
        if self.reader is not None:
            self.current_page().complete()
            self.reader.read(self.current_page().spoken_text(), self.preferences.language)

    reading = False

    # -- kiosk ----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.locked:
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if self.locked and event.type() == QEvent.Type.WindowStateChange and \
                self.windowState() & Qt.WindowState.WindowMinimized:
            QTimer.singleShot(0, self.showFullScreen)  # a kiosk cannot be minimised

    def reset_session(self) -> None:
        """Back to a fresh start page, as the next person should find it."""
        if self.reader is not None:
            self.reading = False
            self.reader.stop()
            from explorer.ui.speech import DEFAULT_VOLUME

            self.reader.set_volume(DEFAULT_VOLUME)
        self._drop_pages()
        self.history.reset()
        self.header.search.blockSignals(True)
        self.header.search.clear()
        self.header.search.blockSignals(False)
        self.show_drawing("spine")
        if self.preferences != self.defaults:
            self.set_preferences(self.defaults)
        if self.diagram is not None:
            self.diagram.reset()
        self._light_up(frozenset())
        self.show_page(HOME if self.content is not None else ("problems", ""), record=False)

    def set_content(self, content: Content, languages: Mapping[str, Language] | None = None
                    ) -> None:
        """Show other (already validated) content, starting from the start page."""
        self.base_content = content
        if languages is not None:
            self.languages = languages
        self.content = self._localized()
        self.problems = ()
        self.retranslate()
        self.reset_session()

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()

    # -- navigation -----------------------------------------------------------------------
    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    def current_key(self) -> PageKey:
        return self.history.current

    def select_region(self, region_id: str) -> None:
        self.show_page(("region", region_id))

    def open_condition(self, condition_id: str) -> None:
        self.show_page(("condition", condition_id))

    def open_level(self, shape_id: str) -> None:
        """A vertebra, disc or nerve root by its drawing id."""
        kind = self.diagram.drawing.shapes[shape_id].kind if self.diagram else ""
        page = {"vertebra": "vertebra", "disc": "disc", "nerve": "nerve"}.get(kind)
        if page is not None:
            self.show_page((page, shape_id))

    def search(self, text: str) -> None:
        """Show results for ``text`` as it is typed (Back returns to where the person was)."""
        if self.content is None:
            return
        if self.history.current != ("search", ""):
            self.show_page(("search", ""))
        self.current_page().set_query(text)

    def _search_focused(self) -> None:
        if self.preferences.kiosk and self.content is not None and \
                self.history.current != ("search", ""):
            self.show_page(("search", ""))  # shows the on-screen keyboard

    def search_index(self):
        from explorer.model.search import SearchIndex

        index = self.search_indexes.get(self.preferences.language)
        if index is None:
            index = self.search_indexes[self.preferences.language] = SearchIndex(self.content)
        return index

    def go_back(self) -> None:
        self.show_page(self.history.back(), record=False)

    def go_home(self) -> None:
        self.show_page(HOME)

    def show_page(self, key: PageKey, record: bool = True) -> None:
        if key[0] == "muscle":  # a muscle has no page of its own: the region it belongs to
            region = next(r for r in self.content.regions if key[1] in r.muscles)
            key = ("region", region.id)
        page = self._page(key)
        if record:
            self.history.go(key)
        self.stack.setCurrentWidget(page)
        self._mark_drawings(key)
        self._show_header_state()
        if self.reading and self.reader is not None:
            self.reader.read(page.announcement(), self.preferences.language)
        self.page_changed.emit(*key)

    def _mark_drawings(self, key: PageKey) -> None:
        """The drawing shows the region or level of the page; the body map where it is felt."""
        kind, item_id = key
        levels = {"vertebra": "vertebrae", "disc": "discs", "nerve": "nerve_roots"}
        if self.diagram is not None:
            if kind in ("home", "region"):
                self.diagram.set_selected(item_id or None)
                self.diagram.set_level(None)
            elif kind in levels and self.content is not None:
                self.diagram.set_selected(self.content.get(levels[kind], item_id).region)
                self.diagram.set_level(item_id)
        if self.panel.has_body_map:
            if kind == "region":
                self._light_up(self.content.felt_areas("regions", item_id))
            elif kind in levels:
                self._light_up(self.content.felt_areas(levels[kind], item_id))
            elif kind == "area":
                self._light_up(frozenset({item_id}))
            elif kind == "home":
                self._light_up(frozenset())

    def _light_up(self, areas: frozenset[str]) -> None:
        self.panel.light_up(areas)

    def _page(self, key: PageKey) -> Page:
        page = self.pages.get(key)
        if page is None:
            page = self._make_page(key)
            page.link_activated.connect(self._follow_link)
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def _make_page(self, key: PageKey) -> Page:
        kind, item_id = key
        if self.content is None:
            from explorer.ui.pages.problems import ProblemsPage

            return ProblemsPage(self.problems)
        if kind == "region":
            return RegionPage(self.content.region(item_id), self.content)
        if kind == "condition":
            from explorer.ui.pages.condition import ConditionPage

            return ConditionPage(self.content.condition(item_id), self.content)
        if kind in ("vertebra", "disc", "nerve"):
            from explorer.ui.pages.level import KINDS, LevelPage

            return LevelPage(kind, self.content.get(KINDS[kind], item_id), self.content)
        if kind == "area":
            from explorer.ui.pages.area import AreaPage

            return AreaPage(item_id, self.content)
        if kind == "library":
            from explorer.ui.pages.library import LibraryPage

            return LibraryPage(self.content)
        if kind == "search":
            from explorer.ui.pages.search import SearchPage

            keyboard = self._keyboard() if self.preferences.kiosk else None
            return SearchPage(self.search_index(), keyboard)
        return HomePage(self.content)

    def _keyboard(self) -> QWidget:
        from explorer.kiosk.keyboard import OnScreenKeyboard

        keyboard = OnScreenKeyboard()
        box = self.header.search
        keyboard.typed.connect(box.insert)
        keyboard.erased.connect(box.backspace)
        keyboard.cleared.connect(box.clear)
        return keyboard

    def _follow_link(self, kind: str, item_id: str) -> None:
        if kind == "bodymap":
            self.show_drawing("body")
            if self.panel.has_body_map:
                self.body_map.setFocus()
            return
        self.show_page((kind, item_id))
