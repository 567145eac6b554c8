"""Read-only queries behind the window's overview: counts per stage, deadline counts, the unit's
members and the classes. Aggregates run in SQL so they stay fast over 100,000 people."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dvdesk.db.models import CertificateRecord, Member, OpenDeadline, PartyClass, Person, Unit

# The end of probation is a date to know, not an act anyone can be late for.
_INFORMATIONAL_KINDS = ("probation_end",)


def stage_counts(session: Session) -> dict[str, int]:
    stmt = select(Person.stage, func.count()).group_by(Person.stage)
    return {stage: count for stage, count in session.execute(stmt).tuples()}


def overdue_counts(session: Session, on: date) -> tuple[int, int]:
    """(open deadlines past due on `on`, distinct people they belong to)."""
    stmt = select(func.count(), func.count(func.distinct(OpenDeadline.person_id))).where(
        OpenDeadline.due < on, OpenDeadline.kind.not_in(_INFORMATIONAL_KINDS)
    )
    row = session.execute(stmt).one()
    return int(row[0]), int(row[1])


def due_between_count(session: Session, first: date, last: date) -> int:
    """Open deadlines due from `first` to `last`, both included."""
    stmt = (
        select(func.count())
        .select_from(OpenDeadline)
        .where(OpenDeadline.due >= first, OpenDeadline.due <= last)
    )
    return int(session.scalar(stmt) or 0)


def members_with_units(session: Session) -> Sequence[tuple[Member, Unit | None]]:
    stmt = (
        select(Member, Unit)
        .outerjoin(Unit, Member.unit_id == Unit.id)
        .order_by(Member.sort_key, Member.id)
    )
    return [(row[0], row[1]) for row in session.execute(stmt)]


def classes_with_certificate_counts(session: Session) -> Sequence[tuple[PartyClass, int]]:
    issued = (
        select(CertificateRecord.class_id, func.count().label("n"))
        .where(CertificateRecord.class_id.is_not(None))
        .group_by(CertificateRecord.class_id)
        .subquery()
    )
    stmt = (
        select(PartyClass, func.coalesce(issued.c.n, 0))
        .outerjoin(issued, issued.c.class_id == PartyClass.id)
        .order_by(PartyClass.start_date.desc(), PartyClass.name)
    )
    return [(row[0], int(row[1])) for row in session.execute(stmt)]
