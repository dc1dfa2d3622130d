"""The Runs tab of the operations dock on a real store: runs waiting for review, a run's proposals, confirm
or reject the selected rows or the whole run, refusals counted by reason; and the store queries behind it."""

from __future__ import annotations

import pytest
from qgis.core import Qgis
from qgis.PyQt.QtCore import QItemSelectionModel
from task_waiting import finish

from jitasa_qgis.definitions.enums import RunStatus, Urgency, VolunteerKind
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.store.assignments import Outcome, create_run, propose_assignments
from jitasa_qgis.store.qgis_connections import StoreLocation
from jitasa_qgis.store.runs import run_proposals, runs_to_review


class Data:
    def __init__(self, spec):
        self.spec = spec
        self.c = spec.connect(autocommit=True)
        with self.c.cursor() as cur:
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) VALUES "
                "('tambon', '670101', NULL, 'ในเมือง', "
                " ST_GeomFromText('MULTIPOLYGON(((101 16,102 16,102 17,101 17,101 16)))', 4326))"
            )

    def one(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()

    def request(self, urgency="normal", hours_ago=1.0) -> int:
        return self.one(
            "INSERT INTO jitasa.help_request (category, urgency, created_at, geom) VALUES "
            "('food_supplies', %s, now() - make_interval(secs => %s), "
            "'SRID=4326;POINT(101.2 16.4)') RETURNING id",
            (urgency, hours_ago * 3600),
        )[0]

    def volunteer(self, capacity=3) -> int:
        return self.one(
            "INSERT INTO jitasa.volunteer (name, kind, capacity, geom) VALUES "
            "('v', 'student', %s, 'SRID=4326;POINT(101.21 16.41)') RETURNING id",
            (capacity,),
        )[0]

    def run(self, method, pairs, minutes=None):
        """A run with proposals for (request, volunteer) pairs; returns (run id, assignment ids)."""
        conn = self.spec.connect()
        try:
            run = create_run(conn, method, "amphoe:6701", {"max_minutes": 60})
            result = propose_assignments(
                conn, run, [p[0] for p in pairs], [p[1] for p in pairs], minutes or [12.4] * len(pairs)
            )
        finally:
            conn.close()
        assert result.proposed == len(pairs)
        return run, [r.assignment_id for r in result.rows]

    def statuses(self, assignment_ids):
        with self.c.cursor() as cur:
            cur.execute(
                "SELECT id, status::text FROM jitasa.assignment WHERE id = ANY (%s) ORDER BY id",
                (list(assignment_ids),),
            )
            return dict(cur.fetchall())


@pytest.fixture
def data(store):
    d = Data(store)
    yield d
    d.c.close()


@pytest.fixture
def dock(qgis_app, store):
    location = StoreLocation(name="test", spec=store, layer_uri="")
    d = OperationsDock(lambda: location)
    d.ask_yes_no = lambda title, text: True
    yield d
    d.close_store()
    d.deleteLater()


def _select_proposals(dock, assignment_ids):
    selection = dock.proposals_view.selectionModel()
    selection.clearSelection()
    for aid in assignment_ids:
        row = dock.proposals_model.row_of_id(aid)
        assert row >= 0
        selection.select(dock.proposals_model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)


def test_store_lists_runs_to_review_and_their_proposals(data):
    v = data.volunteer(capacity=5)
    r_low, r_crit, r_norm = data.request("low", 5), data.request("critical", 1), data.request("normal", 9)
    old_run, _ = data.run("nearest", [(r_low, v)])
    new_run, ids = data.run("optimal", [(r_low, v), (r_crit, v), (r_norm, v)], [5.0, None, 7.5])
    conn = data.spec.connect(autocommit=True)
    try:
        runs = runs_to_review(conn)
        assert [r.id for r in runs] == [new_run, old_run]  # newest first
        assert (runs[0].method, runs[0].scope, runs[0].status, runs[0].proposed, runs[0].total) == (
            "optimal",
            "amphoe:6701",
            RunStatus.PROPOSED,
            3,
            3,
        )
        rows = run_proposals(conn, new_run)
        assert [r.request_id for r in rows] == [r_crit, r_norm, r_low]  # most urgent first
        assert rows[0].urgency is Urgency.CRITICAL and rows[0].volunteer_kind is VolunteerKind.STUDENT
        assert rows[0].travel_minutes is None and rows[1].travel_minutes == 7.5 and rows[1].cost_is_estimate
        assert rows[0].tambon_name == "ในเมือง"
        assert {r.id for r in rows} == set(ids)
    finally:
        conn.close()


def test_confirm_selected_then_reject_the_rest(dock, data):
    v1, v2 = data.volunteer(capacity=3), data.volunteer(capacity=3)
    requests = [data.request("high", h) for h in (1, 2, 3, 4, 5)]
    run, ids = data.run("optimal", [(r, v1 if i % 2 else v2) for i, r in enumerate(requests)])

    dock.refresh()
    assert [r.id for r in dock.runs_model.rows()] == [run]
    assert dock.selected_run().id == run  # the newest run is chosen
    assert sorted(r.id for r in dock.proposals_model.rows()) == sorted(ids)
    assert "5 proposal(s) to review" in dock.proposals_label.text()
    assert dock.runs_model.index(0, 1).data() == "Optimal" and dock.runs_model.index(0, 6).data() == "5"
    assert dock.proposals_model.index(0, 6).data() == "≈12 min"
    assert dock.confirm_run_button.isEnabled() and not dock.confirm_selected_button.isEnabled()

    _select_proposals(dock, ids[:2])
    assert dock.confirm_selected_button.isEnabled() and dock.reject_selected_button.isEnabled()
    result = finish(dock.confirm_selected_proposals())
    assert result.confirmed == 2 and result.refused == 0
    assert f"Run {run}: 2 confirmed." in dock.status_label.text()
    statuses = data.statuses(ids)
    assert [statuses[a] for a in ids] == ["active", "active", "proposed", "proposed", "proposed"]
    # the run is still to review (partly confirmed) with the three left
    assert dock.runs_model.rows()[0].status is RunStatus.PARTIAL and dock.runs_model.rows()[0].proposed == 3
    assert sorted(r.id for r in dock.proposals_model.rows()) == sorted(ids[2:])
    assert "Partly confirmed" == dock.runs_model.index(0, 3).data()

    assert finish(dock.reject_run()) == 3
    assert "3 proposal(s) rejected" in dock.status_label.text()
    statuses = data.statuses(ids)
    assert [statuses[a] for a in ids] == ["active", "active", "rejected", "rejected", "rejected"]
    assert data.one("SELECT status::text FROM jitasa.assignment_run WHERE id = %s", (run,))[0] == "partial"
    # nothing left to review: the run leaves the list
    assert dock.runs_model.rowCount() == 0 and dock.proposals_model.rowCount() == 0
    assert "No assignment run is waiting for review" in dock.proposals_label.text()
    assert not dock.confirm_run_button.isEnabled()
    assert data.one("SELECT sum(active_count) FROM jitasa.volunteer")[0] == 2


def test_confirm_run_reports_refusals_by_reason(dock, data, qgis_iface):
    dock.iface = qgis_iface
    v_ok, v_small, v_gone = data.volunteer(3), data.volunteer(1), data.volunteer(3)
    r = [data.request("normal", h) for h in (1, 2, 3, 4)]
    run, ids = data.run("nearest", [(r[0], v_ok), (r[1], v_small), (r[2], v_gone), (r[3], v_ok)])
    # meanwhile: one volunteer became unavailable, another took a job by hand, one request was assigned
    with data.c.cursor() as cur:
        cur.execute("UPDATE jitasa.volunteer SET available = false WHERE id = %s", (v_gone,))
        cur.execute("UPDATE jitasa.volunteer SET active_count = 1 WHERE id = %s", (v_small,))
    conn = data.spec.connect()
    from jitasa_qgis.store.assignments import assign_pairs

    assign_pairs(conn, create_run(conn, "manual"), [r[3]], [v_ok])
    conn.close()

    dock.refresh()
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    result = finish(dock.confirm_run())
    assert result.confirmed == 1 and result.refused == 3
    assert result.refused_by_reason() == {
        "volunteer_full": 1,
        "volunteer_unavailable": 1,
        "request_already_assigned": 1,
    }
    text = dock.status_label.text()
    assert f"Run {run}: 1 confirmed, 3 refused" in text
    assert "volunteer now full: 1" in text and "request already assigned: 1" in text
    assert "the volunteer is unavailable: 1" in text
    assert any(f"Run {run}: 1 confirmed, 3 refused" in m for m in bar.get_messages(Qgis.Warning))
    assert {o.outcome for o in result.rows} == {Outcome.CONFIRMED, Outcome.REFUSED}
    assert dock.runs_model.rowCount() == 0


def test_reject_selected_and_a_run_confirmed_elsewhere(dock, data):
    v = data.volunteer(capacity=3)
    r1, r2 = data.request(), data.request()
    run, ids = data.run("optimal", [(r1, v), (r2, v)])
    dock.refresh()
    _select_proposals(dock, [ids[1]])
    assert finish(dock.reject_selected_proposals()) == 1
    assert data.statuses(ids) == {ids[0]: "proposed", ids[1]: "rejected"}
    assert [r.id for r in dock.proposals_model.rows()] == [ids[0]]

    # another officer confirms the run's last row; this dock still lists it and tries too
    _select_proposals(dock, [ids[0]])
    conn = data.spec.connect()
    from jitasa_qgis.store.assignments import confirm_assignments

    confirm_assignments(conn, run, [ids[0]])
    conn.close()
    result = finish(dock.confirm_selected_proposals())
    assert result.confirmed == 0 and result.refused == 1
    assert (result.rows[0].reason, result.rows[0].detail) == ("not_proposed", {"status": "active"})
    assert "no longer a proposal (now Active): 1" in dock.status_label.text()
    assert dock.runs_model.rowCount() == 0


def test_whole_run_actions_ask_first(dock, data):
    v = data.volunteer()
    run, ids = data.run("optimal", [(data.request(), v)])
    dock.refresh()
    asked = []
    dock.ask_yes_no = lambda title, text: asked.append((title, text)) or False
    assert dock.confirm_run() is None and dock.reject_run() is None
    assert [t for t, _ in asked] == [f"Confirm run {run}", f"Reject run {run}"]
    assert data.statuses(ids) == {ids[0]: "proposed"}


def test_confirming_in_the_dock_reaches_the_map_through_notify(dock, data, qgis_new_project):
    """The assignment layer shows proposals dashed and reloads by itself when the dock confirms or rejects:
    the store's NOTIFY reaches LiveRefresh, which reloads the layer; the dock does nothing extra."""
    import time

    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication

    from jitasa_qgis.layers.live_refresh import LiveRefresh
    from jitasa_qgis.layers.store_layers import add_store_layers

    def wait(condition, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if condition():
                return True
            time.sleep(0.01)
        return False

    p = data.spec.params
    location = StoreLocation(
        name="test",
        spec=data.spec,
        layer_uri=f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'",
    )
    project = QgsProject.instance()
    layers, failed = add_store_layers(location, project)
    assert failed == []
    live = LiveRefresh(location, project)
    live.start()
    try:
        assert wait(lambda: live.listener.online)
        layer = layers["assignment"]

        def statuses():
            return sorted(f["status"] for f in layer.getFeatures())

        v = data.volunteer(capacity=3)
        run, ids = data.run("optimal", [(data.request(), v), (data.request(), v)])
        assert wait(lambda: statuses() == ["proposed", "proposed"])
        dock.refresh()
        _select_proposals(dock, [ids[0]])
        assert finish(dock.confirm_selected_proposals()).confirmed == 1
        assert wait(lambda: statuses() == ["active", "proposed"])
        assert finish(dock.reject_run()) == 1
        assert wait(lambda: statuses() == ["active"])  # the view draws proposed and active rows only
    finally:
        live.stop()
        project.clear()
