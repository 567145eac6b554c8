"""Writing people and their events through the services: stage, deadlines, audit log."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import AuditEntry, OpenDeadline, Person
from dvdesk.domain.pipeline import EventKind
from dvdesk.services.deadlines import list_deadlines
from dvdesk.services.derive import load_calendar
from dvdesk.services.people import (
    EventInput,
    FamilyInput,
    PersonInput,
    add_certificate,
    add_event,
    check_person,
    create_person,
    list_people,
    update_person,
)

AN = PersonInput(
    full_name=unicodedata.normalize("NFD", "Nguyễn Thị  Ánh"),
    code="P1",
    birth_date=date(2000, 3, 4),
    cccd="001300012345",
    education="12/12",
    education_grade=12,
    youth_union_member=True,
    family=(FamilyInput("Mẹ đẻ", "Trần Thị Bình", 1970),),
)


def _create(db: Database, data: PersonInput = AN) -> str:
    with db.unit_of_work() as s:
        return create_person(s, data, "thu.ky", load_calendar(s), owner=None).id


def _event(db: Database, pid: str, data: EventInput) -> None:
    with db.unit_of_work() as s:
        person = queries.person_by_key(s, pid)
        assert person is not None
        add_event(s, person, data, "thu.ky", load_calendar(s))


def test_create_stores_nfc_and_logs(db: Database) -> None:
    pid = _create(db)
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None
        assert person.full_name == "Nguyễn Thị Ánh"
        assert unicodedata.is_normalized("NFC", person.full_name)
        assert person.stage == "source"
        assert [m.full_name for m in person.family] == ["Trần Thị Bình"]
        log = queries.audit_entries(s, pid)
        assert [(e.action, e.actor) for e in log] == [("create", "thu.ky")]
        assert json.loads(log[0].after)["full_name"] == "Nguyễn Thị Ánh"


def test_update_without_change_writes_nothing(db: Database) -> None:
    pid = _create(db)
    with db.unit_of_work() as s:
        person = s.get(Person, pid)
        assert person is not None
        assert update_person(s, person, AN, "thu.ky", load_calendar(s)) is False
    with db.reader() as s:
        assert s.query(AuditEntry).count() == 2  # init + create
        person = s.get(Person, pid)
        assert person is not None and person.version == 1


def test_walk_to_decision_moves_stage_and_deadlines(db: Database) -> None:
    pid = _create(db)
    _event(db, pid, EventInput(EventKind.SYMPATHISER_LISTED, date(2025, 3, 1)))
    with db.unit_of_work() as s:
        person = s.get(Person, pid)
        assert person is not None
        add_certificate(s, person, date(2025, 5, 10), "123/CN", "thu.ky", load_calendar(s))
    assert list_people(db, search="anh")[0].stage == "trained"
    _event(db, pid, EventInput(EventKind.APPLICATION, date(2025, 9, 1)))
    vote = EventInput(
        EventKind.CELL_VOTE, date(2026, 1, 15), official_members=9, present=9, votes_for=6
    )
    _event(db, pid, vote)
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None
        assert person.stage == "proposed"
        rows = s.query(OpenDeadline).filter_by(person_id=pid).all()
        assert [(r.kind, r.overdue_code) for r in rows] == [("decision", "DECISION_OVERDUE")]
        # 60 working days after 15/01/2026, across Tết (16-20/02/2026 off).
        assert person.next_due == rows[0].due
    items = list_deadlines(db, on=date(2026, 7, 1), within=0)
    assert [(i.person, i.kind, i.status) for i in items] == [("P1", "decision", "overdue")]
    _event(db, pid, EventInput(EventKind.DECISION, date(2026, 3, 2), number="15-QĐ/ĐU"))
    assert list_deadlines(db, on=date(2026, 7, 1), within=0)[0].kind == "ceremony"


def test_check_reports_findings_with_messages(db: Database) -> None:
    young = PersonInput(full_name="Lê Văn Bé", code="P2", birth_date=date(2008, 6, 1))
    pid = _create(db, young)
    _event(
        db,
        pid,
        EventInput(EventKind.CELL_VOTE, date(2026, 5, 31), official_members=9, votes_for=5),
    )
    result = check_person(db, "P2", on=date(2026, 6, 1))
    codes = {f.code for f in result.findings}
    assert {"AGE_UNDER_18", "VOTE_BELOW_TWO_THIRDS", "CERTIFICATE_MISSING"} <= codes
    assert all(f.message and f.basis for f in result.findings)
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None and person.error_count >= 3


def test_calendar_override_recomputes_stored_deadlines(db: Database) -> None:
    from dvdesk.services.calendar import set_override

    pid = _create(db)
    vote = EventInput(
        EventKind.CELL_VOTE, date(2026, 1, 15), official_members=9, present=9, votes_for=9
    )
    _event(db, pid, vote)
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None and person.next_due is not None
        due = person.next_due
    # Give up a working day before the due date: the deadline moves one working day later.
    assert set_override(db, date(2026, 3, 3), False, "nghỉ", actor="t") == 1
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None and person.next_due is not None
        assert person.next_due > due
        assert s.query(OpenDeadline).filter_by(person_id=pid).one().due == person.next_due
