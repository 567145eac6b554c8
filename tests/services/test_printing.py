"""Every form prints from the database: the person's data, the register number, the signer,
the typed text kept; read back from the PDF as a reader would see it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from dvdesk.db.engine import Database
from dvdesk.db.models import CertificateRecord, Person, PipelineEvent
from dvdesk.domain.pipeline import EventKind
from dvdesk.services import printing, register
from dvdesk.services.demo import make_demo
from dvdesk.services.errors import UserError
from dvdesk.services.setup import open_data_dir
from pdf_text import embedded_fonts_ok, pdf_text

TODAY = date(2026, 11, 27)

# Each form, and the event a person must have for it to be worth printing.
PERSON_FORMS = {
    "1-KNĐ": EventKind.APPLICATION,
    "2-KNĐ": EventKind.APPLICATION,
    "3-KNĐ": EventKind.APPLICATION,
    "4-KNĐ": EventKind.MASS_ORG_RESOLUTION,
    "5-KNĐ": EventKind.OPINIONS,
    "6-KNĐ": EventKind.CELL_VOTE,
    "8-KNĐ": EventKind.CELL_VOTE,
    "9-KNĐ": EventKind.DECISION,
    "10-KNĐ": EventKind.CEREMONY,
    "11-KNĐ": EventKind.CEREMONY,
    "12-KNĐ": EventKind.CEREMONY,
    "13-KNĐ": EventKind.RECOGNITION_VOTE,
    "15-KNĐ": EventKind.RECOGNITION_VOTE,
    "16-KNĐ": EventKind.RECOGNITION_DECISION,
    "20-KNĐ": EventKind.APPLICATION,
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_data_dir(tmp_path_factory.mktemp("demo"))
    make_demo(db, units=3, people=150, seed=3, today=TODAY, actor="test")
    yield db
    db.close()


def _with_event(db: Database, kind: EventKind, skip: int = 0) -> tuple[str, str]:
    """The `skip`-th person with the event, the most recent first (inside the current term)."""
    with db.reader() as s:
        row = (
            s.query(Person.id, Person.full_name)
            .join(PipelineEvent)
            .filter(PipelineEvent.kind == kind.value)
            .order_by(PipelineEvent.on_date.desc(), Person.sort_key)
            .offset(skip)
            .first()
        )
        assert row is not None, kind
        return row[0], row[1]


@pytest.mark.parametrize("code", sorted(PERSON_FORMS))
def test_every_person_form_prints_the_person_from_the_database(demo: Database, code: str) -> None:
    person_id, name = _with_event(demo, PERSON_FORMS[code])
    printed = printing.print_person_form(demo, code, person_id, number_it=False)
    text = pdf_text(printed.pdf)
    assert embedded_fonts_ok(printed.pdf)
    assert f"Mẫu {code}" in text
    # The person's name, in capitals on the personal history and as written elsewhere.
    assert name in text or name.upper() in text
    assert "None" not in text
    assert printed.file_name == f"{code} {name}.pdf"


def test_a_decision_is_issued_by_the_committee_with_its_signer_and_the_recorded_number(
    demo: Database,
) -> None:
    person_id, _name = _with_event(demo, EventKind.DECISION, skip=1)
    with demo.reader() as s:
        recorded = (
            s.query(PipelineEvent.number)
            .filter_by(person_id=person_id, kind=EventKind.DECISION.value)
            .scalar()
        )
    printed = printing.print_person_form(demo, "9-KNĐ", person_id)
    text = pdf_text(printed.pdf)
    assert printed.number_text == recorded  # the paper number, e.g. "07-QĐ/ĐU"
    assert f"Số {recorded}" in text
    assert "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH NGHỆ AN" in text
    assert "ĐẢNG BỘ TỈNH NGHỆ AN" in text
    assert "Hoàng Minh Đức" in text  # the committee's secretary, from the print settings
    assert "Nghệ An, ngày" in text


def test_a_new_number_goes_on_the_event_and_a_reprint_keeps_number_and_text(
    demo: Database,
) -> None:
    person_id, _name = _with_event(demo, EventKind.CELL_VOTE, skip=2)
    with demo.unit_of_work() as s:
        event = s.query(PipelineEvent).filter_by(person_id=person_id, kind="cell_vote").one()
        event.number = ""  # never numbered on paper
    first = printing.print_person_form(
        demo, "6-KNĐ", person_id, inputs={"conclusions": "Có lập trường tư tưởng vững vàng."}
    )
    assert first.number_text.endswith("-NQ/CB") and first.document_id
    with demo.reader() as s:
        event = s.query(PipelineEvent).filter_by(person_id=person_id, kind="cell_vote").one()
        assert event.number == first.number_text
    again = printing.print_person_form(demo, "6-KNĐ", person_id)
    assert (again.number_text, again.document_id) == (first.number_text, first.document_id)
    assert "Có lập trường tư tưởng vững vàng." in pdf_text(again.pdf)
    assert [e.document_id for e in register.entries(demo, person_id=person_id)] == [
        first.document_id
    ]


def test_typed_text_of_an_unnumbered_form_is_kept_for_the_next_print(demo: Database) -> None:
    person_id, _name = _with_event(demo, EventKind.APPLICATION, skip=3)
    printing.print_person_form(demo, "1-KNĐ", person_id, inputs={"motive": "Phấn đấu vì lý tưởng"})
    assert printing.saved_inputs(demo, "1-KNĐ", person_id)["motive"] == "Phấn đấu vì lý tưởng"
    assert "Phấn đấu vì lý tưởng" in pdf_text(
        printing.print_person_form(demo, "1-KNĐ", person_id).pdf
    )


def test_the_chi_bo_probationary_members_are_suggested(demo: Database) -> None:
    person_id, _name = _with_event(demo, EventKind.CELL_VOTE)
    plan = printing.plan_print(demo, "6-KNĐ", person_id)
    assert plan.saved["probationary_members"].isdigit()


def test_unknown_forms_and_wrong_subjects_are_refused_in_plain_words(demo: Database) -> None:
    person_id, _name = _with_event(demo, EventKind.CELL_VOTE)
    with pytest.raises(UserError) as unknown:
        printing.print_person_form(demo, "99-KNĐ", person_id)
    assert unknown.value.field == "form" and "99-KNĐ" in unknown.value.vi
    with pytest.raises(UserError):
        printing.print_person_form(demo, "DS-LOP", person_id)
    with pytest.raises(UserError) as nobody:
        printing.print_person_form(demo, "6-KNĐ", "no-such-person")
    assert nobody.value.field == "person"


def test_class_roster_and_certificates_print_the_people_the_class_certified(
    demo: Database,
) -> None:
    with demo.reader() as s:
        class_id, number = (
            s.query(CertificateRecord.class_id, CertificateRecord.number)
            .filter(CertificateRecord.class_id.isnot(None))
            .first()
        )
    certificates = pdf_text(printing.print_class_form(demo, "CN-NTVĐ", class_id).pdf)
    assert "GIẤY CHỨNG NHẬN" in certificates and number in certificates
    roster = pdf_text(printing.print_class_form(demo, "DS-LOP", class_id).pdf)
    assert number in roster


def test_the_probation_register_lists_everyone_admitted(demo: Database) -> None:
    with demo.reader() as s:
        admitted = (
            s.query(Person.full_name)
            .join(PipelineEvent)
            .filter(PipelineEvent.kind == "ceremony")
            .distinct()
            .all()
        )
    text = pdf_text(printing.print_probation_register(demo, on=TODAY).pdf)
    assert "SỔ ĐẢNG VIÊN DỰ BỊ" in text
    for (name,) in admitted:
        assert name in text
