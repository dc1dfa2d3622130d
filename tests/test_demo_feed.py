"""The demo feed behind `make run` (tools/demo_feed.py) synced into a real store as the dock does it: its pages
by cursor, the documented counts (every good record new, each bad one rejected with its reason), and a second
sync asks only for what changed since the watermark."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import demo_feed  # noqa: E402

from jitasa_qgis.definitions.paths import DEMO_DIR  # noqa: E402
from jitasa_qgis.services.admin_import import AdminImportParams, import_admin_areas  # noqa: E402
from jitasa_qgis.services.feed_sync import FeedSyncParams, sync_feed  # noqa: E402
from jitasa_qgis.store.rejects import recent_rejects  # noqa: E402


@pytest.fixture
def feed():
    server, url = demo_feed.start()
    yield url
    server.shutdown()
    server.server_close()


def test_the_demo_feed_syncs_with_its_rejects(qgis_app, store, feed):
    import_admin_areas(store, AdminImportParams(path=DEMO_DIR / "admin.gpkg"))  # the tambon-only record's place
    params = FeedSyncParams(source="demo_sos", url=feed, adapter="sos_geojson")
    result = sync_feed(store, params)
    assert (result.outcome, result.pages) == ("ok", 4)  # 28 records, 8 a page
    assert (result.count("new"), result.count("rejected")) == (23, 5)
    conn = store.connect()
    try:
        reasons = {r.record_key: r.reason for r in recent_rejects(conn, "demo_sos")}
        with conn.cursor() as cur:
            cur.execute("SELECT location_basis, tambon_code FROM jitasa.help_request WHERE source_id = 'sos-1101'")
            placed = cur.fetchone()
    finally:
        conn.close()
    assert sorted(reasons.values()) == sorted(
        ["unknown_value", "outside_thailand", "duplicate_in_batch", "not_an_object", "no_location"]
    ), reasons
    assert reasons["sos-1201"] == "unknown_value" and reasons["sos-1202"] == "outside_thailand"
    assert placed == ("tambon", "670101")

    again = sync_feed(store, params)  # by the watermark: only the record the server cannot date comes again
    assert again.outcome == "ok" and again.count("new") == 0 and again.count("updated") == 0
    assert again.count("rejected") == 1
