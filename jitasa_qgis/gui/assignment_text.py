"""What officers read about assigning, translated: what a category needs, why a volunteer cannot go, why
the store refused a pair, who a volunteer is, distance (km) and travel minutes. The store and core speak
English codes; this turns them into words (Thai in i18n/jitasa_th.ts)."""
from __future__ import annotations

import math
from typing import Any, Callable, Mapping, Optional

from ..core.candidate_ranking import CandidateStatus, RankedCandidate
from ..definitions.enums import AssignmentStatus
from ..definitions.i18n import translate
from ..definitions.labels import assignment_status_label, volunteer_kind_label
from ..store.assignments import (
    NOT_PROPOSED_ANY_MORE,
    REQUEST_ALREADY_ASSIGNED,
    REQUEST_CLOSED,
    REQUEST_IN_PROGRESS,
    REQUEST_TWICE_IN_BATCH,
    VOLUNTEER_NOT_ELIGIBLE,
    VOLUNTEER_NOW_FULL,
    VOLUNTEER_UNAVAILABLE,
)

# definitions.eligibility's Need.label values (and the store's category_need.label)
_NEEDS: dict[str, Callable[[], str]] = {
    "vehicle": lambda: translate("AssignmentText", "a vehicle"),
    "PPE training and an enclosed vehicle": lambda: translate("AssignmentText", "PPE training and an enclosed vehicle"),
    "oxygen handling": lambda: translate("AssignmentText", "oxygen handling"),
    "PPE training": lambda: translate("AssignmentText", "PPE training"),
    "medical skill": lambda: translate("AssignmentText", "a medical skill"),
}

_REFUSALS: dict[str, Callable[[], str]] = {
    REQUEST_CLOSED: lambda: translate("AssignmentText", "the request is closed"),
    REQUEST_ALREADY_ASSIGNED: lambda: translate("AssignmentText", "request already assigned"),
    REQUEST_IN_PROGRESS: lambda: translate("AssignmentText", "the request is already in progress"),
    REQUEST_TWICE_IN_BATCH: lambda: translate("AssignmentText", "the request is in this batch twice"),
    VOLUNTEER_UNAVAILABLE: lambda: translate("AssignmentText", "the volunteer is unavailable"),
    VOLUNTEER_NOW_FULL: lambda: translate("AssignmentText", "volunteer now full"),
}


def needs_text(needs: str) -> str:
    """'vehicle or oxygen handling' → the translated alternatives; unknown parts stay as they are."""
    parts = [p.strip() for p in (needs or "").split(" or ") if p.strip()]
    if not parts:
        return translate("AssignmentText", "nothing special")
    return translate("AssignmentText", " or ").join(_NEEDS.get(p, lambda p=p: p)() for p in parts)


def refusal_text(reason: Optional[str]) -> str:
    """The store's refusal reason (store.assignments.REFUSAL_REASONS, maybe with detail) in words."""
    reason = (reason or "").strip()
    if reason in _REFUSALS:
        return _REFUSALS[reason]()
    if reason.startswith(VOLUNTEER_NOT_ELIGIBLE):
        return translate("AssignmentText", "the volunteer lacks what it needs: {needs}").format(
            needs=needs_text(reason[len(VOLUNTEER_NOT_ELIGIBLE):]))
    if reason.startswith(NOT_PROPOSED_ANY_MORE):
        status = reason[len(NOT_PROPOSED_ANY_MORE):].strip(" ()").removeprefix("now").strip()
        try:
            status = assignment_status_label(AssignmentStatus(status))
        except ValueError:
            pass
        return translate("AssignmentText", "no longer a proposal (now {status})").format(status=status)
    return reason or translate("AssignmentText", "no reason given")


def refusals_text(counts: Mapping[str, int]) -> str:
    """{'volunteer now full': 2, …} → 'volunteer now full: 2; …', most frequent first."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{refusal_text(reason)}: {n:,}" for reason, n in ordered)


def candidate_status_text(row: RankedCandidate) -> str:
    if row.status is CandidateStatus.ELIGIBLE:
        return translate("AssignmentText", "Can go")
    if row.status is CandidateStatus.UNAVAILABLE:
        return translate("AssignmentText", "Unavailable")
    if row.status is CandidateStatus.FULL:
        return translate("AssignmentText", "Full ({load})").format(load=row.load_text)
    return translate("AssignmentText", "Needs {needs}").format(needs=needs_text(row.needs))


def minutes_text(minutes: Optional[float], is_estimate: bool = True) -> str:
    """'12 min' or '≈12 min' for an estimate; '' when unknown."""
    if minutes is None or (isinstance(minutes, float) and math.isnan(minutes)):
        return ""
    whole = max(int(round(minutes)), 0)
    if is_estimate:
        return translate("AssignmentText", "≈{minutes} min").format(minutes=whole)
    return translate("AssignmentText", "{minutes} min").format(minutes=whole)


def distance_text(metres: Optional[float]) -> str:
    """'3.2 km' (one decimal); '' when unknown. Distance is never given in minutes: see minutes_text."""
    if metres is None or (isinstance(metres, float) and math.isnan(metres)):
        return ""
    return translate("AssignmentText", "{km} km").format(km=f"{max(float(metres), 0.0) / 1000:.1f}")


def volunteer_text(candidate: Any) -> str:
    """'Malee Jaidee (village health volunteer)' when the name was read (officers, admins); the kind alone
    otherwise (analysts: the store gives no name)."""
    kind = volunteer_kind_label(candidate.kind)
    name = (getattr(candidate, "name", None) or "").strip()
    return f"{name} ({kind})" if name else kind


def volunteer_contact_text(candidate: Any) -> str:
    """'Malee Jaidee, village health volunteer, 0812345678' with what was read; the kind alone otherwise."""
    parts = [(getattr(candidate, "name", None) or "").strip(), volunteer_kind_label(candidate.kind),
             (getattr(candidate, "phone", None) or "").strip()]
    return ", ".join(p for p in parts if p)
