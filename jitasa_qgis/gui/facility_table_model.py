"""The facilities tab as a Qt table: kind, name, beds free/total, capacity status, when it was last updated
with a stale mark (icon and text) when that is older than the configured number of hours."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon

from ..definitions.i18n import translate
from ..definitions.labels import capacity_status_label, facility_kind_label
from ..definitions.paths import ICONS_DIR
from ..store.operations import FacilityRow
from .table_model_base import RowsTableModel

COL_KIND, COL_NAME, COL_BEDS, COL_CAPACITY, COL_UPDATED = range(5)


class FacilityTableModel(RowsTableModel):
    columns = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self._stale_icon: Optional[QIcon] = None

    def headers(self) -> dict[int, str]:
        return {
            COL_KIND: translate("FacilityTable", "Kind"),
            COL_NAME: translate("FacilityTable", "Name"),
            COL_BEDS: translate("FacilityTable", "Beds free"),
            COL_CAPACITY: translate("FacilityTable", "Capacity"),
            COL_UPDATED: translate("FacilityTable", "Updated"),
        }

    def role_data(self, row: FacilityRow, col: int, role: int):
        if role == Qt.DecorationRole and col == COL_UPDATED and row.stale:
            if self._stale_icon is None:
                self._stale_icon = QIcon(str(ICONS_DIR / "stale.svg"))
            return self._stale_icon
        if role == Qt.ToolTipRole and col == COL_UPDATED and row.stale:
            return translate("FacilityTable", "Capacity not updated recently: check with the facility.")
        if role == Qt.TextAlignmentRole and col == COL_BEDS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def text(self, row: FacilityRow, col: int) -> Optional[str]:
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
