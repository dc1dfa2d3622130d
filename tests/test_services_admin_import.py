"""services.admin_import on the real test cluster with the real Phetchabun and national boundary files:
counts, a second import that writes nothing, updates in place, parents made from tambons, the province
filter, rejects kept once, areas in use never removed, cancel before writing."""

from __future__ import annotations

import json
import select
from dataclasses import replace
from pathlib import Path

import pytest
from osgeo import ogr
from service_support import rows

from jitasa_qgis.core.tabular import read_table
from jitasa_qgis.services.admin_import import AdminImportParams, import_admin_areas
from jitasa_qgis.services.progress import CallbackProgress, Cancelled

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PHETCHABUN = SHARED / "phetchabun" / "admin.gpkg"
NATIONAL = SHARED / "thailand" / "admin_codab_simplified.gpkg"


def _levels(result, name: str) -> tuple[int, int, int]:
    return tuple(getattr(result.levels[level], name) for level in ("province", "amphoe", "tambon"))


def _stored(spec) -> tuple[int, int, int]:
    return tuple(
        rows(spec, "SELECT count(*) FROM jitasa.admin_area WHERE level = %s", (level,))[0][0]
        for level in ("province", "amphoe", "tambon")
    )


def _trail(spec) -> tuple:
    """What a needless write would leave: audit rows, request versions, the areas' row versions (xmin)."""
    return (
        rows(spec, "SELECT count(*) FROM jitasa.audit_log")[0][0],
        rows(spec, "SELECT id, version, tambon_code FROM jitasa.help_request ORDER BY id"),
        rows(spec, "SELECT code, xmin::text FROM jitasa.admin_area ORDER BY code"),
    )


def _add_request(spec, tambon: str) -> int:
    conn = spec.connect()
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (category, geom) SELECT 'food_supplies', ST_PointOnSurface(geom)"
            "  FROM jitasa.admin_area WHERE code = %s RETURNING id",
            (tambon,),
        )
        rid = cur.fetchone()[0]
    conn.close()
    return rid


def test_phetchabun_file_imports_its_three_levels_and_a_second_import_writes_nothing(store):
    seen = []
    first = import_admin_areas(store, AdminImportParams(path=PHETCHABUN), CallbackProgress(lambda f, m: seen.append(f)))
    assert _levels(first, "inserted") == (1, 11, 117)
    assert _levels(first, "rejected") == (0, 0, 0) and not first.rejects
    assert _stored(store) == (1, 11, 117)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    assert rows(store, "SELECT parent_code, name_th, name_en FROM jitasa.admin_area WHERE code = '670101'") == [
        ("6701", "ในเมือง", "Nai Mueang")
    ]
    _add_request(store, "670101")
    before = _trail(store)
    listener = store.connect(autocommit=True)
    with listener.cursor() as cur:
        cur.execute("LISTEN jitasa")
    again = import_admin_areas(store, AdminImportParams(path=PHETCHABUN))
    assert _levels(again, "unchanged") == (1, 11, 117)
    assert _levels(again, "inserted") == _levels(again, "updated") == (0, 0, 0)
    assert _trail(store) == before  # no audit row, no version bump, no area row rewritten
    select.select([listener], [], [], 0.5)  # a NOTIFY sent at the commit would be here by now
    listener.poll()
    assert listener.notifies == []  # and no layer told to reload
    listener.close()


def test_national_file_imports_77_928_7425_and_again_changes_nothing(store):
    first = import_admin_areas(store, AdminImportParams(path=NATIONAL))
    assert _levels(first, "inserted") == (77, 928, 7425)
    assert _stored(store) == (77, 928, 7425)
    before = _trail(store)
    again = import_admin_areas(store, AdminImportParams(path=NATIONAL))
    assert _levels(again, "unchanged") == (77, 928, 7425)
    assert _trail(store) == before


def test_a_renamed_tambon_and_a_new_population_update_in_place(store):
    import_admin_areas(store, AdminImportParams(path=PHETCHABUN))
    rid = _add_request(store, "670101")
    (area_id,) = rows(store, "SELECT id FROM jitasa.admin_area WHERE code = '670101'")[0]
    version = rows(store, "SELECT version FROM jitasa.help_request WHERE id = %s", (rid,))[0][0]
    table = read_table(PHETCHABUN, "tambon_codab")
    table.headers.append("population")
    for row in table.rows:
        row["population"] = None
        if row["adm3_pcode"] == "TH670101":
            row["adm3_th"] = "ในเมืองใหม่"
        if row["adm3_pcode"] == "TH670102":
            row["population"] = "12,345"
    result = import_admin_areas(store, AdminImportParams(tables=(table,)))
    assert result.levels["tambon"].updated == 2 and result.levels["tambon"].unchanged == 115
    assert result.levels["tambon"].inserted == 0 and _levels(result, "created_parents") == (0, 0, 0)
    assert rows(store, "SELECT id, name_th FROM jitasa.admin_area WHERE code = '670101'") == [(area_id, "ในเมืองใหม่")]
    assert rows(store, "SELECT population FROM jitasa.admin_area WHERE code = '670102'") == [(12345,)]
    # the shape did not change: the request inside was not re-coded, versioned or audited
    assert rows(store, "SELECT version, tambon_code FROM jitasa.help_request WHERE id = %s", (rid,)) == [
        (version, "670101")
    ]
    # a file without the population keeps the stored one
    import_admin_areas(store, AdminImportParams(path=PHETCHABUN, layer="tambon_codab"))
    assert rows(store, "SELECT population FROM jitasa.admin_area WHERE code = '670102'") == [(12345,)]


def test_the_tambon_layer_alone_creates_its_amphoe_and_province(store):
    result = import_admin_areas(store, AdminImportParams(path=PHETCHABUN, layer="tambon_codab"))
    assert _levels(result, "created_parents") == (1, 11, 0)
    assert _levels(result, "inserted") == (0, 0, 117)
    assert _stored(store) == (1, 11, 117)
    assert rows(store, "SELECT name_th, name_en, parent_code FROM jitasa.admin_area WHERE code = '6701'") == [
        ("เมืองเพชรบูรณ์", "Mueang Phetchabun", "67")
    ]
    # the amphoe is the union of its tambons
    (covered,) = rows(
        store,
        "SELECT ST_Area(ST_SymDifference(a.geom, (SELECT ST_Union(geom) FROM jitasa.admin_area t"
        "  WHERE t.parent_code = a.code))) < 1e-9 FROM jitasa.admin_area a WHERE a.code = '6701'",
    )[0]
    assert covered
    again = import_admin_areas(store, AdminImportParams(path=PHETCHABUN, layer="tambon_codab"))
    assert _levels(again, "created_parents") == (0, 0, 0) and again.levels["tambon"].unchanged == 117


def test_parents_nobody_names_reject_their_children(store):
    table = read_table(PHETCHABUN, "tambon_codab")
    for column in ("adm2_th", "adm2_en"):
        table.headers.remove(column)
        for row in table.rows:
            del row[column]
    result = import_admin_areas(store, AdminImportParams(tables=(table,), provinces="67"))
    assert result.levels["tambon"].rejected == 117
    assert {r.reason for r in result.rejects} == {"unknown_parent"}
    assert {r.detail["code"] for r in result.rejects} == {f"67{i:02d}" for i in range(1, 12)}
    assert _stored(store) == (0, 0, 0)


def test_one_province_or_several_by_code_and_name(store):
    result = import_admin_areas(store, AdminImportParams(path=NATIONAL, layer="adm3_tambon", provinces="เพชรบูรณ์"))
    assert _levels(result, "inserted") == (0, 0, 117) and _levels(result, "created_parents") == (1, 11, 0)
    assert result.outside_filter == 7425 - 117 and result.provinces == ("67",)
    two = import_admin_areas(
        store, AdminImportParams(path=NATIONAL, layer="adm2_amphoe", provinces="TH67, Phitsanulok")
    )
    assert two.provinces == ("65", "67")
    assert two.levels["amphoe"].unchanged == 0 and two.levels["amphoe"].updated == 11  # file shapes replace unions
    assert (
        two.levels["amphoe"].inserted
        == rows(store, "SELECT count(*) FROM jitasa.admin_area WHERE level = 'amphoe' AND code LIKE '65%%'")[0][0]
    )
    with pytest.raises(ValueError, match="Atlantis"):
        import_admin_areas(store, AdminImportParams(path=NATIONAL, layer="adm1_province", provinces="67, Atlantis"))


def _square(x: float, y: float, d: float = 0.01) -> str:
    return f"POLYGON(({x} {y},{x + d} {y},{x + d} {y + d},{x} {y + d},{x} {y}))"


@pytest.fixture
def bad_rows_file(tmp_path) -> Path:
    """A GeoJSON of five tambons of amphoe 6701 in plain DOPA codes: two good, one with a self-crossing
    (bow-tie) ring, a bad code, a point, a negative population."""
    features = [
        ("670101", "ดี หนึ่ง", "1200", _square(101.0, 16.0)),
        ("670102", "ดี สอง", None, _square(101.1, 16.0)),
        ("670103", "โบว์", "10", "POLYGON((101.2 16.0,101.21 16.01,101.21 16.0,101.2 16.01,101.2 16.0))"),
        ("67X104", "รหัสผิด", None, _square(101.3, 16.0)),
        ("670105", "จุด", None, "POINT(101.4 16.0)"),
        ("670106", "ติดลบ", "-5", _square(101.5, 16.0)),
    ]
    out = {"type": "FeatureCollection", "features": []}
    for code, name, population, wkt in features:
        out["features"].append(
            {
                "type": "Feature",
                "properties": {
                    "tambon_code": code,
                    "tambon_th": name,
                    "population": population,
                    "amphoe_th": "เมืองเพชรบูรณ์",
                    "province_th": "เพชรบูรณ์",
                },
                "geometry": json.loads(ogr.CreateGeometryFromWkt(wkt).ExportToJson()),
            }
        )
    path = tmp_path / "tambons_hotline.geojson"
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return path


def test_bad_code_point_and_negative_population_are_rejected_and_kept_once(store, bad_rows_file):
    params = AdminImportParams(path=bad_rows_file)
    result = import_admin_areas(store, params)
    reasons = sorted((r.reason, r.detail.get("value") or r.detail.get("problem")) for r in result.rejects)
    assert reasons == [("bad_code", "67X104"), ("bad_geometry", "not a polygon: Point"), ("bad_number", "-5")]
    assert result.levels["tambon"].inserted == 3 and result.levels["tambon"].rejected == 3
    assert result.levels["tambon"].repaired == 1  # the bow-tie, made valid by the store
    assert _levels(result, "created_parents") == (1, 1, 0)
    assert rows(store, "SELECT ST_IsValid(geom), population FROM jitasa.admin_area WHERE code = '670103'") == [
        (True, 10)
    ]
    assert result.new_rejects == 3
    kept = rows(store, "SELECT target, source, reason FROM jitasa.import_reject ORDER BY reason")
    assert kept == [
        ("admin_area", "tambons_hotline.geojson", "bad_code"),
        ("admin_area", "tambons_hotline.geojson", "bad_geometry"),
        ("admin_area", "tambons_hotline.geojson", "bad_number"),
    ]
    again = import_admin_areas(store, params)
    assert again.new_rejects == 0 and len(again.rejects) == 3
    assert rows(store, "SELECT count(*) FROM jitasa.import_reject")[0][0] == 3
    assert again.levels["tambon"].unchanged == 3  # the repaired shape is the same bytes again


def test_remove_missing_keeps_an_area_a_request_lies_in(store):
    import_admin_areas(store, AdminImportParams(path=PHETCHABUN))
    rid = _add_request(store, "670101")
    table = read_table(PHETCHABUN, "tambon_codab")
    keep = [i for i, row in enumerate(table.rows) if row["adm3_pcode"] not in ("TH670101", "TH670102")]
    smaller = replace(
        table,
        rows=[table.rows[i] for i in keep],
        geometries=[table.geometries[i] for i in keep],
        row_numbers=[table.row_numbers[i] for i in keep],
    )
    result = import_admin_areas(store, AdminImportParams(tables=(smaller,), remove_missing=True))
    assert result.levels["tambon"].removed == 1 and result.levels["tambon"].kept_in_use == 1
    assert [(r.reason, r.detail["code"], r.detail["requests"]) for r in result.rejects] == [
        ("area_in_use", "670101", 1)
    ]
    assert rows(store, "SELECT code FROM jitasa.admin_area WHERE code IN ('670101', '670102')") == [("670101",)]
    assert rows(store, "SELECT tambon_code FROM jitasa.help_request WHERE id = %s", (rid,)) == [("670101",)]
    # without the option nothing is removed
    import_admin_areas(store, AdminImportParams(tables=(smaller,)))
    assert rows(store, "SELECT count(*) FROM jitasa.admin_area WHERE level = 'tambon'")[0][0] == 116


def test_a_cancel_before_writing_leaves_nothing(store):
    hit = []
    progress = CallbackProgress(lambda f, m: hit.append(f) if f >= 0.5 else None, lambda: bool(hit))
    with pytest.raises(Cancelled):
        import_admin_areas(store, AdminImportParams(path=PHETCHABUN), progress)
    assert _stored(store) == (0, 0, 0)
    assert rows(store, "SELECT count(*) FROM jitasa.import_reject")[0][0] == 0


def test_unknown_level_and_missing_file_are_clear_errors(store, tmp_path):
    with pytest.raises(ValueError, match="village"):
        import_admin_areas(store, AdminImportParams(path=PHETCHABUN, level="village"))
    with pytest.raises(ValueError, match="nowhere.gpkg"):
        import_admin_areas(store, AdminImportParams(path=tmp_path / "nowhere.gpkg"))


def test_a_fixed_level_refuses_codes_of_another_length(store):
    result = import_admin_areas(store, AdminImportParams(path=PHETCHABUN, layer="tambon_codab", level="amphoe"))
    assert result.levels["tambon"].rejected == 117 and result.total("inserted") == 0
    assert {r.reason for r in result.rejects} == {"bad_code"}
    assert _stored(store) == (0, 0, 0)


def test_fields_named_by_the_user_win_and_unknown_ones_are_refused(store):
    table = read_table(PHETCHABUN, "tambon_codab")
    result = import_admin_areas(store, AdminImportParams(tables=(table,), fields=(("name_th", "adm3_en"),)))
    assert result.mappings[0]["name_th"] == "adm3_en"
    assert rows(store, "SELECT name_th FROM jitasa.admin_area WHERE code = '670101'") == [("Nai Mueang",)]
    with pytest.raises(ValueError, match="colour"):
        import_admin_areas(store, AdminImportParams(path=PHETCHABUN, fields=(("colour", "adm3_th"),)))


def test_remove_missing_keeps_the_parents_of_an_area_in_use(store):
    import_admin_areas(store, AdminImportParams(path=PHETCHABUN, layer="tambon_codab"))
    in_use = rows(store, "SELECT min(code) FROM jitasa.admin_area WHERE parent_code = '6702'")[0][0]
    conn = store.connect()
    with conn, conn.cursor() as cur:  # a volunteer placed in that tambon
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, geom) SELECT 'อสม. ทดสอบ', 'village_health_volunteer', "
            "ST_PointOnSurface(geom) FROM jitasa.admin_area WHERE code = %s",
            (in_use,),
        )
    conn.close()
    table = read_table(PHETCHABUN, "tambon_codab")
    keep = [i for i, row in enumerate(table.rows) if not row["adm3_pcode"].startswith("TH6702")]
    without = replace(
        table,
        rows=[table.rows[i] for i in keep],
        geometries=[table.geometries[i] for i in keep],
        row_numbers=[table.row_numbers[i] for i in keep],
    )
    n_6702 = len(table.rows) - len(keep)
    result = import_admin_areas(store, AdminImportParams(tables=(without,), remove_missing=True))
    assert (result.levels["tambon"].removed, result.levels["tambon"].kept_in_use) == (n_6702 - 1, 1)
    assert (result.levels["amphoe"].removed, result.levels["amphoe"].kept_in_use) == (0, 1)
    kept = {r.detail["code"]: r.detail["volunteers"] for r in result.rejects if r.reason == "area_in_use"}
    assert kept == {"6702": 1, in_use: 1}
    assert rows(store, "SELECT code FROM jitasa.admin_area WHERE code LIKE '6702%%' ORDER BY code") == [
        ("6702",),
        (in_use,),
    ]
