"""People in the pipeline: write them (with the audit log), list, find and check them."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from dvdesk.db import queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import CertificateRecord, FamilyMember, Person, PipelineEvent, new_id
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.deadlines import deadline_status, open_deadlines
from dvdesk.domain.messages import finding_message, stage_label
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.rules import check
from dvdesk.domain.text import clean, fold, name_sort_key, search_key
from dvdesk.services import audit
from dvdesk.services.derive import facts_for, load_calendar, refresh
from dvdesk.services.errors import NotFoundError


@dataclass(frozen=True)
class FamilyInput:
    relation: str
    full_name: str
    birth_year: int | None = None
    occupation: str = ""
    residence: str = ""
    party_member: bool = False


@dataclass(frozen=True)
class PersonInput:
    """The editable personal-history fields of a person, already validated and NFC."""

    full_name: str
    code: str | None = None
    sex: str = ""
    birth_date: date | None = None
    cccd: str | None = None
    ethnicity: str = ""
    religion: str = ""
    education: str = ""
    education_grade: int | None = None
    occupation: str = ""
    youth_union_member: bool = False
    youth_union_date: date | None = None
    trade_union_member: bool = False
    trade_union_date: date | None = None
    unit_id: str | None = None
    joined_unit_on: date | None = None
    birth_place: str = ""
    hometown: str = ""
    residence: str = ""
    notes: str = ""
    family: tuple[FamilyInput, ...] | None = None  # None: leave the family rows as they are


_SCALARS = [f.name for f in fields(PersonInput) if f.name != "family"]


def _normalised(value: Any) -> Any:
    return clean(value) if isinstance(value, str) else value


def apply_input(person: Person, data: PersonInput) -> bool:
    """Copy `data` onto `person`; True when anything changed. Derived keys follow the name."""
    changed = False
    for name in _SCALARS:
        value = _normalised(getattr(data, name))
        if name in ("code", "cccd") and value == "":
            value = None
        if getattr(person, name, None) != value:
            setattr(person, name, value)
            changed = True
    person.sort_key = name_sort_key(person.full_name)
    person.search_text = search_key(person.full_name, person.code, person.cccd)
    if data.family is not None:
        wanted = [
            (
                clean(f.relation),
                clean(f.full_name),
                f.birth_year,
                clean(f.occupation),
                clean(f.residence),
                f.party_member,
            )
            for f in data.family
        ]
        current = [
            (m.relation, m.full_name, m.birth_year, m.occupation, m.residence, m.party_member)
            for m in person.family
        ]
        if wanted != current:
            person.family.clear()
            for pos, (rel, name, year, occ, res, member) in enumerate(wanted):
                person.family.append(
                    FamilyMember(
                        position=pos,
                        relation=rel,
                        full_name=name,
                        birth_year=year,
                        occupation=occ,
                        residence=res,
                        party_member=member,
                        owner_unit_id=person.owner_unit_id,
                    )
                )
            changed = True
    return changed


def create_person(
    session: Session, data: PersonInput, actor: str, calendar: WorkCalendar, owner: str | None
) -> Person:
    person = Person(
        id=new_id(), owner_unit_id=owner, family=[], events=[], certificates=[], assignments=[]
    )
    apply_input(person, data)
    session.add(person)
    refresh(session, person, calendar)
    audit.log(session, actor, "create", "person", person.id, after=audit.snapshot(person))
    return person


def update_person(
    session: Session, person: Person, data: PersonInput, actor: str, calendar: WorkCalendar
) -> bool:
    before = audit.snapshot(person)
    if not apply_input(person, data):
        return False
    refresh(session, person, calendar)
    audit.log(
        session, actor, "update", "person", person.id, before=before, after=audit.snapshot(person)
    )
    return True


@dataclass(frozen=True)
class EventInput:
    kind: EventKind
    on: date
    number: str = ""
    official_members: int | None = None
    present: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    extended: bool = False
    mass_org: str | None = None
    reason: str = ""


def creating_unit(session: Session, person: Person) -> str | None:
    """Who owns an act recorded here: this installation's unit (the office owns the decisions
    it records for a chi bộ's people), else the person's owner."""
    install = queries.install(session)
    return install.unit_id if install is not None else person.owner_unit_id


def add_event(
    session: Session,
    person: Person,
    data: EventInput,
    actor: str,
    calendar: WorkCalendar,
    override_reason: str = "",
) -> PipelineEvent:
    row = PipelineEvent(
        kind=data.kind.value,
        on_date=data.on,
        number=clean(data.number),
        official_members=data.official_members,
        present=data.present,
        votes_for=data.votes_for,
        votes_against=data.votes_against,
        extended=data.extended,
        mass_org=data.mass_org,
        reason=clean(data.reason),
        override_reason=clean(override_reason),
        owner_unit_id=creating_unit(session, person),
    )
    person.events.append(row)
    session.flush()
    refresh(session, person, calendar)
    audit.log(
        session,
        actor,
        "add_event",
        "event",
        row.id,
        after=audit.snapshot(row),
        reason=override_reason,
    )
    return row


def add_certificate(
    session: Session,
    person: Person,
    issued_on: date,
    number: str,
    actor: str,
    calendar: WorkCalendar,
    kind: str = "awareness",
    issuer: str = "",
) -> CertificateRecord:
    row = CertificateRecord(
        kind=kind,
        issued_on=issued_on,
        number=clean(number),
        issuer=clean(issuer),
        owner_unit_id=creating_unit(session, person),
    )
    person.certificates.append(row)
    session.flush()
    refresh(session, person, calendar)
    audit.log(session, actor, "add_certificate", "certificate", row.id, after=audit.snapshot(row))
    return row


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    id: str
    code: str
    full_name: str
    sort_key: str  # orders names the Vietnamese way (domain.text.name_sort_key)
    search_text: str  # folded name, code and CCCD (domain.text.search_key)
    unit: str
    stage: str
    stage_label: str
    next_due: date | None
    next_due_kind: str
    errors: int
    warnings: int
    youth_union_member: bool
    occupation: str


def person_row(r: Any, lang: str) -> PersonRow:
    """A PersonRow from a row of queries.PERSON_ROW_COLUMNS plus `unit_name`."""
    return PersonRow(
        id=r.id,
        code=r.code or "",
        full_name=r.full_name,
        sort_key=r.sort_key,
        search_text=r.search_text,
        unit=r.unit_name or "",
        stage=r.stage,
        stage_label=stage_label(Stage(r.stage), lang),
        next_due=r.next_due,
        next_due_kind=r.next_due_kind,
        errors=r.error_count,
        warnings=r.warning_count,
        youth_union_member=r.youth_union_member,
        occupation=r.occupation,
    )


def list_people(
    db: Database,
    search: str = "",
    stage: str | None = None,
    lang: str = "vi",
    limit: int | None = None,
    offset: int = 0,
) -> list[PersonRow]:
    terms = fold(search).split()
    with db.reader() as session:
        rows = queries.search_people(session, terms, stage, limit=limit, offset=offset)
        return [person_row(r, lang) for r in rows]


@dataclass(frozen=True)
class FindingView:
    code: str
    severity: str
    message: str
    basis: str


@dataclass(frozen=True)
class CheckResult:
    person: dict[str, Any]
    stage: str
    stage_label: str
    findings: list[FindingView] = field(default_factory=list)


def check_person(db: Database, key: str, on: date, lang: str = "vi") -> CheckResult:
    with db.reader() as session:
        person = queries.person_by_key(session, key)
        if person is None:
            raise NotFoundError(
                f"Không tìm thấy người có mã, số CCCD hoặc id «{key}».",
                f"No person with code, CCCD or id {key!r}.",
            )
        calendar = load_calendar(session)
        facts = facts_for(person)
        findings = check(facts, on, calendar)
        return CheckResult(
            person={
                "id": person.id,
                "code": person.code,
                "full_name": person.full_name,
                "birth_date": person.birth_date.isoformat() if person.birth_date else None,
                "cccd": person.cccd,
            },
            stage=person.stage,
            stage_label=stage_label(Stage(person.stage), lang),
            findings=[
                FindingView(f.code, f.severity.value, finding_message(f, lang), f.basis)
                for f in findings
            ],
        )


def deadline_days(
    person: Person, calendar: WorkCalendar, on: date
) -> list[tuple[str, date, str, int]]:
    """(kind, due, status, days_left) of a person's open deadlines, for detail views."""
    out = []
    for d in open_deadlines(facts_for(person), calendar):
        status, left = deadline_status(d, on)
        out.append((d.kind.value, d.due, status, left))
    return out
