"""Turning a stored person into rule facts, and keeping the derived columns in step."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Session
from dvdesk.db.models import OpenDeadline, Person, PipelineEvent
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.deadlines import Deadline, DeadlineKind, OverdueCode, open_deadlines
from dvdesk.domain.facts import (
    CandidateFacts,
    Certificate,
    Event,
    Introducer,
    MassOrg,
    MemberStatus,
)
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.rules import check
from dvdesk.domain.stages import derive_stage


def event_facts(row: PipelineEvent) -> Event:
    return Event(
        kind=EventKind(row.kind),
        on=row.on_date,
        number=row.number,
        official_members=row.official_members,
        present=row.present,
        votes_for=row.votes_for,
        votes_against=row.votes_against,
        extended=row.extended,
        mass_org=MassOrg(row.mass_org) if row.mass_org else None,
        reason=row.reason,
    )


def facts_for(person: Person) -> CandidateFacts:
    introducers = tuple(
        Introducer(
            name=a.member.full_name,
            status=MemberStatus(a.member.status),
            official_on=a.member.official_date,
            joined_cell_on=a.member.joined_cell_on,
            assigned_on=a.from_date,
            replacement=a.replacement,
        )
        for a in person.assignments
        if a.role == "introducer" and a.to_date is None
    )
    return CandidateFacts(
        birth_date=person.birth_date,
        education_grade=person.education_grade,
        youth_union_member=person.youth_union_member,
        trade_union_member=person.trade_union_member,
        joined_unit_on=person.joined_unit_on,
        certificates=tuple(
            Certificate(kind=c.kind, issued_on=c.issued_on, number=c.number)
            for c in person.certificates
        ),
        introducers=introducers,
        events=tuple(event_facts(e) for e in person.events),
    )


def load_calendar(session: Session) -> WorkCalendar:
    return WorkCalendar(queries.calendar_overrides(session))


_LATE = frozenset(code.value for code in OverdueCode)


@dataclass(frozen=True)
class Derived:
    """What a person's own records imply: the columns lists sort and filter by."""

    stage: Stage
    next_due: date | None
    next_due_kind: str
    error_count: int
    warning_count: int
    deadlines: tuple[Deadline, ...]


def derive_state(
    facts: CandidateFacts, calendar: WorkCalendar, checked: Sequence[Finding] | None = None
) -> Derived:
    """Stage, next actionable deadline, rule counts and open deadlines. `checked`: the findings
    of `check(facts, today(), calendar)` when the caller has them already (the demo does)."""
    stage = derive_stage(
        facts.events, has_certificate=any(c.kind == "awareness" for c in facts.certificates)
    )
    deadlines = open_deadlines(facts, calendar)
    # The end of probation is a date to know, not an act: it leads only when nothing else is due.
    actionable = [d for d in deadlines if d.kind != DeadlineKind.PROBATION_END] or deadlines
    first = min(actionable, key=lambda d: d.due) if actionable else None
    if checked is None:
        checked = check(facts, today(), calendar)
    # Lateness is counted by the deadline table; these counts are the rule findings proper. They
    # are as of the last refresh: a pre-vote certificate can expire without any new record.
    findings = [f for f in checked if f.code not in _LATE]
    return Derived(
        stage=stage,
        next_due=first.due if first else None,
        next_due_kind=first.kind.value if first else "",
        error_count=sum(1 for f in findings if f.severity == Severity.ERROR),
        warning_count=sum(1 for f in findings if f.severity == Severity.WARNING),
        deadlines=tuple(deadlines),
    )


def refresh(session: Session, person: Person, calendar: WorkCalendar) -> None:
    """Recompute the derived columns and open deadlines from the person's own records."""
    state = derive_state(facts_for(person), calendar)
    person.stage = state.stage.value
    person.next_due = state.next_due
    person.next_due_kind = state.next_due_kind
    person.error_count = state.error_count
    person.warning_count = state.warning_count
    queries.replace_deadlines(
        session,
        person,
        [
            OpenDeadline(
                person=person,
                kind=d.kind.value,
                start=d.start,
                due=d.due,
                overdue_code=d.overdue_code or "",
            )
            for d in state.deadlines
        ],
    )


def refresh_many(session: Session, people: Sequence[Person], calendar: WorkCalendar) -> None:
    """`refresh` for people already written, their deadlines replaced in bulk."""
    rows: list[dict[str, object]] = []
    for person in people:
        state = derive_state(facts_for(person), calendar)
        person.stage = state.stage.value
        person.next_due = state.next_due
        person.next_due_kind = state.next_due_kind
        person.error_count = state.error_count
        person.warning_count = state.warning_count
        rows += [
            {
                "person_id": person.id,
                "kind": d.kind.value,
                "start": d.start,
                "due": d.due,
                "overdue_code": d.overdue_code or "",
            }
            for d in state.deadlines
        ]
    queries.replace_deadlines_of(session, [p.id for p in people], rows)


def today() -> date:
    return date.today()
