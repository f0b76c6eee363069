"""What a person can change for themselves: language, text size, colours, motion.  No Qt.

A kiosk starts every session from the configured defaults and returns to them at each
idle reset; nothing here is ever saved.
"""

from __future__ import annotations

from typing import NamedTuple

TEXT_SIZES = (100, 125, 150, 175, 200)
THEME_ORDER = ("default", "dark", "high-contrast")


class Preferences(NamedTuple):
    language: str = "en"
    text_size: int = 100  # percent
    theme: str = "default"
    reduced_motion: bool = False
    kiosk: bool = False  # larger tap targets

    @property
    def scale(self) -> float:
        return self.text_size / 100

    def bigger(self) -> Preferences:
        larger = [size for size in TEXT_SIZES if size > self.text_size]
        return self._replace(text_size=larger[0] if larger else TEXT_SIZES[-1])

    def smaller(self) -> Preferences:
        smaller = [size for size in TEXT_SIZES if size < self.text_size]
        return self._replace(text_size=smaller[-1] if smaller else TEXT_SIZES[0])

    def next_theme(self) -> Preferences:
        index = THEME_ORDER.index(self.theme) if self.theme in THEME_ORDER else -1
        return self._replace(theme=THEME_ORDER[(index + 1) % len(THEME_ORDER)])


def from_config(config) -> Preferences:
    size = config.effective_text_size()
    size = min(TEXT_SIZES, key=lambda s: abs(s - size))
    return Preferences(language=config.language, text_size=size, theme=config.theme,
                       reduced_motion=config.reduced_motion, kiosk=config.kiosk)
