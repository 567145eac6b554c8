"""Printing a form from the database: load the dossier, number it, fill it, render it.

A numbered form (resolutions, decisions, letters) gets its number from the register the first
time it is printed for a person; printing it again reuses that number and the text typed the
first time, so a reprint is the same document. A number recorded on the person's event (typed
from a paper book) is honoured and entered in the register. Free text typed for an unnumbered
form is kept too, so nothing typed into the print dialog is lost.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import Any

from dvdesk.db import class_queries, mentor_queries, queries, register_queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Person, PipelineEvent, RegisteredDocument, Unit
from dvdesk.domain.dates import add_months
from dvdesk.domain.dossier import (
    CertificateEntry,
    ClassDossier,
    DossierEvent,
    FamilyEntry,
    MemberRef,
    PersonDossier,
    PrintContext,
    ProbationRow,
    RosterEntry,
)
from dvdesk.domain.forms import DocType, FormInput, FormSpec, Issuer, Subject, form_on
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.text import clean, fold
from dvdesk.reports.pdf_layout import to_margins
from dvdesk.reports.pdf_secrecy import stamp_secret
from dvdesk.services import audit, classification, register
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.print_settings import PrintSettings, read_settings

# The module in dvdesk.reports.forms that prints each form.
FORM_MODULES: dict[str, str] = {
    "1-KNĐ": "f1_kn",
    "2-KNĐ": "f2_kn",
    "3-KNĐ": "f3_kn",
    "4-KNĐ": "f4_kn",
    "5-KNĐ": "f5_kn",
    "6-KNĐ": "f6_kn",
    "8-KNĐ": "f8_kn",
    "9-KNĐ": "f9_kn",
    "10-KNĐ": "f10_kn",
    "11-KNĐ": "f11_kn",
    "12-KNĐ": "f12_kn",
    "13-KNĐ": "f13_kn",
    "15-KNĐ": "f15_kn",
    "16-KNĐ": "f16_kn",
    "18-KNĐ": "f18_kn",
    "20-KNĐ": "f20_kn",
    "CN-NTVĐ": "certificate",
    "DS-LOP": "class_roster",
}

# The event a person's form belongs to: its date is the document's date by default, and a
# number issued for the form is written on the event.
FORM_EVENTS: dict[str, EventKind] = {
    "1-KNĐ": EventKind.APPLICATION,
    "2-KNĐ": EventKind.APPLICATION,
    "4-KNĐ": EventKind.MASS_ORG_RESOLUTION,
    "5-KNĐ": EventKind.OPINIONS,
    "6-KNĐ": EventKind.CELL_VOTE,
    "9-KNĐ": EventKind.DECISION,
    "13-KNĐ": EventKind.RECOGNITION_VOTE,
    "16-KNĐ": EventKind.RECOGNITION_DECISION,
}

_NUMBER = re.compile(r"^\s*(?:Số\s*)?0*(\d{1,5})\s*-\s*([^\s/]+)\s*/\s*(\S+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PrintedForm:
    code: str
    title: str
    pdf: bytes
    number_text: str  # "12-NQ/CB", or "" for an unnumbered form
    document_id: str | None
    file_name: str  # a suggested file name: "6-KNĐ Phạm Thu Trang.pdf"


def _module(code: str) -> ModuleType:
    name = FORM_MODULES.get(code)
    if name is None:
        raise UserError(
            f"dvdesk chưa in được mẫu «{code}».",
            f"dvdesk cannot print form {code!r}.",
            "form",
        )
    return importlib.import_module(f"dvdesk.reports.forms.{name}")


def spec_for(code: str, on: date | None = None) -> FormSpec:
    """The catalogue entry of a form in force on a day; a code it does not know is refused."""
    spec = form_on(code, on or date.today())
    if spec is None:
        known = ", ".join(FORM_MODULES)
        raise UserError(
            f"Không có mẫu «{code}». Các mẫu in được: {known}.",
            f"No form {code!r}. Forms that print: {known}.",
            "form",
        )
    return spec


def printable_forms(subject: Subject, on: date | None = None) -> list[FormSpec]:
    """The forms of the catalogue in force that dvdesk prints for a person / class / register."""
    day = on or date.today()
    out = []
    for code in FORM_MODULES:
        spec = form_on(code, day)
        if spec is not None and spec.subject is subject:
            out.append(spec)
    return out


def form_inputs(code: str) -> tuple[FormInput, ...]:
    inputs: tuple[FormInput, ...] = getattr(_module(spec_for(code).code), "INPUTS", ())
    return inputs


# --- reading a dossier ----------------------------------------------------------------------


def _member_ref(assignment: Any, cells: Mapping[str, str]) -> MemberRef:
    member = assignment.member
    return MemberRef(
        full_name=member.full_name,
        birth_date=member.birth_date,
        status=member.status,
        admission_decision_date=member.admission_decision_date,
        official_date=member.official_date,
        cell_name=cells.get(member.unit_id or "", ""),
        from_date=assignment.from_date,
        to_date=assignment.to_date,
        replacement=assignment.replacement,
    )


def _current_first(refs: Sequence[Any]) -> list[Any]:
    return sorted(refs, key=lambda a: (a.to_date is not None, a.from_date or date.min))


def load_dossier(session: Session, person: Person) -> PersonDossier:
    cells = {u.id: u.name for u in queries.all_units(session)}
    introducers = _current_first([a for a in person.assignments if a.role == "introducer"])
    helpers = _current_first([a for a in person.assignments if a.role == "helper"])
    notes: list[tuple[date, str]] = []
    if helpers:
        current = helpers[0].id
        notes = [
            (note.on_date, note.text)
            for note, assignment, _member in mentor_queries.helper_notes_of_person(
                session, person.id
            )
            if assignment.id == current
        ]
    class_names = {c.id: (c.name, c.start_date, c.end_date) for c in _classes_of(session, person)}
    return PersonDossier(
        person_id=person.id,
        code=person.code,
        full_name=person.full_name,
        birth_name=person.birth_name,
        sex=person.sex,
        birth_date=person.birth_date,
        birth_place=person.birth_place,
        hometown=person.hometown,
        residence=person.residence,
        cccd=person.cccd,
        ethnicity=person.ethnicity,
        religion=person.religion,
        education=person.education,
        occupation=person.occupation,
        youth_union_member=person.youth_union_member,
        youth_union_date=person.youth_union_date,
        trade_union_member=person.trade_union_member,
        trade_union_date=person.trade_union_date,
        joined_unit_on=person.joined_unit_on,
        notes=person.notes,
        cell_name=cells.get(person.unit_id or "", ""),
        family=tuple(
            FamilyEntry(
                relation=f.relation,
                full_name=f.full_name,
                birth_year=f.birth_year,
                hometown=f.hometown,
                residence=f.residence,
                occupation=f.occupation,
                party_member=f.party_member,
                history=f.history,
            )
            for f in person.family
        ),
        events=tuple(
            DossierEvent(
                kind=EventKind(e.kind),
                on=e.on_date,
                number=e.number,
                official_members=e.official_members,
                present=e.present,
                votes_for=e.votes_for,
                votes_against=e.votes_against,
                mass_org=e.mass_org,
                reason=e.reason,
            )
            for e in sorted(person.events, key=lambda e: e.on_date)
        ),
        introducers=tuple(_member_ref(a, cells) for a in introducers),
        helpers=tuple(_member_ref(a, cells) for a in helpers),
        helper_notes=tuple(notes),
        certificates=tuple(
            CertificateEntry(
                kind=c.kind,
                number=c.number,
                issued_on=c.issued_on,
                issuer=c.issuer,
                class_name=class_names.get(c.class_id or "", ("", None, None))[0],
                class_start=class_names.get(c.class_id or "", ("", None, None))[1],
                class_end=class_names.get(c.class_id or "", ("", None, None))[2],
            )
            for c in person.certificates
        ),
    )


def _classes_of(session: Session, person: Person) -> list[Any]:
    ids = {c.class_id for c in person.certificates if c.class_id}
    found = [class_queries.party_class(session, i) for i in ids]
    return [c for c in found if c is not None]


def find_person(session: Session, ref: str) -> Person:
    person = queries.person_by_key(session, clean(ref))
    if person is None:
        raise NotFoundError(
            f"Không tìm thấy người có mã, số CCCD hoặc id «{ref}».",
            f"No person with code, CCCD or id {ref!r}.",
            "person",
        )
    return person


# --- the context: who issues, where, when, under which number -------------------------------


def _issuer_units(session: Session, person_unit: Unit | None) -> tuple[Unit | None, Unit | None]:
    """(the chi bộ, the committee above it) as units, where the database knows them."""
    if person_unit is None:
        install = queries.install(session)
        person_unit = session.get(Unit, install.unit_id) if install else None
    if person_unit is None:
        return None, None
    if person_unit.kind == "office":
        return person_unit, person_unit
    parent = session.get(Unit, person_unit.parent_id) if person_unit.parent_id else None
    return person_unit, parent


def _context(
    settings: PrintSettings,
    cell: Unit | None,
    on: date,
    number: int | None,
    inputs: Mapping[str, str],
) -> PrintContext:
    cell_name = cell.name if cell is not None else ""
    return PrintContext(
        on=on,
        place=(cell.place if cell is not None and cell.place else settings.place),
        cell_name=cell_name,
        committee_name=settings.committee_name,
        superior_of_cell=settings.committee_name,
        superior_of_committee=settings.committee_superior,
        cell_symbol=register.unit_symbol(cell) if cell is not None else "CB",
        committee_symbol=settings.committee_symbol,
        cell_secretary=cell.secretary_name if cell is not None else "",
        committee_secretary=settings.committee_secretary,
        committee_signs_as=settings.committee_signs_as,
        number=number,
        inputs=dict(inputs),
        margins=settings.margins,
    )


def _inputs_key(person_id: str, code: str) -> str:
    return f"inputs:{person_id}:{code}"


def saved_inputs(db: Database, code: str, person_ref: str) -> dict[str, str]:
    """The text typed the last time this form was printed for this person (to prefill)."""
    with db.reader() as session:
        person = find_person(session, person_ref)
        spec = spec_for(code)
        existing = _registered(session, person.id, spec.code)
        if existing is not None and existing.inputs:
            return _load_inputs(existing.inputs)
        raw = register_queries.setting(session, _inputs_key(person.id, spec.code))
        return _load_inputs(raw or "")


@dataclass(frozen=True)
class PrintPlan:
    """What the print dialog shows before printing: the form, its date, its number, its text."""

    code: str
    title: str
    person_name: str
    on: date
    numbered: bool
    number_text: str  # the number already given, or "" (a new one is given on printing)
    inputs: tuple[FormInput, ...]
    saved: dict[str, str]


def plan_print(db: Database, code: str, person_ref: str) -> PrintPlan:
    with db.reader() as session:
        person = find_person(session, person_ref)
        event_kind = FORM_EVENTS.get(spec_for(code).code)
        event = (
            register_queries.event_of_kind(session, person.id, event_kind) if event_kind else None
        )
        day = event.on_date if event is not None else date.today()
        spec = spec_for(code, day)
        existing = _registered(session, person.id, spec.code) if spec.numbered else None
        number_text = f"{existing.number:02d}-{existing.symbol}" if existing else ""
        if existing is not None:
            day = existing.issued_on
        name = person.full_name
        person_unit = session.get(Unit, person.unit_id) if person.unit_id else None
        cell, _committee = _issuer_units(session, person_unit)
        suggested = _suggestions(session, spec, cell, day)
    return PrintPlan(
        code=spec.code,
        title=spec.title,
        person_name=name,
        on=day,
        numbered=spec.numbered,
        number_text=number_text,
        inputs=form_inputs(spec.code),
        saved=saved_inputs(db, spec.code, person_ref) or suggested,
    )


def _clean_input(text: str) -> str:
    """One-line text is cleaned like every field; several lines keep their breaks."""
    return text.strip() if "\n" in text.strip() else clean(text)


def _dump(inputs: Mapping[str, str]) -> str:
    return json.dumps(dict(inputs), ensure_ascii=False, sort_keys=True)


def _suggestions(session: Session, spec: FormSpec, cell: Unit | None, on: date) -> dict[str, str]:
    """What the database can say for a form's typed fields: the chi bộ's probationary members
    on the day, its secretary in the chair. Only for the keys the form asks for."""
    keys = {i.key for i in getattr(_module(spec.code), "INPUTS", ())}
    out: dict[str, str] = {}
    if cell is not None and "probationary_members" in keys:
        count = register_queries.probationary_members(session, cell.id, on)
        out["probationary_members"] = str(count)
    if cell is not None and "chair" in keys and cell.secretary_name:
        out["chair"] = cell.secretary_name
    return out


def _load_inputs(raw: str) -> dict[str, str]:
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _registered(session: Session, person_id: str, code: str) -> RegisteredDocument | None:
    for row in register_queries.documents(session, person_id=person_id):
        if row.form_code == code and not row.void_reason:
            return row
    return None


def _issuer_for(spec: FormSpec, cell: Unit | None, committee: Unit | None) -> Unit | None:
    return cell if spec.issuer is Issuer.CELL else committee


def _recorded_number(event: PipelineEvent | None, doc_type: DocType) -> int | None:
    """A number typed on the event from a paper book ('12-NQ/CB'), if it is one of this type."""
    if event is None or not event.number.strip():
        return None
    match = _NUMBER.match(event.number)
    if match is None or fold(match.group(2)) != fold(doc_type.value):
        return None
    return int(match.group(1))


def print_person_form(
    db: Database,
    code: str,
    person_ref: str,
    *,
    on: date | None = None,
    inputs: Mapping[str, str] | None = None,
    number_it: bool = True,
    actor: str = "",
    **options: Any,
) -> PrintedForm:
    """Print one of a person's forms. A numbered form is entered in the register (once)."""
    with db.unit_of_work() as session:
        person = find_person(session, person_ref)
        person_unit = session.get(Unit, person.unit_id) if person.unit_id else None
        cell, committee = _issuer_units(session, person_unit)
        event_kind = FORM_EVENTS.get(spec_for(code, on).code)
        event = (
            register_queries.event_of_kind(session, person.id, event_kind) if event_kind else None
        )
        day = on or (event.on_date if event is not None else date.today())
        spec = spec_for(code, day)
        if spec.subject is not Subject.PERSON:
            raise UserError(
                f"Mẫu {spec.code} không in cho một người.",
                f"Form {spec.code} is not printed for a person.",
                "form",
            )
        # `inputs` None (the command line, a batch): the text kept from the last print, or
        # what the database suggests; given (the dialog): exactly that, and it is kept.
        given = None if inputs is None else {k: _clean_input(v) for k, v in inputs.items()}
        suggested = _suggestions(session, spec, cell, day)
        number: int | None = None
        document_id: str | None = None
        number_text = ""
        issuer = _issuer_for(spec, cell, committee)
        if spec.numbered and number_it and spec.doc_type is not None and issuer is not None:
            existing = _registered(session, person.id, spec.code)
            if existing is not None:
                number, document_id = existing.number, existing.id
                number_text = f"{existing.number:02d}-{existing.symbol}"
                day = on or existing.issued_on
                stored = _load_inputs(existing.inputs)
                typed = stored if given is None else given
                if typed != stored:
                    existing.inputs = _dump(typed)
            else:
                typed = suggested if given is None else given
                issued = _register(session, spec, issuer, person, event, day, typed, actor)
                number, number_text = issued.number, issued.text
                document_id = issued.document_id or None
        else:
            key = _inputs_key(person.id, spec.code)
            stored_raw = register_queries.setting(session, key)
            if given is not None:
                typed = given
                register_queries.set_setting(session, key, _dump(given))
            else:
                typed = _load_inputs(stored_raw) if stored_raw else suggested
        settings = read_settings(session)
        ctx = _context(settings, cell, day, number, typed)
        dossier = load_dossier(session, person)
        secret = bool(classification.secret_ids(session, [person.id]))
        # Personal data leaves the program on paper: who printed what (a first print's number
        # is logged by the register as well, as the document it is).
        audit.log(
            session,
            actor or audit.current_user(),
            "print",
            "person",
            person.id,
            after={"form": spec.code, "number": number_text, "people": 1},
        )
    module = _module(spec.code)
    data = module.from_dossier(dossier, ctx, **options)
    pdf = _render(module, data, ctx)
    if secret:
        pdf = stamp_secret(pdf)
    return PrintedForm(
        code=spec.code,
        title=spec.title,
        pdf=pdf,
        number_text=number_text,
        document_id=document_id,
        file_name=_file_name(spec.code, person.full_name),
    )


def _register(
    session: Session,
    spec: FormSpec,
    issuer: Unit,
    person: Person,
    event: PipelineEvent | None,
    day: date,
    typed: Mapping[str, str],
    actor: str,
) -> register.IssuedNumber:
    assert spec.doc_type is not None
    subject = f"{spec.title}: {person.full_name}"
    recorded = _recorded_number(event, spec.doc_type)
    if recorded is not None:
        return register.record(
            session,
            issuer.id,
            spec.doc_type,
            day,
            recorded,
            form_code=spec.code,
            subject=subject,
            person_id=person.id,
            event_id=event.id if event else None,
            inputs=typed,
            actor=actor,
        )
    issued = register.issue(
        session,
        issuer.id,
        spec.doc_type,
        day,
        form_code=spec.code,
        subject=subject,
        person_id=person.id,
        event_id=event.id if event else None,
        inputs=typed,
        actor=actor,
    )
    if event is not None and not event.number.strip():
        event.number = issued.text
    return issued


def _render(module: ModuleType, data: Any, ctx: PrintContext) -> bytes:
    margins = None if getattr(module, "OWN_MARGINS", False) else to_margins(ctx.margins)
    pdf: bytes = module.render(data, margins)
    return pdf


def _file_name(code: str, name: str) -> str:
    safe = re.sub(r'[\\/:*?"<>|]+', " ", f"{code} {name}").strip()
    return f"{safe}.pdf"


# --- classes and the probation register ------------------------------------------------------


def load_class(session: Session, class_id: str) -> ClassDossier:
    party_class = class_queries.party_class(session, class_id)
    if party_class is None:
        raise NotFoundError("Không tìm thấy lớp.", "Class not found.", "class")
    entries = tuple(
        RosterEntry(
            full_name=r.full_name,
            birth_date=r.birth_date,
            sex=r.sex,
            cell_name=r.cell_name or "",
            status=r.status,
            attended_sessions=r.attended_sessions,
            score=r.score,
            certificate_number=r.certificate_number or "",
            certificate_issued_on=r.certificate_issued_on,
        )
        for r in register_queries.roster_rows(session, class_id)
    )
    return ClassDossier(
        class_id=party_class.id,
        kind=party_class.kind,
        name=party_class.name,
        organiser=party_class.organiser,
        place=party_class.place,
        start_date=party_class.start_date,
        end_date=party_class.end_date,
        entries=entries,
    )


def print_class_form(
    db: Database,
    code: str,
    class_id: str,
    *,
    on: date | None = None,
    inputs: Mapping[str, str] | None = None,
    actor: str = "",
) -> PrintedForm:
    """The roster (DS-LOP) or the certificates (CN-NTVĐ) of a class; the print is logged."""
    spec = spec_for(code, on)
    if spec.subject is not Subject.CLASS:
        raise UserError(
            f"Mẫu {spec.code} không in cho một lớp.",
            f"Form {spec.code} is not printed for a class.",
            "form",
        )
    with db.reader() as session:
        dossier = load_class(session, class_id)
        settings = read_settings(session)
        install = queries.install(session)
        own = session.get(Unit, install.unit_id) if install else None
        day = on or dossier.end_date or date.today()
        ctx = _context(settings, own, day, None, inputs or {})
        secret = classification.class_is_secret(session, class_id)
    module = _module(spec.code)
    data = module.from_class(dossier, ctx)
    if spec.code == "CN-NTVĐ" and not data:
        raise UserError(
            f"Lớp «{dossier.name}» chưa có học viên nào đạt: chưa có giấy chứng nhận để in. "
            "Ghi kết quả học ở thẻ Lớp học trước.",
            f"Nobody has passed class {dossier.name!r} yet: there is no certificate to print. "
            "Record the results in the Classes tab first.",
            "class",
        )
    pdf = _render(module, data, ctx)
    if secret:
        pdf = stamp_secret(pdf)
    people = len(data) if isinstance(data, tuple) else len(dossier.entries)
    audit.record(db, actor, "print", "class", class_id, {"form": spec.code, "people": people})
    return PrintedForm(spec.code, spec.title, pdf, "", None, _file_name(spec.code, dossier.name))


def probation_rows(session: Session, unit_id: str) -> list[ProbationRow]:
    units = register_queries.units_under(session, unit_id)
    names = {u.id: u.name for u in units}
    rows: list[ProbationRow] = []
    people = register_queries.probation_register(session, [u.id for u in units])
    for order, person in enumerate(people, start=1):
        by_kind: dict[str, PipelineEvent] = {}
        for event in sorted(person.events, key=lambda e: e.on_date):
            by_kind.setdefault(event.kind, event)
            if event.kind in (EventKind.DECISION.value, EventKind.RECOGNITION_DECISION.value):
                by_kind[event.kind] = event
        decision = by_kind.get(EventKind.DECISION.value)
        ceremony = by_kind.get(EventKind.CEREMONY.value)
        recognised = by_kind.get(EventKind.RECOGNITION_DECISION.value)
        struck = by_kind.get(EventKind.STRUCK_OFF.value)
        note = ""
        if struck is not None:
            note = f"Xóa tên ngày {struck.on_date:%d/%m/%Y}"
            if struck.reason:
                note += f" ({struck.reason})"
        official = None
        if recognised is not None and ceremony is not None:
            official = add_months(ceremony.on_date, 12)
        rows.append(
            ProbationRow(
                order=order,
                full_name=person.full_name,
                record_number=person.code or "",
                birth_date=person.birth_date,
                sex=person.sex,
                hometown=person.hometown,
                cell_name=names.get(person.unit_id or "", ""),
                decision_number=decision.number if decision else "",
                decision_date=decision.on_date if decision else None,
                ceremony_date=ceremony.on_date if ceremony else None,
                official_date=official,
                note=note,
            )
        )
    return rows


def print_probation_register(
    db: Database, *, on: date | None = None, actor: str = ""
) -> PrintedForm:
    """18-KNĐ for the install's unit and every unit below it; the print is logged."""
    spec = spec_for("18-KNĐ", on)
    with db.reader() as session:
        install = queries.install(session)
        if install is None:
            raise NotFoundError("Chưa khởi tạo đơn vị.", "No unit is set up.")
        own = session.get(Unit, install.unit_id)
        unit_id = install.unit_id
        rows = probation_rows(session, unit_id)
        settings = read_settings(session)
        ctx = _context(settings, own, on or date.today(), None, {})
    module = _module(spec.code)
    data = module.from_rows(rows, ctx)
    pdf = _render(module, data, ctx)
    audit.record(db, actor, "print", "unit", unit_id, {"form": spec.code, "people": len(rows)})
    return PrintedForm(
        spec.code,
        spec.title,
        pdf,
        "",
        None,
        _file_name(spec.code, ctx.committee_name or "so-dang-vien-du-bi"),
    )


def batch_jobs(
    db: Database, code: str, person_ids: Sequence[str], *, actor: str = ""
) -> list[tuple[str, Callable[[], bytes]]]:
    """One job a person for batch printing: each numbers and prints in its own transaction."""
    with db.reader() as session:
        names = {p.id: p.full_name for p in queries.people_by_ids(session, list(person_ids))}

    def job(person_id: str) -> Callable[[], bytes]:
        return lambda: print_person_form(db, code, person_id, actor=actor).pdf

    return [(names.get(pid, pid), job(pid)) for pid in person_ids if pid in names]
