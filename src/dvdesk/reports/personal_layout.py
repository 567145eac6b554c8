"""Documents written by a person (đơn, lý lịch, giấy giới thiệu, bản tự kiểm điểm, bản nhận xét).

They carry no issuing body and no number: only the centred heading "ĐẢNG CỘNG SẢN VIỆT NAM"
with its rule, the title, "Kính gửi: …", the body, and the writer's place, date and signature
at the bottom right. `PersonalDocument` lays them out on A4 in the same fonts and sizes as the
36-HD/VPTW frame of pdf_layout.

Shared helpers for every form module live here too: `to_margins`, the dotted lines left for
handwriting (`dots`, `or_dots`, `date_or_dots`, `DotLines`), `FieldLine` (a label and its
value followed by dots to the right edge, as on the printed booklets), `TwoColumnHeading` (a
heading block for bodies that are not Party bodies, e.g. a trade union), and `signature_block`.

Every string is NFC-normalised before it is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dvdesk.files import write_atomic
from dvdesk.reports.pdf_layout import (
    BODY_SIZE,
    BOLD,
    BOLD_ITALIC,
    HEADING_SIZE,
    ITALIC,
    PARTY_HEADING,
    REGULAR,
    Margins,
    PlacedLine,
    build_pdf,
    caps,
    draw_centred_lines,
    form_code_line,
    nfc,
    para,
    register_fonts,
    short_date,
    text_or_dots,
    to_margins,
)
from dvdesk.reports.pdf_layout import date_or_dots as party_date_or_dots

DOT = "."
DATE_DOTS = "ngày ….. tháng ….. năm ……."
SHORT_DATE_DOTS = "…../…../……."
HAND_LEADING = 20  # points between dotted lines to write on by hand


def dots(n: int = 30) -> str:
    """A run of dots to write on by hand."""
    return DOT * n


def or_dots(value: str | None, n: int = 30) -> str:
    """The value, NFC and stripped, or a run of dots when it is missing."""
    return text_or_dots(value, dots(n))


def date_or_dots(day: date | None) -> str:
    """'ngày 05 tháng 03 năm 2026', or the same with dots to fill in by hand."""
    return party_date_or_dots(day, DATE_DOTS)


def short_date_or_dots(day: date | None) -> str:
    """'05/03/2026', or '…../…../……..'."""
    return short_date(day, SHORT_DATE_DOTS)


def place_date_or_dots(place: str, day: date | None) -> str:
    """'Hà Nội, ngày 05 tháng 03 năm 2026' with dots for whatever is missing."""
    return f"{text_or_dots(place)}, {date_or_dots(day)}"


def style(
    name: str,
    font: str = REGULAR,
    size: float = BODY_SIZE,
    *,
    align: int = TA_LEFT,
    leading: float | None = None,
    indent: float = 0,
    left: float = 0,
    space_after: float = 0,
    space_before: float = 0,
) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else size * 1.25,
        alignment=align,
        firstLineIndent=indent,
        leftIndent=left,
        spaceAfter=space_after,
        spaceBefore=space_before,
    )


def text(
    value: str,
    font: str = REGULAR,
    size: float = BODY_SIZE,
    *,
    align: int = TA_LEFT,
    space_after: float = 0,
    space_before: float = 0,
    leading: float | None = None,
) -> Paragraph:
    """One escaped NFC paragraph in the given font."""
    st = style(
        "t",
        font,
        size,
        align=align,
        space_after=space_after,
        space_before=space_before,
        leading=leading,
    )
    return Paragraph(escape(nfc(value)), st)


class DotLines(Flowable):
    """`count` lines of dots across the frame, to write on by hand."""

    def __init__(self, count: int, size: float = BODY_SIZE, leading: float = HAND_LEADING) -> None:
        super().__init__()
        self.count = max(0, count)
        self.size = size
        self.leading = leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.count * self.leading
        return self.width, self.height

    def draw(self) -> None:
        register_fonts()
        c = self.canv
        c.setFont(REGULAR, self.size)
        n = int(self.width / pdfmetrics.stringWidth(DOT, REGULAR, self.size))
        for i in range(self.count):
            c.drawString(0, self.height - (i + 1) * self.leading + 4, DOT * n)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int(availHeight // self.leading)
        if fit <= 0 or fit >= self.count:
            return []
        return [DotLines(fit, self.size, self.leading), DotLines(self.count - fit, self.size)]


Fragment = tuple[str, str]  # (text, font)


class FieldLine(Flowable):
    """Label and value fragments laid out word by word, then dots to the right edge.

    "5) Sinh ngày 14 tháng 07 năm 1999 ……………": the look of a printed form filled in. Long
    values wrap; the dots fill what is left of the last line (at least a few dots when
    `fill` is set, none when it is not).
    """

    def __init__(
        self,
        fragments: Sequence[Fragment],
        size: float = BODY_SIZE,
        leading: float | None = None,
        *,
        fill: bool = True,
        left: float = 0,
    ) -> None:
        super().__init__()
        self.fragments = [(nfc(t), f) for t, f in fragments if t]
        if self.fragments and not left:
            # Leading spaces on the label indent the line (sub-items: "   - Tin học:").
            first, font = self.fragments[0]
            spaces = len(first) - len(first.lstrip(" "))
            left = spaces * 2 * mm
            self.fragments[0] = (first.lstrip(" "), font)
        self.size = size
        self.leading = leading or size * 1.45
        self.fill = fill
        self.left = left
        self._lines: list[list[tuple[float, str, str]]] = []
        self._end = 0.0

    def _words(self) -> list[tuple[str, str, bool]]:
        """(word, font, space_before) in order."""
        words: list[tuple[str, str, bool]] = []
        pending_space = False
        for text_, font in self.fragments:
            parts = text_.split(" ")
            for i, part in enumerate(parts):
                if i > 0:
                    pending_space = True
                if part:
                    words.append((part, font, pending_space and bool(words)))
                    pending_space = False
        return words

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        register_fonts()
        self.width = availWidth
        lines: list[list[tuple[float, str, str]]] = [[]]
        x = self.left
        space = pdfmetrics.stringWidth(" ", REGULAR, self.size)
        for word, font, spaced in self._words():
            w = pdfmetrics.stringWidth(word, font, self.size)
            gap = space if spaced and lines[-1] else 0
            if lines[-1] and x + gap + w > availWidth:
                lines.append([])
                x, gap = self.left, 0
            lines[-1].append((x + gap, word, font))
            x += gap + w
        self._lines = lines
        self._end = x
        self.height = len(self._lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        for i, line in enumerate(self._lines):
            y = self.height - (i + 1) * self.leading + self.size * 0.3
            for x, word, font in line:
                c.setFont(font, self.size)
                c.drawString(x, y, word)
        if self.fill:
            c.setFont(REGULAR, self.size)
            dot_w = pdfmetrics.stringWidth(DOT, REGULAR, self.size)
            start = self._end + 2
            n = int((self.width - start) / dot_w)
            y = self.size * 0.3
            if n > 0:
                c.drawString(start, y, DOT * n)


def field_line(
    label: str,
    value: str | None,
    *,
    size: float = BODY_SIZE,
    bold_value: bool = False,
    fill: bool = True,
    more: Sequence[Fragment] = (),
) -> FieldLine:
    """'Label: value ……' (the value dotted when missing)."""
    frags: list[Fragment] = [(label, REGULAR)]
    val = nfc(value or "").strip()
    if val:
        frags.append((" " + val, BOLD if bold_value else REGULAR))
    frags += list(more)
    return FieldLine(frags, size=size, fill=fill)


def field_pair(left: FieldLine, right: FieldLine, share: float = 0.5) -> Table:
    """Two field lines side by side ('Dân tộc: Kinh ……  Tôn giáo: Không ……')."""
    table = Table([[left, right]], colWidths=[f"{share * 100:.0f}%", f"{(1 - share) * 100:.0f}%"])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 4),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class HeadLine:
    text: str
    font: str = REGULAR
    size: float = BODY_SIZE
    rule: bool = False


class TwoColumnHeading(Flowable):
    """Left and right stacks of centred lines, then a number (left) and a date (right) sharing
    a baseline. For headings that are not a Party body's (a trade union's follows the state
    style, with the national name and motto on the right)."""

    def __init__(
        self,
        left: Sequence[HeadLine],
        right: Sequence[HeadLine],
        number: str,
        date_line: str,
        left_share: float = 0.45,
    ) -> None:
        super().__init__()
        self.left = list(left)
        self.right = list(right)
        self.number = nfc(number)
        self.date_line = nfc(date_line)
        self.left_share = left_share
        self._placed: list[PlacedLine] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        register_fonts()
        left_w = availWidth * self.left_share
        right_w = availWidth - left_w
        placed: list[PlacedLine] = []

        def stack(lines: list[HeadLine], centre: float, width: float) -> float:
            y = 0.0
            for line in lines:
                pieces = simpleSplit(nfc(line.text), line.font, line.size, width - 2 * mm)
                for i, piece in enumerate(pieces):
                    y += line.size * 1.2
                    rule = line.rule and i == len(pieces) - 1
                    placed.append((piece, line.font, line.size, centre, y, rule))
                if line.rule:
                    y += 3
            return y

        h = max(
            stack(self.left, left_w / 2, left_w), stack(self.right, left_w + right_w / 2, right_w)
        )
        base = h + BODY_SIZE * 1.2 + 2
        placed.append((self.number, REGULAR, BODY_SIZE, left_w / 2, base, False))
        placed.append((self.date_line, ITALIC, BODY_SIZE, left_w + right_w / 2, base, False))
        self._placed = placed
        self.width, self.height = availWidth, base + 6
        return self.width, self.height

    def draw(self) -> None:
        draw_centred_lines(self.canv, self._placed, self.height)


class CentredRule(Flowable):
    """A short solid rule, centred (under the heading or a title)."""

    def __init__(self, length: float, gap: float = 4) -> None:
        super().__init__()
        self.length = length
        self.gap = gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.gap

    def draw(self) -> None:
        self.canv.setLineWidth(0.7)
        x = (self.width - self.length) / 2
        self.canv.line(x, self.gap - 1, x + self.length, self.gap - 1)


def signature_block(
    width: float,
    caption: Sequence[str],
    name: str,
    *,
    place_date: str = "",
    note: str = "(Ký, ghi rõ họ tên)",
    left: Sequence[Flowable] = (),
    sign_space: float = 20 * mm,
) -> Table:
    """Place/date (italic), the caption lines (bold caps), the note, room to sign, the name;
    in the right half of `width`. `left` goes in the left half (recipients, a stamp note)."""
    centre = style("sig", BOLD, BODY_SIZE, align=TA_CENTER, leading=BODY_SIZE * 1.25)
    cell: list[Flowable] = []
    if place_date:
        cell.append(text(place_date, ITALIC, BODY_SIZE, align=TA_CENTER, space_after=2))
    cell += [Paragraph(escape(caps(line)), centre) for line in caption]
    if note:
        cell.append(text(note, ITALIC, 12, align=TA_CENTER))
    cell.append(Spacer(1, sign_space))
    who = nfc(name).strip()
    cell.append(Paragraph(escape(who) if who else dots(34), centre))
    table = Table([[list(left), cell]], colWidths=[width * 0.42, width * 0.58])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def frame_width(margins: Margins) -> float:
    return float(A4[0] - (margins.left + margins.right) * mm)


BodyItem: TypeAlias = str | Flowable


@dataclass
class PersonalDocument:
    """A document written and signed by one person, under the centred Party heading."""

    title: str  # "Đơn xin vào Đảng" (printed in caps)
    form_code: str  # "1-KNĐ"
    place: str
    on: date | None  # the writer's date; None prints dots
    signer_caption: Sequence[str]  # ("Người làm đơn",)
    signer_name: str
    subtitle: str = ""  # "(Của đảng viên chính thức được phân công giúp đỡ)"
    addressees: Sequence[str] = ()  # "Chi ủy Chi bộ Khu phố 3" … after "Kính gửi:"
    draft_note: str = ""  # "Bản nháp để người xin vào Đảng tự viết tay"
    signer_note: str = "(Ký, ghi rõ họ tên)"
    heading: str = PARTY_HEADING
    margins: Margins = field(default_factory=Margins)
    pdf_title: str = ""

    def head(self) -> list[Flowable]:
        register_fonts()
        story: list[Flowable] = []
        if self.form_code:
            story.append(form_code_line(self.form_code))
        if self.draft_note:
            story.append(text(self.draft_note, ITALIC, 12, align=TA_LEFT, space_after=2))
        story.append(Spacer(1, 2 * mm))
        heading = caps(self.heading)
        story.append(text(heading, BOLD, HEADING_SIZE, align=TA_CENTER))
        story.append(CentredRule(pdfmetrics.stringWidth(heading, BOLD, HEADING_SIZE)))
        story.append(Spacer(1, 6 * mm))
        story.append(text(caps(self.title), BOLD, 16, align=TA_CENTER, space_after=2))
        if self.subtitle:
            story.append(text(self.subtitle, ITALIC, BODY_SIZE, align=TA_CENTER))
        story.append(Spacer(1, 4 * mm))
        story += addressee_block(self.addressees, frame_width(self.margins))
        return story

    def closing(self) -> Table:
        return signature_block(
            frame_width(self.margins),
            self.signer_caption,
            self.signer_name,
            place_date=place_date_or_dots(self.place, self.on),
            note=self.signer_note,
        )

    def flowables(self, body: Sequence[BodyItem]) -> list[Flowable]:
        items = [para(item) if isinstance(item, str) else item for item in body]
        story = self.head() + items[:-1]
        story.append(KeepTogether([*items[-1:], Spacer(1, 4 * mm), self.closing()]))
        return story

    def render(self, body: Sequence[BodyItem], *, invariant: bool = False) -> bytes:
        return build_pdf(
            self.flowables(body),
            self.margins,
            title=self.pdf_title or f"{self.form_code} {self.title}",
            author="",
            invariant=invariant,
        )

    def write(self, body: Sequence[BodyItem], path: str | Path) -> Path:
        target = Path(path)
        write_atomic(target, self.render(body))
        return target


def addressee_block(addressees: Sequence[str], width: float) -> list[Flowable]:
    """'Kính gửi: - Chi ủy …' with the items aligned under the first, centred as a block."""
    names = [nfc(a).strip() or dots(40) for a in addressees]
    if not names:
        return []
    label = "Kính gửi:"
    label_w = pdfmetrics.stringWidth(label, BOLD_ITALIC, BODY_SIZE) + 3 * mm
    items = names if len(names) == 1 else [f"- {n}" for n in names]
    item_st = style("addr", REGULAR, BODY_SIZE)
    rows = [
        [text(label if i == 0 else "", BOLD_ITALIC, BODY_SIZE), Paragraph(escape(t), item_st)]
        for i, t in enumerate(items)
    ]
    table = Table(rows, colWidths=[label_w, width * 0.78 - label_w], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [table, Spacer(1, 5 * mm)]


__all__ = [
    "DATE_DOTS",
    "CentredRule",
    "DotLines",
    "FieldLine",
    "HeadLine",
    "PersonalDocument",
    "TwoColumnHeading",
    "addressee_block",
    "build_pdf",
    "date_or_dots",
    "dots",
    "field_line",
    "field_pair",
    "frame_width",
    "or_dots",
    "place_date_or_dots",
    "short_date_or_dots",
    "signature_block",
    "style",
    "text",
    "to_margins",
]
