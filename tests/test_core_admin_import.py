"""core.admin_import on plain tables: codes, levels, names from the COD-AB layout, parents to create."""

from __future__ import annotations

from osgeo import ogr

from jitasa_qgis.core.admin_import import (
    ParentName,
    admin_records,
    dopa_code,
    field_mapping,
    plan_parents,
    polygonal_wkb,
)
from jitasa_qgis.core.tabular import Table


def _wkb(wkt: str) -> bytes:
    return bytes(ogr.CreateGeometryFromWkt(wkt).ExportToWkb())


SQUARE = _wkb("POLYGON((100 15,100.1 15,100.1 15.1,100 15.1,100 15))")


def test_codes_from_pcodes_plain_codes_and_number_fields():
    assert [dopa_code(x) for x in ("TH670101", "th67", "6701", "670101.0", " 67 ")] == [
        "670101",
        "67",
        "6701",
        "670101",
        "67",
    ]
    assert [dopa_code(x) for x in ("TH6", "67010", "abc", None, "")] == [None] * 5


def test_a_cod_ab_tambon_layer_maps_its_own_names_and_its_parents():
    headers = ["adm1_pcode", "adm1_th", "adm2_pcode", "adm2_th", "adm2_en", "adm3_pcode", "adm3_th", "adm3_en"]
    assert field_mapping(headers) == {
        "code": "adm3_pcode",
        "name_th": "adm3_th",
        "name_en": "adm3_en",
        "amphoe_th": "adm2_th",
        "amphoe_en": "adm2_en",
        "province_th": "adm1_th",
    }
    thai = field_mapping(["รหัสตำบล", "ชื่อตำบล", "ประชากร"])
    assert thai == {"code": "รหัสตำบล", "name_th": "ชื่อตำบล", "population": "ประชากร"}


def test_levels_from_code_length_populations_and_geometries():
    table = Table(
        "t",
        ["code", "name_th", "population"],
        [
            {"code": "670101", "name_th": "ก", "population": "1,234"},
            {"code": "6701", "name_th": "ข", "population": None},
            {"code": "670102", "name_th": "ค", "population": "12.5"},
            {"code": "670103", "name_th": "ง", "population": "0"},
            {"code": "670101", "name_th": "ซ้ำ", "population": None},
        ],
        [SQUARE, SQUARE, SQUARE, _wkb("LINESTRING(100 15,101 16)"), SQUARE],
        [2, 3, 4, 5, 6],
    )
    out = admin_records([table])
    assert [(a.code, a.level, a.population) for a in out.areas] == [
        ("6701", "amphoe", None),
        ("670101", "tambon", 1234),
    ]
    assert [(r.record_key, r.reason) for r in out.rejects] == [
        ("t row 4", "bad_number"),
        ("t row 5", "bad_geometry"),
        ("t row 6", "duplicate_in_batch"),
    ]
    assert out.reject_levels == ["tambon", "tambon", "tambon"]
    assert polygonal_wkb(_wkb("POINT(100 15)")) == (None, "not a polygon: Point")
    multi, problem = polygonal_wkb(SQUARE)
    assert problem == "" and ogr.CreateGeometryFromWkb(multi).GetGeometryName() == "MULTIPOLYGON"


def test_parents_are_created_when_named_and_children_refused_when_not():
    table = Table(
        "t",
        ["code", "name_th"],
        [{"code": "670101", "name_th": "ก"}, {"code": "650101", "name_th": "ข"}, {"code": "500101", "name_th": "ค"}],
        [SQUARE] * 3,
        [2, 3, 4],
    )
    areas = admin_records([table]).areas
    names = {"6701": ParentName("เมือง", None), "67": ParentName(None, "Phetchabun"), "6501": ParentName("ก", None)}
    create, refused = plan_parents(areas, {"50", "5001"}, names)
    assert [(p.code, p.level, p.parent_code, p.name_th) for p in create] == [
        ("6701", "amphoe", "67", "เมือง"),
        ("67", "province", None, "Phetchabun"),
    ]
    assert [(a.code, missing) for a, missing in refused] == [("650101", "65")]  # 6501 named, 65 not
