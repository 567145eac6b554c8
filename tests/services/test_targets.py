"""The office's targets per unit and the emulation ranking on generated data: every number is
counted here again with plain SQL, never through the service."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dvdesk.db.engine import Database
from dvdesk.services import reports, targets
from dvdesk.services.demo import make_demo
from dvdesk.services.errors import UserError
from dvdesk.services.plans import UnitTarget, founding_plan_input, save_plan
from dvdesk.services.setup import init_unit, install_info, open_data_dir
from sql_rows import execute, rows

TODAY = date(2026, 11, 27)
YEAR = 2026


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports, "today", lambda: TODAY)
    monkeypatch.setattr(targets, "today", lambda: TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_data_dir(tmp_path_factory.mktemp("targets"))
    make_demo(db, units=5, people=600, seed=5, today=TODAY, actor="test")
    yield db
    db.close()


_sql = rows


def _office_id(db: Database) -> str:
    info = install_info(db)
    assert info is not None
    return info.unit_id


def test_the_demo_shares_the_founding_200_out_by_each_units_pool(demo: Database) -> None:
    office = _office_id(demo)
    given = dict(
        _sql(
            demo,
            "SELECT t.unit_id, t.admit_target FROM plan_targets t "
            "JOIN year_plans p ON p.id = t.plan_id WHERE p.unit_id = ? AND p.year = ?",
            (office, YEAR),
        )
    )
    assert sum(given.values()) == 200
    pools = dict(
        _sql(
            demo,
            "SELECT unit_id, count(*) FROM people WHERE stage IN "
            "('source','sympathiser','trained','dossier','proposed') GROUP BY unit_id",
        )
    )
    biggest = max(pools, key=lambda u: pools[u])
    smallest = min(pools, key=lambda u: pools[u])
    assert given[biggest] >= given[smallest]
    assert targets.proposed_shares(demo, 200) == {u: given.get(u, 0) for u in given}


def test_standings_count_what_each_unit_admitted_against_its_target(demo: Database) -> None:
    office = _office_id(demo)
    cells = [r[0] for r in _sql(demo, "SELECT id FROM units WHERE parent_id = ?", (office,))]
    given = {cell: 10 + i for i, cell in enumerate(sorted(cells))}
    plan = founding_plan_input(office, YEAR)
    save_plan(demo, replace(plan, targets=tuple(UnitTarget(u, n) for u, n in given.items())))

    view = targets.standings(demo, YEAR)

    admitted = dict(
        _sql(
            demo,
            "SELECT p.unit_id, count(DISTINCT p.id) FROM people p JOIN events e "
            "ON e.person_id = p.id WHERE e.kind = 'ceremony' AND e.on_date BETWEEN ? AND ? "
            "GROUP BY p.unit_id",
            (f"{YEAR}-01-01", f"{YEAR}-12-31"),
        )
    )
    errors = dict(
        _sql(
            demo,
            "SELECT unit_id, sum(error_count) FROM people WHERE error_count > 0 GROUP BY unit_id",
        )
    )
    assert view.target == 200
    assert view.given == sum(given.values())
    assert view.admitted == sum(admitted.values())
    assert {r.standing.unit_id for r in view.units} == set(cells)
    for ranked in view.units:
        s = ranked.standing
        assert s.target == given[s.unit_id]
        assert s.admitted == admitted.get(s.unit_id, 0)
        assert s.errors == errors.get(s.unit_id, 0)
    shares = [r.standing.achieved for r in view.units]
    assert shares == sorted(shares, reverse=True)  # every unit has a target here
    assert view.units[0].rank == 1


def test_a_unit_below_a_base_committee_counts_for_that_committee(tmp_path: Path) -> None:
    db = open_data_dir(tmp_path / "data")
    try:
        init_unit(db, "BTC", "Ban Tổ chức Đảng ủy Khối", "office", actor="t")
        office = _office_id(db)
        execute(
            db,
            "INSERT INTO units (id, code, name, kind, parent_id, version, content_hash, "
            "place, symbol, secretary_name) VALUES "
            "('dbcs', 'DBCS', 'Đảng bộ cơ sở', 'dang_bo', ?, 1, '', '', '', ''),"
            "('cb1', 'CB1', 'Chi bộ 1', 'chi_bo', 'dbcs', 1, '', '', '', '')",
            (office,),
        )
        plan = founding_plan_input(office, YEAR)
        save_plan(db, replace(plan, targets=(UnitTarget("cb1", 7),)))
        [only] = targets.standings(db, YEAR).units
        assert (only.standing.unit_id, only.standing.target) == ("dbcs", 7)
    finally:
        db.close()


def test_a_chi_bo_does_not_rank_units(tmp_path: Path) -> None:
    db = open_data_dir(tmp_path / "data")
    try:
        init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="t")
        with pytest.raises(UserError) as refused:
            targets.standings(db, YEAR)
        assert refused.value.field == "role"
        with pytest.raises(UserError):
            targets.proposed_shares(db, 10)
    finally:
        db.close()
