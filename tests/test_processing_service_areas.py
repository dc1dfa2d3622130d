"""jitasa:serviceareas through processing.run on the real test store: drive-time areas to a temporary layer
with origin, threshold, minutes and model; written to the store when asked; bad thresholds refused."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException

from jitasa_qgis.core.travel_time import clear_cache
from jitasa_qgis.services.road_import import RoadImportParams, import_roads
from tests.test_services_service_areas import EAST, LAT, WEST, facility, osm_file


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_sa_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


def _run(params: dict) -> dict:
    import processing

    return processing.run("jitasa:serviceareas", params)


def test_registered(provider) -> None:
    alg = provider.algorithm("serviceareas")
    assert alg is not None
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {
        "METHOD",
        "ORIGINS",
        "THRESHOLDS",
        "DISTANCE_M",
        "DELAY_FIELD",
        "DELAY_MIN",
        "CLIP",
        "WRITE_TO_STORE",
        "OUTPUT",
    } <= names


def test_drive_time_to_a_layer_and_the_store(provider, service, store, tmp_path) -> None:
    clear_cache()
    import_roads(store, RoadImportParams(network="straight", path=osm_file(tmp_path), speeds="primary=60"))
    c = store.connect(autocommit=True)
    try:
        west = facility(c, "West", WEST, LAT)
        facility(c, "East", EAST, LAT)
        out = _run({"SERVICE": service, "METHOD": 1, "THRESHOLDS": "5,10", "OUTPUT": "TEMPORARY_OUTPUT"})
        layer = out["OUTPUT"]
        rows = sorted((f["origin_id"], f["threshold"], f["minutes"], f["model"]) for f in layer.getFeatures())
        assert len(rows) == 4 and rows[0] == (west, 5.0, 5.0, "road_network")
        assert out["TRAVEL_MODEL"] == "road_network" and out["AREAS"] == 4 and not out["RUN_ID"]
        assert all(f.geometry().area() > 0 for f in layer.getFeatures())
        out = _run(
            {
                "SERVICE": service,
                "METHOD": 0,
                "DISTANCE_M": "1000",
                "WRITE_TO_STORE": True,
                "OUTPUT": "TEMPORARY_OUTPUT",
            }
        )
        with c.cursor() as cur:
            cur.execute("SELECT count(*), min(run_id), min(kind) FROM jitasa.service_area")
            assert cur.fetchone() == (2, out["RUN_ID"], "buffer")
        with pytest.raises(QgsProcessingException, match="x"):
            _run({"SERVICE": service, "METHOD": 1, "THRESHOLDS": "10,x", "OUTPUT": "TEMPORARY_OUTPUT"})
    finally:
        c.close()
        clear_cache()


def test_layer_styled_by_threshold(provider) -> None:
    from qgis.core import QgsVectorLayer

    from jitasa_qgis.processing.service_areas import _ByThreshold

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=threshold:double", "areas", "memory")
    _ByThreshold([10.0, 20.0, 30.0]).postProcessLayer(layer, None, None)
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "threshold"
    assert [(r.lowerValue(), r.upperValue()) for r in renderer.ranges()] == [(0, 10), (10, 20), (20, 30)]
