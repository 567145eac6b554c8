"""Bringing a cell's people in from the people workbook (or a CSV of one of its sheets).

Every row is checked first; a file with any error is refused whole, each error named by sheet,
row, column and code, and nothing is written. A clean file is written in one transaction:
new units, then members, then people with their events, certificates and introducers.
Importing the same file again changes nothing.

Decisions (see also the "Hướng dẫn" sheet of the template):
- A person is found by Mã, else by Số CCCD; a member the same way. A row needs one of them.
- A blank cell leaves what is stored alone; import never deletes or ends anything.
- A dated column stands for the person's latest act of that kind: no such act → one is added;
  an act of that kind on the same date → kept; otherwise the latest one is corrected to the
  file's date (the audit log keeps the old one).
- "Đoàn giới thiệu" = Có records the Youth Union's resolution (4-KNĐ) dated the chi bộ vote,
  the latest day it can bear, since the sheet has no column for its own date; without a vote
  date it is not recorded and a warning says so. "Không" records nothing. "Có" with a blank
  "Đoàn viên" marks the person a Youth Union member (the Union introduces only its members).
- Introducers named in the file are added when not already assigned; assigned introducers
  the file does not name are kept, with a warning.
- A "Chi bộ" matching no unit by code or name creates the unit under this install's unit, with
  a warning. A blank "Chi bộ" puts a new person or member in this install's unit. New records
  are owned by their unit (as the demo data are); an update leaves the owner as it was.
- The recognition vote is recorded with its counts unknown: the sheet has none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, cast

from dvdesk.db import import_queries, queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import (
    Assignment,
    CertificateRecord,
    Member,
    Person,
    PipelineEvent,
    Unit,
    new_id,
)
from dvdesk.domain import validation as v
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.dates import format_date
from dvdesk.domain.facts import MassOrg, MemberStatus
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.text import clean, fold, name_sort_key, search_key
from dvdesk.reports import people_workbook as wb
from dvdesk.services import audit
from dvdesk.services.derive import load_calendar, refresh
from dvdesk.services.people import PersonInput, apply_input

T = TypeVar("T")

PEOPLE, MEMBERS = wb.PEOPLE_SHEET, wb.MEMBERS_SHEET
# People written per flush; the session lets go of them after each. Small, because refresh's
# DELETE of a person's old deadlines scans every object the session holds (measured: 250 is
# 1.4x faster than 1,000 when updating; creating is no slower).
CHUNK = 250

_MESSAGES: dict[str, tuple[str, str]] = {
    "NOT_INITIALISED": (
        "Cơ sở dữ liệu chưa được khởi tạo cho đơn vị nào: chạy «dvdesk init» trước.",
        "The database is not set up for a unit yet: run \u201cdvdesk init\u201d first.",
    ),
    "KEY_MISSING": (
        "Cần ghi Mã hoặc Số CCCD để nhận ra người này khi nhập lại.",
        "Give a Mã (code) or a Số CCCD so the row can be recognised on a later import.",
    ),
    "DUPLICATE_CODE": (
        "Mã «{value}» đã có ở dòng {first}.",
        "The code {value!r} is already used on row {first}.",
    ),
    "DUPLICATE_CCCD": (
        "Số CCCD «{value}» đã có ở dòng {first}.",
        "The CCCD {value!r} is already used on row {first}.",
    ),
    "DUPLICATE_RECORD": (
        "Dòng này và dòng {first} cùng chỉ {name} đã có trong chương trình.",
        "This row and row {first} both point at {name}, already stored.",
    ),
    "CCCD_LEADING_ZEROS_LOST": (
        "Số CCCD {value} là ô kiểu số nên đã mất số 0 ở đầu: để cột ở dạng Văn bản (Text) "
        "rồi gõ lại đủ 12 chữ số.",
        "The CCCD {value} is a number cell and lost its leading zeros: format the column as "
        "Text and type all 12 digits.",
    ),
    "CCCD_TAKEN": (
        "Số CCCD «{value}» đã thuộc về {name} (mã {other}) trong chương trình.",
        "The CCCD {value!r} already belongs to {name} (code {other}).",
    ),
    "CODE_CONFLICT": (
        "Người có số CCCD «{value}» trong chương trình mang mã «{other}», khác mã «{file_code}» "
        "ghi trong tệp.",
        "The stored person with CCCD {value!r} has the code {other!r}, not {file_code!r} as in "
        "the file.",
    ),
    "UNIT_AMBIGUOUS": (
        "Có {count} chi bộ tên «{value}» (mã {codes}): ghi mã chi bộ.",
        "{count} units are named {value!r} (codes {codes}): write the unit code.",
    ),
    "UNIT_CREATED": (
        "Chưa có chi bộ «{value}»: sẽ tạo mới với mã {new_code}.",
        "No unit {value!r} yet: it is created with the code {new_code}.",
    ),
    "INTRODUCER_UNKNOWN": (
        "Không tìm thấy đảng viên «{value}» (theo mã, số CCCD hay họ và tên) ở trang "
        "«Đảng viên» hoặc trong chương trình.",
        "No member {value!r} (by code, CCCD or full name) on the \u201cĐảng viên\u201d sheet "
        "or already stored.",
    ),
    "INTRODUCER_AMBIGUOUS": (
        "Có {count} đảng viên tên «{value}» ({codes}): ghi Mã hoặc Số CCCD để chỉ rõ.",
        "{count} members are named {value!r} ({codes}): write their code or CCCD instead.",
    ),
    "INTRODUCER_REPEATED": (
        "Người giới thiệu 2 trùng với người giới thiệu 1.",
        "The second introducer is the same member as the first.",
    ),
    "INTRODUCERS_KEPT": (
        "Người giới thiệu đã có nhưng tệp không ghi vẫn được giữ: {names}. Nếu sai, kết thúc "
        "phân công trong chương trình.",
        "Introducers already assigned but not named in the file are kept: {names}. If that is "
        "wrong, end the assignment in dvdesk.",
    ),
    "VOTE_COUNTS_WITHOUT_DATE": (
        "Có số phiếu nhưng thiếu «Ngày chi bộ họp xét kết nạp».",
        "Vote counts are given without the \u201cNgày chi bộ họp xét kết nạp\u201d.",
    ),
    "CERTIFICATE_NUMBER_WITHOUT_DATE": (
        "Có số giấy chứng nhận nhưng thiếu ngày cấp.",
        "A certificate number is given without its date.",
    ),
    "YOUTH_UNION_ROUTE_NOT_MEMBER": (
        "Đoàn chỉ giới thiệu đoàn viên, nhưng cột «Đoàn viên» ghi Không.",
        "The Youth Union introduces only its members, but \u201cĐoàn viên\u201d says no.",
    ),
    "MASS_ORG_UNDATED": (
        "Chưa ghi nhận Đoàn giới thiệu vì chưa có «Ngày chi bộ họp xét kết nạp».",
        "The Youth Union's introduction is not recorded: there is no chi bộ vote date yet.",
    ),
    "EDUCATION_FROM_DATE": (
        "Excel đã đổi trình độ thành ngày; đã hiểu là {value}. Hãy để cột ở dạng Văn bản.",
        "Excel turned the education into a date; read as {value}. Format the column as Text.",
    ),
    "DATE_NUMBER": (
        "Ô ngày chứa số {value}: gõ ngày dạng dd/mm/yyyy hoặc dùng ô kiểu ngày.",
        "The date cell holds the number {value}: type dd/mm/yyyy or use a date cell.",
    ),
}
_CATALOGUE: dict[str, tuple[str, str]] = {**v.MESSAGES, **wb.MESSAGES, **_MESSAGES}

_SUMMARY = {
    "vi": {
        "done": "Đã nhập {file}: tạo mới {created}, cập nhật {updated}, không đổi {unchanged}.",
        "dry": "Chạy thử {file}, chưa ghi gì: sẽ tạo mới {created}, sẽ cập nhật {updated}, "
        "không đổi {unchanged}.",
        "refused": "Tệp {file} có {count} lỗi nên chưa ghi gì:",
        "detail": "  {sheet}: tạo mới {created}, cập nhật {updated}, không đổi {unchanged}.",
        "warnings": "Cảnh báo:",
        "where": "{sheet}, dòng {row}, cột «{column}»: ",
        "row": "dòng",
        "cancelled": "Đã hủy nhập {file}; chưa ghi gì.",
    },
    "en": {
        "done": "Imported {file}: {created} created, {updated} updated, {unchanged} unchanged.",
        "dry": "Dry run of {file}, nothing written: {created} to create, {updated} to update, "
        "{unchanged} unchanged.",
        "refused": "{file} has {count} error(s); nothing was written:",
        "detail": "  {sheet}: {created} created, {updated} updated, {unchanged} unchanged.",
        "warnings": "Warnings:",
        "where": "{sheet}, row {row}, column \u201c{column}\u201d: ",
        "row": "row",
        "cancelled": "Import of {file} cancelled; nothing was written.",
    },
}


# --- result ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    """One error or warning, placed in the file. `row` is None for the file as a whole."""

    sheet: str
    row: int | None
    column: str
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, existed: bool, changed: bool) -> None:
        if not existed:
            self.created += 1
        elif changed:
            self.updated += 1
        else:
            self.unchanged += 1


@dataclass
class ImportResult:
    file: str
    dry_run: bool = False
    people: Counts = field(default_factory=Counts)
    members: Counts = field(default_factory=Counts)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    cancelled: bool = False  # stopped on request: nothing written, no counts

    @property
    def created(self) -> int:
        return self.people.created + self.members.created

    @property
    def updated(self) -> int:
        return self.people.updated + self.members.updated

    @property
    def unchanged(self) -> int:
        return self.people.unchanged + self.members.unchanged

    def to_json(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "warnings": [w.to_json() for w in self.warnings],
            "errors": [e.to_json() for e in self.errors],
        }
        if self.cancelled:  # only then, so the usual answer keeps its shape
            payload["cancelled"] = True
        return payload

    def describe(self, lang: str = "vi") -> str:
        words = _SUMMARY["vi" if lang == "vi" else "en"]
        lines: list[str] = []
        if self.cancelled:
            return words["cancelled"].format(file=self.file)
        if self.errors:
            lines.append(words["refused"].format(file=self.file, count=len(self.errors)))
            lines += [f"  - {_where(e, words)}{e.message}" for e in self.errors]
        else:
            counts = {"created": self.created, "updated": self.updated}
            template = words["dry"] if self.dry_run else words["done"]
            lines.append(template.format(file=self.file, unchanged=self.unchanged, **counts))
            if self.members.created + self.members.updated + self.members.unchanged:
                for sheet, part in ((PEOPLE, self.people), (MEMBERS, self.members)):
                    lines.append(words["detail"].format(sheet=sheet, **dataclasses.asdict(part)))
        if self.warnings:
            lines.append(words["warnings"])
            lines += [f"  - {_where(w, words)}{w.message}" for w in self.warnings]
        return "\n".join(lines)


def _where(issue: Issue, words: dict[str, str]) -> str:
    if issue.row is None:
        return ""
    if not issue.column:
        return f"{issue.sheet}, {words['row']} {issue.row}: "
    return words["where"].format(sheet=issue.sheet, row=issue.row, column=issue.column)


class _Report:
    """Collects errors and warnings with their messages in the chosen language."""

    def __init__(self, result: ImportResult, lang: str) -> None:
        self.result = result
        self.lang = lang

    def issue(self, sheet: str, row: int | None, column: str, code: str, /, **params: Any) -> Issue:
        message = v.render(_CATALOGUE, code, params, self.lang)
        return Issue(sheet, row, column, code, message)

    def error(self, sheet: str, row: int | None, column: str, code: str, /, **params: Any) -> None:
        self.result.errors.append(self.issue(sheet, row, column, code, **params))

    def warn(self, sheet: str, row: int | None, column: str, code: str, /, **params: Any) -> None:
        self.result.warnings.append(self.issue(sheet, row, column, code, **params))


# --- reading cells --------------------------------------------------------------------------


def _text(cell: wb.Cell) -> str:
    if isinstance(cell, bool):
        return wb.YES if cell else wb.NO
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, date):
        return format_date(cell)
    return clean(str(cell))


def _whole(cell: wb.Cell) -> int | None:
    """A number cell holding a whole number, as int; None for anything else."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return None


def _as_date(cell: wb.Cell) -> date:
    if isinstance(cell, date):
        return v.check_day(cell)
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        raise v.FieldError("DATE_NUMBER", value=_text(cell))
    day = v.parse_day(_text(cell))
    if day is None:
        raise v.FieldError("DATE_INVALID", value=_text(cell))
    return day


def _as_yes_no(cell: wb.Cell) -> bool | None:
    return cell if isinstance(cell, bool) else v.parse_yes_no(_text(cell))


def _as_cccd(cell: wb.Cell) -> str | None:
    number = _whole(cell)
    if number is not None and 0 <= number < 10**11:
        raise v.FieldError("CCCD_LEADING_ZEROS_LOST", value=str(number))
    return v.parse_cccd(_text(cell))


def _as_count(minimum: int, key: str) -> Callable[[wb.Cell], int | None]:
    def parse(cell: wb.Cell) -> int | None:
        number = _whole(cell)
        return v.parse_count(str(number) if number is not None else _text(cell), minimum, key)

    return parse


def _education_from_date(day: date) -> str | None:
    """What "9/12" was before Excel made it 9 December (or September 12, in an English Excel)."""
    for system in (12, 10):
        if day.month == system:
            return f"{day.day}/{system}"
        if day.day == system:
            return f"{day.month}/{system}"
    return None


class _Cells:
    """One raw row's cells, parsed one column at a time; a bad cell becomes an error."""

    def __init__(self, raw: wb.RawRow, report: _Report) -> None:
        self.raw = raw
        self.report = report
        self.bad = False

    def get(self, column: str, parse: Callable[[wb.Cell], T]) -> T | None:
        cell = self.raw.values.get(column)
        if cell is None:
            return None
        try:
            return parse(cell)
        except v.FieldError as exc:
            self.fail(column, exc.code, **exc.problem.params)
            return None

    def text(self, column: str) -> str | None:
        return self.get(column, _text) or None

    def fail(self, column: str, code: str, /, **params: Any) -> None:
        self.bad = True
        self.report.error(self.raw.sheet, self.raw.row, column, code, **params)

    def problems(self, problems: Sequence[v.Problem]) -> None:
        for problem in problems:
            self.fail(_COLUMN_OF[problem.key], problem.code, **problem.params)

    def education(self) -> tuple[str, int] | None:
        cell = self.raw.values.get(wb.EDUCATION)
        if cell is None:
            return None
        if isinstance(cell, date):
            guess = _education_from_date(cell)
            if guess is None:
                self.fail(wb.EDUCATION, "EDUCATION_INVALID", value=format_date(cell))
                return None
            self.report.warn(
                self.raw.sheet, self.raw.row, wb.EDUCATION, "EDUCATION_FROM_DATE", value=guess
            )
            cell = guess
        text = _text(cell)
        grade = self.get(wb.EDUCATION, lambda _: v.parse_education(text))
        return (text, grade) if grade is not None else None


# --- parsed rows ----------------------------------------------------------------------------

_PEOPLE_DATES = {
    wb.BIRTH_DATE: v.BIRTH,
    wb.YOUTH_UNION_DATE: v.YOUTH_UNION,
    wb.SYMPATHISER_DATE: v.SYMPATHISER,
    wb.CERTIFICATE_DATE: v.CERTIFICATE,
    wb.VOTE_DATE: v.CELL_VOTE,
    wb.DECISION_DATE: v.DECISION,
    wb.DECISION_RECEIVED_DATE: v.DECISION_RECEIVED,
    wb.CEREMONY_DATE: v.CEREMONY,
    wb.RECOGNITION_VOTE_DATE: v.RECOGNITION_VOTE,
    wb.RECOGNITION_DECISION_DATE: v.RECOGNITION_DECISION,
}
_MEMBER_DATES = {
    wb.BIRTH_DATE: v.BIRTH,
    wb.PARTY_JOINED: v.PARTY_JOINED,
    wb.PARTY_OFFICIAL: v.PARTY_OFFICIAL,
    wb.JOINED_CELL: v.JOINED_CELL,
}
_COLUMN_OF = {
    **{key: column for column, key in _PEOPLE_DATES.items()},
    **{key: column for column, key in _MEMBER_DATES.items()},
    v.VOTES_FOR: wb.VOTES_FOR,
    v.OFFICIAL_MEMBERS: wb.OFFICIAL_MEMBERS,
}
# Dated columns that become pipeline events (the certificate becomes a CertificateRecord).
_EVENT_KINDS = (
    EventKind.SYMPATHISER_LISTED,
    EventKind.CELL_VOTE,
    EventKind.DECISION,
    EventKind.DECISION_RECEIVED,
    EventKind.CEREMONY,
    EventKind.RECOGNITION_VOTE,
    EventKind.RECOGNITION_DECISION,
)
_PERSON_TEXT = {
    wb.ETHNICITY: "ethnicity",
    wb.RELIGION: "religion",
    wb.OCCUPATION: "occupation",
}
_MASS_ORG_NOTE = "Ngày ghi theo ngày chi bộ họp xét kết nạp (nhập từ bảng tính)."


@dataclass
class _Row:
    """A row of either sheet, parsed; `fields` holds the model attributes the file sets."""

    sheet: str
    row: int
    code: str | None
    cccd: str | None
    unit: str | None
    fields: dict[str, Any]
    existing_id: str | None = None  # the stored record this row updates
    unit_id: str | None = None

    @property
    def name(self) -> str:
        return str(self.fields.get("full_name", ""))


@dataclass
class _PersonRow(_Row):
    dates: dict[str, date] = field(default_factory=dict)  # validation keys -> dates
    official_members: int | None = None
    votes_for: int | None = None
    certificate_number: str | None = None
    introducers: list[tuple[str, str]] = field(default_factory=list)  # (column, text)
    youth_union_route: bool = False
    introducer_refs: list[str] = field(default_factory=list)  # member references, see _Members


def _common(cells: _Cells) -> tuple[str | None, str | None, str | None, dict[str, Any]]:
    code = cells.text(wb.CODE)
    cccd = cells.get(wb.CCCD, _as_cccd)
    name = cells.text(wb.FULL_NAME)
    if not name:
        cells.fail(wb.FULL_NAME, "REQUIRED", field=wb.FULL_NAME)
    if code is None and cccd is None and wb.CCCD not in cells.raw.values:
        cells.fail(wb.CODE, "KEY_MISSING")
    fields: dict[str, Any] = {"full_name": name} if name else {}
    if code is not None:
        fields["code"] = code
    if cccd is not None:
        fields["cccd"] = cccd
    return code, cccd, cells.text(wb.UNIT), fields


def _dates(cells: _Cells, columns: dict[str, str]) -> dict[str, date]:
    found: dict[str, date] = {}
    for column, key in columns.items():
        day = cells.get(column, _as_date)
        if day is not None:
            found[key] = day
    return found


def _parse_person(raw: wb.RawRow, report: _Report) -> _PersonRow | None:
    cells = _Cells(raw, report)
    code, cccd, unit, fields = _common(cells)
    sex = cells.get(wb.SEX, lambda cell: v.parse_sex(_text(cell)))
    if sex is not None:
        fields["sex"] = sex
    for column, attr in _PERSON_TEXT.items():
        text = cells.text(column)
        if text is not None:
            fields[attr] = text
    education = cells.education()
    if education is not None:
        fields["education"], fields["education_grade"] = education
    member = cells.get(wb.YOUTH_UNION, _as_yes_no)
    route = cells.get(wb.YOUTH_UNION_INTRODUCES, _as_yes_no)
    if member is None and route:
        member = True  # the Youth Union introduces only its own members
    if member is not None:
        fields["youth_union_member"] = member
    dates = _dates(cells, _PEOPLE_DATES)
    if v.BIRTH in dates:
        fields["birth_date"] = dates[v.BIRTH]
    if v.YOUTH_UNION in dates:
        fields["youth_union_date"] = dates[v.YOUTH_UNION]
    official = cells.get(wb.OFFICIAL_MEMBERS, _as_count(1, v.OFFICIAL_MEMBERS))
    votes = cells.get(wb.VOTES_FOR, _as_count(0, v.VOTES_FOR))
    number = cells.text(wb.CERTIFICATE_NUMBER)
    cells.problems(v.check_date_order(dates))
    cells.problems(v.check_votes(official, votes))
    if v.CELL_VOTE not in dates and wb.VOTE_DATE not in raw.values:
        for column in (wb.OFFICIAL_MEMBERS, wb.VOTES_FOR):
            if column in raw.values:
                cells.fail(column, "VOTE_COUNTS_WITHOUT_DATE")
    if number and wb.CERTIFICATE_DATE not in raw.values:
        cells.fail(wb.CERTIFICATE_NUMBER, "CERTIFICATE_NUMBER_WITHOUT_DATE")
    if route and member is False:
        cells.fail(wb.YOUTH_UNION_INTRODUCES, "YOUTH_UNION_ROUTE_NOT_MEMBER")
    if route and v.CELL_VOTE not in dates and wb.VOTE_DATE not in raw.values:
        report.warn(raw.sheet, raw.row, wb.YOUTH_UNION_INTRODUCES, "MASS_ORG_UNDATED")
    introducers = [
        (column, text)
        for column in (wb.INTRODUCER_1, wb.INTRODUCER_2)
        if (text := cells.text(column)) is not None
    ]
    if cells.bad:
        return None
    return _PersonRow(
        raw.sheet,
        raw.row,
        code,
        cccd,
        unit,
        fields,
        dates=dates,
        official_members=official,
        votes_for=votes,
        certificate_number=number,
        introducers=introducers,
        youth_union_route=bool(route),
    )


def _parse_member(raw: wb.RawRow, report: _Report) -> _Row | None:
    cells = _Cells(raw, report)
    code, cccd, unit, fields = _common(cells)
    dates = _dates(cells, _MEMBER_DATES)
    for key, attr in (
        (v.BIRTH, "birth_date"),
        (v.PARTY_JOINED, "admission_decision_date"),
        (v.PARTY_OFFICIAL, "official_date"),
        (v.JOINED_CELL, "joined_cell_on"),
    ):
        if key in dates:
            fields[attr] = dates[key]
    card = cells.text(wb.CARD_NUMBER)
    if card is not None:
        fields["card_number"] = card
    if v.PARTY_OFFICIAL in dates:
        fields["status"] = MemberStatus.OFFICIAL.value
    cells.problems(v.check_date_order(dates))
    if cells.bad:
        return None
    return _Row(raw.sheet, raw.row, code, cccd, unit, fields)


def _no_duplicates(raws: Sequence[wb.RawRow], report: _Report) -> None:
    """A Mã or CCCD may appear once per sheet (checked on the cells as typed, so a row with
    other mistakes still counts)."""
    for column, code in ((wb.CODE, "DUPLICATE_CODE"), (wb.CCCD, "DUPLICATE_CCCD")):
        first: dict[str, int] = {}
        for raw in raws:
            cell = raw.values.get(column)
            if cell is None:
                continue
            value = _text(cell)
            key = value.casefold()
            if key in first:
                report.error(raw.sheet, raw.row, column, code, value=value, first=first[key])
            else:
                first[key] = raw.row


# --- matching against what is stored ---------------------------------------------------------


@dataclass(frozen=True)
class _Stored:
    id: str
    code: str | None
    cccd: str | None
    full_name: str


def _match(rows: Sequence[_Row], stored: Sequence[_Stored], report: _Report) -> None:
    """Set `existing_id` on each row that names a stored record (by code, else CCCD), and
    refuse rows whose code and CCCD point at different records."""
    by_code = {s.code: s for s in stored if s.code}
    by_cccd = {s.cccd: s for s in stored if s.cccd}
    first: dict[str, int] = {}
    for row in rows:
        found = by_code.get(row.code) if row.code else None
        if found is None and row.cccd:
            found = by_cccd.get(row.cccd)
            if found is not None and found.code and row.code and found.code != row.code:
                report.error(
                    row.sheet,
                    row.row,
                    wb.CODE,
                    "CODE_CONFLICT",
                    value=row.cccd,
                    other=found.code,
                    file_code=row.code,
                )
                continue
        if row.cccd:
            owner = by_cccd.get(row.cccd)
            if owner is not None and owner is not found:
                report.error(
                    row.sheet,
                    row.row,
                    wb.CCCD,
                    "CCCD_TAKEN",
                    value=row.cccd,
                    name=owner.full_name,
                    other=owner.code or "—",
                )
                continue
        if found is None:
            continue
        if found.id in first:
            report.error(
                row.sheet,
                row.row,
                "",
                "DUPLICATE_RECORD",
                first=first[found.id],
                name=found.full_name,
            )
            continue
        first[found.id] = row.row
        row.existing_id = found.id


class _Units:
    """Units named in "Chi bộ" cells: by code, else by name; unknown ones are created."""

    def __init__(self, units: Sequence[Unit], report: _Report) -> None:
        self.report = report
        self.by_code = {u.code.casefold(): u.id for u in units}
        self.by_name: dict[str, list[Unit]] = {}
        for unit in units:
            self.by_name.setdefault(clean(unit.name).casefold(), []).append(unit)
        self.codes = {u.code.casefold() for u in units}
        self.new: dict[str, Unit] = {}  # folded name -> unit to create

    def resolve(self, row: _Row) -> None:
        if row.unit is None:
            return
        key = row.unit.casefold()
        if key in self.by_code:
            row.unit_id = self.by_code[key]
            return
        named = self.by_name.get(key, [])
        if len(named) > 1:
            codes = ", ".join(sorted(u.code for u in named))
            self.report.error(
                row.sheet,
                row.row,
                wb.UNIT,
                "UNIT_AMBIGUOUS",
                count=len(named),
                value=row.unit,
                codes=codes,
            )
            return
        if named:
            row.unit_id = named[0].id
            return
        unit = self.new.get(key)
        if unit is None:
            unit = Unit(id=new_id(), code=self._new_code(row.unit), name=row.unit, kind="chi_bo")
            self.new[key] = unit
            self.report.warn(
                row.sheet, row.row, wb.UNIT, "UNIT_CREATED", value=row.unit, new_code=unit.code
            )
        row.unit_id = unit.id

    def _new_code(self, name: str) -> str:
        base = re.sub(r"[^A-Z0-9]+", "-", fold(name).upper()).strip("-")[:36] or "CB"
        code, n = base, 1
        while code.casefold() in self.codes:
            n += 1
            code = f"{base}-{n}"
        self.codes.add(code.casefold())
        return code


class _Members:
    """Who a "Người giới thiệu" cell names: a member of the file's members sheet or a stored
    member, by code, CCCD or full name. A reference is "db:<id>" for a stored member (also when
    the file's row updates one) and "row:<n>" for a member the file creates."""

    def __init__(self, stored: Sequence[Member], rows: Sequence[_Row]) -> None:
        self.codes: dict[str, set[str]] = {}
        self.cccds: dict[str, set[str]] = {}
        self.names: dict[str, set[str]] = {}
        self.labels: dict[str, str] = {}
        for m in stored:
            self._add(f"db:{m.id}", m.code, m.cccd, m.full_name)
        for row in rows:
            ref = f"db:{row.existing_id}" if row.existing_id else f"row:{row.row}"
            self._add(ref, row.code, row.cccd, row.name)

    def _add(self, ref: str, code: str | None, cccd: str | None, name: str) -> None:
        if code:
            self.codes.setdefault(code.casefold(), set()).add(ref)
        if cccd:
            self.cccds.setdefault(cccd, set()).add(ref)
        if name:
            self.names.setdefault(clean(name).casefold(), set()).add(ref)
        self.labels[ref] = code or cccd or name

    def resolve(self, row: _PersonRow, report: _Report) -> None:
        for column, text in row.introducers:
            key = text.casefold()
            refs = self.codes.get(key) or self.cccds.get(text) or self.names.get(key) or set()
            if not refs:
                report.error(row.sheet, row.row, column, "INTRODUCER_UNKNOWN", value=text)
            elif len(refs) > 1:
                codes = ", ".join(sorted(self.labels[r] for r in refs))
                report.error(
                    row.sheet,
                    row.row,
                    column,
                    "INTRODUCER_AMBIGUOUS",
                    count=len(refs),
                    value=text,
                    codes=codes,
                )
            elif (ref := next(iter(refs))) in row.introducer_refs:
                report.error(row.sheet, row.row, column, "INTRODUCER_REPEATED")
            else:
                row.introducer_refs.append(ref)


# --- the import -----------------------------------------------------------------------------


Progress = Callable[[int, int], None]  # (rows done, rows in all)


class _Cancelled(Exception):
    """Raised inside the import when the caller asks it to stop; the transaction rolls back."""


class _Steps:
    """Counts the rows checked and then written (each row twice), tells `progress` now and then
    (about a hundred times in all, and always at the end) and stops when `is_cancelled`."""

    def __init__(self, progress: Progress | None, is_cancelled: Callable[[], bool] | None) -> None:
        self._progress = progress
        self._is_cancelled = is_cancelled
        self.total = 0
        self.done = 0
        self._told = -1

    def start(self, rows: int) -> None:
        self.total = 2 * rows
        self._tell(force=True)

    def step(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        self.stop_if_cancelled()
        self._tell()

    def each(self, rows: Sequence[T]) -> Iterator[T]:
        """The rows, one step counted after each."""
        for row in rows:
            yield row
            self.step()

    def finish(self) -> None:
        self.done = self.total
        self._tell(force=True)

    def stop_if_cancelled(self) -> None:
        if self._is_cancelled is not None and self._is_cancelled():
            raise _Cancelled

    def _tell(self, force: bool = False) -> None:
        if self._progress is None or self.done == self._told:
            return
        if force or self.done - self._told >= max(1, self.total // 100):
            self._told = self.done
            self._progress(self.done, self.total)


def import_people(
    db: Database,
    path: Path,
    dry_run: bool = False,
    lang: str = "vi",
    actor: str = "",
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Check every row of the file, then (unless `dry_run`, or any error) write it all in one
    transaction. The result counts rows created, updated and unchanged, and lists warnings and
    errors placed by sheet, row and column, in the order of the sheets, rows and columns.

    `progress(done, total)` is called from time to time while rows are checked and written
    (on the caller's thread), ending at done == total. When `is_cancelled()` turns true the
    import stops, the transaction is rolled back, and the result says `cancelled`."""
    result = ImportResult(file=str(path), dry_run=dry_run)
    steps = _Steps(progress, is_cancelled)
    try:
        _import(db, path, dry_run, actor or audit.current_user(), _Report(result, lang), steps)
    except _Cancelled:
        return ImportResult(file=str(path), dry_run=dry_run, cancelled=True)
    result.errors.sort(key=_place)
    result.warnings.sort(key=_place)
    steps.finish()
    return result


def _import(
    db: Database, path: Path, dry_run: bool, actor: str, report: _Report, steps: _Steps
) -> None:
    steps.stop_if_cancelled()
    try:
        book = wb.read_workbook(path)
    except wb.WorkbookError as exc:
        report.error("", None, "", exc.code, **exc.params)
        return
    for issue in book.issues:
        add = report.error if issue.error else report.warn
        add(issue.sheet, issue.row, issue.column, issue.code, **issue.params)
    member_rows, people_rows = book.rows.get(MEMBERS, []), book.rows.get(PEOPLE, [])
    steps.start(len(member_rows) + len(people_rows))
    members = [m for raw in steps.each(member_rows) if (m := _parse_member(raw, report))]
    people = [p for raw in steps.each(people_rows) if (p := _parse_person(raw, report))]
    _no_duplicates(member_rows, report)
    _no_duplicates(people_rows, report)
    # Rows that parsed are still checked against the database (keys, units, introducers), so
    # one pass reports every mistake the file has; `check` fails if any error was reported.
    with db.reader() if dry_run else db.unit_of_work() as session:
        writer = _Writer(session, report, actor, path, dry_run, steps)
        if writer.check(members, people):
            writer.write(members, people)
        # The last chance to stop: raising here rolls the whole transaction back.
        steps.stop_if_cancelled()


_SHEET_RANK = {"": 0, PEOPLE: 1, MEMBERS: 2}
_COLUMN_RANK = {
    sheet: {c.header: i for i, c in enumerate(columns)} for sheet, columns in wb.SHEETS.items()
}


def _place(issue: Issue) -> tuple[int, int, int]:
    columns = _COLUMN_RANK.get(issue.sheet, {})
    return (
        _SHEET_RANK.get(issue.sheet, len(_SHEET_RANK)),
        issue.row or 0,
        columns.get(issue.column, len(columns)),
    )


class _Writer:
    def __init__(
        self,
        session: Session,
        report: _Report,
        actor: str,
        path: Path,
        dry_run: bool,
        steps: _Steps | None = None,
    ) -> None:
        self.steps = steps or _Steps(None, None)
        self.session = session
        self.report = report
        self.actor = actor
        self.reason = f"Nhập từ bảng tính {path.name}"
        self.dry_run = dry_run
        self.home = ""  # this install's unit: parent of new units, unit of unplaced rows
        self.members: dict[str, Member] = {}  # id -> stored member
        self.refs: dict[str, Member | None] = {}  # member reference -> member (None: dry run)
        self.changed_members: set[str] = set()
        self.units: _Units | None = None
        self.pending: list[tuple[str, str, Any, dict[str, Any] | None]] = []

    # -- checking against the database

    def check(self, members: list[_Row], people: list[_PersonRow]) -> bool:
        """Resolve keys, units and introducers; False (with errors reported) if any fails."""
        install = queries.install(self.session)
        if install is None:
            self.report.error("", None, "", "NOT_INITIALISED")
            return False
        self.home = install.unit_id
        self.units = _Units(queries.all_units(self.session), self.report)
        stored_members = queries.members_index(self.session)
        self.members = {m.id: m for m in stored_members}
        _match(
            members,
            [_Stored(m.id, m.code, m.cccd, m.full_name) for m in stored_members],
            self.report,
        )
        keys = import_queries.people_keys(
            self.session,
            (p.code for p in people if p.code),
            (p.cccd for p in people if p.cccd),
        )
        _match(people, [_Stored(*k) for k in keys], self.report)
        for row in (*members, *people):
            self.units.resolve(row)
        index = _Members(stored_members, members)
        for person in people:
            index.resolve(person, self.report)
        return not self.report.result.errors

    # -- writing

    def write(self, members: list[_Row], people: list[_PersonRow]) -> None:
        assert self.units is not None
        if not self.dry_run:
            import_queries.defer_foreign_keys(self.session)
            for unit in self.units.new.values():
                unit.parent_id = self.home
                unit.owner_unit_id = unit.id
                self.session.add(unit)
                self._log("create", "unit", unit)
        for row in self.steps.each(members):
            self._member(row)
        self.refs.update({f"db:{mid}": m for mid, m in self.members.items()})
        self._flush()
        calendar = load_calendar(self.session)
        for chunk in _chunks(people, CHUNK):
            ids = [p.existing_id for p in chunk if p.existing_id]
            stored = {p.id: p for p in queries.people_by_ids(self.session, ids)} if ids else {}
            # Without this, refresh's DELETE would flush each pending person on its own.
            with self.session.no_autoflush:
                for row in self.steps.each(chunk):
                    person = stored.get(row.existing_id) if row.existing_id else None
                    self._person(row, person, calendar)
            self._flush()

    def _flush(self) -> None:
        """Write what is pending, then its audit entries, then let go of the written rows."""
        if not self.dry_run:
            self.session.flush()
            for action, entity, obj, before in self.pending:
                audit.log(
                    self.session,
                    self.actor,
                    action,
                    entity,
                    obj.id,
                    before=before,
                    after=audit.snapshot(obj),
                    reason=self.reason,
                )
            self.pending.clear()
            self.session.flush()
        # An empty identity map keeps each per-person DELETE of derived deadlines cheap (the ORM
        # scans the whole map to keep it in step); members come back as assignments need them.
        self.session.expunge_all()

    def _log(
        self, action: str, entity: str, obj: Any, before: dict[str, Any] | None = None
    ) -> None:
        self.pending.append((action, entity, obj, before))

    def _member(self, row: _Row) -> None:
        target = dict(row.fields)
        if row.unit_id:
            target["unit_id"] = row.unit_id
        member = self.members.get(row.existing_id) if row.existing_id else None
        ref = f"db:{member.id}" if member else f"row:{row.row}"
        if member is None:
            target.setdefault("unit_id", self.home)
            target.setdefault("status", MemberStatus.PROBATIONARY.value)
            self.report.result.members.add(existed=False, changed=True)
            if self.dry_run:
                self.refs[ref] = None
                return
            member = Member(id=new_id(), owner_unit_id=target["unit_id"], **target)
            _member_keys(member)
            self.session.add(member)
            self.refs[ref] = member
            self._log("create", "member", member)
            return
        diff = {k: val for k, val in target.items() if getattr(member, k) != val}
        self.report.result.members.add(existed=True, changed=bool(diff))
        if not diff or self.dry_run:
            return
        before = audit.snapshot(member)
        for key, value in diff.items():
            setattr(member, key, value)
        _member_keys(member)
        self.changed_members.add(member.id)
        self._log("update", "member", member, before)

    def _person(self, row: _PersonRow, person: Person | None, calendar: WorkCalendar) -> None:
        target = dict(row.fields)
        if row.unit_id:
            target["unit_id"] = row.unit_id
        elif person is None:
            target["unit_id"] = self.home
        if person is None:
            fields = target
        else:
            fields = {k: val for k, val in target.items() if getattr(person, k) != val}
        plan = _plan_records(row, person)
        new_refs, kept = self._introducer_plan(row, person)
        if kept:
            self.report.warn(
                row.sheet, row.row, wb.INTRODUCER_1, "INTRODUCERS_KEPT", names=", ".join(kept)
            )
        changed = bool(fields) or bool(plan) or bool(new_refs)
        self.report.result.people.add(existed=person is not None, changed=changed)
        if self.dry_run:
            return
        if person is None:
            person = Person(
                id=new_id(),
                owner_unit_id=fields["unit_id"],
                family=[],
                events=[],
                certificates=[],
                assignments=[],
            )
            apply_input(person, PersonInput(**fields))
            self.session.add(person)
            self._log("create", "person", person)
        elif fields:
            before = audit.snapshot(person)
            current = {f.name: getattr(person, f.name) for f in _INPUT_FIELDS}
            apply_input(person, PersonInput(**{**current, **fields}))
            self._log("update", "person", person, before)
        elif not changed and not self._introducer_changed(person):
            return
        self._apply_records(person, plan)
        for ref in new_refs:
            member = self.refs[ref]
            assert member is not None
            member = import_queries.attached(self.session, member)
            assignment = Assignment(
                id=new_id(),
                owner_unit_id=person.owner_unit_id,
                role="introducer",
                member_id=member.id,
                member=member,
            )
            person.assignments.append(assignment)
            self._log("add_assignment", "assignment", assignment)
        refresh(self.session, person, calendar)

    def _introducer_plan(
        self, row: _PersonRow, person: Person | None
    ) -> tuple[list[str], list[str]]:
        """Introducer references to add, and names of assigned ones the file leaves out."""
        if not row.introducer_refs:
            return [], []
        active = {
            a.member_id: a.member.full_name
            for a in (person.assignments if person else [])
            if a.role == "introducer" and a.to_date is None
        }
        named = {ref[3:] for ref in row.introducer_refs if ref.startswith("db:")}
        new_refs = [ref for ref in row.introducer_refs if ref[3:] not in active]
        kept = [name for member_id, name in active.items() if member_id not in named]
        return new_refs, kept

    def _introducer_changed(self, person: Person) -> bool:
        """An introducer's record changed in this import, so the person's checks may differ."""
        return any(a.member_id in self.changed_members for a in person.assignments)

    def _apply_records(self, person: Person, plan: _RecordPlan) -> None:
        for values in plan.new_events:
            event = PipelineEvent(id=new_id(), owner_unit_id=person.owner_unit_id, **values)
            person.events.append(event)
            self._log("add_event", "event", event)
        for values in plan.new_certificates:
            certificate = CertificateRecord(
                id=new_id(), owner_unit_id=person.owner_unit_id, **values
            )
            person.certificates.append(certificate)
            self._log("add_certificate", "certificate", certificate)
        for record, diff in plan.updates:
            entity = "event" if isinstance(record, PipelineEvent) else "certificate"
            before = audit.snapshot(record)
            for key, value in diff.items():
                setattr(record, key, value)
            self._log(f"update_{entity}", entity, record, before)


_INPUT_FIELDS = [f for f in dataclasses.fields(PersonInput) if f.name != "family"]


def _member_keys(member: Member) -> None:
    member.sort_key = name_sort_key(member.full_name)
    member.search_text = search_key(member.full_name, member.code, member.cccd)


@dataclass
class _RecordPlan:
    """The events and certificate a row adds to a person, and the ones it corrects."""

    new_events: list[dict[str, Any]] = field(default_factory=list)
    new_certificates: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[PipelineEvent | CertificateRecord, dict[str, Any]]] = field(
        default_factory=list
    )

    def __bool__(self) -> bool:
        return bool(self.new_events or self.new_certificates or self.updates)

    def add_or_correct(
        self,
        new: list[dict[str, Any]],
        same: Sequence[PipelineEvent | CertificateRecord],
        values: dict[str, Any],
        date_attr: str,
    ) -> None:
        """Add the record, or else correct the one of its kind on the same date, or else the
        latest one of its kind."""
        if not same:
            new.append(values)
            return
        on = values[date_attr]
        target = next((r for r in same if getattr(r, date_attr) == on), None)
        if target is None:
            target = max(same, key=lambda r: cast(date, getattr(r, date_attr)))
        diff = {k: val for k, val in values.items() if getattr(target, k) != val}
        if diff:
            self.updates.append((target, diff))


def _plan_records(row: _PersonRow, person: Person | None) -> _RecordPlan:
    plan = _RecordPlan()
    events = list(person.events) if person else []
    for kind in _EVENT_KINDS:
        on = row.dates.get(kind.value)
        if on is None:
            continue
        values: dict[str, Any] = {"kind": kind.value, "on_date": on}
        if kind is EventKind.CELL_VOTE:
            if row.official_members is not None:
                values["official_members"] = row.official_members
            if row.votes_for is not None:
                values["votes_for"] = row.votes_for
        same = [e for e in events if e.kind == kind.value]
        plan.add_or_correct(plan.new_events, same, values, "on_date")
    vote_on = row.dates.get(v.CELL_VOTE)
    youth_union = MassOrg.YOUTH_UNION.value
    recorded = any(
        e.kind == EventKind.MASS_ORG_RESOLUTION and e.mass_org in (youth_union, None)
        for e in events
    )
    if row.youth_union_route and vote_on is not None and not recorded:
        plan.new_events.append(
            {
                "kind": EventKind.MASS_ORG_RESOLUTION.value,
                "on_date": vote_on,
                "mass_org": youth_union,
                "reason": _MASS_ORG_NOTE,
            }
        )
    issued = row.dates.get(v.CERTIFICATE)
    if issued is not None:
        values = {"kind": "awareness", "issued_on": issued}
        if row.certificate_number is not None:
            values["number"] = row.certificate_number
        same_certs = [c for c in (person.certificates if person else []) if c.kind == "awareness"]
        plan.add_or_correct(plan.new_certificates, same_certs, values, "issued_on")
    return plan


def _chunks(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
