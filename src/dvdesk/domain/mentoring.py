"""Who may introduce or help whom: the eligibility of a Party member for an assignment.

Pure: services fill in `MentorFacts` and show the findings. For an introducer the findings use
the codes of the rules engine (INTRODUCER_*), so the candidate's checks and the Mentors tab speak
the same words; for a helper they use HELPER_* codes with their own sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dvdesk.domain.dates import add_months, full_months
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.messages import _fill, _index, finding_message, format_day
from dvdesk.domain.rules import Code
from dvdesk.domain.rulesets import rule_set_on
from dvdesk.domain.text import nfc


class Role(StrEnum):
    INTRODUCER = "introducer"
    HELPER = "helper"


class MentorCode(StrEnum):
    HELPER_NOT_OFFICIAL = "HELPER_NOT_OFFICIAL"
    HELPER_TOO_SHORT = "HELPER_TOO_SHORT"
    HELPER_PERIOD_UNKNOWN = "HELPER_PERIOD_UNKNOWN"
    MENTOR_OTHER_UNIT = "MENTOR_OTHER_UNIT"
    MENTOR_UNIT_UNKNOWN = "MENTOR_UNIT_UNKNOWN"


# The 12-month rule binds introducers (24-QĐ/TW 3.2.1); for a helper the chi bộ's choice is
# only advised by it, so the finding informs instead of blocking.
HELPER_PERIOD_SEVERITY = Severity.WARNING

_BASIS_UNIT = "Điều lệ Đảng, Điều 4; Quy định 24-QĐ/TW, điểm 3.2.1"
_BASIS_HELPER = "Hướng dẫn 01-HD/TW, điểm 3.1 (đảng viên chính thức giúp đỡ)"


@dataclass(frozen=True)
class MentorFacts:
    """The member and the person, as the eligibility check needs them, on the day `on`."""

    name: str
    status: str  # "official" or "probationary"
    official_on: date | None
    member_joined_cell_on: date | None
    member_unit_id: str | None
    person_joined_unit_on: date | None
    person_unit_id: str | None
    on: date
    role: Role
    replacement: bool = False  # replaces an introducer who left: 12-month rule waived


def is_official_on(status: str, official_on: date | None, on: date) -> bool:
    """Official on `on`: recorded official, and (when the date is known) recognised by then."""
    return status == "official" and (official_on is None or official_on <= on)


def working_since(facts: MentorFacts) -> date | None:
    """The day the two began working together: the later of the two joining dates known."""
    known = [d for d in (facts.member_joined_cell_on, facts.person_joined_unit_on) if d]
    return max(known) if known else None


def check_eligibility(facts: MentorFacts) -> list[Finding]:
    """Official on the day, 12 full months together (unless a replacement), same unit."""
    rs = rule_set_on(facts.on)
    introducer = facts.role is Role.INTRODUCER
    out: list[Finding] = []
    at: dict[str, object] = {"vote_on": facts.on.isoformat(), "hypothetical": True}
    params: dict[str, object] = {**at, "name": facts.name}
    if not is_official_on(facts.status, facts.official_on, facts.on):
        official = {"official_on": facts.official_on.isoformat() if facts.official_on else ""}
        out.append(
            Finding(
                Code.INTRODUCER_NOT_OFFICIAL if introducer else MentorCode.HELPER_NOT_OFFICIAL,
                Severity.ERROR,
                rs.basis_introducer_official if introducer else _BASIS_HELPER,
                {**params, **official},
            )
        )
    if not (introducer and facts.replacement):
        period_severity = Severity.ERROR if introducer else HELPER_PERIOD_SEVERITY
        since = working_since(facts)
        if since is None:
            out.append(
                Finding(
                    Code.INTRODUCER_PERIOD_UNKNOWN
                    if introducer
                    else MentorCode.HELPER_PERIOD_UNKNOWN,
                    Severity.WARNING,
                    rs.basis_introducer_period,
                    {**params, "required_months": rs.introducer_months},
                )
            )
        else:
            months = full_months(since, facts.on)
            if months < rs.introducer_months:
                out.append(
                    Finding(
                        Code.INTRODUCER_TOO_SHORT if introducer else MentorCode.HELPER_TOO_SHORT,
                        period_severity,
                        rs.basis_introducer_period,
                        {
                            **params,
                            "months": max(months, 0),
                            "since": since.isoformat(),
                            "required_months": rs.introducer_months,
                            "enough_on": add_months(since, rs.introducer_months).isoformat(),
                        },
                    )
                )
    if facts.member_unit_id is None or facts.person_unit_id is None:
        out.append(Finding(MentorCode.MENTOR_UNIT_UNKNOWN, Severity.WARNING, _BASIS_UNIT, params))
    elif facts.member_unit_id != facts.person_unit_id:
        out.append(Finding(MentorCode.MENTOR_OTHER_UNIT, Severity.ERROR, _BASIS_UNIT, params))
    return out


_TEMPLATES: dict[str, tuple[str, str]] = {
    MentorCode.HELPER_NOT_OFFICIAL: (
        "Người giúp đỡ {name} chưa là đảng viên chính thức{at}{official_note}.",
        "Helper {name} is not an official Party member{at}{official_note}.",
    ),
    MentorCode.HELPER_TOO_SHORT: (
        "Người giúp đỡ {name} mới cùng công tác với người được giúp đỡ {months} tháng (tính từ "
        "ngày {since}), chưa đủ {required_months} tháng{at}; đủ vào ngày {enough_on}.",
        "Helper {name} has worked alongside the person for only {months} months (since "
        "{since}), short of {required_months}{at}; reached on {enough_on}.",
    ),
    MentorCode.HELPER_PERIOD_UNKNOWN: (
        "Chưa rõ người giúp đỡ {name} cùng công tác với người được giúp đỡ từ ngày nào.",
        "It is not recorded since when helper {name} has worked alongside the person.",
    ),
    MentorCode.MENTOR_OTHER_UNIT: (
        "Đảng viên {name} không cùng đơn vị với người được giới thiệu, giúp đỡ.",
        "Party member {name} is not in the same unit as the person.",
    ),
    MentorCode.MENTOR_UNIT_UNKNOWN: (
        "Chưa rõ đảng viên {name} và người được giới thiệu, giúp đỡ có cùng đơn vị hay không.",
        "It is not recorded whether Party member {name} and the person are in the same unit.",
    ),
}


def mentoring_message(finding: Finding, lang: str = "vi") -> str:
    """The finding as one sentence: mentoring codes here, rule codes through `messages`."""
    templates = _TEMPLATES.get(finding.code)
    if templates is None:
        return finding_message(finding, lang)
    return nfc(templates[_index(lang)].format_map(_fill(finding.params, lang)))


class WarningCode(StrEnum):
    CANDIDATE_NO_HELPER = "CANDIDATE_NO_HELPER"
    PROBATIONER_NO_HELPER = "PROBATIONER_NO_HELPER"
    MENTOR_LEFT = "MENTOR_LEFT"


_WARNING_TEMPLATES: dict[str, tuple[str, str]] = {
    WarningCode.CANDIDATE_NO_HELPER: (
        "{person} chưa có đảng viên giúp đỡ.",
        "{person} has no helper.",
    ),
    WarningCode.PROBATIONER_NO_HELPER: (
        "Đảng viên dự bị {person} chưa có đảng viên giúp đỡ.",
        "Probationary member {person} has no helper.",
    ),
    WarningCode.MENTOR_LEFT: (
        "{member} ({role}) của {person} đã rời chi bộ ngày {left_on}.",
        "{member} ({role}) of {person} left the Party cell on {left_on}.",
    ),
}

_ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.INTRODUCER: ("người giới thiệu", "introducer"),
    Role.HELPER: ("người giúp đỡ", "helper"),
}


def role_label(role: Role, lang: str = "vi") -> str:
    return _ROLE_LABELS[role][_index(lang)]


def warning_message(code: WarningCode, params: dict[str, object], lang: str = "vi") -> str:
    filled = _fill(params, lang)
    role = params.get("role")
    if isinstance(role, str) and role:
        filled["role"] = role_label(Role(role), lang)
    left_on = params.get("left_on")
    if isinstance(left_on, date):
        filled["left_on"] = format_day(left_on, lang)
    return nfc(_WARNING_TEMPLATES[code][_index(lang)].format_map(filled))
