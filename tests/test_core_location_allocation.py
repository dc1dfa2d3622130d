"""core.location_allocation against brute force on small seeded random instances: every model and its
capacitated variants (split and unsplit), with and without reduction, fixed sites, a time-limited run's bound,
and the input errors by code."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from scipy.optimize import linprog

from jitasa_qgis.core.location_allocation import (
    LocationError,
    Model,
    Problem,
    Reach,
    SolveStatus,
    greedy_mclp,
    solve,
)

SEEDS = range(40)


def _instance(seed: int, n: int = 7, m: int = 5, density: float = 0.45, dup: bool = True):
    """Random demand weights and pairs; some demand duplicated (merging), some unreachable."""
    rng = np.random.default_rng(seed)
    cost = np.where(rng.random((n, m)) < density, rng.integers(1, 20, (n, m)).astype(float), np.inf)
    if dup and n > 3:
        cost[1] = cost[0]  # same coverage set and costs
        cost[2] = np.where(np.isfinite(cost[0]), cost[0] + 1, np.inf)  # same set, other costs
    w = rng.integers(0, 10, n).astype(float)
    return w, Reach.from_matrix(cost), cost


def _covered_mclp(cost, w, subset) -> float:
    if not subset:
        return 0.0
    reach = np.isfinite(cost[:, list(subset)]).any(axis=1)
    return float(w[reach].sum())


def _pmedian_cost(cost, w, subset) -> float:
    """inf when some demand in reach of any candidate has no open site in reach."""
    any_reach = np.isfinite(cost).any(axis=1) & (w > 0)
    best = cost[:, list(subset)].min(axis=1) if subset else np.full(len(w), np.inf)
    if np.any(~np.isfinite(best[any_reach])):
        return np.inf
    return float((w[any_reach] * best[any_reach]).sum())


def _transport(cost, w, cap, subset, model: Model):
    """Split capacitated allocation for an open set, by linprog on its own formulation: MCLP -> max served,
    else the min cost (p-median) or feasibility (LSCP) of serving all demand in reach."""
    pairs = [(i, j) for i in range(len(w)) for j in subset if np.isfinite(cost[i, j]) and w[i] > 0]
    needed = [i for i in range(len(w)) if w[i] > 0 and np.isfinite(cost[i]).any()]
    if not pairs:
        return 0.0 if model == Model.MCLP else (0.0 if not needed else np.inf)
    # variables: amount a_ij served (in weight units)
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    for i in range(len(w)):
        row = [1.0 if p[0] == i else 0.0 for p in pairs]
        if model == Model.MCLP:
            a_ub.append(row)
            b_ub.append(w[i])
        elif i in needed:
            a_eq.append(row)
            b_eq.append(w[i])
    for j in subset:
        a_ub.append([1.0 if p[1] == j else 0.0 for p in pairs])
        b_ub.append(cap[j])
    if model == Model.MCLP:
        c = [-1.0] * len(pairs)
    elif model == Model.PMEDIAN:
        c = [cost[i, j] for i, j in pairs]
    else:
        c = [0.0] * len(pairs)
    res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq or None, b_eq=b_eq or None, bounds=(0, None), method="highs")
    if res.status != 0:
        return np.inf
    return -res.fun if model == Model.MCLP else res.fun


def _unsplit(cost, w, cap, subset, model: Model):
    """Unsplit capacitated allocation by enumerating each demand point's site (or none, for MCLP)."""
    options = []
    for i in range(len(w)):
        opts = [j for j in subset if np.isfinite(cost[i, j])] if w[i] > 0 else []
        if model == Model.MCLP or w[i] == 0:
            opts = [None] + opts
        elif not np.isfinite(cost[i]).any():
            opts = [None]
        elif not opts:
            return np.inf
        options.append(opts)
    best = -np.inf if model == Model.MCLP else np.inf
    for choice in itertools.product(*options):
        load = {j: 0.0 for j in subset}
        for i, j in enumerate(choice):
            if j is not None:
                load[j] += w[i]
        if any(load[j] > cap[j] + 1e-9 for j in subset):
            continue
        if model == Model.MCLP:
            best = max(best, sum(w[i] for i, j in enumerate(choice) if j is not None))
        elif model == Model.PMEDIAN:
            best = min(best, sum(w[i] * cost[i, j] for i, j in enumerate(choice) if j is not None))
        else:
            best = 0.0
    return best


def _brute(model: Model, cost, w, k=None, fixed=(), cap=None, split=True):
    """The optimum over every open set (containing the fixed sites; at most K of them)."""
    m = cost.shape[1]
    sizes = range(len(fixed), (k if model != Model.LSCP else m) + 1)
    best = -np.inf if model == Model.MCLP else np.inf
    for size in sizes:
        for subset in itertools.combinations(range(m), size):
            if not set(fixed) <= set(subset):
                continue
            if cap is None:
                if model == Model.MCLP:
                    val = _covered_mclp(cost, w, subset)
                elif model == Model.PMEDIAN:
                    val = _pmedian_cost(cost, w, subset)
                else:
                    need = np.isfinite(cost).any(axis=1) & (w > 0)
                    ok = np.isfinite(cost[:, list(subset)]).any(axis=1) if subset else np.zeros(len(w), bool)
                    val = float(size) if np.all(ok[need]) else np.inf
            else:
                alloc = (_transport if split else _unsplit)(cost, w, cap, list(subset), model)
                if model == Model.LSCP:
                    val = float(size) if np.isfinite(alloc) else np.inf
                else:
                    val = alloc
            best = max(best, val) if model == Model.MCLP else min(best, val)
    return best


def _check(model: Model, seed: int, capacitated: bool, split: bool, fixed=()):
    w, reach, cost = _instance(seed, n=6 if capacitated and not split else 7)
    if not (w[np.isfinite(cost).any(axis=1)] > 0).any():
        return
    k = 2
    cap = None
    if capacitated:
        cap = np.random.default_rng(seed + 1000).integers(4, 16, cost.shape[1]).astype(float)
    expected = _brute(model, cost, w, k=k, fixed=fixed, cap=cap, split=split)
    for reduce in (True, False):
        sol = solve(Problem(model, w, reach, k=k, fixed=fixed, capacity=cap, split=split), reduce=reduce)
        if not np.isfinite(expected):
            assert sol.status == SolveStatus.INFEASIBLE, (seed, reduce)
            continue
        assert sol.status == SolveStatus.OPTIMAL, (seed, reduce, sol.status)
        assert sol.objective == pytest.approx(expected, rel=1e-6, abs=1e-5), (seed, reduce)
        assert sol.gap == 0.0
        assert set(fixed) <= set(sol.sites.tolist())
        if model != Model.LSCP:
            assert len(sol.sites) <= k
        # the allocation is consistent: only open sites, only pairs in reach, shares at most 1
        assert set(sol.allocation.site.tolist()) <= set(sol.sites.tolist())
        assert np.all(np.isfinite(cost[sol.allocation.demand, sol.allocation.site]))
        share = np.bincount(sol.allocation.demand, sol.allocation.fraction, minlength=len(w))
        assert np.all(share <= 1 + 1e-6)
        if capacitated:
            load = np.bincount(sol.allocation.site, w[sol.allocation.demand] * sol.allocation.fraction, len(cap))
            assert np.all(load <= cap + 1e-5)
            if not split:
                assert np.allclose(sol.allocation.fraction, 1.0)
        if model == Model.MCLP:
            assert sol.added.sum() == pytest.approx(sol.objective)
            assert np.all(np.diff(sol.added) <= 1e-9)  # rank 1 adds the most


@pytest.mark.parametrize("model", list(Model))
@pytest.mark.parametrize("seed", SEEDS)
def test_uncapacitated_equals_brute_force(model, seed):
    _check(model, seed, capacitated=False, split=True)


@pytest.mark.parametrize("model", list(Model))
@pytest.mark.parametrize("seed", SEEDS)
def test_capacitated_split_equals_brute_force(model, seed):
    _check(model, seed, capacitated=True, split=True)


@pytest.mark.parametrize("model", list(Model))
@pytest.mark.parametrize("seed", range(20))
def test_capacitated_unsplit_equals_brute_force(model, seed):
    _check(model, seed, capacitated=True, split=False)


@pytest.mark.parametrize("model", list(Model))
@pytest.mark.parametrize("capacitated", [False, True])
@pytest.mark.parametrize("seed", range(15))
def test_fixed_sites_stay_chosen(model, capacitated, seed):
    _check(model, seed, capacitated=capacitated, split=True, fixed=(seed % 5,))


def test_reductions_are_counted():
    # demand 0 and 1 share a coverage set; demand 3 reaches nobody; candidate 1 covers a subset of candidate 0
    inf = np.inf
    cost = np.array([[1.0, 2.0, inf], [3.0, 1.0, inf], [2.0, inf, inf], [inf, inf, inf], [inf, inf, 4.0]])
    w = np.array([5.0, 4.0, 3.0, 9.0, 1.0])
    sol = solve(Problem(Model.MCLP, w, Reach.from_matrix(cost), k=1))
    r = sol.reductions
    assert (r.demand_unreachable, r.unreachable_weight) == (1, 9.0)
    assert sol.unreachable.tolist() == [3]
    assert r.demand_merged == 1 and r.candidates_dominated == 1
    assert sol.sites.tolist() == [0] and sol.objective == 12.0
    # p-median: the costs differ, so neither reduction applies
    pm = solve(Problem(Model.PMEDIAN, w, Reach.from_matrix(cost), k=2))
    assert pm.reductions.demand_merged == 0 and pm.reductions.candidates_dominated == 0


def test_lscp_dominated_demand():
    inf = np.inf
    cost = np.array([[1.0, inf, inf], [1.0, 1.0, inf], [inf, inf, 1.0]])
    sol = solve(Problem(Model.LSCP, np.ones(3), Reach.from_matrix(cost)))
    assert sol.reductions.demand_dominated == 1
    assert sol.objective == 2 and sorted(sol.sites.tolist()) == [0, 2]


def test_time_limited_bound_is_honest():
    """A run stopped early: its objective is at most the optimum and its bound at least the optimum (MCLP)."""
    rng = np.random.default_rng(7)
    n, m = 400, 120
    cost = np.where(rng.random((n, m)) < 0.06, 1.0, np.inf)
    w = rng.integers(1, 100, n).astype(float)
    problem = Problem(Model.MCLP, w, Reach.from_matrix(cost), k=12)
    best = solve(problem)
    assert best.status == SolveStatus.OPTIMAL
    short = solve(problem, time_limit=0.05, lp_first=False)
    if short.status == SolveStatus.TIME_LIMIT:
        assert short.objective <= best.objective + 1e-6
        assert short.bound >= best.objective - 1e-6
        assert short.gap == pytest.approx((short.bound - short.objective) / short.objective)
    else:
        assert short.status in (SolveStatus.OPTIMAL, SolveStatus.NO_SOLUTION)
        if short.status == SolveStatus.NO_SOLUTION:
            assert short.bound is None or short.bound >= best.objective - 1e-6


def test_time_limited_small_instances_against_brute_force():
    """Bound >= brute-force optimum >= objective for max problems; the reverse for min problems."""
    for seed in range(10):
        w, reach, cost = _instance(seed, n=9, m=7)
        for model in (Model.MCLP, Model.PMEDIAN):
            expected = _brute(model, cost, w, k=3)
            sol = solve(Problem(model, w, reach, k=3), time_limit=0.001, lp_first=False)
            if sol.objective is None or not np.isfinite(expected):
                continue
            if model == Model.MCLP:
                assert sol.objective <= expected + 1e-6 and sol.bound >= expected - 1e-6
            else:
                assert sol.objective >= expected - 1e-6 and sol.bound <= expected + 1e-6


def test_greedy_is_a_lower_bound():
    for seed in range(10):
        w, reach, cost = _instance(seed, n=9, m=7)
        sites, value = greedy_mclp(Problem(Model.MCLP, w, reach, k=3))
        assert value == pytest.approx(_covered_mclp(cost, w, sites.tolist()))
        assert value <= _brute(Model.MCLP, cost, w, k=3) + 1e-9


def _err(problem) -> LocationError:
    with pytest.raises(LocationError) as info:
        solve(problem)
    return info.value


def test_errors_by_code():
    w, reach, _ = _instance(3)
    e = _err(Problem(Model.MCLP, w, reach, k=6))
    assert e.code == "k_exceeds_candidates" and e.detail == {"k": 6, "candidates": 5}
    assert _err(Problem(Model.MCLP, w, reach)).code == "k_required"
    assert _err(Problem(Model.PMEDIAN, w, reach, k=0)).code == "k_not_positive"
    assert _err(Problem(Model.MCLP, w, reach, k=1, fixed=(0, 1))).code == "fixed_exceed_k"
    assert _err(Problem(Model.MCLP, w, reach, k=1, fixed=(9,))).code == "fixed_unknown"
    assert _err(Problem(Model.MCLP, -w, reach, k=1)).code == "bad_weights"
    assert _err(Problem(Model.MCLP, w, reach, k=1, capacity=np.ones(2))).code == "bad_capacity"
    nobody = Reach.from_matrix(np.full((4, 3), np.inf))
    e = _err(Problem(Model.LSCP, np.ones(4), nobody))
    assert e.code == "no_candidate_in_reach" and e.detail == {"demand": 4, "candidates": 3}


def test_lscp_capacities_too_small_is_infeasible():
    cost = np.ones((3, 2))
    sol = solve(Problem(Model.LSCP, np.array([5.0, 5.0, 5.0]), Reach.from_matrix(cost), capacity=np.array([4.0, 4.0])))
    assert sol.status == SolveStatus.INFEASIBLE and sol.objective is None and len(sol.sites) == 0


def test_time_limited_capacitated_bound_is_honest():
    """Capacitated MCLP with a time limit far too short: objective <= brute-force optimum <= bound."""
    for seed in range(8):
        w, reach, cost = _instance(seed, n=9, m=7)
        cap = np.random.default_rng(seed + 1000).integers(4, 16, cost.shape[1]).astype(float)
        expected = _brute(Model.MCLP, cost, w, k=3, cap=cap, split=True)
        sol = solve(Problem(Model.MCLP, w, reach, k=3, capacity=cap), time_limit=0.001)
        if sol.objective is None:
            continue
        assert sol.objective <= expected + 1e-5
        assert sol.bound is None or sol.bound >= expected - 1e-5
