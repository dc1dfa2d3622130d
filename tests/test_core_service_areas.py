"""core.service_areas on hand-built networks with known travel times (a straight road, a T junction, a
one-way road), and the straight-line fallbacks."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import Point, box

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
