"""The form catalogue: versioned data, looked up by the document's date."""

from __future__ import annotations

from datetime import date

from dvdesk.domain.forms import CATALOGUES, DocType, Issuer, catalogue_on, form_on, normalise_code
from dvdesk.services.printing import FORM_MODULES


def test_the_catalogue_in_force_follows_the_date() -> None:
    assert catalogue_on(date(2021, 12, 31)).name == "09-HD/BTCTW"
    assert catalogue_on(date(2022, 1, 18)).name == "12-HD/BTCTW"
    assert catalogue_on(date(2010, 1, 1)).name == "09-HD/BTCTW"  # before all: the earliest
    assert form_on("5B-KNĐ", date(2020, 5, 1)) is not None
    assert form_on("5B-KNĐ", date(2023, 5, 1)) is None


def test_codes_are_matched_whatever_the_spelling() -> None:
    assert normalise_code(" 6 - knđ ") == normalise_code("6-KNĐ") == normalise_code("6-KND")
    spec = form_on("9-knd", date(2026, 3, 1))
    assert spec is not None and spec.code == "9-KNĐ"


def test_numbered_forms_are_the_cell_and_committee_documents() -> None:
    current = catalogue_on(date(2026, 1, 1))
    numbered = {f.code: f.doc_type for f in current.forms if f.numbered}
    assert numbered == {
        "6-KNĐ": DocType.RESOLUTION,
        "8-KNĐ": DocType.RESOLUTION,
        "9-KNĐ": DocType.DECISION,
        "13-KNĐ": DocType.RESOLUTION,
        "15-KNĐ": DocType.RESOLUTION,
        "16-KNĐ": DocType.DECISION,
        "20-KNĐ": DocType.LETTER,
    }
    # What a person or the Youth Union writes is never numbered in the Party's register.
    assert all(
        not f.numbered for f in current.forms if f.issuer in (Issuer.PERSON, Issuer.MASS_ORG)
    )


def test_every_printable_form_is_in_every_catalogue_and_codes_are_unique() -> None:
    for catalogue in CATALOGUES:
        codes = [normalise_code(f.code) for f in catalogue.forms]
        assert len(codes) == len(set(codes)), catalogue.name
        for code in FORM_MODULES:
            assert catalogue.get(code) is not None, (catalogue.name, code)
