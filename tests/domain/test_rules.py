"""Admission and recognition rules at their boundaries: the day before, on, and after."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.facts import (
    CandidateFacts,
    Certificate,
    Event,
    Introducer,
    MassOrg,
    MemberStatus,
)
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.rules import check, check_admission, check_recognition
from dvdesk.domain.rulesets import RULES_2021, RULES_2025, rule_set, rule_set_on

VOTE = date(2026, 1, 15)
DAY = timedelta(days=1)
CAL = WorkCalendar()


def member(name: str = "Lê Thị Hoa", **changes: Any) -> Introducer:
    base = Introducer(
        name=name,
        status=MemberStatus.OFFICIAL,
        official_on=date(2015, 3, 1),
        joined_cell_on=date(2019, 1, 1),
        assigned_on=date(2025, 9, 1),
    )
    return replace(base, **changes)


def cell_vote(on: date = VOTE, votes_for: int | None = 9, official: int | None = 12) -> Event:
    return Event(EventKind.CELL_VOTE, on, votes_for=votes_for, official_members=official)


def candidate(vote_on: date | None = VOTE, **changes: Any) -> CandidateFacts:
    """A candidate who meets every rule at a chi bộ vote on `vote_on`."""
    events = [
        Event(EventKind.SYMPATHISER_LISTED, date(2024, 1, 10)),
        Event(EventKind.APPLICATION, date(2025, 9, 1)),
        Event(EventKind.OPINIONS, date(2025, 12, 1)),
    ]
    if vote_on is not None:
        events.append(cell_vote(vote_on))
    base = CandidateFacts(
        birth_date=date(1995, 6, 20),
        education_grade=12,
        joined_unit_on=date(2018, 8, 1),
        certificates=(Certificate("awareness", date(2024, 5, 20)),),
        introducers=(member("Lê Thị Hoa"), member("Phạm Văn Nam")),
        events=tuple(events),
    )
    return replace(base, **changes)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def only(findings: list[Finding], code: str) -> Finding:
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, codes(findings)
    return matching[0]


def test_a_good_candidate_has_no_findings() -> None:
    assert check_admission(candidate()) == []


# -- age ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vote_on", "under"),
    [(date(2026, 1, 14), True), (date(2026, 1, 15), False), (date(2026, 1, 16), False)],
)
def test_age_18_boundary(vote_on: date, under: bool) -> None:
    # Born 15/1/2008: 216 full months on 15/1/2026.
    facts = candidate(vote_on, birth_date=date(2008, 1, 15), joined_unit_on=date(2018, 1, 1))
    findings = check_admission(facts)
    assert ("AGE_UNDER_18" in codes(findings)) is under
    if under:
        finding = only(findings, "AGE_UNDER_18")
        assert finding.severity is Severity.ERROR
        assert finding.params["age_months"] == 215
        assert finding.params["eligible_on"] == "2026-01-15"
        assert finding.params["vote_on"] == "2026-01-14"


def test_age_born_on_29_february() -> None:
    # dates.full_months completes a month on the last day of a month too short for the day:
    # born 29/2/2008 is 18 (216 months) on 28/2/2026.
    born = date(2008, 2, 29)
    assert "AGE_UNDER_18" in codes(check_admission(candidate(date(2026, 2, 27), birth_date=born)))
    assert "AGE_UNDER_18" not in codes(
        check_admission(candidate(date(2026, 2, 28), birth_date=born))
    )


@pytest.mark.parametrize(
    ("vote_on", "over"),
    [(date(2026, 1, 14), False), (date(2026, 1, 15), False), (date(2026, 1, 16), True)],
)
def test_age_60_boundary(vote_on: date, over: bool) -> None:
    # Born 15/1/1966: 60th birthday 15/1/2026; a vote after it is over age.
    findings = check_admission(candidate(vote_on, birth_date=date(1966, 1, 15)))
    assert ("AGE_OVER_60" in codes(findings)) is over
    if over:
        assert only(findings, "AGE_OVER_60").params["limit_on"] == "2026-01-15"


def test_birth_date_unknown_is_a_warning() -> None:
    finding = only(check_admission(candidate(birth_date=None)), "BIRTH_DATE_UNKNOWN")
    assert finding.severity is Severity.WARNING


# -- education ------------------------------------------------------------------------------


@pytest.mark.parametrize(("grade", "below"), [(8, True), (9, False), (10, False)])
def test_education_boundary(grade: int, below: bool) -> None:
    findings = check_admission(candidate(education_grade=grade))
    assert ("EDUCATION_BELOW_THCS" in codes(findings)) is below


def test_education_unknown_is_a_warning() -> None:
    finding = only(check_admission(candidate(education_grade=None)), "EDUCATION_UNKNOWN")
    assert finding.severity is Severity.WARNING


# -- certificate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vote_on", "expired"),
    [(date(2026, 1, 14), False), (date(2026, 1, 15), True), (date(2026, 1, 16), True)],
)
def test_certificate_60_months(vote_on: date, expired: bool) -> None:
    # Issued 15/1/2021: add_months(…, 60) = 15/1/2026, from which day it is no longer valid.
    facts = candidate(vote_on, certificates=(Certificate("awareness", date(2021, 1, 15)),))
    findings = check_admission(facts)
    assert ("CERTIFICATE_EXPIRED" in codes(findings)) is expired
    if expired:
        assert only(findings, "CERTIFICATE_EXPIRED").params["expired_on"] == "2026-01-15"


@pytest.mark.parametrize(
    ("issued", "missing"),
    [(VOTE - DAY, False), (VOTE, False), (VOTE + DAY, True)],
)
def test_certificate_must_be_issued_by_the_vote(issued: date, missing: bool) -> None:
    facts = candidate(certificates=(Certificate("awareness", issued),))
    assert ("CERTIFICATE_MISSING" in codes(check_admission(facts))) is missing


def test_certificate_kinds_and_events() -> None:
    new_member_only = candidate(certificates=(Certificate("new_member", date(2024, 1, 1)),))
    assert "CERTIFICATE_MISSING" in codes(check_admission(new_member_only))
    by_event = candidate(
        certificates=(),
        events=(*candidate().events, Event(EventKind.CERTIFICATE, date(2023, 1, 1))),
    )
    assert codes(check_admission(by_event)) == []
    # The newest certificate counts: an old expired one beside it does no harm.
    both = candidate(
        certificates=(
            Certificate("awareness", date(2019, 1, 1)),
            Certificate("awareness", date(2024, 5, 20)),
        )
    )
    assert check_admission(both) == []


# -- introducers ------------------------------------------------------------------------------


def with_events(facts: CandidateFacts, *events: Event) -> CandidateFacts:
    return replace(facts, events=(*facts.events, *events))


def test_two_members_needed_without_a_mass_org() -> None:
    finding = only(check_admission(candidate(introducers=(member(),))), "INTRODUCERS_MISSING")
    assert finding.params == {"variant": "members", "needed": 2, "found": 1}
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize(
    ("resolution_on", "missing"),
    [(VOTE - DAY, False), (VOTE, False), (VOTE + DAY, True)],
)
def test_youth_union_resolution_plus_one_member(resolution_on: date, missing: bool) -> None:
    facts = with_events(
        candidate(introducers=(member(),), youth_union_member=True),
        Event(EventKind.MASS_ORG_RESOLUTION, resolution_on, mass_org=MassOrg.YOUTH_UNION),
    )
    assert ("INTRODUCERS_MISSING" in codes(check_admission(facts))) is missing


def test_mass_org_must_be_the_persons() -> None:
    resolution = Event(
        EventKind.MASS_ORG_RESOLUTION, date(2025, 12, 1), mass_org=MassOrg.YOUTH_UNION
    )
    not_a_member = with_events(candidate(introducers=(member(),)), resolution)
    assert "INTRODUCERS_MISSING" in codes(check_admission(not_a_member))
    trade = with_events(
        candidate(introducers=(member(),), trade_union_member=True),
        Event(EventKind.MASS_ORG_RESOLUTION, date(2025, 12, 1), mass_org=MassOrg.TRADE_UNION),
    )
    assert check_admission(trade) == []
    unnamed_org = with_events(
        candidate(introducers=(member(),), trade_union_member=True),
        Event(EventKind.MASS_ORG_RESOLUTION, date(2025, 12, 1)),
    )
    assert check_admission(unnamed_org) == []
    none_at_all = with_events(
        candidate(introducers=(), youth_union_member=True),
        Event(EventKind.MASS_ORG_RESOLUTION, date(2025, 12, 1), mass_org=MassOrg.YOUTH_UNION),
    )
    finding = only(check_admission(none_at_all), "INTRODUCERS_MISSING")
    assert finding.params == {"variant": "youth_union", "needed": 1, "found": 0}


@pytest.mark.parametrize(
    ("official_on", "bad"),
    [(VOTE - DAY, False), (VOTE, False), (VOTE + DAY, True)],
)
def test_introducer_official_by_the_vote(official_on: date, bad: bool) -> None:
    facts = candidate(introducers=(member(official_on=official_on), member("Phạm Văn Nam")))
    assert ("INTRODUCER_NOT_OFFICIAL" in codes(check_admission(facts))) is bad


def test_probationary_introducer() -> None:
    facts = candidate(
        introducers=(member(status=MemberStatus.PROBATIONARY, official_on=None), member("B"))
    )
    finding = only(check_admission(facts), "INTRODUCER_NOT_OFFICIAL")
    assert finding.params["name"] == "Lê Thị Hoa"


@pytest.mark.parametrize(
    ("joined", "short", "months"),
    [(date(2025, 1, 14), False, 12), (date(2025, 1, 15), False, 12), (date(2025, 1, 16), True, 11)],
)
def test_introducer_twelve_months(joined: date, short: bool, months: int) -> None:
    facts = candidate(introducers=(member(joined_cell_on=joined), member("Phạm Văn Nam")))
    findings = check_admission(facts)
    assert ("INTRODUCER_TOO_SHORT" in codes(findings)) is short
    if short:
        finding = only(findings, "INTRODUCER_TOO_SHORT")
        assert finding.params["months"] == months
        assert finding.params["enough_on"] == "2026-01-16"


def test_introducer_period_counts_from_the_later_start() -> None:
    # The introducer has been in the cell for years, but the person joined the unit on 1/6/2025.
    facts = candidate(joined_unit_on=date(2025, 6, 1))
    findings = check_admission(facts)
    assert codes(findings) == ["INTRODUCER_TOO_SHORT", "INTRODUCER_TOO_SHORT"]
    assert findings[0].params["since"] == "2025-06-01"
    assert findings[0].params["months"] == 7


def test_replacement_introducer_is_exempt() -> None:
    fresh = member("Phạm Văn Nam", joined_cell_on=date(2025, 12, 1), replacement=True)
    assert check_admission(candidate(introducers=(member(), fresh))) == []


def test_introducer_period_unknown_is_a_warning() -> None:
    facts = candidate(
        joined_unit_on=None, introducers=(member(joined_cell_on=None), member("Phạm Văn Nam"))
    )
    finding = only(check_admission(facts), "INTRODUCER_PERIOD_UNKNOWN")
    assert finding.severity is Severity.WARNING
    # Only one date known is enough.
    one_known = candidate(introducers=(member(joined_cell_on=None), member("Phạm Văn Nam")))
    assert check_admission(one_known) == []


# -- vote ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("votes_for", "official", "below"),
    [(7, 12, True), (8, 12, False), (9, 12, False), (6, 10, True), (7, 10, False), (2, 3, False)],
)
def test_two_thirds_of_all_official_members(votes_for: int, official: int, below: bool) -> None:
    facts = candidate(vote_on=None)
    facts = with_events(facts, cell_vote(VOTE, votes_for, official))
    findings = check_admission(facts)
    assert ("VOTE_BELOW_TWO_THIRDS" in codes(findings)) is below
    if below:
        # 12 members need 8 (24/3); 10 members need 7 (ceil 20/3).
        assert (
            only(findings, "VOTE_BELOW_TWO_THIRDS").params["required"] == {12: 8, 10: 7}[official]
        )


@pytest.mark.parametrize(("votes_for", "official"), [(None, 12), (9, None), (0, 0)])
def test_missing_vote_counts_are_an_error(votes_for: int | None, official: int | None) -> None:
    facts = with_events(candidate(vote_on=None), cell_vote(VOTE, votes_for, official))
    finding = only(check_admission(facts), "VOTE_BELOW_TWO_THIRDS")
    assert finding.severity is Severity.ERROR
    assert finding.params["variant"] == "missing"


# -- dossier freshness -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vote_on", "stale"),
    [(date(2026, 11, 30), False), (date(2026, 12, 1), False), (date(2026, 12, 2), True)],
)
def test_opinions_older_than_12_months(vote_on: date, stale: bool) -> None:
    # Opinions of 1/12/2025 are good through 1/12/2026 (add_months 12), stale from 2/12/2026.
    # The certificate, application and introducers are dated so as to stay valid.
    facts = candidate(
        vote_on,
        events=(
            Event(EventKind.APPLICATION, date(2026, 6, 1)),
            Event(EventKind.OPINIONS, date(2025, 12, 1)),
            cell_vote(vote_on),
        ),
        introducers=(member(assigned_on=date(2026, 6, 1)), member("B", assigned_on=None)),
    )
    findings = check_admission(facts)
    assert ("DOSSIER_STALE" in codes(findings)) is stale
    if stale:
        finding = only(findings, "DOSSIER_STALE")
        assert finding.severity is Severity.ERROR
        assert finding.params["variant"] == "opinions"
        assert finding.params["valid_until"] == "2026-12-01"


def test_stale_application_is_a_warning_and_introducer_letter_an_error() -> None:
    facts = candidate(
        events=(
            Event(EventKind.APPLICATION, date(2024, 12, 1)),
            Event(EventKind.OPINIONS, date(2025, 12, 1)),
            cell_vote(),
        ),
        introducers=(member(assigned_on=date(2025, 1, 14)), member("Phạm Văn Nam")),
    )
    findings = [f for f in check_admission(facts) if f.code == "DOSSIER_STALE"]
    assert [(f.params["variant"], f.severity) for f in findings] == [
        ("application", Severity.WARNING),
        ("introducer", Severity.ERROR),
    ]
    assert findings[1].params["name"] == "Lê Thị Hoa"


def test_a_redone_paper_replaces_the_old_one() -> None:
    facts = with_events(
        candidate(), Event(EventKind.OPINIONS, date(2024, 1, 1))
    )  # older copy beside the redone one of 1/12/2025
    assert check_admission(facts) == []


# -- dates, rule sets ------------------------------------------------------------------------


def test_rule_set_in_force() -> None:
    assert rule_set_on(date(2019, 1, 1)) is RULES_2021
    assert rule_set_on(date(2025, 1, 19)) is RULES_2021
    assert rule_set_on(date(2025, 1, 20)).key == "2025-01"
    assert "232-QĐ/TW" in rule_set_on(date(2025, 6, 30)).basis_age
    assert rule_set_on(date(2025, 7, 1)) is RULES_2025
    assert rule_set("2025") is RULES_2025
    with pytest.raises(KeyError):
        rule_set("1999")


@pytest.mark.parametrize(
    ("vote_on", "text"),
    [
        (date(2025, 1, 19), "24-QĐ/TW"),
        (date(2025, 1, 20), "232-QĐ/TW"),
        (date(2025, 6, 30), "232-QĐ/TW"),
        (date(2025, 7, 1), "294-QĐ/TW"),
    ],
)
def test_basis_follows_the_vote_date(vote_on: date, text: str) -> None:
    facts = candidate(vote_on, birth_date=date(2010, 1, 1))
    assert text in only(check_admission(facts), "AGE_UNDER_18").basis


def test_as_if_voting_on_a_date() -> None:
    facts = candidate(vote_on=None, birth_date=date(2008, 3, 1))
    assert "AGE_UNDER_18" in codes(check_admission(facts, date(2026, 2, 28)))
    assert "AGE_UNDER_18" not in codes(check_admission(facts, date(2026, 3, 1)))


def test_without_a_date_only_dateless_checks() -> None:
    facts = candidate(
        vote_on=None, birth_date=date(2015, 1, 1), education_grade=7, introducers=(member(),)
    )
    assert codes(check_admission(facts)) == ["EDUCATION_BELOW_THCS", "INTRODUCERS_MISSING"]


# -- recognition ------------------------------------------------------------------------------


def admitted(ceremony: date, *extra: Event) -> CandidateFacts:
    return with_events(
        candidate(),
        Event(EventKind.DECISION, date(2026, 2, 2)),
        Event(EventKind.CEREMONY, ceremony),
        *extra,
    )


@pytest.mark.parametrize(
    ("vote_on", "early"),
    [(date(2027, 3, 9), True), (date(2027, 3, 10), False), (date(2027, 3, 11), False)],
)
def test_recognition_vote_not_before_probation_ends(vote_on: date, early: bool) -> None:
    # Ceremony 10/3/2026: 12 months complete on 10/3/2027.
    facts = admitted(
        date(2026, 3, 10),
        Event(EventKind.RECOGNITION_VOTE, vote_on, votes_for=9, official_members=12),
    )
    findings = check_recognition(facts)
    assert ("RECOGNITION_VOTE_EARLY" in codes(findings)) is early
    if early:
        finding = only(findings, "RECOGNITION_VOTE_EARLY")
        assert finding.severity is Severity.WARNING
        assert finding.params["probation_end"] == "2027-03-10"


@pytest.mark.parametrize(("votes_for", "below"), [(7, True), (8, False)])
def test_recognition_two_thirds(votes_for: int, below: bool) -> None:
    facts = admitted(
        date(2026, 3, 10),
        Event(
            EventKind.RECOGNITION_VOTE, date(2027, 3, 15), votes_for=votes_for, official_members=12
        ),
    )
    assert ("RECOGNITION_VOTE_BELOW_TWO_THIRDS" in codes(check_recognition(facts))) is below


def test_no_recognition_vote_no_findings() -> None:
    assert check_recognition(admitted(date(2026, 3, 10))) == []


# -- check ------------------------------------------------------------------------------


def test_check_before_a_vote_reports_lasting_failures_as_warnings() -> None:
    facts = candidate(
        vote_on=None,
        birth_date=date(1960, 1, 1),  # over 60
        certificates=(Certificate("awareness", date(2020, 1, 1)),),  # expired
        introducers=(),  # normal this early: not reported
    )
    findings = check(facts, date(2026, 1, 15), CAL)
    assert codes(findings) == ["AGE_OVER_60", "CERTIFICATE_EXPIRED"]
    assert {f.severity for f in findings} == {Severity.WARNING}
    assert findings[0].params["hypothetical"] is True


def test_check_after_the_vote_keeps_the_admission_errors() -> None:
    facts = candidate(education_grade=8)
    findings = check(facts, date(2026, 2, 1), CAL)
    assert codes(findings) == ["EDUCATION_BELOW_THCS"]
    assert findings[0].severity is Severity.ERROR


@pytest.mark.parametrize(("on", "overdue"), [(date(2026, 4, 16), False), (date(2026, 4, 17), True)])
def test_check_reports_an_overdue_decision(on: date, overdue: bool) -> None:
    # Vote 15/1/2026, 60 working days across Tết → due 16/4/2026 (test_calendar).
    findings = check(candidate(), on, CAL)
    assert ("DECISION_OVERDUE" in codes(findings)) is overdue
    if overdue:
        finding = only(findings, "DECISION_OVERDUE")
        assert finding.severity is Severity.WARNING
        assert finding.params["due"] == "2026-04-16"
        assert finding.params["days_overdue"] == 1
        assert finding.params["working_days_overdue"] == 1


def test_overdue_ceremony_is_an_error() -> None:
    facts = with_events(candidate(), Event(EventKind.DECISION, date(2026, 1, 20)))
    # 30 working days from 20/1/2026 across Tết: 10/3/2026 (test_deadlines).
    finding = only(check(facts, date(2026, 3, 11), CAL), "CEREMONY_OVERDUE")
    assert finding.severity is Severity.ERROR
    assert finding.params["due"] == "2026-03-10"


def test_check_after_an_exit_is_silent() -> None:
    facts = with_events(
        candidate(education_grade=3), Event(EventKind.NOT_ADMITTED, date(2026, 3, 1))
    )
    assert check(facts, date(2027, 1, 1), CAL) == []
