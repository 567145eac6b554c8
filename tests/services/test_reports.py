"""The half-year and year reports and the procedure check on generated data, every number
checked against a count made here independently with plain SQL (sqlite3) and Python over the
rows, never through the report's own code."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dvdesk.db.engine import Database
from dvdesk.db.models import CertificateRecord, Enrolment, PartyClass, Person, PipelineEvent, Unit
from dvdesk.services import reports
from dvdesk.services.demo import make_demo
from dvdesk.services.errors import UserError
from dvdesk.services.plans import UnitTarget, founding_plan_input, save_plan
from dvdesk.services.setup import install_info, open_data_dir

TODAY = date(2026, 11, 27)
YEAR = 2026
Y_START, Y_END = "2026-01-01", "2026-12-31"
H_END = "2026-06-30"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports, "today", lambda: TODAY)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_data_dir(tmp_path_factory.mktemp("reports"))
    make_demo(db, units=4, people=800, seed=11, today=TODAY, actor="test")
    info = install_info(db)
    assert info is not None
    cells = _sql(db, "SELECT id FROM units WHERE parent_id = ? ORDER BY code", (info.unit_id,))
    targets = tuple(UnitTarget(row[0], 50 + i) for i, row in enumerate(cells))
    save_plan(db, replace(founding_plan_input(info.unit_id, YEAR), targets=targets), "test")
    yield db
    db.close()


def _sql(db: Database, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def _count(db: Database, query: str, params: tuple[Any, ...] = ()) -> int:
    return int(_sql(db, query, params)[0][0])


def _admitted(
    db: Database, start: str, end: str, unit_id: str | None = None
) -> list[dict[str, Any]]:
    """People whose ceremony falls from start to end, with their columns, by plain SQL."""
    query = (
        "SELECT p.id, p.unit_id, p.sex, p.birth_date, p.ethnicity, p.religion, "
        "p.education_grade, p.education, p.occupation, p.youth_union_member, MIN(e.on_date) "
        "FROM people p JOIN events e ON e.person_id = p.id "
        "WHERE e.kind = 'ceremony' AND e.on_date BETWEEN ? AND ?"
    )
    params: tuple[Any, ...] = (start, end)
    if unit_id is not None:
        query += " AND p.unit_id = ?"
        params += (unit_id,)
    keys = ("id", "unit", "sex", "birth", "ethnicity", "religion", "grade", "education")
    keys += ("occupation", "youth", "ceremony")
    return [dict(zip(keys, row, strict=True)) for row in _sql(db, query + " GROUP BY p.id", params)]


def _years(birth: str, on: str) -> int:
    b, d = date.fromisoformat(birth), date.fromisoformat(on)
    years = d.year - b.year
    if (d.month, d.day) < (b.month, b.day):
        years -= 1
    return years


def _event_people(db: Database, kind: str, start: str, end: str) -> int:
    return _count(
        db,
        "SELECT COUNT(DISTINCT person_id) FROM events WHERE kind = ? AND on_date BETWEEN ? AND ?",
        (kind, start, end),
    )


def _classes(db: Database, kind: str, start: str, end: str) -> tuple[int, int, int]:
    """(held, sat, passed): the people counted once per class, from enrolments and the
    certificates a class issued."""
    ids = [
        r[0]
        for r in _sql(
            db,
            "SELECT id FROM classes WHERE kind = ? AND end_date BETWEEN ? AND ?",
            (kind, start, end),
        )
    ]
    sat: set[tuple[str, str]] = set()
    passed: set[tuple[str, str]] = set()
    for class_id in ids:
        for person, status in _sql(
            db, "SELECT person_id, status FROM enrolments WHERE class_id = ?", (class_id,)
        ):
            if status in ("enrolled", "passed", "failed"):
                sat.add((class_id, person))
            if status == "passed":
                passed.add((class_id, person))
        for (person,) in _sql(
            db, "SELECT person_id FROM certificates WHERE class_id = ?", (class_id,)
        ):
            sat.add((class_id, person))
            passed.add((class_id, person))
    return len(ids), len(sat), len(passed)


def test_year_report_numbers_match_independent_counts(demo: Database) -> None:
    view = reports.year_report(demo, YEAR)
    f = view.figures
    rows = _admitted(demo, Y_START, Y_END)
    assert len(rows) > 20, "the generated data should admit people in the year"
    assert f.admitted == len(rows)
    assert f.target == 200 and f.youth_union_target == 140
    assert f.youth_union == sum(1 for r in rows if r["youth"])
    assert f.women == sum(1 for r in rows if r["sex"] == "nu")
    assert f.ethnic_minority == sum(1 for r in rows if r["ethnicity"] not in ("", "Kinh"))
    assert f.believers == sum(1 for r in rows if r["religion"] not in ("", "Không"))
    young = sum(1 for r in rows if r["birth"] and 18 <= _years(r["birth"], r["ceremony"]) <= 30)
    older = sum(1 for r in rows if r["birth"] and _years(r["birth"], r["ceremony"]) > 30)
    assert f.aged_18_30 == young
    assert dict(f.by_age_group)["Từ 18 đến 30 tuổi"] == young
    assert dict(f.by_age_group)["Trên 30 tuổi"] == older
    months = Counter(int(r["ceremony"][5:7]) for r in rows)
    assert f.admitted_by_month == tuple(months.get(m, 0) for m in range(1, 13))
    assert dict(f.by_occupation) == dict(Counter(r["occupation"] or "Không rõ" for r in rows))
    assert dict(f.by_ethnicity) == dict(Counter(r["ethnicity"] or "Không rõ" for r in rows))
    assert sum(n for _, n in f.by_education) == len(rows)
    assert dict(f.by_education).get("Trung học phổ thông", 0) == sum(
        1 for r in rows if r["grade"] == 12
    )
    assert dict(f.by_sex) == {
        "Nam": sum(1 for r in rows if r["sex"] == "nam"),
        "Nữ": sum(1 for r in rows if r["sex"] == "nu"),
    }

    assert f.recognised == _event_people(demo, "recognition_decision", Y_START, Y_END)
    assert f.struck_off == _event_people(demo, "struck_off", Y_START, Y_END)
    assert f.sympathisers_added == _event_people(demo, "sympathiser_listed", Y_START, Y_END)
    assert f.sympathisers_removed == _event_people(demo, "removed", Y_START, Y_END)
    assert f.recognised > 0 and f.sympathisers_added > 0

    for summary, kind in ((f.awareness, "awareness"), (f.new_member, "new_member")):
        assert (summary.held, summary.enrolled, summary.passed) == _classes(
            demo, kind, Y_START, Y_END
        )
    assert f.awareness.held > 0

    per_unit = Counter(r["unit"] for r in rows)
    targets = dict(
        _sql(
            demo,
            "SELECT t.unit_id, t.admit_target FROM plan_targets t "
            "JOIN year_plans y ON y.id = t.plan_id WHERE y.year = ?",
            (YEAR,),
        )
    )
    assert {u.unit_id: u.admitted for u in f.per_unit if u.admitted} == dict(per_unit)
    assert {u.unit_id: u.target for u in f.per_unit if u.target} == targets
    assert all(view.unit_names[u.unit_id] for u in f.per_unit)

    stages = dict(_sql(demo, "SELECT stage, COUNT(*) FROM people GROUP BY stage"))
    assert {s.stage: s.count for s in view.stages if s.count} == stages


def test_half_year_report_counts_only_january_to_june(demo: Database) -> None:
    view = reports.half_year_report(demo, YEAR)
    f = view.figures
    rows = _admitted(demo, Y_START, H_END)
    assert view.kind == "half_year" and f.period.end == date(2026, 6, 30)
    assert f.admitted == len(rows)
    assert f.youth_union == sum(1 for r in rows if r["youth"])
    assert f.admitted_by_month[6:] == (0,) * 6
    assert f.recognised == _event_people(demo, "recognition_decision", Y_START, H_END)
    assert (f.awareness.held, f.awareness.enrolled, f.awareness.passed) == _classes(
        demo, "awareness", Y_START, H_END
    )
    assert f.target == 200  # measured against the year's target
    assert "Sơ kết 6 tháng" in view.title


def test_a_cell_report_covers_only_the_cell(demo: Database) -> None:
    counts = _sql(
        demo,
        "SELECT p.unit_id, COUNT(DISTINCT p.id) FROM people p JOIN events e "
        "ON e.person_id = p.id WHERE e.kind = 'ceremony' AND e.on_date BETWEEN ? AND ? "
        "GROUP BY p.unit_id ORDER BY 2 DESC",
        (Y_START, Y_END),
    )
    cell_id, expected = counts[0]
    view = reports.year_report(demo, YEAR, unit_id=cell_id)
    assert view.unit_id == cell_id
    assert view.figures.admitted == expected
    assert [u.unit_id for u in view.figures.per_unit] == [cell_id]
    # No plan of its own: measured against the target the office gave it.
    given = _sql(demo, "SELECT admit_target FROM plan_targets WHERE unit_id = ?", (cell_id,))
    assert view.plan is None and view.figures.target == given[0][0]
    assert view.figures.per_unit[0].target == given[0][0]
    stages = dict(
        _sql(
            demo, "SELECT stage, COUNT(*) FROM people WHERE unit_id = ? GROUP BY stage", (cell_id,)
        )
    )
    assert {s.stage: s.count for s in view.stages if s.count} == stages


def test_procedure_check_lists_every_overdue_deadline_and_rule_finding(demo: Database) -> None:
    result = reports.procedure_check(demo, date(2026, 1, 1), date(2026, 12, 31))
    assert result.as_of == TODAY
    overdue = _sql(
        demo,
        "SELECT person_id, kind, due FROM open_deadlines WHERE due < ? AND overdue_code != '' "
        "AND kind != 'probation_end'",
        (TODAY.isoformat(),),
    )
    deadlines = [i for i in result.items if i.source == "deadline"]
    assert len(overdue) > 0
    assert sorted((i.person_id, i.due.isoformat() if i.due else "") for i in deadlines) == sorted(
        (p, d) for p, _, d in overdue
    )
    for item in deadlines:
        assert item.due is not None and item.days_late == (TODAY - item.due).days > 0
        assert item.unit_name and item.message and item.basis
    flagged = {
        r[0]
        for r in _sql(
            demo,
            "SELECT DISTINCT p.id FROM people p JOIN events e ON e.person_id = p.id "
            "WHERE p.error_count + p.warning_count > 0 AND e.on_date BETWEEN ? AND ?",
            (Y_START, Y_END),
        )
    }
    findings = [i for i in result.items if i.source == "finding"]
    assert flagged and {i.person_id for i in findings} == flagged
    errors = _count(
        demo,
        "SELECT COALESCE(SUM(error_count), 0) FROM people WHERE id IN "
        f"({','.join('?' * len(flagged))})",
        tuple(flagged),
    )
    assert sum(1 for i in findings if i.severity == "error") == errors
    units = [i.unit_name for i in result.items]
    assert len(set(units)) > 1
    # Grouped by unit: each unit's lines are together.
    seen: list[str] = []
    for name in units:
        if not seen or seen[-1] != name:
            assert name not in seen
            seen.append(name)
    view = reports.year_report(demo, YEAR)
    assert view.procedure.overdue_total == len(overdue)
    assert view.procedure.people_with_findings == len(flagged)


def test_report_json_is_plain_and_holds_the_same_numbers(demo: Database) -> None:
    view = reports.year_report(demo, YEAR)
    data = json.loads(json.dumps(reports.report_json(view), ensure_ascii=False))
    assert data["admitted"] == view.figures.admitted
    assert data["admitted_by_month"] == list(view.figures.admitted_by_month)
    assert data["period"] == {"start": Y_START, "end": Y_END, "label": "năm 2026"}
    assert sum(u["admitted"] for u in data["units"]) == view.figures.admitted
    assert data["plan"]["admit_target"] == 200
    assert data["classes"]["awareness"]["held"] == view.figures.awareness.held


def test_bad_report_requests(demo: Database) -> None:
    with pytest.raises(UserError) as info:
        reports.report(demo, "quarter", YEAR)
    assert info.value.field == "kind"
    with pytest.raises(UserError) as info:
        reports.year_report(demo, 1800)
    assert info.value.field == "year"
    with pytest.raises(UserError) as info:
        reports.procedure_check(demo, date(2026, 6, 1), date(2026, 5, 1))
    assert info.value.field == "end"


def test_enrolments_count_on_hand_made_data(db: Database, tmp_path: Path) -> None:
    """A small world written here: enrolment statuses, a certificate-only class, a class of
    another year, and people who sat twice."""
    info = install_info(db)
    assert info is not None
    with db.unit_of_work() as s:
        other = Unit(code="X", name="Chi bộ khác")
        s.add(other)
        s.flush()
        people = []
        for i in range(6):
            p = Person(
                full_name=f"Người {i}",
                sort_key=f"{i}",
                search_text=f"{i}",
                unit_id=info.unit_id if i < 5 else other.id,
            )
            s.add(p)
            people.append(p)
        s.flush()
        c1 = PartyClass(kind="awareness", name="A", end_date=date(2026, 4, 1))
        c2 = PartyClass(kind="awareness", name="B", end_date=date(2026, 9, 1))
        c3 = PartyClass(kind="new_member", name="N", end_date=date(2025, 9, 1))
        s.add_all([c1, c2, c3])
        s.flush()
        statuses = ["passed", "failed", "enrolled", "withdrawn", "nominated", "passed"]
        for p, status in zip(people, statuses, strict=True):
            s.add(Enrolment(class_id=c1.id, person_id=p.id, status=status))
        # Passed and has the certificate too: still one person.
        s.add(CertificateRecord(person_id=people[0].id, class_id=c1.id, issued_on=date(2026, 4, 1)))
        s.add(CertificateRecord(person_id=people[3].id, class_id=c2.id, issued_on=date(2026, 9, 1)))
        s.add(CertificateRecord(person_id=people[4].id, class_id=c3.id, issued_on=date(2025, 9, 1)))
        s.add(PipelineEvent(person_id=people[1].id, kind="ceremony", on_date=date(2026, 2, 2)))
    # The install is a cell: its scope leaves out the other unit's person.
    view = reports.year_report(db, YEAR)
    aw = view.figures.awareness
    assert aw.held == 2
    assert [(c.name, c.enrolled, c.passed) for c in aw.classes] == [("A", 3, 1), ("B", 1, 1)]
    assert view.figures.new_member.held == 0
    assert view.figures.admitted == 1
    half = reports.half_year_report(db, YEAR)
    assert half.figures.awareness.held == 1
