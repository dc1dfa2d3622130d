"""Results: unassigned reasons, summaries, empty and infeasible inputs, invalid parameters."""

from __future__ import annotations

import json

import numpy as np
import pytest

from jitasa_qgis.core.assignment import (
    AssignmentProblem,
    HelpRequests,
    UnassignedReason,
    Volunteers,
    assign_nearest,
    assign_optimal,
)
from jitasa_qgis.definitions.reasons import reason_text

SOLVERS = [assign_nearest, assign_optimal]
LON_PER_KM = 1 / (111.195 * np.cos(np.radians(16.0)))


def _problem(req_km, req_categories, vol_km, caps, available=None, vehicles=None, skills=None):
    n, m = len(req_km), len(vol_km)
    requests = HelpRequests(
        np.arange(1, n + 1), 101.0 + np.asarray(req_km, float) * LON_PER_KM, np.full(n, 16.0), [2] * n, req_categories
    )
    volunteers = Volunteers(
        np.arange(101, 101 + m),
        101.0 + np.asarray(vol_km, float) * LON_PER_KM,
        np.full(m, 16.0),
        caps,
        available=available,
        vehicle=vehicles,
        skills=skills,
    )
    return AssignmentProblem(requests, volunteers)


@pytest.mark.parametrize("solve", SOLVERS)
def test_reasons(solve):
    # 30 km/h, 20 minutes: 10 km reach.
    problem = _problem(
        req_km=[0.0, 0.5, 100.0, 200.0, 300.0, np.nan],
        req_categories=["food_supplies", "food_supplies", "patient_transport", "medical_help", "other", "other"],
        vol_km=[0.2, 101.0, 201.0, 302.0],
        caps=[1, 1, 0, 1],
        available=[True, True, True, False],
        vehicles=["none", "none", "none", "car"],
        skills=[[], [], ["medical"], []],
    )
    result = solve(problem, 20.0)
    assert result.pairs()[0][:2] == (1, 101)
    reasons = dict(zip(result.unassigned_id.tolist(), result.unassigned_reason.tolist()))
    assert reasons == {
        2: UnassignedReason.TAKEN_BY_OTHER_REQUESTS,
        3: UnassignedReason.NO_ELIGIBLE_VOLUNTEER,
        4: UnassignedReason.ELIGIBLE_AT_CAPACITY,
        5: UnassignedReason.NO_VOLUNTEER_IN_RANGE,  # the only one nearby is unavailable
        6: UnassignedReason.NO_LOCATION,
    }
    texts = {rid: reason_text(code, detail) for rid, code, detail in result.unassigned()}
    assert texts[3] == "no eligible volunteer (needs a vehicle)"
    assert texts[4] == "all eligible volunteers are at capacity"
    assert texts[5] == "no volunteer within the maximum travel time"
    summary = result.summary
    assert summary.assigned == 1 and summary.unassigned == 5
    assert summary.unassigned_by_reason == {
        "no_location": 1,
        "no_volunteer_in_range": 1,
        "no_eligible_volunteer": 1,
        "eligible_at_capacity": 1,
        "taken_by_other_requests": 1,
    }
    assert summary.total_minutes == pytest.approx(0.4, rel=1e-3)
    assert summary.mean_minutes == pytest.approx(0.4, rel=1e-3)
    assert "estimate" in summary.travel_estimate
    json.dumps(summary.as_dict())  # plain data, ready for a Processing output or a log


@pytest.mark.parametrize("solve", SOLVERS)
@pytest.mark.parametrize(
    "problem",
    [
        AssignmentProblem(HelpRequests.empty(), Volunteers.empty()),
        _problem([], [], [0.0], [1]),
        _problem([0.0, 1.0], ["other", "other"], [], []),
        _problem([0.0], ["other"], [0.0], [0]),
        _problem([0.0], ["other"], [0.0], [3], available=[False]),
        _problem([0.0], ["vaccination"], [0.0, 1.0], [3, 3]),
        _problem([np.nan], ["other"], [0.0], [1]),
    ],
    ids=["empty", "no-requests", "no-volunteers", "all-full", "unavailable", "nobody-eligible", "no-location"],
)
def test_empty_and_infeasible_inputs_give_a_summary(solve, problem):
    result = solve(problem, 30.0)
    assert len(result.request_id) == 0
    assert result.summary.assigned == 0
    assert result.summary.unassigned == len(problem.requests)
    assert result.summary.mean_minutes is None
    assert result.summary.total_minutes == 0
    assert result.summary.message
    assert len(result.unassigned_id) == len(problem.requests)
    json.dumps(result.summary.as_dict())


@pytest.mark.parametrize("solve", SOLVERS)
@pytest.mark.parametrize("bad", [0, -5, float("nan"), float("inf"), "soon", None])
def test_bad_max_travel_time(solve, bad):
    with pytest.raises(ValueError, match="maximum travel time"):
        solve(_problem([0.0], ["other"], [0.0], [1]), bad)


@pytest.mark.parametrize("solve", SOLVERS)
def test_negative_capacity_and_bad_speed(solve):
    with pytest.raises(ValueError, match="capacity must not be negative"):
        solve(_problem([0.0], ["other"], [0.0, 1.0], [1, -1]), 30.0)
    with pytest.raises(ValueError, match="speed"):
        solve(_problem([0.0], ["other"], [0.0], [1]), 30.0, speed_kmh=0)


def test_bad_optimal_options_and_inputs():
    problem = _problem([0.0], ["other"], [0.0], [1])
    with pytest.raises(ValueError, match="candidates"):
        assign_optimal(problem, 30.0, candidates=0)
    with pytest.raises(ValueError, match="method"):
        assign_optimal(problem, 30.0, method="simplex")
    with pytest.raises(ValueError, match="unknown request category"):
        HelpRequests([1], [101.0], [16.0], [0], ["ice_cream"])
    with pytest.raises(ValueError, match="urgency"):
        HelpRequests([1], [101.0], [16.0], ["whenever"], ["other"])
    with pytest.raises(ValueError, match="values"):
        Volunteers([1, 2], [101.0], [16.0, 16.0], [1, 1])
    with pytest.raises(ValueError, match="whole number"):
        Volunteers([1], [101.0], [16.0], [1.5])


def test_strings_and_enums_are_accepted():
    requests = HelpRequests([7], [101.0], [16.0], ["critical"], ["patient_transport"])
    volunteers = Volunteers([9], [101.001], [16.0], [1], skills=[["driving"]], vehicle=["pickup"])
    result = assign_optimal(AssignmentProblem(requests, volunteers), 10.0)
    assert result.pairs()[0][:2] == (7, 9)
    assert result.summary.assigned_by_urgency["critical"] == 1
