"""Mentors tab services: members, eligibility-checked assignments, leaving, warnings, notes."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Assignment, AuditEntry, HelperNote, Member, Unit
from dvdesk.domain.pipeline import EventKind
from dvdesk.services import mentors
from dvdesk.services.derive import facts_for, load_calendar
from dvdesk.services.errors import UserError
from dvdesk.services.mentors import BlockedError, MemberInput
from dvdesk.services.people import EventInput, PersonInput, add_event, create_person

JOINED = date(2021, 3, 15)  # the person joined the unit; members joined the cell earlier


def unit_id(db: Database) -> str:
    with db.reader() as s:
        inst = queries.install(s)
        assert inst is not None
        return inst.unit_id


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.reader() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t)) or 0
            for t in (Member, Assignment, HelperNote, AuditEntry)
        )


def member(db: Database, name: str, **kw: Any) -> str:
    values: dict[str, Any] = {
        "admission_decision_date": date(2009, 1, 1),
        "official_date": date(2010, 1, 1),
        "joined_cell_on": date(2015, 1, 1),
    }
    values.update(kw)
    return mentors.add_member(db, MemberInput(full_name=name, **values), "thu.ky")


def person(db: Database, name: str, *events: tuple[EventKind, date], **kw: Any) -> str:
    data = PersonInput(
        full_name=name,
        birth_date=date(2000, 1, 1),
        education_grade=12,
        joined_unit_on=kw.pop("joined_unit_on", JOINED),
        unit_id=kw.pop("unit_id", unit_id(db)),
        **kw,
    )
    with db.unit_of_work() as s:
        cal = load_calendar(s)
        p = create_person(s, data, "thu.ky", cal, owner=None)
        for kind, on in events:
            add_event(s, p, EventInput(kind, on), "thu.ky", cal)
        return p.id


def codes(findings: list[Any]) -> list[str]:
    return [f.code for f in findings]


def open_of(db: Database, pid: str, role: str) -> list[Assignment]:
    with db.reader() as s:
        p = queries.person_by_key(s, pid)
        assert p is not None
        return [a for a in p.assignments if a.role == role and a.to_date is None]


# --- members ---------------------------------------------------------------------------------


def test_add_member_normalises_and_defaults_to_the_unit(db: Database) -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Văn An ")
    mid = mentors.add_member(
        db, MemberInput(full_name=decomposed, code="DV1", cccd="001234567890"), "thu.ky"
    )
    with db.reader() as s:
        m = s.get(Member, mid)
        assert m is not None
        assert m.full_name == "Nguyễn Văn An" and unicodedata.is_normalized("NFC", m.full_name)
        assert m.unit_id == unit_id(db)
        assert "nguyen van an" in m.search_text
        assert [e.action for e in queries.audit_entries(s, mid)] == ["create"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (MemberInput(full_name="  "), "full_name"),
        (MemberInput(full_name="A", cccd="12345678901"), "cccd"),
        (MemberInput(full_name="A", cccd="12345678901a"), "cccd"),
        (
            MemberInput(
                full_name="A",
                admission_decision_date=date(2010, 5, 2),
                official_date=date(2010, 5, 1),
            ),
            "official_date",
        ),
        (MemberInput(full_name="A", status="dự bị"), "status"),
        (MemberInput(full_name="A", code="DV1"), "code"),
        (MemberInput(full_name="A", cccd="001234567890"), "cccd"),
    ],
)
def test_add_member_refuses_naming_the_field(db: Database, data: MemberInput, field: str) -> None:
    mentors.add_member(db, MemberInput(full_name="B", code="DV1", cccd="001234567890"), "t")
    before = counts(db)
    with pytest.raises(UserError) as err:
        mentors.add_member(db, data, "thu.ky")
    assert err.value.field == field
    assert err.value.vi and err.value.en
    assert counts(db) == before


def test_official_date_on_admission_date_is_accepted(db: Database) -> None:
    day = date(2010, 5, 1)
    mentors.add_member(
        db, MemberInput(full_name="A", admission_decision_date=day, official_date=day), "t"
    )


def test_update_member(db: Database) -> None:
    mid = mentors.add_member(db, MemberInput(full_name="A", code="DV1"), "t")
    other = mentors.add_member(db, MemberInput(full_name="B", code="DV2"), "t")
    same = MemberInput(full_name="A", code="DV1")
    assert mentors.update_member(db, mid, same, "t") is False  # keeps its own code
    assert mentors.update_member(db, mid, MemberInput(full_name="A", code="DV3"), "t") is True
    before = counts(db)
    with pytest.raises(UserError) as err:
        mentors.update_member(db, other, MemberInput(full_name="B", code="DV3"), "t")
    assert err.value.field == "code"
    assert counts(db) == before
    with db.reader() as s:
        assert [e.action for e in queries.audit_entries(s, mid)] == ["create", "update"]


# --- eligibility -----------------------------------------------------------------------------


def test_twelve_months_the_day_before_and_on(db: Database) -> None:
    mid = member(db, "Trần Thị Bình")
    pid = person(db, "Lê Văn Cường", (EventKind.SYMPATHISER_LISTED, date(2021, 6, 1)))
    short = mentors.preview_assignment(db, pid, mid, "introducer", date(2022, 3, 14))
    assert codes(short) == ["INTRODUCER_TOO_SHORT"]
    assert short[0].severity == "error" and "15/03/2022" in short[0].message
    assert mentors.preview_assignment(db, pid, mid, "introducer", date(2022, 3, 15)) == []


def test_period_runs_from_the_later_joining(db: Database) -> None:
    mid = member(db, "Trần Thị Bình", joined_cell_on=date(2021, 9, 1))
    pid = person(db, "Lê Văn Cường")
    assert codes(mentors.preview_assignment(db, pid, mid, "introducer", date(2022, 8, 31))) == [
        "INTRODUCER_TOO_SHORT"
    ]
    assert mentors.preview_assignment(db, pid, mid, "introducer", date(2022, 9, 1)) == []


def test_period_unknown_warns(db: Database) -> None:
    mid = member(db, "Trần Thị Bình", joined_cell_on=None)
    pid = person(db, "Lê Văn Cường", joined_unit_on=None)
    found = mentors.preview_assignment(db, pid, mid, "introducer", date(2023, 1, 1))
    assert [(f.code, f.severity) for f in found] == [("INTRODUCER_PERIOD_UNKNOWN", "warning")]


def test_official_on_the_day(db: Database) -> None:
    late = member(db, "Phạm Văn Dũng", official_date=date(2023, 1, 1))
    prob = member(db, "Hồ Thị Em", status="probationary", official_date=None)
    pid = person(db, "Lê Văn Cường")
    assert codes(mentors.preview_assignment(db, pid, late, "introducer", date(2022, 12, 31))) == [
        "INTRODUCER_NOT_OFFICIAL"
    ]
    assert mentors.preview_assignment(db, pid, late, "introducer", date(2023, 1, 1)) == []
    helper = mentors.preview_assignment(db, pid, prob, "helper", date(2023, 1, 1))
    assert [(f.code, f.severity) for f in helper] == [("HELPER_NOT_OFFICIAL", "error")]


def test_same_unit(db: Database) -> None:
    with db.unit_of_work() as s:
        other = Unit(code="CB02", name="Chi bộ Kho")
        s.add(other)
        s.flush()
        other_id = other.id
    mid = member(db, "Trần Thị Bình", unit_id=other_id)
    pid = person(db, "Lê Văn Cường")
    found = mentors.preview_assignment(db, pid, mid, "introducer", date(2023, 1, 1))
    assert [(f.code, f.severity) for f in found] == [("MENTOR_OTHER_UNIT", "error")]


def test_helper_period_only_warns(db: Database) -> None:
    mid = member(db, "Trần Thị Bình")
    pid = person(db, "Lê Văn Cường", (EventKind.SYMPATHISER_LISTED, date(2021, 6, 1)))
    result = mentors.assign(db, pid, mid, "helper", date(2021, 6, 1), "thu.ky")
    assert [(f.code, f.severity) for f in result.findings] == [("HELPER_TOO_SHORT", "warning")]
    assert not result.overridden


def test_error_blocks_and_writes_nothing(db: Database) -> None:
    mid = member(db, "Trần Thị Bình")
    pid = person(db, "Lê Văn Cường")
    before = counts(db)
    with pytest.raises(BlockedError) as err:
        mentors.assign(db, pid, mid, "introducer", date(2022, 3, 14), "thu.ky")
    assert codes(err.value.findings) == ["INTRODUCER_TOO_SHORT"]
    assert err.value.field == "override_reason"
    assert counts(db) == before


def test_override_is_logged(db: Database) -> None:
    mid = member(db, "Trần Thị Bình")
    pid = person(db, "Lê Văn Cường")
    result = mentors.assign(
        db, pid, mid, "introducer", date(2022, 3, 14), "thu.ky", override_reason="  Cấp ủy đồng ý "
    )
    assert result.overridden
    with db.reader() as s:
        [entry] = queries.audit_entries(s, result.assignment_id)
        assert entry.action == "assign" and entry.reason == "Cấp ủy đồng ý"
        assert json.loads(entry.after)["overridden"] == ["INTRODUCER_TOO_SHORT"]
        p = queries.person_by_key(s, pid)
        assert p is not None and len(facts_for(p).introducers) == 1  # derive sees it


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"role": "mentor"}, "role"),
        ({"on": date(2999, 1, 1)}, "on"),
        ({"member_id": "nobody"}, "member_id"),
        ({"person_id": "nobody"}, ""),
    ],
)
def test_bad_input_refused(db: Database, kw: dict[str, Any], field: str) -> None:
    args: dict[str, Any] = {
        "person_id": person(db, "Lê Văn Cường"),
        "member_id": member(db, "Trần Thị Bình"),
        "role": "introducer",
        "on": date(2023, 1, 1),
    }
    args.update(kw)
    before = counts(db)
    with pytest.raises(UserError) as err:
        mentors.assign(db, actor="t", **args)
    assert err.value.field == field
    assert counts(db) == before


def test_third_introducer_and_duplicate_refused(db: Database) -> None:
    a, b, c = (member(db, n) for n in ("An", "Bình", "Chi"))
    pid = person(db, "Lê Văn Cường")
    on = date(2023, 1, 1)
    mentors.assign(db, pid, a, "introducer", on, "t")
    with pytest.raises(UserError) as dup:
        mentors.assign(db, pid, a, "introducer", on, "t")
    assert dup.value.field == "member_id"
    mentors.assign(db, pid, b, "introducer", on, "t")
    before = counts(db)
    with pytest.raises(UserError) as third:
        mentors.assign(db, pid, c, "introducer", on, "t")
    assert third.value.field == "member_id"
    assert counts(db) == before


def test_new_helper_ends_the_previous(db: Database) -> None:
    a, b = member(db, "An"), member(db, "Bình")
    pid = person(db, "Lê Văn Cường", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    first = mentors.assign(db, pid, a, "helper", date(2022, 6, 1), "t")
    second = mentors.assign(db, pid, b, "helper", date(2023, 2, 1), "t")
    assert second.ended == (first.assignment_id,)
    [current] = open_of(db, pid, "helper")
    assert current.member_id == b
    with db.reader() as s:
        old = s.get(Assignment, first.assignment_id)
        assert old is not None and old.to_date == date(2023, 2, 1)
        assert [e.action for e in queries.audit_entries(s, old.id)] == ["assign", "end"]


# --- leaving and replacing -------------------------------------------------------------------


def test_mark_left_ends_assignments_and_reports_who_lacks(db: Database) -> None:
    a, b = member(db, "An"), member(db, "Bình")
    pid = person(db, "Lê Văn Cường", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    helper = mentors.assign(db, pid, a, "helper", date(2022, 6, 1), "t")
    intro = mentors.assign(db, pid, a, "introducer", date(2023, 1, 1), "t")
    mentors.assign(db, pid, b, "introducer", date(2023, 1, 1), "t")
    result = mentors.mark_left(db, a, date(2023, 5, 1), "transferred", "Chi bộ Kho", actor="t")
    assert set(result.ended) == {helper.assignment_id, intro.assignment_id}
    lacking = {(x.person_id, x.role, x.open) for x in result.lacking}
    assert lacking == {(pid, "helper", 0), (pid, "introducer", 1)}
    with db.reader() as s:
        m = s.get(Member, a)
        assert m is not None
        assert (m.left_on, m.left_reason, m.left_to) == (
            date(2023, 5, 1),
            "transferred",
            "Chi bộ Kho",
        )
        ended = s.get(Assignment, intro.assignment_id)
        assert ended is not None and ended.to_date == date(2023, 5, 1)
        assert ended.reason == "transferred"
        p = queries.person_by_key(s, pid)
        assert p is not None and len(facts_for(p).introducers) == 1
    overview = mentors.member_overview(db, a)
    assert overview.load == 0 and len(overview.history) == 2
    # A member who left cannot be assigned again.
    with pytest.raises(UserError) as err:
        mentors.assign(db, pid, a, "helper", date(2023, 6, 1), "t")
    assert err.value.field == "member_id"


@pytest.mark.parametrize(
    ("reason", "to", "on", "field"),
    [
        ("retired", "", date(2023, 5, 1), "reason"),
        ("transferred", " ", date(2023, 5, 1), "to"),
        ("deceased", "", date(2999, 1, 1), "on"),
        ("deceased", "", date(2014, 12, 31), "on"),  # before joining the cell
        ("deceased", "", date(2022, 5, 31), "on"),  # before an assignment began
    ],
)
def test_mark_left_refusals(db: Database, reason: str, to: str, on: date, field: str) -> None:
    a = member(db, "An")
    pid = person(db, "Lê Văn Cường", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    mentors.assign(db, pid, a, "helper", date(2022, 6, 1), "t")
    before = counts(db)
    with pytest.raises(UserError) as err:
        mentors.mark_left(db, a, on, reason, to, actor="t")
    assert err.value.field == field
    assert counts(db) == before


def test_replacing_an_introducer_who_left_waives_the_twelve_months(db: Database) -> None:
    a, b = member(db, "An"), member(db, "Bình")
    newcomer = member(db, "Chi", joined_cell_on=date(2023, 3, 1))
    pid = person(db, "Lê Văn Cường")
    old = mentors.assign(db, pid, a, "introducer", date(2023, 1, 1), "t")
    mentors.assign(db, pid, b, "introducer", date(2023, 1, 1), "t")
    mentors.mark_left(db, a, date(2023, 5, 1), "deceased", actor="t")
    on = date(2023, 6, 1)  # the newcomer has 3 months with the person
    assert codes(mentors.preview_assignment(db, pid, newcomer, "introducer", on)) == [
        "INTRODUCER_TOO_SHORT"
    ]
    with pytest.raises(UserError) as err:  # replacing needs the reason
        mentors.preview_assignment(
            db, pid, newcomer, "introducer", on, replacement_of=old.assignment_id
        )
    assert err.value.field == "reason"
    found = mentors.preview_assignment(
        db, pid, newcomer, "introducer", on, old.assignment_id, "Đồng chí An từ trần"
    )
    assert found == []
    result = mentors.assign(
        db,
        pid,
        newcomer,
        "introducer",
        on,
        "t",
        replacement_of=old.assignment_id,
        reason="Đồng chí An từ trần",
    )
    assert result.waived and not result.overridden
    with db.reader() as s:
        row = s.get(Assignment, result.assignment_id)
        assert row is not None and row.replacement and row.reason == "Đồng chí An từ trần"
        p = queries.person_by_key(s, pid)
        assert p is not None
        assert sorted(i.replacement for i in facts_for(p).introducers) == [False, True]


def test_replacing_one_who_has_not_left_ends_it_but_keeps_the_rule(db: Database) -> None:
    a, b = member(db, "An"), member(db, "Bình")
    newcomer = member(db, "Chi", joined_cell_on=date(2023, 3, 1))
    pid = person(db, "Lê Văn Cường")
    old = mentors.assign(db, pid, a, "introducer", date(2023, 1, 1), "t")
    mentors.assign(db, pid, b, "introducer", date(2023, 1, 1), "t")
    on = date(2023, 6, 1)
    kw: dict[str, Any] = {"replacement_of": old.assignment_id, "reason": "Bị kỷ luật"}
    before = counts(db)
    with pytest.raises(BlockedError):
        mentors.assign(db, pid, newcomer, "introducer", on, "t", **kw)
    assert counts(db) == before
    result = mentors.assign(
        db, pid, newcomer, "introducer", on, "t", override_reason="Cấp ủy đồng ý", **kw
    )
    assert result.ended == (old.assignment_id,) and not result.waived
    with db.reader() as s:
        ended = s.get(Assignment, old.assignment_id)
        assert ended is not None and ended.to_date == on and ended.reason == "Bị kỷ luật"
    assert {a.member_id for a in open_of(db, pid, "introducer")} == {b, newcomer}


# --- overview and warnings -------------------------------------------------------------------


def test_member_overview(db: Database) -> None:
    a, b = member(db, "An"), member(db, "Bình")
    p1 = person(db, "Lê Văn Cường", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    p2 = person(db, "Đỗ Thị Dung", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    mentors.assign(db, p1, a, "helper", date(2022, 6, 1), "t")
    mentors.assign(db, p1, b, "helper", date(2023, 1, 1), "t")  # a's help to p1 ends
    mentors.assign(db, p2, a, "helper", date(2022, 6, 1), "t")
    mentors.assign(db, p2, a, "introducer", date(2023, 1, 1), "t")
    view = mentors.member_overview(db, a)
    assert view.load == 2 and (view.helping, view.introducing) == (1, 1)
    assert {r.person_id for r in view.current} == {p2}
    assert [(r.person_id, r.to_date) for r in view.history] == [(p1, date(2023, 1, 1))]


def test_mentoring_warnings(db: Database) -> None:
    a = member(db, "An")
    person(db, "Nguồn Văn A")  # source stage: no helper expected
    cand = person(db, "Cảm Tình B", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    helped = person(db, "Có Giúp C", (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)))
    prob = person(db, "Dự Bị D", (EventKind.CEREMONY, date(2023, 1, 1)))
    person(
        db,
        "Đã Ra E",
        (EventKind.SYMPATHISER_LISTED, date(2022, 6, 1)),
        (EventKind.REMOVED, date(2022, 7, 1)),
    )
    mentors.assign(db, helped, a, "helper", date(2022, 6, 1), "t")
    found = {(w.code, w.person_id) for w in mentors.mentoring_warnings(db)}
    assert found == {("CANDIDATE_NO_HELPER", cand), ("PROBATIONER_NO_HELPER", prob)}
    # A helper recorded as gone while still assigned (e.g. entered by hand).
    with db.unit_of_work() as s:
        m = s.get(Member, a)
        assert m is not None
        m.left_on = date(2023, 2, 1)
    warnings = mentors.mentoring_warnings(db, lang="en")
    left = [w for w in warnings if w.code == "MENTOR_LEFT"]
    assert [(w.person_id, w.member_id) for w in left] == [(helped, a)]
    assert "helper" in left[0].message and "1 Feb 2023" in left[0].message
    vi = [w for w in mentors.mentoring_warnings(db) if w.code == "MENTOR_LEFT"]
    assert "người giúp đỡ" in vi[0].message and "01/02/2023" in vi[0].message


# --- helper notes ----------------------------------------------------------------------------


def test_helper_notes(db: Database) -> None:
    a, b = member(db, "An"), member(db, "Bình")
    pid = person(db, "Lê Văn Cường", (EventKind.CEREMONY, date(2023, 1, 1)))
    h1 = mentors.assign(db, pid, a, "helper", date(2023, 1, 1), "t")
    mentors.add_helper_note(db, h1.assignment_id, date(2023, 4, 1), " Tiến bộ  tốt ", actor="t")
    h2 = mentors.assign(db, pid, b, "helper", date(2023, 5, 1), "t")
    mentors.add_helper_note(db, h2.assignment_id, date(2023, 7, 1), "Gương mẫu", actor="t")
    notes = mentors.helper_notes(db, pid)
    assert [(n.member_id, n.on, n.text) for n in notes] == [
        (a, date(2023, 4, 1), "Tiến bộ tốt"),
        (b, date(2023, 7, 1), "Gương mẫu"),
    ]
    intro = mentors.assign(
        db, pid, b, "introducer", date(2023, 6, 1), "t", override_reason="thử"
    ).assignment_id
    before = counts(db)
    for assignment_id, on, text, field in (
        (h1.assignment_id, date(2023, 6, 1), "x", "on"),  # after that help ended
        (h2.assignment_id, date(2023, 4, 30), "x", "on"),  # before it began
        (h2.assignment_id, date(2023, 7, 2), "  ", "text"),
        (intro, date(2023, 7, 2), "x", "assignment_id"),
        ("nothing", date(2023, 7, 2), "x", "assignment_id"),
    ):
        with pytest.raises(UserError) as err:
            mentors.add_helper_note(db, assignment_id, on, text, actor="t")
        assert err.value.field == field
    assert counts(db) == before


def test_a_second_desk_saving_the_same_member_is_told_what_changed(db: Database) -> None:
    """Two desks on one database open the same member; the first saves; the second's save is
    refused naming the first's change, nothing of it is written, and saving again from the
    member as it is now goes through."""
    from dataclasses import replace

    from dvdesk.services.concurrency import ChangedMeanwhile
    from dvdesk.services.setup import open_data_dir

    mid = member(db, "Trần Văn Bình", card_number="01.234")
    other = open_data_dir(db.path.parent)  # the second desk (same file, or the same server db)
    try:
        here = mentors.member_input(db, mid)
        there = mentors.member_input(other, mid)
        assert here == there
        mentors.update_member(other, mid, replace(there, card_number="01.999"), "desk2", there)
        before = counts(db)
        mine = replace(here, full_name="Trần Văn Bính", status="probationary", official_date=None)
        with pytest.raises(ChangedMeanwhile) as caught:
            mentors.update_member(db, mid, mine, "desk1", here)
        changed = caught.value.changes
        assert [(c.key, c.then, c.now) for c in changed] == [("card_number", "01.234", "01.999")]
        assert "Số thẻ đảng viên: «01.234» → «01.999»" in caught.value.message("vi")
        assert "Party card number" in caught.value.message("en")
        assert counts(db) == before  # no audit entry either
        now = mentors.member_input(db, mid)
        assert (now.full_name, now.status, now.card_number) == (
            "Trần Văn Bình",
            "official",
            "01.999",
        )
        # Saving again knowingly, from the member as it is now, goes through.
        assert caught.value.current == now
        again = replace(mine, card_number=now.card_number)
        assert mentors.update_member(db, mid, again, "desk1", caught.value.current)
        saved = mentors.member_input(other, mid)
        assert (saved.full_name, saved.status, saved.card_number) == (
            "Trần Văn Bính",
            "probationary",
            "01.999",
        )
        # The status is named in words; a save from the current state is not refused.
        opened = mentors.member_input(db, mid)
        mentors.update_member(other, mid, replace(opened, status="official"), "desk2", opened)
        with pytest.raises(ChangedMeanwhile) as caught:
            mentors.update_member(db, mid, opened, "desk1", opened)
        assert "«dự bị» → «chính thức»" in caught.value.message("vi")
        # Callers that pass no starting point (the CLI, imports) are not checked.
        assert mentors.update_member(db, mid, replace(opened, code="DV9"), "cli")
    finally:
        other.close()
