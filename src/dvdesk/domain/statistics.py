"""The numbers of the half-year and year reports (sơ kết 6 tháng, tổng kết năm), computed in one
pass over plain records. Pure: no database, no Qt.

Definitions (domain research §5; the choices marked (U) are ours where the sources say nothing):

- *Admitted in the period*: people whose admission ceremony (the day of joining, ngày kết nạp)
  falls in the period, both ends included. The decision date does not count: a person decided
  in December and admitted in January counts in January.
- Youth Union share: `youth_union_member` among the admitted, as recorded on the person.
- Age group: full years at the ceremony; 18–30 inclusive ("Từ 18 đến 30 tuổi") or over 30
  ("Trên 30 tuổi"); under 18 and unknown are shown only when they occur.
- Education (U): grade 12 → "Trung học phổ thông", grade 9 → "Trung học cơ sở", anything else as
  written (e.g. "10/10"), empty → "Khác".
- Ethnicity: "Kinh" against "Dân tộc thiểu số" (every other written value), plus each value.
  Religion: "Không" or empty means none; anything else is a believer, plus each religion.
- Recognised: recognition decision in the period. Struck off: struck from the probationary
  list in the period. Sympathisers added / removed: listed / removed in the period.
- Classes held: classes whose last day falls in the period, by kind, with the people who sat
  them (enrolment enrolled, passed or failed, or a certificate issued by the class) and passed
  them (enrolment passed, or a certificate from the class).
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dvdesk.domain.text import fold

LABEL_YOUTH = "Đoàn viên TNCS Hồ Chí Minh"
LABEL_NOT_YOUTH = "Không phải đoàn viên"
LABEL_MALE = "Nam"
LABEL_FEMALE = "Nữ"
LABEL_UNKNOWN = "Không rõ"
LABEL_KINH = "Kinh"
LABEL_MINORITY = "Dân tộc thiểu số"
LABEL_NO_RELIGION = "Không theo tôn giáo"
LABEL_BELIEVER = "Có đạo (theo tôn giáo)"
LABEL_AGE_YOUNG = "Từ 18 đến 30 tuổi"
LABEL_AGE_OLDER = "Trên 30 tuổi"
LABEL_AGE_UNDER = "Dưới 18 tuổi"
LABEL_THCS = "Trung học cơ sở"
LABEL_THPT = "Trung học phổ thông"
LABEL_OTHER = "Khác"

AWARENESS = "awareness"
NEW_MEMBER = "new_member"

_LAST = frozenset({LABEL_UNKNOWN, LABEL_OTHER})
_NO_RELIGION = frozenset({"", "không", "khong", "không có", "không theo tôn giáo"})


@dataclass(frozen=True)
class Period:
    """A reporting period, both ends included."""

    start: date
    end: date
    label: str  # "6 tháng đầu năm 2026", "năm 2026"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def year(self) -> int:
        return self.start.year

    @classmethod
    def half_year(cls, year: int) -> Period:
        """1 January to 30 June."""
        return cls(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")

    @classmethod
    def whole_year(cls, year: int) -> Period:
        """1 January to 31 December."""
        return cls(date(year, 1, 1), date(year, 12, 31), f"năm {year}")


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """What the report needs of one person. Event dates are the first of that kind in the
    window the caller loaded (None: no such act there)."""

    id: str
    unit_id: str | None
    sex: str = ""  # "nam" / "nu"
    birth_date: date | None = None
    ethnicity: str = ""
    religion: str = ""
    education: str = ""  # as written, "12/12"
    education_grade: int | None = None
    occupation: str = ""
    youth_union_member: bool = False
    ceremony_on: date | None = None
    recognised_on: date | None = None  # recognition decision
    struck_off_on: date | None = None
    listed_on: date | None = None  # entered the sympathiser list
    removed_on: date | None = None  # removed from the sympathiser list


@dataclass(frozen=True, slots=True)
class ClassRecord:
    """A class with its enrolments counted over the people in scope."""

    id: str
    kind: str  # "awareness" / "new_member"
    name: str
    start_date: date | None
    end_date: date | None
    enrolled: int  # sat the class: enrolled, passed or failed, or holds its certificate
    passed: int


@dataclass(frozen=True)
class Targets:
    """The plan's numbers the figures are measured against (all zero: no plan)."""

    admit: int = 0
    youth_union_share: int = 0  # percent of admissions
    awareness_trainees: int = 0
    new_member_trainees: int = 0
    awareness_classes_min: int = 0
    awareness_classes_max: int = 0
    new_member_classes_min: int = 0
    new_member_classes_max: int = 0
    per_unit: Mapping[str, int] = field(default_factory=dict)  # unit id → admissions

    @property
    def youth_union_admit(self) -> int:
        """The admissions the Youth Union share means (rounded up: 70% of 200 → 140)."""
        return -(-self.admit * self.youth_union_share // 100)


Breakdown = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ClassSummary:
    kind: str
    held: int
    enrolled: int
    passed: int
    classes: tuple[ClassRecord, ...]


@dataclass(frozen=True)
class UnitFigures:
    unit_id: str
    admitted: int
    target: int
    youth_union: int
    recognised: int
    struck_off: int
    sympathisers_added: int
    sympathisers_removed: int

    @property
    def achieved(self) -> float | None:
        """Admitted over the target (None when no target)."""
        return self.admitted / self.target if self.target else None


@dataclass(frozen=True)
class ReportFigures:
    period: Period
    admitted: int
    target: int  # the year's admission target
    youth_union: int  # admitted who were Youth Union members
    youth_union_target: int  # admissions the plan's Youth Union share means
    women: int
    ethnic_minority: int
    believers: int
    aged_18_30: int
    average_age: float | None  # at the ceremony; None when nobody was admitted or no birth dates
    by_youth_union: Breakdown
    by_sex: Breakdown
    by_ethnicity_group: Breakdown  # Kinh / Dân tộc thiểu số
    by_ethnicity: Breakdown  # each written value
    by_religion_group: Breakdown  # none / believers
    by_religion: Breakdown  # each believers' religion
    by_age_group: Breakdown
    by_education: Breakdown
    by_occupation: Breakdown
    admitted_by_month: tuple[int, ...]  # 12 numbers, January first (months outside: 0)
    recognised: int
    struck_off: int
    sympathisers_added: int
    sympathisers_removed: int
    awareness: ClassSummary
    new_member: ClassSummary
    per_unit: tuple[UnitFigures, ...]  # units with any figure or a target, by unit id order given
    awareness_trainees_target: int = 0
    new_member_trainees_target: int = 0

    def share(self, part: int) -> float:
        """part / admitted (0.0 when nobody was admitted)."""
        return part / self.admitted if self.admitted else 0.0

    @property
    def youth_union_share(self) -> float:
        return self.share(self.youth_union)

    @property
    def women_share(self) -> float:
        return self.share(self.women)

    @property
    def ethnic_minority_share(self) -> float:
        return self.share(self.ethnic_minority)

    @property
    def believers_share(self) -> float:
        return self.share(self.believers)

    @property
    def aged_18_30_share(self) -> float:
        return self.share(self.aged_18_30)

    @property
    def achieved(self) -> float | None:
        """Admitted over the year's target (None when there is no target)."""
        return self.admitted / self.target if self.target else None


def age_on(birth: date, day: date) -> int:
    """Full years on `day` (a 29 February birthday is reached on 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_group(birth: date | None, day: date) -> str:
    if birth is None:
        return LABEL_UNKNOWN
    age = age_on(birth, day)
    if age < 18:
        return LABEL_AGE_UNDER
    return LABEL_AGE_YOUNG if age <= 30 else LABEL_AGE_OLDER


def education_group(grade: int | None, written: str) -> str:
    if grade == 12:
        return LABEL_THPT
    if grade == 9:
        return LABEL_THCS
    return written.strip() or LABEL_OTHER


def is_believer(religion: str) -> bool:
    return religion.strip().lower() not in _NO_RELIGION


def is_minority(ethnicity: str) -> bool:
    value = ethnicity.strip()
    return bool(value) and value.lower() != "kinh"


def _ordered(counts: Counter[str], fixed: Sequence[str] = ()) -> Breakdown:
    """Fixed labels first in their order (zeros kept), then the rest by count, then label
    (ignoring diacritics); "Không rõ" and "Khác" always last."""
    head = tuple((label, counts.get(label, 0)) for label in fixed)
    rest = sorted(
        ((k, v) for k, v in counts.items() if k not in fixed),
        key=lambda kv: (kv[0] in _LAST, -kv[1], fold(kv[0]), kv[0]),
    )
    return head + tuple(rest)


def _optional(counts: Counter[str], fixed: Sequence[str], optional: Sequence[str]) -> Breakdown:
    """Fixed labels always; the optional ones only when they occur."""
    return _ordered(counts, [*fixed, *(o for o in optional if counts.get(o))])


def _classes(classes: Iterable[ClassRecord], kind: str, period: Period) -> ClassSummary:
    held = tuple(
        sorted(
            (c for c in classes if c.kind == kind and c.end_date in period),
            key=lambda c: (c.end_date or period.end, c.name),
        )
    )
    return ClassSummary(
        kind=kind,
        held=len(held),
        enrolled=sum(c.enrolled for c in held),
        passed=sum(c.passed for c in held),
        classes=held,
    )


def compute(
    records: Iterable[PersonRecord],
    classes: Iterable[ClassRecord],
    period: Period,
    targets: Targets | None = None,
    unit_order: Sequence[str] = (),
) -> ReportFigures:
    """All the report's figures for `period`, in one pass over `records`.

    `unit_order`: the units to give per-unit rows for, in this order (every unit in it gets a
    row, zeros included); units met in the records but not listed follow, by id.
    """
    targets = targets or Targets()
    start, end = period.start, period.end
    youth = Counter[str]()
    sex = Counter[str]()
    eth_group = Counter[str]()
    eth = Counter[str]()
    rel_group = Counter[str]()
    rel = Counter[str]()
    ages = Counter[str]()
    edu = Counter[str]()
    occ = Counter[str]()
    months = [0] * 12
    admitted = youth_n = women = minority = believers = young = 0
    age_sum = age_n = 0
    recognised = struck = listed = removed = 0
    per_unit: dict[str, list[int]] = defaultdict(lambda: [0] * 6)

    for r in records:
        unit = r.unit_id or ""
        day = r.ceremony_on
        if day is not None and start <= day <= end:
            admitted += 1
            row = per_unit[unit]
            row[0] += 1
            months[day.month - 1] += 1
            if r.youth_union_member:
                youth_n += 1
                row[1] += 1
                youth[LABEL_YOUTH] += 1
            else:
                youth[LABEL_NOT_YOUTH] += 1
            if r.sex == "nu":
                women += 1
                sex[LABEL_FEMALE] += 1
            elif r.sex == "nam":
                sex[LABEL_MALE] += 1
            else:
                sex[LABEL_UNKNOWN] += 1
            ethnicity = r.ethnicity.strip()
            if not ethnicity:
                eth_group[LABEL_UNKNOWN] += 1
                eth[LABEL_UNKNOWN] += 1
            else:
                eth[ethnicity] += 1
                if is_minority(ethnicity):
                    minority += 1
                    eth_group[LABEL_MINORITY] += 1
                else:
                    eth_group[LABEL_KINH] += 1
            if is_believer(r.religion):
                believers += 1
                rel_group[LABEL_BELIEVER] += 1
                rel[r.religion.strip()] += 1
            else:
                rel_group[LABEL_NO_RELIGION] += 1
            if r.birth_date is not None:
                age = age_on(r.birth_date, day)
                age_sum += age
                age_n += 1
                if 18 <= age <= 30:
                    young += 1
            ages[age_group(r.birth_date, day)] += 1
            edu[education_group(r.education_grade, r.education)] += 1
            occ[r.occupation.strip() or LABEL_UNKNOWN] += 1
        if r.recognised_on is not None and start <= r.recognised_on <= end:
            recognised += 1
            per_unit[unit][2] += 1
        if r.struck_off_on is not None and start <= r.struck_off_on <= end:
            struck += 1
            per_unit[unit][3] += 1
        if r.listed_on is not None and start <= r.listed_on <= end:
            listed += 1
            per_unit[unit][4] += 1
        if r.removed_on is not None and start <= r.removed_on <= end:
            removed += 1
            per_unit[unit][5] += 1

    if start.year == end.year:
        # Months outside the period stay zero even if a caller passed wider records.
        months = [n if start.month <= i + 1 <= end.month else 0 for i, n in enumerate(months)]

    order = list(dict.fromkeys(unit_order))
    known = set(order)
    extra = sorted(u for u in set(per_unit) | set(targets.per_unit) if u not in known and u != "")
    unit_rows = []
    for unit_id in [*order, *extra, *([""] if "" in per_unit else [])]:
        counts = per_unit.get(unit_id, [0] * 6)
        unit_rows.append(
            UnitFigures(
                unit_id=unit_id,
                admitted=counts[0],
                target=targets.per_unit.get(unit_id, 0),
                youth_union=counts[1],
                recognised=counts[2],
                struck_off=counts[3],
                sympathisers_added=counts[4],
                sympathisers_removed=counts[5],
            )
        )

    class_list = list(classes)
    return ReportFigures(
        period=period,
        admitted=admitted,
        target=targets.admit,
        youth_union=youth_n,
        youth_union_target=targets.youth_union_admit,
        women=women,
        ethnic_minority=minority,
        believers=believers,
        aged_18_30=young,
        average_age=round(age_sum / age_n, 1) if age_n else None,
        by_youth_union=_ordered(youth, [LABEL_YOUTH, LABEL_NOT_YOUTH]),
        by_sex=_optional(sex, [LABEL_MALE, LABEL_FEMALE], [LABEL_UNKNOWN]),
        by_ethnicity_group=_optional(eth_group, [LABEL_KINH, LABEL_MINORITY], [LABEL_UNKNOWN]),
        by_ethnicity=_ordered(eth),
        by_religion_group=_ordered(rel_group, [LABEL_NO_RELIGION, LABEL_BELIEVER]),
        by_religion=_ordered(rel),
        by_age_group=_optional(
            ages, [LABEL_AGE_YOUNG, LABEL_AGE_OLDER], [LABEL_AGE_UNDER, LABEL_UNKNOWN]
        ),
        by_education=_ordered(edu, [LABEL_THPT, LABEL_THCS]),
        by_occupation=_ordered(occ),
        admitted_by_month=tuple(months),
        recognised=recognised,
        struck_off=struck,
        sympathisers_added=listed,
        sympathisers_removed=removed,
        awareness=_classes(class_list, AWARENESS, period),
        new_member=_classes(class_list, NEW_MEMBER, period),
        per_unit=tuple(unit_rows),
        awareness_trainees_target=targets.awareness_trainees,
        new_member_trainees_target=targets.new_member_trainees,
    )


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class ProcedureItem:
    """One line of the procedure check (kiểm tra thực hiện quy trình): a rule finding or an
    overdue deadline of one person, for an inspection committee to work from."""

    unit_id: str
    unit_name: str
    person_id: str
    person_code: str
    person_name: str
    source: str  # "finding" (a rule broken) or "deadline" (an act not done in time)
    code: str  # "AGE_UNDER_18", "CEREMONY_OVERDUE" …
    severity: str  # "error" / "warning"
    message: str  # one sentence, in the language asked for
    due: date | None = None  # deadlines: the last day the act was in time
    days_late: int | None = None  # deadlines: calendar days past due at the check date
    basis: str = ""  # the legal basis, when known


@dataclass(frozen=True)
class ProcedureSummary:
    """The procedure check in a few numbers, for the report's last section."""

    people_with_findings: int
    errors: int
    warnings: int
    overdue: Breakdown  # (deadline label, count)

    @property
    def overdue_total(self) -> int:
        return sum(n for _, n in self.overdue)
