"""The plan (KH) and the reports (BC) as printed documents, and the report workbook: read back
and checked for the Vietnamese text, the numbers, the number line and the fonts."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dvdesk.db.engine import Database
from dvdesk.db.models import YearPlan
from dvdesk.domain.statistics import (
    ClassRecord,
    Period,
    PersonRecord,
    ProcedureItem,
    ProcedureSummary,
    Targets,
    compute,
)
from dvdesk.reports import plan_document, report_document, report_workbook
from dvdesk.services import reports
from dvdesk.services.demo import make_demo
from dvdesk.services.plans import UnitTarget, founding_plan_input, save_plan
from dvdesk.services.setup import install_info, open_data_dir
from pdf_text import embedded_fonts_ok, pdf_text

TODAY = date(2026, 11, 27)

HEADER = report_document.Header(
    issuing_body="Đảng ủy các cơ quan Đảng tỉnh",
    superior_body="Tỉnh ủy Nghệ An",
    number="Số 05-KH/ĐU",
    place="Nghệ An",
    issued_on=date(2026, 1, 15),
    signer_name="Nguyễn Văn An",
    signer_authority="T/M BAN THƯỜNG VỤ",
    level="office",
)


def _plan(**kw: object) -> plan_document.PlanPrint:
    values: dict[str, object] = dict(
        year=2026,
        admit_target=200,
        youth_union_share=70,
        youth_union_admit=140,
        awareness_trainees_target=260,
        new_member_trainees_target=200,
        awareness_classes=(3, 4),
        new_member_classes=(2, 3),
        review_cadence="hằng tháng",
        base_plans_due=date(2026, 3, 5),
        half_year_report_due=date(2026, 6, 15),
        year_report_due=date(2026, 12, 15),
        purpose="Nâng cao chất lượng công tác phát triển đảng viên.",
        measures="- Tạo nguồn từ đoàn viên ưu tú.",
        organisation="Ban Tổ chức Đảng ủy theo dõi, đôn đốc.",
        unit_targets=(("Chi bộ Sở Tài chính", 120, 150), ("Chi bộ Sở Y tế", 80, 110)),
    )
    values.update(kw)
    return plan_document.PlanPrint(**values)  # type: ignore[arg-type]


def test_plan_document_reads_as_the_founding_plan() -> None:
    pdf = plan_document.render(_plan(), HEADER)
    text = pdf_text(pdf)
    assert unicodedata.is_normalized("NFC", text)
    for expected in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH",
        "Số 05-KH/ĐU",
        "Nghệ An, ngày 15 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Phát triển đảng viên năm 2026",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CHỈ TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
        "kết nạp 200 đảng viên mới",
        "70%",
        "ít nhất 140 đồng chí",
        "từ 3 đến 4 lớp bồi dưỡng nhận thức về Đảng",
        "từ 2 đến 3 lớp bồi dưỡng lý luận chính trị",
        "Cử 260 quần chúng ưu tú",
        "trước ngày 05/3/2026",
        "15/6/2026",
        "15/12/2026",
        "Định kỳ hằng tháng",
        "Chi bộ Sở Tài chính",
        "T/M BAN THƯỜNG VỤ",
        "Nguyễn Văn An",
        "Nơi nhận:",
    ):
        assert expected in text, expected
    assert embedded_fonts_ok(pdf)


def test_a_cell_plan_without_unit_targets_or_trainees() -> None:
    cell = replace(
        HEADER, issuing_body="Chi bộ Sở Y tế", signer_authority="T/M CHI BỘ", level="cell"
    )
    text = pdf_text(
        plan_document.render(
            _plan(
                unit_targets=(), awareness_trainees_target=0, admit_target=5, youth_union_admit=4
            ),
            cell,
        )
    )
    assert "T/M CHI BỘ" in text and "Chỉ tiêu giao cho các đơn vị" not in text
    assert "quần chúng ưu tú tham dự" not in text
    assert "chi bộ kiểm điểm tiến độ" in text


def _figures() -> reports.ReportFigures:  # type: ignore[name-defined]
    c = date(2026, 3, 10)
    records = [
        PersonRecord(
            id=str(i),
            unit_id="u1" if i % 2 else "u2",
            sex="nu" if i % 3 == 0 else "nam",
            birth_date=date(1998, 1, 1) if i % 4 else date(1980, 1, 1),
            ethnicity="Thái" if i == 7 else "Kinh",
            religion="Phật giáo" if i == 8 else "Không",
            education_grade=12,
            education="12/12",
            occupation="Giáo viên" if i % 2 else "Chuyên viên",
            youth_union_member=i % 4 != 0,
            ceremony_on=c,
            recognised_on=c if i < 3 else None,
        )
        for i in range(1, 11)
    ]
    classes = [ClassRecord("c", "awareness", "Lớp 1", date(2026, 3, 1), date(2026, 3, 5), 40, 39)]
    return compute(
        records,
        classes,
        Period.whole_year(2026),
        Targets(admit=20, youth_union_share=70, per_unit={"u1": 12, "u2": 8}),
        ["u1", "u2"],
    )


def _report_print() -> report_document.ReportPrint:
    return report_document.ReportPrint(
        kind="year",
        year=2026,
        figures=_figures(),
        unit_names={"u1": "Chi bộ Sở Tài chính", "u2": "Chi bộ Sở Y tế"},
        procedure=ProcedureSummary(2, 1, 3, (("Lễ kết nạp", 1),)),
        youth_union_share_target=70,
        has_plan=True,
    )


def test_year_report_document() -> None:
    header = replace(HEADER, number="Số 12-BC/ĐU", issued_on=date(2026, 12, 15))
    pdf = report_document.render(_report_print(), header)
    text = pdf_text(pdf)
    for expected in (
        "BÁO CÁO",
        "Tổng kết công tác phát triển đảng viên năm 2026",
        "Số 12-BC/ĐU",
        "đã kết nạp 10 đảng viên, đạt 50% chỉ tiêu (20 đảng viên)",
        "chiếm 80%",  # 8 of 10 Youth Union members
        "Cơ cấu đảng viên mới kết nạp",
        "Từ 18 đến 30 tuổi",
        "Dân tộc thiểu số",
        "Trung học phổ thông",
        "Giáo viên",
        "Công nhận đảng viên chính thức: 2 đồng chí",
        "Lớp bồi dưỡng nhận thức về Đảng",
        "Chi bộ Sở Tài chính",
        "II. KIỂM TRA VIỆC THỰC HIỆN QUY TRÌNH",
        "lễ kết nạp: 1",
        "T/M BAN THƯỜNG VỤ",
    ):
        assert expected in text, expected
    assert embedded_fonts_ok(pdf)


def test_half_year_report_document_says_share_of_the_year_target() -> None:
    r = replace(_report_print(), kind="half_year", figures=_figures())
    text = pdf_text(report_document.render(r, HEADER))
    assert "Sơ kết 6 tháng đầu năm 2026 công tác phát triển đảng viên" in text
    assert "đạt 50% chỉ tiêu năm" in text
    assert "6 tháng cuối năm" in text


def test_procedure_document_lists_the_items() -> None:
    item = ProcedureItem(
        unit_id="u1",
        unit_name="Chi bộ Sở Tài chính",
        person_id="p",
        person_code="CB001-00007",
        person_name="Trần Thị Bình",
        source="deadline",
        code="CEREMONY_OVERDUE",
        severity="error",
        message="Quá thời hạn tổ chức lễ kết nạp.",
        due=date(2026, 5, 4),
        days_late=30,
        basis="Điều lệ Đảng, Điều 4",
    )
    pdf = report_document.render_procedure(
        report_document.ProcedurePrint(
            date(2026, 1, 1),
            date(2026, 6, 30),
            date(2026, 6, 3),
            (item,),
            ProcedureSummary(0, 0, 0, (("Lễ kết nạp", 1),)),
        ),
        HEADER,
    )
    text = pdf_text(pdf)
    for expected in (
        "Trần Thị Bình",
        "CB001-00007",
        "Quá thời hạn tổ chức lễ kết nạp",
        "04/5/2026",
        "30",
        "Lỗi",
    ):
        assert expected in text, expected


def test_workbook_holds_the_numbers(tmp_path: Path) -> None:
    path = report_workbook.write(tmp_path / "bc.xlsx", _report_print(), (), "Tổng kết 2026")
    book = load_workbook(path)
    assert book.sheetnames[0] == report_workbook.SUMMARY_SHEET
    for name in ("Đoàn viên", "Độ tuổi", "Nghề nghiệp", "Theo đơn vị", "Kiểm tra quy trình"):
        assert name in book.sheetnames
    summary = book[report_workbook.SUMMARY_SHEET]
    assert summary["A3"].value == "Kết nạp đảng viên"
    assert (summary["B3"].value, summary["C3"].value, summary["D3"].value) == (10, 20, 0.5)
    assert summary["A1"].font.bold and summary.freeze_panes == "A2"
    assert summary.column_dimensions["A"].width >= 30
    units = book["Theo đơn vị"]
    rows = list(units.iter_rows(min_row=2, values_only=True))
    assert rows[0][1:4] == ("Chi bộ Sở Tài chính", 12, 5)
    assert rows[-1][1] == "Cộng" and rows[-1][3] == 10
    ages = dict((r[0], r[1]) for r in book["Độ tuổi"].iter_rows(min_row=2, values_only=True))
    assert ages["Từ 18 đến 30 tuổi"] == 8 and ages["Cộng"] == 10
    months = list(book["Theo tháng"].iter_rows(min_row=2, values_only=True))
    assert months[2] == (3, 10, 10)


# --- through the services, on demo data ------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_data_dir(tmp_path_factory.mktemp("docs"))
    make_demo(db, units=3, people=300, seed=5, today=TODAY, actor="test")
    yield db
    db.close()


def test_founding_plan_prints_with_a_register_number(demo: Database) -> None:
    info = install_info(demo)
    assert info is not None
    with demo.reader() as s:
        from dvdesk.db import queries

        cells = [u.id for u in queries.all_units(s) if u.parent_id == info.unit_id]
    plan = save_plan(
        demo,
        replace(
            founding_plan_input(info.unit_id, 2026),
            targets=tuple(UnitTarget(c, 60) for c in cells),
        ),
    )
    first = pdf_text(
        reports.print_plan(demo, info.unit_id, 2026, date(2026, 1, 10), register_number=True)
    )
    assert "Số 01-KH/ĐU" in first and "KẾ HOẠCH" in first
    assert "kết nạp 200 đảng viên mới" in first and "70%" in first and "05/3/2026" in first
    second = pdf_text(
        reports.print_plan(demo, info.unit_id, 2026, date(2026, 1, 11), register_number=True)
    )
    assert "Số 02-KH/ĐU" in second
    draft = pdf_text(reports.print_plan(demo, info.unit_id, 2026, date(2026, 1, 12)))
    assert "-KH/ĐU" in draft and "03-KH" not in draft
    with demo.reader() as s:
        row = s.get(YearPlan, plan.id)
        assert row is not None and row.document_id is not None


def test_year_report_prints_and_exports_from_demo_data(demo: Database, tmp_path: Path) -> None:
    view = reports.year_report(demo, 2026)
    pdf = reports.print_report(demo, "year", 2026, date(2026, 12, 15), register_number=True)
    text = pdf_text(pdf)
    assert "Số 01-BC/ĐU" in text
    assert f"đã kết nạp {view.figures.admitted} đảng viên" in text
    path = reports.export_report(demo, "year", 2026, tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert book[report_workbook.SUMMARY_SHEET]["B3"].value == view.figures.admitted
    check = list(book[report_workbook.PROCEDURE_SHEET].iter_rows(min_row=2, values_only=True))
    assert len(check) == len(
        reports.procedure_check(demo, date(2026, 1, 1), date(2026, 12, 31)).items
    )
    pc = reports.print_procedure_check(
        demo, date(2026, 1, 1), date(2026, 12, 31), date(2026, 12, 20)
    )
    assert "Kết quả kiểm tra việc thực hiện quy trình kết nạp đảng viên" in pdf_text(pc)
    out = reports.export_procedure_check(
        demo, date(2026, 1, 1), date(2026, 12, 31), tmp_path / "pc.xlsx"
    )
    assert load_workbook(out).sheetnames == [report_workbook.PROCEDURE_SHEET]
