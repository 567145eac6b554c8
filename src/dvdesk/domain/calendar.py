"""Working days in Vietnam: weekends, public holidays, substituted days, and local overrides.

"Within N working days after D" is due on the N-th working day after D, D not counted.

The public holidays come from python-holidays' Vietnam calendar: Tết Dương lịch (1/1), the Tết
Nguyên Đán days (with the extra day the package adds when one falls on a weekend), Giỗ Tổ Hùng
Vương, 30/4, 1/5, Quốc khánh (2/9 and the adjacent day since 2021), Ngày Văn hóa Việt Nam (24/11,
since 2026), observed days (nghỉ bù) and the days off the Government swapped with a Saturday
("Ngày nghỉ (thay cho ngày ...)"). The Saturday given up in such a swap is a working day; the
package lists it in ``weekend_workdays`` and it is honoured here. Overrides, kept in the database
and sent down by the office, win over all of that: True makes a day a working day, False a day
off.

The calendar keeps one sorted array of the ordinals of all working days over a contiguous span
of years, grown lazily, so that every query is a binary search.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from datetime import date, timedelta

import holidays

_SATURDAY = 5


def _public_days(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, weekend days made working days) that python-holidays gives for `year`.

    Built from the neighbouring years too: a swap may be listed under the next year (for 2015
    the package swaps 2/1/2015 with Saturday 27/12/2014) and an observed day may cross the New
    Year.
    """
    calendar = holidays.country_holidays("VN", years=range(year - 1, year + 2))
    off = frozenset(d for d in calendar if d.year == year)
    workdays: set[date] = getattr(calendar, "weekend_workdays", set())
    made_working = frozenset(d for d in workdays if d.year == year)
    return off, made_working


class WorkCalendar:
    """Working days: Monday to Friday, less public holidays, plus swapped Saturdays, then
    `overrides` (True = working day, False = day off) on top."""

    def __init__(self, overrides: Mapping[date, bool] | None = None) -> None:
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._lock = threading.Lock()
        # (first year, last year, ordinals of the working days in those years, sorted), replaced
        # as a whole so that readers never see a half-built state.
        self._span: tuple[int, int, tuple[int, ...]] = (0, -1, ())
        self._years: dict[int, tuple[int, ...]] = {}

    @property
    def overrides(self) -> Mapping[date, bool]:
        return dict(self._overrides)

    # -- building --------------------------------------------------------------------------

    def _year_days(self, year: int) -> tuple[int, ...]:
        days = self._years.get(year)
        if days is None:
            off, made_working = _public_days(year)
            out: list[int] = []
            day = date(year, 1, 1)
            one = timedelta(days=1)
            while day.year == year:
                working = (day.weekday() < _SATURDAY and day not in off) or day in made_working
                working = self._overrides.get(day, working)
                if working:
                    out.append(day.toordinal())
                day += one
            days = tuple(out)
            self._years[year] = days
        return days

    def _ensure(self, first: int, last: int) -> tuple[int, int, tuple[int, ...]]:
        span = self._span
        if span[0] <= first and last <= span[1]:
            return span
        with self._lock:
            lo, hi, _ = self._span
            if lo > hi:  # empty
                lo, hi = first, last
            lo, hi = min(lo, first), max(hi, last)
            ordinals: list[int] = []
            for year in range(lo, hi + 1):
                ordinals.extend(self._year_days(year))
            self._span = (lo, hi, tuple(ordinals))
            return self._span

    # -- queries ---------------------------------------------------------------------------

    def is_working_day(self, day: date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override
        _, _, ordinals = self._ensure(day.year, day.year)
        ordinal = day.toordinal()
        index = bisect_left(ordinals, ordinal)
        return index < len(ordinals) and ordinals[index] == ordinal

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself not counted); n >= 1."""
        if n < 1:
            raise ValueError(f"n must be at least 1, not {n}")
        ordinal = start.toordinal()
        # n working days never take more than n weeks plus the longest holiday run; grow the
        # span by years until the answer is inside it.
        last = start.year + 1 + n // 200
        while True:
            _, _, ordinals = self._ensure(start.year, last)
            index = bisect_right(ordinals, ordinal) + n - 1
            if index < len(ordinals):
                return date.fromordinal(ordinals[index])
            last += 1

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; 0 when a == b, and minus the count in (b, a] when b < a."""
        if b < a:
            return -self.working_days_between(b, a)
        _, _, ordinals = self._ensure(a.year, b.year)
        return bisect_right(ordinals, b.toordinal()) - bisect_right(ordinals, a.toordinal())

    def days_off(self, year: int) -> list[date]:
        """The days Monday to Friday of `year` that are not working days, sorted (for display)."""
        working = set(self._year_days(year))
        day = date(year, 1, 1)
        out: list[date] = []
        while day.year == year:
            if day.weekday() < _SATURDAY and day.toordinal() not in working:
                out.append(day)
            day += timedelta(days=1)
        return out
