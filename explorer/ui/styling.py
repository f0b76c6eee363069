"""Applying a theme and text size to the running application."""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QApplication

from explorer.model.preferences import Preferences
from explorer.ui.theme import DEFAULT, MIN_TOUCH_PX, THEMES, Theme, style_sheet


def app() -> QApplication:
    """The running application (made before any window)."""
    return cast(QApplication, QApplication.instance())


def theme_of(preferences: Preferences) -> Theme:
    return THEMES.get(preferences.theme, DEFAULT)


def apply_style(app: QApplication, theme: Theme, scale: float = 1.0, kiosk: bool = False) -> None:
    """One style sheet for the whole app; in a kiosk every tap target is at least 44 px."""
    app.setProperty("explorer-min-target", MIN_TOUCH_PX if kiosk else 0)
    app.setProperty("explorer-style", (theme.name, scale, kiosk))
    app.setStyleSheet(style_sheet(theme, scale, kiosk))


def restyle_needed(app: QApplication, preferences: Preferences) -> bool:
    """Whether the preferences change the look the app has now."""
    return app.property("explorer-style") != (preferences.theme, preferences.scale,
                                              preferences.kiosk)


def apply_preferences(app: QApplication, preferences: Preferences) -> bool:
    """Restyle if the preferences change the look; True if they did."""
    if not restyle_needed(app, preferences):
        return False
    apply_style(app, theme_of(preferences), preferences.scale, preferences.kiosk)
    return True
