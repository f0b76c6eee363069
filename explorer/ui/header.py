"""The bar along the top: Back, Home, the title, search, and the person's own settings.

It owns no state: it shows what the main window tells it (:meth:`HeaderBar.show_state`)
and says what was pressed through signals.  It is always one row: when the text is large
or the window narrow, the settings that do not fit go, lowest first, into a "More" menu
(:mod:`explorer.ui.overflow`), and the search hint gets shorter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from explorer.model.i18n import tr
from explorer.model.preferences import TEXT_SIZES, Preferences
from explorer.ui.accessible import announce
from explorer.ui.overflow import OverflowRow
from explorer.ui.widgets import Button, text_label

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu


class SearchBox(QLineEdit):
    """The search field; says when it gets focus (``focused(False)``: search can get ready)
    and when it is tapped (``focused(True)``: a kiosk then shows its own keyboard).  Tab only
    moves into it: focus alone never opens another page."""

    focused = Signal(bool)  # tapped

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("searchBox")
        self.setClearButtonEnabled(True)
        self.hints = ("", "")  # the full hint, and the short one for a narrow box

    def set_hints(self, full: str, short: str) -> None:
        self.hints = (full, short)
        self._choose_hint()

    def hint_room(self) -> int:
        """The pixels the hint has: where the style puts the text, less a little."""
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return room.width() - margins.left() - margins.right() - 6

    def fits(self, text: str) -> bool:
        return self.fontMetrics().horizontalAdvance(text) <= self.hint_room()

    def _choose_hint(self) -> None:
        full, short = self.hints
        self.setPlaceholderText(full if self.fits(full) else short)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._choose_hint()

    def changeEvent(self, event) -> None:  # noqa: N802 - a new text size
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._choose_hint()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.focused.emit(False)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - taps come as presses
        super().mousePressEvent(event)
        self.focused.emit(True)

    def show_text(self, text: str) -> None:
        """``text`` in the box (the session's), without saying it was typed."""
        if self.text() != text:
            self.blockSignals(True)
            self.setText(text)
            self.blockSignals(False)

    def forget(self) -> None:
        """Empty, with no undo history, no selection and no clear button: as new."""
        self.blockSignals(True)
        self.setText("")  # (setText, unlike clear(), also empties the undo history)
        self.blockSignals(False)
        self.setClearButtonEnabled(False)  # its fade-out would still show for a moment
        self.setClearButtonEnabled(True)


def _button(name: str) -> QPushButton:
    button = Button()
    button.setObjectName(name)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class HeaderBar(QFrame):
    back_clicked = Signal()
    home_clicked = Signal()
    smaller_clicked = Signal()
    bigger_clicked = Signal()
    theme_clicked = Signal()
    speak_clicked = Signal()
    print_clicked = Signal()
    save_clicked = Signal()  # save as PDF
    language_chosen = Signal(str)
    search_changed = Signal(str)
    search_focused = Signal(bool)  # tapped (see SearchBox)

    def __init__(self, languages: dict[str, str], parent: QWidget | None = None) -> None:
        """``languages``: code -> the language's name in itself ("Español")."""
        super().__init__(parent)
        self.setObjectName("header")
        self.back = _button("navButton")
        self.back.clicked.connect(self.back_clicked)
        self.home = _button("navButton")
        self.home.clicked.connect(self.home_clicked)
        self.title = text_label("", "appTitle")
        self.title.setWordWrap(False)
        self._size_asked = False  # A− or A+ pressed: say the new size once it shows
        self.smaller = _button("toolButton")
        self.smaller.clicked.connect(self._ask_size)
        self.smaller.clicked.connect(self.smaller_clicked)
        self.size_label = text_label("", "muted")
        self.size_label.setWordWrap(False)
        self.bigger = _button("toolButton")
        self.bigger.clicked.connect(self._ask_size)
        self.bigger.clicked.connect(self.bigger_clicked)
        self.theme = _button("toolButton")
        self.theme.clicked.connect(self.theme_clicked)
        self.speak = _button("toolButton")
        self.speak.clicked.connect(self.speak_clicked)
        self.speak_wanted = False  # shown only when a speech engine is available
        self.print_page = _button("toolButton")  # shown by the handouts (explorer.ui.handout)
        self.print_page.clicked.connect(self.print_clicked)
        self.print_menu: QMenu | None = None  # the desktop's menu: offer_menu()
        self.print_action: QAction | None = None
        self.save_action: QAction | None = None
        self.note: QLabel | None = None  # what Print did, when Print is in the More menu
        self.search = SearchBox()
        self.search.textChanged.connect(self.search_changed)
        self.search.focused.connect(self.search_focused)
        self.language_buttons: dict[str, QPushButton] = {}
        self.languages: dict[str, str] = {}
        self.more = _button("toolButton")
        # Kept first to last when room is short: Back, Home and search always; then the
        # language, the text size, Print, the colours, read aloud, and last the title.
        self.row = OverflowRow(self, keep=[self.back, self.home], flexible=self.search,
                               optional=[[], [self.smaller, self.size_label, self.bigger],
                                         [self.print_page], [self.theme], [self.speak],
                                         [self.title]],
                               order=[self.back, self.home, self.title, self.search,
                                      self.smaller, self.size_label, self.bigger, self.theme,
                                      self.speak, self.print_page],
                               more=self.more)
        self.row.setContentsMargins(20, 8, 20, 8)
        self.set_languages(languages)
        self.retranslate()

    def set_languages(self, languages: dict[str, str]) -> None:
        """One button for each language (new content may bring or drop some), named in
        its own language; nothing when there is only one.  They are the row's first group
        to keep, standing last, before More."""
        self.languages = languages if len(languages) > 1 else {}
        for button in self.language_buttons.values():
            button.hide()
            button.deleteLater()
        self.language_buttons = {}
        for code in self.languages:
            button = _button("toolButton")
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
        self.row.set_group(0, list(self.language_buttons.values()))
        self._name_languages()

    def retranslate(self) -> None:
        self.back.setText(tr("‹ Back"))
        self.back.setAccessibleName(tr("Back"))
        self.back.setAccessibleDescription(tr("Go back to the previous page"))
        self.home.setText(tr("⌂ Home"))
        self.home.setAccessibleName(tr("Home"))
        self.home.setAccessibleDescription(tr("Go to the start page"))
        self.title.setText(tr("Spine Explorer"))
        self.search.set_hints(tr("Search: neck, L5, slipped disc…"), tr("Search…"))
        self.search.setAccessibleName(tr("Search"))
        self.search.setAccessibleDescription(tr("Results appear as you type"))
        self.smaller.setText("A−")
        self.smaller.setAccessibleName(tr("Smaller text"))
        self.bigger.setText("A+")
        self.bigger.setAccessibleName(tr("Larger text"))
        self.speak.setAccessibleDescription(tr("Reads this page aloud"))
        self.print_page.setText(tr("Print"))
        self.print_page.setAccessibleName(tr("Print"))
        self.print_page.setAccessibleDescription(
            tr("Print this page, or save it as a PDF, to take home") if self.print_action
            else tr("Prints this page as a handout to take home"))
        if self.print_action is not None and self.save_action is not None:
            self.print_action.setText(tr("Print…"))
            self.save_action.setText(tr("Save as PDF…"))
        self._name_languages()

    def _name_languages(self) -> None:
        for code, button in self.language_buttons.items():
            button.setText(self.languages[code])  # a language is named in itself, never a flag
            button.setAccessibleName(self.languages[code])
            button.setAccessibleDescription(tr("Show everything in this language"))
        if self.note is not None:
            self.note.hide()
        self.more.setText(tr("☰ More"))
        self.more.setAccessibleName(tr("More"))
        self.more.setAccessibleDescription(tr("Settings that do not fit on this bar"))

    def add_kept(self, widget: QWidget) -> None:
        """A control that must always be in reach (the kiosk's "I'm done"): after Home, and
        never moved into the More menu."""
        self.row.keep_after(self.home, widget)

    def show_print(self, wanted: bool, enabled: bool) -> None:
        """Whether Print belongs on the bar (a kiosk with no printer: no), and can be used."""
        self.print_page.setEnabled(enabled)
        self.row.set_wanted(self.print_page, wanted)
        self.row.refit()

    def tell(self, text: str) -> None:
        """What Print did, where the visitor looks: on Print itself, or in a note under More
        when Print is in its menu (until the next :meth:`retranslate`)."""
        self.print_page.setText(text)
        self.print_page.setAccessibleName(text.removeprefix("✓ "))  # the tick is for the eye
        if self.print_page in self.row.hidden:
            self._show_note(text)

    def _show_note(self, text: str) -> None:
        window = self.window()
        if self.note is None:
            self.note = text_label("", "note", window)
        note = self.note
        note.setText(text)
        note.ensurePolished()
        frame = note.width() - note.contentsRect().width()
        width = min(note.fontMetrics().horizontalAdvance(text) + frame + 4, window.width() - 40)
        note.setFixedSize(width, note.heightForWidth(width))
        corner = self.more.mapTo(window, self.more.rect().bottomRight())
        note.move(max(20, corner.x() - width), corner.y() + 6)
        note.show()
        note.raise_()

    def _ask_size(self) -> None:
        self._size_asked = True

    def offer_menu(self, on: bool) -> None:
        """On a desktop, Print opens a menu: Print… (the system's dialog) and Save as PDF…;
        on a kiosk it prints at once."""
        if on and self.print_action is None:
            from PySide6.QtWidgets import QMenu

            self.print_menu = menu = QMenu(self.print_page)
            self.print_action = menu.addAction("", self.print_clicked.emit)
            self.save_action = menu.addAction("", self.save_clicked.emit)
            self.retranslate()
        if on != (self.print_page.menu() is not None):
            # Qt takes no menu (nullptr) to take it away; PySide's stubs do not say so
            self.print_page.setMenu(self.print_menu if on else None)  # type: ignore[arg-type]

    def show_state(self, preferences: Preferences, can_go_back: bool, speaking: bool) -> None:
        self.back.setEnabled(can_go_back)
        self.smaller.setEnabled(preferences.text_size > TEXT_SIZES[0])
        self.bigger.setEnabled(preferences.text_size < TEXT_SIZES[-1])
        self.size_label.setText(f"{preferences.text_size}%")
        size = tr("Text size {percent} percent", percent=preferences.text_size)
        self.size_label.setAccessibleName(size)
        if self._size_asked:
            self._size_asked = False
            announce(self.size_label, size)
        names = {"default": tr("Standard colors"), "dark": tr("Dark colors"),
                 "high-contrast": tr("High contrast")}
        self.theme.setText("◐ " + names.get(preferences.theme, preferences.theme))
        self.theme.setAccessibleName(tr("Colors: {name}", name=names.get(preferences.theme,
                                                                          preferences.theme)))
        self.theme.setAccessibleDescription(tr("Changes the colors of the screen"))
        self.speak.setText(tr("■ Stop reading") if speaking else tr("▶ Read aloud"))
        self.speak.setAccessibleName(tr("Stop reading") if speaking else tr("Read aloud"))
        for code, button in self.language_buttons.items():
            self.row.set_wanted(button, code != preferences.language)
        self.row.set_wanted(self.speak, self.speak_wanted)
        self.row.refit()
