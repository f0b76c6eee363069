"""Read aloud, through QtTextToSpeech (PySide6-Addons, the optional ``speech`` extra).

:class:`Reader` is unavailable — and the app hides its button — when the module is not
installed or no speech engine works on this machine.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject, Signal

log = logging.getLogger(__name__)
DEFAULT_VOLUME = 0.8


class Reader(QObject):
    speaking_changed = Signal(bool)

    def __init__(self, engine: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tts = None
        self.language = ""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # the extra is not installed, or a system library is missing
            log.info("read aloud is not available: %s", exc)
            return
        engines = QTextToSpeech.availableEngines()
        if engine is not None and engine not in engines:
            log.info("speech engine %r is not available (%s)", engine, engines)
            return
        if not engines:
            return
        tts = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        if tts.state() == QTextToSpeech.State.Error:
            log.info("speech engine %r does not work here: %s", tts.engine(), tts.errorString())
            return
        self.tts = tts
        self._ready = QTextToSpeech.State.Ready
        tts.stateChanged.connect(lambda _state: self.speaking_changed.emit(self.speaking))
        self.set_volume(DEFAULT_VOLUME)

    @property
    def available(self) -> bool:
        return self.tts is not None

    @property
    def speaking(self) -> bool:
        return self.tts is not None and self.tts.state() != self._ready and \
            self.tts.state().name in ("Speaking", "Synthesizing")

    def read(self, text: str, language: str) -> None:
        """Read ``text`` in ``language`` (a code such as "es"), from the start."""
        if self.tts is None or not text.strip():
            return
        self.use_language(language)
        self.tts.stop()
        self.tts.say(text)

    def use_language(self, language: str) -> None:
        self.language = language
        tts = self.tts
        if tts is None:
            return
        wanted = QLocale(language)
        matches = [loc for loc in tts.availableLocales() if loc.language() == wanted.language()]
        if matches and tts.locale().language() != wanted.language():
            tts.setLocale(matches[0])

    def stop(self) -> None:
        if self.tts is not None:
            self.tts.stop()

    def volume(self) -> float:
        return self.tts.volume() if self.tts is not None else 0.0

    def set_volume(self, volume: float) -> None:
        if self.tts is not None:
            self.tts.setVolume(volume)
