"""A secretary's burst of edits, killed at random points and on a full disk: every change the
program reported committed is there after the restart, and no transaction is there in part.

Each transaction of worker.py's burst adds person n (with a family member and an event) and
notes "ghi chú n" on person n-1, so half a transaction would show as a person without their
family or event, or a note without the person it came with. The runs go on one database, as
SQLite's own crash tests do: each restart recovers what the previous kill left."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from crash_kit import SUMMARY, Tally, Workers, reopen, run_direct

from dvdesk.db.backup import encrypt_file
from dvdesk.db.engine import DB_FILE_NAME, Database, forget_key, remember_key
from dvdesk.services.setup import init_unit, open_data_dir

SEED = 20260302
PER_RUN = 30  # transactions a run would make if left alone
RANDOM_KILLS = 24
COMMIT_KILLS = 6  # killed right after the n-th COMMITTED line


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    db = open_data_dir(folder)
    init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    db.close()
    return folder


def _burst_args(data_dir: Path, prefix: str, count: int = PER_RUN) -> list[str]:
    return ["burst", "--data-dir", str(data_dir), "--prefix", prefix, "--count", str(count)]


def check_edits(db: Database, committed: dict[str, list[str]]) -> int:
    """Every reported person is there, whole; the people of each run are an unbroken run of
    numbers ending at most one past the last reported (a commit the kill kept from being
    reported); each note came with the person after it. Returns how many tokens were found."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT p.code, p.notes, p.stage,"
            " (SELECT count(*) FROM family_members f WHERE f.person_id = p.id),"
            " (SELECT count(*) FROM events e WHERE e.person_id = p.id),"
            " (SELECT count(*) FROM audit_log a WHERE a.entity_id = p.id AND a.action = 'create')"
            " FROM people p"
        ).all()
        events_logged = conn.exec_driver_sql(
            "SELECT count(*) FROM audit_log WHERE action = 'add_event'"
        ).scalar_one()
    people = {
        code: (notes, stage, family, events, logged)
        for code, notes, stage, family, events, logged in rows
    }
    assert all(v[1:] == ("sympathiser", 1, 1, 1) for v in people.values()), "a half-made person"
    assert events_logged == len(people)
    found = 0
    for prefix, codes in committed.items():
        numbers = sorted(
            int(code.rsplit("-", 1)[1]) for code in people if code.startswith(prefix + "-")
        )
        assert numbers == list(range(len(numbers))), f"{prefix}: a gap in {numbers}"
        assert len(codes) <= len(numbers) <= len(codes) + 1, f"{prefix}: {codes} vs {numbers}"
        assert all(code in people for code in codes), f"{prefix}: a committed person is lost"
        found += len(codes)
        for n in numbers:
            expected = f"ghi chú {n + 1}" if n + 1 in numbers else ""
            assert people[f"{prefix}-{n:04d}"][0] == expected, f"{prefix}-{n:04d}: a torn note"
    return found


def test_a_burst_of_edits_survives_kills(workers: Workers, data_dir: Path) -> None:
    _survives_kills(workers, data_dir, Tally("edits"), RANDOM_KILLS, COMMIT_KILLS, [])


def test_an_encrypted_database_survives_kills_as_well(workers: Workers, data_dir: Path) -> None:
    """SQLCipher encrypts the WAL too; a kill in the middle of a page write must still leave
    the last committed state, readable under the key."""
    key = os.urandom(32)
    encrypt_file(data_dir / DB_FILE_NAME, key)
    remember_key(data_dir / DB_FILE_NAME, key)
    try:
        _survives_kills(workers, data_dir, Tally("encrypted edits"), 12, 4, ["--key", key.hex()])
    finally:
        forget_key(data_dir / DB_FILE_NAME)
    assert b"SQLite format 3" not in (data_dir / DB_FILE_NAME).read_bytes()[:16]


def _survives_kills(
    workers: Workers,
    data_dir: Path,
    tally: Tally,
    random_kills: int,
    commit_kills: int,
    extra: list[str],
) -> None:
    def _burst(data_dir: Path, prefix: str) -> list[str]:
        return _burst_args(data_dir, prefix) + extra

    committed: dict[str, list[str]] = {}
    whole = workers.run(_burst(data_dir, "A"))
    assert whole.status == 0 and len(whole.committed) == PER_RUN, whole.stderr
    committed["A"] = whole.committed
    rng = random.Random(SEED)
    plan = [("after", rng.uniform(0.02, 0.75) * whole.seconds) for _ in range(random_kills)]
    plan += [("commit", rng.randint(1, PER_RUN - 1)) for _ in range(commit_kills)]
    rng.shuffle(plan)
    for index, (how, when) in enumerate(plan):
        prefix = f"K{index:02d}"
        if how == "after":
            run = workers.run(_burst(data_dir, prefix), kill_after=float(when))
        else:
            run = workers.run(_burst(data_dir, prefix), kill_at_commit=int(when))
        assert run.killed or run.status == 0, run.stderr
        tally.add(run)
        committed[prefix] = run.committed
        db = reopen(data_dir)
        try:
            tally.tokens = check_edits(db, committed)
        finally:
            db.close()
        tally.survived += 1
    SUMMARY.append(tally.line())
    # A run the delay outlives finishes whole; too many of those and the count falls short.
    assert tally.kills >= random_kills + commit_kills - 3, tally.line()


def test_a_full_disk_stops_the_edits_and_loses_none(workers: Workers, data_dir: Path) -> None:
    """No more room for the write-ahead log: the commit that does not fit fails with SQLite's
    own error, the program stops, and everything committed before is there after the restart
    (the log not yet copied into the database is replayed)."""
    assert workers.run(_burst_args(data_dir, "A", 20)).status == 0
    limit = (data_dir / DB_FILE_NAME).stat().st_size + 16 * 1024
    # A process of its own, not a fork of the server: the limit holds from its first write.
    done = run_direct([*_burst_args(data_dir, "F", 500), "--fsize", str(limit)])
    lines = done.stdout.splitlines()
    assert done.returncode == 1, done.stderr
    # ENOSPC from a full disk is SQLITE_FULL; the EFBIG of a file-size limit, SQLITE_IOERR_WRITE.
    assert lines[-1] in ("FAILED SQLITE_FULL", "FAILED SQLITE_IOERR_WRITE"), done.stderr
    committed = [line.split()[1] for line in lines if line.startswith("COMMITTED ")]
    assert 0 < len(committed) < 500
    db = reopen(data_dir)
    try:
        found = check_edits(db, {"A": [f"A-{n:04d}" for n in range(20)], "F": committed})
    finally:
        db.close()
    SUMMARY.append(
        f"full disk during edits: stopped after {len(committed)} commits "
        f"(files limited to {limit} bytes), {found} committed tokens checked"
    )
