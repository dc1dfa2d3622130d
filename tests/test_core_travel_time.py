"""core.travel_time against an independent Dijkstra (heapq, written here) on hand-built graphs."""

from __future__ import annotations

import heapq

import numpy as np
import pytest

from jitasa_qgis.core.assignment.costs import TravelModel, great_circle_minutes
from jitasa_qgis.core.travel_time import (
    RoadGraph,
    TravelTimeModel,
    cached_graph,
    clear_cache,
    node_minutes,
    reached_segments,
)
from jitasa_qgis.definitions.roads import TravelModelCode

LON0, LAT0 = 101.0, 16.0
STEP = 0.01  # degrees between grid nodes (~1.1 km)


def ref_dijkstra(n: int, edges: list[tuple[int, int, float]], sources: dict[int, float]) -> list[float]:
    """Textbook Dijkstra with a binary heap: edges (u, v, seconds) directed, sources {node: start seconds}."""
    adj: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        adj[u].append((v, w))
    dist = [float("inf")] * n
    heap = []
    for s, d in sources.items():
        dist[s] = min(dist[s], d)
        heap.append((d, s))
    heapq.heapify(heap)
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            if d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist


def grid(rows: int, cols: int, seed: int, oneway_share: float = 0.3):
    """A grid of segments with random costs; some one-way (either way). Node id = r * cols + c + 1."""
    rng = np.random.default_rng(seed)
    src, tgt, cost, rev, coords = [], [], [], [], []
    for r in range(rows):
        for c in range(cols):
            for dr, dc in ((0, 1), (1, 0)):
                r2, c2 = r + dr, c + dc
                if r2 >= rows or c2 >= cols:
                    continue
                a, b = r * cols + c + 1, r2 * cols + c2 + 1
                w = float(rng.uniform(30, 300))
                u = rng.random()
                src.append(a)
                tgt.append(b)
                cost.append(w if u > oneway_share / 2 else -1.0)
                rev.append(w if u < 1 - oneway_share / 2 else -1.0)
                coords.append(np.array([[LON0 + c * STEP, LAT0 + r * STEP], [LON0 + c2 * STEP, LAT0 + r2 * STEP]]))
    return src, tgt, cost, rev, coords


def ref_edges(src, tgt, cost, rev):
    edges = []
    for a, b, w, wr in zip(src, tgt, cost, rev):
        if w >= 0:
            edges.append((a - 1, b - 1, w))
        if wr >= 0:
            edges.append((b - 1, a - 1, wr))
    return edges


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_node_minutes_from_nodes_match_the_reference(seed):
    rows, cols = 6, 7
    src, tgt, cost, rev, coords = grid(rows, cols, seed)
    graph = RoadGraph.build(src, tgt, cost, rev, coords)
    starts = [0, 17, rows * cols - 1]
    lon = [LON0 + (s % cols) * STEP for s in starts]
    lat = [LAT0 + (s // cols) * STEP for s in starts]
    snapped = graph.snap(lon, lat)
    assert np.allclose(snapped.off_road_m, 0.0, atol=0.01)
    got, _ = node_minutes(graph, snapped)
    edges = ref_edges(src, tgt, cost, rev)
    for o, s in enumerate(starts):
        want = np.array(ref_dijkstra(rows * cols, edges, {s: 0.0})) / 60.0
        assert np.allclose(got[o], want, atol=1e-4, equal_nan=False), (seed, s)
    # many origins at once, nearest only: the minimum over origins, and which origin
    best, owner = node_minutes(graph, snapped, min_only=True)
    assert np.allclose(best, got.min(axis=0), atol=1e-4)
    reached = np.isfinite(best)
    assert np.allclose(got[owner[reached], np.flatnonzero(reached)], best[reached], atol=1e-4)


def test_limit_cuts_at_the_limit():
    src, tgt, cost, rev, coords = grid(5, 5, 7, oneway_share=0.0)
    graph = RoadGraph.build(src, tgt, cost, rev, coords)
    snapped = graph.snap([LON0], [LAT0])
    full, _ = node_minutes(graph, snapped)
    cut, _ = node_minutes(graph, snapped, limit_minutes=5.0)
    inside = full[0] <= 5.0
    assert inside.sum() > 1 and (~inside).sum() > 1
    assert np.allclose(cut[0][inside], full[0][inside])
    assert np.isinf(cut[0][~inside]).all()


def line_graph(cost_ab=600.0, rev_ab=600.0, cost_bc=600.0, rev_bc=600.0):
    """A — B — C due east, 0.1° apart (~10.7 km each), costs given in seconds."""
    coords = [
        np.array([[LON0, LAT0], [LON0 + 0.1, LAT0]]),
        np.array([[LON0 + 0.1, LAT0], [LON0 + 0.2, LAT0]]),
    ]
    return RoadGraph.build([1, 2], [2, 3], [cost_ab, cost_bc], [rev_ab, rev_bc], coords, network_id=5, version=1)


def test_partial_segments_and_off_road_legs():
    graph = line_graph()
    model = TravelTimeModel(graph)
    # origin a quarter along A-B, 0.01° north; destination three quarters along B-C, on the road
    result = model.minutes([LON0 + 0.025], [LAT0 + 0.01], [LON0 + 0.175], [LAT0])
    off_road = great_circle_minutes(
        np.array([LON0 + 0.025]),
        np.array([LAT0 + 0.01]),
        np.array([LON0 + 0.025]),
        np.array([LAT0]),
        TravelModel(speed_kmh=graph.off_road_kmh),
    )[0]
    want = off_road + (0.75 * 600 + 0.75 * 600) / 60.0
    assert result.model == TravelModelCode.ROAD_NETWORK
    assert result.minutes[0, 0] == pytest.approx(want, abs=1e-3)
    assert result.origin_off_road_m[0] == pytest.approx(1112, rel=0.01)
    assert result.destination_off_road_m[0] == pytest.approx(0, abs=0.01)


def test_one_way_roads_are_respected():
    graph = line_graph(rev_ab=-1.0, rev_bc=-1.0)  # only eastwards
    model = TravelTimeModel(graph)
    east = model.minutes([LON0 + 0.05], [LAT0], [LON0 + 0.15], [LAT0]).minutes[0, 0]
    assert east == pytest.approx((300 + 300) / 60.0, abs=1e-3)
    # westwards there is no road: only the straight line across country at the off-road speed
    west = model.minutes([LON0 + 0.15], [LAT0], [LON0 + 0.05], [LAT0]).minutes[0, 0]
    direct = great_circle_minutes(
        np.array([LON0 + 0.15]),
        np.array([LAT0]),
        np.array([LON0 + 0.05]),
        np.array([LAT0]),
        TravelModel(speed_kmh=graph.off_road_kmh),
    )[0]
    assert west == pytest.approx(direct, abs=1e-6)
    # on one one-way segment: ahead along it, behind not
    ahead = model.minutes([LON0 + 0.02], [LAT0], [LON0 + 0.08], [LAT0]).minutes[0, 0]
    assert ahead == pytest.approx(0.6 * 600 / 60.0, abs=1e-3)
    behind = model.minutes([LON0 + 0.08], [LAT0], [LON0 + 0.02], [LAT0]).minutes[0, 0]
    assert behind > ahead * 2  # not 6 minutes back against the one-way


def test_against_the_reference_with_points_inside_segments():
    src, tgt, cost, rev, coords = grid(5, 6, 11)
    graph = RoadGraph.build(src, tgt, cost, rev, coords)
    rng = np.random.default_rng(4)
    n = len(src)
    # points exactly on segments at random fractions: the reference splits those segments by hand
    o_seg, d_seg = rng.integers(0, n, 4), rng.integers(0, n, 5)
    o_t, d_t = rng.uniform(0.05, 0.95, 4), rng.uniform(0.05, 0.95, 5)

    def point(k, t):
        a, b = coords[k]
        return a + t * (b - a)

    o_xy = np.array([point(k, t) for k, t in zip(o_seg, o_t)])
    d_xy = np.array([point(k, t) for k, t in zip(d_seg, d_t)])
    got = TravelTimeModel(graph).minutes(o_xy[:, 0], o_xy[:, 1], d_xy[:, 0], d_xy[:, 1]).minutes
    base = ref_edges(src, tgt, cost, rev)
    nn = 30
    for i in range(4):
        for j in range(5):
            edges = list(base)
            o, d = nn, nn + 1
            for node, k, t, leaving in ((o, o_seg[i], o_t[i], True), (d, d_seg[j], d_t[j], False)):
                a, b = src[k] - 1, tgt[k] - 1
                if leaving:
                    if cost[k] >= 0:
                        edges.append((node, b, (1 - t) * cost[k]))
                    if rev[k] >= 0:
                        edges.append((node, a, t * rev[k]))
                else:
                    if cost[k] >= 0:
                        edges.append((a, node, t * cost[k]))
                    if rev[k] >= 0:
                        edges.append((b, node, (1 - t) * rev[k]))
            if o_seg[i] == d_seg[j]:
                k = o_seg[i]
                if d_t[j] >= o_t[i] and cost[k] >= 0:
                    edges.append((o, d, (d_t[j] - o_t[i]) * cost[k]))
                if d_t[j] <= o_t[i] and rev[k] >= 0:
                    edges.append((o, d, (o_t[i] - d_t[j]) * rev[k]))
            want = ref_dijkstra(nn + 2, edges, {o: 0.0})[d] / 60.0
            direct = great_circle_minutes(
                o_xy[i : i + 1, 0],
                o_xy[i : i + 1, 1],
                d_xy[j : j + 1, 0],
                d_xy[j : j + 1, 1],
                TravelModel(speed_kmh=graph.off_road_kmh),
            )[0]
            assert got[i, j] == pytest.approx(min(want, direct), abs=1e-3), (i, j)


def test_reached_segments_partial_and_own_segment():
    graph = line_graph(rev_bc=-1.0)  # B→C one-way eastwards
    snapped = graph.snap([LON0 + 0.05], [LAT0])  # halfway along A-B, on the road
    parts = reached_segments(graph, snapped, limit_minutes=12.5)  # 5 min to B or A, then 7.5 more
    by_seg = {}
    for k, s, e in zip(parts.segment, parts.start, parts.end):
        by_seg.setdefault(int(k), []).append((round(float(s), 4), round(float(e), 4)))
    assert max(e for _, e in by_seg[0]) == 1.0 and min(s for s, _ in by_seg[0]) == 0.0  # all of A-B
    assert by_seg[1] == [(0.0, 0.75)]  # 7.5 of B-C's 10 minutes
    assert (parts.end_minutes <= 12.5 + 1e-9).all() and (parts.start_minutes <= 12.5 + 1e-9).all()
    # from C's side the one-way cannot be driven back: starting just past C nothing of B-C is reached
    at_c = graph.snap([LON0 + 0.2], [LAT0])
    parts = reached_segments(graph, at_c, limit_minutes=30)
    assert not ((parts.segment == 1) & (parts.end > parts.start + 1e-9) & (parts.start < 1 - 1e-9)).any()


def test_readiness_delay_shifts_every_time():
    src, tgt, cost, rev, coords = grid(4, 4, 3, oneway_share=0.0)
    graph = RoadGraph.build(src, tgt, cost, rev, coords)
    snapped = graph.snap([LON0, LON0 + 3 * STEP], [LAT0, LAT0 + 3 * STEP])
    plain, _ = node_minutes(graph, snapped)
    delayed, _ = node_minutes(graph, snapped, delay_minutes=np.array([0.0, 7.0]))
    assert np.allclose(delayed[0], plain[0]) and np.allclose(delayed[1], plain[1] + 7.0)
    best, owner = node_minutes(graph, snapped, min_only=True, delay_minutes=np.array([0.0, 7.0]))
    assert np.allclose(best, np.minimum(plain[0], plain[1] + 7.0), atol=1e-4)


def test_straight_line_fallback_is_the_assignment_model():
    model = TravelTimeModel(None)
    result = model.minutes([100.0, 100.5], [15.0, 15.5], [100.2], [15.1])
    assert result.model == TravelModelCode.STRAIGHT_LINE == model.code
    want = great_circle_minutes(
        np.array([100.0, 100.5]), np.array([15.0, 15.5]), np.array([100.2] * 2), np.array([15.1] * 2)
    )
    assert np.allclose(result.minutes[:, 0], want)
    assert result.origin_off_road_m is None


def test_graph_cached_by_network_and_version():
    clear_cache()
    built = []

    def build():
        built.append(1)
        return line_graph()

    g1 = cached_graph(5, 1, build)
    assert cached_graph(5, 1, build) is g1 and len(built) == 1
    g2 = cached_graph(5, 2, build)  # re-imported: a new version is built again
    assert g2 is not g1 and len(built) == 2
    g3 = cached_graph(5, 2, build, store_key=("other", 5432, "db"))  # another store's network 5 version 2
    assert g3 is not g2 and len(built) == 3
    clear_cache()


def test_snapping_along_a_bent_segment_and_a_point_5_km_off():
    # A → corner → B: 0.02° east then 0.01° north; a second, straight segment B → C north
    bent = np.array([[LON0, LAT0], [LON0 + 0.02, LAT0], [LON0 + 0.02, LAT0 + 0.01]])
    on = np.array([[LON0 + 0.02, LAT0 + 0.01], [LON0 + 0.02, LAT0 + 0.03]])
    graph = RoadGraph.build([1, 2], [2, 3], [180.0, 120.0], [180.0, 120.0], [bent, on])
    east = 0.02 * np.cos(np.radians(LAT0))
    corner = graph.snap([LON0 + 0.02], [LAT0])
    assert corner.segment[0] == 0 and corner.fraction[0] == pytest.approx(east / (east + 0.01), rel=1e-3)
    up = graph.snap([LON0 + 0.02], [LAT0 + 0.005])
    assert up.fraction[0] == pytest.approx((east + 0.005) / (east + 0.01), rel=1e-3)
    # a facility ~5 km west of A: snapped to A with the distance reported, the leg at the off-road speed
    far = graph.snap([LON0 - 0.0467], [LAT0])
    assert far.segment[0] == 0 and far.fraction[0] == 0.0
    assert far.off_road_m[0] == pytest.approx(5000, rel=0.01)
    assert far.off_road_minutes[0] == pytest.approx(5.0 / graph.off_road_kmh * 60, rel=0.01)
    result = TravelTimeModel(graph).minutes([LON0 - 0.0467], [LAT0], [LON0 + 0.02], [LAT0 + 0.02])
    assert result.minutes[0, 0] == pytest.approx(far.off_road_minutes[0] + 3 + 1, abs=1e-3)  # < 30 across
    assert result.origin_off_road_m[0] == pytest.approx(5000, rel=0.01)


def test_reached_segments_are_exactly_what_is_reachable():
    """Sample every segment at 40 inner points: a point is inside a reached part iff the reference reaches it."""
    src, tgt, cost, rev, coords = grid(6, 6, 21)
    graph = RoadGraph.build(src, tgt, cost, rev, coords)
    k0, t0 = 7, 0.3  # the origin: 30% along segment 7, on the road
    a, b = coords[k0]
    origin = a + t0 * (b - a)
    snapped = graph.snap([origin[0]], [origin[1]])
    assert snapped.segment[0] == k0 and snapped.fraction[0] == pytest.approx(t0)
    edges = ref_edges(src, tgt, cost, rev)
    o = 36
    if cost[k0] >= 0:
        edges.append((o, tgt[k0] - 1, (1 - t0) * cost[k0]))
    if rev[k0] >= 0:
        edges.append((o, src[k0] - 1, t0 * rev[k0]))
    dist = ref_dijkstra(37, edges, {o: 0.0})
    limit = 9.0
    parts = reached_segments(graph, snapped, limit)
    checked = 0
    for k in range(len(src)):
        mine = [(s, e) for seg, s, e in zip(parts.segment, parts.start, parts.end) if seg == k]
        for f in np.linspace(0.0125, 0.9875, 40):
            best = np.inf
            if cost[k] >= 0:
                best = min(best, dist[src[k] - 1] + f * cost[k])
            if rev[k] >= 0:
                best = min(best, dist[tgt[k] - 1] + (1 - f) * rev[k])
            if k == k0:
                if f >= t0 and cost[k] >= 0:
                    best = min(best, (f - t0) * cost[k])
                if f <= t0 and rev[k] >= 0:
                    best = min(best, (t0 - f) * rev[k])
            minutes = best / 60.0
            if abs(minutes - limit) < 1e-3:
                continue  # on the boundary itself
            covered = any(s - 1e-9 <= f <= e + 1e-9 for s, e in mine)
            assert covered == (minutes < limit), (k, f, minutes, mine)
            checked += 1
    assert checked > 2000 and len(parts) > 10
