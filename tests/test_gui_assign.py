"""Assigning on the canvas, offscreen, on a real store with the demo: the pick tool emits the request under a
click (and nothing on empty space), the panel ranks the request's candidates and draws them, confirming
writes an active assignment, and a confirm that lost the race is refused with the server's reason; an
officer sees volunteers' names and phones, an analyst does not (and gets no error)."""

from __future__ import annotations

import uuid

import pytest
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

from jitasa_qgis.definitions.enums import RequestStatus
from jitasa_qgis.definitions.labels import volunteer_kind_label
from jitasa_qgis.definitions.roads import DEMO_ROAD_NETWORK
from jitasa_qgis.gui.assign_panel import AssignPanel
from jitasa_qgis.gui.candidate_table_model import (
    COL_DISTANCE,
    COL_ELIGIBILITY,
    COL_LOAD,
    COL_MINUTES,
    COL_PHONE,
    COL_RANK,
    COL_VOLUNTEER,
)
from jitasa_qgis.gui.pick_request_tool import PickRequestTool
from jitasa_qgis.layers.store_layers import add_store_layers
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.assignments import Outcome, assign_pairs, create_run
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.qgis_connections import StoreLocation


def _location(spec) -> StoreLocation:
    p = spec.params
    return StoreLocation(
        name="test", spec=spec, layer_uri=f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'"
    )


@pytest.fixture
def demo(store):
    load_demo_data(store, n_requests=400, n_volunteers=300, seed=11)
    c = store.connect(autocommit=True)
    yield store, c
    c.close()


def _one(c, query, params=()):
    with c.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchone()


def _all(c, query, params=()):
    with c.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def _new_request(c, category="food_supplies"):
    """A new request of `category` with at least two volunteers who can go within 60 min (30 km)."""
    return _one(
        c,
        """
        SELECT r.id, ST_X(r.geom), ST_Y(r.geom) FROM jitasa.help_request r
         WHERE r.status = 'new' AND r.category = %s AND r.geom IS NOT NULL
           AND (SELECT count(*) FROM jitasa.volunteer v
                 WHERE v.available AND v.active_count < v.capacity
                   AND ST_DWithin(v.geom::geography, r.geom::geography, 25000)) >= 2
         ORDER BY r.id LIMIT 1""",
        (category,),
    )


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture
def canvas(qgis_canvas, project):
    """The canvas at its real size: its map settings take the widget's size only once it is shown."""
    window = qgis_canvas.window()
    was_visible = window.isVisible()
    window.show()
    QCoreApplication.processEvents()
    assert qgis_canvas.mapSettings().outputSize().width() > 700
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    yield qgis_canvas
    qgis_canvas.setLayers([])
    if not was_visible:
        window.hide()


def _click(tool, canvas, lon, lat):
    pixel = canvas.getCoordinateTransform().transform(QgsPointXY(lon, lat))
    event = QgsMapMouseEvent(
        canvas,
        QEvent.MouseButtonRelease,
        QPoint(round(pixel.x()), round(pixel.y())),
        Qt.LeftButton,
        Qt.LeftButton,
        Qt.NoModifier,
    )
    tool.canvasReleaseEvent(event)


def _zoom(canvas, lon, lat, half_width_deg):
    canvas.setExtent(
        QgsRectangle(lon - half_width_deg, lat - half_width_deg, lon + half_width_deg, lat + half_width_deg)
    )


# --- the map tool -----------------------------------------------------------------------------------------


def test_tool_emits_the_request_under_the_click_and_nothing_on_empty_space(demo, project, canvas):
    spec, c = demo
    layers, failed = add_store_layers(_location(spec), project)
    assert failed == []
    canvas.setLayers([layers["help_request"], layers["help_request_critical"]])
    rid, lon, lat = _new_request(c)
    tool = PickRequestTool(canvas)
    picked = []
    tool.request_picked.connect(picked.append)
    canvas.setMapTool(tool)
    assert canvas.cursor().shape() == Qt.CrossCursor

    _zoom(canvas, lon, lat, 0.005)  # ~1:5,000: the detail layer is drawn
    assert canvas.scale() < 150_000
    _click(tool, canvas, lon, lat)
    assert picked == [rid]
    # a few pixels off still picks it
    _click(tool, canvas, lon + 3 * canvas.mapUnitsPerPixel(), lat - 2 * canvas.mapUnitsPerPixel())
    assert picked == [rid, rid]

    _zoom(canvas, 99.0, 13.0, 0.005)  # far from Phetchabun: nothing there
    _click(tool, canvas, 99.0, 13.0)
    assert picked == [rid, rid]

    # with no Jitasa request layer drawn, the click finds nothing either
    canvas.setLayers([])
    _zoom(canvas, lon, lat, 0.005)
    _click(tool, canvas, lon, lat)
    assert picked == [rid, rid]
    canvas.unsetMapTool(tool)


def test_tool_at_province_scale_picks_only_what_the_critical_overview_draws(demo, project, canvas):
    spec, c = demo
    layers, _ = add_store_layers(_location(spec), project)
    canvas.setLayers([layers["help_request"], layers["help_request_critical"]])
    critical = _one(
        c,
        "SELECT id, ST_X(geom), ST_Y(geom) FROM jitasa.help_request WHERE urgency = 'critical' "
        "AND status IN ('new', 'assigned', 'in_progress') ORDER BY id LIMIT 1",
    )
    lonely = _one(
        c,
        """
        SELECT r.id, ST_X(r.geom), ST_Y(r.geom) FROM jitasa.help_request r
         WHERE r.urgency <> 'critical' AND r.status = 'new'
           AND NOT EXISTS (SELECT 1 FROM jitasa.help_request x WHERE x.urgency = 'critical'
                            AND x.status IN ('new', 'assigned', 'in_progress')
                            AND ST_DWithin(x.geom, r.geom, 0.05))
         ORDER BY r.id LIMIT 1""",
    )
    tool = PickRequestTool(canvas)
    picked = []
    tool.request_picked.connect(picked.append)
    _zoom(canvas, critical[1], critical[2], 0.25)
    assert 150_000 < canvas.scale() < 2_500_000
    _click(tool, canvas, critical[1], critical[2])
    assert picked == [critical[0]]
    _zoom(canvas, lonely[1], lonely[2], 0.25)
    _click(tool, canvas, lonely[1], lonely[2])  # drawn only as part of a grid cell at this scale
    assert picked == [critical[0]]


# --- the panel --------------------------------------------------------------------------------------------


@pytest.fixture
def make_panel(qgis_app, qgis_iface, canvas):
    panels = []

    def make(spec, iface=qgis_iface):
        location = _location(spec)
        panel = AssignPanel(lambda: location, iface=iface, canvas=canvas)
        panels.append(panel)
        return panel

    yield make
    for panel in panels:
        panel.unload()
        panel.deleteLater()


def _drop_road_networks(c) -> None:
    """The demo without its road network: the panel falls back to the straight line."""
    with c.cursor() as cur:
        cur.execute("DELETE FROM jitasa.road_segment")
        cur.execute("DELETE FROM jitasa.road_network")


@pytest.mark.parametrize("roads", [True, False], ids=["road network", "straight line"])
def test_panel_lists_ranked_candidates_and_draws_them(demo, make_panel, canvas, roads):
    spec, c = demo
    if not roads:
        _drop_road_networks(c)
    rid, lon, lat = _new_request(c)
    panel = make_panel(spec)
    panel.show_request(rid)
    assert panel.isVisible()
    assert panel.request.id == rid and panel.request.status is RequestStatus.NEW
    assert f"Request {rid}" in panel.request_label.text() and "Food and supplies" in panel.request_label.text()
    ranking = panel.ranking
    eligible = ranking.eligible
    assert len(eligible) >= 2 and ranking.best is eligible[0]
    assert [r.rank for r in eligible] == list(range(1, len(eligible) + 1))
    assert [round(a.minutes) for a in eligible] == sorted(round(a.minutes) for a in eligible)  # whole minutes first
    assert all(r.minutes <= 60 for r in ranking.rows)
    model = panel.model
    assert model.rowCount() == len(ranking.rows)
    assert model.index(0, COL_RANK).data() == "1"
    assert model.index(0, COL_MINUTES).data().startswith("≈") is not roads
    assert model.index(0, COL_MINUTES).data().endswith("min")
    assert "/" in model.index(0, COL_LOAD).data() and model.index(0, COL_ELIGIBILITY).data() == "Can go"
    if roads:
        assert ranking.travel_model.value == "road_network" and not ranking.is_estimate
        assert f"by road on the network '{DEMO_ROAD_NETWORK}'" in panel.candidates_label.text()
        assert not panel.speed_spin.isEnabled()  # the speed is the straight line's
    else:
        assert ranking.travel_model.value == "straight_line" and ranking.is_estimate
        assert "straight-line estimates at 30 km/h" in panel.candidates_label.text()
    # the best is chosen, drawn with the others and joined to the request
    assert panel.selected_candidate() is ranking.best
    assert panel.markers.ranked_ids() == [r.volunteer_id for r in eligible]
    assert panel.markers.line_from() == ranking.best.volunteer_id
    assert panel.confirm_button.isEnabled()
    # zoom: centred on the request, the five best in view
    panel.zoom_to_candidates()
    extent = canvas.extent()
    assert extent.center().x() == pytest.approx(lon, abs=1e-6) and extent.center().y() == pytest.approx(lat, abs=1e-6)
    for r in eligible[:5]:
        assert extent.contains(QgsPointXY(r.candidate.lon, r.candidate.lat))
    # choosing another moves the line
    panel.select_volunteer(eligible[1].volunteer_id)
    assert panel.markers.line_from() == eligible[1].volunteer_id

    # a shorter reach and a slower speed re-rank without reading again
    panel.max_minutes_spin.setValue(5)
    assert all(r.minutes <= 5 for r in panel.ranking.rows)
    assert panel.ranking.beyond_max > 0 and "beyond 5 min" in panel.candidates_label.text()
    panel.max_minutes_spin.clear()  # back to the default
    assert panel.max_minutes_spin.value() == 60
    if not roads:
        panel.speed_spin.setValue(15)
        assert panel.ranking.speed_kmh == 15 and "at 15 km/h" in panel.candidates_label.text()

    # another request replaces the drawing; closing the panel clears it
    other = _one(
        c,
        "SELECT id FROM jitasa.help_request WHERE status = 'new' AND id <> %s AND geom IS NOT NULL "
        "ORDER BY id DESC LIMIT 1",
        (rid,),
    )[0]
    panel.show_request(other)
    assert panel.request.id == other
    assert panel.markers.ranked_ids() == [r.volunteer_id for r in panel.ranking.eligible]
    panel.close()
    assert not panel.markers.shown and panel.markers.ranked_ids() == []


def test_confirm_writes_an_active_assignment(demo, make_panel):
    spec, c = demo
    rid, _, _ = _new_request(c)
    panel = make_panel(spec)
    panel.show_request(rid)
    best = panel.ranking.best
    load_before = _one(c, "SELECT active_count FROM jitasa.volunteer WHERE id = %s", (best.volunteer_id,))[0]

    outcome = panel.confirm_selected()
    assert outcome.outcome is Outcome.CONFIRMED and outcome.reason is None
    active = _all(
        c,
        "SELECT a.volunteer_id, a.travel_minutes, a.cost_is_estimate, r.method, r.status::text "
        "FROM jitasa.assignment a JOIN jitasa.assignment_run r ON r.id = a.run_id "
        "WHERE a.request_id = %s AND a.status = 'active'",
        (rid,),
    )
    assert len(active) == 1
    vid, minutes, estimate, method, run_status = active[0]
    # the demo's road network covers the request: road minutes, written as not an estimate, the run says so
    assert (vid, method, run_status, estimate) == (best.volunteer_id, "manual", "confirmed", False)
    assert minutes == pytest.approx(best.minutes, rel=1e-3)
    params = _one(
        c,
        "SELECT r.params FROM jitasa.assignment_run r JOIN jitasa.assignment a ON a.run_id = r.id "
        "WHERE a.request_id = %s AND a.status = 'active'",
        (rid,),
    )[0]
    assert params["travel_model"] == "road_network" and params["road_network"]["name"] == DEMO_ROAD_NETWORK
    assert _one(c, "SELECT status::text FROM jitasa.help_request WHERE id = %s", (rid,))[0] == "assigned"
    assert _one(c, "SELECT active_count FROM jitasa.volunteer WHERE id = %s", (vid,))[0] == load_before + 1
    # the panel shows what happened and the current state
    assert f"Request {rid} assigned to volunteer {vid}" in panel.status_label.text()
    assert panel.request.status is RequestStatus.ASSIGNED and panel.request.active_volunteer_id == vid
    assert "Already assigned to volunteer" in panel.request_label.text()
    assert not panel.confirm_button.isEnabled()
    # the session is back in autocommit, nothing left open
    assert panel._conn.autocommit and panel._conn.info.transaction_status == 0


def test_confirm_after_someone_else_assigned_the_request_is_refused(demo, make_panel, qgis_iface):
    spec, c = demo
    rid, _, _ = _new_request(c)
    panel = make_panel(spec)
    panel.show_request(rid)
    mine = panel.ranking.best.volunteer_id
    theirs = panel.ranking.eligible[1].volunteer_id

    # another officer, on another connection, assigns it first
    other = spec.connect()
    result = assign_pairs(other, create_run(other, "manual"), [rid], [theirs])
    other.close()
    assert result.confirmed == 1
    before = _one(
        c,
        "SELECT (SELECT count(*) FROM jitasa.assignment), "
        "(SELECT sum(active_count) FROM jitasa.volunteer), "
        "(SELECT sum(version) FROM jitasa.help_request)",
    )
    mine_before = _one(c, "SELECT active_count, version FROM jitasa.volunteer WHERE id = %s", (mine,))

    outcome = panel.confirm_selected()  # the panel still shows the old state: the server decides
    assert outcome.refused and outcome.reason == "request_already_assigned"
    assert "request already assigned" in panel.status_label.text()
    assert any("request already assigned" in m for m in qgis_iface.messageBar().get_messages(Qgis.Warning))
    # nothing else changed: still one active assignment (theirs), my volunteer untouched
    assert _all(
        c, "SELECT volunteer_id FROM jitasa.assignment WHERE request_id = %s AND status = 'active'", (rid,)
    ) == [(theirs,)]
    assert (
        _one(
            c,
            "SELECT (SELECT count(*) FROM jitasa.assignment), "
            "(SELECT sum(active_count) FROM jitasa.volunteer), "
            "(SELECT sum(version) FROM jitasa.help_request)",
        )
        == before
    )
    assert _one(c, "SELECT active_count, version FROM jitasa.volunteer WHERE id = %s", (mine,)) == mine_before
    # the panel re-read: it now shows the request as assigned to the other volunteer
    assert panel.request.status is RequestStatus.ASSIGNED and panel.request.active_volunteer_id == theirs
    assert not panel.confirm_button.isEnabled()


def test_confirm_to_a_volunteer_who_became_full_is_refused(demo, make_panel):
    spec, c = demo
    rid, _, _ = _new_request(c)
    panel = make_panel(spec)
    panel.show_request(rid)
    vid = panel.ranking.best.volunteer_id
    with c.cursor() as cur:
        cur.execute("UPDATE jitasa.volunteer SET active_count = capacity WHERE id = %s", (vid,))

    outcome = panel.confirm_selected()
    assert outcome.refused and outcome.reason == "volunteer_full"
    assert "volunteer now full" in panel.status_label.text()
    assert _one(c, "SELECT count(*) FROM jitasa.assignment WHERE request_id = %s", (rid,))[0] == 0
    # the refreshed list shows why: that volunteer is full now, the best is someone else
    row = panel.ranking.row_of(vid)
    assert row is not None and not row.eligible
    assert panel.ranking.best.volunteer_id != vid
    assert panel.confirm_button.isEnabled()


def test_unknown_request_and_no_store(demo, make_panel, qgis_app):
    spec, c = demo
    panel = make_panel(spec)
    panel.show_request(999_999)
    assert panel.request is None and "does not exist" in panel.status_label.text()
    assert panel.model.rowCount() == 0 and not panel.confirm_button.isEnabled()

    from jitasa_qgis.store.errors import StoreError

    def not_connected():
        raise StoreError("Not connected: use 'Connect to Jitasa store' first.")

    offline = AssignPanel(not_connected)
    offline.show_request(1)
    assert "Not connected" in offline.status_label.text()
    offline.unload()
    offline.deleteLater()


# --- personal data by role --------------------------------------------------------------------------------


@pytest.fixture
def login(pg_cluster, demo):
    """Factory: a fresh LOGIN role in a group role on the demo store; returns its ConnectionSpec. Login roles
    are cluster-wide: each is dropped after the test."""
    spec, _c = demo
    made = []

    def make(group: str) -> ConnectionSpec:
        name = f"{group.replace('jitasa_', '')}_{uuid.uuid4().hex[:10]}"
        admin = spec.connect(autocommit=True)
        with admin.cursor() as cur:
            cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group}')
            # national: the login works every area (jitasa.area_scope, issue 14)
            cur.execute("INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, NULL)", (name,))
        admin.close()
        made.append(name)
        return ConnectionSpec(params=pg_cluster.params(spec.params["dbname"], user=name), label=name)

    yield make
    admin = spec.connect(autocommit=True)
    with admin.cursor() as cur:
        for name in made:
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,))
            cur.execute(f'DROP OWNED BY "{name}"')
            cur.execute(f'DROP ROLE "{name}"')
    admin.close()


def _cells(panel, col):
    return [panel.model.index(i, col).data() for i in range(panel.model.rowCount())]


def test_an_officer_sees_names_and_phones_an_analyst_does_not(demo, make_panel, login):
    spec, c = demo
    rid, _, _ = _new_request(c)
    contacts = {vid: (name, phone) for vid, name, phone in _all(c, "SELECT id, name, phone FROM jitasa.volunteer")}

    officer = make_panel(login("jitasa_officer"))
    officer.show_request(rid)
    assert officer.status_label.text() == ""
    rows = officer.ranking.rows
    assert len(rows) >= 2
    header = officer.candidates_view.horizontalHeader()
    assert not header.isSectionHidden(COL_PHONE)
    assert officer.model.headerData(COL_PHONE, Qt.Horizontal) == "Phone"
    for i, row in enumerate(rows):
        name, phone = contacts[row.volunteer_id]
        assert _cells(officer, COL_VOLUNTEER)[i] == f"{name} ({volunteer_kind_label(row.candidate.kind)})"
        assert _cells(officer, COL_PHONE)[i] == phone and phone
    # the confirmation names who goes, with the phone to call, and gives distance in km and time in minutes
    best = officer.ranking.best
    name, phone = contacts[best.volunteer_id]
    outcome = officer.confirm_selected()
    assert outcome is not None and not outcome.refused
    text = officer.status_label.text()
    assert name in text and phone in text
    assert f"distance {best.candidate.distance_m / 1000:.1f} km" in text
    assert f"travel {round(best.minutes)} min" in text  # by road: no ≈

    other, _, _ = _new_request(c)  # the next new request with room around it
    analyst = make_panel(login("jitasa_analyst"))
    analyst.show_request(other)
    assert analyst.status_label.text() == ""  # no permission error: names and phones are simply not read
    assert analyst.request.id == other and len(analyst.ranking.rows) >= 2
    assert analyst.candidates_view.horizontalHeader().isSectionHidden(COL_PHONE)
    assert all(r.candidate.name is None and r.candidate.phone is None for r in analyst.ranking.rows)
    assert _cells(analyst, COL_VOLUNTEER) == [volunteer_kind_label(r.candidate.kind) for r in analyst.ranking.rows]
    assert set(_cells(analyst, COL_PHONE)) == {""}
    shown = {
        str(analyst.model.index(i, col).data())
        for i in range(analyst.model.rowCount())
        for col in range(analyst.model.columnCount())
    }
    everyone = {v for pair in contacts.values() for v in pair if v}
    assert not shown & everyone
    assert all(float(d) >= 0 for d in _cells(analyst, COL_DISTANCE))
