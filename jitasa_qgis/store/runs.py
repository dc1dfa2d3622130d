"""What the Runs tab of the operations dock reads: assignment runs still waiting for review, and the
proposals of one run. Confirming and rejecting go through store.assignments.

Readers run in the caller's transaction and leave it as it is (give them an autocommit connection).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from ..definitions.enums import RequestCategory, RequestStatus, RunStatus, Urgency, VolunteerKind
from .calls import checked_id, fetch

RUNS_LIMIT = 200
# A run's proposals are listed up to this many (most urgent first); confirming the whole run acts on all.
RUN_ROWS_LIMIT = 5000


@dataclass(frozen=True)
class RunRow:
    """A run with proposals left to review."""

    id: int
    method: str  # nearest, optimal, manual
    scope: str  # 'all', 'amphoe:6701', …
    status: RunStatus
    created_at: datetime
    created_by: str
    proposed: int  # rows still waiting for confirmation
    total: int  # all rows of the run


@dataclass(frozen=True)
class ProposalRow:
    """One proposed assignment of a run."""

    id: int  # the assignment's id
    request_id: int
    category: RequestCategory
    urgency: Urgency
    request_status: RequestStatus
    waiting_s: float
    tambon_name: Optional[str]
    volunteer_id: int
    volunteer_kind: VolunteerKind
    travel_minutes: Optional[float]
    cost_is_estimate: bool


def runs_to_review(conn, limit: int = RUNS_LIMIT) -> list[RunRow]:
    """Runs that are 'proposed' or 'partial' and still have proposals, newest first."""
    rows = fetch(
        conn,
        """
        SELECT r.id, r.method, r.scope, r.status::text, r.created_at, r.created_by, c.proposed, c.total
          FROM jitasa.assignment_run r
          CROSS JOIN LATERAL (
              SELECT count(*) FILTER (WHERE a.status = 'proposed') AS proposed, count(*) AS total
                FROM jitasa.assignment a WHERE a.run_id = r.id) c
         WHERE r.status IN ('proposed', 'partial') AND c.proposed > 0
         ORDER BY r.created_at DESC, r.id DESC
         LIMIT %(limit)s""",
        {"limit": max(int(limit), 1)},
    )
    return [
        RunRow(
            id=r[0],
            method=r[1],
            scope=r[2],
            status=RunStatus(r[3]),
            created_at=r[4],
            created_by=r[5],
            proposed=int(r[6]),
            total=int(r[7]),
        )
        for r in rows
    ]


def run_proposals(conn, run_id: int, limit: int = RUN_ROWS_LIMIT) -> list[ProposalRow]:
    """The run's proposed rows: most urgent request first, then the longest waiting."""
    rows = fetch(
        conn,
        """
        SELECT a.id, a.request_id, r.category::text, r.urgency::text, r.status::text,
               extract(epoch FROM now() - r.created_at)::float8, tb.name_th,
               a.volunteer_id, v.kind::text, a.travel_minutes, a.cost_is_estimate
          FROM jitasa.assignment a
          JOIN jitasa.help_request r ON r.id = a.request_id
          JOIN jitasa.volunteer v ON v.id = a.volunteer_id
          LEFT JOIN jitasa.admin_area tb ON tb.code = r.tambon_code AND tb.level = 'tambon'
         WHERE a.run_id = %(run_id)s AND a.status = 'proposed'
         ORDER BY r.urgency, r.created_at, a.id
         LIMIT %(limit)s""",
        {"run_id": checked_id(run_id), "limit": max(int(limit), 1)},
    )
    return [
        ProposalRow(
            id=r[0],
            request_id=r[1],
            category=RequestCategory(r[2]),
            urgency=Urgency(r[3]),
            request_status=RequestStatus(r[4]),
            waiting_s=r[5],
            tambon_name=r[6],
            volunteer_id=r[7],
            volunteer_kind=VolunteerKind(r[8]),
            travel_minutes=r[9],
            cost_is_estimate=bool(r[10]),
        )
        for r in rows
    ]
