"""The printed Party document: page frame, fonts and type sizes per Hướng dẫn 36-HD/VPTW (2018).

A `PartyDocument` lays out the mandatory parts (domain research §4):

- top right: "ĐẢNG CỘNG SẢN VIỆT NAM" (caps, 15, bold) with a solid rule under it, the same
  length; under it the place and date line (14, italic);
- top left: the directly superior body (caps, 14), the issuing body (caps, 14, bold), a "*"
  under it, then the number and symbol ("Số 12-NQ/CB", 14);
- centred: the type name (caps, 15, bold) and the subject (14, bold);
- the body (14), then the signer block bottom right (T/M CHI BỘ / BÍ THƯ, space to sign, the
  name) and the recipients bottom left ("Nơi nhận:" 12 bold italic, items 11).

A4, margins a parameter (default top 20, bottom 20, left 30, right 15 mm), page numbers from
page 2. The fonts are Liberation Serif (Times New Roman metrics), shipped inside this package and
embedded as subsets. Every string is NFC-normalised before it is drawn: ReportLab does no mark
positioning, so decomposed (NFD) Vietnamese would print with misplaced diacritics.

Plain data in, PDF bytes out: no database, no Qt.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dvdesk.files import write_atomic

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
_FONT_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

PARTY_HEADING = "ĐẢNG CỘNG SẢN VIỆT NAM"

# Type sizes (points), Phụ lục 3 of 36-HD/VPTW.
HEADING_SIZE = 15
BODY_NAME_SIZE = 14
NUMBER_SIZE = 14
DATE_SIZE = 14
TYPE_NAME_SIZE = 15
SUBJECT_SIZE = 14
BODY_SIZE = 14
SIGNER_SIZE = 14
RECIPIENTS_TITLE_SIZE = 12
RECIPIENTS_SIZE = 11
PAGE_NUMBER_SIZE = 14
LETTER_SUBJECT_SIZE = 12  # "V/v …" under the number of a công văn
LINE_FACTOR = 1.2  # line height as a multiple of the type size in the heading block


def nfc(text: str) -> str:
    """The text in Unicode NFC (precomposed letters), which is what must reach the canvas."""
    return unicodedata.normalize("NFC", text)


def caps(text: str) -> str:
    """Upper case, NFC (Vietnamese upper-cases correctly: đ→Đ, ư→Ư)."""
    return nfc(nfc(text).upper())


def fonts_dir() -> Path:
    """The folder of the bundled TTFs and their licence (inside the package)."""
    return Path(str(resources.files("dvdesk.reports") / "fonts"))


_registered = False


def register_fonts() -> str:
    """Register the four Liberation Serif styles and the family, once; return the family name."""
    global _registered
    if not _registered:
        folder = resources.files("dvdesk.reports") / "fonts"
        for name, filename in _FONT_FILES.items():
            with resources.as_file(folder / filename) as path:
                # TTFont reads the whole file, so a temporary extraction may go away afterwards.
                pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True
    return FAMILY


def vn_date(day: date) -> str:
    """'ngày 05 tháng 03 năm 2026' (two-digit day and month)."""
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def place_date_line(place: str, day: date) -> str:
    """'Hà Nội, ngày 05 tháng 03 năm 2026'."""
    return nfc(f"{place.strip()}, {vn_date(day)}")


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@dataclass(frozen=True)
class Heading:
    """The top of the first page: who issues the document, its number, where and when."""

    issuing_body: str  # "Chi bộ Khu phố 3" (printed in caps, bold)
    number: str  # "Số 12-NQ/CB"
    place: str  # "Hà Nội"
    issued_on: date | None  # None: no place-and-date line (a register's first page)
    superior_body: str = ""  # "Đảng bộ phường Dịch Vọng" (printed in caps); may be empty
    # The top-right heading: the Party's, or e.g. "ĐOÀN TNCS HỒ CHÍ MINH" on a Youth Union 4-KNĐ.
    top_heading: str = PARTY_HEADING
    # A công văn's subject ("V/v thẩm tra lý lịch …"), italic 12 pt, centred under the number.
    letter_subject: str = ""


@dataclass(frozen=True)
class Signer:
    """The signer block: authority ("T/M CHI BỘ"), position ("BÍ THƯ") and name."""

    name: str
    position: str = "BÍ THƯ"
    authority: str = "T/M CHI BỘ"


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size: float
    rule: bool = False  # a solid rule under the text, the same length


# --- paragraph helpers (all NFC) -------------------------------------------------------------


def _style(
    name: str,
    font: str,
    size: float,
    *,
    align: int = TA_JUSTIFY,
    indent: float = 0,
    leading: float | None = None,
    space_after: float = 0,
) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else size * 1.2,
        alignment=align,
        firstLineIndent=indent,
        spaceAfter=space_after,
    )


def _font_for(bold: bool, italic: bool) -> str:
    if bold:
        return BOLD_ITALIC if italic else BOLD
    return ITALIC if italic else REGULAR


def para(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    indent: bool = True,
    align: str = "justify",
    size: float = BODY_SIZE,
) -> Paragraph:
    """A body paragraph of plain text (escaped, NFC), first line indented 10 mm by default."""
    alignment = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER}[align]
    style = _style(
        "body",
        _font_for(bold, italic),
        size,
        align=alignment,
        indent=10 * mm if indent else 0,
        space_after=3,
    )
    return Paragraph(escape(nfc(text)), style)


def rich(markup: str, *, indent: bool = True, size: float = BODY_SIZE) -> Paragraph:
    """A body paragraph of ReportLab markup (<b>, <i>); the caller escapes any data in it."""
    style = _style(
        "rich", REGULAR, size, align=TA_JUSTIFY, indent=10 * mm if indent else 0, space_after=3
    )
    return Paragraph(nfc(markup), style)


def form_code_line(code: str) -> Paragraph:
    """'Mẫu 6-KNĐ', small and right-aligned above the heading, as on the official samples."""
    style = _style("formcode", ITALIC, 11, align=TA_RIGHT)
    return Paragraph(escape(nfc(f"Mẫu {code}")), style)


# --- the heading block -----------------------------------------------------------------------


class _HeadingBlock(Flowable):
    """Two columns: issuing body and number on the left, the Party heading and date on the right.

    The number (left) and the place-and-date line (right) share a baseline.
    """

    LEFT_SHARE = 0.5

    def __init__(self, heading: Heading) -> None:
        super().__init__()
        self.heading = heading
        self.left: list[_Line] = []
        if heading.superior_body.strip():
            self.left.append(_Line(caps(heading.superior_body), REGULAR, BODY_NAME_SIZE))
        self.left.append(_Line(caps(heading.issuing_body), BOLD, BODY_NAME_SIZE))
        self.left.append(_Line("*", REGULAR, BODY_NAME_SIZE))
        self.right = [_Line(caps(heading.top_heading), BOLD, HEADING_SIZE, rule=True)]
        self.number = _Line(nfc(heading.number), REGULAR, NUMBER_SIZE)
        date_text = place_date_line(heading.place, heading.issued_on) if heading.issued_on else ""
        self.date = _Line(date_text, ITALIC, DATE_SIZE)
        self._layout: list[tuple[str, str, float, float, float, bool]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        register_fonts()
        left_w = availWidth * self.LEFT_SHARE
        right_w = availWidth - left_w
        # (text, font, size, centre x, baseline from top, rule)
        placed: list[tuple[str, str, float, float, float, bool]] = []

        def stack(lines: list[_Line], centre: float, width: float) -> float:
            y = 0.0
            for line in lines:
                for piece in simpleSplit(line.text, line.font, line.size, width - 2 * mm):
                    y += line.size * LINE_FACTOR
                    placed.append((piece, line.font, line.size, centre, y, line.rule))
                if line.rule:
                    y += 3  # room for the rule
            return y

        left_h = stack(self.left, left_w / 2, left_w)
        right_h = stack(self.right, left_w + right_w / 2, right_w)
        base = max(left_h, right_h) + NUMBER_SIZE * LINE_FACTOR + 2
        placed.append(
            (self.number.text, self.number.font, self.number.size, left_w / 2, base, False)
        )
        placed.append(
            (self.date.text, self.date.font, self.date.size, left_w + right_w / 2, base, False)
        )
        if self.heading.letter_subject.strip():
            size = LETTER_SUBJECT_SIZE
            text = nfc(self.heading.letter_subject.strip())
            for piece in simpleSplit(text, ITALIC, size, left_w - 4 * mm):
                base += size * LINE_FACTOR
                placed.append((piece, ITALIC, size, left_w / 2, base, False))
        self._layout = placed
        self.width, self.height = availWidth, base + 6
        return self.width, self.height

    def draw(self) -> None:
        draw_centred_lines(self.canv, self._layout, self.height)


# (text, font, size, centre x, baseline from top, rule under it)
PlacedLine: TypeAlias = tuple[str, str, float, float, float, bool]


def draw_centred_lines(c: Canvas, placed: Sequence[PlacedLine], height: float) -> None:
    """Draw a heading's lines centred on their x, with a 0.7 pt rule under those that have one."""
    for text, font, size, centre, from_top, rule in placed:
        y = height - from_top
        c.setFont(font, size)
        c.drawCentredString(centre, y, nfc(text))
        if rule:
            half = pdfmetrics.stringWidth(text, font, size) / 2
            c.setLineWidth(0.7)
            c.line(centre - half, y - 3, centre + half, y - 3)


# --- the document ----------------------------------------------------------------------------

BodyItem: TypeAlias = str | Flowable


@dataclass
class PartyDocument:
    """One Party document (nghị quyết, quyết định, báo cáo …) laid out per 36-HD/VPTW."""

    heading: Heading
    type_name: str  # "Nghị quyết" (printed in caps)
    subject: str  # "Đề nghị kết nạp đảng viên"
    signer: Signer
    recipients: Sequence[str] = ()
    margins: Margins = field(default_factory=Margins)
    title: str = ""  # PDF metadata; defaults to type name and subject
    signer_note: str = ""  # e.g. "(Ký, ghi rõ họ và tên)" on a blank template; empty when filled
    form_code: str = ""  # "6-KNĐ": printed small at the top right as "Mẫu 6-KNĐ"
    pagesize: tuple[float, float] = A4  # e.g. landscape(A4)
    addressee: str = ""  # công văn: "Kính gửi: …" printed above the body

    def flowables(self, body: Sequence[BodyItem]) -> list[Flowable]:
        register_fonts()
        story: list[Flowable] = []
        if self.form_code:
            story.append(form_code_line(self.form_code))
        story += [_HeadingBlock(self.heading), Spacer(1, 4 * mm)]
        if self.type_name.strip():
            story.append(
                Paragraph(
                    escape(caps(self.type_name)),
                    _style("type", BOLD, TYPE_NAME_SIZE, align=TA_CENTER, space_after=2),
                )
            )
            story.append(
                Paragraph(
                    escape(nfc(self.subject)),
                    _style("subject", BOLD, SUBJECT_SIZE, align=TA_CENTER),
                )
            )
            story.append(Spacer(1, 1.5 * mm))
            story.append(_ShortRule(30 * mm))
            story.append(Spacer(1, 3 * mm))
        if self.addressee.strip():
            story.append(addressee_line(self.addressee))
            story.append(Spacer(1, 3 * mm))
        items = [para(item) if isinstance(item, str) else item for item in body]
        story += items[:-1]
        # The signer block never stands alone on a page: the last paragraph goes with it.
        story.append(KeepTogether([*items[-1:], Spacer(1, 2 * mm), self._closing_table()]))
        return story

    def _closing_table(self) -> Table:
        centre = _style("sign", BOLD, SIGNER_SIZE, align=TA_CENTER, leading=SIGNER_SIZE * 1.25)
        signer_cell: list[Flowable] = [
            Paragraph(escape(caps(self.signer.authority)), centre),
            Paragraph(escape(caps(self.signer.position)), centre),
        ]
        if self.signer_note:
            note = _style("note", ITALIC, 12, align=TA_CENTER)
            signer_cell.append(Paragraph(escape(nfc(self.signer_note)), note))
        signer_cell += [Spacer(1, 22 * mm), Paragraph(escape(nfc(self.signer.name)), centre)]
        recipients_cell: list[Flowable] = []
        if self.recipients:
            recipients_cell.append(
                Paragraph(
                    "Nơi nhận:",
                    _style("rtitle", BOLD_ITALIC, RECIPIENTS_TITLE_SIZE, align=TA_LEFT),
                )
            )
            item = _style("ritem", REGULAR, RECIPIENTS_SIZE, align=TA_LEFT)
            recipients_cell += [Paragraph(escape(nfc(f"- {r}")), item) for r in self.recipients]
        width = self.pagesize[0] - (self.margins.left + self.margins.right) * mm
        table = Table(
            [[recipients_cell, signer_cell]],
            colWidths=[width * 0.5, width * 0.5],
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, RECIPIENTS_SIZE),  # empty cells too
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def render(self, body: Sequence[BodyItem], *, invariant: bool = False) -> bytes:
        """The PDF as bytes. `invariant` makes the output byte-for-byte reproducible."""
        buffer = io.BytesIO()
        self._build(buffer, body, invariant)
        return buffer.getvalue()

    def write(self, body: Sequence[BodyItem], path: str | Path) -> Path:
        """Write the PDF to `path` and return it."""
        target = Path(path)
        write_atomic(target, self.render(body))
        return target

    def _build(self, out: io.BytesIO, body: Sequence[BodyItem], invariant: bool) -> None:
        doc = pdf_template(
            out,
            self.margins,
            title=self.title or f"{self.type_name} {self.subject}",
            author=caps(self.heading.issuing_body),
            invariant=invariant,
            pagesize=self.pagesize,
        )
        doc.build(self.flowables(body), onFirstPage=_no_page_number, onLaterPages=_page_number)


def pdf_template(
    out: io.BytesIO,
    margins: Margins,
    *,
    title: str,
    author: str = "",
    invariant: bool = False,
    pagesize: tuple[float, float] = A4,
) -> SimpleDocTemplate:
    """The document template every form builds on: page size, margins, metadata, fonts."""
    register_fonts()
    return SimpleDocTemplate(
        out,
        pagesize=pagesize,
        topMargin=margins.top * mm,
        bottomMargin=margins.bottom * mm,
        leftMargin=margins.left * mm,
        rightMargin=margins.right * mm,
        title=nfc(title),
        author=nfc(author),
        creator="dvdesk",
        initialFontName=REGULAR,  # no unembedded Helvetica in the file
        invariant=1 if invariant else 0,
    )


def build_pdf(
    story: list[Flowable],
    margins: Margins,
    *,
    title: str,
    author: str = "",
    invariant: bool = False,
    number_pages: bool = True,
    on_first_page: Callable[[Canvas, SimpleDocTemplate], None] | None = None,
) -> bytes:
    """A4 PDF of `story`; page numbers centred at the top from page 2."""
    out = io.BytesIO()
    doc = pdf_template(out, margins, title=title, author=author, invariant=invariant)
    later = _page_number if number_pages else _no_page_number
    doc.build(story, onFirstPage=on_first_page or _no_page_number, onLaterPages=later)
    return out.getvalue()


def form_document(
    form_code: str,
    type_name: str,
    subject: str,
    *,
    issuing_body: str,
    number: str,
    place: str,
    issued_on: date | None,
    superior_body: str,
    signer: Signer,
    recipients: Sequence[str],
    margins: Margins | None,
    about: str = "",
    title: str = "",
    top_heading: str = PARTY_HEADING,
    letter_subject: str = "",
    addressee: str = "",
) -> PartyDocument:
    """A form in the Party frame: its heading, type and subject, signer and recipients.

    The PDF title is `title`, or "<form code> <type name> <subject>: <about>".
    """
    return PartyDocument(
        heading=Heading(
            issuing_body=issuing_body,
            number=number,
            place=place,
            issued_on=issued_on,
            superior_body=superior_body,
            top_heading=top_heading,
            letter_subject=letter_subject,
        ),
        type_name=type_name,
        subject=subject,
        signer=signer,
        recipients=recipients,
        margins=margins or Margins(),
        form_code=form_code,
        title=title or f"{form_code} {type_name} {subject.lower()}: {nfc(about)}",
        addressee=addressee,
    )


class _ShortRule(Flowable):
    """The short centred rule under the subject line."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 6

    def draw(self) -> None:
        self.canv.setLineWidth(0.5)
        x = (self.width - self.length) / 2
        self.canv.line(x, 1, x + self.length, 1)


def _no_page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    return None


def _page_number(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """Page numbers from page 2, centred, 10 mm from the top edge."""
    canvas.saveState()
    canvas.setFont(REGULAR, PAGE_NUMBER_SIZE)
    width, height = getattr(doc, "pagesize", A4)
    canvas.drawCentredString(width / 2, height - 10 * mm - PAGE_NUMBER_SIZE, str(doc.page))
    canvas.restoreState()


# --- filling helpers shared by the forms -------------------------------------------------------

DOTS = "……………"  # a blank to write on by hand; missing values print this, never "None"
LONG_DOTS = "……………………………………"
LETTER_NUMBER_BLANK = "    "  # "Số     -QĐ/ĐU": the number is written in by the office


DATE_BLANK = "ngày …… tháng …… năm ……"
SHORT_DATE_BLANK = "…/…/……"


def text_or_dots(text: str | None, blank: str = DOTS) -> str:
    """The text, NFC and stripped, or a dotted blank when it is missing."""
    value = nfc(text or "").strip()
    return value or blank


def int_or_dots(value: int | None) -> str:
    return DOTS if value is None else str(value)


def date_or_dots(day: date | None, blank: str = DATE_BLANK) -> str:
    """'ngày 05 tháng 03 năm 2026', or 'ngày … tháng … năm …' when unknown."""
    return vn_date(day) if day else blank


def short_date(day: date | None, blank: str = SHORT_DATE_BLANK) -> str:
    """'05/03/2026', or dots when unknown."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else blank


def number_line(number: int | None, symbol: str) -> str:
    """'Số 05-QĐ/ĐU'; with no number 'Số     -QĐ/ĐU' (blank space to write the number in)."""
    shown = f"{number:02d}" if number is not None else LETTER_NUMBER_BLANK
    return nfc(f"Số {shown}-{symbol}")


def parse_number(recorded: str) -> tuple[int | None, str]:
    """'30-QĐ/ĐU' → (30, 'QĐ/ĐU'); '' or unreadable → (None, '')."""
    import re

    match = re.match(r"^\s*(?:Số\s*)?(\d+)\s*-\s*(\S.*?)\s*$", nfc(recorded or ""))
    if not match:
        return None, ""
    return int(match.group(1)), match.group(2)


def to_margins(value: object | None) -> Margins:
    """Any object with top/bottom/left/right in millimetres (e.g. MarginsMM) as `Margins`."""
    if value is None:
        return Margins()
    if isinstance(value, Margins):
        return value
    return Margins(
        top=float(value.top),
        bottom=float(value.bottom),
        left=float(value.left),
        right=float(value.right),
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of the month when it has no such day."""
    import calendar

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def addressee_line(addressee: str) -> Paragraph:
    """'Kính gửi: …' of a công văn, centred, 14 pt."""
    style = _style("addressee", REGULAR, BODY_SIZE, align=TA_CENTER, space_after=2)
    return Paragraph(f"<i>Kính gửi:</i> {escape(text_or_dots(addressee, LONG_DOTS))}", style)


def portrait_or_landscape(landscape_page: bool) -> tuple[float, float]:
    from reportlab.lib.pagesizes import landscape

    return landscape(A4) if landscape_page else A4


def int_input(text: str | None) -> int | None:
    """A count typed in the print dialog ('9', ' 9 đồng chí'); None when there is no number."""
    digits = ""
    for ch in (text or "").strip():
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return int(digits) if digits else None


def date_input(text: str | None) -> date | None:
    """A date typed as '04/03/2026', '4-3-2026' or '2026-03-04'; None when unreadable."""
    import re

    value = (text or "").strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    vn = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if vn:
            return date(int(vn.group(3)), int(vn.group(2)), int(vn.group(1)))
    except ValueError:
        return None
    return None


def paragraphs(text: str | None) -> tuple[str, ...]:
    """Multi-line free text as paragraphs (blank lines and line breaks separate them)."""
    return tuple(line.strip() for line in nfc(text or "").splitlines() if line.strip())


def percent(part: int, whole: int) -> str:
    """Share as Vietnamese prints it: '88,9%' (one decimal, comma), '100%'."""
    if whole == 0:
        return "0%"
    value = round(part * 1000 / whole) / 10
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"
