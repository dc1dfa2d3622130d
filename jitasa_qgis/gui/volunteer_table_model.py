"""The volunteers tab as a Qt table: kind, load ("1/3"), availability, skills, vehicle, tambon.
Names and phone numbers are not listed (the store's query does not read them)."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt

from ..definitions.i18n import translate
from ..definitions.labels import skill_label, vehicle_label, volunteer_kind_label
from ..store.operations import VolunteerRow
from .table_model_base import RowsTableModel

COL_KIND, COL_LOAD, COL_AVAILABLE, COL_SKILLS, COL_VEHICLE, COL_TAMBON = range(6)


class VolunteerTableModel(RowsTableModel):
    columns = 6

    def headers(self) -> dict[int, str]:
        return {
            COL_KIND: translate("VolunteerTable", "Kind"),
            COL_LOAD: translate("VolunteerTable", "Load"),
            COL_AVAILABLE: translate("VolunteerTable", "Available"),
            COL_SKILLS: translate("VolunteerTable", "Skills"),
            COL_VEHICLE: translate("VolunteerTable", "Vehicle"),
            COL_TAMBON: translate("VolunteerTable", "Tambon"),
        }

    def role_data(self, row: VolunteerRow, col: int, role: int):
        if role == Qt.TextAlignmentRole and col == COL_LOAD:
            return int(Qt.AlignCenter)
        if role == Qt.ToolTipRole and col == COL_LOAD:
            return translate("VolunteerTable", "{active} active assignment(s) of at most {capacity}").format(
                active=row.active_count, capacity=row.capacity
            )
        return None

    def text(self, row: VolunteerRow, col: int) -> Optional[str]:
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
