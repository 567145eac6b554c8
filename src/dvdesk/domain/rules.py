"""The admission and recognition rules, and everything that applies to a person on a given day.

A check returns findings (findings.Finding): a stable code, a severity, the legal basis from the
rule set in force on the date of the act, and params for the message (messages.py). Params hold
plain values only (int, str, bool; dates as ISO strings) so that findings can be stored and sent.

Severity: ERROR for a breach of a rule the research saw in the primary text or consistently
across sources; WARNING where the source is local or secondary, or where data is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from enum import StrEnum

from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.dates import add_months, full_months
from dvdesk.domain.deadlines import OverdueCode, open_deadlines, probation_end
from dvdesk.domain.facts import CandidateFacts, Event, MassOrg, MemberStatus
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.rulesets import RuleSet, latest_rule_set, rule_set_on
from dvdesk.domain.stages import has_exited

AWARENESS = "awareness"  # Certificate.kind of the awareness-class certificate


class Code(StrEnum):
    """Finding codes of the admission and recognition rules (overdue codes: deadlines.py)."""

    AGE_UNDER_18 = "AGE_UNDER_18"
    AGE_OVER_60 = "AGE_OVER_60"
    BIRTH_DATE_UNKNOWN = "BIRTH_DATE_UNKNOWN"
    EDUCATION_BELOW_THCS = "EDUCATION_BELOW_THCS"
    EDUCATION_UNKNOWN = "EDUCATION_UNKNOWN"
    CERTIFICATE_MISSING = "CERTIFICATE_MISSING"
    CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED"
    INTRODUCERS_MISSING = "INTRODUCERS_MISSING"
    INTRODUCER_NOT_OFFICIAL = "INTRODUCER_NOT_OFFICIAL"
    INTRODUCER_TOO_SHORT = "INTRODUCER_TOO_SHORT"
    INTRODUCER_PERIOD_UNKNOWN = "INTRODUCER_PERIOD_UNKNOWN"
    VOTE_BELOW_TWO_THIRDS = "VOTE_BELOW_TWO_THIRDS"
    DOSSIER_STALE = "DOSSIER_STALE"
    RECOGNITION_VOTE_BELOW_TWO_THIRDS = "RECOGNITION_VOTE_BELOW_TWO_THIRDS"
    RECOGNITION_VOTE_EARLY = "RECOGNITION_VOTE_EARLY"
    CERTIFICATE_EXPIRING = "CERTIFICATE_EXPIRING"
    NEW_MEMBER_CLASS_MISSING = "NEW_MEMBER_CLASS_MISSING"


# Every code a check can return, rules and deadlines together.
ALL_CODES: tuple[str, ...] = tuple(c.value for c in Code) + tuple(c.value for c in OverdueCode)

# Before any chi bộ vote, `check` reports (as warnings) only what has already failed and will
# not mend itself with time: an applicant past 60, an education below the bar, an expired
# certificate, a stale paper, a probationary introducer. Being under 18, lacking a certificate
# or introducers is the normal state of someone early in the pipeline and is not reported.
PRE_VOTE_CODES: frozenset[str] = frozenset(
    {
        Code.AGE_OVER_60,
        Code.EDUCATION_BELOW_THCS,
        Code.CERTIFICATE_EXPIRED,
        Code.DOSSIER_STALE,
        Code.INTRODUCER_NOT_OFFICIAL,
    }
)

# Overdue ceremonies need the upper committee's consent, so recording one late takes an
# override reason (the consent); the other overdue deadlines inform.
_OVERDUE_SEVERITY: dict[str, Severity] = {OverdueCode.CEREMONY_OVERDUE: Severity.ERROR}

# Papers that must be redone when older than 12 months at the vote, with the severity of a
# stale one: 01-HD/TW (via secondary sources) names the introducers' letters, the mass
# organisation's resolution and the compiled opinions; the application letter comes from a
# local example only.
_DOSSIER_PAPERS: tuple[tuple[EventKind, Severity], ...] = (
    (EventKind.APPLICATION, Severity.WARNING),
    (EventKind.MASS_ORG_RESOLUTION, Severity.ERROR),
    (EventKind.OPINIONS, Severity.ERROR),
)


def _iso(day: date) -> str:
    return day.isoformat()


def _finding(code: Code, severity: Severity, basis: str, **params: object) -> Finding:
    return Finding(code.value, severity, basis, dict(params))


def _latest(events: Iterable[Event], kind: EventKind, until: date | None) -> Event | None:
    found = [e for e in events if e.kind == kind and (until is None or e.on <= until)]
    return max(found, key=lambda e: e.on) if found else None


def _vote_findings(vote: Event, code: Code, rs: RuleSet, basis: str) -> list[Finding]:
    """The 2/3 rule on a vote event: all official members of the chi bộ are the base."""
    if vote.votes_for is None or vote.official_members is None or vote.official_members <= 0:
        return [_finding(code, Severity.ERROR, basis, variant="missing", vote_on=_iso(vote.on))]
    if rs.vote_passes(vote.votes_for, vote.official_members):
        return []
    return [
        _finding(
            code,
            Severity.ERROR,
            basis,
            vote_on=_iso(vote.on),
            votes_for=vote.votes_for,
            official_members=vote.official_members,
            required=rs.votes_needed(vote.official_members),
            numerator=rs.vote_numerator,
            denominator=rs.vote_denominator,
        )
    ]


def _mass_org_route(facts: CandidateFacts, until: date | None) -> MassOrg | None:
    """The mass organisation whose resolution (on or before `until`) introduces the applicant,
    if the applicant belongs to it."""
    for event in facts.events:
        if event.kind != EventKind.MASS_ORG_RESOLUTION or (until is not None and event.on > until):
            continue
        org = event.mass_org
        if org is None:  # not said which: take the one the person belongs to
            org = (
                MassOrg.YOUTH_UNION
                if facts.youth_union_member
                else MassOrg.TRADE_UNION
                if facts.trade_union_member
                else None
            )
        if (org is MassOrg.YOUTH_UNION and facts.youth_union_member) or (
            org is MassOrg.TRADE_UNION and facts.trade_union_member
        ):
            return org
    return None


def _admission(
    facts: CandidateFacts, vote_on: date | None, vote: Event | None, hypothetical: bool
) -> list[Finding]:
    rs = rule_set_on(vote_on) if vote_on is not None else latest_rule_set()
    out: list[Finding] = []
    at: dict[str, object] = (
        {"vote_on": _iso(vote_on), "hypothetical": hypothetical} if vote_on is not None else {}
    )

    # Age, counted in full months at the chi bộ vote.
    if facts.birth_date is None:
        out.append(_finding(Code.BIRTH_DATE_UNKNOWN, Severity.WARNING, rs.basis_age))
    elif vote_on is not None:
        months = full_months(facts.birth_date, vote_on)
        age = {"age_months": months, "age_years": months // 12, "age_rest_months": months % 12}
        if months < rs.min_age_months:
            out.append(
                _finding(
                    Code.AGE_UNDER_18,
                    Severity.ERROR,
                    rs.basis_age,
                    **at,
                    **age,
                    min_age_months=rs.min_age_months,
                    eligible_on=_iso(add_months(facts.birth_date, rs.min_age_months)),
                )
            )
        limit = add_months(facts.birth_date, rs.max_age_months)
        if vote_on > limit:
            out.append(
                _finding(
                    Code.AGE_OVER_60,
                    Severity.ERROR,
                    rs.basis_over_age,
                    **at,
                    **age,
                    max_age_months=rs.max_age_months,
                    limit_on=_iso(limit),
                )
            )

    # Education.
    if facts.education_grade is None:
        out.append(_finding(Code.EDUCATION_UNKNOWN, Severity.WARNING, rs.basis_education))
    elif facts.education_grade < rs.min_education_grade:
        out.append(
            _finding(
                Code.EDUCATION_BELOW_THCS,
                Severity.ERROR,
                rs.basis_education,
                grade=facts.education_grade,
                min_grade=rs.min_education_grade,
            )
        )

    # Awareness-class certificate: the newest issued on or before the vote.
    if vote_on is not None:
        issued = [c.issued_on for c in facts.certificates if c.kind == AWARENESS]
        issued += [e.on for e in facts.events if e.kind == EventKind.CERTIFICATE]
        usable = [d for d in issued if d <= vote_on]
        if not usable:
            out.append(
                _finding(Code.CERTIFICATE_MISSING, Severity.ERROR, rs.basis_certificate, **at)
            )
        else:
            newest = max(usable)
            expired_on = add_months(newest, rs.certificate_valid_months)
            if vote_on >= expired_on:
                out.append(
                    _finding(
                        Code.CERTIFICATE_EXPIRED,
                        Severity.ERROR,
                        rs.basis_certificate,
                        **at,
                        issued_on=_iso(newest),
                        expired_on=_iso(expired_on),
                        valid_months=rs.certificate_valid_months,
                    )
                )

    # Introducers: two official members, or a mass organisation's resolution plus one.
    route = _mass_org_route(facts, vote_on)
    needed = 1 if route is not None else 2
    found = len(facts.introducers)
    if found < needed:
        out.append(
            _finding(
                Code.INTRODUCERS_MISSING,
                Severity.ERROR,
                rs.basis_introducers,
                variant=route.value if route is not None else "members",
                needed=needed,
                found=found,
            )
        )
    for introducer in facts.introducers:
        late = (
            vote_on is not None
            and introducer.official_on is not None
            and introducer.official_on > vote_on
        )
        if introducer.status is MemberStatus.PROBATIONARY or late:
            out.append(
                _finding(
                    Code.INTRODUCER_NOT_OFFICIAL,
                    Severity.ERROR,
                    rs.basis_introducer_official,
                    **at,
                    name=introducer.name,
                    official_on=_iso(introducer.official_on) if introducer.official_on else "",
                )
            )
        if vote_on is None or introducer.replacement:
            continue  # a replacement introducer is exempt from the 12 months (24-QĐ/TW 3.2.2)
        known = [d for d in (introducer.joined_cell_on, facts.joined_unit_on) if d is not None]
        if not known:
            out.append(
                _finding(
                    Code.INTRODUCER_PERIOD_UNKNOWN,
                    Severity.WARNING,
                    rs.basis_introducer_period,
                    name=introducer.name,
                    required_months=rs.introducer_months,
                )
            )
            continue
        since = max(known)
        months = full_months(since, vote_on)
        if months < rs.introducer_months:
            out.append(
                _finding(
                    Code.INTRODUCER_TOO_SHORT,
                    Severity.ERROR,
                    rs.basis_introducer_period,
                    **at,
                    name=introducer.name,
                    months=max(months, 0),
                    since=_iso(since),
                    required_months=rs.introducer_months,
                    enough_on=_iso(add_months(since, rs.introducer_months)),
                )
            )

    # The chi bộ vote: at least 2/3 of all its official members.
    if vote is not None:
        vote_rs = rule_set_on(vote.on)
        out += _vote_findings(vote, Code.VOTE_BELOW_TWO_THIRDS, vote_rs, vote_rs.basis_vote)

    # Papers older than 12 months at the vote must be redone.
    if vote_on is not None:
        papers: list[tuple[str, date, Severity, str]] = []
        for kind, severity in _DOSSIER_PAPERS:
            event = _latest(facts.events, kind, vote_on)
            if event is not None:
                papers.append((kind.value, event.on, severity, ""))
        for introducer in facts.introducers:
            if introducer.assigned_on is not None and introducer.assigned_on <= vote_on:
                papers.append(
                    ("introducer", introducer.assigned_on, Severity.ERROR, introducer.name)
                )
        for paper, paper_on, severity, name in papers:
            valid_until = add_months(paper_on, rs.dossier_valid_months)
            if vote_on > valid_until:
                out.append(
                    _finding(
                        Code.DOSSIER_STALE,
                        severity,
                        rs.basis_dossier,
                        **at,
                        variant=paper,
                        paper=paper,
                        paper_on=_iso(paper_on),
                        valid_until=_iso(valid_until),
                        valid_months=rs.dossier_valid_months,
                        name=name,
                    )
                )
    return out


def check_admission(facts: CandidateFacts, vote_on: date | None = None) -> list[Finding]:
    """The eligibility checks at the chi bộ admission vote.

    The date is `vote_on` when given (the caller checks "as if voting on" that day, e.g. before
    recording a vote), else the date of the latest CELL_VOTE. Without either, only the checks
    that need no date are made (education, number and status of introducers, missing data),
    under the latest rule set. The vote counts are checked on the latest CELL_VOTE on or before
    the date.
    """
    vote = _latest(facts.events, EventKind.CELL_VOTE, vote_on)
    if vote_on is None and vote is not None:
        vote_on = vote.on
    return _admission(facts, vote_on, vote, hypothetical=False)


def check_recognition(facts: CandidateFacts) -> list[Finding]:
    """The chi bộ recognition vote: 2/3 of all official members, and not before probation ends
    (the latter from local guidance only, so a warning)."""
    vote = facts.last(EventKind.RECOGNITION_VOTE)
    if vote is None:
        return []
    rs = rule_set_on(vote.on)
    out = _vote_findings(
        vote, Code.RECOGNITION_VOTE_BELOW_TWO_THIRDS, rs, rs.basis_recognition_vote
    )
    end = probation_end(facts)
    if end is not None and vote.on < end:
        out.append(
            _finding(
                Code.RECOGNITION_VOTE_EARLY,
                Severity.WARNING,
                rs.basis_probation,
                vote_on=_iso(vote.on),
                probation_end=_iso(end),
                probation_months=rs.probation_months,
            )
        )
    return out


def _class_warnings(facts: CandidateFacts, on: date) -> list[Finding]:
    """Ahead-of-time warnings about the two classes: an awareness certificate about to lapse
    before any vote, and a probation ending without the new-member class."""
    rs = rule_set_on(on)
    out: list[Finding] = []
    awareness = [c.issued_on for c in facts.certificates if c.kind == "awareness"]
    if facts.last(EventKind.CELL_VOTE) is None and awareness:
        newest = max(awareness)
        expires = add_months(newest, rs.certificate_valid_months)
        # Already lapsed is CERTIFICATE_EXPIRED (a pre-vote code); this is the lead-up to it.
        if on < expires <= add_months(on, rs.certificate_warning_months):
            out.append(
                _finding(
                    Code.CERTIFICATE_EXPIRING,
                    Severity.WARNING,
                    rs.basis_certificate,
                    issued_on=_iso(newest),
                    expired_on=_iso(expires),
                    valid_months=rs.certificate_valid_months,
                )
            )
    ends = probation_end(facts)
    in_probation = ends is not None and facts.last(EventKind.RECOGNITION_DECISION) is None
    has_class = any(c.kind == "new_member" for c in facts.certificates)
    soon = ends is not None and ends <= add_months(on, rs.new_member_class_warning_months)
    if in_probation and not has_class and soon and ends is not None:
        out.append(
            _finding(
                Code.NEW_MEMBER_CLASS_MISSING,
                Severity.WARNING,
                rs.basis_recognition_review,
                limit_on=_iso(ends),
            )
        )
    return out


def check(facts: CandidateFacts, on: date, calendar: WorkCalendar) -> list[Finding]:
    """Everything that applies to the person on `on`.

    - Nothing for a person who has left (removed, not admitted, struck off).
    - Once a chi bộ vote exists: the admission checks at that vote (they stay on file, since
      an inspection looks at how the person was admitted).
    - Before a vote: the admission checks as if voting on `on`, keeping only PRE_VOTE_CODES,
      all as warnings (nothing is being decided yet; the errors come when the vote is recorded).
    - The recognition checks once a recognition vote exists.
    - One finding per deadline whose due day is before `on`.
    """
    if has_exited(facts.events):
        return []
    out: list[Finding] = []
    if facts.last(EventKind.CELL_VOTE) is not None:
        out += check_admission(facts)
    else:
        out += [
            replace(f, severity=Severity.WARNING)
            for f in _admission(facts, on, None, hypothetical=True)
            if f.code in PRE_VOTE_CODES
        ]
    out += check_recognition(facts)
    out += _class_warnings(facts, on)
    for deadline in open_deadlines(facts, calendar):
        if deadline.overdue_code is None or on <= deadline.due:
            continue
        out.append(
            Finding(
                deadline.overdue_code,
                _OVERDUE_SEVERITY.get(deadline.overdue_code, Severity.WARNING),
                deadline.basis,
                {
                    "kind": deadline.kind.value,
                    "start": _iso(deadline.start),
                    "due": _iso(deadline.due),
                    "working_days": deadline.working_days,
                    "days_overdue": (on - deadline.due).days,
                    "working_days_overdue": calendar.working_days_between(deadline.due, on),
                },
            )
        )
    return out
