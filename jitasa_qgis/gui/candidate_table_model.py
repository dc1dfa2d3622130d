"""The assign panel's table: a request's candidates ranked (core/candidate_ranking.py).

Names and phone numbers are shown when the store gave them (officers and admins, see store/candidates.py);
for other logins the candidates carry none, the volunteer column shows the kind and the panel hides the
phone column (`with_contacts`)."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont

from ..core.candidate_ranking import RankedCandidate, Ranking
from ..definitions.i18n import translate
from ..definitions.labels import skill_label, vehicle_label
from .assignment_text import candidate_status_text, minutes_text, volunteer_text
from .table_model_base import RowsTableModel

# Skills last: the longest text, so the columns that decide (time, load, can go) stay in view.
# The name and phone next to the rank: an officer calls the volunteer from this row.
(COL_RANK, COL_VOLUNTEER, COL_PHONE, COL_MINUTES, COL_DISTANCE, COL_LOAD, COL_ELIGIBILITY, COL_VEHICLE, COL_SKILLS) = (
    range(9)
)
_CANNOT_GO = QColor(120, 120, 120)


class CandidateTableModel(RowsTableModel):
    columns = 9

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ranking = Ranking()
        self._with_contacts = False

    def set_ranking(self, ranking: Ranking, with_contacts: bool = False) -> None:
        """`with_contacts`: the login may read names and phones (the candidates carry them)."""
        self.beginResetModel()
        self._ranking = ranking
        self._with_contacts = bool(with_contacts)
        self._rows = list(ranking.rows)
        self.endResetModel()

    @property
    def ranking(self) -> Ranking:
        return self._ranking

    @property
    def with_contacts(self) -> bool:
        return self._with_contacts

    def row_of_volunteer(self, volunteer_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.volunteer_id == volunteer_id), -1)

    def headers(self) -> dict[int, str]:
        return {
            COL_RANK: translate("CandidateTable", "#"),
            COL_VOLUNTEER: translate("CandidateTable", "Volunteer"),
            COL_PHONE: translate("CandidateTable", "Phone"),
            COL_MINUTES: translate("CandidateTable", "Minutes (est.)")
            if self._ranking.is_estimate
            else translate("CandidateTable", "Minutes by road"),
            COL_DISTANCE: translate("CandidateTable", "km"),
            COL_LOAD: translate("CandidateTable", "Load"),
            COL_SKILLS: translate("CandidateTable", "Skills"),
            COL_VEHICLE: translate("CandidateTable", "Vehicle"),
            COL_ELIGIBILITY: translate("CandidateTable", "Can go?"),
        }

    def header_tooltip(self, section: int) -> Optional[str]:
        if section == COL_MINUTES and not self._ranking.is_estimate:
            return translate(
                "CandidateTable", "Road minutes on the network '{network}', with the off-road leg to the nearest road"
            ).format(network=self._ranking.network_name or "")
        if section == COL_MINUTES:
            return translate(
                "CandidateTable", "Straight-line distance at {speed} km/h: an estimate, not road travel time"
            ).format(speed=f"{self._ranking.speed_kmh:g}")
        return None

    def role_data(self, row: RankedCandidate, col: int, role: int):
        c = row.candidate
        if role == Qt.ForegroundRole and not row.eligible:
            return QBrush(_CANNOT_GO)
        if role == Qt.FontRole and row.rank == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.TextAlignmentRole and col in (COL_RANK, COL_MINUTES, COL_DISTANCE, COL_LOAD):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole:
            if col == COL_LOAD:
                return translate("CandidateTable", "{active} active assignment(s) of at most {capacity}").format(
                    active=c.active_count, capacity=c.capacity
                )
            if col == COL_VOLUNTEER:
                return translate("CandidateTable", "Volunteer {id}").format(id=c.id)
        return None

    def text(self, row: RankedCandidate, col: int) -> Optional[str]:
        c = row.candidate
        if col == COL_RANK:
            return str(row.rank) if row.rank is not None else "–"
        if col == COL_VOLUNTEER:
            return volunteer_text(c)
        if col == COL_PHONE:
            return (getattr(c, "phone", None) or "") if self._with_contacts else ""
        if col == COL_MINUTES:
            return minutes_text(row.minutes, self._ranking.is_estimate)
        if col == COL_DISTANCE:
            return f"{c.distance_m / 1000:.1f}"
        if col == COL_LOAD:
            return row.load_text
        if col == COL_SKILLS:
            return ", ".join(skill_label(s) for s in c.skills)
        if col == COL_VEHICLE:
            return vehicle_label(c.vehicle)
        if col == COL_ELIGIBILITY:
            return candidate_status_text(row)
        return None
