"""Assigning volunteers on the store: runs, proposals, confirmation, ending and reassigning (through the SQL
functions of resources/sql/definitions/040_assignment.sql), and what a solver needs to read.

Writes go through the store's functions, which lock what they touch (requests, then assignments, then
volunteers, each in id order) and check everything again on the server: a batch is never failed as a whole
because one row became stale; that row is refused with a reason code (`RefusalReason`, with a detail) and
the rest is written. definitions.reasons.reason_text(code, detail) says it in words.
Each writer commits by default (`commit=False` leaves the transaction open, e.g. to create a run and propose
in one transaction); on error it rolls back and raises StaleWriteError (someone changed the row first,
SQLSTATE 40001) or StoreError (anything else, with the server's message), and nothing was written.

`load_assignment_inputs` reads, in the caller's transaction, the open unassigned requests of a scope and the
volunteers who could serve them, as plain columns (lists) for `core.assignment`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Optional, Sequence

import psycopg2
from psycopg2 import sql
from psycopg2.extras import Json

from ..definitions.i18n import translate
from ..definitions.reasons import RefusalReason
from .calls import call, checked_id, rollback_quietly, server_message
from .errors import StoreError

# The codes the server returns for a refused pair (definitions.reasons.RefusalReason); a row's detail says
# more: what the category needs (volunteer_not_eligible), the row's status (request_*, not_proposed).
REFUSAL_REASONS = tuple(r.value for r in RefusalReason)


class Outcome(str, Enum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    REFUSED = "refused"


class EndAction(str, Enum):
    """How an active assignment ends: unassign (cancelled) and decline (declined) put the request back to
    'new' and need a reason; complete (completed) closes the request as 'done'."""

    UNASSIGN = "unassign"
    DECLINE = "decline"
    COMPLETE = "complete"


@dataclass(frozen=True)
class PairOutcome:
    """What happened to one (request, volunteer) pair of a batch."""

    request_id: int
    volunteer_id: int
    assignment_id: Optional[int]  # None for a pair refused before a row was written
    outcome: Outcome
    reason: Optional[str]  # why it was refused: a RefusalReason value; None otherwise
    detail: Optional[dict] = None  # the refusal's detail (see definitions.reasons), None when it has none

    @property
    def refused(self) -> bool:
        return self.outcome is Outcome.REFUSED


@dataclass(frozen=True)
class BatchResult:
    """Per-row outcomes of one write to a run, in the order the server reports them."""

    run_id: int
    rows: tuple[PairOutcome, ...] = ()

    def count(self, outcome: Outcome | str) -> int:
        wanted = Outcome(outcome)
        return sum(1 for r in self.rows if r.outcome is wanted)

    @property
    def confirmed(self) -> int:
        return self.count(Outcome.CONFIRMED)

    @property
    def proposed(self) -> int:
        return self.count(Outcome.PROPOSED)

    @property
    def refused(self) -> int:
        return self.count(Outcome.REFUSED)

    def refusals(self) -> list[tuple[str, Optional[dict]]]:
        """(reason code, detail) of each refused row, in order (for definitions.reasons.reasons_text)."""
        return [(r.reason or "", r.detail) for r in self.rows if r.refused]

    def refused_by_reason(self) -> dict[str, int]:
        """Refusals per reason code, e.g. {'volunteer_full': 3, 'request_closed': 1}."""
        counts: dict[str, int] = {}
        for r in self.rows:
            if r.refused:
                counts[r.reason or ""] = counts.get(r.reason or "", 0) + 1
        return counts


# --- writing ------------------------------------------------------------------------------------------------


def create_run(conn, method: str, scope: str = "all", params: Optional[dict] = None, *, commit: bool = True) -> int:
    """A new assignment run (status 'proposed'); returns its id. `method`: nearest, optimal, manual."""
    rows = call(conn, "SELECT jitasa.create_run(%s, %s, %s)", (method, scope, Json(params or {})), commit)
    return int(rows[0][0])


def propose_assignments(
    conn,
    run_id: int,
    request_ids: Sequence[int],
    volunteer_ids: Sequence[int],
    minutes: Optional[Sequence[Optional[float]]] = None,
    is_estimate: bool = True,
    *,
    commit: bool = True,
) -> BatchResult:
    """Write a 'proposed' row for each pair acceptable now; refuse the others with a reason (no row).

    `minutes` are the travel times (None for unknown); `is_estimate` marks them as great-circle estimates.
    Nothing is locked: `confirm_assignments` checks every row again.
    """
    args = _pair_args(run_id, request_ids, volunteer_ids, minutes, is_estimate)
    rows = call(
        conn,
        "SELECT * FROM jitasa.propose_assignments(%s, %s::integer[], %s::integer[], %s::real[], %s)",
        args,
        commit,
    )
    return _batch(run_id, rows)


def confirm_assignments(
    conn, run_id: int, assignment_ids: Optional[Iterable[int]] = None, *, commit: bool = True
) -> BatchResult:
    """Confirm the run's proposals (all of them, or `assignment_ids`) in one transaction.

    Rows that became stale are refused with their reason (and become 'rejected'); the others become
    active, their requests 'assigned', their volunteers' loads grow. Named rows that are no longer
    proposals are reported as refused (not_proposed, detail {'status': …}) and left alone.
    """
    ids = None if assignment_ids is None else _int_array(assignment_ids)
    rows = call(conn, "SELECT * FROM jitasa.confirm_assignments(%s, %s::integer[])", (checked_id(run_id), ids), commit)
    return BatchResult(
        int(run_id),
        tuple(
            PairOutcome(
                request_id=r[1], volunteer_id=r[2], assignment_id=r[0], outcome=Outcome(r[3]), reason=r[4], detail=r[5]
            )
            for r in rows
        ),
    )


def assign_pairs(
    conn,
    run_id: int,
    request_ids: Sequence[int],
    volunteer_ids: Sequence[int],
    minutes: Optional[Sequence[Optional[float]]] = None,
    is_estimate: bool = True,
    *,
    commit: bool = True,
) -> BatchResult:
    """ "Confirm directly": the acceptable pairs become active assignments of the run at once, under the same
    locks and checks as `confirm_assignments`; refused pairs are reported with their reason (no row)."""
    args = _pair_args(run_id, request_ids, volunteer_ids, minutes, is_estimate)
    rows = call(
        conn, "SELECT * FROM jitasa.assign_pairs(%s, %s::integer[], %s::integer[], %s::real[], %s)", args, commit
    )
    return _batch(run_id, rows)


def reject_assignments(
    conn, run_id: int, assignment_ids: Optional[Iterable[int]] = None, *, commit: bool = True
) -> int:
    """Reject the run's proposals (all, or `assignment_ids`); returns how many were rejected."""
    ids = None if assignment_ids is None else _int_array(assignment_ids)
    rows = call(conn, "SELECT jitasa.reject_assignments(%s, %s::integer[])", (checked_id(run_id), ids), commit)
    return int(rows[0][0])


def end_assignment(
    conn,
    assignment_id: int,
    expected_version: int,
    action: EndAction | str,
    reason: Optional[str] = None,
    *,
    commit: bool = True,
) -> int:
    """End an active assignment (unassign / decline need a reason); returns its new version.

    The request goes back to 'new' (unassign, decline) or becomes 'done' (complete); the volunteer's load
    drops. StaleWriteError when the assignment changed since `expected_version` was read.
    """
    try:
        action_value = EndAction(action).value
    except ValueError:
        raise StoreError(translate("StoreErrors", "Unknown way to end an assignment: {0}").format(action)) from None
    rows = call(
        conn,
        "SELECT jitasa.end_assignment(%s, %s, %s, %s)",
        (checked_id(assignment_id), checked_id(expected_version), action_value, reason),
        commit,
    )
    return int(rows[0][0])


def reassign(
    conn, assignment_id: int, expected_version: int, new_volunteer_id: int, reason: str, *, commit: bool = True
) -> int:
    """Move an active assignment to another volunteer (cancelling the old one with `reason`); returns the
    new assignment's id. StoreError, naming why, when the new volunteer is unavailable, not eligible or
    full; StaleWriteError when the assignment changed since `expected_version` was read."""
    rows = call(
        conn,
        "SELECT jitasa.reassign(%s, %s, %s, %s)",
        (checked_id(assignment_id), checked_id(expected_version), checked_id(new_volunteer_id), reason),
        commit,
    )
    return int(rows[0][0])


def _pair_args(run_id, request_ids, volunteer_ids, minutes, is_estimate) -> tuple:
    request_ids = list(request_ids)
    volunteer_ids = list(volunteer_ids)
    minutes = None if minutes is None else list(minutes)
    if len(request_ids) != len(volunteer_ids) or (minutes is not None and len(minutes) != len(request_ids)):
        raise StoreError(
            translate(
                "StoreErrors",
                "A batch of assignments needs one volunteer (and one travel time) per request: got {0} request ids, "
                "{1} volunteer ids and {2} travel times. Nothing was written.",
            ).format(len(request_ids), len(volunteer_ids), "-" if minutes is None else len(minutes))
        )
    return (
        checked_id(run_id),
        _int_array(request_ids),
        _int_array(volunteer_ids),
        None if minutes is None else _real_array(minutes),
        bool(is_estimate),
    )


def _batch(run_id: int, rows: list[tuple]) -> BatchResult:
    return BatchResult(
        int(run_id),
        tuple(
            PairOutcome(
                request_id=r[0], volunteer_id=r[1], assignment_id=r[2], outcome=Outcome(r[3]), reason=r[4], detail=r[5]
            )
            for r in rows
        ),
    )


def _int_array(values: Iterable) -> str:
    """A PostgreSQL array literal of integers, bound as one text parameter (5,000 ids parse in a moment)."""
    return "{" + ",".join(str(checked_id(v)) for v in values) + "}"


def _real_array(values: Iterable[Optional[float]]) -> str:
    parts = []
    for v in values:
        if v is None:
            parts.append("NULL")
            continue
        try:
            number = float(v)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise StoreError(
                translate(
                    "StoreErrors", "Travel times must be 0 minutes or more, got {0!r}. Nothing was written."
                ).format(v)
            )
        parts.append(repr(number))
    return "{" + ",".join(parts) + "}"


# --- reading what the solvers need ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which requests a run serves: everything (no field set), one amphoe or tambon (DOPA code), one service
    area (id), or a polygon given as WKT in `polygon_srid` (default WGS 84). At most one may be set."""

    amphoe_code: Optional[str] = None
    tambon_code: Optional[str] = None
    service_area_id: Optional[int] = None
    polygon_wkt: Optional[str] = None
    polygon_srid: int = 4326

    def __post_init__(self) -> None:
        chosen = [
            v
            for v in (self.amphoe_code, self.tambon_code, self.service_area_id, self.polygon_wkt)
            if v not in (None, "")
        ]
        if len(chosen) > 1:
            raise StoreError(
                translate("StoreErrors", "Choose one scope: an amphoe, a tambon, a service area or a polygon.")
            )

    @property
    def is_all(self) -> bool:
        return not (self.amphoe_code or self.tambon_code or self.service_area_id is not None or self.polygon_wkt)

    def describe(self) -> str:
        """A short, stable text for the run's `scope` column: 'all', 'amphoe:6701', 'service_area:3' …"""
        if self.amphoe_code:
            return f"amphoe:{self.amphoe_code}"
        if self.tambon_code:
            return f"tambon:{self.tambon_code}"
        if self.service_area_id is not None:
            return f"service_area:{int(self.service_area_id)}"
        if self.polygon_wkt:
            return "polygon"
        return "all"


@dataclass(frozen=True)
class RequestColumns:
    """Open unassigned requests, one list per column. `created_at` is seconds since the epoch; `waiting_s`
    is how long each has waited by the server's clock."""

    id: list[int] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    urgency: list[str] = field(default_factory=list)
    created_at: list[float] = field(default_factory=list)
    waiting_s: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.id)


@dataclass(frozen=True)
class VolunteerColumns:
    """Available volunteers with room left; `capacity` is what remains (capacity − active assignments)."""

    id: list[int] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    skills: list[list[str]] = field(default_factory=list)
    vehicle: list[str] = field(default_factory=list)
    capacity: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.id)


@dataclass(frozen=True)
class AssignmentInputs:
    """What a solver needs for one scope.

    `unlocated_request_ids`: open unassigned requests without a location. They cannot be placed in any
    area, so they are listed whatever the scope ("N requests have no location").
    """

    requests: RequestColumns
    volunteers: VolunteerColumns
    unlocated_request_ids: list[int] = field(default_factory=list)

    @property
    def unlocated_requests(self) -> int:
        return len(self.unlocated_request_ids)


_OPEN_UNASSIGNED = sql.SQL("""r.status = 'new'
   AND NOT EXISTS (SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active')""")


def load_assignment_inputs(conn, scope: Optional[Scope] = None, margin_km: float = 0.0) -> AssignmentInputs:
    """Open unassigned requests (status 'new', no active assignment) in `scope`, and the available
    volunteers with room left within the scope widened by `margin_km` (so a request near the boundary can
    get a volunteer from next door; pass the maximum travel distance).

    Runs in the caller's transaction. StoreError for an unknown area, an invalid polygon (naming the
    problem) or a negative margin.
    """
    scope = scope or Scope()
    try:
        margin_m = float(margin_km) * 1000.0
    except (TypeError, ValueError):
        margin_m = math.nan
    if not math.isfinite(margin_m) or margin_m < 0:
        raise StoreError(
            translate("StoreErrors", "The margin around the scope must be 0 km or more, got {0!r}.").format(margin_km)
        )
    try:
        with conn.cursor() as cur:
            area = _scope_area(cur, scope)
            params: dict = {"area": area, "margin_m": margin_m}
            if scope.amphoe_code:
                where = sql.SQL("left(r.tambon_code, 4) = %(code)s")
                params["code"] = scope.amphoe_code
            elif scope.tambon_code:
                where = sql.SQL("r.tambon_code = %(code)s")
                params["code"] = scope.tambon_code
            elif area is not None:
                where = sql.SQL("ST_Intersects(r.geom, %(area)s::geometry)")
            else:
                where = sql.SQL("true")
            cur.execute(
                sql.SQL("""
                SELECT r.id, ST_X(r.geom), ST_Y(r.geom), r.category::text, r.urgency::text,
                       extract(epoch FROM r.created_at)::float8, extract(epoch FROM now() - r.created_at)::float8
                  FROM jitasa.help_request r
                 WHERE {} AND r.geom IS NOT NULL AND {}
                 ORDER BY r.id""").format(_OPEN_UNASSIGNED, where),
                params,
            )
            rows = cur.fetchall()
            requests = RequestColumns(*map(list, zip(*rows))) if rows else RequestColumns()

            cur.execute(
                sql.SQL("SELECT r.id FROM jitasa.help_request r WHERE {} AND r.geom IS NULL ORDER BY r.id").format(
                    _OPEN_UNASSIGNED
                )
            )
            unlocated = [row[0] for row in cur.fetchall()]

            if area is None:
                near = sql.SQL("true")
            elif margin_m > 0:
                # once: the area widened by the margin on the ellipsoid (PostGIS picks a local projection)
                near = sql.SQL("ST_Intersects(v.geom, (SELECT ST_Buffer(%(area)s::geography, %(margin_m)s)::geometry))")
            else:
                near = sql.SQL("ST_Intersects(v.geom, %(area)s::geometry)")
            cur.execute(
                sql.SQL("""
                SELECT v.id, ST_X(v.geom), ST_Y(v.geom), v.skills::text[], v.vehicle::text,
                       v.capacity - v.active_count
                  FROM jitasa.volunteer v
                 WHERE v.available AND v.capacity > v.active_count AND v.geom IS NOT NULL AND {}
                 ORDER BY v.id""").format(near),
                params,
            )
            rows = cur.fetchall()
            volunteers = VolunteerColumns(*map(list, zip(*rows))) if rows else VolunteerColumns()
    except psycopg2.Error as exc:
        rollback_quietly(conn)
        raise StoreError(server_message(exc)) from None
    return AssignmentInputs(requests, volunteers, unlocated)


def _scope_area(cur, scope: Scope) -> Optional[str]:
    """The scope's area as EWKB hex in WGS 84, or None for 'all'. StoreError when it does not exist or the
    polygon is not valid."""
    if scope.is_all:
        return None
    if scope.amphoe_code or scope.tambon_code:
        level, code = ("amphoe", scope.amphoe_code) if scope.amphoe_code else ("tambon", scope.tambon_code)
        cur.execute("SELECT geom::text FROM jitasa.admin_area WHERE level = %s AND code = %s", (level, code))
        row = cur.fetchone()
        if row is None:
            if level == "amphoe":
                raise StoreError(translate("StoreErrors", "There is no amphoe with code {0}.").format(code))
            raise StoreError(translate("StoreErrors", "There is no tambon with code {0}.").format(code))
        return row[0]
    if scope.service_area_id is not None:
        cur.execute("SELECT geom::text FROM jitasa.service_area WHERE id = %s", (checked_id(scope.service_area_id),))
        row = cur.fetchone()
        if row is None:
            raise StoreError(translate("StoreErrors", "There is no service area {0}.").format(scope.service_area_id))
        return row[0]
    return _checked_polygon(cur, scope.polygon_wkt, scope.polygon_srid)


def _checked_polygon(cur, wkt: str, srid: int) -> str:
    try:
        cur.execute(
            """
            SELECT GeometryType(g), ST_IsEmpty(g), ST_IsValid(g), ST_IsValidReason(g),
                   CASE WHEN ST_IsValid(g) AND NOT ST_IsEmpty(g) THEN ST_Transform(g, 4326)::text END
              FROM (SELECT ST_GeomFromText(%s, %s) AS g) s""",
            (wkt, int(srid)),
        )
    except psycopg2.Error as exc:
        rollback_quietly(cur.connection)
        raise StoreError(
            translate("StoreErrors", "The scope polygon is not valid WKT: {0}").format(server_message(exc))
        ) from None
    kind, empty, valid, why, area = cur.fetchone()
    if kind not in ("POLYGON", "MULTIPOLYGON"):
        raise StoreError(translate("StoreErrors", "The scope must be a polygon, not a {0}.").format(kind))
    if empty:
        raise StoreError(translate("StoreErrors", "The scope polygon is empty."))
    if not valid:
        raise StoreError(translate("StoreErrors", "The scope polygon is not valid: {0}").format(why))
    return area
