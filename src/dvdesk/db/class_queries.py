"""Queries of the Classes tab: classes of a year with their counts, a class's enrolments, and
the people the class-related warnings are about. Aggregates run in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, and_, case, exists, func, select, union_all
from sqlalchemy.orm import Session

from dvdesk.db.models import (
    AuditEntry,
    CertificateRecord,
    Enrolment,
    OpenDeadline,
    PartyClass,
    Person,
    PipelineEvent,
)
from dvdesk.db.overview_queries import certificates_per_class


def party_class(session: Session, class_id: str) -> PartyClass | None:
    return session.get(PartyClass, class_id)


def _count_status(status: str) -> Any:
    return func.coalesce(func.sum(case((Enrolment.status == status, 1), else_=0)), 0)


def class_rows_for_year(session: Session, year: int) -> Sequence[Row[Any]]:
    """The year's classes by quarter, start date and name, with how many enrolments are in each
    status and how many certificates each has issued."""
    counts = (
        select(
            Enrolment.class_id,
            _count_status("nominated").label("nominated"),
            _count_status("enrolled").label("enrolled"),
            _count_status("passed").label("passed"),
            _count_status("failed").label("failed"),
            _count_status("withdrawn").label("withdrawn"),
        )
        .group_by(Enrolment.class_id)
        .subquery()
    )
    issued = certificates_per_class()
    stmt = (
        select(
            PartyClass.id,
            PartyClass.kind,
            PartyClass.name,
            PartyClass.organiser,
            PartyClass.year,
            PartyClass.quarter,
            PartyClass.start_date,
            PartyClass.end_date,
            PartyClass.place,
            PartyClass.capacity,
            func.coalesce(counts.c.nominated, 0).label("nominated"),
            func.coalesce(counts.c.enrolled, 0).label("enrolled"),
            func.coalesce(counts.c.passed, 0).label("passed"),
            func.coalesce(counts.c.failed, 0).label("failed"),
            func.coalesce(counts.c.withdrawn, 0).label("withdrawn"),
            func.coalesce(issued.c.n, 0).label("certificates"),
        )
        .outerjoin(counts, counts.c.class_id == PartyClass.id)
        .outerjoin(issued, issued.c.class_id == PartyClass.id)
        .where(PartyClass.year == year)
        .order_by(PartyClass.quarter, PartyClass.start_date, PartyClass.name, PartyClass.id)
    )
    rows: Sequence[Row[Any]] = session.execute(stmt).all()  # type: ignore[assignment]
    return rows


def kinds_and_quarters(session: Session, year: int) -> list[tuple[str, int | None]]:
    stmt = select(PartyClass.kind, PartyClass.quarter).where(PartyClass.year == year)
    return [(str(k), q) for k, q in session.execute(stmt)]


def enrolments(session: Session, class_id: str) -> Sequence[Enrolment]:
    return session.scalars(
        select(Enrolment).where(Enrolment.class_id == class_id).order_by(Enrolment.id)
    ).all()


def enrolment_rows(session: Session, class_id: str) -> Sequence[Row[Any]]:
    """The class's enrolments with the person's name, in Vietnamese name order."""
    stmt = (
        select(
            Enrolment.id,
            Enrolment.person_id,
            Person.code,
            Person.full_name,
            Person.stage,
            Enrolment.status,
            Enrolment.nominated_on,
            Enrolment.enrolled_on,
            Enrolment.attended_sessions,
            Enrolment.result_on,
            Enrolment.score,
            CertificateRecord.number.label("certificate_number"),
        )
        .join(Person, Person.id == Enrolment.person_id)
        .outerjoin(CertificateRecord, CertificateRecord.id == Enrolment.certificate_id)
        .where(Enrolment.class_id == class_id)
        .order_by(Person.sort_key, Person.id)
    )
    rows: Sequence[Row[Any]] = session.execute(stmt).all()  # type: ignore[assignment]
    return rows


def seat_count(session: Session, class_id: str, seated: Iterable[str]) -> int:
    stmt = (
        select(func.count())
        .select_from(Enrolment)
        .where(Enrolment.class_id == class_id, Enrolment.status.in_(list(seated)))
    )
    return int(session.scalar(stmt) or 0)


def passed_without_certificate(session: Session, class_id: str) -> Sequence[Enrolment]:
    """Passed enrolments with no certificate yet, in the persons' name order."""
    stmt = (
        select(Enrolment)
        .join(Person, Person.id == Enrolment.person_id)
        .where(
            Enrolment.class_id == class_id,
            Enrolment.status == "passed",
            Enrolment.certificate_id.is_(None),
        )
        .order_by(Person.sort_key, Person.id)
    )
    return session.scalars(stmt).all()


def certificate_numbers_taken(session: Session, kind: str, numbers: Sequence[str]) -> set[str]:
    stmt = select(CertificateRecord.number).where(
        CertificateRecord.kind == kind, CertificateRecord.number.in_(list(numbers))
    )
    return {str(n) for n in session.scalars(stmt)}


def newest_awareness_certificates(session: Session, stages: Sequence[str]) -> Sequence[Row[Any]]:
    """(id, code, full_name, stage, issued_on) of the people in `stages` with the date of their
    newest awareness certificate, from certificate records and certificate events alike."""
    issued = union_all(
        select(
            CertificateRecord.person_id.label("person_id"),
            CertificateRecord.issued_on.label("issued_on"),
        ).where(CertificateRecord.kind == "awareness"),
        select(
            PipelineEvent.person_id.label("person_id"),
            PipelineEvent.on_date.label("issued_on"),
        ).where(PipelineEvent.kind == "certificate"),
    ).subquery()
    newest = (
        select(issued.c.person_id, func.max(issued.c.issued_on).label("issued_on"))
        .group_by(issued.c.person_id)
        .subquery()
    )
    stmt = (
        select(Person.id, Person.code, Person.full_name, Person.stage, newest.c.issued_on)
        .join(newest, newest.c.person_id == Person.id)
        .where(Person.stage.in_(list(stages)))
        .order_by(Person.sort_key, Person.id)
    )
    rows: Sequence[Row[Any]] = session.execute(stmt).all()
    return rows


def probation_ending_without_class(session: Session, last_day: date) -> Sequence[Row[Any]]:
    """(id, code, full_name, probation_end) of probationary people whose probation ends on or
    before `last_day`, with neither a passed new-member class nor a new-member certificate."""
    passed = exists().where(
        and_(
            Enrolment.person_id == Person.id,
            Enrolment.status == "passed",
            PartyClass.id == Enrolment.class_id,
            PartyClass.kind == "new_member",
        )
    )
    certified = exists().where(
        and_(CertificateRecord.person_id == Person.id, CertificateRecord.kind == "new_member")
    )
    stmt = (
        select(Person.id, Person.code, Person.full_name, OpenDeadline.due.label("probation_end"))
        .join(OpenDeadline, OpenDeadline.person_id == Person.id)
        .where(
            Person.stage == "probation",
            OpenDeadline.kind == "probation_end",
            OpenDeadline.due <= last_day,
            ~passed,
            ~certified,
        )
        .order_by(OpenDeadline.due, Person.sort_key, Person.id)
    )
    rows: Sequence[Row[Any]] = session.execute(stmt).all()  # type: ignore[assignment]
    return rows


def row_counts(session: Session) -> dict[str, int]:
    """Rows in the tables the class services write: for checking that a refusal wrote nothing."""
    tables: dict[str, Any] = {
        "classes": PartyClass,
        "enrolments": Enrolment,
        "certificates": CertificateRecord,
        "audit_log": AuditEntry,
    }
    return {
        name: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for name, model in tables.items()
    }
