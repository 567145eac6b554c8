"""The working-day calendar's local overrides, and keeping every deadline in step with them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Database, Session
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.derive import load_calendar, refresh_many

BATCH = 500


@dataclass(frozen=True)
class OverrideRow:
    day: date
    working: bool
    note: str


def overrides(db: Database) -> list[OverrideRow]:
    with db.reader() as session:
        return [
            OverrideRow(r.day, r.working, r.note) for r in queries.calendar_override_rows(session)
        ]


def set_override(
    db: Database, day: date, working: bool | None, note: str = "", actor: str = ""
) -> int:
    """Make `day` a working day (True), a day off (False) or as published (None); then
    recompute everyone's deadlines in the same transaction. Returns how many people."""
    actor = actor or audit.current_user()
    with db.unit_of_work() as session:
        queries.set_calendar_override(session, day, working, clean(note))
        audit.log(
            session,
            actor,
            "calendar_override",
            "calendar",
            day.isoformat(),
            after={"day": day.isoformat(), "working": working, "note": clean(note)},
        )
        session.flush()
        return recompute_all(session)


def recompute_all(session: Session, progress: Callable[[int, int], None] | None = None) -> int:
    calendar = load_calendar(session)
    ids = queries.all_person_ids(session)
    for start in range(0, len(ids), BATCH):
        refresh_many(session, queries.people_by_ids(session, ids[start : start + BATCH]), calendar)
        session.flush()
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def add_working_days(db: Database, start: date, n: int) -> date:
    with db.reader() as session:
        return load_calendar(session).add_working_days(start, n)
