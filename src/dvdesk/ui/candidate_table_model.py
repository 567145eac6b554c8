"""The people in the admission pipeline, one row each (services.people.PersonRow)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from dvdesk.domain.dates import format_date
from dvdesk.domain.text import fold
from dvdesk.services.candidates import STUDENT_WORDS
from dvdesk.services.people import PersonRow
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.row_table_model import LAST, RowTableModel

COL_NAME = 0
COL_CODE = 1
COL_UNIT = 2
COL_STAGE = 3
COL_NEXT = 4
COL_DUE = 5
COL_DAYS = 6
COL_FINDINGS = 7

_DUE_COLUMNS = (COL_NEXT, COL_DUE, COL_DAYS)

# A date to know, not an act anyone can be late for (see services.deadlines).
INFORMATIONAL_KINDS = frozenset({"probation_end"})

OVERDUE_TEXT = QColor(0xA4, 0x00, 0x00)
OVERDUE_BACKGROUND = QColor(0xFD, 0xEC, 0xEA)
OVERDUE_ROW_TEXT = QColor(0x3B, 0x0A, 0x0A)


def is_overdue(row: PersonRow, today: date) -> bool:
    return (
        row.next_due is not None
        and row.next_due < today
        and row.next_due_kind not in INFORMATIONAL_KINDS
    )


def has_findings(row: PersonRow) -> bool:
    return bool(row.errors or row.warnings)


class CandidateTableModel(RowTableModel):
    CONTEXT = "CandidateTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("CandidateTableModel", "Full name"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Code"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Unit"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Stage"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Next step"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Due date"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Days left"),
        QT_TRANSLATE_NOOP("CandidateTableModel", "Rule findings"),
    )
    NATURAL_SORT = (COL_NAME, Qt.SortOrder.AscendingOrder)

    def __init__(
        self,
        today: date,
        stage_order: Sequence[str] = (),
        kind_labels: Mapping[str, str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self._stage_rank = {stage: i for i, stage in enumerate(stage_order)}
        self._kind_labels = dict(kind_labels or {})
        self._kind_rank = {kind: i for i, kind in enumerate(self._kind_labels)}
        self._icons: dict[str, QIcon] = {}
        self._folded_units: dict[str, str] = {}  # a few hundred units for 100,000 people
        self._students: dict[str, bool] = {}  # by occupation: few distinct ones

    # --- the whole list ---------------------------------------------------------------------

    def units(self) -> list[str]:
        """Every unit named by a loaded row, in folded alphabetical order."""
        names = {e.row.unit for e in self._all if e.row.unit}
        return sorted(names, key=lambda n: (fold(n), n))

    def is_student(self, row: PersonRow) -> bool:
        known = self._students.get(row.occupation)
        if known is None:
            folded = fold(row.occupation)
            known = self._students[row.occupation] = any(w in folded for w in STUDENT_WORDS)
        return known

    def find_row(self, person_id: str) -> int:
        """Where a person is among the rows shown, or -1."""
        for n, entry in enumerate(self._shown):
            if entry.row.id == person_id:
                return n
        return -1

    # --- per row ---------------------------------------------------------------------------

    def next_step_label(self, row: PersonRow) -> str:
        if not row.next_due_kind:
            return ""
        return self._kind_labels.get(row.next_due_kind, row.next_due_kind)

    def days_left(self, row: PersonRow) -> int | None:
        return None if row.next_due is None else (row.next_due - self.today).days

    def sort_keys(self, row: PersonRow) -> tuple[Any, ...]:
        name = (row.sort_key, row.id)
        days = self.days_left(row)
        due = row.next_due.toordinal() if row.next_due else LAST
        return (
            name,
            (row.code.casefold(), *name),
            (fold(row.unit), *name),
            (self._stage_rank.get(row.stage, len(self._stage_rank)), *name),
            (self._kind_rank.get(row.next_due_kind, LAST) if row.next_due_kind else LAST, *name),
            (due, *name),
            (LAST if days is None else days, *name),
            (-row.errors, -row.warnings, *name),
        )

    def search_text(self, row: PersonRow) -> str:
        found_by = row.search_text
        unit = self._folded_units.get(row.unit)
        if unit is None:
            unit = self._folded_units.setdefault(row.unit, fold(row.unit))
        return f"{found_by} {unit}"

    def display(self, row: PersonRow, column: int) -> str:
        if column == COL_NAME:
            return row.full_name
        if column == COL_CODE:
            return row.code
        if column == COL_UNIT:
            return row.unit
        if column == COL_STAGE:
            return row.stage_label
        if column == COL_NEXT:
            return self.next_step_label(row)
        if column == COL_DUE:
            return format_date(row.next_due)
        if column == COL_DAYS:
            return self.days_text(row)
        if column == COL_FINDINGS:
            return self.findings_text(row)
        return ""

    def days_text(self, row: PersonRow) -> str:
        days = self.days_left(row)
        if days is None:
            return ""
        if is_overdue(row, self.today):
            return self.overdue_text(-days)
        if days == 0:
            return self.tr("Due today")
        if days < 0:  # an informational date that has passed
            return self.tr("%n day(s) ago", "", -days)
        return self.tr("%n day(s)", "", days)

    def overdue_text(self, days: int) -> str:
        return self.tr("Overdue by %n day(s)", "", days)

    def findings_text(self, row: PersonRow) -> str:
        parts = []
        if row.errors:
            parts.append(self.tr("%n error(s)", "", row.errors))
        if row.warnings:
            parts.append(self.tr("%n warning(s)", "", row.warnings))
        return ", ".join(parts)

    def extra_data(self, row: PersonRow, column: int, role: int) -> Any:
        overdue = is_overdue(row, self.today)
        if role == Qt.ItemDataRole.DecorationRole:
            if column == COL_DAYS and overdue:
                return self._icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if column == COL_FINDINGS and row.errors:
                return self._icon(QStyle.StandardPixmap.SP_MessageBoxCritical)
            if column == COL_FINDINGS and row.warnings:
                return self._icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return None
        if not overdue:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(OVERDUE_TEXT if column in _DUE_COLUMNS else OVERDUE_ROW_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == COL_DAYS:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in _DUE_COLUMNS:
            return QCoreApplication.translate(
                "CandidateTableModel", "Overdue: “{step}” was due on {date}."
            ).format(step=self.next_step_label(row), date=format_date(row.next_due))
        return None

    def _icon(self, which: QStyle.StandardPixmap) -> QIcon | None:
        key = str(which)
        if key not in self._icons:
            app = QApplication.instance()
            if not isinstance(app, QApplication):
                return None
            self._icons[key] = app.style().standardIcon(which)
        return self._icons[key]
