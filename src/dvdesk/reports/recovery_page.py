"""The printed recovery key: the one page that opens a dvdesk database when every password is
lost. It is printed (or written down) once, when accounts are set up or the key is renewed, and
kept locked away like the key of the safe.

One A4 page: the unit (when known), the date, the key in large type (two lines of four groups,
each group in its own cell so the characters line up for copying back), what the key is for,
how to keep it, how to use it, and a place for the administrator's signature. Plain data in,
PDF bytes out; every string NFC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from dvdesk.reports.pdf_layout import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    Margins,
    build_pdf,
    caps,
    nfc,
    register_fonts,
)
from dvdesk.reports.slip_parts import details_table, group_table, style, two_blocks

KEY_SIZE = 26  # points: copied back by hand, character by character
GROUP_LENGTH = 4
TITLE = "MÃ KHÔI PHỤC DỮ LIỆU dvdesk"


@dataclass(frozen=True)
class RecoveryPage:
    recovery_key: str  # as made: 8 groups of 4 characters, separated by dashes or spaces
    made_on: date
    unit_name: str = ""
    unit_code: str = ""
    made_by: str = ""  # the administrator's account (and full name) who made the key


def groups(recovery_key: str) -> list[str]:
    """The key's groups of four, upper case, whatever separated them."""
    plain = "".join(re.findall(r"[0-9A-Z]", nfc(recovery_key).upper()))
    return [plain[i : i + GROUP_LENGTH] for i in range(0, len(plain), GROUP_LENGTH)]


def _key_table(recovery_key: str, width: float) -> Table:
    return group_table(groups(recovery_key), width, KEY_SIZE, box=1.5, top=6, bottom=9)


def _details(page: RecoveryPage, width: float) -> Table:
    rows: list[tuple[str, str]] = []
    if page.unit_name:
        rows.append(("Đơn vị:", page.unit_name))
    if page.unit_code:
        rows.append(("Mã đơn vị:", page.unit_code))
    rows.append(("Ngày lập mã:", page.made_on.strftime("%d/%m/%Y")))
    if page.made_by:
        rows.append(("Người lập mã:", page.made_by))
    return details_table(rows, width)


def _signature(width: float) -> Table:
    centre = style("sign", BOLD, 13, TA_CENTER)
    note = style("note", ITALIC, 12, TA_CENTER)
    dots = style("dots", REGULAR, 12, TA_CENTER)
    left = [
        Paragraph("NƠI CẤT GIỮ", centre),
        Paragraph("(Ghi rõ tủ, két, người giữ chìa khóa)", note),
        Spacer(1, 6 * mm),
        Paragraph("." * 50, dots),
        Spacer(1, 3 * mm),
        Paragraph("." * 50, dots),
    ]
    right = [
        Paragraph("NGƯỜI QUẢN TRỊ", centre),
        Paragraph("(Ký, ghi rõ họ và tên)", note),
        Spacer(1, 14 * mm),
        Paragraph("." * 50, dots),
    ]
    return two_blocks(left, right, width)


def _paragraphs(texts: list[str], style: ParagraphStyle) -> list[Flowable]:
    return [Paragraph(escape(nfc(text)), style) for text in texts]


def story(page: RecoveryPage, margins: Margins) -> list[Flowable]:
    register_fonts()
    width = A4[0] - (margins.left + margins.right) * mm
    heading = style("heading", BOLD_ITALIC, 12.5)
    body = style("body", REGULAR, 12, TA_JUSTIFY, after=2)
    out: list[Flowable] = []
    if page.unit_name:
        out.append(Paragraph(escape(caps(page.unit_name)), style("unit", BOLD, 13, TA_CENTER)))
        out.append(Spacer(1, 4 * mm))
    out += [
        Paragraph(escape(nfc(TITLE)), style("title", BOLD, 16, TA_CENTER, after=2)),
        Paragraph(
            escape(nfc("Giữ kín như chìa khóa két sắt — không để cùng máy tính")),
            style("subtitle", ITALIC, 13, TA_CENTER),
        ),
        Spacer(1, 4 * mm),
        _details(page, width),
        Spacer(1, 4 * mm),
        Paragraph("Mã khôi phục:", style("keylabel", BOLD, 13)),
        Spacer(1, 2 * mm),
        _key_table(page.recovery_key, width),
        Spacer(1, 4 * mm),
        Paragraph("Mã này dùng để làm gì:", heading),
    ]
    out += _paragraphs(
        [
            "Dữ liệu của dvdesk trên máy này được mã hóa. Bình thường, mỗi người mở dữ liệu "
            "bằng tài khoản và mật khẩu của mình. Khi mọi mật khẩu quản trị đều bị quên hoặc "
            "mất, mã khôi phục này là cách duy nhất để mở lại dữ liệu; không có nó, không ai "
            "(kể cả người viết phần mềm) lấy lại được dữ liệu."
        ],
        body,
    )
    out.append(Paragraph("Cất giữ thế nào:", heading))
    out += _paragraphs(
        [
            "Cất phiếu này nơi có khóa như chìa khóa két sắt (tủ hồ sơ mật, két của đơn vị), "
            "không bao giờ để cùng máy tính, không chụp ảnh, không gửi qua mạng. Ai có cả "
            "phiếu này và máy tính là mở được toàn bộ dữ liệu.",
            "Nếu phiếu bị mất hoặc có người lạ đã xem, người quản trị vào Tài khoản → Quản lý "
            "tài khoản → Tạo mã khôi phục mới, in phiếu mới và hủy phiếu cũ: mã cũ hết tác "
            "dụng ngay.",
        ],
        body,
    )
    out.append(Paragraph("Cách dùng:", heading))
    out += _paragraphs(
        [
            "Mở dvdesk; ở cửa sổ Đăng nhập, bấm «Quên mật khẩu? Dùng mã khôi phục». Gõ đủ 32 "
            "ký tự trên phiếu (chữ hoa hay thường, dấu cách hay gạch ngang đều được), tên tài "
            "khoản quản trị và mật khẩu mới hai lần. Hoặc trên dòng lệnh: "
            'dvdesk account recover TÊN_TÀI_KHOẢN --recovery-key "…".',
            "Mã khôi phục vẫn dùng được sau khi mở; chỉ hết tác dụng khi người quản trị tạo "
            "mã mới.",
        ],
        body,
    )
    out += [Spacer(1, 4 * mm), _signature(width)]
    return out


def render(page: RecoveryPage, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The page as PDF bytes."""
    margins = margins or Margins()
    return build_pdf(
        story(page, margins),
        margins,
        title=nfc(f"Mã khôi phục dữ liệu dvdesk {page.unit_code}".strip()),
        author=nfc(page.unit_name),
        invariant=invariant,
        number_pages=False,
    )
