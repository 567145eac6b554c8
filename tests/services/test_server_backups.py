"""Backups of the office's database on its PostgreSQL server, on a real server with the real
pg_dump and pg_restore: backed up into the desk's backups folder, restored in place, refused
into a file (and a file's into the server), checked, taken before a migration and before an
exchange import, and a missing tool said in words."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from dvdesk.db import server_dump
from dvdesk.db.engine import DB_FILE_NAME, alembic_config, schema_head
from dvdesk.db.models import AuditEntry, Person
from dvdesk.services import backups, exchange, setup
from dvdesk.services.demo import make_demo
from dvdesk.services.errors import UserError
from dvdesk.services.setup import SERVER_FILE, init_unit, open_data_dir
from pg_cluster import find_bin

pytestmark = pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed")

PASS = "mật khẩu văn phòng"
CELL_PASS = "mật khẩu chi bộ"
TODAY = date(2026, 11, 27)
# Taken before any test runs: with DVDESK_TEST_BACKEND=postgresql the conftest replaces it so
# that every folder gets a server; here a folder is a server's only when it says so.
READ_SERVER_FILE = setup.server_for
_numbers = itertools.count(1)


@pytest.fixture
def own_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    """A data folder works on the server its dvdesk.server names, and is a file otherwise."""
    monkeypatch.setattr(setup, "server_for", READ_SERVER_FILE)


@pytest.fixture
def new_database(pg_server: Any) -> Iterator[Callable[[], str]]:
    """Makes empty databases of the current schema on the test server; dropped at the end."""
    made: list[str] = []

    def make() -> str:
        name = f"backup_test_{next(_numbers)}"
        with pg_server.admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE dvdesk_template")
        made.append(name)
        return str(pg_server.url(name))

    yield make
    with pg_server.admin.connect() as conn:
        for name in made:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _server_folder(folder: Path, url: str) -> Path:
    folder.mkdir(parents=True)
    (folder / SERVER_FILE).write_text(url, encoding="utf-8")
    return folder


@pytest.fixture
def office(own_folders: None, new_database: Callable[[], str], tmp_path: Path) -> Path:
    folder = _server_folder(tmp_path / "office", new_database())
    db = open_data_dir(folder)
    try:
        assert db.on_server
        init_unit(db, "DUK", "Ban Tổ chức Đảng ủy Khối", "office", actor="test")
        make_demo(db, people=25, seed=5, today=TODAY, actor="test")
        exchange.init_keys(db, PASS)
    finally:
        db.close()
    return folder


def _names(folder: Path) -> list[str]:
    db = open_data_dir(folder)
    try:
        with db.reader() as session:
            return sorted(p.full_name for p in session.query(Person))
    finally:
        db.close()


def _add_person(folder: Path, name: str) -> None:
    from dvdesk.services.people import PersonInput
    from dvdesk.services.person_form import save_person

    db = open_data_dir(folder)
    try:
        save_person(db, None, PersonInput(full_name=name), "test")
    finally:
        db.close()


def _back_up(folder: Path, reason: str = "manual") -> backups.BackupFile:
    db = open_data_dir(folder)
    try:
        made = backups.make_backup(db, reason)
    finally:
        db.close()
    assert made is not None
    return made


def test_a_server_backup_restores_the_data_as_it_was(office: Path) -> None:
    made = _back_up(office)
    assert made.path.parent == office / "backups"
    assert re.fullmatch(r"dvdesk-\d{8}-\d{6}-manual\.dvbak", made.path.name)
    assert (office / "backups" / backups.KEYS_COPY).exists()
    assert not (office / DB_FILE_NAME).exists()  # the data is on the server, not here
    before = _names(office)
    raw = made.path.read_bytes()
    assert server_dump.MAGIC not in raw and b"DUK" not in raw  # sealed to the unit's key
    assert not any(name.encode("utf-8") in raw for name in before[:10])

    _add_person(office, "Lê Thị Mới Thêm")
    seen = backups.preview(made.path, PASS, office)
    assert seen.engine == backups.SERVER_ENGINE
    assert (seen.info.unit_code, seen.info.schema) == ("DUK", schema_head())
    assert seen.info.counts["people"] == len(before) and seen.info.last_change

    result = backups.restore(made.path, PASS, office)
    assert result.report.ok and result.report.problems == ()
    assert result.set_aside is None  # nothing to move aside on a server…
    assert result.safety_backup is not None  # …the data as it was is a backup instead
    replaced = backups.preview(result.safety_backup, PASS, office)
    assert replaced.info.counts["people"] == len(before) + 1
    assert _names(office) == before
    db = open_data_dir(office)
    try:
        with db.reader() as session:
            assert session.query(AuditEntry).filter_by(action="restore").count() == 1
    finally:
        db.close()


def test_an_unchanged_server_database_is_not_backed_up_twice(office: Path) -> None:
    db = open_data_dir(office)
    try:
        url = server_dump.url_of(db)
        first, again = server_dump.dump(url), None
        time.sleep(1.1)  # the dump's header has the time to the second
        again = server_dump.dump(url)
        assert first != again
        assert server_dump.content_digest(first) == server_dump.content_digest(again)

        assert backups.make_backup(db, "auto", only_if_changed=True) is not None
        assert backups.make_backup(db, "auto", only_if_changed=True) is None
    finally:
        db.close()
    _add_person(office, "Phạm Văn Đổi")
    db = open_data_dir(office)
    try:
        assert backups.make_backup(db, "auto", only_if_changed=True) is not None
    finally:
        db.close()


def test_a_server_backup_never_goes_into_a_file_nor_a_file_backup_into_the_server(
    office: Path, tmp_path: Path
) -> None:
    cell = tmp_path / "cell"
    db = open_data_dir(cell)
    try:
        assert not db.on_server
        init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
        make_demo(db, people=10, seed=1, today=TODAY, actor="test")
        exchange.init_keys(db, CELL_PASS)
        from_file = backups.make_backup(db)
    finally:
        db.close()
    assert from_file is not None
    from_server = _back_up(office)

    # Each opens with its keys copy, wherever it is previewed…
    seen = backups.preview(from_server.path, PASS, cell)
    assert seen.engine == backups.SERVER_ENGINE and seen.info.unit_code == "DUK"
    file_before = (cell / DB_FILE_NAME).read_bytes()
    with pytest.raises(UserError) as refused:
        backups.check_fits(seen, cell)
    assert "máy chủ" in refused.value.vi and "server" in refused.value.en
    # …but a restore refuses before anything is changed or backed up.
    with pytest.raises(UserError) as refused:
        backups.restore(from_server.path, PASS, cell)
    assert "PostgreSQL" in refused.value.vi and "cannot be restored into" in refused.value.en
    assert (cell / DB_FILE_NAME).read_bytes() == file_before
    assert not (cell / "replaced").exists()
    assert [b.reason for b in backups.list_backups(cell / "backups")] == ["manual"]

    names = _names(office)
    seen = backups.preview(from_file.path, CELL_PASS, office)
    assert seen.engine == backups.FILE_ENGINE and seen.info.unit_code == "CB01"
    with pytest.raises(UserError) as refused:
        backups.restore(from_file.path, CELL_PASS, office)
    assert "SQLite" in refused.value.vi and "every desk shares" in refused.value.en
    assert _names(office) == names
    assert [b.reason for b in backups.list_backups(office / "backups")] == ["manual"]


def test_a_wrong_passphrase_restores_nothing(office: Path) -> None:
    made = _back_up(office)
    _add_person(office, "Lê Văn Còn Đây")
    names = _names(office)
    with pytest.raises(UserError) as wrong:
        backups.restore(made.path, "không phải mật khẩu", office)
    assert "mật khẩu" in wrong.value.vi.lower() and made.path.name in wrong.value.vi
    assert _names(office) == names
    assert [b.reason for b in backups.list_backups(office / "backups")] == ["manual"]


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda b: b[: len(b) // 2], "cắt cụt"),
        (lambda b: b[:-100] + bytes([b[-100] ^ 1]) + b[-99:], "giải mã"),
    ],
)
def test_a_damaged_server_backup_is_refused_and_nothing_is_restored(
    office: Path, damage: Callable[[bytes], bytes], words: str
) -> None:
    made = _back_up(office)
    bad = made.path.with_name("bad.dvbak")
    bad.write_bytes(damage(made.path.read_bytes()))
    _add_person(office, "Lê Văn Còn Đây")
    names = _names(office)
    with pytest.raises(UserError) as refused:
        backups.restore(bad, PASS, office)
    assert words in refused.value.vi and "bad.dvbak" in refused.value.vi
    assert _names(office) == names


def test_without_pg_dump_it_names_the_tool_and_what_to_do(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_data_dir(office)  # opening needs no tool
    try:
        empty = tmp_path / "no-tools"
        empty.mkdir()
        monkeypatch.setenv(server_dump.BIN_ENV, str(empty))
        monkeypatch.setenv("PATH", "")
        with pytest.raises(UserError) as refused:
            backups.make_backup(db)
        assert refused.value.field == "server"
        for words in (refused.value.vi, refused.value.en):
            assert "pg_dump" in words and server_dump.BIN_ENV in words
        assert "install PostgreSQL's client tools" in refused.value.en
        assert "Không sao lưu được" in refused.value.vi
        with pytest.raises(UserError):  # an import is refused with it: nothing is taken in
            exchange.import_bundles(db, [tmp_path / "any.dvb"], PASS)
    finally:
        db.close()
    assert backups.list_backups(office / "backups") == []


def test_the_password_goes_to_the_tools_but_never_into_a_message(
    pg_server: Any, new_database: Callable[[], str]
) -> None:
    url = new_database().replace("@", ":bí-mật@", 1)  # the test server trusts any password
    assert server_dump.dump(url).startswith(server_dump.MAGIC)
    with pytest.raises(server_dump.DumpError) as failed:
        server_dump.dump(re.sub(r":\d+/", ":1/", url))  # nothing listens on port 1
    assert failed.value.kind == "failed" and "pg_dump" in str(failed.value)
    assert "bí-mật" not in str(failed.value) and "127.0.0.1" in str(failed.value)


def test_the_server_check_finds_a_broken_reference(office: Path) -> None:
    db = open_data_dir(office)
    try:
        assert backups.verify(db).ok and backups.damage(office) == []
        assert backups.verify(office / DB_FILE_NAME).ok  # by the data folder, as the CLI asks
        with db.unit_of_work() as session:  # what only a superuser's mistake could do
            session.execute(text("ALTER TABLE people DISABLE TRIGGER ALL"))
            person_id = session.execute(text("SELECT id FROM people LIMIT 1")).scalar()
            session.execute(
                text("UPDATE people SET unit_id = 'nowhere' WHERE id = :id"), {"id": person_id}
            )
        report = backups.verify(db)
        assert not report.ok
        assert any("people" in p and "not enforced" in p for p in report.problems)
        assert report.foreign_keys == (f"people #{person_id} → units",)
    finally:
        db.close()


def test_an_older_server_database_is_backed_up_before_it_is_migrated(
    office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    url = READ_SERVER_FILE(office)
    assert url is not None
    engine = create_engine(url)
    try:
        command.downgrade(alembic_config(engine), "-1")
        with engine.connect() as conn:
            older = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert older != schema_head()

    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv(server_dump.BIN_ENV, str(empty))
    with pytest.raises(UserError) as refused:  # no backup, no migration
        open_data_dir(office)
    assert "not updated" in refused.value.en and "pg_dump" in refused.value.en
    monkeypatch.delenv(server_dump.BIN_ENV)

    open_data_dir(office).close()  # backed up, then migrated
    [made] = backups.list_backups(office / "backups")
    assert made.reason == "before-migration"
    assert backups.preview(made.path, PASS, office).info.schema == older

    # That older backup goes back in, and is migrated to this version again.
    names = _names(office)
    result = backups.restore(made.path, PASS, office)
    assert result.report.ok  # the check includes the schema revision
    assert _names(office) == names


def test_a_later_table_that_refers_to_the_backups_tables_does_not_stop_a_restore(
    office: Path,
) -> None:
    made = _back_up(office)
    names = _names(office)
    db = open_data_dir(office)
    try:  # as a later migration might make it
        with db.unit_of_work() as session:
            session.execute(
                text(
                    "CREATE TABLE later_notes (id integer PRIMARY KEY, "
                    "person_id varchar(36) REFERENCES people(id))"
                )
            )
            session.execute(text("INSERT INTO later_notes SELECT 1, id FROM people LIMIT 1"))
    finally:
        db.close()
    _add_person(office, "Lê Văn Sau Này")
    result = backups.restore(made.path, PASS, office)
    assert result.report.ok and _names(office) == names
    db = open_data_dir(office)
    try:
        with db.reader() as session:
            assert session.execute(text("SELECT to_regclass('later_notes')")).scalar() is None
    finally:
        db.close()


def test_an_exchange_import_on_a_server_database_is_backed_up_first(
    own_folders: None, new_database: Callable[[], str], tmp_path: Path
) -> None:
    from exchange_world import OFFICE_PASS, make_world

    office_dir = _server_folder(tmp_path / "office", new_database())
    world = make_world(tmp_path)  # the chi bộ in a file, the office on the server
    try:
        assert world.office.on_server and not world.cell.on_server
        result = world.cell_to_office()
        assert result.new > 100
        [made] = backups.list_backups(office_dir / "backups")
        assert made.reason == "before-import"
        seen = backups.preview(made.path, OFFICE_PASS, office_dir)
        assert seen.engine == backups.SERVER_ENGINE and seen.info.unit_code == "DUK"
        assert seen.info.counts["people"] == 0  # taken before the chi bộ's people came in
        with world.office.reader() as session:
            assert session.query(Person).count() == 40
    finally:
        world.close()
