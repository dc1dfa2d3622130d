"""Eligibility table, travel-time estimates and candidate search of the assignment core."""

from __future__ import annotations

import numpy as np
import pytest

from jitasa_qgis.core.assignment.costs import (
    CandidateIndex,
    TravelModel,
    eligible_pairs,
    great_circle_minutes,
)
from jitasa_qgis.core.assignment.problem import AssignmentProblem, HelpRequests, Volunteers
from jitasa_qgis.definitions.eligibility import (
    CATEGORY_NEEDS,
    CATEGORY_ORDER,
    DEFAULT_SPEED_KMH,
    SKILL_ORDER,
    VEHICLE_ORDER,
    needs_label,
    skills_mask,
)
from jitasa_qgis.definitions.enums import RequestCategory, Skill, VehicleKind


def _volunteer_qualifies(category: RequestCategory, skills: set, vehicle: VehicleKind) -> bool:
    """The table read the slow, obvious way."""
    return any(
        need.skills <= skills and (not need.vehicles or vehicle in need.vehicles) for need in CATEGORY_NEEDS[category]
    )


def test_every_category_has_needs():
    assert set(CATEGORY_NEEDS) == set(RequestCategory)
    assert all(CATEGORY_NEEDS[c] for c in RequestCategory)


@pytest.mark.parametrize(
    ("category", "skills", "vehicle", "ok"),
    [
        (RequestCategory.PATIENT_TRANSPORT, set(), VehicleKind.NONE, False),
        (RequestCategory.PATIENT_TRANSPORT, set(), VehicleKind.MOTORCYCLE, True),
        (RequestCategory.INFECTIOUS_TRANSPORT, set(), VehicleKind.CAR, False),
        (RequestCategory.INFECTIOUS_TRANSPORT, {Skill.PPE_TRAINED}, VehicleKind.NONE, False),
        (RequestCategory.INFECTIOUS_TRANSPORT, {Skill.PPE_TRAINED}, VehicleKind.MOTORCYCLE, False),
        (RequestCategory.INFECTIOUS_TRANSPORT, {Skill.PPE_TRAINED}, VehicleKind.PICKUP, True),
        (RequestCategory.MEDICAL_HELP, {Skill.FIRST_AID}, VehicleKind.AMBULANCE, False),
        (RequestCategory.MEDICAL_HELP, {Skill.MEDICAL}, VehicleKind.NONE, True),
        (RequestCategory.OXYGEN, {Skill.OXYGEN_HANDLING}, VehicleKind.NONE, True),
        (RequestCategory.OXYGEN, set(), VehicleKind.CAR, True),
        (RequestCategory.OXYGEN, {Skill.COUNSELLING}, VehicleKind.NONE, False),
        (RequestCategory.FOOD_SUPPLIES, set(), VehicleKind.NONE, True),
        (RequestCategory.VACCINATION, {Skill.PPE_TRAINED}, VehicleKind.NONE, False),
    ],
)
def test_eligibility_rules(category, skills, vehicle, ok):
    assert _volunteer_qualifies(category, skills, vehicle) is ok
    requests = HelpRequests([1], [101.0], [16.0], [0], [category.value])
    volunteers = Volunteers([7], [101.0], [16.0], [1], skills=[list(skills)], vehicle=[vehicle.value])
    assert eligible_pairs(requests, volunteers, np.array([0]), np.array([0]))[0] == ok


def test_bitmask_filter_matches_table_for_all_combinations():
    rng = np.random.default_rng(3)
    n = 2000
    skill_sets = [{s for s in SKILL_ORDER if rng.random() < 0.4} for _ in range(n)]
    vehicles = rng.choice(len(VEHICLE_ORDER), n)
    categories = rng.choice(len(CATEGORY_ORDER), n)
    requests = HelpRequests(np.arange(n), np.zeros(n), np.zeros(n), np.zeros(n, int), categories)
    volunteers = Volunteers(
        np.arange(n),
        np.zeros(n),
        np.zeros(n),
        np.ones(n, int),
        skills=[sorted(s) for s in skill_sets],
        vehicle=vehicles,
    )
    got = eligible_pairs(requests, volunteers, np.arange(n), np.arange(n))
    want = [
        _volunteer_qualifies(CATEGORY_ORDER[c], s, VEHICLE_ORDER[v])
        for c, s, v in zip(categories, skill_sets, vehicles)
    ]
    assert got.tolist() == want


def test_needs_label():
    assert needs_label(RequestCategory.PATIENT_TRANSPORT) == "vehicle"
    assert needs_label(RequestCategory.OXYGEN) == "oxygen handling or vehicle"
    assert needs_label(RequestCategory.FOOD_SUPPLIES) == ""
    assert skills_mask([Skill.MEDICAL, "driving"]) == (1 << SKILL_ORDER.index(Skill.MEDICAL)) | (
        1 << SKILL_ORDER.index(Skill.DRIVING)
    )


def test_great_circle_minutes_known_distances():
    # One degree of latitude is about 111.2 km: 222.4 minutes at 30 km/h.
    minutes = great_circle_minutes(np.array([101.0]), np.array([16.0]), np.array([101.0]), np.array([17.0]))
    assert minutes[0] == pytest.approx(111.195 / DEFAULT_SPEED_KMH * 60, rel=1e-4)
    # Bangkok to Chiang Mai, about 583 km on the great circle.
    bkk_cnx = great_circle_minutes(
        np.array([100.5018]), np.array([13.7563]), np.array([98.9853]), np.array([18.7883]), TravelModel(speed_kmh=60.0)
    )
    assert bkk_cnx[0] == pytest.approx(583, rel=0.01)
    assert TravelModel(30, 1.25).minutes_per_radian == pytest.approx(1.25 * TravelModel(30).minutes_per_radian)


def test_chord_roundtrip_and_bad_speed():
    travel = TravelModel(speed_kmh=40.0)
    minutes = np.array([0.0, 0.5, 10.0, 60.0, 600.0])
    assert travel.chord_to_minutes(travel.minutes_to_chord(minutes)) == pytest.approx(minutes, abs=1e-9)
    for bad in (0, -5, float("nan")):
        with pytest.raises(ValueError, match="speed"):
            TravelModel(speed_kmh=bad)


def _random_problem(rng, n, m):
    requests = HelpRequests(
        np.arange(n),
        rng.uniform(100.9, 101.2, n),
        rng.uniform(16.0, 16.3, n),
        rng.integers(0, 4, n),
        rng.integers(0, len(CATEGORY_ORDER), n),
    )
    volunteers = Volunteers(
        np.arange(m),
        rng.uniform(100.9, 101.2, m),
        rng.uniform(16.0, 16.3, m),
        rng.integers(0, 3, m),
        available=rng.random(m) < 0.9,
        skills=rng.integers(0, 64, m),
        vehicle=rng.integers(0, len(VEHICLE_ORDER), m),
    )
    return AssignmentProblem(requests, volunteers)


def _all_usable_pairs(problem, max_minutes):
    req, vol = problem.requests, problem.volunteers
    r, v = np.meshgrid(np.arange(len(req)), np.arange(len(vol)), indexing="ij")
    r, v = r.ravel(), v.ravel()
    minutes = great_circle_minutes(req.lon[r], req.lat[r], vol.lon[v], vol.lat[v])
    ok = eligible_pairs(req, vol, r, v) & vol.available[v] & (vol.capacity[v] > 0) & (minutes <= max_minutes)
    return r[ok], v[ok], minutes[ok]


def test_nearest_finds_the_k_nearest_eligible_within_reach():
    rng = np.random.default_rng(5)
    problem = _random_problem(rng, 40, 300)
    index = CandidateIndex(problem, 20.0, TravelModel())
    pairs, complete = index.nearest(np.arange(40), 5)
    r_all, v_all, t_all = _all_usable_pairs(problem, 20.0)
    for i in range(40):
        mine = np.sort(pairs.minutes[pairs.req == i])
        want = np.sort(t_all[r_all == i])
        assert mine == pytest.approx(want[:5], abs=1e-9)
        if len(want) > 5:
            assert complete[i] == pytest.approx(want[4], abs=1e-9)
        else:
            assert complete[i] == 20.0
        # Every eligible volunteer closer than `complete` is among the pairs.
        assert set(v_all[(r_all == i) & (t_all < complete[i] - 1e-9)]) <= set(pairs.vol[pairs.req == i])


def test_within_finds_everything_in_the_radius():
    rng = np.random.default_rng(6)
    problem = _random_problem(rng, 30, 200)
    index = CandidateIndex(problem, 25.0, TravelModel())
    radius = rng.uniform(0, 40, 30)
    pairs = index.within(np.arange(30), radius)
    r_all, v_all, t_all = _all_usable_pairs(problem, 25.0)
    want = {(r, v) for r, v, t in zip(r_all, v_all, t_all) if t <= min(radius[r], 25.0)}
    assert set(zip(pairs.req.tolist(), pairs.vol.tolist())) == want


def test_requests_and_volunteers_without_location_get_no_candidates():
    requests = HelpRequests([1, 2], [101.0, np.nan], [16.0, np.nan], [0, 0], ["other", "other"])
    volunteers = Volunteers([1, 2], [101.0, np.nan], [16.0, 16.0], [1, 1])
    index = CandidateIndex(AssignmentProblem(requests, volunteers), 30.0, TravelModel())
    pairs, _ = index.nearest(np.arange(2), 4)
    assert pairs.req.tolist() == [0] and pairs.vol.tolist() == [0]
