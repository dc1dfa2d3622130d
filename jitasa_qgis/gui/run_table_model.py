"""The Runs tab's two tables: assignment runs waiting for review, and the proposals of the chosen run."""
from __future__ import annotations

from typing import Optional, Sequence

from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

from ..core.waiting import format_waiting
from ..definitions.i18n import translate
from ..definitions.labels import category_label, run_status_label, urgency_label, volunteer_kind_label
from ..store.runs import ProposalRow, RunRow
from .assignment_text import minutes_text

RUN_COL_ID, RUN_COL_METHOD, RUN_COL_SCOPE, RUN_COL_STATUS, RUN_COL_CREATED, RUN_COL_BY, RUN_COL_PROPOSED = range(7)
(PROPOSAL_COL_REQUEST, PROPOSAL_COL_URGENCY, PROPOSAL_COL_CATEGORY, PROPOSAL_COL_WAITING, PROPOSAL_COL_TAMBON,
 PROPOSAL_COL_VOLUNTEER, PROPOSAL_COL_MINUTES) = range(7)


def method_label(method: str) -> str:
    return {
        "nearest": lambda: translate("RunTable", "Nearest first"),
        "optimal": lambda: translate("RunTable", "Optimal"),
        "manual": lambda: translate("RunTable", "By hand"),
    }.get(method, lambda: method)()


class _RowsModel(QAbstractTableModel):
    columns = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return list(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self.columns


class RunTableModel(_RowsModel):
    columns = 7

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return {
            RUN_COL_ID: translate("RunTable", "Run"),
            RUN_COL_METHOD: translate("RunTable", "Method"),
            RUN_COL_SCOPE: translate("RunTable", "Scope"),
            RUN_COL_STATUS: translate("RunTable", "Status"),
            RUN_COL_CREATED: translate("RunTable", "Created"),
            RUN_COL_BY: translate("RunTable", "By"),
            RUN_COL_PROPOSED: translate("RunTable", "To review"),
        }.get(section)

    def data(self, index, role=Qt.DisplayRole):
        row: Optional[RunRow] = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.TextAlignmentRole and col in (RUN_COL_ID, RUN_COL_PROPOSED):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == RUN_COL_PROPOSED:
            return translate("RunTable", "{proposed} proposal(s) waiting, of {total} row(s) in the run").format(
                proposed=row.proposed, total=row.total)
        if role != Qt.DisplayRole:
            return None
        if col == RUN_COL_ID:
            return str(row.id)
        if col == RUN_COL_METHOD:
            return method_label(row.method)
        if col == RUN_COL_SCOPE:
            return row.scope
        if col == RUN_COL_STATUS:
            return run_status_label(row.status)
        if col == RUN_COL_CREATED:
            return row.created_at.astimezone().strftime("%d/%m %H:%M")
        if col == RUN_COL_BY:
            return row.created_by
        if col == RUN_COL_PROPOSED:
            return f"{row.proposed:,}"
        return None


class ProposalTableModel(_RowsModel):
    columns = 7

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 - Qt API
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        return {
            PROPOSAL_COL_REQUEST: translate("RunTable", "Request"),
            PROPOSAL_COL_URGENCY: translate("RunTable", "Urgency"),
            PROPOSAL_COL_CATEGORY: translate("RunTable", "Category"),
            PROPOSAL_COL_WAITING: translate("RunTable", "Waiting"),
            PROPOSAL_COL_TAMBON: translate("RunTable", "Tambon"),
            PROPOSAL_COL_VOLUNTEER: translate("RunTable", "Volunteer"),
            PROPOSAL_COL_MINUTES: translate("RunTable", "Minutes"),
        }.get(section)

    def data(self, index, role=Qt.DisplayRole):
        row: Optional[ProposalRow] = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.TextAlignmentRole and col in (PROPOSAL_COL_REQUEST, PROPOSAL_COL_MINUTES):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == PROPOSAL_COL_VOLUNTEER:
            return translate("RunTable", "Volunteer {id}").format(id=row.volunteer_id)
        if role == Qt.ToolTipRole and col == PROPOSAL_COL_MINUTES and row.cost_is_estimate:
            return translate("RunTable", "Estimated from the straight-line distance")
        if role != Qt.DisplayRole:
            return None
        if col == PROPOSAL_COL_REQUEST:
            return str(row.request_id)
        if col == PROPOSAL_COL_URGENCY:
            return urgency_label(row.urgency)
        if col == PROPOSAL_COL_CATEGORY:
            return category_label(row.category)
        if col == PROPOSAL_COL_WAITING:
            return format_waiting(row.waiting_s)
        if col == PROPOSAL_COL_TAMBON:
            return row.tambon_name or ""
        if col == PROPOSAL_COL_VOLUNTEER:
            return volunteer_kind_label(row.volunteer_kind)
        if col == PROPOSAL_COL_MINUTES:
            return minutes_text(row.travel_minutes, row.cost_is_estimate)
        return None
