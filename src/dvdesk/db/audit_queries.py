"""The audit log read back: our own entries (audit_log) and those the units below sent up
(peer_audit), filtered, ordered newest first and paged in SQL.

Built to stay quick over a million entries. The page is read in the order of the index on
`at` (its implicit second key is the row id, so "at, id" needs no sort) and a LIMIT stops the
scan as soon as the page is full; a time range narrows the same index; an entity id uses its
own index. The person an entry concerns is joined by primary key, only for the rows read: the
entry's id for a person, else the `person_id` of its before/after snapshot (events,
assignments, certificates, documents and enrolments carry one).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from dvdesk.db.models import AuditEntry, PeerAuditEntry, Person, Unit
from dvdesk.db.portable import json_text

OWN = "own"
UNITS = "units"
SOURCES = (OWN, UNITS)
# Entries read from the database per round trip while a whole selection is streamed.
STREAM_CHUNK = 2000


@dataclass(frozen=True)
class AuditFilter:
    """What to keep; None or "" keeps everything. Times are UTC, as the log stores them."""

    source: str = OWN  # "own": this installation's log; "units": what the units below sent
    unit_id: str | None = None  # with "units": one unit's entries
    actor: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    text: str = ""  # found in who, what, the reason or the before/after text (as typed)
    folded: str = ""  # the same text folded (domain.text.fold): found in the person's name


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _subject_id(table: Any) -> ColumnElement[Any]:
    """The id of the person an entry concerns, computed in SQL (NULL when none)."""
    return case(
        (table.entity == "person", table.entity_id),
        else_=func.coalesce(
            json_text(table.after, "person_id"), json_text(table.before, "person_id")
        ),
    )


def entries_select(f: AuditFilter) -> Select[Any]:
    """The SELECT of the entries `f` keeps, newest first. Columns: entry_id, at, actor, action,
    entity, entity_id, before, after, reason, desk, unit_id, unit_code, unit_name, person_id,
    person_name, person_code."""
    if f.source not in SOURCES:
        raise ValueError(f"unknown audit source {f.source!r}")
    own = f.source == OWN
    t: Any = AuditEntry if own else PeerAuditEntry
    subject = _subject_id(t)
    columns: list[Any] = [
        (t.id if own else t.entry_id).label("entry_id"),
        t.at,
        t.actor,
        t.action,
        t.entity,
        t.entity_id,
        t.before,
        t.after,
        t.reason,
    ]
    columns.append(t.desk if own else literal("").label("desk"))
    if own:
        columns += [
            literal("").label("unit_id"),
            literal("").label("unit_code"),
            literal("").label("unit_name"),
        ]
    else:
        columns += [
            t.unit_id.label("unit_id"),
            func.coalesce(Unit.code, t.unit_id).label("unit_code"),
            func.coalesce(Unit.name, "").label("unit_name"),
        ]
    columns += [
        Person.id.label("person_id"),
        Person.full_name.label("person_name"),
        Person.code.label("person_code"),
    ]
    stmt = select(*columns).select_from(t).outerjoin(Person, Person.id == subject)
    if not own:
        stmt = stmt.outerjoin(Unit, Unit.id == t.unit_id)

    conditions: list[ColumnElement[bool]] = []
    if not own and f.unit_id:
        conditions.append(t.unit_id == f.unit_id)
    if f.actor:
        conditions.append(t.actor == f.actor)
    if f.action:
        conditions.append(t.action == f.action)
    if f.entity:
        conditions.append(t.entity == f.entity)
    if f.entity_id:
        conditions.append(t.entity_id == f.entity_id)
    if f.since is not None:
        conditions.append(t.at >= f.since)
    if f.until is not None:
        conditions.append(t.at < f.until)
    if f.text.strip():
        raw = f"%{_escape_like(f.text.strip())}%"
        found: list[ColumnElement[bool]] = [
            t.actor.like(raw, escape="\\"),
            t.action.like(raw, escape="\\"),
            t.entity_id.like(raw, escape="\\"),
            t.reason.like(raw, escape="\\"),
            t.before.like(raw, escape="\\"),
            t.after.like(raw, escape="\\"),
        ]
        if f.folded.strip():
            found.append(
                Person.search_text.like(f"%{_escape_like(f.folded.strip())}%", escape="\\")
            )
        conditions.append(or_(*found))
    if conditions:
        stmt = stmt.where(and_(*conditions))
    if own:
        return stmt.order_by(t.at.desc(), t.id.desc())
    return stmt.order_by(t.at.desc(), t.unit_id, t.entry_id.desc())


def entries(session: Session, f: AuditFilter, limit: int, offset: int = 0) -> list[Row[Any]]:
    """One page of the entries `f` keeps, newest first."""
    stmt = entries_select(f).limit(max(0, limit)).offset(max(0, offset))
    return list(session.execute(stmt))


def stream_entries(session: Session, f: AuditFilter) -> Iterator[Row[Any]]:
    """Every entry `f` keeps, newest first, read a chunk at a time (constant memory)."""
    result = session.execute(entries_select(f).execution_options(yield_per=STREAM_CHUNK))
    yield from result


def actions(session: Session, source: str = OWN) -> list[str]:
    """The actions found in a log, in code order (for a filter's choices)."""
    t: Any = AuditEntry if source == OWN else PeerAuditEntry
    return [a for a in session.scalars(select(t.action).distinct().order_by(t.action)) if a]


def actors(session: Session, source: str = OWN) -> list[str]:
    """Who appears in a log, in name order (for a filter's choices)."""
    t: Any = AuditEntry if source == OWN else PeerAuditEntry
    return [a for a in session.scalars(select(t.actor).distinct().order_by(t.actor)) if a]


def units_with_entries(session: Session) -> list[Unit]:
    """The units below whose entries we hold, in code order."""
    has = exists().where(PeerAuditEntry.unit_id == Unit.id)
    return list(session.scalars(select(Unit).where(has).order_by(Unit.code)))


def unit_by_ref(session: Session, ref: str) -> Unit | None:
    """A unit by id or code."""
    found = session.get(Unit, ref)
    if found is not None:
        return found
    return session.scalars(select(Unit).where(Unit.code == ref)).first()


def last_view(session: Session, actor: str, person_id: str) -> datetime | None:
    """When `actor` last opened the person's dossier (an entry "view"), or None."""
    found: datetime | None = session.scalar(
        select(func.max(AuditEntry.at)).where(
            AuditEntry.entity_id == person_id,
            AuditEntry.entity == "person",
            AuditEntry.action == "view",
            AuditEntry.actor == actor,
        )
    )
    return found
