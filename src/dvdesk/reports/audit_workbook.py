"""The audit log as an .xlsx workbook (openpyxl), for an inspection or the office's records.

One sheet "Nhật ký" (a second, third … when a selection outgrows Excel's million rows), house
style as the other workbooks: bold header row on a pale fill, widths set, header row frozen.
Rows are streamed (openpyxl's write-only mode), so a million entries need little memory.
Every text cell is written as text, never as a formula: the log holds what the units below
sent, and a name starting with "=" must not become a formula in the office's Excel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from dvdesk.files import atomic_path

SHEET = "Nhật ký"
# Excel holds 1,048,576 rows a sheet; a round million entries a sheet leaves room to spare.
ROWS_PER_SHEET = 1_000_000
MAX_CELL = 32_000  # Excel's limit is 32,767 characters a cell
TIME_FORMAT = "DD/MM/YYYY HH:MM:SS"

HEADERS = (
    "Thời điểm",
    "Người thực hiện",
    "Thao tác",
    "Đối tượng",
    "Mã đối tượng",
    "Người liên quan",
    "Nội dung thay đổi (trước → sau)",
    "Lý do",
)
UNIT_HEADER = "Đơn vị gửi lên"
# Our own log only: the computer an entry was made at (several desks share an office's server).
DESK_HEADER = "Máy tính"
WIDTHS = (20, 16, 22, 18, 38, 28, 70, 30)
UNIT_WIDTH = 24

# The actions in words (the window shows the same through its translations).
ACTION_LABELS: dict[str, str] = {
    "view": "Xem hồ sơ",
    "print": "In",
    "export": "Xuất dữ liệu",
    "create": "Thêm mới",
    "update": "Sửa",
    "delete": "Xóa",
    "add_event": "Ghi sự kiện",
    "add_certificate": "Ghi giấy chứng nhận",
    "assign": "Phân công",
    "end": "Kết thúc phân công",
    "reopen": "Mở lại phân công",
    "undo": "Hoàn tác bước",
    "nominate": "Cử đi học",
    "enrol": "Ghi danh lớp học",
    "withdraw": "Rút khỏi lớp học",
    "record_result": "Ghi kết quả học",
    "link_certificate": "Gắn giấy chứng nhận",
    "mark_left": "Ghi chuyển đi",
    "issue_number": "Cấp số văn bản",
    "void": "Hủy văn bản",
    "purge": "Xóa dữ liệu cá nhân",
    "restore": "Khôi phục bản sao lưu",
    "settings": "Đổi cài đặt",
    "print_settings": "Đổi cài đặt in",
    "print_info": "Đổi thông tin in",
    "calendar_override": "Sửa lịch ngày làm việc",
    "init": "Khởi tạo đơn vị",
    "demo": "Tạo dữ liệu mẫu",
    "init_keys": "Tạo khóa",
    "rotate_keys": "Thay khóa",
    "pin_key": "Nhận khóa của đơn vị khác",
    "confirm_key": "Xác nhận khóa",
    "export_bundle": "Xuất tệp trao đổi",
    "import_bundle": "Nhập tệp trao đổi",
    "resolve_conflict": "Giải quyết xung đột",
    "return_for_correction": "Trả lại để sửa",
    "resolve_correction": "Đã sửa theo yêu cầu",
    "account_add": "Thêm tài khoản",
    "account_change": "Sửa tài khoản",
    "classify": "Xếp hồ sơ vào loại mật",
    "consent": "Ghi sự đồng ý",
    "declassify": "Bỏ độ mật",
    "password_change": "Đổi mật khẩu của mình",
    "password_reset": "Đặt lại mật khẩu",
    "recovery": "Mở bằng mã khôi phục",
    "recovery_key_renewed": "Tạo mã khôi phục mới",
    "setting": "Đổi một cài đặt",
    "sign_in": "Đăng nhập",
    "sign_update": "Ký tệp cài đặt bản cập nhật",
    "verify_update": "Kiểm tra tệp cài đặt bản cập nhật",
    "withdraw_consent": "Rút lại sự đồng ý",
}
# What an entry is about, in words.
ENTITY_LABELS: dict[str, str] = {
    "person": "Người",
    "event": "Sự kiện",
    "assignment": "Phân công",
    "certificate": "Giấy chứng nhận",
    "class": "Lớp học",
    "enrolment": "Học viên",
    "document": "Văn bản",
    "member": "Đảng viên",
    "helper_note": "Nhận xét của người giúp đỡ",
    "unit": "Đơn vị",
    "year_plan": "Kế hoạch năm",
    "calendar": "Lịch ngày làm việc",
    "setting": "Cài đặt",
    "settings": "Cài đặt",
    "database": "Cơ sở dữ liệu",
    "report": "Báo cáo",
    "procedure_check": "Kiểm tra quy trình",
    "audit_log": "Nhật ký",
    "account": "Tài khoản",
    "consent": "Sự đồng ý",
    "update": "Tệp cài đặt bản cập nhật",
}


@dataclass(frozen=True)
class AuditLine:
    """One entry as the sheet shows it: plain text and a local time."""

    at: datetime  # local time, without a zone (Excel has none)
    actor: str
    action: str  # in words
    what: str
    entity_id: str
    subject: str
    changes: str  # one "field: old → new" a line
    reason: str
    unit: str = ""  # the unit below that sent it ("" for our own log)
    desk: str = ""  # the computer an entry of our own log was made at


def action_words(action: str, step: str = "") -> str:
    """An action code in Vietnamese words (`step`: the words of a pipeline step recorded);
    an unknown code is shown as it is stored."""
    if step:
        return f"Ghi bước: {step}"
    return ACTION_LABELS.get(action, action)


def entity_words(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


def _text(value: str) -> str:
    cleaned = str(ILLEGAL_CHARACTERS_RE.sub("", value))
    return cleaned if len(cleaned) <= MAX_CELL else cleaned[: MAX_CELL - 1] + "…"


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", start_color="FFF2CC")
_HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def _new_sheet(book: Workbook, number: int, units: bool) -> WriteOnlyWorksheet:
    sheet: WriteOnlyWorksheet = book.create_sheet(SHEET if number == 1 else f"{SHEET} ({number})")
    widths = (*WIDTHS, UNIT_WIDTH)  # the last: the unit that sent it, or our desk
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in (*HEADERS, UNIT_HEADER if units else DESK_HEADER):
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        header.append(cell)
    sheet.append(header)
    return sheet


def _cells(sheet: WriteOnlyWorksheet, line: AuditLine, units: bool) -> list[WriteOnlyCell]:
    at = WriteOnlyCell(sheet, value=line.at)
    at.number_format = TIME_FORMAT
    at.alignment = _TOP
    texts = [
        line.actor,
        line.action,
        line.what,
        line.entity_id,
        line.subject,
        line.changes,
        line.reason,
    ]
    texts.append(line.unit if units else line.desk)
    out = [at]
    for number, text in enumerate(texts):
        cell = WriteOnlyCell(sheet, value=_text(text))
        cell.data_type = "s"  # text, even when it starts with "="
        cell.alignment = _WRAP if number == 5 else _TOP
        out.append(cell)
    return out


def _discard(book: Workbook) -> None:
    """Close a workbook given up half-way and remove the rows openpyxl has spooled to its
    temporary files (they hold personal data)."""
    for sheet in book.worksheets:
        with suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with suppress(Exception):
                writer.cleanup()


def write(
    path: Path,
    lines: Iterable[AuditLine],
    *,
    units: bool = False,
    on_row: Callable[[int], None] | None = None,
) -> int:
    """Write the entries to `path` (all or nothing) and return how many were written.
    `on_row(n)` is called after each row; it may raise to stop, and then nothing is written."""
    book = Workbook(write_only=True)
    count = 0
    sheets = 1
    try:
        sheet = _new_sheet(book, sheets, units)
        for line in lines:
            if count and count % ROWS_PER_SHEET == 0:
                sheets += 1
                sheet = _new_sheet(book, sheets, units)
            sheet.append(_cells(sheet, line, units))
            count += 1
            if on_row is not None:
                on_row(count)
    except BaseException:
        _discard(book)
        raise
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        book.save(tmp)
    return count
