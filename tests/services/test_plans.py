"""Yearly plans: the founding plan saves and reads back; bad input names the field and writes
nothing; saving again updates in place, with per-unit targets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dvdesk.db.engine import Database
from dvdesk.db.models import AuditEntry, PlanTarget, Unit, YearPlan
from dvdesk.services.errors import UserError
from dvdesk.services.plans import (
    PlanInput,
    UnitTarget,
    founding_plan_input,
    get_plan,
    save_plan,
)
from dvdesk.services.setup import install_info


def _unit_id(db: Database) -> str:
    info = install_info(db)
    assert info is not None
    return info.unit_id


def _add_unit(db: Database, parent_id: str | None, code: str, name: str) -> str:
    with db.unit_of_work() as s:
        unit = Unit(code=code, name=name, parent_id=parent_id)
        s.add(unit)
        s.flush()
        return unit.id


def _counts(db: Database) -> tuple[int, int, int]:
    with db.reader() as s:
        return (
            s.query(YearPlan).count(),
            s.query(PlanTarget).count(),
            s.query(AuditEntry).count(),
        )


def test_founding_plan_is_the_bloc_plan(db: Database) -> None:
    plan = founding_plan_input(_unit_id(db), 2026)
    assert plan.admit_target == 200 and plan.youth_union_share == 70
    assert (plan.awareness_classes_min, plan.awareness_classes_max) == (3, 4)
    assert (plan.new_member_classes_min, plan.new_member_classes_max) == (2, 3)
    assert plan.review_cadence == "monthly"
    assert plan.base_plans_due == date(2026, 3, 5)
    assert plan.half_year_report_due == date(2026, 6, 15)
    assert plan.year_report_due == date(2026, 12, 15)
    assert "đoàn viên" in plan.purpose and plan.measures and plan.organisation


def test_founding_plan_saves_and_reads_back(db: Database) -> None:
    unit_id = _unit_id(db)
    assert get_plan(db, unit_id, 2026) is None
    saved = save_plan(db, founding_plan_input(unit_id, 2026), actor="test")
    read = get_plan(db, unit_id, 2026)
    assert read == saved
    assert read.admit_target == 200 and read.youth_union_share == 70
    assert read.youth_union_admit == 140
    assert read.base_plans_due == date(2026, 3, 5)
    assert read.unit_name == "Chi bộ Văn phòng"
    assert read.as_input() == founding_plan_input(unit_id, 2026)
    with db.reader() as s:
        entry = s.query(AuditEntry).filter_by(entity="year_plan").one()
        assert entry.action == "create" and entry.actor == "test"
        assert '"admit_target": 200' in entry.after


def test_saving_again_updates_in_place_with_targets(db: Database) -> None:
    root = _unit_id(db)
    a = _add_unit(db, root, "A", "Chi bộ A")
    b = _add_unit(db, root, "B", "Chi bộ B")
    first = save_plan(
        db,
        replace(
            founding_plan_input(root, 2026), targets=(UnitTarget(a, 120, 150), UnitTarget(b, 80))
        ),
    )
    assert [(t.unit_name, t.admit_target) for t in first.targets] == [
        ("Chi bộ A", 120),
        ("Chi bộ B", 80),
    ]
    second = save_plan(
        db, replace(first.as_input(), admit_target=210, targets=(UnitTarget(b, 90),))
    )
    assert second.id == first.id and second.admit_target == 210
    assert [(t.unit_id, t.admit_target) for t in second.targets] == [(b, 90)]
    assert _counts(db)[:2] == (1, 1)
    with db.reader() as s:
        actions = [e.action for e in s.query(AuditEntry).filter_by(entity="year_plan")]
    assert actions == ["create", "update"]


BAD: list[tuple[dict[str, object], str]] = [
    ({"year": 1999}, "year"),
    ({"year": 2101}, "year"),
    ({"admit_target": -1}, "admit_target"),
    ({"youth_union_share": 101}, "youth_union_share"),
    ({"youth_union_share": -5}, "youth_union_share"),
    ({"awareness_trainees_target": -3}, "awareness_trainees_target"),
    ({"awareness_classes_min": 5, "awareness_classes_max": 4}, "awareness_classes_min"),
    ({"new_member_classes_min": 4, "new_member_classes_max": 3}, "new_member_classes_min"),
    ({"review_cadence": "daily"}, "review_cadence"),
    ({"base_plans_due": date(2024, 3, 5)}, "base_plans_due"),
    ({"half_year_report_due": date(2027, 6, 15)}, "half_year_report_due"),
    ({"year_report_due": date(2027, 12, 15)}, "year_report_due"),
    (
        {"half_year_report_due": date(2026, 12, 20), "year_report_due": date(2026, 12, 15)},
        "half_year_report_due",
    ),
]


@pytest.mark.parametrize(("change", "field"), BAD)
def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, change: dict[str, object], field: str
) -> None:
    before = _counts(db)
    plan = replace(founding_plan_input(_unit_id(db), 2026), **change)  # type: ignore[arg-type]
    with pytest.raises(UserError) as info:
        save_plan(db, plan)
    assert info.value.field == field
    assert info.value.vi and info.value.en
    assert _counts(db) == before


def test_targets_only_for_units_below_and_once_each(db: Database) -> None:
    root = _unit_id(db)
    below = _add_unit(db, root, "A", "Chi bộ A")
    elsewhere = _add_unit(db, None, "X", "Chi bộ ngoài")
    base = founding_plan_input(root, 2026)
    before = _counts(db)
    for targets in (
        (UnitTarget(elsewhere, 10),),
        (UnitTarget(below, 10), UnitTarget(below, 5)),
        (UnitTarget(below, -1),),
    ):
        with pytest.raises(UserError) as info:
            save_plan(db, replace(base, targets=targets))
        assert info.value.field == "targets"
    assert _counts(db) == before


def test_text_is_nfc_and_tidied(db: Database) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Phát triển   đảng viên\n\n\n- Tạo nguồn  ")
    saved = save_plan(db, PlanInput(unit_id=_unit_id(db), year=2027, measures=decomposed))
    assert saved.measures == "Phát triển đảng viên\n- Tạo nguồn"
    assert unicodedata.is_normalized("NFC", saved.measures)


def test_a_second_desk_saving_the_same_plan_is_told_what_changed(db: Database) -> None:
    """Two desks on one database open the year's plan; the first saves; the second's save is
    refused naming the change, nothing of it is written, and saving again from the plan as it
    is now goes through. A plan written while the second desk was writing a new one counts."""
    from dvdesk.services.concurrency import ChangedMeanwhile
    from dvdesk.services.plans import plan_input
    from dvdesk.services.setup import open_data_dir

    root = _unit_id(db)
    a = _add_unit(db, root, "A", "Chi bộ A")
    other = open_data_dir(db.path.parent)  # the second desk (same file, or the same server db)
    try:
        # Both open the form before any plan exists; the other desk saves first.
        blank = plan_input(db, root, 2026)
        assert blank == PlanInput(unit_id=root, year=2026) == plan_input(other, root, 2026)
        save_plan(other, replace(blank, admit_target=150, targets=(UnitTarget(a, 150),)), "d2")
        before = _counts(db)
        with pytest.raises(ChangedMeanwhile) as caught:
            save_plan(db, founding_plan_input(root, 2026), "d1", blank)
        assert [(c.key, c.then, c.now) for c in caught.value.changes] == [
            ("admit_target", "0", "150"),
            ("targets", "—", "Chi bộ A 150"),
        ]
        assert _counts(db) == before
        # Both open the plan now stored; the other desk changes a deadline and the text.
        here, there = plan_input(db, root, 2026), plan_input(other, root, 2026)
        assert here == there == caught.value.current
        changed = replace(there, year_report_due=date(2026, 12, 20), purpose="Mục đích mới.")
        save_plan(other, changed, "d2", there)
        before = _counts(db)
        mine = replace(here, admit_target=160)
        with pytest.raises(ChangedMeanwhile) as caught:
            save_plan(db, mine, "d1", here)
        message = caught.value.message("vi")
        assert "Hạn báo cáo tổng kết năm: «—» → «20/12/2026»" in message
        assert "I. Mục đích, yêu cầu: «—» → «Mục đích mới.»" in message
        assert "kế hoạch phát triển đảng viên năm 2026" in message
        assert "Year report due" in caught.value.message("en")
        assert _counts(db) == before
        assert plan_input(db, root, 2026).admit_target == 150  # nothing of the refused save
        # Saving again knowingly, from the plan as it is now, goes through.
        saved = save_plan(db, mine, "d1", caught.value.current)
        assert saved.admit_target == 160 and plan_input(other, root, 2026) == mine
        # A long text is cut short in the list; without a starting point (the demo, older
        # callers) nothing is compared.
        opened = plan_input(db, root, 2026)
        save_plan(other, replace(opened, measures="- Một việc rất dài. " * 20), "d2")
        with pytest.raises(ChangedMeanwhile) as caught:
            save_plan(db, opened, "d1", opened)
        [measures] = caught.value.changes
        assert measures.now.endswith("…") and len(measures.now) == 80
        assert save_plan(db, replace(opened, admit_target=170), "d1").admit_target == 170
    finally:
        other.close()
