"""The queries behind purging personal data (services.purge)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session, selectinload

from dvdesk.db import queries
from dvdesk.db.models import (
    Assignment,
    AuditEntry,
    HelperNote,
    PeerAuditEntry,
    Person,
    PipelineEvent,
    Unit,
)
from dvdesk.domain.purge import EXIT_KINDS

SCRUBBED = "(đã xóa khi xóa dữ liệu cá nhân)"
_CHUNK = 500


def unit(session: Session, unit_id: str) -> Unit:
    found = session.get(Unit, unit_id)
    assert found is not None
    return found


def period_in_force(session: Session) -> int | None:
    """An office's own period; a chi bộ's comes from the unit above it."""
    install = queries.install(session)
    if install is None:
        return None
    own = session.get(Unit, install.unit_id)
    if own is None:
        return None
    if install.role == "office":
        return own.purge_after_months
    parent = session.get(Unit, own.parent_id) if own.parent_id else None
    return parent.purge_after_months if parent is not None else None


def exit_facts(session: Session, admitted_kinds: Sequence[str]) -> Sequence[Any]:
    """For each person this unit owns who left without a purge yet: person_id, code, the
    exit's kind and date, and whether an admission act is on record."""
    install = queries.install(session)
    if install is None:
        return []
    exit_on = (
        select(func.max(PipelineEvent.on_date))
        .where(PipelineEvent.person_id == Person.id, PipelineEvent.kind.in_(EXIT_KINDS))
        .scalar_subquery()
    )
    exit_kind = (
        select(PipelineEvent.kind)
        .where(PipelineEvent.person_id == Person.id, PipelineEvent.kind.in_(EXIT_KINDS))
        .order_by(PipelineEvent.on_date.desc())
        .limit(1)
        .scalar_subquery()
    )
    admitted = exists().where(
        PipelineEvent.person_id == Person.id, PipelineEvent.kind.in_(list(admitted_kinds))
    )
    stmt = select(
        Person.id.label("person_id"),
        Person.code,
        exit_kind.label("exit_kind"),
        exit_on.label("exit_on"),
        admitted.label("admitted"),
    ).where(
        Person.owner_unit_id == install.unit_id,
        Person.purged_on.is_(None),
        Person.stage.in_(EXIT_KINDS),
    )
    return [r for r in session.execute(stmt) if r.exit_on is not None]


def person(session: Session, person_id: str) -> Person:
    stmt = (
        select(Person)
        .where(Person.id == person_id)
        .options(selectinload(Person.family), selectinload(Person.events))
    )
    return session.scalars(stmt).one()


def delete_helper_notes(session: Session, person_id: str) -> set[str]:
    """Delete the helper's notes on the person (their ids), so the deletions travel."""
    notes = session.scalars(
        select(HelperNote)
        .join(Assignment, Assignment.id == HelperNote.assignment_id)
        .where(Assignment.person_id == person_id)
    ).all()
    ids = {n.id for n in notes}
    for note in notes:
        session.delete(note)
    return ids


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(ids)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def scrub_audit(session: Session, ids: Iterable[str]) -> None:
    """Empty the before/after of the audit entries about these records."""
    for chunk in _chunks(ids):
        session.execute(
            update(AuditEntry)
            .where(AuditEntry.entity_id.in_(chunk))
            .values(before="", after="", reason=SCRUBBED),
            execution_options={"synchronize_session": False},
        )


def scrub_peer_mentions(session: Session, unit_id: str, person_id: str) -> int:
    """Empty a unit's received audit entries about a purged person: the person's own, and
    those of its family rows, events and notes, which name it in their before/after."""
    pattern = f"%{person_id}%"
    result = session.execute(
        update(PeerAuditEntry)
        .where(
            PeerAuditEntry.unit_id == unit_id,
            (PeerAuditEntry.entity_id == person_id)
            | PeerAuditEntry.before.like(pattern)
            | PeerAuditEntry.after.like(pattern),
        )
        .values(before="", after="", reason=SCRUBBED),
        execution_options={"synchronize_session": False},
    )
    return int(getattr(result, "rowcount", 0) or 0)


def scrub_own_mentions(session: Session, person_id: str) -> None:
    """Empty this unit's audit entries that name the person in their before/after."""
    pattern = f"%{person_id}%"
    session.execute(
        update(AuditEntry)
        .where(AuditEntry.before.like(pattern) | AuditEntry.after.like(pattern))
        .values(before="", after="", reason=SCRUBBED),
        execution_options={"synchronize_session": False},
    )
