"""Applying a theme and text size to the running application.

The look is one style sheet, set on each window (:func:`style_window`), not on the
application: a new application style sheet makes Qt restyle each widget once for itself
and once more for every widget it lies in (a label nine deep is restyled ten times),
while a window's new sheet restyles its widgets about twice each.  That halves a theme or
text-size change.  (The application itself keeps no sheet: two sheets would both match
every widget, and a window's rule wins over the application's however specific that one
is.)

Each widget still hears its style changed more than once.  Most take that cheaply, but a
scroll area measures its whole page each time and a main window lays itself out.  So
while a sheet is applied those two hold their style changes (:class:`_HeldStyleChanges`)
and each hears one afterwards, when every font and margin is final.  A page restyled so
is drawn to the pixel as one made afresh in the new look (tests/test_theme.py).
"""

from __future__ import annotations

from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMainWindow, QWidget

from explorer.model.preferences import Preferences
from explorer.ui.theme import DEFAULT, MIN_TOUCH_PX, THEMES, Theme, style_sheet


def app() -> QApplication:
    """The running application (made before any window)."""
    return cast(QApplication, QApplication.instance())


def theme_of(preferences: Preferences) -> Theme:
    return THEMES.get(preferences.theme, DEFAULT)


def apply_style(app: QApplication, theme: Theme, scale: float = 1.0, kiosk: bool = False) -> None:
    """The app's look, on every window that has one (see :func:`style_window`); in a kiosk
    every tap target is at least 44 px."""
    app.setProperty("explorer-min-target", MIN_TOUCH_PX if kiosk else 0)
    app.setProperty("explorer-style", (theme.name, scale, kiosk))
    sheet = style_sheet(theme, scale, kiosk)
    app.setProperty("explorer-sheet", sheet)
    windows = [w for w in app.topLevelWidgets() if w.parentWidget() is None and w.styleSheet()]
    with _HeldStyleChanges(app):
        for window in windows:
            window.setStyleSheet(sheet)


def style_window(window: QWidget) -> None:
    """Give a window, and all it holds (its menus and dialogs too), the app's look, now and
    after each change of it."""
    window.setStyleSheet(str(app().property("explorer-sheet") or ""))


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


class _HeldStyleChanges(QObject):
    """Scroll areas and main windows hold their style changes while a sheet is applied,
    then each hears one."""

    HOLDERS = (QAbstractScrollArea, QMainWindow)

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.widgets = sorted((w for w in app.allWidgets() if isinstance(w, self.HOLDERS)),
                              key=_depth)  # (each hears it after the ones it lies in)
        self.held: set[QObject] = set()

    def __enter__(self) -> _HeldStyleChanges:
        for widget in self.widgets:
            widget.installEventFilter(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        for widget in self.widgets:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        for widget in self.widgets:
            if widget in self.held and shiboken6.isValid(widget):
                QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))
        self.held.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.StyleChange:  # (it watches only widgets)
            self.held.add(watched)
            return True
        return False


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
