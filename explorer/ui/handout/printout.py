"""Making a handout and sending it out: to a PDF file or to a printer.  Paper is Letter or
A4, as configured, or (``auto``) the printer's own or the country's.

Nothing is written but the file asked for, and nothing about the visitor or the printout
is logged.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from explorer.model import handout as handouts
from explorer.model.kinds import PageKey
from explorer.model.marks import Mark
from explorer.ui.handout.pages import Printout, paint

MARGIN_MM = 14
# Countries that use US Letter paper (CLDR's paperSize data); everywhere else uses A4.
LETTER_TERRITORIES = frozenset({"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH",
                                "PR", "SV", "US", "VE"})


def make(world, key: PageKey, language: str, settings: handouts.HandoutSettings,
         marks: tuple[Mark, ...] = (), large: bool = False) -> Printout | None:
    """The printout of page ``key`` in ``language`` (whose app strings ``tr`` gives now),
    or None when that page has no handout."""
    content = world.content(language)
    if content is None:
        return None
    made = handouts.build(content, key, marks, settings.emergency_number)
    if made is None:
        return None
    names = {r.id: r.name for r in content.regions}
    return Printout(made, settings, language, world.drawing, world.body if world.has_body
                    else None, names, large)


def paper_for(territory_code: str) -> QPageSize.PageSizeId:
    """Letter where the country uses it, else A4 (``territory_code``: "US", "ES", …)."""
    return (QPageSize.PageSizeId.Letter if territory_code.upper() in LETTER_TERRITORIES
            else QPageSize.PageSizeId.A4)


def page_size(paper: str, printer_default: QPageSize | None = None) -> QPageSize:
    """``letter``, ``a4``, or ``auto``: the printer's default paper when it has one, else
    the paper of the country this computer is set up for (not the visitor's language)."""
    if paper == "letter":
        return QPageSize(QPageSize.PageSizeId.Letter)
    if paper == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if printer_default is not None and printer_default.isValid():
        return printer_default
    territory = QLocale.system().name().partition("_")[2]
    return QPageSize(paper_for(territory))


def _prepare(device: QPagedPaintDevice, paper: QPageSize) -> None:
    device.setPageSize(paper)
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                          QPageLayout.Unit.Millimeter)


def write_pdf(printout: Printout, path: Path) -> bool:
    """The handout as a PDF file at ``path``; False if it could not be written."""
    if not path.parent.is_dir() or not os.access(path.parent, os.W_OK) or path.is_dir():
        return False  # said plainly, before Qt would warn about a painter that cannot begin
    writer = QPdfWriter(str(path))
    writer.setTitle(printout.handout.title)
    writer.setCreator("Spine Explorer")
    _prepare(writer, page_size(printout.settings.paper))
    pages = paint(printout, writer)
    del writer  # finishes the file
    return pages > 0 and path.is_file()


def print_on(printout: Printout, printer) -> bool:
    """The handout on a ``QPrinter`` already set up (paper and printer chosen by the print
    dialog, or by :func:`new_printer` on a kiosk)."""
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                           QPageLayout.Unit.Millimeter)
    printer.setDocName(printout.handout.title)
    return paint(printout, printer) > 0


def new_printer(settings: handouts.HandoutSettings, kiosk: bool = False):
    """A high-resolution QPrinter, its paper set as configured: on the configured printer
    if this computer knows it, else the system's default.  For a kiosk, None unless the
    configured printer is there (it never falls back to another, or to a file)."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(settings.printer) if settings.printer else QPrinterInfo()
    if kiosk and info.isNull():
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution) if info.isNull() else \
        QPrinter(info, QPrinter.PrinterMode.HighResolution)
    default = info.defaultPageSize() if not info.isNull() else None
    _prepare(printer, page_size(settings.paper, default))
    return printer
