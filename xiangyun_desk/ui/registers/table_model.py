"""A lazily fetching table model for one register (ids first, rows on demand, as in Anki).

The model holds the matching row ids (plain integers — a million take a few MB) and a bounded
cache of rows; ``data()`` fetches the page around a missing row in one query. Sorting and
filtering are done by the service in SQL, so the view never holds the whole register.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...services.registers import RegisterQuery, RegisterService
from .columns import NUMERIC, Column, display

PAGE = 100
CACHE_LIMIT = 5000
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RegisterTableModel(QAbstractTableModel):
    """Rows of one register matching :attr:`query`."""

    def __init__(self, service: RegisterService, columns: list[Column],
                 labels: dict[str, dict[str, str]], parent=None):
        super().__init__(parent)
        self.service = service
        self.columns = columns
        self.labels = labels
        self.query = RegisterQuery()
        self._ids: Sequence[int] = []  # RowIds: fetched block by block as rows are shown
        self._loaded = False  # no query runs before the first refresh()
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._yes_no = (self.tr("Yes"), self.tr("No"))

    # ---- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-run the query (after a filter change or a save)."""
        self.beginResetModel()
        self._loaded = True
        self._ids = self.service.row_ids(self.query)
        self._cache.clear()
        self.endResetModel()

    def _row(self, row: int) -> dict[str, Any] | None:
        rowid = self._ids[row]
        cached = self._cache.get(rowid)
        if cached is not None:
            self._cache.move_to_end(rowid)
            return cached
        start = max(0, row - PAGE // 2)
        wanted = [r for r in self._ids[start:start + PAGE] if r not in self._cache]
        self._cache.update(self.service.fetch_rows(wanted))
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(rowid)

    # ---- Qt model API -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, RECORD_ID_ROLE,
                    SORT_ROLE, Qt.ItemDataRole.ForegroundRole):
            row = self._row(index.row())
            if row is None:  # deleted underneath us (another window); shows blank until refresh
                return None
            if role == RECORD_ID_ROLE:
                return row["id"]
            if role == SORT_ROLE:
                return row.get(column.key)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#999999")) if row.get("deleted_at") else None
            text = display(column, row.get(column.key), self.labels, self._yes_no)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 20 else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].key
        if not self.service.sortable(key):
            return
        if not self._loaded:  # e.g. the view enabling sorting while it is being built
            self.query.sort_column = key
            self.query.descending = order == Qt.SortOrder.DescendingOrder
            return
        self.layoutAboutToBeChanged.emit()
        self.query.sort_column = key
        self.query.descending = order == Qt.SortOrder.DescendingOrder
        self._ids = self.service.row_ids(self.query)
        self._cache.clear()
        self.changePersistentIndexList(self.persistentIndexList(),
                                       [QModelIndex()] * len(self.persistentIndexList()))
        self.layoutChanged.emit()

    # ---- helpers for the view -----------------------------------------------------------

    def record_id(self, row: int) -> str | None:
        if 0 <= row < len(self._ids):
            data = self._row(row)
            return data["id"] if data else None
        return None

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id`` (or -1)."""
        rowids = self.service.ids_of([record_id])
        if not rowids:
            return -1
        try:
            return self._ids.index(rowids[0])
        except ValueError:
            return -1
