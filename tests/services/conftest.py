from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dvdesk.db.engine import Database
from dvdesk.services.setup import init_unit, open_data_dir
from exchange_world import World, make_world


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_data_dir(tmp_path / "data")
    init_unit(database, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    yield database
    database.close()


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    made = make_world(tmp_path)
    yield made
    made.close()
