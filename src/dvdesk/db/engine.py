"""Opening the database: durable pragmas, migrations to the current schema, sessions.

A database is a local SQLite file (every cell, and an office on one PC) or, for an office with
several desks, a PostgreSQL database on the office's server (`open_database` given a
`postgresql+psycopg://` URL). Both run the same models and migrations and offer the same
transactions: one writer at a time (SQLite's write lock; on PostgreSQL a transaction-scoped
advisory lock taken at BEGIN), readers on a consistent snapshot. Above this module nothing
knows which engine it runs on.

A local file may be encrypted (SQLCipher, once accounts are set up) or plain (before that, and
in tests). The key of an encrypted one is remembered for the process by its path
(`remember_key`) when someone signs in, so every part that opens the file (backups, checks)
finds it without passing secrets through every call.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Engine, create_engine, event, inspect, make_url
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

import dvdesk.db.tracking  # noqa: F401  (registers the version/hash flush hook)
from dvdesk.domain.text import fold

__all__ = [
    "Database",
    "DatabaseError",
    "EncryptedDatabaseError",
    "NewerDatabaseError",
    "Session",
    "open_database",
]

MIGRATIONS = Path(__file__).with_name("migrations")
DB_FILE_NAME = "dvdesk.sqlite3"
# Beside the database once accounts are set up: its key, wrapped per account (sync.vault).
VAULT_FILE_NAME = "dvdesk.vault"
# "DVDK" in the SQLite header, so a stray file is recognisable as ours (sqlite.org/appfileformat).
APPLICATION_ID = 0x4456444B


class DatabaseError(Exception):
    """A database that cannot be opened; the message is meant for the user."""


class NewerDatabaseError(DatabaseError):
    pass


class EncryptedDatabaseError(DatabaseError):
    """An encrypted database opened without its key, or with the wrong one."""


# Both drivers' errors: the plain sqlite3 module and SQLCipher's have separate classes.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
SQLITE_HEADER = b"SQLite format 3\x00"
_KEYS: dict[Path, bytes] = {}


def _key_path(path: Path) -> Path:
    return Path(path).resolve()


def remember_key(path: Path, key: bytes) -> None:
    """Use `key` for the database at `path` from now on, in this process."""
    _KEYS[_key_path(path)] = key


def forget_key(path: Path) -> None:
    _KEYS.pop(_key_path(path), None)


def key_for(path: Path) -> bytes | None:
    return _KEYS.get(_key_path(path))


def is_plain(path: Path) -> bool:
    """Whether the file at `path` is an unencrypted SQLite database (False if encrypted or not a
    database; True for a file not made yet, which will be made plain unless a key is known)."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def connect(target: str | Path, key: bytes | None = None, **kwargs: Any) -> Any:
    """A DB-API connection: SQLCipher keyed with `key` (a raw 256-bit key, so no slow
    password derivation on each connection), or plain sqlite3 when there is no key."""
    if key is None:
        return sqlite3.connect(target, **kwargs)
    con = sqlcipher.connect(str(target), **kwargs)
    con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to word, not stderr's
    con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return con


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


# The key of the advisory lock every writer on a shared server holds until its COMMIT: "DVDK".
WRITER_LOCK = APPLICATION_ID


def _on_server_begin(conn: Any) -> None:
    # One writer at a time, as on SQLite: a number drawn from the register, a bundle checked
    # against the ledger, a record's version compared, all hold until the writer commits, so
    # two desks never draw the same number or import the same bundle twice.
    if conn.get_execution_options().get("dvdesk_begin") == "IMMEDIATE":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def is_server_url(target: str | Path) -> bool:
    """Whether `target` names a database on a server (a URL) rather than a local file."""
    return isinstance(target, str) and target.startswith("postgresql")


def without_password(url: str) -> str:
    """The URL as it may be written down: no password in it."""
    parts = make_url(url)
    bare = URL.create(
        parts.drivername, parts.username, None, parts.host, parts.port, parts.database, parts.query
    )
    return bare.render_as_string(hide_password=False)


def server_name(url: str) -> str:
    """The URL without its password, for messages and the log."""
    return make_url(url).render_as_string(hide_password=True)


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def schema_head() -> str:
    """The newest schema revision this program knows ("0012"): bundles carry it."""
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
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


@dataclass
class Database:
    """One engine and one session factory per process (SQLAlchemy's advice for GUI programs).
    `path` is the local file; on a server, where the desk keeps its own files (logs, received
    bundles) beside a file of that name that is never made."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    writers: sessionmaker[Session]
    # Who works in this process (services.accounts.SignedIn), None before accounts exist.
    account: Any = None
    # Called before every write transaction but those marked as the program's own record
    # keeping; raises to refuse (services.accounts refuses a viewer's changes).
    write_guard: Callable[[], None] | None = None

    @contextmanager
    def unit_of_work(self, *, record_keeping: bool = False) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back if it raises.
        `record_keeping` marks the program's own entries (who viewed a dossier, a purge the
        office ordered), which are written whoever is signed in."""
        if self.write_guard is not None and not record_keeping:
            self.write_guard()
        with self.writers.begin() as session:
            session.info["account"] = self.account
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    @property
    def on_server(self) -> bool:
        return self.engine.dialect.name != "sqlite"

    @property
    def location(self) -> str:
        """Where the data is, in words: the file, or the server and database."""
        if not self.on_server:
            return str(self.path)
        url = self.engine.url  # as a person reads it: user@host:port/database
        port = f":{url.port}" if url.port else ""
        user = f"{url.username}@" if url.username else ""
        return f"{user}{url.host}{port}/{url.database}"

    def close(self) -> None:
        self.engine.dispose()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    if key is None:
        engine = create_engine(f"sqlite:///{path}", future=True)
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            future=True,
            module=sqlcipher,
            creator=lambda: connect(path, key, check_same_thread=False),
        )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def open_database(
    path: Path,
    before_migrate: Callable[[Path], None] | None = None,
    *,
    server: str | None = None,
) -> Database:
    """Open (or create) the database at `path` and bring its schema up to date, calling
    `before_migrate(path)` first when an existing database needs migrating. With `server` (a
    postgresql+psycopg:// URL) the data is that database instead; `path` still says where
    this desk keeps its own files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if server is not None:
        return _open_server(path, server, before_migrate)
    key = key_for(path)
    if key is None and not is_plain(path):
        raise EncryptedDatabaseError(
            f"{path} is encrypted (or is not a dvdesk database): it opens only after signing in "
            "with an account of this computer's dvdesk.vault, or with the recovery key"
        )
    engine = make_engine(path, key)
    try:
        if key is not None:
            check_key(engine, path)
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


def check_key(engine: Engine, path: Path) -> None:
    """EncryptedDatabaseError unless the engine's key opens the file."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except sa_exc.DatabaseError as exc:
        if "not a database" not in str(exc.orig):
            raise
        raise EncryptedDatabaseError(
            f"{path} does not open with this key: it was encrypted under another account file "
            "(dvdesk.vault), or it is not a dvdesk database"
        ) from exc


@dataclass(frozen=True)
class ServerProbe:
    """What a shared database holds, as read before a desk is pointed at it."""

    schema: str | None  # None: an empty database, nothing of dvdesk's in it yet
    accounts: int
    unit_name: str  # "" until a unit is set up


def probe_server(url: str) -> ServerProbe:
    """Reach the database at `url` and read what it holds, changing nothing (no migration)."""
    if not is_server_url(url):
        raise DatabaseError(f"{url!r} is not a PostgreSQL address (postgresql+psycopg://…)")
    engine = create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())

            def one(sql: str, default: Any) -> Any:
                value = conn.exec_driver_sql(sql).scalar()
                return default if value is None else value

            return ServerProbe(
                one("SELECT version_num FROM alembic_version", None)
                if "alembic_version" in names
                else None,
                int(one("SELECT count(*) FROM accounts", 0)) if "accounts" in names else 0,
                one("SELECT u.name FROM install i JOIN units u ON u.id = i.unit_id", "")
                if "install" in names
                else "",
            )
    except sa_exc.OperationalError as exc:
        raise DatabaseError(
            f"the database server {server_name(url)} cannot be reached: {exc.orig}"
        ) from exc
    finally:
        engine.dispose()


def _open_server(path: Path, url: str, before_migrate: Callable[[Path], None] | None) -> Database:
    if not is_server_url(url):
        raise DatabaseError(f"{url!r} is not a PostgreSQL address (postgresql+psycopg://…)")
    engine = create_engine(url, future=True, pool_pre_ping=True)
    event.listen(engine, "begin", _on_server_begin)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        _migrate(engine, (lambda: before_migrate(path)) if before_migrate else None)
    except sa_exc.OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"the database server {server_name(url)} cannot be reached: {exc.orig}"
        ) from exc
    except Exception:
        engine.dispose()
        raise
    # Readers see one snapshot for their whole transaction, as SQLite's WAL readers do.
    reader_engine = engine.execution_options(isolation_level="REPEATABLE READ")
    writer_engine = engine.execution_options(dvdesk_begin="IMMEDIATE")
    return Database(
        path,
        engine,
        sessionmaker(reader_engine, expire_on_commit=False),
        sessionmaker(writer_engine, expire_on_commit=False),
    )
