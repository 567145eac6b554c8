"""The demo data: every stage, deterministic, overdue items and findings on purpose, realistic
Vietnamese names and CCCDs, derived columns and hashes as the services would set them."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dvdesk import cli
from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import (
    Assignment,
    CertificateRecord,
    Member,
    OpenDeadline,
    PartyClass,
    Person,
    PipelineEvent,
    Unit,
)
from dvdesk.db.tracking import content_hash
from dvdesk.domain.pipeline import Stage
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services import derive as derive_service
from dvdesk.services.deadlines import list_deadlines
from dvdesk.services.demo import OFFICE_NAME, DemoWorld, make_demo
from dvdesk.services.derive import load_calendar, refresh
from dvdesk.services.errors import UserError
from dvdesk.services.people import check_person, list_people
from dvdesk.services.setup import init_unit, install_info, open_data_dir

TODAY = date(2026, 11, 27)
LISTED_CODES = (
    "AGE_UNDER_18",
    "CERTIFICATE_EXPIRED",
    "VOTE_BELOW_TWO_THIRDS",
    "INTRODUCER_NOT_OFFICIAL",
)
OVERDUE_KINDS = ("decision", "ceremony", "recognition_review", "recognition_decision")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_data_dir(tmp_path_factory.mktemp("demo"))
    make_demo(db, units=5, people=200, seed=1, today=TODAY, actor="test")
    yield db
    db.close()


def _people(db: Database) -> list[Person]:
    with db.reader() as s:
        return list(s.query(Person).order_by(Person.code))


def test_fresh_database_becomes_the_office_with_its_cells(demo: Database) -> None:
    info = install_info(demo)
    assert info is not None and info.role == "office" and info.unit_name == OFFICE_NAME
    with demo.reader() as s:
        cells = [u for u in queries.all_units(s) if u.parent_id == info.unit_id]
        assert len(cells) == 5
        assert all(u.name.startswith("Chi bộ ") and u.kind == "chi_bo" for u in cells)
        assert len({u.name for u in cells}) == 5
        for unit in cells:
            members = s.query(Member).filter_by(unit_id=unit.id, person_id=None).all()
            assert sum(m.status == "official" for m in members) >= 6
            assert any(m.status == "probationary" for m in members)
            assert all(m.joined_cell_on is not None for m in members)


def test_every_stage_is_there(demo: Database) -> None:
    stages = {p.stage for p in _people(demo)}
    assert stages == {s.value for s in Stage}


def test_dates_span_two_years_and_none_is_after_today(demo: Database) -> None:
    with demo.reader() as s:
        days = [e.on_date for e in s.query(PipelineEvent)]
    assert max(days) <= TODAY
    recent = [d for d in days if (TODAY - d).days <= 2 * 366]
    assert len(recent) / len(days) > 0.8
    assert (TODAY - min(recent)).days > 600  # spread over the two years, not bunched


def test_overdue_and_due_items_on_today(demo: Database) -> None:
    items = list_deadlines(demo, TODAY, 30)
    overdue = {i.kind for i in items if i.status == "overdue"}
    assert set(OVERDUE_KINDS) <= overdue
    assert any(i.status == "due" for i in items)


def test_a_finding_for_each_listed_code_and_most_people_clean(demo: Database) -> None:
    found: dict[str, int] = {}
    clean = 0
    people = _people(demo)
    for p in people:
        codes = {f.code for f in check_person(demo, p.id, TODAY).findings}
        clean += not codes
        for code in codes:
            found[code] = found.get(code, 0) + 1
    for code in (
        *LISTED_CODES,
        "DECISION_OVERDUE",
        "CEREMONY_OVERDUE",
        "RECOGNITION_REVIEW_OVERDUE",
    ):
        assert found.get(code, 0) >= 1, code
    assert clean / len(people) > 0.9


def test_exits_have_reasons(demo: Database) -> None:
    with demo.reader() as s:
        exits = s.query(PipelineEvent).filter(
            PipelineEvent.kind.in_(["removed", "not_admitted", "struck_off"])
        )
        assert exits.count() >= 3
        assert all(e.reason for e in exits)


def test_names_are_nfc_and_vietnamese(demo: Database) -> None:
    people = _people(demo)
    with demo.reader() as s:
        members = list(s.query(Member))
    names = [p.full_name for p in people] + [m.full_name for m in members]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert all(len(n.split()) >= 2 for n in names)
    families = [n.split()[0] for n in names]
    assert families.count("Nguyễn") / len(families) > 0.2  # the commonest by far
    for p in people:
        middle = p.full_name.split()[1:-1]
        if middle[:1] == ["Thị"]:
            assert p.sex == "nu", p.full_name
        if middle[:1] == ["Văn"]:
            assert p.sex == "nam", p.full_name
    assert {p.ethnicity for p in people} >= {"Kinh"}
    assert sum(p.ethnicity == "Kinh" for p in people) / len(people) > 0.7
    assert sum(p.religion == "Không" for p in people) / len(people) > 0.7
    assert 0.5 < sum(p.youth_union_member for p in people) / len(people) < 0.9


def test_cccds_are_unique_and_plausible(demo: Database) -> None:
    people = _people(demo)
    with demo.reader() as s:
        members = [m for m in s.query(Member) if m.person_id is None]
    cccds = [p.cccd for p in people] + [m.cccd for m in members]
    assert all(c is not None and re.fullmatch(r"\d{12}", c) for c in cccds)
    assert len(set(cccds)) == len(cccds)
    for p in people:
        assert p.cccd is not None and p.birth_date is not None
        century = (p.birth_date.year // 100 - 19) * 2 + (p.sex == "nu")
        assert p.cccd[3] == str(century)
        assert p.cccd[4:6] == f"{p.birth_date.year % 100:02d}"
        assert 1 <= int(p.cccd[:3]) <= 96


def _assert_derived_as_refresh(db: Database) -> None:
    people = _people(db)
    with db.writers() as s:  # never committed
        calendar = load_calendar(s)
        for stored in people:
            before = (
                stored.stage,
                stored.next_due,
                stored.next_due_kind,
                stored.error_count,
                stored.warning_count,
            )
            rows = s.query(OpenDeadline).filter_by(person_id=stored.id)
            dl_before = sorted((d.kind, d.start, d.due, d.overdue_code) for d in rows)
            person = queries.person_by_key(s, stored.id)
            assert person is not None
            assert person.sort_key == name_sort_key(person.full_name)
            assert person.search_text == search_key(person.full_name, person.code, person.cccd)
            refresh(s, person, calendar)
            s.flush()
            after = (
                person.stage,
                person.next_due,
                person.next_due_kind,
                person.error_count,
                person.warning_count,
            )
            assert after == before, person.code
            rows = s.query(OpenDeadline).filter_by(person_id=stored.id)
            assert sorted((d.kind, d.start, d.due, d.overdue_code) for d in rows) == dl_before
        s.rollback()


def test_derived_columns_are_what_refresh_computes(demo: Database) -> None:
    _assert_derived_as_refresh(demo)


@pytest.mark.parametrize("clock", [date(2024, 2, 1), date(2027, 6, 1)])
def test_derived_columns_when_the_clock_is_not_the_demo_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clock: date
) -> None:
    # Rule counts are as of the real day (refresh uses derive.today()), the demo's dates as of
    # the day it was asked for.
    monkeypatch.setattr(derive_service, "today", lambda: clock)
    db = open_data_dir(tmp_path / "d")
    make_demo(db, units=2, people=60, seed=5, today=TODAY, actor="t")
    _assert_derived_as_refresh(db)
    db.close()


def test_content_hashes_are_what_the_flush_hook_computes(demo: Database) -> None:
    with demo.reader() as s:
        for model in (
            Unit,
            Member,
            PartyClass,
            Person,
            PipelineEvent,
            CertificateRecord,
            Assignment,
        ):
            rows = s.query(model).limit(300).all()
            assert rows, model
            for row in rows:
                assert row.content_hash == content_hash(row), (model, row.id)
                assert row.version >= 1  # the office unit was stamped twice by init


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    def snapshot(seed: int, name: str) -> list[tuple[object, ...]]:
        db = open_data_dir(tmp_path / name)
        make_demo(db, units=3, people=60, seed=seed, today=TODAY, actor="t")
        with db.reader() as s:
            out = [
                (p.id, p.code, p.full_name, p.cccd, p.birth_date, p.stage, p.content_hash)
                for p in s.query(Person).order_by(Person.code)
            ]
            out += [
                (e.id, e.kind, e.on_date, e.content_hash)
                for e in s.query(PipelineEvent).order_by(PipelineEvent.id)
            ]
        db.close()
        return out

    first = snapshot(7, "a")
    assert first == snapshot(7, "b")
    assert first != snapshot(8, "c")


def test_world_without_database_matches_what_is_written(demo: Database) -> None:
    world = DemoWorld(units=5, people=200, seed=1, today=TODAY)
    with demo.reader() as s:
        calendar_free = {p.code: p.full_name for p in s.query(Person)}
    assert {p.code: p.full_name for p in world.people()} == calendar_free


def test_small_demo_still_covers_the_cases(tmp_path: Path) -> None:
    db = open_data_dir(tmp_path / "d")
    summary = make_demo(db, units=1, people=22, seed=3, today=TODAY, actor="t")
    assert all(n > 0 for n in summary.stages.values())
    assert {"AGE_UNDER_18", "DECISION_OVERDUE"} <= set(summary.findings)
    db.close()


def test_summary_counts_and_describe(demo: Database) -> None:
    with demo.reader() as s:
        members = s.query(Member).count()
    db2 = open_data_dir(demo.path.parent.parent / "again")
    summary = make_demo(db2, units=5, people=200, seed=1, today=TODAY, actor="t")
    db2.close()
    assert summary.people == 200 and summary.units == 5 and summary.members == members
    assert sum(summary.stages.values()) == 200
    stages: dict[str, int] = {}
    for p in _people(demo):
        stages[p.stage] = stages.get(p.stage, 0) + 1
    assert {k: v for k, v in summary.stages.items() if v} == stages
    overdue = [i for i in list_deadlines(demo, TODAY, 30) if i.status == "overdue"]
    assert summary.overdue == len(overdue)
    vi, en = summary.describe("vi"), summary.describe("en")
    assert "200" in vi and "Đảng viên dự bị" in vi and "quá hạn" in vi
    assert "200" in en and "overdue" in en
    assert unicodedata.is_normalized("NFC", vi)


def test_refuses_a_database_with_data(demo: Database) -> None:
    with pytest.raises(UserError):
        make_demo(demo, units=1, people=1, seed=1, today=TODAY)


def test_a_cell_gets_its_people_in_its_own_unit(tmp_path: Path) -> None:
    db = open_data_dir(tmp_path / "cell")
    init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", actor="t")
    summary = make_demo(db, units=4, people=30, seed=1, today=TODAY, actor="t")
    assert summary.units == 1
    info = install_info(db)
    assert info is not None
    with db.reader() as s:
        assert {p.unit_id for p in s.query(Person)} == {info.unit_id}
        assert s.query(Unit).count() == 1
    db.close()


def test_search_and_cli(demo: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert list_people(demo, search="nguyen")
    code = cli.main(
        ["--data-dir", str(tmp_path / "c"), "demo", "--units", "2", "--people", "25", "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["people"] == 25 and set(out["stages"]) == {s.value for s in Stage}
