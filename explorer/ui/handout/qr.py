"""The handout's QR code: encoded by segno, painted as vector squares (sharp at any size,
and what a phone camera reads best)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

QUIET_MODULES = 4  # the blank border a reader needs round the code


@functools.lru_cache(maxsize=32)  # a kiosk prints the same few pages over and over
def qr_path(text: str) -> tuple[QPainterPath, int]:
    """The dark modules of ``text``'s QR code as one path in module units, and its size
    in modules including the quiet zone."""
    import segno

    code = segno.make_qr(text, error="m")  # survives a fold or a smudge on paper
    path = QPainterPath()
    for row, line in enumerate(code.matrix):
        start = None
        for col, dark in enumerate((*line, 0)):
            if dark and start is None:
                start = col
            elif not dark and start is not None:  # one rectangle per run of dark modules
                path.addRect(QRectF(start + QUIET_MODULES, row + QUIET_MODULES, col - start, 1))
                start = None
    return path, len(code.matrix) + 2 * QUIET_MODULES


def paint_qr(painter: QPainter, rect: QRectF, text: str) -> None:
    """``text`` as a QR code filling the square ``rect`` (quiet zone included)."""
    path, modules = qr_path(text)
    side = min(rect.width(), rect.height())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # no seams between rows
    painter.fillRect(QRectF(rect.left(), rect.top(), side, side), Qt.GlobalColor.white)
    painter.translate(rect.topLeft())
    painter.scale(side / modules, side / modules)
    painter.fillPath(path, QColor(Qt.GlobalColor.black))
    painter.restore()
