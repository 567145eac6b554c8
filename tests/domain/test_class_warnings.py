"""Ahead-of-time class warnings in `check`: a lapsing awareness certificate before the vote, and
a probation ending without the new-member class."""

from __future__ import annotations

from datetime import date

from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.facts import CandidateFacts, Certificate, Event
from dvdesk.domain.findings import Severity
from dvdesk.domain.messages import finding_message
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.rules import check

CAL = WorkCalendar()


def _codes(facts: CandidateFacts, on: date) -> set[str]:
    return {f.code for f in check(facts, on, CAL)}


def _trained(issued: date, *events: Event) -> CandidateFacts:
    return CandidateFacts(
        birth_date=date(2000, 1, 1),
        education_grade=12,
        certificates=(Certificate("awareness", issued),),
        events=events,
    )


def test_certificate_expiring_within_six_months_before_any_vote() -> None:
    facts = _trained(date(2021, 12, 1))  # lapses on 01/12/2026
    assert "CERTIFICATE_EXPIRING" not in _codes(facts, date(2026, 5, 31))  # 6 months + 1 day
    assert "CERTIFICATE_EXPIRING" in _codes(facts, date(2026, 6, 1))  # exactly 6 months ahead
    assert "CERTIFICATE_EXPIRING" in _codes(facts, date(2026, 11, 30))
    lapsed = _codes(facts, date(2026, 12, 1))
    assert "CERTIFICATE_EXPIRING" not in lapsed and "CERTIFICATE_EXPIRED" in lapsed


def test_no_expiry_warning_once_the_cell_has_voted() -> None:
    vote = Event(EventKind.CELL_VOTE, date(2026, 7, 1), official_members=3, votes_for=3)
    assert "CERTIFICATE_EXPIRING" not in _codes(_trained(date(2021, 12, 1), vote), date(2026, 8, 1))


def _probation(*certs: Certificate) -> CandidateFacts:
    ceremony = Event(EventKind.CEREMONY, date(2025, 9, 15))  # probation ends 15/09/2026
    return CandidateFacts(
        birth_date=date(2000, 1, 1), education_grade=12, certificates=certs, events=(ceremony,)
    )


def test_new_member_class_missing_two_months_before_probation_ends() -> None:
    facts = _probation()
    assert "NEW_MEMBER_CLASS_MISSING" not in _codes(facts, date(2026, 7, 14))
    found = [
        f for f in check(facts, date(2026, 7, 15), CAL) if f.code == "NEW_MEMBER_CLASS_MISSING"
    ]
    assert len(found) == 1 and found[0].severity == Severity.WARNING
    assert "15/09/2026" in finding_message(found[0], "vi")
    with_class = _probation(Certificate("new_member", date(2026, 3, 1)))
    assert "NEW_MEMBER_CLASS_MISSING" not in _codes(with_class, date(2026, 9, 20))
