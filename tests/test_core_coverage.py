"""core.coverage.nearest_minutes equals the minimum over origins of TravelTimeModel.minutes (the whole
matrix), on random grids with one-way streets and on the straight line; per_group_sum drops unplaced rows."""

from __future__ import annotations

import numpy as np
import pytest
from test_core_travel_time import LAT0, LON0, STEP, grid

from jitasa_qgis.core.coverage import intersects_polygons, nearest_minutes, per_group_sum
from jitasa_qgis.core.travel_time import RoadGraph, TravelTimeModel
from jitasa_qgis.definitions.roads import TravelModelCode


def _points(rng, n):
    return LON0 + rng.uniform(-0.01, 6 * STEP, n), LAT0 + rng.uniform(-0.01, 5 * STEP, n)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_road_minutes_equal_the_full_matrix_minimum(seed):
    graph = RoadGraph.build(*grid(6, 7, seed))
    model = TravelTimeModel(graph)
    rng = np.random.default_rng(seed)
    o_lon, o_lat = _points(rng, 5)
    d_lon, d_lat = _points(rng, 60)
    # some destinations on an origin's own segment, and one exactly on an origin
    d_lon[:3], d_lat[:3] = o_lon[0] + 1e-5, o_lat[0]
    d_lon[3], d_lat[3] = o_lon[1], o_lat[1]
    got = nearest_minutes(model, o_lon, o_lat, d_lon, d_lat)
    want = model.minutes(o_lon, o_lat, d_lon, d_lat).minutes.min(axis=0)
    assert got.model == TravelModelCode.ROAD_NETWORK
    np.testing.assert_allclose(got.minutes, want, rtol=1e-9, atol=1e-6)
    limited = nearest_minutes(model, o_lon, o_lat, d_lon, d_lat, limit_minutes=4.0)
    np.testing.assert_allclose(limited.minutes, np.where(want > 4.0, np.inf, want), rtol=1e-9, atol=1e-6)


def test_straight_line_minutes_and_nearest_origin():
    model = TravelTimeModel(None)
    rng = np.random.default_rng(7)
    o_lon, o_lat = _points(rng, 9)
    d_lon, d_lat = _points(rng, 200)
    got = nearest_minutes(model, o_lon, o_lat, d_lon, d_lat)
    matrix = model.minutes(o_lon, o_lat, d_lon, d_lat).minutes
    assert got.model == TravelModelCode.STRAIGHT_LINE
    np.testing.assert_allclose(got.minutes, matrix.min(axis=0), rtol=1e-9)
    np.testing.assert_array_equal(got.origin, matrix.argmin(axis=0))
    near = nearest_minutes(model, o_lon, o_lat, d_lon, d_lat, 2.0)
    best = matrix.min(axis=0)
    np.testing.assert_allclose(near.minutes, np.where(best > 2.0, np.inf, best), rtol=1e-9)
    np.testing.assert_array_equal(near.origin, np.where(best > 2.0, -1, matrix.argmin(axis=0)))


def test_no_origins_means_every_destination_is_beyond():
    got = nearest_minutes(TravelTimeModel(None), [], [], [101.0, 101.1], [16.0, 16.1], 30.0)
    assert np.isinf(got.minutes).all() and (got.origin == -1).all()


def test_per_group_sum_drops_rows_without_a_group():
    assert per_group_sum(np.array([0, 2, 2, -1]), 3).tolist() == [1, 0, 2]
    assert per_group_sum(np.array([1, 1]), 2, np.array([2.5, 1.0])).tolist() == [0, 3.5]


def test_intersects_polygons_equals_geos_with_holes_edges_and_vertices():
    from shapely.geometry import MultiPolygon, Point, Polygon

    ring = [(0, 0), (4, 0), (4, 3), (2, 5), (0, 3), (0, 0)]
    hole = [(1, 1), (2, 1), (2, 2), (1, 2), (1, 1)]
    a = Polygon(ring, [hole])
    b = MultiPolygon([Polygon([(5, 0), (6, 0), (6, 1), (5, 1)]), Polygon([(3.5, 2.5), (7, 2.5), (7, 4), (3.5, 4)])])
    rng = np.random.default_rng(3)
    pts = [tuple(p) for p in rng.uniform(-1, 8, (3000, 2))]
    pts += ring + hole + [(2, 0), (0, 1.5), (1.5, 1), (1.5, 1.5), (1, 1.5), (3, 4), (5.5, 1), (6, 0.5), (7, 3)]
    pts += [(x + 0.25, 0.0) for x in range(4)] + [(1.5, 2.0), (4.0, 2.5)]
    lon, lat = np.array([p[0] for p in pts]), np.array([p[1] for p in pts])
    got = intersects_polygons(lon, lat, [a, b])
    want = np.array([a.intersects(Point(p)) or b.intersects(Point(p)) for p in pts])
    np.testing.assert_array_equal(got, want)
    assert got.sum() > 500 and got[3000 : 3000 + len(ring)].all()  # vertices are on the boundary
