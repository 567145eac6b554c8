"""The family members of a person as an editable table: relation, name, year of birth,
occupation, residence, and whether they are Party members (a check box).

Cells hold text exactly as typed; the form checks it (services.person_form) before saving.
"""

from __future__ import annotations

from dataclasses import astuple, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from dvdesk.services.person_form import FamilyText

COL_RELATION, COL_NAME, COL_YEAR, COL_OCCUPATION, COL_RESIDENCE, COL_MEMBER = range(6)
_FIELDS = ("relation", "full_name", "birth_year", "occupation", "residence")

Index = QModelIndex | QPersistentModelIndex


class FamilyTableModel(QAbstractTableModel):
    def __init__(self, rows: tuple[FamilyText, ...] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FamilyText] = list(rows)

    def headers(self) -> list[str]:
        return [
            self.tr("Relation"),
            self.tr("Full name"),
            self.tr("Year of birth"),
            self.tr("Occupation"),
            self.tr("Residence"),
            self.tr("Party member"),
        ]

    # --- reading ---------------------------------------------------------------------------

    def rows(self) -> tuple[FamilyText, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: tuple[FamilyText, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == COL_MEMBER:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.party_member else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Yes") if row.party_member else self.tr("No")
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return astuple(row)[column]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_MEMBER:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    # --- editing ---------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row = self._rows[index.row()]
        column = index.column()
        if column == COL_MEMBER and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            new = replace(row, party_member=checked)
        elif column != COL_MEMBER and role == Qt.ItemDataRole.EditRole:
            change: dict[str, Any] = {_FIELDS[column]: "" if value is None else str(value)}
            new = replace(row, **change)
        else:
            return False
        if new != row:
            self._rows[index.row()] = new
            self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        self._rows[row:row] = [FamilyText() for _ in range(count)]
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True
