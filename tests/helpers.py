"""What the tests share: showing a window and waiting for its page, the words on it, a
click inside a region of the drawing, layout checks for clipped text and overlapping
widgets, and the C heap's bytes in use."""

import ctypes
import re
import sys

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)


def show(qtbot, window) -> None:
    """Show a window and wait until it is on screen and active, as after a person's click."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def settled(qtbot, window):
    """The current page once it has been shown and has built what it left for later."""
    page = window.current_page()
    qtbot.waitUntil(page.is_complete)
    return page


def page_text(page) -> str:
    """The words a page shows now (labels visible on it), one label per line."""
    return "\n".join(label.text() for label in page.findChildren(QLabel)
                     if label.isVisibleTo(page))


def window_text(qtbot, window) -> str:
    """The words of the whole page on screen, once it is complete."""
    return page_text(settled(qtbot, window))


def button_named(page, name: str) -> QAbstractButton:
    for button in page.findChildren(QAbstractButton):
        if button.accessibleName() == name:
            return button
    raise AssertionError(f"no button {name!r} on {page}")


def click_region(qtbot, window, region: str) -> None:
    """A left click (or a tap) well inside ``region``'s shape on the window's drawing (on
    the small whole spine when another region is shown large), once the drawing is still."""
    view = window.diagram
    qtbot.waitUntil(view.zoom_settled)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.region_point(region))


LEAVES = (QLabel, QAbstractButton, QLineEdit, QGraphicsView)


def visible_leaves(root: QWidget):
    """What a person sees: labels, buttons, text boxes and drawings that are shown (the
    drawings' invisible shape buttons, mirrors for screen readers, are not seen)."""
    for widget in root.findChildren(QWidget):
        if (widget.isVisible() and isinstance(widget, LEAVES)
                and widget.objectName() != "shapeButton"):
            yield widget


def rect_in(window, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _scrolled(widget: QWidget) -> bool:
    """Whether ``widget`` is the content of a scroll area (larger than what shows)."""
    parent = widget.parentWidget()
    return parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea) \
        and parent is parent.parentWidget().viewport()


def shown_rect(window, widget: QWidget) -> QRect:
    """The part of ``widget`` on screen: cut by every widget it sits in."""
    rect = rect_in(window, widget)
    ancestor = widget.parentWidget()
    while ancestor is not None and ancestor is not window:
        rect = rect.intersected(rect_in(window, ancestor))
        ancestor = ancestor.parentWidget()
    return rect.intersected(window.rect())


def cut_by_a_container(window, widget: QWidget) -> str | None:
    """The first widget ``widget`` sits in that cuts part of it off; a scroll area's
    content only sideways (up and down it scrolls)."""
    rect = rect_in(window, widget).adjusted(1, 1, -1, -1)
    ancestor = widget.parentWidget()
    while ancestor is not None:
        outer = rect_in(window, ancestor) if ancestor is not window else window.rect()
        if _scrolled(ancestor):
            pass
        elif isinstance(ancestor.parentWidget(), QAbstractScrollArea):  # the viewport
            if rect.left() < outer.left() or rect.right() > outer.right():
                return ancestor.objectName() or type(ancestor).__name__
            rect = rect.intersected(outer)  # up and down, only what is scrolled into view
            if rect.isEmpty():
                return None
        elif not outer.contains(rect):
            return ancestor.objectName() or type(ancestor).__name__
        if ancestor is window:
            break
        ancestor = ancestor.parentWidget()
    return None


def needed_height(label: QLabel) -> int:
    """The height a label's text needs at its width, worked out apart from the label."""
    inner = label.contentsRect()
    frame = label.height() - inner.height()
    if label.textFormat() == Qt.TextFormat.RichText:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(label.text())
        doc.setTextWidth(inner.width())
        return int(doc.size().height() + 0.999) + frame
    flags = int(Qt.TextFlag.TextWordWrap.value) if label.wordWrap() else 0
    box = QFontMetrics(label.font()).boundingRect(QRect(0, 0, inner.width(), 10**6), flags,
                                                  label.text())
    return box.height() + frame


def needed_width(button: QAbstractButton) -> int:
    """The width a button needs: its own size hint, and for a checkable push button the
    width Qt's own size hint gives with its text in bold (checked tabs are bold)."""
    need = button.sizeHint().width()
    if isinstance(button, QPushButton) and button.isCheckable() and button.text():
        plain, bold = QFont(button.font()), QFont(button.font())
        plain.setBold(False)
        bold.setBold(True)
        extra = (QFontMetrics(bold).horizontalAdvance(button.text())
                 - QFontMetrics(plain).horizontalAdvance(button.text()))
        need = max(need, QPushButton.sizeHint(button).width() + max(extra, 0))
    return need


def hint_cut(box: QLineEdit) -> bool:
    """Whether a text box's grey hint is wider than the room the style gives its text."""
    option = QStyleOptionFrame()
    box.initStyleOption(option)
    room = box.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, box)
    margins = box.textMargins()
    inner = room.width() - margins.left() - margins.right() - 4  # Qt's 2 px each side
    return box.fontMetrics().horizontalAdvance(box.placeholderText()) > inner


def words_cut(label: QLabel) -> str | None:
    """A word (or, unwrapped, the whole line) wider than the label shows it."""
    if label.textFormat() == Qt.TextFormat.RichText or not label.text():
        return None
    room = label.contentsRect().width() + 1
    metrics = QFontMetrics(label.font())
    pieces = re.split(r"(?:(?!\u00a0)\s|\u200b)+", label.text()) if label.wordWrap() \
        else label.text().splitlines()
    widest = max(pieces, key=metrics.horizontalAdvance, default="")
    return widest if metrics.horizontalAdvance(widest) > room else None


def drawing_labels(view: QGraphicsView) -> list[tuple[str, QRectF]]:
    """The words drawn on a drawing (items at a fixed pixel size), in viewport pixels."""
    found = []
    for item in view.scene().items():
        fixed = item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        if item.isVisible() and fixed:
            box = item.boundingRect()
            corner = view.viewportTransform().map(item.scenePos()) + box.topLeft()
            name = getattr(item, "title", None) or getattr(item, "text", "")
            name = name() if callable(name) else name
            found.append((str(name), QRectF(corner, box.size())))
    return found


def drawing_problems(view: QGraphicsView) -> list[str]:
    problems = []
    room = QRectF(view.viewport().rect()).adjusted(-1, -1, 1, 1)
    labels = drawing_labels(view)
    for i, (name, box) in enumerate(labels):
        if not room.contains(box):
            problems.append(f"drawing label {name!r} cut off by the edge of the drawing")
        for other, other_box in labels[i + 1:]:
            if box.intersects(other_box):
                problems.append(f"drawing labels {name!r} and {other!r} touch")
    return problems


def clipped_or_overlapping(window) -> list[str]:
    """Everything a person would see as broken: text cut off (too short, too narrow, a word
    wider than its box, a button narrower than its bold text), a widget cut by the widget
    it sits in or by the window, two widgets on top of each other, drawing labels that touch
    or run off the drawing."""
    problems = []
    widgets = list(visible_leaves(window))
    for widget in widgets:
        name = f"{widget.objectName()} {_text(widget)[:30]!r}"
        if isinstance(widget, QLabel) and widget.text():
            need = needed_height(widget)
            if widget.height() + 1 < need:
                problems.append(f"{name} clipped: {widget.height()} < {need}")
            word = words_cut(widget)
            if word is not None:
                problems.append(f"{name} cut at the side: {word!r}")
        words_inside = widget.findChild(QLabel) is not None  # checked as a label
        if isinstance(widget, QAbstractButton) and not words_inside and \
                widget.width() + 1 < needed_width(widget):
            problems.append(f"button {_text(widget)!r} too narrow")
        if isinstance(widget, QLineEdit) and not widget.text() and hint_cut(widget):
            problems.append(f"{name} hint {widget.placeholderText()!r} cut")
        cut = cut_by_a_container(window, widget)
        if cut is not None:
            problems.append(f"{name} cut off by {cut}")
        if isinstance(widget, QGraphicsView):
            problems.extend(drawing_problems(widget))
    shown = [(w, shown_rect(window, w)) for w in widgets]
    shown = [(w, r) for w, r in shown if not r.isEmpty()]
    for i, (a, ra) in enumerate(shown):
        for b, rb in shown[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            if ra.intersects(rb):
                problems.append(f"{a.objectName()} {_text(a)[:20]!r} overlaps "
                                f"{b.objectName()} {_text(b)[:20]!r}")
    return problems


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]


def heap_in_use_mb() -> float | None:
    """Megabytes glibc's allocator has handed out and not had back (``mallinfo2``: bytes in
    use in its arenas, ``uordblks``, plus blocks given pages of their own, ``hblkhd``).
    Unlike resident memory it does not depend on when freed pages go back to the system.
    ``None`` where there is no glibc 2.33 or newer."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return (info.uordblks + info.hblkhd) / 1e6


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return text() if callable(text) else widget.accessibleName()
