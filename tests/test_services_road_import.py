"""services.road_import on the real test cluster: the real Phetchabun major roads, re-import, bad input."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import psycopg2
import psycopg2.errors
import pytest

from jitasa_qgis.core.road_network import RoadNetworkError
from jitasa_qgis.core.travel_time import clear_cache
from jitasa_qgis.definitions.roads import TravelModelCode
from jitasa_qgis.services import road_import
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.road_import import RoadImportParams, import_roads
from jitasa_qgis.services.travel_times import travel_time_model
from jitasa_qgis.store.errors import StoreError

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ROADS = DATA / "roads" / "phetchabun_major_roads.gpkg"
PHETCHABUN = RoadImportParams(network="phetchabun", path=ROADS, layer="major_roads", snap_tolerance_m=1000)


def counts(conn) -> tuple:
    with conn.cursor() as cur:
        cur.execute("SELECT count(*), coalesce(sum(version), 0) FROM jitasa.road_network")
        networks = cur.fetchone()
        cur.execute("SELECT count(*) FROM jitasa.road_segment")
        return networks + cur.fetchone()


def osm_file(tmp_path: Path, ways: list[tuple[dict, list[tuple[float, float]]]]) -> Path:
    """A small .osm XML: each way (tags, [(lon, lat), ...]) with its own nodes."""
    nodes, out, nid = [], [], 1
    for wid, (tags, points) in enumerate(ways, start=1):
        refs = []
        for lon, lat in points:
            nodes.append(f'<node id="{nid}" version="1" lat="{lat}" lon="{lon}"/>')
            refs.append(nid)
            nid += 1
        body = "".join(f'<nd ref="{r}"/>' for r in refs) + "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        out.append(f'<way id="{wid}" version="1">{body}</way>')
    path = tmp_path / "roads.osm"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">'
        + "".join(nodes)
        + "".join(out)
        + "</osm>",
        encoding="utf-8",
    )
    return path


def test_phetchabun_major_roads_import_with_their_report(store, conn):
    messages = []
    result = import_roads(store, PHETCHABUN, CallbackProgress(lambda f, m: messages.append(m)))
    # the real file: 109 lines (111 parts), gaps up to ~1 km at junctions, crossings without shared vertices
    assert result.junctions_snapped >= 20 and 500 < result.max_snap_m <= 1000
    assert result.split_points >= 30  # crossings noded
    assert result.components >= 2 and result.largest_share > 0.7
    assert len(result.islands) == result.components - 1
    assert 1100 < result.length_km < 1250 and result.version == 1 and not result.replaced
    assert any("segments built" in m for m in messages)
    with conn.cursor() as cur:
        cur.execute(
            """SELECT count(*), count(DISTINCT source), sum(length_m) / 1000, min(cost_s), bool_and(ST_IsValid(geom)),
                      count(*) FILTER (WHERE component = 0), count(*) FILTER (WHERE oneway <> 0)
                 FROM jitasa.road_segment WHERE network_id = %s""",
            (result.network_id,),
        )
        n, sources, km, min_cost, valid, routable, oneway = cur.fetchone()
        assert n == result.segments and valid and routable == result.routable_segments
        assert km == pytest.approx(result.length_km, rel=1e-6) and min_cost > 0
        assert oneway > 0  # the file's dual carriageways, one line per direction
        cur.execute(
            "SELECT segment_count, node_count, report->>'junctions_snapped', ST_GeometryType(area) "
            "FROM jitasa.road_network WHERE id = %s",
            (result.network_id,),
        )
        seg_count, node_count, snapped, area_type = cur.fetchone()
        assert (seg_count, int(snapped), area_type) == (result.segments, result.junctions_snapped, "ST_Polygon")
        assert node_count == result.nodes
        # ready for pgRouting: a drive from one end of the routable network reaches most of it
        cur.execute(
            """SELECT count(*) FROM pgr_drivingDistance(
                 'SELECT id, source, target, cost_s AS cost, reverse_cost_s AS reverse_cost FROM jitasa.road_segment
                   WHERE network_id = ' || %s || ' AND component = 0',
                 (SELECT source FROM jitasa.road_segment WHERE network_id = %s AND component = 0 ORDER BY id LIMIT 1),
                 36000)""",
            (result.network_id, result.network_id),
        )
        assert cur.fetchone()[0] > result.nodes / 2


def test_travel_time_model_uses_the_network_where_it_covers(store, conn):
    clear_cache()
    import_roads(store, PHETCHABUN)
    # Phetchabun town and Lom Sak, both on highway 21; and a point in the Gulf, far from this network
    model, info = travel_time_model(conn, [101.16, 101.24], [16.42, 16.78])
    assert model.code == TravelModelCode.ROAD_NETWORK and info.name == "phetchabun"
    minutes = model.minutes([101.16], [16.42], [101.24], [16.78]).minutes[0, 0]
    assert 25 < minutes < 90  # ~45 km of trunk road
    again, _ = travel_time_model(conn, [101.16], [16.42])
    assert again.graph is model.graph  # cached by (network, version)
    far, none = travel_time_model(conn, [100.5], [12.0])
    assert far.code == TravelModelCode.STRAIGHT_LINE and none is None


def test_importing_again_replaces_the_network_in_one_transaction(store, conn, monkeypatch):
    first = import_roads(store, PHETCHABUN)
    second = import_roads(store, PHETCHABUN)
    assert (second.network_id, second.version, second.replaced) == (first.network_id, 2, True)
    assert second.segments == first.segments
    assert counts(conn) == (1, 2, first.segments)
    # a cancel arriving just after the new segments were written (before the commit) leaves the old network
    cancelled = []

    def replace_then_cancel(*args, **kwargs):
        written = road_import.replace_network.__wrapped__(*args, **kwargs)
        cancelled.append(True)
        return written

    replace_then_cancel.__wrapped__ = road_import.replace_network
    monkeypatch.setattr(road_import, "replace_network", replace_then_cancel)
    with pytest.raises(Cancelled):
        import_roads(store, PHETCHABUN, CallbackProgress(cancelled=lambda: bool(cancelled)))
    assert cancelled and counts(conn) == (1, 2, first.segments)


def test_a_reader_sees_the_old_or_the_new_network_never_half(store, conn):
    import_roads(store, PHETCHABUN)
    seen, stop = [], threading.Event()

    def watch():
        c = store.connect()
        c.autocommit = True
        while not stop.is_set():
            with c.cursor() as cur:
                cur.execute("SELECT count(*) FROM jitasa.road_segment")
                seen.append(cur.fetchone()[0])
        c.close()

    t = threading.Thread(target=watch)
    t.start()
    try:
        result = import_roads(store, PHETCHABUN)
    finally:
        stop.set()
        t.join()
    assert set(seen) <= {result.segments}


def test_a_layer_without_the_class_field_is_refused(store, conn):
    with pytest.raises(RoadNetworkError, match="no road class field 'kind'"):
        import_roads(store, RoadImportParams(network="x", path=ROADS, layer="major_roads", class_field="kind"))
    assert counts(conn) == (0, 0, 0)


def test_an_osm_file_with_no_roads_in_the_area(store, conn, tmp_path):
    path = osm_file(
        tmp_path,
        [
            ({"highway": "primary"}, [(13.40, 52.52), (13.41, 52.53)]),  # Berlin
            ({"highway": "footway"}, [(101.10, 16.40), (101.11, 16.41)]),
        ],
    )
    with pytest.raises(RoadNetworkError, match="no road to drive on inside Thailand") as info:
        import_roads(store, RoadImportParams(network="osm", path=path))
    assert "footway 1" in str(info.value) and "1 outside Thailand" in str(info.value)
    assert counts(conn) == (0, 0, 0)


def test_a_disconnected_network_is_refused(store, conn, tmp_path):
    path = osm_file(
        tmp_path,
        [  # three roads ~10 km apart: nothing to join within 50 m
            ({"highway": "primary"}, [(101.0, 16.0), (101.05, 16.0)]),
            ({"highway": "primary"}, [(101.0, 16.1), (101.05, 16.1)]),
            ({"highway": "primary"}, [(101.0, 16.2), (101.05, 16.2)]),
        ],
    )
    with pytest.raises(RoadNetworkError, match="falls apart into 3 pieces"):
        import_roads(store, RoadImportParams(network="osm", path=path, snap_tolerance_m=50))
    assert counts(conn) == (0, 0, 0)


def test_osm_file_oneway_tags_and_roundabout(store, conn, tmp_path):
    path = osm_file(
        tmp_path,
        [
            ({"highway": "trunk", "name": "ถนนสายหลัก"}, [(101.0, 16.0), (101.02, 16.0), (101.04, 16.0)]),
            ({"highway": "secondary", "oneway": "yes"}, [(101.02, 16.0), (101.02, 16.02)]),
            ({"highway": "tertiary", "oneway": "-1"}, [(101.04, 16.0), (101.04, 16.02)]),
            ({"highway": "residential"}, [(101.02, 16.02), (101.04, 16.0205)]),  # 50 m short of the tertiary
        ],
    )
    result = import_roads(
        store, RoadImportParams(network="osm", path=path, snap_tolerance_m=100, speeds="trunk=90; secondary=45")
    )
    assert result.components == 1 and result.junctions_snapped == 1
    with conn.cursor() as cur:
        cur.execute(
            """SELECT road_class, oneway, cost_s < 0, reverse_cost_s < 0, speed_kmh, name
                         FROM jitasa.road_segment WHERE network_id = %s""",
            (result.network_id,),
        )
        rows = cur.fetchall()
        cur.execute("SELECT attribution, speeds_kmh->>'trunk' FROM jitasa.road_network")
        assert cur.fetchone() == ("Roads © OpenStreetMap contributors, ODbL", "90.0")
    by_class = {}
    for road_class, oneway, closed_fwd, closed_back, speed, _name in rows:
        by_class.setdefault(road_class, set()).add((oneway, closed_fwd, closed_back, speed))
    assert by_class["trunk"] == {(0, False, False, 90.0)}
    assert by_class["secondary"] == {(1, False, True, 45.0)}
    # the tertiary's loose end got the connector to the residential street: open both ways, its class
    assert by_class["tertiary"] == {(-1, True, False, 40.0), (0, False, False, 40.0)}
    assert ("ถนนสายหลัก",) in {(r[5],) for r in rows}
    assert np.isclose(result.max_snap_m, 55, atol=10)


def test_admins_import_networks_and_officers_and_analysts_only_read_them(store, conn, login_role):
    _, admin = login_role("jitasa_admin")
    result = import_roads(lambda: admin(autocommit=False), PHETCHABUN)
    assert result.segments > 100
    for group in ("jitasa_analyst", "jitasa_officer"):
        _, reader = login_role(group)
        with pytest.raises(StoreError, match="permission denied"):
            import_roads(lambda reader=reader: reader(autocommit=False), PHETCHABUN)
        c = reader()
        model, info = travel_time_model(c, [101.16], [16.42])
        assert info.name == "phetchabun" and model.code == TravelModelCode.ROAD_NETWORK
    assert counts(conn) == (1, 1, result.segments)
    _, feed = login_role("jitasa_feed")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        with feed().cursor() as cur:
            cur.execute("SELECT count(*) FROM jitasa.road_network")
