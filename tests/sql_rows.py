"""Plain SQL against a test's database, whichever engine it is on (the SQLite file or the
PostgreSQL server): `?` placeholders, as in sqlite3, rows as tuples."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from dvdesk.db.engine import Database


def rows(db: Database, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    parts = query.split("?")
    named = "".join(f"{part}:p{i}" if i < len(parts) - 1 else part for i, part in enumerate(parts))
    with db.engine.connect() as conn:
        found = conn.execute(text(named), {f"p{i}": v for i, v in enumerate(params)})
        return [tuple(r) for r in found] if found.returns_rows else []


def execute(db: Database, query: str, params: tuple[Any, ...] = ()) -> None:
    """A write, committed (test set-up the services have no call for)."""
    parts = query.split("?")
    named = "".join(f"{part}:p{i}" if i < len(parts) - 1 else part for i, part in enumerate(parts))
    with db.engine.begin() as conn:
        conn.execute(text(named), {f"p{i}": v for i, v in enumerate(params)})
