"""The fingerprint page of a unit's exchange key: printed, signed and stamped, and carried to the
other unit with the public-key file, which compares every group before trusting the key.

One A4 page: the unit's name and code, its role, the key's date and identifier, the date
printed, the fingerprint in large type (two lines of four groups, each group in its own cell so
the groups line up however wide the digits are), how to compare, and a place for the signature
and the stamp. Plain data in, PDF bytes out; every string NFC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from dvdesk.reports.pdf_layout import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    PARTY_HEADING,
    REGULAR,
    Margins,
    build_pdf,
    caps,
    nfc,
    register_fonts,
)

FINGERPRINT_SIZE = 30  # points: read across a desk
GROUPS_PER_LINE = 4

ROLE_NAMES = {
    "cell": "Chi bộ (gửi dữ liệu lên cơ quan cấp trên)",
    "office": "Cơ quan cấp trên (nhận dữ liệu của các chi bộ)",
}


@dataclass(frozen=True)
class KeyPage:
    unit_name: str
    unit_code: str
    role: str  # "cell" or "office"
    fingerprint: str  # "ABCD 0123 …": 8 groups of 4
    key_id: str  # the signing key's identifier (16 hex)
    created_on: date
    printed_on: date
    parent_name: str = ""  # the body above, for a chi bộ


def _style(
    name: str, font: str, size: float, align: int = TA_LEFT, after: float = 0
) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.3, alignment=align, spaceAfter=after
    )


def groups(fingerprint: str) -> list[str]:
    return [g for g in nfc(fingerprint).upper().split() if g]


def _fingerprint_table(fingerprint: str, width: float) -> Table:
    parts = groups(fingerprint)
    lines = [parts[i : i + GROUPS_PER_LINE] for i in range(0, len(parts), GROUPS_PER_LINE)]
    rows = [line + [""] * (GROUPS_PER_LINE - len(line)) for line in lines or [[]]]
    big = _style("fp", BOLD, FINGERPRINT_SIZE, TA_CENTER)
    data = [[Paragraph(escape(g), big) for g in row] for row in rows]
    table = Table(data, colWidths=[width / GROUPS_PER_LINE] * GROUPS_PER_LINE)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 12),  # every cell, or Helvetica creeps in
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return table


def _details(page: KeyPage, width: float) -> Table:
    label = _style("label", BOLD, 13)
    value = _style("value", REGULAR, 13)
    rows = [
        ("Đơn vị:", page.unit_name),
        ("Mã đơn vị:", page.unit_code),
        ("Vai trò:", ROLE_NAMES.get(page.role, page.role)),
    ]
    if page.parent_name:
        rows.append(("Cấp trên trực tiếp:", page.parent_name))
    rows += [
        ("Khóa tạo ngày:", page.created_on.strftime("%d/%m/%Y")),
        ("Mã khóa ký:", page.key_id),
        ("Ngày in phiếu:", page.printed_on.strftime("%d/%m/%Y")),
    ]
    data = [[Paragraph(escape(nfc(a)), label), Paragraph(escape(nfc(b)), value)] for a, b in rows]
    table = Table(data, colWidths=[width * 0.3, width * 0.7])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 12),  # every cell, or Helvetica creeps in
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _signature(width: float) -> Table:
    centre = _style("sign", BOLD, 13, TA_CENTER)
    note = _style("note", ITALIC, 12, TA_CENTER)
    left = [
        Paragraph("NGƯỜI IN PHIẾU", centre),
        Paragraph("(Ký, ghi rõ họ và tên)", note),
        Spacer(1, 20 * mm),
        Paragraph("." * 50, _style("dots", REGULAR, 12, TA_CENTER)),
    ]
    right = [
        Paragraph("XÁC NHẬN CỦA ĐƠN VỊ", centre),
        Paragraph("(Ký, ghi rõ họ và tên, đóng dấu)", note),
        Spacer(1, 20 * mm),
        Paragraph("." * 50, _style("dots", REGULAR, 12, TA_CENTER)),
    ]
    table = Table([[left, right]], colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 12),  # every cell, or Helvetica creeps in
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def story(page: KeyPage, margins: Margins) -> list[Flowable]:
    register_fonts()
    width = A4[0] - (margins.left + margins.right) * mm
    title = _style("title", BOLD, 16, TA_CENTER, after=2)
    body = _style("body", REGULAR, 13, TA_JUSTIFY, after=4)
    return [
        Paragraph(escape(PARTY_HEADING), _style("party", BOLD, 14, TA_CENTER)),
        Paragraph(escape(caps(page.unit_name)), _style("unit", REGULAR, 13, TA_CENTER)),
        Spacer(1, 6 * mm),
        Paragraph("PHIẾU DẤU VÂN TAY KHÓA TRAO ĐỔI DỮ LIỆU", title),
        Paragraph(
            escape(nfc(f"Dùng để xác nhận tệp khóa công khai của {page.unit_name}")),
            _style("subtitle", ITALIC, 13, TA_CENTER),
        ),
        Spacer(1, 5 * mm),
        _details(page, width),
        Spacer(1, 4 * mm),
        Paragraph("Dấu vân tay của khóa:", _style("fplabel", BOLD, 13)),
        Spacer(1, 2 * mm),
        _fingerprint_table(page.fingerprint, width),
        Spacer(1, 5 * mm),
        Paragraph("Cách đối chiếu:", _style("howto", BOLD_ITALIC, 13)),
        Paragraph(
            escape(
                nfc(
                    "Đơn vị nhận tệp khóa nhập tệp vào phần mềm, rồi so từng nhóm bốn ký tự "
                    "trên màn hình với phiếu này (hoặc gõ lại dấu vân tay). Chỉ xác nhận khóa "
                    "khi tất cả tám nhóm giống hệt nhau. Nếu có nhóm nào khác, không xác nhận; "
                    "báo ngay cho đơn vị gửi: tệp khóa có thể đã bị tráo."
                )
            ),
            body,
        ),
        Paragraph(
            escape(
                nfc(
                    "Phiếu này không chứa khóa bí mật hay mật khẩu; có thể gửi kèm tệp khóa "
                    "công khai."
                )
            ),
            body,
        ),
        Spacer(1, 6 * mm),
        _signature(width),
    ]


def render(page: KeyPage, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The page as PDF bytes."""
    margins = margins or Margins()
    return build_pdf(
        story(page, margins),
        margins,
        title=f"Phiếu dấu vân tay khóa {page.unit_code}",
        author=page.unit_name,
        invariant=invariant,
        number_pages=False,
    )
