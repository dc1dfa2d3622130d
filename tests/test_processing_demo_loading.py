"""jitasa:loaddemodata with other files and on stores holding other data: it says what it replaces, lets the
user name the hospital layer (listing a file's layers when the named one is absent), and refuses a store
that holds non-demo data, writing nothing."""

from __future__ import annotations

import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

from jitasa_qgis.definitions.paths import DEMO_DIR
from jitasa_qgis.definitions.roads import DEMO_ROAD_NETWORK
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.demo_guard import NonDemoDataError, non_demo_rows


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_demoload_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


@pytest.fixture
def other_hospitals(tmp_path):
    """The demo hospitals in a file whose layer is called something else (as another province's may be)."""
    out = tmp_path / "other_health.gpkg"
    gdal.VectorTranslate(
        str(out), str(DEMO_DIR / "health.gpkg"), layers=["hospitals_moph"], layerName="hospitals_region2"
    )
    return out


class Feedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.lines.append(info)
        super().pushInfo(info)


def _counts(store) -> dict:
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute("""SELECT (SELECT count(*) FROM jitasa.admin_area), (SELECT count(*) FROM jitasa.facility),
                              (SELECT count(*) FROM jitasa.help_request), (SELECT count(*) FROM jitasa.volunteer),
                              (SELECT count(*) FROM jitasa.audit_log)""")
        row = cur.fetchone()
    conn.close()
    return dict(zip(("admin_area", "facility", "help_request", "volunteer", "audit_log"), row))


def _execute(store, statement: str) -> None:
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute(statement)
    conn.close()


def test_help_says_what_a_load_replaces(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:loaddemodata")
    text = algorithm.shortHelpString()
    assert "ALL earlier demo help requests and volunteers" in text and "another province" in text
    assert "never deleted" in text and "refuses to run on a store" in text
    assert algorithm.parameterDefinition("HOSPITAL_LAYER").defaultValue() == "hospitals_moph"


def test_a_missing_hospital_layer_lists_the_file_layers_then_the_chosen_layer_loads(
    provider, service, store, other_hospitals
):
    import processing

    params = {"SERVICE": service, "HEALTH": str(other_hospitals), "REQUESTS": 100, "VOLUNTEERS": 30}
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("jitasa:loaddemodata", params)
    message = str(refused.value)
    assert "other_health.gpkg" in message and "'hospitals_moph'" in message, message
    assert "hospitals_region2" in message and "Hospital layer" in message, message
    assert _counts(store) == dict.fromkeys(("admin_area", "facility", "help_request", "volunteer", "audit_log"), 0)
    result = processing.run("jitasa:loaddemodata", {**params, "HOSPITAL_LAYER": "hospitals_region2"})
    assert "facilities: 15" in result["SUMMARY"]
    assert _counts(store)["facility"] == 15


def test_reloading_says_how_many_demo_rows_it_replaced(provider, service, store):
    import processing

    processing.run("jitasa:loaddemodata", {"SERVICE": service, "REQUESTS": 120, "VOLUNTEERS": 40})
    feedback = Feedback()
    processing.run("jitasa:loaddemodata", {"SERVICE": service, "REQUESTS": 80, "VOLUNTEERS": 20}, feedback=feedback)
    assert "Replaced 120 earlier demo help requests and 40 earlier demo volunteers." in feedback.lines
    assert _counts(store)["help_request"] == 80


@pytest.mark.parametrize(
    "other, what",
    [
        (
            "INSERT INTO jitasa.help_request (source, category, geom) VALUES "
            "('feed', 'oxygen', ST_SetSRID(ST_MakePoint(101.15, 16.42), 4326))",
            "1 help request(s), 0 volunteer(s)",
        ),
        (
            "INSERT INTO jitasa.volunteer (name, kind) VALUES ('Somchai', 'student')",
            "0 help request(s), 1 volunteer(s)",
        ),
        (
            "INSERT INTO jitasa.facility (name_th, kind, geom) VALUES "
            "('โรงพยาบาลสนาม', 'field_hospital', ST_SetSRID(ST_MakePoint(101.15, 16.42), 4326))",
            "and 1 facilit",
        ),
    ],
)
def test_a_store_with_non_demo_data_is_refused_and_nothing_written(provider, service, store, other, what):
    import processing

    processing.run("jitasa:loaddemodata", {"SERVICE": service, "REQUESTS": 60, "VOLUNTEERS": 20})
    _execute(store, other)
    before = _counts(store)
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("jitasa:loaddemodata", {"SERVICE": service, "REQUESTS": 90, "VOLUNTEERS": 30})
    message = str(refused.value)
    assert "not demo data" in message and what in message and "nothing was written" in message, message
    assert _counts(store) == before
    # The same refusal for the function the tools call.
    with pytest.raises(NonDemoDataError):
        load_demo_data(store, n_requests=90, n_volunteers=30)
    assert _counts(store) == before


def test_an_empty_store_and_a_demo_only_store_have_no_non_demo_rows(service, store):
    conn = store.connect()
    try:
        assert not non_demo_rows(conn)
        conn.rollback()
        load_demo_data(store, n_requests=50, n_volunteers=10)
        assert not non_demo_rows(conn)
    finally:
        conn.close()


def _roads(store) -> tuple:
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT (SELECT count(*) FROM jitasa.road_network), (SELECT count(*) FROM jitasa.road_segment)")
        row = cur.fetchone()
    conn.close()
    return row


def test_the_road_network_parameters_load_the_major_roads_by_default_or_no_roads(provider, service, store):
    import processing

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:loaddemodata")
    assert algorithm.parameterDefinition("ROADS").defaultValue().endswith("phetchabun_major_roads.gpkg")
    assert "major roads only" in algorithm.shortHelpString()
    feedback = Feedback()
    result = processing.run(
        "jitasa:loaddemodata", {"SERVICE": service, "REQUESTS": 60, "VOLUNTEERS": 20}, feedback=feedback
    )
    networks, segments = _roads(store)
    assert networks == 1 and segments > 100
    assert f"road_segments: {segments}" in result["SUMMARY"] and "major roads only" in result["SUMMARY"]
    log = "\n".join(feedback.lines)
    assert DEMO_ROAD_NETWORK in log and "It holds major roads only (Trunk road, Primary road)" in log
    feedback = Feedback()
    result = processing.run(
        "jitasa:loaddemodata",
        {"SERVICE": service, "REQUESTS": 60, "VOLUNTEERS": 20, "WITH_ROADS": False},
        feedback=feedback,
    )
    assert "No road network loaded." in feedback.lines and "road_segments" not in result["SUMMARY"]
    assert _roads(store) == (1, segments)  # left as it was
