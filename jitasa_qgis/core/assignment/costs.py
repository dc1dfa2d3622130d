"""Travel-time estimates and candidate pairs (request, eligible volunteer, minutes).

Travel time is the great-circle distance at a fixed speed (an estimate, labelled as such by callers).
Points are unit vectors in 3-D, so a `scipy.spatial.cKDTree` finds neighbours by chord length, which grows
monotonically with the great-circle angle; no projection, no distortion across the country.

Eligibility (`definitions.eligibility.CATEGORY_NEEDS`) is compiled to bitmask arrays and applied with
array operations: one k-d tree per distinct eligibility class holds only the volunteers who qualify, so
"the k nearest candidates" means the k nearest *eligible* volunteers with capacity left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
from scipy.spatial import cKDTree

from ...definitions.eligibility import (
    CATEGORY_NEEDS,
    CATEGORY_ORDER,
    DEFAULT_DETOUR_FACTOR,
    DEFAULT_SPEED_KMH,
)
from ...definitions.roads import TravelModelCode
from .problem import AssignmentProblem, HelpRequests, Volunteers

EARTH_RADIUS_KM = 6371.0088

# Compiled needs: for category code c and alternative a, the skill bits needed (all) and the vehicle bits
# accepted (any; 0 = no vehicle needed). Unused alternative slots are marked invalid.
_MAX_ALTERNATIVES = max(len(needs) for needs in CATEGORY_NEEDS.values())
NEED_SKILLS = np.zeros((len(CATEGORY_ORDER), _MAX_ALTERNATIVES), np.int64)
NEED_VEHICLES = np.zeros((len(CATEGORY_ORDER), _MAX_ALTERNATIVES), np.int64)
NEED_VALID = np.zeros((len(CATEGORY_ORDER), _MAX_ALTERNATIVES), bool)
for _c, _category in enumerate(CATEGORY_ORDER):
    for _a, _need in enumerate(CATEGORY_NEEDS[_category]):
        NEED_SKILLS[_c, _a] = _need.skills_mask
        NEED_VEHICLES[_c, _a] = _need.vehicles_mask
        NEED_VALID[_c, _a] = True


def unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """(n, 3) unit vectors of points given in degrees (WGS 84 treated as a sphere)."""
    lon_r = np.radians(np.asarray(lon, np.float64))
    lat_r = np.radians(np.asarray(lat, np.float64))
    cos_lat = np.cos(lat_r)
    return np.column_stack((cos_lat * np.cos(lon_r), cos_lat * np.sin(lon_r), np.sin(lat_r)))


@dataclass(frozen=True)
class TravelModel:
    """Great-circle travel time: distance × detour factor at `speed_kmh`."""

    speed_kmh: float = DEFAULT_SPEED_KMH
    detour_factor: float = DEFAULT_DETOUR_FACTOR

    def __post_init__(self) -> None:
        if not np.isfinite(self.speed_kmh) or self.speed_kmh <= 0:
            raise ValueError(f"speed must be a positive number of km/h, got {self.speed_kmh!r}")
        if not np.isfinite(self.detour_factor) or self.detour_factor < 1:
            raise ValueError(f"detour factor must be at least 1, got {self.detour_factor!r}")

    @property
    def minutes_per_radian(self) -> float:
        return EARTH_RADIUS_KM * self.detour_factor / self.speed_kmh * 60.0

    def chord_to_minutes(self, chord: np.ndarray) -> np.ndarray:
        half = np.minimum(np.asarray(chord, np.float64) / 2.0, 1.0)
        return 2.0 * np.arcsin(half) * self.minutes_per_radian

    def minutes_to_chord(self, minutes: np.ndarray) -> np.ndarray:
        angle = np.minimum(np.asarray(minutes, np.float64) / self.minutes_per_radian, np.pi)
        return 2.0 * np.sin(angle / 2.0)


def great_circle_minutes(
    lon1: np.ndarray,
    lat1: np.ndarray,
    lon2: np.ndarray,
    lat2: np.ndarray,
    travel: Optional[TravelModel] = None,
) -> np.ndarray:
    """Element-wise travel minutes between two sets of points (degrees); default speed if no model."""
    travel = travel or TravelModel()
    chord = np.linalg.norm(unit_vectors(lon1, lat1) - unit_vectors(lon2, lat2), axis=-1)
    return travel.chord_to_minutes(chord)


def _eligible(skills: np.ndarray, vehicle: np.ndarray, category: np.ndarray) -> np.ndarray:
    skills = skills.astype(np.int64, copy=False)[:, None]
    vehicle_bit = np.left_shift(np.int64(1), vehicle.astype(np.int64))[:, None]
    need_skills = NEED_SKILLS[category]
    need_vehicles = NEED_VEHICLES[category]
    ok = (
        NEED_VALID[category]
        & ((skills & need_skills) == need_skills)
        & ((need_vehicles == 0) | ((vehicle_bit & need_vehicles) != 0))
    )
    return ok.any(axis=1)


def eligible_pairs(requests: HelpRequests, volunteers: Volunteers, req: np.ndarray, vol: np.ndarray) -> np.ndarray:
    """For pairs (req[k], vol[k]) of indices: does the volunteer have what the request's category needs?

    Skills and vehicles only; availability, capacity and distance are checked elsewhere.
    """
    return _eligible(volunteers.skills[vol], volunteers.vehicle[vol], requests.category[req])


def eligible_for_category(volunteers: Volunteers, category_code: int) -> np.ndarray:
    """Boolean mask over volunteers: who has what `category_code` needs (skills, vehicle)."""
    category = np.full(len(volunteers), category_code, np.int64)
    return _eligible(volunteers.skills, volunteers.vehicle, category)


@dataclass
class Pairs:
    """Candidate pairs as parallel arrays of request index, volunteer index and travel minutes."""

    req: np.ndarray
    vol: np.ndarray
    minutes: np.ndarray

    @classmethod
    def empty(cls) -> Pairs:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))

    @classmethod
    def concat(cls, parts: list[Pairs]) -> Pairs:
        parts = [p for p in parts if len(p)]
        if not parts:
            return cls.empty()
        return cls(
            np.concatenate([p.req for p in parts]),
            np.concatenate([p.vol for p in parts]),
            np.concatenate([p.minutes for p in parts]),
        )

    def __len__(self) -> int:
        return len(self.req)

    def take(self, index: np.ndarray) -> Pairs:
        return Pairs(self.req[index], self.vol[index], self.minutes[index])


class CandidateIndex:
    """Finds eligible volunteers near requests, within the maximum travel time.

    Only volunteers who are available, have capacity left and a location are candidates. Requests
    without a location get none. Trees are built lazily, one per eligibility class present.
    """

    def __init__(self, problem: AssignmentProblem, max_minutes: float, travel: TravelModel) -> None:
        self.problem = problem
        self.travel = travel
        self.max_minutes = float(max_minutes)
        self.max_chord = float(travel.minutes_to_chord(self.max_minutes))
        req, vol = problem.requests, problem.volunteers
        self.req_xyz = unit_vectors(req.lon, req.lat)
        self.req_located = np.isfinite(self.req_xyz).all(axis=1)
        self._vol_xyz: Optional[np.ndarray] = None
        vol_located = np.isfinite(vol.lon) & np.isfinite(vol.lat)
        self.vol_usable = vol.available & (vol.capacity > 0) & vol_located
        self.vol_present = vol.available & vol_located  # for explaining why nobody was found
        # Eligibility class of each category: categories with identical needs share a tree.
        class_of_needs: dict[tuple, int] = {}
        self.category_class = np.zeros(len(CATEGORY_ORDER), np.int64)
        for c, category in enumerate(CATEGORY_ORDER):
            key = CATEGORY_NEEDS[category]
            self.category_class[c] = class_of_needs.setdefault(key, len(class_of_needs))
        # One category per class, to compute the class's eligibility mask with.
        self.class_representative = {int(cls): c for c, cls in reversed(list(enumerate(self.category_class)))}
        self.req_class = self.category_class[req.category] if len(req) else np.zeros(0, np.int64)
        self._trees: dict[tuple[int, bool], tuple[Optional[cKDTree], np.ndarray]] = {}

    @property
    def model_code(self) -> TravelModelCode:
        """Which travel-time model the minutes come from (every output says it)."""
        return TravelModelCode.STRAIGHT_LINE

    @property
    def description(self) -> str:
        """How minutes were estimated (English, for the log)."""
        return f"great-circle estimate at {self.travel.speed_kmh:g} km/h" + (
            f" × detour {self.travel.detour_factor:g}" if self.travel.detour_factor != 1 else ""
        )

    def any_within(self, req_idx: np.ndarray, usable_only: bool, any_skills: bool) -> np.ndarray:
        """Per request: is there a volunteer (eligible unless any_skills) within the maximum travel time?"""
        req_idx = np.asarray(req_idx, np.int64)
        found = np.zeros(len(req_idx), bool)
        if len(req_idx) == 0:
            return found
        classes = np.full(len(req_idx), -1) if any_skills else self.req_class[req_idx]
        for cls in np.unique(classes):
            pos = np.flatnonzero(classes == cls)
            tree, _members = self.tree(int(cls), usable_only)
            if tree is None:
                continue
            dist, _ = tree.query(self.req_xyz[req_idx[pos]], k=1, distance_upper_bound=self.max_chord * (1 + 1e-9))
            ok = np.isfinite(dist)
            ok[ok] = self.travel.chord_to_minutes(dist[ok]) <= self.max_minutes
            found[pos] = ok
        return found

    @property
    def vol_xyz(self) -> np.ndarray:
        if self._vol_xyz is None:
            vol = self.problem.volunteers
            self._vol_xyz = unit_vectors(vol.lon, vol.lat)
        return self._vol_xyz

    def tree(self, cls: int, usable_only: bool = True) -> tuple[Optional[cKDTree], np.ndarray]:
        """(tree, volunteer indices) for an eligibility class (-1: everyone present, any skills)."""
        key = (cls, usable_only)
        if key not in self._trees:
            base = self.vol_usable if usable_only else self.vol_present
            if cls >= 0:
                mask = base & eligible_for_category(self.problem.volunteers, self.class_representative[cls])
            else:
                mask = base
            members = np.flatnonzero(mask)
            tree = cKDTree(self.vol_xyz[members], balanced_tree=False, compact_nodes=False) if len(members) else None
            self._trees[key] = (tree, members)
        return self._trees[key]

    def nearest(self, req_idx: np.ndarray, k: int) -> tuple[Pairs, np.ndarray]:
        """The k nearest eligible volunteers within the maximum travel time of each request in `req_idx`.

        Returns the pairs and, aligned with `req_idx`, the radius in minutes within which the pairs hold
        *every* eligible volunteer: the k-th neighbour's time, or the maximum if fewer than k were found.
        """
        req_idx = np.asarray(req_idx, np.int64)
        complete = np.full(len(req_idx), self.max_minutes)
        parts = []
        located = np.flatnonzero(self.req_located[req_idx])
        classes = self.req_class[req_idx[located]]
        for cls in np.unique(classes):
            pos = located[classes == cls]
            rows = req_idx[pos]
            tree, members = self.tree(int(cls))
            if tree is None:
                continue
            kk = min(k, len(members))
            dist, nbr = tree.query(self.req_xyz[rows], k=kk, distance_upper_bound=self.max_chord * (1 + 1e-9))
            dist = dist.reshape(len(rows), kk)
            nbr = nbr.reshape(len(rows), kk)
            found = np.isfinite(dist)
            minutes = self.travel.chord_to_minutes(np.where(found, dist, 0.0))
            found &= minutes <= self.max_minutes
            if kk == k:
                full = found[:, -1]
                complete[pos[full]] = minutes[full, -1]
            r, col = np.nonzero(found)
            parts.append(Pairs(rows[r], members[nbr[r, col]], minutes[r, col]))
        return Pairs.concat(parts), complete

    def within(
        self, req_idx: np.ndarray, radius_minutes: np.ndarray, usable_only: bool = True, any_skills: bool = False
    ) -> Pairs:
        """All (eligible, or with `any_skills` all present) volunteers within per-request radii (minutes)."""
        req_idx = np.asarray(req_idx, np.int64)
        radius_minutes = np.minimum(np.asarray(radius_minutes, np.float64), self.max_minutes)
        keep = self.req_located[req_idx] & (radius_minutes >= 0)
        req_idx, radius_minutes = req_idx[keep], radius_minutes[keep]
        parts = []
        groups = [(-1, np.arange(len(req_idx)))] if any_skills else None
        if groups is None:
            classes = self.req_class[req_idx]
            groups = [(int(c), np.flatnonzero(classes == c)) for c in np.unique(classes)]
        for cls, pos in groups:
            tree, members = self.tree(cls, usable_only)
            if tree is None or len(pos) == 0:
                continue
            rows = req_idx[pos]
            chord = self.travel.minutes_to_chord(radius_minutes[pos]) * (1 + 1e-9)
            hits = tree.query_ball_point(self.req_xyz[rows], chord, return_sorted=False)
            counts = np.fromiter((len(h) for h in hits), np.int64, len(hits))
            if counts.sum() == 0:
                continue
            vol = members[np.concatenate([np.asarray(h, np.int64) for h in hits])]
            req = np.repeat(rows, counts)
            chord_len = np.linalg.norm(self.req_xyz[req] - self.vol_xyz[vol], axis=1)
            minutes = self.travel.chord_to_minutes(chord_len)
            ok = minutes <= np.repeat(radius_minutes[pos], counts)
            parts.append(Pairs(req[ok], vol[ok], minutes[ok]))
        return Pairs.concat(parts)
