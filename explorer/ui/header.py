"""The bar along the top: Back, Home, the title, and the person's own settings.

It owns no state: it shows what the main window tells it (:meth:`HeaderBar.show_state`)
and says what was pressed through signals.  Its items wrap onto a second row when the
text is large or the window narrow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton, QWidget

from explorer.model.i18n import tr
from explorer.model.preferences import TEXT_SIZES, Preferences
from explorer.ui.accessible import announce
from explorer.ui.layouts import FlowLayout
from explorer.ui.widgets import Button, tab_after, text_label

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
        self.setMinimumWidth(220)

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
        outer = QHBoxLayout(self)
        outer.setContentsMargins(20, 8, 20, 8)
        holder = QWidget()
        self.flow = FlowLayout(holder, spacing=10)
        outer.addWidget(holder)
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
        self.speak.hide()  # shown only when a speech engine is available
        self.print_page = _button("toolButton")  # shown by the handouts (explorer.ui.handout)
        self.print_page.clicked.connect(self.print_clicked)
        self.print_menu: QMenu | None = None  # the desktop's menu: offer_menu()
        self.print_action: QAction | None = None
        self.save_action: QAction | None = None
        self.search = SearchBox()
        self.search.textChanged.connect(self.search_changed)
        self.search.focused.connect(self.search_focused)
        for widget in (self.back, self.home, self.title, self.search, self.smaller,
                       self.size_label, self.bigger, self.theme, self.speak, self.print_page):
            self.flow.addWidget(widget)
        self.language_buttons: dict[str, QPushButton] = {}
        self.set_languages(languages)
        self.retranslate()

    def set_languages(self, languages: dict[str, str]) -> None:
        """One button for each language (new content may bring or drop some), named in
        its own language; nothing when there is only one."""
        self.languages = languages if len(languages) > 1 else {}
        for button in self.language_buttons.values():
            self.flow.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.language_buttons = {}
        for code in self.languages:
            button = _button("toolButton")
            button.clicked.connect(lambda _=False, c=code: self.language_chosen.emit(c))
            self.language_buttons[code] = button
            self.flow.addWidget(button)
        tab_after(self, self.language_buttons.values())  # in the header's Tab order, not last
        self._name_languages()

    def retranslate(self) -> None:
        self.back.setText(tr("‹ Back"))
        self.back.setAccessibleName(tr("Back"))
        self.back.setAccessibleDescription(tr("Go back to the previous page"))
        self.home.setText(tr("⌂ Home"))
        self.home.setAccessibleName(tr("Home"))
        self.home.setAccessibleDescription(tr("Go to the start page"))
        self.title.setText(tr("Spine Explorer"))
        self.search.setPlaceholderText(tr("Search: neck, L5, slipped disc…"))
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
            button.setVisible(code != preferences.language)
