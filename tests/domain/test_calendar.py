"""Working-day calendar: Vietnamese holidays, swapped Saturdays, overrides, and its arithmetic.

Hand computations below use what python-holidays lists for Vietnam (checked with
`holidays.country_holidays("VN", years=...)`):
  2025: 1/1; Tết 27/1-1/2 (Mon-Sat); 7/4; 30/4; 1/5; 2/5 (swapped with Saturday 26/4); 1/9, 2/9.
  2026: 1/1; Tết Bính Ngọ 16/2-20/2 (Mon-Fri, with the weekends 14-15/2 and 21-22/2 off anyway);
        26/4 Sun Giỗ Tổ and 27/4 Mon observed; 30/4 Thu; 1/5 Fri; 31/8 (swapped with Saturday
        22/8); 1/9, 2/9; 24/11 (Ngày Văn hóa Việt Nam).
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dvdesk.domain.calendar import WorkCalendar

CAL = WorkCalendar()


def test_the_2026_days_off_the_package_lists() -> None:
    assert CAL.days_off(2026) == [
        date(2026, 1, 1),
        date(2026, 2, 16),
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
        date(2026, 4, 27),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 11, 24),
    ]


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 2, 13), True),  # Friday before Tết
        (date(2026, 2, 14), False),  # Saturday
        (date(2026, 2, 16), False),  # 29 Tết (Giao thừa eve)
        (date(2026, 2, 20), False),  # mùng 4
        (date(2026, 2, 23), True),  # back to work
        (date(2025, 4, 26), True),  # Saturday worked in exchange for Friday 2/5/2025
        (date(2025, 5, 2), False),
        (date(2026, 8, 22), True),  # Saturday worked in exchange for Monday 31/8/2026
        (date(2026, 8, 31), False),
        (date(2026, 4, 27), False),  # Giỗ Tổ Hùng Vương on a Sunday, observed Monday
        (date(2026, 11, 24), False),
        (date(2026, 11, 25), True),
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_agrees_with_the_package_day_by_day() -> None:
    reference = holidays.country_holidays("VN", years=range(2020, 2029))
    day = date(2021, 1, 1)
    while day.year < 2028:
        assert CAL.is_working_day(day) == reference.is_working_day(day), day
        day += timedelta(days=1)


def test_thirty_and_sixty_working_days_across_tet_2026() -> None:
    # From Thu 15/1/2026: 16/1 is day 1; weeks of 19/1, 26/1, 2/2, 9/2 bring it to 21; Tết week
    # 16-20/2 is off; 23-27/2 → 26; 2, 3, 4, 5/3 → 30.
    assert CAL.add_working_days(date(2026, 1, 15), 30) == date(2026, 3, 5)
    # Then 6/3 → 31, five full weeks from 9/3 to 10/4 → 56, 13, 14, 15, 16/4 → 60.
    assert CAL.add_working_days(date(2026, 1, 15), 60) == date(2026, 4, 16)


def test_across_30_4_and_1_5_2026() -> None:
    # From Fri 24/4: 27/4 off (observed Giỗ Tổ), 28/4 → 1, 29/4 → 2, 30/4 and 1/5 off,
    # 4/5 → 3, 5/5 → 4, 6/5 → 5.
    assert CAL.add_working_days(date(2026, 4, 24), 5) == date(2026, 5, 6)
    assert CAL.add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_across_2_9_2026_and_the_swapped_saturday() -> None:
    # Fri 21/8 → Sat 22/8 is a working day (swapped with 31/8).
    assert CAL.add_working_days(date(2026, 8, 21), 1) == date(2026, 8, 22)
    # From Fri 28/8: 31/8, 1/9, 2/9 off; 3/9 → 1, 4/9 → 2, 7/9 → 3.
    assert CAL.add_working_days(date(2026, 8, 28), 3) == date(2026, 9, 7)


def test_swap_of_2025() -> None:
    # From Fri 25/4/2025: Sat 26/4 → 1, Mon 28/4 → 2, Tue 29/4 → 3, 30/4-2/5 off, Mon 5/5 → 4.
    assert [CAL.add_working_days(date(2025, 4, 25), n) for n in (1, 2, 3, 4)] == [
        date(2025, 4, 26),
        date(2025, 4, 28),
        date(2025, 4, 29),
        date(2025, 5, 5),
    ]


def test_across_the_new_year() -> None:
    # 31/12/2025 Wed; 1/1/2026 Thu is a holiday; Fri 2/1 is the first working day.
    assert CAL.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)


def test_start_not_counted_even_on_a_holiday() -> None:
    assert CAL.add_working_days(date(2026, 2, 17), 1) == date(2026, 2, 23)
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)


def test_overrides() -> None:
    bridge = WorkCalendar({date(2026, 2, 21): True, date(2026, 1, 16): False})
    assert bridge.is_working_day(date(2026, 2, 21))
    assert not bridge.is_working_day(date(2026, 1, 16))
    assert bridge.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 21)
    assert bridge.add_working_days(date(2026, 1, 15), 1) == date(2026, 1, 19)
    # The default calendar is untouched by another calendar's overrides.
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    # An override can also take back a public holiday.
    assert WorkCalendar({date(2026, 2, 16): True}).add_working_days(date(2026, 2, 13), 1) == date(
        2026, 2, 16
    )


def test_working_days_between() -> None:
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert CAL.working_days_between(date(2026, 2, 13), date(2026, 2, 13)) == 0
    assert CAL.working_days_between(date(2026, 2, 23), date(2026, 2, 13)) == -1
    # (15/1, 5/3] holds the 30 working days counted above.
    assert CAL.working_days_between(date(2026, 1, 15), date(2026, 3, 5)) == 30
    assert CAL.working_days_between(date(2026, 1, 15), date(2026, 3, 4)) == 29


def test_n_must_be_positive() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 1, 1), 0)


def test_far_years_grow_the_span() -> None:
    cal = WorkCalendar()
    assert cal.add_working_days(date(2040, 1, 2), 1) == date(2040, 1, 3)
    assert cal.add_working_days(date(2010, 6, 1), 1) == date(2010, 6, 2)
    assert cal.working_days_between(date(2010, 6, 1), date(2040, 1, 2)) > 7000


starts = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))
counts = st.integers(min_value=1, max_value=120)
overrides = st.dictionaries(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), st.booleans(), max_size=20
)


@settings(max_examples=300)
@given(start=starts, n=counts)
def test_deadline_is_the_nth_working_day(start: date, n: int) -> None:
    due = CAL.add_working_days(start, n)
    assert CAL.is_working_day(due)
    assert due >= start + timedelta(days=n)
    assert CAL.working_days_between(start, due) == n
    assert CAL.working_days_between(start, due - timedelta(days=1)) == n - 1


@settings(max_examples=300)
@given(a=starts, b=starts, n=counts)
def test_monotonic_in_start(a: date, b: date, n: int) -> None:
    first, second = sorted((a, b))
    assert CAL.add_working_days(first, n) <= CAL.add_working_days(second, n)


@settings(max_examples=100)
@given(extra=overrides, start=st.dates(date(2024, 1, 1), date(2027, 6, 30)), n=counts)
def test_properties_hold_with_overrides(extra: dict[date, bool], start: date, n: int) -> None:
    cal = WorkCalendar(extra)
    due = cal.add_working_days(start, n)
    assert cal.is_working_day(due)
    assert cal.working_days_between(start, due) == n
    for day, working in extra.items():
        assert cal.is_working_day(day) is working


@settings(max_examples=200)
@given(a=starts, b=starts)
def test_between_is_antisymmetric_and_counts_days(a: date, b: date) -> None:
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)
    if a <= b and (b - a).days <= 60:
        count = sum(CAL.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))
        assert CAL.working_days_between(a, b) == count
