"""The Classes tab: plan classes, nominate, enrol, record results and issue certificates, in
bulk where the office works in bulk; and the class-related warnings.

Every write is one transaction and goes through the audit log. A bulk action is all or nothing:
a UserError naming the field (and the first person at fault) means nothing was written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from dvdesk.db import class_queries as q
from dvdesk.db import queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import CertificateRecord, Enrolment, PartyClass, Person
from dvdesk.domain import classes as rules
from dvdesk.domain.dates import add_months, format_date
from dvdesk.domain.pipeline import Stage
from dvdesk.domain.rulesets import rule_set_on
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.concurrency import (
    ChangedMeanwhile,
    changes_between,
    refuse_if_changed,
    value_text,
)
from dvdesk.services.derive import load_calendar, refresh
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.people import creating_unit

MIN_YEAR = 1990
MAX_YEAR = 2100


@dataclass(frozen=True)
class ClassInput:
    kind: str  # "awareness" or "new_member"
    name: str
    year: int
    quarter: int  # 1-4
    organiser: str = ""
    start_date: date | None = None
    end_date: date | None = None
    place: str = ""
    capacity: int | None = None  # None: no limit


@dataclass(frozen=True)
class ClassSummary:
    id: str
    kind: str
    name: str
    organiser: str
    year: int | None
    quarter: int | None
    start_date: date | None
    end_date: date | None
    place: str
    capacity: int | None
    nominated: int
    enrolled: int
    passed: int
    failed: int
    withdrawn: int
    certificates: int


@dataclass(frozen=True)
class PlanNoteView:
    code: str
    kind: str
    quarter: int | None
    message: str


@dataclass(frozen=True)
class EnrolmentRow:
    id: str
    person_id: str
    code: str
    full_name: str
    stage: str
    status: str
    nominated_on: date | None
    enrolled_on: date | None
    attended_sessions: int | None
    result_on: date | None
    score: str
    certificate_number: str


@dataclass(frozen=True)
class Result:
    passed: bool
    attended_sessions: int | None = None
    score: str = ""


@dataclass(frozen=True)
class IssuedCertificate:
    person_id: str
    certificate_id: str
    number: str


@dataclass(frozen=True)
class CertificateWarning:
    person_id: str
    code: str
    full_name: str
    stage: str
    issued_on: date
    expires_on: date  # first day no longer valid
    planned_vote: date | None
    reason: str  # domain.classes.EXPIRED / EXPIRING / BEFORE_VOTE


@dataclass(frozen=True)
class ClassMissing:
    person_id: str
    code: str
    full_name: str
    probation_end: date


# --- validation ------------------------------------------------------------------------------


def _invalid(field: str, vi: str, en: str) -> UserError:
    return UserError(vi, en, field=field)


def _validate(data: ClassInput) -> None:
    if data.kind not in rules.CLASS_KINDS:
        raise _invalid(
            "kind", f"Loại lớp không hợp lệ: «{data.kind}».", f"Unknown class kind {data.kind!r}."
        )
    if not clean(data.name):
        raise _invalid("name", "Chưa nhập tên lớp.", "The class has no name.")
    if not MIN_YEAR <= data.year <= MAX_YEAR:
        raise _invalid("year", f"Năm không hợp lệ: {data.year}.", f"Not a valid year: {data.year}.")
    if data.quarter not in (1, 2, 3, 4):
        raise _invalid(
            "quarter",
            f"Quý phải từ 1 đến 4 (đang là {data.quarter}).",
            f"The quarter must be 1 to 4 (got {data.quarter}).",
        )
    for field, day in (("start_date", data.start_date), ("end_date", data.end_date)):
        if day is not None and day.year != data.year:
            raise _invalid(
                field,
                f"Ngày {format_date(day)} không thuộc năm {data.year} của lớp.",
                f"{day.isoformat()} is not in the class's year {data.year}.",
            )
    if data.start_date and data.end_date and data.start_date > data.end_date:
        raise _invalid(
            "end_date",
            "Ngày kết thúc trước ngày khai giảng.",
            "The end date is before the start date.",
        )
    if data.capacity is not None and data.capacity <= 0:
        raise _invalid(
            "capacity",
            "Số học viên tối đa phải lớn hơn 0.",
            "The capacity must be greater than 0.",
        )


def _apply(row: PartyClass, data: ClassInput) -> bool:
    values = {
        "kind": data.kind,
        "name": clean(data.name),
        "organiser": clean(data.organiser),
        "year": data.year,
        "quarter": data.quarter,
        "start_date": data.start_date,
        "end_date": data.end_date,
        "place": clean(data.place),
        "capacity": data.capacity,
    }
    changed = False
    for name, value in values.items():
        if getattr(row, name, None) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _class(session: Session, class_id: str) -> PartyClass:
    row = q.party_class(session, class_id)
    if row is None:
        raise NotFoundError(
            f"Không tìm thấy lớp có id «{class_id}».", f"No class with id {class_id!r}.", "class_id"
        )
    return row


# --- planning --------------------------------------------------------------------------------


def plan_class(db: Database, data: ClassInput, actor: str, owner: str | None = None) -> str:
    """Create a class; its id. It belongs to `owner`, else to this installation's unit (the
    office runs the bloc's classes and sends them down)."""
    _validate(data)
    with db.unit_of_work() as session:
        install = queries.install(session)
        row = PartyClass(owner_unit_id=owner or (install.unit_id if install else None))
        _apply(row, data)
        session.add(row)
        session.flush()
        audit.log(session, actor, "create", "class", row.id, after=audit.snapshot(row))
        return row.id


def _as_input(row: PartyClass) -> ClassInput:
    return ClassInput(
        kind=row.kind,
        name=row.name,
        year=row.year or 0,  # 0: not set (only on a class from before years were kept)
        quarter=row.quarter or 0,
        organiser=row.organiser,
        start_date=row.start_date,
        end_date=row.end_date,
        place=row.place,
        capacity=row.capacity,
    )


def class_input(db: Database, class_id: str) -> ClassInput:
    """A class's editable fields, as the class form starts from them."""
    with db.reader() as session:
        return _as_input(_class(session, class_id))


_CHANGE_LABELS: dict[str, tuple[str, str]] = {
    "kind": ("Loại lớp", "Kind"),
    "name": ("Tên lớp", "Name"),
    "year": ("Năm", "Year"),
    "quarter": ("Quý", "Quarter"),
    "organiser": ("Đơn vị tổ chức", "Organiser"),
    "start_date": ("Ngày khai giảng", "Start date"),
    "end_date": ("Ngày kết thúc", "End date"),
    "place": ("Địa điểm", "Place"),
    "capacity": ("Số học viên tối đa", "Capacity"),
}


def _change_text(key: str, value: object) -> str:
    if key == "kind" and isinstance(value, str):
        return rules.kind_label(value)
    if key in ("year", "quarter") and value == 0:
        return value_text(None)
    return value_text(value)


def update_class(
    db: Database,
    class_id: str,
    data: ClassInput,
    actor: str,
    started_from: ClassInput | None = None,
) -> bool:
    """Change a class; False when nothing changed. The kind cannot change once people are
    nominated, and the capacity cannot fall below the seats already taken.

    `started_from`: the class as the form opened it (class_input); if another desk saved since,
    concurrency.ChangedMeanwhile names each changed field and nothing is written."""
    _validate(data)
    with db.unit_of_work() as session:
        row = _class(session, class_id)
        if started_from is not None:
            refuse_if_changed(
                started_from,
                _as_input(row),
                _CHANGE_LABELS,
                (f"lớp «{row.name}»", f"the class {row.name!r}"),
                _change_text,
            )
        existing = q.enrolments(session, class_id)
        if data.kind != row.kind and existing:
            raise _invalid(
                "kind",
                "Lớp đã có người được cử học, không đổi được loại lớp.",
                "People are already nominated to this class: its kind cannot change.",
            )
        seated = sum(1 for e in existing if e.status in rules.SEATED)
        if data.capacity is not None and data.capacity < seated:
            raise _invalid(
                "capacity",
                f"Lớp đã có {seated} học viên, nhiều hơn số tối đa {data.capacity}.",
                f"{seated} people already hold seats, more than the capacity {data.capacity}.",
            )
        before = audit.snapshot(row)
        if not _apply(row, data):
            return False
        session.flush()
        audit.log(
            session, actor, "update", "class", row.id, before=before, after=audit.snapshot(row)
        )
        return True


def year_plan_check(
    db: Database,
    year: int,
    lang: str = "vi",
    plan: Sequence[rules.PlanTarget] = rules.FOUNDING_PLAN,
) -> list[PlanNoteView]:
    """How the year's classes compare with the plan (the founding plan unless given)."""
    with db.reader() as session:
        items = q.kinds_and_quarters(session, year)
    return [
        PlanNoteView(n.code, n.kind, n.quarter, rules.plan_note_message(n, lang))
        for n in rules.check_year_plan(items, plan)
    ]


def classes_for(db: Database, year: int) -> list[ClassSummary]:
    with db.reader() as session:
        return [
            ClassSummary(
                id=r.id,
                kind=r.kind,
                name=r.name,
                organiser=r.organiser,
                year=r.year,
                quarter=r.quarter,
                start_date=r.start_date,
                end_date=r.end_date,
                place=r.place,
                capacity=r.capacity,
                nominated=int(r.nominated),
                enrolled=int(r.enrolled),
                passed=int(r.passed),
                failed=int(r.failed),
                withdrawn=int(r.withdrawn),
                certificates=int(r.certificates),
            )
            for r in q.class_rows_for_year(session, year)
        ]


def class_enrolments(db: Database, class_id: str) -> list[EnrolmentRow]:
    with db.reader() as session:
        return [
            EnrolmentRow(
                id=r.id,
                person_id=r.person_id,
                code=r.code or "",
                full_name=r.full_name,
                stage=r.stage,
                status=r.status,
                nominated_on=r.nominated_on,
                enrolled_on=r.enrolled_on,
                attended_sessions=r.attended_sessions,
                result_on=r.result_on,
                score=r.score,
                certificate_number=r.certificate_number or "",
            )
            for r in q.enrolment_rows(session, class_id)
        ]


# --- nominations, enrolment, results --------------------------------------------------------


def _unique(person_ids: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    for pid in person_ids:
        if pid in seen:
            raise _invalid(
                "person_ids",
                "Một người được chọn hai lần.",
                f"Person {pid!r} is listed twice.",
            )
        seen.add(pid)
    if not seen:
        raise _invalid("person_ids", "Chưa chọn người nào.", "No one is selected.")
    return list(person_ids)


def _people(session: Session, person_ids: Sequence[str]) -> dict[str, Person]:
    found = {p.id: p for p in queries.people_by_ids(session, list(person_ids))}
    for pid in person_ids:
        if pid not in found:
            raise NotFoundError(
                f"Không tìm thấy người có id «{pid}».", f"No person with id {pid!r}.", "person_ids"
            )
    return found


def _newest_awareness(person: Person) -> date | None:
    issued = [c.issued_on for c in person.certificates if c.kind == rules.AWARENESS]
    issued += [e.on_date for e in person.events if e.kind == "certificate"]
    return max(issued) if issued else None


def nominate(
    db: Database, class_id: str, person_ids: Sequence[str], on: date, actor: str
) -> list[str]:
    """Nominate people to a class (the chi bộ proposes them); the new enrolments' ids.

    Awareness class: sympathisers, or people further on without a certificate valid on the
    class's first day (or `on`). New-member class: probationary members. A person already in
    the class (other than withdrawn) is refused; a withdrawn one is nominated again."""
    ids = _unique(person_ids)
    with db.unit_of_work() as session:
        row = _class(session, class_id)
        people = _people(session, ids)
        current = {e.person_id: e for e in q.enrolments(session, class_id)}
        ref_day = row.start_date or on
        valid_months = rule_set_on(ref_day).certificate_valid_months
        for pid in ids:
            person = people[pid]
            existing = current.get(pid)
            if existing is not None and existing.status != rules.WITHDRAWN:
                raise _invalid(
                    "person_ids",
                    f"{person.full_name} đã có tên trong lớp này.",
                    f"{person.full_name} is already in this class.",
                )
            valid = rules.certificate_valid_on(_newest_awareness(person), ref_day, valid_months)
            if not rules.may_attend(row.kind, Stage(person.stage), valid):
                if row.kind == rules.AWARENESS:
                    raise _invalid(
                        "person_ids",
                        f"{person.full_name} không phải quần chúng cảm tình Đảng cần học lớp "
                        "bồi dưỡng nhận thức về Đảng.",
                        f"{person.full_name} is not a sympathiser in need of the awareness class.",
                    )
                raise _invalid(
                    "person_ids",
                    f"{person.full_name} không phải đảng viên dự bị.",
                    f"{person.full_name} is not a probationary member.",
                )
        out = []
        for pid in ids:
            existing = current.get(pid)
            if existing is not None:
                before = audit.snapshot(existing)
                existing.status = rules.NOMINATED
                existing.nominated_on = on
                existing.enrolled_on = None
                existing.result_on = None
                existing.attended_sessions = None
                existing.score = ""
                session.flush()
                audit.log(
                    session,
                    actor,
                    "nominate",
                    "enrolment",
                    existing.id,
                    before=before,
                    after=audit.snapshot(existing),
                )
                out.append(existing.id)
                continue
            enrolment = Enrolment(
                class_id=class_id,
                person_id=pid,
                status=rules.NOMINATED,
                nominated_on=on,
                owner_unit_id=people[pid].owner_unit_id,
            )
            session.add(enrolment)
            session.flush()
            audit.log(
                session,
                actor,
                "nominate",
                "enrolment",
                enrolment.id,
                after=audit.snapshot(enrolment),
            )
            out.append(enrolment.id)
        return out


def _enrolment_map(
    session: Session, class_id: str, person_ids: Sequence[str]
) -> dict[str, Enrolment]:
    current = {e.person_id: e for e in q.enrolments(session, class_id)}
    for pid in person_ids:
        if pid not in current:
            raise _invalid(
                "person_ids",
                "Có người chưa được cử học lớp này.",
                f"Person {pid!r} is not nominated to this class.",
            )
    return current


def enrol(db: Database, class_id: str, person_ids: Sequence[str], on: date, actor: str) -> int:
    """Enrol nominees, all at once; how many. Refused beyond the class's capacity."""
    ids = _unique(person_ids)
    with db.unit_of_work() as session:
        row = _class(session, class_id)
        current = _enrolment_map(session, class_id, ids)
        for pid in ids:
            if current[pid].status != rules.NOMINATED:
                raise _invalid(
                    "person_ids",
                    "Chỉ ghi danh được người đang được cử học.",
                    f"Person {pid!r} is not a nominee (status {current[pid].status}).",
                )
        seated = sum(1 for e in current.values() if e.status in rules.SEATED)
        if row.capacity is not None and seated + len(ids) > row.capacity:
            free = max(row.capacity - seated, 0)
            raise _invalid(
                "capacity",
                f"Lớp chỉ còn {free} chỗ, không ghi danh được {len(ids)} người.",
                f"Only {free} seats left: {len(ids)} people cannot be enrolled.",
            )
        for pid in ids:
            enrolment = current[pid]
            before = audit.snapshot(enrolment)
            enrolment.status = rules.ENROLLED
            enrolment.enrolled_on = on
            session.flush()
            audit.log(
                session,
                actor,
                "enrol",
                "enrolment",
                enrolment.id,
                before=before,
                after=audit.snapshot(enrolment),
            )
        return len(ids)


def withdraw(
    db: Database, class_id: str, person_ids: Sequence[str], actor: str, note: str = ""
) -> int:
    """Take nominees or enrolled people out of the class; how many. Results stand."""
    ids = _unique(person_ids)
    with db.unit_of_work() as session:
        _class(session, class_id)
        current = _enrolment_map(session, class_id, ids)
        for pid in ids:
            if current[pid].status not in (rules.NOMINATED, rules.ENROLLED):
                raise _invalid(
                    "person_ids",
                    "Người đã có kết quả học tập không rút tên được.",
                    f"Person {pid!r} already has a result.",
                )
        for pid in ids:
            enrolment = current[pid]
            before = audit.snapshot(enrolment)
            enrolment.status = rules.WITHDRAWN
            enrolment.note = clean(note)
            session.flush()
            audit.log(
                session,
                actor,
                "withdraw",
                "enrolment",
                enrolment.id,
                before=before,
                after=audit.snapshot(enrolment),
            )
        return len(ids)


@dataclass(frozen=True)
class RecordedResult:
    """One person's result in a class as the results form shows it (and may correct)."""

    status: str
    attended_sessions: int | None
    score: str
    result_on: date | None


def recorded_result(row: EnrolmentRow) -> RecordedResult:
    """The results form's starting point for one row of class_enrolments."""
    return RecordedResult(row.status, row.attended_sessions, row.score, row.result_on)


def _recorded(enrolment: Enrolment) -> RecordedResult:
    return RecordedResult(
        enrolment.status, enrolment.attended_sessions, enrolment.score, enrolment.result_on
    )


_RESULT_LABELS: dict[str, tuple[str, str]] = {
    "status": ("kết quả", "result"),
    "attended_sessions": ("số buổi học", "sessions attended"),
    "score": ("điểm", "score"),
    "result_on": ("ngày ghi kết quả", "result date"),
}
_STATUS_WORDS = {
    rules.NOMINATED: "được cử đi học",
    rules.ENROLLED: "đã ghi danh, chưa có kết quả",
    rules.PASSED: "đạt",
    rules.FAILED: "không đạt",
    rules.WITHDRAWN: "thôi học",
}


def _result_text(key: str, value: object) -> str:
    if key == "status" and isinstance(value, str):
        return _STATUS_WORDS.get(value, value)
    return value_text(value)


def _refuse_if_results_changed(
    session: Session,
    row: PartyClass,
    started: Mapping[str, RecordedResult],
    current: Mapping[str, Enrolment],
) -> None:
    """ChangedMeanwhile naming, person by person, each result another desk recorded since the
    form opened; its `current` is the results now, by person id."""
    now = {pid: _recorded(current[pid]) for pid in started if pid in current}
    found = [
        (pid, change)
        for pid, then in started.items()
        if pid in now
        for change in changes_between(then, now[pid], _RESULT_LABELS, _result_text)
    ]
    if found:
        names = {pid: p.full_name for pid, p in _people(session, [p for p, _ in found]).items()}
        changes = [
            replace(
                change,
                key=f"{pid}.{change.key}",
                label_vi=f"{names[pid]}, {change.label_vi}",
                label_en=f"{names[pid]}, {change.label_en}",
            )
            for pid, change in found
        ]
        raise ChangedMeanwhile(
            f"kết quả học lớp «{row.name}»", f"the results of the class {row.name!r}", changes, now
        )


def record_results(
    db: Database,
    class_id: str,
    results: Mapping[str, Result | tuple[bool, int | None, str]],
    on: date,
    actor: str,
    started_from: Mapping[str, RecordedResult] | None = None,
) -> int:
    """Record the results of many enrolled people at once; how many. A result already recorded
    may be corrected unless a certificate was issued for it.

    `started_from`: each person's result as the form opened it (recorded_result); if another
    desk recorded any of them since, concurrency.ChangedMeanwhile names each and nothing is
    written."""
    if not results:
        raise _invalid("person_ids", "Chưa chọn người nào.", "No one is selected.")
    parsed = {pid: r if isinstance(r, Result) else Result(*r) for pid, r in results.items()}
    with db.unit_of_work() as session:
        row = _class(session, class_id)
        current = _enrolment_map(session, class_id, list(parsed))
        if started_from is not None:
            _refuse_if_results_changed(session, row, started_from, current)
        for pid, result in parsed.items():
            enrolment = current[pid]
            if enrolment.status not in (rules.ENROLLED, rules.PASSED, rules.FAILED):
                raise _invalid(
                    "person_ids",
                    "Chỉ ghi kết quả cho người đã ghi danh vào lớp.",
                    f"Person {pid!r} is not enrolled (status {enrolment.status}).",
                )
            if enrolment.certificate_id is not None:
                raise _invalid(
                    "person_ids",
                    "Đã cấp giấy chứng nhận, không sửa được kết quả.",
                    f"Person {pid!r} already has a certificate: the result cannot change.",
                )
            if result.attended_sessions is not None and result.attended_sessions < 0:
                raise _invalid(
                    "attended_sessions",
                    "Số buổi học không được âm.",
                    "Attended sessions cannot be negative.",
                )
            if len(clean(result.score)) > 20:
                raise _invalid("score", "Điểm quá dài.", "The score is too long.")
        for pid, result in parsed.items():
            enrolment = current[pid]
            before = audit.snapshot(enrolment)
            enrolment.status = rules.PASSED if result.passed else rules.FAILED
            enrolment.attended_sessions = result.attended_sessions
            enrolment.score = clean(result.score)
            enrolment.result_on = on
            session.flush()
            audit.log(
                session,
                actor,
                "record_result",
                "enrolment",
                enrolment.id,
                before=before,
                after=audit.snapshot(enrolment),
            )
        return len(parsed)


def issue_certificates(
    db: Database,
    class_id: str,
    first_number: int,
    issuer: str,
    issued_on: date,
    actor: str,
    pattern: str = "{n}",
) -> list[IssuedCertificate]:
    """Certificates for every passed enrolment without one, numbered in sequence from
    `first_number` in the people's name order. `pattern` makes the number text: "{n}/CN-ĐU",
    "{n:03d}", or a bare prefix ("CN-") the number is appended to. Each certificate is linked
    to its enrolment and the person is refreshed (an awareness certificate makes them TRAINED).
    Refused when a number is already used by a certificate of the same kind."""
    if first_number < 1:
        raise _invalid(
            "first_number", "Số đầu tiên phải từ 1 trở lên.", "The first number must be 1 or more."
        )
    try:
        rules.certificate_number(pattern, first_number)
    except ValueError:
        raise _invalid(
            "pattern",
            f"Mẫu số giấy chứng nhận không hợp lệ: «{pattern}».",
            f"Bad certificate number pattern {pattern!r}.",
        ) from None
    with db.unit_of_work() as session:
        row = _class(session, class_id)
        pending = q.passed_without_certificate(session, class_id)
        if not pending:
            return []
        numbers = rules.certificate_numbers(pattern, first_number, len(pending))
        if len(set(numbers)) != len(numbers):
            raise _invalid(
                "pattern",
                "Mẫu số không chứa số thứ tự «{n}».",
                "The pattern does not vary with the number.",
            )
        taken = q.certificate_numbers_taken(session, row.kind, numbers)
        if taken:
            first = sorted(taken)[0]
            raise _invalid(
                "first_number",
                f"Số giấy chứng nhận «{first}» đã được cấp.",
                f"Certificate number {first!r} is already used.",
            )
        people = {p.id: p for p in queries.people_by_ids(session, [e.person_id for e in pending])}
        calendar = load_calendar(session)
        out = []
        for enrolment, number in zip(pending, numbers, strict=True):
            person = people[enrolment.person_id]
            cert = CertificateRecord(
                kind=row.kind,
                class_id=row.id,
                number=number,
                issued_on=issued_on,
                issuer=clean(issuer),
                owner_unit_id=creating_unit(session, person),
            )
            person.certificates.append(cert)
            session.flush()
            before = audit.snapshot(enrolment)
            enrolment.certificate_id = cert.id
            refresh(session, person, calendar)
            session.flush()
            audit.log(
                session,
                actor,
                "add_certificate",
                "certificate",
                cert.id,
                after=audit.snapshot(cert),
            )
            audit.log(
                session,
                actor,
                "link_certificate",
                "enrolment",
                enrolment.id,
                before=before,
                after=audit.snapshot(enrolment),
            )
            out.append(IssuedCertificate(person.id, cert.id, number))
        return out


# --- warnings ---------------------------------------------------------------------------------

# Not yet voted on by the chi bộ (a failed vote leaves the person in DOSSIER).
_PRE_VOTE = (Stage.SOURCE, Stage.SYMPATHISER, Stage.TRAINED, Stage.DOSSIER)


def certificate_expiry_warnings(
    db: Database,
    on: date,
    months_ahead: int = 6,
    planned_votes: Mapping[str, date] | None = None,
) -> list[CertificateWarning]:
    """People not yet voted on whose newest awareness certificate has expired, expires within
    `months_ahead` months of `on`, or expires on or before their planned vote (`planned_votes`,
    person id -> date). Validity: the rule set in force on `on`."""
    valid_months = rule_set_on(on).certificate_valid_months
    votes = planned_votes or {}
    out = []
    with db.reader() as session:
        rows = q.newest_awareness_certificates(session, [s.value for s in _PRE_VOTE])
    for r in rows:
        vote = votes.get(r.id)
        reason = rules.expiry_warning(r.issued_on, on, months_ahead, valid_months, vote)
        if reason is None:
            continue
        out.append(
            CertificateWarning(
                person_id=r.id,
                code=r.code or "",
                full_name=r.full_name,
                stage=r.stage,
                issued_on=r.issued_on,
                expires_on=rules.certificate_expires(r.issued_on, valid_months),
                planned_vote=vote,
                reason=reason,
            )
        )
    out.sort(key=lambda w: w.expires_on)
    return out


def new_member_class_missing(db: Database, on: date, months_ahead: int = 2) -> list[ClassMissing]:
    """Probationary members whose probation ends within `months_ahead` months of `on` (or has
    ended) with no passed new-member class and no new-member certificate."""
    last_day = add_months(on, months_ahead)
    with db.reader() as session:
        return [
            ClassMissing(r.id, r.code or "", r.full_name, r.probation_end)
            for r in q.probation_ending_without_class(session, last_day)
        ]
