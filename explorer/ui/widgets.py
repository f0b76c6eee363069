"""Small widgets the pages, the header and the drawing panel share: word-wrapping labels
that remember their heights, chips, lists, buttons that Return presses (on/off ones too),
and link buttons.

Content text is always set as plain text (or escaped into rich text), so a content file
can never inject markup.  Each widget here says what it is to a screen reader
(:mod:`explorer.ui.accessible`): labels are headings, paragraphs or list items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from explorer.ui import accessible

_TAGS = re.compile(r"<[^>]*>|&[a-z]+;")
_BREAKS = re.compile(r"(?:(?!\u00a0)\s|\u200b)+")  # where lines wrap (not at a no-break space)


_FONT_NUMBERS: dict[QFont, int] = {}


def font_number(font: QFont) -> int:
    """A small number for each font in use (one per text size and weight: a few dozen at
    most), so that what remembers sizes for each font holds no Qt object: thousands of
    remembered sizes would otherwise keep as many Qt wrappers alive.  A number is never
    given to another font."""
    number = _FONT_NUMBERS.get(font)
    if number is None:
        number = _FONT_NUMBERS[font] = len(_FONT_NUMBERS)
    return number


def escape(text: str) -> str:
    """Text made safe inside rich text (like html.escape, without importing html)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WrapLabel(QLabel):
    """A word-wrapping label that remembers its sizes: its height for each width, its size
    hint and its least size, for each font and frame.

    Layouts ask a label its height for the same width a dozen times while a page is
    first laid out, and QLabel lays the whole text out again each time; remembering
    the answer makes a page of text about a third quicker to show.  A new look makes Qt
    measure every label again from the start; a theme's keeps every font and frame, so
    its sizes are all remembered.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        # heights per width, the hint and the least size; plain numbers only, keys and
        # values: no Qt object (see font_number)
        self._sizes: dict[tuple, int | tuple[int, int]] = {}
        # Content is never a link and never selectable: nothing to drag, copy or open.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def _key(self) -> tuple:
        """All a size depends on besides the text: the font, and the frame and padding a
        style sheet gives.  (No event handler clears the sizes: a new look sends each label
        thousands of events, and each one through Python would cost more than it saves.  A
        QFont hashes by what it asks for: three times quicker than its key() string.)"""
        inner = self.contentsRect()
        return (font_number(self.font()), self.width() - inner.width(),
                self.height() - inner.height())

    def _remembered(self, key: tuple, work):
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 64:
                self._sizes.clear()
            size = self._sizes[key] = work()
        return size

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._remembered((width, *self._key()), lambda: super(WrapLabel, self)
                                .heightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802
        # (Qt's own lays the text out two or three times after every change of look, even
        # one that keeps the sizes: a theme's)
        self.ensurePolished()
        return QSize(*self._remembered(("hint", *self._key()),
                                       lambda: _pair(super(WrapLabel, self).sizeHint())))

    def setText(self, text: str) -> None:  # noqa: N802
        self._sizes.clear()
        super().setText(text)

    # (what else a size depends on: each forgets the sizes it remembers)
    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self._sizes.clear()
        super().setWordWrap(on)

    def setTextFormat(self, text_format: Qt.TextFormat) -> None:  # noqa: N802
        self._sizes.clear()
        super().setTextFormat(text_format)

    def setIndent(self, indent: int) -> None:  # noqa: N802
        self._sizes.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:  # noqa: N802
        self._sizes.clear()
        super().setMargin(margin)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As narrow as its widest word (Qt's own guess for a wrapping label is the whole
        line, which pushes a page wider than the window at large text sizes)."""
        if not self.wordWrap():
            return super().minimumSizeHint()
        self.ensurePolished()
        return QSize(*self._remembered(("least", *self._key()), self._least))

    def _least(self) -> tuple[int, int]:
        font = QFont(self.font())
        if self.textFormat() == Qt.TextFormat.RichText:
            font.setBold(True)  # (the bold parts are the wider ones)
        metrics = QFontMetrics(font)
        text = _TAGS.sub(" ", self.text()) if self.textFormat() == Qt.TextFormat.RichText \
            else self.text()
        words = _BREAKS.split(text)
        frame_w = self.width() - self.contentsRect().width()
        frame_h = self.height() - self.contentsRect().height()
        width = max((metrics.horizontalAdvance(w) for w in words), default=0) + frame_w + 2
        return width, self.fontMetrics().height() + frame_h  # (its height follows its
        # width: the layouts ask heightForWidth)


def _pair(size: QSize) -> tuple[int, int]:
    return size.width(), size.height()


class Chip(WrapLabel):
    """A short label in a rounded box; one line if it fits, wrapped if it must."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        self.ensurePolished()
        frame_w = self.width() - self.contentsRect().width()
        metrics = self.fontMetrics()
        # A character's width of slack: QLabel lays text out a little wider than the metrics.
        width = metrics.horizontalAdvance(self.text()) + frame_w + metrics.averageCharWidth()
        return QSize(width, self.heightForWidth(width))


class Title(WrapLabel):
    """A page's title: where the focus goes when a page opens, underlined while it has it (a
    style sheet's :focus does not reach a label's frame, so a property says it)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("pageTitle")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setIndent(0)  # a label with a frame would indent its text otherwise

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self._show_focus(True)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._show_focus(False)

    def _show_focus(self, focused: bool) -> None:
        self.setProperty("focused", focused)
        self.style().unpolish(self)
        self.style().polish(self)


class PaintedWord(WrapLabel):
    """A word a drawing paints ("Front view", "Right"), for a screen reader: an invisible
    label in the same place.  The drawing keeps painting the word itself."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", parent)
        self.setObjectName("paintedWord")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override) - the drawing paints it
        pass


def text_label(text: str, name: str = "body", parent: QWidget | None = None) -> QLabel:
    label = WrapLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ModalHost(QWidget):
    """The window's content.  A child that ``holds_person`` (a kiosk overlay), while it
    shows, is all a screen reader finds in it."""


class ItemList(QWidget):
    """A list, for a screen reader too ("list with 5 items"); its items are labels."""


class ListItem(WrapLabel):
    """One item of a list: plain text, every line indented by the style sheet's padding,
    and a bullet painted in that margin beside the first line (drawn, so not read out).
    Plain text, not an HTML list: a rich-text label lays its document out again on each
    of the dozen font changes a new look sends it."""

    BULLET = "\u2022"

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("listItem")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setIndent(0)  # (else a label with padding indents its text, and lower)
        self.setAccessibleName(text)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        inner = self.contentsRect()
        metrics = self.fontMetrics()
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        left = inner.left() - metrics.horizontalAdvance(self.BULLET) - metrics.averageCharWidth()
        painter.drawText(QPoint(max(left, 0), inner.top() + metrics.ascent()), self.BULLET)
        painter.end()


def bullet_list(items: Iterable[str], parent: QWidget | None = None) -> ItemList:
    """One label per item, each with its bullet (drawn, not read out)."""
    holder = ItemList(parent)
    holder.setObjectName("bullets")
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    set_bullets(holder, items)
    return holder


def set_bullets(holder: ItemList, items: Iterable[str]) -> None:
    """The items of a list made by :func:`bullet_list` become ``items`` (the search page's
    emergency box changes as the person types)."""
    column = cast(QVBoxLayout, holder.layout())
    while (old := column.takeAt(0)) is not None:
        label = old.widget()
        if label is not None:  # gone at once, as the router's pages: never read with the new
            label.hide()
            label.deleteLater()
            QCoreApplication.sendPostedEvents(label, QEvent.Type.DeferredDelete)
    for item in items:
        column.addWidget(ListItem(item))


def min_target() -> int:
    """The smallest tap target in pixels: 44 in kiosk mode (set by the theme), else 0."""
    app = QApplication.instance()
    return int(app.property("explorer-min-target") or 0) if app is not None else 0


# keyed by the key's number, as QKeyEvent.key() gives it
ARROWS: dict[int, int] = {Qt.Key.Key_Up: -1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: 1,
                          Qt.Key.Key_Right: 1, Qt.Key.Key_Home: -100, Qt.Key.Key_End: 100}


class Button(QPushButton):
    """A push button that Return and keypad Enter press too, as Space does (a plain
    QPushButton takes Return only as a dialog's default button).

    Buttons with ``arrow_keys`` set form a group with their siblings that have it too: the
    group is one Tab stop (the button last used), and the arrow keys, Home and End move
    between its buttons.
    """

    arrow_keys = False

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.isAutoRepeat():
                self.click()
        elif self.arrow_keys and event.key() in ARROWS:
            self.move_focus(ARROWS[event.key()])
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        if self.arrow_keys:
            make_tab_stop(self)

    def arrow_group(self) -> list[Button]:
        """This button and its siblings with arrow keys, in the order they were made."""
        parent = self.parentWidget()
        if parent is None or not self.arrow_keys:
            return [self]
        return [child for child in parent.children()
                if isinstance(child, Button) and child.arrow_keys]

    def move_focus(self, step: int) -> None:
        """To the previous (-1) or next (+1) button of the group, or the first (-100) or
        last (+100); hidden and disabled buttons are passed over."""
        usable = [b for b in self.arrow_group() if b is self or (not b.isHidden()
                                                                 and b.isEnabled())]
        index = min(max(usable.index(self) + step, 0), len(usable) - 1)
        usable[index].setFocus(Qt.FocusReason.TabFocusReason)


def tab_after(container: QWidget, widgets: Iterable[QWidget]) -> None:
    """Put ``widgets`` in the Tab order right after the last one inside ``container`` that
    takes focus (a widget made later would otherwise come last, wherever it stands on
    screen).  Only widgets that can take focus have a place in it (Qt's setTabOrder ignores
    the others).

    The last one is found among the container's children, in the order they were made, not
    by walking the focus chain: PySide 6.11's ``nextInFocusChain()`` makes each widget it
    returns a Python child of the one it was asked on, so deleting any of them later (a
    list item, a page) would take unrelated Python objects with it.
    """
    moving = [w for w in widgets if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    staying = [w for w in container.findChildren(QWidget)
               if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w not in moving]
    last = staying[-1] if staying else None
    for widget in moving:
        if last is not None:
            QWidget.setTabOrder(last, widget)
            last = widget


def make_tab_stop(button: Button) -> None:
    """``button`` becomes its group's one Tab stop (the others are reached with arrows)."""
    for member in button.arrow_group():
        member.setFocusPolicy(Qt.FocusPolicy.StrongFocus if member is button
                              else Qt.FocusPolicy.ClickFocus)


class LinkButton(Button):
    """A button that opens another page; its text wraps onto more lines when space is short
    (a plain QPushButton would be clipped at large text sizes or in narrow windows).  A
    screen reader hears a link with its words only (the arrow is left out)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("linkButton")
        self.label = WrapLabel(text + "\u00a0›", self)
        self.label.setAccessibleName(text)  # the arrow is for the eye only
        self.label.setObjectName("linkText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.inner = inner = QHBoxLayout(self)
        inner.setContentsMargins(14, 8, 14, 8)
        inner.addWidget(self.label)
        self.setAccessibleName(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # May be narrower than its one line, down to its widest word: its words wrap and it
        # grows taller (a push button is otherwise as wide and as tall as its one line).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:  # noqa: D102 - the visible words, for anyone asking the button
        return self.label.text()

    def set_text(self, text: str, spoken: str | None = None) -> None:
        """Show ``text``; a screen reader hears ``spoken`` (default: the same words)."""
        self.label.setText(text + "\u00a0›")
        self.label.setAccessibleName(text)
        self.setAccessibleName(spoken or text)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """One line: the whole text side by side (a wrapping label would pick a narrower width)."""
        self.label.ensurePolished()
        margins = self.inner.contentsMargins()
        metrics = self.label.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.label.text()) + 2 +
                     margins.left() + margins.right(),
                     max(metrics.height() + margins.top() + margins.bottom(), min_target()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.inner.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self.inner.totalHeightForWidth(width), min_target())


class ToggleButton(Button):
    """An on/off button that keeps room for its text in bold (its checked look), so
    turning it on never cuts its words."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName(name)
        self.setCheckable(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        plain, bold = QFont(self.font()), QFont(self.font())
        plain.setBold(False)
        bold.setBold(True)
        extra = (QFontMetrics(bold).horizontalAdvance(self.text())
                 - QFontMetrics(plain).horizontalAdvance(self.text()))
        return QSize(hint.width() + max(extra, 0) + 2, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()


accessible.register(WrapLabel, accessible.TextAccessible)
accessible.register(ItemList, accessible.with_role(accessible.Role.List))
accessible.register(LinkButton, accessible.LinkAccessible)
accessible.register(ModalHost, accessible.HostAccessible)
