"""Purging the personal data of people who left without being admitted, after the period the
office sets (domain.purge says who and what is kept).

A chi bộ purges the people it owns; the purged record goes up with the next bundle (the
family rows as deletions), and the office scrubs its copy of the unit's audit entries about
them when it arrives. The audit log's own before/after of those records is emptied too:
keeping the data there would defeat the purge. The purge itself is logged, by code only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvdesk.db import purge_queries as q
from dvdesk.db.engine import Database, Session
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.purge import (
    CLEARED_PERSON,
    MAX_MONTHS,
    MIN_MONTHS,
    ExitFact,
    birth_year_only,
    due,
    purge_on,
)
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services import audit
from dvdesk.services.concurrency import refuse_if_changed
from dvdesk.services.derive import load_calendar, refresh
from dvdesk.services.errors import UserError
from dvdesk.services.roles import require_office

_ADMITTED = (EventKind.DECISION.value, EventKind.CEREMONY.value)


@dataclass(frozen=True)
class PurgeCandidate:
    person_id: str
    code: str
    exit_kind: str
    exit_on: date
    purge_on: date


@dataclass(frozen=True)
class PurgeResult:
    period: int | None  # months; None: the office has set none, nobody is purged
    purged: tuple[PurgeCandidate, ...]
    dry_run: bool


@dataclass(frozen=True)
class PeriodSetting:
    """The purge period as the form to set it starts from (months; None: never)."""

    months: int | None


def period_setting(db: Database) -> PeriodSetting:
    """The period form's starting point: the period in force here (the office's own)."""
    with db.reader() as session:
        return PeriodSetting(q.period_in_force(session))


def _months_text(_key: str, value: object) -> str:
    return "0" if value is None else str(value)  # as the form has it: 0 is never


def set_period(
    db: Database,
    months: int | None,
    actor: str = "",
    started_from: PeriodSetting | None = None,
) -> None:
    """The office's period for the units below it (None: never purge). `started_from`: the
    period as the form opened it; if another desk set it since, concurrency.ChangedMeanwhile
    says so and nothing is written."""
    if months is not None and not MIN_MONTHS <= months <= MAX_MONTHS:
        raise UserError(
            f"Thời hạn xóa dữ liệu phải từ {MIN_MONTHS} đến {MAX_MONTHS} tháng.",
            f"The purge period must be from {MIN_MONTHS} to {MAX_MONTHS} months.",
            "months",
        )
    with db.unit_of_work() as session:
        office = require_office(
            session,
            "Chỉ cơ quan cấp trên đặt thời hạn xóa dữ liệu cá nhân.",
            "Only the office above sets the purge period.",
        )
        unit = q.unit(session, office)
        before = unit.purge_after_months
        if started_from is not None:
            refuse_if_changed(
                started_from,
                PeriodSetting(before),
                {"months": ("Số tháng (0: không xóa)", "Months (0: never)")},
                ("thời hạn xóa dữ liệu cá nhân", "the personal data retention period"),
                _months_text,
            )
        unit.purge_after_months = months
        audit.log(
            session,
            actor or audit.current_user(),
            "settings",
            "unit",
            unit.id,
            before={"purge_after_months": before},
            after={"purge_after_months": months},
        )


def period(db: Database) -> int | None:
    """The period in force here: the office's own, or the one the office above has set."""
    with db.reader() as session:
        return q.period_in_force(session)


def candidates(db: Database, on: date) -> list[PurgeCandidate]:
    """The people this unit owns whose personal data is due to be purged on `on`."""
    with db.reader() as session:
        months = q.period_in_force(session)
        if not months:
            return []
        return _due(session, months, on)


def _due(session: Session, months: int, on: date) -> list[PurgeCandidate]:
    out = []
    for row in q.exit_facts(session, _ADMITTED):
        fact = ExitFact(row.person_id, row.exit_kind, row.exit_on, bool(row.admitted))
        if due(fact, months, on):
            out.append(
                PurgeCandidate(
                    row.person_id,
                    row.code or "",
                    row.exit_kind,
                    row.exit_on,
                    purge_on(row.exit_on, months),
                )
            )
    return out


def purge(db: Database, on: date, actor: str = "", dry_run: bool = False) -> PurgeResult:
    """Purge everyone due, in one transaction; a dry run only says who."""
    actor = actor or audit.current_user()
    with db.unit_of_work() as session:
        months = q.period_in_force(session)
        found = _due(session, months, on) if months else []
        if dry_run or not found:
            return PurgeResult(months, tuple(found), dry_run)
        calendar = load_calendar(session)
        for item in found:
            person = q.person(session, item.person_id)
            scrubbed = {person.id}
            scrubbed |= {f.id for f in person.family}
            scrubbed |= {e.id for e in person.events}
            for key, value in CLEARED_PERSON.items():
                setattr(person, key, value)
            person.birth_date = birth_year_only(person.birth_date)
            person.purged_on = on
            person.family.clear()  # deleted, and the deletions travel
            for event in person.events:
                event.reason = ""
                event.override_reason = ""
            scrubbed |= q.delete_helper_notes(session, person.id)
            person.sort_key = name_sort_key(person.full_name)
            person.search_text = search_key(person.full_name, person.code, None)
            refresh(session, person, calendar)
            q.scrub_audit(session, scrubbed)
            q.scrub_own_mentions(session, person.id)
            audit.log(
                session,
                actor,
                "purge",
                "person",
                person.id,
                after={"code": item.code, "exit": item.exit_kind, "months": months},
                reason=f"Hết thời hạn lưu giữ {months} tháng",
            )
        return PurgeResult(months, tuple(found), False)
