"""The read-only overview behind the window: stage counts, overdue and due counts, members,
classes."""

from __future__ import annotations

from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Member, PartyClass
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services import overview
from dvdesk.services.derive import load_calendar
from dvdesk.services.people import (
    EventInput,
    PersonInput,
    add_certificate,
    add_event,
    create_person,
)


def _person(db: Database, name: str, code: str, *events: EventInput) -> str:
    with db.unit_of_work() as s:
        person = create_person(
            s, PersonInput(full_name=name, code=code), "t", load_calendar(s), None
        )
        for event in events:
            add_event(s, person, event, "t", load_calendar(s))
        return person.id


def _vote(on: date) -> EventInput:
    return EventInput(EventKind.CELL_VOTE, on, official_members=9, present=9, votes_for=9)


def test_empty_database_has_every_stage_at_zero(db: Database) -> None:
    summary = overview.summary(db, date(2026, 7, 1))
    assert summary.people == 0 and summary.overdue == 0 and summary.due_this_month == 0
    assert [s.stage for s in summary.stages] == [s.value for s in overview.STAGE_ORDER]
    assert {s.count for s in summary.stages} == {0}
    assert summary.month_end == date(2026, 7, 31)


def test_stage_order_is_the_pipeline_then_the_exits() -> None:
    values = [c.value for c in overview.stage_choices()]
    assert values[0] == Stage.SOURCE and values[8] == Stage.OFFICIAL
    assert set(values[9:]) == {Stage.REMOVED, Stage.NOT_ADMITTED, Stage.STRUCK_OFF}
    labels = overview.stage_choices("en")
    assert all(c.label and c.label != c.value for c in labels)


def test_counts_stages_and_deadlines(db: Database) -> None:
    _person(db, "Nguyễn Văn An", "P1")
    _person(db, "Đặng Thị Bình", "P2", _vote(date(2026, 1, 15)))  # decision due ~April
    _person(db, "Lê Thị Cúc", "P3", _vote(date(2026, 5, 4)))  # decision due later
    on = date(2026, 7, 1)
    summary = overview.summary(db, on)
    counts = {s.stage: s.count for s in summary.stages}
    assert counts["source"] == 1 and counts["proposed"] == 2 and summary.people == 3
    assert (summary.overdue, summary.overdue_people) == (1, 1)
    with db.reader() as s:
        cuc = queries.person_by_key(s, "P3")
        assert cuc is not None and cuc.next_due is not None
        due = cuc.next_due
    in_month = overview.summary(db, due.replace(day=1))
    assert in_month.due_this_month >= 1
    assert overview.summary(db, due).due_this_month >= 1  # due today counts
    later = overview.summary(db, date(due.year + 1, 1, 1))
    assert later.due_this_month == 0 and later.overdue == 2


def test_members_and_classes(db: Database) -> None:
    pid = _person(db, "Trần Văn Dũng", "P4")
    with db.unit_of_work() as s:
        s.add(PartyClass(id="k1", kind="awareness", name="Lớp 1", start_date=date(2025, 3, 1)))
        s.add(PartyClass(id="k2", kind="new_member", name="Lớp 2", start_date=date(2025, 9, 1)))
        for name, status in (("Phạm Thị Hoa", "official"), ("Hoàng Văn Ân", "probationary")):
            s.add(
                Member(
                    full_name=name,
                    sort_key=name_sort_key(name),
                    search_text=search_key(name),
                    status=status,
                )
            )
    with db.unit_of_work() as s:
        person = queries.person_by_key(s, pid)
        assert person is not None
        cert = add_certificate(s, person, date(2025, 3, 7), "1/CN", "t", load_calendar(s))
        cert.class_id = "k1"
    members = overview.list_members(db)
    assert [m.full_name for m in members] == ["Hoàng Văn Ân", "Phạm Thị Hoa"]  # by given name
    assert members[0].status == "probationary"
    classes = overview.list_classes(db)
    assert [(c.id, c.certificates) for c in classes] == [("k2", 0), ("k1", 1)]  # newest first
