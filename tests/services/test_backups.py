"""Backups and restore on real files: an encrypted image of the database, restored in place of
it with the old one kept aside, and every way a backup file can be wrong refused in words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from dvdesk.db.engine import DB_FILE_NAME, Database
from dvdesk.domain.retention import Retention
from dvdesk.services import backups, exchange
from dvdesk.services.demo import make_demo
from dvdesk.services.errors import UserError
from dvdesk.services.setup import init_unit, open_data_dir

PASS = "mật khẩu sao lưu"
TODAY = date(2026, 11, 27)


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    db = open_data_dir(folder)
    init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    make_demo(db, people=30, seed=2, today=TODAY, actor="test")
    exchange.init_keys(db, PASS)
    db.close()
    yield folder


def _count(folder: Path, table: str) -> int:
    con = sqlite3.connect(folder / DB_FILE_NAME)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def _names(folder: Path) -> list[str]:
    con = sqlite3.connect(folder / DB_FILE_NAME)
    try:
        return [r[0] for r in con.execute("SELECT full_name FROM people ORDER BY full_name")]
    finally:
        con.close()


def _open(folder: Path) -> Database:
    return open_data_dir(folder)


def _add_person(folder: Path, name: str) -> None:
    from dvdesk.services.people import PersonInput
    from dvdesk.services.person_form import save_person

    db = _open(folder)
    try:
        save_person(db, None, PersonInput(full_name=name), "test")
    finally:
        db.close()


@pytest.mark.local_file
def test_a_backup_restores_the_data_as_it_was_and_keeps_the_replaced_file(
    data_dir: Path,
) -> None:
    db = _open(data_dir)
    made = backups.make_backup(db)
    db.close()
    assert made is not None and made.path.parent == data_dir / "backups"
    before = _names(data_dir)
    _add_person(data_dir, "Lê Thị Mới Thêm")
    assert "Lê Thị Mới Thêm" in _names(data_dir)

    seen = backups.preview(made.path, PASS, data_dir)
    assert seen.info.counts["people"] == len(before) and seen.info.unit_code == "CB01"
    result = backups.restore(made.path, PASS, data_dir)
    assert result.report.ok and result.report.problems == ()
    assert _names(data_dir) == before  # the restored data, exactly
    assert result.set_aside is not None and (result.set_aside / DB_FILE_NAME).exists()
    assert result.safety_backup is not None  # the replaced data can be had back too
    replaced = backups.preview(result.safety_backup, PASS, data_dir)
    assert replaced.info.counts["people"] == len(before) + 1
    db = _open(data_dir)  # opens, and the restore is in the audit log
    db.close()
    con = sqlite3.connect(data_dir / DB_FILE_NAME)
    assert con.execute("SELECT count(*) FROM audit_log WHERE action='restore'").fetchone()[0] == 1
    con.close()


@pytest.mark.local_file
def test_a_backup_reveals_nothing_without_the_key(data_dir: Path) -> None:
    db = _open(data_dir)
    made = backups.make_backup(db)
    db.close()
    assert made is not None
    raw = made.path.read_bytes()
    for name in _names(data_dir)[:10]:
        assert name.encode("utf-8") not in raw
    assert b"CB01" not in raw and b"SQLite format 3" not in raw
    with pytest.raises(UserError) as wrong:
        backups.preview(made.path, "không phải mật khẩu", data_dir)
    assert "mật khẩu" in wrong.value.vi.lower()


def test_an_unchanged_database_is_not_backed_up_twice(data_dir: Path) -> None:
    db = _open(data_dir)
    try:
        first = backups.make_backup(db, "auto", only_if_changed=True)
        again = backups.make_backup(db, "auto", only_if_changed=True)
        assert first is not None and again is None
    finally:
        db.close()
    _add_person(data_dir, "Phạm Văn Đổi")
    db = _open(data_dir)
    try:
        assert backups.make_backup(db, "auto", only_if_changed=True) is not None
    finally:
        db.close()


@pytest.mark.local_file
@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda b: b[: len(b) // 2], "cắt cụt"),
        (lambda b: b[:-100] + bytes([b[-100] ^ 1]) + b[-99:], "giải mã"),
        (lambda b: b + b"thua", "thừa"),
        (lambda b: b"PK\x03\x04" + b[4:], "không phải bản sao lưu"),
        (lambda b: b"", "không phải bản sao lưu"),
    ],
)
def test_a_damaged_backup_is_refused_and_nothing_is_restored(
    data_dir: Path, damage: object, words: str
) -> None:
    db = _open(data_dir)
    made = backups.make_backup(db)
    db.close()
    assert made is not None
    bad = made.path.with_name("bad.dvbak")
    bad.write_bytes(damage(made.path.read_bytes()))  # type: ignore[operator]
    before = (data_dir / DB_FILE_NAME).read_bytes()
    with pytest.raises(UserError) as refused:
        backups.restore(bad, PASS, data_dir)
    assert words in refused.value.vi and "bad.dvbak" in refused.value.vi
    assert (data_dir / DB_FILE_NAME).read_bytes() == before
    assert not (data_dir / "replaced").exists()


@pytest.mark.local_file
def test_a_damaged_database_is_restored_with_the_keys_kept_beside_the_backups(
    data_dir: Path,
) -> None:
    db = _open(data_dir)
    made = backups.make_backup(db)
    db.close()
    assert made is not None and (made.path.parent / backups.KEYS_COPY).exists()
    before = _names(data_dir)
    path = data_dir / DB_FILE_NAME
    raw = bytearray(path.read_bytes())
    raw[100 : len(raw) - 4096] = b"\xff" * (len(raw) - 4196)  # pages overwritten: unreadable
    path.write_bytes(bytes(raw))
    assert not backups.verify(path).ok
    result = backups.restore(made.path, PASS, data_dir)
    assert result.safety_backup is None  # the damaged file could not be backed up…
    assert result.set_aside is not None and (result.set_aside / DB_FILE_NAME).exists()  # …but kept
    assert result.report.ok and _names(data_dir) == before


def test_without_keys_nothing_is_backed_up_and_it_says_why(tmp_path: Path) -> None:
    db = open_data_dir(tmp_path / "d")
    try:
        init_unit(db, "CB09", "Chi bộ Chín", "cell", actor="t")
        with pytest.raises(UserError) as refused:
            backups.make_backup(db)
        assert refused.value.field == "keys" and "khóa" in refused.value.vi
    finally:
        db.close()


def test_automatic_backups_are_pruned_by_the_retention_setting(data_dir: Path) -> None:
    db = _open(data_dir)
    try:
        backups.save_retention(db, Retention(latest=2, daily=3, weekly=0, monthly=0))
        start = datetime(2026, 11, 1, 9, 0)
        for i in range(12):
            backups.make_backup(db, "auto", now=start + timedelta(hours=12 * i))
        manual = backups.make_backup(db, "manual", now=start)
    finally:
        db.close()
    kept = backups.list_backups(data_dir / "backups")
    automatic = [b for b in kept if b.reason == "auto"]
    # The newest two (6 Nov, 21:00 and 9:00), and the newest of each of the last three days.
    assert [b.created_at for b in automatic] == [
        start + timedelta(hours=132),
        start + timedelta(hours=120),
        start + timedelta(hours=108),
        start + timedelta(hours=84),
    ]
    assert manual is not None and manual.path.exists()  # a person's own backup is not pruned


@pytest.mark.local_file
def test_an_older_database_is_backed_up_before_it_is_migrated(data_dir: Path) -> None:
    from alembic import command

    from dvdesk.db.engine import alembic_config, make_engine

    engine = make_engine(data_dir / DB_FILE_NAME)
    command.downgrade(alembic_config(engine), "0005")
    engine.dispose()
    assert backups.list_backups(data_dir / "backups") == []
    db = open_data_dir(data_dir)  # migrates to this version
    db.close()
    [made] = backups.list_backups(data_dir / "backups")
    assert made.reason == "before-migration"
    assert backups.preview(made.path, PASS, data_dir).info.schema == "0005"


@pytest.mark.local_file
def test_a_damaged_database_comes_back_from_a_backup_and_the_files_received_since(
    tmp_path: Path,
) -> None:
    from exchange_world import OFFICE_PASS, make_world

    world = make_world(tmp_path)
    try:
        world.cell_to_office()  # backed up before it, then taken in and archived
        office_dir = world.office.path.parent
        people = _count(office_dir, "people")
        assert people > 0
        world.office.close()
        path = office_dir / DB_FILE_NAME
        raw = bytearray(path.read_bytes())
        raw[4096:8192] = b"\x00" * 4096  # a page wiped: the schema or data is gone
        path.write_bytes(bytes(raw))
        assert backups.damage(office_dir)

        recovered = backups.recover(office_dir, OFFICE_PASS)
        assert backups.damage(office_dir) == []
        assert recovered.restored.set_aside is not None  # the damaged file is kept
        assert recovered.replayed == 1 and not recovered.refused
        assert _count(office_dir, "people") == people
    finally:
        world.cell.close()
