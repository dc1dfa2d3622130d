"""Coverage gaps read from the store (the SQL behind services.coverage_gaps), each read one set-based
statement:

- `tambon_rows`: the tambons of a province / amphoe code (or all) in code order: names, amphoe, population
  where the admin area has one, the volunteers available (available and below capacity), the latest
  vaccination / screening count of a campaign, the polygon as WKB if asked.
- `open_request_points`: every open request (new, assigned, in progress) with a location in those tambons,
  as arrays (id, lon, lat, tambon index, urgency index, category index) read with one binary COPY, the
  points as PostGIS's own binary at fixed offsets: a million rows in about a second, where row tuples take
  several (bench/coverage.py).
- `service_area_shapes`: the chosen service areas' polygons; whether a request is outside every one of them
  is core.coverage.intersects_polygons (ST_Intersects semantics: a boundary point is inside, a request in
  overlapping areas is one covered request). The same test in SQL, the service areas probing the request
  index, took 5 s for a million requests against 500 areas (bench/coverage.py's anchor does it per request).
- `open_facilities`: facilities open or limited whose free beds are unknown or above 0.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from psycopg2 import sql
from shapely import wkb

from ..definitions.enums import RequestCategory, Urgency
from ..definitions.i18n import translate
from .errors import StoreError

OPEN_STATUSES = ("new", "assigned", "in_progress")
URGENCIES = tuple(u.value for u in Urgency)
CATEGORIES = tuple(c.value for c in RequestCategory)
FREE_CAPACITY_STATUSES = ("open", "limited")

# The tambons in scope, in code order: their row number is the index the request arrays carry.
_TAMBONS = sql.SQL(
    """SELECT a.code, row_number() OVER (ORDER BY a.code)::integer - 1 AS idx
         FROM jitasa.admin_area a
        WHERE a.level = 'tambon' AND ({area}::text IS NULL OR starts_with(a.code, {area}))"""
)


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
    volunteers_available: int
    target_population: Optional[int] = None  # the campaign's latest count, if one was asked for
    covered_people: Optional[int] = None
    counted_on: Optional[object] = None  # date of that count
    wkb: Optional[bytes] = None
    lon: Optional[float] = None  # a point on the tambon's surface (demand points of a plan)
    lat: Optional[float] = None


def tambon_rows(conn, scope: CoverageScope, with_geometry: bool = True) -> list[TambonRow]:
    """One row per tambon in scope, code order."""
    query = sql.SQL(
        """
        WITH tambon AS ({tambons}),
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
        SELECT a.code, a.name_th, a.name_en, a.parent_code, a.population, coalesce(vol.n, 0),
               counts.target_population, counts.covered, counts.as_of,
               CASE WHEN %(geom)s THEN ST_AsBinary(a.geom) END,
               ST_X(ST_PointOnSurface(a.geom)), ST_Y(ST_PointOnSurface(a.geom))
          FROM tambon t
          JOIN jitasa.admin_area a ON a.code = t.code
          LEFT JOIN vol ON vol.tambon_code = a.code
          LEFT JOIN counts ON counts.tambon_code = a.code
         ORDER BY t.idx
    """
    ).format(tambons=_TAMBONS.format(area=sql.Placeholder("area")))
    with conn.cursor() as cur:
        cur.execute(query, dict(scope.bound(), geom=bool(with_geometry)))
        rows = cur.fetchall()
    return [
        TambonRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            int(r[5]),
            r[6],
            r[7],
            r[8],
            bytes(r[9]) if r[9] is not None else None,
            r[10],
            r[11],
        )
        for r in rows
    ]


@dataclass
class RequestPoints:
    id: np.ndarray  # int64
    lon: np.ndarray
    lat: np.ndarray
    tambon: np.ndarray  # index into tambon_rows' rows
    urgency: np.ndarray  # index into URGENCIES
    category: np.ndarray  # index into CATEGORIES

    def __len__(self) -> int:
        return len(self.id)

    def take(self, mask: np.ndarray) -> RequestPoints:
        return RequestPoints(*(getattr(self, f)[mask] for f in self.__dataclass_fields__))


# COPY's binary rows: a field count, then each field's length and value (no NULLs: every column is set).
# The point travels as PostGIS's binary (EWKB: byte order, type, SRID, x, y = 25 bytes for a 2-D point with
# SRID, help_request.geom's type), read at fixed offsets: no ST_X / ST_Y per row on the server.
_EWKB_POINT = 25
_ROW = np.dtype(
    [
        ("n", ">i2"),
        ("l_id", ">i4"),
        ("id", ">i4"),
        ("l_geom", ">i4"),
        ("byte_order", "u1"),
        ("type", "<u4"),
        ("srid", "<u4"),
        ("lon", "<f8"),
        ("lat", "<f8"),
        ("l_tambon", ">i4"),
        ("tambon", ">i4"),
        ("l_urgency", ">i4"),
        ("urgency", ">i2"),
        ("l_category", ">i4"),
        ("category", ">i2"),
    ]
)
_COPY_HEADER = 19  # signature (11), flags (4), header extension length (4, always 0 here)
_COPY_TRAILER = 2  # the field count -1
_POINT_WITH_SRID = 0x20000001  # EWKB type of a 2-D point carrying its SRID


def open_request_points(conn, scope: CoverageScope) -> RequestPoints:
    """The open located requests of the scope's tambons as arrays (one binary COPY)."""
    # COPY takes no bound parameters: the values are quoted literals (psycopg2.sql.Literal)
    query = sql.SQL(
        """COPY (
        WITH tambon AS ({tambons}),
        urgency (v, i) AS (SELECT e, (row_number() OVER () - 1)::int2
                             FROM unnest({urgencies}::jitasa.urgency[]) e),
        category (v, i) AS (SELECT e, (row_number() OVER () - 1)::int2
                              FROM unnest({categories}::jitasa.request_category[]) e)
        SELECT r.id, r.geom, t.idx, u.i, c.i
          FROM jitasa.help_request r
          JOIN tambon t ON t.code = r.tambon_code
          JOIN urgency u ON u.v = r.urgency
          JOIN category c ON c.v = r.category
         WHERE r.is_open AND r.geom IS NOT NULL  -- the open partial indexes are on is_open (0020)
        ) TO STDOUT (FORMAT binary)"""
    ).format(
        tambons=_TAMBONS.format(area=sql.Literal(scope.area_code or None)),
        urgencies=sql.Literal(list(URGENCIES)),
        categories=sql.Literal(list(CATEGORIES)),
    )
    buffer = io.BytesIO()
    with conn.cursor() as cur:
        cur.copy_expert(query, buffer)
    body = buffer.getbuffer()[_COPY_HEADER : len(buffer.getbuffer()) - _COPY_TRAILER]
    if len(body) % _ROW.itemsize:
        raise StoreError(translate("CoverageStore", "The request points came in an unexpected binary form."))
    rows = np.frombuffer(body, _ROW)
    if len(rows) and not (
        (rows["l_geom"] == _EWKB_POINT).all()
        and (rows["byte_order"] == 1).all()
        and (rows["type"] == _POINT_WITH_SRID).all()
    ):
        raise StoreError(translate("CoverageStore", "The request points came in an unexpected binary form."))
    return RequestPoints(
        rows["id"].astype(np.int64),
        rows["lon"].astype(np.float64),
        rows["lat"].astype(np.float64),
        rows["tambon"].astype(np.int64),
        rows["urgency"].astype(np.int64),
        rows["category"].astype(np.int64),
    )


def service_area_shapes(conn, scope: CoverageScope) -> list:
    """The chosen service areas' polygons (shapely, lon/lat)."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT ST_AsBinary(s.geom) FROM jitasa.service_area s
                WHERE (%(areas)s::integer[] IS NULL OR s.id = ANY (%(areas)s::integer[]))
                  AND (%(kinds)s::text[] IS NULL OR s.kind = ANY (%(kinds)s::text[]))
                ORDER BY s.id""",
            scope.bound(),
        )
        return [wkb.loads(bytes(r[0])) for r in cur.fetchall()]


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
