# ruff: noqa: F811 - the fixtures world and officers come from test_store_row_security
"""services.area_scopes on the real test store: grant and revoke in one transaction each with the role's
areas after; blank or unknown input refused before or by the store; and an import by an admin who works one
amphoe is refused whole, in words, when a row lies outside (the row policies' WITH CHECK)."""

from __future__ import annotations

import csv

import pytest
from service_support import rows
from test_store_row_security import X, officers, world  # noqa: F401 - shared fixtures

from jitasa_qgis.services.area_scopes import AreaScopeParams, grant_area, my_areas, revoke_area
from jitasa_qgis.services.facility_import import FacilityImportParams, import_facilities
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.errors import StoreError


def _spec(pg_cluster, store, login) -> ConnectionSpec:
    return ConnectionSpec(params=pg_cluster.params(store.params["dbname"], user=login), label=login)


def test_grant_and_revoke_return_the_roles_areas(world, officers, login_role, pg_cluster, store):
    admin = _spec(pg_cluster, store, login_role("jitasa_admin", scope=None)[0])
    name = officers["none"][0]
    got = grant_area(admin, AreaScopeParams(role=name, area="1001"))
    assert (got.changed, got.area, [c for c, _by in got.scopes]) == (True, "1001", ["1001"])
    got = grant_area(admin, AreaScopeParams(role=name, area="National"))
    assert (got.changed, got.area, [c for c, _by in got.scopes]) == (True, None, [None, "1001"])
    officer = _spec(pg_cluster, store, name)
    assert [s.level for s in my_areas(officer)] == ["national", "amphoe"]
    got = revoke_area(admin, AreaScopeParams(role=name, area="national"))
    assert (got.changed, [c for c, _by in got.scopes]) == (True, ["1001"])
    assert [s.code for s in my_areas(officer)] == ["1001"]


@pytest.mark.parametrize("role, area", [("", "1001"), ("x", ""), ("x", "   ")])
def test_blank_input_is_refused_before_the_store(role, area, store):
    with pytest.raises(ValueError):
        grant_area(store, AreaScopeParams(role=role, area=area))


def test_an_unknown_area_or_role_is_the_stores_clear_refusal(world, officers, store):
    with pytest.raises(StoreError, match="No province or amphoe with code"):
        grant_area(store, AreaScopeParams(role=officers["none"][0], area="9999"))
    with pytest.raises(StoreError, match="No login or group role"):
        grant_area(store, AreaScopeParams(role="nobody_here", area="10"))


def test_an_import_by_an_amphoe_admin_with_a_row_outside_is_refused_whole(
    world, login_role, pg_cluster, store, tmp_path
):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:  # this admin works amphoe 1001 only
        cur.execute("DELETE FROM jitasa.area_scope WHERE role_name = 'jitasa_admin'")
    c.close()
    admin = _spec(pg_cluster, store, login_role("jitasa_admin", scope="1001")[0])
    path = tmp_path / "facilities.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["code", "name", "type", "lon", "lat"])
        w.writerow(["90001", "รพ.สต.หนึ่ง", "โรงพยาบาลส่งเสริมสุขภาพตำบล", X["1001"], 15.4])
        w.writerow(["90002", "รพ.สต.สอง", "โรงพยาบาลส่งเสริมสุขภาพตำบล", X["1002"], 15.4])
    before = rows(store, "SELECT count(*) FROM jitasa.facility")
    with pytest.raises(StoreError, match=r"Some of these rows \(facility\) lie outside the areas you work"):
        import_facilities(admin, FacilityImportParams(path=path, source="file"))
    assert rows(store, "SELECT count(*) FROM jitasa.facility") == before
    path.write_text(
        path.read_text(encoding="utf-8").splitlines()[0]
        + "\n"
        + path.read_text(encoding="utf-8").splitlines()[1]
        + "\n",
        encoding="utf-8",
    )
    assert import_facilities(admin, FacilityImportParams(path=path, source="file")).inserted == 1
