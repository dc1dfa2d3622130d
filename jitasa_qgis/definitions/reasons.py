"""Reason codes and what officers read for them, translated (Thai in i18n/jitasa_th.ts): one table for the
GUI, the Processing log and output layer, and reports.

Two vocabularies, both stable snake_case codes (never sentences to parse):
- `RefusalReason`: why the store refused a pair or a row (resources/sql/definitions/040_assignment.sql
  returns the code and a jsonb detail; jitasa.assignment.reason stores the code);
- `UnassignedReason`: why a solver left a request without a volunteer (core.assignment).

`reason_text(code, detail)` renders either; the detail fills in what the code alone cannot say:
  volunteer_not_eligible / no_eligible_volunteer: {"category": ..., "needs": [{"skills": [...],
      "vehicles": [...]}, ...]} (alternatives, any one is enough; vehicles: any one of them);
  not_proposed: {"status": <the assignment's status now>};
  request_closed / request_already_assigned / request_in_progress: {"status": <the request's status>};
  volunteer_full: {"capacity": n, "active_count": n}.
A text that is not a known code (an officer's own reason for unassigning, a row written before the codes)
is shown as it is.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Iterable, Mapping, Optional

from .eligibility import CATEGORY_NEEDS
from .enums import AssignmentStatus, RequestCategory, Skill, VehicleKind
from .i18n import translate
from .labels import assignment_status_label, skill_label, vehicle_label


class RefusalReason(str, Enum):
    """Why the store refused a (request, volunteer) pair or a proposal; the codes the SQL functions return."""

    NO_SUCH_REQUEST = "no_such_request"
    NO_SUCH_VOLUNTEER = "no_such_volunteer"
    REQUEST_CLOSED = "request_closed"
    REQUEST_ALREADY_ASSIGNED = "request_already_assigned"
    REQUEST_IN_PROGRESS = "request_in_progress"
    REQUEST_TWICE_IN_BATCH = "request_twice_in_batch"
    VOLUNTEER_UNAVAILABLE = "volunteer_unavailable"
    VOLUNTEER_FULL = "volunteer_full"
    VOLUNTEER_NOT_ELIGIBLE = "volunteer_not_eligible"
    NOT_PROPOSED = "not_proposed"
    REJECTED_BY_OFFICER = "rejected_by_officer"


class UnassignedReason(str, Enum):
    """Why a solver gave a request no volunteer; checked in this order, the first that applies is reported."""

    NO_LOCATION = "no_location"
    NO_VOLUNTEER_IN_RANGE = "no_volunteer_in_range"
    NO_ELIGIBLE_VOLUNTEER = "no_eligible_volunteer"
    ELIGIBLE_AT_CAPACITY = "eligible_at_capacity"
    TAKEN_BY_OTHER_REQUESTS = "taken_by_other_requests"


Detail = Optional[Mapping[str, Any]]

# definitions.eligibility's Need.label values (the store's category_need.label), translated
NEED_LABELS: dict[str, Callable[[], str]] = {
    "vehicle": lambda: translate("Reasons", "a vehicle"),
    "PPE training and an enclosed vehicle": lambda: translate("Reasons", "PPE training and an enclosed vehicle"),
    "oxygen handling": lambda: translate("Reasons", "oxygen handling"),
    "PPE training": lambda: translate("Reasons", "PPE training"),
    "medical skill": lambda: translate("Reasons", "a medical skill"),
}


def need_label_text(label: str) -> str:
    """One Need.label ('vehicle', …) translated; an unknown label stays as it is."""
    return NEED_LABELS[label]() if label in NEED_LABELS else label


def _alternative_text(skills: Iterable[str], vehicles: Iterable[str], category: Optional[str]) -> str:
    """One way of serving a category: its eligibility label when it is one of the category's, else built
    from the skill and vehicle labels ('Medical and Car or Pickup truck')."""
    skills, vehicles = frozenset(skills or ()), frozenset(vehicles or ())
    try:
        known = CATEGORY_NEEDS[RequestCategory(category)] if category else ()
    except ValueError:
        known = ()
    for need in known:
        if {s.value for s in need.skills} == skills and {v.value for v in need.vehicles} == vehicles and need.label:
            return need_label_text(need.label)
    parts = [_label_or_raw(skill_label, Skill, s) for s in sorted(skills)]
    if vehicles:
        parts.append(
            translate("Reasons", " or ").join(_label_or_raw(vehicle_label, VehicleKind, v) for v in sorted(vehicles))
        )
    return translate("Reasons", " and ").join(parts)


def _label_or_raw(label: Callable, enum_type: type[Enum], value: str) -> str:
    try:
        return label(enum_type(value))
    except (ValueError, KeyError):
        return str(value)


def needs_text(detail: Detail) -> str:
    """What the category needs, from a detail with 'needs' (alternatives) and/or 'category'."""
    detail = detail or {}
    category = detail.get("category")
    needs = detail.get("needs")
    if needs is None and category:
        try:
            needs = [
                {"skills": [s.value for s in n.skills], "vehicles": [v.value for v in n.vehicles]}
                for n in CATEGORY_NEEDS[RequestCategory(category)]
            ]
        except ValueError:
            needs = []
    texts = [_alternative_text(n.get("skills") or (), n.get("vehicles") or (), category) for n in needs or ()]
    texts = [t for t in texts if t]
    if not texts:
        return translate("Reasons", "nothing special")
    return translate("Reasons", " or ").join(texts)


def _status_text(detail: Detail, enum_type: type[Enum], label: Callable) -> str:
    status = (detail or {}).get("status")
    return _label_or_raw(label, enum_type, status) if status else "?"


# Each code's text; the detail fills in what the code alone cannot say.
_TEXTS: dict[str, Callable[[Detail], str]] = {
    RefusalReason.NO_SUCH_REQUEST: lambda d: translate("Reasons", "no such request"),
    RefusalReason.NO_SUCH_VOLUNTEER: lambda d: translate("Reasons", "no such volunteer"),
    RefusalReason.REQUEST_CLOSED: lambda d: translate("Reasons", "the request is closed"),
    RefusalReason.REQUEST_ALREADY_ASSIGNED: lambda d: translate("Reasons", "request already assigned"),
    RefusalReason.REQUEST_IN_PROGRESS: lambda d: translate("Reasons", "the request is already in progress"),
    RefusalReason.REQUEST_TWICE_IN_BATCH: lambda d: translate("Reasons", "the request is in this batch twice"),
    RefusalReason.VOLUNTEER_UNAVAILABLE: lambda d: translate("Reasons", "the volunteer is unavailable"),
    RefusalReason.VOLUNTEER_FULL: lambda d: translate("Reasons", "volunteer now full"),
    RefusalReason.VOLUNTEER_NOT_ELIGIBLE: lambda d: (
        translate("Reasons", "the volunteer lacks what it needs: {needs}").format(needs=needs_text(d))
        if d
        else translate("Reasons", "the volunteer lacks what the request needs")
    ),
    RefusalReason.NOT_PROPOSED: lambda d: (
        translate("Reasons", "no longer a proposal (now {status})").format(
            status=_status_text(d, AssignmentStatus, assignment_status_label)
        )
        if d
        else translate("Reasons", "no longer a proposal")
    ),
    RefusalReason.REJECTED_BY_OFFICER: lambda d: translate("Reasons", "rejected by an officer"),
    UnassignedReason.NO_LOCATION: lambda d: translate("Reasons", "the request has no location"),
    UnassignedReason.NO_VOLUNTEER_IN_RANGE: lambda d: translate(
        "Reasons", "no volunteer within the maximum travel time"
    ),
    UnassignedReason.NO_ELIGIBLE_VOLUNTEER: lambda d: (
        translate("Reasons", "no eligible volunteer (needs {needs})").format(needs=needs_text(d))
        if d
        else translate("Reasons", "no eligible volunteer")
    ),
    UnassignedReason.ELIGIBLE_AT_CAPACITY: lambda d: translate("Reasons", "all eligible volunteers are at capacity"),
    UnassignedReason.TAKEN_BY_OTHER_REQUESTS: lambda d: translate(
        "Reasons", "the eligible volunteers within reach went to other requests"
    ),
}
_TEXTS = {code.value: text for code, text in _TEXTS.items()}

KNOWN_CODES: frozenset[str] = frozenset(_TEXTS)


def reason_text(code: Optional[str], detail: Detail = None) -> str:
    """A reason code (RefusalReason, UnassignedReason or their values) with its detail, in words; any other
    text (an officer's own reason) as it is."""
    key = code.value if isinstance(code, Enum) else (code or "").strip()
    if key in _TEXTS:
        return _TEXTS[key](detail)
    return key or translate("Reasons", "no reason given")


def reasons_text(reasons: Mapping[str, int] | Iterable[tuple[str, Detail]]) -> str:
    """Counts per code ({'volunteer_full': 2, …}) or (code, detail) pairs, one per row, in words:
    'volunteer now full: 2; …', most frequent first. Pairs are counted by their text, so details that read
    the same (two full volunteers) count together and ones that differ (now Active, now Rejected) apart."""
    counts: dict[str, int] = {}
    if isinstance(reasons, Mapping):
        for code, n in reasons.items():
            text = reason_text(code)
            counts[text] = counts.get(text, 0) + int(n)
    else:
        for code, detail in reasons:
            text = reason_text(code, detail)
            counts[text] = counts.get(text, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{text}: {n:,}" for text, n in ordered)
