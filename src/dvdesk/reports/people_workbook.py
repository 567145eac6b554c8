"""The people workbook: the template a cell fills in, and reading it (or a CSV) back.

Two sheets: "Người vào Đảng" (people in the admission pipeline) and "Đảng viên" (the unit's
members, who introduce and help). A third sheet, "Hướng dẫn", explains every column. Reading
gives raw rows (cell values as typed, keyed by column header) with their spreadsheet row
numbers; turning them into records and checking them is the import service's job.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dvdesk.domain.text import clean
from dvdesk.domain.validation import render
from dvdesk.files import atomic_path

PEOPLE_SHEET = "Người vào Đảng"
MEMBERS_SHEET = "Đảng viên"
GUIDE_SHEET = "Hướng dẫn"
DATE_FORMAT = "dd/mm/yyyy"
YES, NO = "Có", "Không"


class Kind(StrEnum):
    """How a column's cells are written and read."""

    TEXT = "text"
    DATE = "date"
    YES_NO = "yes_no"
    SEX = "sex"
    CCCD = "cccd"
    COUNT = "count"
    EDUCATION = "education"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind
    help: str  # Vietnamese, for the "Hướng dẫn" sheet
    example: str = ""
    width: int = 16


# Column headers, exactly as the issue gives them (the import refers to columns by these).
CODE = "Mã"
FULL_NAME = "Họ và tên"
SEX = "Giới tính"
BIRTH_DATE = "Ngày sinh"
CCCD = "Số CCCD"
ETHNICITY = "Dân tộc"
RELIGION = "Tôn giáo"
EDUCATION = "Trình độ giáo dục phổ thông"
YOUTH_UNION = "Đoàn viên"
YOUTH_UNION_DATE = "Ngày vào Đoàn"
UNIT = "Chi bộ"
OCCUPATION = "Nghề nghiệp"
SYMPATHISER_DATE = "Ngày vào danh sách cảm tình Đảng"
CERTIFICATE_DATE = "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng"
CERTIFICATE_NUMBER = "Số giấy chứng nhận"
INTRODUCER_1 = "Người giới thiệu 1"
INTRODUCER_2 = "Người giới thiệu 2"
YOUTH_UNION_INTRODUCES = "Đoàn giới thiệu"
VOTE_DATE = "Ngày chi bộ họp xét kết nạp"
OFFICIAL_MEMBERS = "Số đảng viên chính thức của chi bộ"
VOTES_FOR = "Số đảng viên tán thành kết nạp"
DECISION_DATE = "Ngày ra quyết định kết nạp"
DECISION_RECEIVED_DATE = "Ngày nhận quyết định kết nạp"
CEREMONY_DATE = "Ngày lễ kết nạp"
RECOGNITION_VOTE_DATE = "Ngày chi bộ họp xét công nhận chính thức"
RECOGNITION_DECISION_DATE = "Ngày quyết định công nhận chính thức"
PARTY_JOINED = "Ngày vào Đảng"
PARTY_OFFICIAL = "Ngày chính thức"
CARD_NUMBER = "Số thẻ đảng viên"
JOINED_CELL = "Ngày về sinh hoạt tại chi bộ"

_KEY_HELP = "Dùng để nhận ra người khi nhập lại tệp. Mỗi dòng cần Mã hoặc Số CCCD."
_DATE_HELP = "Ô kiểu ngày, hoặc gõ dd/mm/yyyy."

PEOPLE_COLUMNS: tuple[Column, ...] = (
    Column(CODE, Kind.TEXT, "Mã riêng của người trong đơn vị. " + _KEY_HELP, "VP-001", 12),
    Column(
        FULL_NAME,
        Kind.TEXT,
        "Bắt buộc. Họ, chữ đệm và tên, có dấu, như trên CCCD.",
        "Nguyễn Thị Ánh",
        26,
    ),
    Column(SEX, Kind.SEX, "Nam hoặc Nữ.", "Nữ", 10),
    Column(BIRTH_DATE, Kind.DATE, _DATE_HELP, "04/03/2000", 13),
    Column(
        CCCD,
        Kind.CCCD,
        "Đúng 12 chữ số. Để ô ở dạng Văn bản (Text) để giữ số 0 ở đầu. " + _KEY_HELP,
        "001300012345",
        15,
    ),
    Column(ETHNICITY, Kind.TEXT, "Ví dụ: Kinh, Tày, Mường.", "Kinh", 10),
    Column(RELIGION, Kind.TEXT, "Ghi Không nếu không theo tôn giáo nào.", "Không", 10),
    Column(
        EDUCATION,
        Kind.EDUCATION,
        "Lớp đã học xong trên số lớp của hệ: 12/12, 9/12; "
        "hệ 10 năm cũ: 7/10, 10/10. Để ô ở dạng Văn bản để Excel không đổi thành ngày.",
        "12/12",
        14,
    ),
    Column(
        YOUTH_UNION,
        Kind.YES_NO,
        "Có nếu đang là đoàn viên Đoàn TNCS Hồ Chí Minh, Không nếu không.",
        YES,
        10,
    ),
    Column(YOUTH_UNION_DATE, Kind.DATE, "Ngày vào Đoàn. " + _DATE_HELP, "26/03/2015", 13),
    Column(
        UNIT,
        Kind.TEXT,
        "Mã hoặc tên chi bộ. Chi bộ chưa có trong chương trình sẽ được "
        "tạo mới (kèm cảnh báo). Để trống: đơn vị của máy này.",
        "Chi bộ Văn phòng",
        20,
    ),
    Column(OCCUPATION, Kind.TEXT, "Nghề nghiệp hiện nay.", "Chuyên viên", 16),
    Column(
        SYMPATHISER_DATE,
        Kind.DATE,
        "Ngày được đưa vào danh sách cảm tình Đảng. " + _DATE_HELP,
        "10/01/2023",
        16,
    ),
    Column(
        CERTIFICATE_DATE,
        Kind.DATE,
        "Ngày cấp giấy chứng nhận học lớp bồi dưỡng nhận thức "
        "về Đảng (có giá trị 60 tháng). " + _DATE_HELP,
        "15/06/2023",
        18,
    ),
    Column(
        CERTIFICATE_NUMBER,
        Kind.TEXT,
        "Số của giấy chứng nhận; chỉ ghi khi có ngày cấp.",
        "123/GCN",
        14,
    ),
    Column(
        INTRODUCER_1,
        Kind.TEXT,
        "Đảng viên chính thức giới thiệu: ghi Mã, Số CCCD hoặc "
        "họ và tên của một người ở trang «Đảng viên» hoặc đã có trong chương trình.",
        "DV-001",
        18,
    ),
    Column(
        INTRODUCER_2,
        Kind.TEXT,
        "Người giới thiệu thứ hai (để trống nếu Đoàn giới thiệu).",
        "Trần Văn Bình",
        18,
    ),
    Column(
        YOUTH_UNION_INTRODUCES,
        Kind.YES_NO,
        "Có nếu Ban Chấp hành Đoàn cơ sở giới thiệu "
        "đoàn viên (thay một đảng viên giới thiệu). Được ghi nhận với ngày chi bộ họp xét "
        "kết nạp.",
        NO,
        12,
    ),
    Column(
        VOTE_DATE,
        Kind.DATE,
        "Ngày chi bộ họp xét, đề nghị kết nạp. " + _DATE_HELP,
        "12/03/2024",
        16,
    ),
    Column(
        OFFICIAL_MEMBERS,
        Kind.COUNT,
        "Tổng số đảng viên chính thức của chi bộ lúc họp (số nguyên).",
        "15",
        14,
    ),
    Column(
        VOTES_FOR,
        Kind.COUNT,
        "Số đảng viên chính thức tán thành kết nạp; không lớn hơn số đảng viên chính thức.",
        "14",
        14,
    ),
    Column(DECISION_DATE, Kind.DATE, "Ngày ký quyết định kết nạp. " + _DATE_HELP, "20/05/2024", 16),
    Column(
        DECISION_RECEIVED_DATE,
        Kind.DATE,
        "Ngày chi bộ nhận quyết định kết nạp. " + _DATE_HELP,
        "27/05/2024",
        16,
    ),
    Column(
        CEREMONY_DATE,
        Kind.DATE,
        "Ngày tổ chức lễ kết nạp (bắt đầu 12 tháng dự bị). " + _DATE_HELP,
        "19/06/2024",
        13,
    ),
    Column(
        RECOGNITION_VOTE_DATE,
        Kind.DATE,
        "Ngày chi bộ họp xét, đề nghị công nhận đảng viên chính thức. " + _DATE_HELP,
        "",
        18,
    ),
    Column(
        RECOGNITION_DECISION_DATE,
        Kind.DATE,
        "Ngày ký quyết định công nhận đảng viên chính thức. " + _DATE_HELP,
        "",
        18,
    ),
)

MEMBERS_COLUMNS: tuple[Column, ...] = (
    Column(
        CODE,
        Kind.TEXT,
        "Mã riêng của đảng viên; có thể dùng để ghi «Người giới thiệu». " + _KEY_HELP,
        "DV-001",
        12,
    ),
    Column(FULL_NAME, Kind.TEXT, "Bắt buộc. Họ, chữ đệm và tên, có dấu.", "Trần Văn Bình", 26),
    Column(BIRTH_DATE, Kind.DATE, _DATE_HELP, "02/09/1980", 13),
    Column(CCCD, Kind.CCCD, "Đúng 12 chữ số, ô dạng Văn bản. " + _KEY_HELP, "001080001234", 15),
    Column(
        UNIT,
        Kind.TEXT,
        "Mã hoặc tên chi bộ đang sinh hoạt; để trống: đơn vị của máy này.",
        "Chi bộ Văn phòng",
        20,
    ),
    Column(
        PARTY_JOINED,
        Kind.DATE,
        "Ngày vào Đảng (ngày quyết định kết nạp). " + _DATE_HELP,
        "03/02/2010",
        13,
    ),
    Column(
        PARTY_OFFICIAL,
        Kind.DATE,
        "Ngày được công nhận đảng viên chính thức. Để trống: "
        "đảng viên dự bị (không được giới thiệu người vào Đảng).",
        "03/02/2011",
        13,
    ),
    Column(CARD_NUMBER, Kind.TEXT, "Số thẻ đảng viên (ô dạng Văn bản).", "12345678", 14),
    Column(
        JOINED_CELL,
        Kind.DATE,
        "Ngày chuyển về sinh hoạt tại chi bộ này. " + _DATE_HELP,
        "01/07/2015",
        16,
    ),
)

SHEETS: dict[str, tuple[Column, ...]] = {
    PEOPLE_SHEET: PEOPLE_COLUMNS,
    MEMBERS_SHEET: MEMBERS_COLUMNS,
}
REQUIRED = (FULL_NAME,)  # plus one of KEY_COLUMNS
KEY_COLUMNS = (CODE, CCCD)
_TEXT_KINDS = (Kind.TEXT, Kind.CCCD, Kind.EDUCATION)

# --- messages -------------------------------------------------------------------------------

MESSAGES: dict[str, tuple[str, str]] = {
    "FILE_NOT_FOUND": ("Không tìm thấy tệp {file}.", "File not found: {file}."),
    "FILE_UNREADABLE": (
        "Không đọc được tệp {file}: {reason}.",
        "Cannot read the file {file}: {reason}.",
    ),
    "NOT_A_WORKBOOK": (
        "Tệp {file} không phải bảng tính .xlsx hay tệp .csv (tệp .xls cũ: mở bằng Excel rồi "
        "lưu lại dạng .xlsx).",
        "{file} is not an .xlsx workbook or a .csv file (an old .xls: open it in Excel and "
        "save it as .xlsx).",
    ),
    "CSV_NOT_UTF8": (
        "Tệp {file} không phải văn bản UTF-8: trong Excel chọn lưu dạng «CSV UTF-8».",
        "{file} is not UTF-8 text: in Excel, save it as \u201cCSV UTF-8\u201d.",
    ),
    "SHEET_MISSING": (
        "Tệp {file} không có trang «{sheet}» (các trang có trong tệp: {found}).",
        "{file} has no sheet named \u201c{sheet}\u201d (its sheets: {found}).",
    ),
    "HEADER_ROW_MISSING": (
        "Trang «{sheet}» của tệp {file} không có dòng tiêu đề cột.",
        "The sheet \u201c{sheet}\u201d of {file} has no row of column headers.",
    ),
    "HEADER_MISSING": (
        "Thiếu cột «{column}».",
        "The column \u201c{column}\u201d is missing.",
    ),
    "HEADER_KEY_MISSING": (
        "Cần có cột «Mã» hoặc cột «Số CCCD» để nhận ra từng người.",
        "A column \u201cMã\u201d or \u201cSố CCCD\u201d is needed to tell people apart.",
    ),
    "HEADER_DUPLICATE": (
        "Cột «{column}» có hai lần.",
        "The column \u201c{column}\u201d appears twice.",
    ),
    "COLUMN_UNKNOWN": (
        "Cột «{column}» không thuộc mẫu nên bị bỏ qua.",
        "The column \u201c{column}\u201d is not part of the template and is ignored.",
    ),
}


class WorkbookError(Exception):
    """The file as a whole cannot be used; the message names the file."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        return render(MESSAGES, self.code, self.params, lang)


# --- writing the template -------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="FFF2CC")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
_LAST_ROW = 1_048_576


def write_template(path: Path) -> None:
    """An empty workbook with both sheets, their headers, formats and drop-down lists, and the
    "Hướng dẫn" sheet explaining every column."""
    book = Workbook()
    people = book.active
    assert people is not None
    people.title = PEOPLE_SHEET
    _data_sheet(people, PEOPLE_COLUMNS)
    _data_sheet(book.create_sheet(MEMBERS_SHEET), MEMBERS_COLUMNS)
    _guide_sheet(book.create_sheet(GUIDE_SHEET))
    book.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        book.save(tmp)


def _data_sheet(sheet: Worksheet, columns: Sequence[Column]) -> None:
    sheet.append([c.header for c in columns])
    sheet.row_dimensions[1].height = 48
    sheet.freeze_panes = "A2"
    lists = {
        # A warning, not a stop: the import also takes x, yes/no, 1/0.
        Kind.YES_NO: _list_validation(f"{YES},{NO}", "Nên ghi Có hoặc Không.", "warning"),
        Kind.SEX: _list_validation("Nam,Nữ", "Ghi Nam hoặc Nữ.", "stop"),
    }
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        # Column styles apply to cells typed later, so the template needs no empty cells.
        if column.kind == Kind.DATE:
            dimension.number_format = DATE_FORMAT
        elif column.kind in _TEXT_KINDS:
            dimension.number_format = "@"  # text: keeps CCCD zeros, stops 12/12 becoming a date
        validation = lists.get(column.kind)
        if validation is not None:
            validation.add(f"{letter}2:{letter}{_LAST_ROW}")
    for validation in lists.values():
        if validation.sqref:
            sheet.add_data_validation(validation)


def _list_validation(values: str, error: str, style: str) -> DataValidation:
    return DataValidation(
        type="list",
        formula1=f'"{values}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle=style,
        errorTitle="Giá trị không hợp lệ",
        error=error,
    )


def _guide_sheet(sheet: Worksheet) -> None:
    sheet.append(["Hướng dẫn điền bảng tính nhập người vào Đảng (dvdesk)"])
    sheet["A1"].font = Font(bold=True, size=13)
    notes = [
        "Mỗi dòng là một người. Thứ tự cột tùy ý; cột không có trong mẫu sẽ bị bỏ qua (có "
        "cảnh báo). Ô để trống nghĩa là không thay đổi thông tin đã có.",
        "Ngày: ô kiểu ngày, hoặc gõ dạng dd/mm/yyyy (ví dụ 04/03/2000).",
        "Có/Không: chọn trong danh sách; cũng nhận x (là Có), co/khong, yes/no, 1/0.",
        "Nhập lại cùng tệp không tạo bản ghi trùng: mỗi người được nhận ra theo Mã, nếu không "
        "có Mã thì theo Số CCCD.",
        "Nếu tệp có lỗi, chương trình liệt kê từng lỗi (trang, dòng, cột) và không ghi gì.",
    ]
    for note in notes:
        sheet.append([note])
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append(["Trang", "Cột", "Cách ghi", "Ví dụ"])
    for cell in sheet[header_row]:
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
    for sheet_name, columns in SHEETS.items():
        for column in columns:
            sheet.append([sheet_name, column.header, column.help, column.example])
    for letter, width in zip("ABCD", (16, 44, 90, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=header_row + 1, min_col=3, max_col=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{header_row + 1}"


# --- reading --------------------------------------------------------------------------------

Cell = str | int | float | bool | date | None


@dataclass(frozen=True)
class RawRow:
    sheet: str
    row: int  # the spreadsheet's own row number (the header is usually row 1)
    values: dict[str, Cell]  # column header -> the cell as typed; blank cells left out


@dataclass(frozen=True)
class SheetIssue:
    """Something about a sheet's header row: an error (missing column) or a warning."""

    sheet: str
    row: int
    column: str
    code: str
    error: bool
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "vi") -> str:
        return render(MESSAGES, self.code, self.params, lang)


@dataclass
class RawWorkbook:
    path: Path
    rows: dict[str, list[RawRow]] = field(default_factory=dict)  # sheet name -> data rows
    issues: list[SheetIssue] = field(default_factory=list)


def _key(text: str) -> str:
    return clean(text).casefold()


_HEADER_KEYS = {
    sheet: {_key(c.header): c.header for c in columns} for sheet, columns in SHEETS.items()
}


def read_workbook(path: Path) -> RawWorkbook:
    """The data rows of an .xlsx workbook or a .csv file; raises WorkbookError for a file that
    cannot be used at all. A CSV holds one sheet: the members sheet when its headers say so,
    else the people sheet."""
    if not path.is_file():
        raise WorkbookError("FILE_NOT_FOUND", file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise WorkbookError("NOT_A_WORKBOOK", file=str(path))


def _read_xlsx(path: Path) -> RawWorkbook:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError):
        raise WorkbookError("NOT_A_WORKBOOK", file=str(path)) from None
    except OSError as exc:
        raise WorkbookError("FILE_UNREADABLE", file=str(path), reason=exc.strerror or exc) from None
    try:
        names = {_key(name): name for name in book.sheetnames}
        if _key(PEOPLE_SHEET) not in names:
            raise WorkbookError(
                "SHEET_MISSING",
                file=str(path),
                sheet=PEOPLE_SHEET,
                found=", ".join(book.sheetnames) or "—",
            )
        result = RawWorkbook(path)
        for sheet in (PEOPLE_SHEET, MEMBERS_SHEET):
            actual = names.get(_key(sheet))
            if actual is None:
                continue
            worksheet = book[actual]
            reset = getattr(worksheet, "reset_dimensions", None)
            if reset is not None:  # some writers store a wrong size; read every row instead
                reset()
            _read_sheet(result, sheet, worksheet.iter_rows(values_only=True), path)
        return result
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError):
        raise WorkbookError("NOT_A_WORKBOOK", file=str(path)) from None
    finally:
        book.close()


def _read_csv(path: Path) -> RawWorkbook:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkbookError("CSV_NOT_UTF8", file=str(path)) from None
    except OSError as exc:
        raise WorkbookError("FILE_UNREADABLE", file=str(path), reason=exc.strerror or exc) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    # Excel writes ";" where the decimal separator is "," (as in Vietnam), "," elsewhere.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise WorkbookError("FILE_UNREADABLE", file=str(path), reason=str(exc)) from None
    header = next((r for r in rows if any(c.strip() for c in r)), [])
    sheet = _csv_sheet(header)
    result = RawWorkbook(path)
    _read_sheet(result, sheet, rows, path)
    return result


def _csv_sheet(header: Sequence[str]) -> str:
    keys = {_key(h) for h in header}
    people_only = set(_HEADER_KEYS[PEOPLE_SHEET]) - set(_HEADER_KEYS[MEMBERS_SHEET])
    members_only = set(_HEADER_KEYS[MEMBERS_SHEET]) - set(_HEADER_KEYS[PEOPLE_SHEET])
    if keys & members_only and not keys & people_only:
        return MEMBERS_SHEET
    return PEOPLE_SHEET


def _read_sheet(
    result: RawWorkbook, sheet: str, rows: Iterable[Sequence[object]], path: Path
) -> None:
    iterator: Iterator[tuple[int, Sequence[object]]] = enumerate(rows, start=1)
    header_row, header = next(((n, r) for n, r in iterator if not _blank(r)), (0, ()))
    if not header_row:
        raise WorkbookError("HEADER_ROW_MISSING", file=str(path), sheet=sheet)
    known = _HEADER_KEYS[sheet]
    positions: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, raw in enumerate(header):
        text = clean(str(raw)) if raw is not None else ""
        if not text:
            continue
        canonical = known.get(text.casefold())
        if canonical is None:
            result.issues.append(
                SheetIssue(sheet, header_row, text, "COLUMN_UNKNOWN", False, {"column": text})
            )
        elif canonical in seen:
            result.issues.append(
                SheetIssue(
                    sheet, header_row, canonical, "HEADER_DUPLICATE", True, {"column": canonical}
                )
            )
        else:
            seen.add(canonical)
            positions.append((index, canonical))
    for required in REQUIRED:
        if required not in seen:
            result.issues.append(
                SheetIssue(
                    sheet, header_row, required, "HEADER_MISSING", True, {"column": required}
                )
            )
    if not seen.intersection(KEY_COLUMNS):
        result.issues.append(SheetIssue(sheet, header_row, CODE, "HEADER_KEY_MISSING", True))
    data: list[RawRow] = []
    for number, row in iterator:
        values: dict[str, Cell] = {}
        for index, canonical in positions:
            if index < len(row):
                value = _cell(row[index])
                if value is not None:
                    values[canonical] = value
        if values:
            data.append(RawRow(sheet, number, values))
    result.rows[sheet] = data


def _blank(row: Sequence[object]) -> bool:
    return all(_cell(v) is None for v in row)


def _cell(value: object) -> Cell:
    """The cell as typed: blank text is None, date-times are dates, other odd types text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool | int | float | date):
        return value
    return str(value)
