"""Several office desks at once on one database: four processes import the same six bundles (in
their own orders), issue numbers from the register and edit the same person, all at the same
time. After: every bundle taken in exactly once, the office holding what the chi bộ sent, the
numbers 1..N each issued once, and every edit either saved over what its desk had seen or told
what changed: none lost. On the shared PostgreSQL server, and on one SQLite file for
comparison."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from dvdesk.db import sync_queries
from dvdesk.db.models import AuditEntry, RegisteredDocument
from dvdesk.services import exchange, person_form
from dvdesk.services.people import PersonInput
from dvdesk.services.setup import SERVER_FILE
from exchange_world import CELL_PASS, OFFICE_PASS, make_world, shared
from pg_cluster import find_bin

pytestmark = pytest.mark.own_server

WORKER = Path(__file__).with_name("desk_worker.py")
DESKS, BUNDLES, NUMBERS, EDITS = 4, 6, 12, 4


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_desks_importing_numbering_and_editing_at_once_keep_every_invariant(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if engine == "postgresql":
        if find_bin() is None:
            pytest.skip("PostgreSQL is not installed")
        server: Any = request.getfixturevalue("pg_server")
        with server.admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS desks_at_once WITH (FORCE)")
            conn.exec_driver_sql("CREATE DATABASE desks_at_once")
        (tmp_path / "office").mkdir()
        (tmp_path / "office" / SERVER_FILE).write_text(server.url("desks_at_once"))
    world = make_world(tmp_path)
    try:
        assert world.office.on_server == (engine == "postgresql")
        bundles = []
        some = person_form.default_unit(world.cell)
        for n in range(BUNDLES):
            # A change at the chi bộ, then a file up: six files, each with something new.
            made = person_form.save_person(
                world.cell, None, PersonInput(full_name=f"Người mới {n}", unit_id=some), "cell"
            )
            assert made
            bundles.append(world.file("up"))
            exchange.export_bundle(world.cell, world.office_id, bundles[-1], CELL_PASS)
        edited = person_form.save_person(
            world.office, None, PersonInput(full_name="Người sửa chung"), "office"
        )
        office_dir = str(tmp_path / "office")
        desks = [
            subprocess.Popen(
                [
                    sys.executable,
                    str(WORKER),
                    office_dir,
                    OFFICE_PASS,
                    edited,
                    str(seed),
                    str(NUMBERS),
                    str(EDITS),
                    *map(str, bundles),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for seed in range(1, DESKS + 1)
        ]
        reports = []
        for desk in desks:
            out, err = desk.communicate(timeout=300)
            assert desk.returncode == 0, err
            reports.append(json.loads(out.strip().splitlines()[-1]))

        # Every bundle exactly once, whoever got to it first.
        imported = [b for r in reports for b in r["imported"]]
        assert len(imported) == len(set(imported)) == BUNDLES
        assert sum(r["already"] for r in reports) == BUNDLES * (DESKS - 1)
        pair = sync_queries.Pair(world.cell_id, world.office_id)
        assert shared(world.office, pair) == shared(world.cell, pair)
        # Numbers: 1..N, each once.
        numbers = sorted(n for r in reports for n in r["numbers"])
        assert numbers == list(range(1, DESKS * NUMBERS + 1))
        with world.office.reader() as session:
            assert session.scalar(select(func.count()).select_from(RegisteredDocument)) == len(
                numbers
            )
            taken_in = session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "import_bundle")
            )
            updates = session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "update", AuditEntry.entity_id == edited)
            )
        assert taken_in == BUNDLES
        # Edits: every save is in the log; the last one stands; none was lost silently.
        saved = [s for r in reports for s in r["saved"]]
        assert len(saved) == updates == DESKS * EDITS
        assert person_form.person_input(world.office, edited).residence in saved
    finally:
        world.close()
