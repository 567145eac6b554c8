"""Who is purged of personal data, and what is left of them (Law 91/2025/QH15: data kept no
longer than its purpose needs).

Only people who left the pipeline without being admitted: taken off the sympathiser list, or
refused admission. Anyone admitted, even if later struck off, belongs to the Party's own
records and is never purged here. The office sets the period; none set means nobody is
purged. What is left is the bare fact for the statistics: the code, the unit, sex and year of
birth, the steps and their dates; names, papers, family, notes and beliefs are gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dvdesk.domain.dates import add_months
from dvdesk.domain.pipeline import EventKind

EXIT_KINDS = (EventKind.REMOVED.value, EventKind.NOT_ADMITTED.value)
MIN_MONTHS = 12  # a period shorter than a year would wipe what an appeal or a review still needs
MAX_MONTHS = 600
ANONYMOUS_NAME = "(đã xóa dữ liệu cá nhân)"

# Columns of a person emptied by the purge, and the value each becomes.
CLEARED_PERSON: dict[str, object] = {
    "full_name": ANONYMOUS_NAME,
    "birth_name": "",
    "birth_place": "",
    "hometown": "",
    "residence": "",
    "cccd": None,
    "ethnicity": "",
    "religion": "",
    "education": "",
    "education_grade": None,
    "occupation": "",
    "notes": "",
}


@dataclass(frozen=True)
class ExitFact:
    person_id: str
    exit_kind: str  # "removed" / "not_admitted"
    exit_on: date
    admitted: bool  # ever admitted (a ceremony or decision on record)


def purge_on(exit_on: date, months: int) -> date:
    """The first day a person who left on `exit_on` is purged."""
    return add_months(exit_on, months)


def due(fact: ExitFact, months: int | None, on: date) -> bool:
    if not months or fact.admitted or fact.exit_kind not in EXIT_KINDS:
        return False
    return purge_on(fact.exit_on, months) <= on


def birth_year_only(birth: date | None) -> date | None:
    """What is kept of a birth date: the year (as 1 January), for the age statistics."""
    return None if birth is None else date(birth.year, 1, 1)
