"""Whole-database images for backups, and the integrity checks, with SQLite's own tools.

An image is taken with the online backup API (never a copy of a live file: the WAL may hold
committed pages the main file does not), checked with quick_check, and handed over as bytes so
the caller can encrypt it before anything touches the disk. A restore writes an image back
through the same API into a new file.

An encrypted database gives an encrypted image (the backup API copies pages to a new file under
the same key), so no plain page of it is ever written; such an image opens only with that key.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from dvdesk.db.engine import (
    APPLICATION_ID,
    DRIVER_ERRORS,
    SQLITE_HEADER,
    DatabaseError,
    EncryptedDatabaseError,
    connect,
    key_for,
)

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
def _connect(target: str | Path, *, uri: bool = False, key: bytes | None = None) -> Iterator[Any]:
    con = connect(target, key, uri=uri, isolation_level=None)
    try:
        yield con
    finally:
        con.close()


def _read_only(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


@contextlib.contextmanager
def _open_file(path: Path) -> Iterator[Any]:
    """The database file at `path`, read-only, with its key if it is encrypted."""
    with _connect(_read_only(path), uri=True, key=key_for(path)) as con:
        yield con


def is_encrypted_image(image: bytes) -> bool:
    return image[:16] != SQLITE_HEADER


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def database_image(path: Path) -> bytes:
    """The database as one consistent image (committed data only), checked before it is
    returned: DatabaseError if the copy is not sound."""
    key = key_for(path)
    if key is not None:
        return _encrypted_image(path, key)
    with _open_file(path) as source, _connect(":memory:") as copy:
        try:
            source.execute("PRAGMA busy_timeout=5000")
            source.backup(copy)
        except DRIVER_ERRORS as exc:
            raise DatabaseError(f"the database is damaged: {exc}") from None
        problems = _quick_check(copy)
        if problems:
            raise DatabaseError("the database is damaged: " + "; ".join(problems[:3]))
        return _rollback_format(copy.serialize())


def _encrypted_image(path: Path, key: bytes) -> bytes:
    # SQLCipher copies pages only between databases under the same key, and not into memory:
    # the copy is a file beside the database, as unreadable as the database itself.
    tmp = path.with_name(path.name + ".image")
    _unlink(tmp)
    try:
        with _open_file(path) as source, _connect(tmp, key=key) as copy:
            try:
                source.execute("PRAGMA busy_timeout=5000")
                source.backup(copy)
            except DRIVER_ERRORS as exc:
                raise DatabaseError(f"the database is damaged: {exc}") from None
            copy.execute("PRAGMA journal_mode=DELETE")
            problems = _quick_check(copy)
        if problems:
            raise DatabaseError("the database is damaged: " + "; ".join(problems[:3]))
        return tmp.read_bytes()
    finally:
        _unlink(tmp)


def _rollback_format(image: bytes) -> bytes:
    """The image marked as a rollback-journal database (header bytes 18–19 = 1): a copy of a
    WAL database keeps the WAL mark, and SQLite will not open such an image from memory."""
    if len(image) >= 20 and image[18:20] == b"\x02\x02":
        return image[:18] + b"\x01\x01" + image[20:]
    return image


def _quick_check(con: Any) -> list[str]:
    try:
        rows = [str(r[0]) for r in con.execute("PRAGMA quick_check")]
    except DRIVER_ERRORS as exc:  # too damaged to even check
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def _loaded(image: bytes) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:", isolation_level=None)
    try:
        con.deserialize(_rollback_format(image))
    except DRIVER_ERRORS:
        con.close()
        raise DatabaseError("the backup does not hold an SQLite database") from None
    return con


def _tables(con: Any) -> set[str]:
    return {str(r[0]) for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}


@contextlib.contextmanager
def _image_connection(image: bytes, key: bytes | None) -> Iterator[Any]:
    """A connection to an image: in memory when plain; an encrypted one from a temporary file
    (it stays encrypted there), opened with `key`."""
    if not is_encrypted_image(image):
        con = _loaded(image)
        try:
            yield con
        finally:
            con.close()
        return
    if key is None:
        raise EncryptedDatabaseError(
            "the backup's database is encrypted: sign in (or use the recovery key) first"
        )
    with tempfile.TemporaryDirectory(prefix="dvdesk-image-") as folder:
        file = Path(folder) / "image.sqlite3"
        file.write_bytes(image)
        with _connect(file, key=key) as con:
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except DRIVER_ERRORS:
                raise EncryptedDatabaseError(
                    "the backup's database is encrypted under another key (other accounts)"
                ) from None
            yield con


def inspect_image(image: bytes, key: bytes | None = None) -> ImageInfo:
    """What an image holds; DatabaseError if it is damaged or not a dvdesk database (an
    encrypted image needs the key it was made under)."""
    with _image_connection(image, key) as con:
        try:
            problems = _quick_check(con)
            app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
        except DRIVER_ERRORS as exc:
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


def write_image(image: bytes, path: Path, key: bytes | None = None) -> None:
    """Write an image as a new database file at `path` (replacing it), through a temporary
    file in the same folder so a crash leaves either the old file or the new one. With `key`
    the new file is encrypted under it: an encrypted image must have been made under that key;
    a plain one (a backup from before accounts were set up) is encrypted on the way."""
    tmp = path.with_name(path.name + ".restoring")
    _unlink(tmp)
    if is_encrypted_image(image):
        if key is None:
            raise EncryptedDatabaseError(
                "the backup's database is encrypted: sign in (or use the recovery key) first"
            )
        with _image_connection(image, key):
            pass  # refuses an image under another key before anything is replaced
        tmp.write_bytes(image)
        with _connect(tmp, key=key) as target:
            target.execute("PRAGMA journal_mode=DELETE")
    else:
        con = _loaded(image)
        try:
            with _connect(tmp) as target:
                con.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to rename
        finally:
            con.close()
        if key is not None:
            encrypt_file(tmp, key)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        _unlink(path.with_name(path.name + suffix))
    os.replace(tmp, path)


def encrypt_file(path: Path, key: bytes) -> None:
    """Encrypt the plain database at `path` under `key`, in place: the encrypted copy is made
    beside it (sqlcipher_export) and renamed over it, so a crash leaves one or the other whole."""
    tmp = path.with_name(path.name + ".encrypting")
    _unlink(tmp)
    with _connect(path) as plain:
        # Fold the WAL into the file first: it is deleted below, and must hold nothing by then.
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        app_id = int(plain.execute("PRAGMA application_id").fetchone()[0])
        user_version = int(plain.execute("PRAGMA user_version").fetchone()[0])
    source = sqlcipher.connect(str(path), isolation_level=None)  # SQLCipher reads plain files too
    try:
        source.execute("ATTACH DATABASE ? AS enc KEY ?", (str(tmp), f"x'{key.hex()}'"))
        source.execute("SELECT sqlcipher_export('enc')")
        source.execute(f"PRAGMA enc.application_id = {app_id}")
        source.execute(f"PRAGMA enc.user_version = {user_version}")
        source.execute("DETACH DATABASE enc")
    finally:
        source.close()
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    for suffix in ("-wal", "-shm"):
        _unlink(path.with_name(path.name + suffix))
    os.replace(tmp, path)


def quick_check(path: Path) -> list[str]:
    """quick_check of a database file ([] when sound); DatabaseError if it cannot be read."""
    try:
        with _open_file(path) as con:
            return _quick_check(con)
    except DRIVER_ERRORS as exc:
        raise DatabaseError(f"{path.name} cannot be read: {exc}") from None


def integrity(path: Path) -> IntegrityReport:
    """The full integrity_check and foreign_key_check of a database file."""
    try:
        with _open_file(path) as con:
            rows = [str(r[0]) for r in con.execute("PRAGMA integrity_check")]
            problems = tuple(r for r in rows if r != "ok")
            broken = tuple(
                f"{table} #{rowid} → {parent}"
                for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check")
            )
    except DRIVER_ERRORS as exc:
        return IntegrityReport(False, (str(exc),), ())
    return IntegrityReport(not problems and not broken, problems, broken)


def own_box_keys(path: Path) -> list[tuple[str, str]]:
    """(box key id, public key hex) of this unit's key pairs in a database file, newest
    first, read without migrating it ([] when it has none)."""
    try:
        with _open_file(path) as con:
            if "own_keys" not in _tables(con):
                return []
            rows = con.execute(
                "SELECT box_key_id, box_public FROM own_keys "
                "WHERE unit_id = (SELECT unit_id FROM install) ORDER BY id DESC"
            ).fetchall()
    except DRIVER_ERRORS:
        return []
    return [(str(k), str(p)) for k, p in rows]


def own_protected_keys(path: Path) -> dict[str, bytes]:
    """Box key id → the passphrase-protected key pair, for the copy kept beside the backups."""
    try:
        with _open_file(path) as con:
            if "own_keys" not in _tables(con):
                return {}
            rows = con.execute("SELECT box_key_id, protected FROM own_keys").fetchall()
    except DRIVER_ERRORS:
        return {}
    return {str(k): bytes(b) for k, b in rows}


def setting(path: Path, key: str) -> str | None:
    """One value of the settings table, read without migrating (None when absent)."""
    try:
        with _open_file(path) as con:
            if "settings" not in _tables(con):
                return None
            row = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except DRIVER_ERRORS:
        return None
    return str(row[0]) if row else None
