"""jitasa:importrequests through processing.run: a hotline's CSV with Thai headers and a GeoJSON file made
here, counts out, rejects in words in the log and kept once, the same file again changes nothing."""

from __future__ import annotations

import csv
import json

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

TAMBON = "SRID=4326;MULTIPOLYGON(((100 16,101 16,101 17,100 17,100 16)))"


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_requests_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, name_en, geom) "
            "VALUES ('tambon', '670101', 'ในเมือง', 'Nai Mueang', %s)",
            (TAMBON,),
        )
    c.close()
    return name


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(info)
        super().pushInfo(info)


def _run(params: dict, feedback=None) -> dict:
    import processing

    return processing.run("jitasa:importrequests", params, feedback=feedback)


def _one(store, sql, params=()):
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        c.close()


def test_registered_with_its_parameters(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:importrequests")
    assert algorithm is not None
    assert {"FILE", "SHEET", "SOURCE", "MAPPING"} <= {p.name() for p in algorithm.parameterDefinitions()}


def test_a_hotline_csv_with_thai_headers_imports_then_again_changes_nothing(provider, service, store, tmp_path):
    path = tmp_path / "hotline_1330.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["รหัส", "ประเภท", "ความเร่งด่วน", "จำนวนคน", "ชื่อ", "เบอร์โทร", "ตำบล", "ลองจิจูด", "ละติจูด", "หมายเหตุ"])
        w.writerow(["H-1", "ออกซิเจน", "ด่วนมาก", "2", "นก", "081-234-5678", "", "100.5", "16.5", "หายใจลำบาก"])
        w.writerow(["H-2", "อาหาร", "", "", "ไก่", "0899999999", "ในเมือง", "", "", ""])
        w.writerow(["H-3", "จรวด", "", "", "", "", "", "100.5", "16.5", ""])
        w.writerow(["H-4", "ยา", "", "", "", "", "", "2.35", "48.85", ""])
    feedback = Feedback()
    result = _run({"SERVICE": service, "FILE": str(path)}, feedback)
    assert (result["NEW"], result["UNCHANGED"], result["REJECTED"]) == (2, 0, 2)
    assert result["SOURCE"] == "hotline_1330"
    assert "category=ประเภท" in result["MAPPING"] and "tambon=ตำบล" in result["MAPPING"]
    assert _one(
        store,
        "SELECT source_id, category::text, urgency::text, people_count, requester_phone, location_basis, tambon_code "
        "FROM jitasa.help_request ORDER BY source_id",
    ) == [
        ("H-1", "oxygen", "critical", 2, "0812345678", "point", "670101"),
        ("H-2", "food_supplies", "normal", 1, "0899999999", "tambon", "670101"),
    ]
    log = "\n".join(feedback.lines)
    assert "Rejected H-3" in log and "จรวด" in log and "outside Thailand" in log
    assert _one(store, "SELECT count(*) FROM jitasa.import_reject WHERE source = 'hotline_1330'") == [(2,)]

    audit = _one(store, "SELECT count(*) FROM jitasa.audit_log")
    again = _run({"SERVICE": service, "FILE": str(path)})
    assert (again["NEW"], again["UPDATED"], again["UNCHANGED"], again["REJECTED"]) == (0, 0, 2, 2)
    assert _one(store, "SELECT count(*) FROM jitasa.audit_log") == audit
    assert _one(store, "SELECT count(*) FROM jitasa.import_reject") == [(2,)]
    assert _one(store, "SELECT max(version) FROM jitasa.help_request") == [(1,)]


def test_a_geojson_file_with_a_mapping_and_its_own_source(provider, service, store, tmp_path):
    path = tmp_path / "sos.geojson"
    features = [
        {
            "type": "Feature",
            "properties": {"case": "S1", "need": "medicine", "who": "Somchai", "updated": "2026-03-01T08:00:00+07:00"},
            "geometry": {"type": "Point", "coordinates": [100.25, 16.75]},
        },
        {
            "type": "Feature",
            "properties": {"case": "S2", "need": "oxygen", "who": "Malee", "updated": "2026-03-01T09:00:00+07:00"},
            "geometry": {"type": "Point", "coordinates": [100.75, 16.25]},
        },
        {
            "type": "Feature",
            "properties": {"case": "S2", "need": "oxygen", "who": "Malee", "updated": "2026-03-01T07:00:00+07:00"},
            "geometry": {"type": "Point", "coordinates": [100.7, 16.2]},
        },
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    result = _run(
        {
            "SERVICE": service,
            "FILE": str(path),
            "SOURCE": "sos-app",
            "MAPPING": "source_id=case; category=need; requester_name=who; updated_at=updated",
        }
    )
    assert (result["NEW"], result["REJECTED"]) == (2, 1)
    assert _one(
        store, "SELECT source, source_id, ST_X(geom), requester_name FROM jitasa.help_request ORDER BY source_id"
    ) == [("sos-app", "S1", 100.25, "Somchai"), ("sos-app", "S2", 100.75, "Malee")]
    assert _one(store, "SELECT reason FROM jitasa.import_reject") == [("duplicate_in_batch",)]


def test_a_file_without_a_category_column_is_refused_before_writing(provider, service, store, tmp_path):
    path = tmp_path / "no_category.csv"
    path.write_text("id,lon,lat\n1,100.5,16.5\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="category"):
        _run({"SERVICE": service, "FILE": str(path)})
    assert _one(store, "SELECT count(*) FROM jitasa.help_request") == [(0,)]
