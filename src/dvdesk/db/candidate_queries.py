"""Queries of the Candidates tab: a filtered, keyset-paged list of people, and the rows an undo
needs to see. Columns, not objects, for the list: it runs over 100,000 people."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Row, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from dvdesk.db.engine import FOLD_FUNCTION
from dvdesk.db.models import (
    Assignment,
    CertificateRecord,
    OpenDeadline,
    Person,
    PipelineEvent,
    Unit,
)
from dvdesk.db.queries import INFORMATIONAL_DEADLINES as _INFORMATIONAL_DEADLINES
from dvdesk.db.queries import PERSON_ROW_COLUMNS


@dataclass(frozen=True)
class PeopleQuery:
    folded_terms: tuple[str, ...] = ()
    stage: str | None = None
    unit_id: str | None = None
    overdue_before: date | None = None
    youth_union: bool | None = None
    occupation_any: tuple[str, ...] = ()  # folded fragments; the occupation holds one of them
    has_findings: bool | None = None


def page_people(
    session: Session, query: PeopleQuery, after: tuple[str, str] | None, limit: int
) -> Sequence[Row[Any]]:
    """One page of PERSON_ROW_COLUMNS + unit name, ordered by (sort_key, id), starting after the
    (sort_key, id) of the previous page's last row (keyset paging, no OFFSET)."""
    stmt = select(*PERSON_ROW_COLUMNS, Unit.name.label("unit_name")).outerjoin(
        Unit, Person.unit_id == Unit.id
    )
    for term in query.folded_terms:
        stmt = stmt.where(Person.search_text.contains(term, autoescape=True))
    if query.stage:
        stmt = stmt.where(Person.stage == query.stage)
    if query.unit_id:
        stmt = stmt.where(Person.unit_id == query.unit_id)
    if query.youth_union is not None:
        stmt = stmt.where(Person.youth_union_member.is_(query.youth_union))
    if query.has_findings is not None:
        total = Person.error_count + Person.warning_count
        stmt = stmt.where(total > 0 if query.has_findings else total == 0)
    if query.overdue_before is not None:
        stmt = stmt.where(
            exists().where(
                OpenDeadline.person_id == Person.id,
                OpenDeadline.due < query.overdue_before,
                OpenDeadline.kind.not_in(_INFORMATIONAL_DEADLINES),
            )
        )
    if query.occupation_any:
        folded = getattr(func, FOLD_FUNCTION)(Person.occupation)
        stmt = stmt.where(
            or_(*(folded.contains(part, autoescape=True) for part in query.occupation_any))
        )
    if after is not None:
        key, last_id = after
        stmt = stmt.where(
            or_(Person.sort_key > key, and_(Person.sort_key == key, Person.id > last_id))
        )
    stmt = stmt.order_by(Person.sort_key, Person.id).limit(limit)
    rows: Sequence[Row[Any]] = session.execute(stmt).all()  # type: ignore[assignment]
    return rows


def event_ids(session: Session, person_id: str) -> set[str]:
    return set(
        session.scalars(select(PipelineEvent.id).where(PipelineEvent.person_id == person_id))
    )


def record_ids(session: Session, person_id: str) -> frozenset[str]:
    """The ids of every event, certificate and assignment of the person: what an undo compares
    to see whether the person's file changed since the action."""
    ids: set[str] = event_ids(session, person_id)
    ids.update(
        session.scalars(
            select(CertificateRecord.id).where(CertificateRecord.person_id == person_id)
        )
    )
    ids.update(session.scalars(select(Assignment.id).where(Assignment.person_id == person_id)))
    return frozenset(ids)
