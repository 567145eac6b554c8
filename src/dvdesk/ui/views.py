"""Conventions every list view shares, and remembering its columns between runs."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from dvdesk.ui.settings import header_key, read_bytes


def setup_table_view(
    view: QTableView, widths: dict[int, int], sortable: bool = True, stretch_last: bool = True
) -> None:
    """The conventions every list shares: whole rows, read-only, sortable, keyboard friendly.

    `widths` gives each column's default width in average characters; a column is never
    narrower than its header (with room for the sort arrow), whatever the language. Call it
    after setting the model.
    """
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    line = view.fontMetrics().height()
    view.verticalHeader().setDefaultSectionSize(line + max(8, line // 2))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    char = max(1, view.fontMetrics().averageCharWidth())
    header_metrics = header.fontMetrics()
    padding = 2 * header_metrics.height() + 12  # margins and the sort indicator
    model = view.model()
    for column, chars in widths.items():
        text = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else ""
        needed = header_metrics.horizontalAdvance(str(text or "")) + padding
        header.resizeSection(column, max(chars * char + 16, needed))
    if sortable:
        view.setSortingEnabled(True)


def restore_header(view: QTableView, settings: QSettings | None, name: str) -> None:
    if settings is None:
        return
    state = read_bytes(settings, header_key(name))
    header = view.horizontalHeader()
    if state is not None and header.restoreState(state):
        view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())


def save_header(view: QTableView, settings: QSettings | None, name: str) -> None:
    if settings is not None:
        settings.setValue(header_key(name), QByteArray(view.horizontalHeader().saveState()))


class SearchField(QLineEdit):
    """A search box: Esc clears it, Down moves into the list below."""

    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
        elif event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_pressed.emit()
            event.accept()
        else:
            super().keyPressEvent(event)
