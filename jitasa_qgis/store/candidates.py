"""Who could help one request: its nearest volunteers, read by nearest-neighbour search on the server, and
the request itself as the assign panel shows it.

The search walks the GiST index of volunteer points in distance order (`ORDER BY v.geom <-> r.geom`), so
it reads a few dozen index entries whatever the number of volunteers. Two walks are merged:
- the `limit` nearest volunteers who could take the request now (available, room left, and what the
  category needs, by the store's own table `jitasa.category_need`, the rules of
  `definitions.eligibility.CATEGORY_NEEDS`), so the eligible list is complete up to `limit`;
- the `limit` nearest volunteers of any kind, so the officer also sees who is near but cannot go, and why.

The eligibility test in the first walk is kept a per-row filter (`OFFSET 0` stops PostgreSQL turning the
EXISTS into a semi-join, which it then estimates as so selective that it reads and sorts every available
volunteer instead of walking the index: 7 ms for 20,000 volunteers, growing with the table).

`<->` on longitude/latitude orders by degrees, which at Thailand's latitudes stretches east-west by a few
per cent; each walk therefore reads twice `limit` rows and keeps the `limit` nearest by the ellipsoidal
distance (`geography`), which is what `distance_m` reports.

Names and phone numbers are personal data, granted by column to officers and admins only
(resources/sql/0003_roles.sql). Whether they are read is decided per login on the server
(`can_read_volunteer_contacts`: has_column_privilege, which follows role membership and SET ROLE); for an
analyst the query names neither column, so it reads without a permission error and `Candidate.name` and
`.phone` are None. Every other column used here is granted to officers and analysts alike (the eligibility
test reads the category table directly rather than passing a whole volunteer row to
`jitasa.volunteer_can_serve`, which would need every column). Readers run in the caller's transaction and
leave it as it is; an autocommit connection is best (store.operations.open_dock_connection).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from ..definitions.enums import RequestCategory, RequestStatus, Skill, Urgency, VehicleKind, VolunteerKind
from ..definitions.i18n import translate
from ..definitions.reasons import RefusalReason
from .calls import checked_id, fetch
from .errors import StoreError

DEFAULT_LIMIT = 20
# Each walk reads this many times `limit` by degrees before keeping the `limit` nearest on the ellipsoid.
_OVERFETCH = 2


@dataclass(frozen=True)
class Candidate:
    """A volunteer near a request. `can_serve`: has what the request's category needs (skills, vehicle);
    `needs`: what the category needs, in English ('vehicle', 'medical skill', '' for anyone)."""

    id: int
    kind: VolunteerKind
    skills: tuple[Skill, ...]
    vehicle: VehicleKind
    active_count: int
    capacity: int
    available: bool
    distance_m: float
    lon: float
    lat: float
    can_serve: bool
    needs: str
    name: Optional[str] = None  # personal data: None when the login may not read it
    phone: Optional[str] = None  # personal data: None when the login may not read it (or none recorded)

    @property
    def has_room(self) -> bool:
        return self.active_count < self.capacity

    @property
    def eligible(self) -> bool:
        """Could take the request now: available, room left, and what the category needs."""
        return self.available and self.has_room and self.can_serve

    @property
    def ineligibility(self) -> Optional[RefusalReason]:
        """Why not, as the store's refusal code (definitions.reasons says it in words), or None when
        eligible; `ineligibility_detail` fills in the numbers."""
        if not self.available:
            return RefusalReason.VOLUNTEER_UNAVAILABLE
        if not self.can_serve:
            return RefusalReason.VOLUNTEER_NOT_ELIGIBLE
        if not self.has_room:
            return RefusalReason.VOLUNTEER_FULL
        return None

    @property
    def ineligibility_detail(self) -> Optional[dict]:
        if self.ineligibility is RefusalReason.VOLUNTEER_FULL:
            return {"capacity": self.capacity, "active_count": self.active_count}
        return None


@dataclass(frozen=True)
class RequestSummary:
    """One request as the assign panel shows it (no requester name or phone)."""

    id: int
    category: RequestCategory
    urgency: Urgency
    status: RequestStatus
    people_count: int
    note: Optional[str]
    tambon_name: Optional[str]  # Thai
    amphoe_name: Optional[str]  # Thai
    created_at: datetime
    waiting_s: float
    version: int
    lon: Optional[float]
    lat: Optional[float]
    active_volunteer_id: Optional[int]  # who has it now, if anyone

    @property
    def located(self) -> bool:
        return self.lon is not None and self.lat is not None


# {contacts}: "v.name, v.phone" for logins that may read them, else two NULLs (see the module's note).
_NEAREST_TEMPLATE = """
WITH r AS (
    SELECT x.id, x.category, x.geom, x.geom::geography AS g, jitasa.category_needs_label(x.category) AS needs
      FROM jitasa.help_request x WHERE x.id = %(request_id)s AND x.geom IS NOT NULL
), eligible AS (
    SELECT v.id
      FROM r CROSS JOIN LATERAL (
          SELECT v.id FROM jitasa.volunteer v
           WHERE v.geom IS NOT NULL AND v.available AND v.active_count < v.capacity
             AND EXISTS (SELECT 1 FROM jitasa.category_need n
                          WHERE n.category = r.category AND v.skills @> n.skills
                            AND (cardinality(n.vehicles) = 0 OR v.vehicle = ANY (n.vehicles))
                         OFFSET 0)  -- a filter on the index walk, not a join (see below)
           ORDER BY v.geom <-> r.geom
           LIMIT %(fetch)s) v
), anyone AS (
    SELECT v.id
      FROM r CROSS JOIN LATERAL (
          SELECT v.id FROM jitasa.volunteer v
           WHERE v.geom IS NOT NULL
           ORDER BY v.geom <-> r.geom
           LIMIT %(fetch)s) v
), measured AS (
    SELECT v.id, v.kind, v.skills, v.vehicle, v.active_count, v.capacity, v.available, v.geom,
           {contacts},
           ST_Distance(v.geom::geography, r.g) AS distance_m,
           EXISTS (SELECT 1 FROM jitasa.category_need n
                    WHERE n.category = r.category AND v.skills @> n.skills
                      AND (cardinality(n.vehicles) = 0 OR v.vehicle = ANY (n.vehicles))) AS can_serve,
           r.needs,
           v.id IN (SELECT e.id FROM eligible e) AS from_eligible,
           v.id IN (SELECT a.id FROM anyone a) AS from_anyone
      FROM r JOIN jitasa.volunteer v ON v.id IN (SELECT e.id FROM eligible e UNION SELECT a.id FROM anyone a)
), ranked AS (
    SELECT m.*,
           row_number() OVER (PARTITION BY m.from_eligible ORDER BY m.distance_m, m.id) AS k_eligible,
           row_number() OVER (PARTITION BY m.from_anyone ORDER BY m.distance_m, m.id) AS k_anyone
      FROM measured m
)
SELECT id, kind::text, skills::text[], vehicle::text, active_count, capacity, available, distance_m,
       ST_X(geom), ST_Y(geom), can_serve, needs, name, phone
  FROM ranked
 WHERE ((from_eligible AND k_eligible <= %(limit)s) OR (from_anyone AND k_anyone <= %(limit)s))
   AND (%(max_m)s::float8 IS NULL OR distance_m <= %(max_m)s::float8)
 ORDER BY distance_m, id
"""


# Two constant texts: a column the login may not read must not appear in the query at all.
_NEAREST = _NEAREST_TEMPLATE.replace("{contacts}", "v.name, v.phone")
_NEAREST_WITHOUT_CONTACTS = _NEAREST_TEMPLATE.replace("{contacts}", "NULL::text AS name, NULL::text AS phone")


def can_read_volunteer_contacts(conn) -> bool:
    """Whether this login (as its current role) may read volunteers' names and phone numbers."""
    rows = fetch(
        conn,
        "SELECT has_column_privilege('jitasa.volunteer', 'name', 'SELECT') "
        "AND has_column_privilege('jitasa.volunteer', 'phone', 'SELECT')",
        {},
    )
    return bool(rows[0][0])


def volunteer_candidates(
    conn,
    request_id: int,
    limit: int = DEFAULT_LIMIT,
    max_km: Optional[float] = None,
    with_contacts: Optional[bool] = None,
) -> list[Candidate]:
    """The request's nearest volunteers, nearest first (see the module's note for which ones).

    `with_contacts`: read names and phone numbers (None: when the login may, by
    `can_read_volunteer_contacts`; True for a login that may not fails with the server's message).
    `max_km` drops those farther than that straight-line distance. An empty list when the request does
    not exist or has no location (read it with `request_summary` to tell which). StoreError when the
    query fails (the message is the server's).
    """
    limit = max(int(limit), 1)
    max_m = None
    if max_km is not None:
        max_m = float(max_km) * 1000.0
        if not max_m >= 0:  # also NaN
            raise StoreError(
                translate("StoreErrors", "The distance limit must be 0 km or more, got {0!r}.").format(max_km)
            )
    params = {"request_id": checked_id(request_id), "limit": limit, "fetch": limit * _OVERFETCH, "max_m": max_m}
    if with_contacts is None:
        with_contacts = can_read_volunteer_contacts(conn)
    query = _NEAREST if with_contacts else _NEAREST_WITHOUT_CONTACTS
    return [
        Candidate(
            id=r[0],
            kind=VolunteerKind(r[1]),
            skills=tuple(Skill(s) for s in (r[2] or ())),
            vehicle=VehicleKind(r[3]),
            active_count=r[4],
            capacity=r[5],
            available=r[6],
            distance_m=float(r[7]),
            lon=float(r[8]),
            lat=float(r[9]),
            can_serve=bool(r[10]),
            needs=r[11] or "",
            name=r[12],
            phone=r[13],
        )
        for r in fetch(conn, query, params)
    ]


def request_summary(conn, request_id: int) -> Optional[RequestSummary]:
    """The request with its tambon and amphoe names and who has it now; None when it does not exist (or lies
    outside the login's areas). The note only for roles that may read it (not analysts)."""
    from psycopg2 import sql

    from .operations import note_readable

    rows = fetch(
        conn,
        sql.SQL("""
        SELECT r.id, r.category::text, r.urgency::text, r.status::text, r.people_count, {note},
               tb.name_th, am.name_th, r.created_at, extract(epoch FROM now() - r.created_at)::float8,
               r.version, ST_X(r.geom), ST_Y(r.geom),
               (SELECT a.volunteer_id FROM jitasa.assignment a
                 WHERE a.request_id = r.id AND a.status = 'active' LIMIT 1)
          FROM jitasa.help_request r
          LEFT JOIN jitasa.admin_area tb ON tb.code = r.tambon_code AND tb.level = 'tambon'
          LEFT JOIN jitasa.admin_area am ON am.code = tb.parent_code AND am.level = 'amphoe'
         WHERE r.id = %(request_id)s""").format(note=sql.SQL("r.note" if note_readable(conn) else "NULL::text")),
        {"request_id": checked_id(request_id)},
    )
    if not rows:
        return None
    r = rows[0]
    return RequestSummary(
        id=r[0],
        category=RequestCategory(r[1]),
        urgency=Urgency(r[2]),
        status=RequestStatus(r[3]),
        people_count=r[4],
        note=r[5],
        tambon_name=r[6],
        amphoe_name=r[7],
        created_at=r[8],
        waiting_s=r[9],
        version=r[10],
        lon=r[11],
        lat=r[12],
        active_volunteer_id=r[13],
    )
