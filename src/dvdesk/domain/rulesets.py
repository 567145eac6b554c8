"""Versioned rule sets: the numbers the rules use and the legal basis each finding cites.

The set in force on the date of an act applies to that act. Section numbers are cited only where
the research (research/domain.md §1) saw them; elsewhere the document and the Charter article are
cited. Acts from 20/01/2025 to 30/06/2025 fell under Quy định 232-QĐ/TW, which kept the numbers
and the item structure of 24-QĐ/TW (research/domain.md §0, §1.3): they get a set of their own, the
2021 numbers citing 232-QĐ/TW, so a finding never cites a text that was no longer in force.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date


@dataclass(frozen=True)
class RuleSet:
    key: str  # "2021", "2025-01", "2025"; stored with findings and exchanged
    name: str  # the texts the set follows, for display
    effective_from: date

    # Legal basis texts, cited in findings.
    basis_age: str
    basis_over_age: str
    basis_education: str
    basis_certificate: str
    basis_introducers: str
    basis_introducer_official: str
    basis_introducer_period: str
    basis_vote: str
    basis_dossier: str
    basis_decision: str
    basis_ceremony: str
    basis_probation: str
    basis_recognition_review: str
    basis_recognition_vote: str
    basis_recognition_decision: str

    # Parameters.
    min_age_months: int = 216  # full 18 years, counted in months, at the chi bộ vote
    max_age_months: int = 720  # full 60 years: the vote must not fall after the 60th birthday
    min_education_grade: int = 9  # lower-secondary graduation (tốt nghiệp THCS)
    certificate_valid_months: int = 60  # awareness-class certificate
    # Warn this many months before a not-yet-voted person's certificate lapses (dvdesk's own
    # lead time, not a Party rule).
    certificate_warning_months: int = 6
    # Warn this many months before probation ends when the new-member class is not passed: its
    # certificate belongs in the recognition dossier (01-HD/TW §4), dvdesk's lead time.
    new_member_class_warning_months: int = 2
    introducer_months: int = 12  # introducer has worked/studied/lived with the applicant
    vote_numerator: int = 2  # at least 2/3 of all official members of the chi bộ
    vote_denominator: int = 3
    dossier_valid_months: int = 12  # papers older than this at the vote must be redone
    decision_working_days: int = 60  # decision after the chi bộ resolution
    decision_extension_working_days: int = 30  # special extension, at most
    ceremony_working_days: int = 30  # ceremony after the decision is received
    probation_months: int = 12  # from the ceremony
    recognition_review_working_days: int = 30  # chi bộ review after probation ends
    recognition_decision_working_days: int = 30  # decision after the chi bộ resolution
    recognition_extension_working_days: int = 30

    def vote_passes(self, votes_for: int, official_members: int) -> bool:
        """At least numerator/denominator of all official members, in whole numbers."""
        return votes_for * self.vote_denominator >= official_members * self.vote_numerator

    def votes_needed(self, official_members: int) -> int:
        """The smallest number of votes that passes: ceil(official * 2 / 3)."""
        return -(-official_members * self.vote_numerator // self.vote_denominator)


_QD24 = "Quy định 24-QĐ/TW ngày 30/7/2021"
_HD01 = "Hướng dẫn 01-HD/TW ngày 28/9/2021"
_QD294 = "Quy định 294-QĐ/TW ngày 26/5/2025"
_HD06 = "Hướng dẫn 06-HD/TW ngày 09/6/2025"

RULES_2021 = RuleSet(
    key="2021",
    name=f"{_QD24}; {_HD01}",
    effective_from=date(2021, 7, 30),
    basis_age=f"Điều lệ Đảng, Điều 1; {_QD24}, điểm 1.1.1",
    basis_over_age=f"{_QD24}, điểm 1.1.1; {_HD01}, điểm 1.1",
    basis_education=f"{_QD24}, điểm 1.1; {_HD01}, điểm 1.2",
    basis_certificate=_HD01,
    basis_introducers=f"Điều lệ Đảng, Điều 4, khoản 1; {_QD24}, điểm 3.1",
    basis_introducer_official=f"Điều lệ Đảng, Điều 4; {_QD24}, điểm 3.2.1",
    basis_introducer_period=f"{_QD24}, điểm 3.2.1 và 3.2.2",
    basis_vote=f"Điều lệ Đảng, Điều 4, khoản 3; {_HD01}, điểm 3.6",
    basis_dossier=_HD01,
    basis_decision=f"Điều lệ Đảng, Điều 4; {_QD24}",
    basis_ceremony=f"Điều lệ Đảng, Điều 4; {_QD24}; {_HD01}, điểm 3.8",
    basis_probation="Điều lệ Đảng, Điều 5",
    basis_recognition_review=f"Điều lệ Đảng, Điều 5; {_QD24}",
    basis_recognition_vote=f"Điều lệ Đảng, Điều 5; {_HD01}",
    basis_recognition_decision=f"Điều lệ Đảng, Điều 5; {_QD24}",
)

_QD232 = "Quy định 232-QĐ/TW ngày 20/01/2025"

RULES_2025_JAN = replace(
    RULES_2021,
    key="2025-01",
    name=f"{_QD232}; {_HD01}",
    effective_from=date(2025, 1, 20),
    **{
        f.name: getattr(RULES_2021, f.name).replace(_QD24, _QD232)
        for f in fields(RuleSet)
        if f.name.startswith("basis_")
    },
)

RULES_2025 = RuleSet(
    key="2025",
    name=f"{_QD294}; {_HD06}",
    effective_from=date(2025, 7, 1),
    basis_age=f"Điều lệ Đảng, Điều 1; {_QD294}",
    basis_over_age=f"{_QD294}; {_HD06}",
    basis_education=f"Điều lệ Đảng, Điều 1; {_QD294}; {_HD06}",
    basis_certificate=_HD06,
    basis_introducers=f"Điều lệ Đảng, Điều 4, khoản 1; {_QD294}",
    basis_introducer_official=f"Điều lệ Đảng, Điều 4; {_QD294}",
    basis_introducer_period=f"Điều lệ Đảng, Điều 4; {_QD294}",
    basis_vote=f"Điều lệ Đảng, Điều 4, khoản 3; {_HD06}",
    basis_dossier=_HD06,
    basis_decision=f"Điều lệ Đảng, Điều 4; {_QD294}",
    basis_ceremony=f"Điều lệ Đảng, Điều 4; {_QD294}; {_HD06}",
    basis_probation="Điều lệ Đảng, Điều 5",
    basis_recognition_review=f"Điều lệ Đảng, Điều 5; {_QD294}",
    basis_recognition_vote=f"Điều lệ Đảng, Điều 5; {_HD06}",
    basis_recognition_decision=f"Điều lệ Đảng, Điều 5; {_QD294}",
)

# Oldest first.
RULE_SETS: tuple[RuleSet, ...] = (RULES_2021, RULES_2025_JAN, RULES_2025)


def rule_set_on(day: date) -> RuleSet:
    """The set in force on `day`; days before the oldest set fall back to the oldest set."""
    current = RULE_SETS[0]
    for rule_set in RULE_SETS:
        if rule_set.effective_from <= day:
            current = rule_set
    return current


def rule_set(key: str) -> RuleSet:
    """The set with this key; KeyError names the unknown key."""
    for candidate in RULE_SETS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"no rule set {key!r}")


def latest_rule_set() -> RuleSet:
    return RULE_SETS[-1]
