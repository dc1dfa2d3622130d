"""The Assign panel's ranking on road minutes: the distance bound that decides how many volunteers to read
is never above the model's minutes, the completeness rule, and a ranking by given road minutes."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from test_core_assignment_road import river_roads
from test_core_travel_time_pairs import random_grid

from jitasa_qgis.core.assignment.costs import great_circle_minutes
from jitasa_qgis.core.candidate_ranking import distance_lower_bound, rank_candidates, road_list_complete
from jitasa_qgis.core.travel_time import StraightLineBound, TravelTimeModel
from jitasa_qgis.definitions.roads import TravelModelCode


@pytest.mark.parametrize("graph", [river_roads(), random_grid(6, 7, 100.5, 15.0, 0.05, seed=4, bent=True)])
def test_distance_bound_is_never_above_the_road_minutes(graph):
    rng = np.random.default_rng(1)
    lon0, lat0 = graph.plane.lon0, graph.plane.lat0
    r_lon, r_lat = lon0 + rng.uniform(-0.2, 0.2, 20), lat0 + rng.uniform(-0.2, 0.2, 20)
    v_lon, v_lat = lon0 + rng.uniform(-0.3, 0.3, 300), lat0 + rng.uniform(-0.3, 0.3, 300)
    model = TravelTimeModel(graph)
    minutes = model.minutes(v_lon, v_lat, r_lon, r_lat).minutes  # volunteer → request
    bound = StraightLineBound.of(graph)
    off_r = graph.snap(r_lon, r_lat).off_road_minutes
    for j in range(len(r_lon)):
        # the distance on the ellipsoid is what the store reports; the sphere's differs by < 1 %: take less
        metres = great_circle_minutes(v_lon, v_lat, np.full(300, r_lon[j]), np.full(300, r_lat[j])) / 60 * 30 * 1000
        lb = np.array(
            [distance_lower_bound(d * 0.995, off_r[j], bound.off_road_kmh, bound.fastest_kmh) for d in metres]
        )
        assert (lb <= minutes[:, j] + 1e-9).all()


def test_completeness_rule():
    assert road_list_complete([5.0, 7.0, 30.0], fetched_all=False, unread_bound_minutes=7.0, limit=2, max_minutes=60)
    assert not road_list_complete([5.0, 9.0], fetched_all=False, unread_bound_minutes=7.0, limit=2, max_minutes=60)
    assert not road_list_complete([5.0], fetched_all=False, unread_bound_minutes=7.0, limit=2, max_minutes=60)
    assert road_list_complete([5.0], fetched_all=True, unread_bound_minutes=0.0, limit=2, max_minutes=60)
    assert road_list_complete([], fetched_all=False, unread_bound_minutes=61.0, limit=2, max_minutes=60)
    assert not road_list_complete(
        [float("inf")] * 3, fetched_all=False, unread_bound_minutes=7, limit=2, max_minutes=60
    )


def candidate(i, lon, lat, eligible=True):
    return SimpleNamespace(
        id=i, lon=lon, lat=lat, available=True, can_serve=eligible, active_count=0, capacity=1, needs=""
    )


def test_ranking_by_given_road_minutes():
    near, far, blocked = candidate(1, 101.0, 16.01), candidate(2, 101.2, 16.0), candidate(3, 101.0, 16.0, False)
    ranking = rank_candidates([near, far, blocked], 101.0, 16.0, 60, minutes=[25.0, 8.0, 1.0], network_name="n")
    assert [r.volunteer_id for r in ranking.rows] == [2, 1, 3] and ranking.best.volunteer_id == 2
    assert ranking.travel_model is TravelModelCode.ROAD_NETWORK and not ranking.is_estimate
    assert ranking.network_name == "n"
    cut = rank_candidates([near, far], 101.0, 16.0, 10, minutes=[25.0, float("inf")])
    assert cut.rows == () and cut.beyond_max == 2 and cut.nearest_beyond_minutes == 25.0
    straight = rank_candidates([near, far], 101.0, 16.0, 60)
    assert [r.volunteer_id for r in straight.rows] == [1, 2] and straight.is_estimate
    assert straight.travel_model is TravelModelCode.STRAIGHT_LINE and straight.network_name is None
    with pytest.raises(ValueError):
        rank_candidates([near, far], 101.0, 16.0, 60, minutes=[1.0])
