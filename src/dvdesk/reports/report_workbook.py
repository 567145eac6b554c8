"""The half-year and year reports, and the procedure check, as .xlsx workbooks (openpyxl).

Sheets: "Tổng hợp" (headline figures against the targets), one sheet per breakdown, "Theo
tháng", "Lớp bồi dưỡng", "Theo đơn vị", and "Kiểm tra quy trình". House style as the people
workbook: bold header row on a pale fill, widths set, header row frozen. Shares are numbers
formatted as percentages, so the sheet can compute with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dvdesk.domain.statistics import Breakdown, ProcedureItem
from dvdesk.files import atomic_path
from dvdesk.reports.report_document import ReportPrint

SUMMARY_SHEET = "Tổng hợp"
MONTHS_SHEET = "Theo tháng"
CLASSES_SHEET = "Lớp bồi dưỡng"
UNITS_SHEET = "Theo đơn vị"
PROCEDURE_SHEET = "Kiểm tra quy trình"
BREAKDOWN_SHEETS = (
    ("Đoàn viên", "by_youth_union"),
    ("Giới tính", "by_sex"),
    ("Dân tộc", "by_ethnicity_group"),
    ("Dân tộc (chi tiết)", "by_ethnicity"),
    ("Tôn giáo", "by_religion_group"),
    ("Tôn giáo (chi tiết)", "by_religion"),
    ("Độ tuổi", "by_age_group"),
    ("Học vấn", "by_education"),
    ("Nghề nghiệp", "by_occupation"),
)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="FFF2CC")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_TITLE_FONT = Font(bold=True, size=13)
PERCENT = "0.0%"
DATE_FORMAT = "DD/MM/YYYY"


def _sheet(
    book: Workbook,
    title: str,
    header: Sequence[str],
    widths: Sequence[int],
    rows: Sequence[Sequence[object]],
    *,
    percent_columns: Sequence[int] = (),
    date_columns: Sequence[int] = (),
    first: bool = False,
) -> Worksheet:
    """A sheet with a styled, frozen header row; column numbers are 1-based."""
    if first:
        sheet = book.active
        assert sheet is not None
        sheet.title = title
    else:
        sheet = book.create_sheet(title)
    sheet.append(list(header))
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append(list(row))
    for column in percent_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = PERCENT
    for column in date_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = DATE_FORMAT
    return sheet


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _breakdown_rows(breakdown: Breakdown, whole: int) -> list[list[object]]:
    rows: list[list[object]] = [[label, n, _ratio(n, whole)] for label, n in breakdown]
    rows.append(["Cộng", sum(n for _, n in breakdown), _ratio(sum(n for _, n in breakdown), whole)])
    return rows


def _bold_last(sheet: Worksheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = _HEADER_FONT


def procedure_sheet(book: Workbook, items: Sequence[ProcedureItem], *, first: bool = False) -> None:
    rows = [
        [
            index,
            i.unit_name,
            i.person_code,
            i.person_name,
            "Thời hạn" if i.source == "deadline" else "Tiêu chuẩn, thủ tục",
            i.code,
            "Lỗi" if i.severity == "error" else "Lưu ý",
            i.message,
            i.due,
            i.days_late,
            i.basis,
        ]
        for index, i in enumerate(items, 1)
    ]
    sheet = _sheet(
        book,
        PROCEDURE_SHEET,
        [
            "TT",
            "Đơn vị",
            "Mã",
            "Họ và tên",
            "Loại",
            "Mã lỗi",
            "Mức",
            "Nội dung",
            "Hạn",
            "Quá hạn (ngày)",
            "Căn cứ",
        ],
        [6, 32, 12, 26, 16, 28, 8, 80, 12, 10, 40],
        rows,
        date_columns=[9],
        first=first,
    )
    sheet.auto_filter.ref = f"A1:K{max(len(rows) + 1, 2)}"


def build(r: ReportPrint, items: Sequence[ProcedureItem], title: str = "") -> Workbook:
    f = r.figures
    book = Workbook()
    summary: list[list[object]] = [
        [
            "Kỳ báo cáo",
            f"{f.period.label} ({f.period.start:%d/%m/%Y} – {f.period.end:%d/%m/%Y})",
            None,
            None,
        ],
        ["Kết nạp đảng viên", f.admitted, f.target or None, _ratio(f.admitted, f.target)],
        [
            "Trong đó đoàn viên",
            f.youth_union,
            f.youth_union_target or None,
            _ratio(f.youth_union, f.youth_union_target),
        ],
        [
            "Tỷ lệ đoàn viên trong số kết nạp",
            _ratio(f.youth_union, f.admitted),
            (r.youth_union_share_target / 100) if r.youth_union_share_target else None,
            None,
        ],
        ["Nữ", f.women, None, _ratio(f.women, f.admitted)],
        ["Dân tộc thiểu số", f.ethnic_minority, None, _ratio(f.ethnic_minority, f.admitted)],
        ["Có đạo", f.believers, None, _ratio(f.believers, f.admitted)],
        ["Từ 18 đến 30 tuổi", f.aged_18_30, None, _ratio(f.aged_18_30, f.admitted)],
        ["Tuổi bình quân khi kết nạp", f.average_age, None, None],
        ["Công nhận đảng viên chính thức", f.recognised, None, None],
        ["Xóa tên trong danh sách đảng viên dự bị", f.struck_off, None, None],
        ["Bổ sung quần chúng cảm tình Đảng", f.sympathisers_added, None, None],
        ["Đưa ra khỏi danh sách cảm tình Đảng", f.sympathisers_removed, None, None],
        ["Lớp nhận thức về Đảng đã học", f.awareness.held, None, None],
        [
            "Học viên lớp nhận thức về Đảng",
            f.awareness.enrolled,
            f.awareness_trainees_target or None,
            _ratio(f.awareness.enrolled, f.awareness_trainees_target),
        ],
        [
            "Đạt yêu cầu lớp nhận thức về Đảng",
            f.awareness.passed,
            None,
            _ratio(f.awareness.passed, f.awareness.enrolled),
        ],
        ["Lớp đảng viên mới đã học", f.new_member.held, None, None],
        [
            "Học viên lớp đảng viên mới",
            f.new_member.enrolled,
            f.new_member_trainees_target or None,
            _ratio(f.new_member.enrolled, f.new_member_trainees_target),
        ],
        [
            "Đạt yêu cầu lớp đảng viên mới",
            f.new_member.passed,
            None,
            _ratio(f.new_member.passed, f.new_member.enrolled),
        ],
    ]
    sheet = _sheet(
        book,
        SUMMARY_SHEET,
        ["Chỉ tiêu", "Kết quả", "Kế hoạch", "Tỷ lệ"],
        [44, 16, 14, 12],
        summary,
        percent_columns=[4],
        first=True,
    )
    sheet["B5"].number_format = PERCENT
    sheet["C5"].number_format = PERCENT
    if title:
        sheet.oddHeader.center.text = title
    for name, attr in BREAKDOWN_SHEETS:
        breakdown: Breakdown = getattr(f, attr)
        _sheet(
            book,
            name,
            [name, "Số lượng", "Tỷ lệ"],
            [40, 12, 12],
            _breakdown_rows(breakdown, f.admitted),
            percent_columns=[3],
        )
        _bold_last(book[name])
    cumulative = 0
    month_rows: list[list[object]] = []
    for month, n in enumerate(f.admitted_by_month, 1):
        cumulative += n
        month_rows.append([month, n, cumulative])
    _sheet(book, MONTHS_SHEET, ["Tháng", "Kết nạp", "Lũy kế"], [10, 12, 12], month_rows)
    class_rows: list[list[object]] = []
    for summary_ in (f.awareness, f.new_member):
        label = "Nhận thức về Đảng" if summary_.kind == "awareness" else "Đảng viên mới"
        for c in summary_.classes:
            class_rows.append(
                [
                    label,
                    c.name,
                    c.start_date,
                    c.end_date,
                    c.enrolled,
                    c.passed,
                    _ratio(c.passed, c.enrolled),
                ]
            )
    _sheet(
        book,
        CLASSES_SHEET,
        ["Loại lớp", "Tên lớp", "Khai giảng", "Bế giảng", "Học viên", "Đạt", "Tỷ lệ đạt"],
        [20, 44, 12, 12, 10, 10, 10],
        class_rows,
        percent_columns=[7],
        date_columns=[3, 4],
    )
    unit_rows: list[list[object]] = [
        [
            index,
            r.unit_names.get(u.unit_id, u.unit_id),
            u.target or None,
            u.admitted,
            _ratio(u.admitted, u.target),
            u.youth_union,
            u.recognised,
            u.struck_off,
            u.sympathisers_added,
            u.sympathisers_removed,
        ]
        for index, u in enumerate(f.per_unit, 1)
    ]
    unit_rows.append(
        [
            None,
            "Cộng",
            sum(u.target for u in f.per_unit) or None,
            sum(u.admitted for u in f.per_unit),
            None,
            sum(u.youth_union for u in f.per_unit),
            sum(u.recognised for u in f.per_unit),
            sum(u.struck_off for u in f.per_unit),
            sum(u.sympathisers_added for u in f.per_unit),
            sum(u.sympathisers_removed for u in f.per_unit),
        ]
    )
    _sheet(
        book,
        UNITS_SHEET,
        [
            "TT",
            "Đơn vị",
            "Chỉ tiêu",
            "Kết nạp",
            "Đạt",
            "Đoàn viên",
            "Công nhận chính thức",
            "Xóa tên dự bị",
            "Bổ sung cảm tình Đảng",
            "Ra khỏi danh sách cảm tình Đảng",
        ],
        [6, 40, 10, 10, 10, 10, 14, 12, 14, 16],
        unit_rows,
        percent_columns=[5],
    )
    _bold_last(book[UNITS_SHEET])
    procedure_sheet(book, items)
    return book


def write(path: Path, r: ReportPrint, items: Sequence[ProcedureItem] = (), title: str = "") -> Path:
    """Write the report workbook to `path` and return it."""
    book = build(r, items, title)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        book.save(tmp)
    return path


def write_procedure(path: Path, items: Sequence[ProcedureItem], as_of: date | None = None) -> Path:
    """The procedure check alone."""
    book = Workbook()
    procedure_sheet(book, items, first=True)
    if as_of is not None:
        book[PROCEDURE_SHEET].oddHeader.center.text = f"Tính đến ngày {as_of:%d/%m/%Y}"
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        book.save(tmp)
    return path
