"""Dossiers the office rules a state secret ("Mật", Law 29/2018/QH14; QĐ 1630/QĐ-TTg).

Only the office rules; the ruling is its own record and goes down to the chi bộ with the next
bundle. A secret dossier prints with the secrecy mark and is never written to a file that
could be mailed: saving its forms as PDF and exporting its lines to a spreadsheet are refused
or masked (reliability.md §4, "State secrets").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dvdesk.db import secrecy_queries as q
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Classification, Person
from dvdesk.domain.privacy import SECRET_MASK
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.concurrency import refuse_if_changed
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.roles import require_office

MARK = "MẬT"
MASKED_NAME = SECRET_MASK


@dataclass(frozen=True)
class Ruling:
    person_id: str
    ruled_on: date
    basis: str


@dataclass(frozen=True)
class _Shown:
    ruling: Ruling | None


def _ruling_text(value: Ruling | None) -> str:
    if value is None:
        return "không mật"
    return f"Mật, ngày {value.ruled_on:%d/%m/%Y}, căn cứ {value.basis}"


def _office_only(session: Session) -> str:
    return require_office(
        session,
        "Chỉ cơ quan cấp trên xác định độ mật của hồ sơ.",
        "Only the office above rules a dossier secret.",
    )


def classify(
    db: Database,
    person_id: str,
    ruled_on: date,
    basis: str,
    actor: str = "",
    *,
    shown: bool = False,
    started_from: Ruling | None = None,
) -> Ruling:
    """Rule the person's dossier secret (or change the ruling's date and basis).

    `shown`: the caller showed the dossier as `started_from` (None: not secret); if another desk
    ruled meanwhile, ChangedMeanwhile says what it ruled and nothing is written."""
    basis = clean(basis)
    if not basis:
        raise UserError(
            "Ghi căn cứ xác định độ mật (số văn bản, ngày).",
            "Give the basis of the ruling (the document's number and date).",
            "basis",
        )
    with db.unit_of_work() as session:
        office = _office_only(session)
        if session.get(Person, person_id) is None:
            raise NotFoundError("Không tìm thấy người này.", "Person not found.")
        row = q.ruling(session, person_id)
        if shown:
            refuse_if_changed(
                _Shown(started_from),
                _Shown(Ruling(row.person_id, row.ruled_on, row.basis) if row else None),
                {"ruling": ("Độ mật", "Secrecy ruling")},
                ("độ mật của hồ sơ này", "the secrecy of this dossier"),
                lambda _key, value: _ruling_text(value),
            )
        before = audit.snapshot(row) if row else None
        if row is None:
            row = Classification(person_id=person_id, owner_unit_id=office)
            session.add(row)
        row.level, row.ruled_on, row.basis = "mat", ruled_on, basis
        session.flush()
        audit.log(
            session,
            actor or audit.current_user(),
            "classify",
            "person",
            person_id,
            before=before,
            after=audit.snapshot(row),
        )
        return Ruling(person_id, ruled_on, basis)


def declassify(db: Database, person_id: str, reason: str, actor: str = "") -> None:
    with db.unit_of_work() as session:
        _office_only(session)
        row = q.ruling(session, person_id)
        if row is None:
            raise UserError("Hồ sơ này không mật.", "This dossier is not secret.", "person")
        before = audit.snapshot(row)
        session.delete(row)  # the deletion goes down as well
        audit.log(
            session,
            actor or audit.current_user(),
            "declassify",
            "person",
            person_id,
            before=before,
            reason=clean(reason),
        )


def ruling(db: Database, person_id: str) -> Ruling | None:
    with db.reader() as session:
        row = q.ruling(session, person_id)
        return Ruling(row.person_id, row.ruled_on, row.basis) if row else None


def secret_ids(session: Session, person_ids: Iterable[str]) -> set[str]:
    return q.secret_among(session, person_ids)


def is_secret(db: Database, person_id: str) -> bool:
    with db.reader() as session:
        return bool(q.secret_among(session, [person_id]))


def class_is_secret(session: Session, class_id: str) -> bool:
    return q.class_has_secret(session, class_id)
