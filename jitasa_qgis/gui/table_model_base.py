"""The plumbing the dock's and the assign panel's tables share: a flat list of rows from the store (or core),
replaced as a whole, shown in a fixed number of columns with a header text each.

A subclass sets `columns`, and gives `headers()` (column -> header text) and `text(row, col)` (what a cell
shows); `role_data(row, col, role)` answers the other roles (alignment, tooltips, fonts, colours) and
`header_tooltip(section)` a header's tooltip. `ROW_ROLE` gives a row's whole object, for any column.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

ROW_ROLE = Qt.UserRole + 1  # the row object of a row, for any column


class RowsTableModel(QAbstractTableModel):
    columns = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    # --- content ------------------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_replaced()
        self.endResetModel()

    def _rows_replaced(self) -> None:
        """Called inside the model reset of `set_rows`, for state that goes with the rows."""

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int) -> Optional[Any]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, row_id: int) -> int:
        """The table row showing the row whose `id` is `row_id`, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    # --- what a subclass gives ----------------------------------------------------------------------------

    def headers(self) -> dict[int, str]:
        raise NotImplementedError

    def header_tooltip(self, section: int) -> Optional[str]:
        return None

    def text(self, row, col: int) -> Optional[str]:
        raise NotImplementedError

    def role_data(self, row, col: int, role: int) -> Any:
        return None

    # --- QAbstractTableModel ------------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self.columns

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation != Qt.Horizontal:
            return None
        if role == Qt.DisplayRole:
            return self.headers().get(section)
        if role == Qt.ToolTipRole:
            return self.header_tooltip(section)
        return None

    def data(self, index, role=Qt.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.DisplayRole:
            return self.text(row, index.column())
        return self.role_data(row, index.column(), role)
