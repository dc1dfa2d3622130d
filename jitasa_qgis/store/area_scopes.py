"""Area scopes (issue 14): which login or group role works which provinces or amphoe, or the whole country.

Granted and revoked only through jitasa.grant_area_scope / revoke_area_scope (admins; checked again in the
store, 015_scopes.sql); the login's own areas come from jitasa.my_area_scopes(), which every role may ask.
The row policies (910_row_security.sql) use the same table, so what this module reports is what the store
enforces."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .calls import call, fetch

NATIONAL = "national"


@dataclass(frozen=True)
class AreaScope:
    """One area a login works: a province or amphoe (with its names), or the whole country (code None)."""

    code: Optional[str]
    level: str  # 'province', 'amphoe' or 'national'
    name_th: Optional[str] = None
    name_en: Optional[str] = None
    province_th: Optional[str] = None  # an amphoe's province
    province_en: Optional[str] = None
    via_role: str = ""  # the role that carries it (the login's own, or a group's)

    @property
    def national(self) -> bool:
        return self.code is None


def my_area_scopes(conn) -> list[AreaScope]:
    """The connected login's areas (national first); empty when it works none (it then sees no area data)."""
    rows = fetch(
        conn,
        "SELECT area_code, level, name_th, name_en, province_th, province_en, via_role FROM jitasa.my_area_scopes()",
        None,
    )
    return [AreaScope(*r) for r in rows]


def grant_area_scope(conn, role: str, area: Optional[str]) -> bool:
    """Grant `role` the province / amphoe code `area` (None, '' or 'national': the country) and commit.
    False when it had it already. StoreError with the store's message for a non-admin, an unknown role or
    area, or an admin granting outside the areas they work."""
    rows = call(conn, "SELECT jitasa.grant_area_scope(%s, %s)", (role, area), commit=True)
    return bool(rows[0][0])


def revoke_area_scope(conn, role: str, area: Optional[str]) -> bool:
    """Revoke `role`'s area and commit; False when it did not have it."""
    rows = call(conn, "SELECT jitasa.revoke_area_scope(%s, %s)", (role, area), commit=True)
    return bool(rows[0][0])


def area_scopes_of(conn, role: str) -> list[tuple[Optional[str], str]]:
    """(area code or None, granted_by) rows granted to `role` itself (admins read the table)."""
    return fetch(
        conn,
        "SELECT area_code, granted_by FROM jitasa.area_scope WHERE role_name = %s ORDER BY area_code NULLS FIRST",
        (role,),
    )
