"""Which automatic backups to keep: the newest few always, then one a day for a week, one a
week for two months, one a month for a year (each number a setting). The rest are removed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Retention:
    latest: int = 3  # the newest backups, whatever their age
    daily: int = 7  # days with one backup kept each
    weekly: int = 8  # weeks
    monthly: int = 12  # months

    def __post_init__(self) -> None:
        for name in ("latest", "daily", "weekly", "monthly"):
            if not 0 <= getattr(self, name) <= 1000:
                raise ValueError(f"{name} must be from 0 to 1000")
        if self.latest < 1:
            raise ValueError("at least the newest backup is kept")


def _month_index(day: datetime) -> int:
    return day.year * 12 + day.month - 1


def _week_index(day: datetime) -> int:
    return (day.date() - date(2000, 1, 3)).days // 7  # weeks from a Monday


def to_keep(created: Sequence[datetime], now: datetime, policy: Retention) -> set[int]:
    """The positions in `created` of the backups to keep: the newest of each of the last
    `daily` calendar days, `weekly` weeks (Monday to Sunday) and `monthly` months."""
    newest_first = sorted(range(len(created)), key=lambda i: created[i], reverse=True)
    keep = set(newest_first[: policy.latest])
    windows = (
        (policy.daily, lambda d: d.toordinal()),
        (policy.weekly, _week_index),
        (policy.monthly, _month_index),
    )
    for count, index_of in windows:
        current = index_of(now)
        seen: set[int] = set()
        for i in newest_first:
            slot = index_of(created[i])
            if current - slot < count and slot not in seen:
                seen.add(slot)
                keep.add(i)
    return keep
