"""Returns for correction: the office sends a person's record back to the chi bộ with the
reason; it stays in the chi bộ's to-do list until the chi bộ says what it corrected. Both the
return and its answer travel in the ordinary bundles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Correction
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.errors import NotFoundError, UserError

MAX_REASON = 2000


@dataclass(frozen=True)
class CorrectionView:
    id: str
    person_id: str
    person_code: str
    person_name: str
    reason: str
    returned_on: date
    due: date | None
    resolved_on: date | None
    resolution: str

    @property
    def open(self) -> bool:
        return self.resolved_on is None


def return_for_correction(
    db: Database,
    person_ref: str,
    reason: str,
    on: date,
    *,
    due: date | None = None,
    actor: str = "",
) -> str:
    """Send a person's dossier back to its chi bộ with the reason (the office's act)."""
    reason = clean(reason)
    if not reason:
        raise UserError(
            "Cần ghi lý do trả lại để chi bộ biết phải sửa gì.",
            "Write the reason, so the chi bộ knows what to correct.",
            "reason",
        )
    if len(reason) > MAX_REASON:
        raise UserError(
            f"Lý do quá dài (tối đa {MAX_REASON} ký tự).",
            f"The reason is too long (at most {MAX_REASON} characters).",
            "reason",
        )
    if due is not None and due < on:
        raise UserError(
            "Hạn sửa không được trước ngày trả lại.",
            "The correction cannot be due before the day it is returned.",
            "due",
        )
    with db.unit_of_work() as session:
        person = queries.person_by_key(session, clean(person_ref))
        if person is None:
            raise NotFoundError(
                f"Không tìm thấy người «{person_ref}».", f"No person {person_ref!r}.", "person"
            )
        install = queries.install(session)
        row = Correction(
            person_id=person.id,
            entity="people",
            record_id=person.id,
            reason=reason,
            returned_on=on,
            due=due,
            owner_unit_id=install.unit_id if install else person.owner_unit_id,
        )
        session.add(row)
        session.flush()
        audit.log(
            session,
            actor or audit.current_user(),
            "return_for_correction",
            "person",
            person.id,
            after=audit.snapshot(row),
        )
        return row.id


def resolve_correction(
    db: Database, correction_id: str, note: str, on: date, actor: str = ""
) -> None:
    """The chi bộ says what it corrected; the return leaves its to-do list."""
    note = clean(note)
    if not note:
        raise UserError(
            "Ghi ngắn gọn đã sửa những gì, để cấp trên kiểm tra.",
            "Say briefly what was corrected, for the office to check.",
            "resolution",
        )
    with db.unit_of_work() as session:
        row = session.get(Correction, correction_id)
        if row is None:
            raise NotFoundError("Không tìm thấy yêu cầu sửa.", "No such return.", "correction")
        if row.resolved_on is not None:
            raise UserError(
                "Yêu cầu này đã được trả lời.", "This return was already answered.", "correction"
            )
        before = audit.snapshot(row)
        row.resolved_on = on
        row.resolution = note
        audit.log(
            session,
            actor or audit.current_user(),
            "resolve_correction",
            "person",
            row.person_id,
            before=before,
            after=audit.snapshot(row),
        )


def corrections(db: Database, *, open_only: bool = False) -> list[CorrectionView]:
    with db.reader() as session:
        rows = queries.corrections(session, open_only)
        return [
            CorrectionView(
                id=row.id,
                person_id=row.person_id,
                person_code=code or "",
                person_name=name,
                reason=row.reason,
                returned_on=row.returned_on,
                due=row.due,
                resolved_on=row.resolved_on,
                resolution=row.resolution,
            )
            for row, code, name in rows
        ]
