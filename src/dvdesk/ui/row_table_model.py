"""The shape every list in dvdesk shares: a read-only table of service dataclasses.

A subclass names its columns (COL_* constants, headers marked with QT_TRANSLATE_NOOP in its own
context) and says how a row is shown (`display`), sorted (`sort_keys`) and found
(`search_text`). Sort keys and the folded search text are computed once per row in `prepare`,
which uses no Qt and runs on the loading thread.

The model filters and sorts itself, in one Python pass over precomputed keys. A
QSortFilterProxyModel doing the same calls back into Python once per row and per comparison:
over 100,000 rows that is half a second per keystroke and seconds per sort, against some tens
of milliseconds here. `RowFilterProxy` stays between model and view (views, selections and
later filters speak proxy indexes) and hands searching and sorting down to the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from dvdesk.domain.text import fold

SortRole = Qt.ItemDataRole.UserRole + 1  # the native value a column sorts by (str or int)
RowRole = Qt.ItemDataRole.UserRole + 2  # the service dataclass behind the row

ModelIndex = QModelIndex | QPersistentModelIndex
RowPredicate = Callable[[Any], bool]
_NO_PARENT = QModelIndex()

# Sorts after every real date or number.
LAST = 1 << 62


class Entry:
    """One row: the dataclass, its sort key per column, and its folded search text."""

    __slots__ = ("folded", "keys", "row")

    def __init__(self, row: Any, keys: tuple[Any, ...], folded: str) -> None:
        self.row = row
        self.keys = keys
        self.folded = folded


class RowTableModel(QAbstractTableModel):
    CONTEXT: ClassVar[str] = "RowTableModel"  # translation context of HEADERS
    HEADERS: ClassVar[tuple[str, ...]] = ()
    # The order rows arrive in from the service, so appending needs no re-sort.
    NATURAL_SORT: ClassVar[tuple[int, Qt.SortOrder]] = (0, Qt.SortOrder.AscendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Entry] = []  # every row, in the current sort order
        self._shown: list[Entry] = []  # the rows the filter accepts, same order
        self._sort_column, self._sort_order = self.NATURAL_SORT
        self._search = ""  # folded search text
        self._terms: tuple[str, ...] = ()
        self._predicates: dict[str, RowPredicate] = {}

    # --- what a subclass provides -----------------------------------------------------------

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def sort_keys(self, row: Any) -> tuple[Any, ...]:
        """One key per column; keys of a column must compare with each other."""
        raise NotImplementedError

    def search_text(self, row: Any) -> str:
        """What a row is found by, folded (dvdesk.domain.text.fold). No Qt: runs on a thread."""
        raise NotImplementedError

    def extra_data(self, row: Any, column: int, role: int) -> Any:
        """Decoration, colours, tooltips... None for the default."""
        return None

    # --- filling ---------------------------------------------------------------------------

    def prepare(self, rows: Iterable[Any]) -> list[Entry]:
        """Rows to entries. Pure Python: safe to call on a worker thread."""
        return [Entry(row, self.sort_keys(row), self.search_text(row)) for row in rows]

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.set_entries(self.prepare(rows))

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._all = list(entries)
        self._sort_all()
        self._shown = self._filtered(self._all)
        self.endResetModel()

    def append_entries(self, entries: Sequence[Entry]) -> None:
        if not entries:
            return
        self._all.extend(entries)
        accepted = self._filtered(entries)
        if accepted:
            first = len(self._shown)
            self.beginInsertRows(_NO_PARENT, first, first + len(accepted) - 1)
            self._shown.extend(accepted)
            self.endInsertRows()
        if (self._sort_column, self._sort_order) != self.NATURAL_SORT:
            self.sort(self._sort_column, self._sort_order)

    def clear(self) -> None:
        self.set_entries([])

    # --- filtering -------------------------------------------------------------------------

    def set_search(self, text: str) -> None:
        """Keep the rows holding every word of `text`, ignoring case and diacritics."""
        folded = fold(text)
        if folded == self._search:
            return
        # Typing on narrows the rows already shown; anything else starts from all of them.
        narrowing = bool(self._search) and folded.startswith(self._search)
        self._search, self._terms = folded, tuple(folded.split())
        self._refilter(self._shown if narrowing else self._all)

    def set_predicate(self, name: str, predicate: RowPredicate | None) -> None:
        """Add (or with None remove) a named condition rows must meet, e.g. a stage."""
        if predicate is None:
            if self._predicates.pop(name, None) is None:
                return
        else:
            self._predicates[name] = predicate
        self._refilter(self._all)

    @property
    def search(self) -> str:
        return self._search

    def _filtered(self, entries: Sequence[Entry]) -> list[Entry]:
        terms, predicates = self._terms, list(self._predicates.values())
        if not terms and not predicates:
            return list(entries)
        out: Iterable[Entry] = entries
        if len(terms) == 1:
            term = terms[0]
            out = [e for e in out if term in e.folded]
        elif terms:
            out = [e for e in out if all(t in e.folded for t in terms)]
        for predicate in predicates:
            out = [e for e in out if predicate(e.row)]
        return list(out)

    def _refilter(self, source: list[Entry]) -> None:
        self.beginResetModel()
        self._shown = self._filtered(source)
        self.endResetModel()

    # --- reading ---------------------------------------------------------------------------

    def row(self, row: int) -> Any:
        return self._shown[row].row

    def rows(self) -> list[Any]:
        """The rows shown, in order."""
        return [e.row for e in self._shown]

    def total(self) -> int:
        """Every row loaded, shown or filtered out."""
        return len(self._all)

    def header_text(self, column: int) -> str:
        return QCoreApplication.translate(self.CONTEXT, self.HEADERS[column])

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.header_text(section)
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        entry = self._shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(entry.row, column)
        if role == SortRole:
            key = entry.keys[column]
            return key[0] if isinstance(key, tuple) else key
        if role == RowRole:
            return entry.row
        extra = self.extra_data(entry.row, column, role)
        if extra is None and role == Qt.ItemDataRole.ToolTipRole:
            # Long names and labels are elided in the table; the tooltip shows them whole.
            return self.display(entry.row, column) or None
        return extra

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.HEADERS):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        tracked = [(self._shown[i.row()], i.column()) for i in persistent]
        self._sort_all()
        self._shown = self._filtered(self._all)
        if persistent:
            where = {id(e): n for n, e in enumerate(self._shown)}
            self.changePersistentIndexList(
                persistent, [self.index(where[id(e)], c) for e, c in tracked]
            )
        self.layoutChanged.emit()

    def _sort_all(self) -> None:
        column = self._sort_column
        if 0 <= column < len(self.HEADERS):
            self._all.sort(
                key=lambda e: e.keys[column],
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )


class RowFilterProxy(QSortFilterProxyModel):
    """Between a RowTableModel and its view: searching, conditions and sorting are handed down
    to the model (see the module's docstring), so this proxy never calls Python per row."""

    def source(self) -> RowTableModel:
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        return model

    def set_search(self, text: str) -> None:
        self.source().set_search(text)

    def set_predicate(self, name: str, predicate: RowPredicate | None) -> None:
        self.source().set_predicate(name, predicate)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        return index.data(RowRole) if index.isValid() else None
