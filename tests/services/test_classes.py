"""The Classes tab services: plan, nominate, enrol, record results, issue certificates, flags."""

from __future__ import annotations

from datetime import date

import pytest

from dvdesk.db import class_queries, queries
from dvdesk.db.engine import Database
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.services import classes as svc
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import UserError
from dvdesk.services.people import (
    EventInput,
    PersonInput,
    add_certificate,
    add_event,
    create_person,
    list_people,
)

ON = date(2026, 3, 1)


def _person(
    db: Database, name: str, *events: tuple[EventKind, date], cert: date | None = None
) -> str:
    with db.unit_of_work() as s:
        cal = load_calendar(s)
        person = create_person(s, PersonInput(full_name=name), "t", cal, None)
        for kind, on in events:
            add_event(s, person, EventInput(kind, on), "t", cal)
        if cert is not None:
            add_certificate(s, person, cert, "old", "t", cal)
        return person.id


def _sympathiser(db: Database, name: str, cert: date | None = None) -> str:
    return _person(db, name, (EventKind.SYMPATHISER_LISTED, date(2025, 6, 1)), cert=cert)


def _probationer(db: Database, name: str, ceremony: date) -> str:
    return _person(db, name, (EventKind.CEREMONY, ceremony))


def _counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return class_queries.row_counts(s)


def _input(**kw: object) -> svc.ClassInput:
    values: dict[str, object] = {
        "kind": "awareness",
        "name": "Lớp nhận thức về Đảng khóa 1",
        "year": 2026,
        "quarter": 1,
        "organiser": "Trung tâm Chính trị",
        "start_date": date(2026, 3, 2),
        "end_date": date(2026, 3, 8),
        "place": "Hội trường A",
        "capacity": 3,
    }
    values.update(kw)
    return svc.ClassInput(**values)  # type: ignore[arg-type]


def _stage(db: Database, name: str) -> str:
    return next(p.stage for p in list_people(db) if p.full_name == name)


def test_plan_and_update_class(db: Database) -> None:
    cid = svc.plan_class(db, _input(), "t")
    [row] = svc.classes_for(db, 2026)
    assert (row.id, row.kind, row.quarter, row.capacity, row.nominated) == (
        cid,
        "awareness",
        1,
        3,
        0,
    )
    assert svc.classes_for(db, 2025) == []
    assert svc.update_class(db, cid, _input(place="Hội trường B"), "t")
    assert not svc.update_class(db, cid, _input(place="Hội trường B"), "t")
    assert svc.classes_for(db, 2026)[0].place == "Hội trường B"
    assert _counts(db)["audit_log"] >= 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "other"}, "kind"),
        ({"name": "  "}, "name"),
        ({"quarter": 5}, "quarter"),
        ({"quarter": 0}, "quarter"),
        ({"year": 1800}, "year"),
        ({"start_date": date(2025, 12, 30)}, "start_date"),
        ({"end_date": date(2027, 1, 2)}, "end_date"),
        ({"start_date": date(2026, 3, 9)}, "end_date"),
        ({"capacity": 0}, "capacity"),
    ],
)
def test_plan_class_refuses_and_writes_nothing(
    db: Database, changes: dict[str, object], field: str
) -> None:
    before = _counts(db)
    with pytest.raises(UserError) as err:
        svc.plan_class(db, _input(**changes), "t")
    assert err.value.field == field and err.value.vi and err.value.en
    assert _counts(db) == before


def test_update_refuses_kind_change_and_capacity_below_seats(db: Database) -> None:
    cid = svc.plan_class(db, _input(), "t")
    a, b = _sympathiser(db, "Nguyễn Văn An"), _sympathiser(db, "Lê Thị Bình")
    svc.nominate(db, cid, [a, b], ON, "t")
    svc.enrol(db, cid, [a, b], ON, "t")
    before = _counts(db)
    with pytest.raises(UserError) as err:
        svc.update_class(db, cid, _input(kind="new_member", quarter=2, start_date=None), "t")
    assert err.value.field == "kind"
    with pytest.raises(UserError) as err:
        svc.update_class(db, cid, _input(capacity=1), "t")
    assert err.value.field == "capacity"
    assert _counts(db) == before


def test_year_plan_check(db: Database) -> None:
    notes = svc.year_plan_check(db, 2026, "en")
    assert {n.code for n in notes} == {"TOO_FEW", "QUARTER_EMPTY"}
    for q in (1, 3, 4):
        svc.plan_class(db, _input(quarter=q, start_date=None, end_date=None), "t")
    for q in (2, 3):
        svc.plan_class(
            db, _input(kind="new_member", quarter=q, start_date=None, end_date=None), "t"
        )
    assert svc.year_plan_check(db, 2026) == []
    svc.plan_class(db, _input(quarter=2, start_date=None, end_date=None), "t")
    [note] = svc.year_plan_check(db, 2026, "vi")
    assert note.code == "OFF_PLAN_QUARTER" and note.quarter == 2 and "Quý II" in note.message


def test_nominate_checks_stage_duplicates_and_kind(db: Database) -> None:
    aware = svc.plan_class(db, _input(), "t")
    newm = svc.plan_class(db, _input(kind="new_member", quarter=2, start_date=None), "t")
    a = _sympathiser(db, "Nguyễn Văn An")
    fresh = _sympathiser(db, "Trần Văn Hùng", cert=date(2024, 1, 1))  # valid certificate
    stale = _sympathiser(db, "Phạm Văn Dũng", cert=date(2020, 1, 1))  # expired
    source = _person(db, "Võ Văn Em")
    prob = _probationer(db, "Đỗ Thị Gấm", date(2025, 6, 1))
    assert _stage(db, "Trần Văn Hùng") == Stage.TRAINED

    ids = svc.nominate(db, aware, [a, stale], ON, "t")
    assert len(ids) == 2
    for bad in ([fresh], [source], [prob], [a], [stale, stale], []):
        before = _counts(db)
        with pytest.raises(UserError) as err:
            svc.nominate(db, aware, bad, ON, "t")
        assert err.value.field == "person_ids"
        assert _counts(db) == before
    # A bulk nomination with one bad person writes nothing at all.
    good = _sympathiser(db, "Bùi Thị Hoa")
    before = _counts(db)
    with pytest.raises(UserError):
        svc.nominate(db, aware, [good, source], ON, "t")
    assert _counts(db) == before

    assert len(svc.nominate(db, newm, [prob], ON, "t")) == 1
    with pytest.raises(UserError):
        svc.nominate(db, newm, [good], ON, "t")
    with pytest.raises(UserError) as err:
        svc.nominate(db, "nope", [good], ON, "t")
    assert err.value.field == "class_id"
    counts = {c.id: c.nominated for c in svc.classes_for(db, 2026)}
    assert counts == {aware: 2, newm: 1}


def test_enrol_in_bulk_honours_capacity(db: Database) -> None:
    cid = svc.plan_class(db, _input(capacity=3), "t")
    people = [_sympathiser(db, f"Học Viên {i}") for i in range(5)]
    svc.nominate(db, cid, people, ON, "t")
    before = _counts(db)
    with pytest.raises(UserError) as err:
        svc.enrol(db, cid, people[:4], ON, "t")
    assert err.value.field == "capacity"
    assert _counts(db) == before
    assert svc.enrol(db, cid, people[:3], ON, "t") == 3
    with pytest.raises(UserError) as err:
        svc.enrol(db, cid, people[3:4], ON, "t")
    assert err.value.field == "capacity"
    with pytest.raises(UserError):  # already enrolled: not a nominee
        svc.enrol(db, cid, people[:1], ON, "t")
    # Withdrawing frees a seat.
    assert svc.withdraw(db, cid, people[:1], "t", "ốm") == 1
    assert svc.enrol(db, cid, people[3:4], ON, "t") == 1
    [row] = svc.classes_for(db, 2026)
    assert (row.nominated, row.enrolled, row.withdrawn) == (1, 3, 1)
    # A withdrawn person can be nominated again; the row is reused.
    assert svc.nominate(db, cid, people[:1], ON, "t")
    assert svc.classes_for(db, 2026)[0].nominated == 2


def test_results_certificates_and_stage(db: Database) -> None:
    cid = svc.plan_class(db, _input(capacity=None), "t")
    names = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung"]
    ids = [_sympathiser(db, n) for n in names]
    svc.nominate(db, cid, ids, ON, "t")
    svc.enrol(db, cid, ids[:3], ON, "t")

    before = _counts(db)
    with pytest.raises(UserError):  # the last one is only nominated
        svc.record_results(db, cid, {ids[0]: (True, 6, "8"), ids[3]: (True, 6, "8")}, ON, "t")
    with pytest.raises(UserError) as err:
        svc.record_results(db, cid, {ids[0]: svc.Result(True, -1)}, ON, "t")
    assert err.value.field == "attended_sessions"
    assert _counts(db) == before

    n = svc.record_results(
        db,
        cid,
        {ids[0]: (True, 6, "8,5"), ids[1]: svc.Result(False, 2, "4"), ids[2]: (True, 5, "7")},
        date(2026, 3, 8),
        "t",
    )
    assert n == 3
    [row] = svc.classes_for(db, 2026)
    assert (row.passed, row.failed, row.nominated) == (2, 1, 1)

    issued = svc.issue_certificates(
        db, cid, 41, "Trung tâm Chính trị", date(2026, 3, 10), "t", pattern="{n}/CN-TTCT"
    )
    # Name order: An (Nguyễn Văn An) before Cường (Trần Văn Cường).
    assert [(i.person_id, i.number) for i in issued] == [
        (ids[0], "41/CN-TTCT"),
        (ids[2], "42/CN-TTCT"),
    ]
    assert _stage(db, "Nguyễn Văn An") == Stage.TRAINED
    assert _stage(db, "Lê Thị Bình") == Stage.SYMPATHISER
    rows = {r.person_id: r for r in svc.class_enrolments(db, cid)}
    assert rows[ids[0]].certificate_number == "41/CN-TTCT"
    assert rows[ids[1]].certificate_number == ""
    assert svc.classes_for(db, 2026)[0].certificates == 2
    # Nothing left to issue; a result with a certificate cannot change.
    assert svc.issue_certificates(db, cid, 43, "x", date(2026, 3, 10), "t") == []
    with pytest.raises(UserError):
        svc.record_results(db, cid, {ids[0]: (False, 1, "")}, ON, "t")
    # A corrected result can be issued next, with a prefix pattern.
    svc.record_results(db, cid, {ids[1]: (True, 6, "6")}, ON, "t")
    [again] = svc.issue_certificates(db, cid, 43, "x", date(2026, 3, 11), "t", pattern="CN-")
    assert again.number == "CN-43"


def test_issue_refuses_taken_numbers_and_bad_patterns(db: Database) -> None:
    cid = svc.plan_class(db, _input(), "t")
    a, b = _sympathiser(db, "Nguyễn Văn An"), _sympathiser(db, "Lê Thị Bình")
    svc.nominate(db, cid, [a, b], ON, "t")
    svc.enrol(db, cid, [a, b], ON, "t")
    svc.record_results(db, cid, {a: (True, 6, ""), b: (True, 6, "")}, ON, "t")
    other = _sympathiser(db, "Trần Văn Cường")
    with db.unit_of_work() as s:
        [p] = queries.people_by_ids(s, [other])
        add_certificate(s, p, date(2026, 1, 1), "8/CN", "t", load_calendar(s))
    before = _counts(db)
    cases = [(7, "{n}/CN", "first_number"), (0, "{n}", "first_number"), (1, "{x}", "pattern")]
    for first, pattern, field in cases:  # 7, 8: "8/CN" is taken
        with pytest.raises(UserError) as err:
            svc.issue_certificates(db, cid, first, "x", ON, "t", pattern=pattern)
        assert err.value.field == field
    assert _counts(db) == before


def test_new_member_certificate_does_not_change_stage(db: Database) -> None:
    cid = svc.plan_class(db, _input(kind="new_member", quarter=2, start_date=None), "t")
    p = _probationer(db, "Đỗ Thị Gấm", date(2025, 6, 1))
    svc.nominate(db, cid, [p], ON, "t")
    svc.enrol(db, cid, [p], ON, "t")
    svc.record_results(db, cid, {p: (True, 10, "9")}, ON, "t")
    [issued] = svc.issue_certificates(db, cid, 1, "x", ON, "t")
    assert issued.number == "1"
    assert _stage(db, "Đỗ Thị Gấm") == Stage.PROBATION
    assert svc.new_member_class_missing(db, date(2026, 5, 1)) == []


def test_certificate_expiry_warnings_boundaries(db: Database) -> None:
    on = date(2026, 1, 10)
    _sympathiser(db, "Hết Hạn", cert=date(2021, 1, 10))  # expires on `on`: expired
    _sympathiser(db, "Sắp Hết", cert=date(2021, 7, 10))  # expires exactly 6 months on
    _sympathiser(db, "Còn Lâu", cert=date(2021, 7, 11))  # a day past the window
    vote = _sympathiser(db, "Có Lịch", cert=date(2022, 1, 1))  # expires 2027-01-01
    _sympathiser(db, "Chưa Học")
    voted = _person(
        db,
        "Đã Xét",
        (EventKind.CERTIFICATE, date(2021, 2, 1)),
        (EventKind.CELL_VOTE, date(2025, 12, 1)),
    )
    event_cert = _person(db, "Sự Kiện", (EventKind.CERTIFICATE, date(2021, 2, 1)))
    warnings = svc.certificate_expiry_warnings(
        db, on, planned_votes={vote: date(2027, 1, 1), voted: date(2030, 1, 1)}
    )
    got = {w.full_name: w.reason for w in warnings}
    assert got == {
        "Hết Hạn": "expired",
        "Sự Kiện": "expiring",
        "Sắp Hết": "expiring",
        "Có Lịch": "before_vote",
    }
    assert next(w for w in warnings if w.person_id == event_cert).expires_on == date(2026, 2, 1)
    zero = svc.certificate_expiry_warnings(db, on, months_ahead=0)
    assert {w.full_name for w in zero} == {"Hết Hạn"}


def test_new_member_class_missing_boundaries(db: Database) -> None:
    on = date(2026, 1, 10)
    _probationer(db, "Đúng Hạn", date(2025, 3, 10))  # probation ends 2026-03-10 = on + 2 months
    _probationer(db, "Quá Hạn", date(2024, 12, 1))  # already ended
    _probationer(db, "Còn Xa", date(2025, 3, 11))  # a day past the window
    passed = _probationer(db, "Đã Học", date(2025, 1, 1))
    cid = svc.plan_class(db, _input(kind="new_member", quarter=2, start_date=None), "t")
    svc.nominate(db, cid, [passed], ON, "t")
    svc.enrol(db, cid, [passed], ON, "t")
    svc.record_results(db, cid, {passed: (True, 10, "")}, ON, "t")
    got = svc.new_member_class_missing(db, on)
    assert [(m.full_name, m.probation_end) for m in got] == [
        ("Quá Hạn", date(2025, 12, 1)),
        ("Đúng Hạn", date(2026, 3, 10)),
    ]
    assert [m.full_name for m in svc.new_member_class_missing(db, on, months_ahead=0)] == [
        "Quá Hạn"
    ]


def test_a_second_desk_saving_the_same_class_is_told_what_changed(db: Database) -> None:
    """Two desks on one database open the same class; the first moves it; the second's save is
    refused naming the change, nothing of it is written, and saving again from the class as
    it is now goes through."""
    from dataclasses import replace

    from dvdesk.services.concurrency import ChangedMeanwhile
    from dvdesk.services.setup import open_data_dir

    cid = svc.plan_class(db, _input(), "t")
    other = open_data_dir(db.path.parent)  # the second desk (same file, or the same server db)
    try:
        here = svc.class_input(db, cid)
        there = svc.class_input(other, cid)
        assert here == there == _input()
        svc.update_class(other, cid, replace(there, place="Hội trường B", capacity=5), "d2", there)
        before = _counts(db)
        mine = replace(here, name="Lớp nhận thức về Đảng khóa 2")
        with pytest.raises(ChangedMeanwhile) as caught:
            svc.update_class(db, cid, mine, "d1", here)
        changed = caught.value.changes
        assert [(c.key, c.then, c.now) for c in changed] == [
            ("place", "Hội trường A", "Hội trường B"),
            ("capacity", "3", "5"),
        ]
        message = caught.value.message("vi")
        assert "Địa điểm: «Hội trường A» → «Hội trường B»" in message
        assert "lớp «Lớp nhận thức về Đảng khóa 1»" in message
        assert "Capacity: «3» → «5»" in caught.value.message("en")
        assert _counts(db) == before
        assert svc.class_input(db, cid).name == "Lớp nhận thức về Đảng khóa 1"
        # Saving again knowingly, from the class as it is now, goes through.
        assert svc.update_class(db, cid, mine, "d1", caught.value.current)
        assert svc.class_input(other, cid) == mine  # the other desk's place and seats overwritten
        # The kind is named in words.
        opened = svc.class_input(db, cid)
        svc.update_class(other, cid, replace(opened, kind="new_member"), "d2", opened)
        with pytest.raises(ChangedMeanwhile) as caught:
            svc.update_class(db, cid, opened, "d1", opened)
        assert "«lớp bồi dưỡng nhận thức về Đảng» → «lớp bồi dưỡng lý luận chính trị" in (
            caught.value.message("vi")
        )
        # Without a starting point (the CLI, older callers) nothing is compared.
        assert svc.update_class(db, cid, opened, "cli")
    finally:
        other.close()


def test_a_second_desk_recording_the_same_results_is_told_what_changed(db: Database) -> None:
    """Two desks open the results of the same people; the first records them; the second's
    save is refused naming each person's change, nothing of it is written, and saving again
    from the results as they are now goes through."""
    from dvdesk.services.concurrency import ChangedMeanwhile
    from dvdesk.services.setup import open_data_dir

    cid = svc.plan_class(db, _input(capacity=None), "t")
    an, binh = _sympathiser(db, "Nguyễn Văn An"), _sympathiser(db, "Lê Thị Bình")
    svc.nominate(db, cid, [an, binh], ON, "t")
    svc.enrol(db, cid, [an, binh], ON, "t")
    other = open_data_dir(db.path.parent)  # the second desk (same file, or the same server db)
    try:

        def opened(database: Database) -> dict[str, svc.RecordedResult]:
            rows = svc.class_enrolments(database, cid)
            return {r.person_id: svc.recorded_result(r) for r in rows}

        here, there = opened(db), opened(other)
        assert here == there
        svc.record_results(other, cid, {binh: (True, 6, "8")}, date(2026, 3, 8), "d2", there)
        before = _counts(db)
        mine = {an: svc.Result(True, 5, "7"), binh: svc.Result(False, 2, "4")}
        with pytest.raises(ChangedMeanwhile) as caught:
            svc.record_results(db, cid, mine, date(2026, 3, 9), "d1", here)
        assert [(c.key, c.then, c.now) for c in caught.value.changes] == [
            (f"{binh}.status", "đã ghi danh, chưa có kết quả", "đạt"),
            (f"{binh}.attended_sessions", "—", "6"),
            (f"{binh}.score", "—", "8"),
            (f"{binh}.result_on", "—", "08/03/2026"),
        ]
        message = caught.value.message("vi")
        assert "Lê Thị Bình, điểm: «—» → «8»" in message
        assert "kết quả học lớp «Lớp nhận thức về Đảng khóa 1»" in message
        assert "Lê Thị Bình, score" in caught.value.message("en")
        assert _counts(db) == before
        assert opened(db) == caught.value.current
        assert opened(db)[an].status == "enrolled"  # nothing of desk 1 written
        # Saving again knowingly, from the results as they are now, goes through.
        assert svc.record_results(db, cid, mine, date(2026, 3, 9), "d1", caught.value.current)
        now = opened(other)
        assert (now[an].status, now[binh].status, now[binh].score) == ("passed", "failed", "4")
        # Only the people saved are compared.
        svc.record_results(other, cid, {binh: (True, 6, "6")}, ON, "d2")
        assert svc.record_results(db, cid, {an: (True, 6, "9")}, ON, "d1", {an: now[an]})
    finally:
        other.close()
