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

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

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
from dvdesk.reports.slip_parts import details_table, group_table, style, two_blocks

FINGERPRINT_SIZE = 30  # points: read across a desk

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
    recipient: str = ""  # who the page is carried to: a chi bộ's organisation board above


def groups(fingerprint: str) -> list[str]:
    return [g for g in nfc(fingerprint).upper().split() if g]


def _fingerprint_table(fingerprint: str, width: float) -> Table:
    return group_table(groups(fingerprint), width, FINGERPRINT_SIZE, box=1.2, top=8, bottom=10)


def _details(page: KeyPage, width: float) -> Table:
    rows = [("Kính gửi:", page.recipient)] if page.recipient else []
    rows += [
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
    return details_table(rows, width)


def _signature(width: float) -> Table:
    centre = style("sign", BOLD, 13, TA_CENTER)
    note = style("note", ITALIC, 12, TA_CENTER)
    left = [
        Paragraph("NGƯỜI IN PHIẾU", centre),
        Paragraph("(Ký, ghi rõ họ và tên)", note),
        Spacer(1, 20 * mm),
        Paragraph("." * 50, style("dots", REGULAR, 12, TA_CENTER)),
    ]
    right = [
        Paragraph("XÁC NHẬN CỦA ĐƠN VỊ", centre),
        Paragraph("(Ký, ghi rõ họ và tên, đóng dấu)", note),
        Spacer(1, 20 * mm),
        Paragraph("." * 50, style("dots", REGULAR, 12, TA_CENTER)),
    ]
    return two_blocks(left, right, width)


def story(page: KeyPage, margins: Margins) -> list[Flowable]:
    register_fonts()
    width = A4[0] - (margins.left + margins.right) * mm
    title = style("title", BOLD, 16, TA_CENTER, after=2)
    body = style("body", REGULAR, 13, TA_JUSTIFY, after=4)
    return [
        Paragraph(escape(PARTY_HEADING), style("party", BOLD, 14, TA_CENTER)),
        Paragraph(escape(caps(page.unit_name)), style("unit", REGULAR, 13, TA_CENTER)),
        Spacer(1, 6 * mm),
        Paragraph("PHIẾU DẤU VÂN TAY KHÓA TRAO ĐỔI DỮ LIỆU", title),
        Paragraph(
            escape(nfc(f"Dùng để xác nhận tệp khóa công khai của {page.unit_name}")),
            style("subtitle", ITALIC, 13, TA_CENTER),
        ),
        Spacer(1, 5 * mm),
        _details(page, width),
        Spacer(1, 4 * mm),
        Paragraph("Dấu vân tay của khóa:", style("fplabel", BOLD, 13)),
        Spacer(1, 2 * mm),
        _fingerprint_table(page.fingerprint, width),
        Spacer(1, 5 * mm),
        Paragraph("Cách đối chiếu:", style("howto", BOLD_ITALIC, 13)),
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
