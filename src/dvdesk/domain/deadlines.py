"""Deadlines that follow from a person's events, and the dates probation and Party age count from.

Every "within N working days after D" is due on the N-th working day after D, D not counted
(WorkCalendar.add_working_days). Each deadline uses the rule set in force on the date of the act
it starts from. A deadline is open until the act that meets it is recorded on or after its
start; an exit (removed, not admitted, struck off) that is the person's last act closes all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.dates import add_months, full_months
from dvdesk.domain.facts import CandidateFacts, Event
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.rulesets import rule_set_on
from dvdesk.domain.stages import has_exited, vote_failed


class DeadlineKind(StrEnum):
    DECISION = "decision"  # competent committee decides on admission
    CEREMONY = "ceremony"  # chi bộ holds the admission ceremony
    PROBATION_END = "probation_end"  # 12 months of probation complete (informational)
    RECOGNITION_REVIEW = "recognition_review"  # chi bộ considers recognition
    RECOGNITION_DECISION = "recognition_decision"  # competent committee decides on recognition


class OverdueCode(StrEnum):
    DECISION_OVERDUE = "DECISION_OVERDUE"
    CEREMONY_OVERDUE = "CEREMONY_OVERDUE"
    RECOGNITION_REVIEW_OVERDUE = "RECOGNITION_REVIEW_OVERDUE"
    RECOGNITION_DECISION_OVERDUE = "RECOGNITION_DECISION_OVERDUE"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due: date  # the last day on which the act is still in time
    start: date  # the date of the act (or completion) the period runs from
    overdue_code: str | None  # finding code once `due` has passed; None = informational
    working_days: int = 0  # length of the period in working days (0 for month periods)
    basis: str = ""  # legal basis from the rule set in force on `start`


def _after(facts: CandidateFacts, kinds: tuple[EventKind, ...], since: date) -> Event | None:
    """The latest event of one of `kinds` dated on or after `since`."""
    found = [e for e in facts.events if e.kind in kinds and e.on >= since]
    return max(found, key=lambda e: e.on) if found else None


def _ceremony(facts: CandidateFacts) -> Event | None:
    return facts.last(EventKind.CEREMONY)


def probation_end(facts: CandidateFacts) -> date | None:
    """The day the 12 months of probation are complete: the ceremony date 12 months on."""
    ceremony = _ceremony(facts)
    if ceremony is None:
        return None
    return add_months(ceremony.on, rule_set_on(ceremony.on).probation_months)


def party_age_months(facts: CandidateFacts, on: date) -> int | None:
    """Full months of Party age on `on`, counted from the date of the admission decision
    (Charter Art. 5), not from the ceremony. None without a decision, before it, or when the
    person left (not admitted, struck off)."""
    decision = facts.last(EventKind.DECISION)
    if decision is None or on < decision.on:
        return None
    if has_exited(facts.events):
        return None
    return full_months(decision.on, on)


def open_deadlines(facts: CandidateFacts, calendar: WorkCalendar) -> list[Deadline]:
    """The deadlines not yet met given the events, in pipeline order."""
    if has_exited(facts.events):
        return []
    out: list[Deadline] = []

    vote = facts.last(EventKind.CELL_VOTE)
    if vote is not None and not vote_failed(vote):
        rs = rule_set_on(vote.on)
        met = _after(facts, (EventKind.DECISION, EventKind.NOT_ADMITTED), vote.on)
        if met is None:
            n = rs.decision_working_days
            if vote.extended:
                n += rs.decision_extension_working_days
            out.append(
                Deadline(
                    DeadlineKind.DECISION,
                    calendar.add_working_days(vote.on, n),
                    vote.on,
                    OverdueCode.DECISION_OVERDUE,
                    n,
                    rs.basis_decision,
                )
            )

    decision = facts.last(EventKind.DECISION)
    if decision is not None:
        # Counted from receipt; when the receipt is not recorded, from the decision itself,
        # which is the earlier and so the safer date.
        received = _after(facts, (EventKind.DECISION_RECEIVED,), decision.on)
        start = received.on if received is not None else decision.on
        if _after(facts, (EventKind.CEREMONY,), decision.on) is None:
            rs = rule_set_on(start)
            n = rs.ceremony_working_days
            out.append(
                Deadline(
                    DeadlineKind.CEREMONY,
                    calendar.add_working_days(start, n),
                    start,
                    OverdueCode.CEREMONY_OVERDUE,
                    n,
                    rs.basis_ceremony,
                )
            )

    ceremony = _ceremony(facts)
    end = probation_end(facts)
    if ceremony is not None and end is not None:
        recognition_vote = _after(facts, (EventKind.RECOGNITION_VOTE,), ceremony.on)
        recognised = _after(facts, (EventKind.RECOGNITION_DECISION,), ceremony.on)
        if recognition_vote is None and recognised is None:
            out.append(
                Deadline(
                    DeadlineKind.PROBATION_END,
                    end,
                    ceremony.on,
                    None,
                    0,
                    rule_set_on(ceremony.on).basis_probation,
                )
            )
            rs = rule_set_on(end)
            n = rs.recognition_review_working_days
            out.append(
                Deadline(
                    DeadlineKind.RECOGNITION_REVIEW,
                    calendar.add_working_days(end, n),
                    end,
                    OverdueCode.RECOGNITION_REVIEW_OVERDUE,
                    n,
                    rs.basis_recognition_review,
                )
            )
        elif recognition_vote is not None:
            met = _after(facts, (EventKind.RECOGNITION_DECISION,), recognition_vote.on)
            if met is None:
                rs = rule_set_on(recognition_vote.on)
                n = rs.recognition_decision_working_days
                if recognition_vote.extended:
                    n += rs.recognition_extension_working_days
                out.append(
                    Deadline(
                        DeadlineKind.RECOGNITION_DECISION,
                        calendar.add_working_days(recognition_vote.on, n),
                        recognition_vote.on,
                        OverdueCode.RECOGNITION_DECISION_OVERDUE,
                        n,
                        rs.basis_recognition_decision,
                    )
                )
    return out


def deadline_status(deadline: Deadline, on: date) -> tuple[str, int]:
    """("overdue" when `on` is after the due day, else "due"), and the calendar days left
    (negative when overdue, 0 on the due day)."""
    left = (deadline.due - on).days
    return ("overdue" if on > deadline.due else "due", left)
