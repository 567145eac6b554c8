"""Consent to the processing of personal data: recorded with the notice's version, withdrawn,
printed for the dossier, and carried up to the office."""

from __future__ import annotations

from datetime import date

import pypdfium2
import pytest

from dvdesk.db.models import Person
from dvdesk.domain.privacy import NOTICE_VERSION
from dvdesk.services import consent
from dvdesk.services.errors import UserError
from exchange_world import World
from pdf_text import pdf_text

TODAY = date(2026, 11, 27)


def _someone(world: World) -> str:
    with world.cell.reader() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        return person.id


def test_consent_is_recorded_withdrawn_and_travels_up(world: World) -> None:
    person_id = _someone(world)
    assert not consent.has_consent(world.cell, person_id)
    with pytest.raises(UserError) as nobody:
        consent.record(world.cell, person_id, TODAY, "  ")
    assert nobody.value.field == "collected_by"
    given = consent.record(world.cell, person_id, TODAY, "Nguyễn Văn Bí Thư")
    assert given.current and given.notice_version == NOTICE_VERSION
    assert consent.has_consent(world.cell, person_id)
    world.cell_to_office()
    [at_office] = consent.consents(world.office, person_id)
    assert (at_office.given_on, at_office.collected_by) == (TODAY, "Nguyễn Văn Bí Thư")

    with pytest.raises(UserError):
        consent.withdraw(world.cell, given.id, date(2026, 1, 1))  # before it was given
    withdrawn = consent.withdraw(world.cell, given.id, date(2026, 11, 28))
    assert not withdrawn.current and not consent.has_consent(world.cell, person_id)
    with pytest.raises(UserError):
        consent.withdraw(world.cell, given.id, date(2026, 11, 29))
    world.cell_to_office()
    [after] = consent.consents(world.office, person_id)
    assert after.withdrawn_on == date(2026, 11, 28)


def test_the_notice_prints_with_the_persons_name_the_sensitive_data_and_the_period(
    world: World,
) -> None:
    from dvdesk.services import purge

    purge.set_period(world.office, 24)
    world.office_to_cell()
    person_id = _someone(world)
    with world.cell.reader() as s:
        name = s.get(Person, person_id).full_name  # type: ignore[union-attr]
    pdf = consent.print_notice(world.cell, person_id, TODAY, "Lê Văn Giao")
    assert len(pypdfium2.PdfDocument(pdf)) == 1  # the signature stays on the notice's page
    text = pdf_text(pdf)
    assert name in text and "Lê Văn Giao" in text
    assert "dữ liệu cá nhân nhạy cảm" in text and "dân tộc, tôn giáo" in text
    assert "24 tháng" in text and NOTICE_VERSION in text
    assert "Chi bộ Văn phòng" in text
