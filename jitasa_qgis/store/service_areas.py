"""Computed service areas in the store: the origins a run starts from (facilities by kind or id, or
volunteers), and writing one jitasa.service_area_run with its jitasa.service_area rows in the caller's
transaction. Drawn areas (edited with the version check) are 080_service_areas.sql's, not this module's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional, Sequence

from psycopg2 import sql
from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from ..definitions.i18n import translate
from .calls import fetch
from .errors import StoreError

FACILITIES, VOLUNTEERS = "facilities", "volunteers"


@dataclass(frozen=True)
class Origin:
    id: int
    table: str  # FACILITIES or VOLUNTEERS
    kind: str
    name: str
    lon: float
    lat: float
    delay_minutes: float = 0.0


@dataclass(frozen=True)
class AreaRow:
    name: str
    kind: str  # service_area.kind: drive_time, catchment, buffer, nearest
    method: str
    geometry: BaseGeometry  # lon/lat polygon(s)
    facility_id: Optional[int] = None
    volunteer_id: Optional[int] = None
    minutes: Optional[float] = None
    params: Optional[dict] = None


def _numeric_column(conn, table: str, column: str) -> str:
    """`column` if the table has a numeric column of that name (it is then quoted as an identifier)."""
    rows = fetch(
        conn,
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'jitasa' AND table_name = %s AND lower(column_name) = lower(%s)
           AND data_type IN ('integer', 'smallint', 'bigint', 'real', 'double precision', 'numeric')
        """,
        (table, column.strip()),
    )
    if not rows:
        raise StoreError(
            translate("ServiceAreaStore", "The {0} table has no numeric field '{1}' for the readiness delay.").format(
                table, column
            )
        )
    return rows[0][0]


def origins(
    conn,
    of: str = FACILITIES,
    kinds: Sequence[str] = (),
    ids: Sequence[int] = (),
    delay_field: Optional[str] = None,
    delay_minutes: float = 0.0,
    amphoe_code: Optional[str] = None,
) -> list[Origin]:
    """Facilities (of the given kinds and/or ids; all when both are empty) or volunteers with a location.

    The readiness delay is `delay_field`'s value (a numeric column of the table, minutes; empty: 0) when
    given, else `delay_minutes` for every origin. `amphoe_code` keeps those whose tambon lies in it."""
    table = "facility" if of == FACILITIES else "volunteer"
    name = sql.SQL("name_th") if of == FACILITIES else sql.SQL("'#' || id::text")
    delay = (
        sql.SQL("coalesce({}::float8, 0)").format(sql.Identifier(_numeric_column(conn, table, delay_field)))
        if delay_field
        else sql.SQL("%(delay)s::float8")
    )
    query = sql.SQL(
        """
        SELECT id, kind::text, {name}, ST_X(geom), ST_Y(geom), {delay}
          FROM jitasa.{table}
         WHERE geom IS NOT NULL
           AND (cardinality(%(kinds)s::text[]) = 0 OR kind::text = ANY(%(kinds)s::text[]))
           AND (cardinality(%(ids)s::int[]) = 0 OR id = ANY(%(ids)s::int[]))
           AND (%(amphoe)s::text IS NULL OR left(tambon_code, 4) = %(amphoe)s::text)
         ORDER BY id
        """
    ).format(name=name, delay=delay, table=sql.Identifier(table))
    rows = fetch(
        conn,
        query,
        {
            "kinds": list(kinds),
            "ids": [int(i) for i in ids],
            "amphoe": amphoe_code,
            "delay": float(delay_minutes),
        },
    )
    return [Origin(r[0], of, r[1], r[2], float(r[3]), float(r[4]), max(0.0, float(r[5]))) for r in rows]


def boundary(conn, code: str) -> Optional[BaseGeometry]:
    """The admin area's polygon (province or amphoe code) in lon/lat, or None."""
    rows = fetch(conn, "SELECT ST_AsBinary(geom) FROM jitasa.admin_area WHERE code = %s", (code,))
    return wkb.loads(bytes(rows[0][0])) if rows and rows[0][0] is not None else None


def _multi(geom: BaseGeometry) -> MultiPolygon:
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    if isinstance(geom, MultiPolygon):
        return geom
    return MultiPolygon([g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)])


def write_run(
    cur, method: str, params: dict, travel_model: Optional[str], rows: Sequence[AreaRow]
) -> tuple[int, list[int]]:
    """One service_area_run and its areas, in the caller's transaction: (run id, area ids)."""
    cur.execute(
        "INSERT INTO jitasa.service_area_run (method, params, travel_model) VALUES (%s, %s, %s) RETURNING id",
        (method, json.dumps(params), travel_model),
    )
    run_id = cur.fetchone()[0]
    ids = []
    for row in rows:
        cur.execute(
            """
            INSERT INTO jitasa.service_area (name, facility_id, volunteer_id, method, minutes, geom, kind, run_id,
                                             params)
            VALUES (%s, %s, %s, %s, %s,
                    ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_GeomFromWKB(%s, 4326)), 3)), %s, %s, %s)
            RETURNING id
            """,
            (
                row.name,
                row.facility_id,
                row.volunteer_id,
                row.method,
                row.minutes,
                wkb.dumps(_multi(row.geometry)),
                row.kind,
                run_id,
                json.dumps(row.params or {}),
            ),
        )
        ids.append(cur.fetchone()[0])
    return run_id, ids
