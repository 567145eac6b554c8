"""The committee's documents (8-, 9-, 13-, 15-, 16-, 18-, 20-KNĐ), the class certificates and
roster: filled from hand-made dossiers, rendered, and read back as text through PDFium."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest

from dvdesk.domain.dossier import (
    ClassDossier,
    DossierEvent,
    FamilyEntry,
    MarginsMM,
    PersonDossier,
    PrintContext,
    ProbationRow,
    RosterEntry,
)
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind as K
from dvdesk.reports import pdf_layout
from dvdesk.reports.forms import (
    certificate,
    class_roster,
    f6_kn,
    f8_kn,
    f9_kn,
    f13_kn,
    f15_kn,
    f16_kn,
    f18_kn,
    f20_kn,
)
from pdf_text import embedded_fonts_ok, pdf_pages, pdf_text

HOMETOWN = "xã Yên Thường, huyện Gia Lâm, Hà Nội"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _dossier(**changes: object) -> PersonDossier:
    base = PersonDossier(
        person_id="p1",
        code="KP3-001",
        full_name="Phạm Thu Trang",
        birth_name="Phạm Thu Trang",
        sex="nu",
        birth_date=date(1999, 7, 14),
        birth_place=HOMETOWN,
        hometown=HOMETOWN,
        residence="số 12 ngõ 5 Trần Đăng Ninh, phường Dịch Vọng, Hà Nội",
        cccd="001199012345",
        ethnicity="Kinh",
        religion="Không",
        education="12/12",
        occupation="giáo viên, Trường Tiểu học Dịch Vọng",
        youth_union_member=True,
        youth_union_date=date(2014, 3, 26),
        trade_union_member=True,
        trade_union_date=None,
        joined_unit_on=None,
        notes="",
        cell_name="Chi bộ Khu phố 3",
        family=(
            FamilyEntry("Cha đẻ", "Phạm Văn Hùng", 1968, HOMETOWN, HOMETOWN, "nông dân", True, ""),
            FamilyEntry(
                "Mẹ đẻ", "Nguyễn Thị Lan", 1970, "xã Đặng Xá", HOMETOWN, "buôn bán", False, ""
            ),
            FamilyEntry(
                "Chồng", "Lê Quang Minh", 1997, "phường Hà Cầu", "Dịch Vọng", "kỹ sư", False, ""
            ),
            FamilyEntry(
                "Mẹ chồng", "Đinh Thị Sen", 1972, "Hà Đông", "Hà Đông", "hưu trí", False, ""
            ),
            FamilyEntry("Anh ruột", "Phạm Văn Nam", 1995, HOMETOWN, "Hải Phòng", "thợ", False, ""),
            FamilyEntry("Con đẻ", "Lê Phạm Bảo An", 2022, "", "", "", False, ""),
        ),
        events=(
            DossierEvent(
                K.CELL_VOTE,
                date(2025, 3, 4),
                "12-NQ/CB",
                official_members=9,
                present=8,
                votes_for=8,
                votes_against=0,
            ),
            DossierEvent(K.DECISION, date(2025, 4, 10), "30-QĐ/ĐU"),
            DossierEvent(K.CEREMONY, date(2025, 5, 19)),
            DossierEvent(
                K.RECOGNITION_VOTE,
                date(2026, 5, 25),
                "07-NQ/CB",
                official_members=10,
                present=9,
                votes_for=9,
                votes_against=0,
            ),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def _ctx(number: int | None = 5, on: date = date(2026, 6, 2), **inputs: str) -> PrintContext:
    return PrintContext(
        on=on,
        place="Hà Nội",
        cell_name="Chi bộ Khu phố 3",
        committee_name="Đảng ủy phường Dịch Vọng",
        superior_of_cell="Đảng bộ phường Dịch Vọng",
        superior_of_committee="Đảng bộ thành phố Hà Nội",
        cell_secretary="Nguyễn Thị Hoa",
        committee_secretary="Trần Quốc Khánh",
        number=number,
        inputs=inputs,
        margins=MarginsMM(20, 20, 30, 15),
    )


def _check_common(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    assert embedded_fonts_ok(pdf)
    text = pdf_text(pdf)
    assert unicodedata.is_normalized("NFC", text)
    assert "None" not in text
    return text


def _has(text: str, *phrases: str) -> None:
    for phrase in phrases:
        assert phrase in text, phrase


# --- shared helpers --------------------------------------------------------------------------


def test_helpers() -> None:
    assert pdf_layout.number_line(5, "QĐ/ĐU") == "Số 05-QĐ/ĐU"
    assert pdf_layout.number_line(None, "QĐ/ĐU") == "Số     -QĐ/ĐU"
    assert pdf_layout.parse_number("30-QĐ/ĐU") == (30, "QĐ/ĐU")
    assert pdf_layout.parse_number(_nfd("Số 7 - QĐ/HU")) == (7, "QĐ/HU")
    assert pdf_layout.parse_number("") == (None, "")
    assert pdf_layout.add_months(date(2025, 5, 19), 12) == date(2026, 5, 19)
    assert pdf_layout.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert pdf_layout.add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert pdf_layout.int_input(" 15 đồng chí") == 15
    assert pdf_layout.int_input("") is None
    assert pdf_layout.date_input("04/03/2026") == date(2026, 3, 4)
    assert pdf_layout.date_input("2026-03-04") == date(2026, 3, 4)
    assert pdf_layout.date_input("31/02/2026") is None
    m = pdf_layout.to_margins(MarginsMM(25, 25, 35, 15))
    assert (m.top, m.bottom, m.left, m.right) == (25, 25, 35, 15)


@pytest.mark.parametrize(
    "module",
    [f6_kn, f8_kn, f9_kn, f13_kn, f15_kn, f16_kn, f18_kn, f20_kn, certificate, class_roster],
)
def test_every_form_declares_its_inputs(module: object) -> None:
    inputs = module.INPUTS  # type: ignore[attr-defined]
    assert inputs and all(isinstance(i, FormInput) for i in inputs)
    keys = [i.key for i in inputs]
    assert len(keys) == len(set(keys))


# --- 6-KNĐ from a dossier ----------------------------------------------------------------------


def test_f6_from_dossier() -> None:
    ctx = _ctx(
        12,
        chair="Nguyễn Thị Hoa",
        secretary="Lê Minh Tuấn",
        probationary_members="2",
        present_probationary="2",
        absent_reasons="đồng chí Trần Văn Bình đi công tác",
        conclusions="Lý lịch rõ ràng.\nCó lập trường tư tưởng vững vàng.",
    )
    r = f6_kn.from_dossier(_dossier(), ctx)
    assert r.meeting_on == date(2025, 3, 4) and r.official_members == 9
    assert r.conclusions == ("Lý lịch rõ ràng.", "Có lập trường tư tưởng vững vàng.")
    text = _check_common(f6_kn.render_dossier(_dossier(), ctx))
    _has(
        text,
        "Số 12-NQ/CB",
        "Hà Nội, ngày 02 tháng 06 năm 2026",
        "Ngày 04 tháng 03 năm 2025",
        "8/9 đồng chí, đạt 88,9%",
        "Có lập trường tư tưởng vững vàng.",
        "Nguyễn Thị Hoa",
    )


def test_f6_without_vote_prints_blanks() -> None:
    r = f6_kn.from_dossier(_dossier(events=()), _ctx(None))
    assert r.number_line == "Số     -NQ/CB"
    text = _check_common(f6_kn.render(r))
    _has(text, "Ngày …… tháng …… năm ……", "……/……")


# --- 8-KNĐ -------------------------------------------------------------------------------------


def _f8_ctx(**more: str) -> PrintContext:
    inputs = dict(
        committee_members="15",
        present="14",
        votes_for="13",
        votes_against="1",
        absent_reasons="đồng chí Vũ Văn Dũng đi học",
        conclusions="Quần chúng Phạm Thu Trang đủ điều kiện, tiêu chuẩn vào Đảng.",
        proposed_to="Ban Thường vụ Thành ủy Hà Nội",
        meeting_date="28/05/2026",
    )
    inputs.update(more)
    return _ctx(5, **inputs)


def test_f8_committee_resolution() -> None:
    r = f8_kn.from_dossier(_dossier(), _f8_ctx())
    assert r.cell_resolution_number == "12-NQ/CB" and r.meeting_on == date(2026, 5, 28)
    text = _check_common(f8_kn.render(r, pdf_layout.to_margins(MarginsMM())))
    _has(
        text,
        "Mẫu 8-KNĐ",
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG",
        "Số 05-NQ/ĐU",
        "Hà Nội, ngày 02 tháng 06 năm 2026",
        "NGHỊ QUYẾT",
        "Đề nghị kết nạp đảng viên",
        "Ngày 28 tháng 05 năm 2026, Đảng ủy phường Dịch Vọng đã họp",
        "Nghị quyết số 12-NQ/CB, ngày 04/03/2025 của Chi bộ Khu phố 3",
        "Tổng số cấp ủy viên: 15 đồng chí; có mặt: 14 đồng chí; vắng mặt: 1 đồng chí",
        "13/15 đồng chí, đạt 86,7%",
        "không tán thành 1/15 đồng chí, chiếm 6,7%",
        "đề nghị Ban Thường vụ Thành ủy Hà Nội xem xét, quyết định kết nạp",
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Trần Quốc Khánh",
    )


def test_f8_refuses_impossible_counts_and_blanks_missing_ones() -> None:
    with pytest.raises(ValueError):
        f8_kn.from_dossier(_dossier(), _f8_ctx(votes_for="15"))
    r = f8_kn.from_dossier(_dossier(), _ctx(None))
    text = _check_common(f8_kn.render(r))
    _has(text, "Số -NQ/ĐU", "……/……", "……%")  # the blank number: whitespace folds
    assert "Số 0" not in text


# --- 9-KNĐ -------------------------------------------------------------------------------------


def test_f9_decision_uses_the_recorded_number_and_the_rule_in_force() -> None:
    r = f9_kn.from_dossier(_dossier(), _ctx(77))
    assert r.number_line == "Số 30-QĐ/ĐU"  # the DECISION event's number wins over ctx.number
    text = _check_common(f9_kn.render(r))
    _has(
        text,
        "Mẫu 9-KNĐ",
        "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG",
        "Số 30-QĐ/ĐU",
        "Hà Nội, ngày 02 tháng 06 năm 2026",
        "QUYẾT ĐỊNH",
        "kết nạp đảng viên",
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        "Quy định số 294-QĐ/TW",
        "Xét nghị quyết số 12-NQ/CB, ngày 04/03/2025 của Chi bộ Khu phố 3",
        "BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG DỊCH VỌNG QUYẾT ĐỊNH",
        "Điều 1. Kết nạp quần chúng Phạm Thu Trang, sinh ngày 14/07/1999, quê quán: "
        + HOMETOWN
        + ", vào Đảng Cộng sản Việt Nam.",
        "Thời gian dự bị 12 tháng kể từ ngày chi bộ tổ chức lễ kết nạp.",
        "Điều 2.",
        "Điều 3.",
        "T/M BAN THƯỜNG VỤ",
        "Như Điều 3",
    )


def test_f9_without_recorded_number_and_decided_by_the_full_committee() -> None:
    d = _dossier(events=_dossier().events[:1])
    r = f9_kn.from_dossier(d, _ctx(4, decided_by=_nfd("Đảng ủy")))
    assert r.number_line == "Số 04-QĐ/ĐU"
    text = _check_common(f9_kn.render(r))
    _has(text, "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG QUYẾT ĐỊNH", "T/M ĐẢNG ỦY")
    assert "BAN THƯỜNG VỤ" not in text
    blank = f9_kn.from_dossier(d, _ctx(None))
    assert blank.number_line == "Số     -QĐ/ĐU"


@pytest.mark.parametrize(
    ("on", "rule"),
    [
        (date(2025, 7, 1), "294-QĐ/TW"),
        (date(2025, 6, 30), "232-QĐ/TW"),
        (date(2025, 1, 20), "232-QĐ/TW"),
        (date(2025, 1, 19), "24-QĐ/TW"),
        (date(2021, 7, 30), "24-QĐ/TW"),
        (date(2020, 1, 1), "29-QĐ/TW"),
    ],
)
def test_rule_in_force(on: date, rule: str) -> None:
    assert f9_kn.rule_in_force(on).startswith(f"Quy định số {rule}")


# --- 13-KNĐ ------------------------------------------------------------------------------------


def test_f13_cell_recognition_resolution() -> None:
    ctx = _ctx(
        7,
        chair="Nguyễn Thị Hoa",
        secretary="Lê Minh Tuấn",
        probationary_members="2",
        present_probationary="1",
        absent_reasons="đồng chí Trần Văn Bình đi công tác",
        assessment="Luôn chấp hành tốt chủ trương của Đảng, chính sách, pháp luật.",
    )
    r = f13_kn.from_dossier(_dossier(), ctx)
    assert r.probation_ends == date(2026, 5, 19)
    text = _check_common(f13_kn.render(r))
    _has(
        text,
        "Mẫu 13-KNĐ",
        "CHI BỘ KHU PHỐ 3",
        "Số 07-NQ/CB",
        "Căn cứ Điều 5, Điều lệ Đảng",
        "Ngày 25 tháng 05 năm 2026, Chi bộ Khu phố 3 đã họp",
        "được kết nạp vào Đảng ngày 19 tháng 05 năm 2025",
        "đến ngày 19 tháng 05 năm 2026 hết thời gian dự bị",
        "Tổng số đảng viên của chi bộ: 12 đồng chí, trong đó chính thức: 10",
        "Có mặt: 10 đồng chí (chính thức: 9, dự bị: 1). Vắng mặt: 2 đồng chí",
        "Chủ trì hội nghị: đồng chí Nguyễn Thị Hoa",
        "Thư ký hội nghị: đồng chí Lê Minh Tuấn",
        "Luôn chấp hành tốt chủ trương",
        "9/10 đồng chí, đạt 90%",
        "0/10 đồng chí, chiếm 0%",
        "là đảng viên chính thức kể từ ngày 19 tháng 05 năm 2026",
        "T/M CHI BỘ",
    )


# --- 15-KNĐ ------------------------------------------------------------------------------------


def test_f15_committee_recognition_resolution() -> None:
    ctx = _ctx(
        9,
        committee_members="15",
        present="12",
        votes_for="12",
        votes_against="0",
        absent_reasons="3 đồng chí đi học",
        proposed_to="Ban Thường vụ Thành ủy Hà Nội",
    )
    text = _check_common(f15_kn.render_dossier(_dossier(), ctx))
    _has(
        text,
        "Mẫu 15-KNĐ",
        "Số 09-NQ/ĐU",
        "Đề nghị công nhận đảng viên chính thức",
        "Nghị quyết số 07-NQ/CB, ngày 25/05/2026 của Chi bộ Khu phố 3",
        "hết thời gian dự bị ngày 19 tháng 05 năm 2026",
        "vắng mặt: 3 đồng chí (lý do: 3 đồng chí đi học)",
        "12/15 đồng chí, đạt 80%",
        "kể từ ngày 19 tháng 05 năm 2026",
        "T/M ĐẢNG ỦY",
    )


# --- 16-KNĐ ------------------------------------------------------------------------------------


def test_f16_recognition_decision_dates() -> None:
    d = _dossier(
        events=(
            *_dossier().events,
            DossierEvent(K.RECOGNITION_DECISION, date(2026, 6, 2), "41-QĐ/ĐU"),
        )
    )
    r = f16_kn.from_dossier(d, _ctx(3))
    assert r.official_from == date(2026, 5, 19)  # ceremony 19/05/2025 + 12 months
    assert r.number_line == "Số 41-QĐ/ĐU"
    text = _check_common(f16_kn.render(r))
    _has(
        text,
        "Mẫu 16-KNĐ",
        "Số 41-QĐ/ĐU",
        "công nhận đảng viên chính thức",
        "Quy định số 294-QĐ/TW",
        "Xét nghị quyết số 07-NQ/CB, ngày 25/05/2026 của Chi bộ Khu phố 3",
        "BAN THƯỜNG VỤ ĐẢNG ỦY PHƯỜNG DỊCH VỌNG QUYẾT ĐỊNH",
        "Điều 1. Công nhận đồng chí Phạm Thu Trang, sinh ngày 14/07/1999",
        "được kết nạp vào Đảng ngày 19/05/2025, là đảng viên chính thức kể từ ngày 19/05/2026",
        "Tuổi đảng của đồng chí Phạm Thu Trang được tính từ ngày 10/04/2025",
        "quyết định kết nạp số 30-QĐ/ĐU, ngày 10/04/2025",
        "T/M BAN THƯỜNG VỤ",
    )


def test_f16_leap_day_ceremony_and_missing_number() -> None:
    events = (
        DossierEvent(K.DECISION, date(2024, 2, 1), "02-QĐ/ĐU"),
        DossierEvent(K.CEREMONY, date(2024, 2, 29)),
    )
    r = f16_kn.from_dossier(_dossier(events=events), _ctx(None, on=date(2025, 3, 10)))
    assert r.official_from == date(2025, 2, 28)
    assert r.number_line == "Số     -QĐ/ĐU"
    text = _check_common(f16_kn.render(r))
    _has(text, "kể từ ngày 28/02/2025", "Quy định số 232-QĐ/TW", "nghị quyết số ……")


# --- 18-KNĐ ------------------------------------------------------------------------------------


def _rows(count: int) -> list[ProbationRow]:
    return [
        ProbationRow(
            order=i,
            full_name=f"Nguyễn Văn Đức {i}",
            record_number=f"{100000 + i}HN",
            birth_date=date(1995, 1 + i % 12, 1 + i % 28),
            sex="nam" if i % 2 else "nu",
            hometown=HOMETOWN,
            cell_name="Chi bộ Khu phố 3",
            decision_number=f"{i:02d}-QĐ/ĐU",
            decision_date=date(2025, 4, 10),
            ceremony_date=date(2025, 5, 19),
            official_date=date(2026, 5, 19) if i == 1 else None,
            note="Kết nạp lại" if i == 2 else "",
        )
        for i in range(count, 0, -1)  # out of order: the register sorts by order
    ]


def test_f18_register_repeats_its_header_on_every_page() -> None:
    ctx = _ctx(None, period="Năm 2025 - 2026")
    pdf = f18_kn.render_rows(_rows(120), ctx)
    _check_common(pdf)
    pages = [" ".join(p.split()) for p in pdf_pages(pdf)]
    assert len(pages) >= 3
    _has(pages[0], "Mẫu 18-KNĐ", "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG", "SỔ ĐẢNG VIÊN DỰ BỊ")
    _has(pages[0], "Đơn vị lập sổ: Đảng ủy phường Dịch Vọng", "Năm 2025 - 2026")
    for page in pages[1:]:
        _has(page, "Họ và tên (theo lý lịch)", "Số lý lịch", "Quyết định kết nạp", "Ghi chú")
    _has(pages[0], "Nguyễn Văn Đức 1 100001HN", "01-QĐ/ĐU 10/04/2025 19/05/2025 19/05/2026")
    _has(pages[0], "Kết nạp lại", "Nữ", "Nam")
    _has(pages[-1], "Nguyễn Văn Đức 120", "Tổng số: 120 đảng viên dự bị.")
    assert "Nguyễn Văn Đức 120" not in pages[0]


def test_f18_row_with_missing_dates_prints_empty_cells() -> None:
    row = replace(_rows(1)[0], birth_date=None, official_date=None, decision_date=None)
    r = f18_kn.from_rows([row], _ctx(None))
    assert r.rows[0].birth_date == "" and r.rows[0].official_date == ""
    _check_common(f18_kn.render(r))


# --- 20-KNĐ ------------------------------------------------------------------------------------


def test_f20_verification_letter() -> None:
    ctx = _ctx(
        20,
        addressee="Đảng ủy xã Yên Thường",
        contact="đồng chí Lê Minh Tuấn, điện thoại 0243 123 4567",
    )
    r = f20_kn.from_dossier(_dossier(), ctx)
    assert [x.relation for x in r.relatives] == ["Cha đẻ", "Mẹ đẻ", "Chồng", "Mẹ chồng"]
    text = _check_common(f20_kn.render(r))
    _has(
        text,
        "Mẫu 20-KNĐ",
        "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG",
        "Số 20-CV/ĐU",
        "V/v thẩm tra lý lịch người xin vào Đảng",
        "Hà Nội, ngày 02 tháng 06 năm 2026",
        "Kính gửi: Đảng ủy xã Yên Thường",
        "quần chúng Phạm Thu Trang, sinh ngày 14 tháng 07 năm 1999",
        "nơi cư trú: số 12 ngõ 5 Trần Đăng Ninh",
        "1. Cha đẻ: Phạm Văn Hùng, sinh năm 1968",
        "nông dân (là đảng viên)",
        "3. Chồng: Lê Quang Minh",
        "Người liên hệ: đồng chí Lê Minh Tuấn, điện thoại 0243 123 4567",
        "T/M ĐẢNG ỦY",
    )
    assert "Phạm Văn Nam" not in text  # a brother is not verified
    assert "Lê Phạm Bảo An" not in text  # a child under 18 is not
    assert "NGHỊ QUYẾT" not in text and "QUYẾT ĐỊNH" not in text


def test_f20_relations() -> None:
    on = date(2026, 1, 1)

    def member(relation: str, year: int | None = 1970) -> FamilyEntry:
        return FamilyEntry(_nfd(relation), "X", year, "", "", "", False, "")

    yes = ["Bố đẻ", "Mẹ vợ", "Cha chồng", "Vợ", "Người nuôi dưỡng", "Con trai"]
    no = ["Anh ruột", "Em gái", "Ông nội", "Bà ngoại", "Con dâu", "Con rể"]
    assert all(f20_kn.needs_verification(member(r), on) for r in yes)
    assert not any(f20_kn.needs_verification(member(r), on) for r in no)
    assert not f20_kn.needs_verification(member("Con gái", 2010), on)
    assert f20_kn.needs_verification(member("Con gái", None), on)


# --- the class certificates and roster ---------------------------------------------------------


def _class(kind: str = "awareness") -> ClassDossier:
    def entry(name: str, born: date | None, sex: str, status: str, **kw: object) -> RosterEntry:
        return RosterEntry(
            full_name=name,
            birth_date=born,
            sex=sex,
            cell_name="Chi bộ Khu phố 3",
            status=status,
            attended_sessions=kw.get("sessions"),  # type: ignore[arg-type]
            score=str(kw.get("score", "")),
            certificate_number=str(kw.get("number", "")),
            certificate_issued_on=kw.get("issued"),  # type: ignore[arg-type]
        )

    return ClassDossier(
        class_id="c1",
        kind=kind,
        name="Khóa 1 năm 2025",
        organiser="Đảng ủy phường Dịch Vọng",
        place="Hội trường Đảng ủy phường Dịch Vọng",
        start_date=date(2025, 3, 10),
        end_date=date(2025, 3, 20),
        entries=(
            entry(
                "Phạm Thu Trang",
                date(1999, 7, 14),
                "nu",
                "passed",
                sessions=10,
                score="Giỏi",
                number="125/GCN",
                issued=date(2025, 3, 25),
            ),
            entry("Đỗ Quang Huy", date(2000, 1, 2), "nam", "passed", sessions=9, score="Khá"),
            entry("Vũ Thị Ngọc Ánh", date(1998, 11, 30), "nu", "failed", sessions=6),
            entry("Hoàng Đức Long", None, "nam", "withdrawn", sessions=2),
            entry("Trịnh Minh Nguyệt", date(2001, 5, 5), "nu", "nominated"),
        ),
    )


def test_certificates_one_page_per_passed_entry() -> None:
    ctx = _ctx(None, signer_position="Phó Bí thư")
    certs = certificate.from_class(_class(), ctx)
    assert [c.holder_name for c in certs] == ["Phạm Thu Trang", "Đỗ Quang Huy"]
    pdf = certificate.render_class(_class(), ctx)
    _check_common(pdf)
    pages = [" ".join(p.split()) for p in pdf_pages(pdf)]
    assert len(pages) == 2
    _has(
        pages[0],
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG",
        "GIẤY CHỨNG NHẬN",
        "HỌC LỚP BỒI DƯỠNG NHẬN THỨC VỀ ĐẢNG",
        "Chứng nhận đồng chí: Phạm Thu Trang",
        "Sinh ngày: 14/07/1999",
        "Đơn vị: Chi bộ Khu phố 3",
        "bồi dưỡng nhận thức về Đảng (Khóa 1 năm 2025), từ ngày 10/03/2025 đến ngày "
        "20/03/2025, tại Hội trường Đảng ủy phường Dịch Vọng.",
        "Xếp loại: Giỏi",
        "Số: 125/GCN",
        "Hà Nội, ngày 25 tháng 03 năm 2025",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Trần Quốc Khánh",
    )
    # No number recorded and no issue date: a blank number, the print date.
    _has(pages[1], "Đỗ Quang Huy", "Số: ……/GCN", "Hà Nội, ngày 02 tháng 06 năm 2026")


def test_certificate_for_one_new_member_entry() -> None:
    cls = _class("new_member")
    pdf = certificate.render_entry(cls, cls.entries[0], _ctx(None))
    text = _check_common(pdf)
    assert len(pdf_pages(pdf)) == 1
    _has(text, "LỚP BỒI DƯỠNG LÝ LUẬN CHÍNH TRỊ DÀNH CHO ĐẢNG VIÊN MỚI", "Phạm Thu Trang")
    assert "NHẬN THỨC VỀ ĐẢNG" not in text
    with pytest.raises(ValueError):
        certificate.render([])


def test_class_roster_table_and_totals() -> None:
    roster = class_roster.from_class(_class(), _ctx(None))
    assert (roster.enrolled, roster.passed, roster.failed, roster.withdrawn) == (4, 2, 1, 1)
    text = _check_common(class_roster.render_class(_class(), _ctx(None)))
    _has(
        text,
        "ĐẢNG ỦY PHƯỜNG DỊCH VỌNG",
        "DANH SÁCH HỌC VIÊN",
        "Khóa 1 năm 2025",
        "Từ ngày 10/03/2025 đến ngày 20/03/2025, tại Hội trường Đảng ủy phường Dịch Vọng",
        "STT Họ và tên Ngày sinh Giới tính Chi bộ Tình trạng",
        "1 Phạm Thu Trang 14/07/1999 Nữ Chi bộ Khu phố 3 Hoàn thành 10 Giỏi 125/GCN",
        "Vũ Thị Ngọc Ánh",
        "Không đạt",
        "Thôi học",
        "Được cử đi học",
        "Tổng số học viên trong danh sách: 5; nhập học: 4; hoàn thành chương trình",
        "Hà Nội, ngày 02 tháng 06 năm 2026",
        "T/M BAN THƯỜNG VỤ",
    )


# --- NFD input prints as NFC -------------------------------------------------------------------


def test_nfd_dossier_prints_like_nfc() -> None:
    nfd = _dossier(full_name=_nfd("Phạm Thu Trang"), hometown=_nfd(HOMETOWN))
    ctx = _ctx(5)
    for module in (f9_kn, f16_kn, f20_kn):
        a = module.render_dossier(_dossier(), ctx, invariant=True)  # type: ignore[attr-defined]
        b = module.render_dossier(nfd, ctx, invariant=True)  # type: ignore[attr-defined]
        assert a == b, module
