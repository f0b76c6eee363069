"""Layouts whose height follows their width: rows that wrap like words in a line
(:class:`FlowLayout`), and as many equal columns as fit (:class:`ColumnsLayout`).

Qt ships a flow layout only as an example, so we keep our own small versions.
"""

from __future__ import annotations

from functools import partial

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def _delete_items(items: list[QLayoutItem]) -> None:
    for item in items:
        shiboken6.delete(item)
    items.clear()


class _WrappingLayout(QLayout):
    """What both layouts share: a list of items, and a height that follows the width;
    subclasses place the items in ``_arrange`` and say their ``minimumSize``.

    The layout owns its items and deletes them when it goes, as a C++ subclass does in its
    destructor (``QLayout``'s own leaves them, and Qt's flow-layout example deletes them in
    ``~FlowLayout``).  A Python subclass has no destructor Qt calls, so the items are freed
    on :attr:`destroyed`; without that every chip, term and link would leak its item
    (about 96 bytes) each time its page is built again.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        # The slot holds the list, not the layout: by then the layout itself is gone.
        self.destroyed.connect(partial(_delete_items, self._items))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def _arrange(self, rect: QRect, move: bool) -> int:
        raise NotImplementedError


class FlowLayout(_WrappingLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 10) -> None:
        super().__init__(parent)
        self._spacing = spacing


    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place items in rows; each row's items are centred on the row's middle."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if hint.width() > area.width():  # too wide for a row of its own: wrap within it
                width = max(area.width(), 1)
                height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
                hint = QSize(width, height)
            if rows[-1] and x + hint.width() > area.right() + 1:
                rows.append([])
                x = area.x()
            rows[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(hint.height() for _, hint in row)
            x = area.x()
            for item, hint in row:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._spacing
            y += height + self._spacing
        return max(0, y - self._spacing - rect.y()) + m.bottom()


class ColumnsLayout(_WrappingLayout):
    """Items in as many equal columns as fit (each at least ``min_column`` wide), row by row;
    heights follow each item's height for the column width."""

    def __init__(self, parent: QWidget | None = None, min_column: int = 280,
                 spacing: tuple[int, int] = (24, 8)) -> None:
        super().__init__(parent)
        self._min_column = min_column
        self._h_gap, self._v_gap = spacing


    def minimumSize(self) -> QSize:  # noqa: N802
        widest = max((item.minimumSize().width() for item in self._items), default=0)
        return QSize(max(min(self._min_column, 200), widest), 0)

    def columns_for(self, width: int) -> int:
        """As many columns as fit, each at least ``min_column`` wide and as wide as the
        widest word of any item (none is ever cut at the side)."""
        widest = max((item.minimumSize().width() for item in self._items), default=0)
        column = max(self._min_column, widest)
        return max(1, (width + self._h_gap) // (column + self._h_gap))

    def _arrange(self, rect: QRect, move: bool) -> int:
        columns = self.columns_for(rect.width())
        column_width = (rect.width() - self._h_gap * (columns - 1)) // columns
        y = rect.y()
        for start in range(0, len(self._items), columns):
            row = self._items[start:start + columns]
            height = max(item.heightForWidth(column_width) if item.hasHeightForWidth()
                         else item.sizeHint().height() for item in row)
            if move:
                for index, item in enumerate(row):
                    x = rect.x() + index * (column_width + self._h_gap)
                    item.setGeometry(QRect(x, y, column_width, height))
            y += height + self._v_gap
        return max(0, y - self._v_gap - rect.y())
