"""The migrations build exactly the schema the models describe (an `alembic check`)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dvdesk.db.engine import open_database
from dvdesk.db.models import Base


def test_migrated_schema_matches_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d.sqlite3")
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    db.close()
    assert diff == []


def test_a_0001_database_with_data_upgrades_to_head(tmp_path: Path) -> None:
    from alembic import command

    from dvdesk.db.engine import alembic_config, make_engine

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO members (id, version, content_hash, full_name, sort_key, search_text,"
            " status, card_number) VALUES ('m1', 1, '', 'Trần Văn Hùng', 'x', 'tran van hung',"
            " 'official', '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO classes (id, version, content_hash, kind, name, organiser)"
            " VALUES ('c1', 1, '', 'awareness', 'Lớp 1', '')"
        )
    engine.dispose()
    db = open_database(path)
    with db.reader() as s:
        conn = s.connection()
        member = conn.exec_driver_sql(
            "SELECT full_name, left_reason, left_to, notes FROM members"
        ).one()
        place = conn.exec_driver_sql("SELECT place, quarter FROM classes").one()
    db.close()
    assert tuple(member) == ("Trần Văn Hùng", "", "", "")
    assert tuple(place) == ("", None)


def test_a_0002_database_with_units_upgrades_to_head(tmp_path: Path) -> None:
    from alembic import command

    from dvdesk.db.engine import alembic_config, make_engine

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO units (id, version, content_hash, code, name, kind)"
            " VALUES ('u1', 1, '', 'CB01', 'Chi bộ 1', 'chi_bo')"
        )
    engine.dispose()
    db = open_database(path)
    with db.reader() as s:
        row = s.connection().exec_driver_sql("SELECT name, place, symbol FROM units").one()
    db.close()
    assert tuple(row) == ("Chi bộ 1", "", "")
