"""Purging the personal data of people who left without being admitted, after the office's
period: what is wiped, what is kept, who is never touched, and the purge reaching the office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dvdesk.db.models import Person
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.purge import ANONYMOUS_NAME
from dvdesk.services import purge
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import UserError
from dvdesk.services.people import EventInput, FamilyInput, PersonInput, add_event
from dvdesk.services.person_form import save_person
from exchange_world import World
from sql_rows import rows

TODAY = date(2026, 11, 27)
NAME = "Trịnh Thị Rời Đi"


_rows = rows


def _leaver(
    world: World,
    kind: EventKind,
    left_on: date,
    admitted: bool = False,
    cccd: str = "040199012345",
) -> str:
    person_id = save_person(
        world.cell,
        None,
        PersonInput(
            full_name=NAME,
            cccd=cccd,
            unit_id=world.cell_id,
            birth_date=date(1999, 5, 17),
            religion="Công giáo",
            ethnicity="Thái",
            notes="Gia đình có hoàn cảnh khó khăn",
            family=(FamilyInput(relation="Mẹ", full_name="Nguyễn Thị Mẹ", birth_year=1970),),
        ),
        "cell",
    )
    with world.cell.unit_of_work() as s:
        person = s.get(Person, person_id)
        assert person is not None
        days = load_calendar(s)
        add_event(s, person, EventInput(EventKind.SYMPATHISER_LISTED, date(2023, 3, 1)), "c", days)
        if admitted:
            add_event(s, person, EventInput(EventKind.DECISION, date(2023, 9, 1)), "c", days)
        add_event(s, person, EventInput(kind, left_on, reason="Chuyển công tác, tự rút"), "c", days)
    return person_id


def test_nobody_is_purged_until_the_office_sets_a_period(world: World) -> None:
    _leaver(world, EventKind.REMOVED, date(2024, 6, 1))
    assert purge.period(world.cell) is None
    assert purge.purge(world.cell, TODAY).purged == ()
    with pytest.raises(UserError) as refused:
        purge.set_period(world.cell, 24)  # a chi bộ does not set it
    assert refused.value.field == "role"
    with pytest.raises(UserError) as short:
        purge.set_period(world.office, 3)
    assert short.value.field == "months"


def test_a_leaver_past_the_period_is_purged_here_and_at_the_office(world: World) -> None:
    person_id = _leaver(world, EventKind.REMOVED, date(2024, 6, 1))
    recent = _leaver(world, EventKind.REMOVED, date(2026, 6, 1), cccd="040199054321")
    world.cell_to_office()  # the office holds the data, and the cell's audit entries about it
    assert _rows(
        world.office, "SELECT count(*) FROM peer_audit WHERE after LIKE ?", (f"%{NAME}%",)
    )[0][0]
    purge.set_period(world.office, 24)
    world.office_to_cell()
    assert purge.period(world.cell) == 24
    [due] = purge.candidates(world.cell, TODAY)
    assert (due.person_id, due.purge_on) == (person_id, date(2026, 6, 1))
    dry = purge.purge(world.cell, TODAY, dry_run=True)
    assert [p.person_id for p in dry.purged] == [person_id]
    assert _rows(world.cell, "SELECT full_name FROM people WHERE id=?", (person_id,)) == [(NAME,)]

    done = purge.purge(world.cell, TODAY)
    assert [p.person_id for p in done.purged] == [person_id]
    [row] = _rows(
        world.cell,
        "SELECT full_name, cccd, birth_date, religion, ethnicity, notes, purged_on, stage "
        "FROM people WHERE id=?",
        (person_id,),
    )
    # Dates as text on SQLite, as dates on the server: compared as ISO text.
    assert tuple(str(v) if isinstance(v, date) else v for v in row) == (
        ANONYMOUS_NAME, None, "1999-01-01", "", "", "", "2026-11-27", "removed",
    )  # fmt: skip
    assert _rows(
        world.cell, "SELECT count(*) FROM family_members WHERE person_id=?", (person_id,)
    ) == [(0,)]
    assert _rows(world.cell, "SELECT reason FROM events WHERE person_id=?", (person_id,)) == [
        ("",),
        ("",),
    ]
    leaked = _rows(
        world.cell,
        "SELECT count(*) FROM audit_log WHERE before LIKE ? OR after LIKE ? OR after LIKE ?",
        (f"%{NAME}%", f"%{NAME}%", "%040199012345%"),
    )
    assert leaked == [(1,)]  # only the other leaver, not yet due, is still named
    assert _rows(world.cell, "SELECT full_name FROM people WHERE id=?", (recent,)) == [(NAME,)]
    assert purge.purge(world.cell, TODAY).purged == ()  # done once

    world.cell_to_office()
    [office_row] = _rows(
        world.office, "SELECT full_name, cccd FROM people WHERE id=?", (person_id,)
    )
    assert office_row == (ANONYMOUS_NAME, None)
    assert _rows(
        world.office, "SELECT count(*) FROM family_members WHERE person_id=?", (person_id,)
    ) == [(0,)]
    named = _rows(
        world.office,
        "SELECT count(*) FROM peer_audit WHERE (before LIKE ? OR after LIKE ?) AND "
        "(before LIKE ? OR after LIKE ?)",
        (f"%{NAME}%", f"%{NAME}%", f"%{person_id}%", f"%{person_id}%"),
    )
    assert named == [(0,)]


def test_someone_ever_admitted_is_never_purged(world: World) -> None:
    _leaver(world, EventKind.NOT_ADMITTED, date(2023, 10, 1), admitted=True)
    purge.set_period(world.office, 12)
    world.office_to_cell()
    assert purge.purge(world.cell, TODAY).purged == ()


def test_a_second_desk_setting_the_period_is_told_what_changed(tmp_path: Path) -> None:
    """Two desks at the office open the period form; the first sets it; the second's save is
    refused naming the change, nothing is written, and saving again from the period as it is
    now goes through."""
    from dvdesk.services.concurrency import ChangedMeanwhile
    from dvdesk.services.setup import init_unit, open_data_dir

    office = open_data_dir(tmp_path / "office")
    init_unit(office, "DUK", "Ban Tổ chức Đảng ủy Khối", "office", actor="test")
    other = open_data_dir(tmp_path / "office")  # the second desk on the same database
    try:
        here, there = purge.period_setting(office), purge.period_setting(other)
        assert here == there == purge.PeriodSetting(None)
        purge.set_period(other, 36, "desk2", started_from=there)
        with pytest.raises(ChangedMeanwhile) as caught:
            purge.set_period(office, 24, "desk1", started_from=here)
        assert [(c.key, c.then, c.now) for c in caught.value.changes] == [("months", "0", "36")]
        assert "thời hạn xóa dữ liệu cá nhân" in caught.value.message("vi")
        assert "Months (0: never): «0» → «36»" in caught.value.message("en")
        assert purge.period(office) == 36  # nothing of desk 1 written
        purge.set_period(office, 24, "desk1", started_from=caught.value.current)
        assert purge.period(other) == 24
        purge.set_period(office, None, "cli")  # no starting point: not compared
        assert purge.period(other) is None
    finally:
        other.close()
        office.close()
