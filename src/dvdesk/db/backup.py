"""Whole-database images for backups, and the integrity checks, with SQLite's own tools.

An image is taken with the online backup API (never a copy of a live file: the WAL may hold
committed pages the main file does not), checked with quick_check, and handed over as bytes so
the caller can encrypt it before anything touches the disk. A restore writes an image back
through the same API into a new file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dvdesk.db.engine import APPLICATION_ID, DatabaseError

# Tables counted for a backup's preview: what a person recognises ("2,314 people").
_COUNTED = ("units", "people", "members", "events", "classes", "documents", "audit_log")


@dataclass(frozen=True)
class ImageInfo:
    schema: str | None  # the Alembic revision inside
    counts: dict[str, int]  # table → rows, for the tables in _COUNTED that exist
    unit_code: str
    unit_name: str
    last_change: str  # ISO time of the newest audit entry ("" when none)
    size: int


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: tuple[str, ...]  # integrity_check lines other than "ok"
    foreign_keys: tuple[str, ...]  # "table row → parent" for each broken reference


@contextlib.contextmanager
def _connect(target: str | Path, *, uri: bool = False) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(target, uri=uri, isolation_level=None)
    try:
        yield con
    finally:
        con.close()


def _read_only(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def database_image(path: Path) -> bytes:
    """The database as one consistent image (committed data only), checked before it is
    returned: DatabaseError if the copy is not sound."""
    with _connect(_read_only(path), uri=True) as source, _connect(":memory:") as copy:
        try:
            source.execute("PRAGMA busy_timeout=5000")
            source.backup(copy)
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"the database is damaged: {exc}") from None
        problems = _quick_check(copy)
        if problems:
            raise DatabaseError("the database is damaged: " + "; ".join(problems[:3]))
        return _rollback_format(copy.serialize())


def _rollback_format(image: bytes) -> bytes:
    """The image marked as a rollback-journal database (header bytes 18–19 = 1): a copy of a
    WAL database keeps the WAL mark, and SQLite will not open such an image from memory."""
    if len(image) >= 20 and image[18:20] == b"\x02\x02":
        return image[:18] + b"\x01\x01" + image[20:]
    return image


def _quick_check(con: sqlite3.Connection) -> list[str]:
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:  # too damaged to even check
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _loaded(image: bytes) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:", isolation_level=None)
    try:
        con.deserialize(_rollback_format(image))
    except sqlite3.DatabaseError:
        con.close()
        raise DatabaseError("the backup does not hold an SQLite database") from None
    return con


def _tables(con: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def inspect_image(image: bytes) -> ImageInfo:
    """What an image holds; DatabaseError if it is damaged or not a dvdesk database."""
    con = _loaded(image)
    try:
        try:
            problems = _quick_check(con)
            app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"the backup's database is damaged: {exc}") from None
        if problems:
            raise DatabaseError("the backup's database is damaged: " + "; ".join(problems[:3]))
        if app_id != APPLICATION_ID:
            raise DatabaseError("the backup does not hold a dvdesk database")
        tables = _tables(con)
        schema = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            schema = str(row[0]) if row else None
        counts = {
            t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in _COUNTED
            if t in tables
        }
        code = name = last = ""
        if {"install", "units"} <= tables:
            row = con.execute(
                "SELECT u.code, u.name FROM install i JOIN units u ON u.id = i.unit_id"
            ).fetchone()
            if row:
                code, name = str(row[0]), str(row[1])
        if "audit_log" in tables:
            row = con.execute("SELECT max(at) FROM audit_log").fetchone()
            last = str(row[0] or "")
        return ImageInfo(schema, counts, code, name, last, len(image))
    finally:
        con.close()


def write_image(image: bytes, path: Path) -> None:
    """Write an image as a new database file at `path` (replacing it), through a temporary
    file in the same folder so a crash leaves either the old file or the new one."""
    tmp = path.with_name(path.name + ".restoring")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    con = _loaded(image)
    try:
        with _connect(tmp) as target:
            con.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to rename
    finally:
        con.close()
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    os.replace(tmp, path)


def quick_check(path: Path) -> list[str]:
    """quick_check of a database file ([] when sound); DatabaseError if it cannot be read."""
    try:
        with _connect(_read_only(path), uri=True) as con:
            return _quick_check(con)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path.name} cannot be read: {exc}") from None


def integrity(path: Path) -> IntegrityReport:
    """The full integrity_check and foreign_key_check of a database file."""
    try:
        with _connect(_read_only(path), uri=True) as con:
            rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
            problems = tuple(r for r in rows if r != "ok")
            broken = tuple(
                f"{table} #{rowid} → {parent}"
                for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check")
            )
    except sqlite3.DatabaseError as exc:
        return IntegrityReport(False, (str(exc),), ())
    return IntegrityReport(not problems and not broken, problems, broken)


def own_box_keys(path: Path) -> list[tuple[str, str]]:
    """(box key id, public key hex) of this unit's key pairs in a database file, newest
    first, read without migrating it ([] when it has none)."""
    try:
        with _connect(_read_only(path), uri=True) as con:
            if "own_keys" not in _tables(con):
                return []
            rows = con.execute(
                "SELECT box_key_id, box_public FROM own_keys "
                "WHERE unit_id = (SELECT unit_id FROM install) ORDER BY id DESC"
            ).fetchall()
    except sqlite3.DatabaseError:
        return []
    return [(str(k), str(p)) for k, p in rows]


def own_protected_keys(path: Path) -> dict[str, bytes]:
    """Box key id → the passphrase-protected key pair, for the copy kept beside the backups."""
    try:
        with _connect(_read_only(path), uri=True) as con:
            if "own_keys" not in _tables(con):
                return {}
            rows = con.execute("SELECT box_key_id, protected FROM own_keys").fetchall()
    except sqlite3.DatabaseError:
        return {}
    return {str(k): bytes(b) for k, b in rows}


def setting(path: Path, key: str) -> str | None:
    """One value of the settings table, read without migrating (None when absent)."""
    try:
        with _connect(_read_only(path), uri=True) as con:
            if "settings" not in _tables(con):
                return None
            row = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None
