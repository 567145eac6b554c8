"""The recovery key page: printed once, locked away, and copied back when every password is
lost."""

from __future__ import annotations

import unicodedata
from datetime import date

import pypdfium2

from dvdesk.reports import recovery_page
from pdf_text import embedded_fonts_ok, pdf_text

KEY = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
GROUPS = KEY.split("-")


def _page_count(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def test_one_page_with_the_key_in_groups_what_it_is_for_and_how_to_use_it() -> None:
    page = recovery_page.RecoveryPage(
        recovery_key=KEY.lower().replace("-", " "),  # however it was typed, printed upper case
        made_on=date(2026, 11, 27),
        unit_name=unicodedata.normalize("NFD", "Chi bộ Văn phòng"),  # drawn NFC all the same
        unit_code="CB01",
        made_by="quantri (Nguyễn Văn Quản)",
    )
    pdf = recovery_page.render(page, invariant=True)
    assert _page_count(pdf) == 1
    text = pdf_text(pdf)
    for group in GROUPS:
        assert group in text
    for expected in (
        "MÃ KHÔI PHỤC DỮ LIỆU dvdesk",
        "CHI BỘ VĂN PHÒNG",
        "CB01",
        "27/11/2026",
        "Nguyễn Văn Quản",
        "Mã này dùng để làm gì:",
        "Cất giữ thế nào:",
        "Cách dùng:",
        "Quên mật khẩu? Dùng mã khôi phục",
        "dvdesk account recover",
        "không bao giờ để cùng máy tính",
        "NGƯỜI QUẢN TRỊ",
    ):
        assert expected in text, expected
    assert text == unicodedata.normalize("NFC", text)
    assert embedded_fonts_ok(pdf)
    assert recovery_page.render(page, invariant=True) == pdf


def test_without_a_unit_the_page_still_holds_the_key() -> None:
    page = recovery_page.RecoveryPage(recovery_key=KEY.replace("-", ""), made_on=date(2026, 1, 2))
    pdf = recovery_page.render(page, invariant=True)
    assert _page_count(pdf) == 1
    text = pdf_text(pdf)
    assert all(group in text for group in GROUPS)
    assert "02/01/2026" in text and "Đơn vị:" not in text
    assert embedded_fonts_ok(pdf)


def test_groups_ignore_case_and_separators() -> None:
    assert recovery_page.groups(" abcd efgh-ijkl ") == ["ABCD", "EFGH", "IJKL"]
