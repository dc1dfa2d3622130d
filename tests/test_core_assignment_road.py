"""Assignment on road minutes: the solvers against brute force on hand-built networks where the road order
differs from the straight-line order, the road candidate index against every pair, the model reported."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jitasa_qgis.core.assignment import AssignmentProblem, HelpRequests, Volunteers, assign_nearest, assign_optimal
from jitasa_qgis.core.assignment.costs import eligible_pairs
from jitasa_qgis.core.assignment.optimal import to_units
from jitasa_qgis.core.assignment.road_costs import RoadCandidateIndex
from jitasa_qgis.core.road_network import geodesic_lengths_m
from jitasa_qgis.core.travel_time import RoadGraph, TravelTimeModel
from jitasa_qgis.definitions.eligibility import VEHICLE_ORDER
from jitasa_qgis.definitions.roads import TravelModelCode

LON0, LAT0 = 101.0, 16.0
SOUTH, NORTH = 16.03, 16.057  # two east-west roads ~3 km apart, a bridge only at the east end
EAST = 101.14


def river_roads(kmh: float = 60.0) -> RoadGraph:
    """Two parallel roads (nodes every ~2 km) joined only at the east end, and a one-way spur."""
    xs = np.linspace(LON0, EAST, 8)
    src, tgt, coords, oneway = [], [], [], []
    node = {}

    def nid(key):
        return node.setdefault(key, len(node) + 1)

    for lat, tag in ((SOUTH, "s"), (NORTH, "n")):
        for a, b in zip(xs[:-1], xs[1:]):
            src.append(nid((tag, a)))
            tgt.append(nid((tag, b)))
            coords.append(np.array([[a, lat], [b, lat]]))
            oneway.append(False)
    src.append(nid(("s", xs[-1])))
    tgt.append(nid(("n", xs[-1])))
    coords.append(np.array([[EAST, SOUTH], [EAST, NORTH]]))
    oneway.append(False)
    # a one-way spur going south from the south road's middle: driven away from the road only
    src.append(nid(("s", xs[3])))
    tgt.append(nid(("spur", 0)))
    coords.append(np.array([[xs[3], SOUTH], [xs[3], LAT0 + 0.005]]))
    oneway.append(True)
    seconds = geodesic_lengths_m(coords) / (kmh / 3.6)
    rev = np.where(oneway, -1.0, seconds)
    return RoadGraph.build(src, tgt, seconds, rev, coords, network_id=1, version=1)


GRAPH = river_roads()
MODEL = TravelTimeModel(GRAPH)


def road_minutes(problem: AssignmentProblem) -> np.ndarray:
    """(requests × volunteers) road minutes, volunteer → request, from the model's own matrix."""
    req, vol = problem.requests, problem.volunteers
    return MODEL.minutes(vol.lon, vol.lat, req.lon, req.lat).minutes.T


def feasible_pairs(problem: AssignmentProblem, max_minutes: float) -> dict:
    req, vol = problem.requests, problem.volunteers
    minutes = road_minutes(problem) if len(req) and len(vol) else np.zeros((len(req), len(vol)))
    pairs = {}
    for i, j in itertools.product(range(len(req)), range(len(vol))):
        if not vol.available[j] or vol.capacity[j] <= 0:
            continue
        if not eligible_pairs(req, vol, np.array([i]), np.array([j]))[0]:
            continue
        if minutes[i, j] <= max_minutes:
            pairs[(i, j)] = float(minutes[i, j])
    return pairs


def key_of(problem, choice, pairs):
    missed = [0, 0, 0, 0]
    units = 0.0
    for i, j in enumerate(choice):
        if j is None:
            missed[problem.requests.urgency_rank[i]] += 1
        else:
            units += float(to_units(pairs[(i, j)]))
    return (*missed, units)


def brute_force(problem, max_minutes):
    n, m = len(problem.requests), len(problem.volunteers)
    pairs = feasible_pairs(problem, max_minutes)
    options = [[None] + [j for j in range(m) if (i, j) in pairs] for i in range(n)]
    best = None
    for choice in itertools.product(*options):
        load = np.bincount([j for j in choice if j is not None], minlength=m)
        if (load > problem.volunteers.capacity).any():
            continue
        key = key_of(problem, choice, pairs)
        best = key if best is None or key < best else best
    return best


def checked_key(problem, result, max_minutes):
    """The result's key, after checking capacity, eligibility, reach on road minutes and the minutes reported."""
    pairs = feasible_pairs(problem, max_minutes)
    req_index = {int(x): i for i, x in enumerate(problem.requests.id)}
    vol_index = {int(x): j for j, x in enumerate(problem.volunteers.id)}
    choice = [None] * len(problem.requests)
    for r, v in zip(result.request_id.tolist(), result.volunteer_id.tolist()):
        choice[req_index[r]] = vol_index[v]
    load = np.bincount([j for j in choice if j is not None], minlength=len(problem.volunteers))
    assert (load <= np.maximum(problem.volunteers.capacity, 0)).all()
    for i, j in enumerate(choice):
        if j is not None:
            assert (i, j) in pairs, "ineligible, unavailable or beyond the maximum road minutes"
    expected = sorted(pairs[(i, j)] for i, j in enumerate(choice) if j is not None)
    assert sorted(result.minutes.tolist()) == pytest.approx(expected, abs=1e-6)
    return key_of(problem, choice, pairs)


@st.composite
def small_problems(draw):
    n = draw(st.integers(0, 5))
    m = draw(st.integers(0, 4))
    lon = st.floats(LON0 - 0.01, EAST + 0.01, allow_nan=False)
    lat = st.floats(LAT0, NORTH + 0.01, allow_nan=False)
    requests = HelpRequests(
        id=np.arange(100, 100 + n),
        lon=[draw(lon) for _ in range(n)],
        lat=[draw(lat) for _ in range(n)],
        urgency_rank=[draw(st.integers(0, 3)) for _ in range(n)],
        category=[draw(st.sampled_from([0, 2, 3, 7, 8])) for _ in range(n)],
        created_at=[draw(st.floats(0, 1e5)) for _ in range(n)],
    )
    volunteers = Volunteers(
        id=np.arange(500, 500 + m),
        lon=[draw(lon) for _ in range(m)],
        lat=[draw(lat) for _ in range(m)],
        capacity=[draw(st.integers(0, 2)) for _ in range(m)],
        available=[draw(st.booleans()) or draw(st.booleans()) for _ in range(m)],
        skills=[draw(st.integers(0, 63)) for _ in range(m)],
        vehicle=[draw(st.integers(0, len(VEHICLE_ORDER) - 1)) for _ in range(m)],
    )
    return AssignmentProblem(requests, volunteers), draw(st.sampled_from([8.0, 15.0, 30.0]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems(), st.integers(1, 3))
def test_optimal_on_road_minutes_equals_brute_force(case, candidates):
    problem, max_minutes = case
    result = assign_optimal(problem, max_minutes, candidates=candidates, travel_times=MODEL)
    assert checked_key(problem, result, max_minutes) == brute_force(problem, max_minutes)
    assert result.summary.proof.optimal is True
    assert result.summary.travel_model == TravelModelCode.ROAD_NETWORK.value


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_greedy_on_road_minutes_keeps_the_rules_and_is_never_better(case):
    problem, max_minutes = case
    result = assign_nearest(problem, max_minutes, travel_times=MODEL)
    assert checked_key(problem, result, max_minutes) >= brute_force(problem, max_minutes)
    assert result.summary.travel_model == TravelModelCode.ROAD_NETWORK.value


def river_problem(capacity=(1, 1)):
    """A request by the south road; A 3 km north across the river (no bridge near), B 6 km east on its road."""
    requests = HelpRequests([1], [LON0 + 0.02], [SOUTH], [2], ["food_supplies"])
    volunteers = Volunteers([10, 20], [LON0 + 0.02, LON0 + 0.02 + 0.056], [NORTH, SOUTH], list(capacity))
    return AssignmentProblem(requests, volunteers)


def test_road_order_differs_from_the_straight_line_and_the_solvers_follow_the_road():
    problem = river_problem()
    minutes = road_minutes(problem)[0]
    assert minutes[1] < minutes[0]  # by road B is nearer (6 km at 60 km/h against 3 km off-road at 20 km/h)
    straight = assign_nearest(problem, 60)
    assert straight.volunteer_id.tolist() == [10] and straight.summary.travel_model == "straight_line"
    for solve in (assign_nearest, assign_optimal):
        result = solve(problem, 60, travel_times=MODEL)
        assert result.volunteer_id.tolist() == [20]
        assert result.minutes[0] == pytest.approx(minutes[1], abs=1e-6)
        assert result.summary.travel_model == "road_network"
        assert "road network" in result.summary.travel_estimate


def test_the_maximum_holds_for_road_minutes():
    problem = river_problem()
    minutes = road_minutes(problem)[0]
    # between the two: B (nearer by road) within; A (nearer in a straight line) beyond
    limit = (minutes[0] + minutes[1]) / 2
    result = assign_optimal(problem, limit, travel_times=MODEL)
    assert result.volunteer_id.tolist() == [20]
    below = assign_optimal(problem, minutes[1] * 0.99, travel_times=MODEL)
    assert below.request_id.tolist() == [] and below.unassigned_reason.tolist() == ["no_volunteer_in_range"]


def test_one_way_spur_is_driven_one_way_only():
    spur_end = LAT0 + 0.005
    to_spur = AssignmentProblem(
        HelpRequests([1], [LON0 + 0.06], [spur_end], [2], ["food_supplies"]),
        Volunteers([10], [LON0 + 0.06], [SOUTH], [1]),
    )
    from_spur = AssignmentProblem(
        HelpRequests([1], [LON0 + 0.06], [SOUTH], [2], ["food_supplies"]),
        Volunteers([10], [LON0 + 0.06], [spur_end], [1]),
    )
    there = assign_optimal(to_spur, 60, travel_times=MODEL).minutes[0]
    back = assign_optimal(from_spur, 60, travel_times=MODEL).minutes[0]
    assert there < 3.0 < back  # 2.8 km down the spur at 60 km/h; back up it only off-road at 20 km/h


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_road_index_finds_every_pair_the_bound_lets_through(seed):
    """`within` and `nearest` against every (request, volunteer) pair's road minutes: nothing pruned wrongly."""
    rng = np.random.default_rng(seed)
    n, m = 40, 150
    problem = AssignmentProblem(
        HelpRequests(
            np.arange(n),
            rng.uniform(LON0, EAST, n),
            rng.uniform(LAT0, NORTH + 0.01, n),
            np.zeros(n, np.int8),
            rng.choice([0, 2, 3, 7, 8], n),
        ),
        Volunteers(
            np.arange(m),
            rng.uniform(LON0, EAST, m),
            rng.uniform(LAT0, NORTH + 0.01, m),
            rng.integers(1, 3, m),
            skills=rng.integers(0, 64, m),
            vehicle=rng.integers(0, len(VEHICLE_ORDER), m),
        ),
    )
    max_minutes = 25.0
    index = RoadCandidateIndex(problem, max_minutes, MODEL)
    everything = road_minutes(problem)
    eligible = eligible_pairs(
        problem.requests, problem.volunteers, np.repeat(np.arange(n), m), np.tile(np.arange(m), n)
    ).reshape(n, m)
    radius = rng.uniform(3, 30, n)
    pairs = index.within(np.arange(n), radius)
    got = {(int(r), int(v)): t for r, v, t in zip(pairs.req, pairs.vol, pairs.minutes)}
    want = {
        (i, j): everything[i, j]
        for i in range(n)
        for j in range(m)
        if eligible[i, j] and everything[i, j] <= min(radius[i], max_minutes)
    }
    assert got.keys() == want.keys()
    assert all(got[k] == pytest.approx(want[k], abs=1e-6) for k in want)
    k = 3
    near, complete = index.nearest(np.arange(n), k)
    for i in range(n):
        row = np.sort(everything[i][eligible[i] & (everything[i] <= max_minutes)])
        mine = np.sort(near.minutes[near.req == i])
        np.testing.assert_allclose(mine, row[:k], atol=1e-6)
        assert complete[i] == pytest.approx(row[k - 1] if len(row) >= k else max_minutes, abs=1e-6)
