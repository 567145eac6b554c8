"""The Candidates tab's reading side: one person in full, the to-do list, and a filtered,
keyset-paged list of people. Plain dataclasses out, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvdesk.db import candidate_queries, queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Person
from dvdesk.domain.dates import add_months
from dvdesk.domain.deadlines import DeadlineKind
from dvdesk.domain.messages import deadline_label, event_label, finding_message, stage_label
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.privacy import NOTICE_VERSION
from dvdesk.domain.rules import check
from dvdesk.domain.rulesets import rule_set_on
from dvdesk.domain.text import fold
from dvdesk.services.corrections import corrections
from dvdesk.services.deadlines import list_deadlines
from dvdesk.services.derive import facts_for, load_calendar
from dvdesk.services.errors import NotFoundError
from dvdesk.services.people import FindingView, PersonRow, deadline_days, person_row

_PAPERS: dict[str, tuple[str, str]] = {
    "application": ("Đơn xin vào Đảng, lý lịch (1-KNĐ, 2-KNĐ)", "Application (1-KNĐ, 2-KNĐ)"),
    "introducers": ("Giấy giới thiệu của đảng viên (3-KNĐ)", "Introducers' letters (3-KNĐ)"),
    "mass_org_resolution": (
        "Nghị quyết giới thiệu của Đoàn/Công đoàn (4-KNĐ)",
        "Mass-organisation resolution (4-KNĐ)",
    ),
    "verification": ("Kết quả thẩm tra lý lịch", "Verification of personal history"),
    "opinions": ("Tổng hợp ý kiến nhận xét (5-KNĐ)", "Compiled opinions (5-KNĐ)"),
    "certificate": ("Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng", "Awareness certificate"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


@dataclass(frozen=True)
class FamilyRow:
    relation: str
    full_name: str
    birth_year: int | None
    occupation: str
    residence: str
    party_member: bool


@dataclass(frozen=True)
class TimelineItem:
    on: date
    kind: str  # an EventKind value, or "certificate_record", "introducer", "helper"
    label: str
    number: str
    detail: str
    record_id: str


@dataclass(frozen=True)
class PaperStatus:
    paper: str  # "application", "introducers", "mass_org_resolution", ...
    label: str
    status: str  # "present", "missing" or "stale"
    on: date | None  # the date of the paper that counts
    valid_until: date | None  # last day it is still good (None: no limit)


@dataclass(frozen=True)
class AssignmentView:
    member_id: str
    name: str
    role: str  # "introducer" or "helper"
    status: str  # the member's: "official" or "probationary"
    from_date: date | None
    to_date: date | None
    replacement: bool


@dataclass(frozen=True)
class CertificateView:
    kind: str
    number: str
    issued_on: date
    issuer: str


@dataclass(frozen=True)
class DeadlineView:
    kind: str
    label: str
    due: date
    status: str  # "due" or "overdue"
    days_left: int


@dataclass(frozen=True)
class PersonDetail:
    id: str
    code: str
    full_name: str
    sex: str
    birth_date: date | None
    cccd: str
    ethnicity: str
    religion: str
    education: str
    occupation: str
    youth_union_member: bool
    trade_union_member: bool
    unit_id: str | None
    joined_unit_on: date | None
    birth_place: str
    hometown: str
    residence: str
    notes: str
    stage: str
    stage_label: str
    family: list[FamilyRow]
    timeline: list[TimelineItem]
    checklist: list[PaperStatus]
    checklist_on: date  # the vote's date when there is one, else the day asked about
    findings: list[FindingView]
    helpers: list[AssignmentView]
    introducers: list[AssignmentView]
    certificates: list[CertificateView]
    deadlines: list[DeadlineView]
    consent_on: date | None = None  # the consent in force under the current notice, if any
    secret: bool = False  # the office ruled the dossier secret (Mật)


def _timeline(person: Person, lang: str) -> list[TimelineItem]:
    items = [
        TimelineItem(
            e.on_date,
            e.kind,
            event_label(e.kind, lang),
            e.number,
            e.reason or e.override_reason,
            e.id,
        )
        for e in person.events
    ]
    items += [
        TimelineItem(
            c.issued_on,
            "certificate_record",
            event_label("certificate_record", lang),
            c.number,
            c.issuer,
            c.id,
        )
        for c in person.certificates
    ]
    items += [
        TimelineItem(a.from_date, a.role, event_label(a.role, lang), "", a.member.full_name, a.id)
        for a in person.assignments
        if a.from_date is not None
    ]
    return sorted(items, key=lambda i: (i.on, i.kind))


def _checklist(person: Person, on: date, lang: str) -> tuple[date, list[PaperStatus]]:
    votes = [e.on_date for e in person.events if e.kind == EventKind.CELL_VOTE]
    at = max(votes) if votes else on
    rs = rule_set_on(at)
    out: list[PaperStatus] = []

    def paper(name: str, dates: list[date], limit_months: int | None, inclusive: bool) -> None:
        usable = [d for d in dates if d <= at]
        if not usable:
            out.append(PaperStatus(name, _pick(_PAPERS[name], lang), "missing", None, None))
            return
        # Several papers (introducers): the oldest decides; one paper redone: the newest.
        day = min(usable) if name == "introducers" else max(usable)
        until = None
        status = "present"
        if limit_months is not None:
            end = add_months(day, limit_months)
            # Dossier papers are stale after valid_until; a certificate is expired on its end.
            stale = at >= end if inclusive else at > end
            until = end if not inclusive else date.fromordinal(end.toordinal() - 1)
            if stale:
                status = "stale"
        out.append(PaperStatus(name, _pick(_PAPERS[name], lang), status, day, until))

    def dates(kind: EventKind) -> list[date]:
        return [e.on_date for e in person.events if e.kind == kind]

    dossier = rs.dossier_valid_months
    paper("application", dates(EventKind.APPLICATION), dossier, inclusive=False)
    intro = [
        a.from_date
        for a in person.assignments
        if a.role == "introducer" and a.to_date is None and a.from_date is not None
    ]
    mass_org = dates(EventKind.MASS_ORG_RESOLUTION)
    if mass_org or person.youth_union_member or person.trade_union_member:
        paper("mass_org_resolution", mass_org, dossier, inclusive=False)
    paper("introducers", intro, dossier, inclusive=False)
    paper("verification", dates(EventKind.VERIFICATION), None, inclusive=False)
    paper("opinions", dates(EventKind.OPINIONS), dossier, inclusive=False)
    certs = [c.issued_on for c in person.certificates if c.kind == "awareness"]
    certs += dates(EventKind.CERTIFICATE)
    paper("certificate", certs, rs.certificate_valid_months, inclusive=True)
    return at, out


def _assignment_views(person: Person, role: str) -> list[AssignmentView]:
    rows = [a for a in person.assignments if a.role == role]
    rows.sort(key=lambda a: (a.from_date or date.min, a.id))
    return [
        AssignmentView(
            a.member_id,
            a.member.full_name,
            a.role,
            a.member.status,
            a.from_date,
            a.to_date,
            a.replacement,
        )
        for a in rows
    ]


def person_detail(db: Database, person_id: str, on: date, lang: str = "vi") -> PersonDetail:
    """Everything the person view shows, as of `on`."""
    with db.reader() as session:
        person = queries.person_by_key(session, person_id)
        if person is None:
            raise NotFoundError(
                f"Không tìm thấy người có id «{person_id}».", f"No person with id {person_id!r}."
            )
        calendar = load_calendar(session)
        checklist_on, checklist = _checklist(person, on, lang)
        findings = check(facts_for(person), on, calendar)
        return PersonDetail(
            id=person.id,
            code=person.code or "",
            full_name=person.full_name,
            sex=person.sex,
            birth_date=person.birth_date,
            cccd=person.cccd or "",
            ethnicity=person.ethnicity,
            religion=person.religion,
            education=person.education,
            occupation=person.occupation,
            youth_union_member=person.youth_union_member,
            trade_union_member=person.trade_union_member,
            unit_id=person.unit_id,
            joined_unit_on=person.joined_unit_on,
            birth_place=person.birth_place,
            hometown=person.hometown,
            residence=person.residence,
            notes=person.notes,
            stage=person.stage,
            stage_label=stage_label(Stage(person.stage), lang),
            family=[
                FamilyRow(
                    m.relation,
                    m.full_name,
                    m.birth_year,
                    m.occupation,
                    m.residence,
                    m.party_member,
                )
                for m in person.family
            ],
            timeline=_timeline(person, lang),
            checklist=checklist,
            checklist_on=checklist_on,
            findings=[
                FindingView(f.code, f.severity.value, finding_message(f, lang), f.basis)
                for f in findings
            ],
            helpers=_assignment_views(person, "helper"),
            introducers=_assignment_views(person, "introducer"),
            certificates=[
                CertificateView(c.kind, c.number, c.issued_on, c.issuer)
                for c in sorted(person.certificates, key=lambda c: c.issued_on)
            ],
            deadlines=[
                DeadlineView(kind, deadline_label(DeadlineKind(kind), lang), due, status, left)
                for kind, due, status, left in deadline_days(person, calendar, on)
            ],
            consent_on=max(
                (
                    c.given_on
                    for c in person.consents
                    if c.withdrawn_on is None and c.notice_version == NOTICE_VERSION
                ),
                default=None,
            ),
            secret=person.classification is not None,
        )


# --- to do -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TodoItem:
    person_id: str
    person: str  # Mã where there is one, else the id
    name: str
    kind: str
    label: str
    due: date
    status: str  # "overdue" or "due"
    days_left: int


def todo(db: Database, on: date, lang: str = "vi", within: int = 7) -> list[TodoItem]:
    """Everything overdue on `on` and everything due in the next `within` days, earliest first;
    and every dossier the office returned for correction, until the chi bộ answers it."""
    items = [
        TodoItem(d.person_id, d.person, d.name, d.kind, d.kind_label, d.due, d.status, d.days_left)
        for d in list_deadlines(db, on, within=within, lang=lang)
    ]
    for c in corrections(db, open_only=True):
        due = c.due or c.returned_on
        label = (
            f"Cấp trên trả lại để sửa: {c.reason}"
            if lang == "vi"
            else f"Returned by the office for correction: {c.reason}"
        )
        days = (due - on).days
        items.append(
            TodoItem(
                c.person_id,
                c.person_code or c.person_id,
                c.person_name,
                "correction",
                label,
                due,
                "overdue" if days < 0 else "due",
                days,
            )
        )
    items.sort(key=lambda i: (i.due, i.name))
    return items


# --- the list --------------------------------------------------------------------------------

STUDENT_WORDS = ("sinh vien", "hoc sinh")


@dataclass(frozen=True)
class PeopleFilter:
    search: str = ""  # every word must match name, Mã or CCCD, diacritics ignored
    stage: str | None = None
    unit_id: str | None = None
    overdue_on: date | None = None  # only people with an actionable deadline before this day
    youth_union: bool | None = None
    student: bool = False  # occupation mentions "sinh viên" or "học sinh"
    has_findings: bool = False  # at least one rule error or warning


def page_people(
    db: Database,
    filters: PeopleFilter,
    after: tuple[str, str] | None = None,
    limit: int = 200,
    lang: str = "vi",
) -> list[PersonRow]:
    """One page of people, ordered the Vietnamese way; pass the (sort_key, id) of the last row
    of the previous page as `after` for the next."""
    query = candidate_queries.PeopleQuery(
        folded_terms=tuple(fold(filters.search).split()),
        stage=filters.stage,
        unit_id=filters.unit_id,
        overdue_before=filters.overdue_on,
        youth_union=filters.youth_union,
        occupation_any=STUDENT_WORDS if filters.student else (),
        has_findings=True if filters.has_findings else None,
    )
    with db.reader() as session:
        return [
            person_row(r, lang) for r in candidate_queries.page_people(session, query, after, limit)
        ]
