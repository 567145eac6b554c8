"""The people workbook: the template as a cell sees it, and reading xlsx/CSV back."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from dvdesk.reports import people_workbook as wb
from dvdesk.reports.people_workbook import WorkbookError, read_workbook, write_template

# The headers exactly as issue 2 gives them.
PEOPLE_HEADERS = [
    "Mã",
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số CCCD",
    "Dân tộc",
    "Tôn giáo",
    "Trình độ giáo dục phổ thông",
    "Đoàn viên",
    "Ngày vào Đoàn",
    "Chi bộ",
    "Nghề nghiệp",
    "Ngày vào danh sách cảm tình Đảng",
    "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng",
    "Số giấy chứng nhận",
    "Người giới thiệu 1",
    "Người giới thiệu 2",
    "Đoàn giới thiệu",
    "Ngày chi bộ họp xét kết nạp",
    "Số đảng viên chính thức của chi bộ",
    "Số đảng viên tán thành kết nạp",
    "Ngày ra quyết định kết nạp",
    "Ngày nhận quyết định kết nạp",
    "Ngày lễ kết nạp",
    "Ngày chi bộ họp xét công nhận chính thức",
    "Ngày quyết định công nhận chính thức",
]
MEMBER_HEADERS = [
    "Mã",
    "Họ và tên",
    "Ngày sinh",
    "Số CCCD",
    "Chi bộ",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Số thẻ đảng viên",
    "Ngày về sinh hoạt tại chi bộ",
]


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    return path


def test_template_sheets_and_headers(template: Path) -> None:
    book = openpyxl.load_workbook(template)
    assert book.sheetnames == ["Người vào Đảng", "Đảng viên", "Hướng dẫn"]
    for name, headers in (("Người vào Đảng", PEOPLE_HEADERS), ("Đảng viên", MEMBER_HEADERS)):
        sheet = book[name]
        assert [c.value for c in sheet[1]] == headers
        assert all(c.font.bold for c in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.max_row == 1  # no empty formatted rows for ws.append to skip past
        for index, header in enumerate(headers, start=1):
            dimension = sheet.column_dimensions[openpyxl.utils.get_column_letter(index)]
            assert dimension.width and dimension.width >= 10
            if header.startswith("Ngày"):
                assert dimension.number_format == "dd/mm/yyyy", header
        assert all(unicodedata.is_normalized("NFC", h) for h in headers)


def test_template_drop_down_lists(template: Path) -> None:
    sheet = openpyxl.load_workbook(template)["Người vào Đảng"]
    lists = {dv.formula1: str(dv.sqref) for dv in sheet.data_validations.dataValidation}
    assert lists['"Có,Không"'] == "I2:I1048576 R2:R1048576"  # Đoàn viên, Đoàn giới thiệu
    assert lists['"Nam,Nữ"'] == "C2:C1048576"  # Giới tính
    styles = {dv.formula1: dv.errorStyle for dv in sheet.data_validations.dataValidation}
    assert styles == {'"Có,Không"': "warning", '"Nam,Nữ"': "stop"}  # x, yes, 1 still accepted
    cccd = sheet.column_dimensions["E"]
    assert cccd.number_format == "@"  # text, so leading zeros survive


def test_guide_explains_every_column(template: Path) -> None:
    guide = openpyxl.load_workbook(template)["Hướng dẫn"]
    rows = {(r[0], r[1]): r[2] for r in guide.iter_rows(values_only=True) if r[0] and r[1]}
    for header in PEOPLE_HEADERS:
        assert rows[("Người vào Đảng", header)], header
    for header in MEMBER_HEADERS:
        assert rows[("Đảng viên", header)], header


def _fill(path: Path, people: Sequence[list[object]], members: Sequence[list[object]] = ()) -> None:
    book = openpyxl.load_workbook(path)
    for row in people:
        book["Người vào Đảng"].append(row)
    for row in members:
        book["Đảng viên"].append(row)
    book.save(path)


def test_read_rows_with_row_numbers(template: Path) -> None:
    _fill(
        template,
        [
            ["P1", "Nguyễn Văn An", None, datetime(2000, 3, 4, 0, 0)],
            [],
            ["P2", "Lê Thị Bình", "Nữ", "05/06/2001"],
        ],
        [["DV1", "Trần Văn Cường", date(1980, 1, 1)]],
    )
    book = read_workbook(template)
    people = book.rows["Người vào Đảng"]
    assert [(r.row, r.values.get("Mã")) for r in people] == [(2, "P1"), (4, "P2")]
    assert people[0].values == {
        "Mã": "P1",
        "Họ và tên": "Nguyễn Văn An",
        "Ngày sinh": date(2000, 3, 4),
    }
    assert people[1].values["Ngày sinh"] == "05/06/2001"
    assert book.rows["Đảng viên"][0].values["Ngày sinh"] == date(1980, 1, 1)
    assert book.issues == []


def test_headers_matched_loosely_and_extra_columns_warned(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = unicodedata.normalize("NFD", "người vào đảng")
    sheet.append([unicodedata.normalize("NFD", "  HỌ VÀ  TÊN "), "mã", "Ghi chú"])
    sheet.append(["Nguyễn Văn An", "P1", "xyz"])
    book.save(path)
    result = read_workbook(path)
    assert result.rows["Người vào Đảng"][0].values == {"Họ và tên": "Nguyễn Văn An", "Mã": "P1"}
    assert [(i.code, i.column, i.error, i.row) for i in result.issues] == [
        ("COLUMN_UNKNOWN", "Ghi chú", False, 1)
    ]
    assert "Ghi chú" in result.issues[0].message("vi")


def test_missing_and_duplicate_headers(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Người vào Đảng"
    sheet.append(["Giới tính", "Giới tính"])
    book.save(path)
    issues = {(i.code, i.column, i.error) for i in read_workbook(path).issues}
    assert issues == {
        ("HEADER_DUPLICATE", "Giới tính", True),
        ("HEADER_MISSING", "Họ và tên", True),
        ("HEADER_KEY_MISSING", "Mã", True),
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_csv_people(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = tmp_path / "nguoi.csv"
    text = delimiter.join(["Mã", "Họ và tên", "Ngày sinh"]) + "\n"
    text += delimiter.join(["P1", '"Nguyễn Văn An"', "04/03/2000"]) + "\n\n"
    text += delimiter.join(["P2", "Lê Thị Bình", ""]) + "\n"
    path.write_text(text, encoding=encoding)
    book = read_workbook(path)
    assert list(book.rows) == ["Người vào Đảng"]
    rows = book.rows["Người vào Đảng"]
    assert [(r.row, r.values) for r in rows] == [
        (2, {"Mã": "P1", "Họ và tên": "Nguyễn Văn An", "Ngày sinh": "04/03/2000"}),
        (4, {"Mã": "P2", "Họ và tên": "Lê Thị Bình"}),
    ]


def test_csv_of_members_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "dang_vien.csv"
    path.write_text("Mã,Họ và tên,Ngày vào Đảng,Ngày chính thức\nDV1,Trần Văn Cường,,\n", "utf-8")
    assert list(read_workbook(path).rows) == ["Đảng viên"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.xlsx", b"this is not a zip", "NOT_A_WORKBOOK"),
        ("a.xls", b"\xd0\xcf\x11\xe0", "NOT_A_WORKBOOK"),
        ("a.csv", "Mã,Họ và tên\n".encode("utf-16"), "CSV_NOT_UTF8"),
        ("a.csv", b"", "HEADER_ROW_MISSING"),
    ],
)
def test_unusable_files(tmp_path: Path, name: str, content: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert info.value.code == code
    assert str(path) in info.value.message("vi") and str(path) in info.value.message("en")


def test_missing_file_and_missing_sheet(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as info:
        read_workbook(tmp_path / "khong_co.xlsx")
    assert info.value.code == "FILE_NOT_FOUND" and "khong_co.xlsx" in info.value.message()
    path = tmp_path / "b.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    book.save(path)
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    assert info.value.code == "SHEET_MISSING"
    assert "Người vào Đảng" in info.value.message() and "Sheet1" in info.value.message()


def test_constants_match_the_issue() -> None:
    assert [c.header for c in wb.PEOPLE_COLUMNS] == PEOPLE_HEADERS
    assert [c.header for c in wb.MEMBERS_COLUMNS] == MEMBER_HEADERS
