"""Switching the language of the whole app: our strings (:func:`tr`'s catalogue), Qt's own
(dialog buttons), from the translations that ship with Qt, and the locale a screen reader
is told (so it speaks Spanish with a Spanish voice)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from explorer.model import i18n
from explorer.model.world import World


class LanguageSwitch(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qt_translator: QTranslator | None = None
        self.code = ""

    def apply(self, world: World, code: str) -> None:
        language = world.language(code)
        i18n.set_catalog(code, language.ui if language else {})
        self._install_qt_translations(language.qt if language else "")
        QLocale.setDefault(QLocale(code))
        window = self.parent()
        if isinstance(window, QWidget):  # its widgets (and what they tell a screen reader)
            window.setLocale(QLocale(code))
        self.code = code

    def _install_qt_translations(self, suffix: str) -> None:
        if self.qt_translator is not None:
            QApplication.removeTranslator(self.qt_translator)  # static, like installTranslator
            self.qt_translator.deleteLater()  # this switch is its parent: it would stay
            self.qt_translator = None
        if not suffix:
            return
        translator = QTranslator(self)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{suffix}", folder):
            QApplication.installTranslator(translator)
            self.qt_translator = translator
        else:
            translator.deleteLater()
