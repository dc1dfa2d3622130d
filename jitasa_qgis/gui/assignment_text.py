"""What officers read about assigning, translated: what a category needs, why a volunteer cannot go, why
the store refused a pair, who a volunteer is, distance (km) and travel minutes. The store and core speak
codes; definitions.reasons turns reason codes into words (Thai in i18n/jitasa_th.ts), this module the rest."""

from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Optional

from ..core.candidate_ranking import CandidateStatus, RankedCandidate
from ..definitions.i18n import translate
from ..definitions.labels import volunteer_kind_label
from ..definitions.reasons import Detail, need_label_text, reason_text, reasons_text


def needs_text(needs: str) -> str:
    """'vehicle or oxygen handling' (definitions.eligibility.needs_label) → the translated alternatives;
    unknown parts stay as they are."""
    parts = [p.strip() for p in (needs or "").split(" or ") if p.strip()]
    if not parts:
        return translate("AssignmentText", "nothing special")
    return translate("AssignmentText", " or ").join(need_label_text(p) for p in parts)


def refusal_text(reason: Optional[str], detail: Detail = None) -> str:
    """The store's refusal (a definitions.reasons.RefusalReason code and its detail) in words."""
    return reason_text(reason, detail)


def refusals_text(refusals: Mapping[str, int] | Iterable[tuple[str, Detail]]) -> str:
    """Counts per code, or BatchResult.refusals() ((code, detail) per row) → 'volunteer now full: 2; …',
    most frequent first."""
    return reasons_text(refusals)


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
    parts = [
        (getattr(candidate, "name", None) or "").strip(),
        volunteer_kind_label(candidate.kind),
        (getattr(candidate, "phone", None) or "").strip(),
    ]
    return ", ".join(p for p in parts if p)
