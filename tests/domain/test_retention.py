"""Which automatic backups are kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from dvdesk.domain.retention import Retention, to_keep

NOW = datetime(2026, 11, 28, 12, 0)


def test_a_half_hourly_year_keeps_days_weeks_and_months_not_every_file() -> None:
    created = [NOW - timedelta(minutes=30 * i) for i in range(2 * 24 * 366)]
    kept = sorted((created[i] for i in to_keep(created, NOW, Retention())), reverse=True)
    assert kept[:3] == created[:3]  # the newest three whatever their age
    days = {k.date() for k in kept if NOW - k < timedelta(days=7)}
    assert len(days) == 7
    months = {(k.year, k.month) for k in kept}
    assert len(months) == 12
    assert len(kept) < 3 + 7 + 8 + 12 + 1
    # One a day: the newest of each day is the one kept.
    yesterday = [k for k in kept if k.date() == (NOW - timedelta(days=1)).date()]
    assert yesterday == [datetime(2026, 11, 27, 23, 30)]


def test_older_than_a_year_goes_unless_it_is_among_the_newest() -> None:
    old = [NOW - timedelta(days=500), NOW - timedelta(days=400)]
    assert to_keep(old, NOW, Retention()) == {0, 1}  # the newest few, however old
    many = [NOW - timedelta(days=400 + i) for i in range(10)]
    assert to_keep(many, NOW, Retention(latest=2)) == {0, 1}


def test_the_policy_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        Retention(latest=0)
    with pytest.raises(ValueError):
        Retention(daily=-1)
