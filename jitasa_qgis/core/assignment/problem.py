"""The assignment instance as column arrays: open help requests and the volunteers who could serve them.

Codes follow `definitions.eligibility`: `category` indexes `CATEGORY_ORDER`, `vehicle` indexes
`VEHICLE_ORDER`, `skills` is a bitmask over `SKILL_ORDER`; `urgency_rank` is `URGENCY_RANK` (0 critical
… 3 low). Strings or enums are accepted and turned into codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ...definitions.eligibility import CATEGORY_ORDER, VEHICLE_ORDER, skills_mask
from ...definitions.enums import URGENCY_RANK, RequestCategory, Urgency, VehicleKind


def _codes(values: Any, enum: type, order: tuple, name: str) -> np.ndarray:
    arr = np.asarray(values)
    if arr.dtype.kind in "iu":
        codes = arr.astype(np.int8)
    elif arr.size == 0:
        codes = np.zeros(0, np.int8)
    else:
        lookup = {member: i for i, member in enumerate(order)}
        try:
            codes = np.fromiter((lookup[enum(v)] for v in arr.ravel()), np.int8, arr.size)
        except ValueError as exc:
            raise ValueError(f"unknown {name}: {exc}") from None
    if codes.size and (codes.min() < 0 or codes.max() >= len(order)):
        raise ValueError(f"{name} codes must lie in 0..{len(order) - 1}")
    return codes


def _urgency_ranks(values: Any) -> np.ndarray:
    arr = np.asarray(values)
    if arr.dtype.kind in "iu" or arr.size == 0:
        ranks = arr.astype(np.int8)
    else:
        try:
            ranks = np.fromiter((URGENCY_RANK[Urgency(v)] for v in arr.ravel()), np.int8, arr.size)
        except ValueError as exc:
            raise ValueError(f"unknown urgency: {exc}") from None
    if ranks.size and (ranks.min() < 0 or ranks.max() > 3):
        raise ValueError("urgency_rank must lie in 0 (critical) .. 3 (low)")
    return ranks


def _skill_masks(values: Any, n: int) -> np.ndarray:
    if values is None:
        return np.zeros(n, np.int64)
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return values.astype(np.int64)
    seq = list(values)
    if all(isinstance(v, (int, np.integer)) for v in seq):
        return np.array(seq, dtype=np.int64).reshape(len(seq))
    cache: dict[tuple, int] = {}  # few distinct skill sets, many volunteers

    def mask(skills) -> int:
        key = tuple(skills or ())
        if key not in cache:
            cache[key] = skills_mask(key)
        return cache[key]

    return np.fromiter((mask(v) for v in seq), np.int64, len(seq))


def _float(values: Any) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.float64)


@dataclass(frozen=True)
class HelpRequests:
    """Open help requests. `created_at` is seconds since the epoch: smaller means waiting longer.

    A request with a NaN coordinate has no location; solvers leave it unassigned and say so.
    """

    id: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    urgency_rank: np.ndarray
    category: np.ndarray
    created_at: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        n = len(np.asarray(self.id))
        set_ = object.__setattr__
        set_(self, "id", np.asarray(self.id).astype(np.int64, copy=False))
        set_(self, "lon", _float(self.lon))
        set_(self, "lat", _float(self.lat))
        set_(self, "urgency_rank", _urgency_ranks(self.urgency_rank))
        set_(self, "category", _codes(self.category, RequestCategory, CATEGORY_ORDER, "request category"))
        created = np.zeros(n) if self.created_at is None else _float(self.created_at)
        set_(self, "created_at", created)
        for name in ("lon", "lat", "urgency_rank", "category", "created_at"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"help requests: '{name}' has {len(getattr(self, name))} values, ids have {n}")

    def __len__(self) -> int:
        return len(self.id)

    @classmethod
    def empty(cls) -> HelpRequests:
        return cls(np.zeros(0, np.int64), [], [], np.zeros(0, np.int8), np.zeros(0, np.int8))


@dataclass(frozen=True)
class Volunteers:
    """Volunteers: `capacity` is what remains (max concurrent assignments minus active ones).

    `skills` is a bitmask (or a list of skill lists), `vehicle` a code (or vehicle kinds). A volunteer
    with a NaN coordinate is treated as unavailable.
    """

    id: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    capacity: np.ndarray
    available: np.ndarray = field(default=None)  # type: ignore[assignment]
    skills: np.ndarray = field(default=None)  # type: ignore[assignment]
    vehicle: np.ndarray = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        n = len(np.asarray(self.id))
        set_ = object.__setattr__
        set_(self, "id", np.asarray(self.id).astype(np.int64, copy=False))
        set_(self, "lon", _float(self.lon))
        set_(self, "lat", _float(self.lat))
        capacity = np.asarray(self.capacity)
        if capacity.size and capacity.dtype.kind == "f" and not np.all(capacity == np.floor(capacity)):
            raise ValueError("volunteer capacity must be a whole number")
        set_(self, "capacity", capacity.astype(np.int64))
        available = np.ones(n, bool) if self.available is None else np.asarray(self.available, bool)
        set_(self, "available", available)
        set_(self, "skills", _skill_masks(self.skills, n))
        if self.vehicle is None:
            vehicle = np.zeros(n, np.int8)  # VehicleKind.NONE
        else:
            vehicle = _codes(self.vehicle, VehicleKind, VEHICLE_ORDER, "vehicle kind")
        set_(self, "vehicle", vehicle)
        for name in ("lon", "lat", "capacity", "available", "skills", "vehicle"):
            if len(getattr(self, name)) != n:
                raise ValueError(f"volunteers: '{name}' has {len(getattr(self, name))} values, ids have {n}")

    def __len__(self) -> int:
        return len(self.id)

    @classmethod
    def empty(cls) -> Volunteers:
        return cls(np.zeros(0, np.int64), [], [], np.zeros(0, np.int64))


@dataclass(frozen=True)
class AssignmentProblem:
    """One batch: the requests in scope and the volunteers that may serve them."""

    requests: HelpRequests
    volunteers: Volunteers

    def validate(self) -> None:
        """Raise ValueError for inputs no solver should accept (negative capacity)."""
        if len(self.volunteers) and self.volunteers.capacity.min() < 0:
            bad = self.volunteers.id[self.volunteers.capacity < 0][:5].tolist()
            raise ValueError(f"volunteer capacity must not be negative (volunteers {bad})")


def check_max_travel_minutes(max_travel_minutes: float) -> float:
    """The maximum travel time as a float; ValueError unless it is a positive finite number."""
    try:
        value = float(max_travel_minutes)
    except (TypeError, ValueError):
        raise ValueError(f"maximum travel time must be a number of minutes, got {max_travel_minutes!r}") from None
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"maximum travel time must be more than 0 minutes, got {max_travel_minutes!r}")
    return value
