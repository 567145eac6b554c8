"""Importing people from the workbook: refused row by row, or written whole and only once."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from dvdesk.cli import main
from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import (
    Assignment,
    AuditEntry,
    Base,
    CertificateRecord,
    Member,
    Person,
    PipelineEvent,
    Unit,
)
from dvdesk.reports.people_workbook import write_template
from dvdesk.services.people_import import import_people

PEOPLE = "Người vào Đảng"
MEMBERS = "Đảng viên"

Row = Mapping[str, object]

MEMBER_ROWS: list[Row] = [
    {
        "Mã": "DV1",
        "Họ và tên": "Trần Văn Bình",
        "Ngày sinh": date(1980, 1, 1),
        "Số CCCD": "001080001234",
        "Ngày vào Đảng": date(2005, 1, 1),
        "Ngày chính thức": date(2006, 1, 1),
        "Số thẻ đảng viên": "12345",
        "Ngày về sinh hoạt tại chi bộ": date(2010, 1, 1),
    },
    {
        "Mã": "DV2",
        "Họ và tên": "Lê Thị Cúc",
        "Ngày sinh": "02/02/1982",
        "Ngày vào Đảng": "01/01/2008",
        "Ngày chính thức": "01/01/2009",
        "Ngày về sinh hoạt tại chi bộ": "01/01/2012",
    },
    {"Mã": "DV3", "Họ và tên": "Đỗ Văn Dự", "Ngày vào Đảng": "01/01/2024"},  # probationary
]

ANH: Row = {
    "Mã": "P1",
    "Họ và tên": "Nguyễn Thị Ánh",
    "Giới tính": "Nữ",
    "Ngày sinh": "04/03/2000",
    "Số CCCD": "001300012345",
    "Dân tộc": "Kinh",
    "Tôn giáo": "Không",
    "Trình độ giáo dục phổ thông": "12/12",
    "Đoàn viên": "Có",
    "Ngày vào Đoàn": date(2015, 3, 26),
    "Nghề nghiệp": "Chuyên viên",
    "Ngày vào danh sách cảm tình Đảng": "10/01/2023",
    "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng": date(2023, 6, 15),
    "Số giấy chứng nhận": "12/GCN",
    "Người giới thiệu 1": "DV1",
    "Người giới thiệu 2": "Lê Thị Cúc",
    "Ngày chi bộ họp xét kết nạp": "12/03/2024",
    "Số đảng viên chính thức của chi bộ": 15,
    "Số đảng viên tán thành kết nạp": "14",
    "Ngày ra quyết định kết nạp": "20/05/2024",
    "Ngày nhận quyết định kết nạp": "27/05/2024",
    "Ngày lễ kết nạp": date(2024, 6, 19),
}
DUNG: Row = {
    "Mã": "P2",
    "Họ và tên": "Phạm Văn Dũng",
    "Giới tính": "Nam",
    "Ngày sinh": "01/09/2003",
    "Đoàn viên": "x",
    "Trình độ giáo dục phổ thông": "12",
    "Chi bộ": "Chi bộ Kỹ thuật",
    "Ngày vào danh sách cảm tình Đảng": "01/02/2024",
    "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng": "15/06/2024",
    "Người giới thiệu 1": "001080001234",
    "Đoàn giới thiệu": "Có",
    "Ngày chi bộ họp xét kết nạp": "01/03/2025",
    "Số đảng viên chính thức của chi bộ": 12,
    "Số đảng viên tán thành kết nạp": 12,
}
EM: Row = {"Số CCCD": "001305000001", "Họ và tên": "Vũ Thị Em"}  # keyed by CCCD only


def workbook(
    path: Path, people: Sequence[Row], members: Sequence[Row] = (), extra: Sequence[str] = ()
) -> Path:
    write_template(path)
    book = openpyxl.load_workbook(path)
    for name, rows in ((PEOPLE, people), (MEMBERS, members)):
        sheet = book[name]
        headers = [c.value for c in sheet[1]]
        for i, header in enumerate(extra, start=len(headers) + 1):
            sheet.cell(row=1, column=i, value=header)
        for row in rows:
            unknown = set(row) - set(headers) - set(extra)
            assert not unknown, unknown
            sheet.append([row.get(str(h)) for h in headers] + [row.get(h) for h in extra])
    book.save(path)
    return path


def counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def versions(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return {
            f"{cls.__name__}:{row.id}": row.version
            for cls in (Person, Member, PipelineEvent, CertificateRecord, Assignment, Unit)
            for row in s.scalars(select(cls))
        }


@pytest.fixture
def clean_file(tmp_path: Path) -> Path:
    return workbook(tmp_path / "nguoi.xlsx", [ANH, DUNG, EM], MEMBER_ROWS)


# --- a clean file -----------------------------------------------------------------------------


def test_template_round_trip(db: Database, clean_file: Path) -> None:
    result = import_people(db, clean_file, actor="thu.ky")
    assert result.errors == [], result.describe("en")
    assert (result.created, result.updated, result.unchanged) == (6, 0, 0)
    assert [(w.sheet, w.row, w.column, w.code) for w in result.warnings] == [
        (PEOPLE, 3, "Chi bộ", "UNIT_CREATED")
    ]
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        assert (anh.stage, anh.sex, anh.education, anh.education_grade) == (
            "probation",
            "nu",
            "12/12",
            12,
        )
        assert anh.birth_date == date(2000, 3, 4) and anh.cccd == "001300012345"
        assert anh.youth_union_member and anh.youth_union_date == date(2015, 3, 26)
        assert anh.next_due_kind == "recognition_review"
        assert sorted((e.on_date, e.kind) for e in anh.events) == [
            (date(2023, 1, 10), "sympathiser_listed"),
            (date(2024, 3, 12), "cell_vote"),
            (date(2024, 5, 20), "decision"),
            (date(2024, 5, 27), "decision_received"),
            (date(2024, 6, 19), "ceremony"),
        ]
        vote = next(e for e in anh.events if e.kind == "cell_vote")
        assert (vote.official_members, vote.votes_for) == (15, 14)
        assert [(c.kind, c.issued_on, c.number) for c in anh.certificates] == [
            ("awareness", date(2023, 6, 15), "12/GCN")
        ]
        assert sorted(a.member.code or "" for a in anh.assignments) == ["DV1", "DV2"]
        assert {a.role for a in anh.assignments} == {"introducer"}
        assert anh.error_count == 0

        dung = queries.person_by_key(s, "P2")
        assert dung is not None and dung.stage == "proposed"
        route = [e for e in dung.events if e.kind == "mass_org_resolution"]
        assert [(e.on_date, e.mass_org) for e in route] == [(date(2025, 3, 1), "youth_union")]
        assert [a.member.code for a in dung.assignments] == ["DV1"]
        unit = queries.unit_by_name(s, "Chi bộ Kỹ thuật")
        assert unit is not None and dung.unit_id == unit.id
        assert unit.owner_unit_id == unit.id and dung.owner_unit_id == unit.id
        assert {e.owner_unit_id for e in dung.events} == {unit.id}
        install = queries.install(s)
        assert install is not None and unit.parent_id == install.unit_id
        assert anh.unit_id == install.unit_id  # blank "Chi bộ": this install's unit

        em = queries.person_by_key(s, "001305000001")
        assert em is not None and em.code is None and em.stage == "source"

        members = {m.code: m for m in queries.members_index(s)}
        assert {c: m.status for c, m in members.items()} == {
            "DV1": "official",
            "DV2": "official",
            "DV3": "probationary",
        }
        assert members["DV1"].admission_decision_date == date(2005, 1, 1)
        assert members["DV1"].card_number == "12345"
        assert members["DV2"].joined_cell_on == date(2012, 1, 1)

        log = queries.audit_entries(s)
        assert {e.actor for e in log} >= {"thu.ky"}
        logged = {(e.action, e.entity) for e in log if e.actor == "thu.ky"}
        assert logged == {
            ("create", "unit"),
            ("create", "member"),
            ("create", "person"),
            ("add_event", "event"),
            ("add_certificate", "certificate"),
            ("add_assignment", "assignment"),
        }
        created = [e for e in log if e.entity_id == anh.id]
        assert created[0].action == "create"
        assert json.loads(created[0].after)["full_name"] == "Nguyễn Thị Ánh"
        assert "nguoi.xlsx" in created[0].reason


def test_second_import_changes_nothing(db: Database, clean_file: Path) -> None:
    import_people(db, clean_file)
    before, stamped = counts(db), versions(db)
    again = import_people(db, clean_file)
    assert again.to_json() == {
        "created": 0,
        "updated": 0,
        "unchanged": 6,
        "warnings": [],
        "errors": [],
    }
    assert counts(db) == before
    assert versions(db) == stamped


def test_update_sets_only_what_the_file_sets(db: Database, tmp_path: Path) -> None:
    import_people(db, workbook(tmp_path / "a.xlsx", [ANH], MEMBER_ROWS))
    audit_rows = counts(db)["audit_log"]
    # A later file: the occupation changed, the ceremony date corrected, most cells blank.
    later = {
        "Mã": "P1",
        "Họ và tên": "Nguyễn Thị Ánh",
        "Nghề nghiệp": "Trưởng phòng",
        "Ngày lễ kết nạp": "21/06/2024",
    }
    result = import_people(db, workbook(tmp_path / "b.xlsx", [later]))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0), result.describe()
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        assert anh.occupation == "Trưởng phòng"
        assert anh.cccd == "001300012345" and anh.sex == "nu"  # blank cells kept
        assert [e.on_date for e in anh.events if e.kind == "ceremony"] == [date(2024, 6, 21)]
        assert len(anh.events) == 5 and len(anh.assignments) == 2
        assert anh.version == 2
        new_log = queries.audit_entries(s)[audit_rows:]
        assert sorted(e.action for e in new_log) == ["update", "update_event"]
        change = next(e for e in new_log if e.action == "update_event")
        assert json.loads(change.before)["on_date"] == "2024-06-19"
        assert json.loads(change.after)["on_date"] == "2024-06-21"


def test_found_by_cccd_then_given_a_code(db: Database, tmp_path: Path) -> None:
    import_people(db, workbook(tmp_path / "a.xlsx", [EM]))
    result = import_people(db, workbook(tmp_path / "b.xlsx", [{**EM, "Mã": "P9"}]))
    assert (result.created, result.updated) == (0, 1)
    with db.reader() as s:
        assert queries.count_people(s) == 1
        em = queries.person_by_key(s, "P9")
        assert em is not None and em.cccd == "001305000001"


def test_introducer_from_the_database(db: Database, tmp_path: Path) -> None:
    import_people(db, workbook(tmp_path / "a.xlsx", [], MEMBER_ROWS))
    # The members are not in this file: "Người giới thiệu" finds them in the database.
    row = {
        **DUNG,
        "Người giới thiệu 1": "trần văn bình",
        "Người giới thiệu 2": "DV2",
        "Đoàn giới thiệu": None,
    }
    result = import_people(db, workbook(tmp_path / "b.xlsx", [row]))
    assert result.errors == []
    with db.reader() as s:
        dung = queries.person_by_key(s, "P2")
        assert dung is not None
        assert sorted(a.member.code or "" for a in dung.assignments) == ["DV1", "DV2"]


def test_new_introducer_added_and_old_one_kept(db: Database, tmp_path: Path) -> None:
    import_people(db, workbook(tmp_path / "a.xlsx", [ANH], MEMBER_ROWS))
    row = {**ANH, "Người giới thiệu 2": "DV3"}
    result = import_people(db, workbook(tmp_path / "b.xlsx", [row]))
    assert (result.updated, result.errors) == (1, [])
    assert [(w.row, w.code) for w in result.warnings] == [(2, "INTRODUCERS_KEPT")]
    assert "Lê Thị Cúc" in result.warnings[0].message
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        assert sorted(a.member.code or "" for a in anh.assignments) == ["DV1", "DV2", "DV3"]


# --- a file with mistakes ---------------------------------------------------------------------


def test_mistakes_are_refused_row_by_row(db: Database, tmp_path: Path) -> None:
    seed = [
        {"Mã": "OLD", "Họ và tên": "Cũ", "Số CCCD": "001300099999"},
        {"Mã": "OLD2", "Họ và tên": "Cũ Hai", "Số CCCD": "001300088888"},
    ]
    import_people(db, workbook(tmp_path / "seed.xlsx", seed))
    before, stamped = counts(db), versions(db)
    members: list[Row] = [
        *MEMBER_ROWS,
        {"Mã": "DV4", "Họ và tên": "Lê Thị Cúc"},
        {
            "Mã": "DV1",
            "Họ và tên": "Ai Đó",
            "Ngày vào Đảng": "01/01/2010",
            "Ngày chính thức": "01/01/2009",
        },
    ]
    people: list[Row] = [
        {**ANH, "Ngày sinh": "31/02/2000"},  # row 2
        {**DUNG, "Số CCCD": "12345"},  # row 3
        {"Mã": "P1", "Họ và tên": "Trùng Mã"},  # row 4
        {"Mã": "P4", "Họ và tên": "A", "Người giới thiệu 1": "Không Ai"},  # row 5
        {"Mã": "P5", "Họ và tên": "B", "Người giới thiệu 1": "Lê Thị Cúc"},  # row 6
        {
            "Mã": "P6",
            "Họ và tên": "C",
            "Ngày ra quyết định kết nạp": "20/05/2024",
            "Ngày lễ kết nạp": "01/05/2024",
        },  # row 7
        {
            "Mã": "P7",
            "Họ và tên": "D",
            "Ngày chi bộ họp xét kết nạp": "01/03/2025",
            "Số đảng viên chính thức của chi bộ": 10,
            "Số đảng viên tán thành kết nạp": 11,
        },  # 8
        {"Mã": "P8", "Giới tính": "Nam"},  # row 9
        {"Mã": "P9", "Họ và tên": "E", "Số CCCD": "001300099999"},  # row 10
        {"Họ và tên": "F"},  # row 11
        {
            "Mã": "P11",
            "Họ và tên": "G",
            "Đoàn viên": "có lẽ",
            "Giới tính": "khác",
            "Trình độ giáo dục phổ thông": "13/12",
            "Số đảng viên chính thức của chi bộ": "-3",
        },
        {
            "Mã": "P12",
            "Họ và tên": "H",
            "Người giới thiệu 1": "DV1",
            "Người giới thiệu 2": "001080001234",
        },  # row 13
    ]
    result = import_people(db, workbook(tmp_path / "bad.xlsx", people, members))
    found = [(e.sheet, e.row, e.column, e.code) for e in result.errors]
    assert found == [
        (PEOPLE, 2, "Ngày sinh", "DATE_IMPOSSIBLE"),
        (PEOPLE, 3, "Số CCCD", "CCCD_INVALID"),
        (PEOPLE, 4, "Mã", "DUPLICATE_CODE"),
        # The rows that parsed are checked against members and stored people in the same pass.
        (PEOPLE, 5, "Người giới thiệu 1", "INTRODUCER_UNKNOWN"),
        (PEOPLE, 6, "Người giới thiệu 1", "INTRODUCER_AMBIGUOUS"),
        (PEOPLE, 7, "Ngày lễ kết nạp", "DATE_ORDER"),
        (PEOPLE, 8, "Số đảng viên tán thành kết nạp", "VOTES_EXCEED_MEMBERS"),
        (PEOPLE, 9, "Họ và tên", "REQUIRED"),
        (PEOPLE, 10, "Mã", "CODE_CONFLICT"),
        (PEOPLE, 11, "Mã", "KEY_MISSING"),
        (PEOPLE, 12, "Giới tính", "SEX_INVALID"),
        (PEOPLE, 12, "Trình độ giáo dục phổ thông", "EDUCATION_INVALID"),
        (PEOPLE, 12, "Đoàn viên", "YES_NO_INVALID"),
        (PEOPLE, 12, "Số đảng viên chính thức của chi bộ", "COUNT_INVALID"),
        (PEOPLE, 12, "Số đảng viên chính thức của chi bộ", "VOTE_COUNTS_WITHOUT_DATE"),
        (PEOPLE, 13, "Người giới thiệu 2", "INTRODUCER_REPEATED"),
        (MEMBERS, 6, "Mã", "DUPLICATE_CODE"),
        (MEMBERS, 6, "Ngày chính thức", "DATE_ORDER"),
    ]
    assert counts(db) == before and versions(db) == stamped
    # The same checks against the database, in a file with no other mistakes.
    people = [people[i] for i in (3, 4, 8, 11)]
    people.append({"Mã": "OLD", "Họ và tên": "Cũ", "Số CCCD": "001300088888"})  # row 6
    members = members[:4]
    result = import_people(db, workbook(tmp_path / "bad2.xlsx", people, members))
    found = [(e.sheet, e.row, e.column, e.code) for e in result.errors]
    assert found == [
        (PEOPLE, 2, "Người giới thiệu 1", "INTRODUCER_UNKNOWN"),
        (PEOPLE, 3, "Người giới thiệu 1", "INTRODUCER_AMBIGUOUS"),
        (PEOPLE, 4, "Mã", "CODE_CONFLICT"),  # P9's CCCD is OLD's
        (PEOPLE, 5, "Người giới thiệu 2", "INTRODUCER_REPEATED"),
        (PEOPLE, 6, "Số CCCD", "CCCD_TAKEN"),  # OLD given OLD2's CCCD
    ]
    assert counts(db) == before and versions(db) == stamped
    assert "DV2" in result.errors[1].message and "DV4" in result.errors[1].message
    text = result.describe("vi")
    assert "chưa ghi gì" in text and "dòng 2, cột «Người giới thiệu 1»" in text
    payload = result.to_json()
    assert set(payload) == {"created", "updated", "unchanged", "warnings", "errors"}
    assert set(payload["errors"][0]) == {"sheet", "row", "column", "code", "message"}
    assert (payload["created"], payload["updated"], payload["unchanged"]) == (0, 0, 0)


def test_messages_in_english(db: Database, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [{**ANH, "Số CCCD": "12"}])
    result = import_people(db, path, lang="en")
    assert result.errors[0].message == "A CCCD number is exactly 12 digits (got '12')."
    assert "nothing was written" in result.describe("en")


def test_cccd_number_cell_lost_its_zeros(db: Database, tmp_path: Path) -> None:
    result = import_people(db, workbook(tmp_path / "a.xlsx", [{**EM, "Số CCCD": 1305000001}]))
    assert [(e.column, e.code) for e in result.errors] == [("Số CCCD", "CCCD_LEADING_ZEROS_LOST")]


def test_file_level_errors_name_the_file(db: Database, tmp_path: Path) -> None:
    before = counts(db)
    result = import_people(db, tmp_path / "khong_co.xlsx")
    assert [(e.sheet, e.row, e.code) for e in result.errors] == [("", None, "FILE_NOT_FOUND")]
    assert "khong_co.xlsx" in result.errors[0].message
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    result = import_people(db, bad)
    assert [e.code for e in result.errors] == ["NOT_A_WORKBOOK"]
    assert counts(db) == before


def test_uninitialised_database(tmp_path: Path, clean_file: Path) -> None:
    from dvdesk.services.setup import open_data_dir

    empty = open_data_dir(tmp_path / "empty")
    try:
        result = import_people(empty, clean_file)
        assert [e.code for e in result.errors] == ["NOT_INITIALISED"]
    finally:
        empty.close()


# --- other inputs -----------------------------------------------------------------------------


def test_dry_run_writes_nothing(db: Database, clean_file: Path) -> None:
    before = counts(db)
    result = import_people(db, clean_file, dry_run=True)
    assert (result.created, result.updated, result.unchanged, result.errors) == (6, 0, 0, [])
    assert [w.code for w in result.warnings] == ["UNIT_CREATED"]
    assert "chưa ghi gì" in result.describe("vi")
    assert counts(db) == before
    import_people(db, clean_file)
    changed = workbook(clean_file.with_name("b.xlsx"), [{**ANH, "Nghề nghiệp": "Kế toán"}, EM])
    result = import_people(db, changed, dry_run=True)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)


def test_csv_import(db: Database, tmp_path: Path) -> None:
    members = tmp_path / "dang_vien.csv"
    members.write_text(
        "\ufeffMã;Họ và tên;Ngày vào Đảng;Ngày chính thức\n"
        "DV1;Trần Văn Bình;01/01/2005;01/01/2006\n",
        encoding="utf-8",
    )
    people = tmp_path / "nguoi.csv"
    people.write_text(
        "Mã,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Người giới thiệu 1,"
        "Ngày vào danh sách cảm tình Đảng\n"
        'P1,"Nguyễn Thị Ánh",Nữ,04/03/2000,001300012345,DV1,10/01/2023\n',
        encoding="utf-8",
    )
    assert import_people(db, members).created == 1
    result = import_people(db, people)
    assert (result.created, result.errors) == (1, [])
    with db.reader() as s:
        anh = queries.person_by_key(s, "001300012345")
        assert anh is not None and anh.stage == "sympathiser"
        assert [a.member.full_name for a in anh.assignments] == ["Trần Văn Bình"]
    assert import_people(db, people).unchanged == 1


def test_nfd_input_is_stored_nfc(db: Database, tmp_path: Path) -> None:
    nfd = {k: unicodedata.normalize("NFD", v) if isinstance(v, str) else v for k, v in ANH.items()}
    nfd["Người giới thiệu 1"] = nfd["Người giới thiệu 2"] = None
    result = import_people(
        db, workbook(tmp_path / "a.xlsx", [{**nfd, "Chi bộ": "Chi bộ Văn phòng"}])
    )
    assert result.errors == [] and result.warnings == []  # the NFD unit name matched too
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        for text in (anh.full_name, anh.ethnicity, anh.religion, anh.occupation):
            assert unicodedata.is_normalized("NFC", text)
        assert anh.full_name == "Nguyễn Thị Ánh" and anh.sex == "nu"
    again = import_people(
        db,
        workbook(
            tmp_path / "b.xlsx", [{**ANH, "Người giới thiệu 1": None, "Người giới thiệu 2": None}]
        ),
    )
    assert again.unchanged == 1


def test_extra_column_is_ignored_with_a_warning(db: Database, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [{**EM, "Ghi chú": "bất kỳ"}], extra=["Ghi chú"])
    result = import_people(db, path)
    assert result.created == 1
    assert [(w.sheet, w.row, w.column, w.code) for w in result.warnings] == [
        (PEOPLE, 1, "Ghi chú", "COLUMN_UNKNOWN"),
        (MEMBERS, 1, "Ghi chú", "COLUMN_UNKNOWN"),
    ]


def test_education_turned_into_a_date_by_excel(db: Database, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [{**EM, "Trình độ giáo dục phổ thông": date(2024, 12, 9)}])
    result = import_people(db, path)
    assert [(w.column, w.code) for w in result.warnings] == [
        ("Trình độ giáo dục phổ thông", "EDUCATION_FROM_DATE")
    ]
    with db.reader() as s:
        em = queries.person_by_key(s, "001305000001")
        assert em is not None and (em.education, em.education_grade) == ("9/12", 9)


def test_youth_union_route_without_a_vote_date(db: Database, tmp_path: Path) -> None:
    row = {**EM, "Đoàn giới thiệu": "Có"}
    result = import_people(db, workbook(tmp_path / "a.xlsx", [row]))
    assert [w.code for w in result.warnings] == ["MASS_ORG_UNDATED"]
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(PipelineEvent)) == 0
        em = queries.person_by_key(s, "001305000001")
        assert em is not None and em.youth_union_member  # only members are introduced
    row = {**EM, "Đoàn viên": "Không", "Đoàn giới thiệu": "Có"}
    result = import_people(db, workbook(tmp_path / "b.xlsx", [row]))
    assert [(e.column, e.code) for e in result.errors] == [
        ("Đoàn giới thiệu", "YOUTH_UNION_ROUTE_NOT_MEMBER")
    ]


def test_command_line(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = str(db.path.parent)
    template = tmp_path / "mau.xlsx"
    assert main(["--data-dir", data_dir, "people", "template", str(template)]) == 0
    workbook(template, [ANH], MEMBER_ROWS)
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "people", "import", str(template), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 4
    bad = workbook(tmp_path / "bad.xlsx", [{**ANH, "Số CCCD": "1"}])
    assert main(["--data-dir", data_dir, "people", "import", str(bad)]) == 1
    assert "Số CCCD" in capsys.readouterr().out
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) > 0


def test_member_becoming_official_refreshes_their_candidates(db: Database, tmp_path: Path) -> None:
    row = {**ANH, "Người giới thiệu 2": "DV3"}  # DV3 is still probationary
    import_people(db, workbook(tmp_path / "a.xlsx", [row], MEMBER_ROWS))
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        flagged = (anh.error_count, anh.warning_count)
    assert flagged != (0, 0)
    official = [*MEMBER_ROWS[:2], {**MEMBER_ROWS[2], "Ngày chính thức": "01/02/2024"}]
    result = import_people(db, workbook(tmp_path / "b.xlsx", [row], official))
    assert (result.members.updated, result.people.unchanged) == (1, 1)
    assert result.warnings == []
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        assert (anh.error_count, anh.warning_count) != flagged
        dv3 = queries.member_by_key(s, "DV3")
        assert dv3 is not None and dv3.status == "official" and dv3.version == 2


def test_certificate_and_vote_corrected_not_duplicated(db: Database, tmp_path: Path) -> None:
    import_people(db, workbook(tmp_path / "a.xlsx", [ANH], MEMBER_ROWS))
    later = {
        **ANH,
        "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng": "16/06/2023",
        "Số giấy chứng nhận": "13/GCN",
        "Số đảng viên tán thành kết nạp": 13,
    }
    result = import_people(db, workbook(tmp_path / "b.xlsx", [later], MEMBER_ROWS))
    assert (result.people.updated, result.members.unchanged) == (1, 3)
    with db.reader() as s:
        anh = queries.person_by_key(s, "P1")
        assert anh is not None
        assert [(c.issued_on, c.number, c.version) for c in anh.certificates] == [
            (date(2023, 6, 16), "13/GCN", 2)
        ]
        votes = [(e.official_members, e.votes_for) for e in anh.events if e.kind == "cell_vote"]
        assert votes == [(15, 13)]
        assert anh.version == 1  # the person's own fields did not change


def test_derived_deadlines_written(db: Database, clean_file: Path) -> None:
    import_people(db, clean_file)
    with db.reader() as s:
        dung = queries.person_by_key(s, "P2")
        assert dung is not None and dung.next_due_kind == "decision"
        kinds = {d.kind for d, p in queries.deadlines_until(s, date(2100, 1, 1)) if p.id == dung.id}
        assert kinds == {"decision"}


def test_many_chunks(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dvdesk.services.people_import as module

    monkeypatch.setattr(module, "CHUNK", 2)
    people = [
        {**ANH, "Mã": f"P{i}", "Số CCCD": f"0013000{i:05d}", "Người giới thiệu 2": "DV3"}
        for i in range(7)
    ]
    path = workbook(tmp_path / "a.xlsx", people, MEMBER_ROWS)
    assert import_people(db, path).people.created == 7
    stamped = versions(db)
    assert import_people(db, path).people.unchanged == 7
    assert versions(db) == stamped
    changed = workbook(tmp_path / "b.xlsx", [{**p, "Tôn giáo": "Phật giáo"} for p in people])
    assert import_people(db, changed).people.updated == 7
    with db.reader() as s:
        for i in range(7):
            person = queries.person_by_key(s, f"P{i}")
            assert person is not None and person.religion == "Phật giáo"
            assert sorted(a.member.code or "" for a in person.assignments) == ["DV1", "DV3"]
            assert person.stage == "probation"


# --- progress and cancelling ------------------------------------------------------------------


def _recorder(seen: list[tuple[int, int]]) -> Callable[[int, int], None]:
    return lambda done, total: seen.append((done, total))


def test_progress_reaches_the_total(db: Database, clean_file: Path) -> None:
    for dry_run in (True, False):
        seen: list[tuple[int, int]] = []
        result = import_people(db, clean_file, dry_run=dry_run, progress=_recorder(seen))
        assert not result.cancelled and not result.errors
        assert seen[0] == (0, 12) and seen[-1] == (12, 12)  # six rows, checked then written
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancelling_half_way_writes_nothing(db: Database, tmp_path: Path) -> None:
    people = [{**ANH, "Mã": f"P{i}", "Số CCCD": f"0013000{i:05d}"} for i in range(10)]
    path = workbook(tmp_path / "a.xlsx", people, MEMBER_ROWS)
    before = counts(db)
    seen: list[tuple[int, int]] = []

    def half_way() -> bool:  # cancelled once the writing has begun
        return bool(seen) and seen[-1][0] > seen[-1][1] // 2 + 1

    result = import_people(
        db, path, progress=lambda d, t: seen.append((d, t)), is_cancelled=half_way
    )
    assert result.cancelled
    assert (result.created, result.updated, result.errors, result.warnings) == (0, 0, [], [])
    assert "chưa ghi gì" in result.describe("vi")
    assert "cancelled" in result.describe("en")
    assert result.to_json()["cancelled"] is True
    assert seen[-1][0] < seen[-1][1]
    assert counts(db) == before
    assert import_people(db, path).created == 13  # nothing left behind that gets in the way


def test_cancelled_before_it_starts(db: Database, clean_file: Path) -> None:
    before = counts(db)
    result = import_people(db, clean_file, is_cancelled=lambda: True)
    assert result.cancelled and counts(db) == before
