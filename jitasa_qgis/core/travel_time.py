"""The one travel-time model: minutes from a point to a point, for many origins at once.

    minutes = off-road leg + network time + off-road leg, or the whole way off-road if that is shorter

- Off-road leg: the straight line from a point to the nearest point of the routable network (component 0 of
  core.road_network) at `OFF_ROAD_SPEED_KMH` (definitions.roads), measured on the sphere as
  core.assignment.costs measures its straight lines.
- Network time: scipy.sparse.csgraph.dijkstra on the segments' costs in seconds (one-way segments have one
  direction only), from the snapped point along its own segment (the partial segment: a fraction of the
  segment's cost each way) to the destination's snapped point on its segment.
- Where no network covers the area, `TravelTimeModel(None)` is the straight-line model of
  core.assignment.costs (great circle at 30 km/h); its `code` says so, and so does every result's `model`.

API for the callers (assignment, service areas, catchments):
- `RoadGraph.build(...)` once per network; `cached_graph(network_id, version, build, store_key)` keeps the
  last few graphs by (store, network id, version), so a re-imported network (a new version) is built again.
- `TravelTimeModel(graph).minutes(o_lon, o_lat, d_lon, d_lat, limit_minutes)` → `TravelMinutes`: an
  (origins × destinations) matrix of minutes (inf beyond the limit or unreachable), the model code and each
  point's off-road distance in metres (how far it was snapped).
- `node_minutes(graph, snapped, limit_minutes, min_only)` → minutes from each origin to every node (or, with
  min_only, to the nearest origin and which origin: catchments); the readiness delay of a facility is an
  extra `delay_minutes` per origin added before the network.
- Pruning (assignment): road minutes are never below the great-circle distance at the fastest speed in
  play (the import's fastest class speed in road_network.speeds_kmh, or the off-road speed if higher), up to
  the sphere-versus-ellipsoid difference of segment lengths (< 0.5 %): that straight line with a 1 % margin
  is a sound lower bound. They are never above the whole way off-road.
- `snap_points(graph, lon, lat)`: `RoadGraph.snap` with array operations (20,000 points in a fraction of
  the time), the same nearest points.
- `PairMinutes(graph, origins, destinations)(o_idx, d_idx)`: the same minutes as `TravelTimeModel.minutes`,
  for chosen (origin, destination) pairs only (an assignment's candidates, not a whole matrix); the network
  part from one Dijkstra per destination segment end on the reversed graph.
- `straight_line_bound(graph)` → `StraightLineBound`: a lower bound of these minutes that a k-d tree can
  search (its docstring has the proof); pruning may use it, never a guess.
- `reached_segments(graph, snapped, limit_minutes)` → `ReachedSegments`: per origin, every segment part
  reachable within the limit as (origin, segment, start, end) fractions along the segment's own direction
  with the minutes at both ends of the part, including the partial last part and the origin's own segment;
  drive-time polygons are built from these (plus the off-road leg) and nothing beyond them.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Hashable, Optional, Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree
from shapely.geometry import LineString, Point

from ..definitions.roads import OFF_ROAD_SPEED_KMH, TravelModelCode
from .assignment.costs import EARTH_RADIUS_KM, TravelModel, great_circle_minutes, unit_vectors
from .road_network import LocalPlane, strtree

_EPS_S = 1e-6  # added to every edge: scipy's sparse graphs take a stored 0 for "no edge"
_AT_END = 1e-9  # a snapped fraction this close to 0 or 1 is the segment's node
CACHE_SIZE = 4


@dataclass
class RoadGraph:
    """The routable network of one store network version, ready for many queries."""

    network_id: Optional[int]
    version: Optional[int]
    plane: LocalPlane
    n_nodes: int
    seg_source: np.ndarray  # 0-based node index
    seg_target: np.ndarray
    cost_s: np.ndarray  # < 0: closed
    reverse_cost_s: np.ndarray
    seg_xy: list[np.ndarray]  # each segment's vertices in the plane, metres
    matrix: csr_matrix  # n_nodes × n_nodes, seconds (cheapest of parallel segments)
    off_road_kmh: float
    _piece_seg: np.ndarray
    _piece_from: np.ndarray  # fraction of the segment where the piece starts
    _piece_span: np.ndarray  # fraction of the segment the piece covers
    _pieces: list[LineString]
    _piece_xy: np.ndarray  # (pieces, 2, 2): each piece's start and end in the plane (numpy, no GEOS call)
    _tree: object

    @classmethod
    def build(
        cls,
        source: Sequence[int],
        target: Sequence[int],
        cost_s: Sequence[float],
        reverse_cost_s: Sequence[float],
        coords: Sequence[np.ndarray],
        network_id: Optional[int] = None,
        version: Optional[int] = None,
        off_road_kmh: float = OFF_ROAD_SPEED_KMH,
    ) -> RoadGraph:
        """From segments as the store holds them: node ids (any ints), costs, lon/lat vertices."""
        if not len(coords):
            raise ValueError("a road graph needs at least one segment")
        if not np.isfinite(off_road_kmh) or off_road_kmh <= 0:
            raise ValueError(f"off-road speed must be a positive number of km/h, got {off_road_kmh!r}")
        ids, index = np.unique(np.concatenate([np.asarray(source), np.asarray(target)]), return_inverse=True)
        n_seg = len(coords)
        src, tgt = index[:n_seg], index[n_seg:]
        cost = np.asarray(cost_s, np.float64)
        rev = np.asarray(reverse_cost_s, np.float64)
        counts = np.fromiter((len(c) for c in coords), np.int64, n_seg)
        allc = np.concatenate([np.asarray(c, np.float64)[:, :2] for c in coords])
        plane = LocalPlane.around(allc[:, 0], allc[:, 1])
        allxy = plane.forward(allc)
        seg_xy = np.split(allxy, np.cumsum(counts)[:-1])
        rows = np.concatenate([src[cost >= 0], tgt[rev >= 0]])
        cols = np.concatenate([tgt[cost >= 0], src[rev >= 0]])
        w = np.concatenate([cost[cost >= 0], rev[rev >= 0]]) + _EPS_S
        matrix = _min_matrix(rows, cols, w, len(ids))
        # every pair of consecutive vertices is a piece, found by the tree and projected on exactly
        pair = np.ones(len(allxy), bool)
        pair[np.cumsum(counts) - 1] = False  # a segment's last vertex starts no piece
        at = np.flatnonzero(pair)
        owner = np.repeat(np.arange(n_seg), counts)[at]
        step = np.hypot(*(allxy[at + 1] - allxy[at]).T)
        total = np.bincount(owner, weights=step, minlength=n_seg)
        before = np.cumsum(step) - step
        before -= (np.cumsum(np.concatenate(([0.0], total)))[:-1])[owner]  # length before, within its segment
        keep = step > 0
        at, owner, step, before = at[keep], owner[keep], step[keep], before[keep]
        piece_from = before / total[owner]
        piece_span = step / total[owner]
        pieces = [LineString(allxy[i : i + 2]) for i in at]
        return cls(
            network_id,
            version,
            plane,
            len(ids),
            src,
            tgt,
            cost,
            rev,
            seg_xy,
            matrix,
            float(off_road_kmh),
            owner.astype(np.int64),
            piece_from,
            piece_span,
            pieces,
            np.stack((allxy[at], allxy[at + 1]), axis=1),
            strtree(pieces),
        )

    @property
    def off_road(self) -> TravelModel:
        return TravelModel(speed_kmh=self.off_road_kmh, detour_factor=1.0)

    def snap(self, lon: Sequence[float], lat: Sequence[float]) -> Snapped:
        """Each point's nearest point of the network: segment, fraction along it, off-road metres and minutes."""
        lon = np.asarray(lon, np.float64).ravel()
        lat = np.asarray(lat, np.float64).ravel()
        xy = self.plane.forward(np.column_stack((lon, lat)))
        seg = np.zeros(len(lon), np.int64)
        frac = np.zeros(len(lon))
        snapped = np.zeros((len(lon), 2))
        for i, (x, y) in enumerate(xy):
            point = Point(x, y)
            p = self._tree.nearest_item(point)
            piece = self._pieces[p]
            t = piece.project(point, normalized=True)
            seg[i] = self._piece_seg[p]
            frac[i] = min(1.0, max(0.0, self._piece_from[p] + t * self._piece_span[p]))
            on = piece.interpolate(t, normalized=True)
            snapped[i] = (on.x, on.y)
        on_lonlat = self.plane.inverse(snapped) if len(lon) else np.zeros((0, 2))
        minutes = great_circle_minutes(lon, lat, on_lonlat[:, 0], on_lonlat[:, 1], self.off_road)
        metres = minutes / 60.0 * self.off_road_kmh * 1000.0
        return Snapped(lon, lat, seg, frac, metres, minutes, on_lonlat)


@dataclass
class Snapped:
    lon: np.ndarray
    lat: np.ndarray
    segment: np.ndarray
    fraction: np.ndarray  # along the segment's own direction, by length (= by time: one speed a segment)
    off_road_m: np.ndarray
    off_road_minutes: np.ndarray
    on_network: np.ndarray  # (n, 2) lon/lat of the snapped point

    def __len__(self) -> int:
        return len(self.lon)


@dataclass
class TravelMinutes:
    minutes: np.ndarray  # (origins, destinations); inf: not within the limit / not reachable
    model: TravelModelCode
    origin_off_road_m: Optional[np.ndarray] = None  # None for the straight-line model
    destination_off_road_m: Optional[np.ndarray] = None


@dataclass
class ReachedSegments:
    """Segment parts reached within the limit, one row each: fractions along the segment's direction."""

    origin: np.ndarray
    segment: np.ndarray
    start: np.ndarray
    end: np.ndarray
    start_minutes: np.ndarray  # the minutes at `start` and at `end` (the part is driven from the smaller)
    end_minutes: np.ndarray

    def __len__(self) -> int:
        return len(self.segment)


def _min_matrix(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray, n: int) -> csr_matrix:
    """A CSR matrix keeping the smallest weight of duplicate (row, col) pairs (scipy would sum them)."""
    order = np.lexsort((weights, cols, rows))
    rows, cols, weights = rows[order], cols[order], weights[order]
    first = np.ones(len(rows), bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    return csr_matrix((weights[first], (rows[first], cols[first])), shape=(n, n))


def _with_origins(graph: RoadGraph, snapped: Snapped, delay_minutes: Optional[np.ndarray]) -> csr_matrix:
    """The graph plus one node per origin, joined to its segment's ends by the partial segment's costs."""
    k = len(snapped)
    n = graph.n_nodes
    seg, t = snapped.segment, snapped.fraction
    start_s = snapped.off_road_minutes * 60.0
    if delay_minutes is not None:
        start_s = start_s + np.asarray(delay_minutes, np.float64) * 60.0
    cost, rev = graph.cost_s[seg], graph.reverse_cost_s[seg]
    origin = n + np.arange(k)
    # on a node, the origin is at that node whatever the direction of the segment it snapped to
    fwd_ok, back_ok = cost >= 0, rev >= 0
    at_source, at_target = t <= _AT_END, t >= 1 - _AT_END
    rows = np.concatenate([origin[fwd_ok], origin[back_ok], origin[at_source], origin[at_target]])
    cols = np.concatenate(
        [
            graph.seg_target[seg][fwd_ok],
            graph.seg_source[seg][back_ok],
            graph.seg_source[seg][at_source],
            graph.seg_target[seg][at_target],
        ]
    )
    w = np.concatenate(
        [
            start_s[fwd_ok] + (1 - t[fwd_ok]) * cost[fwd_ok],
            start_s[back_ok] + t[back_ok] * rev[back_ok],
            start_s[at_source],
            start_s[at_target],
        ]
    )
    base = graph.matrix.tocoo()
    return _min_matrix(
        np.concatenate([base.row, rows]),
        np.concatenate([base.col, cols]),
        np.concatenate([base.data, w + _EPS_S]),
        n + k,
    )


def node_minutes(
    graph: RoadGraph,
    snapped: Snapped,
    limit_minutes: Optional[float] = None,
    min_only: bool = False,
    delay_minutes: Optional[np.ndarray] = None,
) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """Minutes from each origin (off-road leg and delay included) to every node; inf beyond the limit.

    Returns (origins × nodes, None), or with `min_only` (nodes,) minutes from the nearest origin and (nodes,)
    that origin's index (-1: none within the limit)."""
    k = len(snapped)
    if k == 0:
        return (
            (np.zeros(graph.n_nodes) + np.inf, np.full(graph.n_nodes, -1))
            if min_only
            else (np.zeros((0, graph.n_nodes)), None)
        )
    matrix = _with_origins(graph, snapped, delay_minutes)
    limit = np.inf if limit_minutes is None else float(limit_minutes) * 60.0
    indices = graph.n_nodes + np.arange(k)
    if min_only:
        dist, _, sources = dijkstra(
            matrix, directed=True, indices=indices, limit=limit, min_only=True, return_predecessors=True
        )
        owner = np.where(sources[: graph.n_nodes] >= 0, sources[: graph.n_nodes] - graph.n_nodes, -1)
        return dist[: graph.n_nodes] / 60.0, owner
    dist = dijkstra(matrix, directed=True, indices=indices, limit=limit)
    return dist[:, : graph.n_nodes] / 60.0, None


def network_minutes(
    graph: RoadGraph, origins: Snapped, destinations: Snapped, limit_minutes: Optional[float] = None
) -> np.ndarray:
    """(origins × destinations) minutes through the network only (both off-road legs included)."""
    nodes, _ = node_minutes(graph, origins, limit_minutes)
    seg, s = destinations.segment, destinations.fraction
    cost, rev = graph.cost_s[seg], graph.reverse_cost_s[seg]
    to_source = np.where(s <= _AT_END, 0.0, np.where(cost >= 0, s * cost / 60.0, np.inf))
    to_target = np.where(s >= 1 - _AT_END, 0.0, np.where(rev >= 0, (1 - s) * rev / 60.0, np.inf))
    from_source = nodes[:, graph.seg_source[seg]] + to_source
    from_target = nodes[:, graph.seg_target[seg]] + to_target
    out = np.minimum(from_source, from_target)
    # origin and destination on one segment: along it, if its direction allows
    same = origins.segment[:, None] == seg[None, :]
    if same.any():
        t = origins.fraction[:, None]
        start = origins.off_road_minutes[:, None]
        ahead = np.where((s[None, :] >= t) & (cost[None, :] >= 0), (s[None, :] - t) * cost[None, :] / 60.0, np.inf)
        behind = np.where((s[None, :] <= t) & (rev[None, :] >= 0), (t - s[None, :]) * rev[None, :] / 60.0, np.inf)
        out = np.where(same, np.minimum(out, start + np.minimum(ahead, behind)), out)
    out = out + destinations.off_road_minutes[None, :]
    if limit_minutes is not None:
        out[out > limit_minutes] = np.inf
    return out


def _segments_at(node_of_segment: np.ndarray, n_nodes: int, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each entry of `nodes`, the segments whose `node_of_segment` is it: (entry index, segment) pairs."""
    order = np.argsort(node_of_segment, kind="stable")
    ptr = np.searchsorted(node_of_segment[order], np.arange(n_nodes + 1))
    counts = ptr[nodes + 1] - ptr[nodes]
    rep = np.repeat(np.arange(len(nodes)), counts)
    offset = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return rep, order[ptr[nodes][rep] + offset]


def reached_segments(graph: RoadGraph, snapped: Snapped, limit_minutes: float) -> ReachedSegments:
    """Every segment part each origin reaches within `limit_minutes` (see the module docstring)."""
    nodes, _ = node_minutes(graph, snapped, limit_minutes)
    limit = float(limit_minutes)
    parts: list[tuple[np.ndarray, ...]] = []
    cost_m, rev_m = graph.cost_s / 60.0, graph.reverse_cost_s / 60.0
    o_idx, v_idx = np.nonzero(nodes <= limit)  # only the nodes reached: the rest adds nothing
    at_node = nodes[o_idx, v_idx]
    # forward from a reached source node: [0, a]; backward from a reached target node: [1 - b, 1]
    rep, seg = _segments_at(graph.seg_source, graph.n_nodes, v_idx)
    ok = cost_m[seg] >= 0
    rep, seg = rep[ok], seg[ok]
    t0 = at_node[rep]
    a = np.minimum(1.0, (limit - t0) / np.maximum(cost_m[seg], 1e-12))
    parts.append((o_idx[rep], seg, np.zeros(len(seg)), a, t0, t0 + a * cost_m[seg]))
    rep, seg = _segments_at(graph.seg_target, graph.n_nodes, v_idx)
    ok = rev_m[seg] >= 0
    rep, seg = rep[ok], seg[ok]
    t1 = at_node[rep]
    b = np.minimum(1.0, (limit - t1) / np.maximum(rev_m[seg], 1e-12))
    parts.append((o_idx[rep], seg, 1.0 - b, np.ones(len(seg)), t1 + b * rev_m[seg], t1))
    for o in range(len(snapped)):
        # the origin's own segment, from the snapped point both ways
        k, t, start = int(snapped.segment[o]), float(snapped.fraction[o]), float(snapped.off_road_minutes[o])
        if start <= limit:
            if cost_m[k] >= 0:
                end = min(1.0, t + (limit - start) / max(cost_m[k], 1e-12))
                parts.append(tuple(np.array([v]) for v in (o, k, t, end, start, start + (end - t) * cost_m[k])))
            if rev_m[k] >= 0:
                begin = max(0.0, t - (limit - start) / max(rev_m[k], 1e-12))
                parts.append(tuple(np.array([v]) for v in (o, k, begin, t, start + (t - begin) * rev_m[k], start)))
    cols = [np.concatenate([p[i] for p in parts]) if parts else np.zeros(0) for i in range(6)]
    keep = cols[3] > cols[2]
    return ReachedSegments(
        cols[0][keep].astype(np.int64),
        cols[1][keep].astype(np.int64),
        cols[2][keep],
        cols[3][keep],
        cols[4][keep],
        cols[5][keep],
    )


class TravelTimeModel:
    """The model a caller uses: the road graph where there is one, else the straight line."""

    def __init__(self, graph: Optional[RoadGraph], straight_line: Optional[TravelModel] = None) -> None:
        self.graph = graph
        self.straight_line = straight_line or TravelModel()

    @property
    def code(self) -> TravelModelCode:
        return TravelModelCode.ROAD_NETWORK if self.graph is not None else TravelModelCode.STRAIGHT_LINE

    def minutes(
        self,
        o_lon: Sequence[float],
        o_lat: Sequence[float],
        d_lon: Sequence[float],
        d_lat: Sequence[float],
        limit_minutes: Optional[float] = None,
    ) -> TravelMinutes:
        o_lon, o_lat = np.asarray(o_lon, np.float64).ravel(), np.asarray(o_lat, np.float64).ravel()
        d_lon, d_lat = np.asarray(d_lon, np.float64).ravel(), np.asarray(d_lat, np.float64).ravel()
        k, m = len(o_lon), len(d_lon)
        pairs = (np.repeat(o_lon, m), np.repeat(o_lat, m), np.tile(d_lon, k), np.tile(d_lat, k))
        if self.graph is None:
            out = great_circle_minutes(*pairs, self.straight_line).reshape(k, m)
            if limit_minutes is not None:
                out[out > limit_minutes] = np.inf
            return TravelMinutes(out, self.code)
        origins, destinations = self.graph.snap(o_lon, o_lat), self.graph.snap(d_lon, d_lat)
        road = network_minutes(self.graph, origins, destinations, limit_minutes)
        direct = great_circle_minutes(*pairs, self.graph.off_road).reshape(k, m)  # across country, if shorter
        if limit_minutes is not None:
            direct[direct > limit_minutes] = np.inf
        return TravelMinutes(np.minimum(road, direct), self.code, origins.off_road_m, destinations.off_road_m)


# Pruning margin on the fastest speed: covers the difference between a straight piece of the local plane and
# the great-circle arc between its ends (second order in the piece's length), and rounding.
BOUND_MARGIN = 0.005


@dataclass(frozen=True)
class StraightLineBound:
    """A lower bound of `TravelTimeModel.minutes` on a graph that a k-d tree can search:

        LB(o, d) = min( gc(o, d) / v_off ,  off(o) + off(d) + gc(snap(o), snap(d)) / v_fast )

    gc: great circle (core.assignment.costs); off(p): p's off-road minutes (`Snapped.off_road_minutes`);
    v_off: the graph's off-road speed; v_fast = `fastest_kmh`.

    Proof that LB ≤ the model's minutes m(o, d) = min(direct, road). `direct` is gc(o, d) / v_off, computed
    by the same function, so it equals the first term. road = off(o) + N + off(d), with N the network time
    from snap(o) to snap(d); so it suffices that N ≥ gc(snap(o), snap(d)) / v_fast (then road ≥ the second
    term, and the minimum of the two is ≥ the minimum of the two terms). N is a sum of whole segments' costs
    and of fractions f of a segment's cost for the parts at either end (or one part when both points lie
    on one segment); f is measured by length in the equirectangular plane of the graph. For a segment S let
    L(S) be the sum of great-circle arcs between its vertices and v(S) = L(S) / cost(S) (each direction
    that is open). For a part P of S (a chain of its vertices and the snapped point), L(P) likewise. The
    plane stretches a length element by a factor between σ_lo and σ_hi (1 north–south, cos(lat0)/cos(lat)
    east–west, over the latitudes of the network's vertices); a straight plane piece maps onto a curve no
    shorter than the arc between its ends, so plane(P) ≥ σ_lo·L(P) and plane(S) ≤ σ_hi·L(S)·(1 + ε), ε the
    second-order excess of those curves over the arcs. Hence f·cost(S) ≥ (σ_lo/σ_hi)/(1 + ε)·L(P)/v(S) and
    every part or segment driven takes at least L/v_fast with
        v_fast = max_S v(S) · σ_hi/σ_lo · (1 + BOUND_MARGIN),  BOUND_MARGIN ≥ ε.
    The parts and segments chain from snap(o) to snap(d), and the arcs of a chain sum to at least the great
    circle between its ends (the triangle inequality on the sphere). The 1e-6 s added to each edge only
    lengthens N; an unreachable pair has N = inf. So LB ≤ m for every pair, and a pair whose LB exceeds a
    radius cannot be within it: pruning by LB loses nothing.
    tests/test_core_travel_time.py checks LB ≤ m on hand-built graphs (one-way roads, far latitudes, random
    costs) and the Phetchabun roads.
    """

    off_road_kmh: float
    fastest_kmh: float  # inf when some segment of positive length costs nothing

    @classmethod
    def of(cls, graph: RoadGraph) -> StraightLineBound:
        lonlat = [graph.plane.inverse(xy) for xy in graph.seg_xy]
        arcs = np.zeros(len(lonlat))
        counts = np.fromiter((len(c) for c in lonlat), np.int64, len(lonlat))
        allc = np.concatenate(lonlat)
        xyz = unit_vectors(allc[:, 0], allc[:, 1])
        step = 2.0 * np.arcsin(np.minimum(np.linalg.norm(xyz[1:] - xyz[:-1], axis=1) / 2.0, 1.0))
        last = np.cumsum(counts) - 1
        inner = np.ones(len(allc) - 1, bool)
        inner[last[:-1]] = False  # no arc from a segment's last vertex to the next segment's first
        owner = np.repeat(np.arange(len(lonlat)), counts)[:-1]
        arcs = np.bincount(owner[inner], weights=step[inner], minlength=len(lonlat)) * EARTH_RADIUS_KM
        speeds = [0.0]
        for cost in (graph.cost_s, graph.reverse_cost_s):
            open_ = cost >= 0
            free = open_ & (cost <= 0) & (arcs > 0)
            if free.any():
                return cls(graph.off_road_kmh, np.inf)
            timed = open_ & (cost > 0)
            if timed.any():
                speeds.append(float(np.max(arcs[timed] / (cost[timed] / 3600.0))))
        ratio = np.cos(np.radians(graph.plane.lat0)) / np.cos(np.radians(allc[:, 1]))
        sigma_lo, sigma_hi = min(1.0, float(ratio.min())), max(1.0, float(ratio.max()))
        return cls(graph.off_road_kmh, max(speeds) * sigma_hi / sigma_lo * (1.0 + BOUND_MARGIN))

    @property
    def off_road(self) -> TravelModel:
        return TravelModel(speed_kmh=self.off_road_kmh, detour_factor=1.0)

    @property
    def fast(self) -> Optional[TravelModel]:
        """The great circle at v_fast; None when v_fast is infinite (the network term is then 0)."""
        return TravelModel(speed_kmh=self.fastest_kmh, detour_factor=1.0) if np.isfinite(self.fastest_kmh) else None

    def minutes(self, origins: Snapped, destinations: Snapped, o_idx: np.ndarray, d_idx: np.ndarray) -> np.ndarray:
        """LB for the pairs (origins[o_idx[k]], destinations[d_idx[k]])."""
        o_idx, d_idx = np.asarray(o_idx, np.int64), np.asarray(d_idx, np.int64)
        direct = great_circle_minutes(
            origins.lon[o_idx], origins.lat[o_idx], destinations.lon[d_idx], destinations.lat[d_idx], self.off_road
        )
        legs = origins.off_road_minutes[o_idx] + destinations.off_road_minutes[d_idx]
        fast = self.fast
        if fast is not None:
            a, b = origins.on_network[o_idx], destinations.on_network[d_idx]
            legs = legs + great_circle_minutes(a[:, 0], a[:, 1], b[:, 0], b[:, 1], fast)
        return np.minimum(direct, legs)


def snap_points(graph: RoadGraph, lon: Sequence[float], lat: Sequence[float]) -> Snapped:
    """`RoadGraph.snap` for many points at once, with array operations: the same nearest points.

    Points are sampled along every piece at most `h` apart; the nearest sample's distance d is an upper
    bound of a point's distance to the network, and any piece holding a point within d has a sample within
    d + h/2, so the pieces with such a sample are the only candidates; each is projected on exactly."""
    lon = np.asarray(lon, np.float64).ravel()
    lat = np.asarray(lat, np.float64).ravel()
    if not len(lon):
        return graph.snap(lon, lat)
    tree, samples_owner, start, vec, h = _sampled_pieces(graph)
    xy = graph.plane.forward(np.column_stack((lon, lat)))
    d, _ = tree.query(xy)
    balls = tree.query_ball_point(xy, d + h / 2 + 1e-6, return_sorted=False)
    counts = np.fromiter((len(b) for b in balls), np.int64, len(balls))
    point = np.repeat(np.arange(len(lon)), counts)
    piece = samples_owner[np.concatenate([np.asarray(b, np.int64) for b in balls])]
    key = np.unique(point * len(start) + piece)
    point, piece = key // len(start), key % len(start)
    rel = xy[point] - start[piece]
    t = np.clip(np.einsum("ij,ij->i", rel, vec[piece]) / np.einsum("ij,ij->i", vec[piece], vec[piece]), 0.0, 1.0)
    on = start[piece] + t[:, None] * vec[piece]
    dist = np.hypot(*(xy[point] - on).T)
    order = np.lexsort((piece, dist, point))
    first = order[np.concatenate(([True], point[order][1:] != point[order][:-1]))]
    p, tt = piece[first], t[first]
    seg = graph._piece_seg[p]
    frac = np.clip(graph._piece_from[p] + tt * graph._piece_span[p], 0.0, 1.0)
    on_lonlat = graph.plane.inverse(on[first])
    minutes = great_circle_minutes(lon, lat, on_lonlat[:, 0], on_lonlat[:, 1], graph.off_road)
    metres = minutes / 60.0 * graph.off_road_kmh * 1000.0
    return Snapped(lon, lat, seg.astype(np.int64), frac, metres, minutes, on_lonlat)


_SAMPLES_MAX = 400_000


def _sampled_pieces(graph: RoadGraph):
    """(k-d tree of samples, owner piece of each sample, piece starts, piece vectors, spacing), kept on the graph."""
    cached = graph.__dict__.get("_snap_samples")
    if cached is not None:
        return cached
    ends = graph._piece_xy
    start, vec = ends[:, 0], ends[:, 1] - ends[:, 0]
    length = np.hypot(vec[:, 0], vec[:, 1])
    h = max(25.0, float(length.sum()) / _SAMPLES_MAX)
    n = np.ceil(length / h).astype(np.int64) + 1  # n - 1 steps of at most h
    owner = np.repeat(np.arange(len(start)), n)
    s = (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n - 1, n)
    samples = start[owner] + s[:, None] * vec[owner]
    cached = (cKDTree(samples), owner, start, vec, h)
    graph.__dict__["_snap_samples"] = cached
    return cached


class PairMinutes:
    """`TravelTimeModel.minutes` for chosen pairs: origins[o_idx[k]] → destinations[d_idx[k]].

    One Dijkstra on the reversed graph from each distinct node at an end of a destination's segment gives
    the seconds from every node to it; a pair then costs a few gathers (four ways: either end of the
    origin's segment to either end of the destination's, plus along one shared segment) and the whole
    way off-road if that is shorter. Memory: (distinct destination nodes × nodes) float64.
    """

    def __init__(self, graph: RoadGraph, origins: Snapped, destinations: Snapped) -> None:
        self.graph, self.origins, self.destinations = graph, origins, destinations
        g = graph
        seg, s = destinations.segment, destinations.fraction
        cost, rev = g.cost_s[seg], g.reverse_cost_s[seg]
        # seconds from the destination segment's source / target node on to the destination point
        self._q_src = np.where(s <= _AT_END, 0.0, np.where(cost >= 0, s * cost, np.inf))
        self._q_tgt = np.where(s >= 1 - _AT_END, 0.0, np.where(rev >= 0, (1 - s) * rev, np.inf))
        ends = np.concatenate([g.seg_source[seg], g.seg_target[seg]])
        nodes, row = np.unique(ends, return_inverse=True)
        self._row_src, self._row_tgt = row[: len(seg)], row[len(seg) :]
        if len(nodes):
            self._to = dijkstra(g.matrix.T.tocsr(), directed=True, indices=nodes)  # [row, a]: a → that node
        else:
            self._to = np.zeros((0, g.n_nodes))
        seg, t = origins.segment, origins.fraction
        cost, rev = g.cost_s[seg], g.reverse_cost_s[seg]
        # seconds from the origin point to its segment's source / target node
        self._p_src = np.where(t <= _AT_END, 0.0, np.where(rev >= 0, t * rev, np.inf))
        self._p_tgt = np.where(t >= 1 - _AT_END, 0.0, np.where(cost >= 0, (1 - t) * cost, np.inf))

    def __call__(self, o_idx: np.ndarray, d_idx: np.ndarray) -> np.ndarray:
        g, o, d = self.graph, self.origins, self.destinations
        o_idx, d_idx = np.asarray(o_idx, np.int64), np.asarray(d_idx, np.int64)
        if not len(o_idx):
            return np.zeros(0)
        a_src, a_tgt = g.seg_source[o.segment[o_idx]], g.seg_target[o.segment[o_idx]]
        r_src, r_tgt = self._row_src[d_idx], self._row_tgt[d_idx]
        p_src, p_tgt = self._p_src[o_idx], self._p_tgt[o_idx]
        q_src, q_tgt = self._q_src[d_idx], self._q_tgt[d_idx]
        to = self._to
        net = np.minimum(
            np.minimum(p_src + to[r_src, a_src] + q_src, p_src + to[r_tgt, a_src] + q_tgt),
            np.minimum(p_tgt + to[r_src, a_tgt] + q_src, p_tgt + to[r_tgt, a_tgt] + q_tgt),
        )
        same = o.segment[o_idx] == d.segment[d_idx]
        if same.any():
            k = o.segment[o_idx][same]
            t, s = o.fraction[o_idx][same], d.fraction[d_idx][same]
            cost, rev = g.cost_s[k], g.reverse_cost_s[k]
            ahead = np.where((s >= t) & (cost >= 0), (s - t) * cost, np.inf)
            behind = np.where((s <= t) & (rev >= 0), (t - s) * rev, np.inf)
            net[same] = np.minimum(net[same], np.minimum(ahead, behind))
        road = o.off_road_minutes[o_idx] + net / 60.0 + d.off_road_minutes[d_idx]
        direct = great_circle_minutes(o.lon[o_idx], o.lat[o_idx], d.lon[d_idx], d.lat[d_idx], g.off_road)
        return np.minimum(road, direct)


_CACHE: OrderedDict = OrderedDict()


def cached_graph(
    network_id: int, version: int, build: Callable[[], RoadGraph], store_key: Hashable = None
) -> RoadGraph:
    """The graph of (store, network id, version), built by `build()` the first time; the last few are kept.

    `store_key` tells stores apart (two databases may both hold network 1 version 1)."""
    key = (store_key, int(network_id), int(version))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    graph = build()
    _CACHE[key] = graph
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return graph


def clear_cache() -> None:
    _CACHE.clear()
