"""The records that travel between a chi bộ and its office, read and written as plain dicts.

A pair (cell U, office O) shares one scope, computed the same way on both sides: the two unit
rows, U's members and people with everything hanging from them (family, events, assignments,
helper notes, certificates, enrolments, documents, returns for correction), every class, the
plans of U and O and O's targets for U. Entities are listed in the order that satisfies
foreign keys on insert.

A record travels as {"entity", "id", "owner", "version", "hash", "data"}; `data` holds every
stored column except the id, the version, the hash and the columns computed locally.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, delete, func, inspect, or_, select
from sqlalchemy.orm import Session

from dvdesk.db import portable
from dvdesk.db.models import (
    Assignment,
    AuditEntry,
    BundleLedger,
    CalendarOverride,
    CertificateRecord,
    Classification,
    Conflict,
    Consent,
    Correction,
    Deletion,
    Enrolment,
    ExchangePeer,
    FamilyMember,
    HelperNote,
    Member,
    OutboxItem,
    PartyClass,
    PeerAuditEntry,
    PeerKey,
    Person,
    PipelineEvent,
    PlanTarget,
    RegisteredDocument,
    SyncBase,
    Tracked,
    Unit,
    YearPlan,
)
from dvdesk.db.tracking import content_hash, record_dict
from dvdesk.domain.text import name_sort_key, search_key

# Insert order: every entity after the ones it refers to.
ENTITIES: dict[str, type[Tracked]] = {
    "units": Unit,
    "people": Person,
    "members": Member,
    "family_members": FamilyMember,
    "consents": Consent,
    "classifications": Classification,
    "assignments": Assignment,
    "helper_notes": HelperNote,
    "classes": PartyClass,
    "certificates": CertificateRecord,
    "events": PipelineEvent,
    "corrections": Correction,
    "enrolments": Enrolment,
    "documents": RegisteredDocument,
    "year_plans": YearPlan,
    "plan_targets": PlanTarget,
}
_ENTITY_OF_TABLE = {inspect(model).local_table.name: name for name, model in ENTITIES.items()}
_CHUNK = 500


@dataclass(frozen=True)
class Pair:
    """The two units of an exchange: the chi bộ and its office."""

    cell_id: str
    office_id: str


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def scope_query(session: Session, entity: str, pair: Pair) -> Any:
    """SELECT of the entity's rows shared by the pair."""
    model = ENTITIES[entity]
    people = select(Person.id).where(Person.unit_id == pair.cell_id)
    if model is Unit:
        return select(Unit).where(Unit.id.in_((pair.cell_id, pair.office_id)))
    if model is Member:
        return select(Member).where(Member.unit_id == pair.cell_id)
    if model is Person:
        return select(Person).where(Person.unit_id == pair.cell_id)
    if model in (
        FamilyMember,
        Consent,
        Classification,
        Assignment,
        CertificateRecord,
        PipelineEvent,
        Enrolment,
        Correction,
    ):
        return select(model).where(model.person_id.in_(people))
    if model is HelperNote:
        helped = select(Assignment.id).where(Assignment.person_id.in_(people))
        return select(HelperNote).where(HelperNote.assignment_id.in_(helped))
    if model is PartyClass:
        return select(PartyClass)
    if model is RegisteredDocument:
        return select(RegisteredDocument).where(
            or_(
                RegisteredDocument.person_id.in_(people),
                RegisteredDocument.issuer_unit_id == pair.cell_id,
            )
        )
    if model is YearPlan:
        return select(YearPlan).where(YearPlan.unit_id.in_((pair.cell_id, pair.office_id)))
    if model is PlanTarget:
        return select(PlanTarget).where(PlanTarget.unit_id == pair.cell_id)
    raise KeyError(entity)


def as_record(entity: str, obj: Tracked) -> dict[str, Any]:
    data = record_dict(obj)
    data.pop("id", None)
    return {
        "entity": entity,
        "id": obj.id,
        "owner": obj.owner_unit_id,
        "version": obj.version,
        "hash": content_hash(obj),  # fresh: a stored hash may predate a fix of the hashing
        "data": data,
    }


def bases(session: Session, peer_unit_id: str) -> dict[tuple[str, str], str]:
    rows = session.execute(
        select(SyncBase.entity, SyncBase.record_id, SyncBase.hash).where(
            SyncBase.peer_unit_id == peer_unit_id
        )
    )
    return {(e, r): h for e, r, h in rows}


def changed_records(
    session: Session, pair: Pair, peer_unit_id: str, *, everything: bool = False
) -> list[dict[str, Any]]:
    """The pair's records whose content differs from what the peer is known to hold (all of
    them for a snapshot), in insert order."""
    known = bases(session, peer_unit_id)
    out: list[dict[str, Any]] = []
    for entity in ENTITIES:
        for obj in session.scalars(scope_query(session, entity, pair)):
            base = known.get((entity, obj.id))
            if base is None and obj.owner_unit_id == peer_unit_id:
                continue  # the peer's own record, never received from it (made from a key file)
            record = as_record(entity, obj)
            if everything or base != record["hash"]:
                out.append(record)
    if peer_unit_id == pair.cell_id:  # we are the office: our calendar goes down
        out += calendar_records(session, pair.office_id, {} if everything else known)
    if not everything:
        # Deletions the peer has not acknowledged, children first.
        order = {name: i for i, name in enumerate(ENTITIES)}
        gone = [
            d
            for d in session.scalars(select(Deletion))
            if d.entity in ENTITIES and known.get((d.entity, d.record_id), "") != DELETED
        ]
        gone.sort(key=lambda d: -order[d.entity])
        out += [tombstone(d.entity, d.record_id, d.owner_unit_id) for d in gone]
    return out


DELETED = "deleted"  # the hash a tombstone carries
CALENDAR = "calendar_overrides"  # the office's working-day calendar, sent down only


def _calendar_hash(day: str, working: bool | None, note: str) -> str:
    canonical = json.dumps(
        {"day": day, "working": working, "note": note}, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def calendar_records(
    session: Session, office_id: str, known: Mapping[tuple[str, str], str]
) -> list[dict[str, Any]]:
    """The office's calendar overrides the chi bộ does not hold yet, and those it removed (sent
    with working None): the chi bộ counts deadlines in the same working days."""
    out: list[dict[str, Any]] = []
    present: set[str] = set()
    for row in session.scalars(select(CalendarOverride)):
        day = row.day.isoformat()
        present.add(day)
        digest = _calendar_hash(day, row.working, row.note)
        if known.get((CALENDAR, day)) != digest:
            out.append(_calendar_record(office_id, day, row.working, row.note, digest))
    removed = {
        d.record_id for d in session.scalars(select(Deletion).where(Deletion.entity == CALENDAR))
    }
    for day in sorted(removed - present):
        gone = _calendar_hash(day, None, "")
        if known.get((CALENDAR, day)) != gone:
            out.append(_calendar_record(office_id, day, None, "", gone))
    return out


def _calendar_record(
    office_id: str, day: str, working: bool | None, note: str, digest: str
) -> dict[str, Any]:
    return {
        "entity": CALENDAR,
        "id": day,
        "owner": office_id,
        "version": 1,
        "hash": digest,
        "data": {"day": day, "working": working, "note": note},
    }


def apply_calendar(session: Session, records: Iterable[Mapping[str, Any]]) -> int:
    """Take the office's overrides (working None: the day is back to the published calendar).
    Returns how many days changed."""
    changed = 0
    for record in records:
        data = record["data"]
        day = date.fromisoformat(str(data["day"]))
        working = data.get("working")
        row = session.get(CalendarOverride, day)
        if working is None:
            if row is not None:
                session.delete(row)
                changed += 1
            continue
        note = str(data.get("note") or "")
        if row is None:
            session.add(CalendarOverride(day=day, working=bool(working), note=note))
            changed += 1
        elif row.working != bool(working) or row.note != note:
            row.working, row.note = bool(working), note
            changed += 1
    session.flush()
    return changed


def tombstone(entity: str, record_id: str, owner: str | None) -> dict[str, Any]:
    return {
        "entity": entity,
        "id": record_id,
        "owner": owner,
        "version": 0,
        "hash": DELETED,
        "data": {},
        "deleted": True,
    }


def existing(session: Session, entity: str, ids: Sequence[str]) -> dict[str, Tracked]:
    model = ENTITIES[entity]
    found: dict[str, Tracked] = {}
    for chunk in _chunks(list(ids)):
        for obj in session.scalars(select(model).where(model.id.in_(chunk))):
            found[obj.id] = obj
    return found


def foreign_keys(entity: str) -> list[tuple[str, str]]:
    """(column, referred entity) of the entity's references to exchanged tables."""
    out: list[tuple[str, str]] = []
    for column in inspect(ENTITIES[entity]).columns:
        for fk in column.foreign_keys:
            target = _ENTITY_OF_TABLE.get(fk.column.table.name)
            if target is not None:
                out.append((column.key, target))
    return out


def ids_present(session: Session, entity: str, ids: Iterable[str]) -> set[str]:
    model = ENTITIES[entity]
    wanted = sorted(set(ids))
    present: set[str] = set()
    for chunk in _chunks(wanted):
        present.update(session.scalars(select(model.id).where(model.id.in_(chunk))))
    return present


def unique_clashes(session: Session, records: Sequence[Mapping[str, Any]]) -> list[str]:
    """People and members whose code or CCCD is already another record's here."""
    clashes: list[str] = []
    for entity, model in (("people", Person), ("members", Member)):
        for column in ("code", "cccd"):
            wanted = {
                str(r["data"].get(column)): str(r["id"])
                for r in records
                if r["entity"] == entity and r["data"].get(column)
            }
            if not wanted:
                continue
            attr = getattr(model, column)
            for chunk in _chunks(sorted(wanted)):
                for other_id, value, name in session.execute(
                    select(model.id, attr, model.full_name).where(attr.in_(chunk))
                ):
                    if wanted[value] != other_id:
                        clashes.append(f"{entity}.{column}={value} ({name})")
    return clashes


def _typed(model: type[Tracked], data: Mapping[str, Any]) -> dict[str, Any]:
    """JSON values back to column types (dates, datetimes); unknown keys are dropped."""
    columns = {c.key: c for c in inspect(model).columns}
    out: dict[str, Any] = {}
    for key, value in data.items():
        column = columns.get(key)
        if column is None or key in ("id", "version", "content_hash"):
            continue
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        out[key] = value
    return out


def write_record(session: Session, record: Mapping[str, Any], obj: Tracked | None) -> Tracked:
    """Insert or overwrite one record from its dict (the caller flags the session as applying
    an exchange, so the version is the sender's)."""
    model = ENTITIES[str(record["entity"])]
    values = _typed(model, record["data"])
    if obj is None:
        obj = model(**values)
        obj.id = str(record["id"])
        session.add(obj)
    else:
        for key, value in values.items():
            setattr(obj, key, value)
    obj.version = int(record.get("version") or 1)
    if isinstance(obj, Person | Member):
        # Computed here, never sent: the list's sort order and search text.
        obj.sort_key = name_sort_key(obj.full_name)
        obj.search_text = search_key(obj.full_name, obj.code, obj.cccd)
    return obj


def set_bases(session: Session, peer_unit_id: str, items: Iterable[tuple[str, str, str]]) -> None:
    """Many bases at once, (entity, record id, hash): one statement, no autoflush per row."""
    rows = [
        {"peer_unit_id": peer_unit_id, "entity": e, "record_id": r, "hash": h} for e, r, h in items
    ]
    if not rows:
        return
    statement = portable.insert(session, SyncBase)
    statement = statement.on_conflict_do_update(
        index_elements=["peer_unit_id", "entity", "record_id"],
        set_={"hash": statement.excluded.hash},
    )
    session.execute(statement, rows)


def add_conflict(
    session: Session,
    peer_unit_id: str,
    entity: str,
    record_id: str,
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    bundle_id: str,
    at: datetime,
) -> None:
    session.add(
        Conflict(
            peer_unit_id=peer_unit_id,
            entity=entity,
            record_id=record_id,
            ours=json.dumps(ours, ensure_ascii=False, sort_keys=True),
            theirs=json.dumps(theirs, ensure_ascii=False, sort_keys=True),
            bundle_id=bundle_id,
            created_at=at,
        )
    )


def count_open_conflicts(session: Session) -> int:
    return int(
        session.scalar(select(func.count(Conflict.id)).where(Conflict.resolved_at.is_(None))) or 0
    )


def open_conflicts(session: Session, peer_unit_id: str | None = None) -> Sequence[Conflict]:
    query = select(Conflict).where(Conflict.resolved_at.is_(None))
    if peer_unit_id is not None:
        query = query.where(Conflict.peer_unit_id == peer_unit_id)
    return session.scalars(query.order_by(Conflict.id)).all()


# --- the ledger, sequence numbers and acknowledgements ----------------------------------------


def peer_state(session: Session, unit_id: str) -> ExchangePeer:
    state = session.get(ExchangePeer, unit_id)
    if state is None:
        state = ExchangePeer(unit_id=unit_id, out_seq=0, acked_seq=0, in_seq=0)
        session.add(state)
        session.flush()
    return state


def ledger_entry(session: Session, bundle_id: str) -> BundleLedger | None:
    return session.get(BundleLedger, bundle_id)


def add_outbox(session: Session, bundle_id: str, records: Iterable[Mapping[str, Any]]) -> None:
    session.add_all(
        OutboxItem(
            bundle_id=bundle_id,
            entity=str(r["entity"]),
            record_id=str(r["id"]),
            hash=str(r["hash"]),
        )
        for r in records
    )


def acknowledge(session: Session, peer_unit_id: str, upto: int) -> int:
    """The peer holds our bundles up to `upto`: what they carried becomes the base (later
    bundles over earlier ones). Returns how many records became settled."""
    state = peer_state(session, peer_unit_id)
    if upto <= state.acked_seq:
        return 0
    bundles = session.scalars(
        select(BundleLedger)
        .where(
            BundleLedger.peer_unit_id == peer_unit_id,
            BundleLedger.direction == "out",
            BundleLedger.seq > state.acked_seq,
            BundleLedger.seq <= upto,
        )
        .order_by(BundleLedger.seq)
    ).all()
    settled = 0
    for bundle in bundles:
        items = session.execute(
            select(OutboxItem.entity, OutboxItem.record_id, OutboxItem.hash).where(
                OutboxItem.bundle_id == bundle.bundle_id
            )
        ).all()
        set_bases(session, peer_unit_id, [(e, r, h) for e, r, h in items])
        settled += len(items)
        session.execute(delete(OutboxItem).where(OutboxItem.bundle_id == bundle.bundle_id))
    carried = session.scalar(
        select(func.max(BundleLedger.audit_upto)).where(
            BundleLedger.peer_unit_id == peer_unit_id,
            BundleLedger.direction == "out",
            BundleLedger.seq <= upto,
        )
    )
    state.audit_acked = max(state.audit_acked, int(carried or 0))
    state.acked_seq = upto
    return settled


# --- audit entries ---------------------------------------------------------------------------


def audit_since(session: Session, after_id: int) -> list[dict[str, Any]]:
    """Our audit entries numbered after `after_id`, oldest first, as they travel."""
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)
    )
    return [
        {
            "id": e.id,
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "entity_id": e.entity_id,
            "before": e.before,
            "after": e.after,
            "reason": e.reason,
        }
        for e in rows
    ]


def store_peer_audit(
    session: Session, unit_id: str, entries: Sequence[Mapping[str, Any]], bundle_id: str
) -> int:
    """Keep the peer's audit entries; one sent again is ignored. Returns how many were new."""
    if not entries:
        return 0
    count = (
        select(func.count()).select_from(PeerAuditEntry).where(PeerAuditEntry.unit_id == unit_id)
    )
    before = int(session.scalar(count) or 0)
    rows = [
        {
            "unit_id": unit_id,
            "entry_id": e["id"],
            "at": datetime.fromisoformat(e["at"]),
            "actor": e["actor"],
            "action": e["action"],
            "entity": e["entity"],
            "entity_id": e["entity_id"],
            "before": e["before"],
            "after": e["after"],
            "reason": e["reason"],
            "bundle_id": bundle_id,
        }
        for e in entries
    ]
    for start in range(0, len(rows), _CHUNK):
        session.execute(
            portable.insert(session, PeerAuditEntry).on_conflict_do_nothing(),
            rows[start : start + _CHUNK],
        )
    return int(session.scalar(count) or 0) - before


def peer_audit(
    session: Session, unit_id: str | None = None, limit: int = 200
) -> Sequence[PeerAuditEntry]:
    """The audit entries received from the units below, newest first."""
    stmt = select(PeerAuditEntry).order_by(PeerAuditEntry.at.desc(), PeerAuditEntry.entry_id.desc())
    if unit_id is not None:
        stmt = stmt.where(PeerAuditEntry.unit_id == unit_id)
    return session.scalars(stmt.limit(limit)).all()


# --- keys ----------------------------------------------------------------------------------


def peer_keys(session: Session, unit_id: str) -> Sequence[PeerKey]:
    """The unit's pinned keys that are not revoked, newest first."""
    return session.scalars(
        select(PeerKey)
        .where(PeerKey.unit_id == unit_id, PeerKey.revoked_at.is_(None))
        .order_by(PeerKey.id.desc())
    ).all()


def all_peer_keys(session: Session) -> Sequence[PeerKey]:
    return session.scalars(select(PeerKey).order_by(PeerKey.unit_id, PeerKey.id)).all()
