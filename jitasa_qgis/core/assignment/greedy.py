"""Greedy assignment: in priority order, each request takes the nearest eligible volunteer with room left."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

from ...definitions.eligibility import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH
from .costs import CandidateIndex, TravelModel
from .problem import AssignmentProblem, check_max_travel_minutes

if TYPE_CHECKING:  # core.travel_time imports costs from this package
    from ..travel_time import TravelTimeModel
from .result import AssignmentResult, build_result
from .road_costs import candidate_index

_FIRST_K = 8


def priority_order(problem: AssignmentProblem) -> np.ndarray:
    """Request indices, most urgent first (critical, high, normal, low), then longest waiting."""
    req = problem.requests
    return np.lexsort((req.id, req.created_at, req.urgency_rank))


def assign_nearest(
    problem: AssignmentProblem,
    max_travel_minutes: float,
    *,
    speed_kmh: float = DEFAULT_SPEED_KMH,
    detour_factor: float = DEFAULT_DETOUR_FACTOR,
    travel_times: Optional[TravelTimeModel] = None,
) -> AssignmentResult:
    """Greedy nearest-volunteer assignment (`jitasa:assignnearest`).

    Requests are taken in priority order; each gets the nearest volunteer who is available, eligible for
    its category, within `max_travel_minutes` and still below capacity (counting this run's assignments).
    Ties in distance go to the lower volunteer index. Never raises on empty or infeasible input.
    `travel_times` with a graph: nearest and the maximum by road minutes (road_costs), else the straight line.
    """
    max_minutes = check_max_travel_minutes(max_travel_minutes)
    travel = TravelModel(speed_kmh, detour_factor)
    problem.validate()
    index = candidate_index(problem, max_minutes, travel, travel_times)
    assigned, minutes = greedy_assignment(problem, index)
    return build_result(problem, index, assigned, minutes, "nearest")


def greedy_assignment(problem: AssignmentProblem, index: CandidateIndex) -> tuple[np.ndarray, np.ndarray]:
    """Volunteer index per request (-1 = none) and travel minutes, by the greedy rule."""
    n = len(problem.requests)
    assigned = np.full(n, -1, np.int64)
    minutes = np.zeros(n)
    if n == 0 or not index.vol_usable.any():
        return assigned, minutes
    pairs, complete = index.nearest(np.arange(n), _FIRST_K)
    order = np.lexsort((pairs.vol, pairs.minutes, pairs.req))
    req_sorted = pairs.req[order]
    starts = np.searchsorted(req_sorted, np.arange(n + 1))
    cand_vol = pairs.vol[order].tolist()
    cand_min = pairs.minutes[order].tolist()
    remaining = problem.volunteers.capacity.copy()
    remaining[~index.vol_usable] = 0
    remaining_list = remaining.tolist()
    max_minutes = index.max_minutes

    for i in priority_order(problem).tolist():
        chosen = -1
        for pos in range(starts[i], starts[i + 1]):
            v = cand_vol[pos]
            if remaining_list[v] > 0:
                chosen, cost = v, cand_min[pos]
                break
        k = 4 * _FIRST_K
        reach = complete[i]
        while chosen < 0 and reach < max_minutes:
            # Every listed candidate is full; look further, in growing rings, out to the maximum.
            more, kth = index.nearest(np.array([i]), k)
            for pos in np.lexsort((more.vol, more.minutes)).tolist():
                v = int(more.vol[pos])
                if remaining_list[v] > 0:
                    chosen, cost = v, float(more.minutes[pos])
                    break
            reach = kth[0]
            k *= 4
        if chosen >= 0:
            remaining_list[chosen] -= 1
            assigned[i] = chosen
            minutes[i] = cost
    return assigned, minutes
