"""Ranking a request's candidates (core/candidate_ranking.py): minutes at a speed, the maximum travel time,
who cannot go and why, eligible first by minutes then load."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from jitasa_qgis.core.assignment.costs import TravelModel
from jitasa_qgis.core.candidate_ranking import CandidateStatus, rank_candidates

LON, LAT = 101.16, 16.42
KM_PER_DEG_LAT = 111.2


@dataclass(frozen=True)
class C:
    id: int
    km_north: float
    active_count: int = 0
    capacity: int = 1
    available: bool = True
    can_serve: bool = True
    needs: str = ""

    @property
    def lon(self):
        return LON

    @property
    def lat(self):
        return LAT + self.km_north / KM_PER_DEG_LAT


def test_minutes_at_the_speed_and_eligible_first():
    ranking = rank_candidates(
        [C(1, 10), C(2, 5), C(3, 2, available=False), C(4, 20)],
        LON,
        LAT,
        max_minutes=60,
        travel=TravelModel(speed_kmh=30),
    )
    assert [r.volunteer_id for r in ranking.rows] == [2, 1, 4, 3]
    assert [r.rank for r in ranking.rows] == [1, 2, 3, None]
    assert ranking.rows[0].minutes == pytest.approx(10.0, rel=0.01)  # 5 km at 30 km/h
    assert ranking.rows[2].minutes == pytest.approx(40.0, rel=0.01)
    assert ranking.best.volunteer_id == 2 and ranking.is_estimate and ranking.speed_kmh == 30
    assert ranking.rows[3].status is CandidateStatus.UNAVAILABLE
    assert [r.volunteer_id for r in ranking.eligible] == [2, 1, 4]
    assert ranking.row_of(4).rank == 3 and ranking.row_of(99) is None


def test_max_travel_time_leaves_out_the_far_ones():
    ranking = rank_candidates([C(1, 5), C(2, 30), C(3, 40)], LON, LAT, max_minutes=30, travel=TravelModel(speed_kmh=60))
    assert [r.volunteer_id for r in ranking.rows] == [1, 2]
    assert ranking.beyond_max == 1 and ranking.nearest_beyond_minutes == pytest.approx(40, rel=0.01)
    faster = rank_candidates([C(1, 5), C(2, 30), C(3, 40)], LON, LAT, max_minutes=30, travel=TravelModel(speed_kmh=90))
    assert faster.beyond_max == 0 and len(faster.rows) == 3


def test_reasons_in_the_store_order():
    ranking = rank_candidates(
        [
            C(1, 1, available=False, can_serve=False, active_count=1),  # unavailable wins
            C(2, 2, can_serve=False, active_count=1, needs="vehicle"),  # then what the category needs
            C(3, 3, active_count=2, capacity=2),  # then full
            C(4, 4, capacity=0),  # capacity 0 is full, never eligible
        ],
        LON,
        LAT,
    )
    assert [(r.volunteer_id, r.status) for r in ranking.rows] == [
        (1, CandidateStatus.UNAVAILABLE),
        (2, CandidateStatus.LACKS_NEEDS),
        (3, CandidateStatus.FULL),
        (4, CandidateStatus.FULL),
    ]
    assert ranking.rows[1].needs == "vehicle" and ranking.best is None and ranking.eligible == ()
    assert ranking.rows[2].load_text == "2/2"


def test_equal_minutes_go_to_the_least_loaded():
    ranking = rank_candidates(
        [
            C(1, 5.0, active_count=2, capacity=3),
            C(2, 5.1, active_count=0, capacity=1),
            C(3, 5.05, active_count=1, capacity=3),
        ],
        LON,
        LAT,
        travel=TravelModel(speed_kmh=30),
    )
    # all ~10 minutes: the one with most room first
    assert [r.volunteer_id for r in ranking.rows] == [2, 3, 1]


def test_empty_and_bad_input():
    assert rank_candidates([], LON, LAT).rows == ()
    assert rank_candidates([], LON, LAT).best is None
    for bad in (0, -5, float("nan"), "x"):
        with pytest.raises(ValueError):
            rank_candidates([C(1, 1)], LON, LAT, max_minutes=bad)
    with pytest.raises(ValueError):
        rank_candidates([C(1, 1)], None, LAT)
    with pytest.raises(ValueError):
        TravelModel(speed_kmh=0)
