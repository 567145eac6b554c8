"""The people of one class: nominees, enrolled, results and certificates, with the bulk actions
the office works in (nominate many, enrol the selected nominees, record results for many at
once, number the certificates in sequence, withdraw).

A bulk action is all or nothing (the service refuses the whole batch); its refusal shows under
the table, icon and text, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import format_date, parse_date
from dvdesk.domain.text import fold
from dvdesk.services import classes
from dvdesk.services.classes import ClassSummary, EnrolmentRow, RecordedResult, Result
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.ui import bus as changes
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import ErrorLabel, current_actor
from dvdesk.ui.row_table_model import LAST, Entry, RowTableModel
from dvdesk.ui.views import setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

STATUS_LABELS = {
    "nominated": QT_TRANSLATE_NOOP("EnrolmentTableModel", "Nominated"),
    "enrolled": QT_TRANSLATE_NOOP("EnrolmentTableModel", "Enrolled"),
    "passed": QT_TRANSLATE_NOOP("EnrolmentTableModel", "Passed"),
    "failed": QT_TRANSLATE_NOOP("EnrolmentTableModel", "Failed"),
    "withdrawn": QT_TRANSLATE_NOOP("EnrolmentTableModel", "Withdrawn"),
}
_STATUS_ORDER = tuple(STATUS_LABELS)


def _day(value: date | None) -> int:
    return value.toordinal() if value else LAST


class EnrolmentTableModel(RowTableModel):
    CONTEXT = "EnrolmentTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Name"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Code"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Status"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Nominated on"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Enrolled on"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Sessions"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Score"),
        QT_TRANSLATE_NOOP("EnrolmentTableModel", "Certificate"),
    )

    def display(self, row: EnrolmentRow, column: int) -> str:
        if column == 0:
            return row.full_name
        if column == 1:
            return row.code
        if column == 2:
            label = STATUS_LABELS.get(row.status)
            return QCoreApplication.translate(self.CONTEXT, label) if label else row.status
        if column == 3:
            return format_date(row.nominated_on)
        if column == 4:
            return format_date(row.enrolled_on)
        if column == 5:
            return "" if row.attended_sessions is None else str(row.attended_sessions)
        if column == 6:
            return row.score
        if column == 7:
            return row.certificate_number
        return ""

    def sort_keys(self, row: EnrolmentRow, n: int = 0) -> tuple[Any, ...]:
        name = (n, row.id)  # n: the service's place for the row, the Vietnamese name order
        status = _STATUS_ORDER.index(row.status) if row.status in _STATUS_ORDER else 9
        sessions = LAST if row.attended_sessions is None else row.attended_sessions
        return (
            name,
            (row.code, *name),
            (status, *name),
            (_day(row.nominated_on), *name),
            (_day(row.enrolled_on), *name),
            (sessions, *name),
            (fold(row.score), *name),
            (row.certificate_number, *name),
        )

    def prepare(self, rows: Iterable[Any]) -> list[Entry]:
        return [
            Entry(row, self.sort_keys(row, n), self.search_text(row)) for n, row in enumerate(rows)
        ]

    def search_text(self, row: EnrolmentRow) -> str:
        return f"{fold(row.full_name)} {fold(row.code)}"


class ClassRoster(QWidget):
    """The roster of the class set with `set_class`; announces every change on the bus."""

    changed = Signal()

    def __init__(
        self, backend: Backend, bus: Bus, parent: QWidget | None = None, actor: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("class_roster")
        self._backend = backend
        self._bus = bus
        self._actor = actor or current_actor()
        self.current: ClassSummary | None = None

        self.title = QLabel(self)
        self.title.setObjectName("roster_title")
        self.title.setWordWrap(True)
        self.model = EnrolmentTableModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("roster_table")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("People in the class"))
        setup_table_view(self.view, {0: 24, 1: 14, 2: 12, 3: 11, 4: 11, 5: 8, 6: 8, 7: 14})
        self.title.setBuddy(self.view)

        self.nominate_button = QPushButton(self.tr("&Nominate…"), self)
        self.enrol_button = QPushButton(self.tr("E&nrol selected"), self)
        self.results_button = QPushButton(self.tr("&Record results…"), self)
        self.certificates_button = QPushButton(self.tr("Issue &certificates…"), self)
        self.withdraw_button = QPushButton(self.tr("&Withdraw selected"), self)
        for name, button, slot in (
            ("nominate_button", self.nominate_button, self.nominate),
            ("enrol_button", self.enrol_button, self.enrol_selected),
            ("results_button", self.results_button, self.record_results),
            ("certificates_button", self.certificates_button, self.issue_certificates),
            ("withdraw_button", self.withdraw_button, self.withdraw_selected),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
            offer_only_if(backend, Permission.EDIT, button)
        self.error = ErrorLabel(self)
        self.error.setObjectName("roster_error")
        self.info = QLabel(self)
        self.info.setObjectName("roster_info")
        self.info.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (
            self.nominate_button,
            self.enrol_button,
            self.results_button,
            self.certificates_button,
            self.withdraw_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        self.view.selectionModel().selectionChanged.connect(self._sync)
        self.set_class(None)

    # --- data ------------------------------------------------------------------------------

    def set_class(self, summary: ClassSummary | None) -> None:
        self.current = summary
        self.error.show_message("")
        self.info.clear()
        self.reload()

    def reload(self) -> None:
        summary = self.current
        if summary is None:
            self.title.setText(self.tr("Select a class above to see its people."))
            self.model.clear()
        else:
            capacity = self.tr("no limit") if summary.capacity is None else str(summary.capacity)
            self.title.setText(
                self.tr("&People in «{name}» (capacity: {capacity})").format(
                    name=summary.name, capacity=capacity
                )
            )
            self.model.set_rows(self._backend.class_roster(summary.id))
        self._sync()

    def selected_rows(self) -> list[EnrolmentRow]:
        rows = self.view.selectionModel().selectedRows(0)
        return [self.model.row(i.row()) for i in sorted(rows, key=lambda i: i.row())]

    def select_people(self, person_ids: list[str]) -> None:
        """Select the rows of these people (for the keyboard-less and for tests)."""
        self.view.clearSelection()
        selection = self.view.selectionModel()
        for r in range(self.model.rowCount()):
            if self.model.row(r).person_id in person_ids:
                selection.select(
                    self.model.index(r, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _sync(self, *_: object) -> None:
        has_class = self.current is not None
        statuses = {r.status for r in self.selected_rows()}
        self.nominate_button.setEnabled(has_class)
        self.enrol_button.setEnabled("nominated" in statuses)
        self.results_button.setEnabled(bool(statuses & {"enrolled", "passed", "failed"}))
        pending = any(r.status == "passed" and not r.certificate_number for r in self.model.rows())
        self.certificates_button.setEnabled(has_class and pending)
        self.withdraw_button.setEnabled(bool(statuses & {"nominated", "enrolled"}))

    # --- actions ---------------------------------------------------------------------------

    def _run(self, action: Callable[[], Any], done: str, what: str = changes.CLASSES) -> bool:
        """Call a service; on refusal show its message and keep everything as it was."""
        try:
            action()
        except UserError as exc:
            self.error.show_message(
                self.tr("Nothing was saved: {message}").format(
                    message=exc.message(self._backend.lang)
                )
            )
            self.info.clear()
            return False
        self._saved(done, what)
        return True

    def _saved(self, done: str, what: str = changes.CLASSES) -> None:
        self.error.show_message("")
        self.info.setText(done)
        self.reload()
        self.changed.emit()
        self._bus.announce(what)

    def nominate(self) -> None:
        summary = self.current
        if summary is None:
            return
        candidates = self._backend.class_candidates(summary.kind, summary.id)
        dialog = NominateDialog(candidates, self._backend.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids, on = dialog.chosen_ids(), dialog.on
        self._run(
            lambda: classes.nominate(self._backend.db, summary.id, ids, on, self._actor),
            self.tr("%n person(s) nominated.", "", len(ids)),
        )

    def enrol_selected(self) -> None:
        summary = self.current
        ids = [r.person_id for r in self.selected_rows() if r.status == "nominated"]
        if summary is None or not ids:
            return
        on = self._backend.today()
        self._run(
            lambda: classes.enrol(self._backend.db, summary.id, ids, on, self._actor),
            self.tr("%n person(s) enrolled.", "", len(ids)),
        )

    def withdraw_selected(self) -> None:
        summary = self.current
        ids = [r.person_id for r in self.selected_rows() if r.status in ("nominated", "enrolled")]
        if summary is None or not ids:
            return
        self._run(
            lambda: classes.withdraw(self._backend.db, summary.id, ids, self._actor),
            self.tr("%n person(s) withdrawn.", "", len(ids)),
        )

    def record_results(self) -> None:
        summary = self.current
        chosen = {r.person_id for r in self.selected_rows()}
        if summary is None or not chosen:
            return
        # The dialog shows each result as stored now, and the save checks no other desk
        # recorded one since (ChangedMeanwhile); it saves itself, so a refusal keeps the typing.
        rows = [
            r
            for r in classes.class_enrolments(self._backend.db, summary.id)
            if r.person_id in chosen
            and r.status in ("enrolled", "passed", "failed")
            and not r.certificate_number
        ]
        if not rows:
            return

        def save(
            results: dict[str, Result], on: date, started: Mapping[str, RecordedResult]
        ) -> None:
            classes.record_results(self._backend.db, summary.id, results, on, self._actor, started)

        dialog = ResultsDialog(rows, self._backend.today(), self, save, self._backend.lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._saved(self.tr("Results recorded for %n person(s).", "", len(rows)))

    def issue_certificates(self) -> None:
        summary = self.current
        if summary is None:
            return
        dialog = CertificatesDialog(self._backend, summary, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.error.show_message("")
        self.info.setText(self.tr("%n certificate(s) issued.", "", len(dialog.issued)))
        self.reload()
        self.changed.emit()
        # Certificates move people on (an awareness certificate makes them "trained").
        self._bus.announce(changes.PEOPLE)
        self._bus.announce(changes.CLASSES)


class NominateDialog(QDialog):
    """Tick the people to nominate among those who may attend."""

    def __init__(self, candidates: list[Any], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nominate_dialog")
        self.setWindowTitle(self.tr("Nominate people"))
        self.on = today
        self.filter = QLineEdit(self)
        self.filter.setObjectName("nominate_filter")
        self.filter.setPlaceholderText(self.tr("Type to filter; accents optional"))
        filter_label = QLabel(self.tr("&Find:"), self)
        filter_label.setBuddy(self.filter)
        self.list = QListWidget(self)
        self.list.setObjectName("candidates_list")
        for person in candidates:
            text = f"{person.full_name} ({person.code})" if person.code else person.full_name
            item = QListWidgetItem(f"{text} — {person.stage_label}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{person.full_name} {person.code}"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        list_label = QLabel(self.tr("&People who may attend (tick to nominate):"), self)
        list_label.setBuddy(self.list)
        self.empty = QLabel(self.tr("No one is waiting for this kind of class."), self)
        self.empty.setVisible(not candidates)
        self.date_edit = QLineEdit(format_date(today), self)
        self.date_edit.setObjectName("nominated_on")
        self.date_edit.setMaxLength(10)
        date_label = QLabel(self.tr("Nominated &on:"), self)
        date_label.setBuddy(self.date_edit)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._filter)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter, 1)
        when = QHBoxLayout()
        when.addWidget(date_label)
        when.addWidget(self.date_edit)
        when.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(list_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(when)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 28)

    def _filter(self, text: str) -> None:
        terms = fold(text).split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            folded = item.data(Qt.ItemDataRole.UserRole + 1)
            item.setHidden(not all(t in folded for t in terms))

    def check(self, person_ids: list[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in person_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen_ids(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _accept(self) -> None:
        try:
            self.on = parse_date(self.date_edit.text().strip())
        except ValueError:
            self.error.show_message(self.tr("Not a date: write it as dd/mm/yyyy."))
            return
        if not self.chosen_ids():
            self.error.show_message(self.tr("Tick at least one person."))
            return
        self.accept()


SaveResults = Callable[[dict[str, Result], date, Mapping[str, RecordedResult]], object]


class ResultsDialog(QDialog):
    """One line per person: passed or not, sessions attended, score. With `save`, OK saves
    (the results, their date, and each result as the dialog opened it): a refusal shows in the
    dialog and keeps what was typed."""

    def __init__(
        self,
        rows: list[EnrolmentRow],
        today: date,
        parent: QWidget | None = None,
        save: SaveResults | None = None,
        lang: str = "vi",
    ):
        super().__init__(parent)
        self.setObjectName("results_dialog")
        self.setWindowTitle(self.tr("Record results"))
        self.on = today
        self._rows = rows
        self._save = save
        self._lang = lang
        # As opened: the save checks no other desk recorded these results since.
        self.started = {r.person_id: classes.recorded_result(r) for r in rows}
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setObjectName("results_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Passed"), self.tr("Sessions"), self.tr("Score")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for n, row in enumerate(rows):
            name = QTableWidgetItem(row.full_name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            passed = QTableWidgetItem()
            passed.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            passed.setCheckState(
                Qt.CheckState.Unchecked if row.status == "failed" else Qt.CheckState.Checked
            )
            sessions = "" if row.attended_sessions is None else str(row.attended_sessions)
            self.table.setItem(n, 0, name)
            self.table.setItem(n, 1, passed)
            self.table.setItem(n, 2, QTableWidgetItem(sessions))
            self.table.setItem(n, 3, QTableWidgetItem(row.score))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table_label = QLabel(self.tr("&Results:"), self)
        table_label.setBuddy(self.table)
        self.date_edit = QLineEdit(format_date(today), self)
        self.date_edit.setObjectName("result_on")
        self.date_edit.setMaxLength(10)
        date_label = QLabel(self.tr("Result &date:"), self)
        date_label.setBuddy(self.date_edit)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        when = QHBoxLayout()
        when.addWidget(date_label)
        when.addWidget(self.date_edit)
        when.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(when)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.fontMetrics().height() * 24)

    def set_result(self, n: int, passed: bool, sessions: int | None, score: str) -> None:
        self.table.item(n, 1).setCheckState(
            Qt.CheckState.Checked if passed else Qt.CheckState.Unchecked
        )
        self.table.item(n, 2).setText("" if sessions is None else str(sessions))
        self.table.item(n, 3).setText(score)

    def results(self) -> dict[str, Result]:
        out = {}
        for n, row in enumerate(self._rows):
            text = self.table.item(n, 2).text().strip()
            out[row.person_id] = Result(
                passed=self.table.item(n, 1).checkState() == Qt.CheckState.Checked,
                attended_sessions=int(text) if text else None,
                score=self.table.item(n, 3).text(),
            )
        return out

    def _accept(self) -> None:
        try:
            self.on = parse_date(self.date_edit.text().strip())
        except ValueError:
            self.error.show_message(self.tr("Not a date: write it as dd/mm/yyyy."))
            return
        for n, row in enumerate(self._rows):
            text = self.table.item(n, 2).text().strip()
            if text and not text.isdigit():
                self.error.show_message(
                    self.tr("Sessions for {name} must be a whole number.").format(
                        name=row.full_name
                    )
                )
                return
        self.error.show_message("")
        if self._save is not None:
            try:
                self._save(self.results(), self.on, self.started)
            except ChangedMeanwhile as exc:
                self._changed_meanwhile(exc)
                return
            except UserError as exc:
                nothing = QCoreApplication.translate("ClassRoster", "Nothing was saved: {message}")
                self.error.show_message(nothing.format(message=exc.message(self._lang)))
                return
        self.accept()

    def _changed_meanwhile(self, exc: ChangedMeanwhile) -> None:
        """Another desk recorded some of these results after the dialog opened: say which, and
        save over them only if the user says so (from the results as they are now)."""
        message = exc.message(self._lang)
        self.error.show_message(message)
        if self.ask_overwrite(message):
            self.started = exc.current
            self._accept()

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over the other desk's change (tests answer instead of a person)."""
        return changed_meanwhile.ask_overwrite(self, message)


class CertificatesDialog(QDialog):
    """Number the certificates of everyone passed without one, in sequence."""

    def __init__(self, backend: Backend, summary: ClassSummary, parent: ClassRoster) -> None:
        super().__init__(parent)
        self.setObjectName("certificates_dialog")
        self.setWindowTitle(self.tr("Issue certificates"))
        self._backend = backend
        self._summary = summary
        self._actor = parent._actor
        self.issued: list[classes.IssuedCertificate] = []
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        self.first_number = QSpinBox(self)
        self.first_number.setRange(1, 999_999)
        self.pattern = QLineEdit("{n}", self)
        self.pattern.setToolTip(self.tr('"{n}" is replaced by the number, e.g. "{n}/CN-ĐU".'))
        self.issuer = QLineEdit(summary.organiser, self)
        self.issued_on = QLineEdit(format_date(summary.end_date or backend.today()), self)
        self.issued_on.setMaxLength(10)
        for key, text, editor in (
            ("first_number", self.tr("&First number:"), self.first_number),
            ("pattern", self.tr("Number &pattern:"), self.pattern),
            ("issuer", self.tr("&Issued by:"), self.issuer),
            ("issued_on", self.tr("Issued &on:"), self.issued_on),
        ):
            editor.setObjectName(key)
            cell = QWidget(self)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            editor.setParent(cell)
            column.addWidget(editor)
            error = ErrorLabel(cell)
            error.setObjectName(f"{key}_error")
            column.addWidget(error)
            label = QLabel(text, self)
            label.setBuddy(editor)
            form.addRow(label, cell)
            self.errors[key] = error
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 60, self.sizeHint().height())

    def error_messages(self) -> dict[str, str]:
        return {k: v.message() for k, v in self.errors.items() if v.message()}

    def issue(self) -> None:
        for error in self.errors.values():
            error.show_message("")
        try:
            on = parse_date(self.issued_on.text().strip())
        except ValueError:
            self.errors["issued_on"].show_message(self.tr("Not a date: write it as dd/mm/yyyy."))
            return
        try:
            self.issued = classes.issue_certificates(
                self._backend.db,
                self._summary.id,
                self.first_number.value(),
                self.issuer.text(),
                on,
                self._actor,
                pattern=self.pattern.text(),
            )
        except UserError as exc:
            key = exc.field if exc.field in self.errors else "first_number"
            self.errors[key].show_message(exc.message(self._backend.lang))
            return
        self.accept()
