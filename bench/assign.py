"""Assignment solver benchmarks: `assign_optimal_province`, `assign_optimal_national`.

Instances are synthetic, seeded and clustered: volunteers live around towns; requests crowd around a subset
of them ("outbreak" towns), so that near those towns demand exceeds the volunteers close by and requests
must reach out — the case where greedy and pruned candidate lists go wrong.

The anchor is OR-Tools' SimpleMinCostFlow (C++), installed only in bench/.venv-ortools and run as a
subprocess on the same instance written to a .npz file: the same travel costs in the same integer units
and the same per-urgency "unassigned" penalties, so both optimise exactly the same objective. This file is
also that subprocess's script (`--ortools`); in that role it imports nothing but numpy and ortools.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

BENCH_DIR = Path(__file__).resolve().parent
ORTOOLS_PYTHON = BENCH_DIR / ".venv-ortools" / "bin" / "python"
PHETCHABUN_BBOX = (100.9, 15.6, 101.6, 17.2)
THAILAND_BBOX = (97.5, 5.7, 105.5, 20.4)
MAX_MINUTES = 60.0
PROVINCE_RUNS = 5
NATIONAL_RUNS = 3


# --- instances ------------------------------------------------------------------------------------------


def _points(rng, n, bbox, centres, weights, spread_deg, clustered):
    lon0, lat0, lon1, lat1 = bbox
    in_town = rng.random(n) < clustered
    town = rng.choice(len(centres), size=n, p=weights)
    scale = spread_deg * (0.3 + 0.7 * ((np.arange(len(centres)) * 0.618) % 1.0))[town]
    lon = np.where(in_town, centres[town, 0] + rng.normal(0, 1, n) * scale, rng.uniform(lon0, lon1, n))
    lat = np.where(in_town, centres[town, 1] + rng.normal(0, 1, n) * scale, rng.uniform(lat0, lat1, n))
    return np.clip(lon, lon0, lon1), np.clip(lat, lat0, lat1)


def make_instance(
    n_requests: int,
    n_volunteers: int,
    bbox: tuple,
    n_towns: int,
    n_outbreaks: int,
    seed: int,
    request_spread: float = 0.03,
    volunteer_spread: float = 0.06,
):
    """Requests around `n_outbreaks` of `n_towns` towns, volunteers around all; capacity 1–3; mixed needs."""
    from jitasa_qgis.core.assignment.problem import AssignmentProblem, HelpRequests, Volunteers
    from jitasa_qgis.definitions.eligibility import CATEGORY_ORDER, SKILL_ORDER, VEHICLE_ORDER
    from jitasa_qgis.definitions.enums import RequestCategory, Skill, VehicleKind

    category_share = {
        RequestCategory.FOOD_SUPPLIES: 0.30,
        RequestCategory.MEDICINE: 0.15,
        RequestCategory.PATIENT_TRANSPORT: 0.20,
        RequestCategory.INFECTIOUS_TRANSPORT: 0.05,
        RequestCategory.OXYGEN: 0.05,
        RequestCategory.SCREENING: 0.10,
        RequestCategory.VACCINATION: 0.05,
        RequestCategory.MEDICAL_HELP: 0.05,
        RequestCategory.OTHER: 0.05,
    }
    skill_share = {
        Skill.FIRST_AID: 0.40,
        Skill.MEDICAL: 0.10,
        Skill.PPE_TRAINED: 0.30,
        Skill.DRIVING: 0.40,
        Skill.OXYGEN_HANDLING: 0.10,
        Skill.COUNSELLING: 0.15,
    }
    vehicle_share = {
        VehicleKind.NONE: 0.40,
        VehicleKind.MOTORCYCLE: 0.35,
        VehicleKind.CAR: 0.12,
        VehicleKind.PICKUP: 0.12,
        VehicleKind.AMBULANCE: 0.01,
    }
    rng = np.random.default_rng(seed)
    lon0, lat0, lon1, lat1 = bbox
    centres = np.column_stack((rng.uniform(lon0, lon1, n_towns), rng.uniform(lat0, lat1, n_towns)))
    weights = rng.pareto(1.2, n_towns) + 0.2
    weights /= weights.sum()
    hot = rng.choice(n_towns, n_outbreaks, replace=False, p=weights)
    r_lon, r_lat = _points(rng, n_requests, bbox, centres[hot], weights[hot] / weights[hot].sum(), request_spread, 0.85)
    v_lon, v_lat = _points(rng, n_volunteers, bbox, centres, weights, volunteer_spread, 0.70)
    cat_p = np.array([category_share[c] for c in CATEGORY_ORDER])
    requests = HelpRequests(
        id=np.arange(1, n_requests + 1),
        lon=r_lon,
        lat=r_lat,
        urgency_rank=rng.choice(4, size=n_requests, p=(0.05, 0.15, 0.50, 0.30)).astype(np.int8),
        category=rng.choice(len(CATEGORY_ORDER), size=n_requests, p=cat_p / cat_p.sum()).astype(np.int8),
        created_at=1.6e9 + rng.uniform(0, 3 * 86400, n_requests),
    )
    skills = np.zeros(n_volunteers, np.int64)
    for bit, skill in enumerate(SKILL_ORDER):
        skills |= (rng.random(n_volunteers) < skill_share[skill]).astype(np.int64) << bit
    veh_p = np.array([vehicle_share[v] for v in VEHICLE_ORDER])
    volunteers = Volunteers(
        id=np.arange(1, n_volunteers + 1),
        lon=v_lon,
        lat=v_lat,
        capacity=rng.integers(1, 4, n_volunteers),
        available=np.ones(n_volunteers, bool),
        skills=skills,
        vehicle=rng.choice(len(VEHICLE_ORDER), size=n_volunteers, p=veh_p / veh_p.sum()).astype(np.int8),
    )
    return AssignmentProblem(requests, volunteers)


def province_instance():
    """5,000 requests × 20,000 volunteers around Phetchabun; 17 of 40 towns crowded."""
    return make_instance(5_000, 20_000, PHETCHABUN_BBOX, n_towns=40, n_outbreaks=17, seed=7)


def crowded_province_instance():
    """As `province_instance`, with requests packed tighter into 15 towns: pruning hurts here."""
    return make_instance(5_000, 20_000, PHETCHABUN_BBOX, n_towns=40, n_outbreaks=15, seed=7, request_spread=0.02)


def national_instance():
    """100,000 requests × 1,000,000 volunteers across Thailand."""
    return make_instance(100_000, 1_000_000, THAILAND_BBOX, n_towns=1600, n_outbreaks=600, seed=11)


# --- helpers --------------------------------------------------------------------------------------------


def _objective(req_idx: np.ndarray, minutes: np.ndarray, reward: np.ndarray) -> float:
    """Σ travel units − Σ rewards of assigned requests: the objective both solvers minimise."""
    from jitasa_qgis.core.assignment.optimal import to_units

    return float(to_units(minutes).sum() - reward[req_idx].sum())


def _result_objective(problem, result, reward) -> float:
    index = {int(x): i for i, x in enumerate(problem.requests.id)}
    req_idx = np.array([index[int(r)] for r in result.request_id], dtype=np.int64)
    return _objective(req_idx, result.minutes, reward)


def _ortools(problem, pairs, reward, workdir: Path) -> dict:
    """Run OR-Tools on the given candidate pairs; returns seconds, peak RSS, objective and totals."""
    from jitasa_qgis.core.assignment.optimal import to_units

    if not ORTOOLS_PYTHON.exists():
        raise RuntimeError("OR-Tools venv missing: run `bash bench/ortools_venv.sh` (make bench does)")
    path_in, path_out = workdir / "instance.npz", workdir / "flows.npz"
    np.savez(
        path_in,
        req=pairs.req,
        vol=pairs.vol,
        units=to_units(pairs.minutes),
        capacity=problem.volunteers.capacity,
        reward=reward,
    )
    subprocess.run([str(ORTOOLS_PYTHON), __file__, "--ortools", str(path_in), str(path_out)], check=True)
    out = np.load(path_out)
    chosen = out["chosen"]
    return {
        "seconds": float(out["seconds"]),
        "peak_rss_mb": float(out["peak_rss_mb"]),
        "objective": _objective(pairs.req[chosen], pairs.minutes[chosen], reward),
        "assigned": int(chosen.sum()),
        "minutes": float(pairs.minutes[chosen].sum()),
        "arcs": len(pairs),
    }


def _time(fn, runs: int) -> tuple[float, list[float], object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times, result


# --- province -------------------------------------------------------------------------------------------


def bench_province(name: str, problem, description: str, max_k: int = 2048) -> dict:
    from jitasa_qgis.core.assignment import assign_nearest, assign_optimal
    from jitasa_qgis.core.assignment.costs import CandidateIndex, TravelModel
    from jitasa_qgis.core.assignment.optimal import tier_rewards

    n = len(problem.requests)
    assign_optimal(problem, MAX_MINUTES)  # warm-up: imports, caches
    median, times, optimal = _time(lambda: assign_optimal(problem, MAX_MINUTES), PROVINCE_RUNS)
    greedy = assign_nearest(problem, MAX_MINUTES)
    reward = tier_rewards(problem.requests.urgency_rank, n, MAX_MINUTES)
    ours = _result_objective(problem, optimal, reward)
    index = CandidateIndex(problem, MAX_MINUTES, TravelModel())
    runs: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:

        def ortools_k(k: int) -> dict:
            if k not in runs:
                pairs, _ = index.nearest(np.arange(n), k)
                runs[k] = _ortools(problem, pairs, reward, Path(tmp))
            return runs[k]

        for k in (16, 32):
            ortools_k(k)
        # The anchor: k nearest eligible, k doubling until doubling changes nothing.
        k = 64
        while k < max_k and ortools_k(k)["objective"] != ortools_k(2 * k)["objective"]:
            k *= 2
        anchor = ortools_k(k)
        pairs, _ = index.nearest(np.arange(n), k)
        anchor_times = [anchor["seconds"]] + [_ortools(problem, pairs, reward, Path(tmp))["seconds"] for _ in range(2)]
    anchor_seconds = statistics.median(anchor_times)
    converged = ortools_k(k)["objective"] == runs.get(2 * k, {}).get("objective")
    saving = 1 - optimal.total_minutes / greedy.total_minutes

    def pruned(kk: int) -> str:
        r = runs[kk]
        return (
            f"k={kk}: {n - r['assigned']} unassigned (optimum {optimal.summary.unassigned}), "
            f"travel {r['minutes'] / optimal.total_minutes - 1:+.2%}"
        )

    s = optimal.summary.as_dict()
    goal = "goals: <= 0.3 s, <= 2x OR-Tools, equal total cost"
    note = (
        f"{description} ({goal}); great-circle at 30 km/h, max {MAX_MINUTES:g} min. assign_optimal (whole call: "
        f"candidates, solve, proof, reasons) median of {PROVINCE_RUNS}: {[round(t, 3) for t in times]} s; "
        f"{s['rounds']} rounds, {s['candidate_pairs']} candidate pairs, largest component "
        f"{s['largest_component']} requests; proven optimal over all eligible pairs within the max: "
        f"{s['optimal']}. Total cost vs OR-Tools optimum (k={k}, {anchor['arcs']} arcs; k={2 * k} "
        f"{'gives the same' if converged else 'NOT checked/same'}): "
        f"{'EQUAL' if anchor['objective'] == ours else 'DIFFERENT'} objective ({ours:.0f} vs "
        f"{anchor['objective']:.0f}, units of 1e-4 min incl. urgency rewards); travel "
        f"{optimal.total_minutes:.3f} vs {anchor['minutes']:.3f} min, assigned {s['assigned']} vs "
        f"{anchor['assigned']}. Anchor time: OR-Tools build+solve only, median of 3 "
        f"{[round(t, 3) for t in anchor_times]} s. Saving vs assign_nearest: {saving:.1%} of travel "
        f"({greedy.total_minutes:.1f} -> {optimal.total_minutes:.1f} min; greedy assigned "
        f"{greedy.summary.assigned}). Pruned, unproven (OR-Tools): {pruned(16)}; {pruned(32)}."
    )
    return {
        "name": name,
        "value": round(median, 4),
        "unit": "s",
        "anchor": f"OR-Tools SimpleMinCostFlow, k={k} nearest eligible",
        "anchor_value": round(anchor_seconds, 4),
        "ratio": round(median / anchor_seconds, 3),
        "note": note,
    }


# --- national -------------------------------------------------------------------------------------------


def _national_worker(path_out: str) -> None:
    """Fresh process: build the national instance, time assign_optimal, report peak RSS."""
    from jitasa_qgis.core.assignment import assign_optimal

    problem = national_instance()
    rss_instance = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    median, times, result = _time(lambda: assign_optimal(problem, MAX_MINUTES), NATIONAL_RUNS)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    k16_seconds, _, k16 = _time(lambda: assign_optimal(problem, MAX_MINUTES, candidates=16), 1)
    from jitasa_qgis.core.assignment.optimal import tier_rewards

    reward = tier_rewards(problem.requests.urgency_rank, len(problem.requests), MAX_MINUTES)
    summary = {k: v for k, v in result.summary.as_dict().items() if isinstance(v, (int, float, str, bool, type(None)))}
    Path(path_out).write_text(
        json.dumps(
            {
                "objective": _result_objective(problem, result, reward),
                "median": median,
                "times": times,
                "rss_instance_mb": rss_instance,
                "peak_rss_mb": peak,
                "summary": summary,
                "k16_seconds": k16_seconds,
                "k16_minutes": k16.total_minutes,
            }
        )
    )


def bench_national() -> list[dict]:
    from jitasa_qgis.core.assignment.costs import CandidateIndex, TravelModel
    from jitasa_qgis.core.assignment.optimal import tier_rewards

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "national.json"
        env = dict(os.environ, PYTHONPATH=str(BENCH_DIR.parent))
        subprocess.run([sys.executable, __file__, "--national-worker", str(out)], check=True, env=env)
        ours = json.loads(out.read_text())
        problem = national_instance()
        n = len(problem.requests)
        reward = tier_rewards(problem.requests.urgency_rank, n, MAX_MINUTES)
        pairs, _ = CandidateIndex(problem, MAX_MINUTES, TravelModel()).nearest(np.arange(n), 16)
        anchor = _ortools(problem, pairs, reward, Path(tmp))
    s = ours["summary"]
    note = (
        f"100,000 requests x 1,000,000 volunteers across Thailand (1,600 towns, 600 crowded; goal <= 15 s, "
        f"<= 2 GB), max "
        f"{MAX_MINUTES:g} min. assign_optimal with default candidates ({s.get('candidates', 4)} to start, "
        f"widened where the duals ask) median of {NATIONAL_RUNS}: {[round(t, 2) for t in ours['times']]} s in a "
        f"fresh process; starting from 16 candidates: {ours['k16_seconds']:.2f} s. {s['rounds']} rounds, "
        f"{s['solver_calls']} scipy calls, largest component {s['largest_component']} requests; proven optimal "
        f"over all eligible pairs: {s['optimal']}; assigned {s['assigned']}, travel {s['total_minutes']:.1f} "
        f"min. Peak RSS {ours['peak_rss_mb']:.0f} MB (the instance alone {ours['rss_instance_mb']:.0f} MB). "
        f"Anchor: OR-Tools on the whole instance at once, 16 nearest eligible ({anchor['arcs']} arcs): "
        f"{anchor['seconds']:.2f} s build+solve, peak RSS {anchor['peak_rss_mb']:.0f} MB, assigned "
        f"{anchor['assigned']}, travel {anchor['minutes']:.1f} min "
        f"(objective {anchor['objective'] - ours['objective']:.0f} units above the proven optimum: pruning "
        f"{'cost nothing here' if anchor['objective'] == ours['objective'] else 'is not free'})."
    )
    return [
        {
            "name": "assign_optimal_national",
            "value": round(ours["median"], 3),
            "unit": "s",
            "anchor": "OR-Tools SimpleMinCostFlow, whole instance, k=16",
            "anchor_value": round(anchor["seconds"], 3),
            "ratio": round(ours["median"] / anchor["seconds"], 3),
            "note": note,
        },
        {
            "name": "assign_optimal_national_peak_rss",
            "value": round(ours["peak_rss_mb"], 1),
            "unit": "MB",
            "anchor": "OR-Tools SimpleMinCostFlow peak RSS, k=16",
            "anchor_value": round(anchor["peak_rss_mb"], 1),
            "ratio": round(ours["peak_rss_mb"] / anchor["peak_rss_mb"], 3),
            "note": "peak resident set of the whole benchmark process (instance + solver, ru_maxrss); "
            "goal <= 2048 MB",
        },
    ]


def run() -> list[dict]:
    return [
        bench_province(
            "assign_optimal_province",
            province_instance(),
            "5,000 requests x 20,000 volunteers (capacity 1-3, mixed skills and vehicles) around "
            "Phetchabun, requests crowding 17 of 40 towns",
        ),
        bench_province(
            "assign_optimal_province_crowded",
            crowded_province_instance(),
            "as assign_optimal_province but requests packed into 15 towns, where pruning costs " "travel",
        ),
        *bench_national(),
    ]


# --- OR-Tools reference (runs in bench/.venv-ortools; imports nothing of ours) --------------------------


def _ortools_main(path_in: str, path_out: str) -> None:
    """Min-cost flow: source → request (cap 1) → volunteer (cap 1, travel units) → sink (cap = capacity);
    request → sink (cap 1, cost = the request's urgency reward: what leaving it unassigned forgoes).
    Supply n at the source, demand n at the sink. Times graph building and solving only."""
    from ortools.graph.python import min_cost_flow

    data = np.load(path_in)
    req, vol, units = data["req"], data["vol"], data["units"]
    capacity, reward = data["capacity"], data["reward"]
    n, m = len(reward), len(capacity)
    started = time.perf_counter()
    source, sink = n + m, n + m + 1
    tails = np.concatenate((np.full(n, source), req, np.arange(n), n + np.arange(m)))
    heads = np.concatenate((np.arange(n), n + vol, np.full(n, sink), np.full(m, sink)))
    caps = np.concatenate((np.ones(n), np.ones(len(req)), np.ones(n), capacity)).astype(np.int64)
    costs = np.concatenate((np.zeros(n), units, reward, np.zeros(m))).astype(np.int64)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    supplies = np.zeros(n + m + 2, np.int64)
    supplies[source], supplies[sink] = n, -n
    flow.set_nodes_supplies(np.arange(n + m + 2), supplies)
    status = flow.solve()
    seconds = time.perf_counter() - started
    if status != flow.OPTIMAL:
        raise SystemExit(f"OR-Tools min cost flow failed: status {status}")
    chosen = flow.flows(np.arange(n, n + len(req))) > 0
    np.savez(
        path_out,
        chosen=chosen,
        seconds=seconds,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--ortools":
        _ortools_main(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--national-worker":
        _national_worker(sys.argv[2])
    else:
        sys.exit(
            "usage: assign.py --ortools IN.npz OUT.npz | --national-worker OUT.json "
            "(run the benchmarks with: python -m bench assign)"
        )
