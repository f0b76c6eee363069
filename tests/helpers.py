"""What the tests share: showing a window and waiting for its page, the words on it, a
click inside a region of the drawing, layout checks for clipped text and overlapping
widgets, and the C heap's bytes in use."""

import ctypes
import sys

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


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
    """A left click (or a tap) well inside ``region``'s shape on the window's drawing."""
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(view.inside_point(region)))


def visible_leaves(root: QWidget):
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, (QLabel, QAbstractButton)):
            yield widget


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


def clipped_or_overlapping(window) -> list[str]:
    problems = []
    widgets = list(visible_leaves(window))
    page_viewport = window.current_page().viewport()
    for widget in widgets:
        if isinstance(widget, QLabel) and widget.text():
            need = needed_height(widget)
            if widget.height() + 1 < need:
                problems.append(f"{widget.objectName()} {widget.text()[:30]!r} clipped: "
                                f"{widget.height()} < {need}")
        if isinstance(widget, QAbstractButton) and widget.width() + 1 < widget.sizeHint().width():
            problems.append(f"button {widget.text()!r} too narrow")
    in_page = [w for w in widgets if page_viewport.isAncestorOf(w)]
    for i, a in enumerate(in_page):
        ra = QRect(a.mapTo(window, QPoint(0, 0)), a.size())
        for b in in_page[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            rb = QRect(b.mapTo(window, QPoint(0, 0)), b.size())
            if ra.intersects(rb):
                problems.append(f"{a.objectName()} {a.text()[:20]!r} overlaps "
                                f"{b.objectName()} {b.text()[:20]!r}")
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
