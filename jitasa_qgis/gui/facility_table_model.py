"""The facilities tab as a Qt table: kind, name, beds free/total, capacity status, when it was last updated
with a stale mark (icon and text) when that is older than the configured number of hours."""
from __future__ import annotations

from typing import Optional, Sequence

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QIcon

from ..definitions.i18n import translate
from ..definitions.labels import capacity_status_label, facility_kind_label
from ..definitions.paths import ICONS_DIR
from ..store.operations import FacilityRow

ROW_ROLE = Qt.UserRole + 1

COL_KIND, COL_NAME, COL_BEDS, COL_CAPACITY, COL_UPDATED = range(5)


class FacilityTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[FacilityRow] = []
        self._stale_icon: Optional[QIcon] = None

    def set_rows(self, rows: Sequence[FacilityRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[FacilityRow]:
        return list(self._rows)

    def row_at(self, row: int) -> Optional[FacilityRow]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return {
            COL_KIND: translate("FacilityTable", "Kind"),
            COL_NAME: translate("FacilityTable", "Name"),
            COL_BEDS: translate("FacilityTable", "Beds free"),
            COL_CAPACITY: translate("FacilityTable", "Capacity"),
            COL_UPDATED: translate("FacilityTable", "Updated"),
        }.get(section)

    def data(self, index, role=Qt.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.DecorationRole and col == COL_UPDATED and row.stale:
            if self._stale_icon is None:
                self._stale_icon = QIcon(str(ICONS_DIR / "stale.svg"))
            return self._stale_icon
        if role == Qt.ToolTipRole and col == COL_UPDATED and row.stale:
            return translate("FacilityTable", "Capacity not updated recently: check with the facility.")
        if role == Qt.TextAlignmentRole and col == COL_BEDS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role != Qt.DisplayRole:
            return None
        if col == COL_KIND:
            return facility_kind_label(row.kind)
        if col == COL_NAME:
            return row.name_th
        if col == COL_BEDS:
            return _beds(row)
        if col == COL_CAPACITY:
            return capacity_status_label(row.capacity_status)
        if col == COL_UPDATED:
            when = row.capacity_updated_at.astimezone().strftime("%d/%m %H:%M")
            if row.stale:
                return translate("FacilityTable", "stale: {time}").format(time=when)
            return when
        return None


def _beds(row: FacilityRow) -> str:
    free = "–" if row.beds_free is None else str(row.beds_free)
    total = "–" if row.beds_total is None else str(row.beds_total)
    return f"{free}/{total}"
