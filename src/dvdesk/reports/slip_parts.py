"""Pieces of the one-page slips a person compares or copies by hand (the key fingerprint page,
the recovery key page): styles, the details table, a code in large groups, two signature
blocks. Every table names its font for every cell, or ReportLab's Helvetica creeps in."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from dvdesk.reports.pdf_layout import BOLD, REGULAR, nfc

GROUPS_PER_LINE = 4


def style(
    name: str, font: str, size: float, align: int = TA_LEFT, after: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.3, alignment=align, spaceAfter=after
    )


def group_table(
    parts: Sequence[str],
    width: float,
    size: float,
    *,
    box: float,
    top: float,
    bottom: float,
) -> Table:
    """The groups in cells of a grid, GROUPS_PER_LINE to a line, so they line up however wide
    the characters are."""
    lines = [list(parts[i : i + GROUPS_PER_LINE]) for i in range(0, len(parts), GROUPS_PER_LINE)]
    rows = [line + [""] * (GROUPS_PER_LINE - len(line)) for line in lines or [[]]]
    big = style("group", BOLD, size, TA_CENTER)
    data = [[Paragraph(escape(g), big) for g in row] for row in rows]
    table = Table(data, colWidths=[width / GROUPS_PER_LINE] * GROUPS_PER_LINE)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 12),
                ("BOX", (0, 0), (-1, -1), box, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            ]
        )
    )
    return table


def details_table(rows: Sequence[tuple[str, str]], width: float) -> Table:
    """Label and value, a row each, labels in bold."""
    label = style("label", BOLD, 13)
    value = style("value", REGULAR, 13)
    data = [[Paragraph(escape(nfc(a)), label), Paragraph(escape(nfc(b)), value)] for a, b in rows]
    table = Table(data, colWidths=[width * 0.3, width * 0.7])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def two_blocks(left: list[Flowable], right: list[Flowable], width: float) -> Table:
    """Two signature blocks side by side."""
    table = Table([[left, right]], colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 12),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
