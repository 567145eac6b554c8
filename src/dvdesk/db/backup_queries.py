"""What the backups of the office's server database read from it, and the server's check.

The same things db.backup reads from a file (the unit, the counts, the last change, the unit's
box keys, a setting), read from the database on the server in plain SQL that does not depend
on the models: a backup is also taken just before a migration, on the older schema.

A dump and its description are read on one snapshot (`snapshot`): pg_dump joins the
transaction's exported snapshot, so the counts described are those of the data dumped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import URL, create_engine, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from dvdesk.db.backup import _COUNTED, ImageInfo, IntegrityReport
from dvdesk.db.engine import DatabaseError, schema_head, server_name

__all__ = [
    "describe",
    "drop_tables",
    "integrity",
    "own_box_keys",
    "own_protected_keys",
    "server_session",
    "setting",
    "snapshot",
    "tables",
]


def _failed(url: str | URL, exc: sa_exc.DBAPIError) -> DatabaseError:
    where = server_name(url if isinstance(url, str) else url.render_as_string())
    if isinstance(exc, sa_exc.OperationalError):
        return DatabaseError(f"the database server {where} cannot be reached: {exc.orig}")
    return DatabaseError(f"the database server {where} refused: {exc.orig}")


@contextmanager
def server_session(url: str | URL) -> Iterator[Session]:
    """One transaction on the database at `url`, committed when the block ends; no migration
    and no pool (a backup or a check is one short visit)."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with Session(engine) as session, session.begin():
            yield session
    except sa_exc.DBAPIError as exc:
        raise _failed(url, exc) from None
    finally:
        engine.dispose()


@contextmanager
def snapshot(url: str | URL) -> Iterator[tuple[Session, str]]:
    """A read-only repeatable-read transaction on the database at `url` and the id of its
    exported snapshot, for pg_dump --snapshot while the block runs."""
    engine = create_engine(url, poolclass=NullPool, isolation_level="REPEATABLE READ")
    try:
        with Session(engine) as session:
            session.execute(text("SET TRANSACTION READ ONLY"))
            exported = str(session.scalar(text("SELECT pg_export_snapshot()")))
            yield session, exported
    except sa_exc.DBAPIError as exc:
        raise _failed(url, exc) from None
    finally:
        engine.dispose()


def tables(session: Session) -> list[str]:
    return sorted(inspect(session.connection()).get_table_names())


def _quote(session: Session, name: str) -> str:
    return session.get_bind().dialect.identifier_preparer.quote(name)


def _scalar(session: Session, sql: str, **params: Any) -> Any:
    return session.execute(text(sql), params).scalar()


def describe(session: Session, size: int) -> ImageInfo:
    """The schema revision, the counted tables' rows, the unit and the newest audit entry, as
    db.backup.inspect_image says them of a file's image (`size`: the dump's)."""
    present = set(tables(session))
    schema = None
    if "alembic_version" in present:
        found = _scalar(session, "SELECT version_num FROM alembic_version")
        schema = str(found) if found is not None else None
    counts = {
        t: int(_scalar(session, f"SELECT count(*) FROM {_quote(session, t)}"))
        for t in _COUNTED
        if t in present
    }
    code = name = last = ""
    if {"install", "units"} <= present:
        row = session.execute(
            text("SELECT u.code, u.name FROM install i JOIN units u ON u.id = i.unit_id")
        ).first()
        if row:
            code, name = str(row[0]), str(row[1])
    if "audit_log" in present:
        newest = _scalar(session, "SELECT max(at) FROM audit_log")
        last = str(newest or "")  # "2026-11-27 09:30:00.123456", as SQLite keeps it
    return ImageInfo(schema, counts, code, name, last, size)


def own_box_keys(session: Session) -> list[tuple[str, str]]:
    """(box key id, public key hex) of this unit's key pairs, newest first ([] when none)."""
    if "own_keys" not in tables(session):
        return []
    rows = session.execute(
        text(
            "SELECT box_key_id, box_public FROM own_keys "
            "WHERE unit_id = (SELECT unit_id FROM install) ORDER BY id DESC"
        )
    ).all()
    return [(str(k), str(p)) for k, p in rows]


def own_protected_keys(session: Session) -> dict[str, bytes]:
    """Box key id → the passphrase-protected key pair, for the copy kept beside the backups."""
    if "own_keys" not in tables(session):
        return {}
    rows = session.execute(text("SELECT box_key_id, protected FROM own_keys")).all()
    return {str(k): bytes(b) for k, b in rows}


def setting(session: Session, key: str) -> str | None:
    if "settings" not in tables(session):
        return None
    found = _scalar(session, "SELECT value FROM settings WHERE key = :key", key=key)
    return None if found is None else str(found)


def drop_tables(session: Session, names: list[str]) -> None:
    """Drop tables a restored backup does not have (a later schema's), so the migrations can
    make them again."""
    for name in names:
        session.execute(text(f"DROP TABLE IF EXISTS {_quote(session, name)} CASCADE"))


def integrity(session: Session) -> IntegrityReport:
    """The server's counterpart of integrity_check and foreign_key_check: the schema is this
    program's, every table can be read to its end (a damaged page fails the read), every
    reference is enforced and points at an existing row. The storage itself (disks, page
    checksums, the server's own backups) is the server administrator's to check."""
    problems: list[str] = []
    broken: list[str] = []
    present = tables(session)
    head = schema_head()
    revision = None
    if "alembic_version" in present:
        revision = _scalar(session, "SELECT version_num FROM alembic_version")
    if revision != head:
        problems.append(f"schema {revision or 'none'}, this program's is {head}")
    for table in present:
        try:
            with session.begin_nested():
                _scalar(session, f"SELECT count(*) FROM {_quote(session, table)}")
        except sa_exc.DBAPIError as exc:
            problems.append(f"{table}: {exc.orig}")
    for row in session.execute(
        text(
            "SELECT conrelid::regclass::text, conname FROM pg_constraint "
            "WHERE contype = 'f' AND NOT convalidated "
            "AND connamespace = current_schema()::regnamespace"
        )
    ):
        problems.append(f"{row[0]}: reference {row[1]} is not validated")
    for row in session.execute(
        text(
            "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger t "
            "JOIN pg_constraint c ON c.oid = t.tgconstraint "
            "WHERE t.tgisinternal AND t.tgenabled = 'D' AND c.contype = 'f' "
            "AND c.connamespace = current_schema()::regnamespace"
        )
    ):
        problems.append(f"{row[0]}: references are not enforced (triggers disabled)")
    inspector = inspect(session.connection())
    for table in present:
        keys = inspector.get_pk_constraint(table).get("constrained_columns") or []
        shown = ", ".join(f"c.{_quote(session, k)}::text" for k in keys) if keys else "c.ctid"
        for fk in inspector.get_foreign_keys(table):
            pairs = list(zip(fk["constrained_columns"], fk["referred_columns"], strict=True))
            present_cols = " AND ".join(f"c.{_quote(session, a)} IS NOT NULL" for a, _ in pairs)
            match = " AND ".join(
                f"p.{_quote(session, b)} = c.{_quote(session, a)}" for a, b in pairs
            )
            rows = session.execute(
                text(
                    f"SELECT concat_ws(',', {shown}) FROM {_quote(session, table)} c "
                    f"WHERE {present_cols} AND NOT EXISTS (SELECT 1 FROM "
                    f"{_quote(session, fk['referred_table'])} p WHERE {match}) LIMIT 20"
                )
            ).all()
            broken += [f"{table} #{r[0]} → {fk['referred_table']}" for r in rows]
    return IntegrityReport(not problems and not broken, tuple(problems), tuple(broken))
