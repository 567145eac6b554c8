"""Opening the database file: durable pragmas, migrations to the current schema, sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

import dvdesk.db.tracking  # noqa: F401  (registers the version/hash flush hook)
from dvdesk.domain.text import fold

__all__ = ["Database", "DatabaseError", "NewerDatabaseError", "Session", "open_database"]

MIGRATIONS = Path(__file__).with_name("migrations")
DB_FILE_NAME = "dvdesk.sqlite3"
# "DVDK" in the SQLite header, so a stray file is recognisable as ours (sqlite.org/appfileformat).
APPLICATION_ID = 0x4456444B


class DatabaseError(Exception):
    """A database that cannot be opened; the message is meant for the user."""


class NewerDatabaseError(DatabaseError):
    pass


# SQL name of domain.text.fold, so queries can match text regardless of diacritics.
FOLD_FUNCTION = "dv_fold"


def _fold(value: str | None) -> str:
    return fold(value) if value else ""


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # pysqlite's own BEGIN handling defers transactions; we emit BEGIN ourselves (see _on_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    # 64 MiB of page cache (negative = KiB): bulk imports and the 100,000-person lists fit.
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()
    dbapi_conn.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)


def _on_begin(conn: Any) -> None:
    # Writers take the write lock up front so two writers never deadlock half-way; readers in
    # WAL mode need no lock at all.
    mode = conn.get_execution_options().get("dvdesk_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def schema_head() -> str:
    """The newest schema revision this program knows ("0009"): bundles carry it."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _migrate(engine: Engine, before: Callable[[], None] | None = None) -> None:
    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    current = _current_revision(engine)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise NewerDatabaseError(
            f"the database was made by a newer version of dvdesk (schema {current}); "
            "install that version or newer to open it"
        )
    if current != script.get_current_head():
        if current is not None and before is not None:
            before()  # an existing database is about to change shape: back it up first
        command.upgrade(cfg, "head")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


@dataclass
class Database:
    """One engine and one session factory per process (SQLAlchemy's advice for GUI programs)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    writers: sessionmaker[Session]

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self.writers.begin() as session:
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def open_database(path: Path, before_migrate: Callable[[Path], None] | None = None) -> Database:
    """Open (or create) the database at `path` and bring its schema up to date, calling
    `before_migrate(path)` first when an existing database needs migrating."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        _check_is_sqlite(path)
    engine = make_engine(path)
    try:
        _migrate(engine, (lambda: before_migrate(path)) if before_migrate else None)
    except Exception:
        engine.dispose()
        raise
    writer_engine = engine.execution_options(dvdesk_begin="IMMEDIATE")
    return Database(
        path,
        engine,
        sessionmaker(engine, expire_on_commit=False),
        sessionmaker(writer_engine, expire_on_commit=False),
    )


def _check_is_sqlite(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} is not a dvdesk database (not an SQLite file)")
