"""Who has a request now: its active assignment (id and version, to end or reassign it with a version check
through store.assignments), the volunteer, and where the request is (to rank other volunteers for it).

Readers run in the caller's transaction and leave it as it is (give them an autocommit connection).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..definitions.enums import RequestStatus, VolunteerKind
from .calls import checked_id, fetch


@dataclass(frozen=True)
class ActiveAssignment:
    """A request's active assignment as read now."""

    id: int
    version: int
    request_id: int
    request_status: RequestStatus
    volunteer_id: int
    volunteer_kind: VolunteerKind
    volunteer_load: str  # "active/capacity", e.g. "1/3"
    lon: Optional[float]  # the request's location
    lat: Optional[float]


def active_assignment(conn, request_id: int) -> Optional[ActiveAssignment]:
    """The request's active assignment, or None when it has none (any more). No names or phone numbers."""
    rows = fetch(
        conn,
        """
        SELECT a.id, a.version, r.id, r.status::text, v.id, v.kind::text, v.active_count, v.capacity,
               ST_X(r.geom), ST_Y(r.geom)
          FROM jitasa.assignment a
          JOIN jitasa.help_request r ON r.id = a.request_id
          JOIN jitasa.volunteer v ON v.id = a.volunteer_id
         WHERE a.request_id = %(request_id)s AND a.status = 'active'""",
        {"request_id": checked_id(request_id)},
    )
    if not rows:
        return None
    r = rows[0]
    return ActiveAssignment(
        id=r[0],
        version=r[1],
        request_id=r[2],
        request_status=RequestStatus(r[3]),
        volunteer_id=r[4],
        volunteer_kind=VolunteerKind(r[5]),
        volunteer_load=f"{r[6]}/{r[7]}",
        lon=r[8],
        lat=r[9],
    )
