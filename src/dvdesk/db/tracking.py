"""Keeps `version` and `content_hash` of tracked records right on every flush, so no caller
can forget: the exchange compares versions and hashes to decide what changed."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, event, insert, inspect
from sqlalchemy.orm import Session, object_session

from dvdesk.db.models import Deletion, Tracked

_NOT_HASHED = {"version", "content_hash"}
# Set in `session.info` while records from an exchange bundle are written.
APPLYING_EXCHANGE = "dvdesk.applying_exchange"


def _plain(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def record_dict(obj: Tracked) -> dict[str, Any]:
    """The record's column values as JSON-ready plain values (also used by the audit log)."""
    mapper = inspect(obj).mapper
    skip = _NOT_HASHED | obj.derived_columns
    return {
        col.key: _plain(getattr(obj, col.key)) for col in mapper.column_attrs if col.key not in skip
    }


def content_hash(obj: Tracked) -> str:
    canonical = json.dumps(record_dict(obj), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_DEFAULTS: dict[type, list[tuple[str, Any]]] = {}


def _defaults(cls: type) -> list[tuple[str, Any]]:
    """(attribute, default) of a model's columns that have a Python-side default, cached: an
    import stamps tens of thousands of objects."""
    found = _DEFAULTS.get(cls)
    if found is None:
        columns: list[Column[Any]] = list(inspect(cls).columns)
        found = [
            (col.key, col.default)
            for col in columns
            if col.default is not None and (col.default.is_scalar or col.default.is_callable)
        ]
        _DEFAULTS[cls] = found
    return found


def _apply_defaults(obj: Tracked) -> None:
    """Fill column defaults now, not at INSERT, so the hash is of the values actually stored."""
    for key, default in _defaults(type(obj)):
        if getattr(obj, key, None) is not None:
            continue
        setattr(obj, key, default.arg if default.is_scalar else default.arg(None))


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _context: object, _instances: object) -> None:
    for obj in session.new:
        if isinstance(obj, Tracked):
            _apply_defaults(obj)  # hashed at INSERT, by _rehash, once the keys are filled in
    # Records taken in from another unit keep the sender's version: only a change made here
    # counts as a new version.
    applying = bool(session.info.get(APPLYING_EXCHANGE))

    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            new_hash = content_hash(obj)
            if new_hash != obj.content_hash:
                if not applying:
                    obj.version = (obj.version or 0) + 1
                obj.content_hash = new_hash


@event.listens_for(Tracked, "before_insert", propagate=True)
@event.listens_for(Tracked, "before_update", propagate=True)
def _rehash(_mapper: object, _connection: object, target: Tracked) -> None:
    """Hash again once the row's foreign keys are filled in: a record added through a
    relationship (person.events.append) gets its person_id only during the flush, after
    before_flush has run."""
    target.content_hash = content_hash(target)


@event.listens_for(Tracked, "after_delete", propagate=True)
def _tombstone(mapper: Any, connection: Any, target: Tracked) -> None:
    """A shared record deleted here leaves a tombstone, so the deletion travels too; orphans
    removed from a collection (a family member taken off the list) included. One taken in
    from another unit has already travelled."""
    session = object_session(target)
    if session is not None and session.info.get(APPLYING_EXCHANGE):
        return
    connection.execute(
        insert(Deletion).values(
            entity=mapper.local_table.name,
            record_id=target.id,
            owner_unit_id=target.owner_unit_id,
            deleted_at=datetime.now(UTC).replace(tzinfo=None),
        )
    )
