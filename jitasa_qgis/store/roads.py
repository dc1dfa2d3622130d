"""Road networks in the store: replace a network's segments in the caller's transaction, find the network
covering some points, read a network's routable segments for core.travel_time.

A network is keyed by its name: importing under the same name again replaces all its segments and bumps its
version (the plugin's graph cache keys on (id, version)). The segments are duck-typed
(core.road_network.RoadNetwork: parallel arrays .source .target .length_m .speed_kmh .cost_s .reverse_cost_s
.oneway .component, lists .geoms .road_class .name .osm_id, and .report.as_json()).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Mapping, Optional, Sequence

import numpy as np
from shapely import wkb

_COLUMNS = (
    "network_id, source, target, speed_kmh, length_m, cost_s, reverse_cost_s, road_class, oneway, name, osm_id, "
    "component, geom"
)

_UPSERT = """
INSERT INTO jitasa.road_network AS n (name, source, attribution, snap_tolerance_m, speeds_kmh, report)
VALUES (%(name)s, %(source)s, %(attribution)s, %(tolerance)s, %(speeds)s, %(report)s)
ON CONFLICT (name) DO UPDATE
   SET version = n.version + 1, imported_at = now(), imported_by = current_user, source = EXCLUDED.source,
       attribution = EXCLUDED.attribution, snap_tolerance_m = EXCLUDED.snap_tolerance_m,
       speeds_kmh = EXCLUDED.speeds_kmh, report = EXCLUDED.report
RETURNING id, version, version > 1
"""

_FINISH = """
UPDATE jitasa.road_network n
   SET segment_count = s.segments, node_count = s.nodes, length_km = s.length_km, area = s.area
  FROM (SELECT count(*)::int AS segments,
               (SELECT count(*) FROM (SELECT source FROM jitasa.road_segment WHERE network_id = %(id)s
                                      UNION SELECT target FROM jitasa.road_segment WHERE network_id = %(id)s) v
               )::int AS nodes,
               coalesce(sum(length_m), 0) / 1000.0 AS length_km,
               -- every segment's box grown by ~500 m, so a single straight road still has an area
               ST_ConvexHull(ST_Collect(ST_Expand(geom, 0.005)) FILTER (WHERE component = 0)) AS area
          FROM jitasa.road_segment WHERE network_id = %(id)s) s
 WHERE n.id = %(id)s
"""


@dataclass(frozen=True)
class NetworkInfo:
    id: int
    name: str
    version: int
    segment_count: int
    length_km: float
    imported_at: Optional[datetime] = None
    attribution: Optional[str] = None
    source: Optional[str] = None


@dataclass(frozen=True)
class WrittenNetwork:
    id: int
    version: int
    replaced: bool  # a network of that name existed: its segments were replaced


@dataclass
class GraphRows:
    """A network's routable segments (component 0), as core.travel_time.RoadGraph.build takes them."""

    source: np.ndarray
    target: np.ndarray
    cost_s: np.ndarray
    reverse_cost_s: np.ndarray
    coords: list[np.ndarray]


def replace_network(
    cur,
    name: str,
    network,
    source: Optional[str],
    attribution: Optional[str],
    snap_tolerance_m: float,
    speeds_kmh: Mapping[str, float],
) -> WrittenNetwork:
    """Create the network `name` or replace its segments (one COPY); in the caller's transaction."""
    cur.execute(
        _UPSERT,
        {
            "name": name,
            "source": source,
            "attribution": attribution,
            "tolerance": float(snap_tolerance_m),
            "speeds": json.dumps({str(k): float(v) for k, v in speeds_kmh.items()}),
            "report": json.dumps(network.report.as_json()),
        },
    )
    network_id, version, replaced = cur.fetchone()
    cur.execute("DELETE FROM jitasa.road_segment WHERE network_id = %s", (network_id,))
    cur.copy_expert(f"COPY jitasa.road_segment ({_COLUMNS}) FROM STDIN", _copy_text(network_id, network))
    cur.execute(_FINISH, {"id": network_id})
    return WrittenNetwork(network_id, version, bool(replaced))


def _copy_text(network_id: int, network) -> io.StringIO:
    def text(value) -> str:
        if value is None:
            return r"\N"
        return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ")

    buf = io.StringIO()
    for k, geom in enumerate(network.geoms):
        fields = (
            network_id,
            int(network.source[k]),
            int(network.target[k]),
            repr(float(network.speed_kmh[k])),
            repr(float(network.length_m[k])),
            repr(float(network.cost_s[k])),
            repr(float(network.reverse_cost_s[k])),
            text(network.road_class[k]),
            int(network.oneway[k]),
            text(network.name[k]),
            text(network.osm_id[k]),
            int(network.component[k]),
            wkb.dumps(geom, hex=True, srid=4326),
        )
        buf.write("\t".join(str(f) for f in fields))
        buf.write("\n")
    buf.seek(0)
    return buf


def _info(row) -> NetworkInfo:
    return NetworkInfo(row[0], row[1], row[2], row[3], float(row[4]), row[5], row[6], row[7])


_SELECT_INFO = (
    "SELECT id, name, version, segment_count, length_km, imported_at, attribution, source FROM jitasa.road_network"
)


def network_by_name(conn, name: str) -> Optional[NetworkInfo]:
    with conn.cursor() as cur:
        cur.execute(_SELECT_INFO + " WHERE name = %s", (name,))
        row = cur.fetchone()
    return _info(row) if row else None


def networks(conn) -> list[NetworkInfo]:
    with conn.cursor() as cur:
        cur.execute(_SELECT_INFO + " ORDER BY name")
        return [_info(r) for r in cur.fetchall()]


def network_covering(conn, lon: Sequence[float], lat: Sequence[float]) -> Optional[NetworkInfo]:
    """The network whose area holds the most of the points (ties: the longer); None if none holds any."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT n.id, n.name, n.version, n.segment_count, n.length_km, n.imported_at, n.attribution,
                      n.source
                 FROM jitasa.road_network n
                 JOIN unnest(%s::float8[], %s::float8[]) AS p (lon, lat)
                   ON ST_Covers(n.area, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
                GROUP BY n.id
                ORDER BY count(*) DESC, n.length_km DESC, n.id
                LIMIT 1""",
            ([float(x) for x in lon], [float(y) for y in lat]),
        )
        row = cur.fetchone()
    return _info(row) if row else None


def graph_rows(conn, network_id: int) -> GraphRows:
    """The routable segments of a network (component 0), in id order."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT source, target, cost_s, reverse_cost_s, ST_AsBinary(geom)
                 FROM jitasa.road_segment WHERE network_id = %s AND component = 0 ORDER BY id""",
            (network_id,),
        )
        rows = cur.fetchall()
    return GraphRows(
        np.fromiter((r[0] for r in rows), np.int64, len(rows)),
        np.fromiter((r[1] for r in rows), np.int64, len(rows)),
        np.fromiter((r[2] for r in rows), np.float64, len(rows)),
        np.fromiter((r[3] for r in rows), np.float64, len(rows)),
        [np.asarray(wkb.loads(bytes(r[4])).coords, np.float64)[:, :2] for r in rows],
    )
