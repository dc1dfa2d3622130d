"""jitasa:locationallocation through processing.run on the real test store: tambon population to the chosen
sites (rank, demand added, fixed) and allocation lines, the report outputs, a point layer's numeric field as
demand with candidates from a layer and a capacity field, the plan stored when asked; bad input refused."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

from tests.test_services_location_allocation import LAT0, LON0, _count, _facility, _tambons


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_la_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    c = store.connect(autocommit=True)
    _tambons(c)
    yield name, c
    c.close()


def _run(params: dict) -> dict:
    import processing

    return processing.run("jitasa:locationallocation", params)


def _points(fields: str, rows) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs=EPSG:4326&{fields}", "pts", "memory")
    features = []
    for lon, lat, *values in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        f.setAttributes(list(values))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_registered_in_the_planning_group(provider) -> None:
    alg = provider.algorithm("locationallocation")
    assert alg is not None and alg.groupId() == "planning" and alg.group() == "Planning"
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {
        "MODEL",
        "K",
        "THRESHOLD",
        "UNIT",
        "DEMAND",
        "CANDIDATES",
        "CAPACITATED",
        "SPLIT",
        "OUTPUT",
        "LINES",
    } <= names


def test_population_to_sites_and_lines_stored(provider, service) -> None:
    name, c = service
    fixed = _facility(c, "จุดเดิม", LON0 + 0.01, LAT0 + 0.01)
    out = _run(
        {
            "SERVICE": name,
            "MODEL": 0,
            "K": 3,
            "THRESHOLD": 6.0,
            "UNIT": 1,
            "DEMAND": 1,
            "CANDIDATES": 1,
            "FIXED_IDS": str(fixed),
            "WRITE_TO_STORE": True,
            "NAME": "test plan",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "LINES": "TEMPORARY_OUTPUT",
        }
    )
    sites = sorted(out["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    assert [f["rank"] for f in sites] == list(range(1, len(sites) + 1)) and len(sites) == 3
    assert [f["facility_id"] for f in sites if f["fixed"]] == [fixed]
    assert sum(f["demand_added"] for f in sites) == pytest.approx(out["OBJECTIVE"])
    assert out["STATUS"] == "optimal" and out["GAP"] == 0.0 and out["MODEL_CODE"] == "mclp"
    assert out["TRAVEL_MODEL"] == "straight_line" and out["RUN_ID"]
    lines = list(out["LINES"].getFeatures())
    assert lines and all(f["cost"] <= 6.0 and f["unit"] == "km" for f in lines)
    assert sum(f["weight"] for f in lines) == pytest.approx(out["COVERED"])
    assert "Solver status: proven optimal." in out["REPORT"]
    assert _count(c, "plan_site") == 3
    _lines_take_their_style(out["LINES"])


def _lines_take_their_style(layer: QgsVectorLayer) -> None:
    """The allocation lines' own style (thin, see-through, the sites' blue) fits the output's fields."""
    from qgis.core import QgsSingleSymbolRenderer

    from jitasa_qgis.definitions import visuals
    from jitasa_qgis.layers.styles import apply_style
    from jitasa_qgis.processing.location_allocation import LINE_STYLE

    apply_style(layer, LINE_STYLE)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleSymbolRenderer)
    symbol = renderer.symbol()
    assert symbol.color().name() == visuals.PLAN_SITE_FILL
    assert symbol.opacity() == pytest.approx(visuals.ALLOCATION_LINE_OPACITY)


def test_layer_field_demand_and_capacitated_candidates(provider, service) -> None:
    name, _ = service
    demand = _points(
        "field=people:double",
        [(LON0 + 0.02, LAT0 + 0.02, 300.0), (LON0 + 0.03, LAT0 + 0.02, 200.0), (LON0 + 0.17, LAT0 + 0.17, 100.0)],
    )
    cands = _points(
        "field=name:string&field=cap:double",
        [(LON0 + 0.025, LAT0 + 0.02, "A", 250.0), (LON0 + 0.17, LAT0 + 0.16, "B", None)],
    )
    out = _run(
        {
            "SERVICE": name,
            "MODEL": 0,
            "K": 1,
            "THRESHOLD": 5.0,
            "UNIT": 1,
            "DEMAND": 2,
            "DEMAND_LAYER": demand,
            "DEMAND_FIELD": "people",
            "CANDIDATES": 0,
            "CANDIDATE_LAYER": cands,
            "CAPACITY_FIELD": "cap",
            "DEFAULT_CAPACITY": 50.0,
            "CAPACITATED": True,
            "SPLIT": True,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "LINES": "TEMPORARY_OUTPUT",
        }
    )
    (site,) = list(out["OUTPUT"].getFeatures())
    assert site["name"] == "A" and site["capacity"] == 250.0 and site["demand_served"] == pytest.approx(250.0)
    assert out["OBJECTIVE"] == pytest.approx(250.0)


def test_bad_input_refused(provider, service) -> None:
    name, _ = service
    with pytest.raises(QgsProcessingException, match="K = 40 is more than the 16 candidates"):
        _run(
            {
                "SERVICE": name,
                "K": 40,
                "THRESHOLD": 6.0,
                "UNIT": 1,
                "DEMAND": 1,
                "CANDIDATES": 1,
                "OUTPUT": "memory:",
                "LINES": "memory:",
            }
        )
    demand = _points("field=people:double", [(LON0 + 0.02, LAT0 + 0.02, None)])
    with pytest.raises(QgsProcessingException, match="has no number in the field people"):
        _run(
            {
                "SERVICE": name,
                "K": 1,
                "THRESHOLD": 6.0,
                "UNIT": 1,
                "DEMAND": 2,
                "DEMAND_LAYER": demand,
                "DEMAND_FIELD": "people",
                "OUTPUT": "memory:",
                "LINES": "memory:",
            }
        )
    with pytest.raises(QgsProcessingException, match="is not urgency=weight"):
        _run({"SERVICE": name, "K": 1, "URGENCY_WEIGHTS": "critical:10", "OUTPUT": "memory:", "LINES": "memory:"})
