"""Location-allocation: choose sites among candidates for demand within reach (MCLP, p-median, LSCP), each with
fixed sites and a capacitated variant, solved exactly by HiGHS (`scipy.optimize.milp`) after a reduction that
provably keeps the optimum.

Input: demand weights (n,), the pairs (demand, candidate, cost) within the threshold (`Reach`, sparse: only
pairs in reach exist), the model, K, fixed candidates, capacities and whether demand may be split.

Models (y_j = 1: candidate j open; x_ij: the share of demand i that site j serves; z_i: demand i covered):
- MCLP: max sum w_i z_i, z_i <= sum_{j in N_i} y_j, sum y <= K. Capacitated: max sum w_i x_ij,
  sum_j x_ij <= 1, x_ij <= y_j, sum_i w_i x_ij <= cap_j y_j.
- p-median: min sum w_i c_ij x_ij, sum_j x_ij = 1 for every demand in reach, x_ij <= y_j, sum y <= K
  (only pairs in reach: a threshold makes it a p-median with a maximum distance). Capacitated: plus
  sum_i w_i x_ij <= cap_j y_j.
- LSCP: min sum y, every demand in reach covered (sum_{j in N_i} y_j >= 1). Capacitated: sum_j x_ij = 1,
  x_ij <= y_j, sum_i w_i x_ij <= cap_j y_j.
- `split=False` makes every x_ij binary: a demand point is served whole by one site.
- "sum y <= K" rather than "= K": more sites never cover less nor cost more, so the optimum is the same; a
  site that would add nothing is simply not chosen (fewer than K sites can be returned).

Reductions (`reduce=True`), each kept only where it provably keeps the optimum:
- demand nobody can reach, and demand of weight 0, dropped (all models: they add nothing and need nothing);
  reported with their weight;
- demand points with the same coverage set merged, weights summed: valid for MCLP and LSCP uncapacitated
  and for every split capacitated variant (a merged point's flow splits back in proportion to the weights);
  for p-median only rows with the same costs too; never for unsplit capacitated variants (merging would force
  the points onto one site);
- dominated candidates removed: a candidate whose coverage set is a subset of another's (equal sets: one
  kept) — valid only for uncapacitated MCLP and LSCP (swapping it for its dominator covers at least as much);
  not for p-median (costs differ) nor for capacitated variants (the dominator's capacity may be used up);
  a fixed candidate is never removed;
- for LSCP also dominated demand: a point whose coverage set contains another point's is covered whenever
  that one is;
- candidates that reach no demand left removed (all models; fixed ones kept).

Solving: the LP relaxation first (`lp_first`); when its integer variables come out integral it is optimal
for the MILP (reduced uncapacitated MCLP often is), else the MILP with `mip_rel_gap=0` so "optimal" means
proven. A time limit returns the best solution found with HiGHS's dual bound (scipy >= 1.9:
`res.mip_dual_bound`). Status codes: `optimal`, `time_limit` (a solution and its bound), `no_solution`
(time ran out before any), `infeasible`.

Per chosen site, in the order a greedy reading adds them (rank 1 adds the most): for uncapacitated MCLP and
LSCP, the weight it newly covers given the sites ranked before; for p-median and capacitated variants, the
demand the solution allocates to it (ranked by that). Errors are `LocationError` with a code and detail;
the text is made where it is shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, hstack, identity, vstack

_INT_TOL = 1e-6


class Model(str, Enum):
    MCLP = "mclp"
    PMEDIAN = "pmedian"
    LSCP = "lscp"


class SolveStatus(str, Enum):
    OPTIMAL = "optimal"
    TIME_LIMIT = "time_limit"  # the best solution found when time ran out, with its bound
    NO_SOLUTION = "no_solution"  # time ran out before any solution
    INFEASIBLE = "infeasible"  # e.g. capacities too small to cover all demand, K too small for p-median


class LocationError(ValueError):
    """Bad input, by code: k_required, k_not_positive, k_exceeds_candidates, fixed_exceed_k, fixed_unknown,
    bad_weights, bad_capacity, bad_reach, no_candidate_in_reach. `detail` holds the numbers."""

    def __init__(self, code: str, **detail) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Reach:
    """The demand-candidate pairs within the threshold and their cost (minutes or km); nothing else exists."""

    demand: np.ndarray  # int, index into the demand points
    candidate: np.ndarray  # int, index into the candidates
    cost: np.ndarray  # float >= 0
    n_demand: int
    n_candidates: int

    @classmethod
    def from_matrix(cls, cost: np.ndarray, threshold: Optional[float] = None) -> Reach:
        """From a dense (demand x candidates) cost matrix: pairs with a finite cost (<= threshold if given)."""
        cost = np.asarray(cost, np.float64)
        ok = np.isfinite(cost)
        if threshold is not None:
            ok &= cost <= threshold
        d, c = np.nonzero(ok)
        return cls(d, c, cost[d, c], cost.shape[0], cost.shape[1])


@dataclass(frozen=True)
class Problem:
    model: Model
    weights: np.ndarray  # (n_demand,) >= 0
    reach: Reach
    k: Optional[int] = None  # MCLP and p-median: at most K sites, fixed ones included; LSCP: ignored
    fixed: Sequence[int] = ()  # candidates kept open
    capacity: Optional[np.ndarray] = None  # (n_candidates,): the capacitated variant
    split: bool = True  # capacitated: may one demand point be served by several sites


@dataclass
class Reductions:
    demand_unreachable: int = 0
    unreachable_weight: float = 0.0
    demand_zero_weight: int = 0
    demand_merged: int = 0  # rows removed by merging equal coverage sets
    demand_dominated: int = 0  # LSCP only
    candidates_dominated: int = 0
    candidates_useless: int = 0  # reach no demand
    demand_rows: int = 0  # rows and columns the solver was given
    candidate_columns: int = 0
    variables_fixed: int = 0  # 0/1 variables fixed by reduced costs against the incumbent
    notes: list[str] = field(default_factory=list)  # which reductions were applied (codes)


@dataclass
class Allocation:
    demand: np.ndarray  # original demand index
    site: np.ndarray  # original candidate index
    fraction: np.ndarray  # share of the demand point's weight (1 unless split)
    cost: np.ndarray


@dataclass
class Solution:
    model: Model
    status: SolveStatus
    sites: np.ndarray  # chosen candidates, in greedy rank order (rank 1 first)
    added: np.ndarray  # per site: the demand it adds in that order
    served: np.ndarray  # per site: the demand allocated to it
    fixed: np.ndarray  # per site: bool
    allocation: Allocation
    objective: Optional[float]  # MCLP: covered weight; p-median: weighted cost; LSCP: number of sites
    bound: Optional[float]  # proven bound (>= objective for MCLP, <= for p-median and LSCP)
    gap: Optional[float]  # relative gap, 0 when proven optimal
    covered_weight: float
    total_weight: float
    unreachable: np.ndarray  # demand indices nobody can reach
    reductions: Reductions
    method: str  # lp_integral / milp
    seconds: float
    mip_nodes: int = 0


# ---------------------------------------------------------------------------------------------- validation


def _checked(problem: Problem) -> tuple[np.ndarray, Reach, np.ndarray, Optional[np.ndarray]]:
    r = problem.reach
    w = np.asarray(problem.weights, np.float64).ravel()
    if len(w) != r.n_demand or not np.all(np.isfinite(w)) or np.any(w < 0):
        raise LocationError("bad_weights", n=len(w), expected=r.n_demand)
    d = np.asarray(r.demand, np.int64).ravel()
    c = np.asarray(r.candidate, np.int64).ravel()
    cost = np.asarray(r.cost, np.float64).ravel()
    if not (len(d) == len(c) == len(cost)) or (len(d) and (d.min() < 0 or d.max() >= r.n_demand)):
        raise LocationError("bad_reach")
    if len(c) and (c.min() < 0 or c.max() >= r.n_candidates) or not np.all(np.isfinite(cost)) or np.any(cost < 0):
        raise LocationError("bad_reach")
    fixed = np.unique(np.asarray(list(problem.fixed), np.int64))
    if len(fixed) and (fixed.min() < 0 or fixed.max() >= r.n_candidates):
        raise LocationError("fixed_unknown", n_candidates=r.n_candidates)
    if problem.model != Model.LSCP:
        if problem.k is None:
            raise LocationError("k_required")
        if problem.k < 1:
            raise LocationError("k_not_positive", k=problem.k)
        if problem.k > r.n_candidates:
            raise LocationError("k_exceeds_candidates", k=problem.k, candidates=r.n_candidates)
        if len(fixed) > problem.k:
            raise LocationError("fixed_exceed_k", k=problem.k, fixed=len(fixed))
    cap = None
    if problem.capacity is not None:
        cap = np.asarray(problem.capacity, np.float64).ravel()
        if len(cap) != r.n_candidates or not np.all(np.isfinite(cap)) or np.any(cap < 0):
            raise LocationError("bad_capacity", n=len(cap), expected=r.n_candidates)
    if len(d) == 0 or not np.any(w[d] > 0):
        raise LocationError("no_candidate_in_reach", demand=r.n_demand, candidates=r.n_candidates)
    # one pair per (demand, candidate): the cheapest
    order = np.lexsort((cost, c, d))
    d, c, cost = d[order], c[order], cost[order]
    first = np.ones(len(d), bool)
    first[1:] = (d[1:] != d[:-1]) | (c[1:] != c[:-1])
    return w, Reach(d[first], c[first], cost[first], r.n_demand, r.n_candidates), fixed, cap


# ---------------------------------------------------------------------------------------------- reduction


@dataclass
class _Reduced:
    weights: np.ndarray  # (rows,)
    groups: list[np.ndarray]  # per row: the original demand indices merged into it
    columns: np.ndarray  # per column: the original candidate index
    matrix: csr_matrix  # rows x columns, cost + 1 stored (0 means no pair)
    fixed_cols: np.ndarray  # bool per column
    capacity: Optional[np.ndarray]  # per column


def _row_keys(m: csr_matrix, with_costs: bool) -> list[bytes]:
    keys = []
    for i in range(m.shape[0]):
        a, b = m.indptr[i], m.indptr[i + 1]
        key = m.indices[a:b].tobytes()
        if with_costs:
            key += b"|" + m.data[a:b].tobytes()
        keys.append(key)
    return keys


def _merge_rows(m: csr_matrix, w: np.ndarray, groups: list[np.ndarray], with_costs: bool):
    keys = _row_keys(m, with_costs)
    first: dict[bytes, int] = {}
    label = np.empty(len(keys), np.int64)
    for i, key in enumerate(keys):
        label[i] = first.setdefault(key, len(first))
    if len(first) == len(keys):
        return m, w, groups, 0
    keep = np.zeros(len(first), np.int64)
    keep[label[::-1]] = np.arange(len(keys))[::-1]  # the first row of each label
    new_w = np.bincount(label, weights=w, minlength=len(first))
    members: list[list[np.ndarray]] = [[] for _ in range(len(first))]
    for i, g in enumerate(groups):
        members[label[i]].append(g)
    return m[keep], new_w, [np.concatenate(x) for x in members], len(keys) - len(first)


def _dominated(a: csr_matrix, protect: np.ndarray, superset_wins: bool = True) -> np.ndarray:
    """Columns of the 0/1 pattern of `a` that another column makes redundant; protected columns never.

    superset_wins (candidates): a column whose row set is a subset of another's goes. Otherwise (LSCP
    demand, as columns of the transpose): a column whose set contains another's goes. Equal sets: one kept,
    a protected one first, then the lowest index. Sound to drop all at once: dominance by a column of
    smaller key is transitive, so every chain ends at a column that stays."""
    b = (a > 0).astype(np.int32).tocsc()
    size = np.asarray(b.sum(axis=0)).ravel()
    overlap = (b.T @ b).tocoo()
    n = b.shape[1]
    key = np.lexsort((np.arange(n), ~protect, -size if superset_wins else size))
    rank = np.empty(n, np.int64)
    rank[key] = np.arange(n)
    i, j, v = overlap.row, overlap.col, overlap.data
    inside = v == size[i] if superset_wins else v == size[j]  # i within j / j within i
    sub = (i != j) & inside & (rank[j] < rank[i])
    out = np.zeros(n, bool)
    out[i[sub]] = True
    return out & ~protect


def _reduce(problem: Problem, w, reach: Reach, fixed, cap, reduce: bool) -> tuple[_Reduced, Reductions]:
    red = Reductions()
    model, capacitated = problem.model, cap is not None
    reachable = np.zeros(reach.n_demand, bool)
    reachable[reach.demand] = True
    red.demand_unreachable = int((~reachable).sum())
    red.unreachable_weight = float(w[~reachable].sum())
    rows = np.nonzero(reachable & (w > 0))[0]
    red.demand_zero_weight = int((reachable & (w <= 0)).sum())
    row_of = np.full(reach.n_demand, -1)
    row_of[rows] = np.arange(len(rows))
    sel = row_of[reach.demand] >= 0
    m = csr_matrix(
        (reach.cost[sel] + 1.0, (row_of[reach.demand[sel]], reach.candidate[sel])),
        shape=(len(rows), reach.n_candidates),
    )
    m.sort_indices()
    weights = w[rows]
    groups = [np.array([r]) for r in rows]
    is_fixed = np.zeros(reach.n_candidates, bool)
    is_fixed[fixed] = True
    columns = np.arange(reach.n_candidates)
    covering = model in (Model.MCLP, Model.LSCP)
    if reduce:
        if not capacitated or problem.split:
            with_costs = model == Model.PMEDIAN
            cover_m = m if with_costs else m.copy()
            if not with_costs:
                cover_m.data[:] = 1.0
            merged_m, weights, groups, red.demand_merged = _merge_rows(cover_m, weights, groups, with_costs)
            if red.demand_merged:
                red.notes.append("merge_equal_coverage" if not with_costs else "merge_equal_costs")
            # keep the costs of the first row of each group (equal sets; equal costs for p-median)
            m = merged_m if with_costs else _rows_with_costs(m, groups, rows)
        if covering and not capacitated:
            dom = _dominated(m, is_fixed)
            red.candidates_dominated = int(dom.sum())
            if red.candidates_dominated:
                red.notes.append("dominated_candidates")
            keep = ~dom
            m, columns, is_fixed = m[:, keep], columns[keep], is_fixed[keep]
            if cap is not None:
                cap = cap[keep]
            if model == Model.LSCP:
                # a row whose set contains another row's set is covered whenever that one is
                rdom = _dominated(m.T.tocsr(), np.zeros(m.shape[0], bool), superset_wins=False)
                red.demand_dominated = int(rdom.sum())
                if red.demand_dominated:
                    red.notes.append("dominated_demand")
                    keep_r = ~rdom
                    groups = [g for g, k in zip(groups, keep_r) if k]
                    m, weights = m[keep_r], weights[keep_r]
    # columns reaching nothing: useless unless fixed
    used = np.asarray((m > 0).sum(axis=0)).ravel() > 0
    useless = ~used & ~is_fixed
    red.candidates_useless = int(useless.sum())
    keep = ~useless
    m, columns, is_fixed = m[:, keep].tocsr(), columns[keep], is_fixed[keep]
    cap_cols = cap[columns] if cap is not None else None
    red.demand_rows, red.candidate_columns = m.shape
    return _Reduced(weights, groups, columns, m, is_fixed, cap_cols), red


def _rows_with_costs(m: csr_matrix, groups: list[np.ndarray], rows: np.ndarray) -> csr_matrix:
    """The cost rows of each group's first member (row indices of `m` are positions in `rows`)."""
    pos = np.full(rows.max() + 1 if len(rows) else 1, -1)
    pos[rows] = np.arange(len(rows))
    return m[np.array([pos[g[0]] for g in groups], np.int64)]


# ---------------------------------------------------------------------------------------------- formulation


@dataclass
class _Milp:
    c: np.ndarray
    constraints: list[LinearConstraint]
    bounds: Bounds
    integrality: np.ndarray
    n_y: int
    pairs: Optional[tuple[np.ndarray, np.ndarray, np.ndarray]]  # (row, col, cost) of the x variables
    sense: float  # +1 minimise, -1 maximise (c is negated)


def _formulate(model: Model, red: _Reduced, k: Optional[int], capacitated: bool, split: bool) -> _Milp:
    m = red.matrix.tocoo()
    n_rows, n_y = red.matrix.shape
    w = red.weights
    lb_y = red.fixed_cols.astype(np.float64)
    ones_y = np.ones(n_y)
    cons: list[LinearConstraint] = []
    k_row = csr_matrix(ones_y[None, :])
    if not capacitated and model in (Model.MCLP, Model.LSCP):
        cover = csr_matrix((np.ones(m.nnz), (m.row, m.col)), shape=(n_rows, n_y))
        if model == Model.LSCP:
            cons.append(LinearConstraint(cover, lb=1.0, ub=np.inf))
            return _Milp(ones_y, cons, Bounds(lb_y, ones_y), np.ones(n_y), n_y, None, 1.0)
        # MCLP: vars y, z
        a = hstack([-cover, identity(n_rows, format="csr")]).tocsr()
        cons.append(LinearConstraint(a, lb=-np.inf, ub=0.0))
        cons.append(LinearConstraint(hstack([k_row, csr_matrix((1, n_rows))]).tocsr(), lb=0, ub=k))
        c = np.concatenate([np.zeros(n_y), -w])
        bounds = Bounds(np.concatenate([lb_y, np.zeros(n_rows)]), np.ones(n_y + n_rows))
        integrality = np.concatenate([np.ones(n_y), np.zeros(n_rows)])
        return _Milp(c, cons, bounds, integrality, n_y, None, -1.0)
    # x-variable formulations: p-median, and every capacitated variant
    p = m.nnz
    pr, pc, pcost = m.row, m.col, m.data - 1.0
    xi = np.arange(p)
    per_row = csr_matrix((np.ones(p), (pr, xi)), shape=(n_rows, p))
    if not capacitated:
        # x_ij - y_j <= 0. With capacities the row sum_i w_i x_ij <= cap_j y_j already forces y_j = 1 wherever
        # x_ij > 0 (every weight left is > 0), so the per-pair links are left out: the same integer solutions,
        # and an LP 80 times faster on the cmclp bench (2 s instead of 175 s), at the price of a weaker bound.
        link = hstack([csr_matrix((-np.ones(p), (xi, pc)), shape=(p, n_y)), identity(p, format="csr")]).tocsr()
        cons.append(LinearConstraint(link, lb=-np.inf, ub=0.0))
    if model == Model.MCLP:
        cons.append(LinearConstraint(hstack([csr_matrix((n_rows, n_y)), per_row]).tocsr(), lb=0.0, ub=1.0))
    else:
        cons.append(LinearConstraint(hstack([csr_matrix((n_rows, n_y)), per_row]).tocsr(), lb=1.0, ub=1.0))
    if capacitated:
        load = csr_matrix((w[pr], (pc, xi)), shape=(n_y, p))
        cap_m = hstack([csr_matrix((-red.capacity, (np.arange(n_y), np.arange(n_y))), shape=(n_y, n_y)), load])
        cons.append(LinearConstraint(cap_m.tocsr(), lb=-np.inf, ub=0.0))
    if model != Model.LSCP:
        cons.append(LinearConstraint(hstack([k_row, csr_matrix((1, p))]).tocsr(), lb=0, ub=k))
    if model == Model.MCLP:
        c, sense = np.concatenate([np.zeros(n_y), -w[pr]]), -1.0
    elif model == Model.PMEDIAN:
        c, sense = np.concatenate([np.zeros(n_y), w[pr] * pcost]), 1.0
    else:
        c, sense = np.concatenate([ones_y, np.zeros(p)]), 1.0
    bounds = Bounds(np.concatenate([lb_y, np.zeros(p)]), np.ones(n_y + p))
    x_int = 0.0 if split else 1.0
    integrality = np.concatenate([np.ones(n_y), np.full(p, x_int)])
    return _Milp(c, cons, bounds, integrality, n_y, (pr, pc, pcost), sense)


# ---------------------------------------------------------------------------------------------- solving


def _integral(x: np.ndarray, integrality: np.ndarray) -> bool:
    v = x[integrality > 0]
    return bool(np.all(np.abs(v - np.round(v)) <= _INT_TOL))


def _mclp_incumbent(red: _Reduced, k: int) -> tuple[np.ndarray, float]:
    """A good MCLP solution on the reduced model: greedy, then best-improvement swaps (one site out, one in)
    until none helps. Only an incumbent for the proof below, never the answer unless it is proven optimal."""
    a = (red.matrix > 0).astype(np.float64).tocsr()
    at = a.T.tocsr()
    w = red.weights
    n_cols = a.shape[1]
    chosen = list(np.nonzero(red.fixed_cols)[0])
    count = np.asarray(a[:, chosen].sum(axis=1)).ravel() if chosen else np.zeros(a.shape[0])
    while len(chosen) < k:
        gain = at @ (w * (count == 0))
        gain[chosen] = -1.0
        j = int(np.argmax(gain))
        if gain[j] <= 0:
            break
        chosen.append(j)
        count += a[:, j].toarray().ravel()
    movable = [s for s in chosen if not red.fixed_cols[s]]
    for _ in range(10 * max(1, k)):
        if not movable:
            break
        gain = at @ (w * (count == 0))
        cols = np.array(movable)
        sub = a[:, cols].tocsc()
        unique = sub.multiply((count == 1)[:, None]).tocsc()  # rows only this site covers
        loss = np.asarray(unique.T @ w).ravel()
        both = (at @ unique.multiply(w[:, None])).toarray()  # (candidates x movable): kept if swapped in
        delta = gain[:, None] + both - loss[None, :]
        delta[chosen, :] = -np.inf
        j, t = np.unravel_index(int(np.argmax(delta)), delta.shape)
        if delta[j, t] <= 1e-9 * max(1.0, float(w.sum())):
            break
        out = movable[t]
        count += a[:, j].toarray().ravel() - a[:, out].toarray().ravel()
        chosen[chosen.index(out)] = int(j)
        movable[t] = int(j)
    y = np.zeros(n_cols)
    y[chosen] = 1.0
    return y, float(w[count > 0].sum())


def _as_linprog(f: _Milp):
    ub_rows, ub, eq_rows, eq = [], [], [], []
    for con in f.constraints:
        a = csr_matrix(con.A)
        lb, hi = np.broadcast_to(con.lb, a.shape[0]), np.broadcast_to(con.ub, a.shape[0])
        is_eq = lb == hi
        if is_eq.any():
            eq_rows.append(a[is_eq])
            eq.append(hi[is_eq])
        up = ~is_eq & np.isfinite(hi)
        if up.any():
            ub_rows.append(a[up])
            ub.append(hi[up])
        low = ~is_eq & np.isfinite(lb)
        if low.any():
            ub_rows.append(-a[low])
            ub.append(-lb[low])
    a_ub = vstack(ub_rows).tocsr() if ub_rows else None
    a_eq = vstack(eq_rows).tocsr() if eq_rows else None
    return a_ub, (np.concatenate(ub) if ub else None), a_eq, (np.concatenate(eq) if eq else None)


def _lp(f: _Milp, bounds: Bounds, time_limit: Optional[float] = None):
    a_ub, b_ub, a_eq, b_eq = _as_linprog(f)
    options = {} if time_limit is None else {"time_limit": max(0.01, float(time_limit))}
    return linprog(
        f.c,
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=a_eq,
        b_eq=b_eq,
        bounds=np.column_stack((bounds.lb, bounds.ub)),
        method="highs",
        options=options,
    )


def _capacitated_mclp_incumbent(red: _Reduced, k: int, split: bool, f: _Milp) -> np.ndarray:
    """A feasible capacitated MCLP solution (x in the formulation's variables): fixed sites first, then the
    site that can serve the most of what is left (up to its capacity), each serving first the demand with the
    fewest candidates in reach; unsplit, only whole points that fit."""
    pr, pc, _ = f.pairs
    n_y = f.n_y
    w = red.weights
    left = w.copy()
    degree = np.bincount(pr, minlength=len(w))
    by_col = csr_matrix((np.arange(len(pr)) + 1, (pc, pr)), shape=(n_y, len(w)))  # pair index + 1
    x = np.zeros(len(f.c))
    y = x[:n_y]
    cap = red.capacity

    def serve(j: int) -> None:
        a, b = by_col.indptr[j], by_col.indptr[j + 1]
        rows, pairs = by_col.indices[a:b], by_col.data[a:b] - 1
        order = np.lexsort((rows, degree[rows]))
        room = cap[j]
        for r, q in zip(rows[order], pairs[order]):
            if room <= 0:
                break
            if left[r] <= 0 or (not split and left[r] > room):
                continue
            amount = min(left[r], room)
            x[n_y + q] = amount / w[r]
            left[r] -= amount
            room -= amount
        y[j] = 1.0

    for j in np.nonzero(red.fixed_cols)[0]:
        serve(int(j))
    reach_rows = by_col.copy()
    reach_rows.data = np.ones_like(reach_rows.data, dtype=np.float64)
    while int(y.sum()) < k:
        potential = np.minimum(cap, np.asarray(reach_rows @ left).ravel())
        potential[y > 0] = -1.0
        j = int(np.argmax(potential))
        if potential[j] <= 0:
            break
        serve(j)
    return x


def _fix_by_reduced_costs(f: _Milp, lp, incumbent_min: float) -> tuple[Bounds, int]:
    """Fix integer variables that cannot be in a solution better than the incumbent.

    The LP's dual solution bounds every feasible point: c.x >= LP + sum r_j (x_j - lb_j) + sum |u_j| (ub_j - x_j)
    (r, u: the reduced costs at the lower / upper bounds). A 0/1 variable at 0 with LP + r_j >= incumbent
    cannot be 1 in a strictly better solution (likewise at 1), so fixing it keeps every better optimum; the
    answer is then the better of the restricted optimum and the incumbent. A margin covers float noise."""
    lb, ub = f.bounds.lb.copy(), f.bounds.ub.copy()
    margin = 1e-7 * max(1.0, abs(incumbent_min))
    r = np.asarray(lp.lower.marginals, np.float64)
    u = -np.asarray(lp.upper.marginals, np.float64)
    x = lp.x
    ints = (f.integrality > 0) & (lb < ub)
    at_low = ints & (x <= lb + _INT_TOL) & (lp.fun + r >= incumbent_min + margin)
    at_high = ints & (x >= ub - _INT_TOL) & (lp.fun + u >= incumbent_min + margin)
    ub[at_low] = lb[at_low]
    lb[at_high] = ub[at_high]
    return Bounds(lb, ub), int(at_low.sum() + at_high.sum())


def _run_milp(f: _Milp, time_limit: Optional[float], lp_first: bool, make_incumbent=None):
    """(x, objective in the model's sense, bound, status, method, nodes, variables fixed).

    `make_incumbent()`: a feasible x (in the formulation's variables), asked for only when the LP is not
    integral, to compare with the LP bound and to fix variables by reduced costs against."""
    start = time.perf_counter()
    bounds, n_fixed = f.bounds, 0
    incumbent = inc_val = lp_bound = None

    def remaining() -> Optional[float]:
        return None if time_limit is None else float(time_limit) - (time.perf_counter() - start)

    if lp_first:
        lp = _lp(f, bounds, remaining())
        if lp.status == 2:
            return None, None, None, SolveStatus.INFEASIBLE, "lp", 0, 0
        if lp.status == 0 and _integral(lp.x, f.integrality):
            x = lp.x.copy()
            x[f.integrality > 0] = np.round(x[f.integrality > 0])
            obj = float(f.c @ x) * f.sense
            return x, obj, obj, SolveStatus.OPTIMAL, "lp_integral", 0, 0
        if lp.status == 0:
            lp_bound = float(lp.fun)
        if make_incumbent is not None:
            incumbent = make_incumbent()
            inc_val = float(f.c @ incumbent)
        if lp_bound is not None and inc_val is not None:
            if inc_val <= lp_bound + 1e-9 * max(1.0, abs(lp_bound)):  # the incumbent meets the LP bound
                obj = inc_val * f.sense
                return incumbent, obj, obj, SolveStatus.OPTIMAL, "incumbent_lp_bound", 0, 0
            bounds, n_fixed = _fix_by_reduced_costs(f, lp, inc_val)
    options = {"mip_rel_gap": 0.0}
    if time_limit is not None:
        options["time_limit"] = max(0.01, remaining())
    constraints = list(f.constraints)
    if inc_val is not None and n_fixed:
        # only solutions at least as good as the incumbent (the incumbent itself stays feasible)
        constraints.append(LinearConstraint(csr_matrix(f.c[None, :]), lb=-np.inf, ub=inc_val))
    res = milp(f.c, constraints=constraints, bounds=bounds, integrality=f.integrality, options=options)
    nodes = int(getattr(res, "mip_node_count", 0) or 0)
    method = "milp" if not n_fixed else "milp_reduced_cost_fixing"
    dual = getattr(res, "mip_dual_bound", None)
    bound = None if dual is None or not np.isfinite(dual) else float(dual)  # of the model HiGHS was given
    if n_fixed:  # what was fixed out holds nothing better than the incumbent
        bound = None if bound is None else min(bound, inc_val)
    if lp_bound is not None:  # the LP relaxation bounds the whole model
        bound = lp_bound if bound is None else max(bound, lp_bound)
    if res.x is None:
        if inc_val is not None and res.status in (0, 2):  # nothing strictly better than the incumbent
            return incumbent, inc_val * f.sense, inc_val * f.sense, SolveStatus.OPTIMAL, method, nodes, n_fixed
        if inc_val is not None:  # time ran out: the incumbent with the bound
            return incumbent, inc_val * f.sense, _sense(bound, f), SolveStatus.TIME_LIMIT, method, nodes, n_fixed
        status = SolveStatus.NO_SOLUTION if res.status == 1 else SolveStatus.INFEASIBLE
        return None, None, _sense(bound, f), status, method, nodes, n_fixed
    x = res.x.copy()
    x[f.integrality > 0] = np.round(x[f.integrality > 0])
    val = float(f.c @ x)
    if inc_val is not None and inc_val < val:
        x, val = incumbent, inc_val
    if res.status == 0:
        return x, val * f.sense, val * f.sense, SolveStatus.OPTIMAL, method, nodes, n_fixed
    return x, val * f.sense, _sense(bound, f), SolveStatus.TIME_LIMIT, method, nodes, n_fixed


def _sense(bound: Optional[float], f: _Milp) -> Optional[float]:
    return None if bound is None else bound * f.sense


def relative_gap(objective: Optional[float], bound: Optional[float]) -> Optional[float]:
    if objective is None or bound is None:
        return None
    diff = abs(bound - objective)
    if diff <= 1e-9 * max(1.0, abs(objective)):
        return 0.0
    return diff / max(abs(objective), 1e-12)


def solve(
    problem: Problem,
    time_limit: Optional[float] = None,
    reduce: bool = True,
    lp_first: bool = True,
    incumbent: bool = True,
) -> Solution:
    """Solve `problem`; raises LocationError for bad input (codes in its docstring).

    `reduce`: the reductions of the module docstring; `lp_first`: the LP relaxation before the MILP;
    `incumbent` (uncapacitated MCLP, with lp_first): greedy + swaps, then reduced-cost fixing against it."""
    start = time.perf_counter()
    w, reach, fixed, cap = _checked(problem)
    capacitated = cap is not None
    red, counts = _reduce(problem, w, reach, fixed, cap, reduce)
    k = None if problem.k is None else min(problem.k, red.matrix.shape[1] + 0)
    f = _formulate(problem.model, red, k, capacitated, problem.split)
    make = None
    if incumbent and lp_first and problem.model == Model.MCLP and f.n_y:
        if capacitated:

            def make():
                return _capacitated_mclp_incumbent(red, k, problem.split, f)

        else:

            def make():
                y, _ = _mclp_incumbent(red, k)
                z = np.minimum(1.0, np.asarray((red.matrix > 0).astype(np.float64) @ y).ravel())
                return np.concatenate([y, z])

    x, obj, bound, status, method, nodes, counts.variables_fixed = _run_milp(f, time_limit, lp_first, make)
    unreachable = np.setdiff1d(np.arange(reach.n_demand), reach.demand)
    total = float(w.sum())
    if x is None:
        empty = Allocation(*(np.zeros(0, np.int64),) * 2, np.zeros(0), np.zeros(0))
        return Solution(
            problem.model, status, np.zeros(0, np.int64), np.zeros(0), np.zeros(0), np.zeros(0, bool), empty,
            None, bound, None, 0.0, total, unreachable, counts, method, time.perf_counter() - start, nodes,
        )  # fmt: skip
    open_cols = np.nonzero(x[: f.n_y] > 0.5)[0]
    alloc = _allocation(f, red, x, open_cols, reach, w)
    sites, added, served = _greedy_order(problem.model, capacitated, red, open_cols, alloc, w)
    if problem.model == Model.MCLP:  # in the original weights (the same sum after merging)
        obj = float((w[alloc.demand] * alloc.fraction).sum())
    elif problem.model == Model.PMEDIAN:
        obj = float((w[alloc.demand] * alloc.fraction * alloc.cost).sum())
    is_fixed = np.isin(sites, fixed)
    covered = float((w[alloc.demand] * alloc.fraction).sum())
    return Solution(
        problem.model, status, sites, added, served, is_fixed, alloc, obj, bound, relative_gap(obj, bound),
        covered, total, unreachable, counts, method, time.perf_counter() - start, nodes,
    )  # fmt: skip


def _allocation(f: _Milp, red: _Reduced, x: np.ndarray, open_cols: np.ndarray, reach: Reach, w) -> Allocation:
    """Original demand -> original candidate with fractions and each pair's own cost."""
    sites = red.columns[open_cols]
    if f.pairs is None:  # uncapacitated covering: every demand point to its cheapest open site in reach
        on = np.isin(reach.candidate, sites) & (w[reach.demand] > 0)
        d, c, cost = reach.demand[on], reach.candidate[on], reach.cost[on]
        order = np.lexsort((c, cost, d))
        d, c, cost = d[order], c[order], cost[order]
        first = np.ones(len(d), bool)
        first[1:] = d[1:] != d[:-1]
        return Allocation(d[first], c[first], np.ones(int(first.sum())), cost[first])
    pr, pc, _ = f.pairs
    xv = x[f.n_y :]
    on = xv > 1e-9
    rows, cols, frac = pr[on], pc[on], np.minimum(xv[on], 1.0)
    sizes = np.array([len(red.groups[r]) for r in rows], np.int64)
    demand = np.concatenate([red.groups[r] for r in rows]) if len(rows) else np.zeros(0, np.int64)
    site = np.repeat(red.columns[cols], sizes)
    # each member's own cost to the site (merged rows share the site set, not always the costs)
    lookup = csr_matrix((reach.cost + 1.0, (reach.demand, reach.candidate)), shape=(reach.n_demand, reach.n_candidates))
    cost = np.asarray(lookup[demand, site]).ravel() - 1.0 if len(demand) else np.zeros(0)
    return Allocation(demand.astype(np.int64), site, np.repeat(frac, sizes), cost)


def _greedy_order(model: Model, capacitated: bool, red: _Reduced, open_cols, alloc: Allocation, w: np.ndarray):
    sites = red.columns[open_cols]
    served = np.zeros(len(sites))
    pos = {int(s): i for i, s in enumerate(sites)}
    for s, val in zip(alloc.site, w[alloc.demand] * alloc.fraction):
        served[pos[int(s)]] += val
    if capacitated or model == Model.PMEDIAN:
        order = np.lexsort((sites, -served))
        return sites[order], served[order], served[order]
    # covering: marginal newly covered weight, greedily among the chosen sites
    sub = (red.matrix[:, open_cols] > 0).tocsc()
    covered = np.zeros(sub.shape[0], bool)
    left = list(range(len(sites)))
    order, added = [], []
    while left:
        gains = [red.weights[sub.indices[sub.indptr[j] : sub.indptr[j + 1]]][~covered[
            sub.indices[sub.indptr[j] : sub.indptr[j + 1]]]].sum() for j in left]  # fmt: skip
        best = max(range(len(left)), key=lambda t: (gains[t], -sites[left[t]]))
        j = left.pop(best)
        order.append(j)
        added.append(gains[best])
        covered[sub.indices[sub.indptr[j] : sub.indptr[j + 1]]] = True
    order = np.asarray(order, np.int64)
    return sites[order], np.asarray(added, np.float64), served[order]


def greedy_mclp(problem: Problem) -> tuple[np.ndarray, float]:
    """The classic greedy MCLP (fixed sites first, then the largest marginal gain): a lower bound, the
    anchor-free reading an analyst would do by hand. Returns (sites, covered weight)."""
    w, reach, fixed, _ = _checked(problem)
    m = csr_matrix((np.ones(len(reach.demand)), (reach.candidate, reach.demand)), shape=(reach.n_candidates, len(w)))
    covered = np.zeros(len(w), bool)
    chosen = list(fixed)
    for j in fixed:
        covered[m.indices[m.indptr[j] : m.indptr[j + 1]]] = True
    gain = np.asarray(m @ (w * ~covered)).ravel()
    while len(chosen) < problem.k:
        gain[chosen] = -1
        j = int(np.argmax(gain))
        if gain[j] <= 0:
            break
        chosen.append(j)
        newly = m.indices[m.indptr[j] : m.indptr[j + 1]]
        newly = newly[~covered[newly]]
        covered[newly] = True
        if len(newly):
            delta = csr_matrix((w[newly], (newly, np.zeros(len(newly), np.int64))), shape=(len(w), 1))
            gain -= np.asarray((m @ delta).todense()).ravel()
    return np.asarray(chosen, np.int64), float(w[covered].sum())


__all__ = [
    "Allocation",
    "LocationError",
    "Model",
    "Problem",
    "Reach",
    "Reductions",
    "Solution",
    "SolveStatus",
    "greedy_mclp",
    "relative_gap",
    "solve",
]
