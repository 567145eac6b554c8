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
