"""Pure rules of the two kinds of class: who may be sent to which, the yearly plan by quarter,
certificate numbering and validity, and when a class-related warning is due.

The awareness class (lớp bồi dưỡng nhận thức về Đảng) is for sympathisers; its certificate is
valid `RuleSet.certificate_valid_months` (60). The political-theory class for new members (lớp
bồi dưỡng lý luận chính trị cho đảng viên mới) is for probationary members.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dvdesk.domain.dates import add_months
from dvdesk.domain.pipeline import Stage

AWARENESS = "awareness"
NEW_MEMBER = "new_member"
CLASS_KINDS: tuple[str, ...] = (AWARENESS, NEW_MEMBER)

NOMINATED = "nominated"
ENROLLED = "enrolled"
PASSED = "passed"
FAILED = "failed"
WITHDRAWN = "withdrawn"
ENROLMENT_STATUSES: tuple[str, ...] = (NOMINATED, ENROLLED, PASSED, FAILED, WITHDRAWN)
# Statuses that hold a seat in the class.
SEATED: tuple[str, ...] = (ENROLLED, PASSED, FAILED)

_KIND_LABELS = {
    AWARENESS: ("lớp bồi dưỡng nhận thức về Đảng", "awareness class"),
    NEW_MEMBER: ("lớp bồi dưỡng lý luận chính trị cho đảng viên mới", "new-member class"),
}
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def kind_label(kind: str, lang: str = "vi") -> str:
    vi, en = _KIND_LABELS.get(kind, (kind, kind))
    return vi if lang == "vi" else en


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


# --- who may be sent --------------------------------------------------------------------------

# Past the sympathiser stage but not yet admitted: may need the awareness class again.
_AWARENESS_LATER = frozenset({Stage.TRAINED, Stage.DOSSIER, Stage.PROPOSED})


def awareness_eligible(stage: Stage, has_valid_certificate: bool) -> bool:
    """A sympathiser; or someone further on (trained, dossier, proposed) whose certificate is
    missing or no longer valid."""
    if stage is Stage.SYMPATHISER:
        return True
    return stage in _AWARENESS_LATER and not has_valid_certificate


def new_member_eligible(stage: Stage) -> bool:
    """Only probationary members (ceremony held, not yet proposed for recognition)."""
    return stage is Stage.PROBATION


def may_attend(kind: str, stage: Stage, has_valid_certificate: bool) -> bool:
    if kind == AWARENESS:
        return awareness_eligible(stage, has_valid_certificate)
    return new_member_eligible(stage)


# --- certificates ------------------------------------------------------------------------------


def certificate_expires(issued_on: date, valid_months: int) -> date:
    """The first day the certificate is no longer valid (as rules.CERTIFICATE_EXPIRED counts:
    a vote on or after this day is too late)."""
    return add_months(issued_on, valid_months)


def certificate_valid_on(issued_on: date | None, on: date, valid_months: int) -> bool:
    return issued_on is not None and issued_on <= on < certificate_expires(issued_on, valid_months)


EXPIRED = "expired"  # already expired on the day looked at
EXPIRING = "expiring"  # expires within the look-ahead window
BEFORE_VOTE = "before_vote"  # expires on or before the planned vote


def expiry_warning(
    issued_on: date,
    on: date,
    months_ahead: int,
    valid_months: int,
    planned_vote: date | None = None,
) -> str | None:
    """Why a not-yet-voted person's newest awareness certificate needs attention, or None.

    EXPIRED when it is no longer valid on `on`; BEFORE_VOTE when the planned vote falls on or
    after the expiry; EXPIRING when it expires on or before `on` + `months_ahead` months."""
    expires = certificate_expires(issued_on, valid_months)
    if expires <= on:
        return EXPIRED
    if planned_vote is not None and planned_vote >= expires:
        return BEFORE_VOTE
    if expires <= add_months(on, months_ahead):
        return EXPIRING
    return None


def probation_alert(probation_end: date, on: date, months_ahead: int) -> bool:
    """The end of probation is on or before `on` + `months_ahead` months (already past too)."""
    return probation_end <= add_months(on, months_ahead)


def certificate_number(pattern: str, n: int) -> str:
    """The number for the n-th certificate. `pattern` holds "{n}" (with a format spec if wanted,
    "{n:03d}"); without it the number is appended to the pattern as a prefix:
    "{n}/CN-ĐU" -> "12/CN-ĐU", "CN-" -> "CN-12". ValueError on a malformed pattern."""
    if "{" not in pattern:
        return f"{pattern}{n}"
    try:
        return pattern.format(n=n)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValueError(f"bad certificate number pattern {pattern!r}: {exc}") from None


def certificate_numbers(pattern: str, first: int, count: int) -> list[str]:
    return [certificate_number(pattern, n) for n in range(first, first + count)]


# --- the yearly plan ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanTarget:
    """How many classes of a kind a year should have, and in which quarters."""

    kind: str
    min_count: int
    max_count: int
    quarters: tuple[int, ...]


# The founding plan: 3-4 awareness classes in quarters I, III, IV; 2-3 new-member classes in
# quarters II, III.
FOUNDING_PLAN: tuple[PlanTarget, ...] = (
    PlanTarget(AWARENESS, 3, 4, (1, 3, 4)),
    PlanTarget(NEW_MEMBER, 2, 3, (2, 3)),
)

TOO_FEW = "TOO_FEW"
TOO_MANY = "TOO_MANY"
OFF_PLAN_QUARTER = "OFF_PLAN_QUARTER"  # a class in a quarter the plan does not name
QUARTER_EMPTY = "QUARTER_EMPTY"  # a quarter the plan names has no class of the kind
NO_QUARTER = "NO_QUARTER"  # a class without a quarter


@dataclass(frozen=True)
class PlanNote:
    code: str
    kind: str
    count: int = 0  # classes of the kind (TOO_FEW/TOO_MANY) or in the quarter
    quarter: int | None = None
    min_count: int = 0
    max_count: int = 0


def check_year_plan(
    classes: Iterable[tuple[str, int | None]], plan: Iterable[PlanTarget] = FOUNDING_PLAN
) -> list[PlanNote]:
    """Notes comparing a year's classes, as (kind, quarter), with the plan. Empty: as planned."""
    items = list(classes)
    notes: list[PlanNote] = []
    for target in plan:
        quarters = [q for k, q in items if k == target.kind]
        count = len(quarters)
        if count < target.min_count:
            notes.append(PlanNote(TOO_FEW, target.kind, count, None, *_range(target)))
        elif count > target.max_count:
            notes.append(PlanNote(TOO_MANY, target.kind, count, None, *_range(target)))
        per_quarter = Counter(q for q in quarters if q is not None)
        for quarter in sorted(per_quarter):
            if quarter not in target.quarters:
                notes.append(PlanNote(OFF_PLAN_QUARTER, target.kind, per_quarter[quarter], quarter))
        for quarter in target.quarters:
            if per_quarter[quarter] == 0:
                notes.append(PlanNote(QUARTER_EMPTY, target.kind, 0, quarter))
        missing = quarters.count(None)
        if missing:
            notes.append(PlanNote(NO_QUARTER, target.kind, missing))
    return notes


def _range(target: PlanTarget) -> tuple[int, int]:
    return target.min_count, target.max_count


_NOTE_TEMPLATES: dict[str, tuple[str, str]] = {
    TOO_FEW: (
        "Mới có {count} {kind} trong năm; kế hoạch là {min_count}–{max_count} lớp.",
        "Only {count} {kind}(es) this year; the plan is {min_count}–{max_count}.",
    ),
    TOO_MANY: (
        "Có {count} {kind} trong năm, nhiều hơn kế hoạch {min_count}–{max_count} lớp.",
        "{count} {kind}(es) this year, more than the planned {min_count}–{max_count}.",
    ),
    OFF_PLAN_QUARTER: (
        "Quý {quarter} có {count} {kind}, ngoài các quý theo kế hoạch.",
        "Quarter {quarter} has {count} {kind}(es), outside the planned quarters.",
    ),
    QUARTER_EMPTY: (
        "Quý {quarter} chưa có {kind} theo kế hoạch.",
        "Quarter {quarter} has no {kind} yet, as the plan expects.",
    ),
    NO_QUARTER: (
        "{count} {kind} chưa ghi quý.",
        "{count} {kind}(es) without a quarter.",
    ),
}


def plan_note_message(note: PlanNote, lang: str = "vi") -> str:
    vi, en = _NOTE_TEMPLATES[note.code]
    return (vi if lang == "vi" else en).format(
        count=note.count,
        kind=kind_label(note.kind, lang),
        quarter=_ROMAN.get(note.quarter or 0, str(note.quarter)),
        min_count=note.min_count,
        max_count=note.max_count,
    )
