"""Turning a stored person into rule facts, and keeping the derived columns in step."""

from __future__ import annotations

from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Session
from dvdesk.db.models import OpenDeadline, Person, PipelineEvent
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.deadlines import DeadlineKind, OverdueCode, open_deadlines
from dvdesk.domain.facts import (
    CandidateFacts,
    Certificate,
    Event,
    Introducer,
    MassOrg,
    MemberStatus,
)
from dvdesk.domain.findings import Severity
from dvdesk.domain.pipeline import EventKind
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


def refresh(session: Session, person: Person, calendar: WorkCalendar) -> None:
    """Recompute stage, open deadlines and rule counts from the person's own records."""
    facts = facts_for(person)
    person.stage = derive_stage(
        facts.events, has_certificate=any(c.kind == "awareness" for c in facts.certificates)
    ).value
    deadlines = open_deadlines(facts, calendar)
    actionable = [d for d in deadlines if d.kind != DeadlineKind.PROBATION_END] or deadlines
    first = min(actionable, key=lambda d: d.due) if actionable else None
    person.next_due = first.due if first else None
    person.next_due_kind = first.kind.value if first else ""
    # Lateness is counted by the deadline table; these counts are the rule findings proper.
    late = {code.value for code in OverdueCode}
    findings = [f for f in check(facts, today(), calendar) if f.code not in late]
    person.error_count = sum(1 for f in findings if f.severity == Severity.ERROR)
    person.warning_count = sum(1 for f in findings if f.severity == Severity.WARNING)
    if person.id is None:
        session.flush()
    queries.replace_deadlines(
        session,
        person.id,
        [
            OpenDeadline(
                person_id=person.id,
                kind=d.kind.value,
                start=d.start,
                due=d.due,
                overdue_code=d.overdue_code or "",
            )
            for d in deadlines
        ],
    )


def today() -> date:
    return date.today()
