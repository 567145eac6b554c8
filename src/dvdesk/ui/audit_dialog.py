"""The audit log, read: who viewed a dossier, who printed or exported personal data, and every
change with its before and after (services.audit).

Filters (dates, who, action, free text and, for the office, the units below) are applied in
SQL; the list loads a page at a time on the thread pool, newest first, and the next page when
the list is scrolled to its end, so a log of a million entries opens at once. The pane under
the list shows the selected entry in full, field by field. "Export…" writes what the filters
keep to an .xlsx workbook (on the thread pool, stoppable), and the export is itself logged.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import parse_date
from dvdesk.domain.text import fold
from dvdesk.files import FileWriteError
from dvdesk.services import audit
from dvdesk.services.errors import UserError
from dvdesk.ui.exchange_dialogs import field_name
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import ErrorLabel, current_actor
from dvdesk.ui.person_view import DetailBrowser, RunningTasks, Task
from dvdesk.ui.row_table_model import RowFilterProxy, RowTableModel
from dvdesk.ui.views import setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

CONTEXT = "AuditDialog"
TIME_FORMAT = "%d/%m/%Y %H:%M:%S"  # the entry in full
SHORT_TIME_FORMAT = "%d/%m/%Y %H:%M"  # the list

# The actions in words (the exported workbook says the same: reports.audit_workbook).
ACTION_LABELS: dict[str, str] = {
    "view": QT_TRANSLATE_NOOP("AuditDialog", "Viewed dossier"),
    "print": QT_TRANSLATE_NOOP("AuditDialog", "Printed"),
    "export": QT_TRANSLATE_NOOP("AuditDialog", "Exported"),
    "create": QT_TRANSLATE_NOOP("AuditDialog", "Added"),
    "update": QT_TRANSLATE_NOOP("AuditDialog", "Changed"),
    "delete": QT_TRANSLATE_NOOP("AuditDialog", "Deleted"),
    "add_event": QT_TRANSLATE_NOOP("AuditDialog", "Recorded an event"),
    "add_certificate": QT_TRANSLATE_NOOP("AuditDialog", "Recorded a certificate"),
    "assign": QT_TRANSLATE_NOOP("AuditDialog", "Assigned"),
    "end": QT_TRANSLATE_NOOP("AuditDialog", "Ended an assignment"),
    "reopen": QT_TRANSLATE_NOOP("AuditDialog", "Reopened an assignment"),
    "undo": QT_TRANSLATE_NOOP("AuditDialog", "Undid a step"),
    "nominate": QT_TRANSLATE_NOOP("AuditDialog", "Nominated for a class"),
    "enrol": QT_TRANSLATE_NOOP("AuditDialog", "Enrolled in a class"),
    "withdraw": QT_TRANSLATE_NOOP("AuditDialog", "Withdrew from a class"),
    "record_result": QT_TRANSLATE_NOOP("AuditDialog", "Recorded a class result"),
    "link_certificate": QT_TRANSLATE_NOOP("AuditDialog", "Linked a certificate"),
    "mark_left": QT_TRANSLATE_NOOP("AuditDialog", "Marked as left"),
    "issue_number": QT_TRANSLATE_NOOP("AuditDialog", "Issued a document number"),
    "void": QT_TRANSLATE_NOOP("AuditDialog", "Voided a document"),
    "purge": QT_TRANSLATE_NOOP("AuditDialog", "Erased personal data"),
    "restore": QT_TRANSLATE_NOOP("AuditDialog", "Restored a backup"),
    "settings": QT_TRANSLATE_NOOP("AuditDialog", "Changed settings"),
    "print_settings": QT_TRANSLATE_NOOP("AuditDialog", "Changed print settings"),
    "print_info": QT_TRANSLATE_NOOP("AuditDialog", "Changed print details"),
    "calendar_override": QT_TRANSLATE_NOOP("AuditDialog", "Changed the working-day calendar"),
    "init": QT_TRANSLATE_NOOP("AuditDialog", "Set up the unit"),
    "demo": QT_TRANSLATE_NOOP("AuditDialog", "Made demo data"),
    "init_keys": QT_TRANSLATE_NOOP("AuditDialog", "Made the keys"),
    "rotate_keys": QT_TRANSLATE_NOOP("AuditDialog", "Replaced the keys"),
    "pin_key": QT_TRANSLATE_NOOP("AuditDialog", "Took in a unit's key"),
    "confirm_key": QT_TRANSLATE_NOOP("AuditDialog", "Confirmed a key"),
    "export_bundle": QT_TRANSLATE_NOOP("AuditDialog", "Wrote an exchange file"),
    "import_bundle": QT_TRANSLATE_NOOP("AuditDialog", "Took in an exchange file"),
    "resolve_conflict": QT_TRANSLATE_NOOP("AuditDialog", "Resolved a conflict"),
    "return_for_correction": QT_TRANSLATE_NOOP("AuditDialog", "Returned for correction"),
    "resolve_correction": QT_TRANSLATE_NOOP("AuditDialog", "Corrected as asked"),
    "account_add": QT_TRANSLATE_NOOP("AuditDialog", "Added an account"),
    "account_change": QT_TRANSLATE_NOOP("AuditDialog", "Changed an account"),
    "classify": QT_TRANSLATE_NOOP("AuditDialog", "Classified a dossier secret"),
    "consent": QT_TRANSLATE_NOOP("AuditDialog", "Recorded consent"),
    "declassify": QT_TRANSLATE_NOOP("AuditDialog", "Lifted the secret classification"),
    "password_change": QT_TRANSLATE_NOOP("AuditDialog", "Changed own password"),
    "password_reset": QT_TRANSLATE_NOOP("AuditDialog", "Reset a password"),
    "recovery": QT_TRANSLATE_NOOP("AuditDialog", "Opened with the recovery key"),
    "recovery_key_renewed": QT_TRANSLATE_NOOP("AuditDialog", "Made a new recovery key"),
    "setting": QT_TRANSLATE_NOOP("AuditDialog", "Changed a setting"),
    "sign_in": QT_TRANSLATE_NOOP("AuditDialog", "Signed in"),
    "sign_update": QT_TRANSLATE_NOOP("AuditDialog", "Signed an update installer"),
    "verify_update": QT_TRANSLATE_NOOP("AuditDialog", "Checked an update installer"),
    "withdraw_consent": QT_TRANSLATE_NOOP("AuditDialog", "Withdrew consent"),
}

# What an entry is about, in words.
ENTITY_LABELS: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("AuditDialog", "Person"),
    "event": QT_TRANSLATE_NOOP("AuditDialog", "Event"),
    "assignment": QT_TRANSLATE_NOOP("AuditDialog", "Assignment"),
    "certificate": QT_TRANSLATE_NOOP("AuditDialog", "Certificate"),
    "class": QT_TRANSLATE_NOOP("AuditDialog", "Class"),
    "enrolment": QT_TRANSLATE_NOOP("AuditDialog", "Class member"),
    "document": QT_TRANSLATE_NOOP("AuditDialog", "Document"),
    "member": QT_TRANSLATE_NOOP("AuditDialog", "Party member"),
    "helper_note": QT_TRANSLATE_NOOP("AuditDialog", "Helper's note"),
    "unit": QT_TRANSLATE_NOOP("AuditDialog", "Unit"),
    "year_plan": QT_TRANSLATE_NOOP("AuditDialog", "Year plan"),
    "calendar": QT_TRANSLATE_NOOP("AuditDialog", "Working-day calendar"),
    "setting": QT_TRANSLATE_NOOP("AuditDialog", "Settings"),
    "settings": QT_TRANSLATE_NOOP("AuditDialog", "Settings"),
    "database": QT_TRANSLATE_NOOP("AuditDialog", "Database"),
    "report": QT_TRANSLATE_NOOP("AuditDialog", "Report"),
    "procedure_check": QT_TRANSLATE_NOOP("AuditDialog", "Procedure check"),
    "audit_log": QT_TRANSLATE_NOOP("AuditDialog", "Audit log"),
    "account": QT_TRANSLATE_NOOP("AuditDialog", "Account"),
    "consent": QT_TRANSLATE_NOOP("AuditDialog", "Consent"),
    "update": QT_TRANSLATE_NOOP("AuditDialog", "Update installer"),
}


def action_text(action: str, lang: str) -> str:
    """An action code in the window's language; an unknown code as it is stored."""
    step = audit.step_label(action, lang)
    if step:
        return QCoreApplication.translate("AuditDialog", "Step: {step}").format(step=step)
    label = ACTION_LABELS.get(action)
    return QCoreApplication.translate(CONTEXT, label) if label else action


def entity_text(entity: str) -> str:
    label = ENTITY_LABELS.get(entity)
    return QCoreApplication.translate(CONTEXT, label) if label else entity


def time_text(row: audit.AuditRow, fmt: str = TIME_FORMAT) -> str:
    return audit.local_time(row.at).strftime(fmt)


class AuditModel(RowTableModel):
    CONTEXT = "AuditModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("AuditModel", "Time"),
        QT_TRANSLATE_NOOP("AuditModel", "Unit"),
        QT_TRANSLATE_NOOP("AuditModel", "Who"),
        QT_TRANSLATE_NOOP("AuditModel", "Action"),
        QT_TRANSLATE_NOOP("AuditModel", "What"),
        QT_TRANSLATE_NOOP("AuditModel", "Person"),
        QT_TRANSLATE_NOOP("AuditModel", "Change"),
    )
    COL_TIME, COL_UNIT, COL_WHO, COL_ACTION, COL_WHAT, COL_PERSON, COL_CHANGE = range(7)
    NATURAL_SORT = (0, Qt.SortOrder.DescendingOrder)  # as the service sends them

    def __init__(self, parent: Any = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang

    def display(self, row: audit.AuditRow, column: int) -> str:
        if column == self.COL_TIME:
            return time_text(row, SHORT_TIME_FORMAT)
        if column == self.COL_UNIT:
            return row.unit_code
        if column == self.COL_WHO:
            return row.actor
        if column == self.COL_ACTION:
            return action_text(row.action, self.lang)
        if column == self.COL_WHAT:
            return entity_text(row.entity)
        if column == self.COL_PERSON:
            return row.subject
        return audit.change_summary(row)

    def extra_data(self, row: audit.AuditRow, column: int, role: int) -> Any:
        if column == self.COL_WHO and role == Qt.ItemDataRole.ToolTipRole and row.desk:
            # Several desks may share the office's database: where it was done, on hover.
            return QCoreApplication.translate(
                "AuditDialog", "{account}, at the computer {desk}"
            ).format(account=row.actor, desk=row.desk)
        return None

    def sort_keys(self, row: audit.AuditRow) -> tuple[Any, ...]:
        # Rows keep the service's order (newest first); the keys only satisfy the base class.
        return ((row.at, row.entry_id), row.unit_code, row.actor, row.action, row.entity, "", "")

    def search_text(self, row: audit.AuditRow) -> str:
        return fold(f"{row.actor} {row.action} {row.subject}")


class _Progress(QObject):
    written = Signal(int)


class AuditDialog(QDialog):
    """The audit log. `ask_save_path(suggested_name)` chooses the export's file (a file dialog
    by default; tests pass their own); `page_size` entries are read at a time."""

    loaded = Signal()  # a page (or the filter choices) arrived
    exported = Signal(object)  # the workbook's path

    def __init__(
        self,
        backend: Backend,
        parent: QWidget | None = None,
        *,
        ask_save_path: Callable[[str], Path | None] | None = None,
        page_size: int = audit.PAGE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._ask_save_path = ask_save_path or self._file_dialog
        self._page = max(1, page_size)
        self._generations = {"list": 0, "choices": 0}  # the newest request of each kind
        self._tasks = RunningTasks()
        self._more = False  # the last page was full: there may be more
        self.loading = False
        self.exporting = False
        self._stop_export = threading.Event()
        info = backend.install_info()
        self.is_office = info is not None and info.role == "office"

        # --- filters -----------------------------------------------------------------------
        self.since = self._date_field("since")
        self.until = self._date_field("until")
        self.actor = QComboBox(self)
        self.actor.setObjectName("actor")
        self.action = QComboBox(self)
        self.action.setObjectName("action")
        for combo, chars in ((self.actor, 7), (self.action, 11)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)
        self.text = QLineEdit(self)
        self.text.setObjectName("text")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("name, code, user, value…"))
        self.text.setToolTip(
            self.tr(
                "Finds the words in the person's name, code or CCCD, the user, the record's id, "
                "the reason and the values before and after"
            )
        )
        self.units_switch = QCheckBox(self.tr("From the &units below"), self)
        self.units_switch.setObjectName("units_switch")
        self.units_switch.setToolTip(self.tr("The audit entries the units below have sent up"))
        self.unit = QComboBox(self)
        self.unit.setObjectName("unit")
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit.setMinimumContentsLength(9)
        self.unit.setEnabled(False)

        first = QHBoxLayout()
        first.addWidget(self._label(self.tr("&From:"), self.since))
        first.addWidget(self.since)
        first.addWidget(self._label(self.tr("&To:"), self.until))
        first.addWidget(self.until)
        first.addSpacing(8)
        first.addWidget(self._label(self.tr("&Who:"), self.actor))
        first.addWidget(self.actor, 1)
        first.addWidget(self._label(self.tr("&Action:"), self.action))
        first.addWidget(self.action, 2)
        second = QHBoxLayout()
        second.addWidget(self._label(self.tr("&Search:"), self.text))
        second.addWidget(self.text, 1)
        self.unit_label = self._label(self.tr("U&nit:"), self.unit)
        if self.is_office:
            second.addSpacing(8)
            second.addWidget(self.units_switch)
            second.addWidget(self.unit_label)
            second.addWidget(self.unit)
        else:
            for widget in (self.units_switch, self.unit_label, self.unit):
                widget.setVisible(False)
        self.filter_error = ErrorLabel(self)
        self.filter_error.setObjectName("filter_error")

        # --- the list and the entry ---------------------------------------------------------
        self.model = AuditModel(self, backend.lang)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("entries")
        self.view.setModel(self.proxy)
        setup_table_view(self.view, {}, sortable=False)
        self._fit_columns()
        self.view.setColumnHidden(AuditModel.COL_UNIT, True)
        self.view.setAccessibleName(self.tr("Audit entries"))
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.detail = DetailBrowser(self)
        self.detail.setObjectName("detail")
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName(self.tr("The selected entry"))
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # --- the bottom line ----------------------------------------------------------------
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.more_button = QPushButton(self.tr("Load &more"), self)
        self.more_button.setObjectName("more_button")
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setToolTip(
            self.tr("Write every entry the filters keep to an Excel workbook")
        )
        self.export_button.clicked.connect(self.export)
        offer_only_if(backend, Permission.EXPORT, self.export_button)
        self.stop_button = QPushButton(self.tr("St&op"), self)
        self.stop_button.setObjectName("stop_export_button")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._stop_export.set)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close_button")
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel(self)
        self.error.setObjectName("error")
        for button in (self.more_button, self.export_button, self.stop_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the search field filters, nothing else
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.more_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.stop_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.filter_error)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        self._progress = _Progress(self)
        self._progress.written.connect(self._on_progress)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(350)
        self._typing.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(lambda _text: self._typing.start())
        self.text.returnPressed.connect(self.apply_filters)
        for field in (self.since, self.until):
            field.editingFinished.connect(self.apply_filters)
        self.actor.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.action.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.unit.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.units_switch.toggled.connect(self._on_source_changed)

        self._applied: dict[str, Any] | None = None
        self._fill(self.actor, self.tr("Everyone"), [])
        self._fill(self.action, self.tr("Every action"), [])
        self._fill(self.unit, self.tr("Every unit"), [])
        self._show_detail(None)
        self.resize(780, 560)
        self._load_choices()
        self.apply_filters()

    # --- building ------------------------------------------------------------------------------

    def _date_field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setPlaceholderText(self.tr("dd/mm/yyyy"))
        field.setClearButtonEnabled(True)
        metrics = field.fontMetrics()
        width = metrics.horizontalAdvance("00/00/00000") + metrics.height() + 8
        field.setMaximumWidth(width)
        field.setMinimumWidth(width)
        return field

    def _fit_columns(self) -> None:
        """Time as wide as a time, the others a share of an 800-pixel screen; the change
        takes the rest. Cut text shows whole in the tooltip and in the pane below."""
        metrics = self.view.fontMetrics()
        pad = metrics.height()
        header = self.view.horizontalHeader()
        header.resizeSection(
            AuditModel.COL_TIME, metrics.horizontalAdvance("00/00/0000 00:00") + pad
        )
        char = max(1, metrics.averageCharWidth())
        for column, chars in (
            (AuditModel.COL_UNIT, 6),
            (AuditModel.COL_WHO, 9),
            (AuditModel.COL_ACTION, 19),
            (AuditModel.COL_WHAT, 8),
            (AuditModel.COL_PERSON, 19),
        ):
            header.resizeSection(column, chars * char + pad)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _file_dialog(self, suggested: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit log"),
            str(Path(folder or Path.home()) / suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        return Path(chosen) if chosen else None

    # --- filters -------------------------------------------------------------------------------

    @property
    def source(self) -> str:
        return audit.UNITS if self.is_office and self.units_switch.isChecked() else audit.OWN

    def filters(self) -> dict[str, Any] | None:
        """The filters as the service takes them, or None (and a message) for a bad date."""
        self.filter_error.show_message("")
        days: dict[str, date | None] = {}
        for key, field in (("since", self.since), ("until", self.until)):
            text = field.text().strip()
            if not text:
                days[key] = None
                continue
            try:
                days[key] = parse_date(text)
            except ValueError:
                self.filter_error.show_message(
                    self.tr("«{text}» is not a date: write dd/mm/yyyy, e.g. 05/03/2026.").format(
                        text=text
                    )
                )
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return None
        since, until = days["since"], days["until"]
        if since is not None and until is not None and until < since:
            self.filter_error.show_message(self.tr("The end date is before the start date."))
            self.until.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        source = self.source
        return {
            "since": since,
            "until": until,
            "actor": self.actor.currentData() or None,
            "action": self.action.currentData() or None,
            "text": self.text.text().strip() or None,
            "source": source,
            "unit": (self.unit.currentData() or None) if source == audit.UNITS else None,
        }

    def apply_filters(self) -> None:
        """Read the list again from its first page, with the filters as they are now."""
        self._typing.stop()
        filters = self.filters()
        if filters is None:
            return
        if filters == self._applied and (self.loading or self.model.total()):
            return
        self._applied = filters
        self._generations["list"] += 1
        self.model.clear()
        self._show_detail(None)
        self._more = False
        self._fetch(0)

    def load_more(self) -> None:
        """The next page of the same filters."""
        if self.loading or not self._more or self._applied is None:
            return
        self._fetch(self.model.total())

    def _on_scrolled(self, value: int) -> None:
        if value >= self.view.verticalScrollBar().maximum() - 2:
            self.load_more()

    def _on_source_changed(self, units: bool) -> None:
        self.unit.setEnabled(units)
        self.unit_label.setEnabled(units)
        self.view.setColumnHidden(AuditModel.COL_UNIT, not units)
        self._load_choices()
        self.apply_filters()

    # --- loading -------------------------------------------------------------------------------

    def _start(self, key: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run `work` on the thread pool; `done` gets its result unless a newer request of the
        same `key` ("list", "choices") has been made since."""
        generation = self._generations[key]
        task = Task(work, generation)

        def finished(gen: int, result: object) -> None:
            if gen == self._generations[key]:
                done(result)

        def failed(gen: int, exc: BaseException) -> None:
            if gen == self._generations[key]:
                self._failed(exc)

        self._tasks.start(task, finished, failed)

    def _fetch(self, offset: int) -> None:
        assert self._applied is not None
        db, filters, limit = self._backend.db, dict(self._applied), self._page
        self.loading = True
        self._update()

        def done(rows: object) -> None:
            assert isinstance(rows, list)
            self.loading = False
            self._more = len(rows) == limit
            self.model.append_entries(self.model.prepare(rows))
            if offset == 0 and rows:
                self.view.selectRow(0)
            self._update()
            self.loaded.emit()

        self._start(
            "list",
            lambda: audit.entries(db, limit=limit, offset=offset, **filters),
            done,
        )

    def _load_choices(self) -> None:
        """Who and which actions appear in the log (and the units that sent entries)."""
        db, source, office = self._backend.db, self.source, self.is_office

        def work() -> tuple[list[str], list[str], list[audit.UnitChoice]]:
            units = audit.units(db) if office else []
            return audit.actors(db, source), audit.actions(db, source), units

        def done(result: object) -> None:
            assert isinstance(result, tuple)
            actors, actions, units = result
            lang = self._backend.lang
            self._fill(self.actor, self.tr("Everyone"), [(a, a) for a in actors])
            labelled = sorted(
                ((action_text(a, lang), a) for a in actions), key=lambda p: fold(p[0])
            )
            self._fill(self.action, self.tr("Every action"), labelled)
            self._fill(
                self.unit,
                self.tr("Every unit"),
                [(f"{u.code} – {u.name}" if u.name else u.code, u.id) for u in units],
            )
            self.loaded.emit()

        self._generations["choices"] += 1
        self._start("choices", work, done)

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        """Refill a filter's choices, keeping the one chosen if it is still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for text, value in items:
            combo.addItem(text, value)
        found = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if current and found < 0:  # what was chosen is gone: the list follows the change
            self.apply_filters()

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self._update()
        if isinstance(exc, UserError | FileWriteError):
            self.error.show_message(exc.message(self._backend.lang))
            return
        raise exc  # the application's error reporter logs it and shows the one dialog

    def _update(self) -> None:
        shown = self.model.total()
        if self.loading and not shown:
            text = self.tr("Reading the log…")
        elif not shown:
            text = self.tr("No entries match these filters.")
        elif self._more:
            text = self.tr("The newest {count} entries; scroll down for more").format(count=shown)
        else:
            text = self.tr("{count} entries").format(count=shown)
        self.count_label.setText(text)
        self.more_button.setEnabled(self._more and not self.loading)
        self.export_button.setEnabled(not self.exporting and self._applied is not None)

    # --- the selected entry ----------------------------------------------------------------------

    def current(self) -> audit.AuditRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = self.proxy.row_at(index)
        return row if isinstance(row, audit.AuditRow) else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        self._show_detail(self.proxy.row_at(rows[0]) if rows else None)

    def _show_detail(self, row: audit.AuditRow | None) -> None:
        if row is None:
            self.detail.setHtml(
                "<p><i>" + html.escape(self.tr("Choose an entry to see it in full.")) + "</i></p>"
            )
            return
        e = html.escape
        lang = self._backend.lang
        facts = [
            (self.tr("Time"), time_text(row)),
            (self.tr("Who"), row.actor),
            (self.tr("Action"), action_text(row.action, lang)),
            (self.tr("What"), f"{entity_text(row.entity)} · {row.entity_id}".strip(" ·")),
        ]
        if row.subject:
            facts.append((self.tr("Person concerned"), row.subject))
        if row.unit_code:
            unit = " – ".join(x for x in (row.unit_code, row.unit_name) if x)
            facts.append((self.tr("Unit"), unit))
        if row.reason:
            facts.append((self.tr("Reason"), row.reason))
        out = ["<table cellspacing='0' cellpadding='2'>"]
        for name, value in facts:
            out.append(
                f"<tr><td style='padding-right:12px'><b>{e(name)}</b></td><td>{e(value)}</td></tr>"
            )
        out.append("</table>")
        changes = audit.changes(row)
        if changes:
            heads = (self.tr("Field"), self.tr("Before"), self.tr("After"))
            out.append("<table cellspacing='0' cellpadding='3' border='1'><tr>")
            out.extend(f"<th align='left'>{e(head)}</th>" for head in heads)
            out.append("</tr>")
            for c in changes:
                old = "" if c.old is None else (c.old or "—")
                new = "—" if c.new is None else (c.new or "—")
                out.append(
                    f"<tr><td>{e(field_name(c.field))}</td><td>{self._cell(old)}</td>"
                    f"<td>{self._cell(new)}</td></tr>"
                )
            out.append("</table>")
        else:
            out.append("<p><i>" + e(self.tr("No details recorded.")) + "</i></p>")
        self.detail.setHtml("\n".join(out))

    @staticmethod
    def _cell(text: str) -> str:
        return html.escape(text).replace("\n", "<br>")

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    # --- export ----------------------------------------------------------------------------------

    def export(self) -> None:
        filters = self.filters()
        if filters is None or self.exporting:
            return
        suggested = f"nhat_ky_{date.today():%Y%m%d}.xlsx"
        path = self._ask_save_path(suggested)
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        db, by = self._backend.db, current_actor()
        self._stop_export.clear()
        stop, progress = self._stop_export, self._progress
        self.exporting = True
        self.error.show_message("")
        self.message.setText(self.tr("Writing the workbook…"))
        self.stop_button.setVisible(True)
        self._update()

        def work() -> int:
            return audit.export_entries(
                db,
                path,
                by=by,
                progress=progress.written.emit,
                is_cancelled=stop.is_set,
                **filters,
            )

        def finished(_gen: int, count: object) -> None:
            self._export_over()
            self.message.setText(
                self.tr("{count} entries written to {path}").format(count=count, path=str(path))
            )
            self.message.setToolTip(str(path))
            self.exported.emit(path)
            if self.source == audit.OWN:  # the export is in the log now
                self._applied = None
                self.apply_filters()

        def failed(_gen: int, exc: BaseException) -> None:
            self._export_over()
            self.message.setText("")
            if isinstance(exc, audit.ExportCancelled):
                self.message.setText(self.tr("Export stopped; no file was written."))
                return
            self._failed(exc)

        # An export outlives filter changes: it is not tied to the list's generation.
        task = Task(work, 0)
        self._tasks.start(task, finished, failed)

    def _export_over(self) -> None:
        self.exporting = False
        self.stop_button.setVisible(False)
        self._update()

    def _on_progress(self, count: int) -> None:
        if self.exporting:
            self.message.setText(
                self.tr("Writing the workbook… {count} entries").format(count=count)
            )

    # --- closing ---------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop and wait for work on the thread pool (an export in progress is stopped)."""
        for key in self._generations:
            self._generations[key] += 1
        self._stop_export.set()
        self._tasks.wait_all()

    def done(self, result: int) -> None:
        self.shutdown()
        super().done(result)
