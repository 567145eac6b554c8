"""The Party document frame and the 6-KNĐ: fonts embedded, NFC text, a valid PDF."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dvdesk.reports import pdf_layout
from dvdesk.reports.forms import f6_kn
from dvdesk.reports.pdf_layout import Heading, PartyDocument, Signer, fonts_dir, nfc

SHA256 = {
    "LiberationSerif-Regular.ttf": "29d12439831b7f59194efec85872f24f54eff05738933f9a860220d2abff88ba",  # noqa: E501
    "LiberationSerif-Bold.ttf": "446a4421f297698427170fd7db20e59169a4188baaaf940e9bea58af6341a723",
    "LiberationSerif-Italic.ttf": "c1830c433ab41379f1139fac388989d37c9f08c81e1bd643efdcc7946db30753",  # noqa: E501
    "LiberationSerif-BoldItalic.ttf": "36dd6965be8915f6d7efb259757f1f7546a7c6f72c53a20bbe4ae7092f2cd558",  # noqa: E501
}


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _resolution(**changes: object) -> f6_kn.AdmissionResolution:
    base = f6_kn.AdmissionResolution(
        superior_body="Đảng bộ phường Dịch Vọng",
        cell_name="Chi bộ Khu phố 3",
        number=12,
        place="Hà Nội",
        issued_on=date(2026, 3, 5),
        meeting_on=date(2026, 3, 4),
        official_members=9,
        probationary_members=2,
        present_official=8,
        present_probationary=2,
        absent_reasons="đồng chí Trần Văn Bình đi công tác",
        chair="Nguyễn Thị Hoa",
        secretary="Lê Minh Tuấn",
        candidate_name="Phạm Thu Trang",
        candidate_birth_date=date(1999, 7, 14),
        candidate_hometown="xã Yên Thường, huyện Gia Lâm, Hà Nội",
        candidate_workplace="giáo viên, Trường Tiểu học Dịch Vọng",
        conclusions=("Lý lịch rõ ràng; có lập trường tư tưởng vững vàng.",),
        votes_for=8,
        votes_against=0,
        proposed_to="Đảng ủy phường Dịch Vọng",
        signer_name="Nguyễn Thị Hoa",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _nfd_resolution() -> f6_kn.AdmissionResolution:
    r = _resolution()
    texts = {
        name: _nfd(getattr(r, name))
        for name in (
            "superior_body",
            "cell_name",
            "place",
            "absent_reasons",
            "chair",
            "secretary",
            "candidate_name",
            "candidate_hometown",
            "candidate_workplace",
            "proposed_to",
            "signer_name",
        )
    }
    return replace(r, conclusions=tuple(_nfd(c) for c in r.conclusions), **texts)  # type: ignore[arg-type]


def _valid(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")


def test_bundled_fonts_are_the_pinned_ones_with_their_licence() -> None:
    folder = fonts_dir()
    for name, digest in SHA256.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "LICENSE").read_text("utf-8")


def test_register_fonts_is_idempotent() -> None:
    assert pdf_layout.register_fonts() == pdf_layout.register_fonts() == "LiberationSerif"


def test_pdf_is_valid_and_embeds_liberation_serif_subsets() -> None:
    pdf = f6_kn.render(_resolution())
    _valid(pdf)
    assert b"/FontFile2" in pdf
    assert b"LiberationSerif" in pdf
    assert b"LiberationSerif-Bold" in pdf and b"LiberationSerif-Italic" in pdf
    # Subsets (six capital letters + name), not whole fonts.
    assert re.search(rb"/BaseFont /[A-Z]{6}\+LiberationSerif", pdf)


def test_nfd_input_prints_exactly_as_nfc_input() -> None:
    # Reproducible output: identical bytes mean identical glyphs, i.e. the NFD text was composed.
    nfc_pdf = f6_kn.render(_resolution(), invariant=True)
    nfd_pdf = f6_kn.render(_nfd_resolution(), invariant=True)
    assert nfd_pdf == nfc_pdf


def test_nfc_helpers() -> None:
    word = _nfd("Đảng Cộng sản Việt Nam")
    assert word != nfc(word)
    assert nfc(word) == "Đảng Cộng sản Việt Nam"
    assert pdf_layout.caps(word) == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert pdf_layout.place_date_line(_nfd("Hà Nội"), date(2026, 3, 5)) == (
        "Hà Nội, ngày 05 tháng 03 năm 2026"
    )


def test_percent_and_number_line() -> None:
    assert f6_kn.percent(8, 9) == "88,9%"
    assert f6_kn.percent(9, 9) == "100%"
    assert f6_kn.percent(0, 0) == "0%"
    assert _resolution().number_line == "Số 12-NQ/CB"
    assert _resolution(number=3).number_line == "Số 03-NQ/CB"


def test_inconsistent_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        _resolution(votes_for=9)  # more votes than official members present
    with pytest.raises(ValueError):
        _resolution(present_official=10)


def test_margins_change_the_layout_and_write_goes_to_a_file(tmp_path: Path) -> None:
    narrow = f6_kn.render(_resolution(), pdf_layout.Margins(25, 25, 35, 15), invariant=True)
    assert narrow != f6_kn.render(_resolution(), invariant=True)
    out = f6_kn.write(_resolution(), tmp_path / "6-knd.pdf")
    _valid(out.read_bytes())


def test_party_document_with_plain_string_body() -> None:
    doc = PartyDocument(
        heading=Heading("Chi bộ A", "Số 01-TB/CB", "Huế", date(2026, 1, 2)),
        type_name="Thông báo",
        subject="Về lịch sinh hoạt",
        signer=Signer("Trần Văn An"),
    )
    _valid(doc.render([_nfd("Chi bộ họp ngày 10 hằng tháng."), "Đề nghị đảng viên có mặt đủ."]))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext not installed")
def test_extracted_text_is_nfc_vietnamese(tmp_path: Path) -> None:
    path = f6_kn.write(_nfd_resolution(), tmp_path / "6-knd.pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    flat = " ".join(text.split())
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG BỘ PHƯỜNG DỊCH VỌNG",
        "CHI BỘ KHU PHỐ 3",
        "Số 12-NQ/CB",
        "Hà Nội, ngày 05 tháng 03 năm 2026",
        "NGHỊ QUYẾT",
        "Đề nghị kết nạp đảng viên",
        "Phạm Thu Trang",
        "8/9 đồng chí, đạt 88,9%",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Nguyễn Thị Hoa",
        "Nơi nhận:",
    ):
        assert expected in flat, expected
