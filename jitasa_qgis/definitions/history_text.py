"""A request's history in words (the dock's History dialog and jitasa:history): what one audit row of the
request or of one of its assignments did, from plain values (table, operation, old and new values)."""

from __future__ import annotations

from typing import Optional

from .i18n import translate
from .labels import assignment_status_label, request_status_label, urgency_label

# bookkeeping columns (every update changes them; is_open follows the status): not worth a word
_QUIET = {"version", "updated_at", "is_open"}


def _status(table: str, value) -> str:
    if value is None:
        return "-"
    try:
        return (request_status_label if table == "help_request" else assignment_status_label)(value)
    except (KeyError, ValueError):
        return str(value)


def _others(old: dict, new: dict, skip: set) -> list[str]:
    return sorted(k for k in set(old) | set(new) if k not in skip and k not in _QUIET)


def change_text(
    table: str, operation: str, old: dict, new: dict, row_id: int, volunteer_id: Optional[int] = None
) -> str:
    """One line saying what the audit row did, e.g. "Status: New → Assigned"."""
    old, new = old or {}, new or {}
    if table == "help_request":
        if operation == "insert":
            return translate("RequestHistory", "Request recorded: {0}, urgency {1}").format(
                _status(table, new.get("status")), urgency_label(new["urgency"]) if new.get("urgency") else "-"
            )
        if operation == "delete":
            return translate("RequestHistory", "Request deleted")
        parts = []
        if "status" in new:
            parts.append(
                translate("RequestHistory", "Status: {0} → {1}").format(
                    _status(table, old.get("status")), _status(table, new.get("status"))
                )
            )
        if "urgency" in new:
            parts.append(
                translate("RequestHistory", "Urgency: {0} → {1}").format(
                    urgency_label(old["urgency"]) if old.get("urgency") else "-",
                    urgency_label(new["urgency"]) if new.get("urgency") else "-",
                )
            )
        others = _others(old, new, {"status", "urgency"})
        if others:
            parts.append(translate("RequestHistory", "Changed: {0}").format(", ".join(others)))
        return "; ".join(parts) or translate("RequestHistory", "Saved without changes")
    who = (
        translate("RequestHistory", "volunteer {0}").format(volunteer_id)
        if volunteer_id is not None
        else translate("RequestHistory", "a volunteer")
    )
    if operation == "insert":
        if new.get("status") == "active":
            return translate("RequestHistory", "Assigned to {0} (assignment {1})").format(who, row_id)
        return translate("RequestHistory", "Proposed: {0} (assignment {1})").format(who, row_id)
    if operation == "delete":
        return translate("RequestHistory", "Assignment {0} deleted").format(row_id)
    parts = []
    if "status" in new:
        parts.append(
            translate("RequestHistory", "Assignment {0} of {1}: {2} → {3}").format(
                row_id, who, _status(table, old.get("status")), _status(table, new.get("status"))
            )
        )
    if new.get("reason"):
        parts.append(translate("RequestHistory", "reason: {0}").format(new["reason"]))
    others = _others(old, new, {"status", "reason", "geom"})
    if others:
        parts.append(translate("RequestHistory", "Changed: {0}").format(", ".join(others)))
    return "; ".join(parts) or translate("RequestHistory", "Assignment {0} saved without changes").format(row_id)
