"""Read-only queries behind the window's overview: counts per stage, deadline counts, the unit's
members and the classes. Aggregates run in SQL so they stay fast over 100,000 people."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dvdesk.db.models import CertificateRecord, Member, OpenDeadline, PartyClass, Person, Unit
from dvdesk.db.queries import INFORMATIONAL_DEADLINES as _INFORMATIONAL_KINDS


def stage_counts(session: Session) -> dict[str, int]:
    stmt = select(Person.stage, func.count()).group_by(Person.stage)
    return {str(row[0]): int(row[1]) for row in session.execute(stmt)}


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


def member_rows(session: Session, limit: int | None = None, offset: int = 0) -> Sequence[Any]:
    """The unit's members with their unit's name, in name order; plain rows, not ORM objects,
    so a page of thousands reads quickly."""
    stmt = (
        select(
            Member.id,
            Member.code,
            Member.full_name,
            Member.sort_key,
            Member.search_text,
            Unit.name.label("unit_name"),
            Member.status,
            Member.admission_decision_date,
            Member.ceremony_date,
            Member.official_date,
            Member.card_number,
            Member.joined_cell_on,
            Member.left_on,
        )
        .outerjoin(Unit, Member.unit_id == Unit.id)
        .order_by(Member.sort_key, Member.id)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.execute(stmt).all()


def certificates_per_class() -> Any:
    """Subquery (class_id, n): how many certificates each class has issued."""
    return (
        select(CertificateRecord.class_id, func.count().label("n"))
        .where(CertificateRecord.class_id.is_not(None))
        .group_by(CertificateRecord.class_id)
        .subquery()
    )


def class_rows(session: Session, limit: int | None = None, offset: int = 0) -> Sequence[Any]:
    """Classes, newest first, with how many certificates each has issued."""
    issued = certificates_per_class()
    stmt = (
        select(
            PartyClass.id,
            PartyClass.kind,
            PartyClass.name,
            PartyClass.organiser,
            PartyClass.start_date,
            PartyClass.end_date,
            func.coalesce(issued.c.n, 0).label("certificates"),
        )
        .outerjoin(issued, issued.c.class_id == PartyClass.id)
        .order_by(PartyClass.start_date.desc(), PartyClass.name, PartyClass.id)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return session.execute(stmt).all()
