"""Deadlines from events, counted in working days on the Vietnamese calendar.

Holidays used in the hand counts (python-holidays, Vietnam): Tết Bính Ngọ 16-20/2/2026;
Giỗ Tổ 26/4/2026 (Sun) observed Mon 27/4; 30/4 and 1/5/2026 (Thu, Fri); Saturday 22/8/2026
worked in exchange for Mon 31/8; Quốc khánh 1-2/9/2026.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.deadlines import (
    Deadline,
    DeadlineKind,
    deadline_status,
    open_deadlines,
    party_age_months,
    probation_end,
)
from dvdesk.domain.facts import CandidateFacts, Event
from dvdesk.domain.pipeline import EventKind

CAL = WorkCalendar()


def facts(*events: Event) -> CandidateFacts:
    return CandidateFacts(birth_date=date(1995, 1, 1), education_grade=12, events=events)


def ev(kind: EventKind, on: date, **kw: Any) -> Event:
    return Event(kind, on, **kw)


def vote(on: date, extended: bool = False, votes_for: int | None = 9) -> Event:
    return Event(
        EventKind.CELL_VOTE, on, votes_for=votes_for, official_members=12, extended=extended
    )


def by_kind(deadlines: list[Deadline]) -> dict[DeadlineKind, Deadline]:
    return {d.kind: d for d in deadlines}


def test_decision_due_60_working_days_after_the_vote_across_tet() -> None:
    # Vote Thu 15/1/2026; counted in test_calendar: the 60th working day is 16/4/2026.
    (deadline,) = open_deadlines(facts(vote(date(2026, 1, 15))), CAL)
    assert deadline.kind is DeadlineKind.DECISION
    assert deadline.due == date(2026, 4, 16)
    assert deadline.start == date(2026, 1, 15)
    assert deadline.overdue_code == "DECISION_OVERDUE"
    assert deadline.working_days == 60


def test_decision_extension_adds_30_working_days() -> None:
    # After 16/4: 17/4 → 61; 20-24/4 → 66; 27/4 off; 28, 29/4 → 68; 30/4, 1/5 off;
    # four weeks 4/5-29/5 → 88; 1/6 → 89; 2/6 → 90.
    (deadline,) = open_deadlines(facts(vote(date(2026, 1, 15), extended=True)), CAL)
    assert deadline.due == date(2026, 6, 2)
    assert deadline.working_days == 90


def test_decision_deadline_closed_by_a_decision_or_refusal() -> None:
    voted = vote(date(2026, 1, 15))
    assert by_kind(
        open_deadlines(facts(voted, ev(EventKind.DECISION, date(2026, 3, 1))), CAL)
    ).keys() == {DeadlineKind.CEREMONY}
    assert open_deadlines(facts(voted, ev(EventKind.NOT_ADMITTED, date(2026, 3, 1))), CAL) == []


def test_no_decision_deadline_after_a_failed_vote() -> None:
    assert open_deadlines(facts(vote(date(2026, 1, 15), votes_for=7)), CAL) == []


def test_missing_vote_counts_still_open_the_decision_deadline() -> None:
    assert len(open_deadlines(facts(vote(date(2026, 1, 15), votes_for=None)), CAL)) == 1


def test_ceremony_from_receipt_of_the_decision() -> None:
    # Received Mon 26/1/2026: 27-30/1 → 4; 2-6/2 → 9; 9-13/2 → 14; Tết; 23-27/2 → 19;
    # 2-6/3 → 24; 9-13/3 → 29; 16/3 → 30.
    events = (
        vote(date(2026, 1, 5)),
        ev(EventKind.DECISION, date(2026, 1, 20)),
        ev(EventKind.DECISION_RECEIVED, date(2026, 1, 26)),
    )
    (deadline,) = open_deadlines(facts(*events), CAL)
    assert deadline.kind is DeadlineKind.CEREMONY
    assert (deadline.start, deadline.due) == (date(2026, 1, 26), date(2026, 3, 16))


def test_ceremony_from_the_decision_when_receipt_not_recorded() -> None:
    # From Tue 20/1/2026: 21-23/1 → 3; 26-30/1 → 8; 2-6/2 → 13; 9-13/2 → 18; Tết;
    # 23-27/2 → 23; 2-6/3 → 28; 9/3 → 29; 10/3 → 30.
    (deadline,) = open_deadlines(facts(ev(EventKind.DECISION, date(2026, 1, 20))), CAL)
    assert (deadline.start, deadline.due) == (date(2026, 1, 20), date(2026, 3, 10))
    assert deadline.overdue_code == "CEREMONY_OVERDUE"


def test_ceremony_opens_probation_and_recognition_review() -> None:
    # Ceremony 10/4/2025 → probation ends Fri 10/4/2026. 30 working days after it:
    # 13-17/4 → 5; 20-24/4 → 10; 27/4 off; 28, 29/4 → 12; 30/4, 1/5 off; 4-8/5 → 17;
    # 11-15/5 → 22; 18-22/5 → 27; 25, 26, 27/5 → 30.
    events = (ev(EventKind.DECISION, date(2025, 3, 20)), ev(EventKind.CEREMONY, date(2025, 4, 10)))
    found = by_kind(open_deadlines(facts(*events), CAL))
    assert set(found) == {DeadlineKind.PROBATION_END, DeadlineKind.RECOGNITION_REVIEW}
    end = found[DeadlineKind.PROBATION_END]
    assert (end.due, end.overdue_code) == (date(2026, 4, 10), None)
    review = found[DeadlineKind.RECOGNITION_REVIEW]
    assert (review.start, review.due) == (date(2026, 4, 10), date(2026, 5, 27))
    assert review.overdue_code == "RECOGNITION_REVIEW_OVERDUE"


def test_recognition_decision_across_2_9_with_the_swapped_saturday() -> None:
    # Recognition vote Fri 14/8/2026: 17-21/8 → 5; Sat 22/8 (worked) → 6; 24-28/8 → 11;
    # 31/8, 1/9, 2/9 off; 3, 4/9 → 13; 7-11/9 → 18; 14-18/9 → 23; 21-25/9 → 28;
    # 28/9 → 29; 29/9 → 30.
    events = (
        ev(EventKind.DECISION, date(2025, 7, 1)),
        ev(EventKind.CEREMONY, date(2025, 8, 1)),
        ev(EventKind.RECOGNITION_VOTE, date(2026, 8, 14), votes_for=9, official_members=12),
    )
    (deadline,) = open_deadlines(facts(*events), CAL)
    assert deadline.kind is DeadlineKind.RECOGNITION_DECISION
    assert deadline.due == date(2026, 9, 29)
    assert deadline.overdue_code == "RECOGNITION_DECISION_OVERDUE"
    extended = (
        *events[:2],
        ev(EventKind.RECOGNITION_VOTE, date(2026, 8, 14), extended=True),
    )
    (longer,) = open_deadlines(facts(*extended), CAL)
    assert longer.working_days == 60
    assert CAL.working_days_between(date(2026, 8, 14), longer.due) == 60


def test_recognised_member_has_nothing_open() -> None:
    events = (
        ev(EventKind.DECISION, date(2025, 7, 1)),
        ev(EventKind.CEREMONY, date(2025, 8, 1)),
        ev(EventKind.RECOGNITION_VOTE, date(2026, 8, 14)),
        ev(EventKind.RECOGNITION_DECISION, date(2026, 9, 1)),
    )
    assert open_deadlines(facts(*events), CAL) == []


def test_exits_close_everything() -> None:
    for exit_kind in (EventKind.REMOVED, EventKind.NOT_ADMITTED, EventKind.STRUCK_OFF):
        events = (
            ev(EventKind.DECISION, date(2025, 7, 1)),
            ev(EventKind.CEREMONY, date(2025, 8, 1)),
            ev(exit_kind, date(2026, 1, 5)),
        )
        assert open_deadlines(facts(*events), CAL) == []


def test_an_old_exit_does_not_close_a_later_vote() -> None:
    events = (
        ev(EventKind.REMOVED, date(2022, 1, 5)),
        ev(EventKind.SYMPATHISER_LISTED, date(2023, 1, 5)),
        vote(date(2026, 1, 15)),
    )
    assert [d.kind for d in open_deadlines(facts(*events), CAL)] == [DeadlineKind.DECISION]


def test_the_rule_set_of_the_starting_act() -> None:
    older = open_deadlines(facts(vote(date(2025, 1, 19))), CAL)[0]
    before = open_deadlines(facts(vote(date(2025, 6, 30))), CAL)[0]
    after = open_deadlines(facts(vote(date(2025, 7, 1))), CAL)[0]
    assert "24-QĐ/TW" in older.basis
    assert "232-QĐ/TW" in before.basis
    assert "294-QĐ/TW" in after.basis


def test_deadline_status_boundaries() -> None:
    deadline = Deadline(DeadlineKind.DECISION, date(2026, 4, 16), date(2026, 1, 15), "X")
    assert deadline_status(deadline, date(2026, 4, 15)) == ("due", 1)
    assert deadline_status(deadline, date(2026, 4, 16)) == ("due", 0)
    assert deadline_status(deadline, date(2026, 4, 17)) == ("overdue", -1)


def test_probation_end() -> None:
    assert probation_end(facts()) is None
    assert probation_end(facts(ev(EventKind.CEREMONY, date(2025, 1, 31)))) == date(2026, 1, 31)
    # A ceremony on 29/2 ends on 28/2 of the next year (add_months keeps to the month's end).
    assert probation_end(facts(ev(EventKind.CEREMONY, date(2024, 2, 29)))) == date(2025, 2, 28)


def test_party_age_counts_from_the_decision_not_the_ceremony() -> None:
    member = facts(
        ev(EventKind.DECISION, date(2025, 2, 10)), ev(EventKind.CEREMONY, date(2025, 3, 20))
    )
    assert party_age_months(member, date(2026, 2, 9)) == 11
    assert party_age_months(member, date(2026, 2, 10)) == 12
    assert party_age_months(member, date(2025, 2, 9)) is None
    assert party_age_months(facts(), date(2026, 1, 1)) is None
    struck = facts(*member.events, ev(EventKind.STRUCK_OFF, date(2026, 1, 1)))
    assert party_age_months(struck, date(2026, 2, 10)) is None


votes = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))


@settings(max_examples=200)
@given(first=votes, second=votes, extended=st.booleans())
def test_decision_deadline_properties(first: date, second: date, extended: bool) -> None:
    early, late = sorted((first, second))
    due_early = open_deadlines(facts(vote(early, extended)), CAL)[0].due
    due_late = open_deadlines(facts(vote(late, extended)), CAL)[0].due
    n = 90 if extended else 60
    for start, due in ((early, due_early), (late, due_late)):
        assert CAL.is_working_day(due)
        assert due >= start + timedelta(days=n)
        assert CAL.working_days_between(start, due) == n
    assert due_early <= due_late


@settings(max_examples=100)
@given(ceremony=votes)
def test_recognition_review_properties(ceremony: date) -> None:
    found = by_kind(open_deadlines(facts(ev(EventKind.CEREMONY, ceremony)), CAL))
    end = found[DeadlineKind.PROBATION_END].due
    review = found[DeadlineKind.RECOGNITION_REVIEW].due
    assert CAL.is_working_day(review)
    assert review >= end + timedelta(days=30)
    assert CAL.working_days_between(end, review) == 30
