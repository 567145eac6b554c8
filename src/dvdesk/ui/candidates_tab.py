"""Người vào Đảng: everyone in the admission pipeline, with their stage and next deadline.

The list loads page by page on a worker thread (the first rows show at once), searches as you
type ignoring diacritics, filters by stage, unit, overdue, Youth Union, student and rule
findings (remembered between runs), and sorts by any column (names the Vietnamese way). The
filters work on the light rows already loaded, in one pass, like the search. Beside the list
the person pane shows the selected person in full; under it the to-do panel lists what is
overdue or due this week, each line one click from its person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
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
    has_findings,
    is_overdue,
)
from dvdesk.ui.list_tab import ListTab
from dvdesk.ui.permissions import allows, offered
from dvdesk.ui.person_dialog import PersonDialog, current_actor
from dvdesk.ui.person_view import PersonView
from dvdesk.ui.pipeline_actions import PipelineActions
from dvdesk.ui.print_actions import PrintActions
from dvdesk.ui.secrecy_actions import SecrecyActions
from dvdesk.ui.settings import filter_key, read_bytes, read_str, splitter_key
from dvdesk.ui.todo_panel import WITHIN_DAYS, TodoPanel

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

SHOW_DELAY_MS = 80  # moving through the list with the arrows loads only where it stops


def _read_flag(settings: QSettings, key: str) -> bool:
    value = settings.value(key, False)
    return value is True or (isinstance(value, str) and value.lower() == "true")


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
        self._settings = settings
        self._restoring = True
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
        # Pipeline steps: right-click, the Menu key or Shift+F10 on a row opens them.
        self.pipeline = PipelineActions(backend, bus, parent=self)
        self.printing = PrintActions(backend, bus, parent=self)
        # The office rules dossiers secret; a chi bộ only sees the mark the ruling prints.
        info = backend.install_info()
        self.secrecy: SecrecyActions | None = (
            SecrecyActions(backend, bus, self, current_actor())
            if info is not None and info.role == "office"
            else None
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_actions_menu)
        self._build_panes(bus)
        self._restore_filters()
        self._restoring = False
        self.loaded.connect(self._fill_units)

    def _build_panes(self, bus: Bus) -> None:
        """The second filter row; the list and to-do panel on the left, the person on the
        right."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, self.flag_bar)
        layout.removeWidget(self.view)

        self.person_view = PersonView(
            self._backend.person_detail, bus, self, record_view=self._backend.record_view
        )
        self.todo = TodoPanel(lambda: self._backend.todo(WITHIN_DAYS), self)
        self.todo.person_requested.connect(self.select_person)

        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.setObjectName("candidates_left_splitter")
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(self.view)
        self.left.addWidget(self.todo)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("candidates_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.person_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        if self._settings is not None:
            for splitter, name in ((self.splitter, "main"), (self.left, "left")):
                state = read_bytes(self._settings, splitter_key(f"{self.table_name}_{name}"))
                if state is not None:
                    splitter.restoreState(state)

        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_DELAY_MS)
        self._show_timer.timeout.connect(self._show_current)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.setTabOrder(self.has_findings_filter, self.view)
        self.setTabOrder(self.view, self.todo.view)
        self.setTabOrder(self.todo.view, self.person_view.body)

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

        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("unit_filter")
        self.unit_filter.addItem(self.tr("All units"), None)
        self.unit_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_filter.setMinimumContentsLength(12)
        self.unit_filter.currentIndexChanged.connect(self._apply_unit)
        unit_label = QLabel(self.tr("&Unit:"), self)
        unit_label.setBuddy(self.unit_filter)
        self.flag_bar = QHBoxLayout()
        self.flag_bar.addWidget(unit_label)
        self.flag_bar.addWidget(self.unit_filter)
        self.flag_bar.addSpacing(12)
        self.overdue_filter = QCheckBox(self.tr("&Overdue"), self)
        self.overdue_filter.setToolTip(self.tr("Only people with a step past its due date"))
        self.youth_union_filter = QCheckBox(self.tr("&Youth Union member"), self)
        self.student_filter = QCheckBox(self.tr("Stud&ent"), self)
        self.student_filter.setToolTip(self.tr("Occupation mentions pupil or student"))
        self.has_findings_filter = QCheckBox(self.tr("Has rule findin&gs"), self)
        self.has_findings_filter.setToolTip(self.tr("At least one rule error or warning"))
        self._flags = {
            "overdue": self.overdue_filter,
            "youth_union": self.youth_union_filter,
            "student": self.student_filter,
            "has_findings": self.has_findings_filter,
        }
        for name, box in self._flags.items():
            box.setObjectName(f"{name}_filter")
            box.toggled.connect(lambda on, flag=name: self._apply_flag(flag, on))
            self.flag_bar.addWidget(box)
        self.flag_bar.addStretch(1)
        self.setTabOrder(self.search, self.stage_filter)
        self.setTabOrder(self.stage_filter, self.unit_filter)
        self.setTabOrder(self.unit_filter, self.overdue_filter)
        self.setTabOrder(self.overdue_filter, self.youth_union_filter)
        self.setTabOrder(self.youth_union_filter, self.student_filter)
        self.setTabOrder(self.student_filter, self.has_findings_filter)

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

    def reload(self) -> None:
        super().reload()
        if hasattr(self, "todo"):
            self.todo.reload()

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        for splitter, name in ((self.splitter, "main"), (self.left, "left")):
            settings.setValue(
                splitter_key(f"{self.table_name}_{name}"), QByteArray(splitter.saveState())
            )
        self._save_filters()

    def shutdown(self) -> None:
        super().shutdown()
        self.todo.shutdown()
        self.person_view.shutdown()

    # --- the person pane -------------------------------------------------------------------

    def select_person(self, person_id: str) -> bool:
        """Select a person in the list (clearing filters that hide them) and show their file.
        False if they are not in the list (yet); their file is shown all the same."""
        row = self.model.find_row(person_id)
        if row < 0 and self._any_filter():
            self.clear_filters()
            row = self.model.find_row(person_id)
        if row < 0:
            self.person_view.show_person(person_id)
            return False
        index = self.proxy.mapFromSource(self.model.index(row, COL_NAME))
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        self._show_current()
        return True

    def clear_filters(self) -> None:
        self.search.clear()
        self._apply_search()
        self.stage_filter.setCurrentIndex(0)
        self.unit_filter.setCurrentIndex(0)
        for box in self._flags.values():
            box.setChecked(False)

    def _any_filter(self) -> bool:
        return bool(
            self.search.text()
            or self.stage_filter.currentIndex() > 0
            or self.unit_filter.currentIndex() > 0
            or any(box.isChecked() for box in self._flags.values())
        )

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_timer.start()

    def _show_current(self) -> None:
        self._show_timer.stop()
        row = self.current_row()
        if row is None:
            return
        if row.id == self.person_view.person_id and (
            self.person_view.detail is not None or self.person_view.loading
        ):
            return  # already shown; the pane reloads itself on changes
        self.person_view.show_person(row.id, row.unit)

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

    def _show_actions_menu(self, pos: QPoint) -> None:
        row = self.current_row()
        if row is None:
            return
        menu = self.action_menu(row)
        if any(offered(a) for a in menu.actions() if not a.isSeparator()):
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def action_menu(self, row: PersonRow) -> QMenu:
        """The row's pipeline steps, then the forms to print for the selected people (several
        selected rows print as one batch)."""
        menu = self.pipeline.menu_for(row.id, row.stage, self)
        selected = [r.id for r in self.selected_rows()] or [row.id]
        menu.addSeparator()
        menu.addMenu(self.printing.menu_for(selected, menu))
        if self.secrecy is not None:
            menu.addAction(self.secrecy.action_for(row.id, menu))
        return menu

    def _can_edit(self) -> bool:
        return allows(self._backend, Permission.EDIT)

    def _on_row_activated(self, row: object) -> None:
        if isinstance(row, PersonRow) and self._can_edit():
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
        self._save_filters()

    def _apply_unit(self) -> None:
        unit = self.unit_filter.currentData()

        def in_unit(row: PersonRow) -> bool:
            return bool(row.unit == unit)

        self.proxy.set_predicate("unit", None if unit is None else in_unit)
        self._save_filters()

    def _apply_flag(self, flag: str, on: bool) -> None:
        model = self.model
        predicates = {
            "overdue": lambda row: is_overdue(row, model.today),
            "youth_union": lambda row: bool(row.youth_union_member),
            "student": model.is_student,
            "has_findings": has_findings,
        }
        self.proxy.set_predicate(flag, predicates[flag] if on else None)
        self._save_filters()

    def _fill_units(self, _total: int = 0) -> None:
        """The unit choices are the units of the people loaded; keep the current one."""
        current = self.unit_filter.currentData()
        units = self.model.units()
        if current is not None and current not in units:
            units.append(current)
        self.unit_filter.blockSignals(True)
        try:
            while self.unit_filter.count() > 1:
                self.unit_filter.removeItem(1)
            for unit in units:
                self.unit_filter.addItem(unit, unit)
            index = self.unit_filter.findData(current) if current is not None else 0
            self.unit_filter.setCurrentIndex(max(0, index))
        finally:
            self.unit_filter.blockSignals(False)

    def _save_filters(self) -> None:
        settings = self._settings
        if settings is None or self._restoring:
            return
        name = self.table_name
        settings.setValue(filter_key(name, "stage"), self.stage_filter.currentData() or "")
        settings.setValue(filter_key(name, "unit"), self.unit_filter.currentData() or "")
        for flag, box in self._flags.items():
            settings.setValue(filter_key(name, flag), box.isChecked())

    def _restore_filters(self) -> None:
        settings = self._settings
        if settings is None:
            return
        name = self.table_name
        stage = read_str(settings, filter_key(name, "stage"))
        if stage:
            self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(stage)))
        unit = read_str(settings, filter_key(name, "unit"))
        if unit:
            self.unit_filter.addItem(unit, unit)
            self.unit_filter.setCurrentIndex(self.unit_filter.count() - 1)
        for flag, box in self._flags.items():
            box.setChecked(_read_flag(settings, filter_key(name, flag)))

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
