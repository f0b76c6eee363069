"""Read aloud for the window: the page on request, and each new page while it is on.

Whether it is on belongs to the visitor's session (``state.reading``); the voice is a
:class:`explorer.ui.speech.Reader`, attached after the first frame when one is available.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from explorer.model.session import Session
from explorer.ui.pages.base import Page


class ReadAloud(QObject):
    speaking_changed = Signal()

    def __init__(self, session: Session, current_page: Callable[[], Page],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.current_page = current_page
        self.reader = None

    def set_reader(self, reader) -> None:
        self.reader = reader
        if reader is not None:
            reader.speaking_changed.connect(lambda _speaking: self.speaking_changed.emit())
        self.speaking_changed.emit()

    @property
    def available(self) -> bool:
        return self.reader is not None and self.reader.available

    @property
    def speaking(self) -> bool:
        return self.reader is not None and self.reader.speaking

    def toggle(self) -> None:
        """Read the page aloud, or stop; while it is on, each new page is announced."""
        if self.reader is None:
            return
        if self.reader.speaking:
            self.session.set_reading(False)
            self.reader.stop()
        else:
            self.session.set_reading(True)
            self.read_page()

    def read_page(self) -> None:
        if self.reader is not None:
            page = self.current_page()
            page.complete()
            self.reader.read(page.spoken_text(), self.session.preferences.language)

    def page_opened(self, page: Page) -> None:
        if self.session.state.reading and self.reader is not None:
            self.reader.read(page.announcement(), self.session.preferences.language)

    def restart(self) -> None:
        """Silence and the normal volume, for the next person."""
        if self.reader is not None:
            from explorer.ui.speech import DEFAULT_VOLUME

            self.reader.stop()
            self.reader.set_volume(DEFAULT_VOLUME)
