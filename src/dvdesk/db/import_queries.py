"""What the spreadsheet import needs beyond queries.py: batched key look-ups over many rows,
re-attaching objects a long import let go of, and deferred foreign-key checks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple, TypeVar

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dvdesk.db.models import Person

T = TypeVar("T")

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


def attached(session: Session, obj: T) -> T:
    """The session's own copy of a clean, already written object that a previous flush let go
    of (without a query: the object's loaded values are taken as they are)."""
    return session.merge(obj, load=False)


def defer_foreign_keys(session: Session) -> None:
    """Check foreign keys at COMMIT instead of at each statement, for this transaction only.

    The import writes many people per flush, and a flush does not order the derived
    `open_deadlines` rows (no relationship to Person) after the people they point at. A
    violation still fails the COMMIT, which rolls everything back."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
    else:  # declared deferrable by migration 0011
        session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
