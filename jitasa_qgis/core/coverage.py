"""Coverage arithmetic on plain arrays: minutes from the nearest of many origins (facilities) to many
destinations (requests) in the one travel-time model of core.travel_time, and per-tambon sums.

`nearest_minutes(model, o_lon, o_lat, d_lon, d_lat, limit)` equals
`model.minutes(o..., d..., limit).minutes.min(axis=0)` without the (origins × destinations) matrix:
- straight line: the nearest origin by a k-d tree on unit vectors (the chord grows with the great circle),
  then its great-circle minutes;
- road network: one multi-source Dijkstra from every origin at once (core.travel_time.node_minutes with
  min_only) to the nodes, each destination reached from the ends of the segment it snapped to (plus its
  off-road leg); an origin on the destination's own segment along that segment; and the whole way off-road
  to the nearest origin where that is shorter (as TravelTimeModel.minutes takes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from scipy.spatial import cKDTree

from ..definitions.roads import TravelModelCode
from .assignment.costs import unit_vectors
from .travel_time import _AT_END, TravelTimeModel, node_minutes, snap_points


@dataclass
class NearestMinutes:
    minutes: np.ndarray  # per destination; inf: no origin within the limit (or no origin at all)
    origin: np.ndarray  # index of the nearest origin in a straight line (-1: none, or none within the limit)
    model: TravelModelCode


def _nearest_straight(o_lon, o_lat, d_lon, d_lat, max_chord: float = np.inf) -> tuple[np.ndarray, np.ndarray]:
    """The nearest origin of each destination on the sphere and its chord on the unit sphere (-1 and inf:
    none within `max_chord`)."""
    tree = cKDTree(unit_vectors(o_lon, o_lat))
    chord, idx = tree.query(unit_vectors(d_lon, d_lat), k=1, distance_upper_bound=max_chord, workers=-1)
    idx = np.asarray(idx, np.int64)
    return np.where(idx >= len(o_lon), -1, idx), np.asarray(chord, np.float64)


def nearest_minutes(
    model: TravelTimeModel,
    o_lon: Sequence[float],
    o_lat: Sequence[float],
    d_lon: Sequence[float],
    d_lat: Sequence[float],
    limit_minutes: Optional[float] = None,
) -> NearestMinutes:
    """Minutes from the nearest origin to each destination (see the module docstring)."""
    o_lon, o_lat = np.asarray(o_lon, np.float64).ravel(), np.asarray(o_lat, np.float64).ravel()
    d_lon, d_lat = np.asarray(d_lon, np.float64).ravel(), np.asarray(d_lat, np.float64).ravel()
    m = len(d_lon)
    if len(o_lon) == 0 or m == 0:
        return NearestMinutes(np.full(m, np.inf), np.full(m, -1, np.int64), model.code)
    graph = model.graph
    travel = model.straight_line if graph is None else graph.off_road
    # the straight line (or the whole way off-road) only matters within the limit: the tree stops there
    reach = np.inf if limit_minutes is None else float(travel.minutes_to_chord(limit_minutes)) * (1 + 1e-9) + 1e-12
    near, chord = _nearest_straight(o_lon, o_lat, d_lon, d_lat, reach)
    found = near >= 0
    out = np.full(m, np.inf)
    out[found] = travel.chord_to_minutes(chord[found])  # the chord great_circle_minutes would measure
    if graph is not None:
        origins = snap_points(graph, o_lon, o_lat)
        dest = snap_points(graph, d_lon, d_lat)
        nodes, _ = node_minutes(graph, origins, limit_minutes, min_only=True)
        seg, s = dest.segment, dest.fraction
        cost, rev = graph.cost_s[seg], graph.reverse_cost_s[seg]
        # into the destination's segment from its source end (forward) or its target end (backward)
        via_source = nodes[graph.seg_source[seg]] + np.where(
            s <= _AT_END, 0.0, np.where(cost >= 0, s * cost / 60.0, np.inf)
        )
        via_target = nodes[graph.seg_target[seg]] + np.where(
            s >= 1 - _AT_END, 0.0, np.where(rev >= 0, (1 - s) * rev / 60.0, np.inf)
        )
        road = np.minimum(via_source, via_target)
        # an origin on the destination's own segment: along it where the direction allows
        by_segment: dict[int, list[int]] = {}
        for i, k in enumerate(origins.segment.tolist()):
            by_segment.setdefault(k, []).append(i)
        shared = np.nonzero(np.isin(seg, origins.segment))[0]
        for j in shared.tolist():
            k = int(seg[j])
            for i in by_segment[k]:
                t, start = float(origins.fraction[i]), float(origins.off_road_minutes[i])
                sj = float(s[j])
                if sj >= t and cost[j] >= 0:
                    road[j] = min(road[j], start + (sj - t) * cost[j] / 60.0)
                if sj <= t and rev[j] >= 0:
                    road[j] = min(road[j], start + (t - sj) * rev[j] / 60.0)
        out = np.minimum(out, road + dest.off_road_minutes)
    if limit_minutes is not None:
        out = np.where(out > limit_minutes, np.inf, out)
    return NearestMinutes(out, near, model.code)


def _ring_edges(geometry) -> np.ndarray:
    """(n, 4) x1, y1, x2, y2 of every ring edge of a (multi)polygon: exteriors and holes alike."""
    polygons = getattr(geometry, "geoms", [geometry])
    edges = []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            xy = np.asarray(ring.coords, np.float64)[:, :2]
            if len(xy) >= 2:
                edges.append(np.hstack([xy[:-1], xy[1:]]))
    return np.vstack(edges) if edges else np.zeros((0, 4))


CHUNK_CELLS = 4_000_000  # points x edges per step of the point-in-polygon test (memory, not speed)


LON_CELL_DEG = 0.01  # points are bucketed by longitude in cells this wide (a 16-bit radix sort)


def intersects_polygons(lon: np.ndarray, lat: np.ndarray, polygons: Sequence) -> np.ndarray:
    """Per point, whether any of the (multi)polygons intersects it: inside, or on a ring (a boundary point
    is covered, as ST_Intersects / GEOS intersects say); a point in several polygons is one True.

    Candidates by each polygon's bounds (points bucketed by longitude once), then even-odd crossings over
    all rings (holes excluded) and an exact on-edge test, as arrays. With the edge (a, b) and the point p,
    cross = (b - a) x (p - a): an edge straddling p's latitude crosses the ray east of p exactly when cross
    has the sign of (b.y - a.y); cross = 0 within the edge's box puts p on the edge."""
    lon, lat = np.asarray(lon, np.float64), np.asarray(lat, np.float64)
    hit = np.zeros(len(lon), bool)
    if not len(lon):
        return hit
    west = float(lon.min())
    cells = max(1, int((float(lon.max()) - west) / LON_CELL_DEG) + 1)
    dtype = np.int16 if cells < 2**15 else np.int64
    cell = ((lon - west) / LON_CELL_DEG).astype(dtype)
    order = np.argsort(cell, kind="stable")
    starts = np.searchsorted(cell[order], np.arange(cells + 1, dtype=np.int64))
    for geometry in polygons:
        if geometry is None or geometry.is_empty:
            continue
        x0, y0, x1, y1 = geometry.bounds
        c0 = int(np.clip((x0 - west) // LON_CELL_DEG, 0, cells))
        c1 = int(np.clip((x1 - west) // LON_CELL_DEG + 1, 0, cells))
        cand = order[starts[c0] : starts[c1]]
        px, py = lon[cand], lat[cand]
        keep = (py >= y0) & (py <= y1) & (px >= x0) & (px <= x1) & ~hit[cand]
        cand, px, py = cand[keep], px[keep], py[keep]
        if not len(cand):
            continue
        e = _ring_edges(geometry)
        ax, ay, bx, by = e[:, 0], e[:, 1], e[:, 2], e[:, 3]
        dx, dy, up = bx - ax, by - ay, by > ay
        step = max(1, CHUNK_CELLS // max(len(e), 1))
        for start in range(0, len(cand), step):
            qx, qy = px[start : start + step, None], py[start : start + step, None]
            cross = dx * (qy - ay) - dy * (qx - ax)
            straddle = (ay > qy) != (by > qy)
            inside = (np.count_nonzero(straddle & ((cross > 0) == up), axis=1) & 1).astype(bool)
            i, j = np.nonzero(cross == 0)  # on the edge's line: on the edge if within its box
            if len(i):
                within = (
                    (qx[i, 0] >= np.minimum(ax[j], bx[j]))
                    & (qx[i, 0] <= np.maximum(ax[j], bx[j]))
                    & (qy[i, 0] >= np.minimum(ay[j], by[j]))
                    & (qy[i, 0] <= np.maximum(ay[j], by[j]))
                )
                inside[i[within]] = True
            hit[cand[start : start + step]] = inside
    return hit


def per_group_sum(group: np.ndarray, n_groups: int, weights: Optional[np.ndarray] = None) -> np.ndarray:
    """Counts (or sums of `weights`) per group index 0..n_groups-1; entries with group < 0 are dropped."""
    group = np.asarray(group, np.int64)
    keep = group >= 0
    w = None if weights is None else np.asarray(weights, np.float64)[keep]
    return np.bincount(group[keep], weights=w, minlength=n_groups)[:n_groups]
