"""What a solver returns: assigned pairs, unassigned requests with a reason each, and a summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Optional

import numpy as np

from ...definitions.eligibility import CATEGORY_ORDER, needs_label
from ...definitions.enums import Urgency
from .costs import CandidateIndex
from .problem import AssignmentProblem

URGENCY_BY_RANK = (Urgency.CRITICAL, Urgency.HIGH, Urgency.NORMAL, Urgency.LOW)


class UnassignedReason(str, Enum):
    """Why a request got no volunteer; checked in this order, the first that applies is reported."""

    NO_LOCATION = "no_location"
    NO_VOLUNTEER_IN_RANGE = "no_volunteer_in_range"
    NO_ELIGIBLE_VOLUNTEER = "no_eligible_volunteer"
    ELIGIBLE_AT_CAPACITY = "eligible_at_capacity"
    TAKEN_BY_OTHER_REQUESTS = "taken_by_other_requests"


# English text; the GUI and Processing algorithms translate it.
REASON_TEXT = {
    UnassignedReason.NO_LOCATION: "request has no location",
    UnassignedReason.NO_VOLUNTEER_IN_RANGE: "no volunteer within max travel time",
    UnassignedReason.NO_ELIGIBLE_VOLUNTEER: "no eligible volunteer (needs {needs})",
    UnassignedReason.ELIGIBLE_AT_CAPACITY: "all eligible volunteers at capacity",
    UnassignedReason.TAKEN_BY_OTHER_REQUESTS:
        "eligible volunteers within reach were assigned to other requests",
}


def reason_text(reason: UnassignedReason, category_code: int) -> str:
    text = REASON_TEXT[UnassignedReason(reason)]
    if "{needs}" in text:
        text = text.format(needs=needs_label(CATEGORY_ORDER[category_code]) or "nothing special")
    return text


@dataclass(frozen=True)
class AssignmentResult:
    """Assigned pairs and unassigned requests as column arrays (ids, not indices), plus a summary.

    `summary` holds: method, requests, assigned, unassigned, unassigned_by_reason (reason code → count),
    assigned_by_urgency, unassigned_by_urgency, total_minutes, mean_minutes (None when nothing was
    assigned), max_travel_minutes, travel_estimate (how minutes were estimated), message; solvers may add
    more (the optimal solver adds its optimality proof).
    """

    request_id: np.ndarray
    volunteer_id: np.ndarray
    minutes: np.ndarray
    unassigned_id: np.ndarray
    unassigned_reason: np.ndarray  # `UnassignedReason` values (plain str codes; equal to the enum members)
    unassigned_text: np.ndarray  # English reason with the category's needs filled in
    summary: dict[str, Any] = field(default_factory=dict)

    def pairs(self) -> list[tuple[int, int, float]]:
        """(request_id, volunteer_id, minutes) for every assignment."""
        return list(zip(self.request_id.tolist(), self.volunteer_id.tolist(), self.minutes.tolist()))

    def unassigned(self) -> list[tuple[int, str, str]]:
        """(request_id, reason code, reason text) for every request left without a volunteer."""
        return list(zip(self.unassigned_id.tolist(), self.unassigned_reason.tolist(),
                        self.unassigned_text.tolist()))

    @property
    def total_minutes(self) -> float:
        return float(self.minutes.sum())


def _any_within(index: CandidateIndex, req_idx: np.ndarray, usable_only: bool, any_skills: bool) -> np.ndarray:
    """Per request: is there a volunteer (eligible unless any_skills) within the maximum travel time?"""
    found = np.zeros(len(req_idx), bool)
    if len(req_idx) == 0:
        return found
    classes = np.full(len(req_idx), -1) if any_skills else index.req_class[req_idx]
    for cls in np.unique(classes):
        pos = np.flatnonzero(classes == cls)
        tree, _members = index.tree(int(cls), usable_only)
        if tree is None:
            continue
        dist, _ = tree.query(index.req_xyz[req_idx[pos]], k=1, distance_upper_bound=index.max_chord * (1 + 1e-9))
        ok = np.isfinite(dist)
        ok[ok] = index.travel.chord_to_minutes(dist[ok]) <= index.max_minutes
        found[pos] = ok
    return found


def explain_unassigned(index: CandidateIndex, req_idx: np.ndarray) -> np.ndarray:
    """Reason codes (object array of `UnassignedReason` values) for requests that got no volunteer."""
    req_idx = np.asarray(req_idx, np.int64)
    reasons = np.empty(len(req_idx), dtype=object)
    reasons[:] = UnassignedReason.NO_LOCATION.value
    pending = np.flatnonzero(index.req_located[req_idx])
    checks = (  # (usable only, any skills, reason when found)
        (True, False, UnassignedReason.TAKEN_BY_OTHER_REQUESTS),
        (False, False, UnassignedReason.ELIGIBLE_AT_CAPACITY),
        (False, True, UnassignedReason.NO_ELIGIBLE_VOLUNTEER),
    )
    for usable_only, any_skills, reason in checks:
        found = _any_within(index, req_idx[pending], usable_only, any_skills)
        reasons[pending[found]] = reason.value
        pending = pending[~found]
    reasons[pending] = UnassignedReason.NO_VOLUNTEER_IN_RANGE.value
    return reasons


def build_result(
    problem: AssignmentProblem,
    index: CandidateIndex,
    assigned_vol: np.ndarray,
    minutes: np.ndarray,
    method: str,
    extra: Optional[dict[str, Any]] = None,
) -> AssignmentResult:
    """Turn per-request volunteer indices (-1 = none) and minutes into a result with reasons and summary."""
    requests, volunteers = problem.requests, problem.volunteers
    n = len(requests)
    has = assigned_vol >= 0
    req_idx = np.flatnonzero(has)
    open_idx = np.flatnonzero(~has)
    reasons = explain_unassigned(index, open_idx)
    texts = np.array(
        [reason_text(r, c) for r, c in zip(reasons, requests.category[open_idx].tolist())], dtype=object
    )
    pair_minutes = minutes[req_idx].astype(np.float64)
    total = float(pair_minutes.sum())
    ranks = requests.urgency_rank
    by_reason: dict[str, int] = {}
    for reason in UnassignedReason:
        count = int(np.count_nonzero(reasons == reason.value))
        if count:
            by_reason[reason.value] = count
    summary: dict[str, Any] = {
        "method": method,
        "requests": n,
        "volunteers": len(volunteers),
        "assigned": int(has.sum()),
        "unassigned": int(n - has.sum()),
        "unassigned_by_reason": by_reason,
        "assigned_by_urgency": {
            u.value: int(np.count_nonzero(has & (ranks == r))) for r, u in enumerate(URGENCY_BY_RANK)
        },
        "unassigned_by_urgency": {
            u.value: int(np.count_nonzero(~has & (ranks == r))) for r, u in enumerate(URGENCY_BY_RANK)
        },
        "total_minutes": total,
        "mean_minutes": total / len(req_idx) if len(req_idx) else None,
        "max_travel_minutes": index.max_minutes,
        "travel_estimate": (
            f"great-circle estimate at {index.travel.speed_kmh:g} km/h"
            + (f" × detour {index.travel.detour_factor:g}" if index.travel.detour_factor != 1 else "")
        ),
    }
    if n == 0:
        summary["message"] = "no open requests to assign"
    elif not index.vol_usable.any():
        summary["message"] = "no available volunteer with capacity left"
    else:
        summary["message"] = f"{summary['assigned']} of {n} requests assigned"
    if extra:
        summary.update(extra)
    return AssignmentResult(
        request_id=requests.id[req_idx],
        volunteer_id=volunteers.id[assigned_vol[req_idx]],
        minutes=pair_minutes,
        unassigned_id=requests.id[open_idx],
        unassigned_reason=reasons,
        unassigned_text=texts,
        summary=summary,
    )
