"""jitasa:coveragegaps through processing.run on the small store of test_services_coverage_gaps: the tambon
layer with its counts and polygons, the uncovered requests with their reasons, the XLSX report; the layers
styled into the "Jitasa planning" group by the post processor (as the toolbox loads them)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import openpyxl
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject, QgsVectorLayer

from jitasa_qgis.layers.planning_group import (
    PlanningPostProcessor,
    add_to_planning_group,
    load_into_planning_group,
    planning_group_name,
)
from tests.test_services_coverage_gaps import small_store  # noqa: F401 (fixture)


@pytest.fixture
def service(small_store, tmp_path, monkeypatch):  # noqa: F811
    name = f"jitasa_cg_{small_store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in small_store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


OUTPUTS = {"OUTPUT": "TEMPORARY_OUTPUT", "UNCOVERED": "TEMPORARY_OUTPUT"}


def _run(params: dict) -> dict:
    import processing

    return processing.run("jitasa:coveragegaps", params)


def test_registered_in_the_planning_group(provider) -> None:
    alg = provider.algorithm("coveragegaps")
    assert alg is not None and alg.groupId() == "planning"
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {"AREA", "MAX_MINUTES", "FACILITY_KINDS", "SERVICE_AREA_KINDS", "OUTPUT", "UNCOVERED", "REPORT"} <= names


def test_layers_and_report(provider, service, tmp_path) -> None:
    report = tmp_path / "gaps.xlsx"
    out = _run(
        {
            "SERVICE": service,
            "MAX_MINUTES": 30,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "UNCOVERED": "TEMPORARY_OUTPUT",
            "REPORT": str(report),
        }
    )
    tambons = {f["tambon_code"]: f for f in out["OUTPUT"].getFeatures()}
    assert set(tambons) == {"670101", "670102"}
    a = tambons["670101"]
    assert (a["open_requests"], a["outside_service_areas"], a["uncovered"], a["volunteers_available"]) == (5, 1, 1, 1)
    assert a["volunteers_per_1000"] == pytest.approx(0.5) and a["travel_model"] == "straight_line"
    assert a.geometry().area() == pytest.approx(0.01, rel=1e-6)
    reasons = sorted((round(f.geometry().asPoint().x(), 2), f["reason"]) for f in out["UNCOVERED"].getFeatures())
    assert reasons == [(101.09, "outside"), (101.15, "outside"), (101.25, "both")]
    assert out["UNCOVERED_COUNT"] == 3 and out["REQUESTS"] == 7 and out["TRAVEL_MODEL"] == "straight_line"
    sheet = openpyxl.load_workbook(report).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "tambon_code" and [r[0] for r in rows[1:]] == ["670101", "670102"]


def test_bad_limit_and_ids_refused(provider, service) -> None:
    with pytest.raises(QgsProcessingException, match="service area id"):
        _run({"SERVICE": service, "SERVICE_AREA_IDS": "1,x", **OUTPUTS})
    with pytest.raises(QgsProcessingException, match="No tambons"):
        _run({"SERVICE": service, "AREA": "99", **OUTPUTS})


def test_post_processor_styles_into_the_planning_group(qgis_new_project) -> None:
    project = QgsProject.instance()
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=uncovered:integer&field=name_th:string", "gaps", "memory")
    project.addMapLayer(layer)  # where Processing puts it first: the root of the layer tree
    context = QgsProcessingContext()
    context.setProject(project)
    PlanningPostProcessor("planning/coverage_gaps").postProcessLayer(layer, context, None)
    group = project.layerTreeRoot().findGroup(planning_group_name())
    assert group is not None and [n.layerId() for n in group.findLayers()] == [layer.id()]
    assert project.layerTreeRoot().findLayer(layer.id()).parent() is group  # moved, not copied
    assert project.mapLayer(layer.id()) is layer
    assert layer.renderer().type() == "graduatedSymbol" and layer.renderer().classAttribute() == "uncovered"
    points = QgsVectorLayer("Point?crs=EPSG:4326&field=reason:string", "uncovered", "memory")
    add_to_planning_group(points, "planning/uncovered_request", project)  # headless: not yet in the project
    assert [n.layerId() for n in group.findLayers()] == [points.id(), layer.id()]
    later = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=uncovered:integer", "gaps 2", "memory")
    add_to_planning_group(later, None, project)  # a polygon layer loaded after the points stays below them
    assert [n.layerId() for n in group.findLayers()] == [points.id(), later.id(), layer.id()]
    assert points.renderer().type() == "categorizedSymbol"
    assert load_into_planning_group(context, "not-loaded", "planning/coverage_gaps") is None


def _canonical(element):
    """An element as a comparable tree (attribute order aside; options holding XML as text parsed too)."""

    def value(text):
        try:
            return _canonical(ET.fromstring(text)) if text.startswith("<") else text
        except ET.ParseError:
            return text

    return (
        element.tag,
        sorted((k, value(v)) for k, v in element.attrib.items()),
        (element.text or "").strip(),
        [_canonical(child) for child in element],
    )


def test_planning_styles_are_what_the_script_builds(qgis_app, tmp_path) -> None:
    """resources/styles/planning/*.qml are what tools/make_planning_styles.py writes, legends in Thai."""
    import make_planning_styles

    from jitasa_qgis.definitions.paths import STYLES_DIR

    written = make_planning_styles.write(tmp_path)
    committed = sorted(p.name for p in (STYLES_DIR / "planning").glob("*.qml"))
    assert sorted(p.name for p in written) == committed
    for path in written:
        built, shipped = ET.parse(path).getroot(), ET.parse(STYLES_DIR / "planning" / path.name).getroot()
        assert _canonical(built) == _canonical(shipped), f"{path.name} differs from what the script builds"
    assert "คำขอที่ไม่ครอบคลุม" in (STYLES_DIR / "planning" / "coverage_gaps.qml").read_text("utf-8")
