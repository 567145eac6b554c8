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

from dvdesk.reports import people_workbook
from dvdesk.services import candidates, overview, people, people_import, setup

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
