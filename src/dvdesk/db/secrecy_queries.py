"""Which dossiers are ruled secret (services.classification)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from dvdesk.db.models import Classification, Enrolment

_CHUNK = 500


def ruling(session: Session, person_id: str) -> Classification | None:
    return session.scalars(
        select(Classification).where(Classification.person_id == person_id)
    ).first()


def secret_among(session: Session, person_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(person_ids))
    found: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        found |= set(
            session.scalars(
                select(Classification.person_id).where(
                    Classification.person_id.in_(ids[start : start + _CHUNK])
                )
            )
        )
    return found


def class_has_secret(session: Session, class_id: str) -> bool:
    """Whether anyone in the class has a secret dossier."""
    stmt = (
        select(Classification.id)
        .join(Enrolment, Enrolment.person_id == Classification.person_id)
        .where(Enrolment.class_id == class_id)
        .limit(1)
    )
    return session.scalar(stmt) is not None


def all_secret(session: Session) -> set[str]:
    """Every person whose dossier is ruled secret (a handful: read whole)."""
    return set(session.scalars(select(Classification.person_id)))
