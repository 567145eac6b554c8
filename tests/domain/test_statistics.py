"""The report figures over hand-made records: period boundaries, ages at the ceremony, the
breakdowns, classes, per-unit rows and targets."""

from __future__ import annotations

from datetime import date

from dvdesk.domain.statistics import (
    LABEL_AGE_OLDER,
    LABEL_AGE_UNDER,
    LABEL_AGE_YOUNG,
    LABEL_BELIEVER,
    LABEL_FEMALE,
    LABEL_KINH,
    LABEL_MALE,
    LABEL_MINORITY,
    LABEL_NO_RELIGION,
    LABEL_NOT_YOUTH,
    LABEL_OTHER,
    LABEL_THCS,
    LABEL_THPT,
    LABEL_UNKNOWN,
    LABEL_YOUTH,
    ClassRecord,
    Period,
    PersonRecord,
    Targets,
    age_on,
    compute,
)

YEAR = Period.whole_year(2026)
HALF = Period.half_year(2026)


def person(pid: str, **kw: object) -> PersonRecord:
    values: dict[str, object] = {"unit_id": "u1", "sex": "nam", "ethnicity": "Kinh"}
    values.update(kw)
    return PersonRecord(id=pid, **values)  # type: ignore[arg-type]


def test_periods() -> None:
    assert (HALF.start, HALF.end) == (date(2026, 1, 1), date(2026, 6, 30))
    assert (YEAR.start, YEAR.end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert date(2026, 6, 30) in HALF and date(2026, 7, 1) not in HALF
    assert "6 tháng" in HALF.label and "2026" in YEAR.label


def test_empty_input_gives_zeros_and_no_division_by_zero() -> None:
    f = compute([], [], YEAR)
    assert f.admitted == 0 and f.target == 0 and f.achieved is None
    assert f.youth_union_share == 0.0 and f.average_age is None
    assert f.admitted_by_month == (0,) * 12
    assert f.by_sex == ((LABEL_MALE, 0), (LABEL_FEMALE, 0))
    assert f.by_age_group == ((LABEL_AGE_YOUNG, 0), (LABEL_AGE_OLDER, 0))
    assert f.awareness.held == 0 and f.new_member.held == 0
    assert f.per_unit == ()


def test_admitted_means_ceremony_in_the_period_both_ends_included() -> None:
    records = [
        person("a", ceremony_on=date(2025, 12, 31)),  # before
        person("b", ceremony_on=date(2026, 1, 1)),  # first day
        person("c", ceremony_on=date(2026, 6, 30)),  # last day of the half year
        person("d", ceremony_on=date(2026, 7, 1)),  # second half
        person("e", ceremony_on=date(2026, 12, 31)),  # last day of the year
        person("f", ceremony_on=date(2027, 1, 1)),  # after
        person("g"),  # no ceremony
    ]
    assert compute(records, [], HALF).admitted == 2
    year = compute(records, [], YEAR)
    assert year.admitted == 4
    assert year.admitted_by_month == (1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1)
    # Months after the half year stay empty in the half-year report.
    assert compute(records, [], HALF).admitted_by_month[6:] == (0,) * 6


def test_age_at_the_ceremony_30_is_young_31_is_not() -> None:
    ceremony = date(2026, 5, 10)
    records = [
        person("thirty", birth_date=date(1995, 5, 11), ceremony_on=ceremony),  # 30 (31 tomorrow)
        person("exactly31", birth_date=date(1995, 5, 10), ceremony_on=ceremony),  # 31 that day
        person("eighteen", birth_date=date(2008, 5, 10), ceremony_on=ceremony),  # 18 that day
        person("under", birth_date=date(2008, 5, 11), ceremony_on=ceremony),  # 17
        person("unknown", ceremony_on=ceremony),
    ]
    assert age_on(date(1995, 5, 11), ceremony) == 30
    assert age_on(date(1995, 5, 10), ceremony) == 31
    f = compute(records, [], YEAR)
    groups = dict(f.by_age_group)
    assert groups == {
        LABEL_AGE_YOUNG: 2,
        LABEL_AGE_OLDER: 1,
        LABEL_AGE_UNDER: 1,
        LABEL_UNKNOWN: 1,
    }
    assert f.aged_18_30 == 2
    assert f.average_age == round((30 + 31 + 18 + 17) / 4, 1)


def test_leap_day_birthday() -> None:
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


def test_breakdowns_and_shares() -> None:
    c = date(2026, 3, 1)
    records = [
        person(
            "1",
            sex="nu",
            youth_union_member=True,
            ethnicity="Thái",
            religion="Phật giáo",
            education_grade=12,
            education="12/12",
            occupation="Giáo viên",
            ceremony_on=c,
        ),
        person(
            "2",
            sex="nu",
            youth_union_member=True,
            religion="Không",
            education_grade=9,
            education="9/12",
            occupation="Giáo viên",
            ceremony_on=c,
        ),
        person(
            "3",
            sex="nam",
            religion="",
            education_grade=10,
            education="10/10",
            occupation="Kế toán",
            ceremony_on=c,
        ),
        person("4", sex="", ethnicity="", religion="Công giáo", ceremony_on=c),
        person("not admitted", sex="nu", youth_union_member=True),
    ]
    f = compute(records, [], YEAR, Targets(admit=8, youth_union_share=70))
    assert f.admitted == 4
    assert f.target == 8 and f.achieved == 0.5
    assert f.youth_union == 2 and f.youth_union_share == 0.5
    assert f.youth_union_target == 6  # 70% of 8 = 5.6, rounded up
    assert f.by_youth_union == ((LABEL_YOUTH, 2), (LABEL_NOT_YOUTH, 2))
    assert f.by_sex == ((LABEL_MALE, 1), (LABEL_FEMALE, 2), (LABEL_UNKNOWN, 1))
    assert f.women == 2
    assert dict(f.by_ethnicity_group) == {LABEL_KINH: 2, LABEL_MINORITY: 1, LABEL_UNKNOWN: 1}
    assert f.ethnic_minority == 1
    assert f.by_ethnicity[0] == ("Kinh", 2)
    assert f.by_religion_group == ((LABEL_NO_RELIGION, 2), (LABEL_BELIEVER, 2))
    assert f.believers == 2 and f.believers_share == 0.5
    assert dict(f.by_religion) == {"Phật giáo": 1, "Công giáo": 1}
    assert f.by_education == ((LABEL_THPT, 1), (LABEL_THCS, 1), ("10/10", 1), (LABEL_OTHER, 1))
    assert f.by_occupation == (("Giáo viên", 2), ("Kế toán", 1), (LABEL_UNKNOWN, 1))


def test_exits_sympathisers_and_per_unit_rows() -> None:
    d = date(2026, 4, 1)
    out = date(2025, 4, 1)
    records = [
        person("r1", unit_id="u1", recognised_on=d),
        person("r2", unit_id="u2", recognised_on=out),
        person("s1", unit_id="u2", struck_off_on=d),
        person("l1", unit_id="u1", listed_on=d),
        person("l2", unit_id="u1", listed_on=d, removed_on=date(2026, 9, 1)),
        person("a1", unit_id="u2", ceremony_on=d, youth_union_member=True),
        person("a2", unit_id=None, ceremony_on=d),
    ]
    f = compute(records, [], YEAR, Targets(admit=5, per_unit={"u1": 2, "u3": 3}), ["u2", "u1"])
    assert (f.recognised, f.struck_off, f.sympathisers_added, f.sympathisers_removed) == (
        1,
        1,
        2,
        1,
    )
    half = compute(records, [], HALF)
    assert half.sympathisers_removed == 0
    rows = {u.unit_id: u for u in f.per_unit}
    assert [u.unit_id for u in f.per_unit] == ["u2", "u1", "u3", ""]
    assert rows["u1"].target == 2 and rows["u1"].admitted == 0 and rows["u1"].achieved == 0
    assert rows["u1"].sympathisers_added == 2 and rows["u1"].recognised == 1
    assert rows["u2"].admitted == 1 and rows["u2"].youth_union == 1 and rows["u2"].struck_off == 1
    assert rows["u2"].achieved is None  # no target
    assert rows["u3"].target == 3 and rows["u3"].admitted == 0
    assert rows[""].admitted == 1  # a person with no unit still counts somewhere
    assert sum(u.admitted for u in f.per_unit) == f.admitted


def test_classes_held_by_end_date_in_the_period() -> None:
    classes = [
        ClassRecord("c1", "awareness", "A1", date(2025, 12, 20), date(2026, 1, 5), 40, 38),
        ClassRecord("c2", "awareness", "A2", date(2026, 6, 20), date(2026, 7, 2), 30, 30),
        ClassRecord("c3", "new_member", "N1", date(2026, 3, 1), date(2026, 3, 10), 25, 24),
        ClassRecord("c4", "awareness", "A0", date(2025, 12, 1), date(2025, 12, 31), 9, 9),
        ClassRecord("c5", "awareness", "A?", None, None, 9, 9),
    ]
    half = compute([], classes, HALF)
    assert (half.awareness.held, half.awareness.enrolled, half.awareness.passed) == (1, 40, 38)
    assert (half.new_member.held, half.new_member.passed) == (1, 24)
    year = compute([], classes, YEAR)
    assert [c.id for c in year.awareness.classes] == ["c1", "c2"]
    assert year.awareness.enrolled == 70


def test_one_pass_is_fast_over_100000_records() -> None:
    import time

    c = date(2026, 3, 1)
    records = [
        person(str(i), birth_date=date(1990, 1, 1), ceremony_on=c if i % 3 == 0 else None)
        for i in range(100_000)
    ]
    started = time.perf_counter()
    f = compute(records, [], YEAR)
    assert f.admitted == 33_334
    assert time.perf_counter() - started < 5  # generous: it takes well under a second
