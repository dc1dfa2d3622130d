"""Candidate pairs on road minutes: `RoadCandidateIndex`, the road twin of `costs.CandidateIndex`.

The solvers ask an index for each request's k nearest eligible volunteers (`nearest`) and for all of them
within a radius (`within`); on a road network "nearest" means fewest road minutes of core.travel_time's
model (volunteer → request: the volunteer drives to the request, one-way roads respected), not the
straight line. The index never guesses: it finds every volunteer whose minutes can be within a radius
with the sound straight-line lower bound of `travel_time.StraightLineBound` (proof there),

    LB = min( gc(v, r) / v_off ,  off(v) + off(r) + gc(snap(v), snap(r)) / v_fast ),

searched with two k-d trees per eligibility class: one over the volunteers' points for the first term
(chord at the off-road speed, exact), one over (snapped point scaled to minutes at v_fast, off-road minutes)
in 4-D for the second (its Euclidean distance is at most the sum of the two parts, and a chord is shorter
than its arc, so the ball of radius ρ − off(r) holds every volunteer with a second term ≤ ρ). Those
candidates get their exact road minutes (`travel_time.PairMinutes`) and only the ones within the radius
are kept. `nearest` starts each request's radius at the whole-way-off-road minutes of its k-th nearest
eligible volunteer (road minutes are never above those, so k lie within) and doubles it while fewer are
found; the k-th's minutes is then the radius within which the pairs hold every eligible volunteer, as the
solvers' optimality proof needs.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
from scipy.spatial import cKDTree

from ...definitions.roads import TravelModelCode
from .. import travel_time  # a module: core.travel_time imports costs from this package
from .costs import CandidateIndex, Pairs, TravelModel, unit_vectors
from .problem import AssignmentProblem


class RoadCandidateIndex(CandidateIndex):
    """Candidates by road minutes of `model` (which must have a graph); same interface as CandidateIndex."""

    def __init__(self, problem: AssignmentProblem, max_minutes: float, model: travel_time.TravelTimeModel) -> None:
        if model.graph is None:
            raise ValueError("a road candidate index needs a road graph")
        graph = model.graph
        self.bound = travel_time.StraightLineBound.of(graph)
        super().__init__(problem, max_minutes, self.bound.off_road)  # the raw-point trees: the direct term
        self.model = model
        req, vol = problem.requests, problem.volunteers
        centre = graph.plane.lon0, graph.plane.lat0
        vol_ok = np.isfinite(vol.lon) & np.isfinite(vol.lat)
        self.vol_snapped = travel_time.snap_points(
            graph, np.where(vol_ok, vol.lon, centre[0]), np.where(vol_ok, vol.lat, centre[1])
        )
        self.req_snapped = travel_time.snap_points(
            graph, np.where(self.req_located, req.lon, centre[0]), np.where(self.req_located, req.lat, centre[1])
        )
        self.pair_minutes = travel_time.PairMinutes(graph, self.vol_snapped, self.req_snapped)
        fast = self.bound.fast
        scale = 0.0 if fast is None else fast.minutes_per_radian  # chord × this ≤ minutes of the arc
        s = self.vol_snapped.on_network
        self._vol_4d = np.column_stack((unit_vectors(s[:, 0], s[:, 1]) * scale, self.vol_snapped.off_road_minutes))
        r = self.req_snapped.on_network
        self._req_4d = np.column_stack((unit_vectors(r[:, 0], r[:, 1]) * scale, np.zeros(len(r))))
        self._road_trees: dict[tuple[int, bool], Optional[cKDTree]] = {}

    @property
    def model_code(self) -> TravelModelCode:
        return TravelModelCode.ROAD_NETWORK

    @property
    def description(self) -> str:
        return (
            f"road network (network {self.model.graph.network_id}, version {self.model.graph.version}) "
            f"with an off-road leg at {self.bound.off_road_kmh:g} km/h"
        )

    def _road_tree(self, cls: int, usable_only: bool) -> tuple[Optional[cKDTree], np.ndarray]:
        _raw, members = self.tree(cls, usable_only)
        key = (cls, usable_only)
        if key not in self._road_trees:
            self._road_trees[key] = (
                cKDTree(self._vol_4d[members], balanced_tree=False, compact_nodes=False) if len(members) else None
            )
        return self._road_trees[key], members

    def within(
        self, req_idx: np.ndarray, radius_minutes: np.ndarray, usable_only: bool = True, any_skills: bool = False
    ) -> Pairs:
        """All (eligible, or with `any_skills` all present) volunteers within per-request road minutes."""
        req_idx = np.asarray(req_idx, np.int64)
        radius_minutes = np.broadcast_to(np.asarray(radius_minutes, np.float64), req_idx.shape)
        radius_minutes = np.minimum(radius_minutes, self.max_minutes)
        keep = self.req_located[req_idx] & (radius_minutes >= 0)
        req_idx, radius_minutes = req_idx[keep], radius_minutes[keep]
        if any_skills:
            groups = [(-1, np.arange(len(req_idx)))]
        else:
            classes = self.req_class[req_idx]
            groups = [(int(c), np.flatnonzero(classes == c)) for c in np.unique(classes)]
        parts = []
        slack = 1e-9 * (1.0 + self.max_minutes)
        for cls, pos in groups:
            raw, members = self.tree(cls, usable_only)
            road, _ = self._road_tree(cls, usable_only)
            if raw is None or len(pos) == 0:
                continue
            rows, radius = req_idx[pos], radius_minutes[pos]
            hits_req, hits_vol = [], []
            chord = self.travel.minutes_to_chord(radius) * (1 + 1e-9)
            balls = [raw.query_ball_point(self.req_xyz[rows], chord, return_sorted=False)]
            rest = radius - self.req_snapped.off_road_minutes[rows]
            on = rest >= 0
            if on.any():
                balls.append(road.query_ball_point(self._req_4d[rows[on]], rest[on] + slack, return_sorted=False))
            for ball, at in zip(balls, (rows, rows[on])):
                counts = np.fromiter((len(h) for h in ball), np.int64, len(ball))
                if counts.sum():
                    hits_req.append(np.repeat(at, counts))
                    hits_vol.append(members[np.concatenate([np.asarray(h, np.int64) for h in ball])])
            req = np.concatenate(hits_req) if hits_req else np.zeros(0, np.int64)
            vol = np.concatenate(hits_vol) if hits_vol else np.zeros(0, np.int64)
            if not len(req):
                continue
            key = np.unique(req.astype(np.int64) * len(self.problem.volunteers) + vol)
            req, vol = key // len(self.problem.volunteers), key % len(self.problem.volunteers)
            minutes = self.pair_minutes(vol, req)
            limit = np.empty(len(self.req_located))
            limit[rows] = radius
            ok = minutes <= limit[req]
            parts.append(Pairs(req[ok], vol[ok], minutes[ok]))
        return Pairs.concat(parts)

    def any_within(self, req_idx: np.ndarray, usable_only: bool, any_skills: bool) -> np.ndarray:
        """Per request: is there a volunteer (eligible unless any_skills) within the maximum road minutes?"""
        req_idx = np.asarray(req_idx, np.int64)
        pairs = self.within(req_idx, np.full(len(req_idx), self.max_minutes), usable_only, any_skills)
        hit = np.zeros(len(self.req_located), bool)
        hit[pairs.req] = True
        return hit[req_idx]

    def _first_radius(self, req_idx: np.ndarray, k: int) -> np.ndarray:
        """Per request, the whole-way-off-road minutes of its k-th nearest eligible volunteer: road minutes are
        never above those, so at least k volunteers lie within (the maximum when fewer than k are eligible)."""
        radius = np.full(len(req_idx), self.max_minutes)
        located = np.flatnonzero(self.req_located[req_idx])
        classes = self.req_class[req_idx[located]]
        for cls in np.unique(classes):
            pos = located[classes == cls]
            tree, members = self.tree(int(cls))
            if tree is None or len(members) < k:
                continue
            dist, _ = tree.query(self.req_xyz[req_idx[pos]], k=k)
            kth = dist.reshape(len(pos), k)[:, -1]
            radius[pos] = np.minimum(self.travel.chord_to_minutes(kth) * (1 + 1e-9) + 1e-9, self.max_minutes)
        return radius

    def nearest(self, req_idx: np.ndarray, k: int) -> tuple[Pairs, np.ndarray]:
        """The k nearest eligible volunteers by road minutes within the maximum travel time, and the radius
        within which the pairs hold every eligible volunteer (the k-th's minutes, or the maximum)."""
        req_idx = np.asarray(req_idx, np.int64)
        complete = np.full(len(req_idx), self.max_minutes)
        pending = np.flatnonzero(self.req_located[req_idx])
        radius = self._first_radius(req_idx, k)
        parts = []
        while len(pending):
            rows = req_idx[pending]
            found = self.within(rows, radius[pending])
            order = np.lexsort((found.vol, found.minutes, found.req))
            found = found.take(order)
            n = len(self.req_located)
            starts = np.searchsorted(found.req, np.arange(n + 1))
            count = starts[rows + 1] - starts[rows]
            full = count >= k
            done = full | (radius[pending] >= self.max_minutes)
            rank = np.arange(len(found)) - starts[found.req]
            take = np.zeros(n, bool)
            take[rows[done]] = True
            parts.append(found.take(np.flatnonzero(take[found.req] & (rank < k))))
            kth = starts[rows[full]] + k - 1
            complete[pending[full]] = found.minutes[kth]
            pending = pending[~done]
            radius[pending] = np.minimum(radius[pending] * 2.0, self.max_minutes)
        return Pairs.concat(parts), complete


def candidate_index(
    problem: AssignmentProblem,
    max_minutes: float,
    travel: TravelModel,
    travel_times: Optional[travel_time.TravelTimeModel] = None,
) -> CandidateIndex:
    """The road index when `travel_times` has a graph, else the straight line at `travel`."""
    if travel_times is not None and travel_times.graph is not None:
        return RoadCandidateIndex(problem, max_minutes, travel_times)
    return CandidateIndex(problem, max_minutes, travel)


__all__ = ["RoadCandidateIndex", "candidate_index"]
