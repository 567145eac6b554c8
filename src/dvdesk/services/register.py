"""The document register: numbers per document type, from 01 within the committee's term.

36-HD/VPTW numbers a committee's documents separately for each type, from 01, within one term
of the committee (domain research §4). A number once issued is never issued again: a document
made by mistake is voided with its reason and keeps its row, so the sequence shows the gap.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from dvdesk.db import register_queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import PipelineEvent, RegisteredDocument, Unit
from dvdesk.domain.forms import DocType
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.errors import NotFoundError, UserError

NO_TERM = date(1900, 1, 1)

# The abbreviation after the slash when a unit has none set: chi bộ "CB", committees "ĐU".
_DEFAULT_SYMBOL = {"chi_bo": "CB", "office": "ĐU"}


@dataclass(frozen=True)
class IssuedNumber:
    document_id: str
    number: int
    symbol: str  # "NQ/CB"
    issued_on: date

    @property
    def text(self) -> str:
        """'12-NQ/CB', as printed after 'Số '."""
        return f"{self.number:02d}-{self.symbol}"


@dataclass(frozen=True)
class RegisterEntry:
    document_id: str
    issuer_unit_id: str
    doc_type: str
    number: int
    number_text: str
    issued_on: date
    form_code: str
    subject: str
    person_id: str | None
    void_reason: str
    inputs: dict[str, str]


def unit_symbol(unit: Unit, session: Session | None = None) -> str:
    """The abbreviation after the slash: the unit's own; for the office, the committee's from
    the print settings (the board's unit issues in its committee's name)."""
    if unit.symbol.strip():
        return unit.symbol.strip()
    if unit.kind == "office" and session is not None:
        symbol = register_queries.setting(session, "print.committee_symbol")
        if symbol:
            return symbol
    return _DEFAULT_SYMBOL.get(unit.kind, "CB")


def term_start_for(unit: Unit, on: date) -> date:
    """The term an issue date falls in; a date outside the unit's set term is refused."""
    if unit.term_start is None:
        return NO_TERM
    end = unit.term_end.strftime("%d/%m/%Y") if unit.term_end else "nay"
    start = unit.term_start.strftime("%d/%m/%Y")
    if on < unit.term_start:
        raise UserError(
            f"Ngày ban hành {on:%d/%m/%Y} thuộc nhiệm kỳ trước của {unit.name} (nhiệm kỳ này "
            f"từ {start}): dvdesk không cấp số cho nhiệm kỳ đã qua. Ghi số đã cấp trên giấy "
            "vào sự kiện, hoặc in không cấp số.",
            f"The issue date {on:%d/%m/%Y} falls in an earlier term of {unit.name} (this one "
            f"began {start}): dvdesk gives no numbers in a past term. Write the number given on "
            "paper on the event, or print without a number.",
            "issued_on",
        )
    if unit.term_end is not None and on > unit.term_end:
        raise UserError(
            f"Ngày ban hành {on:%d/%m/%Y} nằm ngoài nhiệm kỳ của {unit.name} "
            f"({start} – {end}). Hãy cập nhật nhiệm kỳ trước khi cấp số.",
            f"The issue date {on:%d/%m/%Y} is outside {unit.name}'s term ({start} – {end}). "
            "Update the term before issuing numbers.",
            "issued_on",
        )
    return unit.term_start


def issue(
    session: Session,
    issuer_unit_id: str,
    doc_type: DocType,
    issued_on: date,
    *,
    form_code: str = "",
    subject: str = "",
    person_id: str | None = None,
    event_id: str | None = None,
    inputs: Mapping[str, str] | None = None,
    actor: str = "",
) -> IssuedNumber:
    """Give the next number of the issuer's sequence for this type, inside the caller's
    transaction (the writer lock is held, so two desks cannot draw the same number)."""
    unit = session.get(Unit, issuer_unit_id)
    if unit is None:
        raise NotFoundError("Không tìm thấy đơn vị ban hành.", "Issuing unit not found.")
    term = term_start_for(unit, issued_on)
    symbol = f"{doc_type.value}/{unit_symbol(unit, session)}"
    number = 1 + max(
        register_queries.last_number(session, unit.id, doc_type.value, term),
        register_queries.highest_event_number(session, symbol, term),
    )
    return _add(
        session,
        unit,
        doc_type,
        term,
        number,
        symbol,
        issued_on,
        form_code,
        subject,
        person_id,
        event_id,
        inputs,
        actor,
    )


def _add(
    session: Session,
    unit: Unit,
    doc_type: DocType,
    term: date,
    number: int,
    symbol: str,
    issued_on: date,
    form_code: str,
    subject: str,
    person_id: str | None,
    event_id: str | None,
    inputs: Mapping[str, str] | None,
    actor: str,
) -> IssuedNumber:
    row = RegisteredDocument(
        issuer_unit_id=unit.id,
        owner_unit_id=unit.id,
        doc_type=doc_type.value,
        term_start=term,
        number=number,
        symbol=symbol,
        issued_on=issued_on,
        form_code=form_code,
        subject=clean(subject)[:300],
        person_id=person_id,
        event_id=event_id,
        inputs=json.dumps(dict(inputs or {}), ensure_ascii=False, sort_keys=True),
        created_at=datetime.now(UTC).replace(tzinfo=None),
    )
    session.add(row)
    session.flush()
    audit.log(
        session,
        actor or audit.current_user(),
        "issue_number",
        "document",
        row.id,
        after=audit.snapshot(row),
    )
    return IssuedNumber(row.id, number, symbol, issued_on)


def record(
    session: Session,
    issuer_unit_id: str,
    doc_type: DocType,
    issued_on: date,
    number: int,
    *,
    form_code: str = "",
    subject: str = "",
    person_id: str | None = None,
    event_id: str | None = None,
    inputs: Mapping[str, str] | None = None,
    actor: str = "",
) -> IssuedNumber:
    """Enter a number already given on paper (typed on an event) in the register. The sequence
    then goes on after the highest number, and a number already taken is refused.

    A document of an earlier term (dated before the unit's current term) keeps its paper number
    but is not entered: the register holds the current term, whose earlier bounds it does not
    know. The returned `document_id` is then empty."""
    unit = session.get(Unit, issuer_unit_id)
    if unit is None:
        raise NotFoundError("Không tìm thấy đơn vị ban hành.", "Issuing unit not found.")
    symbol = f"{doc_type.value}/{unit_symbol(unit, session)}"
    if unit.term_start is not None and issued_on < unit.term_start:
        return IssuedNumber("", number, symbol, issued_on)
    term = term_start_for(unit, issued_on)
    taken = register_queries.document_numbered(session, unit.id, doc_type.value, term, number)
    if taken is not None:
        raise UserError(
            f"Số {number:02d}-{symbol} đã cấp cho văn bản «{taken.subject}» "
            f"ngày {taken.issued_on:%d/%m/%Y}. Sửa số ghi trên sự kiện rồi in lại.",
            f"Number {number:02d}-{symbol} was already given to {taken.subject!r} "
            f"on {taken.issued_on:%d/%m/%Y}. Correct the number on the event and print again.",
            "number",
        )
    return _add(
        session,
        unit,
        doc_type,
        term,
        number,
        symbol,
        issued_on,
        form_code,
        subject,
        person_id,
        event_id,
        inputs,
        actor,
    )


def void(db: Database, document_id: str, reason: str, actor: str = "") -> None:
    """Mark a registered document void; its number stays used."""
    reason = clean(reason)
    if not reason:
        raise UserError(
            "Cần ghi lý do hủy văn bản.", "A reason is needed to void a document.", "reason"
        )
    with db.unit_of_work() as session:
        row = session.get(RegisteredDocument, document_id)
        if row is None:
            raise NotFoundError("Không tìm thấy văn bản.", "Document not found.")
        if row.void_reason:
            # Two desks voiding one number: the first reason stands, the second is told.
            raise UserError(
                f"Văn bản số {row.number:02d}-{row.symbol} đã bị hủy (lý do: {row.void_reason}).",
                f"Document {row.number:02d}-{row.symbol} is already void "
                f"(reason: {row.void_reason}).",
                "reason",
            )
        before = audit.snapshot(row)
        row.void_reason = reason
        # The event no longer carries the voided number: the next print gives a new one.
        event = session.get(PipelineEvent, row.event_id) if row.event_id else None
        if event is not None and event.number == f"{row.number:02d}-{row.symbol}":
            event.number = ""
        audit.log(
            session,
            actor or audit.current_user(),
            "void",
            "document",
            row.id,
            before=before,
            after=audit.snapshot(row),
            reason=reason,
        )


def _entry(row: RegisteredDocument) -> RegisterEntry:
    try:
        inputs = json.loads(row.inputs) if row.inputs else {}
    except ValueError:
        inputs = {}
    return RegisterEntry(
        document_id=row.id,
        issuer_unit_id=row.issuer_unit_id,
        doc_type=row.doc_type,
        number=row.number,
        number_text=f"{row.number:02d}-{row.symbol}",
        issued_on=row.issued_on,
        form_code=row.form_code,
        subject=row.subject,
        person_id=row.person_id,
        void_reason=row.void_reason,
        inputs={str(k): str(v) for k, v in inputs.items()},
    )


def entries(
    db: Database,
    issuer_unit_id: str | None = None,
    doc_type: str | None = None,
    person_id: str | None = None,
) -> list[RegisterEntry]:
    with db.reader() as session:
        rows = register_queries.documents(session, issuer_unit_id, doc_type, person_id)
        return [_entry(r) for r in rows]
