"""services.facility_import on the real test store and the real MOPH files: counts and kinds, idempotent
re-imports (no audit rows), the demo's hospitals updated in place, CSV and XLSX with lon/lat columns, bad rows
rejected with their codes and kept once, cancel before writing, clear errors."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from service_support import rows

from jitasa_qgis.core.facility_import import facility_records, kind_of, parse_count, parse_decimal
from jitasa_qgis.core.import_records import inside_thailand
from jitasa_qgis.core.tabular import Table, read_table
from jitasa_qgis.definitions.import_reasons import KNOWN_IMPORT_CODES
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.services.facility_import import FacilityImportParams, import_facilities
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.store.errors import StoreError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PHETCHABUN = SHARED / "phetchabun" / "health.gpkg"
NATIONAL = SHARED / "thailand" / "covid2020_national.gpkg"
REGION12 = SHARED / "thailand" / "region12_health.gpkg"


def _import(store, path=PHETCHABUN, layer="hospitals_moph", progress=None, **kw):
    return import_facilities(store, FacilityImportParams(path=path, layer=layer, **kw), progress)


def _kinds(store, source="moph") -> dict:
    return dict(rows(store, "SELECT kind::text, count(*) FROM jitasa.facility WHERE source = %s GROUP BY 1", (source,)))


def _written(store) -> tuple:
    """Everything an import may write: facilities (with versions), rejects, audit rows."""
    return rows(
        store,
        "SELECT (SELECT count(*) FROM jitasa.facility), (SELECT coalesce(sum(version), 0) FROM jitasa.facility),"
        " (SELECT count(*) FROM jitasa.import_reject), (SELECT count(*) FROM jitasa.audit_log)",
    )[0]


@pytest.mark.parametrize(
    "layer, kind, count, rejected",
    [("hospitals_moph", "hospital", 15, 0), ("clinics", "clinic", 270, 1), ("pharmacies", "pharmacy", 165, 0)],
)
def test_phetchabun_lists_import_with_their_kinds_then_again_change_nothing(store, layer, kind, count, rejected):
    result = _import(store, layer=layer)
    assert (result.rows, result.inserted, result.updated, result.rejected) == (count + rejected, count, 0, rejected)
    assert result.kinds == {kind: count} and result.names_made == 0
    assert result.mapping["source_id"] == "main_code" and result.mapping["kind"] == "type_desc"
    assert _kinds(store) == {kind: count}
    # the source's own type text is kept; the MOPH code is the facility's code too
    assert rows(store, "SELECT count(*) FROM jitasa.facility WHERE source_type IS NULL OR code <> source_id") == [(0,)]
    if rejected:  # clinics: 35335 is listed twice, identically; the first is taken
        assert [(r.reason, r.record_key) for r in result.rejects] == [("duplicate_in_batch", "35335")]
        assert result.rejects_new == 1
    before = _written(store)
    again = _import(store, layer=layer)
    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, count, rejected)
    assert again.rejects_new == 0
    assert _written(store) == before  # no version bump, no new reject, no audit row


def test_phetchabun_hospitals_keep_codes_beds_and_types(store):
    _import(store)
    assert rows(
        store,
        "SELECT code, name_th, kind::text, beds_total, source_type FROM jitasa.facility WHERE source_id = '10727'",
    ) == [("10727", "โรงพยาบาลเพชรบูรณ์", "hospital", 509, "โรงพยาบาลศูนย์/โรงพยาบาลทั่วไป")]
    assert dict(rows(store, "SELECT source_type, count(*) FROM jitasa.facility GROUP BY 1")) == {
        "โรงพยาบาลชุมชน": 10,
        "โรงพยาบาลศูนย์/โรงพยาบาลทั่วไป": 1,
        "โรงพยาบาลสังกัดกระทรวงอื่น": 1,
        "โรงพยาบาลเอกชน": 3,
    }


def test_national_hospitals_import_with_trimmed_names(store):
    result = _import(store, path=NATIONAL)
    assert (result.inserted, result.rejected, result.kinds) == (1384, 0, {"hospital": 1384})
    # the national file pads every name with a leading space
    assert rows(store, "SELECT count(*) FROM jitasa.facility WHERE name_th <> btrim(name_th)") == [(0,)]
    assert rows(store, "SELECT name_th, beds_total FROM jitasa.facility WHERE code = '10697'") == [
        ("โรงพยาบาลพุทธโสธร", 595)
    ]
    before = _written(store)
    again = _import(store, path=NATIONAL)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1384)
    assert _written(store) == before


def test_region12_without_names_gets_names_from_kind_and_id(store):
    hospitals = _import(store, path=REGION12, layer="hospitals_hc12", source="hc12")
    centres = _import(store, path=REGION12, layer="phc_hc12", source="hc12")
    assert (hospitals.inserted, hospitals.kinds, hospitals.names_made) == (77, {"hospital": 77}, 77)
    assert (centres.inserted, centres.kinds, centres.names_made) == (819, {"health_centre": 819}, 819)
    assert any("819" in line and "named from their kind" in line for line in centres.summary_lines())
    assert _kinds(store, "hc12") == {"hospital": 77, "health_centre": 819}
    assert rows(
        store, "SELECT name_th, name_en, source_type, beds_total FROM jitasa.facility WHERE source_id = 'c001'"
    ) == [("รพ.สต. c001", "Sub-district health promoting hospital c001", "1-Community", 0)]
    # EPSG:32647 points reprojected into Thailand's south (Region 12: Songkhla, Satun, Pattani...)
    assert rows(
        store, "SELECT count(*) FROM jitasa.facility WHERE ST_Y(geom) NOT BETWEEN 5.5 AND 8.5 OR ST_X(geom) < 99"
    ) == [(0,)]
    assert rows(store, "SELECT count(*) FROM jitasa.facility WHERE code IS NOT NULL") == [(0,)]  # not MOPH codes
    before = _written(store)
    again = _import(store, path=REGION12, layer="phc_hc12", source="hc12")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 819)
    assert _written(store) == before


def test_after_the_demo_the_hospital_list_updates_the_demo_rows(store):
    load_demo(store, DemoParams(n_requests=20, n_volunteers=5, seed=3))
    demo = dict(rows(store, "SELECT code, id FROM jitasa.facility"))
    assert len(demo) == 15
    result = _import(store)
    assert (result.inserted, result.updated) == (0, 15)  # the demo keeps no source type: now set
    assert dict(rows(store, "SELECT code, id FROM jitasa.facility")) == demo
    assert rows(store, "SELECT count(*) FROM jitasa.facility WHERE source_type IS NULL OR tambon_code IS NULL") == [
        (0,)
    ]
    before = _written(store)
    assert _import(store).unchanged == 15 and _written(store) == before


def test_a_coded_row_under_another_key_is_taken_over_not_duplicated(store):
    conn = store.connect()
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.facility (source, source_id, code, name_th, kind, geom) VALUES"
            " ('manual', 'x-1', '10727', 'รพ.เพชรบูรณ์ (เก่า)', 'hospital', ST_SetSRID(ST_MakePoint(101.15, 16.42), 4326))"
            " RETURNING id"
        )
        old_id = cur.fetchone()[0]
    conn.close()
    result = _import(store)
    assert (result.inserted, result.updated) == (14, 1)
    assert rows(store, "SELECT id, source, source_id, name_th FROM jitasa.facility WHERE code = '10727'") == [
        (old_id, "moph", "10727", "โรงพยาบาลเพชรบูรณ์")
    ]


def _write_csv(path: Path, header: list, data: list) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(data)
    return path


def test_a_csv_with_thai_headers_and_decimal_commas(store, tmp_path):
    path = _write_csv(
        tmp_path / "หน่วยบริการ.csv",
        ["รหัส", "ชื่อหน่วยบริการ", "ประเภท", "เตียง", "โทรศัพท์", "ลองจิจูด", "ละติจูด"],
        [
            ["07711", " รพ.สต.บ้านนา", "โรงพยาบาลส่งเสริมสุขภาพตำบล", "0", "056-123456 ต่อ 12", "101,1234", "16,4321"],
            ["7712", "สถานีอนามัยบ้านไร่", "สถานีอนามัย", "", "www.example.go.th", "101.2", "16.5"],
            ["11265", "โรงพยาบาลหล่มสัก", "โรงพยาบาลชุมชน", "1,200", "+66 56 701 234", " 101.245 ", "16.78"],
        ],
    )
    result = _import(store, path=path, layer=None)
    assert (result.inserted, result.rejected) == (3, 0), result.rejects
    assert result.mapping == {
        "source_id": "รหัส",
        "name": "ชื่อหน่วยบริการ",
        "kind": "ประเภท",
        "beds": "เตียง",
        "contact": "โทรศัพท์",
        "lon": "ลองจิจูด",
        "lat": "ละติจูด",
    }
    got = rows(
        store,
        "SELECT source_id, name_th, kind::text, beds_total, contact, round(ST_X(geom)::numeric, 4),"
        " round(ST_Y(geom)::numeric, 4) FROM jitasa.facility ORDER BY source_id",
    )
    assert [tuple(map(str, g)) for g in got] == [
        ("07711", "รพ.สต.บ้านนา", "health_centre", "0", "056123456 ต่อ 12", "101.1234", "16.4321"),
        # a short numeric MOPH code padded to 5 digits; a contact that is no phone number kept as written
        ("07712", "สถานีอนามัยบ้านไร่", "health_centre", "None", "www.example.go.th", "101.2000", "16.5000"),
        ("11265", "โรงพยาบาลหล่มสัก", "hospital", "1200", "056701234", "101.2450", "16.7800"),
    ]


def test_an_xlsx_with_numbers_a_kind_map_and_a_default_kind(store, tmp_path):
    path = tmp_path / "points.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "จุดบริการ"
    sheet.append(["id", "name", "type", "capacity_per_day", "lng", "lat"])
    sheet.append(["V-1", "ศูนย์ฉีดวัคซีนบางกอกน้อย", "ศูนย์ฉีดวัคซีน", 500, 100.47, 13.76])
    sheet.append(["V-2", "จุดตรวจหน้าตลาด", None, 120.0, 100.5, 13.75])
    sheet.append(["V-3", "ร้านยาหน้าวัด", "ร้านขายยาแผนโบราณ", None, 100.51, 13.74])
    book.save(path)
    result = _import(
        store,
        path=path,
        layer="จุดบริการ",
        source="bkk-points",
        kind_map="ศูนย์ฉีดวัคซีน=vaccination_point; ร้านขายยาแผนโบราณ=oxygen_refill",
        default_kind="screening_point",
    )
    assert (result.inserted, result.rejected, result.table_name) == (3, 0, "points.xlsx:จุดบริการ")
    assert result.mapping["daily_capacity"] == "capacity_per_day"
    # the user's map wins over the known MOPH description; the default serves the row without a type
    assert rows(
        store, "SELECT source_id, kind::text, daily_capacity, code FROM jitasa.facility ORDER BY source_id"
    ) == [
        ("V-1", "vaccination_point", 500, None),
        ("V-2", "screening_point", 120, None),
        ("V-3", "oxygen_refill", None, None),
    ]


def test_bad_rows_are_rejected_with_their_codes_and_kept_once(store, tmp_path):
    path = _write_csv(
        tmp_path / "bad.csv",
        ["hoscode", "hosname", "type_desc", "bed", "lon", "lat"],
        [
            ["10001", "ดี", "โรงพยาบาลชุมชน", "30", "101.1", "16.4"],
            ["10002", "นอกประเทศ", "โรงพยาบาลชุมชน", "30", "2.35", "48.85"],
            ["10003", "ไม่มีพิกัด", "โรงพยาบาลชุมชน", "30", "", ""],
            ["10004", "พิกัดผิด", "โรงพยาบาลชุมชน", "30", "101.1E", "16.4"],
            ["10005", "เตียงติดลบ", "โรงพยาบาลชุมชน", "-5", "101.1", "16.4"],
            ["10006", "ประเภทแปลก", "ศูนย์อะไรสักอย่าง", "", "101.1", "16.4"],
            ["10001", "ซ้ำ", "โรงพยาบาลชุมชน", "30", "101.2", "16.5"],
            ["", "ไม่มีรหัส", "โรงพยาบาลชุมชน", "30", "101.2", "16.5"],
            ["10009", "เตียงไม่ใช่ตัวเลข", "โรงพยาบาลชุมชน", "สามสิบ", "101.2", "16.5"],
            ["10010", "ไม่มีประเภท", "", "", "101.2", "16.5"],
        ],
    )
    result = _import(store, path=path, layer=None)
    assert result.inserted == 1
    got = {r.record_key: (r.reason, dict(r.detail)) for r in result.rejects}
    assert got["10002"] == ("outside_thailand", {"lon": 2.35, "lat": 48.85})
    assert got["10003"] == ("no_location", {})
    assert got["10004"] == ("bad_number", {"field": "lon", "value": "101.1E"})
    assert got["10005"] == ("negative_number", {"field": "bed", "value": "-5"})
    assert got["10006"][0] == "unknown_value" and got["10006"][1]["value"] == "ศูนย์อะไรสักอย่าง"
    assert {"hospital", "health_centre", "clinic", "pharmacy"} <= set(got["10006"][1]["allowed"])
    assert got["10001"] == ("duplicate_in_batch", {"key": "10001", "first": "row 2"})
    assert got["row 9"] == ("missing_field", {"field": "hoscode"})
    assert got["10009"] == ("bad_number", {"field": "bed", "value": "สามสิบ"})
    assert got["10010"] == ("missing_field", {"field": "type_desc"})  # no default kind: rejected
    assert result.rejected == len(got) == 9 and result.rejects_new == 9
    stored = rows(store, "SELECT target, source, record_key, reason, raw->>'hosname' FROM jitasa.import_reject")
    assert len(stored) == 9 and {s[:2] for s in stored} == {("facility", "bad.csv")}
    assert ("10005", "negative_number", "เตียงติดลบ") in {s[2:] for s in stored}
    lines = result.summary_lines()
    assert any("bed cannot be negative: '-5'" in line for line in lines), lines
    before = _written(store)
    again = _import(store, path=path, layer=None)
    assert (again.rejected, again.rejects_new, again.unchanged) == (9, 0, 1)
    assert _written(store) == before


def test_a_nul_character_or_a_huge_count_rejects_one_row_not_the_file(store, tmp_path):
    path = _write_csv(
        tmp_path / "odd.csv",
        ["code", "name", "type", "beds", "lon", "lat"],
        [
            ["A1", "ดี\x00มาก", "คลินิก", "1e300", "101.1", "16.4"],
            ["A2", "ศูนย์\x00แปลก", "ศูนย์\x00แปลก", "", "101.1", "16.4"],
            ["A3", "ปกติ", "คลินิก", "2", "101.1", "16.4"],
        ],
    )
    result = _import(store, path=path, layer=None, source="odd")
    assert (result.inserted, result.rejected) == (1, 2)
    assert sorted(rows(store, "SELECT record_key, reason FROM jitasa.import_reject")) == [
        ("A1", "bad_number"),
        ("A2", "unknown_value"),
    ]


def _cancelled_at(n: int):
    """A progress whose n-th look at the cancel flag (0: the first) finds it set, and every later one."""
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > n

    return CallbackProgress(cancelled=cancelled), calls


def test_a_cancel_at_every_step_writes_nothing(store):
    _progress, calls = _cancelled_at(10**6)
    _import(store, layer="clinics", progress=_progress)
    steps = len(calls)  # after reading, after mapping, before the write, before the commit
    assert steps >= 4
    for n in range(steps):
        conn = store.connect()
        with conn, conn.cursor() as cur:
            cur.execute("TRUNCATE jitasa.import_reject")
            cur.execute("DELETE FROM jitasa.facility")
        conn.close()
        before = _written(store)
        progress, _calls = _cancelled_at(n)
        with pytest.raises(Cancelled):
            _import(store, layer="clinics", progress=progress)
        assert _written(store) == before, n


def test_progress_is_reported_up_to_the_end(store):
    seen = []
    _import(store, progress=CallbackProgress(lambda f, m: seen.append((f, m))))
    fractions = [f for f, _m in seen]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert any("15 rows read" in m for _f, m in seen)


def test_parameters_that_name_nothing_are_clear_errors_and_write_nothing(store, tmp_path):
    with pytest.raises(ValueError, match="Its columns: main_code, name"):
        _import(store, layer="clinics", mapping="name=ชื่อ")
    with pytest.raises(ValueError, match="not a facility kind"):
        _import(store, kind_map="คลินิก=hospitalx")
    with pytest.raises(ValueError, match="not one of the fields"):
        _import(store, mapping="beds_free=bed_total")
    no_id = _write_csv(tmp_path / "no_id.csv", ["ชื่อ", "lon", "lat"], [["ก", "101", "16"]])
    with pytest.raises(ValueError, match="no column for the facility's id"):
        _import(store, path=no_id, layer=None)
    no_points = _write_csv(tmp_path / "no_points.csv", ["code", "name"], [["1", "ก"]])
    with pytest.raises(ValueError, match="neither point geometries nor longitude"):
        _import(store, path=no_points, layer=None)
    with pytest.raises(ValueError, match="nowhere.csv"):
        _import(store, path=tmp_path / "nowhere.csv", layer=None)
    assert _written(store) == (0, 0, 0, 0)


def test_a_store_without_the_schema_says_upgrade(gis_db):
    with pytest.raises(StoreError, match="createdatabase"):
        _import(gis_db)


def test_kind_recognition_and_number_parsing():
    assert kind_of("คลินิกเวชกรรมเฉพาะทาง", {}) == "clinic" and kind_of("สหคลินิก", {}) == "clinic"
    assert kind_of("ร้านขายยาแผนปัจจุบัน", {}) == "pharmacy" and kind_of("รพ.สต.", {}) == "health_centre"
    assert kind_of("2-General", {}) == "hospital" and kind_of("3-Regional", {}) == "hospital"
    assert kind_of("1-Community", {}) == "health_centre" and kind_of("โรงพยาบาลศูนย์/โรงพยาบาลทั่วไป", {}) == "hospital"
    assert kind_of("ศูนย์ราชการ", {}) is None and kind_of("", {}) is None
    assert parse_decimal("101,5") == 101.5 and parse_count("1,200") == 1200 and parse_count("591.0") == 591
    with pytest.raises(ValueError):
        parse_count("12.5")
    # every real file's type values are recognised
    for path, layer in ((PHETCHABUN, "clinics"), (PHETCHABUN, "pharmacies"), (REGION12, "hospitals_hc12")):
        assert not [r for r in facility_records(read_table(path, layer)).rejects if r.reason == "unknown_value"]


_CELL = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(
        ["101.1", "16,4", "-5", "1,200", "nan", "inf", "1e400", "1e300", "2147483648", "คลินิก", "2-General", "", " "]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.fixed_dictionaries({h: _CELL for h in ("id", "name", "type", "bed", "lon", "lat")}), max_size=8))
def test_arbitrary_rows_are_records_or_rejects_never_an_exception(cells):
    table = Table("any.csv", ["id", "name", "type", "bed", "lon", "lat"], cells, None, list(range(2, len(cells) + 2)))
    result = facility_records(table, "any", default_kind="hospital")
    assert len(result.records) + len(result.rejects) == len(cells)
    assert {r.reason for r in result.rejects} <= KNOWN_IMPORT_CODES
    for record in result.records:
        assert inside_thailand(record.lon, record.lat) and record.name_th and record.kind
        assert record.beds_total is None or 0 <= record.beds_total < 2**31  # fits the store's integer
    assert len({r.source_id for r in result.records}) == len(result.records)
