"""The request queue as a Qt table: one page of `RequestRow`s from the store, shown with translated labels.

The waiting time keeps counting between queries: it is the server's figure at fetch time plus the time
since, so a dock refreshed a minute ago still shows the right wait after `tick()`.
"""

from __future__ import annotations

import time
from typing import Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont

from ..core.waiting import format_waiting
from ..definitions.enums import Urgency
from ..definitions.i18n import translate
from ..definitions.labels import category_label, request_status_label, urgency_label
from ..store.operations import RequestRow
from .table_model_base import RowsTableModel

COL_URGENCY, COL_CATEGORY, COL_STATUS, COL_WAITING, COL_PEOPLE, COL_TAMBON, COL_AMPHOE, COL_NOTE = range(8)

_URGENCY_COLOURS = {Urgency.CRITICAL: QColor("#c0392b"), Urgency.HIGH: QColor("#d35400")}


class RequestTableModel(RowsTableModel):
    columns = 8

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fetched_at = time.monotonic()

    # --- content ------------------------------------------------------------------------------------------

    def _rows_replaced(self) -> None:
        self._fetched_at = time.monotonic()

    def tick(self) -> None:
        """Repaint the waiting column (the clock moved on since the rows were fetched)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_WAITING), self.index(len(self._rows) - 1, COL_WAITING), [Qt.DisplayRole]
            )

    def waiting_seconds(self, row: RequestRow) -> float:
        return row.waiting_s + (time.monotonic() - self._fetched_at)

    # --- cells --------------------------------------------------------------------------------------------

    def headers(self) -> dict[int, str]:
        return {
            COL_URGENCY: translate("RequestTable", "Urgency"),
            COL_CATEGORY: translate("RequestTable", "Category"),
            COL_STATUS: translate("RequestTable", "Status"),
            COL_WAITING: translate("RequestTable", "Waiting"),
            COL_PEOPLE: translate("RequestTable", "People"),
            COL_TAMBON: translate("RequestTable", "Tambon"),
            COL_AMPHOE: translate("RequestTable", "Amphoe"),
            COL_NOTE: translate("RequestTable", "Note"),
        }

    def role_data(self, row: RequestRow, col: int, role: int):
        if role == Qt.ToolTipRole:
            if col == COL_NOTE:
                return row.note or None
            if col == COL_WAITING:
                return translate("RequestTable", "Request {id}, received {time}").format(
                    id=row.id, time=row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
                )
            return None
        if role == Qt.TextAlignmentRole and col == COL_PEOPLE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.FontRole and row.urgency is Urgency.CRITICAL:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ForegroundRole and col == COL_URGENCY and row.urgency in _URGENCY_COLOURS:
            return QBrush(_URGENCY_COLOURS[row.urgency])
        return None

    def text(self, row: RequestRow, col: int) -> Optional[str]:
        if col == COL_URGENCY:
            return urgency_label(row.urgency)
        if col == COL_CATEGORY:
            return category_label(row.category)
        if col == COL_STATUS:
            return request_status_label(row.status)
        if col == COL_WAITING:
            return format_waiting(self.waiting_seconds(row))
        if col == COL_PEOPLE:
            return str(row.people_count)
        if col == COL_TAMBON:
            return row.tambon_name or ""
        if col == COL_AMPHOE:
            return row.amphoe_name or ""
        if col == COL_NOTE:
            return (row.note or "").replace("\n", " ")
        return None
