"""Loading the demo from the GUI as a background task on a real store: it asks first, runs off the GUI thread
with its progress in the dock's task row, the dock's lists are re-read in finished(); a cancel writes nothing;
a failure (a store holding other data) reaches the officer as a message. And the plugin's menu action."""

from __future__ import annotations

import pytest
from qgis.core import Qgis
from task_waiting import finish, wait_until

import jitasa_qgis
from jitasa_qgis.gui.demo_loading_action import start_demo_loading
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.store.qgis_connections import StoreLocation

SMALL = {"n_requests": 300, "n_volunteers": 100, "seed": 5}


def _count(store, table: str) -> int:
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute(f"SELECT count(*) FROM jitasa.{table}")  # noqa: S608 - a literal table name
            return cur.fetchone()[0]
    finally:
        c.close()


@pytest.fixture
def dock(qgis_app, store):
    location = StoreLocation(name="test", spec=store, layer_uri="")
    d = OperationsDock(lambda: location)
    d.ask_yes_no = lambda title, text: True
    yield d
    d.close_store()
    d.deleteLater()


def test_demo_loads_as_a_task_with_progress(dock, store, qgis_iface):
    values = []
    dock.task_progress_bar.valueChanged.connect(values.append)
    loaded = []
    handle = start_demo_loading(dock, qgis_iface, after_load=loaded.append, **SMALL)
    assert handle is not None and not handle.done
    assert dock.task_row.isVisibleTo(dock) and dock.task_label.text() == "Loading demo data"
    assert dock.requests_model.rowCount() == 0

    counts = finish(handle, timeout=120)
    assert counts["help_requests"] == 300 and counts["volunteers"] == 100 and loaded == [counts]
    assert _count(store, "help_request") == 300
    assert len(set(values)) >= 3 and values[-1] == 100  # the bar moved through the steps
    assert dock.status_label.text().startswith("Demo data loaded: 300 requests, 100 volunteers")
    assert "Road network: " in dock.status_label.text() and "major roads only" in dock.status_label.text()
    assert any("Demo data loaded" in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))
    assert dock.requests_model.rowCount() > 0  # re-read in finished()
    assert not dock.task_row.isVisibleTo(dock)


def test_demo_loading_asks_first(dock, store):
    asked = []
    assert start_demo_loading(dock, ask_yes_no=lambda t, q: asked.append(t) or False, **SMALL) is None
    assert asked == ["Load demo data"] and dock.running_task is None
    assert _count(store, "help_request") == 0


def test_cancelled_demo_loading_writes_nothing(dock, store):
    handle = start_demo_loading(dock, **SMALL)
    assert wait_until(lambda: dock.task_progress_bar.value() > 0 or handle.done, timeout=60)
    dock.task_cancel_button.click()
    assert wait_until(lambda: handle.done, timeout=60)
    assert handle.cancelled and handle.error is None
    assert _count(store, "help_request") == 0 and _count(store, "volunteer") == 0
    assert "“Loading demo data” was cancelled; nothing was written." in dock.status_label.text()


def test_a_refused_demo_load_is_a_message(dock, store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:  # real data: the demo loader refuses to replace anything next to it
        cur.execute("INSERT INTO jitasa.help_request (source, category, urgency) VALUES ('feed', 'oxygen', 'high')")
    c.close()
    handle = start_demo_loading(dock, **SMALL)
    assert wait_until(lambda: handle.done, timeout=60)
    assert handle.error is not None
    assert dock.status_label.text().startswith("Demo data not loaded: ")
    assert _count(store, "help_request") == 1


def test_the_menu_action_starts_it_in_the_dock(qgis_iface, qgis_new_project, monkeypatch):
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        action = next(a for a in plugin.actions if a.text() == "Load demo data…")
        started = []
        monkeypatch.setattr(
            "jitasa_qgis.gui.demo_loading_action.start_demo_loading", lambda dock, iface: started.append((dock, iface))
        )
        action.trigger()
        assert started == [(plugin.dock, qgis_iface)]
    finally:
        plugin.unload()
