"""The backend the tests run on. By default every data folder is its own SQLite file. With
DVDESK_TEST_BACKEND=postgresql a throwaway PostgreSQL server is started for the session and
each data folder a test opens gets a database of its own on it (a copy of a migrated
template), so the db, services and exchange tests run unchanged against the office's shared
server. Tests about the local file itself (its bytes, encryption, backups, crashes) are marked
`local_file` and skipped there."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

BACKEND = os.environ.get("DVDESK_TEST_BACKEND", "sqlite")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "local_file: about the SQLite file itself; not run against a server"
    )
    config.addinivalue_line(
        "markers", "own_server: its data folders name their server themselves (dvdesk.server)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if BACKEND != "postgresql":
        return
    skip = pytest.mark.skip(reason="about the local SQLite file")
    for item in items:
        if "local_file" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    from sqlalchemy import create_engine

    from dvdesk.db.engine import open_database
    from pg_cluster import Cluster

    cluster = Cluster().start()
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE dvdesk_template")
    # Migrated once; each test's databases are copies of it.
    open_database(
        Path(cluster.folder) / "template" / "dvdesk.sqlite3", server=cluster.url("dvdesk_template")
    ).close()
    cluster.admin = admin  # type: ignore[attr-defined]
    yield cluster
    admin.dispose()
    cluster.stop()


_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _data_folders_on_server(request: pytest.FixtureRequest) -> Iterator[None]:
    if BACKEND != "postgresql" or {"local_file", "own_server"} & set(request.keywords):
        yield
        return
    cluster = request.getfixturevalue("pg_server")
    monkeypatch = request.getfixturevalue("monkeypatch")
    from dvdesk.services import setup

    made: dict[Path, str] = {}

    def server_for(data_dir: Path) -> str:
        key = Path(data_dir).resolve()
        if key not in made:
            name = f"t{next(_numbers)}"
            with cluster.admin.connect() as conn:
                conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE dvdesk_template")
            made[key] = name
        return cluster.url(made[key])

    monkeypatch.setattr(setup, "server_for", server_for)
    yield
    with cluster.admin.connect() as conn:
        for name in made.values():
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
