"""What the window may ask of the services, bound to one database and one language.

Tabs receive this (or the part they need) instead of a database: every call goes through a
service and comes back as plain dataclasses. `today` is injectable so tests can fix the date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dvdesk.db import queries
from dvdesk.reports import people_workbook
from dvdesk.services import (
    audit,
    candidates,
    classes,
    mentors,
    overview,
    people,
    people_import,
    setup,
)

if TYPE_CHECKING:
    from dvdesk.db.engine import Database


@dataclass(frozen=True)
class Backend:
    db: Database
    lang: str = "vi"
    today: Callable[[], date] = field(default=date.today)

    @property
    def data_dir(self) -> Path:
        return self.db.path.parent

    def install_info(self) -> setup.InstallInfo | None:
        return setup.install_info(self.db)

    def people_page(self, offset: int, limit: int) -> list[people.PersonRow]:
        """One page of people in the Vietnamese name order; safe to call from a worker thread."""
        return people.list_people(self.db, lang=self.lang, limit=limit, offset=offset)

    def stage_choices(self) -> list[overview.StageChoice]:
        return overview.stage_choices(self.lang)

    def deadline_kind_labels(self) -> dict[str, str]:
        return overview.deadline_kind_labels(self.lang)

    def summary(self) -> overview.Summary:
        return overview.summary(self.db, self.today(), self.lang)

    def members_page(self, offset: int, limit: int) -> list[overview.MemberRow]:
        return overview.list_members(self.db, limit=limit, offset=offset)

    def classes_page(self, offset: int, limit: int) -> list[overview.ClassRow]:
        return overview.list_classes(self.db, limit=limit, offset=offset)

    def person_detail(self, person_id: str) -> candidates.PersonDetail:
        """One person in full, as of today; safe to call from a worker thread."""
        return candidates.person_detail(self.db, person_id, self.today(), self.lang)

    def record_view(self, person_id: str) -> bool:
        """Log that the user opened the person's dossier (at most once an hour per person:
        services.audit.record_view); safe to call from a worker thread."""
        return audit.record_view(self.db, person_id)

    def todo(self, within: int = 7) -> list[candidates.TodoItem]:
        """Overdue steps and those due in the next `within` days, across all people."""
        return candidates.todo(self.db, self.today(), self.lang, within)

    def write_template(self, path: Path) -> None:
        """The empty people workbook, written to `path`."""
        people_workbook.write_template(path)

    def import_people(
        self,
        path: Path,
        dry_run: bool,
        progress: people_import.Progress | None = None,
        is_cancelled: Callable[[], bool] | None = None,
    ) -> people_import.ImportResult:
        """Check (and unless `dry_run`, import) a people workbook; safe to call from a worker
        thread. The file is only read."""
        return people_import.import_people(
            self.db,
            path,
            dry_run=dry_run,
            lang=self.lang,
            progress=progress,
            is_cancelled=is_cancelled,
        )

    # --- the Mentors tab -------------------------------------------------------------------

    def member_input(self, member_id: str) -> mentors.MemberInput:
        """A member's editable fields, as the member dialog starts from them."""
        return mentors.member_input(self.db, member_id)

    def member_overview(self, member_id: str) -> mentors.MemberOverview:
        return mentors.member_overview(self.db, member_id)

    def mentoring_warnings(self) -> list[mentors.MentoringWarning]:
        return mentors.mentoring_warnings(self.db, self.lang)

    def helper_notes(self, person_id: str) -> list[mentors.HelperNoteView]:
        return mentors.helper_notes(self.db, person_id)

    def introducer_assignments(self, person_id: str) -> list[IntroducerChoice]:
        """The person's introducers, current and past, that a new introducer may replace."""
        with self.db.reader() as session:
            person = queries.person_by_key(session, person_id)
            rows = [a for a in person.assignments if a.role == "introducer"] if person else []
            return [
                IntroducerChoice(a.id, a.member.full_name, a.from_date, a.to_date, a.member.left_on)
                for a in sorted(rows, key=lambda a: (a.from_date or date.min, a.id))
            ]

    # --- classes (the Classes tab) ----------------------------------------------------------

    def classes_of_year(self, year: int) -> list[classes.ClassSummary]:
        return classes.classes_for(self.db, year)

    def year_plan_notes(self, year: int) -> list[classes.PlanNoteView]:
        return classes.year_plan_check(self.db, year, self.lang)

    def class_roster(self, class_id: str) -> list[classes.EnrolmentRow]:
        return classes.class_enrolments(self.db, class_id)

    def class_candidates(self, kind: str, class_id: str) -> list[people.PersonRow]:
        """People at a stage that may be sent to a class of `kind`, not already in the class
        (withdrawn people may be nominated again). The service has the last word."""
        awareness = ("sympathiser", "trained", "dossier", "proposed")
        stages = ("probation",) if kind == "new_member" else awareness
        taken = {
            r.person_id
            for r in classes.class_enrolments(self.db, class_id)
            if r.status != "withdrawn"
        }
        out = [
            row
            for stage in stages
            for row in people.list_people(self.db, stage=stage, lang=self.lang)
            if row.id not in taken
        ]
        out.sort(key=lambda r: (r.sort_key, r.id))
        return out

    def class_flags(
        self,
    ) -> tuple[list[classes.CertificateWarning], list[classes.ClassMissing]]:
        today = self.today()
        return (
            classes.certificate_expiry_warnings(self.db, today),
            classes.new_member_class_missing(self.db, today),
        )


@dataclass(frozen=True)
class IntroducerChoice:
    assignment_id: str
    member_name: str
    from_date: date | None
    to_date: date | None
    member_left_on: date | None
