"""Read-only overview for the window: counts per stage, what is overdue or due this month, the
unit's Party members and the classes. Plain dataclasses out; nothing here writes."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from dvdesk.db import overview_queries as q
from dvdesk.db.engine import Database
from dvdesk.domain.deadlines import DeadlineKind
from dvdesk.domain.messages import deadline_label, stage_label
from dvdesk.domain.pipeline import PIPELINE_ORDER, Stage

# Pipeline order first, then the exits.
STAGE_ORDER: tuple[Stage, ...] = (
    *PIPELINE_ORDER,
    *(s for s in Stage if s not in PIPELINE_ORDER),
)


@dataclass(frozen=True)
class StageChoice:
    value: str
    label: str


@dataclass(frozen=True)
class StageCount:
    stage: str
    label: str
    count: int


@dataclass(frozen=True)
class Summary:
    on: date
    people: int
    stages: tuple[StageCount, ...]  # every stage, in pipeline order, zeros included
    overdue: int  # open deadlines past due (end of probation not counted)
    overdue_people: int
    due_this_month: int  # open deadlines due from `on` to the end of its month
    month_end: date


@dataclass(frozen=True)
class MemberRow:
    id: str
    code: str
    full_name: str
    unit: str
    status: str  # "official" or "probationary"
    admission_decision_date: date | None
    ceremony_date: date | None
    official_date: date | None
    card_number: str
    joined_cell_on: date | None
    left_on: date | None
    sort_key: str = ""  # Vietnamese name order (dvdesk.domain.text.name_sort_key)
    search_text: str = ""  # folded name, code and CCCD (dvdesk.domain.text.search_key)


@dataclass(frozen=True)
class ClassRow:
    id: str
    kind: str  # "awareness" or "new_member"
    name: str
    organiser: str
    start_date: date | None
    end_date: date | None
    certificates: int


def stage_choices(lang: str = "vi") -> list[StageChoice]:
    """Every stage with its label, in pipeline order, exits last."""
    return [StageChoice(s.value, stage_label(s, lang)) for s in STAGE_ORDER]


def deadline_kind_labels(lang: str = "vi") -> dict[str, str]:
    return {k.value: deadline_label(k, lang) for k in DeadlineKind}


def summary(db: Database, on: date, lang: str = "vi") -> Summary:
    month_end = on.replace(day=calendar.monthrange(on.year, on.month)[1])
    with db.reader() as session:
        counts = q.stage_counts(session)
        overdue, overdue_people = q.overdue_counts(session, on)
        due_month = q.due_between_count(session, on, month_end)
    stages = tuple(
        StageCount(s.value, stage_label(s, lang), counts.get(s.value, 0)) for s in STAGE_ORDER
    )
    return Summary(
        on=on,
        people=sum(counts.values()),
        stages=stages,
        overdue=overdue,
        overdue_people=overdue_people,
        due_this_month=due_month,
        month_end=month_end,
    )


def list_members(db: Database, limit: int | None = None, offset: int = 0) -> list[MemberRow]:
    """The unit's Party members in Vietnamese name order, a page at a time if asked."""
    with db.reader() as session:
        return [
            MemberRow(
                id=r.id,
                code=r.code or "",
                full_name=r.full_name,
                unit=r.unit_name or "",
                status=r.status,
                admission_decision_date=r.admission_decision_date,
                ceremony_date=r.ceremony_date,
                official_date=r.official_date,
                card_number=r.card_number,
                joined_cell_on=r.joined_cell_on,
                left_on=r.left_on,
                sort_key=r.sort_key,
                search_text=r.search_text,
            )
            for r in q.member_rows(session, limit, offset)
        ]


def list_classes(db: Database, limit: int | None = None, offset: int = 0) -> list[ClassRow]:
    """Classes, newest first, a page at a time if asked."""
    with db.reader() as session:
        return [
            ClassRow(
                id=r.id,
                kind=r.kind,
                name=r.name,
                organiser=r.organiser,
                start_date=r.start_date,
                end_date=r.end_date,
                certificates=int(r.certificates),
            )
            for r in q.class_rows(session, limit, offset)
        ]
