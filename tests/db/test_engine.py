from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dvdesk.db.engine import DatabaseError, NewerDatabaseError, open_database
from dvdesk.db.models import Person, Unit
from dvdesk.domain.text import name_sort_key, search_key


def _pragma(db_path: Path, name: str) -> object:
    db = open_database(db_path)
    try:
        with db.reader() as session:
            return session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()
    finally:
        db.close()


def test_durable_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    assert _pragma(path, "journal_mode") == "wal"
    assert _pragma(path, "synchronous") == 2  # FULL
    assert _pragma(path, "foreign_keys") == 1


def test_new_database_is_at_head_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    (rev,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert rev == "0012"
    assert {"people", "units", "members", "events", "documents", "year_plans"} <= tables
    open_database(path).close()  # a second open migrates nothing and still works


def test_newer_database_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(NewerDatabaseError, match="newer version of dvdesk"):
        open_database(path)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    path.write_text("Họ và tên,Ngày sinh\n", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not a dvdesk database"):
        open_database(path)


def test_older_database_is_migrated(tmp_path: Path) -> None:
    # An empty file from before any migration (as a crashed first run could leave) upgrades.
    path = tmp_path / "d.sqlite3"
    sqlite3.connect(path).close()
    open_database(path).close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    con.close()


def _person(name: str) -> Person:
    return Person(full_name=name, sort_key=name_sort_key(name), search_text=search_key(name))


def test_version_and_hash_follow_real_changes(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d.sqlite3")
    with db.unit_of_work() as s:
        p = _person("Nguyễn Văn An")
        s.add(p)
    assert p.version == 1 and len(p.content_hash) == 64
    first_hash = p.content_hash
    with db.unit_of_work() as s:
        p = s.merge(p)
        p.full_name = "Nguyễn Văn An"  # same value: not a change
    assert (p.version, p.content_hash) == (1, first_hash)
    with db.unit_of_work() as s:
        p = s.merge(p)
        p.occupation = "Giáo viên"
    assert p.version == 2 and p.content_hash != first_hash
    with db.unit_of_work() as s:
        p = s.merge(p)
        p.stage = "dossier"  # derived column: not part of what travels
    assert p.version == 2
    db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d.sqlite3")
    with pytest.raises(Exception, match="FOREIGN KEY"), db.unit_of_work() as s:
        s.add(Unit(code="X", name="X", parent_id="no-such-unit"))
    with db.reader() as s:
        assert s.query(Unit).count() == 0
    db.close()
