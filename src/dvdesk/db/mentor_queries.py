"""Queries of the Mentors tab: members, their assignments, the people lacking a helper, and
the helpers' notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, and_, exists, func, select
from sqlalchemy.orm import Session, joinedload

from dvdesk.db.models import Assignment, HelperNote, Member, Person


def member_with_code(session: Session, code: str, except_id: str | None = None) -> Member | None:
    stmt = select(Member).where(Member.code == code)
    if except_id is not None:
        stmt = stmt.where(Member.id != except_id)
    return session.scalars(stmt).first()


def member_with_cccd(session: Session, cccd: str, except_id: str | None = None) -> Member | None:
    stmt = select(Member).where(Member.cccd == cccd)
    if except_id is not None:
        stmt = stmt.where(Member.id != except_id)
    return session.scalars(stmt).first()


def assignment(session: Session, assignment_id: str) -> Assignment | None:
    stmt = (
        select(Assignment)
        .where(Assignment.id == assignment_id)
        .options(joinedload(Assignment.member), joinedload(Assignment.person))
    )
    return session.scalars(stmt).first()


def assignments_of_member(session: Session, member_id: str) -> Sequence[Assignment]:
    """All the member's assignments, the person loaded, newest first."""
    stmt = (
        select(Assignment)
        .where(Assignment.member_id == member_id)
        .options(joinedload(Assignment.person))
        .order_by(Assignment.from_date.desc(), Assignment.id)
    )
    return session.scalars(stmt).all()


def open_person_ids_of_member(session: Session, member_id: str) -> list[str]:
    stmt = (
        select(Assignment.person_id)
        .where(Assignment.member_id == member_id, Assignment.to_date.is_(None))
        .distinct()
    )
    return list(session.scalars(stmt))


def people_without_open_helper(session: Session, stages: Sequence[str]) -> Sequence[Row[Any]]:
    """(id, code, full_name, stage, sort_key) of the people in `stages` with no open helper."""
    has_helper = exists().where(
        and_(
            Assignment.person_id == Person.id,
            Assignment.role == "helper",
            Assignment.to_date.is_(None),
        )
    )
    stmt = (
        select(Person.id, Person.code, Person.full_name, Person.stage, Person.sort_key)
        .where(Person.stage.in_(list(stages)), ~has_helper)
        .order_by(Person.sort_key, Person.id)
    )
    rows: Sequence[Row[Any]] = session.execute(stmt).all()  # type: ignore[assignment]
    return rows


def open_assignments_of_left_members(
    session: Session,
) -> Sequence[tuple[Assignment, Person, Member]]:
    """Open assignments whose member has left the cell (transferred out or deceased)."""
    stmt = (
        select(Assignment, Person, Member)
        .join(Person, Assignment.person_id == Person.id)
        .join(Member, Assignment.member_id == Member.id)
        .where(Assignment.to_date.is_(None), Member.left_on.is_not(None))
        .order_by(Person.sort_key, Assignment.role)
    )
    return [(r[0], r[1], r[2]) for r in session.execute(stmt)]


def open_count(session: Session, person_id: str, role: str) -> int:
    stmt = select(func.count()).where(
        Assignment.person_id == person_id,
        Assignment.role == role,
        Assignment.to_date.is_(None),
    )
    return session.scalar(stmt) or 0


def helper_notes_of_person(
    session: Session, person_id: str
) -> Sequence[tuple[HelperNote, Assignment, Member]]:
    """The notes of every helper the person has had, oldest first."""
    stmt = (
        select(HelperNote, Assignment, Member)
        .join(Assignment, HelperNote.assignment_id == Assignment.id)
        .join(Member, Assignment.member_id == Member.id)
        .where(Assignment.person_id == person_id)
        .order_by(HelperNote.on_date, HelperNote.id)
    )
    return [(r[0], r[1], r[2]) for r in session.execute(stmt)]
