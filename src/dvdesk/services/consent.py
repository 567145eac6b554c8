"""Consent to the processing of personal data: recorded per person with the notice's version,
withdrawn when the person says so, printed for the dossier (domain.privacy)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvdesk.db import purge_queries, queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Consent, Person, Unit
from dvdesk.domain.privacy import FORM_CODE, NOTICE_VERSION, NoticeFacts
from dvdesk.domain.text import clean
from dvdesk.reports.forms import consent as consent_form
from dvdesk.reports.pdf_layout import to_margins
from dvdesk.reports.pdf_secrecy import stamp_secret
from dvdesk.services import audit, classification
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.people import creating_unit
from dvdesk.services.print_settings import read_settings


@dataclass(frozen=True)
class ConsentView:
    id: str
    given_on: date
    notice_version: str
    collected_by: str
    withdrawn_on: date | None
    current: bool  # given under the notice in use now, and not withdrawn


def _person(session: Session, person_id: str) -> Person:
    found = session.get(Person, person_id)
    if found is None:
        raise NotFoundError("Không tìm thấy người này.", "Person not found.")
    return found


def _view(row: Consent) -> ConsentView:
    return ConsentView(
        row.id,
        row.given_on,
        row.notice_version,
        row.collected_by,
        row.withdrawn_on,
        row.withdrawn_on is None and row.notice_version == NOTICE_VERSION,
    )


def consents(db: Database, person_id: str) -> list[ConsentView]:
    with db.reader() as session:
        return [_view(c) for c in _person(session, person_id).consents]


def has_consent(db: Database, person_id: str) -> bool:
    return any(c.current for c in consents(db, person_id))


def record(
    db: Database, person_id: str, given_on: date, collected_by: str, actor: str = ""
) -> ConsentView:
    """The person signed the notice in use now on `given_on`, handed over by `collected_by`."""
    collected_by = clean(collected_by)
    if not collected_by:
        raise UserError(
            "Ghi rõ người đã giao thông báo và nhận ý kiến đồng ý.",
            "Say who handed over the notice and took the consent.",
            "collected_by",
        )
    with db.unit_of_work() as session:
        person = _person(session, person_id)
        if person.purged_on is not None:
            raise UserError(
                "Dữ liệu của người này đã bị xóa.", "This person's data was purged.", "person"
            )
        row = Consent(
            given_on=given_on,
            notice_version=NOTICE_VERSION,
            collected_by=collected_by,
            owner_unit_id=creating_unit(session, person),
        )
        person.consents.append(row)
        session.flush()
        audit.log(
            session,
            actor or audit.current_user(),
            "consent",
            "consent",
            row.id,
            after=audit.snapshot(row),
        )
        return _view(row)


def withdraw(db: Database, consent_id: str, on: date, actor: str = "") -> ConsentView:
    with db.unit_of_work() as session:
        row = session.get(Consent, consent_id)
        if row is None:
            raise NotFoundError("Không tìm thấy ý kiến đồng ý này.", "Consent not found.")
        if row.withdrawn_on is not None:
            raise UserError(
                "Ý kiến đồng ý này đã được rút lại.", "This consent was already withdrawn.", "on"
            )
        if on < row.given_on:
            raise UserError(
                "Ngày rút lại không thể trước ngày đồng ý.",
                "The withdrawal cannot be before the consent.",
                "on",
            )
        before = audit.snapshot(row)
        row.withdrawn_on = on
        audit.log(
            session,
            actor or audit.current_user(),
            "withdraw_consent",
            "consent",
            row.id,
            before=before,
            after=audit.snapshot(row),
        )
        return _view(row)


def print_notice(
    db: Database, person_id: str, on: date | None, collected_by: str = "", actor: str = ""
) -> bytes:
    """The notice and consent page (TB-DLCN) for the person to read and sign."""
    with db.reader() as session:
        person = _person(session, person_id)
        install = queries.install(session)
        unit = session.get(Unit, person.unit_id) if person.unit_id else None
        own = session.get(Unit, install.unit_id) if install else None
        cell = unit or own
        parent = session.get(Unit, cell.parent_id) if cell and cell.parent_id else None
        settings = read_settings(session)
        facts = NoticeFacts(
            person_name=person.full_name,
            controller=cell.name if cell else "",
            office=parent.name if parent else (settings.committee_name or "cấp ủy cấp trên"),
            purge_months=purge_queries.period_in_force(session),
        )
        place = settings.place
        margins = to_margins(settings.margins)
        secret = bool(classification.secret_ids(session, [person_id]))
    pdf = consent_form.render(
        consent_form.ConsentPage(facts, NOTICE_VERSION, place, on, clean(collected_by)), margins
    )
    if secret:
        pdf = stamp_secret(pdf)
    with db.unit_of_work() as session:
        audit.log(
            session,
            actor or audit.current_user(),
            "print",
            "person",
            person_id,
            after={"form": FORM_CODE},
        )
    return pdf
