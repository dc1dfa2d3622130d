"""jitasa:importfacilities through processing.run: a GeoPackage layer, a CSV file, counts out, rejects in words
in the log, one input required, and a layer read through QGIS agreeing with the same file read by OGR."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from service_support import rows

from jitasa_qgis.processing.import_facilities import KINDS
from jitasa_qgis.services.facility_import import FacilityImportParams, import_facilities

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
PHETCHABUN = SHARED / "phetchabun" / "health.gpkg"
REGION12 = SHARED / "thailand" / "region12_health.gpkg"


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_facilities_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
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

    return processing.run("jitasa:importfacilities", params, feedback=feedback)


def test_registered_with_its_parameters(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:importfacilities")
    assert algorithm is not None
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"INPUT", "FILE", "SOURCE", "ID_FIELD", "LON_FIELD", "LAT_FIELD", "KIND_MAP", "DEFAULT_KIND"} <= names
    assert algorithm.parameterDefinition("SOURCE").defaultValue() == "moph"
    assert "รพ.สต." in algorithm.shortHelpString()


def test_a_geopackage_layer_imports_then_again_changes_nothing(provider, service, store):
    feedback = Feedback()
    layer = f"{PHETCHABUN}|layername=clinics"
    result = _run({"SERVICE": service, "INPUT": layer}, feedback)
    assert (result["INSERTED"], result["UPDATED"], result["REJECTED"], result["NAMES_MADE"]) == (270, 0, 1, 0)
    assert "source_id=main_code" in result["MAPPING"]
    log = "\n".join(feedback.lines)
    assert "Rejected 35335: '35335' appears more than once" in log, log
    assert rows(store, "SELECT source, count(*) FROM jitasa.import_reject GROUP BY 1") == [("health.gpkg:clinics", 1)]
    audit = rows(store, "SELECT count(*) FROM jitasa.audit_log")
    again = _run({"SERVICE": service, "INPUT": layer})
    assert (again["INSERTED"], again["UPDATED"], again["UNCHANGED"], again["REJECTED"]) == (0, 0, 270, 1)
    assert rows(store, "SELECT count(*) FROM jitasa.audit_log") == audit
    assert rows(store, "SELECT count(*) FROM jitasa.import_reject") == [(1,)]


def test_a_projected_layer_read_by_qgis_matches_the_file_read_by_ogr(provider, service, store):
    layer = QgsVectorLayer(f"{REGION12}|layername=phc_hc12", "phc", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:32647"
    result = _run({"SERVICE": service, "INPUT": layer, "SOURCE": "hc12"})
    assert (result["INSERTED"], result["NAMES_MADE"]) == (819, 819)
    assert rows(store, "SELECT count(*) FROM jitasa.facility WHERE kind = 'health_centre'") == [(819,)]
    # the same points through OGR's transformation: equal within a centimetre, so nothing changes
    again = import_facilities(store, FacilityImportParams(path=REGION12, layer="phc_hc12", source="hc12"))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 819)


def test_a_csv_file_with_field_parameters_and_a_default_kind(provider, service, store, tmp_path):
    path = tmp_path / "points.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["เลขที่", "ชื่อจุด", "พิกัด E", "พิกัด N", "เตียง"])
        writer.writerow(["CI-1", "ศูนย์พักคอยวัดป่า", "101,16", "16,41", "40"])
        writer.writerow(["CI-2", "ศูนย์พักคอยโรงเรียน", "101.2", "16.45", "-3"])
    feedback = Feedback()
    result = _run(
        {
            "SERVICE": service,
            "FILE": str(path),
            "SOURCE": "pcb-ci",
            "ID_FIELD": "เลขที่",
            "NAME_FIELD": "ชื่อจุด",
            "LON_FIELD": "พิกัด E",
            "LAT_FIELD": "พิกัด N",
            "DEFAULT_KIND": 1 + KINDS.index("community_isolation"),  # 0: none
        },
        feedback,
    )
    assert (result["INSERTED"], result["REJECTED"]) == (1, 1)
    assert rows(store, "SELECT source, source_id, kind::text, beds_total FROM jitasa.facility") == [
        ("pcb-ci", "CI-1", "community_isolation", 40)
    ]
    assert any("Rejected CI-2: เตียง cannot be negative: '-3'" in line for line in feedback.lines), feedback.lines


def test_one_input_is_required_and_nothing_is_written(provider, service, store, tmp_path):
    with pytest.raises(QgsProcessingException, match="Give a point layer or a CSV"):
        _run({"SERVICE": service})
    path = tmp_path / "x.csv"
    path.write_text("code,lon,lat\n1,101,16\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not both"):
        _run({"SERVICE": service, "FILE": str(path), "INPUT": f"{PHETCHABUN}|layername=clinics"})
    with pytest.raises(QgsProcessingException, match="not a facility kind"):
        _run({"SERVICE": service, "FILE": str(path), "KIND_MAP": "x=nothing"})
    assert rows(
        store, "SELECT (SELECT count(*) FROM jitasa.facility), (SELECT count(*) FROM jitasa.import_reject)"
    ) == [(0, 0)]
