"""jitasa.upsert_feed_requests and store.request_feed.write_page on the real test cluster, as the feed role.

Every outcome of docs/FEED.md, what the feed role may not read, all-or-nothing pages, idempotent re-imports
(no version bump, no audit row, no NOTIFY), and Hypothesis: any JSON is taken or refused, never an error.
"""

from __future__ import annotations

import datetime as dt
import json
import select
import uuid

import psycopg2
import psycopg2.errors
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jitasa_qgis.core.request_records import records_from_page
from jitasa_qgis.store.request_feed import FeedStateUpdate, feed_state, feed_states, write_page

TAMBON = "SRID=4326;MULTIPOLYGON(((100 16,101 16,101 17,100 17,100 16)))"
TWIN = "SRID=4326;MULTIPOLYGON(((101 16,102 16,102 17,101 17,101 16)))"  # another tambon of the same name
POINT = "SRID=4326;POINT(100.5 16.5)"
UPSERT = "SELECT source_id, request_id, outcome, detail FROM jitasa.upsert_feed_requests(%s, %s::jsonb)"


@pytest.fixture
def world(store):
    """Province 67, amphoe 6701 and 6702, tambons 670101 'ในเมือง' and 670201 'ในเมือง', 670102 'สะเดียง';
    a volunteer (capacity 3). Superuser."""
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, name_en, geom) VALUES "
            "('province', '67', NULL, 'เพชรบูรณ์', 'Phetchabun', ST_Multi(ST_Union(%s::geometry, %s::geometry))),"
            "('amphoe', '6701', '67', 'เมืองเพชรบูรณ์', 'Mueang', %s), ('amphoe', '6702', '67', 'ชนแดน', 'Chon Daen', %s)",
            (TAMBON, TWIN, TAMBON, TWIN),
        )
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, name_en, geom) VALUES "
            "('tambon', '670101', '6701', 'ในเมือง', 'Nai Mueang', %s), "
            "('tambon', '670201', '6702', 'ในเมือง', 'Nai Mueang', %s)",
            (TAMBON, TWIN),
        )
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, name_en, geom) VALUES "
            "('tambon', '670102', '6701', 'สะเดียง', 'Sadiang', "
            "'SRID=4326;MULTIPOLYGON(((100 17,100.1 17,100.1 17.1,100 17.1,100 17)))')"
        )
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, phone, kind, vehicle, capacity, geom) "
            "VALUES ('Malee', '0899999999', 'village_health_volunteer', 'car', 3, %s) RETURNING id",
            (POINT,),
        )
        vid = cur.fetchone()[0]
        cur.execute("SET ROLE jitasa_admin")
        cur.execute("SELECT jitasa.register_feed('app', 'https://app.example/feed')")  # the feed role needs it
    c.close()
    return {"volunteer": vid}


def register(store, source: str) -> None:
    """An admin registers feed `source` (the feed role writes only registered sources)."""
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute("SET ROLE jitasa_admin")
        cur.execute("SELECT jitasa.register_feed(%s, 'https://app.example/feed')", (source,))
    c.close()


def rec(source_id: str, **fields) -> dict:
    base = {
        "source_id": source_id,
        "category": "oxygen",
        "urgency": "high",
        "people_count": 1,
        "lon": 100.5,
        "lat": 16.5,
        "updated_at": "2026-03-01T08:00:00+07:00",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def upsert(conn, records, source: str = "app") -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute(UPSERT, (source, json.dumps(records)))
        rows = cur.fetchall()
    conn.commit()
    return rows


def outcomes(rows) -> dict:
    return {r[0]: r[2] for r in rows}


def superuser(store, sql, params=()):
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()
    finally:
        c.close()


def audit_count(store) -> int:
    return superuser(store, "SELECT count(*) FROM jitasa.audit_log WHERE table_name = 'help_request'")[0][0]


def officer_assign(store, request_id: int, volunteer_id: int, start: bool = False) -> None:
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT jitasa.create_run('manual')")
        run = cur.fetchone()[0]
        cur.execute(
            "SELECT outcome FROM jitasa.assign_pairs(%s, %s, %s, %s, true)", (run, [request_id], [volunteer_id], [5.0])
        )
        assert cur.fetchone()[0] == "confirmed"
        if start:
            cur.execute("SELECT version FROM jitasa.help_request WHERE id = %s", (request_id,))
            cur.execute("SELECT jitasa.change_request_status(%s, %s, 'in_progress')", (request_id, cur.fetchone()[0]))
    c.close()


# --- every outcome, as the feed role ---------------------------------------------------------------------


def test_new_and_unchanged_then_no_version_bump_no_audit_no_notify(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    page = [
        rec("a", note="  ต้องการออกซิเจน\u00a0", requester_name="Nok", requester_phone="0811111111"),
        rec("t", lon=None, lat=None, tambon="670102"),
    ]
    rows = upsert(feed, page)
    assert outcomes(rows) == {"a": "new", "t": "new"}
    assert all(r[1] is not None for r in rows)
    stored = superuser(
        store,
        "SELECT source_id, note, version, tambon_code, location_basis, location_accuracy_m, "
        "source_updated_at FROM jitasa.help_request ORDER BY source_id",
    )
    assert stored[0][:5] == ("a", "ต้องการออกซิเจน", 1, "670101", "point")
    assert stored[0][6] == dt.datetime(2026, 3, 1, 1, 0, tzinfo=dt.timezone.utc)
    # placed in its tambon: a point inside it, the accuracy its equivalent radius (0.1° square ≈ 6 km)
    assert stored[1][3:5] == ("670102", "tambon") and 5000 < stored[1][5] < 7000

    listener = store.connect(autocommit=True)
    with listener.cursor() as cur:
        cur.execute("LISTEN jitasa")
    before = audit_count(store)
    rows = upsert(feed, page)
    assert outcomes(rows) == {"a": "unchanged", "t": "unchanged"}
    assert [r[1] for r in rows] == [
        s[0] for s in superuser(store, "SELECT id FROM jitasa.help_request ORDER BY source_id")
    ]
    assert audit_count(store) == before
    assert superuser(store, "SELECT max(version) FROM jitasa.help_request") == [(1,)]
    select.select([listener], [], [], 0.5)
    listener.poll()
    assert listener.notifies == []
    listener.close()


def test_updated_and_stale(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    upsert(feed, [rec("a", note="first")])
    rows = upsert(feed, [rec("a", note="second", urgency="critical", updated_at="2026-03-01T09:00:00+07:00")])
    assert outcomes(rows) == {"a": "updated"}
    assert superuser(store, "SELECT note, urgency::text, version FROM jitasa.help_request") == [
        ("second", "critical", 2)
    ]
    before = audit_count(store)
    rows = upsert(feed, [rec("a", note="older", updated_at="2026-03-01T08:30:00+07:00")])
    assert rows[0][2] == "stale" and rows[0][3]["stored_updated_at"].startswith("2026-03-01T02:00:00")
    assert superuser(store, "SELECT note, version FROM jitasa.help_request") == [("second", 2)]
    assert audit_count(store) == before


def test_assigned_requests_keep_what_officers_work_and_take_what_the_feed_owns(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    [(_, rid, _, _)] = upsert(feed, [rec("b", note="old", people_count=1)])
    officer_assign(store, rid, world["volunteer"])
    rows = upsert(
        feed,
        [
            rec(
                "b",
                category="medicine",
                lon=100.6,
                note="new note",
                people_count=3,
                requester_phone="0822222222",
                updated_at="2026-03-01T10:00:00+07:00",
            )
        ],
    )
    assert rows[0][2] == "kept_assigned"
    assert rows[0][3] == {"kept": ["category", "location"], "written": True}
    assert superuser(
        store,
        "SELECT category::text, ST_X(geom), note, people_count, requester_phone, status::text "
        "FROM jitasa.help_request WHERE id = %s",
        (rid,),
    ) == [("oxygen", 100.5, "new note", 3, "0822222222", "assigned")]
    # the same record again: nothing the feed owns differs, so nothing is written
    before = audit_count(store)
    rows = upsert(
        feed,
        [
            rec(
                "b",
                category="medicine",
                lon=100.6,
                note="new note",
                people_count=3,
                requester_phone="0822222222",
                updated_at="2026-03-01T10:00:00+07:00",
            )
        ],
    )
    assert rows[0][2] == "kept_assigned" and rows[0][3]["written"] is False
    assert audit_count(store) == before


def test_expired_closes_new_and_assigned_like_a_cancellation_and_keeps_work_in_progress(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    rows = upsert(feed, [rec("n"), rec("as"), rec("ip")])
    ids = {r[0]: r[1] for r in rows}
    officer_assign(store, ids["as"], world["volunteer"])
    officer_assign(store, ids["ip"], world["volunteer"], start=True)
    assert superuser(store, "SELECT active_count FROM jitasa.volunteer") == [(2,)]
    later = "2026-03-02T08:00:00+07:00"
    rows = upsert(
        feed,
        [
            rec("n", expired=True, updated_at=later),
            rec("as", expired=True, updated_at=later),
            rec("ip", expires_at="2026-03-01T12:00:00+07:00", updated_at=later),
            rec("gone", expired=True),
        ],
    )
    assert outcomes(rows) == {"n": "closed", "as": "closed", "ip": "expired_in_progress", "gone": "expired_new"}
    assert [r[3] for r in rows if r[2] == "closed"] == [{"closure_reason": "feed_expired"}] * 2
    assert dict(
        superuser(
            store, "SELECT source_id, status::text || '/' || coalesce(closure_reason, '') " "FROM jitasa.help_request"
        )
    ) == {"n": "cancelled/feed_expired", "as": "cancelled/feed_expired", "ip": "in_progress/"}
    # the assignment ended and the volunteer got the capacity back, as change_request_status does
    assert superuser(
        store, "SELECT status::text, reason FROM jitasa.assignment WHERE request_id = %s", (ids["as"],)
    ) == [("cancelled", "feed_expired")]
    assert superuser(store, "SELECT active_count FROM jitasa.volunteer") == [(1,)]
    assert superuser(store, "SELECT count(*) FROM jitasa.help_request WHERE source_id = 'gone'") == [(0,)]
    # closed now: the same expiry again writes nothing; a later change is closed_locally
    before = audit_count(store)
    again = upsert(feed, [rec("n", expired=True, updated_at=later)])
    assert outcomes(again) == {"n": "unchanged"}
    changed = upsert(feed, [rec("n", note="still there?", updated_at="2026-03-03T08:00:00+07:00")])
    assert outcomes(changed) == {"n": "closed_locally"}
    assert audit_count(store) == before
    assert superuser(store, "SELECT note, version FROM jitasa.help_request WHERE source_id = 'n'") == [(None, 2)]


def test_done_requests_are_closed_locally(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    [(_, rid, _, _)] = upsert(feed, [rec("d")])
    officer_assign(store, rid, world["volunteer"], start=True)
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT jitasa.change_request_status(%s, 3, 'done')", (rid,))
    c.close()
    rows = upsert(feed, [rec("d", category="medicine", updated_at="2026-03-05T08:00:00+07:00")])
    assert outcomes(rows) == {"d": "closed_locally"}
    assert superuser(store, "SELECT category::text, status::text, version FROM jitasa.help_request") == [
        ("oxygen", "done", 4)
    ]


def test_bad_records_are_rejected_with_a_code_and_the_rest_written(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    page = [
        rec("ok"),
        rec("cat", category="spaceship"),
        rec("urg", urgency="whenever"),
        rec("far", lon=2.35, lat=48.85),
        "not an object",
        rec("dup", note="older", updated_at="2026-03-01T07:00:00+07:00"),
        rec("dup", note="newer", updated_at="2026-03-01T09:00:00+07:00"),
        rec("people", people_count=0),
        rec("nowhere", lon=None, lat=None),
        rec("unknown", lon=None, lat=None, tambon="Atlantis"),
        rec("twins", lon=None, lat=None, tambon="ในเมือง"),
        rec("byname", lon=None, lat=None, tambon="Sadiang"),
        rec("feb30", updated_at="2026-02-30T08:00:00+07:00"),
        rec("long", note="n" * 2001),
        rec(" ", category="oxygen"),
        rec("half", lat=None),
        rec("bool", for_someone_else="perhaps"),
    ]
    rows = upsert(feed, page)
    assert len(rows) == len(page)
    got = {(r[0], r[2], (r[3] or {}).get("reason")) for r in rows}
    assert got == {
        ("ok", "new", None),
        ("cat", "rejected", "unknown_value"),
        ("urg", "rejected", "unknown_value"),
        ("far", "rejected", "outside_thailand"),
        (None, "rejected", "not_an_object"),
        ("dup", "rejected", "duplicate_in_batch"),
        ("dup", "new", None),
        ("people", "rejected", "bad_number"),
        ("nowhere", "rejected", "no_location"),
        ("unknown", "rejected", "unknown_tambon"),
        ("twins", "rejected", "ambiguous_tambon"),
        ("byname", "new", None),
        ("feb30", "rejected", "bad_date"),
        ("long", "rejected", "text_too_long"),
        (None, "rejected", "missing_field"),
        ("half", "rejected", "missing_field"),
        ("bool", "rejected", "bad_boolean"),
    }
    twins = next(r[3] for r in rows if r[0] == "twins")
    assert [c["code"] for c in twins["candidates"]] == ["670101", "670201"]
    assert {c["amphoe"] for c in twins["candidates"]} == {"เมืองเพชรบูรณ์", "ชนแดน"}
    dup = next(r[3] for r in rows if r[0] == "dup" and r[2] == "rejected")
    assert dup == {"reason": "duplicate_in_batch", "key": "dup", "first": 6, "index": 5}
    assert superuser(store, "SELECT note FROM jitasa.help_request WHERE source_id = 'dup'") == [("newer",)]
    assert superuser(store, "SELECT count(*) FROM jitasa.help_request") == [(3,)]


def test_the_call_is_refused_only_when_it_is_no_page(world, login_conn, login_role):
    feed = login_conn("jitasa_feed")
    for source, records in [("app", '{"records": []}'), ("app", "null"), ("", "[]"), ("manual", "[]")]:
        with pytest.raises(psycopg2.errors.InvalidParameterValue), feed.cursor() as cur:
            cur.execute(UPSERT, (source, records))
        feed.rollback()
    assert upsert(feed, []) == []
    analyst = login_conn("jitasa_analyst")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege), analyst.cursor() as cur:
        cur.execute(UPSERT, ("app", "[]"))


def test_the_feed_role_writes_only_through_the_function_and_reads_no_personal_data(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    upsert(feed, [rec("a", requester_name="Nok", requester_phone="0811111111", note="private")])
    for sql in (
        "SELECT requester_phone FROM jitasa.help_request",
        "SELECT requester_name FROM jitasa.help_request",
        "SELECT note FROM jitasa.help_request",
        "SELECT id, source_id FROM jitasa.help_request",
        "SELECT * FROM jitasa.volunteer",
        "SELECT phone FROM jitasa.volunteer",
        "SELECT raw FROM jitasa.import_reject",
        "INSERT INTO jitasa.help_request (source, source_id, category) VALUES ('app', 'x', 'oxygen')",
        "UPDATE jitasa.help_request SET note = 'x'",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege), feed.cursor() as cur:
            cur.execute(sql)
        feed.rollback()
    # what the function tells it carries no personal data either
    rows = upsert(feed, [rec("a", requester_name="Nok", requester_phone="0811111111", note="private")])
    assert "Nok" not in json.dumps(rows, default=str) and "0811111111" not in json.dumps(rows, default=str)


# --- write_page: one transaction with the rejects and the feed state -------------------------------------


def _page(records):
    return {"records": records, "next_cursor": "c2"}


def feed_json(source_id: str, **fields) -> dict:
    base = {
        "id": source_id,
        "category": "oxygen",
        "location": {"type": "Point", "coordinates": [100.5, 16.5]},
        "updated_at": "2026-03-01T08:00:00+07:00",
        "requester": {"name": "Nok", "phone": "081-111-1111"},
    }
    base.update(fields)
    return base


def test_write_page_keeps_one_reject_once_and_the_state_with_the_page(store, world, login_role):
    _, connect = login_role("jitasa_feed")
    feed = connect()  # autocommit, as a sync's connection may be: write_page makes its own transaction
    payload = _page(
        [feed_json("a"), feed_json("b", category="spaceship"), feed_json("c", updated_at="2026-03-02T08:00:00Z")]
    )
    records, rejects = records_from_page(payload)
    state = FeedStateUpdate(url="https://app.example/feed", cursor="c2", etag='"v1"')
    result = write_page(feed, "app", records, rejects, state)
    assert feed.autocommit
    assert result.counts["new"] == 2 and result.counts["rejected"] == 1 and result.counts["rejects_new"] == 1
    assert superuser(store, "SELECT requester_phone FROM jitasa.help_request WHERE source_id = 'a'") == [
        ("0811111111",)
    ]
    st1 = feed_state(feed, "app")
    assert st1.cursor == "c2" and st1.etag == '"v1"' and st1.last_outcome == "ok"
    assert st1.watermark == dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.timezone.utc)
    assert st1.last_counts["new"] == 2
    assert [s.source for s in feed_states(feed)] == ["app"]

    before = audit_count(store)
    again = write_page(feed, "app", *records_from_page(payload), FeedStateUpdate(url="https://app.example/feed"))
    assert again.counts["unchanged"] == 2 and again.counts["rejected"] == 1 and again.counts["rejects_new"] == 0
    assert audit_count(store) == before
    assert superuser(store, "SELECT reason, record_key, raw->>'category' FROM jitasa.import_reject") == [
        ("unknown_value", "b", "spaceship")
    ]
    # a watermark never moves back
    write_page(feed, "app", [], [], FeedStateUpdate(url="u", watermark=dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)))
    assert feed_state(feed, "app").watermark == dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.timezone.utc)


def test_a_store_reject_is_kept_with_the_record_as_it_came(store, world, login_role):
    _, connect = login_role("jitasa_feed")
    feed = connect()
    records, rejects = records_from_page(_page([feed_json("far-tambon", location=None, tambon="Atlantis")]))
    assert rejects == [] and len(records) == 1
    result = write_page(feed, "app", records, rejects)
    assert result.counts["rejected"] == 1 and result.outcomes == [("far-tambon", "rejected", None)]
    assert superuser(store, "SELECT reason, detail, raw->>'tambon' FROM jitasa.import_reject") == [
        ("unknown_tambon", {"value": "Atlantis"}, "Atlantis")
    ]


def test_a_failing_page_writes_nothing(store, world, login_role):
    _, connect = login_role("jitasa_feed")
    feed = connect()
    records, rejects = records_from_page(_page([feed_json("a"), feed_json("b", category="x")]))
    with pytest.raises(psycopg2.Error):  # the state's url is required: the whole page rolls back
        write_page(feed, "app", records, rejects, FeedStateUpdate(url=None))
    assert superuser(store, "SELECT count(*) FROM jitasa.help_request") == [(0,)]
    assert superuser(store, "SELECT count(*) FROM jitasa.import_reject") == [(0,)]
    kept = feed_state(feed, "app")  # as registered: the page's state rolled back with it
    assert kept.cursor is None and kept.last_outcome is None and kept.page_digests == {}


# --- Hypothesis: any JSON ---------------------------------------------------------------------------------

_json_text = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=30)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _json_text
)
_json = st.recursive(
    _scalars, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(_json_text, kids, max_size=3), max_leaves=8
)
_field_values = {
    # no NUL: jsonb cannot hold \u0000, so the cast refuses such a page before the function sees it; the
    # plugin scrubs NUL before it sends a page (core.request_records, tested there)
    "source_id": st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=5)
    | st.integers()
    | _json,
    "category": st.sampled_from(["oxygen", "medicine", "OTHER", "x", ""]) | _json,
    "urgency": st.sampled_from(["critical", "low", "soon"]) | _json,
    "people_count": st.integers(-5, 200000) | _json,
    "lon": st.floats(90, 110, allow_nan=False) | _json,
    "lat": st.floats(0, 25, allow_nan=False) | _json,
    "tambon": st.sampled_from(["670101", "ในเมือง", "Sadiang", "TH670102"]) | _json,
    "updated_at": st.sampled_from(["2026-03-01T08:00:00+07:00", "2026-13-01T00:00:00Z", "yesterday"]) | _json,
    "expired": st.booleans() | _json,
    "note": _json_text | _json,
}
_record = st.fixed_dictionaries({}, optional=_field_values) | _json


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.lists(_record, max_size=8))
def test_any_json_element_is_taken_or_refused_never_an_error(store, world, page):
    source = f"h-{uuid.uuid4().hex[:8]}"
    register(store, source)
    c = store.connect()
    try:
        with c.cursor() as cur:
            cur.execute("SET ROLE jitasa_feed")
            cur.execute(UPSERT, (source, json.dumps(page)))
            rows = cur.fetchall()
        c.commit()
    finally:
        c.close()
    assert len(rows) == len(page)
    for _source_id, request_id, outcome, detail in rows:
        assert outcome in {"new", "rejected", "expired_new"}, outcome  # a fresh source: nothing else
        if outcome == "rejected":
            assert request_id is None and detail["reason"]
        elif outcome == "new":
            assert request_id is not None
    taken = {r[0] for r in rows if r[2] == "new"}
    assert superuser(store, "SELECT count(*) FROM jitasa.help_request WHERE source = %s", (source,)) == [(len(taken),)]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    page=st.lists(
        st.fixed_dictionaries(
            {"id": st.text(max_size=4)},
            optional={
                "category": st.sampled_from(["oxygen", "อาหาร", "nope"]) | _json,
                "location": st.fixed_dictionaries(
                    {"type": st.just("Point"), "coordinates": st.lists(st.floats(), min_size=2, max_size=2)}
                )
                | _json,
                "tambon": st.sampled_from(["670101", "Atlantis"]) | _json,
                "updated_at": st.sampled_from(["2026-03-01T08:00:00+07:00", "2026-03-01", "nope"]) | _json,
                "requester": st.fixed_dictionaries({}, optional={"phone": _json_text, "name": st.text()}) | _json,
                "note": st.text(),
            },
        )
        | _json,
        max_size=8,
    )
)
def test_any_page_through_write_page_is_written_whole_or_refused(store, world, page):
    source = f"w-{uuid.uuid4().hex[:8]}"
    register(store, source)
    records, rejects = records_from_page({"records": page})
    assert len(records) + len(rejects) == len(page)
    c = store.connect()
    try:
        with c.cursor() as cur:
            cur.execute("SET ROLE jitasa_feed")
        c.commit()
        result = write_page(c, source, records, rejects)
    finally:
        c.close()
    taken = result.counts["new"]
    assert taken + result.counts["rejected"] + result.counts["expired_new"] == len(page)
    assert all(r.reason for r in result.rejects)
    assert superuser(store, "SELECT count(*) FROM jitasa.help_request WHERE source = %s", (source,)) == [(taken,)]


def test_a_newer_time_alone_is_no_change_and_a_tambon_name_may_carry_its_prefix(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    upsert(feed, [rec("a", note="same")])
    before = audit_count(store)
    rows = upsert(feed, [rec("a", note="same", updated_at="2026-03-09T08:00:00+07:00")])
    assert outcomes(rows) == {"a": "unchanged"} and audit_count(store) == before
    rows = upsert(
        feed,
        [
            rec(f"t{i}", lon=None, lat=None, tambon=name)
            for i, name in enumerate(["ต.สะเดียง", "ตำบล สะเดียง", "TH670102"])
        ],
    )
    assert [r[2] for r in rows] == ["new"] * 3
    assert superuser(store, "SELECT DISTINCT tambon_code FROM jitasa.help_request WHERE location_basis = 'tambon'") == [
        ("670102",)
    ]


# --- tambon codes set-based, the expiry sweep, registered sources only --------------------------------------


def test_tambon_codes_are_derived_for_the_page_and_nobody_plants_one(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    # across both tambons and outside every one; each record also names a wrong code, which is ignored
    points = [(100.05 + 0.1 * i, 16.5 + 0.01 * i) for i in range(20)] + [(103.0, 16.5)]
    rows = upsert(feed, [rec(f"p{i}", lon=x, lat=y, tambon_code="670201") for i, (x, y) in enumerate(points)])
    assert {r[2] for r in rows} == {"new"}
    got = dict(superuser(store, "SELECT source_id, tambon_code FROM jitasa.help_request WHERE source = 'app'"))
    want = {f"p{i}": ("670101" if x < 101 else "670201" if x < 102 else None) for i, (x, y) in enumerate(points)}
    assert got == want
    # the same answer as the per-row lookup of every other writer
    assert superuser(
        store,
        "SELECT count(*) FROM jitasa.help_request WHERE tambon_code IS DISTINCT FROM jitasa.tambon_code_at(geom)",
    ) == [(0,)]
    # a point moved by the feed is coded again by the trigger
    upsert(feed, [rec("p0", lon=101.5, lat=16.5, updated_at="2026-03-02T08:00:00+07:00")])
    assert superuser(store, "SELECT tambon_code FROM jitasa.help_request WHERE source_id = 'p0'") == [("670201",)]
    # an admin writing a code of their own gets the derived one; an officer may not write one at all
    admin = login_conn("jitasa_admin")
    with admin.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (source, source_id, category, geom, tambon_code) "
            "VALUES ('manual', 'planted', 'oxygen', %s, '670201') RETURNING tambon_code",
            (POINT,),
        )
        assert cur.fetchone() == ("670101",)
        cur.execute(
            "UPDATE jitasa.help_request SET tambon_code = '670201' WHERE source_id = 'planted' RETURNING tambon_code"
        )
        assert cur.fetchone() == ("670101",)
    admin.commit()
    officer = login_conn("jitasa_officer")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege), officer.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (source, source_id, category, geom, tambon_code) "
            "VALUES ('manual', 'o1', 'oxygen', %s, '670201')",
            (POINT,),
        )
    officer.rollback()
    with officer.cursor() as cur:  # without one: derived (the trigger runs as the officer)
        cur.execute(
            "INSERT INTO jitasa.help_request (source, source_id, category, geom) "
            "VALUES ('manual', 'o2', 'oxygen', %s) RETURNING tambon_code",
            (POINT,),
        )
        assert cur.fetchone() == ("670101",)
    officer.commit()


def test_the_expiry_sweep_closes_new_and_assigned_frees_the_volunteer_and_keeps_work_in_progress(
    store, world, login_conn
):
    from jitasa_qgis.store.request_feed import close_expired

    feed = login_conn("jitasa_feed")
    soon = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=2)).isoformat()
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)).isoformat()
    rows = upsert(feed, [rec(s, expires_at=soon) for s in ("n", "a", "w")] + [rec("later", expires_at=later)])
    ids = {r[0]: r[1] for r in rows}
    officer_assign(store, ids["a"], world["volunteer"])
    officer_assign(store, ids["w"], world["volunteer"], start=True)
    assert close_expired(feed, "app") == 0
    dt_left = (dt.datetime.fromisoformat(soon) - dt.datetime.now(dt.timezone.utc)).total_seconds()
    import time

    time.sleep(max(0.0, dt_left) + 0.2)
    before = audit_count(store)
    assert close_expired(feed, "app") == 2
    assert dict(superuser(store, "SELECT source_id, status::text || '/' || coalesce(closure_reason, '') "
                                 "FROM jitasa.help_request")) == {
        "n": "cancelled/feed_expired", "a": "cancelled/feed_expired", "w": "in_progress/", "later": "new/"
    }  # fmt: skip
    assert superuser(store, "SELECT active_count FROM jitasa.volunteer") == [(1,)]  # freed from 'a' only
    assert superuser(
        store, "SELECT status::text, reason FROM jitasa.assignment WHERE request_id = %s", (ids["a"],)
    ) == [("cancelled", "feed_expired")]
    assert audit_count(store) == before + 2  # one audit row per closed request
    assert close_expired(feed, "app") == 0  # nothing left to close
    # the feed role sweeps only a registered source
    with pytest.raises(psycopg2.errors.InsufficientPrivilege):
        close_expired(feed, "other")
    # the sweep reads the partial index
    plan = superuser(
        store,
        "EXPLAIN SELECT id FROM jitasa.help_request WHERE source = 'app' AND expires_at IS NOT NULL "
        "AND status IN ('new', 'assigned') AND is_open AND expires_at <= now()",  # as the sweep asks (0020)
    )
    assert "help_request_feed_expiry_idx" in " ".join(r[0] for r in plan)


def test_the_feed_role_writes_only_registered_sources_and_registers_none(store, world, login_conn):
    feed = login_conn("jitasa_feed")
    with pytest.raises(psycopg2.errors.InsufficientPrivilege) as refused, feed.cursor() as cur:
        cur.execute(UPSERT, ("unregistered", json.dumps([rec("x")])))
    assert refused.value.diag.message_detail == "feed_not_registered"
    feed.rollback()
    for sql in (
        "INSERT INTO jitasa.feed_state (source, url) VALUES ('mine', 'u')",
        "SELECT jitasa.register_feed('mine', 'u')",
        "UPDATE jitasa.feed_state SET source = 'renamed'",
    ):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege), feed.cursor() as cur:
            cur.execute(sql)
        feed.rollback()
    assert superuser(store, "SELECT count(*) FROM jitasa.help_request") == [(0,)]
    # an admin may not register a file import's source as a feed
    upsert(login_conn("jitasa_officer"), [rec("f1")], source="hotline.xlsx")
    admin = login_conn("jitasa_admin")
    with pytest.raises(psycopg2.errors.UniqueViolation) as in_use, admin.cursor() as cur:
        cur.execute("SELECT jitasa.register_feed('hotline.xlsx', 'u')")
    assert in_use.value.diag.message_detail == "feed_source_in_use"
