"""Drawn service areas in words: the kinds an area can be (`kind_label`) and what jitasa.save_service_area /
jitasa.delete_service_area (080_service_areas.sql) did (`outcome_text(code, detail)`).

Details by outcome: repaired {reason, drawn_m2, saved_m2, change_m2, change_pct (None when the drawn ring had
no area of its own), written}; stale {your_version, current_version}; invalid_geometry {reason};
not_polygon {type}; invalid_input {field, value?}.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping, Optional

from .i18n import translate

# the values of service_area.kind (0015_service_areas.sql), in the order the form offers them
_KINDS: dict[str, Callable[[], str]] = {
    "responsibility": lambda: translate("ServiceAreaKinds", "area of responsibility"),
    "coverage": lambda: translate("ServiceAreaKinds", "coverage area"),
    "catchment": lambda: translate("ServiceAreaKinds", "catchment"),
    "drive_time": lambda: translate("ServiceAreaKinds", "drive-time area"),
    "buffer": lambda: translate("ServiceAreaKinds", "distance buffer"),
    "nearest": lambda: translate("ServiceAreaKinds", "nearest-facility area"),
}
SERVICE_AREA_KINDS: tuple[str, ...] = tuple(_KINDS)
DRAWN_KINDS: tuple[str, ...] = ("responsibility", "coverage")  # what an analyst draws by hand

OUTCOMES: tuple[str, ...] = (
    "inserted",
    "updated",
    "deleted",
    "repaired",
    "stale",
    "not_found",
    "invalid_geometry",
    "not_polygon",
    "invalid_input",
    "out_of_scope",
)


def kind_label(kind: str) -> str:
    """The kind in the user's language; an unknown one as it is."""
    label = _KINDS.get(kind)
    return label() if label else kind


# GEOS's ST_IsValidReason texts start with one of these; the location in brackets follows
_GEOS_REASONS: dict[str, Callable[[], str]] = {
    "Ring Self-intersection": lambda: translate("ServiceAreaOutcomes", "its outline touches itself"),
    "Self-intersection": lambda: translate("ServiceAreaOutcomes", "its outline crosses itself"),
    "Too few points": lambda: translate("ServiceAreaOutcomes", "it has too few points"),
    "Interior is disconnected": lambda: translate("ServiceAreaOutcomes", "a hole cuts it in two"),
    "Hole lies outside shell": lambda: translate("ServiceAreaOutcomes", "a hole lies outside it"),
    "Nested shells": lambda: translate("ServiceAreaOutcomes", "one part lies inside another"),
    "empty": lambda: translate("ServiceAreaOutcomes", "it is empty"),
}


def geometry_reason_text(reason: Optional[str]) -> str:
    """GEOS's reason (e.g. 'Self-intersection[101.05 16.05]') in words, with its place when given."""
    reason = (reason or "").strip()
    for prefix, text in _GEOS_REASONS.items():
        if reason.startswith(prefix):
            place = re.search(r"\[([-0-9.eE]+) ([-0-9.eE]+)\]", reason)
            if place:
                return translate("ServiceAreaOutcomes", "{0} near {1}, {2}").format(
                    text(), f"{float(place.group(2)):.5f}", f"{float(place.group(1)):.5f}"
                )
            return text()
    return reason or translate("ServiceAreaOutcomes", "it is not a valid polygon")


def _m2(value: Any) -> str:
    number = float(value or 0.0)
    if abs(number) >= 100_000:
        return translate("ServiceAreaOutcomes", "{0} km²").format(f"{number / 1e6:,.2f}")
    return translate("ServiceAreaOutcomes", "{0} m²").format(f"{number:,.0f}")


def _repaired(d: Mapping[str, Any]) -> str:
    pct = d.get("change_pct")
    change = (
        translate("ServiceAreaOutcomes", "{0}, {1} %").format(_m2(d.get("change_m2")), f"{float(pct):+.1f}")
        if pct is not None
        else _m2(d.get("change_m2"))
    )
    return translate(
        "ServiceAreaOutcomes",
        "Saved after repair: the polygon was not valid ({0}). Area as drawn {1}, as saved {2} (change {3}). "
        "Check the shape on the map.",
    ).format(geometry_reason_text(d.get("reason")), _m2(d.get("drawn_m2")), _m2(d.get("saved_m2")), change)


def _invalid_input(d: Mapping[str, Any]) -> str:
    field = d.get("field")
    value = d.get("value")
    if field == "name":
        text = translate("ServiceAreaOutcomes", "A service area needs a name.")
    elif field == "kind":
        text = translate("ServiceAreaOutcomes", "Unknown kind of service area: {0}.").format(value)
    elif field == "facility_id":
        text = translate("ServiceAreaOutcomes", "Facility {0} does not exist (any more).").format(value)
    elif field == "amphoe_code":
        text = translate("ServiceAreaOutcomes", "Unknown amphoe code {0}.").format(value)
    else:
        text = translate("ServiceAreaOutcomes", "Invalid value for {0}.").format(field)
    return text + " " + translate("ServiceAreaOutcomes", "Nothing was saved.")


_TEXTS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "inserted": lambda d: translate("ServiceAreaOutcomes", "Service area saved."),
    "updated": lambda d: translate("ServiceAreaOutcomes", "Service area updated."),
    "deleted": lambda d: translate("ServiceAreaOutcomes", "Service area deleted."),
    "repaired": _repaired,
    "stale": lambda d: translate(
        "ServiceAreaOutcomes",
        "Someone else changed this service area first (it is now version {0}; you had version {1}). Nothing was "
        "saved and nothing was overwritten: reload it and apply your change again.",
    ).format(d.get("current_version"), d.get("your_version")),
    "not_found": lambda d: translate(
        "ServiceAreaOutcomes", "This service area no longer exists (someone deleted it). Nothing was saved."
    ),
    "invalid_geometry": lambda d: translate(
        "ServiceAreaOutcomes", "The polygon cannot be used: {0}, and no area is left after repair. Nothing was saved."
    ).format(geometry_reason_text(d.get("reason"))),
    "not_polygon": lambda d: translate(
        "ServiceAreaOutcomes", "A service area must be a polygon, not a {0}. Nothing was saved."
    ).format(str(d.get("type", "")).lower()),
    "invalid_input": _invalid_input,
    "out_of_scope": lambda d: translate(
        "ServiceAreaOutcomes", "This service area is outside the areas you work. Nothing was saved."
    ),
}


def outcome_text(code: str, detail: Optional[Mapping[str, Any]] = None) -> str:
    """What the store did, in the user's language; an unknown code as it is."""
    text = _TEXTS.get(code)
    return text(detail or {}) if text else code
