"""The Runs tab's two tables: assignment runs waiting for review, and the proposals of the chosen run."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import Qt

from ..core.waiting import format_waiting
from ..definitions.i18n import translate
from ..definitions.labels import category_label, run_status_label, urgency_label, volunteer_kind_label
from ..store.runs import ProposalRow, RunRow
from .assignment_text import minutes_text
from .table_model_base import RowsTableModel

RUN_COL_ID, RUN_COL_METHOD, RUN_COL_SCOPE, RUN_COL_STATUS, RUN_COL_CREATED, RUN_COL_BY, RUN_COL_PROPOSED = range(7)
(
    PROPOSAL_COL_REQUEST,
    PROPOSAL_COL_URGENCY,
    PROPOSAL_COL_CATEGORY,
    PROPOSAL_COL_WAITING,
    PROPOSAL_COL_TAMBON,
    PROPOSAL_COL_VOLUNTEER,
    PROPOSAL_COL_MINUTES,
) = range(7)


def method_label(method: str) -> str:
    return {
        "nearest": lambda: translate("RunTable", "Nearest first"),
        "optimal": lambda: translate("RunTable", "Optimal"),
        "manual": lambda: translate("RunTable", "By hand"),
    }.get(method, lambda: method)()


class RunTableModel(RowsTableModel):
    columns = 7

    def headers(self) -> dict[int, str]:
        return {
            RUN_COL_ID: translate("RunTable", "Run"),
            RUN_COL_METHOD: translate("RunTable", "Method"),
            RUN_COL_SCOPE: translate("RunTable", "Scope"),
            RUN_COL_STATUS: translate("RunTable", "Status"),
            RUN_COL_CREATED: translate("RunTable", "Created"),
            RUN_COL_BY: translate("RunTable", "By"),
            RUN_COL_PROPOSED: translate("RunTable", "To review"),
        }

    def role_data(self, row: RunRow, col: int, role: int):
        if role == Qt.TextAlignmentRole and col in (RUN_COL_ID, RUN_COL_PROPOSED):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == RUN_COL_PROPOSED:
            return translate("RunTable", "{proposed} proposal(s) waiting, of {total} row(s) in the run").format(
                proposed=row.proposed, total=row.total
            )
        return None

    def text(self, row: RunRow, col: int) -> Optional[str]:
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


class ProposalTableModel(RowsTableModel):
    columns = 7

    def headers(self) -> dict[int, str]:
        return {
            PROPOSAL_COL_REQUEST: translate("RunTable", "Request"),
            PROPOSAL_COL_URGENCY: translate("RunTable", "Urgency"),
            PROPOSAL_COL_CATEGORY: translate("RunTable", "Category"),
            PROPOSAL_COL_WAITING: translate("RunTable", "Waiting"),
            PROPOSAL_COL_TAMBON: translate("RunTable", "Tambon"),
            PROPOSAL_COL_VOLUNTEER: translate("RunTable", "Volunteer"),
            PROPOSAL_COL_MINUTES: translate("RunTable", "Minutes"),
        }

    def role_data(self, row: ProposalRow, col: int, role: int):
        if role == Qt.TextAlignmentRole and col in (PROPOSAL_COL_REQUEST, PROPOSAL_COL_MINUTES):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == PROPOSAL_COL_VOLUNTEER:
            return translate("RunTable", "Volunteer {id}").format(id=row.volunteer_id)
        if role == Qt.ToolTipRole and col == PROPOSAL_COL_MINUTES and row.cost_is_estimate:
            return translate("RunTable", "Estimated from the straight-line distance")
        return None

    def text(self, row: ProposalRow, col: int) -> Optional[str]:
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
