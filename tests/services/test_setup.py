"""The first run's unit: checked whole before anything is written, then written in one go."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dvdesk.db.engine import Database
from dvdesk.domain.forms import DocType
from dvdesk.services import accounts, print_settings, register
from dvdesk.services.errors import UserError
from dvdesk.services.setup import (
    UnitDetails,
    check_unit_details,
    install_info,
    open_data_dir,
    set_up_unit,
)

TODAY = date(2026, 11, 28)
CELL = UnitDetails(
    role="cell",
    unit_code="CB07",
    unit_name="Chi bộ Sở Tư pháp",
    parent_name="Đảng ủy Khối các cơ quan tỉnh",
    board_name="Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh",
    place="Hà Tĩnh",
    term_start="16/06/2025",
    term_end="",
)


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    database = open_data_dir(tmp_path / "data")
    yield database
    database.close()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"unit_code": "  "}, "unit_code", "mã đơn vị"),
        ({"unit_name": ""}, "unit_name", "tên đơn vị"),
        ({"parent_name": ""}, "parent_name", "cấp ủy cấp trên"),
        ({"role": "branch"}, "role", "branch"),
        ({"term_start": ""}, "term_start", "Thiếu ngày bắt đầu"),
        ({"term_start": "31/02/2025"}, "term_start", "31/02/2025"),
        ({"term_start": "01/01/2027"}, "term_start", "chưa bắt đầu"),
        ({"term_end": "15/06/2025"}, "term_end", "phải sau ngày bắt đầu"),
        ({"term_end": "2030"}, "term_end", "dd/mm/yyyy"),
    ],
)
def test_each_wrong_field_is_named_and_nothing_is_written(
    empty: Database, change: dict[str, str], field: str, words: str
) -> None:
    with pytest.raises(UserError) as caught:
        set_up_unit(empty, replace(CELL, **change), TODAY, actor="test")
    assert caught.value.field == field
    assert words.lower() in caught.value.message("vi").lower()
    assert install_info(empty) is None


def test_a_chi_bo_is_set_up_under_its_committee_with_its_term_and_board(empty: Database) -> None:
    info = set_up_unit(empty, CELL, TODAY, actor="test")
    assert (info.role, info.unit_code, info.unit_name) == ("cell", "CB07", "Chi bộ Sở Tư pháp")
    assert info.parent_name == "Đảng ủy Khối các cơ quan tỉnh"
    assert info.board_name == "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh"
    printed = print_settings.print_settings(empty)
    assert printed.committee_name == "Đảng ủy Khối các cơ quan tỉnh"
    assert printed.place == "Hà Tĩnh"
    assert print_settings.unit_print_info(empty, info.unit_id).place == "Hà Tĩnh"
    # The term reaches the register: a number before it is refused, one inside it starts at 01.
    with empty.unit_of_work() as session, pytest.raises(UserError):
        register.issue(session, info.unit_id, DocType.RESOLUTION, date(2025, 6, 1), subject="x")
    with empty.unit_of_work() as session:
        issued = register.issue(
            session, info.unit_id, DocType.RESOLUTION, date(2025, 7, 1), subject="x"
        )
        assert issued.text.startswith("01-NQ/")
    with pytest.raises(UserError, match="already set up"):
        set_up_unit(empty, CELL, TODAY, actor="test")


def test_the_office_prints_in_its_committees_name_and_has_no_unit_above(empty: Database) -> None:
    office = replace(
        CELL,
        role="office",
        unit_code="BTC",
        unit_name="Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh",
        board_name="ignored for the office",
        term_end="30/06/2030",
    )
    info = set_up_unit(empty, office, TODAY, actor="test")
    assert info.parent_name == "" and info.board_name == ""
    assert print_settings.print_settings(empty).committee_name == "Đảng ủy Khối các cơ quan tỉnh"
    same = replace(office, parent_name=office.unit_name.upper())
    with pytest.raises(UserError) as caught:
        check_unit_details(same, TODAY)
    assert caught.value.field == "parent_name"


def test_a_new_account_is_checked_without_writing(tmp_path: Path) -> None:
    assert accounts.check_new_account("QuanTri", "mật khẩu dài", "mật khẩu dài") == "quantri"
    for name, password, repeat, field in [
        ("Quản Trị", "mật khẩu dài", "mật khẩu dài", "name"),
        ("quantri", "ngắn", "ngắn", "password"),
        ("quantri", "mật khẩu dài", "mật khẩu khác", "password"),
    ]:
        with pytest.raises(UserError) as caught:
            accounts.check_new_account(name, password, repeat)
        assert caught.value.field == field
    assert not list(tmp_path.iterdir())
