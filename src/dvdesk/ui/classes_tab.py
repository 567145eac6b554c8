"""Lớp học: the awareness classes and the new-member classes. Read-only for now; planning,
nominations and results come with their own issue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QWidget

from dvdesk.domain.dates import format_date
from dvdesk.domain.text import fold
from dvdesk.services.overview import ClassRow
from dvdesk.ui import bus as changes
from dvdesk.ui.list_tab import ListTab
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.row_table_model import LAST, RowTableModel

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

COL_KIND = 0
COL_NAME = 1
COL_ORGANISER = 2
COL_START = 3
COL_END = 4
COL_CERTIFICATES = 5

KIND_LABELS = {
    "awareness": QT_TRANSLATE_NOOP("ClassTableModel", "Party awareness"),
    "new_member": QT_TRANSLATE_NOOP("ClassTableModel", "New-member political theory"),
}
KIND_ORDER = ("awareness", "new_member")


def _day(value: Any) -> int:
    return value.toordinal() if value else LAST


class ClassTableModel(RowTableModel):
    CONTEXT = "ClassTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ClassTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Class"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Organiser"),
        QT_TRANSLATE_NOOP("ClassTableModel", "From"),
        QT_TRANSLATE_NOOP("ClassTableModel", "To"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Certificates"),
    )
    # Newest first, as the service returns them.
    NATURAL_SORT = (COL_START, Qt.SortOrder.DescendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # Translated here, on the GUI thread; `search_text` runs on the loading thread.
        self._folded_kinds = {
            kind: fold(QCoreApplication.translate(self.CONTEXT, label))
            for kind, label in KIND_LABELS.items()
        }

    def kind_text(self, row: ClassRow) -> str:
        label = KIND_LABELS.get(row.kind)
        return QCoreApplication.translate(self.CONTEXT, label) if label else row.kind

    def display(self, row: ClassRow, column: int) -> str:
        if column == COL_KIND:
            return self.kind_text(row)
        if column == COL_NAME:
            return row.name
        if column == COL_ORGANISER:
            return row.organiser
        if column == COL_START:
            return format_date(row.start_date)
        if column == COL_END:
            return format_date(row.end_date)
        if column == COL_CERTIFICATES:
            return str(row.certificates)
        return ""

    def sort_keys(self, row: ClassRow) -> tuple[Any, ...]:
        name = (fold(row.name), row.id)
        kind = KIND_ORDER.index(row.kind) if row.kind in KIND_ORDER else len(KIND_ORDER)
        return (
            (kind, *name),
            name,
            (fold(row.organiser), *name),
            (_day(row.start_date), *name),
            (_day(row.end_date), *name),
            (row.certificates, *name),
        )

    def search_text(self, row: ClassRow) -> str:
        kind = self._folded_kinds.get(row.kind, "")
        return f"{fold(row.name)} {fold(row.organiser)} {kind}"

    def extra_data(self, row: ClassRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CERTIFICATES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ClassesTab(ListTab):
    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "classes",
            ClassTableModel(),
            backend.classes_page,
            (changes.CLASSES, changes.ALL),
            bus,
            settings,
            {
                COL_KIND: 34,
                COL_NAME: 40,
                COL_ORGANISER: 28,
                COL_START: 12,
                COL_END: 12,
                COL_CERTIFICATES: 10,
            },
            parent,
            stretch_last=False,
        )
        self.view.setAccessibleName(self.tr("Classes"))

    def count_text(self, shown: int, total: int) -> str:
        if self._failed or (self.loading and total == 0):
            return super().count_text(shown, total)
        if self.loading:
            return self.tr("Loading… %n class(es) so far", "", total)
        if shown == total:
            return self.tr("%n class(es)", "", total)
        return self.tr("Showing {shown} of %n class(es)", "", total).format(shown=shown)
