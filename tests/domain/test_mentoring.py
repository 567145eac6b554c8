"""Eligibility of a Party member to introduce or help a person (pure rules)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dvdesk.domain.findings import Severity
from dvdesk.domain.mentoring import (
    MentorFacts,
    Role,
    WarningCode,
    check_eligibility,
    is_official_on,
    mentoring_message,
    warning_message,
)

BASE = MentorFacts(
    name="Trần Thị Bình",
    status="official",
    official_on=date(2010, 1, 1),
    member_joined_cell_on=date(2015, 1, 1),
    member_unit_id="u1",
    person_joined_unit_on=date(2021, 1, 31),
    person_unit_id="u1",
    on=date(2022, 1, 31),
    role=Role.INTRODUCER,
)


def codes(facts: MentorFacts) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in check_eligibility(facts)]


def test_eligible() -> None:
    assert codes(BASE) == []


def test_twelve_months_boundary() -> None:
    assert codes(replace(BASE, on=date(2022, 1, 30))) == [("INTRODUCER_TOO_SHORT", Severity.ERROR)]


def test_month_end_counts_as_full() -> None:
    facts = replace(BASE, person_joined_unit_on=date(2020, 2, 29))
    assert codes(replace(facts, on=date(2021, 2, 28))) == []
    assert codes(replace(facts, on=date(2021, 2, 27))) != []


def test_replacement_waives_the_period_only() -> None:
    short = replace(BASE, on=date(2021, 6, 1), replacement=True)
    assert codes(short) == []
    assert codes(replace(short, status="probationary", official_on=None)) == [
        ("INTRODUCER_NOT_OFFICIAL", Severity.ERROR)
    ]


def test_helper_period_warns() -> None:
    helper = replace(BASE, role=Role.HELPER, on=date(2021, 6, 1))
    assert codes(helper) == [("HELPER_TOO_SHORT", Severity.WARNING)]


def test_official_on() -> None:
    assert is_official_on("official", None, date(2020, 1, 1))
    assert is_official_on("official", date(2020, 1, 1), date(2020, 1, 1))
    assert not is_official_on("official", date(2020, 1, 2), date(2020, 1, 1))
    assert not is_official_on("probationary", None, date(2020, 1, 1))


def test_unit() -> None:
    assert codes(replace(BASE, member_unit_id="u2")) == [("MENTOR_OTHER_UNIT", Severity.ERROR)]
    assert codes(replace(BASE, person_unit_id=None)) == [("MENTOR_UNIT_UNKNOWN", Severity.WARNING)]


def test_messages_in_both_languages() -> None:
    helper = replace(BASE, role=Role.HELPER, on=date(2021, 6, 1), member_unit_id="u2")
    for finding in check_eligibility(helper) + check_eligibility(
        replace(BASE, on=date(2021, 6, 1))
    ):
        vi, en = mentoring_message(finding, "vi"), mentoring_message(finding, "en")
        assert "Trần Thị Bình" in vi and "Trần Thị Bình" in en and vi != en
        assert "?" not in vi and "?" not in en
    text = warning_message(WarningCode.CANDIDATE_NO_HELPER, {"person": "Lê Cường"}, "vi")
    assert text == "Lê Cường chưa có đảng viên giúp đỡ."
