"""A chi bộ's audit log travels up with its bundles: every entry reaches the office once, a lost
file is repaired by the next one, and a bad entry refuses the whole file."""

from __future__ import annotations

from typing import Any

import pytest

from dvdesk.db import sync_queries
from dvdesk.services import exchange
from exchange_world import CELL_PASS, OFFICE_PASS, World
from sql_rows import rows

_rows = rows


def _cell_log(world: World) -> list[tuple[Any, ...]]:
    return _rows(
        world.cell,
        "SELECT id, actor, action, entity, entity_id, before, after, reason FROM audit_log "
        "ORDER BY id",
    )


def _office_copy(world: World) -> list[tuple[Any, ...]]:
    return _rows(
        world.office,
        "SELECT entry_id, actor, action, entity, entity_id, before, after, reason "
        "FROM peer_audit WHERE unit_id = ? ORDER BY entry_id",
        (world.cell_id,),
    )


def test_the_office_gets_every_entry_of_the_cells_log_once(world: World) -> None:
    logged = _cell_log(world)
    assert {r[2] for r in logged} >= {"init", "demo", "init_keys", "confirm_key"}
    first = world.cell_to_office()
    assert first.audit == len(logged)
    assert _office_copy(world) == logged
    # The export itself and anything after it go with the next file, nothing twice.
    world.office_to_cell()
    second = world.cell_to_office()
    now = _cell_log(world)
    assert second.audit == len(now) - len(logged) - 1  # the second export logs itself after
    assert _office_copy(world) == now[:-1]


def test_a_lost_file_is_repaired_by_the_next_one(world: World) -> None:
    lost = world.file("lost")
    exchange.export_bundle(world.cell, world.office_id, lost, CELL_PASS)
    later = world.cell_to_office()
    assert later.audit == len(_cell_log(world)) - 1  # all but the export of this very file
    assert [r[0] for r in _office_copy(world)] == [r[0] for r in _cell_log(world)][:-1]


def test_an_acknowledged_entry_is_not_sent_again(world: World) -> None:
    world.cell_to_office()
    world.office_to_cell()  # acknowledges the first file
    with world.cell.reader() as session:
        acked = sync_queries.peer_state(session, world.office_id).audit_acked
    assert acked == max(r[0] for r in _office_copy(world))
    again = world.file("again")
    exchange.export_bundle(world.cell, world.office_id, again, CELL_PASS)
    [taken] = exchange.import_bundles(world.office, [again], OFFICE_PASS)
    assert taken.ok and taken.audit == len(_cell_log(world)) - 1 - acked


def test_a_snapshot_carries_the_whole_log_and_nothing_is_doubled(world: World) -> None:
    world.cell_to_office()
    world.office_to_cell()
    snap = world.cell_to_office(snapshot=True)
    assert snap.audit >= 1  # only what the office did not hold yet is new
    assert len(_office_copy(world)) == len({r[0] for r in _office_copy(world)})


def test_a_bad_audit_entry_refuses_the_file_and_nothing_is_written(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sync_queries.audit_since

    def broken(session: Any, after_id: int) -> list[dict[str, Any]]:
        entries = real(session, after_id)
        entries[0]["at"] = "hôm qua"
        return entries

    monkeypatch.setattr(sync_queries, "audit_since", broken)
    out = world.file("bad")
    exchange.export_bundle(world.cell, world.office_id, out, CELL_PASS)
    before = _rows(world.office, "SELECT count(*) FROM people")
    [refused] = exchange.import_bundles(world.office, [out], OFFICE_PASS)
    assert not refused.ok and refused.error_code == "bad_record"
    assert "at" in refused.message
    assert _rows(world.office, "SELECT count(*) FROM people") == before
    assert _office_copy(world) == []
