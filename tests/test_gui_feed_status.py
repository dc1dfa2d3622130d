"""The dock's Feed tab on a real store and a real HTTP server on 127.0.0.1: the state per source read from
jitasa.feed_state, Sync now as a background task that updates the counts, one sync at a time, a failed sync
shown with its reason while the timer keeps going, the periodic timer only when switched on (and stopped on
unload), rejects with their reason in words (raw records only for roles that may read them), and settings
that hold no secret."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from feed_support import auth_config
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from task_waiting import finish

from jitasa_qgis.core.import_records import reject
from jitasa_qgis.definitions import settings
from jitasa_qgis.definitions.feed_errors import feed_error_text
from jitasa_qgis.definitions.import_reasons import ImportReason, import_reason_text
from jitasa_qgis.gui.feed_status import (
    COL_LAST_SYNC,
    COL_NEW,
    COL_OUTCOME,
    COL_REJECTED,
    COL_UPDATED,
    REJECT_COL_KEY,
    REJECT_COL_RAW,
    REJECT_COL_REASON,
    FeedSettingsDialog,
    RejectsDialog,
    sync_time_text,
)
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.qgis_connections import StoreLocation
from jitasa_qgis.store.rejects import keep_rejects

FEED_KEYS = [
    settings.KEY_FEED_URL,
    settings.KEY_FEED_SOURCE,
    settings.KEY_FEED_ADAPTER,
    settings.KEY_FEED_AUTHCFG,
    settings.KEY_FEED_PERIODIC,
    settings.KEY_FEED_INTERVAL_MIN,
]


@pytest.fixture
def feed_settings(qgis_app):
    """The feed's settings as a fresh profile has them, put back afterwards (QgsSettings is the profile)."""
    keys = [settings.PREFIX + k for k in FEED_KEYS]
    saved = {k: QgsSettings().value(k) for k in keys if QgsSettings().contains(k)}
    for k in keys:
        QgsSettings().remove(k)
    yield
    for k in keys:
        QgsSettings().remove(k)
        if k in saved:
            QgsSettings().setValue(k, saved[k])


def _dock(spec: ConnectionSpec) -> OperationsDock:
    location = StoreLocation(name="test", spec=spec, layer_uri="")
    return OperationsDock(lambda: location)


@pytest.fixture
def dock(qgis_app, store, feed_settings):
    d = _dock(store)
    yield d
    d.close_store()
    d.deleteLater()


def _role_spec(pg_cluster, store, login_role, group: str) -> ConnectionSpec:
    name, _connect = login_role(group)
    return ConnectionSpec(params=pg_cluster.params(store.params["dbname"], user=name), label=group)


def _set_feed(url: str, source: str = "demo_app", adapter: str = "jitasa", authcfg: str = "") -> None:
    settings.set_feed_choice(settings.FeedChoice(url=url, source=source, adapter=adapter, authcfg=authcfg))


def _feed_state(store, source, outcome, counts, error=None, minutes_ago=5, url="http://127.0.0.1:9/feed"):
    conn = store.connect(autocommit=True)
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.feed_state (source, url, last_sync_at, last_outcome, last_error, last_counts) "
            "VALUES (%s, %s, now() - make_interval(mins => %s), %s, %s, %s)",
            (source, url, minutes_ago, outcome, error, json.dumps(counts)),
        )
    conn.close()


def _cells(tab, row: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


# --- words ---------------------------------------------------------------------------------------------------


def test_sync_times_read_as_an_officer_says_them():
    now = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc).astimezone()
    assert sync_time_text(None) == "never"
    just = now - timedelta(seconds=20)
    assert sync_time_text(just, now) == f"today {just.strftime('%H:%M')} (just now)"
    earlier = now - timedelta(minutes=12)
    assert sync_time_text(earlier, now) == f"today {earlier.strftime('%H:%M')} (12 min ago)"
    if (now - timedelta(days=1)).date() == (now.date() - timedelta(days=1)):
        assert sync_time_text(now - timedelta(days=1), now).startswith("yesterday ")
    old = datetime(2026, 11, 20, 8, 30, tzinfo=timezone.utc)
    local = old.astimezone()
    assert sync_time_text(old, now, buddhist=True) == f"{local.day} Nov 2569 {local.strftime('%H:%M')}"
    assert sync_time_text(old, now, buddhist=False) == f"{local.day} Nov 2026 {local.strftime('%H:%M')}"


# --- reading feed_state ----------------------------------------------------------------------------------------


def test_the_tab_shows_each_sources_last_sync_from_feed_state(dock, store):
    _set_feed("http://127.0.0.1:9/feed", source="demo_app")
    _feed_state(store, "demo_app", "ok", {"new": 12, "updated": 3, "unchanged": 40, "rejected": 2})
    _feed_state(store, "hotline", "failed", {}, error="timeout", minutes_ago=90, url="https://hotline.example/feed")
    dock.refresh_feed()
    tab = dock.feed_tab
    assert [r.source for r in tab.model.rows()] == ["demo_app", "hotline"]
    row = _cells(tab, 0)
    assert (row[COL_OUTCOME], row[COL_NEW], row[COL_UPDATED], row[COL_REJECTED]) == ("OK", "12", "3", "2")
    assert row[COL_LAST_SYNC].startswith("today ") and "ago" not in row[COL_LAST_SYNC]  # short in the table
    assert "(5 min ago)" in tab.model.data(tab.model.index(0, COL_LAST_SYNC), 3)  # the tooltip says how long ago
    failed = _cells(tab, 1)
    assert failed[COL_OUTCOME] == "failed" and failed[COL_NEW] == "0"
    tooltip = tab.model.data(tab.model.index(1, COL_OUTCOME), 3)  # Qt.ToolTipRole
    assert tooltip == feed_error_text("timeout", "https://hotline.example/feed")
    summary = tab.summary_label.text()
    assert summary.startswith("demo_app: last sync today") and "12 new, 3 updated, 2 rejected" in summary

    _set_feed("https://hotline.example/feed", source="hotline")
    dock.refresh_feed()
    assert "failed: " + feed_error_text("timeout", "https://hotline.example/feed") in tab.summary_label.text()


def test_without_a_feed_url_sync_now_starts_nothing_and_says_why(dock):
    dock.refresh_feed()
    tab = dock.feed_tab
    assert not tab.sync_button.isEnabled()
    assert tab.sync_now() is None
    assert "feed settings" in dock.status_label.text()


# --- syncing ------------------------------------------------------------------------------------------------


def _sos(i: int, updated: str = "2026-12-01T08:00:00+07:00", **extra) -> dict:
    record = {
        "id": f"sos-{i}",
        "category": "ออกซิเจน",
        "urgency": "ด่วน",
        "people": 1 + i % 3,
        "detail": f"ต้องการถังออกซิเจน {i}",
        "name": "สมศรี ใจดี",
        "phone": "081-234-5678",
        "location": {"type": "Point", "coordinates": [101.15 + i * 0.001, 16.42]},
        "created_at": "2026-12-01T07:00:00+07:00",
        "updated_at": updated,
    }
    record.update(extra)
    return record


def _page(*records) -> str:
    return json.dumps({"data": list(records), "next_cursor": None}, ensure_ascii=False)


def test_sync_now_runs_a_task_and_updates_the_counts(dock, store, httpserver):
    bad = _sos(9, location={"type": "Point", "coordinates": [139.7, 35.7]})  # Tokyo: outside Thailand
    httpserver.expect_request("/feed").respond_with_data(
        _page(_sos(1), _sos(2), _sos(3), bad), content_type="application/json"
    )
    _set_feed(httpserver.url_for("/feed"), source="demo_app", adapter="sos_geojson")
    dock.refresh_feed()
    tab = dock.feed_tab
    assert tab.model.rowCount() == 0 and "not synced yet" in tab.summary_label.text()
    handle = tab.sync_now()
    assert handle is not None and not tab.sync_button.isEnabled() and "Syncing demo_app" in tab.summary_label.text()
    assert tab.sync_now() is None  # never two at once
    result = finish(handle)
    assert result.outcome == "ok" and result.count("new") == 3 and result.count("rejected") == 1
    row = _cells(tab, 0)
    assert (row[COL_OUTCOME], row[COL_NEW], row[COL_UPDATED], row[COL_REJECTED]) == ("OK", "3", "0", "1")
    assert "3 new, 0 updated, 1 rejected" in tab.summary_label.text() and tab.sync_button.isEnabled()
    assert "Feed synced: 3 new, 0 updated, 1 rejected" == dock.status_label.text()
    access, rejects = tab.rejects()  # the superuser may read them
    assert [(r.record_key, r.reason) for r in rejects] == [("sos-9", "outside_thailand")]

    # the same page again: nothing new; a changed record is an update
    finish(tab.sync_now())
    assert _cells(tab, 0)[COL_NEW] == "0" and _cells(tab, 0)[COL_UPDATED] == "0"
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(
        _page(_sos(1, updated="2026-12-01T09:00:00+07:00", people=5)), content_type="application/json"
    )
    finish(tab.sync_now())
    assert _cells(tab, 0)[COL_UPDATED] == "1"


def test_the_counts_shown_are_the_whole_syncs_over_every_page(dock, store, httpserver):
    page_two = json.dumps({"data": [_sos(4), "not a record"], "next_cursor": None}, ensure_ascii=False)
    httpserver.expect_request("/feed", query_string={"limit": "1000", "cursor": "p2"}).respond_with_data(
        page_two, content_type="application/json"
    )
    page_one = json.dumps({"data": [_sos(1), _sos(2), _sos(3)], "next_cursor": "p2"}, ensure_ascii=False)
    httpserver.expect_request("/feed").respond_with_data(page_one, content_type="application/json")
    _set_feed(httpserver.url_for("/feed"), source="demo_app", adapter="sos_geojson")
    tab = dock.feed_tab
    result = finish(tab.sync_now())
    assert result.pages == 2 and result.count("new") == 4 and result.count("rejected") == 1
    row = _cells(tab, 0)
    assert (row[COL_NEW], row[COL_UPDATED], row[COL_REJECTED]) == ("4", "0", "1")  # not the last page's 1 and 1
    assert "4 new, 0 updated, 1 rejected" in tab.summary_label.text()


def test_a_failed_sync_shows_its_reason_and_the_timer_keeps_going(dock, store, httpserver):
    httpserver.expect_request("/feed").respond_with_data("{not json", content_type="application/json")
    _set_feed(httpserver.url_for("/feed"), source="demo_app", adapter="sos_geojson")
    tab = dock.feed_tab
    tab.set_periodic(True)
    tab._timer_fired()  # a tick: the same as the timer's timeout
    handle = tab.running
    assert handle is not None
    result = finish(handle)
    assert result.outcome == "failed" and result.error_code == "malformed_json"
    assert tab.timer.isActive()
    assert _cells(tab, 0)[COL_OUTCOME] == "failed"
    assert f"failed: {result.message}" in tab.summary_label.text()
    assert "not valid JSON" in dock.status_label.text()  # a tick tells the status line, not the message bar

    # the next tick tries again, and the feed is back
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data(_page(_sos(1)), content_type="application/json")
    tab._timer_fired()
    assert finish(tab.running).outcome == "ok"
    assert _cells(tab, 0)[COL_OUTCOME] == "OK" and _cells(tab, 0)[COL_NEW] == "1"


def test_a_sync_while_another_of_the_source_runs_says_busy_and_writes_nothing(dock, store, httpserver):
    from jitasa_qgis.store.request_feed import try_lock_sync

    httpserver.expect_request("/feed").respond_with_data(_page(_sos(1)), content_type="application/json")
    _set_feed(httpserver.url_for("/feed"), source="demo_app", adapter="sos_geojson")
    other = store.connect()  # another officer's dock (or jitasa:syncfeed) syncing demo_app right now
    try:
        assert try_lock_sync(other, "demo_app")
        result = finish(dock.feed_tab.sync_now())
        assert result.outcome == "busy" and result.pages == 0
        assert "someone else" in dock.status_label.text() and "Feed synced" not in dock.status_label.text()
        assert not httpserver.log
        with other.cursor() as cur:
            cur.execute("SELECT count(*) FROM jitasa.help_request")
            assert cur.fetchone() == (0,)
    finally:
        other.close()  # the lock goes with the session
    assert finish(dock.feed_tab.sync_now()).outcome == "ok"


# --- the timer -----------------------------------------------------------------------------------------------


def test_the_timer_runs_only_when_switched_on(dock):
    tab = dock.feed_tab
    assert not tab.periodic_check.isChecked() and not tab.timer.isActive()  # off by default
    assert not settings.get(settings.KEY_FEED_PERIODIC)
    tab.interval_spin.setValue(7)
    assert not tab.timer.isActive()  # changing the interval does not switch it on
    tab.periodic_check.setChecked(True)
    assert tab.timer.isActive() and tab.timer.interval() == 7 * 60_000
    assert settings.get(settings.KEY_FEED_PERIODIC) is True and settings.get(settings.KEY_FEED_INTERVAL_MIN) == 7
    tab.interval_spin.setValue(2)
    assert tab.timer.isActive() and tab.timer.interval() == 2 * 60_000
    tab.set_periodic(False)
    assert not tab.timer.isActive() and not tab.periodic_check.isChecked()
    assert settings.get(settings.KEY_FEED_PERIODIC) is False

    # switched on, it comes back on with the next dock (the setting), and stops when the dock is unloaded
    tab.set_periodic(True)
    again = _dock(dock.session.location().spec)
    try:
        assert again.feed_tab.timer.isActive() and again.feed_tab.timer.interval() == 2 * 60_000
    finally:
        again.close_store()
        assert not again.feed_tab.timer.isActive()
        again.deleteLater()


def test_unloading_the_plugin_stops_the_timer(qgis_iface, feed_settings):
    import jitasa_qgis

    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    tab = plugin.dock.feed_tab
    tab.set_periodic(True)
    timer = tab.timer
    assert timer.isActive()
    plugin.unload()
    assert not timer.isActive()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


# --- rejects -------------------------------------------------------------------------------------------------


def _keep_some_rejects(store, source="demo_app"):
    rejects = [
        reject("sos-7", ImportReason.OUTSIDE_THAILAND, {"id": "sos-7", "lon": 120.5, "lat": 40.1}, lon=120.5, lat=40.1),
        reject(
            "sos-9",
            ImportReason.UNKNOWN_VALUE,
            {"id": "sos-9", "category": "pizza", "phone": "0812345678"},
            field="category",
            value="pizza",
            allowed=["medical", "food_supplies"],
        ),
    ]
    conn = store.connect()
    with conn, conn.cursor() as cur:
        assert keep_rejects(cur, "help_request", source, rejects) == 2
    conn.close()
    return rejects


def test_rejects_are_listed_with_their_reason_in_words_and_the_raw_record_for_an_officer(
    qgis_app, store, pg_cluster, login_role, feed_settings
):
    rejects = _keep_some_rejects(store)
    _keep_some_rejects(store, source="other_feed")  # another source's are not listed
    _set_feed("http://127.0.0.1:9/feed", source="demo_app")
    officer = _dock(_role_spec(pg_cluster, store, login_role, "jitasa_officer"))
    try:
        access, rows = officer.feed_tab.rejects()
        assert access.can_list and access.can_read_raw
        assert {r.record_key for r in rows} == {"sos-7", "sos-9"} and {r.source for r in rows} == {"demo_app"}
        dialog = officer.feed_tab.show_rejects()
        assert isinstance(dialog, RejectsDialog)
        model = dialog.model
        texts = {
            model.data(model.index(i, REJECT_COL_KEY)): model.data(model.index(i, REJECT_COL_REASON))
            for i in range(model.rowCount())
        }
        assert texts == {r.record_key: import_reason_text(r.reason, r.detail) for r in rejects}
        assert texts["sos-7"] == "the point (120.5, 40.1) lies outside Thailand"
        assert texts["sos-9"] == "category 'pizza' is not one of: medical, food_supplies"
        assert model.columnCount() == 4
        raw = [model.data(model.index(i, REJECT_COL_RAW)) for i in range(model.rowCount())]
        assert any('"0812345678"' in text for text in raw)
        dialog.close()
    finally:
        officer.close_store()
        officer.deleteLater()


def test_a_role_that_may_not_read_rejects_sees_none_of_them(qgis_app, store, pg_cluster, login_role, feed_settings):
    _keep_some_rejects(store)
    _set_feed("http://127.0.0.1:9/feed", source="demo_app")
    analyst = _dock(_role_spec(pg_cluster, store, login_role, "jitasa_analyst"))
    try:
        access, rows = analyst.feed_tab.rejects()
        assert not access.can_list and not access.can_read_raw and rows == []
        assert analyst.feed_tab.show_rejects() is None
        assert "Only officers and admins" in analyst.status_label.text()
    finally:
        analyst.close_store()
        analyst.deleteLater()


# --- settings -------------------------------------------------------------------------------------------------


def test_the_feed_settings_hold_only_an_authcfg_id_never_the_token(qgis_app, feed_settings):
    token = "tok-" + "9f3e1a7c5b2d4e6f8a0b"
    cfg = auth_config("EsriToken", token=token)
    dialog = FeedSettingsDialog(settings.FeedChoice(url="https://feed.example/api/requests"))
    dialog.source_edit.setText("sos_app")
    dialog.adapter_combo.setCurrentIndex(dialog.adapter_combo.findData("sos_geojson"))
    dialog.auth_select.setConfigId(cfg)
    settings.set_feed_choice(dialog.choice())
    assert settings.feed_choice() == settings.FeedChoice(
        url="https://feed.example/api/requests", source="sos_app", adapter="sos_geojson", authcfg=cfg
    )
    qs = QgsSettings()
    qs.sync()
    stored = {k: str(qs.value(k)) for k in qs.allKeys() if k.startswith(settings.PREFIX)}
    assert stored[settings.PREFIX + settings.KEY_FEED_AUTHCFG] == cfg
    assert not any(token in value for value in stored.values())
    with open(qs.fileName(), encoding="utf-8") as f:
        assert token not in f.read()
    dialog.deleteLater()
