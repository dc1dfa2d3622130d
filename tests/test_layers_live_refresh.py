"""Live layers: the plugin's one listener hears commits from other connections and reloads just the
affected layers; it survives a server restart, malformed payloads and a dropped view."""

from __future__ import annotations

import time

import pytest
from live_support import ReloadLog, RoleLogins, insert_request, location_for, notify, pump, wait_for
from qgis.core import QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from jitasa_qgis.layers.live_refresh import LiveRefresh
from jitasa_qgis.layers.store_layers import add_store_layers, load_jitasa_layers
from jitasa_qgis.store.errors import SchemaVersionError
from jitasa_qgis.store.listener import parse_payload
from jitasa_qgis.store.migrations import migrate
from jitasa_qgis.store.qgis_connections import StoreLocation


def _location(spec) -> StoreLocation:
    p = spec.params
    return StoreLocation(
        name="test", spec=spec, layer_uri=f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'"
    )


def _wait(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _insert_request(spec, urgency="normal", lon=101.16, lat=16.42) -> int:
    conn = spec.connect()
    with conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (category, urgency, geom) "
            "VALUES ('oxygen', %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326)) RETURNING id",
            (urgency, lon, lat),
        )
        rid = cur.fetchone()[0]
    conn.close()
    return rid


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture
def live(store, project):
    location = _location(store)
    layers, failed = add_store_layers(location, project)
    assert failed == []
    refresh = LiveRefresh(location, project)
    refresh.listener.max_backoff_s = 0.5
    refresh.start()
    assert _wait(lambda: refresh.listener.online)
    yield refresh, layers
    refresh.stop()


def test_commit_on_another_connection_reloads_only_affected_layers(live, store):
    refresh, layers = live
    reloaded = {key: 0 for key in layers}
    for key, layer in layers.items():
        layer.dataChanged.connect(lambda key=key: reloaded.__setitem__(key, reloaded[key] + 1))
    changes = []
    refresh.changed.connect(changes.append)
    rid = _insert_request(store, "critical")
    assert _wait(lambda: any(c.table == "help_request" for c in changes))
    assert reloaded["help_request"] >= 1 and reloaded["help_request_aggregate"] >= 1
    assert reloaded["facility"] == 0 and reloaded["admin_tambon"] == 0
    feature = next(layers["help_request"].getFeatures(QgsFeatureRequest(rid)))
    assert feature["urgency"] == "critical"
    change = [c for c in changes if c.table == "help_request"][0]
    assert change.op == "insert" and change.ids == (rid,)


def test_malformed_payload_is_ignored_and_listening_goes_on(live, store):
    refresh, _ = live
    changes = []
    refresh.changed.connect(changes.append)
    conn = store.connect()
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("NOTIFY jitasa, 'this is not json'")
        cur.execute("""NOTIFY jitasa, '{"table": "facility"}'""")
    conn.close()
    rid = _insert_request(store)
    assert _wait(lambda: any(c.ids == (rid,) for c in changes))
    assert refresh.listener.running
    assert parse_payload("[1, 2") is None and parse_payload('{"op": "insert"}') is None


def test_listener_survives_a_server_restart(live, store, pg_cluster):
    refresh, _ = live
    offline, online, changes = [], [], []
    refresh.went_offline.connect(offline.append)
    refresh.came_online.connect(lambda: online.append(True))
    refresh.changed.connect(changes.append)
    pg_cluster.stop()
    try:
        assert _wait(lambda: offline, timeout=15)
        assert refresh.fallback_timer.isActive()
    finally:
        pg_cluster.start()
    assert _wait(lambda: online, timeout=30)
    assert not refresh.fallback_timer.isActive()
    rid = _insert_request(store)
    assert _wait(lambda: any(c.ids == (rid,) for c in changes))


def test_older_schema_is_refused_with_upgrade_hint(gis_db, project):
    migrate(gis_db, target=2)
    with pytest.raises(SchemaVersionError, match="jitasa:createdatabase"):
        load_jitasa_layers(_location(gis_db), project)


def test_dropped_view_is_reported_and_reload_does_not_crash(live, store, project):
    refresh, layers = live
    conn = store.connect()
    with conn, conn.cursor() as cur:
        cur.execute("DROP VIEW jitasa.help_request_map")
    conn.close()
    refresh.reload_all()  # a layer whose source vanished just comes back empty
    assert list(layers["help_request"].getFeatures()) == []
    _, failed = add_store_layers(_location(store), project)
    assert failed == ["Help requests (open)", "Critical requests (overview)"]  # both read that view


# --- notifications are hints: anyone may send them (issue 7) -----------------------------------------------

HELP_REQUEST_LAYERS = (
    "help_request",
    "help_request_critical",
    "help_request_grid",
    "help_request_aggregate",
    "assignment",
)


@pytest.fixture
def logins(pg_cluster, store):
    made = RoleLogins(pg_cluster, store)
    yield made
    made.close()


@pytest.fixture
def officer_live(store, logins, project):
    """The plugin's live layers as an officer login sees them."""
    location = location_for(logins.spec("jitasa_officer"))
    layers, failed = add_store_layers(location, project)
    assert failed == []
    refresh = LiveRefresh(location, project)
    refresh.start()
    assert wait_for(lambda: refresh.listener.online)
    yield refresh, layers
    refresh.stop()


def test_spoofed_notifications_from_a_feed_login_cause_at_most_one_reload(officer_live, store, logins):
    refresh, layers = officer_live
    critical = [insert_request(store, "critical"), insert_request(store, "critical")]
    pump(1.5)  # the real inserts' pass is over
    reloads = ReloadLog(layers)
    changes = []
    refresh.changed.connect(changes.append)
    notify(
        logins.spec("jitasa_feed"),
        [
            {"table": "help_request", "op": "insert", "count": 2, "ids": critical},
            {"table": "help_request", "op": "update", "count": 100000, "ids": None},
            {"table": "no_such_table", "op": "insert", "count": 1, "ids": [1]},
            {"table": "facility", "op": "truncate", "count": 1, "ids": [1]},
            {"table": "volunteer", "op": "update", "count": 1, "ids": [True, 2.5]},
            "garbage",
            "[1, 2",
            "null",
            '{"table": "admin_area"}',
        ],
    )
    assert wait_for(lambda: changes)
    pump(2.5)  # time for any further pass (at least a second apart) to happen
    assert [c.table for c in changes] == ["help_request"]  # the only well-formed payloads, merged
    assert changes[0].ids is None  # one of them listed no ids: the whole table is looked at again
    for key in HELP_REQUEST_LAYERS:
        assert reloads.count(key) == 1, key
    for key in set(layers) - set(HELP_REQUEST_LAYERS):
        assert reloads.count(key) == 0, key
    assert refresh.listener.running and refresh.listener.ignored == 7


def test_burst_of_fifty_commits_gives_a_couple_of_reloads_and_shows_them_all(officer_live, store):
    refresh, layers = officer_live
    reloads = ReloadLog(layers)
    changes = []
    refresh.changed.connect(changes.append)
    conn = store.connect()
    started = time.monotonic()
    ids = [insert_request(store, conn=conn) for _ in range(50)]  # 50 commits, one after another
    burst_s = time.monotonic() - started
    conn.close()
    assert wait_for(lambda: sum(c.count for c in changes) == 50)
    pump(1.5)
    # Passes are at least a second apart: one soon after the first commit, one for the rest (more only if
    # the burst itself outlasted a second on a slow machine).
    allowed = 2 + int(burst_s)
    for key in HELP_REQUEST_LAYERS:
        assert 1 <= reloads.count(key) <= allowed, (key, reloads.count(key), burst_s)
        assert reloads.min_gap(key) >= 0.9
    assert reloads.count("facility") == reloads.count("volunteer") == 0
    assert len(changes) <= allowed and {c.table for c in changes} == {"help_request"}
    assert sorted(i for c in changes for i in c.ids) == ids  # merged, nothing lost
    assert layers["help_request"].featureCount() == 50  # the last pass came after the last commit


def test_a_lone_change_reaches_the_layers_within_the_coalescing_delay(officer_live, store):
    refresh, layers = officer_live
    seen = []
    refresh.changed.connect(lambda c: seen.append(time.monotonic()))
    committed = time.monotonic()
    rid = insert_request(store, "critical")
    assert wait_for(lambda: seen)
    # commit -> listener -> coalescing timer (0.1 s) -> reload; the canvas goal is 0.3 s with a 20 km render
    assert seen[0] - committed < 0.25
    assert next(layers["help_request"].getFeatures(QgsFeatureRequest(rid)))["urgency"] == "critical"
