"""Danh sách học viên: the roster of an awareness class or a new-member class.

Landscape A4 table under the organising committee's heading: STT, name, birth date, sex, chi
bộ, status, sessions attended, result, certificate number; totals at the end; signer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvdesk.domain.dossier import ClassDossier, PrintContext, RosterEntry
from dvdesk.domain.forms import FormInput
from dvdesk.reports.forms.certificate import programme
from dvdesk.reports.pdf_layout import (
    Heading,
    Margins,
    Signer,
    nfc,
    short_date,
    text_or_dots,
    to_margins,
)
from dvdesk.reports.table_layout import Column, TableDocument

FORM_CODE = "DS-LOP"
TITLE = "Danh sách học viên"

STATUS_LABELS = {
    "nominated": "Được cử đi học",
    "enrolled": "Đang học",
    "passed": "Hoàn thành",
    "failed": "Không đạt",
    "withdrawn": "Thôi học",
}

COLUMNS: tuple[Column, ...] = (
    Column("STT", 4.5, "center"),
    Column("Họ và tên", 20),
    Column("Ngày sinh", 9, "center"),
    Column("Giới tính", 6, "center"),
    Column("Chi bộ", 20),
    Column("Tình trạng", 11, "center"),
    Column("Số buổi học", 7, "center"),
    Column("Kết quả", 9, "center"),
    Column("Số giấy chứng nhận", 11, "center"),
)


@dataclass(frozen=True)
class RosterLine:
    order: int
    full_name: str
    birth_date: str
    sex: str
    cell_name: str
    status: str
    sessions: str
    result: str
    certificate: str

    def cells(self) -> tuple[str, ...]:
        return (
            str(self.order),
            self.full_name,
            self.birth_date,
            self.sex,
            self.cell_name,
            self.status,
            self.sessions,
            self.result,
            self.certificate,
        )


@dataclass(frozen=True)
class ClassRoster:
    """Everything printed on the roster."""

    superior_body: str
    organiser: str
    kind: str
    class_name: str
    start: date | None
    end: date | None
    class_place: str
    place: str
    issued_on: date
    lines: tuple[RosterLine, ...]
    enrolled: int  # everyone who attended (not merely nominated)
    passed: int
    failed: int
    withdrawn: int
    signer_name: str
    signer_authority: str = "T/M BAN THƯỜNG VỤ"
    signer_position: str = "BÍ THƯ"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sex(code: str) -> str:
    return {"nam": "Nam", "nu": "Nữ", "nữ": "Nữ"}.get(nfc(code).strip().lower(), nfc(code))


def line_of(order: int, e: RosterEntry) -> RosterLine:
    return RosterLine(
        order=order,
        full_name=nfc(e.full_name),
        birth_date=short_date(e.birth_date) if e.birth_date else "",
        sex=_sex(e.sex),
        cell_name=nfc(e.cell_name),
        status=STATUS_LABELS.get(e.status, nfc(e.status)),
        sessions="" if e.attended_sessions is None else str(e.attended_sessions),
        result=nfc(e.score),
        certificate=nfc(e.certificate_number),
    )


INPUTS: tuple[FormInput, ...] = (
    FormInput("superior_of_issuer", "Cấp trên của đơn vị tổ chức lớp", "Body above", False),
    FormInput(
        "signer_authority", "Thẩm quyền ký (T/M BAN THƯỜNG VỤ …)", "Signing authority", False
    ),
    FormInput("signer_position", "Chức vụ người ký", "Signer's position", False),
    FormInput("signer_name", "Họ tên người ký", "Signer's name", False),
)


def from_class(cls: ClassDossier, ctx: PrintContext) -> ClassRoster:
    statuses = [e.status for e in cls.entries]
    return ClassRoster(
        superior_body=ctx.text("superior_of_issuer") or ctx.superior_of_committee,
        organiser=cls.organiser or ctx.committee_name,
        kind=cls.kind,
        class_name=cls.name,
        start=cls.start_date,
        end=cls.end_date,
        class_place=cls.place,
        place=ctx.place,
        issued_on=ctx.on,
        lines=tuple(line_of(i, e) for i, e in enumerate(cls.entries, start=1)),
        enrolled=sum(s != "nominated" for s in statuses),
        passed=statuses.count("passed"),
        failed=statuses.count("failed"),
        withdrawn=statuses.count("withdrawn"),
        signer_name=ctx.text("signer_name") or ctx.committee_secretary,
        signer_authority=ctx.text("signer_authority") or "T/M BAN THƯỜNG VỤ",
        signer_position=ctx.text("signer_position") or "BÍ THƯ",
    )


def document(r: ClassRoster, margins: Margins | None = None) -> TableDocument:
    subtitles = [
        _capitalised(nfc(r.class_name).strip() or programme(r.kind)),
        f"Từ ngày {short_date(r.start)} đến ngày {short_date(r.end)}, "
        f"tại {text_or_dots(r.class_place)}",
    ]
    closing = [
        f"Tổng số học viên trong danh sách: {len(r.lines)}; nhập học: {r.enrolled}; "
        f"hoàn thành chương trình (được cấp giấy chứng nhận): {r.passed}; không đạt: "
        f"{r.failed}; thôi học: {r.withdrawn}.",
    ]
    return TableDocument(
        heading=Heading(
            issuing_body=r.organiser,
            number="",
            place=r.place,
            issued_on=r.issued_on,
            superior_body=r.superior_body,
        ),
        title=TITLE,
        subtitles=subtitles,
        columns=COLUMNS,
        rows=[line.cells() for line in r.lines],
        closing=closing,
        signer=Signer(
            name=text_or_dots(r.signer_name),
            position=r.signer_position,
            authority=r.signer_authority,
        ),
        margins=margins or Margins(20, 15, 20, 15),
        doc_title=f"{TITLE}: {nfc(r.class_name)}",
    )


def render(r: ClassRoster, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The roster as PDF bytes (landscape A4)."""
    return document(r, margins).render(invariant=invariant)


def render_class(cls: ClassDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_class(cls, ctx), to_margins(ctx.margins), invariant=invariant)
