"""A small database for the UI tests, built through the services as the program would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Member, PartyClass
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services.derive import load_calendar
from dvdesk.services.people import (
    EventInput,
    PersonInput,
    add_certificate,
    add_event,
    create_person,
)
from dvdesk.services.setup import init_unit, open_data_dir
from dvdesk.ui.main_window import MainWindow

TODAY = date(2026, 7, 1)
UNIT = "Chi bộ Văn phòng"


def _person(db: Database, data: PersonInput, unit_id: str) -> str:
    with db.unit_of_work() as s:
        person = create_person(
            s,
            replace(data, unit_id=unit_id),
            "test",
            load_calendar(s),
            owner=unit_id,
        )
        return person.id


def _events(db: Database, pid: str, *events: EventInput) -> None:
    with db.unit_of_work() as s:
        person = queries.person_by_key(s, pid)
        assert person is not None
        for event in events:
            add_event(s, person, event, "test", load_calendar(s))


def _certificate(db: Database, pid: str, on: date, class_id: str | None = None) -> None:
    with db.unit_of_work() as s:
        person = queries.person_by_key(s, pid)
        assert person is not None
        cert = add_certificate(s, person, on, "12/CN", "test", load_calendar(s))
        cert.class_id = class_id


def build_small_db(data_dir: Path) -> Database:
    """Four people at different stages (one overdue, one with rule errors), two members, one
    class. Built through the services, as the program itself would."""
    db = open_data_dir(data_dir)
    info = init_unit(db, "CB01", UNIT, "cell", "Đảng ủy Khối", actor="test")
    unit = info.unit_id
    with db.unit_of_work() as s:
        s.add(
            PartyClass(
                id="class-1",
                kind="awareness",
                name="Lớp nhận thức về Đảng khóa 1/2025",
                organiser="Trung tâm Chính trị",
                start_date=date(2025, 4, 1),
                end_date=date(2025, 4, 7),
                owner_unit_id=unit,
            )
        )
        for code, name, status, official in (
            ("DV1", "Phạm Thị Hoa", "official", date(2010, 5, 19)),
            ("DV2", "Hoàng Văn Đức", "probationary", None),
        ):
            s.add(
                Member(
                    code=code,
                    full_name=name,
                    sort_key=name_sort_key(name),
                    search_text=search_key(name, code),
                    unit_id=unit,
                    status=status,
                    official_date=official,
                    card_number=f"0{code[-1]}123456",
                    owner_unit_id=unit,
                )
            )

    _person(db, PersonInput(full_name="Nguyễn Văn An", code="P1"), unit)

    binh = _person(
        db,
        PersonInput(
            full_name="Đặng Thị Bình",
            code="P2",
            birth_date=date(1998, 2, 3),
            education_grade=12,
            youth_union_member=True,
        ),
        unit,
    )
    _events(db, binh, EventInput(EventKind.SYMPATHISER_LISTED, date(2025, 3, 1)))
    _certificate(db, binh, date(2025, 4, 7), "class-1")
    _events(
        db,
        binh,
        EventInput(EventKind.APPLICATION, date(2025, 9, 1)),
        EventInput(
            EventKind.CELL_VOTE, date(2026, 1, 15), official_members=9, present=9, votes_for=9
        ),
    )  # the decision was due within 60 working days: overdue on TODAY

    chau = _person(db, PersonInput(full_name="Trần Minh Châu", code="P3"), unit)
    _events(db, chau, EventInput(EventKind.SYMPATHISER_LISTED, date(2026, 2, 1)))

    be = _person(
        db, PersonInput(full_name="Lê Văn Bé", code="P4", birth_date=date(2009, 6, 1)), unit
    )
    _events(
        db,
        be,
        EventInput(EventKind.CELL_VOTE, date(2026, 6, 20), official_members=9, votes_for=5),
    )  # under 18, no certificate, vote short of two thirds: rule errors; decision not yet due
    return db


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    tabs = (window.candidates_tab, window.mentors_tab, window.classes_tab)
    qtbot.waitUntil(lambda: not any(tab.loading for tab in tabs), timeout=10_000)


# The accounts of the accounts_dir fixture (tests/ui/conftest.py).
ACCOUNT_PASSWORDS = {"quantri": "quản trị 2026", "thuky": "thư ký 2026!", "xem": "chỉ xem 2026"}
