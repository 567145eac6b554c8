"""The audit log read back and the reads of personal data written to it: a dossier viewed (at
most once an hour per person and user), forms printed, workbooks exported; filters, paging and
the person concerned done in SQL, and the log exported to a workbook that says the same."""

from __future__ import annotations

import json
import socket
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func
from sqlalchemy.dialects import sqlite as sqlite_dialect

from dvdesk.db import audit_queries
from dvdesk.db.engine import Database
from dvdesk.db.models import (
    AuditEntry,
    CertificateRecord,
    PeerAuditEntry,
    Person,
    PipelineEvent,
    Unit,
)
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports import audit_workbook
from dvdesk.services import audit, printing, reports
from dvdesk.services.demo import make_demo
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.people import EventInput, PersonInput, add_event, create_person
from dvdesk.services.setup import install_info, open_data_dir

TODAY = date(2026, 11, 27)
T0 = datetime(2026, 3, 2, 8, 0)  # UTC, as the log stores time


def _sql(db: Database, query: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def _log_rows(db: Database, action: str) -> list[tuple[Any, ...]]:
    return _sql(
        db,
        "SELECT actor, entity, entity_id, after FROM audit_log WHERE action = ? ORDER BY id",
        (action,),
    )


# --- a small log of our own, written through the services ------------------------------------


def _person(db: Database, name: str, code: str) -> str:
    info = install_info(db)
    assert info is not None
    with db.unit_of_work() as s:
        data = PersonInput(full_name=name, code=code, unit_id=info.unit_id)
        return create_person(s, data, "test", load_calendar(s), owner=info.unit_id).id


@pytest.fixture
def log_db(db: Database) -> Database:
    """Two people and a dozen entries at known times by three users."""
    an = _person(db, "Nguyễn Văn An", "P1")
    binh = _person(db, "Đặng Thị Bình", "P2")
    with db.unit_of_work() as s:
        person = s.get(Person, binh)
        assert person is not None
        add_event(
            s,
            person,
            EventInput(EventKind.SYMPATHISER_LISTED, date(2026, 3, 1)),
            "lan",
            load_calendar(s),
        )
        for n in range(10):
            audit.log(
                s,
                ("lan", "minh")[n % 2],
                "update",
                "person",
                (an, binh)[n % 2],
                before={"residence": f"Số {n}", "notes": "giữ nguyên"},
                after={"residence": f"Số {n + 1}", "notes": "giữ nguyên"},
                at=T0 + timedelta(days=n),
            )
        audit.log(
            s,
            "=cmd|' /C calc'!A0",  # a hostile name from a bundle must stay text in Excel
            "delete",
            "event",
            "ev-1",
            before={"person_id": an, "kind": "ceremony", "on_date": "2026-02-01"},
            at=T0 + timedelta(days=20),
            reason="nhập nhầm",
        )
    return db


def test_entries_are_newest_first_with_the_person_they_concern(log_db: Database) -> None:
    rows = audit.entries(log_db, limit=1000)
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
    deleted = next(r for r in rows if r.action == "delete")
    created = [r for r in rows if r.action == "create" and r.entity == "person"]
    assert {r.subject for r in created} == {"Nguyễn Văn An (P1)", "Đặng Thị Bình (P2)"}
    # An event's entry names its person through the snapshot's person_id.
    event = next(r for r in rows if r.action == "add_event")
    assert event.subject == "Đặng Thị Bình (P2)" and event.person_id
    assert deleted.subject == "Nguyễn Văn An (P1)"
    assert deleted.reason == "nhập nhầm"
    assert all(r.unit_code == "" for r in rows)


def test_filters_narrow_in_sql(log_db: Database) -> None:
    assert {r.actor for r in audit.entries(log_db, actor="minh")} == {"minh"}
    assert len(audit.entries(log_db, actor="minh", action="update")) == 5
    assert {r.action for r in audit.entries(log_db, entity="event")} == {"add_event", "delete"}
    an = next(r.entity_id for r in audit.entries(log_db, text="P1") if r.entity == "person")
    about_an = audit.entries(log_db, entity="person", entity_id=an)
    assert about_an and {r.entity_id for r in about_an} == {an}
    # A datetime bound is UTC: since included, until excluded.
    window = audit.entries(log_db, since=T0 + timedelta(days=2), until=T0 + timedelta(days=5))
    assert [r.at for r in window] == [T0 + timedelta(days=d) for d in (4, 3, 2)]
    # Dates are local days, both included (the tests run in UTC or ahead of it: a day's slack).
    day = (T0 + timedelta(days=3)).replace(tzinfo=UTC).astimezone().date()
    on_day = audit.entries(log_db, since=day, until=day, action="update")
    assert T0 + timedelta(days=3) in [r.at for r in on_day]
    assert all(abs((r.at - (T0 + timedelta(days=3))).days) <= 1 for r in on_day)


def test_free_text_finds_names_without_diacritics_values_and_reasons(log_db: Database) -> None:
    by_name = audit.entries(log_db, text="dang thi binh")
    assert by_name and all(r.subject == "Đặng Thị Bình (P2)" for r in by_name)
    assert {r.entity_id for r in audit.entries(log_db, text="Số 7")} == {
        r.entity_id for r in audit.entries(log_db, text="Số 8")
    }
    assert [r.action for r in audit.entries(log_db, text="nhập nhầm")] == ["delete"]
    assert audit.entries(log_db, text="100%_") == []  # LIKE wildcards are taken literally


def test_pages_do_not_overlap_and_cover_everything(log_db: Database) -> None:
    every = audit.entries(log_db, limit=1000)
    pages = [audit.entries(log_db, limit=4, offset=o) for o in range(0, len(every) + 4, 4)]
    assert all(len(p) <= 4 for p in pages)
    assert [r.entry_id for p in pages for r in p] == [r.entry_id for r in every]


def test_changes_show_only_what_changed_before_and_after(log_db: Database) -> None:
    update = audit.entries(log_db, action="update", limit=1)[0]
    [change] = audit.changes(update)
    assert change.field == "residence" and change.text() == "residence: Số 9 → Số 10"
    assert audit.change_summary(update) == "residence: Số 9 → Số 10"
    deleted = audit.entries(log_db, action="delete")[0]
    texts = [c.text() for c in audit.changes(deleted)]
    assert "on_date: 01/02/2026 → —" in texts and "kind: ceremony → —" in texts
    created = audit.entries(log_db, action="create", entity="person")[0]
    assert "full_name: " in audit.change_summary(created)
    assert all(c.old is None for c in audit.changes(created))


def test_filter_choices(log_db: Database) -> None:
    assert {"lan", "minh", "test"} <= set(audit.actors(log_db))
    assert {"update", "create", "delete", "add_event"} <= set(audit.actions(log_db))
    assert audit.units(log_db) == []


def test_bad_filters_are_refused_plainly(log_db: Database) -> None:
    with pytest.raises(UserError) as bad:
        audit.entries(log_db, source="everything")
    assert bad.value.field == "source"
    with pytest.raises(NotFoundError):
        audit.entries(log_db, source="units", unit="NO-SUCH-UNIT")


# --- viewing a dossier ---------------------------------------------------------------------


def test_a_view_is_logged_once_an_hour_per_person_and_user(log_db: Database) -> None:
    an = audit.entries(log_db, text="P1", action="create", entity="person")[0].entity_id
    binh = audit.entries(log_db, text="P2", action="create", entity="person")[0].entity_id
    assert audit.record_view(log_db, an, "lan", now=T0)
    assert not audit.record_view(log_db, an, "lan", now=T0 + timedelta(minutes=59))
    assert audit.record_view(log_db, an, "minh", now=T0 + timedelta(minutes=5))
    assert audit.record_view(log_db, binh, "lan", now=T0 + timedelta(minutes=5))
    assert audit.record_view(log_db, an, "lan", now=T0 + timedelta(minutes=61))
    views = audit.entries(log_db, action="view")
    assert [(r.actor, r.subject, r.at) for r in views] == [
        ("lan", "Nguyễn Văn An (P1)", T0 + timedelta(minutes=61)),
        ("lan", "Đặng Thị Bình (P2)", T0 + timedelta(minutes=5)),  # same time: newest entry first
        ("minh", "Nguyễn Văn An (P1)", T0 + timedelta(minutes=5)),
        ("lan", "Nguyễn Văn An (P1)", T0),
    ]
    assert audit.changes(views[0]) == []


def test_a_view_is_logged_for_the_user_at_the_keyboard_by_default(log_db: Database) -> None:
    an = audit.entries(log_db, text="P1", entity="person", action="create")[0].entity_id
    assert audit.record_view(log_db, an)
    assert not audit.record_view(log_db, an)
    [view] = audit.entries(log_db, action="view")
    assert view.actor == audit.current_user()


# --- the units below -----------------------------------------------------------------------


def test_the_units_entries_are_read_apart_by_unit(log_db: Database) -> None:
    an = audit.entries(log_db, text="P1", entity="person", action="create")[0].entity_id
    with log_db.unit_of_work() as s:
        for code in ("CB02", "CB03"):
            s.add(Unit(id=f"u-{code}", code=code, name=f"Chi bộ {code}", owner_unit_id=None))
        s.flush()
        for n in range(6):
            s.add(
                PeerAuditEntry(
                    unit_id=("u-CB02", "u-CB03")[n % 2],
                    entry_id=n + 1,
                    at=T0 + timedelta(hours=n),
                    actor="thu",
                    action="view" if n % 3 else "print",
                    entity="person",
                    entity_id=an,
                    after=json.dumps({"form": "6-KNĐ"}) if n % 3 == 0 else "",
                    bundle_id="b1",
                )
            )
    ours = audit.entries(log_db)
    assert all(r.unit_code == "" for r in ours)
    theirs = audit.entries(log_db, source="units")
    assert len(theirs) == 6 and theirs[0].at == T0 + timedelta(hours=5)
    assert {r.unit_code for r in theirs} == {"CB02", "CB03"}
    assert all(r.subject == "Nguyễn Văn An (P1)" for r in theirs)
    cb02 = audit.entries(log_db, source="units", unit="CB02")
    assert [r.entry_id for r in cb02] == [5, 3, 1] and cb02[0].unit_name == "Chi bộ CB02"
    assert audit.entries(log_db, source="units", unit="u-CB03", action="print")[0].entry_id == 4
    assert [(u.code, u.name) for u in audit.units(log_db)] == [
        ("CB02", "Chi bộ CB02"),
        ("CB03", "Chi bộ CB03"),
    ]
    assert audit.actors(log_db, "units") == ["thu"]
    assert audit.actions(log_db, "units") == ["print", "view"]


# --- export --------------------------------------------------------------------------------


def _sheet_rows(path: Path) -> list[list[Any]]:
    book = openpyxl.load_workbook(path)
    sheet = book[audit_workbook.SHEET]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def test_the_export_says_what_the_list_says_and_is_logged(log_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "nhat_ky.xlsx"
    seen: list[int] = []
    count = audit.export_entries(log_db, path, by="lan", actor="minh", progress=seen.append)
    listed = audit.entries(log_db, actor="minh")
    assert count == len(listed) == 5 and seen[-1] == 5
    header, *rows = _sheet_rows(path)
    assert header == [*audit_workbook.HEADERS, audit_workbook.DESK_HEADER]
    assert len(rows) == 5
    first = rows[0]
    assert first[8] == socket.gethostname()[:80]  # the computer it was done at
    assert first[0] == audit.local_time(listed[0].at)
    assert first[1:4] == ["minh", "Sửa", "Người"]
    assert first[5] == "Đặng Thị Bình (P2)"
    assert first[6] == "residence: Số 9 → Số 10"
    # The export itself is in the log: who, which file, how many, which filters.
    [entry] = audit.entries(log_db, action="export")
    assert (entry.actor, entry.entity, entry.entity_id) == ("lan", "audit_log", "own")
    assert entry.after == {"file": "xlsx", "path": str(path), "rows": 5, "filters": "actor=minh"}


def test_the_export_keeps_text_as_text_and_shows_creations_and_deletions(
    log_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "all.xlsx"
    every = audit.entries(log_db, limit=1000)
    assert audit.export_entries(log_db, path) == len(every)
    book = openpyxl.load_workbook(path)
    sheet = book[audit_workbook.SHEET]
    assert sheet.freeze_panes == "A2"
    hostile = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == "Xóa")
    assert hostile[1].value == "=cmd|' /C calc'!A0" and hostile[1].data_type == "s"
    assert "kind: ceremony → —" in hostile[6].value.split("\n")
    assert hostile[7].value == "nhập nhầm"
    created = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == "Thêm mới")
    assert "full_name: " in created[6]


def test_the_units_export_has_the_unit_column(log_db: Database, tmp_path: Path) -> None:
    with log_db.unit_of_work() as s:
        s.add(Unit(id="u-CB02", code="CB02", name="Chi bộ Hai", owner_unit_id=None))
        s.flush()
        s.add(
            PeerAuditEntry(
                unit_id="u-CB02",
                entry_id=1,
                at=T0,
                actor="thu",
                action="action:cell_vote",
                entity="person",
                entity_id="x",
                bundle_id="b",
            )
        )
    path = tmp_path / "units.xlsx"
    assert audit.export_entries(log_db, path, source="units") == 1
    header, row = _sheet_rows(path)
    assert header[-1] == audit_workbook.UNIT_HEADER
    assert row[2] == "Ghi bước: Chi bộ biểu quyết đề nghị kết nạp"
    assert row[-1] == "CB02 – Chi bộ Hai"


def test_a_stopped_export_writes_nothing_and_logs_nothing(
    log_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with log_db.unit_of_work() as s:
        for n in range(2100):
            audit.log(s, "bulk", "view", "person", f"p{n}", at=T0 - timedelta(minutes=n))
    path = tmp_path / "stopped.xlsx"
    with pytest.raises(audit.ExportCancelled):
        audit.export_entries(log_db, path, is_cancelled=lambda: True)
    assert not path.exists() and list(tmp_path.glob("*.xlsx*")) == []
    assert audit.entries(log_db, action="export") == []


# --- prints and exports of personal data are logged -----------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_data_dir(tmp_path_factory.mktemp("audit_demo"))
    make_demo(db, units=2, people=80, seed=5, today=TODAY, actor="test")
    yield db
    db.close()


def _with_event(db: Database, kind: EventKind) -> str:
    with db.reader() as s:
        row = (
            s.query(Person.id)
            .join(PipelineEvent)
            .filter(PipelineEvent.kind == kind.value)
            .order_by(PipelineEvent.on_date.desc(), Person.sort_key)
            .first()
        )
        assert row is not None
        return str(row[0])


def _new_entries(db: Database, since_id: int) -> list[tuple[Any, ...]]:
    return _sql(
        db,
        "SELECT actor, action, entity, entity_id, after FROM audit_log WHERE id > ? ORDER BY id",
        (since_id,),
    )


def _last_id(db: Database) -> int:
    return int(_sql(db, "SELECT coalesce(max(id), 0) FROM audit_log")[0][0])


def test_printing_a_persons_form_is_logged_each_time_and_numbered_once(demo: Database) -> None:
    person = _with_event(demo, EventKind.CELL_VOTE)
    start = _last_id(demo)
    first = printing.print_person_form(demo, "6-KNĐ", person, actor="lan")
    again = printing.print_person_form(demo, "6-KNĐ", person, actor="minh")
    new = _new_entries(demo, start)
    prints = [r for r in new if r[1] == "print"]
    assert [(r[0], r[2], r[3]) for r in prints] == [
        ("lan", "person", person),
        ("minh", "person", person),
    ]
    assert json.loads(prints[0][4]) == {"form": "6-KNĐ", "number": first.number_text, "people": 1}
    assert json.loads(prints[1][4])["number"] == again.number_text == first.number_text
    # The number is entered in the register once, as its own entry; the reprint adds none.
    assert [r[1] for r in new].count("issue_number") == (1 if first.document_id else 0)


def test_a_batch_logs_one_print_a_person(demo: Database) -> None:
    with demo.reader() as s:
        ids = [p.id for p in s.query(Person).order_by(Person.sort_key).limit(3)]
    start = _last_id(demo)
    jobs = printing.batch_jobs(demo, "2-KNĐ", ids, actor="lan")
    for _label, job in jobs:
        job()
    prints = [r for r in _new_entries(demo, start) if r[1] == "print"]
    assert [r[3] for r in prints] == ids
    assert all(json.loads(r[4])["form"] == "2-KNĐ" and r[0] == "lan" for r in prints)


def test_class_forms_and_the_probation_register_are_logged(demo: Database) -> None:
    with demo.reader() as s:
        class_id = (
            s.query(CertificateRecord.class_id)
            .filter(CertificateRecord.class_id.isnot(None))
            .limit(1)
            .scalar()
        )
        certified = s.query(func.count()).filter(CertificateRecord.class_id == class_id).scalar()
    start = _last_id(demo)
    printing.print_class_form(demo, "CN-NTVĐ", class_id, actor="lan")
    printing.print_class_form(demo, "DS-LOP", class_id, actor="lan")
    printing.print_probation_register(demo, on=TODAY, actor="minh")
    new = _new_entries(demo, start)
    assert [(r[0], r[1], r[2], r[3]) for r in new] == [
        ("lan", "print", "class", class_id),
        ("lan", "print", "class", class_id),
        ("minh", "print", "unit", install_info(demo).unit_id),  # type: ignore[union-attr]
    ]
    certificates, roster, register = (json.loads(r[4]) for r in new)
    assert certificates == {"form": "CN-NTVĐ", "people": certified}
    assert roster["form"] == "DS-LOP" and roster["people"] >= certified
    with demo.reader() as s:
        on_probation = (
            s.query(func.count(func.distinct(PipelineEvent.person_id)))
            .filter(PipelineEvent.kind == "ceremony")
            .scalar()
        )
    assert register == {"form": "18-KNĐ", "people": on_probation}


def test_report_exports_and_the_procedure_check_are_logged(
    demo: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reports, "today", lambda: TODAY)
    start = _last_id(demo)
    report = reports.export_report(demo, "year", 2026, tmp_path / "r.xlsx", actor="lan")
    check = reports.export_procedure_check(
        demo, date(2026, 1, 1), date(2026, 11, 27), tmp_path / "c.xlsx", actor="lan"
    )
    reports.print_procedure_check(demo, date(2026, 1, 1), date(2026, 11, 27), TODAY, actor="minh")
    new = _new_entries(demo, start)
    assert [(r[0], r[1], r[2]) for r in new] == [
        ("lan", "export", "report"),
        ("lan", "export", "procedure_check"),
        ("minh", "print", "procedure_check"),
    ]
    exported, checked, printed = (json.loads(r[4]) for r in new)
    people = len(reports.procedure_check(demo, date(2026, 1, 1), date(2026, 11, 27)).items)
    assert exported["path"] == str(report) and exported["file"] == "xlsx"
    assert exported["report"] == "year" and exported["year"] == 2026
    assert checked["path"] == str(check) and checked["start"] == "2026-01-01"
    assert 0 < checked["people"] <= people and printed["people"] == checked["people"]
    assert "path" not in printed


# --- speed: the common filters read an index ------------------------------------------------


def _plan(db: Database, f: audit_queries.AuditFilter) -> str:
    stmt = audit_queries.entries_select(f).limit(500)
    sql = str(
        stmt.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True})
    )
    with db.engine.connect() as conn:
        return " / ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


@pytest.mark.parametrize(
    ("f", "index"),
    [
        (audit_queries.AuditFilter(), "ix_audit_log_at"),
        (audit_queries.AuditFilter(actor="lan", action="view"), "ix_audit_log_at"),
        (
            audit_queries.AuditFilter(since=T0, until=T0 + timedelta(days=1)),
            "ix_audit_log_at (at>? AND at<?)",
        ),
        (audit_queries.AuditFilter(entity="person", entity_id="x"), "ix_audit_log_entity_id"),
        (audit_queries.AuditFilter(source="units"), "ix_peer_audit_at"),
        (audit_queries.AuditFilter(source="units", unit_id="u"), "sqlite_autoindex_peer_audit_1"),
    ],
)
@pytest.mark.local_file  # SQLite's own query plan
def test_the_common_filters_read_an_index_and_no_table_scan(
    log_db: Database, f: audit_queries.AuditFilter, index: str
) -> None:
    plan = _plan(log_db, f)
    assert index in plan, plan
    # Every table is read through an index: no step scans a whole table.
    steps = plan.split(" / ")
    assert all("USING" in step for step in steps if step.startswith(("SCAN", "SEARCH"))), plan


def test_stored_times_compare_with_the_bounds(log_db: Database) -> None:
    # The bounds are compared with the stored text: they must be written the same way.
    with log_db.unit_of_work() as s:
        s.add(
            AuditEntry(
                at=T0 + timedelta(seconds=1), actor="x", action="a", entity="e", entity_id="1"
            )
        )
    found = audit.entries(log_db, actor="x", since=T0, until=T0 + timedelta(seconds=2))
    assert len(found) == 1
    assert audit.entries(log_db, actor="x", since=T0 + timedelta(seconds=1, microseconds=1)) == []
