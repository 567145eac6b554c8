"""The document register's queries: the last number of a sequence, and the register's rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Integer, Row, and_, func, literal, or_, select
from sqlalchemy.orm import Session, selectinload

from dvdesk.db.models import (
    CertificateRecord,
    Enrolment,
    Member,
    Person,
    PipelineEvent,
    RegisteredDocument,
    Setting,
    Unit,
)
from dvdesk.domain.text import name_sort_key


def last_number(session: Session, issuer_unit_id: str, doc_type: str, term_start: date) -> int:
    """The highest number issued in this sequence, voided ones included (0 when none)."""
    found = session.scalar(
        select(func.max(RegisteredDocument.number)).where(
            RegisteredDocument.issuer_unit_id == issuer_unit_id,
            RegisteredDocument.doc_type == doc_type,
            RegisteredDocument.term_start == term_start,
        )
    )
    return int(found or 0)


def highest_event_number(session: Session, symbol: str, since: date) -> int:
    """The highest number written on events as "NN-<symbol>" (e.g. "48-QĐ/ĐU") from `since`:
    numbers given on paper before dvdesk kept the register count as used."""
    suffix = f"-{symbol}"
    numbers = session.scalars(
        select(PipelineEvent.number).where(
            PipelineEvent.number.like(f"%{suffix}"), PipelineEvent.on_date >= since
        )
    )
    best = 0
    for text in numbers:
        head = text[: -len(suffix)].strip()
        if head.isdigit():
            best = max(best, int(head))
    return best


def document_numbered(
    session: Session, issuer_unit_id: str, doc_type: str, term_start: date, number: int
) -> RegisteredDocument | None:
    return session.scalars(
        select(RegisteredDocument).where(
            RegisteredDocument.issuer_unit_id == issuer_unit_id,
            RegisteredDocument.doc_type == doc_type,
            RegisteredDocument.term_start == term_start,
            RegisteredDocument.number == number,
        )
    ).first()


def documents(
    session: Session,
    issuer_unit_id: str | None = None,
    doc_type: str | None = None,
    person_id: str | None = None,
) -> Sequence[RegisteredDocument]:
    query = select(RegisteredDocument)
    if issuer_unit_id is not None:
        query = query.where(RegisteredDocument.issuer_unit_id == issuer_unit_id)
    if doc_type is not None:
        query = query.where(RegisteredDocument.doc_type == doc_type)
    if person_id is not None:
        query = query.where(RegisteredDocument.person_id == person_id)
    query = query.order_by(
        RegisteredDocument.issued_on.desc(),
        RegisteredDocument.doc_type,
        RegisteredDocument.number.desc(),
    )
    return session.scalars(query).all()


def event_of_kind(session: Session, person_id: str, kind: str) -> PipelineEvent | None:
    """The person's latest event of a kind (the one a printed document belongs to)."""
    return session.scalars(
        select(PipelineEvent)
        .where(PipelineEvent.person_id == person_id, PipelineEvent.kind == kind)
        .order_by(PipelineEvent.on_date.desc())
        .limit(1)
    ).first()


def probationary_members(session: Session, unit_id: str, on: date) -> int:
    """Members of the unit who were probationary on the day (admitted, not yet official, not
    gone)."""
    stmt = select(func.count(Member.id)).where(
        Member.unit_id == unit_id,
        or_(Member.ceremony_date.is_(None), Member.ceremony_date <= on),
        or_(
            and_(Member.status == "probationary", Member.official_date.is_(None)),
            Member.official_date > on,
        ),
        or_(Member.left_on.is_(None), Member.left_on > on),
    )
    return int(session.scalar(stmt) or 0)


def setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def roster_rows(session: Session, class_id: str) -> Sequence[Row[Any]]:
    """A class's roster for printing: each person with birth date, sex, chi bộ, certificate."""
    stmt = (
        select(
            Person.full_name,
            Person.birth_date,
            Person.sex,
            Unit.name.label("cell_name"),
            Enrolment.status,
            Enrolment.attended_sessions,
            Enrolment.score,
            CertificateRecord.number.label("certificate_number"),
            CertificateRecord.issued_on.label("certificate_issued_on"),
        )
        .join(Person, Person.id == Enrolment.person_id)
        .outerjoin(Unit, Unit.id == Person.unit_id)
        .outerjoin(CertificateRecord, CertificateRecord.id == Enrolment.certificate_id)
        .where(Enrolment.class_id == class_id)
    )
    # People the class certified without an enrolment row (recorded from paper, or imported).
    enrolled = select(Enrolment.person_id).where(Enrolment.class_id == class_id)
    certified = (
        select(
            Person.full_name,
            Person.birth_date,
            Person.sex,
            Unit.name.label("cell_name"),
            literal("passed").label("status"),
            literal(None, Integer).label("attended_sessions"),
            literal("").label("score"),
            CertificateRecord.number.label("certificate_number"),
            CertificateRecord.issued_on.label("certificate_issued_on"),
        )
        .join(Person, Person.id == CertificateRecord.person_id)
        .outerjoin(Unit, Unit.id == Person.unit_id)
        .where(CertificateRecord.class_id == class_id, Person.id.not_in(enrolled))
    )
    rows: list[Any] = [*session.execute(stmt).all(), *session.execute(certified).all()]
    keys = {id(r): name_sort_key(r.full_name) for r in rows}
    return sorted(rows, key=lambda r: keys[id(r)])


def probation_register(session: Session, unit_ids: Sequence[str]) -> Sequence[Person]:
    """People of these units who have had an admission ceremony (the 18-KNĐ's rows), with their
    events loaded, in ceremony order."""
    ceremony = (
        select(PipelineEvent.person_id, func.min(PipelineEvent.on_date).label("on"))
        .where(PipelineEvent.kind == "ceremony")
        .group_by(PipelineEvent.person_id)
        .subquery()
    )
    stmt = (
        select(Person)
        .join(ceremony, ceremony.c.person_id == Person.id)
        .where(Person.unit_id.in_(unit_ids))
        .options(selectinload(Person.events))
        .order_by(ceremony.c.on, Person.sort_key)
    )
    return session.scalars(stmt).all()


def units_under(session: Session, unit_id: str) -> list[Unit]:
    """The unit and every unit below it."""
    units = session.scalars(select(Unit)).all()
    children: dict[str | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    found: dict[str, Unit] = {}
    todo = [u for u in units if u.id == unit_id]
    while todo:
        unit = todo.pop()
        if unit.id in found:
            continue  # a parent loop in bad data must not hang the program
        found[unit.id] = unit
        todo += children.get(unit.id, [])
    return list(found.values())
