"""The person form without widgets: parsing what was typed, loading and saving a person."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dvdesk.db.engine import Database
from dvdesk.db.models import AuditEntry, FamilyMember, Person
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.person_form import (
    FAMILY,
    FamilyText,
    FormText,
    default_unit,
    parse_form,
    person_input,
    save_person,
    to_form,
    unit_choices,
)

TODAY = date(2026, 7, 1)
NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731


def _form(**changes: object) -> FormText:
    base = FormText(
        full_name=NFD("  Nguyễn  Thị Ánh "),
        code="P9",
        sex="nu",
        birth_date="04/03/2000",
        cccd="001300012345",
        ethnicity=NFD("Kinh"),
        religion=NFD("Không"),
        birth_place=NFD("Hà Nội"),
        education="12/12",
        occupation=NFD("Kế toán"),
        youth_union_member=True,
        youth_union_date="26/03/2015",
        family=(
            FamilyText(NFD("Mẹ đẻ"), NFD("Trần Thị Bình"), "1970", "", NFD("Hà Nội"), True),
            FamilyText(),  # blank rows are dropped
        ),
    )
    return FormText(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_parse_valid_form_is_nfc() -> None:
    data, errors = parse_form(_form(), TODAY)
    assert errors == {}
    assert data is not None
    assert data.full_name == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", data.full_name)
    assert data.birth_date == date(2000, 3, 4)
    assert data.education_grade == 12
    assert data.family is not None and len(data.family) == 1
    assert data.family[0].birth_year == 1970
    assert data.family[0].relation == "Mẹ đẻ"


@pytest.mark.parametrize(
    ("changes", "key", "fragment"),
    [
        ({"full_name": "  "}, "full_name", "Thiếu Họ và tên."),
        ({"cccd": "12345"}, "cccd", "Số CCCD phải gồm đúng 12 chữ số"),
        ({"birth_date": "31/02/2000"}, "birth_date", "Ngày sinh: Không có ngày «31/02/2000»."),
        ({"birth_date": "hôm qua"}, "birth_date", "Ngày sinh: «hôm qua» không phải là ngày"),
        (
            {"birth_date": "01/01/2030", "youth_union_member": False},
            "birth_date",
            "không thể sau ngày hôm nay",
        ),
        ({"youth_union_date": "01/01/1999"}, "youth_union_date", "phải sau ngày sinh"),
        ({"education": "13/12"}, "education", "Trình độ giáo dục phổ thông"),
        (
            {"family": (FamilyText("Bố đẻ", "", "1968"),)},
            FAMILY,
            "Gia đình, dòng 1: thiếu họ và tên.",
        ),
        (
            {"family": (FamilyText("Bố đẻ", "Lê Văn C", "68"),)},
            FAMILY,
            "Gia đình, dòng 1: năm sinh «68» không hợp lệ",
        ),
    ],
)
def test_parse_reports_each_problem_in_vietnamese(
    changes: dict[str, object], key: str, fragment: str
) -> None:
    data, errors = parse_form(_form(**changes), TODAY)
    assert data is None
    assert list(errors) == [key]
    assert fragment in errors[key]


def test_english_messages_and_union_dates_ignored_when_not_member() -> None:
    _, errors = parse_form(_form(cccd="x"), TODAY, "en")
    assert errors["cccd"].startswith("A CCCD number is exactly 12 digits")
    data, errors = parse_form(_form(youth_union_member=False, youth_union_date="99/99"), TODAY)
    assert errors == {}
    assert data is not None and data.youth_union_date is None


def test_save_create_then_edit_round_trip(db: Database) -> None:
    data, _ = parse_form(_form(unit_id=default_unit(db)), TODAY)
    assert data is not None
    pid = save_person(db, None, data, "thu.ky")
    loaded = person_input(db, pid)
    assert loaded.full_name == "Nguyễn Thị Ánh"
    assert loaded.unit_id == default_unit(db)
    assert to_form(loaded).birth_date == "04/03/2000"
    assert to_form(loaded).family[0].full_name == "Trần Thị Bình"

    form = to_form(loaded)
    changed = FormText(
        **{**form.__dict__, "occupation": "Giáo viên", "family": ()}  # type: ignore[arg-type]
    )
    data, _ = parse_form(changed, TODAY)
    assert data is not None
    assert save_person(db, pid, data, "thu.ky") == pid
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None and person.occupation == "Giáo viên"
        assert s.scalar(select(func.count()).select_from(FamilyMember)) == 0
        actions = [
            a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == pid))
        ]
        assert actions == ["create", "update"]
    assert unit_choices(db)[0].id == default_unit(db)


def test_duplicate_code_or_cccd_writes_nothing(db: Database) -> None:
    data, _ = parse_form(_form(), TODAY)
    assert data is not None
    save_person(db, None, data, "thu.ky")
    other, _ = parse_form(_form(full_name="Lê Văn Cường", cccd=""), TODAY)
    assert other is not None
    with pytest.raises(UserError) as caught:
        save_person(db, None, other, "thu.ky")
    assert caught.value.field == "code"
    assert caught.value.message("vi") == "Mã «P9» đã có người khác dùng (Nguyễn Thị Ánh)."
    other, _ = parse_form(_form(full_name="Lê Văn Cường", code="P10"), TODAY)
    assert other is not None
    with pytest.raises(UserError) as caught:
        save_person(db, None, other, "thu.ky")
    assert caught.value.field == "cccd"
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1


def test_missing_person(db: Database) -> None:
    with pytest.raises(NotFoundError):
        person_input(db, "nobody")


def test_a_second_desk_saving_the_same_person_is_told_what_changed(
    db: Database, tmp_path: Path
) -> None:
    """Two desks on one database: each opens the form; the first saves; the second's save is
    refused with the first's change shown, and nothing of the second is written."""
    from dataclasses import replace

    from dvdesk.services.concurrency import ChangedMeanwhile
    from dvdesk.services.setup import open_data_dir

    data, _ = parse_form(_form(unit_id=default_unit(db)), TODAY)
    assert data is not None
    pid = save_person(db, None, data, "thu.ky")
    other = open_data_dir(db.path.parent)  # the second desk (same file, or the same server db)
    try:
        opened_here = person_input(db, pid)
        opened_there = person_input(other, pid)
        save_person(
            other, pid, replace(opened_there, occupation="Giáo viên"), "desk2", opened_there
        )
        mine = replace(opened_here, residence="Hà Tĩnh")
        with pytest.raises(ChangedMeanwhile) as caught:
            save_person(db, pid, mine, "desk1", opened_here)
        changed = caught.value.changes
        assert [(c.key, c.then, c.now) for c in changed] == [("occupation", "Kế toán", "Giáo viên")]
        assert "Nghề nghiệp: «Kế toán» → «Giáo viên»" in caught.value.message("vi")
        now = person_input(db, pid)
        assert now.occupation == "Giáo viên" and now.residence == ""  # nothing of desk1 written
        # Saving again knowingly, from the record as it is now, goes through and keeps both.
        save_person(db, pid, replace(mine, occupation="Giáo viên"), "desk1", caught.value.current)
        assert person_input(other, pid).residence == "Hà Tĩnh"
        # A family row added elsewhere is named too.
        opened_here = person_input(db, pid)
        family = (*opened_here.family, replace(opened_here.family[0], full_name="Lê Văn Cường"))
        save_person(other, pid, replace(opened_here, family=family), "desk2", opened_here)
        with pytest.raises(ChangedMeanwhile) as caught:
            save_person(db, pid, opened_here, "desk1", opened_here)
        assert [c.key for c in caught.value.changes] == ["family"]
        assert "Lê Văn Cường" in caught.value.changes[0].now
    finally:
        other.close()
