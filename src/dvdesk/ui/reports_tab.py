"""Báo cáo: the situation at a glance — how many people at each stage, what is overdue and
what falls due this month. The printed half-year and year reports come with their own issue."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dates import format_date
from dvdesk.domain.text import fold
from dvdesk.services.overview import StageCount, Summary
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.row_table_model import RowTableModel
from dvdesk.ui.views import restore_header, save_header, setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

COL_STAGE = 0
OVERDUE_COLOUR = "#a40000"
COL_COUNT = 1


class StageCountModel(RowTableModel):
    CONTEXT = "StageCountModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("StageCountModel", "Stage"),
        QT_TRANSLATE_NOOP("StageCountModel", "People"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rank: dict[str, int] = {}

    def set_rows(self, rows: Iterable[Any]) -> None:
        rows = list(rows)
        self._rank = {r.stage: i for i, r in enumerate(rows)}  # the service's pipeline order
        super().set_rows(rows)

    def display(self, row: StageCount, column: int) -> str:
        return row.label if column == COL_STAGE else str(row.count)

    def sort_keys(self, row: StageCount) -> tuple[Any, ...]:
        rank = self._rank.get(row.stage, len(self._rank))
        return ((rank,), (row.count, rank))

    def search_text(self, row: StageCount) -> str:
        return fold(row.label)

    def extra_data(self, row: StageCount, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportsTab(QWidget):
    TABLE_NAME = "stage_counts"

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports_tab")
        self._backend = backend
        self.summary: Summary | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

        self.people_value = QLabel(self)
        self.people_value.setObjectName("people_value")
        self.overdue_icon = QLabel(self)
        self.overdue_value = QLabel(self)
        self.overdue_value.setObjectName("overdue_value")
        self.due_value = QLabel(self)
        self.due_value.setObjectName("due_value")
        self.due_label = QLabel(self)
        for value in (self.people_value, self.overdue_value, self.due_value):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        overdue_row = QHBoxLayout()
        overdue_row.setContentsMargins(0, 0, 0, 0)
        overdue_row.addWidget(self.overdue_icon)
        overdue_row.addWidget(self.overdue_value, 1)
        form = QFormLayout()
        form.addRow(self.tr("People in the list:"), self.people_value)
        form.addRow(self.tr("Overdue:"), overdue_row)
        form.addRow(self.due_label, self.due_value)

        self.model = StageCountModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("stage_counts_table")
        self.view.setAccessibleName(self.tr("People at each stage"))
        self.view.setModel(self.model)
        # Not sortable: the pipeline order is the point of this table.
        setup_table_view(self.view, {COL_STAGE: 44, COL_COUNT: 10}, sortable=False)
        header = self.view.horizontalHeader()
        self.view.setMaximumWidth(
            header.sectionSize(COL_STAGE) + header.sectionSize(COL_COUNT) + 40
        )
        restore_header(self.view, settings, self.TABLE_NAME)
        stages_label = QLabel(self.tr("People at each stage"), self)
        stages_label.setBuddy(self.view)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(stages_label)
        layout.addWidget(self.view)
        layout.addStretch(1)
        bus.changed.connect(self.reload)
        self.reload()

    def reload(self, *_: Any) -> None:
        summary = self._backend.summary()
        self.summary = summary
        self.heading.setText(self.tr("Situation on {date}").format(date=format_date(summary.on)))
        self.people_value.setText(self.tr("%n person(s)", "", summary.people))
        if summary.overdue:
            text = self.tr("%n overdue step(s)", "", summary.overdue)
            text += " " + self.tr("(%n person(s))", "", summary.overdue_people)
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            size = self.fontMetrics().height()
            self.overdue_icon.setPixmap(icon.pixmap(size, size))
            self.overdue_icon.setVisible(True)
            self.overdue_value.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            text = self.tr("Nothing overdue")
            self.overdue_icon.setVisible(False)
            self.overdue_value.setStyleSheet("")
        self.overdue_value.setText(text)
        self.due_label.setText(
            self.tr("Due from today to {date}:").format(date=format_date(summary.month_end))
        )
        self.due_value.setText(self.tr("%n step(s)", "", summary.due_this_month))
        self.model.set_rows(summary.stages)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as its rows: the table is short and fixed, so it never needs to scroll."""
        rows = self.model.rowCount()
        height = self.view.horizontalHeader().sizeHint().height()
        height += rows * self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(height + 2 * self.view.frameWidth() + 2)

    def save_state(self, settings: QSettings) -> None:
        save_header(self.view, settings, self.TABLE_NAME)

    def shutdown(self) -> None:
        pass
