"""jitasa:importroads through processing.run: the Phetchabun major roads as a layer and as a file, the
report in outputs and log, re-import, bad input refused with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ROADS = DATA / "roads" / "phetchabun_major_roads.gpkg"


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_roads_{store.params['dbname']}"
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

    return processing.run("jitasa:importroads", params, feedback=feedback)


def _segments(conn) -> tuple:
    with conn.cursor() as cur:
        cur.execute("SELECT (SELECT count(*) FROM jitasa.road_network), count(*) FROM jitasa.road_segment")
        return cur.fetchone()


def test_registered_with_its_parameters(provider):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jitasa:importroads")
    assert algorithm is not None
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"INPUT", "FILE", "CLASS_FIELD", "ONEWAY_FIELD", "SNAP_TOLERANCE_M", "SPEEDS", "NETWORK"} <= names
    assert "trunk=80" in algorithm.shortHelpString()


def test_the_phetchabun_layer_imports_with_its_report_then_again_replaces(provider, service, store, conn):
    feedback = Feedback()
    params = {
        "SERVICE": service,
        "INPUT": f"{ROADS}|layername=major_roads",
        "CLASS_FIELD": "highway",
        "ONEWAY_FIELD": "oneway",
        "SNAP_TOLERANCE_M": 1000,
        "NETWORK": "phetchabun",
    }
    result = _run(params, feedback)
    assert result["JUNCTIONS_SNAPPED"] >= 20 and 500 < result["MAX_SNAP_M"] <= 1000
    assert result["LARGEST_SHARE"] > 0.7 and result["VERSION"] == 1
    islands = json.loads(result["ISLANDS"])
    assert len(islands) == result["COMPONENTS"] - 1
    log = "\n".join(feedback.lines)
    assert "Junctions made by snapping line ends" in log and "Island 1:" in log
    assert _segments(conn) == (1, result["SEGMENTS"])
    again = _run(params, Feedback())
    assert again["VERSION"] == 2 and again["SEGMENTS"] == result["SEGMENTS"]
    assert _segments(conn) == (1, result["SEGMENTS"])


def test_the_file_path_and_speed_overrides(provider, service, store, conn):
    result = _run(
        {
            "SERVICE": service,
            "FILE": str(ROADS),
            "LAYER": "major_roads",
            "SNAP_TOLERANCE_M": 1000,
            "SPEEDS": "trunk=70",
            "NETWORK": "file",
        }
    )
    with conn.cursor() as cur:
        cur.execute("SELECT DISTINCT speed_kmh FROM jitasa.road_segment WHERE road_class = 'trunk'")
        assert cur.fetchall() == [(70.0,)]
    assert result["SEGMENTS"] > 100


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"CLASS_FIELD": "length_km"}, "no road to drive on inside Thailand"),
        ({"SPEEDS": "trunk=fast"}, "speed of trunk"),
        ({"SPEEDS": "highway9=60"}, "is not class=speed"),
        ({"SNAP_TOLERANCE_M": 0, "NETWORK": "gaps"}, "falls apart"),
        ({"NETWORK": ""}, "NETWORK"),
        ({"CLASS_FIELD": "kind"}, "no road class field 'kind'"),
    ],
)
def test_bad_input_is_refused_with_nothing_written(provider, service, store, conn, extra, message):
    params = {
        "SERVICE": service,
        "FILE": str(ROADS),
        "LAYER": "major_roads",
        "SNAP_TOLERANCE_M": 1000,
        "NETWORK": "bad",
    }
    params.update(extra)
    with pytest.raises(QgsProcessingException, match=message):
        _run(params, Feedback())
    assert _segments(conn) == (0, 0)


def test_a_layer_and_a_file_together_are_refused(provider, service):
    with pytest.raises(QgsProcessingException, match="not both"):
        _run(
            {"SERVICE": service, "INPUT": f"{ROADS}|layername=major_roads", "FILE": str(ROADS), "NETWORK": "x"},
            Feedback(),
        )
