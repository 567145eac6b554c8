"""The office's shared database on a real PostgreSQL server: the same migrations, the same
folding of Vietnamese text as SQLite's dv_fold, one writer at a time across connections, and
readers on one snapshot."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from dvdesk.db.engine import Database, DatabaseError, open_database, schema_head
from dvdesk.db.models import Unit
from dvdesk.domain.text import fold
from pg_cluster import find_bin

pytestmark = pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed")


@pytest.fixture
def server_db(pg_server: Any, tmp_path: Path) -> Iterator[Database]:
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS server_test WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE server_test")
    db = open_database(tmp_path / "desk" / "dvdesk.sqlite3", server=pg_server.url("server_test"))
    yield db
    db.close()


def test_the_migrations_make_the_current_schema_on_the_server(server_db: Database) -> None:
    assert server_db.on_server
    assert "@127.0.0.1" in server_db.location and "server_test" in server_db.location
    with server_db.reader() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == schema_head()
    assert not (server_db.path).exists()  # nothing local stands in for the data


VIETNAMESE = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ áàảãạ̣́̀̉̃ \t"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list(VIETNAMESE) + list("bcdghklmnpqrstvxBNT ")), max_size=30)
)
def test_the_server_folds_text_as_the_program_does(pg_server: Any, value: str) -> None:
    # The function is made by the migrations: read it from the migrated template.
    from sqlalchemy import create_engine

    engine = create_engine(pg_server.url("dvdesk_template"))
    try:
        with engine.connect() as conn:
            got = conn.execute(text("SELECT dv_fold(:v)"), {"v": value}).scalar()
    finally:
        engine.dispose()
    assert got == fold(value)


def test_two_writers_never_overlap(server_db: Database, pg_server: Any, tmp_path: Path) -> None:
    other = open_database(
        tmp_path / "desk2" / "dvdesk.sqlite3", server=pg_server.url("server_test")
    )
    inside = threading.Event()
    order: list[str] = []

    def first() -> None:
        with server_db.unit_of_work() as session:
            session.add(Unit(code="A", name="Đơn vị A"))
            session.flush()  # the first statement takes the writers' lock, as BEGIN IMMEDIATE
            inside.set()
            time.sleep(0.5)  # the second desk must wait for this COMMIT
            order.append("first committed")

    thread = threading.Thread(target=first)
    thread.start()
    assert inside.wait(10)
    with other.unit_of_work() as session:
        # It sees what the first wrote: the lock was held until that COMMIT.
        assert session.query(Unit).filter_by(code="A").count() == 1
        order.append("second began")
    thread.join()
    other.close()
    assert order == ["first committed", "second began"]


def test_a_reader_sees_one_snapshot(server_db: Database) -> None:
    with server_db.reader() as reader:
        before = reader.query(Unit).count()
        with server_db.unit_of_work() as session:
            session.add(Unit(code="B", name="Đơn vị B"))
        assert reader.query(Unit).count() == before
    with server_db.reader() as reader:
        assert reader.query(Unit).count() == before + 1


def test_an_unreachable_server_is_named_without_its_password(tmp_path: Path) -> None:
    url = "postgresql+psycopg://dvdesk:bí-mật@127.0.0.1:1/none?connect_timeout=2"
    with pytest.raises(DatabaseError) as caught:
        open_database(tmp_path / "dvdesk.sqlite3", server=url)
    assert "127.0.0.1:1" in str(caught.value) and "bí-mật" not in str(caught.value)
