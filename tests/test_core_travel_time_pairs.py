"""core.travel_time's pair minutes (what the assignment prunes and solves with) and its straight-line lower
bound: the pairs equal the model's matrix, and the bound is never above the model on any pair."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from jitasa_qgis.core.road_network import build_network, road_lines
from jitasa_qgis.core.tabular import read_table
from jitasa_qgis.core.travel_time import PairMinutes, RoadGraph, StraightLineBound, TravelTimeModel, snap_points
from jitasa_qgis.definitions.roads import DEFAULT_SPEEDS_KMH

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ROADS = DATA / "roads" / "phetchabun_major_roads.gpkg"


def random_grid(rows: int, cols: int, lon0: float, lat0: float, step: float, seed: int, bent: bool = False):
    """A grid with random costs per segment (so speeds differ wildly), some one-way, some segments bent."""
    rng = np.random.default_rng(seed)
    src, tgt, cost, rev, coords = [], [], [], [], []
    for r in range(rows):
        for c in range(cols):
            for dr, dc in ((0, 1), (1, 0)):
                r2, c2 = r + dr, c + dc
                if r2 >= rows or c2 >= cols:
                    continue
                a, b = r * cols + c, r2 * cols + c2
                w = float(rng.uniform(20, 400))
                u = rng.random()
                src.append(a)
                tgt.append(b)
                cost.append(w if u > 0.15 else -1.0)
                rev.append(w if u < 0.85 else -1.0)
                p = np.array([lon0 + c * step, lat0 + r * step])
                q = np.array([lon0 + c2 * step, lat0 + r2 * step])
                mid = (p + q) / 2 + (rng.normal(0, step / 4, 2) if bent else 0)
                coords.append(np.array([p, mid, q]))
    return RoadGraph.build(src, tgt, cost, rev, coords)


def points(rng, n, lon0, lat0, span):
    return lon0 + rng.uniform(-0.1, 1.1, n) * span, lat0 + rng.uniform(-0.1, 1.1, n) * span


@pytest.mark.parametrize(
    "lon0, lat0, step, bent",
    [(101.0, 16.0, 0.01, False), (100.5, 15.0, 0.05, True), (98.0, 5.8, 0.5, True), (99.0, 19.5, 0.2, True)],
)
def test_pairs_equal_the_matrix_and_the_bound_is_below_it(lon0, lat0, step, bent):
    graph = random_grid(6, 7, lon0, lat0, step, seed=int(lat0 * 10), bent=bent)
    rng = np.random.default_rng(5)
    o_lon, o_lat = points(rng, 40, lon0, lat0, 6 * step)
    d_lon, d_lat = points(rng, 30, lon0, lat0, 6 * step)
    matrix = TravelTimeModel(graph).minutes(o_lon, o_lat, d_lon, d_lat).minutes
    origins, destinations = graph.snap(o_lon, o_lat), graph.snap(d_lon, d_lat)
    oi, di = np.meshgrid(np.arange(40), np.arange(30), indexing="ij")
    oi, di = oi.ravel(), di.ravel()
    got = PairMinutes(graph, origins, destinations)(oi, di)
    np.testing.assert_allclose(got, matrix.ravel(), rtol=1e-12, atol=1e-6)
    bound = StraightLineBound.of(graph)
    lb = bound.minutes(origins, destinations, oi, di)
    assert (lb <= matrix.ravel() + 1e-9).all()
    assert np.isfinite(bound.fastest_kmh) and bound.fastest_kmh > bound.off_road_kmh
    # tight enough to prune: along a road the bound is a fair share of the time
    assert np.median(lb / matrix.ravel()) > 0.2


def test_points_on_one_segment_and_at_nodes():
    graph = random_grid(3, 3, 101.0, 16.0, 0.02, seed=3)
    lon = np.array([101.0, 101.005, 101.015, 101.02, 101.04, 101.0])
    lat = np.array([16.0, 16.0, 16.0, 16.0, 16.04, 16.02])
    matrix = TravelTimeModel(graph).minutes(lon, lat, lon, lat).minutes
    s = graph.snap(lon, lat)
    oi, di = np.meshgrid(np.arange(6), np.arange(6), indexing="ij")
    got = PairMinutes(graph, s, s)(oi.ravel(), di.ravel())
    np.testing.assert_allclose(got, matrix.ravel(), atol=1e-6)
    assert (StraightLineBound.of(graph).minutes(s, s, oi.ravel(), di.ravel()) <= matrix.ravel() + 1e-9).all()


def test_bound_below_the_phetchabun_roads():
    lines = road_lines(read_table(ROADS, layer="major_roads"))
    net = build_network(lines, DEFAULT_SPEEDS_KMH, snap_tolerance_m=1000)
    keep = np.flatnonzero(np.asarray(net.component) == 0)
    graph = RoadGraph.build(
        np.asarray(net.source)[keep],
        np.asarray(net.target)[keep],
        np.asarray(net.cost_s)[keep],
        np.asarray(net.reverse_cost_s)[keep],
        [np.asarray(net.geoms[k].coords)[:, :2] for k in keep],
    )
    rng = np.random.default_rng(8)
    o_lon, o_lat = rng.uniform(100.9, 101.6, 300), rng.uniform(15.6, 17.2, 300)
    d_lon, d_lat = rng.uniform(100.9, 101.6, 200), rng.uniform(15.6, 17.2, 200)
    matrix = TravelTimeModel(graph).minutes(o_lon, o_lat, d_lon, d_lat).minutes.ravel()
    origins, destinations = graph.snap(o_lon, o_lat), graph.snap(d_lon, d_lat)
    oi, di = np.meshgrid(np.arange(300), np.arange(200), indexing="ij")
    pairs = PairMinutes(graph, origins, destinations)(oi.ravel(), di.ravel())
    np.testing.assert_allclose(pairs, matrix, rtol=1e-12, atol=1e-6)
    bound = StraightLineBound.of(graph)
    lb = bound.minutes(origins, destinations, oi.ravel(), di.ravel())
    assert (lb <= matrix + 1e-9).all()
    assert bound.fastest_kmh < 120  # the fastest class of these roads is 80 km/h, not an unbounded guess


@pytest.mark.parametrize("seed, bent", [(1, False), (2, True)])
def test_snap_points_finds_the_same_nearest_points_as_snap(seed, bent):
    graph = random_grid(5, 6, 101.0, 16.0, 0.03, seed=seed, bent=bent)
    rng = np.random.default_rng(seed)
    lon, lat = points(rng, 500, 101.0, 16.0, 0.2)  # some well off the network (up to ~3 km)
    lon[:5], lat[:5] = 101.0, 16.0  # on a node
    want, got = graph.snap(lon, lat), snap_points(graph, lon, lat)
    np.testing.assert_allclose(got.off_road_m, want.off_road_m, atol=1e-6)
    np.testing.assert_allclose(got.on_network, want.on_network, atol=1e-9)
    same = got.segment == want.segment  # a tie may pick the other segment at a node
    np.testing.assert_allclose(got.fraction[same], want.fraction[same], atol=1e-9)
    at_node = lambda f: (f < 1e-9) | (f > 1 - 1e-9)  # noqa: E731
    assert (at_node(got.fraction[~same]) & at_node(want.fraction[~same])).all()
