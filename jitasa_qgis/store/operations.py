"""What the operations dock reads and the one write it makes: paged lists of open requests, volunteers and
facilities, counts per status, area choices, and guarded request status changes.

Every list is one indexed, paged query on the server (the queue's first page reads the front of the partial
index help_request_open_idx, or of the per-amphoe / per-tambon indexes from 0004), never a walk over layer
features. Readers run in the caller's transaction and leave it as it is; give the dock an autocommit
connection so each query sees the present (now() is the transaction's start) and nothing stays idle in a
transaction. `change_request_status` commits its change, or rolls back and raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional, Sequence

import psycopg2
import psycopg2.extensions
from psycopg2 import sql

from ..definitions.enums import (
    OPEN_REQUEST_STATUSES,
    CapacityStatus,
    FacilityKind,
    RequestCategory,
    RequestStatus,
    Skill,
    Urgency,
    VehicleKind,
    VolunteerKind,
)
from .calls import call, fetch, server_message
from .connection import ConnectionSpec
from .errors import StoreError
from .migrations import check_schema_current

PAGE_SIZE = 50
DEFAULT_STALE_HOURS = 12
# A dock query never holds the GUI longer than this: the server cancels it and the dock says so.
DOCK_STATEMENT_TIMEOUT_MS = 3000


@dataclass(frozen=True)
class RequestFilter:
    """Which requests the queue shows. An empty tuple means "any"; statuses default to the open ones.

    `amphoe_code` is a 4-digit DOPA code (its tambons' codes start with it), `tambon_code` a 6-digit one.
    `text` matches the note and the tambon/amphoe names (case-insensitive), or the request id when it is
    a number.
    """

    categories: tuple[RequestCategory, ...] = ()
    urgencies: tuple[Urgency, ...] = ()
    statuses: tuple[RequestStatus, ...] = OPEN_REQUEST_STATUSES
    amphoe_code: Optional[str] = None
    tambon_code: Optional[str] = None
    text: str = ""


@dataclass(frozen=True)
class RequestRow:
    id: int
    category: RequestCategory
    urgency: Urgency
    status: RequestStatus
    people_count: int
    note: Optional[str]
    tambon_code: Optional[str]
    tambon_name: Optional[str]  # Thai name
    amphoe_name: Optional[str]  # Thai name
    created_at: datetime
    waiting_s: float  # now() - created_at on the server, in seconds
    version: int
    lon: Optional[float]
    lat: Optional[float]


@dataclass(frozen=True)
class VolunteerRow:
    id: int
    kind: VolunteerKind
    active_count: int
    capacity: int
    available: bool
    skills: tuple[Skill, ...]
    vehicle: VehicleKind
    tambon_code: Optional[str]
    tambon_name: Optional[str]


@dataclass(frozen=True)
class FacilityRow:
    id: int
    kind: FacilityKind
    name_th: str
    name_en: Optional[str]
    beds_total: Optional[int]
    beds_free: Optional[int]
    capacity_status: CapacityStatus
    capacity_updated_at: datetime
    stale: bool  # capacity last updated more than stale_hours ago
    tambon_name: Optional[str]


@dataclass(frozen=True)
class AreaChoice:
    code: str
    name_th: str
    name_en: Optional[str]


# --- the dock's connection ---------------------------------------------------------------------------------


def open_dock_connection(
    spec: ConnectionSpec, statement_timeout_ms: int = DOCK_STATEMENT_TIMEOUT_MS
) -> psycopg2.extensions.connection:
    """An autocommit connection for the dock's reads, on a store with the current schema, whose statements
    the server cancels after `statement_timeout_ms`. Raises StoreError (SchemaVersionError) otherwise."""
    conn = spec.connect(autocommit=True)
    try:
        check_schema_current(conn)
        with conn.cursor() as cur:
            cur.execute("SELECT set_config('statement_timeout', %s, false)", (str(int(statement_timeout_ms)),))
    except psycopg2.Error as exc:
        conn.close()
        raise StoreError(server_message(exc)) from None
    except StoreError:
        conn.close()
        raise
    return conn


# --- reading ------------------------------------------------------------------------------------------------

# {note}: r.note, or NULL for a role that may not read it (analysts: a note may name a person)
_REQUEST_COLUMNS = sql.SQL("""
SELECT r.id, r.category::text, r.urgency::text, r.status::text, r.people_count, {note}, r.tambon_code,
       tb.name_th, am.name_th, r.created_at, extract(epoch FROM now() - r.created_at)::float8, r.version,
       ST_X(r.geom), ST_Y(r.geom)
  FROM jitasa.help_request r
  LEFT JOIN jitasa.admin_area tb ON tb.code = r.tambon_code
  LEFT JOIN jitasa.admin_area am ON am.code = tb.parent_code""")

# Queue order: urgency (the enum's order: critical first), then the longest waiting; id breaks ties so
# pages never overlap or skip.
_QUEUE_ORDER = sql.SQL("ORDER BY r.urgency, r.created_at, r.id")


def open_requests_page(
    conn, flt: Optional[RequestFilter] = None, limit: int = PAGE_SIZE, offset: int = 0
) -> list[RequestRow]:
    """One page of the request queue: critical first, then the longest waiting."""
    flt = flt or RequestFilter()
    note_ok = note_readable(conn)
    where, params = _request_where(flt, with_statuses=True, note_ok=note_ok)
    params.update(limit=max(int(limit), 0), offset=max(int(offset), 0))
    columns = _REQUEST_COLUMNS.format(note=sql.SQL("r.note" if note_ok else "NULL::text"))
    query = sql.SQL("{} WHERE {} {} LIMIT %(limit)s OFFSET %(offset)s").format(columns, where, _QUEUE_ORDER)
    rows = fetch(conn, query, params)
    return [
        RequestRow(
            id=r[0],
            category=RequestCategory(r[1]),
            urgency=Urgency(r[2]),
            status=RequestStatus(r[3]),
            people_count=r[4],
            note=r[5],
            tambon_code=r[6],
            tambon_name=r[7],
            amphoe_name=r[8],
            created_at=r[9],
            waiting_s=r[10],
            version=r[11],
            lon=r[12],
            lat=r[13],
        )
        for r in rows
    ]


def status_counts(
    conn, flt: Optional[RequestFilter] = None, statuses: Optional[Sequence[RequestStatus]] = None
) -> dict[RequestStatus, int]:
    """How many requests match `flt` in each of `statuses` (default: the open ones), zeros included.

    `flt.statuses` is not applied: the counts label shows every open status while the list may show one.
    """
    wanted = tuple(RequestStatus(s) for s in (statuses or OPEN_REQUEST_STATUSES))
    where, params = _request_where(flt or RequestFilter(), with_statuses=False, note_ok=note_readable(conn))
    params["count_statuses"] = tuple(s.value for s in wanted)
    open_only = sql.SQL(" AND r.is_open" if set(params["count_statuses"]) <= _OPEN_VALUES else "")
    query = sql.SQL("""
        SELECT r.status::text, count(*) FROM jitasa.help_request r
         WHERE r.status IN %(count_statuses)s{} AND {}
         GROUP BY r.status""").format(open_only, where)
    counts = {s: 0 for s in wanted}
    for status, n in fetch(conn, query, params):
        counts[RequestStatus(status)] = int(n)
    return counts


_OPEN_VALUES = {s.value for s in OPEN_REQUEST_STATUSES}


def note_readable(conn) -> bool:
    """Whether the connected role may read requests' notes (officers and admins; analysts may not)."""
    rows = fetch(conn, "SELECT has_column_privilege('jitasa.help_request', 'note', 'SELECT')", None)
    return bool(rows and rows[0][0])


def _request_where(flt: RequestFilter, with_statuses: bool, note_ok: bool = True) -> tuple[sql.Composable, dict]:
    """The WHERE clause for `flt` and its bound parameters.

    Value lists are bound as `IN (...)` tuples, not as arrays cast to the enum type: the planner can prove
    `status IN ('new', ...)` implies the partial indexes' predicate, but not a cast it cannot fold.
    """
    parts: list[sql.Composable] = []
    params: dict = {}
    if with_statuses and flt.statuses:
        parts.append(sql.SQL("r.status IN %(statuses)s"))
        params["statuses"] = tuple(RequestStatus(s).value for s in flt.statuses)
        if set(params["statuses"]) <= _OPEN_VALUES:
            parts.append(sql.SQL("r.is_open"))  # the open-request indexes are partial on it (0020)
    if flt.categories:
        parts.append(sql.SQL("r.category IN %(categories)s"))
        params["categories"] = tuple(RequestCategory(c).value for c in flt.categories)
    if flt.urgencies:
        parts.append(sql.SQL("r.urgency IN %(urgencies)s"))
        params["urgencies"] = tuple(Urgency(u).value for u in flt.urgencies)
    if flt.tambon_code:
        parts.append(sql.SQL("r.tambon_code = %(tambon)s"))
        params["tambon"] = flt.tambon_code
    if flt.amphoe_code:
        # the expression of help_request_open_amphoe_idx
        parts.append(sql.SQL("left(r.tambon_code, 4) = %(amphoe)s"))
        params["amphoe"] = flt.amphoe_code
    text = (flt.text or "").strip()
    if text:
        params["pattern"] = "%" + _like_escape(text) + "%"
        # Area names are matched once (an InitPlan), then requests by tambon code, so each branch of the OR
        # can use an index (the note's trigram index, the per-tambon index, the primary key).
        match = sql.SQL("""{note} ILIKE %(pattern)s
            OR r.tambon_code = ANY (ARRAY(
                SELECT t.code FROM jitasa.admin_area t LEFT JOIN jitasa.admin_area a ON a.code = t.parent_code
                 WHERE t.level = 'tambon'
                   AND (t.name_th ILIKE %(pattern)s OR t.name_en ILIKE %(pattern)s
                        OR a.name_th ILIKE %(pattern)s OR a.name_en ILIKE %(pattern)s)))""").format(
            note=sql.SQL("r.note" if note_ok else "NULL::text")
        )
        if text.isdigit() and int(text) < 2**31:
            params["text_id"] = int(text)
            match = sql.SQL("{} OR r.id = %(text_id)s").format(match)
        parts.append(sql.SQL("({})").format(match))
    if not parts:
        parts.append(sql.SQL("true"))
    return sql.SQL(" AND ").join(parts), params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def volunteers_page(
    conn,
    *,
    kinds: Sequence[VolunteerKind] = (),
    available_only: bool = False,
    amphoe_code: Optional[str] = None,
    tambon_code: Optional[str] = None,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> list[VolunteerRow]:
    """One page of volunteers (no names or phones): available ones with the most free capacity first."""
    parts: list[sql.Composable] = [sql.SQL("true")]
    params: dict = {"limit": max(int(limit), 0), "offset": max(int(offset), 0)}
    if kinds:
        parts.append(sql.SQL("v.kind IN %(kinds)s"))
        params["kinds"] = tuple(VolunteerKind(k).value for k in kinds)
    if available_only:
        parts.append(sql.SQL("v.available"))
    if tambon_code:
        parts.append(sql.SQL("v.tambon_code = %(tambon)s"))
        params["tambon"] = tambon_code
    if amphoe_code:
        parts.append(sql.SQL("left(v.tambon_code, 4) = %(amphoe)s"))
        params["amphoe"] = amphoe_code
    query = sql.SQL("""
        SELECT v.id, v.kind::text, v.active_count, v.capacity, v.available, v.skills::text[], v.vehicle::text,
               v.tambon_code, tb.name_th
          FROM jitasa.volunteer v
          LEFT JOIN jitasa.admin_area tb ON tb.code = v.tambon_code
         WHERE {}
         ORDER BY v.available DESC, v.capacity - v.active_count DESC, v.id
         LIMIT %(limit)s OFFSET %(offset)s""").format(sql.SQL(" AND ").join(parts))
    return [
        VolunteerRow(
            id=r[0],
            kind=VolunteerKind(r[1]),
            active_count=r[2],
            capacity=r[3],
            available=r[4],
            skills=tuple(Skill(s) for s in (r[5] or ())),
            vehicle=VehicleKind(r[6]),
            tambon_code=r[7],
            tambon_name=r[8],
        )
        for r in fetch(conn, query, params)
    ]


def facilities_page(
    conn,
    *,
    kinds: Sequence[FacilityKind] = (),
    amphoe_code: Optional[str] = None,
    tambon_code: Optional[str] = None,
    stale_hours: float = DEFAULT_STALE_HOURS,
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> list[FacilityRow]:
    """One page of facilities by kind and name, each flagged stale when its capacity was last updated more
    than `stale_hours` ago (by the server's clock)."""
    parts: list[sql.Composable] = [sql.SQL("true")]
    params: dict = {"limit": max(int(limit), 0), "offset": max(int(offset), 0), "stale_hours": float(stale_hours)}
    if kinds:
        parts.append(sql.SQL("f.kind IN %(kinds)s"))
        params["kinds"] = tuple(FacilityKind(k).value for k in kinds)
    if tambon_code:
        parts.append(sql.SQL("f.tambon_code = %(tambon)s"))
        params["tambon"] = tambon_code
    if amphoe_code:
        parts.append(sql.SQL("left(f.tambon_code, 4) = %(amphoe)s"))
        params["amphoe"] = amphoe_code
    query = sql.SQL("""
        SELECT f.id, f.kind::text, f.name_th, f.name_en, f.beds_total, f.beds_free, f.capacity_status::text,
               f.capacity_updated_at,
               f.capacity_updated_at < now() - make_interval(secs => %(stale_hours)s * 3600),
               tb.name_th
          FROM jitasa.facility f
          LEFT JOIN jitasa.admin_area tb ON tb.code = f.tambon_code
         WHERE {}
         ORDER BY f.kind, f.name_th, f.id
         LIMIT %(limit)s OFFSET %(offset)s""").format(sql.SQL(" AND ").join(parts))
    return [
        FacilityRow(
            id=r[0],
            kind=FacilityKind(r[1]),
            name_th=r[2],
            name_en=r[3],
            beds_total=r[4],
            beds_free=r[5],
            capacity_status=CapacityStatus(r[6]),
            capacity_updated_at=r[7],
            stale=bool(r[8]),
            tambon_name=r[9],
        )
        for r in fetch(conn, query, params)
    ]


def amphoe_choices(conn) -> list[AreaChoice]:
    """Every amphoe in the store, by code."""
    rows = fetch(
        conn,
        sql.SQL("SELECT code, name_th, name_en FROM jitasa.admin_area WHERE level = 'amphoe' ORDER BY code"),
        {},
    )
    return [AreaChoice(*r) for r in rows]


def tambon_choices(conn, amphoe_code: Optional[str]) -> list[AreaChoice]:
    """The tambons of one amphoe by code; every tambon when `amphoe_code` is None."""
    if amphoe_code:
        query = sql.SQL(
            "SELECT code, name_th, name_en FROM jitasa.admin_area "
            "WHERE level = 'tambon' AND parent_code = %(amphoe)s ORDER BY code"
        )
        return [AreaChoice(*r) for r in fetch(conn, query, {"amphoe": amphoe_code})]
    query = sql.SQL("SELECT code, name_th, name_en FROM jitasa.admin_area WHERE level = 'tambon' ORDER BY code")
    return [AreaChoice(*r) for r in fetch(conn, query, {})]


# --- writing ------------------------------------------------------------------------------------------------


def change_request_status(
    conn, request_id: int, expected_version: int, status: RequestStatus | str, reason: Optional[str] = None
) -> int:
    """Move a request to `status` through the store's guarded function and commit; returns its new version.

    Raises StaleWriteError when someone changed the request since `expected_version` was read, StoreError
    for a change the workflow does not allow, a cancellation without a reason, a role that may not change
    status, or a lost connection; the message is the server's. On error the transaction is rolled back and
    nothing was changed.
    """
    rows = call(
        conn,
        "SELECT jitasa.change_request_status(%s, %s, %s, %s)",
        (int(request_id), int(expected_version), RequestStatus(status).value, reason),
        commit=True,
    )
    return int(rows[0][0])
