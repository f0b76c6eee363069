"""The flowing text of a handout as a QTextDocument: title, the drawings floated beside the
text, sections, warning-sign boxes by level, lines for notes on the clinician's pins, and
the sources.

The drawings stand in one column floated beside the text, held by an empty image of its
size.  Qt lets text flow round a float but would run a table under it, so boxes are plain
paragraphs tagged with their box's number (``-qt-user-state``); :func:`decorations` finds
where the layout put them and :mod:`explorer.ui.handout.pages` paints their frames, the
note lines and the drawings.  Sizes are in 1/96 inch.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRectF, QSizeF, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainterPath, QTextDocument, QTextFrameFormat

from explorer.model.handout import Handout, Section, SignGroup
from explorer.model.i18n import tr
from explorer.model.marks import pin_count
from explorer.ui.theme import PAPER
from explorer.ui.widgets import escape

FIGURE_WIDTH = 210.0  # the drawings' column
COLUMN_GAP = 18.0  # between the text and the drawings
FIGURE = "figure:drawings"
BLANK = "figure:blank"  # keeps room at the top of the first page for the clinic's band
PAD = 12.0  # inside a box, round its text
NOTE = 1000  # user state of a note line (boxes are numbered from 1)


class Size(NamedTuple):
    """Type sizes in 1/96 inch: 16 is 12 pt, 24 is 18 pt (large print)."""

    body: float
    title: float
    heading: float
    small: float


REGULAR = Size(body=16, title=28, heading=19, small=12)
LARGE = Size(body=24, title=38, heading=28, small=16)

# kind -> (border and title colour, background, the sign that says it in more than colour)
BOX_LOOKS = {"emergency": (PAPER.emergency, PAPER.emergency_bg, "☎"),
             "urgent": (PAPER.urgent, PAPER.urgent_bg, "⚠"),
             "soon": (PAPER.accent, PAPER.doctor_bg, "✚"),
             "doctor": (PAPER.accent, PAPER.doctor_bg, "✚")}


class Decoration(NamedTuple):
    kind: str  # a box kind, or "note" for a line to write on
    rect: QRectF  # document coordinates
    outline: QPainterPath | None = None  # a box's frame: narrower where it is beside the drawings


def _style(size: Size) -> str:
    return f"""
p, li {{ margin-top: 0; margin-bottom: {size.body * 0.45:.0f}px; }}
h1 {{ font-size: {size.title}px; font-weight: 700; margin-top: 0; margin-bottom: 6px;
      color: {PAPER.text}; }}
h2 {{ font-size: {size.heading}px; font-weight: 700; margin-top: {size.body * 0.9:.0f}px;
      margin-bottom: 4px; color: {PAPER.accent}; }}
.kicker {{ font-size: {size.small}px; font-weight: 700; color: {PAPER.muted};
           margin-bottom: 2px; }}
.lead {{ font-size: {size.body * 1.12:.0f}px; }}
.small {{ font-size: {size.small}px; color: {PAPER.muted}; }}
"""


class _Builder:
    """Collects the HTML and numbers the boxes in order."""

    def __init__(self, size: Size) -> None:
        self.size = size
        self.parts: list[str] = []
        self.boxes: list[str] = []  # box kinds, by number - 1

    def add(self, html: str) -> None:
        self.parts.append(html)

    def box(self, kind: str, title: str, texts=(), items=(), terms=()) -> None:
        self.boxes.append(kind)
        left = PAD + 8 if kind == "emergency" else PAD  # clear of its bar
        tag = f"-qt-user-state: {len(self.boxes)}; margin-left: {left}px; margin-right: {PAD}px;"
        colour, _, sign = BOX_LOOKS[kind]
        space = self.size.body + PAD
        html = [f'<p style="{tag} margin-top: {space:.0f}px; font-size: {self.size.heading}px;'
                f' font-weight: 700; color: {colour};">{sign} {escape(title)}</p>',
                *(f'<p style="{tag}">{escape(t)}</p>' for t in texts if t),
                *(f'<p style="{tag}"><b>{escape(a)}</b> — {escape(b)}</p>' for a, b in terms)]
        if items:
            html.append(f'<ul style="margin-left: {left}px; margin-right: {PAD}px;">' + "".join(
                f'<li style="-qt-user-state: {len(self.boxes)};">{escape(i)}</li>'
                for i in items) + "</ul>")
        self.add("".join(html))

    def section(self, section: Section) -> None:
        if section.box:
            self.box("doctor", section.heading, section.text, section.items, section.terms)
            return
        self.add(f"<h2>{escape(section.heading)}</h2>" + "".join(
            f"<p>{escape(t)}</p>" for t in section.text if t))
        if section.items:
            self.add("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in section.items) + "</ul>")
        self.add("".join(f"<p><b>{escape(a)}</b> — {escape(b)}</p>" for a, b in section.terms))

    def signs(self, group: SignGroup) -> None:
        self.box(group.level, group.title, (group.lead,), group.items)

    def notes(self, pins: int) -> None:
        """A line to write on for each of the clinician's numbered pins."""
        heading = escape(tr("Notes from your visit"))
        self.add(f"<h2>{heading}</h2>")
        self.add("".join(f'<p style="-qt-user-state: {NOTE}; margin-top: '
                         f'{self.size.body:.0f}px;"><b>{n}</b></p>'
                         for n in range(1, pins + 1)))


def html(handout: Handout, column: QSizeF, reviewed: str, top: float,
         size: Size) -> tuple[str, list[str]]:
    """The handout's text, starting ``top`` down the first page, with room for the drawings
    (``column``) floated beside it; and the kinds of its boxes, in order."""
    built = _Builder(size)
    floats = (f'<img src="{FIGURE}" width="{column.width() + COLUMN_GAP:.0f}" '
              f'height="{column.height():.0f}" style="float: right">'
              if not column.isEmpty() else "")
    built.add(f'<p style="margin: 0;"><img src="{BLANK}" width="1" height="{top:.0f}"></p>'
              f'<p class="kicker">{escape(handout.kicker.upper())}</p>'
              f"<h1>{escape(handout.title)}</h1>"
              f'<p class="lead">{floats}{escape(handout.lead)}</p>')
    first = [g for g in handout.signs if g.level == "emergency"]  # never below the fold
    for group in first:
        built.signs(group)
    for section in handout.sections:
        built.section(section)
    for group in handout.signs:
        if group not in first:
            built.signs(group)
    if pin_count(handout.marks):
        built.notes(pin_count(handout.marks))
    if handout.sources:
        lines = "<br>".join(f"{escape(s.title)} — {escape(s.url)}" for s in handout.sources)
        when = tr("Last reviewed: {date}", date=reviewed) if reviewed else ""
        heading = escape(tr("Sources"))
        built.add(f'<h2>{heading}</h2><p class="small">{lines}</p>'
                  f'<p class="small">{escape(when)}</p>')
    return "".join(built.parts), built.boxes


def document(handout: Handout, column: QSizeF, reviewed: str, size: Size, width: float,
             top: float) -> tuple[QTextDocument, list[str]]:
    """The laid-out text, ``width`` wide, starting ``top`` down the first page; and the
    kinds of its boxes."""
    doc = QTextDocument()
    font = QFont("Atkinson Hyperlegible")
    font.setPixelSize(round(size.body))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # laid out for paper
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(_style(size))
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(QColor(0, 0, 0, 0))
    for name in (FIGURE, BLANK):
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), blank)
    text, boxes = html(handout, column, reviewed, top, size)
    doc.setHtml(text)
    doc.setTextWidth(width)
    return doc, boxes


def column_rect(doc: QTextDocument) -> tuple[QRectF, float] | None:
    """Where the layout put the drawings' column (document coordinates, without the gap
    beside the text), and the top of the paragraph it belongs to (where it stands if it
    fits), if there is one."""
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if frame.frameFormat().position() != QTextFrameFormat.Position.InFlow:
            anchor = doc.findBlock(frame.firstPosition() - 1)
            rect = layout.frameBoundingRect(frame).adjusted(COLUMN_GAP, 0, 0, 0)
            return rect, layout.blockBoundingRect(anchor).top()
    return None


def decorations(doc: QTextDocument, boxes: list[str], column: QRectF | None,
                page_height: float) -> list[Decoration]:
    """Each box's frame (one rect per page it is on) and each note line, as laid out."""
    layout = doc.documentLayout()
    width = doc.textWidth()
    spans: dict[tuple[int, int], QPainterPath] = {}  # (box number, page) -> its frame
    lines = []
    block = doc.begin()
    while block.isValid():
        state = block.userState()
        if state > 0:
            rect = layout.blockBoundingRect(block)
            right = width
            if column is not None and rect.top() < column.bottom() and \
                    rect.bottom() > column.top():  # beside the drawings
                right = column.left() - COLUMN_GAP / 2
            if state == NOTE:
                lines.append(Decoration("note", QRectF(28, rect.bottom() - 4, right - 28, 0)))
            else:
                key = (state, int(rect.top() // page_height))
                part = QPainterPath()
                part.addRect(QRectF(0, rect.top() - PAD / 2, right, rect.height() + PAD))
                spans[key] = spans[key].united(part) if key in spans else part
        block = block.next()
    return [Decoration(boxes[number - 1], path.boundingRect(), path.simplified())
            for (number, _), path in spans.items()] + lines
