"""Who is due for what: open deadlines across everyone, from the derived deadline table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.domain.deadlines import DeadlineKind
from dvdesk.domain.messages import deadline_label


@dataclass(frozen=True)
class DeadlineItem:
    person: str  # Mã where there is one, else the id
    person_id: str
    name: str
    kind: str
    kind_label: str
    due: date
    status: str  # "due" or "overdue"
    days_left: int


def list_deadlines(
    db: Database, on: date, within: int = 30, lang: str = "vi"
) -> list[DeadlineItem]:
    """Everything overdue on `on`, and everything due within `within` days after it."""
    until = on + timedelta(days=within)
    items: list[DeadlineItem] = []
    with db.reader() as session:
        for deadline, person in queries.deadlines_until(session, until):
            kind = DeadlineKind(deadline.kind)
            overdue = on > deadline.due
            # The end of probation is a date to know, not an act anyone can be late for.
            if overdue and kind == DeadlineKind.PROBATION_END:
                continue
            items.append(
                DeadlineItem(
                    person=person.code or person.id,
                    person_id=person.id,
                    name=person.full_name,
                    kind=kind.value,
                    kind_label=deadline_label(kind, lang),
                    due=deadline.due,
                    status="overdue" if overdue else "due",
                    days_left=(deadline.due - on).days,
                )
            )
    return items
