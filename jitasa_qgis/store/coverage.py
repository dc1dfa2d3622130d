"""Coverage gaps read from the store, set-based (the SQL behind services.coverage_gaps):

- `tambon_counts`: per tambon (of a province / amphoe code, or all) its open requests (new, assigned,
  in progress) by urgency and by category, those outside every service area, the volunteers available
  (available and below capacity), the population where the admin area has one, and the latest vaccination /
  screening count of a campaign; the polygon as WKB if asked.
- `open_request_points`: every open request with a location as packed arrays (id, lon, lat, tambon index,
  outside flag, urgency, category), sent by the server as bytea so a million rows cost one round trip.
- `open_facilities`: facilities open or limited whose free beds are unknown or above 0.

"Outside every service area": no service area (of the chosen ones) intersects the point, ST_Intersects, so a
request on an area's boundary is inside it, and a request in several overlapping areas is one covered
request (the covered set is DISTINCT ids), never counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from psycopg2 import sql

from ..definitions.enums import RequestCategory, Urgency

OPEN_STATUSES = ("new", "assigned", "in_progress")
URGENCIES = tuple(u.value for u in Urgency)
CATEGORIES = tuple(c.value for c in RequestCategory)
FREE_CAPACITY_STATUSES = ("open", "limited")

# The tambons in scope, in code order: their row number is the index the request arrays carry.
_TAMBONS = """
    SELECT a.code, row_number() OVER (ORDER BY a.code)::integer - 1 AS idx
      FROM jitasa.admin_area a
     WHERE a.level = 'tambon' AND (%(area)s::text IS NULL OR a.code LIKE %(area)s || '%%')
"""

# Open requests covered by a chosen service area: the areas drive the join (each polygon probes the request
# index once), DISTINCT makes a request in overlapping areas one covered request.
_COVERED = """
    SELECT DISTINCT r.id
      FROM jitasa.service_area s
      JOIN jitasa.help_request r ON ST_Intersects(s.geom, r.geom)
     WHERE r.status IN ('new', 'assigned', 'in_progress')
       AND (%(areas)s::integer[] IS NULL OR s.id = ANY (%(areas)s::integer[]))
       AND (%(kinds)s::text[] IS NULL OR s.kind = ANY (%(kinds)s::text[]))
"""


@dataclass(frozen=True)
class CoverageScope:
    area_code: Optional[str] = None  # a province / amphoe / tambon code prefix; None: every tambon
    service_area_ids: Optional[tuple[int, ...]] = None  # None: every service area
    service_area_kinds: Optional[tuple[str, ...]] = None  # e.g. ('drive_time', 'coverage'); None: all kinds
    campaign: Optional[str] = None  # the vaccination / screening counts to join (latest as_of per tambon)

    def bound(self) -> dict:
        return {
            "area": self.area_code or None,
            "areas": list(self.service_area_ids) if self.service_area_ids is not None else None,
            "kinds": list(self.service_area_kinds) if self.service_area_kinds is not None else None,
            "campaign": self.campaign or None,
        }


@dataclass
class TambonRow:
    code: str
    name_th: str
    name_en: Optional[str]
    amphoe_code: Optional[str]
    population: Optional[int]
    open_total: int
    by_urgency: dict[str, int]
    by_category: dict[str, int]
    outside_areas: int
    volunteers_available: int
    target_population: Optional[int] = None  # the campaign's latest count, if one was asked for
    covered_people: Optional[int] = None
    counted_on: Optional[object] = None  # date
    wkb: Optional[bytes] = None


def tambon_counts(conn, scope: CoverageScope, with_geometry: bool = True) -> list[TambonRow]:
    """One row per tambon in scope (code order), every count in one statement."""
    by_urgency = sql.SQL(", ").join(
        sql.SQL("count(*) FILTER (WHERE o.urgency = {})").format(sql.Literal(u)) for u in URGENCIES
    )
    by_category = sql.SQL(", ").join(
        sql.SQL("count(*) FILTER (WHERE o.category = {})").format(sql.Literal(c)) for c in CATEGORIES
    )
    query = sql.SQL("""
        WITH tambon AS ({tambons}),
        covered AS ({covered}),
        open_req AS (
            SELECT r.tambon_code, r.urgency::text AS urgency, r.category::text AS category,
                   (c.id IS NULL) AS outside
              FROM jitasa.help_request r
              JOIN tambon t ON t.code = r.tambon_code
              LEFT JOIN covered c ON c.id = r.id
             WHERE r.status IN ('new', 'assigned', 'in_progress') AND r.geom IS NOT NULL
        ),
        req AS (
            SELECT o.tambon_code, count(*) AS total, {by_urgency}, {by_category},
                   count(*) FILTER (WHERE o.outside) AS outside
              FROM open_req o GROUP BY o.tambon_code
        ),
        vol AS (
            SELECT v.tambon_code, count(*) AS n
              FROM jitasa.volunteer v JOIN tambon t ON t.code = v.tambon_code
             WHERE v.available AND v.active_count < v.capacity
             GROUP BY v.tambon_code
        ),
        counts AS (
            SELECT DISTINCT ON (k.tambon_code) k.tambon_code, k.target_population, k.covered, k.as_of
              FROM jitasa.tambon_coverage_count k JOIN tambon t ON t.code = k.tambon_code
             WHERE k.campaign = %(campaign)s
             ORDER BY k.tambon_code, k.as_of DESC
        )
        SELECT a.code, a.name_th, a.name_en, a.parent_code, a.population,
               coalesce(req.total, 0), req.*, coalesce(vol.n, 0),
               counts.target_population, counts.covered, counts.as_of,
               CASE WHEN %(geom)s THEN ST_AsBinary(a.geom) END
          FROM tambon t
          JOIN jitasa.admin_area a ON a.code = t.code
          LEFT JOIN req ON req.tambon_code = a.code
          LEFT JOIN vol ON vol.tambon_code = a.code
          LEFT JOIN counts ON counts.tambon_code = a.code
         ORDER BY t.idx
    """).format(tambons=sql.SQL(_TAMBONS), covered=sql.SQL(_COVERED), by_urgency=by_urgency, by_category=by_category)
    params = dict(scope.bound(), geom=bool(with_geometry))
    with conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall()
    out = []
    nu, nc = len(URGENCIES), len(CATEGORIES)
    for r in rows:
        code, name_th, name_en, parent, population, total = r[:6]
        req = r[6 : 6 + 3 + nu + nc]  # tambon_code, total, urgencies…, categories…, outside (None: no request)
        rest = r[6 + 3 + nu + nc :]
        have = req[0] is not None
        urg = [int(x) if have else 0 for x in req[2 : 2 + nu]]
        cat = [int(x) if have else 0 for x in req[2 + nu : 2 + nu + nc]]
        outside = int(req[2 + nu + nc]) if have else 0
        vol, target, covered, as_of, wkb = rest
        out.append(
            TambonRow(
                code,
                name_th,
                name_en,
                parent,
                population,
                int(total),
                dict(zip(URGENCIES, urg)),
                dict(zip(CATEGORIES, cat)),
                outside,
                int(vol),
                target,
                covered,
                as_of,
                bytes(wkb) if wkb is not None else None,
            )
        )
    return out


@dataclass
class RequestPoints:
    id: np.ndarray  # int64
    lon: np.ndarray
    lat: np.ndarray
    tambon: np.ndarray  # index into tambon_counts' rows (-1: outside the scope's tambons; not returned)
    outside: np.ndarray  # bool: outside every chosen service area
    urgency: np.ndarray  # index into URGENCIES
    category: np.ndarray  # index into CATEGORIES

    def __len__(self) -> int:
        return len(self.id)

    def take(self, mask: np.ndarray) -> RequestPoints:
        return RequestPoints(*(getattr(self, f)[mask] for f in self.__dataclass_fields__))


def open_request_points(conn, scope: CoverageScope) -> RequestPoints:
    """The open located requests of the scope's tambons as arrays, in id order (one row, bytea columns)."""
    query = f"""
        WITH tambon AS ({_TAMBONS}),
        covered AS ({_COVERED})
        SELECT string_agg(int4send(r.id), ''::bytea ORDER BY r.id),
               string_agg(float8send(ST_X(r.geom)), ''::bytea ORDER BY r.id),
               string_agg(float8send(ST_Y(r.geom)), ''::bytea ORDER BY r.id),
               string_agg(int4send(t.idx), ''::bytea ORDER BY r.id),
               string_agg(int2send((c.id IS NULL)::integer::smallint), ''::bytea ORDER BY r.id),
               string_agg(int2send((array_position(%(urgencies)s::text[], r.urgency::text) - 1)::smallint),
                          ''::bytea ORDER BY r.id),
               string_agg(int2send((array_position(%(categories)s::text[], r.category::text) - 1)::smallint),
                          ''::bytea ORDER BY r.id)
          FROM jitasa.help_request r
          JOIN tambon t ON t.code = r.tambon_code
          LEFT JOIN covered c ON c.id = r.id
         WHERE r.status IN ('new', 'assigned', 'in_progress') AND r.geom IS NOT NULL
    """
    params = dict(scope.bound(), urgencies=list(URGENCIES), categories=list(CATEGORIES))
    with conn.cursor() as cur:
        cur.execute(query, params)
        row = cur.fetchone()
    if row is None or row[0] is None:
        empty = np.zeros(0)
        return RequestPoints(
            empty.astype(np.int64),
            empty,
            empty,
            empty.astype(np.int64),
            empty.astype(bool),
            *(empty.astype(np.int64),) * 2,
        )
    ids, lon, lat, tambon, outside, urgency, category = row
    return RequestPoints(
        np.frombuffer(ids, ">i4").astype(np.int64),
        np.frombuffer(lon, ">f8").astype(np.float64),
        np.frombuffer(lat, ">f8").astype(np.float64),
        np.frombuffer(tambon, ">i4").astype(np.int64),
        np.frombuffer(outside, ">i2").astype(bool),
        np.frombuffer(urgency, ">i2").astype(np.int64),
        np.frombuffer(category, ">i2").astype(np.int64),
    )


@dataclass
class Facilities:
    id: np.ndarray
    name: list[str]
    kind: list[str]
    lon: np.ndarray
    lat: np.ndarray

    def __len__(self) -> int:
        return len(self.id)


def open_facilities(conn, kinds: Sequence[str] = ()) -> Facilities:
    """Facilities that take people now: open or limited, free beds unknown or above 0 (of `kinds`, or all)."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT id, name_th, kind::text, ST_X(geom), ST_Y(geom)
                 FROM jitasa.facility
                WHERE capacity_status::text = ANY (%(statuses)s)
                  AND (beds_free IS NULL OR beds_free > 0)
                  AND (cardinality(%(kinds)s::text[]) = 0 OR kind::text = ANY (%(kinds)s::text[]))
                ORDER BY id""",
            {"statuses": list(FREE_CAPACITY_STATUSES), "kinds": list(kinds)},
        )
        rows = cur.fetchall()
    return Facilities(
        np.array([r[0] for r in rows], np.int64),
        [r[1] for r in rows],
        [r[2] for r in rows],
        np.array([r[3] for r in rows], np.float64),
        np.array([r[4] for r in rows], np.float64),
    )


def service_area_count(conn, scope: CoverageScope) -> int:
    """How many service areas the scope's choice holds (0: every request is outside)."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT count(*) FROM jitasa.service_area s
                WHERE (%(areas)s::integer[] IS NULL OR s.id = ANY (%(areas)s::integer[]))
                  AND (%(kinds)s::text[] IS NULL OR s.kind = ANY (%(kinds)s::text[]))""",
            scope.bound(),
        )
        return int(cur.fetchone()[0])
