"""jitasa:assignnearest and jitasa:assignoptimal through the Processing registry on a real demo store."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from jitasa_qgis.core.assignment.optimal import MINUTES_PER_UNIT
from jitasa_qgis.definitions.enums import Urgency
from jitasa_qgis.definitions.reasons import UnassignedReason
from jitasa_qgis.processing.provider import JitasaProvider
from jitasa_qgis.services.demo_loading import load_demo_data

_PROVIDER = []


@pytest.fixture
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("jitasa") is None:
        _PROVIDER[:] = [JitasaProvider()]
        registry.addProvider(_PROVIDER[0])
    return registry.providerById("jitasa")


@pytest.fixture
def demo_service(store, tmp_path, monkeypatch):
    load_demo_data(store, n_requests=400, n_volunteers=150, seed=5)
    path = tmp_path / "pg_service.conf"
    body = "\n".join(f"{k}={v}" for k, v in store.params.items())
    path.write_text(f"[jitasa_assign]\n{body}\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return "jitasa_assign"


def conn_of(store):
    return store.connect()


def _counts(store, run_id):
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT status::text, count(*) FROM jitasa.assignment WHERE run_id = %s GROUP BY 1", (run_id,))
        counts = dict(cur.fetchall())
        cur.execute(
            "SELECT count(*) FROM (SELECT request_id FROM jitasa.assignment WHERE status = 'active' "
            "GROUP BY 1 HAVING count(*) > 1) d"
        )
        doubles = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM jitasa.volunteer WHERE active_count > capacity")
        over = cur.fetchone()[0]
    conn.close()
    return counts, doubles, over


@pytest.mark.parametrize("algorithm", ["jitasa:assignnearest", "jitasa:assignoptimal"])
def test_propose_then_the_store_holds_a_run_of_proposals(provider, demo_service, store, algorithm):
    import processing

    result = processing.run(algorithm, {"SERVICE": demo_service, "MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"})
    assert result["ASSIGNED"] > 0
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else None
    assert layer is not None and layer.featureCount() == result["ASSIGNED"] + result["REFUSED"]
    counts, doubles, over = _counts(store, result["RUN_ID"])
    assert counts == {"proposed": result["ASSIGNED"]}
    summary = json.loads(result["SUMMARY"])
    assert summary["assigned"] + summary["unassigned"] == summary["requests"]
    assert doubles == 0 and over == 0
    # the reason in words (translated) and its stable code side by side
    assert [f.name() for f in layer.fields()] == [
        "run_id",
        "assignment_id",
        "request_id",
        "volunteer_id",
        "minutes",
        "outcome",
        "reason",
        "reason_code",
        "travel_model",
    ]
    # road minutes where the demo's road network covers the requests, else the straight line: every output says
    conn = store.connect()
    with conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.road_network WHERE segment_count > 0")
        model = "road_network" if cur.fetchone()[0] else "straight_line"
    conn.close()
    assert result["TRAVEL_MODEL"] == model and summary["travel_model"] == model
    assert {f["travel_model"] for f in layer.getFeatures()} <= {model}
    with conn_of(store) as c, c.cursor() as cur:
        cur.execute("SELECT DISTINCT cost_is_estimate FROM jitasa.assignment WHERE run_id = %s", (result["RUN_ID"],))
        assert [r[0] for r in cur.fetchall()] == [model == "straight_line"]
    # the summary's JSON keeps its keys: the optimal solver's proof at the top level, codes as keys
    assert {
        "method",
        "requests",
        "assigned",
        "unassigned",
        "unassigned_by_reason",
        "total_minutes",
        "mean_minutes",
        "travel_estimate",
        "message",
        "refused_by_store",
        "requests_without_location",
    } <= set(summary)
    assert ("optimal" in summary and "rounds" in summary) == (algorithm == "jitasa:assignoptimal")
    assert set(summary["unassigned_by_reason"]) <= {r.value for r in UnassignedReason}


def test_confirm_directly_assigns_and_optimal_travels_no_more_than_greedy(provider, demo_service, store):
    import processing

    greedy = processing.run(
        "jitasa:assignnearest", {"SERVICE": demo_service, "MAX_MINUTES": 45, "MODE": 0, "OUTPUT": "memory:"}
    )
    optimal = processing.run(
        "jitasa:assignoptimal", {"SERVICE": demo_service, "MAX_MINUTES": 45, "MODE": 1, "OUTPUT": "memory:"}
    )

    # Same instance (proposals do not change it). By the optimal solver's own order — fewer requests left out
    # per urgency tier, critical first, then less travel — optimal is never worse than greedy: compared as
    # one tuple, so asserted whatever each assigned (travel within the solver's rounding to whole units).
    def objective(result, slack=0.0):
        summary = json.loads(result["SUMMARY"])
        missed = tuple(summary["unassigned_by_urgency"][u.value] for u in Urgency)
        return missed, summary["total_minutes"] - slack * summary["assigned"] * MINUTES_PER_UNIT

    assert json.loads(optimal["SUMMARY"])["requests"] == json.loads(greedy["SUMMARY"])["requests"] > 0
    assert objective(optimal, slack=1.0) <= objective(greedy), (objective(optimal), objective(greedy))
    counts, doubles, over = _counts(store, optimal["RUN_ID"])
    assert counts == {"active": optimal["ASSIGNED"]}
    assert doubles == 0 and over == 0
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM jitasa.help_request r JOIN jitasa.assignment a ON a.request_id = r.id "
            "WHERE a.run_id = %s AND r.status <> 'assigned'",
            (optimal["RUN_ID"],),
        )
        assert cur.fetchone()[0] == 0
    conn.close()


def test_amphoe_scope_only_touches_that_amphoe(provider, demo_service, store):
    import processing

    result = processing.run(
        "jitasa:assignoptimal",
        {"SERVICE": demo_service, "SCOPE": 1, "AREA_CODE": "6701", "MAX_MINUTES": 45, "OUTPUT": "memory:"},
    )
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id "
            "WHERE a.run_id = %s AND left(r.tambon_code, 4) <> '6701'",
            (result["RUN_ID"],),
        )
        assert cur.fetchone()[0] == 0
    conn.close()
    assert result["ASSIGNED"] > 0


@pytest.mark.parametrize("minutes", [0, -5])
def test_non_positive_max_travel_time_is_refused_and_nothing_written(provider, demo_service, store, minutes):
    import processing

    with pytest.raises(QgsProcessingException, match="more than 0 minutes"):
        processing.run("jitasa:assignoptimal", {"SERVICE": demo_service, "MAX_MINUTES": minutes, "OUTPUT": "memory:"})
    assert _runs(store) == 0


def test_invalid_scope_polygon_is_named_and_nothing_written(provider, demo_service, store):
    import processing

    bowtie = QgsVectorLayer("Polygon?crs=EPSG:4326", "scope", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((100 16, 102 17, 102 16, 100 17, 100 16))"))
    bowtie.dataProvider().addFeatures([feature])
    with pytest.raises(QgsProcessingException, match="(?i)self-intersection|invalid"):
        processing.run(
            "jitasa:assignoptimal", {"SERVICE": demo_service, "SCOPE": 4, "SCOPE_LAYER": bowtie, "OUTPUT": "memory:"}
        )
    assert _runs(store) == 0


def test_missing_scope_value_is_named(provider, demo_service, store):
    import processing

    with pytest.raises(QgsProcessingException, match="needs the amphoe: its name or its code"):
        processing.run("jitasa:assignnearest", {"SERVICE": demo_service, "SCOPE": 1, "OUTPUT": "memory:"})
    assert _runs(store) == 0


def _runs(store) -> int:
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.assignment_run WHERE method <> 'demo'")
        n = cur.fetchone()[0]
    conn.close()
    return n
