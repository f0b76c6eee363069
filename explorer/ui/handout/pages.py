"""A handout's pages: the clinic's band across the top of the first page (logo, name,
phone and the QR code), a running line on the others, the text between, and at the foot
of every page the disclaimer, the date printed and the page number.

Everything is laid out in 1/96 inch and scaled to the device (a PDF or a printer).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPagedPaintDevice, QPainter, QPen

from explorer.model.dates import long_date
from explorer.model.drawing import Drawing
from explorer.model.handout import Handout, HandoutSettings, link
from explorer.model.i18n import tr
from explorer.ui.handout import figures, sheet
from explorer.ui.handout.qr import paint_qr
from explorer.ui.theme import PAPER

UNITS_PER_INCH = 96


class Printout(NamedTuple):
    """Everything one printing needs, gathered before painting."""

    handout: Handout
    settings: HandoutSettings
    language: str
    spine: Drawing | None
    body: Drawing | None
    region_names: dict[str, str]
    large: bool = False
    printed: datetime.date | None = None  # today when None

    @property
    def link(self) -> str:
        return link(self.settings.link, self.handout, self.language)


class Frame(NamedTuple):
    """The parts of a page, in 1/96 inch, inside the device's margins."""

    width: float
    height: float
    band: float  # the clinic's band on the first page
    running: float  # the running line on the others
    footer: float

    @property
    def body(self) -> float:
        return self.height - self.running - self.footer


def _date(date: datetime.date | None) -> str:
    """In the printout's language (the one ``tr`` gives now), as on screen."""
    return long_date(date) if date is not None else ""


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("Atkinson Hyperlegible")
    font.setPixelSize(round(size))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


FIGURE_GAP = 18


def _frame(device: QPagedPaintDevice, size: sheet.Size) -> Frame:
    scale = device.logicalDpiX() / UNITS_PER_INCH
    return Frame(device.width() / scale, device.height() / scale, band=96 + size.small,
                 running=30 + size.small, footer=28 + 2.4 * size.small)


def _layout(printout: Printout, frame: Frame, size: sheet.Size):
    """The text laid out in pages, the drawings shown and the rect of their column.  The
    column is made smaller if it would not fit on the first page."""
    shown = [(f, d) for f in printout.handout.figures
             if (d := printout.spine if f.drawing == "spine" else printout.body) is not None]
    reviewed = _date(printout.handout.reviewed)
    handout = printout.handout._replace(figures=tuple(f for f, _ in shown))
    width = sheet.FIGURE_WIDTH
    gaps = FIGURE_GAP * max(len(shown) - 1, 0)
    for _ in range(3):
        heights = [figures.height_for(f, d, width) for f, d in shown]
        column = QSizeF(width, sum(heights) + gaps) if shown else QSizeF()
        doc, boxes = sheet.document(handout, column, reviewed, size, frame.width,
                                    top=frame.band - frame.running)
        doc.setPageSize(QSizeF(frame.width, frame.body))
        placed = sheet.column_rect(doc)
        if placed is None:
            return doc, [], None, sheet.decorations(doc, boxes, None, frame.body)
        rect, anchor = placed
        room = frame.body - 8 - anchor
        if column.height() <= room:
            break
        width *= (room - gaps - 2) / (column.height() - gaps)  # smaller, on the first page
    return doc, list(zip(shown, heights, strict=True)), rect, sheet.decorations(
        doc, boxes, rect, frame.body)


def paint(printout: Printout, device: QPagedPaintDevice) -> int:
    """Paint every page of ``printout`` on ``device``; the number of pages (0: the device
    could not be opened)."""
    size = sheet.LARGE if printout.large else sheet.REGULAR
    frame = _frame(device, size)
    doc, shown, column, decorations = _layout(printout, frame, size)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        return 0
    scale = device.logicalDpiX() / UNITS_PER_INCH
    for number in range(pages):
        if number:
            device.newPage()
        painter.save()
        painter.scale(scale, scale)
        _page(painter, printout, frame, number, pages)
        painter.translate(0, frame.running - number * frame.body)
        clip = QRectF(0, number * frame.body, frame.width, frame.body)
        for decoration in decorations:
            if _shows(decoration.rect, clip):
                _decorate(painter, decoration, clip)
        doc.drawContents(painter, clip)
        if column is not None and _shows(column, clip):
            _drawings(painter, printout, column, shown)
        painter.restore()
    painter.end()
    return pages


def _shows(rect: QRectF, page: QRectF) -> bool:
    """Whether any of ``rect`` is on the page (a line has no height; touching is not on)."""
    return rect.left() < page.right() and rect.top() < page.bottom() and \
        rect.bottom() > page.top()


def _decorate(painter: QPainter, decoration: sheet.Decoration, clip: QRectF) -> None:
    """A box's frame and background (a border on every side, in its colour), or a line to
    write on; drawn before the text."""
    painter.save()
    painter.setClipRect(clip)
    if decoration.kind == "note":
        painter.setPen(QPen(QColor(PAPER.control_border), 1))
        painter.drawLine(decoration.rect.topLeft(), decoration.rect.topRight())
    else:
        border, background, _ = sheet.BOX_LOOKS[decoration.kind]
        width = 3.5 if decoration.kind == "emergency" else 2.0
        pen = QPen(QColor(border), width)
        if decoration.kind == "urgent":
            pen.setStyle(Qt.PenStyle.DashLine)  # as on screen: told apart without colour
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(QColor(background))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if decoration.outline is not None:
            painter.drawPath(decoration.outline)
        if decoration.kind == "emergency":  # and a bar down its left side
            painter.fillRect(QRectF(decoration.rect.left(), decoration.rect.top() + 2, 7,
                                    decoration.rect.height() - 4), QColor(border))
    painter.restore()


def _drawings(painter: QPainter, printout: Printout, column: QRectF, shown) -> None:
    top = column.top()
    for (figure, drawing), height in shown:
        figures.paint(painter, QRectF(column.left(), top, column.width(), height), figure,
                      drawing, printout.handout.marks, printout.region_names)
        top += height + FIGURE_GAP


def _page(painter: QPainter, printout: Printout, frame: Frame, number: int, pages: int) -> None:
    size = sheet.LARGE if printout.large else sheet.REGULAR
    if number == 0:
        _band(painter, printout, QRectF(0, 0, frame.width, frame.band - 16), size)
    else:
        painter.setPen(QColor(PAPER.muted))
        painter.setFont(_font(size.small))
        line = QRectF(0, 0, frame.width, frame.running - 12)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         printout.settings.clinic_name or tr("Spine Explorer"))
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         printout.handout.title)
        _rule(painter, frame.running - 10, frame.width)
    top = frame.height - frame.footer
    _rule(painter, top + 6, frame.width)
    painter.setPen(QColor(PAPER.muted))
    painter.setFont(_font(size.small))
    words = QRectF(0, top + 12, frame.width * 0.62, frame.footer - 12)
    painter.drawText(words, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, tr(
        "For learning only — this is not a diagnosis. Talk to your doctor about your "
        "symptoms."))
    stamp = tr("Printed {date}", date=_date(printout.printed or datetime.date.today()))
    painter.drawText(QRectF(frame.width * 0.64, top + 12, frame.width * 0.36, frame.footer - 12),
                     Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap,
                     stamp + "\n" + tr("Page {page} of {pages}", page=number + 1, pages=pages))


def _rule(painter: QPainter, y: float, width: float) -> None:
    painter.setPen(QPen(QColor(PAPER.border), 1.2))
    painter.drawLine(QPointF(0, y), QPointF(width, y))


def _band(painter: QPainter, printout: Printout, rect: QRectF, size: sheet.Size) -> None:
    """Logo, clinic name and phone on the left; the QR code and what it is for on the right."""
    settings = printout.settings
    left = rect.left()
    used = _paint_logo(painter, settings.clinic_logo, QRectF(left, rect.top(), 150,
                                                              rect.height()))
    left += used + 16 if used else 0
    qr = printout.link
    right = rect.right() - (rect.height() + 14 if qr else 0)
    text = QRectF(left, rect.top(), (right - left) * (0.58 if qr else 1), rect.height())
    painter.setPen(QColor(PAPER.text))
    name = _font(size.heading + 3, bold=True)
    painter.setFont(name)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    name_box = painter.boundingRect(text, flags, settings.clinic_name or tr("Spine Explorer"))
    painter.drawText(text, flags, settings.clinic_name or tr("Spine Explorer"))
    if settings.clinic_phone:
        painter.setFont(_font(size.body))
        painter.drawText(text.adjusted(0, name_box.height() + 4, 0, 0), flags,
                         tr("Phone: {phone}", phone=settings.clinic_phone))
    if qr:
        side = rect.height()
        paint_qr(painter, QRectF(rect.right() - side, rect.top(), side, side), qr)
        caption = QRectF(text.right() + 10, rect.top(), right - text.right() - 10,
                         rect.height())
        painter.setFont(_font(size.body, bold=True))
        painter.drawText(caption, Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap,
                         tr("Scan to read this at home"))
        painter.setFont(_font(size.small))
        painter.setPen(QColor(PAPER.muted))
        painter.drawText(caption, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom |
                         Qt.TextFlag.TextWrapAnywhere, qr)
    _rule(painter, rect.bottom() + 6, rect.width())


def _paint_logo(painter: QPainter, path: str, room: QRectF) -> float:
    """The clinic's logo at the top left of ``room``, as large as fits; the width it took.
    No logo, or a file that cannot be read: nothing (the handout prints without it)."""
    if not path:
        return 0.0
    if path.lower().endswith(".svg"):
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(path)
        if not renderer.isValid():
            return 0.0
        fitted = QSizeF(renderer.defaultSize()).scaled(room.size(),
                                                       Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, QRectF(room.topLeft(), fitted))
        return fitted.width()
    image = QImage(path)
    if image.isNull():
        return 0.0
    fitted = QSizeF(image.size()).scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRectF(room.topLeft(), fitted), image)
    return fitted.width()
