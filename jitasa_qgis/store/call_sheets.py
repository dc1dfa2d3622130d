"""What a call sheet prints: volunteers of a scope and the requests assigned to them.

Only what the connected (printing) role may read is selected: the server is asked with
`has_column_privilege` (store.export_rows.readable_columns). Volunteer names and phone numbers are read only
when the role may read both and the caller asked for them; requester names and phone numbers, and the
request's free-text note (which may name a person), likewise. What is not read is None here and is never
fetched from the server, so a masked sheet cannot leak it.

Locations are landmark level: the tambon and amphoe names (and the volunteer's village number); the points
are read for the sheet's small map only and are not printed as coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from psycopg2 import sql

from ..definitions.enums import AssignmentStatus
from ..definitions.i18n import translate
from .calls import fetch, read_only_snapshot
from .errors import StoreError
from .export_rows import readable_columns

VOLUNTEER_PERSONAL = (("volunteer", "name"), ("volunteer", "phone"))
REQUESTER_PERSONAL = (("help_request", "requester_name"), ("help_request", "requester_phone"))
# what a sheet cannot be made without: the role must read these
_NEEDED = (
    ("volunteer", "id"),
    ("volunteer", "kind"),
    ("volunteer", "tambon_code"),
    ("volunteer", "geom"),
    ("assignment", "volunteer_id"),
    ("assignment", "request_id"),
    ("assignment", "status"),
    ("help_request", "id"),
    ("help_request", "category"),
    ("help_request", "urgency"),
    ("help_request", "people_count"),
    ("help_request", "for_someone_else"),
    ("help_request", "tambon_code"),
    ("help_request", "geom"),
)
_OPTIONAL = (("volunteer", "vehicle"), ("volunteer", "village_no"), ("volunteer", "team"), ("help_request", "note"))


@dataclass(frozen=True)
class SheetRequest:
    request_id: int
    assignment_status: str
    category: str
    urgency: str
    people_count: int
    for_someone_else: bool
    tambon_name: Optional[str]
    amphoe_name: Optional[str]
    lon: Optional[float]  # for the map only
    lat: Optional[float]
    travel_minutes: Optional[float]
    amphoe_code: Optional[str] = None
    note: Optional[str] = None  # None unless personal data was read
    requester_name: Optional[str] = None
    requester_phone: Optional[str] = None


@dataclass
class SheetVolunteer:
    volunteer_id: int
    kind: str
    vehicle: Optional[str]
    village_no: Optional[str]
    tambon_name: Optional[str]
    amphoe_name: Optional[str]
    lon: Optional[float]
    lat: Optional[float]
    amphoe_code: Optional[str] = None
    name: Optional[str] = None  # None unless personal data was read
    phone: Optional[str] = None
    requests: list[SheetRequest] = field(default_factory=list)
    team: Optional[str] = None  # the team's name (not personal data); None: in no team


@dataclass
class CallSheetRows:
    volunteers: list[SheetVolunteer]
    volunteer_personal: bool  # names and phone numbers of the volunteers were read
    requester_personal: bool  # names, phone numbers and notes of the requesters were read
    personal_withheld: bool  # asked for, but the role may not read (some of) it


def read_call_sheets(
    conn,
    area_code: str = "",
    volunteer_ids: Optional[Sequence[int]] = None,
    only_assigned: bool = False,
    include_proposed: bool = False,
    include_personal: bool = True,
) -> CallSheetRows:
    """The volunteers whose tambon code starts with `area_code` (all when ''), or those of `volunteer_ids`,
    ordered by amphoe, tambon and id, each with their active (and, with `include_proposed`, proposed)
    assignments' requests, most urgent first. `only_assigned` drops volunteers with none.

    Read in one read-only snapshot; StoreError when the role may not read what a sheet needs."""
    read_only_snapshot(conn)
    wanted = set(_NEEDED) | set(_OPTIONAL) | set(VOLUNTEER_PERSONAL) | set(REQUESTER_PERSONAL)
    readable = readable_columns(conn, wanted)
    missing = sorted(set(_NEEDED) - readable)
    if missing:
        raise StoreError(
            translate("CallSheets", "Your role may not read {0}, which a call sheet needs.").format(
                ", ".join(f"{t}.{c}" for t, c in missing)
            )
        )
    volunteer_personal = include_personal and set(VOLUNTEER_PERSONAL) <= readable
    requester_personal = include_personal and set(REQUESTER_PERSONAL) <= readable
    withheld = include_personal and not (volunteer_personal and requester_personal)

    def optional(table_alias: str, table: str, column: str) -> sql.Composable:
        if (table, column) in readable:
            return sql.SQL("{}.{}").format(sql.Identifier(table_alias), sql.Identifier(column))
        return sql.SQL("NULL")

    statuses = [AssignmentStatus.ACTIVE.value] + ([AssignmentStatus.PROPOSED.value] if include_proposed else [])
    where, params = [], {"statuses": statuses}
    if volunteer_ids is not None:
        where.append(sql.SQL("v.id = ANY(%(ids)s)"))
        params["ids"] = [int(i) for i in volunteer_ids]
    code = (area_code or "").strip()
    if code:
        where.append(sql.SQL("starts_with(v.tambon_code, %(code)s)"))
        params["code"] = code
    if only_assigned:
        where.append(
            sql.SQL(
                "EXISTS (SELECT 1 FROM jitasa.assignment a WHERE a.volunteer_id = v.id"
                " AND a.status::text = ANY(%(statuses)s))"
            )
        )
    where_sql = sql.SQL(" WHERE ") + sql.SQL(" AND ").join(where) if where else sql.SQL("")
    name_cols = (
        sql.SQL("v.name, v.phone") if volunteer_personal else sql.SQL("NULL::text, NULL::text")
    )  # never selected when masked
    volunteers_query = sql.SQL(
        "SELECT v.id, v.kind::text, {vehicle}, {village}, t.name_th, am.name_th, ST_X(v.geom), ST_Y(v.geom),"
        " left(v.tambon_code, 4), {names}, {team}"
        " FROM jitasa.volunteer v"
        " LEFT JOIN jitasa.admin_area t ON t.code = v.tambon_code"
        " LEFT JOIN jitasa.admin_area am ON am.code = left(v.tambon_code, 4)"
        "{where} ORDER BY left(v.tambon_code, 4) NULLS LAST, v.tambon_code NULLS LAST, v.id"
    ).format(
        vehicle=optional("v", "volunteer", "vehicle") + sql.SQL("::text"),
        village=optional("v", "volunteer", "village_no") + sql.SQL("::text"),
        names=name_cols,
        team=optional("v", "volunteer", "team") + sql.SQL("::text"),
        where=where_sql,
    )
    volunteers = [
        SheetVolunteer(
            volunteer_id=r[0],
            kind=r[1],
            vehicle=r[2],
            village_no=r[3] or None,
            tambon_name=r[4],
            amphoe_name=r[5],
            lon=r[6],
            lat=r[7],
            amphoe_code=r[8],
            name=r[9],
            phone=r[10],
            team=r[11],
        )
        for r in fetch(conn, volunteers_query, params)
    ]
    by_id = {v.volunteer_id: v for v in volunteers}
    if not by_id:
        return CallSheetRows([], volunteer_personal, requester_personal, withheld)

    requester_cols = (
        sql.SQL("r.note, r.requester_name, r.requester_phone")
        if requester_personal and ("help_request", "note") in readable
        else sql.SQL("NULL::text, r.requester_name, r.requester_phone")
        if requester_personal
        else sql.SQL("NULL::text, NULL::text, NULL::text")
    )
    travel = sql.SQL("a.travel_minutes") if ("assignment", "travel_minutes") in readable else sql.SQL("NULL::real")
    requests_query = sql.SQL(
        "SELECT a.volunteer_id, r.id, a.status::text, r.category::text, r.urgency::text, r.people_count,"
        " r.for_someone_else, t.name_th, am.name_th, ST_X(r.geom), ST_Y(r.geom), {travel},"
        " left(r.tambon_code, 4), {requester}"
        " FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id"
        " LEFT JOIN jitasa.admin_area t ON t.code = r.tambon_code"
        " LEFT JOIN jitasa.admin_area am ON am.code = left(r.tambon_code, 4)"
        " WHERE a.volunteer_id = ANY(%(vids)s) AND a.status::text = ANY(%(statuses)s)"
        " ORDER BY a.volunteer_id, array_position(%(urgencies)s, r.urgency::text), r.id"
    ).format(travel=travel, requester=requester_cols)
    rows = fetch(
        conn,
        requests_query,
        {
            "vids": list(by_id),
            "statuses": statuses,
            "urgencies": ["critical", "high", "normal", "low"],
        },
    )
    for r in rows:
        by_id[r[0]].requests.append(
            SheetRequest(
                request_id=r[1],
                assignment_status=r[2],
                category=r[3],
                urgency=r[4],
                people_count=r[5],
                for_someone_else=r[6],
                tambon_name=r[7],
                amphoe_name=r[8],
                lon=r[9],
                lat=r[10],
                travel_minutes=r[11],
                amphoe_code=r[12],
                note=r[13],
                requester_name=r[14],
                requester_phone=r[15],
            )
        )
    return CallSheetRows(volunteers, volunteer_personal, requester_personal, withheld)


def read_outlines(
    conn, amphoe_codes: Sequence[str], tolerance_deg: float = 0.0005
) -> list[tuple[str, str, bytes, bytes]]:
    """(code, Thai name, WKB, WKB of a point inside) of the tambons of these amphoes, simplified for a small
    map: the sheets' background and its landmark names."""
    codes = sorted({c for c in amphoe_codes if c})
    if not codes:
        return []
    rows = fetch(
        conn,
        "SELECT code, name_th, ST_AsBinary(ST_Multi(ST_SimplifyPreserveTopology(geom, %s))),"
        " ST_AsBinary(ST_PointOnSurface(geom))"
        " FROM jitasa.admin_area WHERE level = 'tambon' AND left(code, 4) = ANY(%s) ORDER BY code",
        (tolerance_deg, codes),
    )
    return [(code, name, bytes(wkb), bytes(point)) for code, name, wkb, point in rows]
