"""Đảng viên: the unit's Party members, who introduce and help candidates. Read-only for now;
assignments and editing come with their own issue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from dvdesk.domain.dates import format_date
from dvdesk.domain.text import fold, name_sort_key
from dvdesk.services.overview import MemberRow
from dvdesk.ui import bus as changes
from dvdesk.ui.list_tab import ListTab
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.row_table_model import LAST, RowTableModel

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

COL_NAME = 0
COL_UNIT = 1
COL_STATUS = 2
COL_ADMITTED = 3
COL_OFFICIAL = 4
COL_CARD = 5
COL_JOINED = 6

STATUS_LABELS = {
    "official": QT_TRANSLATE_NOOP("MemberTableModel", "Official"),
    "probationary": QT_TRANSLATE_NOOP("MemberTableModel", "Probationary"),
}
STATUS_ORDER = ("official", "probationary")


def _day(value: Any) -> int:
    return value.toordinal() if value else LAST


class MemberTableModel(RowTableModel):
    CONTEXT = "MemberTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("MemberTableModel", "Full name"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Unit"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Status"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Admitted on"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Official since"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Card number"),
        QT_TRANSLATE_NOOP("MemberTableModel", "In this cell since"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._folded_units: dict[str, str] = {}

    def status_text(self, row: MemberRow) -> str:
        if row.left_on is not None:
            return QCoreApplication.translate("MemberTableModel", "Left on {date}").format(
                date=format_date(row.left_on)
            )
        label = STATUS_LABELS.get(row.status)
        return QCoreApplication.translate(self.CONTEXT, label) if label else row.status

    def display(self, row: MemberRow, column: int) -> str:
        if column == COL_NAME:
            return row.full_name
        if column == COL_UNIT:
            return row.unit
        if column == COL_STATUS:
            return self.status_text(row)
        if column == COL_ADMITTED:
            return format_date(row.admission_decision_date)
        if column == COL_OFFICIAL:
            return format_date(row.official_date)
        if column == COL_CARD:
            return row.card_number
        if column == COL_JOINED:
            return format_date(row.joined_cell_on)
        return ""

    def sort_keys(self, row: MemberRow) -> tuple[Any, ...]:
        name = (row.sort_key or name_sort_key(row.full_name), row.id)
        status = STATUS_ORDER.index(row.status) if row.status in STATUS_ORDER else len(STATUS_ORDER)
        return (
            name,
            (fold(row.unit), *name),
            (1 if row.left_on else 0, status, *name),
            (_day(row.admission_decision_date), *name),
            (_day(row.official_date), *name),
            (row.card_number or "\uffff", *name),
            (_day(row.joined_cell_on), *name),
        )

    def search_text(self, row: MemberRow) -> str:
        found_by = row.search_text or fold(f"{row.full_name} {row.code}")
        return f"{found_by} {row.card_number} {self._fold_unit(row.unit)}"

    def _fold_unit(self, unit: str) -> str:
        folded = self._folded_units.get(unit)
        if folded is None:
            folded = self._folded_units.setdefault(unit, fold(unit))
        return folded

    def extra_data(self, row: MemberRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.left_on is not None:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None


class MentorsTab(ListTab):
    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "mentors",
            MemberTableModel(),
            backend.members_page,
            (changes.MEMBERS, changes.ALL),
            bus,
            settings,
            {
                COL_NAME: 24,
                COL_UNIT: 24,
                COL_STATUS: 16,
                COL_ADMITTED: 12,
                COL_OFFICIAL: 12,
                COL_CARD: 12,
                COL_JOINED: 12,
            },
            parent,
        )
        self.view.setAccessibleName(self.tr("Party members of the unit"))

    def count_text(self, shown: int, total: int) -> str:
        if self._failed or (self.loading and total == 0):
            return super().count_text(shown, total)
        if self.loading:
            return self.tr("Loading… %n member(s) so far", "", total)
        if shown == total:
            return self.tr("%n member(s)", "", total)
        return self.tr("Showing {shown} of %n member(s)", "", total).format(shown=shown)
