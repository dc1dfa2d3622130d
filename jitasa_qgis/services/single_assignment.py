"""One officer's choice from the Assign panel: a manual run with its one (request, volunteer) pair, written
in one transaction through the store's guarded function. The server decides: a pair it refuses (someone
assigned the request first, the volunteer became full or unavailable...) comes back as a result with the
reason code and detail, not as an exception.

`read_candidates` is what the panel ranks: the request's nearest volunteers (store.candidates) with their
travel minutes from the one travel-time model: road minutes (volunteer → request) where a network covers
the request, else None (the panel's straight line). On roads, volunteers are read in straight-line order in
growing numbers until the `limit` fewest road minutes among the eligible are proven to be among those read
(core.candidate_ranking.road_list_complete with distance_lower_bound: a sound bound, never a guess)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..core.candidate_ranking import distance_lower_bound, road_list_complete
from ..core.travel_time import PairMinutes, StraightLineBound
from ..definitions.roads import TravelModelCode
from ..store.assignments import PairOutcome, assign_pairs, create_run
from ..store.calls import rollback_quietly
from ..store.candidates import Candidate, RequestSummary, volunteer_candidates
from ..store.roads import NetworkInfo
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection
from .travel_times import travel_time_model

# a great circle on the mean sphere is never 1 % shorter than the ellipsoidal distance (at most ~0.5 %)
_SPHERE_SHARE = 0.99
_MAX_READ = 20_000  # volunteers read at most while proving the road order (a province's roster)


@dataclass(frozen=True)
class SingleAssignmentParams:
    request_id: int
    volunteer_id: int
    minutes: Optional[float] = None  # the travel time shown to the officer; None when unknown
    is_estimate: bool = True  # minutes are a straight-line estimate
    run_params: dict = field(default_factory=dict)  # recorded with the run (source, limits, rank)


@dataclass(frozen=True)
class SingleAssignmentResult:
    run_id: int
    outcome: PairOutcome

    @property
    def assigned(self) -> bool:
        return not self.outcome.refused

    @property
    def reason(self) -> Optional[str]:
        """Why the store refused the pair: a RefusalReason code (definitions.reasons); None when assigned."""
        return self.outcome.reason

    @property
    def detail(self) -> Optional[dict]:
        return self.outcome.detail


def assign_one(
    store: Store, params: SingleAssignmentParams, progress: Optional[Progress] = None
) -> SingleAssignmentResult:
    """Create a manual run (scope 'request:<id>') and assign its one pair at once, in one transaction.
    A refused pair is the result's `reason`; Cancelled when cancelled before writing (nothing written);
    StoreError when the store cannot be reached or the write fails (rolled back: nothing written)."""
    progress = progress_of(progress)
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            run_id = create_run(conn, "manual", f"request:{params.request_id}", params.run_params, commit=False)
            batch = assign_pairs(
                conn,
                run_id,
                [params.request_id],
                [params.volunteer_id],
                [params.minutes],
                params.is_estimate,
                commit=True,
            )
        except BaseException:
            rollback_quietly(conn)
            raise
    progress.report(1.0)
    return SingleAssignmentResult(run_id=run_id, outcome=batch.rows[0])


@dataclass(frozen=True)
class CandidateRead:
    """The volunteers to rank, with road minutes when a network covers the request (`minutes` None: rank on
    the straight line). `complete`: the `limit` fewest road minutes among the eligible are proven listed."""

    candidates: list[Candidate]
    minutes: Optional[list[float]] = None
    travel_model: TravelModelCode = TravelModelCode.STRAIGHT_LINE
    network: Optional[NetworkInfo] = None
    complete: bool = True


def read_candidates(
    conn,
    request: RequestSummary,
    limit: int,
    max_minutes: float,
    with_contacts: Optional[bool] = None,
    straight_line: bool = False,
) -> CandidateRead:
    """The request's candidates and their travel minutes (see the module docstring); in the caller's
    transaction (an autocommit connection is best). StoreError when a query fails."""
    limit = max(int(limit), 1)
    found = volunteer_candidates(conn, request.id, limit=limit, with_contacts=with_contacts)
    if straight_line or not request.located:
        return CandidateRead(found)
    model, network = travel_time_model(conn, [request.lon], [request.lat])
    if model.graph is None:
        return CandidateRead(found)
    graph = model.graph
    bound = StraightLineBound.of(graph)
    target = graph.snap([request.lon], [request.lat])
    read = limit
    while True:
        minutes = _road_minutes(graph, found, target)
        eligible = [m for c, m in zip(found, minutes) if c.eligible]
        distances = [c.distance_m for c in found if c.eligible]
        fetched_all = len(eligible) < read  # the eligible walk ran out: everyone eligible was read
        unread = distance_lower_bound(  # the store's distances are on the ellipsoid, the bound's on the sphere
            max(distances, default=0.0) * _SPHERE_SHARE,
            float(target.off_road_minutes[0]),
            bound.off_road_kmh,
            bound.fastest_kmh,
        )
        complete = road_list_complete(eligible, fetched_all, unread, limit, max_minutes)
        if complete or read >= _MAX_READ:
            break
        read = min(read * 4, _MAX_READ)
        found = volunteer_candidates(conn, request.id, limit=read, with_contacts=with_contacts)
    keep = _best(found, minutes, limit)
    return CandidateRead(
        [found[i] for i in keep], [minutes[i] for i in keep], TravelModelCode.ROAD_NETWORK, network, complete
    )


def _road_minutes(graph, found: list[Candidate], target) -> list[float]:
    if not found:
        return []
    origins = graph.snap([c.lon for c in found], [c.lat for c in found])
    pairs = PairMinutes(graph, origins, target)
    return pairs(np.arange(len(found)), np.zeros(len(found), np.int64)).tolist()


def _best(found: list[Candidate], minutes: list[float], limit: int) -> list[int]:
    """The `limit` fewest road minutes among the eligible and among the others, in the read order."""
    eligible = sorted((i for i, c in enumerate(found) if c.eligible), key=lambda i: (minutes[i], found[i].id))
    others = sorted((i for i, c in enumerate(found) if not c.eligible), key=lambda i: (minutes[i], found[i].id))
    return sorted(eligible[:limit] + others[:limit])
