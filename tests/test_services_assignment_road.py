"""Assignment on road minutes through the services, on the real test store with a hand-built road network
imported by services.road_import: a river with one bridge far east, so the road order of volunteers differs
from the straight-line order. The batch run and the Assign panel's read follow the road, write road minutes
as not an estimate and say which model and network they used; forcing the straight line goes back to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from jitasa_qgis.core.travel_time import clear_cache
from jitasa_qgis.services.batch_assignment import BatchAssignmentParams, run_batch_assignment
from jitasa_qgis.services.road_import import RoadImportParams, import_roads
from jitasa_qgis.services.single_assignment import read_candidates
from jitasa_qgis.store.candidates import request_summary

SOUTH, NORTH, WEST, EAST, FAR_EAST = 16.03, 16.057, 101.0, 101.14, 101.3
NETWORK = "river test roads"


def osm_file(tmp_path: Path) -> Path:
    """Two primary roads ~3 km apart (60 km/h), joined by a bridge at the east end only; the south road goes
    on east to FAR_EAST."""
    ways = [
        [(WEST + i * 0.02, SOUTH) for i in range(16)],  # to 101.3
        [(WEST + i * 0.02, NORTH) for i in range(8)],  # to 101.14
        [(EAST, SOUTH), (EAST, NORTH)],
    ]
    nodes, out, nid = [], [], 1
    for wid, points in enumerate(ways, start=1):
        refs = []
        for lon, lat in points:
            nodes.append(f'<node id="{nid}" version="1" lat="{lat:.6f}" lon="{lon:.6f}"/>')
            refs.append(nid)
            nid += 1
        body = "".join(f'<nd ref="{r}"/>' for r in refs) + '<tag k="highway" v="primary"/>'
        out.append(f'<way id="{wid}" version="1">{body}</way>')
    path = tmp_path / "river.osm"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">'
        + "".join(nodes)
        + "".join(out)
        + "</osm>",
        encoding="utf-8",
    )
    return path


class Rows:
    def __init__(self, spec):
        self.c = spec.connect(autocommit=True)

    def one(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()

    def all(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def request(self, lon, lat, category="food_supplies") -> int:
        return self.one(
            "INSERT INTO jitasa.help_request (category, urgency, geom) "
            "VALUES (%s, 'normal', ST_SetSRID(ST_MakePoint(%s, %s), 4326)) RETURNING id",
            (category, lon, lat),
        )[0]

    def volunteer(self, lon, lat, capacity=1, vehicle="none") -> int:
        return self.one(
            "INSERT INTO jitasa.volunteer (name, kind, skills, vehicle, capacity, available, geom) "
            "VALUES ('V', 'village_health_volunteer', '{}', %s, %s, true, ST_SetSRID(ST_MakePoint(%s, %s), 4326)) "
            "RETURNING id",
            (vehicle, capacity, lon, lat),
        )[0]


@pytest.fixture
def river(store, tmp_path):
    clear_cache()
    result = import_roads(store, RoadImportParams(network=NETWORK, path=osm_file(tmp_path), snap_tolerance_m=20))
    assert result.components == 1
    rows = Rows(store)
    yield store, rows
    rows.c.close()


def test_batch_follows_the_road_and_says_so(river):
    store, rows = river
    rid = rows.request(WEST + 0.02, SOUTH)
    across = rows.volunteer(WEST + 0.02, NORTH)  # 3 km north, across the river: 9 min off-road, 27 km by road
    along = rows.volunteer(WEST + 0.076, SOUTH)  # 6 km east on the same road: 6 min
    for method in ("nearest", "optimal"):
        result = run_batch_assignment(store, BatchAssignmentParams(method=method, max_minutes=60))
        assert result.travel_model.value == "road_network" and result.network.name == NETWORK
        assert result.solution.pairs()[0][:2] == (rid, along)
        assert result.solution.minutes[0] == pytest.approx(6.0, abs=0.1)
        summary = result.summary()
        assert summary["travel_model"] == "road_network" and summary["road_network"]["name"] == NETWORK
        if method == "optimal":
            assert summary["optimal"] is True
        assert any("by road (network 'river test roads'" in line for line in result.summary_lines())
        minutes, estimate, params = rows.one(
            "SELECT a.travel_minutes, a.cost_is_estimate, r.params FROM jitasa.assignment a "
            "JOIN jitasa.assignment_run r ON r.id = a.run_id WHERE a.run_id = %s",
            (result.run_id,),
        )
        assert minutes == pytest.approx(result.solution.minutes[0], rel=1e-4) and estimate is False
        assert params["travel_model"] == "road_network" and params["road_network"]["name"] == NETWORK
        rows.c.cursor().execute("DELETE FROM jitasa.assignment WHERE run_id = %s", (result.run_id,))
    forced = run_batch_assignment(store, BatchAssignmentParams(method="optimal", max_minutes=60, straight_line=True))
    assert forced.travel_model.value == "straight_line" and forced.network is None
    assert forced.solution.pairs()[0][:2] == (rid, across)  # 3 km against 6 km in a straight line
    estimate, params = rows.one(
        "SELECT a.cost_is_estimate, r.params FROM jitasa.assignment a JOIN jitasa.assignment_run r ON r.id = a.run_id "
        "WHERE a.run_id = %s",
        (forced.run_id,),
    )
    assert estimate is True and params["travel_model"] == "straight_line" and "road_network" not in params


def test_volunteers_are_read_as_far_as_the_road_reaches(river):
    """A scope polygon around the request: the only volunteer is 20 km east along the road (20 min), beyond
    the straight line's margin at 30 km/h for 30 min (15 km) but within the road's."""
    store, rows = river
    rid = rows.request(WEST + 0.02, SOUTH)
    far = rows.volunteer(WEST + 0.02 + 0.187, SOUTH)
    box = f"POLYGON(({WEST} 16.0,{WEST + 0.05} 16.0,{WEST + 0.05} 16.05,{WEST} 16.05,{WEST} 16.0))"
    params = BatchAssignmentParams(method="optimal", max_minutes=30, scope_kind="polygon", polygon_wkt=box)
    result = run_batch_assignment(store, params)
    assert result.travel_model.value == "road_network"
    assert result.solution.pairs()[0][:2] == (rid, far) and 19 < result.solution.minutes[0] < 21
    straight = run_batch_assignment(store, BatchAssignmentParams(**{**params.__dict__, "straight_line": True}))
    assert straight.written == 0 and straight.solution.unassigned_reason.tolist() == ["no_volunteer_in_range"]


def test_without_a_network_the_straight_line(store):
    rows = Rows(store)
    rows.request(WEST + 0.02, SOUTH)
    rows.volunteer(WEST + 0.02, NORTH)
    result = run_batch_assignment(store, BatchAssignmentParams(method="optimal", max_minutes=60))
    assert result.travel_model.value == "straight_line" and result.network is None
    assert result.summary()["travel_model"] == "straight_line"
    assert rows.one("SELECT cost_is_estimate FROM jitasa.assignment WHERE run_id = %s", (result.run_id,))[0] is True
    rows.c.close()


def test_panel_read_ranks_by_road_and_reads_on_until_proven(river):
    """The two nearest eligible in a straight line are across the river; by road the two along it come first.
    With limit 2 the first read holds only the two across; the read goes on until the road order is proven."""
    store, rows = river
    rid = rows.request(WEST + 0.02, SOUTH)
    across = [rows.volunteer(WEST + 0.02 + d, NORTH) for d in (0.0, 0.002, 0.004)]
    along = [rows.volunteer(WEST + 0.02 + d, SOUTH) for d in (0.056, 0.075)]
    conn = store.connect(autocommit=True)
    try:
        summary = request_summary(conn, rid)
        read = read_candidates(conn, summary, limit=2, max_minutes=60)
        assert read.travel_model.value == "road_network" and read.network.name == NETWORK and read.complete
        by_minutes = sorted(zip(read.minutes, (c.id for c in read.candidates)))
        assert [v for _, v in by_minutes[:2]] == along
        assert len(read.candidates) == 2  # the two best who can go (nobody nearby who cannot)
        straight = read_candidates(conn, summary, limit=2, max_minutes=60, straight_line=True)
        assert straight.minutes is None and [c.id for c in straight.candidates] == across[:2]
    finally:
        conn.close()
