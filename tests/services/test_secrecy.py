"""A dossier ruled secret prints with the mark and is never written to a file: the PDF is
recognised anywhere, the command line refuses to save it, and spreadsheets show no name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from dvdesk.db.models import Person
from dvdesk.reports.pdf_secrecy import is_secret_pdf
from dvdesk.services import classification, printing, reports
from dvdesk.services.errors import UserError
from exchange_world import World
from pdf_text import pdf_text

TODAY = date(2026, 11, 27)


def _two_people(world: World) -> tuple[str, str]:
    with world.office.reader() as s:
        people = s.query(Person).order_by(Person.sort_key).limit(2).all()
        return people[0].id, people[1].id


def test_a_secret_dossier_prints_marked_and_an_ordinary_one_does_not(world: World) -> None:
    world.cell_to_office()
    secret, ordinary = _two_people(world)
    classification.classify(world.office, secret, TODAY, "Công văn 12-CV/ĐU")
    marked = printing.print_person_form(world.office, "2-KNĐ", secret, on=TODAY).pdf
    plain = printing.print_person_form(world.office, "2-KNĐ", ordinary, on=TODAY).pdf
    assert is_secret_pdf(marked) and not is_secret_pdf(plain)
    assert "MẬT" in pdf_text(marked)
    world.office_to_cell()  # the chi bộ prints it marked as well
    assert is_secret_pdf(printing.print_person_form(world.cell, "2-KNĐ", secret, on=TODAY).pdf)


def test_the_command_line_will_not_write_a_secret_dossier_to_a_file(
    world: World, tmp_path: Path
) -> None:
    from dvdesk.cli import _save

    world.cell_to_office()
    secret, _ = _two_people(world)
    classification.classify(world.office, secret, TODAY, "Công văn 12-CV/ĐU")
    pdf = printing.print_person_form(world.office, "2-KNĐ", secret, on=TODAY).pdf
    with pytest.raises(UserError) as refused:
        _save(tmp_path / "x.pdf", pdf)
    assert refused.value.field == "classification"
    assert not (tmp_path / "x.pdf").exists()


def test_a_spreadsheet_of_the_procedure_check_shows_no_secret_name(
    world: World, tmp_path: Path
) -> None:
    world.cell_to_office()
    check = reports.procedure_check(world.office, date(2020, 1, 1), TODAY)
    assert check.items
    target = check.items[0]
    classification.classify(world.office, target.person_id, TODAY, "Công văn 12-CV/ĐU")
    out = reports.export_procedure_check(world.office, date(2020, 1, 1), TODAY, tmp_path / "k.xlsx")
    cells = [
        str(c.value)
        for row in openpyxl.load_workbook(out).active.iter_rows()
        for c in row
        if c.value is not None
    ]
    text = "\n".join(cells)
    assert target.person_name not in text and classification.MASKED_NAME in text


def test_the_audit_log_exported_to_a_spreadsheet_holds_no_secret_name(
    world: World, tmp_path: Path
) -> None:
    from dvdesk.services import audit

    world.cell_to_office()
    secret, ordinary = _two_people(world)
    with world.office.reader() as s:
        names = {
            p.id: p.full_name for p in s.query(Person).filter(Person.id.in_([secret, ordinary]))
        }
    printing.print_person_form(world.office, "2-KNĐ", secret, on=TODAY)
    printing.print_person_form(world.office, "2-KNĐ", ordinary, on=TODAY)
    classification.classify(world.office, secret, TODAY, "Công văn 12-CV/ĐU")
    out = tmp_path / "nhat-ky.xlsx"
    assert audit.export_entries(world.office, out) > 0
    text = "\n".join(
        str(c.value)
        for sheet in openpyxl.load_workbook(out).worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    )
    assert names[secret] not in text and classification.MASKED_NAME in text
    assert names[ordinary] in text  # only the secret one is masked


def test_the_dossier_view_knows_it_is_secret(world: World) -> None:
    from dvdesk.services.candidates import person_detail

    world.cell_to_office()
    secret, ordinary = _two_people(world)
    classification.classify(world.office, secret, TODAY, "Công văn 12-CV/ĐU")
    assert person_detail(world.office, secret, TODAY).secret
    assert not person_detail(world.office, ordinary, TODAY).secret
