"""Drawn service areas: saved and deleted through jitasa.save_service_area / jitasa.delete_service_area
(080_service_areas.sql), which check the version the caller read. A refusal (stale, not found, invalid
geometry...) is an `EditOutcome` with its code and detail, not an exception; only a store that cannot be
reached or a role that may not write raises StoreError.

Readers for the form (facilities, amphoe, one area) run in the caller's transaction and leave it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .calls import call, checked_id, fetch

WRITTEN_OUTCOMES = ("inserted", "updated", "repaired", "deleted")


@dataclass(frozen=True)
class EditOutcome:
    """What the store did: `outcome` a code of definitions.service_area_outcomes; `version` the row's version
    now (the stored one when stale, None when not found or deleted... as the function returned it)."""

    id: Optional[int]
    version: Optional[int]
    outcome: str
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def written(self) -> bool:
        return self.outcome in WRITTEN_OUTCOMES


@dataclass(frozen=True)
class ServiceAreaRow:
    """One service area's attributes as read now (to edit it with its version)."""

    id: int
    version: int
    name: str
    kind: str
    facility_id: Optional[int]
    responsible: Optional[str]
    amphoe_code: Optional[str]
    method: str
    wkt: Optional[str] = None  # the polygon now, in EPSG:4326


def _outcome(rows: list[tuple]) -> EditOutcome:
    r = rows[0]
    return EditOutcome(id=r[0], version=r[1], outcome=r[2], detail=dict(r[3] or {}))


def save_service_area(
    conn,
    area_id: Optional[int],
    version: Optional[int],
    name: str,
    kind: str,
    facility_id: Optional[int],
    responsible: Optional[str],
    amphoe_code: Optional[str],
    wkt: str,
) -> EditOutcome:
    """Insert (`area_id` None) or update with the version check, then commit (a refusal writes nothing).
    `wkt` is the polygon in EPSG:4326."""
    rows = call(
        conn,
        """
        SELECT id, version, outcome, detail
          FROM jitasa.save_service_area(%(id)s, %(version)s, %(name)s, %(kind)s, %(facility)s, %(responsible)s,
                                        %(amphoe)s, ST_GeomFromText(%(wkt)s, 4326))""",
        {
            "id": None if area_id is None else checked_id(area_id),
            "version": version,
            "name": name,
            "kind": kind,
            "facility": None if facility_id is None else checked_id(facility_id),
            "responsible": responsible,
            "amphoe": amphoe_code,
            "wkt": wkt,
        },
        commit=True,
    )
    return _outcome(rows)


def delete_service_area(conn, area_id: int, version: int) -> EditOutcome:
    """Delete with the version check, then commit."""
    rows = call(
        conn,
        "SELECT id, version, outcome, detail FROM jitasa.delete_service_area(%(id)s, %(version)s)",
        {"id": checked_id(area_id), "version": version},
        commit=True,
    )
    return _outcome(rows)


def service_area(conn, area_id: int) -> Optional[ServiceAreaRow]:
    """The area's attributes and polygon now, or None when there is no such area (any more)."""
    rows = fetch(
        conn,
        """
        SELECT id, version, name, kind, facility_id, responsible, amphoe_code, method, ST_AsText(geom)
          FROM jitasa.service_area WHERE id = %(id)s""",
        {"id": checked_id(area_id)},
    )
    return ServiceAreaRow(*rows[0]) if rows else None


def facility_choices(conn) -> list[tuple[int, str]]:
    """(id, Thai name) of every facility, by name: the form's responsible-facility list."""
    return [(r[0], r[1]) for r in fetch(conn, "SELECT id, name_th FROM jitasa.facility ORDER BY name_th, id", {})]


def amphoe_choices(conn) -> list[tuple[str, str]]:
    """(code, Thai name) of every amphoe, by code."""
    rows = fetch(conn, "SELECT code, name_th FROM jitasa.admin_area WHERE level = 'amphoe' ORDER BY code", {})
    return [(r[0], r[1]) for r in rows]
