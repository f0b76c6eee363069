"""What a screen reader gets beyond Qt's defaults: headings, paragraphs and lists with their
text and language, links without their arrow, dialogs that hold the person, and
announcements.

Qt exposes every widget to assistive technology (AT-SPI on Linux) through an accessible
interface made by a factory.  Widget classes here register the interface they need
(:func:`register`); everything else keeps Qt's own.  Labels read through AT-SPI's Text
interface, so a screen reader can read a page straight through and jump by heading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInterface,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget
from shiboken6 import VoidPtr, getCppPointer

Role = QAccessible.Role
# Qt 6.10 and later say each text's language; before, the app's language stands for all.
LOCALE = getattr(QAccessible.Attribute, "Locale", None)
Maker = Callable[[QWidget], QAccessibleInterface]

_makers: dict[type, Maker] = {}


def register(cls: type, maker: Maker) -> None:
    """Widgets of ``cls`` (and its subclasses) get the interface ``maker`` makes."""
    if not _makers:
        QAccessible.installFactory(_factory)
    _makers[cls] = maker


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    for cls in type(obj).__mro__:
        maker = _makers.get(cls)
        if maker is not None:
            return maker(obj)  # type: ignore[arg-type]
    return None


def with_role(role: QAccessible.Role) -> Maker:
    """Qt's plain widget interface with another role (a list, a document, an alert)."""
    return lambda widget: QAccessibleWidget(widget, role)


def _pointer(part: Any) -> VoidPtr:  # any Qt object made from Python
    return VoidPtr(getCppPointer(part)[0])


def _no_part() -> VoidPtr:
    return VoidPtr(0)


# -- labels: headings, paragraphs, list items -----------------------------------------------
HEADINGS = {"pageTitle": 1, "sectionHeading": 2, "boxTitle": 2}
ROLES = {"listItem": Role.ListItem, "chip": Role.ListItem, "paintedWord": Role.StaticText}


def spoken(widget: QWidget) -> str:
    """What a label says: its accessible name if it has one (rich text and symbols set one
    without markup or symbols), else its text."""
    return widget.accessibleName() or widget.text()  # type: ignore[attr-defined]


class _Text(QAccessibleTextInterface):
    """Read-only text for AT-SPI's Text interface (no caret, no selection)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.widget = widget

    def text(self, start: int, end: int) -> str:
        return spoken(self.widget)[start:end]

    def characterCount(self) -> int:  # noqa: N802 (Qt override)
        return len(spoken(self.widget))

    def cursorPosition(self) -> int:  # noqa: N802
        return 0

    def setCursorPosition(self, position: int) -> None:  # noqa: N802
        pass

    def selectionCount(self) -> int:  # noqa: N802
        return 0

    def addSelection(self, start: int, end: int) -> None:  # noqa: N802
        pass

    def removeSelection(self, index: int) -> None:  # noqa: N802
        pass

    def setSelection(self, index: int, start: int, end: int) -> None:  # noqa: N802
        pass

    def characterRect(self, offset: int) -> QRect:  # noqa: N802
        return QRect()

    def offsetAtPoint(self, point) -> int:  # noqa: N802
        return -1

    def scrollToSubstring(self, start: int, end: int) -> None:  # noqa: N802
        pass


class _Attributes(QAccessibleAttributesInterface):
    """A heading's level, and the language of what the widget says."""

    def __init__(self, widget: QWidget, level: int) -> None:
        super().__init__()
        self.widget = widget
        self.level = level

    def attributeKeys(self) -> list:  # noqa: N802 (Qt override)
        keys = [LOCALE] if LOCALE is not None else []
        return keys + [QAccessible.Attribute.Level] if self.level else keys

    def attributeValue(self, key: QAccessible.Attribute):  # noqa: N802
        if LOCALE is not None and key == LOCALE:
            return self.widget.locale()
        return self.level if key == QAccessible.Attribute.Level and self.level else None


class TextAccessible(QAccessibleWidget):
    """A label as a heading, a paragraph or a list item, with its text and language."""

    def __init__(self, widget: QWidget) -> None:
        name = widget.objectName()
        level = HEADINGS.get(name, 0)
        super().__init__(widget, Role.Heading if level else ROLES.get(name, Role.Paragraph))
        self._text = _Text(widget)
        self._attributes = _Attributes(widget, level)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return spoken(self.widget())
        return super().text(kind)

    # PySide's stubs say int; C++ returns void*, which a VoidPtr (or 0 for none) stands for
    def interface_cast(self, kind: QAccessible.InterfaceType) -> VoidPtr:  # type: ignore[override]
        if kind == QAccessible.InterfaceType.TextInterface:
            return _pointer(self._text)
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return _pointer(self._attributes)
        return _no_part()  # a label has nothing to press


# -- links: one name, no arrow, pressed like a button ---------------------------------------
class LinkAccessible(QAccessibleWidget):
    """A link button: its name without the arrow its label shows (the label is not
    exposed), the role of a link, and a Press action."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, Role.Link)

    def childCount(self) -> int:  # noqa: N802 (Qt override)
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def indexOfChild(self, child) -> int:  # noqa: N802
        return -1

    def actionNames(self) -> list[str]:  # noqa: N802
        return [self.pressAction(), self.setFocusAction()]

    def doAction(self, name: str) -> None:  # noqa: N802
        if name == self.pressAction():
            self.widget().click()  # type: ignore[attr-defined]
        elif name == self.setFocusAction():
            self.widget().setFocus()


# -- holding the person: a dialog and the window behind it ----------------------------------
class DialogAccessible(QAccessibleWidget):
    """An overlay that holds the person: a dialog (or an alert) that says it is modal."""

    def state(self) -> QAccessible.State:
        state = super().state()
        state.modal = True
        return state


def dialog(role: QAccessible.Role = Role.Dialog) -> Maker:
    return lambda widget: DialogAccessible(widget, role)


class HostAccessible(QAccessibleWidget):
    """The window's content.  While one of its children holds the person (a modal overlay
    is showing), only that child is in the tree: nothing behind it can be reached."""

    def _children(self) -> list[QWidget]:
        widget = self.widget()
        children = [c for c in widget.children() if isinstance(c, QWidget) and not c.isWindow()]
        held = [c for c in children if c.isVisible() and getattr(c, "holds_person", False)]
        return held[-1:] or children

    def childCount(self) -> int:  # noqa: N802 (Qt override)
        return len(self._children())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        children = self._children()
        return QAccessible.queryAccessibleInterface(children[index]) \
            if 0 <= index < len(children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:  # noqa: N802
        target = child.object() if child is not None else None
        return next((i for i, c in enumerate(self._children()) if c is target), -1)


def tree_changed(widget: QWidget) -> None:
    """Tell assistive technology that ``widget``'s children changed (an overlay came or went)."""
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.ObjectReorder))


# -- saying something -----------------------------------------------------------------------
def announce(source: QWidget, message: str, assertive: bool = False) -> None:
    """Ask the screen reader to say ``message`` (Qt 6.8's announcement event; polite by
    default, assertive when it must not wait)."""
    if not message or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
