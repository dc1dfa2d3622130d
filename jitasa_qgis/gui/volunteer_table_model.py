"""The volunteers tab as a Qt table: kind, load ("1/3"), availability, skills, vehicle, tambon.
Names and phone numbers are not listed (the store's query does not read them)."""
from __future__ import annotations

from typing import Optional, Sequence

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..definitions.i18n import translate
from ..definitions.labels import skill_label, vehicle_label, volunteer_kind_label
from ..store.operations import VolunteerRow

ROW_ROLE = Qt.UserRole + 1

COL_KIND, COL_LOAD, COL_AVAILABLE, COL_SKILLS, COL_VEHICLE, COL_TAMBON = range(6)


class VolunteerTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[VolunteerRow] = []

    def set_rows(self, rows: Sequence[VolunteerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[VolunteerRow]:
        return list(self._rows)

    def row_at(self, row: int) -> Optional[VolunteerRow]:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return {
            COL_KIND: translate("VolunteerTable", "Kind"),
            COL_LOAD: translate("VolunteerTable", "Load"),
            COL_AVAILABLE: translate("VolunteerTable", "Available"),
            COL_SKILLS: translate("VolunteerTable", "Skills"),
            COL_VEHICLE: translate("VolunteerTable", "Vehicle"),
            COL_TAMBON: translate("VolunteerTable", "Tambon"),
        }.get(section)

    def data(self, index, role=Qt.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.TextAlignmentRole and col == COL_LOAD:
            return int(Qt.AlignCenter)
        if role == Qt.ToolTipRole and col == COL_LOAD:
            return translate("VolunteerTable", "{active} active assignment(s) of at most {capacity}").format(
                active=row.active_count, capacity=row.capacity)
        if role != Qt.DisplayRole:
            return None
        if col == COL_KIND:
            return volunteer_kind_label(row.kind)
        if col == COL_LOAD:
            return f"{row.active_count}/{row.capacity}"
        if col == COL_AVAILABLE:
            return translate("VolunteerTable", "Yes") if row.available else translate("VolunteerTable", "No")
        if col == COL_SKILLS:
            return ", ".join(skill_label(s) for s in row.skills)
        if col == COL_VEHICLE:
            return vehicle_label(row.vehicle)
        if col == COL_TAMBON:
            return row.tambon_name or ""
        return None
