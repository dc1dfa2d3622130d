"""Service areas on a national-scale network (issue 11: `serviceareas_100x3` goal <= 2 s, `catchments_100`
goal <= 1 s).

The network is generated: a noded grid of 230 x 230 junctions 1 km apart (105,340 two-way segments, 30-90
km/h each), the density of a rural road grid; 100 facilities at random places on it (seeded). Ours:
core.service_areas on core.travel_time's graph; the graph and its faces (core.road_faces) are built once, as
the plugin caches them per network version, and not timed. Wall-clock and CPU seconds are both recorded:
the machine is shared (2 cores), so wall time swings with the others' load; CPU time much less.
Anchors, in the same run and on the same network and facilities:
- pgRouting on a throwaway PostgreSQL/PostGIS cluster (tools/pgcluster.py, port 55443 unless
  JITASA_BENCH_SA_PORT says otherwise): pgr_drivingDistance from the facilities' nearest nodes to 30 minutes,
  then ST_ConcaveHull of the reached nodes per facility and threshold; and pgr_drivingDistance with equicost
  for the catchments (node labels only, no polygons).
- QGIS's native:serviceareafromlayer (Fastest, speed field, both directions), run in this process through
  QgsApplication, once per threshold on a memory line layer of the grid; it outputs the reached edges and
  parts of edges as LINES (no polygons), and builds its graph from the layer on every run (included: it
  has no cache).
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

PORT = int(os.environ.get("JITASA_BENCH_SA_PORT", "55443"))
N = 230  # junctions per side
STEP_DEG = 0.009  # ~1 km
FACILITIES = 100
THRESHOLDS = (10.0, 20.0, 30.0)
REPEAT = 1  # a full run takes minutes on the shared machine; one round, said in the note


def _grid(seed: int = 11):
    rng = np.random.default_rng(seed)
    r, c = np.meshgrid(np.arange(N), np.arange(N), indexing="ij")
    node = (r * N + c).ravel()
    lon = 99.0 + c.ravel() * STEP_DEG
    lat = 14.0 + r.ravel() * STEP_DEG
    east = node[(c.ravel() + 1) < N]
    north = node[(r.ravel() + 1) < N]
    src = np.concatenate([east, north])
    tgt = np.concatenate([east + 1, north + N])
    speed = rng.uniform(30, 90, len(src))  # km/h
    length_m = STEP_DEG * np.radians(1) * 6371008.8 * np.where(src + 1 == tgt, np.cos(np.radians(lat[src])), 1.0)
    cost = length_m / (speed / 3.6)
    coords = [np.array([[lon[a], lat[a]], [lon[b], lat[b]]]) for a, b in zip(src, tgt)]
    f_lon = 99.0 + rng.uniform(0, (N - 1) * STEP_DEG, FACILITIES)
    f_lat = 14.0 + rng.uniform(0, (N - 1) * STEP_DEG, FACILITIES)
    return src, tgt, cost, coords, lon, lat, f_lon, f_lat, speed


def _graph(src, tgt, cost, coords):
    from jitasa_qgis.core.road_faces import faces_of
    from jitasa_qgis.core.travel_time import RoadGraph

    graph = RoadGraph.build(src, tgt, cost, cost, coords)
    t = time.perf_counter()
    faces_of(graph)  # cached with the graph, as the graph itself is per network version
    return graph, time.perf_counter() - t


def _ours(graph, f_lon, f_lat) -> dict:
    from jitasa_qgis.core import service_areas as sa
    from jitasa_qgis.core.travel_time import snap_points

    snapped = snap_points(graph, f_lon, f_lat)
    union_s = [0.0]
    plain = sa._union_wkb

    def timed(groups):  # the GEOS union's share of the time
        t0 = time.perf_counter()
        try:
            return plain(groups)
        finally:
            union_s[0] += time.perf_counter() - t0

    sa._union_wkb = timed
    try:
        t, c = time.perf_counter(), time.process_time()
        areas = sa.drive_time_areas(graph, snapped, THRESHOLDS)
        drive_s, drive_cpu = time.perf_counter() - t, time.process_time() - c
    finally:
        sa._union_wkb = plain
    t, c = time.perf_counter(), time.process_time()
    catch = sa.catchments(graph, snapped, None, max(THRESHOLDS))
    catch_s, catch_cpu = time.perf_counter() - t, time.process_time() - c
    return {
        "drive_s": drive_s,
        "drive_cpu": drive_cpu,
        "union_s": union_s[0],
        "catch_s": catch_s,
        "catch_cpu": catch_cpu,
        "polygons": len(areas),
        "catchments": len(catch.areas),
        "km2_30": sum(a.area_km2 for a in areas if a.threshold == max(THRESHOLDS)) / max(1, len(snapped)),
    }


def _oracle_floor(graph, f_lon, f_lat, sample: int = 4) -> float:
    """Seconds the GEOS unions would take for all facilities if GEOS were given only the shapes that reach
    the final polygon's boundary (known only after the fact: a floor for any pruning of the capsules), from
    the first `sample` facilities, scaled to all."""
    from shapely.geometry import Polygon
    from shapely.prepared import prep

    from jitasa_qgis.core import service_areas as sa
    from jitasa_qgis.core.travel_time import snap_points

    groups, finals = [], []
    plain_union, plain_fill = sa._union_wkb, sa._fill_covered_holes
    sa._union_wkb = lambda g: groups.append([x.copy() for x in g]) or plain_union(g)
    sa._fill_covered_holes = lambda geom, faces, covered: finals.append(plain_fill(geom, faces, covered)) or finals[-1]
    try:
        # one thread: the captured unions and polygons must pair up in order
        sa.drive_time_areas(graph, snap_points(graph, f_lon[:sample], f_lat[:sample]), THRESHOLDS, workers=1)
    finally:
        sa._union_wkb, sa._fill_covered_holes = plain_union, plain_fill
    total = 0.0
    for g, final in zip(groups, finals):
        inner = prep(final.buffer(-0.5))
        needed = [arr[[not inner.contains(Polygon(r)) for r in arr]] if len(arr) else arr for arr in g]
        t = time.perf_counter()
        plain_union(needed)
        total += time.perf_counter() - t
    return total * FACILITIES / sample


def _qgis_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
        _qgis_app.keep = app
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        from qgis.analysis import QgsNativeAlgorithms

        _qgis_app.native = QgsNativeAlgorithms()
        registry.addProvider(_qgis_app.native)
    return app


def _qgis_anchor(src, tgt, coords, speed, f_lon, f_lat) -> tuple[float, int]:
    """native:serviceareafromlayer per threshold: (seconds for the three runs, reached line features)."""
    _qgis_app()
    from qgis.core import (
        QgsApplication,
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsPointXY,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    roads = QgsVectorLayer("LineString?crs=EPSG:4326", "grid", "memory")
    roads.dataProvider().addAttributes([QgsField("speed", QVariant.Double)])
    roads.updateFields()
    feats = []
    for xy, v in zip(coords, speed):
        f = QgsFeature(roads.fields())
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in xy]))
        f.setAttributes([float(v)])
        feats.append(f)
    roads.dataProvider().addFeatures(feats)
    points = QgsVectorLayer("Point?crs=EPSG:4326", "facilities", "memory")
    pf = []
    for x, y in zip(f_lon, f_lat):
        f = QgsFeature(points.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        pf.append(f)
    points.dataProvider().addFeatures(pf)
    alg = QgsApplication.processingRegistry().createAlgorithmById("native:serviceareafromlayer")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("WGS84")  # edge lengths in metres on the ellipsoid, as ours
    feedback = QgsProcessingFeedback()
    total, lines = 0.0, 0
    for t_min in THRESHOLDS:
        params = {
            "INPUT": roads,
            "STRATEGY": 1,  # fastest
            "DEFAULT_DIRECTION": 2,  # both ways
            "SPEED_FIELD": "speed",
            "DEFAULT_SPEED": 50.0,
            "TOLERANCE": 0.0,
            "START_POINTS": points,
            "TRAVEL_COST2": t_min / 60.0,  # hours for Fastest
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": "memory:",
        }
        t = time.perf_counter()
        result, ok = alg.run(params, context, feedback)
        total += time.perf_counter() - t
        if not ok:
            raise RuntimeError("native:serviceareafromlayer failed")
        out = context.getMapLayer(result["OUTPUT_LINES"]) or context.takeResultLayer(result["OUTPUT_LINES"])
        lines += out.featureCount() if out is not None else 0
    return total, lines


def _anchor(cluster, src, tgt, cost, lon, lat, f_lon, f_lat) -> tuple[float, float]:
    import psycopg2

    conn = psycopg2.connect(**cluster.params())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        cur.execute("CREATE EXTENSION IF NOT EXISTS pgrouting")
        cur.execute("CREATE TABLE e (id serial, source int, target int, cost float8, reverse_cost float8)")
        buf = io.StringIO("".join(f"{a}\t{b}\t{w}\t{w}\n" for a, b, w in zip(src, tgt, cost)))
        cur.copy_expert("COPY e (source, target, cost, reverse_cost) FROM STDIN", buf)
        cur.execute("CREATE TABLE v (id int PRIMARY KEY, geom geometry(Point, 4326))")
        buf = io.StringIO("".join(f"{i}\tSRID=4326;POINT({x} {y})\n" for i, (x, y) in enumerate(zip(lon, lat))))
        cur.copy_expert("COPY v (id, geom) FROM STDIN", buf)
        cur.execute("CREATE INDEX ON v USING gist (geom)")
        cur.execute("ANALYZE e; ANALYZE v")
        roots = []
        for x, y in zip(f_lon, f_lat):  # the nearest node of each facility, as pgRouting starts from nodes
            cur.execute("SELECT id FROM v ORDER BY geom <-> ST_SetSRID(ST_MakePoint(%s, %s), 4326) LIMIT 1", (x, y))
            roots.append(cur.fetchone()[0])
        edges = "SELECT id, source, target, cost, reverse_cost FROM e"
        t = time.perf_counter()
        cur.execute(
            """
            WITH d AS (SELECT from_v, node, agg_cost FROM pgr_drivingDistance(%s, %s::bigint[], %s, true, false)),
                 b AS (SELECT from_v, t, node FROM d CROSS JOIN unnest(%s::float8[]) t WHERE agg_cost <= t * 60)
            SELECT from_v, t, ST_ConcaveHull(ST_Collect(v.geom), 0.8)
              FROM b JOIN v ON v.id = b.node GROUP BY from_v, t
            """,
            (edges, roots, max(THRESHOLDS) * 60, list(THRESHOLDS)),
        )
        hulls = cur.fetchall()
        drive_s = time.perf_counter() - t
        t = time.perf_counter()
        cur.execute(
            "SELECT count(*) FROM pgr_drivingDistance(%s, %s::bigint[], %s, true, true)",
            (edges, roots, max(THRESHOLDS) * 60),
        )
        cur.fetchone()
        catch_s = time.perf_counter() - t
    conn.close()
    assert len(hulls) >= FACILITIES  # every facility reached something
    return drive_s, catch_s


def run() -> list[dict]:
    from pgcluster import PgCluster

    from jitasa_qgis.core.service_areas import ARC_SHORTFALL, _workers

    src, tgt, cost, coords, lon, lat, f_lon, f_lat, speed = _grid()
    base = Path(tempfile.mkdtemp(prefix="jitasa-bench-sa-"))
    base.chmod(0o755)
    cluster = PgCluster(base / "data", PORT)
    try:
        cluster.init()
        cluster.start()
        anchors = [_anchor(cluster, src, tgt, cost, lon, lat, f_lon, f_lat) for _ in range(REPEAT)]
    finally:
        cluster.remove()
        shutil.rmtree(base, ignore_errors=True)
    q_drive, q_lines = _qgis_anchor(src, tgt, coords, speed, f_lon, f_lat)
    graph, faces_s = _graph(src, tgt, cost, coords)
    ours = [_ours(graph, f_lon, f_lat) for _ in range(REPEAT)]
    floor = _oracle_floor(graph, f_lon, f_lat)
    drive = statistics.median(o["drive_s"] for o in ours)
    catch = statistics.median(o["catch_s"] for o in ours)
    drive_cpu = statistics.median(o["drive_cpu"] for o in ours)
    catch_cpu = statistics.median(o["catch_cpu"] for o in ours)
    a_drive = statistics.median(a[0] for a in anchors)
    a_catch = statistics.median(a[1] for a in anchors)
    load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine)"
    o = ours[0]
    workers = _workers(None, FACILITIES)
    return [
        {
            "name": "serviceareas_100x3",
            "value": round(drive, 3),
            "unit": "s",
            "anchor": "pgRouting pgr_drivingDistance (100 roots, 30 min) + ST_ConcaveHull of reached nodes per "
            "facility and threshold",
            "anchor_value": round(a_drive, 3),
            "ratio": round(drive / a_drive, 2),
            "note": f"{len(src):,} segments (generated {N}x{N} grid, 1 km, 30-90 km/h), {FACILITIES} facilities x "
            f"10/20/30 min = {o['polygons']} polygons (mean {o['km2_30']:.0f} km2 at 30 min) from the reached "
            f"segment parts (partial ones cut) and the off-road leg: tapered capsules (hull of the end discs, "
            f"vertices on the circles: never beyond the threshold, at most {100 * ARC_SHORTFALL:.1f} % of the "
            f"reach short), faces reached all round with reach to spare filled whole, GEOS unary union of the "
            f"frontier only, band corners on the discs' vertices; origins on {workers} threads (GEOS runs "
            f"without the GIL). {drive_cpu:.1f} s CPU. Graph build and its faces ({faces_s:.0f} s, polygonize) "
            f"not timed: cached per network version. Goal <= 2 s NOT met: GEOS's unary union of the frontier's "
            f"node discs and tangent bands (~1,900 shapes per 30-min polygon, one call per polygon, 300 calls) "
            f"took {o['union_s']:.1f} s summed over the threads ({100 * o['union_s'] / max(drive_cpu, 1e-9):.0f} % "
            f"of the CPU time); given only the shapes that reach each final polygon's boundary (an "
            f"oracle: known after the fact), GEOS would still take {floor:.1f} s for the 300 unions (4 facilities "
            f"measured, scaled to 100; {floor / workers:.1f} s at best on {workers} threads), so 2 s needs "
            f"another construction than a union of capsules. Was 376 s "
            f"(per-band GEOS buffers). Second "
            f"anchor, QGIS native:serviceareafromlayer (Fastest, once per threshold, its graph built each run): "
            f"{q_drive:.1f} s for the three runs, {q_lines} reached-edge LINE features (no polygons, no off-road "
            f"leg). pgRouting hulls are concave hulls of nodes (no partial segments, no off-road leg). "
            f"{REPEAT} round(s). {load}.",
        },
        {
            "name": "catchments_100",
            "value": round(catch, 3),
            "unit": "s",
            "anchor": "pgRouting pgr_drivingDistance equicost (100 roots, 30 min; node labels only, no polygons)",
            "anchor_value": round(a_catch, 3),
            "ratio": round(catch / a_catch, 2),
            "note": f"{o['catchments']} non-overlapping catchment polygons within 30 min: samples labelled by "
            f"the first-arriving origin, the Voronoi edges between labels (from the samples beside faces that are "
            f"not all one label) polygonized with the boundary of the joint 30-min drive-time area (part of the "
            f"time), pieces labelled by their nearest sample; {catch_cpu:.1f} s CPU. Was 254 s. Goal <= 1 s "
            f"{'met' if catch <= 1.0 else 'NOT met'}. {REPEAT} round(s). {load}.",
        },
    ]
