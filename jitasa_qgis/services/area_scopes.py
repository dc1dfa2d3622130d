"""Granting and revoking area scopes (issue 14), and the connected login's own areas.

An admin grants a login or a group role a province (2-digit code), an amphoe (4-digit code) or the whole
country ("national"); each call is one transaction in the store (jitasa.grant_area_scope /
revoke_area_scope), which checks again that the caller is an admin who works that area. The row policies
then show that login only its areas' requests, volunteers, assignments and service areas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..store.area_scopes import NATIONAL, AreaScope, grant_area_scope, my_area_scopes, revoke_area_scope
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection


@dataclass(frozen=True)
class AreaScopeParams:
    role: str  # a login or group role
    area: str = NATIONAL  # a province or amphoe code, or "national"


@dataclass(frozen=True)
class AreaScopeResult:
    role: str
    area: Optional[str]  # None: national
    changed: bool  # False: the role had (granting) or lacked (revoking) it already
    scopes: tuple[tuple[Optional[str], str], ...]  # the role's own areas afterwards: (code or None, granted_by)


def _area(params: AreaScopeParams) -> Optional[str]:
    text = (params.area or "").strip()
    if not text:
        raise ValueError("an area is needed: a province or amphoe code, or 'national'")
    return None if text.lower() == NATIONAL else text


def _change(store: Store, params: AreaScopeParams, grant: bool, progress: Optional[Progress]) -> AreaScopeResult:
    from ..store.area_scopes import area_scopes_of

    role = (params.role or "").strip()
    if not role:
        raise ValueError("a login or group role is needed")
    area = _area(params)
    progress = progress_of(progress)
    check_cancelled(progress)
    with connection(store, progress) as conn:
        fn = grant_area_scope if grant else revoke_area_scope
        changed = fn(conn, role, area)
        scopes = tuple((code, by) for code, by in area_scopes_of(conn, role))
        conn.rollback()  # the read above opened a transaction; the change is committed already
    progress.report(1.0, "")
    return AreaScopeResult(role=role, area=area, changed=changed, scopes=scopes)


def grant_area(store: Store, params: AreaScopeParams, progress: Optional[Progress] = None) -> AreaScopeResult:
    """Grant the role the area (one transaction). StoreError with the store's message when refused."""
    return _change(store, params, True, progress)


def revoke_area(store: Store, params: AreaScopeParams, progress: Optional[Progress] = None) -> AreaScopeResult:
    """Revoke the role's area (one transaction). StoreError with the store's message when refused."""
    return _change(store, params, False, progress)


def my_areas(store: Store) -> list[AreaScope]:
    """The connected login's areas (national first); empty: it works none and sees no area data."""
    with connection(store) as conn:
        scopes = my_area_scopes(conn)
        conn.rollback()
        return scopes
