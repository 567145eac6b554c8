"""Every query the services need, in one place: services hand in a session and get rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Row, delete, func, insert, inspect, or_, select
from sqlalchemy.orm import Session, selectinload

from dvdesk.db.models import (
    Assignment,
    AuditEntry,
    CalendarOverride,
    Correction,
    Deletion,
    Install,
    Member,
    OpenDeadline,
    Person,
    Unit,
)


def install(session: Session) -> Install | None:
    return session.get(Install, 1)


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.code == code)).first()


def unit_by_name(session: Session, name: str) -> Unit | None:
    return session.scalars(select(Unit).where(Unit.name == name)).first()


def all_units(session: Session) -> Sequence[Unit]:
    return session.scalars(select(Unit).order_by(Unit.code)).all()


def calendar_overrides(session: Session) -> dict[date, bool]:
    return {row.day: row.working for row in session.scalars(select(CalendarOverride))}


def _full_person() -> Iterable[object]:
    return (
        selectinload(Person.events),
        selectinload(Person.certificates),
        selectinload(Person.assignments).selectinload(Assignment.member),
        selectinload(Person.family),
    )


def person_by_key(session: Session, key: str) -> Person | None:
    """A person by Mã, CCCD or id, whichever matches first."""
    stmt = (
        select(Person)
        .where(or_(Person.code == key, Person.cccd == key, Person.id == key))
        .options(*_full_person())  # type: ignore[arg-type]
    )
    return session.scalars(stmt).first()


# Ids per IN (…): well under SQLite's limit on bound parameters.
_IN_CHUNK = 500


def people_by_ids(session: Session, ids: Sequence[str]) -> Sequence[Person]:
    stmt = select(Person).where(Person.id.in_(ids)).options(*_full_person())  # type: ignore[arg-type]
    return session.scalars(stmt).all()


def people_by_codes(session: Session, codes: Iterable[str]) -> dict[str, Person]:
    stmt = select(Person).where(Person.code.in_(list(codes))).options(*_full_person())  # type: ignore[arg-type]
    return {p.code: p for p in session.scalars(stmt) if p.code}


def people_by_cccds(session: Session, cccds: Iterable[str]) -> dict[str, Person]:
    stmt = select(Person).where(Person.cccd.in_(list(cccds))).options(*_full_person())  # type: ignore[arg-type]
    return {p.cccd: p for p in session.scalars(stmt) if p.cccd}


def all_person_ids(session: Session) -> list[str]:
    return list(session.scalars(select(Person.id)))


# The end of probation is a date to know, not an act anyone can be late for.
INFORMATIONAL_DEADLINES = ("probation_end",)

PERSON_ROW_COLUMNS = (
    Person.id,
    Person.code,
    Person.full_name,
    Person.sort_key,
    Person.search_text,
    Person.stage,
    Person.next_due,
    Person.next_due_kind,
    Person.error_count,
    Person.warning_count,
    Person.youth_union_member,
    Person.occupation,
)


def search_people(
    session: Session,
    folded_terms: Sequence[str] = (),
    stage: str | None = None,
    unit_id: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Sequence[Row[Any]]:  # many columns: Row[Any] stands for them
    """Plain rows (PERSON_ROW_COLUMNS + unit name) of the people whose folded search text holds
    every term, sorted the Vietnamese way. Columns, not objects: lists run to 100,000 people."""
    stmt = select(*PERSON_ROW_COLUMNS, Unit.name.label("unit_name")).outerjoin(
        Unit, Person.unit_id == Unit.id
    )
    for term in folded_terms:
        stmt = stmt.where(Person.search_text.contains(term, autoescape=True))
    if stage:
        stmt = stmt.where(Person.stage == stage)
    if unit_id:
        stmt = stmt.where(Person.unit_id == unit_id)
    stmt = stmt.order_by(Person.sort_key, Person.id).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows: Sequence[Row[Any]] = session.execute(stmt).all()  # type: ignore[assignment]
    return rows


def count_people(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Person)) or 0


def deadlines_until(session: Session, until: date) -> Sequence[tuple[OpenDeadline, Person]]:
    """Open deadlines due on or before `until` (overdue ones included), earliest first."""
    stmt = (
        select(OpenDeadline, Person)
        .join(Person, OpenDeadline.person_id == Person.id)
        .where(OpenDeadline.due <= until)
        .order_by(OpenDeadline.due, Person.sort_key)
    )
    return [(row[0], row[1]) for row in session.execute(stmt)]


def replace_deadlines(session: Session, person: Person, rows: Sequence[OpenDeadline]) -> None:
    """Put `rows` in place of the person's open deadlines (the rows must name the person)."""
    if inspect(person).has_identity:  # a person not yet written has none to delete
        session.execute(
            delete(OpenDeadline).where(OpenDeadline.person_id == person.id),
            execution_options={"synchronize_session": False},
        )
    session.add_all(rows)


def replace_deadlines_of(
    session: Session, person_ids: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    """Put `rows` (person_id, kind, start, due, overdue_code) in place of the open deadlines
    of these people, already written: one DELETE and one INSERT per chunk, for the many people
    an exchange file or a calendar change touches."""
    for start in range(0, len(person_ids), _IN_CHUNK):
        session.execute(
            delete(OpenDeadline).where(
                OpenDeadline.person_id.in_(list(person_ids[start : start + _IN_CHUNK]))
            ),
            execution_options={"synchronize_session": False},
        )
    if rows:
        session.execute(insert(OpenDeadline), list(rows))


def members_index(session: Session) -> Sequence[Member]:
    return session.scalars(select(Member)).all()


def member_by_key(session: Session, key: str) -> Member | None:
    stmt = select(Member).where(or_(Member.code == key, Member.cccd == key, Member.id == key))
    return session.scalars(stmt).first()


def search_members(session: Session, folded_terms: Sequence[str] = ()) -> Sequence[Member]:
    stmt = select(Member)
    for term in folded_terms:
        stmt = stmt.where(Member.search_text.contains(term, autoescape=True))
    return session.scalars(stmt.order_by(Member.sort_key)).all()


def audit_entries(session: Session, entity_id: str | None = None) -> Sequence[AuditEntry]:
    stmt = select(AuditEntry).order_by(AuditEntry.id)
    if entity_id:
        stmt = stmt.where(AuditEntry.entity_id == entity_id)
    return session.scalars(stmt).all()


def set_calendar_override(session: Session, day: date, working: bool | None, note: str) -> None:
    """Add, change (working True/False) or remove (None) the override of one day."""
    row = session.get(CalendarOverride, day)
    if working is None:
        if row is not None:
            session.delete(row)
            # Remembered, so the removal reaches the chi bộ that had the day (see sync_queries).
            session.add(
                Deletion(
                    entity="calendar_overrides",
                    record_id=day.isoformat(),
                    owner_unit_id=None,
                    deleted_at=datetime.now(UTC).replace(tzinfo=None),
                )
            )
        return
    if row is None:
        session.add(CalendarOverride(day=day, working=working, note=note))
    else:
        row.working, row.note = working, note


def calendar_override_rows(session: Session) -> Sequence[CalendarOverride]:
    return session.scalars(select(CalendarOverride).order_by(CalendarOverride.day)).all()


def corrections(session: Session, open_only: bool) -> Sequence[tuple[Correction, str | None, str]]:
    """Returns for correction with the person's code and name, oldest first."""
    stmt = select(Correction, Person.code, Person.full_name).join(
        Person, Person.id == Correction.person_id
    )
    if open_only:
        stmt = stmt.where(Correction.resolved_on.is_(None))
    rows = session.execute(stmt.order_by(Correction.returned_on, Correction.id))
    return [(r[0], r[1], r[2]) for r in rows]
