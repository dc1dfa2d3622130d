"""What officers see when the store changes: a new critical request raises an alert and flashes, once, and
only if it is new (a notification anyone can send is not believed); a lost store shows "offline since
HH:MM" until it is back."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from live_support import ReloadLog, RoleLogins, location_for, notify, pump, wait_for
from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from jitasa_qgis.gui.live_alerts import LiveAlerts, offline_text
from jitasa_qgis.layers.live_refresh import LiveRefresh
from jitasa_qgis.layers.store_layers import add_store_layers
from jitasa_qgis.store.qgis_connections import StoreLocation


def _location(spec) -> StoreLocation:
    p = spec.params
    return StoreLocation("test", spec, f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'")


def _wait(condition, timeout=10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _insert(spec, urgency: str) -> int:
    conn = spec.connect()
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
            "('oxygen', %s, ST_SetSRID(ST_MakePoint(101.16, 16.42), 4326)) RETURNING id",
            (urgency,),
        )
        rid = cur.fetchone()[0]
    conn.close()
    return rid


def test_new_critical_request_alerts_and_a_normal_one_does_not(store, qgis_iface, qgis_new_project):
    location = _location(store)
    add_store_layers(location, QgsProject.instance())
    live = LiveRefresh(location, QgsProject.instance())
    alerts = LiveAlerts(qgis_iface, live)
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    flashed = []
    canvas = qgis_iface.mapCanvas()
    original_flash = canvas.flashFeatureIds
    canvas.flashFeatureIds = lambda layer, ids, *a: flashed.append(list(ids))
    changes = []
    live.changed.connect(changes.append)
    live.start()
    try:
        assert _wait(lambda: live.listener.online)
        _insert(store, "normal")
        assert _wait(lambda: len(changes) >= 1)
        assert bar.get_messages(Qgis.Critical) == []
        rid = _insert(store, "critical")
        assert _wait(lambda: bar.get_messages(Qgis.Critical))
        assert f"#{rid}" in bar.get_messages(Qgis.Critical)[0]
        assert flashed == [[rid]]
    finally:
        canvas.flashFeatureIds = original_flash
        live.stop()
        alerts.close()
        QgsProject.instance().clear()


def test_offline_text_names_the_time():
    since = time.mktime((2026, 11, 26, 9, 5, 0, 0, 0, -1))
    assert offline_text(since).endswith("09:05")


# --- alerts come from the store, not from the payload (issue 7) --------------------------------------------


@pytest.fixture
def logins(pg_cluster, store):
    made = RoleLogins(pg_cluster, store)
    yield made
    made.close()


@pytest.fixture
def officer(logins, qgis_iface, qgis_new_project):
    """An officer's QGIS: layers, live refresh and alerts on an officer login; flashes recorded."""
    location = location_for(logins.spec("jitasa_officer"))
    layers, failed = add_store_layers(location, QgsProject.instance())
    assert failed == []
    canvas = qgis_iface.mapCanvas()
    flashed = []
    original_flash = canvas.flashFeatureIds
    canvas.flashFeatureIds = lambda layer, ids, *a: flashed.append(list(ids))
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    live = LiveRefresh(location, QgsProject.instance())
    changes = []
    live.changed.connect(changes.append)

    def start():
        alerts = LiveAlerts(qgis_iface, live)
        live.start()
        assert wait_for(lambda: live.listener.online)
        return alerts

    made = SimpleNamespace(
        live=live,
        layers=layers,
        start=start,
        changes=changes,
        flashed=flashed,
        critical=lambda: bar.get_messages(Qgis.Critical),
    )
    yield made
    canvas.flashFeatureIds = original_flash
    live.stop()
    QgsProject.instance().clear()


def _insert_payload(ids) -> dict:
    return {"table": "help_request", "op": "insert", "count": len(ids), "ids": list(ids)}


def test_spoofed_notifications_from_a_feed_login_raise_no_alert(officer, store, logins):
    existing = [_insert(store, "critical"), _insert(store, "critical")]  # open, critical, status new
    alerts = officer.start()
    reloads = ReloadLog(officer.layers)
    notify(
        logins.spec("jitasa_feed"),
        [
            _insert_payload(existing),
            {"table": "help_request", "op": "insert", "count": 9999, "ids": None},
            {"table": "no_such_table", "op": "insert", "count": 1, "ids": existing},
            "garbage",
        ],
    )
    assert wait_for(lambda: officer.changes)
    pump(2.5)
    assert officer.critical() == [] and officer.flashed == []
    assert all(n <= 1 for n in map(reloads.count, officer.layers)), reloads.times
    assert reloads.count("facility") == 0
    alerts.close()


def test_a_new_critical_request_is_announced_once_even_if_notified_twice(officer, store, logins):
    alerts = officer.start()
    rid = _insert(store, "critical")
    assert wait_for(officer.critical)
    assert f"#{rid}" in officer.critical()[0] and officer.flashed == [[rid]]
    notify(logins.spec("jitasa_feed"), [_insert_payload([rid])])  # its notification again
    later = _insert(store, "normal")  # and a real change after it
    assert wait_for(lambda: any(c.ids and later in c.ids for c in officer.changes))
    pump(1.5)
    assert len(officer.critical()) == 1 and officer.flashed == [[rid]]
    alerts.close()


def test_a_critical_request_from_before_start_is_never_announced(officer, store, logins):
    old = _insert(store, "critical")
    alerts = officer.start()
    notify(logins.spec("jitasa_feed"), [_insert_payload([old])])  # its insert notification, replayed
    later = _insert(store, "normal")
    assert wait_for(lambda: any(c.ids and later in c.ids for c in officer.changes))
    alerts.on_online()  # back after a break: catches up on what is new, nothing older
    pump(1.5)
    assert officer.critical() == [] and officer.flashed == []
    newer = _insert(store, "critical")
    assert wait_for(officer.critical)
    assert officer.critical()[0].endswith(f"1 new critical request(s): #{newer}")
    alerts.close()
