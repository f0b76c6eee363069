"""The two dialogs a handout may need on a desktop: the system's print dialog and a file
dialog to save the PDF.  Each has a class method, so a test can replace one call instead
of running a modal loop.

Qt's file dialog remembers the last folder and its history in Qt's own settings file
(``QtProject.conf``); :func:`settings_left_alone` puts them back as they were, so choosing
where to save a handout leaves no trace of it on the computer.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from explorer.model.i18n import tr


@contextlib.contextmanager
def settings_left_alone(organisation: str = "QtProject"):
    """Whatever Qt writes to its own user settings meanwhile is undone after."""
    settings = QSettings(QSettings.Scope.UserScope, organisation)
    path = Path(settings.fileName())  # a file on Linux; the registry's key name on Windows
    existed = path.exists()
    before = {key: settings.value(key) for key in settings.allKeys()}
    try:
        yield
    finally:
        settings.sync()  # read what the dialog wrote
        settings.clear()
        for key, value in before.items():
            settings.setValue(key, value)
        settings.sync()
        if not existed and not before and path.is_file():
            path.unlink()


def file_name(title: str) -> str:
    """A file name from a handout's title: "Lower back — lumbar spine" -> "Lower back -
    lumbar spine.pdf" (nothing a file system refuses)."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title.replace("—", "-")).strip(" .")
    return (re.sub(r"\s+", " ", name) or "handout") + ".pdf"


class SaveDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        """Where to save the handout called ``title``, or None if the person cancelled."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / file_name(title)) if folder else file_name(title)
        with settings_left_alone():
            dialog = QFileDialog(parent, tr("Save as PDF"), suggested, tr("PDF files (*.pdf)"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("pdf")
            chosen = dialog.selectedFiles()[0] if dialog.exec() else ""
            shiboken6.delete(dialog)  # it writes its settings as it goes: now, not later
        return Path(chosen) if chosen else None


class PrintDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, printer) -> bool:
        """The system's print dialog on ``printer``; True if the person chose to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(tr("Print"))
        accepted = bool(dialog.exec())
        dialog.deleteLater()
        return accepted
