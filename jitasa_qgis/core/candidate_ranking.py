"""Rank the volunteers near one request for the assign panel: travel minutes, who cannot go and why, best
first.

Pure: plain data in, plain data out. A candidate is anything with the attributes of
`store.candidates.Candidate` (id, lon, lat, available, active_count, capacity, can_serve, needs, …).

Travel minutes are great-circle estimates at a speed (`core.assignment.costs.TravelModel`, the same model
the batch solvers use), or road minutes given by the caller (`minutes`, from core.travel_time's model, as
the batch solvers use on a network), so the panel and a batch run agree; `Ranking.travel_model` and
`is_estimate` say which for the label. `distance_lower_bound` and `road_list_complete` decide whether
volunteers read in straight-line order are enough to rank by road minutes (proof in their docstrings).
Candidates beyond the maximum travel time are left out (counted in `Ranking.beyond_max`); the others are
ordered eligible first, by whole minutes (as shown), then by load (the least busy first: of two volunteers
equally near, the one with more room goes), then by exact minutes and id; those who cannot go follow,
nearest first, each with its reason.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Any, Optional, Sequence

import numpy as np

from ..definitions.eligibility import DEFAULT_MAX_TRAVEL_MINUTES
from ..definitions.roads import TravelModelCode
from .assignment.costs import TravelModel, great_circle_minutes


class CandidateStatus(str, Enum):
    """Whether a volunteer can take the request now; checked in this order (the store's order)."""

    ELIGIBLE = "eligible"
    UNAVAILABLE = "unavailable"
    LACKS_NEEDS = "lacks_needs"  # has not what the category needs (see `RankedCandidate.needs`)
    FULL = "full"  # no room left (active assignments = capacity)


@dataclass(frozen=True)
class RankedCandidate:
    candidate: Any
    minutes: float
    status: CandidateStatus
    rank: Optional[int]  # 1, 2, … among the eligible; None for those who cannot go

    @property
    def eligible(self) -> bool:
        return self.status is CandidateStatus.ELIGIBLE

    @property
    def volunteer_id(self) -> int:
        return int(self.candidate.id)

    @property
    def needs(self) -> str:
        """What the category needs, in English ('vehicle' …); meaningful when status is LACKS_NEEDS."""
        return getattr(self.candidate, "needs", "") or ""

    @property
    def load_text(self) -> str:
        return f"{self.candidate.active_count}/{self.candidate.capacity}"


@dataclass(frozen=True)
class Ranking:
    rows: tuple[RankedCandidate, ...] = ()
    max_minutes: float = DEFAULT_MAX_TRAVEL_MINUTES
    speed_kmh: float = TravelModel().speed_kmh
    beyond_max: int = 0  # candidates left out: farther than max_minutes
    nearest_beyond_minutes: Optional[float] = None  # the nearest of those
    is_estimate: bool = True  # great-circle at a speed, not road travel time
    travel_model: TravelModelCode = TravelModelCode.STRAIGHT_LINE
    network_name: Optional[str] = None  # the road network of road minutes

    @property
    def eligible(self) -> tuple[RankedCandidate, ...]:
        return tuple(r for r in self.rows if r.eligible)

    @property
    def best(self) -> Optional[RankedCandidate]:
        return self.rows[0] if self.rows and self.rows[0].eligible else None

    def row_of(self, volunteer_id: int) -> Optional[RankedCandidate]:
        return next((r for r in self.rows if r.volunteer_id == volunteer_id), None)


def candidate_status(candidate: Any) -> CandidateStatus:
    if not candidate.available:
        return CandidateStatus.UNAVAILABLE
    if not candidate.can_serve:
        return CandidateStatus.LACKS_NEEDS
    if candidate.active_count >= candidate.capacity:
        return CandidateStatus.FULL
    return CandidateStatus.ELIGIBLE


def rank_candidates(
    candidates: Sequence[Any],
    request_lon: float,
    request_lat: float,
    max_minutes: float = DEFAULT_MAX_TRAVEL_MINUTES,
    travel: Optional[TravelModel] = None,
    minutes: Optional[Sequence[float]] = None,
    network_name: Optional[str] = None,
) -> Ranking:
    """Ranked rows for the candidates of a request at (request_lon, request_lat), in degrees.

    `minutes`: each candidate's road minutes to the request (then the ranking is on road minutes, of the
    network `network_name`); None: straight-line minutes at `travel`.

    ValueError for a maximum travel time that is not a positive number or a request without a location.
    """
    travel = travel or TravelModel()
    try:
        max_minutes = float(max_minutes)
    except (TypeError, ValueError):
        max_minutes = math.nan
    if not math.isfinite(max_minutes) or max_minutes <= 0:
        raise ValueError(f"the maximum travel time must be a positive number of minutes, got {max_minutes!r}")
    if (
        request_lon is None
        or request_lat is None
        or not (math.isfinite(float(request_lon)) and math.isfinite(float(request_lat)))
    ):
        raise ValueError("the request has no location")
    model = TravelModelCode.STRAIGHT_LINE if minutes is None else TravelModelCode.ROAD_NETWORK
    labels = {
        "is_estimate": model is TravelModelCode.STRAIGHT_LINE,
        "travel_model": model,
        "network_name": network_name if minutes is not None else None,
    }
    if not candidates:
        return Ranking((), max_minutes, travel.speed_kmh, **labels)

    if minutes is None:
        lon = np.array([c.lon for c in candidates], np.float64)
        lat = np.array([c.lat for c in candidates], np.float64)
        minutes = great_circle_minutes(
            np.full(len(lon), float(request_lon)), np.full(len(lat), float(request_lat)), lon, lat, travel
        )
    else:
        minutes = np.asarray(minutes, np.float64)
        if len(minutes) != len(candidates):
            raise ValueError(f"{len(minutes)} travel times for {len(candidates)} candidates")
    within, beyond = [], []
    for candidate, m in zip(candidates, minutes.tolist()):
        (within if m <= max_minutes else beyond).append((candidate, m))

    def load(candidate) -> float:
        return candidate.active_count / candidate.capacity if candidate.capacity > 0 else math.inf

    keyed = [(candidate, m, candidate_status(candidate)) for candidate, m in within]
    eligible = sorted(
        (k for k in keyed if k[2] is CandidateStatus.ELIGIBLE), key=lambda k: (round(k[1]), load(k[0]), k[1], k[0].id)
    )
    others = sorted((k for k in keyed if k[2] is not CandidateStatus.ELIGIBLE), key=lambda k: (k[1], k[0].id))
    rows = [RankedCandidate(c, m, s, i + 1) for i, (c, m, s) in enumerate(eligible)]
    rows += [RankedCandidate(c, m, s, None) for c, m, s in others]
    return Ranking(
        tuple(rows),
        max_minutes,
        travel.speed_kmh,
        beyond_max=len(beyond),
        nearest_beyond_minutes=min((m for _, m in beyond if math.isfinite(m)), default=None),
        **labels,
    )


def distance_lower_bound(
    distance_m: float, request_off_road_minutes: float, off_road_kmh: float, fastest_kmh: float
) -> float:
    """The fewest road minutes any volunteer at least `distance_m` (great circle) from the request can take.

    The model's minutes are never below min(gc/v_off, off(v) + off(r) + gc(snap v, snap r)/v_fast)
    (core.travel_time.StraightLineBound). With gc(snap v, snap r) ≥ D − d_v − d_r (the triangle inequality;
    d the off-road distances, off = d/v_off) and v_off ≤ v_fast, the second term is at least
    off(r)·(1 − v_off/v_fast) + D/v_fast + d_v·(1/v_off − 1/v_fast) ≥ off(r)·(1 − v_off/v_fast) + D/v_fast.
    When v_off > v_fast every term is at least D/v_off."""
    d_km = max(float(distance_m), 0.0) / 1000.0
    direct = d_km / off_road_kmh * 60.0
    if not math.isfinite(fastest_kmh):
        return min(direct, max(request_off_road_minutes, 0.0))  # v_fast infinite: the off-road leg alone
    if off_road_kmh > fastest_kmh:
        return direct
    road = max(request_off_road_minutes, 0.0) * (1.0 - off_road_kmh / fastest_kmh) + d_km / fastest_kmh * 60.0
    return min(direct, road)


def road_list_complete(
    eligible_minutes: Sequence[float], fetched_all: bool, unread_bound_minutes: float, limit: int, max_minutes: float
) -> bool:
    """Whether the eligible volunteers read so far hold the `limit` fewest road minutes of all eligible ones.

    They do when every eligible volunteer was read (`fetched_all`), when no unread one can be within the
    maximum (`unread_bound_minutes` > max), or when the `limit`-th fewest minutes read is at most the bound
    of the unread ones: none of them can then come before it (ties excepted, as in any order)."""
    if fetched_all or unread_bound_minutes > max_minutes:
        return True
    ordered = sorted(m for m in eligible_minutes if math.isfinite(m))
    return len(ordered) >= limit and ordered[limit - 1] <= unread_bound_minutes
