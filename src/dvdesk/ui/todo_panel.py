"""Việc cần làm: what is overdue and what falls due this week, across all people.

Each line is one click (or Enter) away from the person: the panel emits `person_requested`
and the candidates tab selects them in the list and shows their file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QTableView, QVBoxLayout, QWidget

from dvdesk.domain.dates import format_date
from dvdesk.services.candidates import TodoItem
from dvdesk.ui.candidate_table_model import OVERDUE_BACKGROUND, OVERDUE_TEXT
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.person_view import RunningTasks, Task
from dvdesk.ui.row_table_model import RowFilterProxy, RowTableModel
from dvdesk.ui.views import setup_table_view

T_WHEN = 0
T_DUE = 1
T_NAME = 2
T_CODE = 3
T_STEP = 4

WITHIN_DAYS = 7


class TodoTableModel(RowTableModel):
    CONTEXT = "TodoTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("TodoTableModel", "When"),
        QT_TRANSLATE_NOOP("TodoTableModel", "Due date"),
        QT_TRANSLATE_NOOP("TodoTableModel", "Full name"),
        QT_TRANSLATE_NOOP("TodoTableModel", "Code"),
        QT_TRANSLATE_NOOP("TodoTableModel", "Step"),
    )
    NATURAL_SORT = (T_DUE, Qt.SortOrder.AscendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._warning: QIcon | None = None

    def sort_keys(self, row: TodoItem) -> tuple[Any, ...]:
        tie = (row.due.toordinal(), row.name, row.person_id, row.kind)
        return (
            (row.days_left, *tie),
            tie,
            (row.name, *tie),
            (row.person, *tie),
            (row.label, *tie),
        )

    def search_text(self, row: TodoItem) -> str:
        return ""

    def when_text(self, row: TodoItem) -> str:
        if row.status == "overdue":
            return self.overdue_text(-row.days_left)
        if row.days_left == 0:
            return self.tr("Due today")
        return self.tr("In %n day(s)", "", row.days_left)

    def overdue_text(self, days: int) -> str:
        return self.tr("Overdue by %n day(s)", "", days)

    def display(self, row: TodoItem, column: int) -> str:
        if column == T_WHEN:
            return self.when_text(row)
        if column == T_DUE:
            return format_date(row.due)
        if column == T_NAME:
            return row.name
        if column == T_CODE:
            return row.person
        if column == T_STEP:
            return row.label
        return ""

    def extra_data(self, row: TodoItem, column: int, role: int) -> Any:
        if row.status != "overdue":
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == T_WHEN:
            if self._warning is None:
                app = QApplication.instance()
                if not isinstance(app, QApplication):
                    return None
                self._warning = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return self._warning
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column in (T_WHEN, T_DUE):
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == T_WHEN:
            font = QFont()
            font.setBold(True)
            return font
        return None


class TodoPanel(QWidget):
    """The to-do list under the candidates list; it reloads with the list."""

    person_requested = Signal(str)  # a person's id: select them and show their file
    loaded = Signal(int)

    def __init__(
        self,
        fetch: Callable[[], Sequence[TodoItem]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todo_panel")
        self._fetch = fetch
        self._generation = 0
        self._tasks = RunningTasks()  # each load kept until it ends
        self.loading = False
        self.activated = False

        self.model = TodoTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("todo_table")
        self.view.setModel(self.proxy)
        setup_table_view(self.view, {T_WHEN: 16, T_DUE: 11, T_NAME: 22, T_CODE: 12, T_STEP: 24})
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.sortByColumn(T_DUE, Qt.SortOrder.AscendingOrder)
        self._fit_when_column()
        self.view.setAccessibleName(self.tr("To do: overdue and due this week"))
        self.label = QLabel(self.tr("To-&do (overdue or due within 7 days):"), self)
        self.label.setObjectName("todo_label")
        self.label.setBuddy(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 1)

        self.view.clicked.connect(self._on_activated)
        self.view.activated.connect(self._on_activated)

    def _fit_when_column(self) -> None:
        """Wide enough for a bold overdue mark after its icon, in this language."""
        font = self.view.font()
        font.setBold(True)
        sample = self.model.overdue_text(888)
        icon = self.view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        needed = QFontMetrics(font).horizontalAdvance(sample) + icon + 24
        header = self.view.horizontalHeader()
        if header.sectionSize(T_WHEN) < needed:
            header.resizeSection(T_WHEN, needed)

    def activate(self) -> None:
        if not self.activated:
            self.reload()

    def reload(self) -> None:
        self.activated = True
        self._generation += 1
        self.loading = True
        fetch, model = self._fetch, self.model
        task = Task(lambda: model.prepare(fetch()), self._generation)
        self._tasks.start(task, self._on_done, self._on_failed)

    def shutdown(self) -> None:
        self._generation += 1
        self._tasks.wait_all(5.0)

    def items(self) -> list[TodoItem]:
        return [self.proxy.row_at(self.proxy.index(r, 0)) for r in range(self.proxy.rowCount())]

    def _on_done(self, generation: int, entries: list[Any]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.model.set_entries(entries)
        overdue = sum(1 for e in entries if e.row.status == "overdue")
        self.view.setToolTip(
            self.tr("%n overdue", "", overdue) + "; " + self.tr("%n in all", "", len(entries))
        )
        self.loaded.emit(len(entries))

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        raise exc  # unexpected: the application's error handler logs and shows it

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index)
        if isinstance(row, TodoItem):
            self.person_requested.emit(row.person_id)
