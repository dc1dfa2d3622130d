"""The demand-candidate pairs within a threshold, for core.location_allocation: sparse, only pairs in reach.

- `pairs_within_km`: straight-line distance on the WGS84 ellipsoid (pyproj Geod, the exact geodesic) for the
  pairs a k-d tree on unit vectors finds within a chord a little wider than the threshold on the sphere (the
  sphere and the ellipsoid differ by < 0.6 %, so a 1 % wider search misses none), then cut at the threshold.
- `pairs_within_minutes`: minutes of the one travel-time model (core.travel_time.TravelTimeModel): road
  minutes where a network covers the area, else the straight line at its speed; its code says which. Road
  minutes are computed per block of candidates (origins) with the Dijkstra limit at the threshold.
"""

from __future__ import annotations

import warnings
from typing import Optional

import numpy as np
from scipy.spatial import cKDTree

from .assignment.costs import EARTH_RADIUS_KM, great_circle_minutes, unit_vectors
from .location_allocation import Reach
from .travel_time import TravelTimeModel

with warnings.catch_warnings():  # pyproj warns about PROJ's data folder, which Geod never reads
    warnings.simplefilter("ignore")
    from pyproj import Geod

_GEOD = Geod(ellps="WGS84")
_SEARCH_MARGIN = 1.01
ROAD_BLOCK = 200  # candidates per Dijkstra block: (block x nodes) floats at a time


def _tree_pairs(d_lon, d_lat, c_lon, c_lat, radius_km: float) -> tuple[np.ndarray, np.ndarray]:
    """(demand, candidate) index pairs within `radius_km` on the sphere (chord search), sorted by demand."""
    d_xyz, c_xyz = unit_vectors(d_lon, d_lat), unit_vectors(c_lon, c_lat)
    angle = min(radius_km / EARTH_RADIUS_KM, np.pi)
    chord = 2.0 * np.sin(angle / 2.0)
    sdm = cKDTree(d_xyz).sparse_distance_matrix(cKDTree(c_xyz), chord, output_type="coo_matrix")
    order = np.lexsort((sdm.col, sdm.row))
    return sdm.row[order].astype(np.int64), sdm.col[order].astype(np.int64)


def pairs_within_km(d_lon, d_lat, c_lon, c_lat, km: float) -> Reach:
    """Pairs within `km` straight-line kilometres on the WGS84 ellipsoid; the cost is that distance in km."""
    d_lon, d_lat = np.asarray(d_lon, np.float64), np.asarray(d_lat, np.float64)
    c_lon, c_lat = np.asarray(c_lon, np.float64), np.asarray(c_lat, np.float64)
    d, c = _tree_pairs(d_lon, d_lat, c_lon, c_lat, km * _SEARCH_MARGIN)
    if len(d):
        _, _, metres = _GEOD.inv(d_lon[d], d_lat[d], c_lon[c], c_lat[c])
        dist = np.asarray(metres, np.float64) / 1000.0
    else:
        dist = np.zeros(0)
    ok = dist <= km
    return Reach(d[ok], c[ok], dist[ok], len(d_lon), len(c_lon))


def pairs_within_minutes(model: TravelTimeModel, d_lon, d_lat, c_lon, c_lat, minutes: float, progress=None) -> Reach:
    """Pairs within `minutes` of the travel-time model (candidate -> demand: a site goes to its people)."""
    d_lon, d_lat = np.asarray(d_lon, np.float64), np.asarray(d_lat, np.float64)
    c_lon, c_lat = np.asarray(c_lon, np.float64), np.asarray(c_lat, np.float64)
    n, m = len(d_lon), len(c_lon)
    if model.graph is None:
        sl = model.straight_line
        radius_km = minutes / 60.0 * sl.speed_kmh / sl.detour_factor
        d, c = _tree_pairs(d_lon, d_lat, c_lon, c_lat, radius_km * _SEARCH_MARGIN)
        cost = great_circle_minutes(c_lon[c], c_lat[c], d_lon[d], d_lat[d], sl) if len(d) else np.zeros(0)
        ok = cost <= minutes
        return Reach(d[ok], c[ok], np.asarray(cost)[ok], n, m)
    ds, cs, costs = [], [], []
    for start in range(0, m, ROAD_BLOCK):
        block = slice(start, min(m, start + ROAD_BLOCK))
        out = model.minutes(c_lon[block], c_lat[block], d_lon, d_lat, limit_minutes=minutes).minutes
        cc, dd = np.nonzero(np.isfinite(out))
        ds.append(dd)
        cs.append(cc + start)
        costs.append(out[cc, dd])
        if progress is not None:
            progress(min(1.0, (start + ROAD_BLOCK) / m))
    d, c, cost = (np.concatenate(x) if x else np.zeros(0) for x in (ds, cs, costs))
    return Reach(d.astype(np.int64), c.astype(np.int64), cost.astype(np.float64), n, m)


def threshold_note(model: Optional[TravelTimeModel]) -> str:
    """The model code of the pairs: 'straight_line_km' for km, else the travel-time model's code."""
    return "straight_line_km" if model is None else model.code.value
