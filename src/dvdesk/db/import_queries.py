"""Queries the spreadsheet import needs beyond queries.py: batched key look-ups over many rows,
and letting go of written rows in a long import so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from dvdesk.db.models import Person

# Well under SQLite's limit on bound parameters (32,766 since 3.32; 999 before).
CHUNK = 500


class PersonKey(NamedTuple):
    id: str
    code: str | None
    cccd: str | None
    full_name: str


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    for value in sorted(set(values)):
        batch.append(value)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def people_keys(session: Session, codes: Iterable[str], cccds: Iterable[str]) -> list[PersonKey]:
    """Id, code, CCCD and name of every person whose code is in `codes` or whose CCCD is in
    `cccds`, without loading the people themselves."""
    columns = (Person.id, Person.code, Person.cccd, Person.full_name)
    found: dict[str, PersonKey] = {}
    for column, values in ((Person.code, codes), (Person.cccd, cccds)):
        for batch in _chunks(values):
            for row in session.execute(select(*columns).where(column.in_(batch))):
                found[row[0]] = PersonKey(row[0], row[1], row[2], row[3])
    return list(found.values())


def release(session: Session, keep: Sequence[type]) -> None:
    """Forget every object the session holds except instances of `keep`. Call it after a
    flush: the rows stay written in the open transaction, the objects are freed."""
    kept = tuple(keep)
    for obj in list(session):
        if not isinstance(obj, kept) and obj in session:  # cascades may have taken it already
            session.expunge(obj)
