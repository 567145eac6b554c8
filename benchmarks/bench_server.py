"""The PostgreSQL parts of benchmarks/bench.py: a throwaway server (tests/pg_cluster.py), a
database copied row by row onto it, and the bundles of a few hundred chi bộ for an office.

Making the bundles and timing their import are separate steps: `make_bundles` leaves an office
data folder as it was before any import (its keys, every unit's key pinned and confirmed) and
the bundle files; each office that is timed starts from a copy of that folder, as a file or on
the server.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, create_engine, func, select, text

from dvdesk.db.engine import DB_FILE_NAME, Database
from dvdesk.db.models import Base
from dvdesk.services import exchange
from dvdesk.services.demo import make_demo
from dvdesk.services.setup import SERVER_FILE, init_unit, open_data_dir

TESTS = Path(__file__).resolve().parents[1] / "tests"
OFFICE_CODE, OFFICE_NAME = "DUK", "Ban Tổ chức Đảng ủy Khối"
OFFICE_PASS = "mật khẩu văn phòng đo tốc độ"
CELL_PASS = "mật khẩu chi bộ đo tốc độ"
BATCH = 5_000  # rows per INSERT batch when copying


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- the server ---------------------------------------------------------------------------


def _pg_cluster() -> Any:
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    import pg_cluster

    return pg_cluster


def _durable_cluster() -> Any:
    """tests/pg_cluster.Cluster, started with PostgreSQL's own durability (fsync, synchronous
    commit, full page writes: what an office's server runs with) instead of the tests' fsync
    off, so that writes cost what they cost against SQLite's synchronous=FULL."""
    base = _pg_cluster().Cluster

    class Durable(base):  # type: ignore[misc, valid-type]
        def start(self) -> Any:
            data = self.folder / "data"
            self._run(
                "initdb", "-D", str(data), "-A", "trust", "-U", _pg_cluster().USER,
                "--encoding=UTF8", "--locale=C.UTF-8",
            )  # fmt: skip
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                "-c max_connections=200"
            )
            self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                      "-w", "start")  # fmt: skip
            return self

    return Durable()


class Server:
    """A throwaway PostgreSQL server; `database(name)` makes an empty database on it."""

    def __init__(self, durable: bool = True) -> None:
        self.cluster = _durable_cluster() if durable else _pg_cluster().Cluster()
        try:
            self.cluster.start()
            self.admin = create_engine(self.cluster.url(), isolation_level="AUTOCOMMIT")
        except BaseException:
            self.cluster.stop()
            raise

    def database(self, name: str) -> str:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        return str(self.cluster.url(name))

    def version(self) -> str:
        with self.admin.connect() as conn:
            return str(conn.exec_driver_sql("SHOW server_version").scalar())

    def durability(self) -> str:
        with self.admin.connect() as conn:
            return ", ".join(
                f"{name} {conn.exec_driver_sql(f'SHOW {name}').scalar()}"
                for name in ("fsync", "synchronous_commit", "full_page_writes")
            )

    def stop(self) -> None:
        self.admin.dispose()
        self.cluster.stop()


@contextmanager
def server(wanted: bool, durable: bool = True) -> Iterator[Server | None]:
    """A started server for the block, stopped at its end whatever happens; None (and a line
    saying why) when it is not wanted or PostgreSQL is not installed. Not `durable`: the
    tests' settings (fsync off)."""
    if not wanted:
        say("  PostgreSQL parts skipped (--skip-server)")
        yield None
        return
    if _pg_cluster().find_bin() is None:
        say("  PostgreSQL parts skipped: PostgreSQL is not installed (no pg_ctl)")
        yield None
        return
    started = Server(durable)
    try:
        say(f"  PostgreSQL {started.version()} started (throwaway; {started.durability()})")
        yield started
    finally:
        started.stop()
        say("  PostgreSQL stopped")


def copy_to_server(source: Database, url: str, data_dir: Path) -> tuple[Database, int]:
    """A data folder naming `url` in dvdesk.server, its database made by the program's own
    migrations and then filled with every row of `source`, table by table (SQLAlchemy Core,
    the same models), its sequences moved past the copied ids and ANALYZEd. Returns the opened
    database and the number of rows copied."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / SERVER_FILE).write_text(url, encoding="utf-8")
    target = open_data_dir(data_dir)  # an empty database: migrated, nothing to back up
    rows = 0
    with source.engine.connect() as src, target.engine.begin() as dst:
        dst.execute(text("SET CONSTRAINTS ALL DEFERRED"))  # a unit before its parent, say
        for table in Base.metadata.sorted_tables:
            result = src.execution_options(yield_per=BATCH).execute(select(table))
            for part in result.mappings().partitions():
                dst.execute(table.insert(), [dict(row) for row in part])
                rows += len(part)
        for table in Base.metadata.sorted_tables:
            keys = list(table.primary_key.columns)
            if len(keys) != 1 or not isinstance(keys[0].type, Integer):
                continue
            key = keys[0]
            sequence = dst.execute(
                select(func.pg_get_serial_sequence(table.name, key.name))
            ).scalar()
            if sequence:
                top = dst.execute(select(func.max(key))).scalar() or 0
                dst.execute(select(func.setval(sequence, top + 1, False)))
    with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    return target, rows


# --- the bundles --------------------------------------------------------------------------


@dataclass
class Bundles:
    office: Path  # the office's data folder before any import
    files: list[Path]
    people_each: int
    seconds: float  # how long making them took (0 when found made)


def _unique_ids(path: Path, index: int) -> None:
    """Demo CCCDs are random per chi bộ and repeat across hundreds of them; an office refuses
    the same citizen in two chi bộ, so each chi bộ's numbers are made its own."""
    con = sqlite3.connect(path)
    con.execute(
        "UPDATE people SET cccd = printf('%03d%09d', ?, rowid) WHERE cccd IS NOT NULL", (index,)
    )
    con.execute(
        "UPDATE members SET cccd = printf('9%03d%08d', ?, rowid) WHERE cccd IS NOT NULL",
        (index,),
    )
    con.commit()
    con.close()


def make_bundles(folder: Path, count: int, people_each: int, today: date) -> Bundles:
    """`count` chi bộ, each in its own data folder with `people_each` demo people (and its
    members), its keys made and exchanged with the office and both fingerprints confirmed,
    each writing its first bundle to the office (CBnnn-den-DUK-0001.dvb). Found made in
    `folder` (with --keep) when the same count and size were asked for."""
    made = folder / "bundles.json"
    wanted = {"count": count, "people_each": people_each, "today": today.isoformat()}
    if made.exists():
        record = json.loads(made.read_text(encoding="utf-8"))
        if {k: record.get(k) for k in wanted} == wanted:
            say(f"  bundles: {count} found made in {folder}")
            files = [folder / name for name in record["files"]]
            return Bundles(folder / "office", files, people_each, 0.0)
        shutil.rmtree(folder)
    start = time.perf_counter()
    folder.mkdir(parents=True)
    office = open_data_dir(folder / "office")
    init_unit(office, OFFICE_CODE, OFFICE_NAME, "office", actor="bench")
    exchange.init_keys(office, OFFICE_PASS)
    office_key = exchange.export_public_key(office)
    empty = folder / "empty"
    open_data_dir(empty).close()  # migrated once, copied for each chi bộ
    files: list[Path] = []
    for i in range(count):
        code = f"CB{i + 1:03d}"
        cell_dir = folder / "cells" / code
        cell_dir.mkdir(parents=True)
        shutil.copyfile(empty / DB_FILE_NAME, cell_dir / DB_FILE_NAME)
        cell = open_data_dir(cell_dir)
        init_unit(cell, code, f"Chi bộ số {i + 1}", "cell", OFFICE_NAME, actor="bench")
        make_demo(cell, people=people_each, seed=i + 1, today=today, actor="bench")
        _unique_ids(cell.path, i + 1)
        exchange.init_keys(cell, CELL_PASS)
        office_peer = exchange.import_peer_key(cell, office_key)
        exchange.confirm_peer_key(cell, office_peer.unit_id, office_peer.fingerprint)
        cell_peer = exchange.import_peer_key(office, exchange.export_public_key(cell))
        exchange.confirm_peer_key(office, cell_peer.unit_id, cell_peer.fingerprint)
        out = folder / "stick" / f"{code}-den-{OFFICE_CODE}-0001.dvb"
        exchange.export_bundle(cell, office_peer.unit_id, out, CELL_PASS)
        cell.close()
        shutil.rmtree(cell_dir)
        files.append(out)
        if (i + 1) % 50 == 0:
            say(f"  {i + 1}/{count} chi bộ have written their bundle")
    office.close()
    shutil.rmtree(empty)
    wanted["files"] = [str(p.relative_to(folder)) for p in files]  # type: ignore[assignment]
    made.write_text(json.dumps(wanted), encoding="utf-8")
    return Bundles(folder / "office", files, people_each, time.perf_counter() - start)


def fresh_office(bundles: Bundles, data_dir: Path) -> Database:
    """A copy of the office's data folder as it was before any import, opened."""
    shutil.copytree(bundles.office, data_dir)
    return open_data_dir(data_dir)


def import_all(office: Database, files: Sequence[Path]) -> tuple[float, int]:
    """The office imports every file in one go, as from a folder on a USB stick (the service
    makes its backup first); wall time and records taken in. Raises on any refused file."""
    start = time.perf_counter()
    results = exchange.import_bundles(office, files, OFFICE_PASS, actor="bench")
    seconds = time.perf_counter() - start
    refused = [r for r in results if not r.ok]
    if refused:
        raise RuntimeError(f"{len(refused)} bundles refused, the first: {refused[0].message}")
    return seconds, sum(r.new + r.updated + r.unchanged for r in results)
