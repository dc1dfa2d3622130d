"""The Requests tab's History action offscreen on a real store: right-click → History… reads the request's
history as a background task and shows it in a dialog (when, who, run, what); disabled without a selection;
a role that may not read the audit gets a message, no dialog."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt
from task_waiting import finish

from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.store.operations import change_request_status
from jitasa_qgis.store.qgis_connections import StoreLocation


@pytest.fixture
def rid(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES "
            "('amphoe', '6701', 'เมือง', ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326))), "
            "('tambon', '670101', 'ในเมือง', ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326)))"
        )
        cur.execute(
            "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
            "('oxygen', 'critical', ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326)) RETURNING id"
        )
        request_id = cur.fetchone()[0]
    c.close()
    conn = store.connect()
    change_request_status(conn, request_id, 1, "in_progress")
    conn.close()
    return request_id


@pytest.fixture
def make_dock(qgis_app, store):
    docks = []

    def make(spec=store):
        location = StoreLocation(name="test", spec=spec, layer_uri="")
        dock = OperationsDock(lambda: location, page_size=50)
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.close_store()
        dock.deleteLater()


def test_history_action_shows_the_requests_story(make_dock, rid):
    dock = make_dock()
    dock.refresh()
    tab = dock.requests_tab
    view = dock.requests_view
    assert view.contextMenuPolicy() == Qt.ActionsContextMenu and tab.history_action in view.actions()
    assert not tab.history_action.isEnabled()  # nothing selected
    assert tab.show_history_selected() is None
    view.selectRow(0)
    assert tab.history_action.isEnabled()
    result = finish(tab.show_history_selected())
    assert [line.operation for line in result.lines] == ["insert", "update"]
    dialog = tab.history_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == f"History of request {rid}"
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "postgres"
    assert table.item(0, 3).text() == "Request recorded: New, urgency Critical"
    assert table.item(1, 3).text() == "Status: New → In progress"
    dialog.close()


def test_history_refused_for_a_role_that_may_not_read_the_audit(make_dock, rid, store, login_role):
    from jitasa_qgis.store.connection import ConnectionSpec

    analyst, _connect = login_role("jitasa_analyst")
    spec = ConnectionSpec(params={**store.params, "user": analyst}, label="analyst")
    dock = make_dock(spec)
    notes = []
    dock.requests_tab._link = dock.requests_tab._link.__class__(
        **{**dock.requests_tab._link.__dict__, "notify": lambda text, level: notes.append(text)}
    )
    dock.refresh()
    dock.requests_view.selectRow(0)
    handle = dock.requests_tab.show_history_selected()
    with pytest.raises(Exception, match="may not read the audit log"):
        finish(handle)
    assert dock.requests_tab.history_dialog is None
    assert notes and notes[-1].startswith("No history: ") and "may not read the audit log" in notes[-1]
