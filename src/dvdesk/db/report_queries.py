"""Read-only queries behind the reports and the yearly plan: plain column rows, not ORM objects,
so that a year report over 100,000 people reads in a few statements.

`unit_ids=None` means every unit (the office's whole bloc, people without a unit included).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, case, func, literal, select, union_all
from sqlalchemy.orm import Session, selectinload

from dvdesk.db.models import (
    CertificateRecord,
    Enrolment,
    OpenDeadline,
    PartyClass,
    Person,
    PipelineEvent,
    PlanTarget,
    Unit,
    YearPlan,
)
from dvdesk.db.queries import INFORMATIONAL_DEADLINES

# The event kinds the report counts, as stored (domain.pipeline.EventKind values).
CEREMONY = "ceremony"
RECOGNITION_DECISION = "recognition_decision"
STRUCK_OFF = "struck_off"
SYMPATHISER_LISTED = "sympathiser_listed"
REMOVED = "removed"
REPORT_EVENT_KINDS = (CEREMONY, RECOGNITION_DECISION, STRUCK_OFF, SYMPATHISER_LISTED, REMOVED)

# Enrolment statuses that mean the person sat the class.
SAT_CLASS = ("enrolled", "passed", "failed")


def unit_rows(session: Session) -> Sequence[Any]:
    """Every unit: id, code, name, kind, parent_id, place, symbol, secretary_name, term."""
    stmt = select(
        Unit.id,
        Unit.code,
        Unit.name,
        Unit.kind,
        Unit.parent_id,
        Unit.place,
        Unit.symbol,
        Unit.secretary_name,
        Unit.term_start,
        Unit.term_end,
    ).order_by(Unit.name, Unit.id)
    return session.execute(stmt).all()


def _in_scope(stmt: Any, unit_ids: Sequence[str] | None) -> Any:
    return stmt if unit_ids is None else stmt.where(Person.unit_id.in_(list(unit_ids)))


def person_rows(
    session: Session, unit_ids: Sequence[str] | None, start: date, end: date
) -> Sequence[Any]:
    """People in scope with any counted act from `start` to `end`: their report columns and the
    first date of each counted act in that window (None when there is none).

    One grouped pass over the events table, joined to people.
    """

    def first(kind: str) -> Any:
        return func.min(case((PipelineEvent.kind == kind, PipelineEvent.on_date)), type_=Date)

    # Grouping by the bare column makes SQLite walk the person_id index and fetch every event
    # row by row (3x slower over 450,000 events); an expression scans the table once instead.
    person = (PipelineEvent.person_id + "").label("person_id")
    acts = (
        select(
            person,
            first(CEREMONY).label("ceremony_on"),
            first(RECOGNITION_DECISION).label("recognised_on"),
            first(STRUCK_OFF).label("struck_off_on"),
            first(SYMPATHISER_LISTED).label("listed_on"),
            first(REMOVED).label("removed_on"),
        )
        .where(
            PipelineEvent.kind.in_(REPORT_EVENT_KINDS),
            PipelineEvent.on_date >= start,
            PipelineEvent.on_date <= end,
        )
        .group_by(person)
        .subquery()
    )
    stmt = select(
        Person.id,
        Person.unit_id,
        Person.sex,
        Person.birth_date,
        Person.ethnicity,
        Person.religion,
        Person.education,
        Person.education_grade,
        Person.occupation,
        Person.youth_union_member,
        acts.c.ceremony_on,
        acts.c.recognised_on,
        acts.c.struck_off_on,
        acts.c.listed_on,
        acts.c.removed_on,
    ).join(acts, acts.c.person_id == Person.id)
    return session.execute(_in_scope(stmt, unit_ids)).all()


def class_rows(
    session: Session, unit_ids: Sequence[str] | None, start: date, end: date
) -> Sequence[Any]:
    """Classes whose last day falls from `start` to `end`, with the people in scope who sat
    them (`enrolled`: enrolment enrolled, passed or failed, or a certificate from the class)
    and passed them (`passed`: enrolment passed or a certificate from the class). With a unit
    scope, only classes someone of the scope sat."""
    # Who sat each class: enrolments, and certificates the class issued (a class recorded only
    # through its certificates, as imported files and the demo have, still counts).
    held = select(PartyClass.id).where(PartyClass.end_date >= start, PartyClass.end_date <= end)
    sat = union_all(
        select(
            Enrolment.class_id.label("class_id"),
            Enrolment.person_id.label("person_id"),
            case((Enrolment.status.in_(SAT_CLASS), 1), else_=0).label("sat"),
            case((Enrolment.status == "passed", 1), else_=0).label("passed"),
        ).where(Enrolment.class_id.in_(held)),
        select(
            CertificateRecord.class_id.label("class_id"),
            CertificateRecord.person_id.label("person_id"),
            literal(1).label("sat"),
            literal(1).label("passed"),
        ).where(CertificateRecord.class_id.in_(held)),
    ).subquery()
    per_person = select(
        sat.c.class_id,
        sat.c.person_id,
        func.max(sat.c.sat).label("sat"),
        func.max(sat.c.passed).label("passed"),
    ).join(Person, Person.id == sat.c.person_id)
    per_person = (
        _in_scope(per_person, unit_ids).group_by(sat.c.class_id, sat.c.person_id).subquery()
    )
    counts = (
        select(
            per_person.c.class_id.label("class_id"),
            func.sum(per_person.c.sat).label("enrolled"),
            func.sum(per_person.c.passed).label("passed"),
        )
        .group_by(per_person.c.class_id)
        .subquery()
    )
    stmt = (
        select(
            PartyClass.id,
            PartyClass.kind,
            PartyClass.name,
            PartyClass.start_date,
            PartyClass.end_date,
            func.coalesce(counts.c.enrolled, 0).label("enrolled"),
            func.coalesce(counts.c.passed, 0).label("passed"),
        )
        .outerjoin(counts, counts.c.class_id == PartyClass.id)
        .where(PartyClass.end_date >= start, PartyClass.end_date <= end)
        .order_by(PartyClass.end_date, PartyClass.name)
    )
    if unit_ids is not None:
        stmt = stmt.where(counts.c.class_id.is_not(None))
    return session.execute(stmt).all()


def stage_counts(session: Session, unit_ids: Sequence[str] | None) -> dict[str, int]:
    """People in scope per stage, as of the last refresh."""
    stmt = _in_scope(select(Person.stage, func.count()), unit_ids).group_by(Person.stage)
    return {str(row[0]): int(row[1]) for row in session.execute(stmt)}


def year_plan(session: Session, unit_id: str, year: int) -> YearPlan | None:
    """A unit's plan for a year with its targets loaded (small: read whole)."""
    stmt = (
        select(YearPlan)
        .where(YearPlan.unit_id == unit_id, YearPlan.year == year)
        .options(selectinload(YearPlan.targets))
    )
    return session.scalars(stmt).first()


def overdue_rows(session: Session, unit_ids: Sequence[str] | None, on: date) -> Sequence[Any]:
    """Open deadlines past due on `on` (the end of probation is not an act, so not counted),
    with the person and unit: person_id, code, full_name, unit_id, unit_name, kind, start,
    due, overdue_code."""
    stmt = (
        select(
            OpenDeadline.person_id,
            Person.code,
            Person.full_name,
            Person.sort_key,
            Person.unit_id,
            Unit.name.label("unit_name"),
            OpenDeadline.kind,
            OpenDeadline.start,
            OpenDeadline.due,
            OpenDeadline.overdue_code,
        )
        .join(Person, Person.id == OpenDeadline.person_id)
        .outerjoin(Unit, Unit.id == Person.unit_id)
        .where(
            OpenDeadline.due < on,
            OpenDeadline.overdue_code != "",
            OpenDeadline.kind.not_in(INFORMATIONAL_DEADLINES),
        )
        .order_by(Unit.name, OpenDeadline.due, Person.sort_key)
    )
    return session.execute(_in_scope(stmt, unit_ids)).all()


def _acted_between(start: date, end: date) -> Any:
    """EXISTS an act of the person dated from `start` to `end` (uses the person_id index: the
    people it is asked about are few)."""
    return (
        select(PipelineEvent.id)
        .where(
            PipelineEvent.person_id == Person.id,
            PipelineEvent.on_date >= start,
            PipelineEvent.on_date <= end,
        )
        .exists()
    )


def flagged_person_ids(
    session: Session, unit_ids: Sequence[str] | None, start: date, end: date
) -> list[str]:
    """People in scope with rule errors or warnings (as of the last refresh) who have an act
    dated from `start` to `end`."""
    stmt = select(Person.id).where(
        Person.error_count + Person.warning_count > 0, _acted_between(start, end)
    )
    return [str(pid) for pid in session.scalars(_in_scope(stmt, unit_ids))]


def finding_totals(
    session: Session, unit_ids: Sequence[str] | None, start: date, end: date
) -> tuple[int, int, int]:
    """(people, rule errors, rule warnings) over the people `flagged_person_ids` lists, from the
    derived counts: cheap enough for every report."""
    stmt = select(
        func.count(),
        func.coalesce(func.sum(Person.error_count), 0),
        func.coalesce(func.sum(Person.warning_count), 0),
    ).where(Person.error_count + Person.warning_count > 0, _acted_between(start, end))
    row = session.execute(_in_scope(stmt, unit_ids)).one()
    return int(row[0]), int(row[1]), int(row[2])


def assigned_target(session: Session, unit_id: str, year: int) -> Any:
    """(admit_target, awareness_trainees_target) given to a unit by a plan above it for the
    year, or None."""
    stmt = (
        select(PlanTarget.admit_target, PlanTarget.awareness_trainees_target)
        .join(YearPlan, YearPlan.id == PlanTarget.plan_id)
        .where(PlanTarget.unit_id == unit_id, YearPlan.year == year, YearPlan.unit_id != unit_id)
    )
    return session.execute(stmt).first()


def per_unit_counts(session: Session, stages: Sequence[str] | None = None) -> dict[str, int]:
    """People per unit (every unit), optionally only those at the given stages."""
    stmt = select(Person.unit_id, func.count()).where(Person.unit_id.is_not(None))
    if stages is not None:
        stmt = stmt.where(Person.stage.in_(list(stages)))
    return {str(u): int(n) for u, n in session.execute(stmt.group_by(Person.unit_id))}


def errors_by_unit(session: Session) -> dict[str, int]:
    """Rule errors (derived, as of the last refresh) per unit."""
    stmt = (
        select(Person.unit_id, func.sum(Person.error_count))
        .where(Person.unit_id.is_not(None), Person.error_count > 0)
        .group_by(Person.unit_id)
    )
    return {str(u): int(n) for u, n in session.execute(stmt)}


def overdue_by_unit(session: Session, on: date) -> dict[str, int]:
    """Acts past their deadline on `on`, per unit (as `overdue_rows` counts them)."""
    stmt = (
        select(Person.unit_id, func.count())
        .select_from(OpenDeadline)
        .join(Person, Person.id == OpenDeadline.person_id)
        .where(
            Person.unit_id.is_not(None),
            OpenDeadline.due < on,
            OpenDeadline.overdue_code != "",
            OpenDeadline.kind.not_in(INFORMATIONAL_DEADLINES),
        )
        .group_by(Person.unit_id)
    )
    return {str(u): int(n) for u, n in session.execute(stmt)}
