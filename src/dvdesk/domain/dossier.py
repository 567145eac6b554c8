"""What a printed form is filled from: one person's file, one class, or a register, as plain data.

The service layer reads these from the database (services/printing.py); every form module in
reports/forms/ turns one of them, plus a `PrintContext`, into the form's own dataclass and then
into PDF bytes. Nothing here touches the database or ReportLab, so each form can be tested on
hand-made data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from dvdesk.domain.pipeline import EventKind


@dataclass(frozen=True)
class MarginsMM:
    """Page margins in millimetres (a setting; 36-HD/VPTW sources disagree)."""

    top: float = 20
    bottom: float = 20
    left: float = 30
    right: float = 15


@dataclass(frozen=True)
class PrintContext:
    """Who issues the document, where, when, under which number, and what the user typed.

    `cell_*` is the person's chi bộ; `committee_*` the party committee above it that proposes
    or decides (đảng ủy cơ sở, or the office's committee); `superior_of_*` the body printed
    above each in the heading.
    """

    on: date  # the date on the document's place-and-date line
    place: str  # "Hà Nội" (địa danh)
    cell_name: str  # "Chi bộ Khu phố 3"
    committee_name: str  # "Đảng ủy phường Dịch Vọng"
    superior_of_cell: str = ""  # printed above the chi bộ; usually the committee
    superior_of_committee: str = ""  # printed above the committee
    cell_symbol: str = "CB"  # "Số 12-NQ/CB"
    committee_symbol: str = "ĐU"  # "Số 30-QĐ/ĐU"
    cell_secretary: str = ""  # signs T/M CHI BỘ, BÍ THƯ
    committee_secretary: str = ""  # signs T/M ĐẢNG ỦY (or T/M BAN THƯỜNG VỤ), BÍ THƯ
    committee_signs_as: str = "T/M BAN THƯỜNG VỤ"  # the authority line on its decisions
    number: int | None = None  # from the document register; None on unnumbered forms
    # Free text typed in the print dialog (conclusions, assessments …), keyed by the names the
    # form's catalogue entry lists; a missing key prints dotted lines to write on by hand.
    inputs: Mapping[str, str] = field(default_factory=dict)
    margins: MarginsMM = field(default_factory=MarginsMM)

    def text(self, key: str) -> str:
        return self.inputs.get(key, "").strip()


@dataclass(frozen=True)
class FamilyEntry:
    relation: str  # "Cha đẻ", "Mẹ đẻ", "Vợ" …
    full_name: str
    birth_year: int | None
    hometown: str
    residence: str
    occupation: str
    party_member: bool
    history: str  # political history, conduct


@dataclass(frozen=True)
class DossierEvent:
    kind: EventKind
    on: date
    number: str = ""  # "12-NQ/CB" as recorded
    official_members: int | None = None
    present: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    mass_org: str | None = None  # "youth_union" / "trade_union" on a 4-KNĐ event
    reason: str = ""


@dataclass(frozen=True)
class MemberRef:
    """A Party member named on a form: an introducer or a helper."""

    full_name: str
    birth_date: date | None
    status: str  # "official" / "probationary"
    admission_decision_date: date | None
    official_date: date | None
    cell_name: str
    from_date: date | None  # when the assignment began
    to_date: date | None
    replacement: bool = False


@dataclass(frozen=True)
class CertificateEntry:
    kind: str  # "awareness" / "new_member"
    number: str
    issued_on: date
    issuer: str
    class_name: str = ""
    class_start: date | None = None
    class_end: date | None = None


@dataclass(frozen=True)
class PersonDossier:
    """One person's file as the forms need it (2-KNĐ fields dvdesk keeps, events, people)."""

    person_id: str
    code: str | None
    full_name: str
    birth_name: str
    sex: str  # "nam" / "nu" / ""
    birth_date: date | None
    birth_place: str
    hometown: str
    residence: str
    cccd: str | None
    ethnicity: str
    religion: str
    education: str  # as written, "12/12"
    occupation: str
    youth_union_member: bool
    youth_union_date: date | None
    trade_union_member: bool
    trade_union_date: date | None
    joined_unit_on: date | None
    notes: str
    cell_name: str
    family: tuple[FamilyEntry, ...] = ()
    events: tuple[DossierEvent, ...] = ()  # in date order
    introducers: tuple[MemberRef, ...] = ()  # current ones first
    helpers: tuple[MemberRef, ...] = ()
    helper_notes: tuple[tuple[date, str], ...] = ()  # the current helper's dated notes
    certificates: tuple[CertificateEntry, ...] = ()

    def last(self, kind: EventKind) -> DossierEvent | None:
        found = [e for e in self.events if e.kind is kind]
        return found[-1] if found else None

    @property
    def sex_label(self) -> str:
        return {"nam": "Nam", "nu": "Nữ"}.get(self.sex, "")

    def certificate(self, kind: str) -> CertificateEntry | None:
        found = sorted((c for c in self.certificates if c.kind == kind), key=lambda c: c.issued_on)
        return found[-1] if found else None


@dataclass(frozen=True)
class RosterEntry:
    """One person on a class roster."""

    full_name: str
    birth_date: date | None
    sex: str
    cell_name: str
    status: str  # "nominated", "enrolled", "passed", "failed", "withdrawn"
    attended_sessions: int | None
    score: str
    certificate_number: str
    certificate_issued_on: date | None


@dataclass(frozen=True)
class ClassDossier:
    """One class with its roster: the roster and the certificates print from it."""

    class_id: str
    kind: str  # "awareness" / "new_member"
    name: str
    organiser: str
    place: str
    start_date: date | None
    end_date: date | None
    entries: tuple[RosterEntry, ...] = ()


@dataclass(frozen=True)
class ProbationRow:
    """One row of the probationary members' register (18-KNĐ)."""

    order: int
    full_name: str
    record_number: str  # số lý lịch (the person's code until a record number is issued)
    birth_date: date | None
    sex: str
    hometown: str
    cell_name: str
    decision_number: str
    decision_date: date | None
    ceremony_date: date | None
    official_date: date | None
    note: str  # "Xóa tên ngày …", "Kết nạp lại" …
