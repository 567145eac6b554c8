"""The add/edit-person form, without the widgets: read what was typed, say what is wrong with
it (per field, in Vietnamese or English), and save it through the people service.

The form works on text (`FormText`, `FamilyText`), exactly as typed; `parse_form` turns it into
a `PersonInput` (NFC, validated) or a mapping of field key -> message. `save_person` writes in
one transaction: nothing is written when it raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Person
from dvdesk.domain.dates import format_date
from dvdesk.domain.text import clean
from dvdesk.domain.validation import (
    MESSAGES,
    FieldError,
    parse_cccd,
    parse_day,
    parse_education,
    render,
)
from dvdesk.services.concurrency import refuse_if_changed, value_text
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.people import FamilyInput, PersonInput, create_person, update_person

# Field keys: the names of PersonInput's fields, plus FAMILY for the family table.
FAMILY = "family"

LABELS: dict[str, tuple[str, str]] = {
    "full_name": ("Họ và tên", "Full name"),
    "code": ("Mã", "Code"),
    "sex": ("Giới tính", "Sex"),
    "birth_date": ("Ngày sinh", "Date of birth"),
    "cccd": ("Số CCCD", "CCCD number"),
    "ethnicity": ("Dân tộc", "Ethnicity"),
    "religion": ("Tôn giáo", "Religion"),
    "birth_place": ("Nơi sinh", "Place of birth"),
    "hometown": ("Quê quán", "Home town"),
    "residence": ("Nơi thường trú", "Permanent residence"),
    "education": ("Trình độ giáo dục phổ thông", "General education"),
    "occupation": ("Nghề nghiệp", "Occupation"),
    "youth_union_date": ("Ngày vào Đoàn", "Date of joining the Youth Union"),
    "trade_union_date": ("Ngày vào Công đoàn", "Date of joining the trade union"),
    "unit_id": ("Chi bộ", "Party cell"),
    "joined_unit_on": (
        "Ngày bắt đầu công tác tại đơn vị",
        "Date of starting work at the unit",
    ),
    FAMILY: ("Gia đình", "Family"),
}

_FAMILY_COLUMNS: dict[str, tuple[str, str]] = {
    "relation": ("quan hệ", "relation"),
    "full_name": ("họ và tên", "full name"),
    "birth_year": ("năm sinh", "year of birth"),
}

_MESSAGES: dict[str, tuple[str, str]] = {
    "IN_FIELD": ("{field}: {message}", "{field}: {message}"),
    "DATE_IN_FUTURE": (
        "{field} ({date}) không thể sau ngày hôm nay.",
        "The {field} ({date}) cannot be after today.",
    ),
    "FAMILY_ROW": ("Gia đình, dòng {row}: {message}", "Family, row {row}: {message}"),
    "FAMILY_MISSING": ("thiếu {column}.", "the {column} is missing."),
    "YEAR_INVALID": (
        "năm sinh «{value}» không hợp lệ: ghi bốn chữ số, từ 1850 đến {last}.",
        "year of birth {value!r} is not valid: write four digits, from 1850 to {last}.",
    ),
    "DUPLICATE_CODE": (
        "Mã «{value}» đã có người khác dùng ({name}).",
        "Code {value!r} is already used by someone else ({name}).",
    ),
    "DUPLICATE_CCCD": (
        "Số CCCD «{value}» đã có người khác dùng ({name}).",
        "CCCD number {value!r} is already used by someone else ({name}).",
    ),
}

_DATE_FIELDS = ("birth_date", "youth_union_date", "trade_union_date", "joined_unit_on")
_YEAR = re.compile(r"[0-9]{4}")
MIN_FAMILY_YEAR = 1850


def _msg(code: str, lang: str, **params: object) -> str:
    return render(_MESSAGES, code, params, lang)


def _label(key: str, lang: str) -> str:
    vi, en = LABELS[key]
    return vi if lang == "vi" else en


@dataclass(frozen=True)
class FamilyText:
    """One row of the family table as typed."""

    relation: str = ""
    full_name: str = ""
    birth_year: str = ""
    occupation: str = ""
    residence: str = ""
    party_member: bool = False

    def is_blank(self) -> bool:
        return (
            not any(
                clean(v)
                for v in (
                    self.relation,
                    self.full_name,
                    self.birth_year,
                    self.occupation,
                    self.residence,
                )
            )
            and not self.party_member
        )


@dataclass(frozen=True)
class FormText:
    """The whole form as typed: text fields as strings, check boxes as bools, the unit by id."""

    full_name: str = ""
    code: str = ""
    sex: str = ""  # "", "nam" or "nu" (a choice, not typed)
    birth_date: str = ""
    cccd: str = ""
    ethnicity: str = ""
    religion: str = ""
    birth_place: str = ""
    hometown: str = ""
    residence: str = ""
    education: str = ""
    occupation: str = ""
    youth_union_member: bool = False
    youth_union_date: str = ""
    trade_union_member: bool = False
    trade_union_date: str = ""
    unit_id: str | None = None
    joined_unit_on: str = ""
    notes: str = ""
    family: tuple[FamilyText, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class UnitChoice:
    id: str
    name: str


def unit_choices(db: Database) -> list[UnitChoice]:
    """The units a person can belong to, the installation's own first."""
    with db.reader() as session:
        install = queries.install(session)
        own = install.unit_id if install is not None else None
        units = [UnitChoice(u.id, u.name) for u in queries.all_units(session)]
    return sorted(units, key=lambda u: (u.id != own, u.name))


def default_unit(db: Database) -> str | None:
    with db.reader() as session:
        install = queries.install(session)
        return install.unit_id if install is not None else None


def _year_text(year: int | None) -> str:
    return "" if year is None else str(year)


def to_form(data: PersonInput) -> FormText:
    """What the form shows for `data` (dates written dd/mm/yyyy)."""
    return FormText(
        full_name=data.full_name,
        code=data.code or "",
        sex=data.sex,
        birth_date=format_date(data.birth_date),
        cccd=data.cccd or "",
        ethnicity=data.ethnicity,
        religion=data.religion,
        birth_place=data.birth_place,
        hometown=data.hometown,
        residence=data.residence,
        education=data.education,
        occupation=data.occupation,
        youth_union_member=data.youth_union_member,
        youth_union_date=format_date(data.youth_union_date),
        trade_union_member=data.trade_union_member,
        trade_union_date=format_date(data.trade_union_date),
        unit_id=data.unit_id,
        joined_unit_on=format_date(data.joined_unit_on),
        notes=data.notes,
        family=tuple(
            FamilyText(
                f.relation,
                f.full_name,
                _year_text(f.birth_year),
                f.occupation,
                f.residence,
                f.party_member,
            )
            for f in data.family or ()
        ),
    )


def _family(
    rows: Sequence[FamilyText], today: date, lang: str
) -> tuple[tuple[FamilyInput, ...], str | None]:
    out: list[FamilyInput] = []
    for number, row in enumerate(rows, start=1):
        if row.is_blank():
            continue
        for column in ("relation", "full_name"):
            if not clean(getattr(row, column)):
                vi, en = _FAMILY_COLUMNS[column]
                problem = _msg("FAMILY_MISSING", lang, column=vi if lang == "vi" else en)
                return (), _msg("FAMILY_ROW", lang, row=number, message=problem)
        year_text = clean(row.birth_year)
        year: int | None = None
        if year_text:
            if _YEAR.fullmatch(year_text) is None or not (
                MIN_FAMILY_YEAR <= int(year_text) <= today.year
            ):
                problem = _msg("YEAR_INVALID", lang, value=year_text, last=today.year)
                return (), _msg("FAMILY_ROW", lang, row=number, message=problem)
            year = int(year_text)
        out.append(
            FamilyInput(
                relation=clean(row.relation),
                full_name=clean(row.full_name),
                birth_year=year,
                occupation=clean(row.occupation),
                residence=clean(row.residence),
                party_member=row.party_member,
            )
        )
    return tuple(out), None


def parse_form(
    form: FormText, today: date, lang: str = "vi"
) -> tuple[PersonInput | None, dict[str, str]]:
    """The person the form describes, or (None, {field key: message}) saying what is wrong.

    Checks: full name required; CCCD exactly 12 digits; dates dd/mm/yyyy that exist, years
    1900–2100, not after today, and after the date of birth; general education like 12/12;
    every family row with a relation and a name, years of birth of four digits.
    """
    errors: dict[str, str] = {}

    def in_field(key: str, exc: FieldError) -> str:
        return _msg("IN_FIELD", lang, field=_label(key, lang), message=exc.message(lang))

    full_name = clean(form.full_name)
    if not full_name:
        errors["full_name"] = render(
            MESSAGES, "REQUIRED", {"field": _label("full_name", lang)}, lang
        )

    cccd: str | None = None
    try:
        cccd = parse_cccd(form.cccd)
    except FieldError as exc:
        errors["cccd"] = exc.message(lang)

    dates: dict[str, date | None] = {}
    for key in _DATE_FIELDS:
        try:
            dates[key] = parse_day(getattr(form, key))
        except FieldError as exc:
            errors[key] = in_field(key, exc)
            dates[key] = None
    if not form.youth_union_member:
        dates["youth_union_date"] = None
        errors.pop("youth_union_date", None)
    if not form.trade_union_member:
        dates["trade_union_date"] = None
        errors.pop("trade_union_date", None)
    birth = dates["birth_date"]
    for key in _DATE_FIELDS:
        value = dates[key]
        if value is None or key in errors:
            continue
        if value > today:
            errors[key] = _msg("DATE_IN_FUTURE", lang, field=_label(key, lang), date=value)
        elif key != "birth_date" and birth is not None and value <= birth:
            errors[key] = render(
                MESSAGES,
                "DATE_NOT_AFTER_BIRTH",
                {"field": _label(key, lang), "date": value, "other_date": birth},
                lang,
            )

    grade: int | None = None
    try:
        grade = parse_education(form.education)
    except FieldError as exc:
        errors["education"] = exc.message(lang)

    family, family_error = _family(form.family, today, lang)
    if family_error is not None:
        errors[FAMILY] = family_error

    if errors:
        return None, errors
    return (
        PersonInput(
            full_name=full_name,
            code=clean(form.code) or None,
            sex=form.sex if form.sex in ("nam", "nu") else "",
            birth_date=birth,
            cccd=cccd,
            ethnicity=clean(form.ethnicity),
            religion=clean(form.religion),
            education=clean(form.education),
            education_grade=grade,
            occupation=clean(form.occupation),
            youth_union_member=form.youth_union_member,
            youth_union_date=dates["youth_union_date"],
            trade_union_member=form.trade_union_member,
            trade_union_date=dates["trade_union_date"],
            unit_id=form.unit_id,
            joined_unit_on=dates["joined_unit_on"],
            birth_place=clean(form.birth_place),
            hometown=clean(form.hometown),
            residence=clean(form.residence),
            notes=clean(form.notes),
            family=family,
        ),
        {},
    )


def _not_found(person_id: str) -> NotFoundError:
    return NotFoundError(
        f"Không tìm thấy người có id «{person_id}»; có thể đã bị xoá.",
        f"No person with id {person_id!r}; they may have been deleted.",
    )


def person_input(db: Database, person_id: str) -> PersonInput:
    """The editable fields of a person, as the form starts from them."""
    with db.reader() as session:
        return _as_input(_person(session, person_id))


def _person(session: Session, person_id: str) -> Person:
    person = queries.person_by_key(session, person_id)
    if person is None or person.id != person_id:
        raise _not_found(person_id)
    return person


def _as_input(person: Person) -> PersonInput:
    return PersonInput(
        full_name=person.full_name,
        code=person.code,
        sex=person.sex,
        birth_date=person.birth_date,
        cccd=person.cccd,
        ethnicity=person.ethnicity,
        religion=person.religion,
        education=person.education,
        education_grade=person.education_grade,
        occupation=person.occupation,
        youth_union_member=person.youth_union_member,
        youth_union_date=person.youth_union_date,
        trade_union_member=person.trade_union_member,
        trade_union_date=person.trade_union_date,
        unit_id=person.unit_id,
        joined_unit_on=person.joined_unit_on,
        birth_place=person.birth_place,
        hometown=person.hometown,
        residence=person.residence,
        notes=person.notes,
        family=tuple(
            FamilyInput(
                m.relation,
                m.full_name,
                m.birth_year,
                m.occupation,
                m.residence,
                m.party_member,
            )
            for m in sorted(person.family, key=lambda m: m.position)
        ),
    )


_CHANGE_LABELS = {
    **LABELS,
    "education_grade": LABELS["education"],
    "youth_union_member": ("Đoàn viên", "Youth Union member"),
    "trade_union_member": ("Công đoàn viên", "Trade union member"),
    "notes": ("Ghi chú", "Notes"),
}


def _change_text(key: str, value: object) -> str:
    if key == FAMILY and isinstance(value, tuple):
        return "; ".join(f"{m.relation} {m.full_name}".strip() for m in value) or "—"
    return value_text(value)


def _check_unique(session: Session, person_id: str | None, data: PersonInput) -> None:
    for key, lookup, code in (
        ("code", queries.people_by_codes, "DUPLICATE_CODE"),
        ("cccd", queries.people_by_cccds, "DUPLICATE_CCCD"),
    ):
        value = clean(getattr(data, key) or "")
        if not value:
            continue
        other = lookup(session, [value]).get(value)
        if other is not None and other.id != person_id:
            raise UserError(
                _msg(code, "vi", value=value, name=other.full_name),
                _msg(code, "en", value=value, name=other.full_name),
                field=key,
            )


def save_person(
    db: Database,
    person_id: str | None,
    data: PersonInput,
    actor: str,
    started_from: PersonInput | None = None,
) -> str:
    """Create (person_id None) or update a person in one transaction; returns the id.

    Raises UserError (with `field` set when one field is to blame) and writes nothing when the
    code or CCCD number is someone else's, or the person is gone. `started_from`: the person as
    the form opened them; if another desk saved since, concurrency.ChangedMeanwhile says what
    changed and nothing is written.
    """
    with db.unit_of_work() as session:
        _check_unique(session, person_id, data)
        calendar = load_calendar(session)
        if person_id is None:
            install = queries.install(session)
            owner = install.unit_id if install is not None else None
            return create_person(session, data, actor, calendar, owner=owner).id
        person = _person(session, person_id)
        if started_from is not None:
            refuse_if_changed(
                started_from,
                _as_input(person),
                _CHANGE_LABELS,
                (f"hồ sơ của {person.full_name}", f"the record of {person.full_name}"),
                _change_text,
            )
        update_person(session, person, data, actor, calendar)
        return person.id
