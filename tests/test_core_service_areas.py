"""core.service_areas on hand-built networks with known travel times (a straight road, a T junction, a
one-way road), and the straight-line fallbacks."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Point, box
from shapely.ops import transform, unary_union

from jitasa_qgis.core.road_network import LocalPlane
from jitasa_qgis.core.service_areas import (
    ARC_SHORTFALL,
    buffer_areas,
    catchments,
    drive_time_areas,
    nearest_areas,
    utm_epsg,
)
from jitasa_qgis.core.travel_time import RoadGraph, snap_points

LON0, LAT0 = 101.0, 16.0
PLANE = LocalPlane(LON0, LAT0)  # the tests' km grid (the graph has its own plane)
OFF_KMH = 5.0  # a slow off-road leg keeps the origin's own disc small next to the roads


def _graph(nodes: dict[int, tuple[float, float]], segs, off_kmh: float = OFF_KMH) -> RoadGraph:
    """segs: (source, target, cost seconds, reverse cost seconds); nodes at km offsets (east, north)."""

    def lonlat(p):
        return PLANE.inverse(np.array([[p[0] * 1000.0, p[1] * 1000.0]]))[0]

    coords = [np.vstack([lonlat(nodes[a]), lonlat(nodes[b])]) for a, b, _, _ in segs]
    return RoadGraph.build(
        [s[0] for s in segs],
        [s[1] for s in segs],
        [s[2] for s in segs],
        [s[3] for s in segs],
        coords,
        off_road_kmh=off_kmh,
    )


def _lonlat(graph: RoadGraph, x_km: float, y_km: float) -> tuple[float, float]:
    lon, lat = PLANE.inverse(np.array([[x_km * 1000.0, y_km * 1000.0]]))[0]
    return float(lon), float(lat)


def _straight(oneway: bool = False) -> RoadGraph:
    """A 10 km road west → east at 60 km/h: 1 minute a km (one-way: eastbound only)."""
    return _graph({1: (0, 0), 2: (10, 0)}, [(1, 2, 600.0, -1.0 if oneway else 600.0)])


def _plane_point(graph: RoadGraph, lon: float, lat: float) -> Point:
    x, y = PLANE.forward(np.array([[lon, lat]]))[0]
    return Point(x, y)


def _area_plane(graph: RoadGraph, area):
    from shapely.ops import transform

    def fwd(x, y, z=None):
        out = PLANE.forward(np.column_stack((np.asarray(x, float), np.asarray(y, float))))
        return out[:, 0], out[:, 1]

    return transform(fwd, area.geometry)


def _true_minutes_straight(x_km: float, y_km: float, origin_km: float, oneway: bool) -> float:
    """Minutes to (x, y) on the straight road: drive to a road point, walk the rest (brute force)."""
    road = np.linspace(0, 10, 20001)
    ok = road >= origin_km if oneway else np.ones_like(road, bool)
    drive = np.abs(road - origin_km)
    walk = np.hypot(road - x_km, y_km) / OFF_KMH * 60
    direct = np.hypot(x_km - origin_km, y_km) / OFF_KMH * 60
    return float(min(np.min(np.where(ok, drive + walk, np.inf)), direct))


@pytest.mark.parametrize("oneway", [False, True])
def test_drive_time_straight_road_holds_what_is_reachable_and_nothing_beyond(oneway: bool) -> None:
    graph = _straight(oneway)
    origin = _lonlat(graph, 3.0, 0.0)
    snapped = snap_points(graph, [origin[0]], [origin[1]])
    areas = drive_time_areas(graph, snapped, [2, 4])
    assert [(a.origin, a.threshold) for a in areas] == [(0, 2.0), (0, 4.0)]
    for area in areas:
        poly = _area_plane(graph, area)
        t = area.threshold
        # along the road: exactly [3 - t, 3 + t] (one-way: [3, 3 + t] plus the walking disc)
        for x in np.arange(0.0, 10.0, 0.05):
            p = Point(x * 1000.0, 0.0)
            true = _true_minutes_straight(x, 0.0, 3.0, oneway)
            if true <= t - 1e-6:
                assert poly.buffer(0.02).contains(p), (t, x)
            elif true > t + 1e-6:
                assert not poly.contains(p), (t, x)
        # off the road: reachable places are in (but for the polygon's chords, under 2 % of the reach), nothing
        # beyond the threshold
        rng = np.random.default_rng(1)
        band = t * ARC_SHORTFALL
        for x, y in rng.uniform([-1, -1], [10, 1], size=(400, 2)):
            true = _true_minutes_straight(x, y, 3.0, oneway)
            inside = poly.contains(Point(x * 1000.0, y * 1000.0))
            if true > t + 1e-6:
                assert not inside, (t, x, y, true)
            if true < t - band - 1e-6:
                assert inside, (t, x, y, true)


def test_drive_time_partial_segment_is_cut_at_the_remaining_time() -> None:
    graph = _straight()
    origin = _lonlat(graph, 0.0, 0.0)
    area = drive_time_areas(graph, snap_points(graph, [origin[0]], [origin[1]]), [6.5])[0]
    poly = _area_plane(graph, area)
    assert poly.contains(Point(6490.0, 0.0))
    assert not poly.contains(Point(6510.0, 0.0))  # beyond 6.5 km: the 6.5 minutes are spent
    assert area.area_km2 > 0


def test_t_junction_and_one_way_branch() -> None:
    # main road 1-2-3 (5 km each, 1 min a km); branch 2-4 north 4 km, one-way 4 → 2 only
    nodes = {1: (0, 0), 2: (5, 0), 3: (10, 0), 4: (5, 4)}
    graph = _graph(nodes, [(1, 2, 300.0, 300.0), (2, 3, 300.0, 300.0), (4, 2, 240.0, -1.0)])
    origin = _lonlat(graph, 0.0, 0.0)
    area = drive_time_areas(graph, snap_points(graph, [origin[0]], [origin[1]]), [8])[0]
    poly = _area_plane(graph, area)
    assert poly.contains(Point(7900.0, 0.0))  # 7.9 km along the main road
    assert not poly.contains(Point(8100.0, 0.0))
    # the branch cannot be driven from the junction (one-way towards it): 2 km up is 2 + walking, too far
    assert not poly.contains(Point(5000.0, 2000.0))
    # from the branch's top the junction is 4 minutes away, then 8 along the road to the far west end
    top = _lonlat(graph, 5.0, 4.0)
    area2 = drive_time_areas(graph, snap_points(graph, [top[0]], [top[1]]), [8])[0]
    poly2 = _area_plane(graph, area2)
    assert poly2.contains(Point(5000.0, 10.0)) and poly2.contains(Point(1100.0, 0.0))
    assert not poly2.contains(Point(900.0, 0.0))


def _catch(graph, origins_km, delay=None, limit=None):
    pts = [_lonlat(graph, *p) for p in origins_km]
    snapped = snap_points(graph, [p[0] for p in pts], [p[1] for p in pts])
    return catchments(graph, snapped, delay, limit)


def _owner_at(graph, result, x_km: float, y_km: float) -> list[int]:
    p = Point(x_km * 1000.0, y_km * 1000.0)
    return [a.origin for a in result.areas if _area_plane(graph, a).contains(p)]


@pytest.mark.parametrize("delay, meet_km", [(None, 5.0), ([2.0, 0.0], 4.0), ([0.0, 3.0], 6.5)])
def test_catchments_partition_and_readiness_delay_moves_the_boundary(delay, meet_km) -> None:
    graph = _straight()
    result = _catch(graph, [(0.0, 0.0), (10.0, 0.0)], delay)
    assert len(result.areas) == 2
    a, b = (_area_plane(graph, x) for x in result.areas)
    assert a.intersection(b).area < 1.0  # m²: they only share their border
    assert _owner_at(graph, result, meet_km - 0.05, 0.0) == [0]
    assert _owner_at(graph, result, meet_km + 0.05, 0.0) == [1]
    # every road point belongs to exactly one catchment
    for x in np.arange(0.02, 10.0, 0.25):
        assert len(_owner_at(graph, result, x, 0.0)) == 1, x


def test_catchments_respect_one_way_and_the_limit() -> None:
    # one-way eastbound: the western origin drives on, the eastern one cannot come back west
    graph = _straight(oneway=True)
    result = _catch(graph, [(0.0, 0.0), (6.0, 0.0)], limit=8)
    assert _owner_at(graph, result, 5.9, 0.0) == [0]
    assert _owner_at(graph, result, 6.1, 0.0) == [1]
    assert _owner_at(graph, result, 9.5, 0.0) == [1]  # 3.5 min from the eastern origin, 9.5 from the western
    # the western origin alone, 4 minutes: nothing beyond 4 km
    result2 = _catch(graph, [(0.0, 0.0)], limit=4)
    assert _owner_at(graph, result2, 3.9, 0.0) == [0]
    assert _owner_at(graph, result2, 4.1, 0.0) == []


def test_an_origin_far_off_the_road_owns_the_places_around_it() -> None:
    # a clinic 3 km north of the road's middle (36 min off-road at 5 km/h) and one on the road's west end:
    # the western one reaches every road point first, yet the places next to the northern one are its own
    graph = _straight()
    pts = [_lonlat(graph, 0.0, 0.0), _lonlat(graph, 5.0, 3.0)]
    snapped = snap_points(graph, [p[0] for p in pts], [p[1] for p in pts])
    boundary = transform(lambda x, y, z=None: PLANE.inverse(np.column_stack((x, y))).T, box(-2e3, -4e3, 12e3, 6e3))
    result = catchments(graph, snapped, None, None, boundary)
    assert sorted(a.origin for a in result.areas) == [0, 1]
    assert _owner_at(graph, result, 5.0, 3.05) == [1]
    assert _owner_at(graph, result, 5.0, 2.0) == [1]  # 12 min off-road from it; by road 5 + 24 = 29 min
    assert _owner_at(graph, result, 5.0, 0.2) == [0]  # 5 + 2.4 min by road, 33.6 min from the northern one
    # without a limit the boundary is shared out whole, without overlap
    parts = [_area_plane(graph, a) for a in result.areas]
    assert parts[0].intersection(parts[1]).area < 1.0
    assert sum(p.area for p in parts) == pytest.approx(14e3 * 10e3, rel=1e-6)


def test_far_facility_is_snapped_with_its_distance() -> None:
    graph = _straight()
    far = _lonlat(graph, 5.0, 5.0)
    snapped = snap_points(graph, [far[0]], [far[1]])
    assert snapped.off_road_m[0] == pytest.approx(5000.0, rel=0.01)
    # 5 km at 5 km/h is 60 minutes off-road: at 30 minutes only its own disc, no road
    area = drive_time_areas(graph, snapped, [30])[0]
    assert not _area_plane(graph, area).contains(Point(5000.0, 0.0))
    area = drive_time_areas(graph, snapped, [65])[0]
    assert _area_plane(graph, area).contains(Point(9000.0, 0.0))  # 60 + 4 minutes along the road


def test_buffers_in_metres() -> None:
    areas = buffer_areas([101.0, 101.2], [16.0, 16.1], [1000, 5000])
    assert [(a.origin, a.threshold) for a in areas] == [(0, 1000.0), (0, 5000.0), (1, 1000.0), (1, 5000.0)]
    assert areas[0].area_km2 == pytest.approx(np.pi, rel=0.01)
    assert areas[1].area_km2 == pytest.approx(25 * np.pi, rel=0.01)
    assert areas[0].geometry.contains(Point(101.0, 16.0))
    assert utm_epsg(101.0, 16.0) == 32647
    with pytest.raises(ValueError):
        buffer_areas([101.0], [16.0], [0])


def test_nearest_areas_partition_the_boundary() -> None:
    boundary = box(100.9, 15.9, 101.3, 16.2)
    lon, lat = [101.0, 101.2, 101.1], [16.0, 16.1, 16.15]
    areas = nearest_areas(lon, lat, boundary)
    assert sorted(a.origin for a in areas) == [0, 1, 2]
    total = sum(a.geometry.area for a in areas)
    assert total == pytest.approx(boundary.area, rel=1e-4)  # edges re-projected through UTM
    for a in areas:
        assert a.geometry.contains(Point(lon[a.origin], lat[a.origin]))
        for b in areas:
            if a is not b:
                assert a.geometry.intersection(b.geometry).area < 1e-9


# --- grids: faces covered whole, frontier capsules, catchments by label borders -------------------------

GRID_OFF_KMH = 20.0


def _grid_graph(n: int) -> RoadGraph:
    """n × n junctions 1 km apart, two-way segments at 30–70 km/h (a fixed pattern)."""
    nodes = {r * n + c: (float(c), float(r)) for r in range(n) for c in range(n)}
    segs = []
    for r in range(n):
        for c in range(n):
            for dr, dc in ((0, 1), (1, 0)):
                if r + dr < n and c + dc < n:
                    kmh = 30.0 + 10.0 * ((3 * r + 7 * c + dr) % 5)
                    cost = 1.0 / kmh * 3600.0
                    segs.append((r * n + c, (r + dr) * n + c + dc, cost, cost))
    return _graph(nodes, segs, off_kmh=GRID_OFF_KMH)


def _node_minutes_brute(graph: RoadGraph, origin: int) -> np.ndarray:
    """Plain Dijkstra (heapq) on the segments: minutes from node `origin` to every node."""
    import heapq

    adj: dict[int, list[tuple[int, float]]] = {}
    for s in range(len(graph.seg_xy)):
        u, v = int(graph.seg_source[s]), int(graph.seg_target[s])
        adj.setdefault(u, []).append((v, graph.cost_s[s] / 60.0))
        adj.setdefault(v, []).append((u, graph.reverse_cost_s[s] / 60.0))
    dist = np.full(graph.n_nodes, np.inf)
    dist[origin] = 0.0
    heap = [(0.0, origin)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj.get(u, []):
            if d + w < dist[v]:
                dist[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist


def _graph_plane(graph: RoadGraph):
    def fwd(x, y, z=None):
        out = graph.plane.forward(np.column_stack((np.asarray(x, float), np.asarray(y, float))))
        return out[:, 0], out[:, 1]

    return fwd


def test_road_faces_of_a_grid() -> None:
    from jitasa_qgis.core.road_faces import faces_of

    graph = _grid_graph(4)
    faces = faces_of(graph)
    assert len(faces) == 9
    assert faces.reach_m == pytest.approx(np.full(9, 500.0), rel=0.01)  # a 1 km square: its centre is 500 m in
    sides = (faces.seg_faces >= 0).sum(axis=1)
    assert list(np.bincount(sides, minlength=3)) == [0, 12, 12]  # 12 on the rim (one face), 12 between two
    assert faces_of(graph) is faces  # kept on the graph


def test_drive_time_on_a_grid_holds_what_is_reachable_and_nothing_beyond() -> None:
    n = 9
    graph = _grid_graph(n)
    lon, lat = _lonlat(graph, n // 2, n // 2)  # the origin on a junction: no off-road leg
    snapped = snap_points(graph, [lon], [lat])
    node_xy = np.zeros((graph.n_nodes, 2))  # in the tests' plane, node ids as the graph numbers them
    for s, xy in enumerate(graph.seg_xy):
        node_xy[graph.seg_source[s]] = PLANE.forward(graph.plane.inverse(xy[:1]))[0]
        node_xy[graph.seg_target[s]] = PLANE.forward(graph.plane.inverse(xy[-1:]))[0]
    origin_node = int(np.argmin(np.hypot(*(node_xy - np.array([n // 2, n // 2]) * 1000.0).T)))
    d = _node_minutes_brute(graph, origin_node)
    # road points every 10 m with their minutes (two-way: the earlier of the two ends)
    x = np.linspace(0.0, 1.0, 101)
    road_xy, road_t = [], []
    for s in range(len(graph.seg_xy)):
        a, b = node_xy[graph.seg_source[s]], node_xy[graph.seg_target[s]]
        c = graph.cost_s[s] / 60.0
        road_xy.append(a[None, :] + x[:, None] * (b - a)[None, :])
        road_t.append(np.minimum(d[graph.seg_source[s]] + x * c, d[graph.seg_target[s]] + (1 - x) * c))
    road_xy, road_t = np.vstack(road_xy), np.concatenate(road_t)
    v = GRID_OFF_KMH * 1000.0 / 60.0
    rng = np.random.default_rng(7)
    probes = rng.uniform(-1500.0, (n - 1) * 1000.0 + 1500.0, size=(1500, 2))
    walk = [np.hypot(*(p - node_xy[origin_node])) / v for p in probes]
    true = np.array([min(np.min(road_t + np.hypot(*(road_xy - p).T) / v), w) for p, w in zip(probes, walk)])
    for t, area in zip((4.0, 7.0), drive_time_areas(graph, snapped, [4, 7])):
        poly = _area_plane(graph, area)
        inside = np.array([poly.contains(Point(*p)) for p in probes])
        assert not np.any(inside & (true > t + 0.02)), t  # nothing beyond the threshold (10 m sampling)
        assert np.all(inside[true < t * (1 - ARC_SHORTFALL) - 0.02]), t  # the reachable places are in


def _grid_origins(graph: RoadGraph, n: int, k: int):
    rng = np.random.default_rng(5)
    pts = [_lonlat(graph, *xy) for xy in rng.uniform(0.0, n - 1.0, size=(k, 2))]
    return snap_points(graph, [p[0] for p in pts], [p[1] for p in pts])


def test_drive_time_threads_give_what_one_thread_gives_in_origin_order() -> None:
    graph = _grid_graph(9)
    snapped = _grid_origins(graph, 9, 6)
    told = []
    serial = drive_time_areas(graph, snapped, [3, 6], workers=1)
    threaded = drive_time_areas(graph, snapped, [3, 6], workers=3, on_origin=lambda d, t: told.append((d, t)))
    assert [(a.origin, a.threshold) for a in threaded] == [(o, t) for o in range(6) for t in (3.0, 6.0)]
    assert [(a.origin, a.threshold) for a in serial] == [(a.origin, a.threshold) for a in threaded]
    assert all(a.geometry.equals_exact(b.geometry, 0.0) for a, b in zip(serial, threaded))
    assert told == [(i, 6) for i in range(1, 7)]  # in the calling thread, one call an origin


@pytest.mark.parametrize("workers", [1, 2])
def test_drive_time_cancel_between_origins(workers: int) -> None:
    from jitasa_qgis.core.service_areas import AreasCancelled

    graph = _grid_graph(9)
    snapped = _grid_origins(graph, 9, 8)
    done = []
    with pytest.raises(AreasCancelled):
        drive_time_areas(
            graph, snapped, [4], workers=workers, on_origin=lambda d, t: done.append(d), is_cancelled=lambda: bool(done)
        )
    assert done and done[-1] < 8  # stopped after the first origin it saw finish, not at the end


def test_catchments_on_a_grid_partition_the_area_as_the_cells_would() -> None:
    from jitasa_qgis.core.service_areas import _partition_by_cells

    graph = _grid_graph(9)
    for limit in (None, 6.0):
        result = _catch(graph, [(1.0, 1.0), (6.3, 2.0), (4.0, 7.0)], delay=[0.0, 2.0, 0.0], limit=limit)
        polys = {a.origin: transform(_graph_plane(graph), a.geometry) for a in result.areas}
        assert sorted(polys) == [0, 1, 2]
        for i in polys:
            for j in polys:
                if i < j:
                    assert polys[i].intersection(polys[j]).area < 1.0  # m²: borders only
        region = unary_union(list(polys.values()))
        assert sum(p.area for p in polys.values()) == pytest.approx(region.area, rel=1e-6)
        # the same partition as the Voronoi cells of all the samples dissolved by label (the plain way)
        xy = graph.plane.forward(result.sample_lonlat)
        cells = _partition_by_cells(xy, result.sample_origin, region)
        for o, poly in polys.items():
            assert poly.symmetric_difference(cells[o]).area < 1e-4 * region.area, (limit, o)
