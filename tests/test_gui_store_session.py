"""The GUI's one store session on a real store: the operations dock and the Assign panel share it (one
connection, in the plugin too), a lost connection is reopened once without a word, an unreachable store is
"offline since" the first failure and is not dialled again until the backoff expires, and choosing another
store connects at once."""

from __future__ import annotations

import pytest

import jitasa_qgis
from jitasa_qgis.gui.assign_panel import AssignPanel
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.gui.store_session import BACKOFF_FIRST_S, NotConnected, StoreOffline, StoreSession
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.operations import open_dock_connection
from jitasa_qgis.store.qgis_connections import StoreLocation


def _backends(c, dbname) -> int:
    with c.cursor() as cur:
        cur.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'jitasa_qgis' "
            "AND datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        )
        return cur.fetchone()[0]


@pytest.fixture
def request_id(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
            "('food_supplies', 'high', 'SRID=4326;POINT(101.2 16.4)') RETURNING id"
        )
        rid = cur.fetchone()[0]
    yield rid, c
    c.close()


def test_dock_and_panel_share_one_session(qgis_app, store, request_id):
    rid, admin = request_id
    location = StoreLocation(name="test", spec=store, layer_uri="")
    session = StoreSession(lambda: location)
    dock = OperationsDock(session=session)
    panel = AssignPanel(session=session)
    try:
        dock.refresh()
        panel.show_request(rid)
        assert panel.request is not None and panel.request.id == rid
        assert dock.session is panel.session and panel._conn is dock._conn is session.conn
        assert _backends(admin, store.params["dbname"]) == 1  # one connection for both
        # the server drops it: whichever reads next reconnects, and the other uses the new one
        with admin.cursor() as cur:
            cur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
                "'jitasa_qgis' AND pid <> pg_backend_pid() AND datname = %s",
                (store.params["dbname"],),
            )
        panel.refresh()
        assert panel.status_label.text() == "" and panel.request.id == rid
        dock.refresh()
        assert dock.status_label.text() == "" and panel._conn is dock._conn
        assert _backends(admin, store.params["dbname"]) == 1
    finally:
        panel.unload()
        dock.close_store()
        panel.deleteLater()
        dock.deleteLater()


def test_the_plugin_gives_the_dock_and_the_panel_one_session(qgis_iface, qgis_new_project):
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.session is not None
        assert plugin.dock.session is plugin.session and plugin.assign_panel.session is plugin.session
    finally:
        plugin.unload()
    assert plugin.session is None


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_unreachable_store_backs_off_and_another_store_connects_at_once(qgis_app, store):
    dead = StoreLocation(name="dead", spec=type(store)(params={**store.params, "port": 1}), layer_uri="")
    live = StoreLocation(name="test", spec=store, layer_uri="")
    where = {"location": dead}
    dialled = []

    def connect(spec):
        dialled.append(spec.params["port"])
        return open_dock_connection(spec)

    clock = Clock()
    session = StoreSession(lambda: where["location"], connect=connect, clock=clock)
    with pytest.raises(StoreOffline) as first:
        session.query(lambda conn: 1)
    since = first.value.since
    assert dialled == [1] and session.offline_since == since and not session.online
    assert "Cannot connect" in str(first.value)

    # within the backoff: the same reason at once, the network not tried again
    clock.now += BACKOFF_FIRST_S / 2
    with pytest.raises(StoreOffline) as again:
        session.query(lambda conn: 1)
    assert dialled == [1] and again.value.since == since and str(again.value) == str(first.value)
    # after it: tried again, and the next wait is longer
    clock.now += BACKOFF_FIRST_S
    with pytest.raises(StoreOffline):
        session.query(lambda conn: 1)
    assert dialled == [1, 1] and session.offline_since == since
    clock.now += BACKOFF_FIRST_S * 1.5
    with pytest.raises(StoreOffline):
        session.query(lambda conn: 1)
    assert dialled == [1, 1]
    clock.now += BACKOFF_FIRST_S
    with pytest.raises(StoreOffline):
        session.query(lambda conn: 1)
    assert dialled == [1, 1, 1]

    # the officer chooses another store: tried at once, online again
    where["location"] = live
    assert session.query(lambda conn: conn.closed) == 0
    assert dialled[-1] == store.params["port"] and session.online and session.offline_since is None
    session.close()


def test_not_connected_and_errors_are_told_apart(qgis_app, store):
    def none_chosen():
        raise StoreError("Not connected: use 'Connect to Jitasa store' first.")

    with pytest.raises(NotConnected):
        StoreSession(none_chosen).query(lambda conn: 1)
    session = StoreSession(lambda: StoreLocation(name="test", spec=store, layer_uri=""))
    try:

        def failing(conn):
            raise StoreError("a query the server refused")

        with pytest.raises(StoreError) as refused:
            session.query(failing)
        # the server answered: not offline, the connection kept
        assert not isinstance(refused.value, StoreOffline) and session.online and not session.conn.closed
    finally:
        session.close()


def test_a_dock_alone_and_a_panel_alone_still_make_their_own(qgis_app, store):
    location = StoreLocation(name="test", spec=store, layer_uri="")
    dock, panel = OperationsDock(lambda: location), AssignPanel(lambda: location)
    try:
        assert dock.session is not panel.session
    finally:
        panel.unload()
        panel.deleteLater()
        dock.deleteLater()
