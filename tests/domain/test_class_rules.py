"""Pure rules of the classes: eligibility, the yearly plan, certificate numbers and expiry."""

from __future__ import annotations

from datetime import date

import pytest

from dvdesk.domain import classes as c
from dvdesk.domain.pipeline import Stage


def test_founding_plan_met_gives_no_notes() -> None:
    year = [
        ("awareness", 1),
        ("awareness", 3),
        ("awareness", 4),
        ("new_member", 2),
        ("new_member", 3),
    ]
    assert c.check_year_plan(year) == []
    assert c.check_year_plan([*year, ("awareness", 4), ("new_member", 2)]) == []


def test_plan_notes_too_few_too_many_off_quarter_empty_and_no_quarter() -> None:
    notes = c.check_year_plan(
        [("awareness", 1), ("awareness", 2), ("new_member", None)] + [("new_member", 2)] * 3
    )
    codes = {(n.code, n.kind, n.quarter) for n in notes}
    assert (c.TOO_FEW, "awareness", None) in codes
    assert (c.OFF_PLAN_QUARTER, "awareness", 2) in codes
    assert (c.QUARTER_EMPTY, "awareness", 3) in codes
    assert (c.QUARTER_EMPTY, "awareness", 4) in codes
    assert (c.TOO_MANY, "new_member", None) in codes
    assert (c.QUARTER_EMPTY, "new_member", 3) in codes
    assert (c.NO_QUARTER, "new_member", None) in codes
    for note in notes:
        assert c.plan_note_message(note, "vi") and c.plan_note_message(note, "en")
    few = next(n for n in notes if n.code == c.TOO_FEW)
    assert "2" in c.plan_note_message(few, "en") and "3–4" in c.plan_note_message(few, "en")


def test_plan_numbers_are_parameters() -> None:
    plan = (c.PlanTarget("awareness", 1, 1, (2,)),)
    assert c.check_year_plan([("awareness", 2)], plan) == []
    notes = c.check_year_plan([("awareness", 2), ("awareness", 2)], plan)
    assert [n.code for n in notes] == [c.TOO_MANY]


def test_eligibility() -> None:
    assert c.may_attend("awareness", Stage.SYMPATHISER, True)
    assert c.may_attend("awareness", Stage.TRAINED, False)
    assert not c.may_attend("awareness", Stage.TRAINED, True)
    assert c.may_attend("awareness", Stage.DOSSIER, False)
    assert not c.may_attend("awareness", Stage.SOURCE, False)
    assert not c.may_attend("awareness", Stage.PROBATION, False)
    assert not c.may_attend("awareness", Stage.REMOVED, False)
    assert c.may_attend("new_member", Stage.PROBATION, False)
    assert not c.may_attend("new_member", Stage.SYMPATHISER, False)
    assert not c.may_attend("new_member", Stage.OFFICIAL, False)


def test_certificate_validity_boundary() -> None:
    issued = date(2021, 3, 10)
    assert c.certificate_expires(issued, 60) == date(2026, 3, 10)
    assert c.certificate_valid_on(issued, date(2026, 3, 9), 60)
    assert not c.certificate_valid_on(issued, date(2026, 3, 10), 60)
    assert not c.certificate_valid_on(None, date(2026, 3, 9), 60)


def test_expiry_warning_boundaries() -> None:
    issued = date(2021, 7, 1)  # expires 2026-07-01
    assert c.expiry_warning(issued, date(2026, 1, 1), 6, 60) == c.EXPIRING  # exactly 6 months
    assert c.expiry_warning(issued, date(2025, 12, 31), 6, 60) is None  # one day short
    assert c.expiry_warning(issued, date(2026, 7, 1), 6, 60) == c.EXPIRED
    assert c.expiry_warning(issued, date(2026, 6, 30), 6, 60) == c.EXPIRING
    # A planned vote on or after the expiry is flagged however far off.
    assert c.expiry_warning(issued, date(2024, 1, 1), 6, 60, date(2026, 7, 1)) == c.BEFORE_VOTE
    assert c.expiry_warning(issued, date(2024, 1, 1), 6, 60, date(2026, 6, 30)) is None


def test_probation_alert_boundary() -> None:
    assert c.probation_alert(date(2026, 3, 1), date(2026, 1, 1), 2)
    assert not c.probation_alert(date(2026, 3, 2), date(2026, 1, 1), 2)
    assert c.probation_alert(date(2025, 12, 1), date(2026, 1, 1), 2)


def test_certificate_numbers() -> None:
    assert c.certificate_numbers("{n}/CN-ĐU", 7, 3) == ["7/CN-ĐU", "8/CN-ĐU", "9/CN-ĐU"]
    assert c.certificate_number("CN-", 12) == "CN-12"
    assert c.certificate_number("BD{n:03d}", 5) == "BD005"
    with pytest.raises(ValueError):
        c.certificate_number("{x}", 1)
    assert c.quarter_of(date(2026, 7, 1)) == 3
