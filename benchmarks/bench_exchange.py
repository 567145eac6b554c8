"""dvdesk exchange benchmark (a script, not a test): an office taking in the bundles of its units.

Makes N chi bộ, each in its own data folder with demo people and its own keys, has each write
its first bundle to the office, then times the office importing all of them (decrypt, verify,
check, merge, derive) against raw sqlite3 `executemany` of the same rows into plain tables,
measured in the same run.

Run:  uv run python benchmarks/bench_exchange.py [--units 300 --people 100000] [--quick]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from dvdesk.services import exchange
from dvdesk.services.demo import make_demo
from dvdesk.services.setup import init_unit, open_data_dir
from dvdesk.sync import bundle

PASS = "mật khẩu đo tốc độ"


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def make_cells(folder: Path, office: Any, units: int, people: int, today: date) -> list[Path]:
    office_key = exchange.export_public_key(office)
    files: list[Path] = []
    each = max(1, people // units)
    for i in range(units):
        cell = open_data_dir(folder / f"cell{i:03d}")
        init_unit(cell, f"CB{i:03d}", f"Chi bộ số {i + 1}", "cell", actor="bench")
        make_demo(cell, people=each, seed=i + 1, today=today, actor="bench")
        _unique_ids(cell.path, i)
        exchange.init_keys(cell, PASS)
        exchange.import_peer_key(cell, office_key)
        exchange.import_peer_key(office, exchange.export_public_key(cell))
        info = exchange.own_key(office)
        assert info is not None
        out = folder / "stick" / f"CB{i:03d}-1.dvb"
        exchange.export_bundle(cell, info.unit_id, out, PASS)
        files.append(out)
        cell.close()
        if (i + 1) % 25 == 0:
            say(f"  {i + 1}/{units} chi bộ ready")
    return files


def _unique_ids(path: Path, index: int) -> None:
    """Demo CCCDs are random per chi bộ and can repeat across 300 of them; a real office would
    refuse such a bundle (the same citizen in two chi bộ), so give each a number of its own."""
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


def floor_insert(folder: Path, files: list[Path], office: Any) -> tuple[float, int]:
    """The same rows, decrypted beforehand (not timed), inserted with executemany into plain
    tables with the durability settings dvdesk uses."""
    with office.reader() as session:
        own = exchange._install_unit(session)[0]
        key = next(iter(exchange._unlock(session, own.id, PASS).values()))
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in files:
        for record in _records(office, path, key):
            by_entity[record["entity"]].append(record)
    con = sqlite3.connect(folder / "floor.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    total = 0
    start = time.perf_counter()
    con.execute("BEGIN")
    for entity, rows in by_entity.items():
        columns = sorted({k for r in rows for k in r["data"]})
        names = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"CREATE TABLE {entity} (id TEXT PRIMARY KEY, {names})")
        con.executemany(
            f"INSERT OR REPLACE INTO {entity} VALUES (?, {', '.join('?' for _ in columns)})",
            [(r["id"], *(r["data"].get(c) for c in columns)) for r in rows],
        )
        total += len(rows)
    con.execute("COMMIT")
    seconds = time.perf_counter() - start
    con.close()
    return seconds, total


def _records(office: Any, path: Path, key: Any) -> list[dict[str, Any]]:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from dvdesk.db import sync_queries
    from dvdesk.db.engine import schema_head

    with office.reader() as session:

        def signers(unit_id: str) -> list[Ed25519PublicKey]:
            return [
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(k.sign_public))
                for k in sync_queries.peer_keys(session, unit_id)
            ]

        install = exchange._install_unit(session)[0]
        opened = bundle.read_bundle(
            path.read_bytes(),
            recipient=key.box,
            own_unit_id=install.id,
            signer_keys=signers,
            max_schema=schema_head(),
        )
    return bundle.parse_records(opened.files.get(exchange.RECORDS_FILE, b""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="20 chi bộ, 4,000 people")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    if args.quick:
        args.units, args.people = 20, 4_000
    folder = Path(tempfile.mkdtemp(prefix="dvdesk-bench-exchange-"))
    try:
        office = open_data_dir(folder / "office")
        init_unit(office, "DUK", "Ban Tổ chức Đảng ủy Khối", "office", actor="bench")
        exchange.init_keys(office, PASS)
        say(f"dvdesk exchange bench: {args.units} chi bộ, {args.people} people, in {folder}")
        start = time.perf_counter()
        files = make_cells(folder, office, args.units, args.people, args.today)
        say(f"  bundles made in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        results = exchange.import_bundles(office, files, PASS)
        seconds = time.perf_counter() - start
        refused = [r for r in results if not r.ok]
        assert not refused, refused[0].message
        records = sum(r.new + r.updated + r.unchanged for r in results)
        floor, floor_rows = floor_insert(folder, files, office)
        office.close()
        size = sum(p.stat().st_size for p in files)
        print(f"\ndvdesk exchange bench: {args.units} bundles, {size / 2**20:.1f} MiB")
        print(f"{'measure':<52} {'rows':>9} {'seconds':>9} {'ratio':>8}")
        print(
            f"{'office imports every bundle (service)':<52} {records:>9} {seconds:>9.2f} "
            f"{seconds / floor:>7.1f}x"
        )
        print(f"{'  per bundle':<52} {'':>9} {seconds / len(files):>9.3f}")
        print(f"{'floor: sqlite3 executemany, plain tables':<52} {floor_rows:>9} {floor:>9.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
