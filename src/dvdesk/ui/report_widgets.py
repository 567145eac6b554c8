"""Pieces of the Reports tab: the procedure-check list, the per-unit figures, the small dialog
that asks for the document's date and register number before printing, and number formatting.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dates import format_date, parse_date
from dvdesk.domain.statistics import ProcedureItem, UnitFigures
from dvdesk.domain.text import fold, name_sort_key
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.person_dialog import ErrorLabel
from dvdesk.ui.row_table_model import LAST, RowTableModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def percent(value: float, lang: str = "vi") -> str:
    """0.705 → "70,5%" (Vietnamese decimal comma), 0.7 → "70%"."""
    text = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


# --- the procedure check -------------------------------------------------------------------

COL_UNIT, COL_PERSON, COL_WHAT, COL_KIND, COL_DUE, COL_LATE = range(6)
KIND_ERROR, KIND_WARNING, KIND_OVERDUE = "error", "warning", "overdue"


def item_kind(item: ProcedureItem) -> str:
    """What the line is, for the filter and the Kind column: an overdue deadline, or a rule
    finding that is an error or a warning."""
    if item.source == "deadline":
        return KIND_OVERDUE
    return KIND_ERROR if item.severity == "error" else KIND_WARNING


class ProcedureModel(RowTableModel):
    CONTEXT = "ProcedureModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ProcedureModel", "Unit"),
        QT_TRANSLATE_NOOP("ProcedureModel", "Person"),
        QT_TRANSLATE_NOOP("ProcedureModel", "What"),
        QT_TRANSLATE_NOOP("ProcedureModel", "Kind"),
        QT_TRANSLATE_NOOP("ProcedureModel", "Due"),
        QT_TRANSLATE_NOOP("ProcedureModel", "Days late"),
    )
    KIND_LABELS: ClassVar[dict[str, str]] = {
        KIND_ERROR: QT_TRANSLATE_NOOP("ProcedureModel", "Error"),
        KIND_WARNING: QT_TRANSLATE_NOOP("ProcedureModel", "Warning"),
        KIND_OVERDUE: QT_TRANSLATE_NOOP("ProcedureModel", "Overdue"),
    }
    _RANK: ClassVar[dict[str, int]] = {KIND_ERROR: 0, KIND_OVERDUE: 1, KIND_WARNING: 2}

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate(self.CONTEXT, text)

    def display(self, row: ProcedureItem, column: int) -> str:
        if column == COL_UNIT:
            return row.unit_name or QCoreApplication.translate("ProcedureModel", "No unit")
        if column == COL_PERSON:
            return row.person_name
        if column == COL_WHAT:
            return row.message
        if column == COL_KIND:
            return self._tr(self.KIND_LABELS[item_kind(row)])
        if column == COL_DUE:
            return format_date(row.due)
        if column == COL_LATE:
            return "" if row.days_late is None else str(row.days_late)
        return ""

    def sort_keys(self, row: ProcedureItem) -> tuple[Any, ...]:
        person = (name_sort_key(row.person_name), row.person_id)
        return (
            (name_sort_key(row.unit_name), person),
            person,
            fold(row.message),
            (self._RANK[item_kind(row)], person),
            (row.due.toordinal() if row.due else LAST, person),
            (row.days_late if row.days_late is not None else -1, person),
        )

    def search_text(self, row: ProcedureItem) -> str:
        return fold(" ".join((row.unit_name, row.person_name, row.person_code, row.message)))

    def extra_data(self, row: ProcedureItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_LATE:
            return RIGHT
        if role == Qt.ItemDataRole.DecorationRole and column == COL_KIND:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if item_kind(row) == KIND_ERROR
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(pixmap)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PERSON and row.person_code:
            code = QCoreApplication.translate("ProcedureModel", "Mã {code}")
            return f"{row.person_name} — {code.format(code=row.person_code)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_WHAT and row.basis:
            basis = QCoreApplication.translate("ProcedureModel", "Basis: {basis}")
            return f"{row.message}\n{basis.format(basis=row.basis)}"
        return None


# --- per unit ------------------------------------------------------------------------------

(
    UCOL_UNIT,
    UCOL_ADMITTED,
    UCOL_TARGET,
    UCOL_ACHIEVED,
    UCOL_YOUTH,
    UCOL_RECOGNISED,
    UCOL_STRUCK,
    UCOL_SYMPATHISERS,
) = range(8)


class UnitFiguresModel(RowTableModel):
    CONTEXT = "UnitFiguresModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Unit"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Admitted"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Target"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Achieved"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Youth Union"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Recognised"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Struck off"),
        QT_TRANSLATE_NOOP("UnitFiguresModel", "Sympathisers +/−"),
    )

    def __init__(self, parent: Any = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.names: Mapping[str, str] = {}
        self.lang = lang

    def set_figures(self, rows: list[UnitFigures], names: Mapping[str, str]) -> None:
        self.names = dict(names)
        self.set_rows(rows)

    def name(self, row: UnitFigures) -> str:
        return self.names.get(row.unit_id, "") or self.names.get("", "")

    def display(self, row: UnitFigures, column: int) -> str:
        values = (
            self.name(row),
            str(row.admitted),
            str(row.target) if row.target else "",
            percent(row.achieved, self.lang) if row.achieved is not None else "",
            str(row.youth_union),
            str(row.recognised),
            str(row.struck_off),
            f"+{row.sympathisers_added} / −{row.sympathisers_removed}",
        )
        return values[column]

    def sort_keys(self, row: UnitFigures) -> tuple[Any, ...]:
        name = name_sort_key(self.name(row))
        return (
            name,
            (row.admitted, name),
            (row.target, name),
            (row.achieved if row.achieved is not None else -1.0, name),
            (row.youth_union, name),
            (row.recognised, name),
            (row.struck_off, name),
            (row.sympathisers_added - row.sympathisers_removed, name),
        )

    def search_text(self, row: UnitFigures) -> str:
        return fold(self.name(row))

    def extra_data(self, row: UnitFigures, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column != UCOL_UNIT:
            return RIGHT
        return None


# --- the year ------------------------------------------------------------------------------


class YearBox(QComboBox):
    """The years to choose from, newest first: next year (to plan ahead) back to `first`. Typing
    a year's digits picks it; `setValue` adds a year outside the list."""

    def __init__(self, first: int, last: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for year in range(last, first - 1, -1):
            self.addItem(str(year), year)

    def value(self) -> int:
        return int(self.currentData())

    def setValue(self, year: int) -> None:
        index = self.findData(year)
        if index < 0:
            index = next((i for i in range(self.count()) if self.itemData(i) < year), self.count())
            self.insertItem(index, str(year), year)
        self.setCurrentIndex(index)


# --- before printing -----------------------------------------------------------------------


class PrintOptionsDialog(QDialog):
    """The document's date and whether to take its number from the register. `options()` gives
    (date, numbered) once accepted."""

    def __init__(
        self, title: str, on: date, numbered: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_options_dialog")
        self.setWindowTitle(title)
        self.chosen: tuple[date, bool] | None = None
        form = QFormLayout()
        self.date = QLineEdit(format_date(on), self)
        self.date.setObjectName("print_date")
        self.date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.date.setMaxLength(10)
        label = QLabel(self.tr("Document &date:"), self)
        label.setBuddy(self.date)
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.date.setParent(cell)
        column.addWidget(self.date)
        self.date_error = ErrorLabel(cell)
        column.addWidget(self.date_error)
        form.addRow(label, cell)
        self.number_it = QCheckBox(self.tr("Enter it in the document &register"), self)
        self.number_it.setObjectName("number_it")
        self.number_it.setChecked(numbered)
        self.number_it.setToolTip(
            self.tr(
                "Ticked, the next number of the register is printed on it and kept for good. "
                "Leave it unticked for a draft: the number prints blank."
            )
        )
        form.addRow("", self.number_it)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("&Preview…"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * 60
        self.resize(max(width, self.sizeHint().width()), self.sizeHint().height())

    def confirm(self) -> None:
        try:
            on = parse_date(self.date.text().strip())
        except ValueError:
            self.date_error.show_message(self.tr("Not a date: write it as dd/mm/yyyy."))
            self.date.setFocus()
            return
        self.chosen = (on, self.number_it.isChecked())
        self.accept()


class BusyStrip:
    """A tab's top-row status: a moving bar and what is being done while any job runs (several
    may, by key: the newest is named), else the last message."""

    def __init__(self, parent: QWidget, message_name: str) -> None:
        self.jobs: dict[str, str] = {}
        self.bar = QProgressBar(parent)
        self.bar.setObjectName("busy_bar")
        self.bar.setRange(0, 0)  # moving: how long is not known
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(90)
        self.bar.setMaximumHeight(parent.fontMetrics().height())
        self.label = QLabel(parent)
        self.label.setObjectName("busy_label")
        self.message = QLabel(parent)
        self.message.setObjectName(message_name)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for widget in (self.bar, self.label):
            widget.setVisible(False)

    def add_to(self, row: QHBoxLayout) -> None:
        row.addWidget(self.bar)
        row.addWidget(self.label)
        row.addWidget(self.message, 1)

    def set(self, key: str, text: str | None) -> None:
        """Job `key` started (`text` says what it does) or ended (None)."""
        if text is None:
            self.jobs.pop(key, None)
        else:
            self.jobs[key] = text
        busy = bool(self.jobs)
        self.bar.setVisible(busy)
        self.label.setVisible(busy)
        self.label.setText(next(reversed(self.jobs.values()), "") if busy else "")
        if busy:
            self.message.clear()
