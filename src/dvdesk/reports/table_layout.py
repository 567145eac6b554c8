"""A table page frame for registers and rosters (18-KNĐ, the class roster).

The first page carries the 36-HD/VPTW heading (issuing body top left with the star, the Party
heading top right), a centred title and a few subtitle lines; then one table whose header rows
repeat on every page; then closing lines (totals) and, optionally, the signer block. Landscape A4
by default, page numbers from page 2.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from dvdesk.reports.pdf_layout import (
    BOLD,
    ITALIC,
    REGULAR,
    Heading,
    Margins,
    Signer,
    _HeadingBlock,
    _no_page_number,
    _page_number,
    _style,
    caps,
    form_code_line,
    nfc,
    pdf_template,
    register_fonts,
)

CELL_SIZE = 11
HEADER_SIZE = 11


@dataclass(frozen=True)
class Column:
    """One column: its header text, its share of the width, and how its cells align."""

    title: str
    width: float  # relative share
    align: str = "left"  # "left" / "center"
    group: str = ""  # a header spanning adjacent columns with the same group ("Quyết định …")


@dataclass
class TableDocument:
    """A register or roster: heading, title, one long table with repeating header, closing."""

    heading: Heading
    title: str  # "Sổ đảng viên dự bị" (printed in caps, bold)
    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    subtitles: Sequence[str] = ()  # centred lines under the title
    closing: Sequence[str] = ()  # paragraphs after the table (totals)
    signer: Signer | None = None
    margins: Margins = field(default_factory=lambda: Margins(15, 15, 20, 15))
    pagesize: tuple[float, float] = field(default_factory=lambda: landscape(A4))
    form_code: str = ""
    numbered_columns: bool = False  # a row "(1) (2) …" under the header, as in printed books
    doc_title: str = ""
    cell_size: float = CELL_SIZE
    header_size: float = HEADER_SIZE

    @property
    def width(self) -> float:
        return self.pagesize[0] - (self.margins.left + self.margins.right) * mm

    def _table(self) -> Table:
        hs, cs = self.header_size, self.cell_size
        head = _style("th", BOLD, hs, align=TA_CENTER, leading=hs * 1.15)
        num = _style("tn", ITALIC, 9, align=TA_CENTER)
        left = _style("td", REGULAR, cs, align=TA_LEFT, leading=cs * 1.15)
        centre = _style("tc", REGULAR, cs, align=TA_CENTER, leading=cs * 1.15)
        cols = list(self.columns)
        grouped = any(c.group for c in cols)
        header_rows: list[list[object]] = []
        spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
        if grouped:
            top: list[object] = []
            bottom: list[object] = []
            i = 0
            while i < len(cols):
                col = cols[i]
                if col.group:
                    j = i
                    while j + 1 < len(cols) and cols[j + 1].group == col.group:
                        j += 1
                    top.append(Paragraph(escape(nfc(col.group)), head))
                    top += [""] * (j - i)
                    bottom += [Paragraph(escape(nfc(c.title)), head) for c in cols[i : j + 1]]
                    spans.append(("SPAN", (i, 0), (j, 0)))
                    i = j + 1
                else:
                    top.append(Paragraph(escape(nfc(col.title)), head))
                    bottom.append("")
                    spans.append(("SPAN", (i, 0), (i, 1)))
                    i += 1
            header_rows = [top, bottom]
        else:
            header_rows = [[Paragraph(escape(nfc(c.title)), head) for c in cols]]
        if self.numbered_columns:
            header_rows.append([Paragraph(f"({k})", num) for k in range(1, len(cols) + 1)])
        body = [
            [
                Paragraph(escape(nfc(str(cell))), centre if col.align == "center" else left)
                for cell, col in zip(row, cols, strict=True)
            ]
            for row in self.rows
        ]
        if not body:
            body = [[Paragraph("", left) for _ in cols]]
        total = sum(c.width for c in cols)
        widths = [self.width * c.width / total for c in cols]
        table = Table(header_rows + body, colWidths=widths, repeatRows=len(header_rows))
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, cs),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, len(header_rows) - 1), "MIDDLE"),
                    ("VALIGN", (0, len(header_rows)), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    *spans,
                ]
            )
        )
        return table

    def flowables(self) -> list[Flowable]:
        register_fonts()
        story: list[Flowable] = []
        if self.form_code:
            story.append(form_code_line(self.form_code))
        story += [_HeadingBlock(self.heading), Spacer(1, 3 * mm)]
        story.append(
            Paragraph(
                escape(caps(self.title)),
                _style("ttitle", BOLD, 16, align=TA_CENTER, space_after=3),
            )
        )
        for line in self.subtitles:
            story.append(Paragraph(escape(nfc(line)), _style("tsub", ITALIC, 13, align=TA_CENTER)))
        story += [Spacer(1, 4 * mm), self._table(), Spacer(1, 3 * mm)]
        closing: list[Flowable] = [
            Paragraph(escape(nfc(line)), _style("tclose", REGULAR, 13, align=TA_LEFT))
            for line in self.closing
        ]
        if self.signer is not None:
            centre = _style("tsign", BOLD, 13, align=TA_CENTER, leading=16)
            cell: list[Flowable] = [
                Paragraph(escape(caps(self.signer.authority)), centre),
                Paragraph(escape(caps(self.signer.position)), centre),
                Spacer(1, 20 * mm),
                Paragraph(escape(nfc(self.signer.name)), centre),
            ]
            sign = Table([["", cell]], colWidths=[self.width * 0.6, self.width * 0.4])
            sign.setStyle(
                TableStyle(
                    [("FONT", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                )
            )
            closing += [Spacer(1, 3 * mm), sign]
        if closing:
            story.append(KeepTogether(closing))
        return story

    def render(self, *, invariant: bool = False) -> bytes:
        out = io.BytesIO()
        doc = pdf_template(
            out,
            self.margins,
            title=self.doc_title or self.title,
            author=caps(self.heading.issuing_body),
            invariant=invariant,
            pagesize=self.pagesize,
        )
        doc.build(self.flowables(), onFirstPage=_no_page_number, onLaterPages=_page_number)
        return out.getvalue()
