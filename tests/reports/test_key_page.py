"""The fingerprint page a unit prints, signs and sends with its public-key file."""

from __future__ import annotations

import unicodedata
from datetime import date

import pypdfium2

from dvdesk.reports import key_page
from pdf_text import embedded_fonts_ok, pdf_text

FINGERPRINT = "51BB 41F8 C2D6 E34B D1FB C4AE 315C 46DF"


def test_one_page_with_the_unit_the_fingerprint_and_a_place_to_sign() -> None:
    page = key_page.KeyPage(
        unit_name=unicodedata.normalize("NFD", "Chi bộ Văn phòng"),  # drawn NFC all the same
        unit_code="CB01",
        role="cell",
        fingerprint=FINGERPRINT.lower(),
        key_id="2f0265a632ac0696",
        created_on=date(2026, 11, 27),
        printed_on=date(2026, 11, 28),
        parent_name="Đảng ủy Khối",
    )
    pdf = key_page.render(page, invariant=True)
    document = pypdfium2.PdfDocument(pdf)
    try:
        assert len(document) == 1
    finally:
        document.close()
    text = pdf_text(pdf)
    assert FINGERPRINT in text
    for expected in ("Chi bộ Văn phòng", "CB01", "27/11/2026", "28/11/2026", "Đảng ủy Khối"):
        assert expected in text
    assert "XÁC NHẬN CỦA ĐƠN VỊ" in text and "đóng dấu" in text
    assert embedded_fonts_ok(pdf)
    assert key_page.render(page, invariant=True) == pdf
