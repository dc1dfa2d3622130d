"""Optimal and greedy assignment against brute force, and the rules they must never break."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jitasa_qgis.core.assignment import (
    AssignmentProblem,
    HelpRequests,
    Volunteers,
    assign_nearest,
    assign_optimal,
)
from jitasa_qgis.core.assignment.costs import eligible_pairs, great_circle_minutes
from jitasa_qgis.core.assignment.optimal import to_units
from jitasa_qgis.definitions.eligibility import VEHICLE_ORDER

KM_PER_DEG = 111.195  # along a meridian; along the equator too, on the sphere


def _ids_to_index(ids):
    return {int(x): i for i, x in enumerate(ids)}


def _feasible_pairs(problem: AssignmentProblem, max_minutes: float):
    """All (request index, volunteer index) → minutes that any solver may use, computed independently."""
    req, vol = problem.requests, problem.volunteers
    pairs = {}
    for i, j in itertools.product(range(len(req)), range(len(vol))):
        if not (np.isfinite(req.lon[i]) and np.isfinite(req.lat[i]) and np.isfinite(vol.lon[j])):
            continue
        if not vol.available[j] or vol.capacity[j] <= 0:
            continue
        if not eligible_pairs(req, vol, np.array([i]), np.array([j]))[0]:
            continue
        t = float(great_circle_minutes(req.lon[[i]], req.lat[[i]], vol.lon[[j]], vol.lat[[j]])[0])
        if t <= max_minutes:
            pairs[(i, j)] = t
    return pairs


def _brute_force(problem: AssignmentProblem, max_minutes: float):
    """Best key over all assignments: (unassigned critical, high, normal, low, total travel units)."""
    n, m = len(problem.requests), len(problem.volunteers)
    pairs = _feasible_pairs(problem, max_minutes)
    options = [[None] + [j for j in range(m) if (i, j) in pairs] for i in range(n)]
    best = None
    for choice in itertools.product(*options):
        load = np.bincount([j for j in choice if j is not None], minlength=m)
        if (load > problem.volunteers.capacity).any():
            continue
        key = _key(problem, choice, pairs)
        if best is None or key < best:
            best = key
    return best


def _key(problem, choice, pairs):
    missed = [0, 0, 0, 0]
    units = 0.0
    for i, j in enumerate(choice):
        if j is None:
            missed[problem.requests.urgency_rank[i]] += 1
        else:
            units += float(to_units(pairs[(i, j)]))
    return (*missed, units)


def _result_key(problem, result, pairs):
    req_index = _ids_to_index(problem.requests.id)
    vol_index = _ids_to_index(problem.volunteers.id)
    choice = [None] * len(problem.requests)
    for r, v in zip(result.request_id.tolist(), result.volunteer_id.tolist()):
        choice[req_index[r]] = vol_index[v]
    return _key(problem, choice, pairs), choice


def _check_rules(problem, result, max_minutes):
    """Capacity, eligibility, reach, one volunteer per request, minutes reported right."""
    pairs = _feasible_pairs(problem, max_minutes)
    key, choice = _result_key(problem, result, pairs)
    assert len(set(result.request_id.tolist())) == len(result.request_id)
    load = np.bincount([j for j in choice if j is not None], minlength=len(problem.volunteers))
    assert (load <= np.maximum(problem.volunteers.capacity, 0)).all()
    for i, j in enumerate(choice):
        if j is not None:
            assert (i, j) in pairs, "ineligible, unavailable or too far pair chosen"
    expected = [pairs[(i, j)] for i, j in enumerate(choice) if j is not None]
    assert sorted(result.minutes.tolist()) == pytest.approx(sorted(expected), abs=1e-6)
    assert len(result.unassigned_id) + len(result.request_id) == len(problem.requests)
    return key


# --- small instances from hypothesis, against brute force -----------------------------------------------


@st.composite
def small_problems(draw):
    n = draw(st.integers(0, 5))
    m = draw(st.integers(0, 4))
    coord = st.floats(0.0, 0.15, allow_nan=False)
    requests = HelpRequests(
        id=np.arange(100, 100 + n),
        lon=[101.0 + draw(coord) for _ in range(n)],
        lat=[16.0 + draw(coord) for _ in range(n)],
        urgency_rank=[draw(st.integers(0, 3)) for _ in range(n)],
        category=[draw(st.sampled_from([0, 2, 3, 7, 8])) for _ in range(n)],
        created_at=[draw(st.floats(0, 1e5)) for _ in range(n)],
    )
    volunteers = Volunteers(
        id=np.arange(500, 500 + m),
        lon=[101.0 + draw(coord) for _ in range(m)],
        lat=[16.0 + draw(coord) for _ in range(m)],
        capacity=[draw(st.integers(0, 2)) for _ in range(m)],
        available=[draw(st.booleans()) or draw(st.booleans()) for _ in range(m)],
        skills=[draw(st.integers(0, 63)) for _ in range(m)],
        vehicle=[draw(st.integers(0, len(VEHICLE_ORDER) - 1)) for _ in range(m)],
    )
    max_minutes = draw(st.sampled_from([5.0, 20.0, 45.0]))
    return AssignmentProblem(requests, volunteers), max_minutes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems(), st.integers(1, 3))
def test_optimal_equals_brute_force(case, candidates):
    problem, max_minutes = case
    result = assign_optimal(problem, max_minutes, candidates=candidates)
    key = _check_rules(problem, result, max_minutes)
    assert key == _brute_force(problem, max_minutes)
    assert result.summary.proof.optimal is True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_highs_equals_brute_force(case):
    problem, max_minutes = case
    result = assign_optimal(problem, max_minutes, candidates=1, method="highs")
    assert _check_rules(problem, result, max_minutes) == _brute_force(problem, max_minutes)
    assert result.summary.proof.optimal is True


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_problems())
def test_greedy_keeps_the_rules_and_is_never_better(case):
    problem, max_minutes = case
    greedy = assign_nearest(problem, max_minutes)
    key = _check_rules(problem, greedy, max_minutes)
    best = _brute_force(problem, max_minutes)
    assert key >= best


# --- hand-made instances ----------------------------------------------------------------------------------


def _line_problem(req_km, vol_km, caps, ranks=None, categories=None, created=None):
    """Points on a parallel at 16°N, positions in km east of 101°E."""
    lon_per_km = 1 / (KM_PER_DEG * np.cos(np.radians(16.0)))
    n = len(req_km)
    requests = HelpRequests(
        id=np.arange(1, n + 1),
        lon=101.0 + np.asarray(req_km, float) * lon_per_km,
        lat=np.full(n, 16.0),
        urgency_rank=ranks if ranks is not None else [2] * n,
        category=categories if categories is not None else ["other"] * n,
        created_at=created if created is not None else np.zeros(n),
    )
    m = len(vol_km)
    volunteers = Volunteers(
        id=np.arange(101, 101 + m),
        lon=101.0 + np.asarray(vol_km, float) * lon_per_km,
        lat=np.full(m, 16.0),
        capacity=caps,
    )
    return AssignmentProblem(requests, volunteers)


def test_greedy_is_provably_worse_here():
    # r1 (critical, served first by greedy) at 0, r2 at 2; v1 at 1, v2 at -1.5 (km).
    # Greedy: r1→v1 (1 km), r2→v2 (3.5 km) = 4.5 km. Optimal: r1→v2 (1.5), r2→v1 (1) = 2.5 km.
    problem = _line_problem([0.0, 2.0], [1.0, -1.5], [1, 1], ranks=[0, 2])
    greedy = assign_nearest(problem, 60.0)
    optimal = assign_optimal(problem, 60.0)
    assert dict(zip(greedy.request_id.tolist(), greedy.volunteer_id.tolist())) == {1: 101, 2: 102}
    assert dict(zip(optimal.request_id.tolist(), optimal.volunteer_id.tolist())) == {1: 102, 2: 101}
    assert greedy.total_minutes == pytest.approx(4.5 * 2, rel=1e-3)  # 30 km/h: 2 minutes per km
    assert optimal.total_minutes == pytest.approx(2.5 * 2, rel=1e-3)


def test_greedy_takes_priority_then_longest_waiting():
    # One volunteer, three requests at the same distance: critical first, then the longest waiting.
    problem = _line_problem([1.0, -1.0, 1.0], [0.0], [2], ranks=[2, 0, 2], created=[50.0, 99.0, 10.0])
    greedy = assign_nearest(problem, 60.0)
    assert sorted(greedy.request_id.tolist()) == [2, 3]


def test_critical_is_never_left_out_for_a_lower_one():
    # One volunteer with room for one. The low request is next door, the critical one 10 km away:
    # travel alone would pick the low one; priority must pick the critical one.
    problem = _line_problem([0.1, 10.0], [0.0], [1], ranks=[3, 0])
    result = assign_optimal(problem, 60.0)
    assert result.request_id.tolist() == [2]
    assert result.unassigned_id.tolist() == [1]
    # A chain: the critical request (at 0) reaches only v1 (at 1); the low one (at 2) is nearer to v1 but
    # also reaches v2 (at 21). 40 min = 20 km at 30 km/h. Both are served, the low one goes the long way.
    problem = _line_problem([0.0, 2.0], [1.0, 21.0], [1, 1], ranks=[0, 3])
    result = assign_optimal(problem, 40.0)
    assert dict(zip(result.request_id.tolist(), result.volunteer_id.tolist())) == {1: 101, 2: 102}


def test_more_urgent_tiers_beat_any_number_of_lower_ones():
    # Two high requests each near their own volunteer, and a critical one that can only use v1 — which
    # pushes high request 1 to nothing (v2 is taken by high request 2, which has no other option).
    problem = _line_problem([0.0, 30.0, 2.0], [0.5, 29.0], [1, 1], ranks=[1, 1, 0])
    result = assign_optimal(problem, 10.0)
    assert set(result.request_id.tolist()) == {2, 3}


def _clustered_problem(seed, n, m, hot=3):
    rng = np.random.default_rng(seed)
    centres = rng.uniform([101.0, 16.0], [101.3, 16.3], (hot, 2))
    c = rng.integers(0, hot, n)
    lon = centres[c, 0] + rng.normal(0, 0.01, n)
    lat = centres[c, 1] + rng.normal(0, 0.01, n)
    requests = HelpRequests(
        np.arange(n), lon, lat, rng.integers(0, 4, n), rng.choice([0, 3, 4, 7, 8], n), rng.uniform(0, 1e5, n)
    )
    volunteers = Volunteers(
        np.arange(m),
        rng.uniform(101.0, 101.3, m),
        rng.uniform(16.0, 16.3, m),
        rng.integers(0, 4, m),
        available=rng.random(m) < 0.95,
        skills=rng.integers(0, 64, m),
        vehicle=rng.integers(0, len(VEHICLE_ORDER), m),
    )
    return AssignmentProblem(requests, volunteers)


def _objective(problem, result):
    ranks = problem.requests.urgency_rank
    assigned = np.isin(problem.requests.id, result.request_id)
    missed = tuple(int(np.count_nonzero(~assigned & (ranks == r))) for r in range(4))
    return (*missed, float(to_units(result.minutes).sum()))


@pytest.mark.parametrize("seed", range(6))
def test_pruning_and_widening_equal_the_unpruned_optimum(seed):
    problem = _clustered_problem(seed, 150, 120)
    full = assign_optimal(problem, 30.0, candidates=10_000)  # every eligible pair within reach
    assert full.summary.proof.rounds == 1 and full.summary.proof.pairs_added == 0
    for candidates in (1, 2, 4):
        pruned = assign_optimal(problem, 30.0, candidates=candidates)
        assert _objective(problem, pruned) == _objective(problem, full)
        assert pruned.summary.proof.optimal is True
        _check_rules(problem, pruned, 30.0)
    highs = assign_optimal(problem, 30.0, candidates=2, method="highs")
    assert _objective(problem, highs) == _objective(problem, full)
    assert highs.summary.proof.optimal is True


def test_pruning_alone_can_be_worse_and_widening_fixes_it():
    problem = _clustered_problem(1, 150, 120)
    full = assign_optimal(problem, 30.0, candidates=10_000)
    pruned_only = assign_optimal(problem, 30.0, candidates=1, widen=False)
    widened = assign_optimal(problem, 30.0, candidates=1)
    assert _objective(problem, pruned_only) > _objective(problem, full)
    assert pruned_only.summary.proof.optimal is None
    assert widened.summary.proof.pairs_added > 0
    assert _objective(problem, widened) == _objective(problem, full)


def test_optimal_never_worse_than_greedy_on_larger_instances():
    for seed in range(3):
        problem = _clustered_problem(seed, 300, 200)
        optimal = assign_optimal(problem, 20.0)
        greedy = assign_nearest(problem, 20.0)
        assert _objective(problem, optimal) <= _objective(problem, greedy)
        # Greedy serves critical requests first but may give one the volunteer another one needed.
        assert optimal.summary.assigned_by_urgency["critical"] >= greedy.summary.assigned_by_urgency["critical"]


def test_independent_places_are_solved_as_separate_components():
    # Two towns 100 km apart, each with three requests crowding one volunteer next door (capacity 1)
    # and two more volunteers a little further out.
    km = np.array([0.0, 0.1, 0.2])
    problem = _line_problem(np.concatenate((km, 100 + km)), [0.05, 1.0, -1.0, 100.05, 101.0, 99.0], [1] * 6)
    result = assign_optimal(problem, 20.0, candidates=1)
    assert result.summary.assigned == 6 and result.summary.proof.optimal is True
    assert result.summary.proof.solved_components >= 2
    assert result.summary.proof.largest_component <= 3
