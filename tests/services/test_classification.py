"""The office rules a dossier secret; the ruling goes down, and only the office can make it."""

from __future__ import annotations

from datetime import date

import pytest

from dvdesk.db.models import Person
from dvdesk.services import classification
from dvdesk.services.errors import UserError
from exchange_world import World

TODAY = date(2026, 11, 27)


def _someone(world: World) -> str:
    with world.office.reader() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        return person.id


def test_the_office_rules_a_dossier_secret_and_the_chi_bo_receives_it(world: World) -> None:
    world.cell_to_office()
    person_id = _someone(world)
    with pytest.raises(UserError) as cell:
        classification.classify(world.cell, person_id, TODAY, "Công văn 12-CV/ĐU")
    assert cell.value.field == "role"
    with pytest.raises(UserError) as no_basis:
        classification.classify(world.office, person_id, TODAY, " ")
    assert no_basis.value.field == "basis"
    classification.classify(world.office, person_id, TODAY, "Công văn 12-CV/ĐU")
    assert classification.is_secret(world.office, person_id)
    world.office_to_cell()
    assert classification.ruling(world.cell, person_id) == classification.Ruling(
        person_id, TODAY, "Công văn 12-CV/ĐU"
    )
    classification.declassify(world.office, person_id, "Hết căn cứ")
    world.office_to_cell()
    assert not classification.is_secret(world.cell, person_id)
    with pytest.raises(UserError):
        classification.declassify(world.office, person_id, "lần nữa")


def test_two_desks_ruling_the_same_dossier_the_second_is_told(world: World) -> None:
    from dvdesk.services.concurrency import ChangedMeanwhile

    world.cell_to_office()
    person_id = _someone(world)
    # Both desks offered the dossier as not secret; the first rules it.
    classification.classify(world.office, person_id, TODAY, "Công văn 12-CV/ĐU", shown=True)
    with pytest.raises(ChangedMeanwhile) as told:
        classification.classify(world.office, person_id, TODAY, "Công văn 99-CV/ĐU", shown=True)
    assert "12-CV/ĐU" in told.value.message("vi") and "không mật" in told.value.message("vi")
    ruling = classification.ruling(world.office, person_id)
    assert ruling is not None and ruling.basis == "Công văn 12-CV/ĐU"  # the first stands
