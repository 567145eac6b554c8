"""Calendar arithmetic in whole months, as the Party rules count age and validity."""

from __future__ import annotations

import calendar
import re
from datetime import date


def add_months(start: date, months: int) -> date:
    """Same day `months` later; a day the target month lacks becomes its last day."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


def full_months(start: date, on: date) -> int:
    """Whole months from `start` to `on`: 18 years full means full_months(birth, on) >= 216.

    A month is complete on the day whose number matches `start`, or on the last day of a
    month too short to have it (born 31 Jan: a month is full on 28/29 Feb).
    """
    months = (on.year - start.year) * 12 + (on.month - start.month)
    if add_months(start, months) > on:
        months -= 1
    return months


def full_years(start: date, on: date) -> int:
    return full_months(start, on) // 12


_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> date:
    """dd/mm/yyyy (the Vietnamese way) or yyyy-mm-dd; ValueError names what is wrong."""
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(text)
        if not match:
            raise ValueError(f"not a date (expected dd/mm/yyyy): {text!r}")
        year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"no such day: {text!r}") from None


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
