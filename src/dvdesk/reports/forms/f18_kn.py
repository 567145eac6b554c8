"""Mẫu 18-KNĐ: Sổ đảng viên dự bị (the probationary members' register).

Kept by the base committee and the committee above (domain research §1.4): one row per
probationary member, landscape A4, the header rows repeated on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dvdesk.domain.dossier import PrintContext, ProbationRow
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import Heading, Margins, nfc, short_date, to_margins
from dvdesk.reports.table_layout import Column, TableDocument

FORM_CODE = "18-KNĐ"
TITLE = "Sổ đảng viên dự bị"

COLUMNS: tuple[Column, ...] = (
    Column("STT", 5, "center"),
    Column("Họ và tên (theo lý lịch)", 16),
    Column("Số lý lịch", 9.5, "center"),
    Column("Ngày sinh", 9, "center"),
    Column("Giới tính", 5.5, "center"),
    Column("Quê quán", 17),
    Column("Chi bộ", 13),
    Column("Số", 10, "center", group="Quyết định kết nạp"),
    Column("Ngày", 9, "center", group="Quyết định kết nạp"),
    Column("Ngày vào Đảng (lễ kết nạp)", 9, "center"),
    Column("Ngày chuyển chính thức", 9, "center"),
    Column("Ghi chú", 10),
)


def _date(day: date | None) -> str:
    return short_date(day) if day else ""


def _sex(code: str) -> str:
    return {"nam": "Nam", "nu": "Nữ", "nữ": "Nữ"}.get(nfc(code).strip().lower(), nfc(code))


@dataclass(frozen=True)
class RegisterRow:
    """One printed row (all text)."""

    order: str
    full_name: str
    record_number: str
    birth_date: str
    sex: str
    hometown: str
    cell_name: str
    decision_number: str
    decision_date: str
    ceremony_date: str
    official_date: str
    note: str

    def cells(self) -> tuple[str, ...]:
        return (
            self.order,
            self.full_name,
            self.record_number,
            self.birth_date,
            self.sex,
            self.hometown,
            self.cell_name,
            self.decision_number,
            self.decision_date,
            self.ceremony_date,
            self.official_date,
            self.note,
        )


@dataclass(frozen=True)
class ProbationRegister:
    """Everything printed on the 18-KNĐ."""

    superior_body: str
    committee_name: str  # the keeper: "Đảng ủy phường Dịch Vọng"
    rows: tuple[RegisterRow, ...]
    period: str = ""  # "Năm 2026" / "Từ tháng 01/2025" (printed under the title when given)
    place: str = ""
    issued_on: date | None = None  # a printed extract may carry a date; the book does not


def row_of(row: ProbationRow) -> RegisterRow:
    return RegisterRow(
        order=str(row.order),
        full_name=nfc(row.full_name),
        record_number=nfc(row.record_number),
        birth_date=_date(row.birth_date),
        sex=_sex(row.sex),
        hometown=nfc(row.hometown),
        cell_name=nfc(row.cell_name),
        decision_number=nfc(row.decision_number),
        decision_date=_date(row.decision_date),
        ceremony_date=_date(row.ceremony_date),
        official_date=_date(row.official_date),
        note=nfc(row.note),
    )


INPUTS: tuple[FormInput, ...] = (
    FormInput("period", "Thời gian (ví dụ: Năm 2026)", "Period covered", False),
)


def from_rows(rows: Sequence[ProbationRow], ctx: PrintContext) -> ProbationRegister:
    """The register of `rows` (in their order) kept by the context's committee."""
    return ProbationRegister(
        superior_body=ctx.superior_of_committee,
        committee_name=ctx.committee_name,
        rows=tuple(row_of(r) for r in sorted(rows, key=lambda r: r.order)),
        period=ctx.text("period"),
        place=ctx.place,
        issued_on=None,
    )


def document(r: ProbationRegister, margins: Margins | None = None) -> TableDocument:
    subtitles = [f"Đơn vị lập sổ: {nfc(r.committee_name)}"]
    if r.period.strip():
        subtitles.append(nfc(r.period.strip()))
    return TableDocument(
        heading=Heading(
            issuing_body=r.committee_name,
            number="",
            place=r.place,
            issued_on=r.issued_on,
            superior_body=r.superior_body,
        ),
        title=TITLE,
        subtitles=subtitles,
        columns=COLUMNS,
        rows=[row.cells() for row in r.rows],
        closing=[f"Tổng số: {len(r.rows)} đảng viên dự bị."],
        margins=margins or Margins(20, 15, 20, 15),
        form_code=FORM_CODE,
        numbered_columns=True,
        cell_size=10,
        header_size=10,
        doc_title=f"{FORM_CODE} {TITLE}: {nfc(r.committee_name)}",
    )


def render(
    r: ProbationRegister, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The register as PDF bytes (landscape A4)."""
    return document(r, margins).render(invariant=invariant)


def render_rows(
    rows: Sequence[ProbationRow], ctx: PrintContext, *, invariant: bool = False
) -> bytes:
    return render(from_rows(rows, ctx), to_margins(ctx.margins), invariant=invariant)
