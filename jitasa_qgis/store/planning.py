"""Location-allocation reads and writes: tambon points with their population, open requests by urgency,
facilities kept fixed, road junctions as candidates, and one jitasa.plan_run with its plan_site rows written
in the caller's transaction (0016_planning.sql)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional, Sequence

from .calls import fetch

OPEN_STATUSES = ("new", "assigned", "in_progress")

# Tambon "centroids": the centroid where it lies inside the tambon, else a point on its surface.
_TAMBONS = """
SELECT code, name_th, ST_X(p), ST_Y(p), population
  FROM (SELECT code, name_th, population,
               CASE WHEN ST_Intersects(ST_Centroid(geom), geom) THEN ST_Centroid(geom)
                    ELSE ST_PointOnSurface(geom) END AS p
          FROM jitasa.admin_area
         WHERE level = 'tambon' AND (%(area)s::text IS NULL OR code LIKE %(area)s::text || '%%')) t
 ORDER BY code
"""

_REQUESTS = """
SELECT id, urgency::text, people_count, ST_X(geom), ST_Y(geom), tambon_code
  FROM jitasa.help_request
 WHERE status::text = ANY(%(open)s::text[]) AND geom IS NOT NULL
   AND (%(area)s::text IS NULL OR tambon_code LIKE %(area)s::text || '%%')
 ORDER BY id
"""

_FACILITIES = """
SELECT id, name_th, kind::text, ST_X(geom), ST_Y(geom), daily_capacity, tambon_code
  FROM jitasa.facility
 WHERE (cardinality(%(kinds)s::text[]) > 0 AND kind::text = ANY(%(kinds)s::text[]))
    OR id = ANY(%(ids)s::int[])
 ORDER BY id
"""

# Junctions and dead ends (a node with other than two segment ends) of a network's routable component,
# inside an admin area if given; the segment geometry runs from source to target.
_JUNCTIONS = """
WITH ends AS (
    SELECT source AS node, ST_StartPoint(geom) AS p FROM jitasa.road_segment
     WHERE network_id = %(net)s AND component = 0
    UNION ALL
    SELECT target, ST_EndPoint(geom) FROM jitasa.road_segment WHERE network_id = %(net)s AND component = 0
), nodes AS (
    SELECT node, (array_agg(p))[1] AS p FROM ends GROUP BY node HAVING count(*) <> 2
)
SELECT n.node, ST_X(n.p), ST_Y(n.p)
  FROM nodes n
 WHERE %(area)s::text IS NULL
    OR EXISTS (SELECT 1 FROM jitasa.admin_area a WHERE a.code = %(area)s::text AND ST_Intersects(a.geom, n.p))
 ORDER BY n.node
"""


@dataclass(frozen=True)
class TambonPoint:
    code: str
    name: str
    lon: float
    lat: float
    population: Optional[int]


@dataclass(frozen=True)
class RequestPoint:
    id: int
    urgency: str
    people: int
    lon: float
    lat: float
    tambon_code: Optional[str]


@dataclass(frozen=True)
class FacilityPoint:
    id: int
    name: str
    kind: str
    lon: float
    lat: float
    daily_capacity: Optional[int]
    tambon_code: Optional[str]


@dataclass(frozen=True)
class SiteRow:
    rank: int
    name: str
    candidate_ref: Optional[str]
    facility_id: Optional[int]
    fixed: bool
    capacity: Optional[float]
    demand_served: float
    demand_added: float
    tambon_code: Optional[str]
    lon: float
    lat: float


def tambon_points(conn, area_code: Optional[str] = None) -> list[TambonPoint]:
    """Tambons (inside the province / amphoe / tambon `area_code`, else all) with a point and population."""
    rows = fetch(conn, _TAMBONS, {"area": area_code})
    return [TambonPoint(r[0], r[1], float(r[2]), float(r[3]), r[4]) for r in rows]


def open_requests(conn, area_code: Optional[str] = None) -> list[RequestPoint]:
    rows = fetch(conn, _REQUESTS, {"open": list(OPEN_STATUSES), "area": area_code})
    return [RequestPoint(r[0], r[1], int(r[2]), float(r[3]), float(r[4]), r[5]) for r in rows]


def facilities(conn, kinds: Sequence[str] = (), ids: Sequence[int] = ()) -> list[FacilityPoint]:
    """Facilities of the given kinds or ids (none when both are empty)."""
    rows = fetch(conn, _FACILITIES, {"kinds": list(kinds), "ids": [int(i) for i in ids]})
    return [FacilityPoint(r[0], r[1], r[2], float(r[3]), float(r[4]), r[5], r[6]) for r in rows]


def unknown_facility_ids(conn, ids: Sequence[int]) -> list[int]:
    rows = fetch(
        conn,
        "SELECT i FROM unnest(%s::int[]) i WHERE NOT EXISTS (SELECT 1 FROM jitasa.facility f WHERE f.id = i)",
        ([int(i) for i in ids],),
    )
    return sorted(r[0] for r in rows)


def road_junctions(conn, network_id: int, area_code: Optional[str] = None) -> list[tuple[int, float, float]]:
    """(node, lon, lat) of the network's junctions and dead ends, inside `area_code` if given."""
    rows = fetch(conn, _JUNCTIONS, {"net": int(network_id), "area": area_code})
    return [(int(r[0]), float(r[1]), float(r[2])) for r in rows]


def write_plan(
    cur,
    name: str,
    model: str,
    capacitated: bool,
    params: dict,
    travel_model: Optional[str],
    objective: Optional[float],
    bound: Optional[float],
    gap: Optional[float],
    status: str,
    sites: Sequence[SiteRow],
) -> int:
    """One plan_run and its plan_site rows in the caller's transaction; the run id."""
    cur.execute(
        """
        INSERT INTO jitasa.plan_run (name, model, capacitated, params, travel_model, objective, bound, gap, status)
        VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id
        """,
        (name, model, capacitated, json.dumps(params), travel_model, objective, bound, gap, status),
    )
    run_id = cur.fetchone()[0]
    for s in sites:
        cur.execute(
            """
            INSERT INTO jitasa.plan_site (run_id, rank, name, candidate_ref, facility_id, fixed, capacity,
                                          demand_served, demand_added, tambon_code, geom)
            VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326))
            """,
            (
                run_id,
                s.rank,
                s.name,
                s.candidate_ref,
                s.facility_id,
                s.fixed,
                s.capacity,
                s.demand_served,
                s.demand_added,
                s.tambon_code,
                s.lon,
                s.lat,
            ),
        )
    return run_id
