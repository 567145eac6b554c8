"""Người vào Đảng: everyone in the admission pipeline, with their stage and next deadline.

The list loads page by page on a worker thread (the first rows show at once), searches as you
type ignoring diacritics, filters by stage, and sorts by any column (names the Vietnamese way).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QStyle, QWidget

from dvdesk.services.people import PersonRow
from dvdesk.ui import bus as changes
from dvdesk.ui.candidate_table_model import (
    COL_CODE,
    COL_DAYS,
    COL_DUE,
    COL_FINDINGS,
    COL_NAME,
    COL_NEXT,
    COL_STAGE,
    COL_UNIT,
    CandidateTableModel,
)
from dvdesk.ui.list_tab import ListTab
from dvdesk.ui.person_dialog import PersonDialog

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

# Default column widths in average character widths.
_WIDTHS = {
    COL_NAME: 22,
    COL_CODE: 13,
    COL_UNIT: 20,
    COL_STAGE: 24,
    COL_NEXT: 22,
    COL_DUE: 11,
    COL_DAYS: 20,
    COL_FINDINGS: 14,
}


class CandidatesTab(ListTab):
    TABLE_NAME = "candidates"

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._backend = backend
        self._bus = bus
        self._stages = backend.stage_choices()
        model = CandidateTableModel(
            backend.today(), [s.value for s in self._stages], backend.deadline_kind_labels()
        )
        super().__init__(
            self.TABLE_NAME,
            model,
            backend.people_page,
            (changes.PEOPLE, changes.ALL),
            bus,
            settings,
            _WIDTHS,
            parent,
        )
        self.model: CandidateTableModel = model
        self.search.setPlaceholderText(self.tr("Name, code or unit; accents optional"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.search_label.setText(self.tr("&Search:"))
        self.view.setAccessibleName(self.tr("People in the admission pipeline"))
        self._fit_days_column()
        self.row_activated.connect(self._on_row_activated)

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.stage_filter = QComboBox(self)
        self.stage_filter.setObjectName("stage_filter")
        self.stage_filter.addItem(self.tr("All stages"), None)
        for choice in self._stages:
            self.stage_filter.addItem(choice.label, choice.value)
        self.stage_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.stage_filter.currentIndexChanged.connect(self._apply_stage)
        label = QLabel(self.tr("S&tage:"), self)
        label.setBuddy(self.stage_filter)
        bar.addSpacing(12)
        bar.addWidget(label)
        bar.addWidget(self.stage_filter, 1)
        self.setTabOrder(self.search, self.stage_filter)

    def count_text(self, shown: int, total: int) -> str:
        if self._failed or (self.loading and total == 0):
            return super().count_text(shown, total)
        if self.loading:
            return self.tr("Loading… %n person(s) so far", "", total)
        if shown == total:
            return self.tr("%n person(s)", "", total)
        return self.tr("Showing {shown} of %n person(s)", "", total).format(shown=shown)

    def before_load(self) -> None:
        self.model.today = self._backend.today()

    def selected_rows(self) -> list[PersonRow]:
        return [r for r in super().selected_rows() if isinstance(r, PersonRow)]

    def current_row(self) -> PersonRow | None:
        row = super().current_row()
        return row if isinstance(row, PersonRow) else None

    # --- adding and editing people -----------------------------------------------------------

    def add_person(self) -> str | None:
        """Ctrl+N: the person dialog for someone new; their id once saved, else None."""
        return self._run_person_dialog(None)

    def edit_person(self, person_id: str) -> str | None:
        """Enter or double click on a row: the person dialog on that person."""
        return self._run_person_dialog(person_id)

    def _on_row_activated(self, row: object) -> None:
        if isinstance(row, PersonRow):
            self.edit_person(row.id)

    def person_dialog(self, person_id: str | None) -> PersonDialog:
        return PersonDialog(self._backend, person_id, self)

    def _run_person_dialog(self, person_id: str | None) -> str | None:
        dialog = self.person_dialog(person_id)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_id is None:
                return None
            saved = dialog.saved_id
        finally:
            dialog.deleteLater()
        self._bus.announce(changes.PEOPLE)
        return saved

    def _apply_stage(self) -> None:
        stage = self.stage_filter.currentData()

        def at_stage(row: PersonRow) -> bool:
            return bool(row.stage == stage)

        self.proxy.set_predicate("stage", None if stage is None else at_stage)

    def _fit_days_column(self) -> None:
        """Wide enough for the longest overdue mark (bold text after an icon) in this language."""
        font = self.view.font()
        font.setBold(True)
        sample = self.model.overdue_text(888)
        icon = self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        needed = QFontMetrics(font).horizontalAdvance(sample) + icon + 24
        header = self.view.horizontalHeader()
        if header.sectionSize(COL_DAYS) < needed:
            header.resizeSection(COL_DAYS, needed)
