"""Whole-database dumps of the office's PostgreSQL database, with PostgreSQL's own tools.

A server database is backed up with `pg_dump` (its custom format: compressed, and restored in
one transaction by `pg_restore`), never by reading tables ourselves: the tools know every kind
of object the migrations make (functions, deferrable constraints, sequences). The dump comes
back as bytes through a pipe, so the caller encrypts it before anything touches the disk.

The tools are looked for in DVDESK_PG_BIN when it is set (and only there: whoever sets it
chose that version on purpose, and a silent fallback to another would fail later and less
clearly), otherwise on PATH, then in Debian's /usr/lib/postgresql/N/bin and Windows'
C:\\Program Files\\PostgreSQL\\N\\bin, the highest N first. pg_dump must be at least the
server's version.

The password never goes on a command line (other users of the computer can read those): the
tools get the address without it and the password in PGPASSWORD. Without a password in the
address the tools use the usual PGPASSWORD or pgpass file, as the desk's own connection does.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import URL, make_url

from dvdesk.db.engine import Database, DatabaseError, server_name

__all__ = ["DumpError", "content_digest", "dump", "find_tool", "restore", "url_of"]

BIN_ENV = "DVDESK_PG_BIN"
DUMP_TIMEOUT = 30 * 60  # seconds: a large office database dumps in well under a minute
RESTORE_TIMEOUT = 60 * 60
CONNECT_TIMEOUT = "15"  # seconds, for a server that does not answer (PGCONNECT_TIMEOUT)
# A restore waits this long for a lock another desk holds, then fails in words (and rolls back).
LOCK_TIMEOUT = "60s"
# The first bytes of a custom-format archive.
MAGIC = b"PGDMP"


class DumpError(DatabaseError):
    """pg_dump or pg_restore could not do its work; the message names the tool and what to do
    (never the password). `kind`: missing, failed, newer_server, newer_dump, timeout."""

    def __init__(self, tool: str, kind: str, message: str) -> None:
        super().__init__(message)
        self.tool = tool
        self.kind = kind


def url_of(db: Database) -> str:
    """The address of a server database, with its password (for the tools and queries)."""
    return db.engine.url.render_as_string(hide_password=False)


def _exe(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def _version_key(path: str) -> tuple[int, ...]:
    # .../postgresql/15/bin/pg_dump → (15,); "9.6" → (9, 6); an odd folder sorts first.
    name = Path(path).parent.parent.name
    try:
        return tuple(int(part) for part in name.split("."))
    except ValueError:
        return ()


def _installed() -> list[str]:
    """Folders where PostgreSQL installs its tools, not on PATH."""
    if os.name == "nt":
        roots = {os.environ.get("PROGRAMFILES", r"C:\Program Files"), r"C:\Program Files"}
        return [str(Path(root) / "PostgreSQL" / "*" / "bin") for root in sorted(roots)]
    return ["/usr/lib/postgresql/*/bin"]


def find_tool(name: str) -> Path | None:
    """The program `name` (pg_dump, pg_restore) to run, or None when it is not installed."""
    chosen = os.environ.get(BIN_ENV, "").strip()
    if chosen:
        candidate = Path(chosen) / _exe(name)
        return candidate if candidate.is_file() else None
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    found = [p for pattern in _installed() for p in glob.glob(str(Path(pattern) / _exe(name)))]
    found.sort(key=_version_key)
    return Path(found[-1]) if found else None


def _missing(tool: str) -> DumpError:
    chosen = os.environ.get(BIN_ENV, "").strip()
    where = (
        f"{tool} is not in {chosen} ({BIN_ENV})"
        if chosen
        else f"{tool} was not found (not in {BIN_ENV}, on PATH, nor where PostgreSQL installs it)"
    )
    return DumpError(
        tool,
        "missing",
        f"{where}: install PostgreSQL's client tools on this computer, the server's version or "
        f"newer, and set {BIN_ENV} to the folder that holds {tool} if they are not found",
    )


def _target(url: str | URL) -> tuple[str, str | None, str]:
    """(the address for libpq, without the driver and the password; the password; the address
    for messages)."""
    parsed = make_url(url)
    libpq = parsed.set(drivername="postgresql", password=None)
    password = parsed.password
    return (
        libpq.render_as_string(hide_password=False),
        None if password is None else str(password),
        server_name(libpq.render_as_string(hide_password=False)),
    )


def _environment(password: str | None, extra: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    env.setdefault("PGCONNECT_TIMEOUT", CONNECT_TIMEOUT)
    env["PGAPPNAME"] = "dvdesk-backup"
    env.update(extra)
    return env


_SERVER_MISMATCH = re.compile(r"server version:\s*([\w.]+);\s*\S+ version:\s*([\w.]+)")


def _explain(tool: str, code: int, stderr: str, where: str, password: str | None) -> DumpError:
    """A failed run in words: the tool's own last lines, with what to do."""
    if password:
        stderr = stderr.replace(password, "***")
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    said = "; ".join(lines[-4:]) or f"exit code {code}"
    if "server version mismatch" in stderr:
        found = _SERVER_MISMATCH.search(stderr)
        server, own = found.groups() if found else ("?", "?")
        return DumpError(
            tool,
            "newer_server",
            f"{tool} {own} is older than the database server ({server}): install PostgreSQL's "
            f"client tools of version {server.split('.')[0]} or newer on this computer and set "
            f"{BIN_ENV} to their bin folder",
        )
    if "unsupported version" in stderr and "file header" in stderr:
        return DumpError(
            tool,
            "newer_dump",
            f"{tool} is older than the pg_dump that made this backup ({said}): install newer "
            f"PostgreSQL client tools on this computer and set {BIN_ENV} to their bin folder",
        )
    return DumpError(
        tool,
        "failed",
        f"{tool} failed on {where}: {said}. Check that the server can be reached and that its "
        "user may read and change the database",
    )


def _run(
    tool: str,
    args: list[str],
    url: str | URL,
    timeout: float,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> bytes:
    program = find_tool(tool)
    if program is None:
        raise _missing(tool)
    address, password, where = _target(url)
    command = [str(program), *args, f"--dbname={address}"]
    try:
        done = subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            env=_environment(password, env or {}),
            check=False,
            # No console window flashing up over the program on Windows.
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        raise DumpError(
            tool,
            "timeout",
            f"{tool} did not finish within {timeout / 60:.0f} minutes on {where}: check the "
            "server and the network, and whether another desk holds the database busy",
        ) from None
    except OSError as exc:
        raise DumpError(
            tool, "missing", f"{tool} ({program}) cannot be run: {exc.strerror or exc}"
        ) from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", errors="replace")
        raise _explain(tool, done.returncode, stderr, where, password)
    return done.stdout


def dump(url: str | URL, *, snapshot: str | None = None, timeout: float = DUMP_TIMEOUT) -> bytes:
    """The database at `url` as one custom-format archive (committed data only, one snapshot:
    `snapshot`, exported by a transaction the caller holds open, when given)."""
    args = ["--format=custom", "--no-owner", "--no-privileges"]
    if snapshot is not None:
        args.append(f"--snapshot={snapshot}")
    data = _run("pg_dump", args, url, timeout)
    if not data.startswith(MAGIC):
        raise DumpError("pg_dump", "failed", "pg_dump gave something that is not an archive")
    return data


def content_digest(archive: bytes) -> str:
    """SHA-256 of an archive without the time it was made: two dumps of the same data differ
    only there (the header's seven numbers of its local time; the tables are dumped in their
    stored order, which VACUUM and ANALYZE leave alone). The header is
    PGDMP, version (3 bytes), int size, offset size, format, compression (an int before
    archive version 1.15, a byte from then on), then the time. Anything unexpected is hashed
    whole, which can only make a backup that was not needed."""
    if len(archive) < 16 or not archive.startswith(MAGIC):
        return hashlib.sha256(archive).hexdigest()
    version, int_size = (archive[5], archive[6]), archive[8]
    start = 11 + (1 if version >= (1, 15) else 1 + int_size)
    end = start + 7 * (1 + int_size)
    if not 1 <= int_size <= 8 or len(archive) < end:
        return hashlib.sha256(archive).hexdigest()
    return hashlib.sha256(archive[:start] + archive[end:]).hexdigest()


def restore(url: str | URL, archive: bytes, *, timeout: float = RESTORE_TIMEOUT) -> None:
    """Put an archive in place of the objects it holds in the database at `url`, in one
    transaction: on any error nothing has changed."""
    if not archive.startswith(MAGIC):
        raise DumpError("pg_restore", "failed", "the backup does not hold a pg_dump archive")
    args = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
    _run(
        "pg_restore",
        args,
        url,
        timeout,
        stdin=archive,
        env={"PGOPTIONS": f"{os.environ.get('PGOPTIONS', '')} -c lock_timeout={LOCK_TIMEOUT}"},
    )
