"""Optimal assignment: minimum total travel time under capacity, eligibility, reach and strict priority.

The model
---------
Requests i, volunteers j with remaining capacity cap_j, eligible pairs (i, j) with travel t_ij ≤ T (the
maximum travel time). Choose x_ij ∈ {0, 1}: each request at most one volunteer, each volunteer at most
cap_j requests. Objective, lexicographic: first assign as many critical requests as possible, then as many
high, normal, low; among those, minimise total travel minutes.

Lexicographic priority as rewards: an assigned request of urgency rank r (0 critical … 3 low) earns
R_i = G·(4 − r) with G = (N + 1)·(T + 2), N the number of requests. Minimise Σ t_ij x_ij − Σ R_i x_i.
Why this is exactly the lexicographic order: if a solution x is not lexicographically best, its symmetric
difference with a better one y contains an alternating path that either assigns one more request of some
rank r, or swaps in a rank-r request for one of a worse rank. Flipping x along that path gains at least G in
rewards and changes travel by less than N·(T + 1) < G (the path holds at most N of y's pairs, each shorter
than T + 1), so x was not optimal for the rewards either. Tests check this against brute force.

The constraint matrix is totally unimodular (a bipartite transportation problem), so the LP has integral
optimal vertices and LP duality certifies optimality.

How it is solved
----------------
1. Candidates: each request's k nearest eligible volunteers within T (`costs.CandidateIndex`, k = 4 by
   default).
2. The candidate graph falls apart into connected components (`scipy.sparse.csgraph.connected_components`);
   each is an independent problem. A component where every request's nearest candidate has room is solved
   by that choice outright. The others go to scipy, packed into calls of about `_CHUNK_ROWS` requests:
   `min_weight_full_bipartite_matching` (LAPJVsp) on volunteers expanded into capacity slots plus one
   "unassigned" column per request weighted with its reward (default), or HiGHS dual simplex via `linprog`
   on the transportation LP (`method="highs"`). Measured on the province benchmark: matching 0.2–0.3 s,
   HiGHS 2.8 s; on the crowded one 2.5 s against 106 s. Both return an integral optimum of the candidates.
3. Dual prices (α_i per request, β_j ≥ 0 per volunteer) are read off that solution as shortest-path
   potentials of its residual graph (Bellman–Ford, one vectorised pass over all arcs at a time, exact in
   integer units); they exist exactly when the solution is optimal for its candidates.
4. Proof over *all* eligible pairs within T, not only the candidates: a pair left out has reduced cost
   t_ij − α_i + β_j and can improve the solution only if it is negative, so only if t_ij < α_i. Each
   request's candidates hold every eligible volunteer nearer than its k-th neighbour; requests whose α_i
   exceeds that radius are searched out to min(α_i, T) (still-unassigned ones, α_i = R_i, in growing rings
   until a negative pair turns up). Negative pairs — the most negative `_ADD_PER_REQUEST` per request and
   `_ADD_PER_VOLUNTEER` per volunteer, with pairs within `_MARGIN_MINUTES` of turning negative — are added,
   and only the components they touch are solved again. When no negative pair is left, (α, β) is feasible
   for the dual of the full problem, and with complementary slackness weak duality proves the solution
   optimal for it; `_certificate_holds` re-checks these conditions and `summary.proof.optimal` reports it.

Road minutes: with `travel_times` (core.travel_time.TravelTimeModel with a graph) t_ij is the road model's
minutes from volunteer j to request i, and T bounds those. Steps 1 and 4 then use `road_costs.RoadCandidateIndex`,
whose `nearest` and `within` are exact in road minutes (it prunes only by a proven straight-line lower
bound), so "every eligible volunteer nearer than the k-th" and the search out to min(α_i, T) hold for road
minutes as they do for the straight line, and so does the proof. `summary.travel_model` says which.

Travel times enter the solver rounded to `MINUTES_PER_UNIT` (0.0001 min): the result is optimal for those,
so its true total is within n × 0.0001 min of the true optimum. Reported minutes are not rounded.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Optional

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

from ...definitions.eligibility import DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH
from .costs import CandidateIndex, Pairs, TravelModel
from .problem import AssignmentProblem, check_max_travel_minutes

if TYPE_CHECKING:  # core.travel_time imports costs from this package
    from ..travel_time import TravelTimeModel
from .result import AssignmentResult, OptimalityProof, build_result
from .road_costs import candidate_index

DEFAULT_CANDIDATES = 4
# The solver works in whole units of this many minutes (6 ms): sums and comparisons are then exact in
# float64, so the optimality proof has no tolerance to argue about.
MINUTES_PER_UNIT = 1e-4
METHODS = ("matching", "highs")
_MAX_ROUNDS = 100
# Rows per scipy call: LAPJVsp's cost grows faster than linearly with its size, so many small components
# are packed into calls of about this many requests.
_CHUNK_ROWS = 2048
# Widening: per round, the most negative pairs kept per request and per volunteer, and the margin (minutes of
# reduced cost) within which not-yet-negative pairs are added too. Tuned on the province benchmark.
_ADD_PER_REQUEST = 32
_ADD_PER_VOLUNTEER = 8
_MARGIN_MINUTES = 0.2


def to_units(minutes: np.ndarray) -> np.ndarray:
    """Travel minutes as whole solver units (float64 holding integers)."""
    return np.rint(np.asarray(minutes, np.float64) / MINUTES_PER_UNIT)


def tier_rewards(urgency_rank: np.ndarray, n_requests: int, max_minutes: float) -> np.ndarray:
    """Reward in units for assigning each request: G·(4 − rank), G = (N + 1)·(T + 2) (module docstring)."""
    gap = (n_requests + 1) * (float(to_units(max_minutes)) + 2.0)
    return gap * (4 - urgency_rank.astype(np.float64))


class _Batch:
    """Pairs of some components with local indices: requests 0..nr-1, volunteers 0..nv-1."""

    def __init__(self, pairs: Pairs, capacity: np.ndarray, reward: np.ndarray) -> None:
        self.req_g, req_l = np.unique(pairs.req, return_inverse=True)
        self.vol_g, vol_l = np.unique(pairs.vol, return_inverse=True)
        self.req_l = req_l.astype(np.int64)
        self.vol_l = vol_l.astype(np.int64)
        self.minutes = pairs.minutes
        self.cost = to_units(pairs.minutes)
        self.nr, self.nv = len(self.req_g), len(self.vol_g)
        self.reward = reward[self.req_g]
        degree = np.bincount(self.vol_l, minlength=self.nv)
        self.cap = np.minimum(capacity[self.vol_g], degree)

    # -- solvers: each returns the matched local volunteer per local request (-1 = none) --------------

    def solve_matching(self) -> np.ndarray:
        slots = self.cap
        slot_start = np.concatenate(([0], np.cumsum(slots)))
        n_slots = int(slot_start[-1])
        per_pair = slots[self.vol_l]
        rows = np.repeat(self.req_l, per_pair)
        first = np.repeat(slot_start[self.vol_l], per_pair)
        offset = np.arange(len(rows)) - np.repeat(np.cumsum(per_pair) - per_pair, per_pair)
        cols = first + offset
        weights = np.repeat(self.cost, per_pair) + 1.0  # LAPJVsp needs non-zero weights
        # One "unassigned" column per request, weighted with its reward (= the reward it forgoes).
        rows = np.concatenate((rows, np.arange(self.nr)))
        cols = np.concatenate((cols, n_slots + np.arange(self.nr)))
        weights = np.concatenate((weights, self.reward + 1.0))
        graph = csr_matrix((weights, (rows, cols)), shape=(self.nr, n_slots + self.nr))
        row_ind, col_ind = min_weight_full_bipartite_matching(graph)
        slot_owner = np.repeat(np.arange(self.nv), slots)
        matched = np.full(self.nr, -1, np.int64)
        real = col_ind < n_slots
        matched[row_ind[real]] = slot_owner[col_ind[real]]
        return matched

    def solve_highs(self) -> np.ndarray:
        n_pairs = len(self.cost)
        cols = np.arange(n_pairs)
        a_ub = csr_matrix(
            (np.ones(2 * n_pairs), (np.concatenate((self.req_l, self.nr + self.vol_l)), np.tile(cols, 2))),
            shape=(self.nr + self.nv, n_pairs),
        )
        b_ub = np.concatenate((np.ones(self.nr), self.cap.astype(np.float64)))
        res = linprog(self.cost - self.reward[self.req_l], A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs-ds")
        if res.status != 0:  # pragma: no cover - the LP is always feasible and bounded
            raise RuntimeError(f"HiGHS failed on the assignment LP: {res.message}")
        # A vertex of a totally unimodular LP is integral; the duals are recomputed exactly from it.
        chosen = res.x > 0.5
        matched = np.full(self.nr, -1, np.int64)
        matched[self.req_l[chosen]] = self.vol_l[chosen]
        return matched

    # -- dual prices ----------------------------------------------------------------------------------

    def potentials(self, matched: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Dual prices (α per request, β per volunteer) certifying that `matched` is optimal here.

        Shortest-path distances d from a virtual root in the residual graph (Bellman–Ford, one vectorised
        relaxation of all arcs per pass) are feasible potentials exactly when the solution is optimal;
        α_i = min(d_t − d_i, R_i), β_j = max(d_t − d_j, 0) with t the sink.
        """
        nr, nv = self.nr, self.nv
        sink = nr + nv
        load = np.bincount(matched[matched >= 0], minlength=nv)
        is_matched = matched[self.req_l] == self.vol_l
        assigned = matched >= 0
        vol_node = nr + self.vol_l
        req_nodes = np.arange(nr)
        vol_nodes = nr + np.arange(nv)
        tails = np.concatenate(
            (
                np.where(is_matched, vol_node, self.req_l),
                np.where(assigned, req_nodes, sink),
                vol_nodes[load < self.cap],
                np.full(int(np.count_nonzero(load > 0)), sink),
            )
        )
        heads = np.concatenate(
            (
                np.where(is_matched, self.req_l, vol_node),
                np.where(assigned, sink, req_nodes),
                np.full(int(np.count_nonzero(load < self.cap)), sink),
                vol_nodes[load > 0],
            )
        )
        weights = np.concatenate(
            (
                np.where(is_matched, -self.cost, self.cost),
                np.where(assigned, self.reward, -self.reward),
                np.zeros(int(np.count_nonzero(load < self.cap))),
                np.zeros(int(np.count_nonzero(load > 0))),
            )
        )
        order = np.argsort(heads, kind="stable")
        tails, heads, weights = tails[order], heads[order], weights[order]
        head_nodes, starts = np.unique(heads, return_index=True)
        dist = np.zeros(sink + 1)
        tol = 0.5  # everything is a whole number of units
        for _ in range(sink + 2):
            best = np.minimum.reduceat(dist[tails] + weights, starts)
            better = best < dist[head_nodes] - tol
            if not better.any():
                break
            dist[head_nodes[better]] = best[better]
        else:  # pragma: no cover - only if the solver returned a non-optimal solution
            raise RuntimeError("assignment solution is not optimal (negative cycle in its residual graph)")
        alpha = np.minimum(dist[sink] - dist[:nr], self.reward)
        beta = np.maximum(dist[sink] - dist[nr:sink], 0.0)
        return alpha, beta


def _components(pairs: Pairs, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Component label per pair, and the number of components, of the bipartite candidate graph."""
    vol_ids, vol_l = np.unique(pairs.vol, return_inverse=True)
    req_ids, req_l = np.unique(pairs.req, return_inverse=True)
    nr = len(req_ids)
    graph = coo_matrix((np.ones(len(pairs), np.int8), (req_l, nr + vol_l)), shape=(nr + len(vol_ids),) * 2).tocsr()
    n_comp, labels = connected_components(graph, directed=False)
    return labels[req_l], n_comp


def _chunks(labels: np.ndarray, rows_per_label: np.ndarray, chunk_rows: int):
    """Group component labels, smallest first, into chunks of at most `chunk_rows` requests (a bigger
    component is a chunk of its own); yields arrays of labels."""
    labels = labels[np.argsort(rows_per_label[labels], kind="stable")]
    sizes = rows_per_label[labels]
    start, total = 0, 0
    for pos, size in enumerate(sizes.tolist()):
        if total and total + size > chunk_rows:
            yield labels[start:pos]
            start, total = pos, 0
        total += size
    if start < len(labels):
        yield labels[start:]


def assign_optimal(
    problem: AssignmentProblem,
    max_travel_minutes: float,
    *,
    speed_kmh: float = DEFAULT_SPEED_KMH,
    detour_factor: float = DEFAULT_DETOUR_FACTOR,
    travel_times: Optional[TravelTimeModel] = None,
    candidates: int = DEFAULT_CANDIDATES,
    method: str = "matching",
    widen: bool = True,
) -> AssignmentResult:
    """Optimal batch assignment (`jitasa:assignoptimal`); see the module docstring for the model.

    `candidates` is how many nearest eligible volunteers each request starts with; with `widen` (the
    default) the result is nevertheless optimal over all eligible pairs within `max_travel_minutes`, and
    `summary.proof.optimal` is True. `widen=False` solves the pruned problem only (for measurements).
    `method`: "matching" (scipy LAPJVsp) or "highs" (scipy linprog, HiGHS dual simplex).
    `travel_times`: road minutes where it has a graph (see the module docstring), else the straight line at
    `speed_kmh` × `detour_factor`.
    """
    max_minutes = check_max_travel_minutes(max_travel_minutes)
    travel = TravelModel(speed_kmh, detour_factor)
    if int(candidates) < 1:
        raise ValueError(f"candidates must be at least 1, got {candidates!r}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    problem.validate()
    started = time.perf_counter()
    index = candidate_index(problem, max_minutes, travel, travel_times)
    n, m = len(problem.requests), len(problem.volunteers)
    assigned = np.full(n, -1, np.int64)
    cost = np.zeros(n)
    if n == 0 or not index.vol_usable.any():
        return build_result(problem, index, assigned, cost, "optimal", OptimalityProof(optimal=True))

    located = np.flatnonzero(index.req_located)
    reward = tier_rewards(problem.requests.urgency_rank, len(located), max_minutes)
    capacity = problem.volunteers.capacity
    alpha = reward.copy()  # unassigned requests: α = R
    beta = np.zeros(m)
    pairs, complete_located = index.nearest(located, int(candidates))
    complete = np.full(n, max_minutes)
    complete[located] = complete_located
    keys = np.sort(pairs.req * m + pairs.vol)
    dirty = np.ones(len(pairs), bool)
    stats: dict[str, Any] = {
        "rounds": 0,
        "pairs_added": 0,
        "solver_calls": 0,
        "trivial_components": 0,
        "solved_components": 0,
        "largest_component": 0,
    }
    optimal = True
    for _round in range(_MAX_ROUNDS):
        if not len(pairs):
            break  # nobody can be served: every request stays unassigned, which is optimal
        stats["rounds"] += 1
        labels, n_comp = _components(pairs, n, m)
        todo = np.zeros(n_comp, bool)
        todo[labels[dirty]] = True
        _solve_components(pairs, labels, n_comp, todo, capacity, reward, method, assigned, cost, alpha, beta, stats)
        if not widen:
            optimal = None
            break
        new = _improving_pairs(index, keys, complete, alpha, beta, located, m)
        if not len(new):
            break
        stats["pairs_added"] += len(new)
        pairs = Pairs.concat([pairs, new])
        keys = np.sort(np.concatenate((keys, new.req * m + new.vol)))
        dirty = np.zeros(len(pairs), bool)
        dirty[-len(new) :] = True
    else:  # pragma: no cover - each round adds pairs, so this needs an absurd instance
        optimal = False
    if optimal and not _certificate_holds(pairs, assigned, alpha, beta, reward, capacity):
        optimal = False  # pragma: no cover - would mean a solver bug; reported, not hidden
    stats["candidate_pairs"] = len(pairs)
    stats["solve_seconds"] = time.perf_counter() - started
    proof = OptimalityProof(
        optimal=optimal,
        solver=method,
        candidates=int(candidates),
        **stats,
        objective="lexicographic: assigned critical, high, normal, low; then total travel" if optimal else None,
    )
    return build_result(problem, index, assigned, cost, "optimal", proof)


def _solve_components(
    pairs, labels, n_comp, todo, capacity, reward, method, assigned, cost, alpha, beta, stats
) -> None:
    """Solve the components flagged in `todo`, writing assignments and dual prices in place."""
    sel = todo[labels]
    sub = pairs.take(np.flatnonzero(sel))
    sub_labels = labels[sel]
    # Clear what these components held before.
    assigned[sub.req] = -1
    cost[sub.req] = 0.0
    beta[sub.vol] = 0.0
    # Each request's nearest candidate; components where those all fit are solved outright.
    order = np.lexsort((sub.vol, sub.minutes, sub.req))
    first_pos = order[np.concatenate(([True], sub.req[order][1:] != sub.req[order][:-1]))]
    first_vol = sub.vol[first_pos]
    vol_ids, first_load = np.unique(first_vol, return_counts=True)
    over = vol_ids[first_load > capacity[vol_ids]]
    crowded = np.zeros(n_comp, bool)
    if len(over):
        over_mask = np.isin(sub.vol, over)
        crowded[sub_labels[over_mask]] = True
    trivial = ~crowded[sub_labels[first_pos]]
    tp = first_pos[trivial]
    assigned[sub.req[tp]] = sub.vol[tp]
    cost[sub.req[tp]] = sub.minutes[tp]
    alpha[sub.req[tp]] = to_units(sub.minutes[tp])
    stats["trivial_components"] += int(len(np.unique(sub_labels[tp])))
    hard_labels = np.flatnonzero(crowded)
    if not len(hard_labels):
        return
    rows_per_label = np.zeros(n_comp, np.int64)
    np.add.at(rows_per_label, sub_labels[first_pos], 1)
    stats["solved_components"] += len(hard_labels)
    stats["largest_component"] = max(stats["largest_component"], int(rows_per_label[hard_labels].max()))
    for chunk in _chunks(hard_labels, rows_per_label, _CHUNK_ROWS):
        in_chunk = np.zeros(n_comp, bool)
        in_chunk[chunk] = True
        batch = _Batch(sub.take(np.flatnonzero(in_chunk[sub_labels])), capacity, reward)
        stats["solver_calls"] += 1
        matched = batch.solve_highs() if method == "highs" else batch.solve_matching()
        a, b = batch.potentials(matched)
        has = matched >= 0
        req_g = batch.req_g
        assigned[req_g] = np.where(has, batch.vol_g[np.maximum(matched, 0)], -1)
        # Travel minutes of the matched pairs.
        is_matched = matched[batch.req_l] == batch.vol_l
        cost[req_g[batch.req_l[is_matched]]] = batch.minutes[is_matched]
        alpha[req_g] = a
        beta[batch.vol_g] = b


def _certificate_holds(
    pairs: Pairs, assigned: np.ndarray, alpha: np.ndarray, beta: np.ndarray, reward: np.ndarray, capacity: np.ndarray
) -> bool:
    """LP optimality conditions on the candidate pairs (pairs outside were covered by the search).

    Dual feasibility: α_i − β_j ≤ t_ij, α_i ≤ R_i, β_j ≥ 0; complementary slackness: assigned pairs have
    α_i − β_j = t_ij, unassigned requests α_i = R_i, volunteers with β_j > 0 are full.
    """
    units = to_units(pairs.minutes)
    reduced = units - alpha[pairs.req] + beta[pairs.vol]
    chosen = assigned[pairs.req] == pairs.vol
    requests = np.unique(pairs.req)
    unassigned = requests[assigned[requests] < 0]
    load = np.bincount(assigned[assigned >= 0], minlength=len(capacity))
    priced = np.flatnonzero(beta > 0.5)
    return bool(
        (reduced >= -0.5).all()
        and (np.abs(reduced[chosen]) <= 0.5).all()
        and (alpha[requests] <= reward[requests] + 0.5).all()
        and (np.abs(alpha[unassigned] - reward[unassigned]) <= 0.5).all()
        and (beta >= 0).all()
        and (load[priced] == capacity[priced]).all()
        and (load <= capacity).all()
    )


def _member(sorted_keys: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Which queries are in `sorted_keys` (binary search; no sort of the queries)."""
    if not len(sorted_keys):
        return np.zeros(len(queries), bool)
    pos = np.minimum(np.searchsorted(sorted_keys, queries), len(sorted_keys) - 1)
    return sorted_keys[pos] == queries


def _rank_within(groups: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Rank of each element by `score` among the elements of its group (0 = lowest score)."""
    order = np.lexsort((score, groups))
    sorted_groups = groups[order]
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order)) - np.searchsorted(sorted_groups, sorted_groups, side="left")
    return rank


def _improving_pairs(
    index: CandidateIndex,
    keys: np.ndarray,
    complete: np.ndarray,
    alpha: np.ndarray,
    beta: np.ndarray,
    located: np.ndarray,
    m: int,
) -> Pairs:
    """Eligible pairs outside the candidate set whose reduced cost t − α + β is negative (none: proven).

    Only pairs with t < α can qualify (β ≥ 0), and each request's candidates already hold every eligible
    volunteer closer than `complete`; so only requests with α above that radius are searched, out to
    min(α, T). Requests still unassigned (α = R, reach T) are searched nearest first, in growing rings,
    until a negative pair turns up. When there are negative pairs, the most negative few per request and per
    volunteer are returned, with pairs that are within `_MARGIN_MINUTES` of turning negative (they tend to
    be needed next round).
    """
    max_minutes = index.max_minutes
    reach = np.minimum(alpha * MINUTES_PER_UNIT, max_minutes)
    tol = 1e-9 * (1.0 + max_minutes)
    suspects = located[reach[located] > complete[located] + tol]
    if not len(suspects):
        return Pairs.empty()
    unassigned = alpha[suspects] >= to_units(max_minutes)
    parts = []
    finite = suspects[~unassigned]
    if len(finite):
        parts.append(index.within(finite, np.minimum(reach[finite] + _MARGIN_MINUTES, max_minutes)))
    active = suspects[unassigned]
    k = 32
    while len(active):
        ring, kth = index.nearest(active, k)
        rc = to_units(ring.minutes) - alpha[ring.req] + beta[ring.vol]
        ring = ring.take(np.flatnonzero(rc < -0.5))  # pairs already in the LP are never negative
        parts.append(ring)
        resolved = np.zeros(len(alpha), bool)
        resolved[ring.req] = True
        exhausted = kth >= max_minutes - tol  # fewer than k within reach: all were seen
        active = active[~resolved[active] & ~exhausted]
        k *= 4
    found = Pairs.concat(parts)
    if not len(found):
        return found
    rc = to_units(found.minutes) - alpha[found.req] + beta[found.vol]
    if not (rc < -0.5).any():  # the LP's own pairs are never negative, so this is the proof
        return Pairs.empty()
    near = rc < _MARGIN_MINUTES / MINUTES_PER_UNIT
    found, rc = found.take(np.flatnonzero(near)), rc[near]
    fresh = ~_member(keys, found.req * m + found.vol)
    found, rc = found.take(np.flatnonzero(fresh)), rc[fresh]
    keep = (_rank_within(found.req, rc) < _ADD_PER_REQUEST) | (_rank_within(found.vol, rc) < _ADD_PER_VOLUNTEER)
    found = found.take(np.flatnonzero(keep))
    _, first = np.unique(found.req * m + found.vol, return_index=True)
    return found.take(first)


__all__ = ["DEFAULT_CANDIDATES", "METHODS", "MINUTES_PER_UNIT", "assign_optimal", "tier_rewards", "to_units"]
