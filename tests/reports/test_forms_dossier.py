"""Forms filled from one person's file: 1-, 2-, 3-, 4-, 5-, 10-, 11-, 12-KNĐ.

Each form is built from a hand-made `PersonDossier` and `PrintContext`, rendered, and read back
through PDFium: the Vietnamese text (NFC, diacritics), the date line, the key fields, embedded
fonts, dotted blanks for what is missing, and NFD input printing exactly as NFC input.
"""

from __future__ import annotations

import unicodedata
from dataclasses import fields, is_dataclass, replace
from datetime import date
from typing import Any

import pypdfium2
import pytest

from dvdesk.domain.dossier import (
    CertificateEntry,
    DossierEvent,
    FamilyEntry,
    MarginsMM,
    MemberRef,
    PersonDossier,
    PrintContext,
)
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.forms import (
    f1_kn,
    f2_kn,
    f3_kn,
    f4_kn,
    f5_kn,
    f10_kn,
    f11_kn,
    f12_kn,
)
from dvdesk.reports.personal_layout import to_margins
from pdf_text import embedded_fonts_ok, pdf_pages, pdf_text

CELL = "Chi bộ Trường Tiểu học Dịch Vọng"
DATE_LINE = "Hà Nội, ngày 05 tháng 03 năm 2026"
MODULES = (f1_kn, f2_kn, f3_kn, f4_kn, f5_kn, f10_kn, f11_kn, f12_kn)


def _dossier(**changes: Any) -> PersonDossier:
    base = PersonDossier(
        person_id="p1",
        code="HS-001",
        full_name="Phạm Thu Trang",
        birth_name="Phạm Thị Thu Trang",
        sex="nu",
        birth_date=date(1999, 7, 14),
        birth_place="xã Yên Thường, huyện Gia Lâm, thành phố Hà Nội",
        hometown="xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định",
        residence="số 12 ngõ 45 Trần Quốc Hoàn, phường Dịch Vọng, quận Cầu Giấy, Hà Nội",
        cccd="001199012345",
        ethnicity="Kinh",
        religion="Không",
        education="12/12",
        occupation="Giáo viên Trường Tiểu học Dịch Vọng",
        youth_union_member=True,
        youth_union_date=date(2014, 3, 26),
        trade_union_member=True,
        trade_union_date=date(2021, 9, 1),
        joined_unit_on=date(2021, 8, 15),
        notes="",
        cell_name=CELL,
        family=(
            FamilyEntry(
                "Cha đẻ",
                "Phạm Văn Hùng",
                1970,
                "xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định",
                "xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định",
                "Làm ruộng",
                True,
                "Chấp hành tốt chủ trương, chính sách của Đảng và pháp luật của Nhà nước.",
            ),
            FamilyEntry(
                "Mẹ đẻ",
                "Nguyễn Thị Lụa",
                1973,
                "xã Hải Minh, huyện Hải Hậu, tỉnh Nam Định",
                "xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định",
                "Giáo viên đã nghỉ hưu",
                False,
                "",
            ),
        ),
        events=(
            DossierEvent(
                EventKind.MASS_ORG_RESOLUTION,
                date(2025, 11, 3),
                number="07-NQ/ĐTN",
                official_members=9,
                present=8,
                votes_for=8,
                votes_against=0,
                mass_org="youth_union",
            ),
            DossierEvent(EventKind.DECISION, date(2025, 12, 20), number="215-QĐ/ĐU"),
            DossierEvent(EventKind.CEREMONY, date(2026, 1, 10)),
        ),
        introducers=(
            MemberRef(
                "Nguyễn Thị Hoa",
                date(1980, 2, 2),
                "official",
                date(2008, 5, 19),
                date(2009, 5, 19),
                CELL,
                date(2022, 9, 5),
                None,
            ),
            MemberRef(
                "Lê Minh Tuấn",
                date(1985, 4, 12),
                "official",
                date(2010, 3, 3),
                date(2011, 3, 3),
                CELL,
                date(2023, 1, 5),
                None,
            ),
        ),
        helpers=(
            MemberRef(
                "Đặng Quốc Khánh",
                date(1975, 1, 1),
                "official",
                date(2001, 1, 1),
                date(2002, 1, 1),
                CELL,
                date(2025, 1, 1),
                date(2026, 1, 9),
            ),
            MemberRef(
                "Trần Văn Bình",
                date(1978, 1, 1),
                "official",
                date(2005, 6, 6),
                date(2006, 6, 6),
                CELL,
                date(2026, 1, 10),
                None,
            ),
        ),
        helper_notes=(
            (date(2026, 9, 2), "Được học sinh và phụ huynh tin yêu; cần mạnh dạn phát biểu hơn."),
            (date(2026, 3, 15), "Tích cực tham gia sinh hoạt chi bộ, hoàn thành tốt nhiệm vụ."),
        ),
        certificates=(
            CertificateEntry(
                "awareness",
                "123/CN",
                date(2025, 6, 30),
                "Trung tâm Chính trị quận Cầu Giấy",
                "Lớp NTVĐ khóa 2/2025",
                date(2025, 6, 20),
                date(2025, 6, 28),
            ),
        ),
    )
    return replace(base, **changes)


def _ctx(**inputs: str) -> PrintContext:
    return PrintContext(
        on=date(2026, 3, 5),
        place="Hà Nội",
        cell_name=CELL,
        committee_name="Đảng ủy phường Dịch Vọng",
        superior_of_cell="Đảng bộ phường Dịch Vọng",
        cell_secretary="Nguyễn Thị Hoa",
        committee_secretary="Đỗ Quang Vinh",
        inputs=inputs,
    )


def _nfd(value: Any) -> Any:
    """The same data with every string decomposed (NFD), recursively."""
    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, tuple):
        return tuple(_nfd(v) for v in value)
    if isinstance(value, dict):
        return {k: _nfd(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _nfd(getattr(value, f.name)) for f in fields(value)})
    return value


def _print(module: Any, dossier: PersonDossier, ctx: PrintContext, **kw: Any) -> str:
    pdf = module.render(module.from_dossier(dossier, ctx, **kw), to_margins(ctx.margins))
    assert pdf.startswith(b"%PDF-")
    assert embedded_fonts_ok(pdf)
    text = pdf_text(pdf)
    assert "None" not in text
    assert text == unicodedata.normalize("NFC", text)
    return text


# --- 1-KNĐ -----------------------------------------------------------------------------------


def test_f1_application_draft() -> None:
    motive = "Tôi tự nguyện phấn đấu suốt đời vì mục tiêu độc lập dân tộc và chủ nghĩa xã hội."
    text = _print(f1_kn, _dossier(), _ctx(motive=motive))
    assert "Mẫu 1-KNĐ" in text
    assert "Bản nháp để người xin vào Đảng tự viết tay" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "ĐƠN XIN VÀO ĐẢNG" in text
    assert f"Chi ủy {CELL}" in text and "Đảng ủy phường Dịch Vọng" in text
    assert "Tôi là: Phạm Thu Trang" in text
    assert "Sinh ngày 14 tháng 07 năm 1999" in text
    assert "Quê quán: xã Hải Anh, huyện Hải Hậu, tỉnh Nam Định" in text
    assert "Dân tộc: Kinh" in text and "Tôn giáo: Không" in text
    assert "Trình độ học vấn: 12/12" in text
    assert motive in text
    assert "tuyệt đối trung thành với mục đích, lý tưởng cách mạng của Đảng" in text
    assert DATE_LINE in text
    assert "NGƯỜI LÀM ĐƠN" in text and "(Ký, ghi rõ họ tên)" in text


def test_f1_empty_motive_and_missing_values_print_dots() -> None:
    text = _print(f1_kn, _dossier(birth_date=None, religion="", hometown=""), _ctx())
    assert "Sinh ngày ….. tháng ….. năm ……." in text
    assert "Quê quán: ....." in text
    assert "Tôn giáo: ....." in text
    assert "." * 60 in text  # the motive's dotted lines


# --- 2-KNĐ -----------------------------------------------------------------------------------


def test_f2_personal_history_booklet() -> None:
    pdf = f2_kn.render(f2_kn.from_dossier(_dossier(), _ctx(record_number="0123")))
    assert embedded_fonts_ok(pdf)
    pages = pdf_pages(pdf)
    assert len(pages) >= 4
    cover = " ".join(pages[0].split())
    assert "LÝ LỊCH" in cover and "CỦA NGƯỜI XIN VÀO ĐẢNG" in cover
    assert "Họ và tên đang dùng: PHẠM THU TRANG" in cover
    assert "Số lý lịch: 0123" in cover
    assert "Quê quán: xã Hải Anh" in cover
    assert pages[1].split()[0] == "2"  # page numbers from page 2
    text = pdf_text(pdf)
    for expected in (
        "1) Họ và tên đang dùng: PHẠM THU TRANG",
        "2) Nam, nữ: Nữ",
        "3) Họ và tên khai sinh: Phạm Thị Thu Trang",
        "5) Sinh ngày 14 tháng 07 năm 1999",
        "Số CCCD: 001199012345",
        "6) Nơi sinh: xã Yên Thường, huyện Gia Lâm, thành phố Hà Nội",
        "8) Nơi thường trú: số 12 ngõ 45 Trần Quốc Hoàn",
        "9) Dân tộc: Kinh",
        "10) Tôn giáo: Không",
        "11) Nghề nghiệp hiện nay: Giáo viên Trường Tiểu học Dịch Vọng",
        "Giáo dục phổ thông: 12/12",
        "13) Ngày và nơi vào Đoàn TNCS Hồ Chí Minh: ngày 26 tháng 03 năm 2014",
        "Công đoàn: ngày 01 tháng 09 năm 2021",
        "LỊCH SỬ BẢN THÂN",
        "NHỮNG CÔNG TÁC VÀ CHỨC VỤ ĐÃ QUA",
        "ĐẶC ĐIỂM LỊCH SỬ",
        "NHỮNG LỚP ĐÀO TẠO, BỒI DƯỠNG ĐÃ QUA",
        "Lớp bồi dưỡng nhận thức về Đảng",
        "Giấy chứng nhận số 123/CN",
        "ĐI NƯỚC NGOÀI",
        "KHEN THƯỞNG",
        "KỶ LUẬT",
        "HOÀN CẢNH GIA ĐÌNH",
        "Phạm Văn Hùng",
        "1970",
        "Nguyễn Thị Lụa",
        "Chấp hành tốt chủ trương, chính sách của Đảng",
        "TỰ NHẬN XÉT",
        "Tôi cam đoan đã khai đầy đủ, rõ ràng",
        DATE_LINE,
        "NGƯỜI KHAI LÝ LỊCH",
        f"NHẬN XÉT CỦA CHI ỦY {CELL.upper()}",
        "Đảng ủy phường Dịch Vọng chứng nhận lý lịch của đồng chí Phạm Thu Trang khai tại "
        f"{CELL} là đúng sự thật",
        "T/M ĐẢNG ỦY",
        "Đỗ Quang Vinh",
    ):
        assert expected in text, expected
    assert "None" not in text


def test_f2_missing_values_print_dots() -> None:
    d = _dossier(birth_date=None, cccd=None, family=(), certificates=(), youth_union_member=False)
    text = pdf_text(f2_kn.render(f2_kn.from_dossier(d, _ctx())))
    assert "5) Sinh ngày ….. tháng ….. năm ……." in text
    assert "Số CCCD: ....." in text
    assert "4) Các bí danh: ....." in text
    assert "Số lý lịch: ....." in text
    assert "None" not in text


# --- 3-KNĐ -----------------------------------------------------------------------------------


def test_f3_one_letter_per_introducer() -> None:
    text = _print(f3_kn, _dossier(), _ctx(assessment="Có lập trường tư tưởng vững vàng."))
    assert "GIẤY GIỚI THIỆU NGƯỜI VÀO ĐẢNG" in text
    assert "Tôi là: Nguyễn Thị Hoa" in text
    assert "Vào Đảng ngày 19 tháng 05 năm 2008, chính thức ngày 19 tháng 05 năm 2009" in text
    assert "từ ngày 05 tháng 09 năm 2022 đến nay (42 tháng)" in text
    assert "Tôi giới thiệu quần chúng Phạm Thu Trang, sinh ngày 14 tháng 07 năm 1999" in text
    assert "Có lập trường tư tưởng vững vàng." in text
    assert DATE_LINE in text and "NGƯỜI GIỚI THIỆU" in text

    second = _print(f3_kn, _dossier(), _ctx(), introducer_index=1)
    assert "Tôi là: Lê Minh Tuấn" in second
    assert "Nguyễn Thị Hoa" not in second
    assert "từ ngày 05 tháng 01 năm 2023 đến nay (38 tháng)" in second


def test_f3_without_introducer_prints_dots() -> None:
    text = _print(f3_kn, _dossier(introducers=()), _ctx())
    assert "Tôi là: ....." in text
    assert "Vào Đảng ngày ….. tháng ….. năm ……." in text


def test_months_between() -> None:
    assert f3_kn.months_between(date(2022, 9, 5), date(2026, 3, 5)) == 42
    assert f3_kn.months_between(date(2022, 9, 6), date(2026, 3, 5)) == 41
    assert f3_kn.months_between(date(2026, 3, 6), date(2026, 3, 5)) == 0


# --- 4-KNĐ -----------------------------------------------------------------------------------


def test_f4_youth_union_resolution() -> None:
    text = _print(
        f4_kn,
        _dossier(),
        _ctx(
            mass_org_name="BCH Đoàn cơ sở Trường Tiểu học Dịch Vọng",
            mass_org_secretary="Vũ Thị Mai",
            strengths="Gương mẫu, nhiệt tình trong công tác Đội.",
        ),
    )
    assert "ĐOÀN TNCS HỒ CHÍ MINH" in text
    assert "BCH ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC DỊCH VỌNG" in text
    assert "Số 07-NQ/ĐTN" in text
    assert DATE_LINE in text
    assert "NGHỊ QUYẾT" in text and "Giới thiệu đoàn viên ưu tú vào Đảng" in text
    assert "Ngày 03 tháng 11 năm 2025, Ban Chấp hành Đoàn cơ sở Trường Tiểu học" in text
    assert "Tổng số ủy viên Ban Chấp hành: 9 đồng chí; có mặt: 8 đồng chí." in text
    assert "Gương mẫu, nhiệt tình trong công tác Đội." in text
    assert "8/9 đồng chí, đạt 88,9%" in text
    assert f"đề nghị {CELL} xem xét, kết nạp" in text
    assert "T/M BAN CHẤP HÀNH" in text and "BÍ THƯ" in text and "Vũ Thị Mai" in text


def test_f4_unnumbered_and_trade_union_variant() -> None:
    youth = _dossier(events=(DossierEvent(EventKind.MASS_ORG_RESOLUTION, date(2025, 11, 3)),))
    text = _print(f4_kn, youth, _ctx())
    assert "-NQ/ĐTN" in text and "07-NQ" not in text
    assert "BCH ĐOÀN CƠ SỞ ....." in text
    assert "Tổng số ủy viên Ban Chấp hành: ...... đồng chí" in text

    trade = _dossier(
        events=(
            DossierEvent(EventKind.MASS_ORG_RESOLUTION, date(2025, 11, 3), mass_org="trade_union"),
        )
    )
    text = _print(f4_kn, trade, _ctx(mass_org_name="BCH Công đoàn cơ sở Trường Tiểu học"))
    assert "ĐOÀN TNCS" not in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "/NQ-CĐCS" in text
    assert "Giới thiệu đoàn viên công đoàn ưu tú vào Đảng" in text
    assert "Điều lệ Công đoàn Việt Nam" in text
    assert "vào Công đoàn ngày 01 tháng 09 năm 2021" in text
    assert "TM. BAN CHẤP HÀNH" in text and "CHỦ TỊCH" in text
    assert DATE_LINE in text


# --- 5-KNĐ and 12-KNĐ ------------------------------------------------------------------------


def test_f5_compiled_opinions() -> None:
    text = _print(
        f5_kn,
        _dossier(),
        _ctx(
            work_org="Công đoàn Trường Tiểu học Dịch Vọng",
            work_consulted="25",
            work_agreed="24",
            work_opinion="Đồng chí Trang tích cực, được đồng nghiệp tín nhiệm.",
            residence_opinion="Gia đình chấp hành tốt quy định nơi cư trú.",
        ),
    )
    assert "Mẫu 5-KNĐ" in text
    assert "ĐẢNG BỘ PHƯỜNG DỊCH VỌNG" in text and CELL.upper() in text
    assert "TỔNG HỢP Ý KIẾN NHẬN XÉT" in text
    assert "nơi cư trú đối với người xin vào Đảng" in text
    assert DATE_LINE in text
    assert "quần chúng Phạm Thu Trang, sinh ngày 14 tháng 07 năm 1999" in text
    assert "Số người được hỏi ý kiến: 25; số người tán thành: 24." in text
    assert "Đồng chí Trang tích cực, được đồng nghiệp tín nhiệm." in text
    assert "Gia đình chấp hành tốt quy định nơi cư trú." in text
    assert "Số người được hỏi ý kiến: ......; số người tán thành: ......" in text
    assert "T/M CHI ỦY" in text and "Nguyễn Thị Hoa" in text
    assert "-NQ/" not in text  # unnumbered


def test_f12_compiled_opinions_on_probationary_member() -> None:
    text = _print(f12_kn, _dossier(), _ctx(conclusion="Đủ điều kiện."))
    assert "Mẫu 12-KNĐ" in text
    assert "đối với đảng viên dự bị" in text
    assert "đảng viên dự bị Phạm Thu Trang" in text
    assert "kết nạp vào Đảng ngày 10 tháng 01 năm 2026" in text
    assert "Đủ điều kiện." in text
    assert "công nhận đồng chí Phạm Thu Trang là đảng viên chính thức" in text
    assert "T/M CHI ỦY" in text and DATE_LINE in text


# --- 10-KNĐ and 11-KNĐ -----------------------------------------------------------------------


def test_f10_self_review() -> None:
    text = _print(f10_kn, _dossier(), _ctx(political="Luôn tin tưởng vào đường lối của Đảng."))
    assert "Mẫu 10-KNĐ" in text
    assert "BẢN TỰ KIỂM ĐIỂM" in text
    assert "Họ và tên: Phạm Thu Trang" in text
    assert "Vào Đảng (kết nạp) ngày 10 tháng 01 năm 2026" in text
    assert "Theo Quyết định số 215-QĐ/ĐU ngày 20 tháng 12 năm 2025" in text
    assert "Luôn tin tưởng vào đường lối của Đảng." in text
    assert "Khuyết điểm, hạn chế và nguyên nhân" in text
    assert "Phương hướng phấn đấu, khắc phục" in text
    assert "NGƯỜI TỰ KIỂM ĐIỂM" in text and DATE_LINE in text


def test_f11_helper_review_prints_the_helpers_notes() -> None:
    text = _print(f11_kn, _dossier(), _ctx())
    assert "BẢN NHẬN XÉT ĐẢNG VIÊN DỰ BỊ" in text
    assert "Tôi là: Trần Văn Bình" in text  # the current helper, not the earlier one
    assert "Đặng Quốc Khánh" not in text
    assert "thời gian giúp đỡ từ ngày 10 tháng 01 năm 2026 đến nay" in text
    assert "kết nạp vào Đảng ngày 10 tháng 01 năm 2026" in text
    first = "Ngày 15/03/2026: Tích cực tham gia sinh hoạt chi bộ, hoàn thành tốt nhiệm vụ."
    second = "Ngày 02/09/2026: Được học sinh và phụ huynh tin yêu"
    assert first in text and second in text
    assert text.index(first) < text.index(second)  # in date order
    assert "(công nhận / không công nhận)" in text
    assert "NGƯỜI GIÚP ĐỠ" in text and DATE_LINE in text


def test_f11_typed_assessment_replaces_the_notes() -> None:
    text = _print(
        f11_kn,
        _dossier(),
        _ctx(assessment="Hoàn thành xuất sắc nhiệm vụ.", proposal="Đề nghị công nhận."),
    )
    assert "Hoàn thành xuất sắc nhiệm vụ." in text
    assert "Tích cực tham gia sinh hoạt chi bộ" not in text
    assert "Đề nghị công nhận." in text
    empty = _print(f11_kn, _dossier(helper_notes=(), helpers=()), _ctx())
    assert "Tôi là: ....." in empty and "." * 60 in empty


# --- all forms -------------------------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.FORM_CODE)
def test_nfd_input_prints_exactly_as_nfc_input(module: Any) -> None:
    inputs = {"motive": "Tôi tự nguyện", "assessment": "Tốt", "work_opinion": "Đồng ý"}
    nfc_ctx, nfd_ctx = _ctx(**inputs), _nfd(_ctx(**inputs))
    nfd_dossier = _nfd(_dossier())
    assert nfd_dossier.full_name != _dossier().full_name  # the input really is decomposed
    nfc_pdf = module.render(module.from_dossier(_dossier(), nfc_ctx), invariant=True)
    nfd_pdf = module.render(module.from_dossier(nfd_dossier, nfd_ctx), invariant=True)
    assert pdf_text(nfd_pdf) == pdf_text(nfc_pdf)
    assert nfd_pdf == nfc_pdf


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.FORM_CODE)
def test_inputs_are_declared_and_margins_apply(module: Any) -> None:
    keys = [i.key for i in module.INPUTS]
    assert len(keys) == len(set(keys))
    data = module.from_dossier(_dossier(), _ctx())
    wide = module.render(data, to_margins(MarginsMM(25, 25, 35, 15)), invariant=True)
    default = module.render(data, to_margins(MarginsMM()), invariant=True)
    assert wide != default
    doc = pypdfium2.PdfDocument(default)
    try:
        width, height = doc[0].get_size()
    finally:
        doc.close()
    assert (round(width), round(height)) == (595, 842)  # A4
