"""core.location_reach: the sparse pairs within a threshold equal the dense computation (km on the WGS84
ellipsoid, straight-line minutes), and nothing beyond the threshold is kept."""

from __future__ import annotations

import warnings

import numpy as np

from jitasa_qgis.core.assignment.costs import TravelModel, great_circle_minutes
from jitasa_qgis.core.location_reach import pairs_within_km, pairs_within_minutes
from jitasa_qgis.core.travel_time import TravelTimeModel

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from pyproj import Geod


def _points(seed: int, n: int):
    rng = np.random.default_rng(seed)
    return rng.uniform(100.0, 101.0, n), rng.uniform(15.0, 16.0, n)


def test_km_pairs_equal_the_dense_geodesics():
    d_lon, d_lat = _points(1, 300)
    c_lon, c_lat = _points(2, 40)
    reach = pairs_within_km(d_lon, d_lat, c_lon, c_lat, 20.0)
    geod = Geod(ellps="WGS84")
    dl, cl = np.meshgrid(np.arange(300), np.arange(40), indexing="ij")
    _, _, m = geod.inv(d_lon[dl.ravel()], d_lat[dl.ravel()], c_lon[cl.ravel()], c_lat[cl.ravel()])
    dense = (np.asarray(m) / 1000.0).reshape(300, 40)
    expected = set(zip(*np.nonzero(dense <= 20.0)))
    assert set(zip(reach.demand.tolist(), reach.candidate.tolist())) == expected
    assert np.allclose(reach.cost, dense[reach.demand, reach.candidate])
    assert len(expected) > 100


def test_straight_line_minutes_pairs():
    d_lon, d_lat = _points(3, 200)
    c_lon, c_lat = _points(4, 30)
    model = TravelTimeModel(None, TravelModel(speed_kmh=40.0))
    reach = pairs_within_minutes(model, d_lon, d_lat, c_lon, c_lat, 25.0)
    dl, cl = np.meshgrid(np.arange(200), np.arange(30), indexing="ij")
    dense = great_circle_minutes(
        c_lon[cl.ravel()], c_lat[cl.ravel()], d_lon[dl.ravel()], d_lat[dl.ravel()], model.straight_line
    )
    dense = np.asarray(dense).reshape(200, 30)
    assert set(zip(reach.demand.tolist(), reach.candidate.tolist())) == set(zip(*np.nonzero(dense <= 25.0)))
    assert np.allclose(reach.cost, dense[reach.demand, reach.candidate])
