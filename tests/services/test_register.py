"""The document register: 01 upwards per type within the term, never reused, voided not deleted."""

from __future__ import annotations

from datetime import date

import pytest

from dvdesk.db.engine import Database
from dvdesk.db.models import RegisteredDocument, Unit
from dvdesk.domain.forms import DocType
from dvdesk.services import register
from dvdesk.services.errors import UserError
from dvdesk.services.setup import install_info


def _issue(db: Database, doc_type: DocType, on: date, unit_id: str | None = None) -> str:
    info = install_info(db)
    assert info is not None
    with db.unit_of_work() as session:
        return register.issue(session, unit_id or info.unit_id, doc_type, on, subject="x").text


def _set_term(db: Database, start: date | None, end: date | None) -> None:
    info = install_info(db)
    assert info is not None
    with db.unit_of_work() as session:
        unit = session.get(Unit, info.unit_id)
        assert unit is not None
        unit.term_start, unit.term_end = start, end


def test_numbers_run_from_01_separately_for_each_type(db: Database) -> None:
    day = date(2026, 3, 5)
    assert _issue(db, DocType.RESOLUTION, day) == "01-NQ/CB"
    assert _issue(db, DocType.RESOLUTION, day) == "02-NQ/CB"
    assert _issue(db, DocType.DECISION, day) == "01-QĐ/CB"
    assert _issue(db, DocType.RESOLUTION, day) == "03-NQ/CB"


def test_each_issuing_unit_has_its_own_sequence_and_symbol(db: Database) -> None:
    with db.unit_of_work() as session:
        other = Unit(code="DU1", name="Đảng ủy Khối", kind="office", symbol="ĐUK")
        session.add(other)
        session.flush()
        other_id = other.id
    day = date(2026, 3, 5)
    assert _issue(db, DocType.RESOLUTION, day) == "01-NQ/CB"
    assert _issue(db, DocType.RESOLUTION, day, other_id) == "01-NQ/ĐUK"


def test_a_new_term_starts_again_from_01_and_dates_outside_the_term_are_refused(
    db: Database,
) -> None:
    _set_term(db, date(2020, 9, 1), date(2025, 8, 31))
    assert _issue(db, DocType.RESOLUTION, date(2025, 3, 1)) == "01-NQ/CB"
    assert _issue(db, DocType.RESOLUTION, date(2025, 4, 1)) == "02-NQ/CB"
    with pytest.raises(UserError) as refused:
        _issue(db, DocType.RESOLUTION, date(2025, 9, 15))
    assert refused.value.field == "issued_on" and "nhiệm kỳ" in refused.value.vi
    _set_term(db, date(2025, 9, 1), date(2030, 8, 31))
    assert _issue(db, DocType.RESOLUTION, date(2025, 9, 15)) == "01-NQ/CB"


def test_a_voided_number_is_never_issued_again(db: Database) -> None:
    day = date(2026, 3, 5)
    _issue(db, DocType.RESOLUTION, day)
    _issue(db, DocType.RESOLUTION, day)
    second = next(e for e in register.entries(db) if e.number == 2)
    with pytest.raises(UserError):
        register.void(db, second.document_id, "   ")
    register.void(db, second.document_id, "In nhầm người")
    assert _issue(db, DocType.RESOLUTION, day) == "03-NQ/CB"
    voided = next(e for e in register.entries(db) if e.number == 2)
    assert voided.void_reason == "In nhầm người"
    # Voided again (another desk, the same list open): refused, the first reason stands.
    with pytest.raises(UserError, match="already void"):
        register.void(db, second.document_id, "Lý do khác")
    assert next(e for e in register.entries(db) if e.number == 2).void_reason == "In nhầm người"
    with db.reader() as session:
        assert session.query(RegisteredDocument).count() == 3


def test_a_number_from_the_paper_book_is_recorded_and_the_sequence_goes_on_after_it(
    db: Database,
) -> None:
    info = install_info(db)
    assert info is not None
    day = date(2026, 3, 5)
    with db.unit_of_work() as session:
        recorded = register.record(session, info.unit_id, DocType.RESOLUTION, day, 7)
    assert recorded.text == "07-NQ/CB"
    assert _issue(db, DocType.RESOLUTION, day) == "08-NQ/CB"
    with pytest.raises(UserError) as taken, db.unit_of_work() as session:
        register.record(session, info.unit_id, DocType.RESOLUTION, day, 8)
    assert taken.value.field == "number"


def test_a_paper_number_of_an_earlier_term_prints_but_is_not_entered(db: Database) -> None:
    _set_term(db, date(2025, 9, 1), None)
    info = install_info(db)
    assert info is not None
    with db.unit_of_work() as session:
        old = register.record(session, info.unit_id, DocType.RESOLUTION, date(2024, 5, 1), 9)
    assert old.text == "09-NQ/CB" and old.document_id == ""
    assert register.entries(db) == []
    assert _issue(db, DocType.RESOLUTION, date(2025, 10, 1)) == "01-NQ/CB"


def test_numbers_written_on_events_from_paper_count_as_used(db: Database) -> None:
    from dvdesk.db.models import Person, PipelineEvent

    info = install_info(db)
    assert info is not None
    with db.unit_of_work() as session:
        person = Person(full_name="Lê Văn Cường", sort_key="x", search_text="x")
        session.add(person)
        session.flush()
        session.add(
            PipelineEvent(
                person_id=person.id, kind="cell_vote", on_date=date(2026, 2, 1), number="14-NQ/CB"
            )
        )
    assert _issue(db, DocType.RESOLUTION, date(2026, 3, 5)) == "15-NQ/CB"
    assert _issue(db, DocType.DECISION, date(2026, 3, 5)) == "01-QĐ/CB"
