"""Saving and deleting a drawn service area with the version the analyst read (issue 11 item 4): one
transaction through the store's jitasa.save_service_area / delete_service_area. The store decides: a stale
save or delete, an area deleted meanwhile, a polygon nothing is left of after repair, a line, a bad attribute
come back as a result with the outcome code and detail (definitions.service_area_outcomes says them in
words), never as an exception; a repaired polygon is saved and its change reported.

`form_choices` reads what the form offers: facilities and amphoe."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..definitions.service_area_outcomes import SERVICE_AREA_KINDS, outcome_text
from ..store.service_area_edits import (
    EditOutcome,
    ServiceAreaRow,
    amphoe_choices,
    delete_service_area,
    facility_choices,
    save_service_area,
    service_area,
)
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection


@dataclass(frozen=True)
class ServiceAreaEdit:
    """What the form sends. `area_id` None for a new area; else `version` is the one read."""

    name: str
    kind: str
    wkt: str  # the polygon in EPSG:4326
    facility_id: Optional[int] = None
    responsible: Optional[str] = None  # a team, when no facility is responsible
    amphoe_code: Optional[str] = None
    area_id: Optional[int] = None
    version: Optional[int] = None


@dataclass(frozen=True)
class ServiceAreaEditResult:
    id: Optional[int]
    version: Optional[int]
    outcome: str  # a code of definitions.service_area_outcomes.OUTCOMES
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def written(self) -> bool:
        return self.outcome in ("inserted", "updated", "repaired", "deleted")

    @property
    def message(self) -> str:
        """The outcome in the user's language."""
        return outcome_text(self.outcome, self.detail)


@dataclass(frozen=True)
class FormChoices:
    facilities: list[tuple[int, str]]  # (id, Thai name)
    amphoe: list[tuple[str, str]]  # (code, Thai name)


def _result(out: EditOutcome) -> ServiceAreaEditResult:
    return ServiceAreaEditResult(id=out.id, version=out.version, outcome=out.outcome, detail=out.detail)


def save_area(store: Store, edit: ServiceAreaEdit, progress: Optional[Progress] = None) -> ServiceAreaEditResult:
    """Insert or update (with the version check) in one transaction. ValueError for a kind that names
    nothing; Cancelled before writing; StoreError when the store cannot be reached or refuses the role."""
    if edit.kind not in SERVICE_AREA_KINDS:
        raise ValueError(f"unknown service area kind {edit.kind!r}")
    progress = progress_of(progress)
    check_cancelled(progress)
    with connection(store, progress) as conn:
        out = save_service_area(
            conn,
            edit.area_id,
            edit.version,
            edit.name,
            edit.kind,
            edit.facility_id,
            edit.responsible,
            edit.amphoe_code,
            edit.wkt,
        )
    progress.report(1.0, outcome_text(out.outcome, out.detail))
    return _result(out)


def delete_area(store: Store, area_id: int, version: int, progress: Optional[Progress] = None) -> ServiceAreaEditResult:
    """Delete with the version check in one transaction; a stale delete is the result 'stale'."""
    progress = progress_of(progress)
    check_cancelled(progress)
    with connection(store, progress) as conn:
        out = delete_service_area(conn, area_id, version)
    progress.report(1.0, outcome_text(out.outcome, out.detail))
    return _result(out)


def read_area(store: Store, area_id: int) -> Optional[ServiceAreaRow]:
    """One area's attributes and version now (to edit it), or None."""
    with connection(store) as conn:
        return service_area(conn, area_id)


def form_choices(store: Store) -> FormChoices:
    """The facilities and amphoe the form offers."""
    with connection(store) as conn:
        return FormChoices(facilities=facility_choices(conn), amphoe=amphoe_choices(conn))
