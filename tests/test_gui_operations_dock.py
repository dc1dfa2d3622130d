"""The operations dock offscreen, on a real store: rows, filters, paging, double-click, status changes,
stale changes, lost connections."""

from __future__ import annotations

import pytest
from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from jitasa_qgis.definitions.enums import RequestStatus
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.gui.request_table_model import COL_STATUS, COL_WAITING
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.operations import change_request_status
from jitasa_qgis.store.qgis_connections import StoreLocation

AREAS = [
    ("amphoe", "6701", None, "เมืองเพชรบูรณ์", "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("amphoe", "6702", None, "ชนแดน", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
    ("tambon", "670101", "6701", "ในเมือง", "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))"),
    ("tambon", "670102", "6701", "ตะเบาะ", "MULTIPOLYGON(((1 0,2 0,2 1,1 1,1 0)))"),
    ("tambon", "670201", "6702", "ชนแดน", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
]
# (category, urgency, status, hours ago, x, note) in queue order
REQUESTS = [
    ("oxygen", "critical", "new", 5, 0.5, "ถังออกซิเจนใกล้หมด"),
    ("oxygen", "critical", "assigned", 1, 2.5, "หายใจเหนื่อย"),
    ("medicine", "high", "in_progress", 2, 0.5, "ยาความดันหมด"),
    ("food_supplies", "normal", "new", 30, 1.5, "ต้องการข้าวสาร"),
    ("screening", "low", "new", 50, 2.5, "ต้องการชุดตรวจ ATK"),
]


@pytest.fixture
def data(store):
    c = store.connect(autocommit=True)
    ids = []
    with c.cursor() as cur:
        for level, code, parent, name, wkt in AREAS:
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) "
                "VALUES (%s, %s, %s, %s, ST_GeomFromText(%s, 4326))",
                (level, code, parent, name, wkt),
            )
        for cat, urg, status, hours, x, note in REQUESTS:
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, status, note, created_at, "
                "geom) VALUES (%s, %s, %s, %s, now() - make_interval(hours => %s), "
                "ST_SetSRID(ST_MakePoint(%s, 0.5), 4326)) RETURNING id",
                (cat, urg, status, note, hours, x),
            )
            ids.append(cur.fetchone()[0])
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, capacity, active_count, geom) VALUES "
            "('Malee', 'village_health_volunteer', 3, 1, ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326)) "
            "RETURNING id"
        )
        vid = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.assignment (request_id, volunteer_id, status) " "VALUES (%s, %s, 'active')",
            (ids[1], vid),
        )
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, beds_total, beds_free, capacity_updated_at, "
            "geom) VALUES ('รพ.เพชรบูรณ์', 'hospital', 500, 20, now() - interval '3 days', "
            "ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326))"
        )
    c.close()
    return ids


@pytest.fixture
def make_dock(qgis_app, store):
    docks = []

    def make(iface=None, page_size=50, provider=None):
        location = StoreLocation(name="test", spec=store, layer_uri="")
        dock = OperationsDock(provider or (lambda: location), iface=iface, page_size=page_size)
        docks.append(dock)
        return dock

    yield make
    for dock in docks:
        dock.close_store()
        dock.deleteLater()


def _ids(dock) -> list[int]:
    return [r.id for r in dock.requests_model.rows()]


def _cell(dock, row: int, col: int) -> str:
    return dock.requests_model.index(row, col).data(Qt.DisplayRole)


def test_dock_loads_rows_from_the_store(make_dock, data):
    dock = make_dock()
    dock.refresh()
    assert _ids(dock) == data
    assert [_cell(dock, 0, col) for col in (0, 1, COL_STATUS)] == ["Critical", "Oxygen", "New"]
    assert _cell(dock, 0, COL_WAITING).startswith("waiting 5 h")
    assert _cell(dock, 0, 5) == "ในเมือง" and _cell(dock, 0, 6) == "เมืองเพชรบูรณ์"
    assert "New 3" in dock.counts_label.text() and "Assigned 1" in dock.counts_label.text()
    assert dock.requests_page_label.text() == "1–5 of 5"
    assert [dock.amphoe_combo.itemData(i) for i in range(dock.amphoe_combo.count())] == [None, "6701", "6702"]
    vol = dock.volunteers_model
    assert (
        vol.rowCount() == 1
        and vol.index(0, 1).data() == "1/3"
        and vol.index(0, 0).data() == ("Village health volunteer")
    )
    fac = dock.facilities_model
    assert fac.rowCount() == 1 and fac.index(0, 2).data() == "20/500"
    assert fac.index(0, 4).data().startswith("stale")
    assert dock.status_label.text() == ""


def test_filters_reduce_rows(make_dock, data):
    dock = make_dock()
    dock.refresh()
    oxygen = dock.category_combo.findData("oxygen")
    dock.category_combo.toggleItemCheckState(oxygen)  # what a click does; the dock re-queries on its own
    assert _ids(dock) == data[:2]
    dock.category_combo.toggleItemCheckState(oxygen)
    assert _ids(dock) == data

    dock.amphoe_combo.setCurrentIndex(dock.amphoe_combo.findData("6702"))
    assert _ids(dock) == [data[1], data[4]]
    assert [dock.tambon_combo.itemData(i) for i in range(dock.tambon_combo.count())] == [None, "670201"]
    dock.amphoe_combo.setCurrentIndex(dock.amphoe_combo.findData("6701"))
    dock.tambon_combo.setCurrentIndex(dock.tambon_combo.findData("670102"))
    assert _ids(dock) == [data[3]]
    dock.amphoe_combo.setCurrentIndex(0)
    assert not dock.tambon_combo.isEnabled()

    dock.status_combo.toggleItemCheckState(dock.status_combo.findData("assigned"))
    dock.status_combo.toggleItemCheckState(dock.status_combo.findData("in_progress"))
    assert _ids(dock) == [data[0], data[3], data[4]]
    assert dock.requests_page_label.text() == "1–3 of 3"
    assert "Assigned 1" in dock.counts_label.text()  # the counts still show every open status
    dock.status_combo.toggleItemCheckState(dock.status_combo.findData("new"))  # none checked: all open
    assert _ids(dock) == data

    dock.search_edit.setText("ข้าวสาร")
    QTest.qWait(700)  # the search waits for typing to stop
    assert _ids(dock) == [data[3]]
    dock.search_edit.setText("AT")  # too short for a province-wide search: ignored
    dock.refresh_requests()
    assert _ids(dock) == data


def test_paging(make_dock, data):
    dock = make_dock(page_size=2)
    dock.refresh()
    assert _ids(dock) == data[:2] and not dock.requests_previous_button.isEnabled()
    assert dock.requests_page_label.text() == "1–2 of 5"
    dock.requests_next_button.click()
    dock.requests_next_button.click()
    assert _ids(dock) == data[4:] and not dock.requests_next_button.isEnabled()
    assert dock.requests_page_label.text() == "5–5 of 5"
    dock.requests_previous_button.click()
    assert _ids(dock) == data[2:4]


def test_double_click_emits_request_activated(make_dock, data):
    dock = make_dock()
    dock.show()
    dock.refresh()
    seen = []
    dock.request_activated.connect(seen.append)
    view = dock.requests_view
    rect = view.visualRect(dock.requests_model.index(2, 1))
    # a real double click is press, release, double-click (the view checks the press was on the same row)
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    QTest.mouseDClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    assert seen == [data[2]]


def _select(dock, request_id: int) -> None:
    dock.requests_view.selectRow(dock.requests_model.row_of_id(request_id))


def _store_status(store, rid):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute("SELECT status::text, version FROM jitasa.help_request WHERE id = %s", (rid,))
        row = cur.fetchone()
    c.close()
    return row


def test_start_and_buttons_follow_the_selection(make_dock, store, data):
    dock = make_dock()
    dock.refresh()
    _select(dock, data[2])  # in progress
    assert not dock.start_button.isEnabled()
    assert dock.done_button.isEnabled() and dock.cancel_button.isEnabled()
    _select(dock, data[0])  # new
    assert dock.start_button.isEnabled() and not dock.done_button.isEnabled()
    dock.start_button.click()
    assert _store_status(store, data[0]) == ("in_progress", 2)
    assert dock.selected_request().id == data[0]  # still selected after the re-read
    assert _cell(dock, 0, COL_STATUS) == "In progress"
    assert dock.done_button.isEnabled()


def test_stale_done_shows_the_message_and_the_current_state(make_dock, store, data):
    dock = make_dock()
    dock.refresh()
    rid = data[1]  # assigned, version 1 in the dock
    _select(dock, rid)
    other = store.connect()
    change_request_status(other, rid, 1, RequestStatus.IN_PROGRESS)  # someone else starts it first
    other.close()
    assert _cell(dock, 1, COL_STATUS) == "Assigned"
    dock.done_button.click()
    assert "changed by someone else" in dock.status_label.text()
    assert '"in_progress" (version 2)' in dock.status_label.text()
    assert _store_status(store, rid) == ("in_progress", 2)
    assert _cell(dock, dock.requests_model.row_of_id(rid), COL_STATUS) == "In progress"
    assert dock.selected_request().version == 2
    assert dock.done_selected()  # now with the current version
    assert _store_status(store, rid) == ("done", 3)
    assert rid not in _ids(dock)


def test_stale_change_goes_to_the_message_bar_with_an_iface(make_dock, store, data, qgis_iface):
    qgis_iface.messageBar().clear_messages()
    dock = make_dock(iface=qgis_iface)
    dock.refresh()
    _select(dock, data[0])
    other = store.connect()
    change_request_status(other, data[0], 1, RequestStatus.CANCELLED, reason="duplicate")
    other.close()
    assert not dock.start_selected()
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("changed by someone else" in m and '"cancelled"' in m for m in warnings), warnings
    assert data[0] not in _ids(dock)  # the current state: closed, so out of the queue


def test_cancel_asks_for_a_reason(make_dock, store, data, monkeypatch):
    dock = make_dock()
    dock.refresh()
    _select(dock, data[1])
    monkeypatch.setattr(dock, "ask_cancel_reason", lambda row: "   ")
    assert not dock.cancel_selected()
    assert "reason" in dock.status_label.text()
    monkeypatch.setattr(dock, "ask_cancel_reason", lambda row: None)  # backed out
    assert not dock.cancel_selected()
    assert _store_status(store, data[1]) == ("assigned", 1)
    monkeypatch.setattr(dock, "ask_cancel_reason", lambda row: "ผู้แจ้งยกเลิกเอง")
    dock.cancel_button.click()
    assert _store_status(store, data[1]) == ("cancelled", 2)
    assert dock.volunteers_model.index(0, 1).data() == "0/3"  # the volunteer was freed and the tab re-read


def test_not_connected_is_a_message_not_an_error(make_dock):
    def provider():
        raise StoreError("Not connected: use 'Connect to Jitasa store' first.")

    dock = make_dock(provider=provider)
    dock.refresh()
    assert dock.status_label.text().startswith("Not connected")
    assert dock.requests_model.rowCount() == 0


def test_offline_then_reconnects(make_dock, store, data, pg_cluster):
    dead = StoreLocation(name="dead", spec=type(store)(params={**store.params, "port": 1}), layer_uri="")
    live = StoreLocation(name="test", spec=store, layer_uri="")
    where = {"location": dead}
    dock = make_dock(provider=lambda: where["location"])
    dock.refresh()
    assert dock.status_label.text().startswith("Offline since")
    where["location"] = live
    dock.refresh()
    assert dock.status_label.text() == "" and _ids(dock) == data

    # the server drops the dock's connection: the next refresh reconnects without a word
    admin = store.connect(autocommit=True)
    with admin.cursor() as cur:
        cur.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'jitasa_qgis' AND pid <> pg_backend_pid() AND datname = %s",
            (store.params["dbname"],),
        )
    admin.close()
    dock.refresh()
    assert dock.status_label.text() == "" and _ids(dock) == data


def test_old_schema_is_reported(make_dock, store, data):
    admin = store.connect(autocommit=True)
    with admin.cursor() as cur:
        cur.execute(
            "DELETE FROM jitasa.schema_migration WHERE version = (SELECT max(version) " "FROM jitasa.schema_migration)"
        )
    admin.close()
    dock = make_dock()
    dock.refresh()
    assert "jitasa:createdatabase" in dock.status_label.text()


def test_follows_the_chosen_store(make_dock, store, data):
    where = {"location": StoreLocation(name="one", spec=store, layer_uri="")}
    dock = make_dock(provider=lambda: where["location"])
    dock.refresh()
    first = dock._conn
    dock.refresh()
    assert dock._conn is first  # one connection, kept
    where["location"] = StoreLocation(name="two", spec=store, layer_uri="")
    dock.refresh()
    assert dock._conn is not first and first.closed
    assert _ids(dock) == data


def test_listener_status_line(make_dock, data):
    dock = make_dock()
    dock.set_store_status("Offline since 10:15")
    assert dock.status_label.text() == "Offline since 10:15"
    dock.set_store_status("")
    assert dock.status_label.text() == ""
    dock.set_store_status("Offline since 10:20")
    dock.show_status("Request 3 is now: Done")
    dock.set_store_status("")  # back online: another message stays
    assert dock.status_label.text() == "Request 3 is now: Done"
