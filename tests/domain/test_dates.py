from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvdesk.domain.dates import add_months, format_date, full_months, full_years, parse_date


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2025, 3, 15), -3) == date(2024, 12, 15)
    assert add_months(date(2025, 3, 15), 12) == date(2026, 3, 15)


def test_full_months_boundaries() -> None:
    birth = date(2008, 5, 20)
    assert full_months(birth, date(2026, 5, 19)) == 215
    assert full_months(birth, date(2026, 5, 20)) == 216
    assert full_months(birth, date(2026, 5, 21)) == 216


def test_born_on_31st_completes_months_at_short_month_end() -> None:
    assert full_months(date(2000, 1, 31), date(2000, 2, 28)) == 0
    assert full_months(date(2000, 1, 31), date(2000, 2, 29)) == 1
    assert full_years(date(2008, 2, 29), date(2026, 2, 28)) == 18


def test_parse_date_both_ways_and_errors() -> None:
    assert parse_date("05/03/2026") == date(2026, 3, 5)
    assert parse_date("2026-03-05") == date(2026, 3, 5)
    assert parse_date(" 5.3.2026 ") == date(2026, 3, 5)
    with pytest.raises(ValueError, match="no such day"):
        parse_date("31/02/2026")
    with pytest.raises(ValueError, match="not a date"):
        parse_date("hôm qua")
    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert format_date(None) == ""


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 1200))
def test_full_months_inverts_add_months(start: date, months: int) -> None:
    target = add_months(start, months)
    assert full_months(start, target) == months
    assert full_months(start, target - timedelta(days=1)) == months - 1 or months == 0
