"""What officers see when the store changes: a new critical request raises an alert and flashes; a lost
store shows "offline since HH:MM" until it is back."""
from __future__ import annotations

import time

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
        cur.execute("INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
                    "('oxygen', %s, ST_SetSRID(ST_MakePoint(101.16, 16.42), 4326)) RETURNING id", (urgency,))
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
