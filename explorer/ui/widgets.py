"""Small widgets the pages, the header and the drawing panel share: word-wrapping labels
that remember their heights, chips, bullet lists, link buttons and on/off buttons.

Content text is always set as plain text (or escaped into rich text), so a content file
can never inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from explorer.model.i18n import tr

_TAGS = re.compile(r"<[^>]*>|&[a-z]+;")
_BREAKS = re.compile(r"(?:(?!\u00a0)\s|\u200b)+")  # where lines wrap (not at a no-break space)


def escape(text: str) -> str:
    """Text made safe inside rich text (like html.escape, without importing html)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WrapLabel(QLabel):
    """A word-wrapping label that remembers its height for each width.

    Layouts ask a label its height for the same width a dozen times while a page is
    first laid out, and QLabel lays the whole text out again each time; remembering
    the answer makes a page of text about a third quicker to show.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights: dict[tuple, int] = {}
        # Content is never a link and never selectable: nothing to drag, copy or open.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        # Keyed by all the height depends on: the width, the font, and the frame and padding
        # a style sheet gives (no event handler to clear it: a new look sends each label
        # thousands of events, and each one through Python would cost more than it saves).
        inner = self.contentsRect()
        key = (width, self.font().key(), self.width() - inner.width(),
               self.height() - inner.height())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 64:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:  # noqa: N802
        self._heights.clear()
        super().setText(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As narrow as its widest word (Qt's own guess for a wrapping label is the whole
        line, which pushes a page wider than the window at large text sizes)."""
        if not self.wordWrap():
            return super().minimumSizeHint()
        self.ensurePolished()
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
        return QSize(width, self.fontMetrics().height() + frame_h)  # (its height follows
        # its width: the layouts ask heightForWidth)


class Chip(WrapLabel):
    """A short label in a rounded box; one line if it fits, wrapped if it must."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        self.ensurePolished()
        frame_w = self.width() - self.contentsRect().width()
        metrics = self.fontMetrics()
        # A character's width of slack: QLabel lays text out a little wider than the metrics.
        width = metrics.horizontalAdvance(self.text()) + frame_w + metrics.averageCharWidth()
        return QSize(width, self.heightForWidth(width))


def text_label(text: str, name: str = "body", parent: QWidget | None = None) -> QLabel:
    label = WrapLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def bullet_html(items: Iterable[str]) -> str:
    rows = "".join(f"<li style='margin-bottom:4px'>{escape(i)}</li>" for i in items)
    return f"<ul style='margin:0 0 0 -18px'>{rows}</ul>"


def bullet_label(items: Iterable[str], parent: QWidget | None = None) -> QLabel:
    label = WrapLabel(bullet_html(items), parent)
    label.setObjectName("bullets")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setAccessibleName(". ".join(items))
    return label


def min_target() -> int:
    """The smallest tap target in pixels: 44 in kiosk mode (set by the theme), else 0."""
    app = QApplication.instance()
    return int(app.property("explorer-min-target") or 0) if app is not None else 0


class LinkButton(QPushButton):
    """A button that opens another page; its text wraps onto more lines when space is short
    (a plain QPushButton would be clipped at large text sizes or in narrow windows)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkButton")
        self.label = WrapLabel(text + "\u00a0›", self)
        self.label.setObjectName("linkText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        inner = QHBoxLayout(self)
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

    def set_text(self, text: str) -> None:
        self.label.setText(text + "\u00a0›")
        self.setAccessibleName(text)
        self.setAccessibleDescription(tr("Opens the page about {name}", name=text))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """One line: the whole text side by side (a wrapping label would pick a narrower width)."""
        self.label.ensurePolished()
        margins = self.layout().contentsMargins()
        metrics = self.label.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.label.text()) + 2 +
                     margins.left() + margins.right(),
                     max(metrics.height() + margins.top() + margins.bottom(), min_target()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.layout().minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return max(self.layout().totalHeightForWidth(width), min_target())


class ToggleButton(QPushButton):
    """An on/off button that keeps room for its text in bold (its checked look), so
    turning it on never cuts its words."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
