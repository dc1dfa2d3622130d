"""sync_feed against a real HTTP server on 127.0.0.1 (pytest-httpserver) and the real test cluster: paging by
cursor and by the updated_since watermark, retries, timeouts, 429 with Retry-After, malformed pages refused
whole with the watermark at the last good page, 304, each record's documented outcome (docs/FEED.md), the
token only in the Authorization header, idempotent re-syncs, the feed role, and jitasa:syncfeed."""

from __future__ import annotations

import json
import logging
import secrets
import time
from datetime import datetime, timedelta, timezone

import pytest
from feed_support import auth_config
from werkzeug.wrappers import Response

from jitasa_qgis.services.feed_sync import FeedSyncParams, sync_feed
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.store_access import Borrowed

SOURCE = "app_test"
T0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)


def rec(i: int, minutes: int = 0, **changes) -> dict:
    """A valid record of our format; `minutes` after T0 is its updated_at."""
    record = {
        "id": f"app-{i}",
        "category": "oxygen",
        "urgency": "high",
        "people_count": 1 + i % 3,
        "note": f"note {i}",
        "requester": {"name": f"ผู้ขอ {i}", "phone": f"08123456{i % 100:02d}"},
        "location": {"type": "Point", "coordinates": [101.15 + i * 0.001, 16.42]},
        "created_at": T0.isoformat(),
        "updated_at": (T0 + timedelta(minutes=minutes)).isoformat(),
    }
    record.update(changes)
    return record


def page(records, next_cursor=None) -> str:
    return json.dumps({"records": records, "next_cursor": next_cursor})


class Pages:
    """A werkzeug handler: `?cursor=X` → pages[X], no cursor → pages[None]; each entry (status, body, headers)
    or a callable(request) → Response. Records the query and headers of each request."""

    def __init__(self, pages: dict):
        self.pages = pages
        self.seen: list[dict] = []

    def __call__(self, request):
        self.seen.append({"args": dict(request.args), "headers": dict(request.headers), "at": time.monotonic()})
        answer = self.pages[request.args.get("cursor")]
        if callable(answer):
            return answer(request)
        if isinstance(answer, list):  # answered in turn, the last one repeated
            answer = answer.pop(0) if len(answer) > 1 else answer[0]
        status, body, headers = answer
        return Response(body, status=status, headers=headers, content_type="application/json")


def ok(body: str, **headers) -> tuple:
    return (200, body, headers)


def params(httpserver, **kw) -> FeedSyncParams:
    base = dict(source=SOURCE, url=httpserver.url_for("/feed"), page_size=100, retries=3, backoff_factor=0.01)
    base.update(kw)
    return FeedSyncParams(**base)


def serve(httpserver, pages: dict) -> Pages:
    handler = Pages(pages)
    httpserver.expect_request("/feed").respond_with_handler(handler)
    return handler


def q(store, sql: str, args=()):
    conn = store.connect()
    with conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    conn.close()
    return rows


def run(store, sql: str, args=()) -> None:
    """A statement committed, as the superuser."""
    conn = store.connect(autocommit=True)
    with conn.cursor() as cur:
        cur.execute(sql, args)
    conn.close()


def requests_of(store) -> dict:
    return {
        sid: (status, category, urgency, version)
        for sid, status, category, urgency, version in q(
            store,
            "SELECT source_id, status::text, category::text, urgency::text, version FROM jitasa.help_request "
            "WHERE source = %s",
            (SOURCE,),
        )
    }


def state_of(store) -> dict:
    rows = q(
        store,
        "SELECT cursor, watermark, etag, last_modified, last_outcome, last_error, last_counts, url "
        "FROM jitasa.feed_state WHERE source = %s",
        (SOURCE,),
    )
    if not rows:
        return {}
    keys = ("cursor", "watermark", "etag", "last_modified", "outcome", "error", "counts", "url")
    return dict(zip(keys, rows[0]))


def audit_rows(store) -> int:
    return q(store, "SELECT count(*) FROM jitasa.audit_log")[0][0]


def rejects_of(store) -> list[tuple]:
    return q(
        store,
        "SELECT record_key, reason, detail FROM jitasa.import_reject WHERE source = %s ORDER BY id",
        (SOURCE,),
    )


# --- paging --------------------------------------------------------------------------------------------------


def test_several_pages_by_cursor(store, httpserver):
    handler = serve(
        httpserver,
        {
            None: ok(page([rec(1, 1), rec(2, 2)], "c2")),
            "c2": ok(page([rec(3, 3), rec(4, 9)], "c3")),
            "c3": ok(page([rec(5, 5)])),
        },
    )
    lines = []
    result = sync_feed(store, params(httpserver), CallbackProgress(report=lambda f, m: lines.append(m)))
    assert result.outcome == "ok" and result.pages == 3 and result.complete
    assert result.count("new") == 5 and result.count("rejected") == 0
    assert [s["args"].get("cursor") for s in handler.seen] == [None, "c2", "c3"]
    assert all(s["args"]["limit"] == "100" for s in handler.seen)
    assert set(requests_of(store)) == {f"app-{i}" for i in range(1, 6)}
    state = state_of(store)
    assert state["outcome"] == "ok" and state["cursor"] is None and state["error"] is None
    assert state["watermark"] == T0 + timedelta(minutes=9) == result.watermark
    assert state["counts"]["new"] == 5  # the whole sync's counts, for the dock
    assert "Page 3: 1 new, 0 updated, 0 unchanged, 0 rejected." in lines


def test_a_full_last_page_of_a_cursor_feed_ends_the_sync(store, httpserver):
    """The last page asked by cursor has no next cursor: done, even when it is full (no watermark paging)."""
    handler = serve(httpserver, {None: ok(page([rec(1, 1), rec(2, 2)], "c2")), "c2": ok(page([rec(3, 3), rec(4, 4)]))})
    result = sync_feed(store, params(httpserver, page_size=2))
    assert result.pages == 2 and result.complete and len(handler.seen) == 2
    again = sync_feed(store, params(httpserver, page_size=2))
    # both pages came as they were written (page 1 is the start, whatever the watermark): skipped
    assert again.pages == 2 and again.count("unchanged") == 0 and again.count("skipped") == 4
    assert len(handler.seen) == 4


def test_paging_by_the_updated_since_watermark(store, httpserver):
    """A server without cursors: records updated at or after updated_since, oldest first, `limit` of them."""
    records = [rec(i, i) for i in range(1, 6)]

    def by_time(request):
        since = request.args.get("updated_since")
        limit = int(request.args["limit"])
        start = datetime.fromisoformat(since) if since else None
        chosen = [r for r in records if start is None or datetime.fromisoformat(r["updated_at"]) >= start]
        return Response(page(chosen[:limit]), content_type="application/json")

    handler = serve(httpserver, {None: by_time})
    first = sync_feed(store, params(httpserver, page_size=2))
    # [1,2] full → since 2: [2,3] → since 3: [3,4] → since 4: [4,5] → since 5: [5] (not full): done.
    assert first.outcome == "ok" and first.pages == 5 and first.count("new") == 5
    assert first.count("unchanged") == 4  # the record at the boundary comes again and is not rewritten
    sent = [s["args"].get("updated_since") for s in handler.seen]
    assert sent[0] is None and [datetime.fromisoformat(x) for x in sent[1:]] == [
        T0 + timedelta(minutes=m) for m in (2, 3, 4, 5)
    ]
    assert state_of(store)["watermark"] == T0 + timedelta(minutes=5)

    records.append(rec(6, 6))
    handler.seen.clear()
    again = sync_feed(store, params(httpserver, page_size=2))
    assert datetime.fromisoformat(handler.seen[0]["args"]["updated_since"]) == T0 + timedelta(minutes=5)
    # [5,6] full → since 6: [6]: one new, the boundary records unchanged.
    assert again.pages == 2 and again.count("new") == 1 and again.count("unchanged") == 2
    assert state_of(store)["watermark"] == T0 + timedelta(minutes=6)


def test_the_page_cap_stops_and_the_next_sync_goes_on(store, httpserver):
    serve(
        httpserver,
        {None: ok(page([rec(1, 1)], "c2")), "c2": ok(page([rec(2, 2)], "c3")), "c3": ok(page([rec(3, 3)]))},
    )
    first = sync_feed(store, params(httpserver, max_pages=2))
    assert first.outcome == "ok" and first.pages == 2 and not first.complete
    assert state_of(store)["cursor"] == "c3"
    second = sync_feed(store, params(httpserver, max_pages=2))
    assert second.pages == 1 and second.complete and second.count("new") == 1
    assert len(requests_of(store)) == 3 and state_of(store)["cursor"] is None


def test_another_url_for_the_source_starts_without_the_old_cursor_and_etag(store, httpserver):
    serve(httpserver, {None: ok(page([rec(1, 1)], "c2"), ETag='"old"'), "c2": ok(page([rec(2, 2)]))})
    sync_feed(store, params(httpserver, max_pages=1))
    assert state_of(store)["cursor"] == "c2" and state_of(store)["etag"] == '"old"'
    moved = Pages({None: ok(page([rec(3, 3)]))})
    httpserver.expect_request("/v2/feed").respond_with_handler(moved)
    result = sync_feed(store, params(httpserver, url=httpserver.url_for("/v2/feed")))
    assert result.count("new") == 1 and "cursor" not in moved.seen[0]["args"]
    assert "If-None-Match" not in moved.seen[0]["headers"]
    assert datetime.fromisoformat(moved.seen[0]["args"]["updated_since"]) == T0 + timedelta(minutes=1)


# --- failures ------------------------------------------------------------------------------------------------


def test_a_500_then_success(store, httpserver):
    handler = serve(httpserver, {None: [(500, "boom", {}), ok(page([rec(1)]))]})
    result = sync_feed(store, params(httpserver))
    assert result.outcome == "ok" and result.count("new") == 1 and len(handler.seen) == 2


def test_a_timeout_is_a_clear_error_and_writes_nothing_of_that_page(store, httpserver):
    def sleepy(request):
        time.sleep(1.5)
        return Response(page([rec(3, 30)]), content_type="application/json")

    serve(httpserver, {None: ok(page([rec(1, 1), rec(2, 2)], "c2")), "c2": sleepy})
    result = sync_feed(store, params(httpserver, read_timeout_s=0.4))
    time.sleep(1.2)  # let the sleeping handler finish
    assert result.outcome == "failed" and result.error_code == "timeout" and result.pages == 1
    assert "did not answer in time" in result.message and "cursor=c2" in result.message
    assert set(requests_of(store)) == {"app-1", "app-2"}  # page 1 kept, nothing of page 2
    state = state_of(store)
    assert state["outcome"] == "failed" and state["error"] == "timeout"
    assert state["cursor"] == "c2" and state["watermark"] == T0 + timedelta(minutes=2)


def test_a_dead_server_fails_clearly_and_keeps_the_watermark(store, httpserver):
    serve(httpserver, {None: ok(page([rec(1, 1)]))})
    assert sync_feed(store, params(httpserver)).outcome == "ok"
    url = httpserver.url_for("/feed")
    httpserver.stop()
    try:
        result = sync_feed(store, params(httpserver, url=url))
    finally:
        httpserver.start()
    assert result.outcome == "failed" and result.error_code == "unreachable" and "cannot be reached" in result.message
    state = state_of(store)
    assert state["error"] == "unreachable" and state["watermark"] == T0 + timedelta(minutes=1)


def test_a_429_with_retry_after_is_honoured(store, httpserver):
    handler = serve(httpserver, {None: [(429, "slow down", {"Retry-After": "1"}), ok(page([rec(1)]))]})
    result = sync_feed(store, params(httpserver))
    assert result.outcome == "ok" and result.count("new") == 1
    assert len(handler.seen) == 2 and handler.seen[1]["at"] - handler.seen[0]["at"] >= 1.0


def test_an_error_status_after_the_retries(store, httpserver):
    handler = serve(httpserver, {None: (503, "down", {})})
    result = sync_feed(store, params(httpserver, retries=2))
    assert result.outcome == "failed" and result.error_code == "http_status:503" and len(handler.seen) == 3
    assert "HTTP 503" in result.message and state_of(store)["error"] == "http_status:503"


def test_malformed_json_refuses_that_page_whole_and_keeps_the_earlier_ones(store, httpserver):
    serve(
        httpserver,
        {
            None: ok(page([rec(1, 1), rec(2, 2)], "c2")),
            "c2": ok('{"records": [' + json.dumps(rec(3, 3)) + ", {oops"),
        },
    )
    before = audit_rows(store)
    result = sync_feed(store, params(httpserver))
    assert result.outcome == "failed" and result.error_code == "malformed_json" and result.pages == 1
    assert set(requests_of(store)) == {"app-1", "app-2"} and not rejects_of(store)
    state = state_of(store)
    assert state["watermark"] == T0 + timedelta(minutes=2) and state["cursor"] == "c2"
    assert audit_rows(store) > before  # page 1 was written (and audited)


def test_a_page_the_store_refuses_is_a_store_error_and_not_written(store, httpserver):
    from jitasa_qgis.store.errors import StoreError

    serve(httpserver, {None: ok(page([rec(1, 1)]))})
    # the store keeps 'manual' for hand-made rows: it is never registered as a feed
    result = sync_feed(store, params(httpserver, source="manual"))
    assert result.outcome == "failed" and result.error_code == "feed_source_in_use" and result.pages == 0
    assert not q(store, "SELECT 1 FROM jitasa.help_request") and not q(store, "SELECT 1 FROM jitasa.feed_state")
    # a page the store refuses while it is written: a StoreError, that page not written
    assert sync_feed(store, params(httpserver)).count("new") == 1  # the same server, a feed's own name
    before = requests_of(store)
    run(store, "ALTER TABLE jitasa.help_request ADD CONSTRAINT no_changed CHECK (note <> 'changed') NOT VALID")
    httpserver.clear()
    serve(httpserver, {None: ok(page([rec(1, 5, note="changed")]))})
    with pytest.raises(StoreError) as refused:
        sync_feed(store, params(httpserver))
    assert "that page was not written" in str(refused.value) and "no_changed" in str(refused.value)
    assert requests_of(store) == before


def test_json_that_is_not_a_page_is_refused_whole(store, httpserver):
    serve(httpserver, {None: ok(json.dumps([rec(1)]))})  # a bare list is not a page of our format
    result = sync_feed(store, params(httpserver))
    assert result.outcome == "failed" and result.error_code == "not_a_page" and not requests_of(store)
    assert "not a page of the feed" in result.message


def test_304_with_etag_is_not_modified_and_writes_nothing(store, httpserver):
    handler = serve(httpserver, {None: [ok(page([rec(1, 1)]), ETag='"v1"'), (304, "", {"ETag": '"v1"'})]})
    assert sync_feed(store, params(httpserver)).count("new") == 1
    assert state_of(store)["etag"] == '"v1"'
    before, rows = audit_rows(store), requests_of(store)
    result = sync_feed(store, params(httpserver))
    assert result.outcome == "not_modified" and result.pages == 0
    assert handler.seen[1]["headers"]["If-None-Match"] == '"v1"'
    assert audit_rows(store) == before and requests_of(store) == rows
    state = state_of(store)
    assert state["outcome"] == "not_modified" and state["etag"] == '"v1"'


# --- records -------------------------------------------------------------------------------------------------


def test_each_kind_of_record_has_its_documented_outcome(store, httpserver):
    records = [
        rec(1, 1),
        rec(2, 1, category="teleportation"),  # unknown category
        rec(3, 1, location={"type": "Point", "coordinates": [2.35, 48.85]}),  # Paris
        rec(4, 1, note="first"),
        rec(4, 5, note="newer"),  # the same id again, newer: this one is kept
    ]
    serve(httpserver, {None: ok(page(records))})
    result = sync_feed(store, params(httpserver))
    assert result.outcome == "ok" and result.count("new") == 2 and result.count("rejected") == 3
    reasons = {(key, reason) for key, reason, _ in rejects_of(store)}
    assert ("app-2", "unknown_value") in reasons and ("app-3", "outside_thailand") in reasons
    assert any(reason == "duplicate_in_batch" for _, reason in reasons)
    assert q(store, "SELECT note FROM jitasa.help_request WHERE source_id = 'app-4'") == [("newer",)]


def test_out_of_order_updates_never_overwrite_a_newer_one(store, httpserver):
    newer, older = rec(1, 10, urgency="critical"), rec(1, 5, urgency="low")
    handler = serve(httpserver, {None: [ok(page([newer])), ok(page([older]))]})
    assert sync_feed(store, params(httpserver)).count("new") == 1
    before = audit_rows(store)
    result = sync_feed(store, params(httpserver))
    assert result.count("stale") == 1 and result.count("updated") == 0 and len(handler.seen) == 2
    assert requests_of(store)["app-1"][2] == "critical" and audit_rows(store) == before


def test_re_syncing_the_same_pages_changes_nothing(store, httpserver):
    pages = {None: ok(page([rec(1, 1), rec(2, 2)], "c2")), "c2": ok(page([rec(3, 3), rec(4, 4, category="x")]))}
    serve(httpserver, pages)
    first = sync_feed(store, params(httpserver))
    assert first.count("new") == 3 and first.count("rejected") == 1
    rows, audits, rejects = requests_of(store), audit_rows(store), rejects_of(store)
    again = sync_feed(store, params(httpserver))
    # the same bodies at the same keys (page 1 is the start, whatever the watermark): not applied again
    assert again.outcome == "ok" and again.count("skipped") == 4 and again.pages == 2
    assert again.count("unchanged") == again.count("new") == again.count("rejected") == 0
    assert requests_of(store) == rows and audit_rows(store) == audits and rejects_of(store) == rejects
    assert state_of(store)["counts"]["skipped"] == 4
    # applied again, the same pages change nothing either (the digests forgotten)
    run(store, "UPDATE jitasa.feed_state SET page_digests = '{}'")
    third = sync_feed(store, params(httpserver))
    assert third.count("unchanged") == 3 and third.count("rejected") == 1 and third.count("skipped") == 0
    assert requests_of(store) == rows and audit_rows(store) == audits and rejects_of(store) == rejects


def test_cancel_between_pages(store, httpserver):
    serve(httpserver, {None: ok(page([rec(1, 1)], "c2")), "c2": ok(page([rec(2, 2)]))})
    pages_done = []
    progress = CallbackProgress(report=lambda f, m: pages_done.append(m), cancelled=lambda: bool(pages_done))
    result = sync_feed(store, params(httpserver), progress)
    assert result.cancelled and not result.complete and result.pages == 1
    assert set(requests_of(store)) == {"app-1"} and state_of(store)["cursor"] == "c2"
    with pytest.raises(Cancelled):
        sync_feed(store, params(httpserver), CallbackProgress(cancelled=lambda: True))
    assert set(requests_of(store)) == {"app-1"}


# --- credentials and roles -----------------------------------------------------------------------------------


def test_a_token_from_an_authcfg_reaches_the_server_and_nowhere_else(store, httpserver, caplog):
    token = secrets.token_urlsafe(24)
    authcfg = auth_config("EsriToken", token=token)
    handler = serve(httpserver, {None: ok(page([rec(1, 1), rec(2, 1, category="nope")]), ETag='"t1"')})
    caplog.set_level(logging.DEBUG)
    result = sync_feed(store, params(httpserver, authcfg=authcfg))
    assert result.outcome == "ok" and handler.seen[0]["headers"]["Authorization"] == f"Bearer {token}"
    assert token not in repr(result) and token not in caplog.text
    everything = q(
        store,
        "SELECT (SELECT coalesce(string_agg(f::text, ' '), '') FROM jitasa.feed_state f)"
        " || (SELECT coalesce(string_agg(r::text, ' '), '') FROM jitasa.import_reject r)"
        " || (SELECT coalesce(string_agg(a::text, ' '), '') FROM jitasa.audit_log a)",
    )[0][0]
    assert token not in everything and authcfg not in everything


def test_the_feed_role_can_sync(store, httpserver, login_role):
    _, connect = login_role("jitasa_feed")
    serve(httpserver, {None: ok(page([rec(1, 1), rec(2, 1, category="nope")], "c2")), "c2": ok(page([rec(3, 2)]))})
    # not registered: refused, nothing written (the feed role may not register a feed)
    refused = sync_feed(lambda: connect(autocommit=False), params(httpserver))
    assert refused.outcome == "failed" and refused.error_code == "feed_not_registered" and refused.pages == 0
    assert "not registered" in refused.message and not requests_of(store) and not state_of(store)
    run(store, "SET ROLE jitasa_admin; SELECT jitasa.register_feed(%s, %s)", (SOURCE, params(httpserver).url))
    result = sync_feed(lambda: connect(autocommit=False), params(httpserver))
    assert result.outcome == "ok" and result.count("new") == 2 and result.count("rejected") == 1
    again = sync_feed(Borrowed(connect()), params(httpserver))
    assert again.count("skipped") == 3 and again.count("unchanged") == 0  # both pages came the same: skipped
    assert state_of(store)["outcome"] == "ok"


# --- jitasa:syncfeed -----------------------------------------------------------------------------------------


@pytest.fixture
def service(store, tmp_path, monkeypatch):
    name = f"jitasa_feed_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return name


def test_syncfeed_through_processing(provider, service, store, httpserver):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802 - QGIS API name
            self.lines.append(info)
            super().pushInfo(info)

    serve(httpserver, {None: ok(page([rec(1, 1), rec(2, 1, category="nope")], "c2")), "c2": ok(page([rec(3, 2)]))})
    feedback = Feedback()
    out = processing.run(
        "jitasa:syncfeed",
        {"SERVICE": service, "URL": httpserver.url_for("/feed"), "SOURCE": SOURCE, "ADAPTER": 0, "MAX_PAGES": 5},
        feedback=feedback,
    )
    assert out["OUTCOME"] == "ok" and out["PAGES"] == 2 and out["NEW"] == 2 and out["REJECTED"] == 1
    assert any("2 page(s); 2 new, 0 updated" in line and "1 rejected" in line for line in feedback.lines)
    httpserver.clear()
    httpserver.expect_request("/feed").respond_with_data("nope", status=500)
    with pytest.raises(QgsProcessingException) as failed:
        processing.run(
            "jitasa:syncfeed",
            {"SERVICE": service, "URL": httpserver.url_for("/feed"), "SOURCE": "other_feed", "MAX_PAGES": 5},
        )
    assert "HTTP 500" in str(failed.value)


def test_syncfeed_takes_the_token_from_the_authcfg_parameter(provider, service, store, httpserver):
    import processing

    token = secrets.token_urlsafe(20)
    authcfg = auth_config("EsriToken", token=token)
    handler = serve(httpserver, {None: ok(page([rec(1, 1)]))})
    out = processing.run(
        "jitasa:syncfeed",
        {"SERVICE": service, "URL": httpserver.url_for("/feed"), "SOURCE": SOURCE, "AUTHCFG": authcfg},
    )
    assert out["NEW"] == 1 and handler.seen[0]["headers"]["Authorization"] == f"Bearer {token}"
    assert token not in str(out)


# --- page digests, the expiry sweep, one sync at a time, who may sync -------------------------------------------


def test_a_page_that_came_the_same_is_skipped_and_what_expired_since_is_closed(store, httpserver):
    soon = datetime.now(timezone.utc) + timedelta(seconds=3)
    handler = serve(
        httpserver,
        {
            None: ok(page([rec(1, 1), rec(2, 1, expires_at=soon.isoformat())], "c2")),
            "c2": ok(page([rec(3, 2, expires_at=soon.isoformat()), rec(4, 2, category="nope")])),
        },
    )
    assert sync_feed(store, params(httpserver)).count("new") == 3
    rows, audits = requests_of(store), audit_rows(store)
    third = sync_feed(store, params(httpserver))
    assert third.outcome == "ok" and third.pages == 2 and third.count("skipped") == 4
    assert third.count("unchanged") == third.count("new") == third.count("rejected") == third.count("closed") == 0
    assert requests_of(store) == rows and audit_rows(store) == audits and len(handler.seen) == 4
    assert state_of(store)["cursor"] is None  # as applying the last page leaves it
    time.sleep(max(0.0, (soon - datetime.now(timezone.utc)).total_seconds()) + 0.2)
    fourth = sync_feed(store, params(httpserver))  # the bodies are the same: only the sweep changes anything
    assert fourth.count("skipped") == 4 and fourth.count("closed") == 2
    assert {k: v[0] for k, v in requests_of(store).items()} == {
        "app-1": "new", "app-2": "cancelled", "app-3": "cancelled"
    }  # fmt: skip
    assert q(store, "SELECT DISTINCT closure_reason FROM jitasa.help_request WHERE status = 'cancelled'") == [
        ("feed_expired",)
    ]


def test_a_page_whose_body_changed_is_applied_again(store, httpserver):
    pages = {None: ok(page([rec(1, 1)], "c2")), "c2": ok(page([rec(2, 1)]))}
    serve(httpserver, pages)
    sync_feed(store, params(httpserver))
    pages["c2"] = ok(page([rec(2, 3, note="changed")]))
    again = sync_feed(store, params(httpserver))
    assert again.count("skipped") == 1 and again.count("updated") == 1
    assert q(store, "SELECT note FROM jitasa.help_request WHERE source_id = 'app-2'") == [("changed",)]


def test_a_second_sync_of_a_source_at_once_is_busy_and_writes_nothing(store, httpserver):
    import threading

    started, release = threading.Event(), threading.Event()

    def slow(request):
        started.set()
        release.wait(10)
        return Response(page([rec(1, 1)]), status=200, content_type="application/json")

    handler = serve(httpserver, {None: slow})
    first: list = []
    worker = threading.Thread(target=lambda: first.append(sync_feed(store, params(httpserver))))
    worker.start()
    try:
        assert started.wait(10)
        seen = len(handler.seen)
        busy = sync_feed(store, params(httpserver))  # its own connection, while the first holds the source
        assert busy.outcome == "busy" and busy.pages == 0 and not busy.complete
        assert "someone else" in busy.message and len(handler.seen) == seen  # nothing read, nothing written
        assert not requests_of(store)
    finally:
        release.set()
        worker.join(20)
    assert first[0].outcome == "ok" and first[0].count("new") == 1
    assert sync_feed(store, params(httpserver)).outcome == "ok"  # the lock went with the first sync


def test_an_officer_syncs_a_registered_feed_but_registers_none(store, httpserver, login_role):
    serve(httpserver, {None: ok(page([rec(1, 1), rec(2, 1, category="nope")], "c2")), "c2": ok(page([rec(3, 2)]))})
    _, officer = login_role("jitasa_officer")
    refused = sync_feed(lambda: officer(autocommit=False), params(httpserver))
    assert refused.outcome == "failed" and refused.error_code == "feed_not_registered"
    assert not requests_of(store) and not state_of(store) and not rejects_of(store)
    _, admin = login_role("jitasa_admin")
    assert sync_feed(lambda: admin(autocommit=False), params(httpserver)).count("new") == 2  # registers it
    run(store, "DELETE FROM jitasa.import_reject")  # the officer's sync keeps the reject again
    run(store, "UPDATE jitasa.feed_state SET page_digests = '{}'")
    result = sync_feed(lambda: officer(autocommit=False), params(httpserver))
    assert result.outcome == "ok" and result.count("unchanged") == 2 and result.count("rejected") == 1
    assert state_of(store)["outcome"] == "ok" and [r[1] for r in rejects_of(store)] == ["unknown_value"]


def test_a_file_imports_source_is_never_a_feed(store, httpserver):
    run(store, "INSERT INTO jitasa.help_request (source, source_id, category) VALUES ('hotline', '1', 'oxygen')")
    serve(httpserver, {None: ok(page([rec(1, 1)]))})
    result = sync_feed(store, params(httpserver, source="hotline"))
    assert result.outcome == "failed" and result.error_code == "feed_source_in_use"
    assert "name of its own" in result.message
    assert q(store, "SELECT count(*) FROM jitasa.help_request") == [(1,)] and not q(
        store, "SELECT 1 FROM jitasa.feed_state"
    )
