"""Store roles on a real PostgreSQL: each role logs in as itself and gets only what it needs.

Login roles are cluster-wide, so each test creates its own with a unique name and drops it afterwards.
"""

from __future__ import annotations

import json

import psycopg2
import psycopg2.errors
import pytest

TAMBON_A = "SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))"
TAMBON_B = "SRID=4326;MULTIPOLYGON(((1 0,2 0,2 1,1 1,1 0)))"
IN_A = "SRID=4326;POINT(0.5 0.5)"
IN_B = "SRID=4326;POINT(1.5 0.5)"
ZONE = "SRID=4326;MULTIPOLYGON(((0 0,3 0,3 3,0 3,0 0)))"
GROUPS = ["jitasa_admin", "jitasa_officer", "jitasa_analyst", "jitasa_feed"]


@pytest.fixture
def data(store):
    """Tambons 670101 / 670102, one request with contact details, one volunteer, one facility. Superuser."""
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES "
            "('tambon', '670101', 'a', %s), ('tambon', '670102', 'b', %s)",
            (TAMBON_A, TAMBON_B),
        )
        cur.execute(
            "INSERT INTO jitasa.help_request (source, source_id, category, requester_name, "
            "requester_phone, geom) VALUES ('app', 'other-1', 'oxygen', 'Somchai', '0812345678', %s) "
            "RETURNING id",
            (IN_A,),
        )
        rid = cur.fetchone()[0]
        # the feed role writes only a registered feed (P1: jitasa.check_feed_source)
        cur.execute("INSERT INTO jitasa.feed_state (source, url) VALUES ('app', 'https://app.example/feed')")
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, phone, kind, geom, capacity) "
            "VALUES ('Malee', '0899999999', 'village_health_volunteer', %s, 2) RETURNING id",
            (IN_B,),
        )
        vid = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, geom) VALUES ('rph', 'hospital', %s) " "RETURNING id", (IN_A,)
        )
        fid = cur.fetchone()[0]
        cur.execute("INSERT INTO jitasa.assignment (request_id, volunteer_id) VALUES (%s, %s) RETURNING id", (rid, vid))
        aid = cur.fetchone()[0]
    c.close()
    return {"request": rid, "volunteer": vid, "facility": fid, "assignment": aid}


def _superuser_one(store, sql, params=()):
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchone()
    finally:
        c.close()


def _refused(conn, sql, params=()):
    """The statement fails for lack of privilege (SQLSTATE 42501)."""
    with pytest.raises(psycopg2.errors.InsufficientPrivilege), conn.cursor() as cur:
        cur.execute(sql, params)
    if not conn.autocommit:
        conn.rollback()


def _ok(conn, sql, params=()):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall() if cur.description else cur.rowcount


# --- feed ----------------------------------------------------------------------------------------


def test_feed_cannot_read_volunteers_or_personal_data(data, login_role):
    _, connect = login_role("jitasa_feed")
    feed = connect()
    _refused(feed, "SELECT * FROM jitasa.volunteer")
    _refused(feed, "SELECT id FROM jitasa.volunteer")
    _refused(feed, "SELECT phone FROM jitasa.volunteer")
    _refused(feed, "SELECT name FROM jitasa.volunteer")
    _refused(feed, "SELECT requester_phone FROM jitasa.help_request")
    _refused(feed, "SELECT requester_name FROM jitasa.help_request WHERE id = %s", (data["request"],))
    _refused(feed, "SELECT * FROM jitasa.help_request")
    _refused(feed, "SELECT count(*) FROM jitasa.help_request WHERE requester_phone LIKE '08%%'")
    for table in ("admin_area", "facility", "assignment", "assignment_run", "service_area", "audit_log"):
        _refused(feed, f"SELECT 1 FROM jitasa.{table}")  # noqa: S608
    # Not even its own rows: it writes through jitasa.upsert_feed_requests, which tells it each outcome.
    _refused(feed, "SELECT source, source_id, status, version FROM jitasa.help_request")


def _feed_upsert(conn, *records):
    with conn.cursor() as cur:
        cur.execute(
            "SELECT source_id, request_id, outcome FROM jitasa.upsert_feed_requests('app', %s)",
            (json.dumps(list(records)),),
        )
        return cur.fetchall()


def test_feed_writes_requests_only_through_the_upsert_and_tambon_is_derived(store, data, login_role):
    feed_name, connect = login_role("jitasa_feed")
    feed = connect(autocommit=False)
    _refused(feed, "INSERT INTO jitasa.help_request (source, source_id, category) VALUES ('app', 'r-0', 'oxygen')")
    _refused(feed, "UPDATE jitasa.help_request SET note = 'x' WHERE source = 'app'")
    # (these test tambons lie outside Thailand, so the records are placed by their tambon, not by a point)
    record = {
        "source_id": "r-1",
        "category": "patient_transport",
        "urgency": "high",
        "people_count": 2,
        "requester_name": "Nok",
        "requester_phone": "0811111111",
        "tambon": "670101",
        "updated_at": "2026-01-01T08:00:00+07:00",
    }
    [(_, rid, outcome)] = _feed_upsert(feed, record)
    feed.commit()
    assert outcome == "new"
    assert _superuser_one(
        store, "SELECT tambon_code, version, requester_phone FROM jitasa.help_request WHERE id = %s", (rid,)
    ) == ("670101", 1, "0811111111")

    moved = dict(record, tambon="670102", note="moved", updated_at="2026-01-01T09:00:00+07:00")
    assert _feed_upsert(feed, moved) == [("r-1", rid, "updated")]
    feed.commit()
    assert _superuser_one(
        store, "SELECT tambon_code, version, note FROM jitasa.help_request WHERE id = %s", (rid,)
    ) == ("670102", 2, "moved")

    # Its changes are audited under its own name.
    assert _superuser_one(
        store,
        "SELECT array_agg(operation ORDER BY id), min(actor), max(actor) FROM jitasa.audit_log "
        "WHERE table_name = 'help_request' AND row_id = %s",
        (rid,),
    ) == (["insert", "update"], feed_name, feed_name)


def test_feed_cannot_do_what_officers_do(data, login_role):
    _, connect = login_role("jitasa_feed")
    feed = connect()
    rid = data["request"]
    _refused(feed, "UPDATE jitasa.help_request SET status = 'done' WHERE id = %s", (rid,))
    _refused(feed, "UPDATE jitasa.help_request SET tambon_code = '670102' WHERE id = %s", (rid,))
    _refused(feed, "UPDATE jitasa.help_request SET version = 1 WHERE id = %s", (rid,))
    _refused(feed, "DELETE FROM jitasa.help_request WHERE id = %s", (rid,))
    _refused(feed, "INSERT INTO jitasa.help_request (category, status) VALUES ('oxygen', 'done')")
    _refused(feed, "INSERT INTO jitasa.help_request (category) VALUES ('oxygen') RETURNING requester_phone")
    _refused(feed, "INSERT INTO jitasa.assignment (request_id, volunteer_id) VALUES (%s, %s)", (rid, data["volunteer"]))
    _refused(feed, "UPDATE jitasa.volunteer SET available = false")


def test_set_role_feed_from_a_superuser_session_behaves_the_same(store, data):
    c = store.connect(autocommit=True)
    try:
        with c.cursor() as cur:
            cur.execute("SET ROLE jitasa_feed")
        _refused(c, "SELECT phone FROM jitasa.volunteer")
        _refused(c, "SELECT requester_phone FROM jitasa.help_request")
        _refused(c, "INSERT INTO jitasa.help_request (category, geom) VALUES ('medicine', %s)", (IN_B,))
        rows = _feed_upsert(c, {"source_id": "m-1", "category": "medicine", "tambon": "670102"})
        with c.cursor() as cur:
            cur.execute("RESET ROLE")
        assert _ok(c, "SELECT tambon_code FROM jitasa.help_request WHERE id = %s", (rows[0][1],)) == [("670102",)]
    finally:
        c.close()


# --- analyst -------------------------------------------------------------------------------------


def test_analyst_reads_maps_but_not_personal_data(data, login_role):
    _, connect = login_role("jitasa_analyst")
    an = connect()
    rows = _ok(
        an,
        "SELECT id, status::text, ST_AsText(geom), tambon_code, category::text, urgency::text "
        "FROM jitasa.help_request",
    )
    assert rows == [(data["request"], "new", "POINT(0.5 0.5)", "670101", "oxygen", "normal")]
    assert _ok(an, "SELECT kind::text, ST_AsText(geom), capacity FROM jitasa.volunteer") == [
        ("village_health_volunteer", "POINT(1.5 0.5)", 2)
    ]
    for table in ("admin_area", "facility", "service_area", "assignment", "assignment_run", "road_segment"):
        _ok(an, f"SELECT * FROM jitasa.{table}")  # noqa: S608
    _refused(an, "SELECT requester_phone FROM jitasa.help_request")
    _refused(an, "SELECT requester_name FROM jitasa.help_request")
    _refused(an, "SELECT * FROM jitasa.help_request")
    _refused(an, "SELECT phone FROM jitasa.volunteer")
    _refused(an, "SELECT name FROM jitasa.volunteer")
    _refused(an, "SELECT * FROM jitasa.volunteer")
    _refused(an, "SELECT * FROM jitasa.audit_log")  # old_row/new_row would hold the personal data


def test_analyst_never_assigns_or_changes_requests(data, login_role):
    _, connect = login_role("jitasa_analyst")
    an = connect()
    rid, vid, aid = data["request"], data["volunteer"], data["assignment"]
    _refused(an, "INSERT INTO jitasa.assignment (request_id, volunteer_id) VALUES (%s, %s)", (rid, vid))
    _refused(an, "UPDATE jitasa.assignment SET status = 'active' WHERE id = %s", (aid,))
    _refused(an, "DELETE FROM jitasa.assignment WHERE id = %s", (aid,))
    _refused(an, "INSERT INTO jitasa.assignment_run (method) VALUES ('nearest')")
    _refused(an, "UPDATE jitasa.help_request SET status = 'assigned' WHERE id = %s", (rid,))
    _refused(an, "INSERT INTO jitasa.help_request (category) VALUES ('oxygen')")
    _refused(an, "UPDATE jitasa.volunteer SET available = false WHERE id = %s", (vid,))


def test_analyst_draws_service_areas(store, data, login_role):
    analyst, connect = login_role("jitasa_analyst")
    an = connect()
    sid = _ok(
        an,
        "INSERT INTO jitasa.service_area (name, facility_id, method, minutes, geom) "
        "VALUES ('30 min', %s, 'drive_time', 30, %s) RETURNING id",
        (data["facility"], ZONE),
    )[0][0]
    assert _ok(an, "UPDATE jitasa.service_area SET name = '30 minutes' WHERE id = %s RETURNING version", (sid,)) == [
        (2,)
    ]
    assert _superuser_one(store, "SELECT created_by FROM jitasa.service_area WHERE id = %s", (sid,)) == (analyst,)
    assert _ok(an, "DELETE FROM jitasa.service_area WHERE id = %s", (sid,)) == 1
    assert _superuser_one(
        store,
        "SELECT array_agg(operation ORDER BY id), min(actor) FROM jitasa.audit_log "
        "WHERE table_name = 'service_area'",
    ) == (["insert", "update", "delete"], analyst)


# --- officer -------------------------------------------------------------------------------------


def test_officer_reads_phones_and_assigns(store, data, login_role):
    officer, connect = login_role("jitasa_officer")
    oc = connect(autocommit=False)
    rid, vid = data["request"], data["volunteer"]
    _superuser_one(store, "UPDATE jitasa.volunteer SET vehicle = 'car' WHERE id = %s RETURNING id", (vid,))
    with oc.cursor() as cur:
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT requester_name, requester_phone FROM jitasa.help_request WHERE id = %s", (rid,))
        assert cur.fetchone() == ("Somchai", "0812345678")
        cur.execute("SELECT name, phone FROM jitasa.volunteer WHERE id = %s", (vid,))
        assert cur.fetchone() == ("Malee", "0899999999")
        # Assigning goes through the guarded functions (plain writes of status are refused: issue 7).
        cur.execute("SELECT jitasa.create_run('manual')")
        run = cur.fetchone()[0]
        cur.execute(
            "SELECT assignment_id, outcome FROM jitasa.assign_pairs(%s, %s, %s, %s, true)", (run, [rid], [vid], [5.0])
        )
        aid, outcome = cur.fetchone()
        assert outcome == "confirmed"
        cur.execute("UPDATE jitasa.facility SET beds_free = 3 WHERE id = %s", (data["facility"],))
    oc.commit()
    assert _superuser_one(store, "SELECT status::text, created_by FROM jitasa.assignment WHERE id = %s", (aid,)) == (
        "active",
        officer,
    )
    assert _superuser_one(
        store,
        "SELECT acting_role, actor, run_id FROM jitasa.audit_log " "WHERE table_name = 'assignment' AND row_id = %s",
        (aid,),
    ) == ("jitasa_officer", officer, run)
    # ... and the one-active-assignment rule holds for officers too.
    with oc.cursor() as cur:
        cur.execute("SELECT jitasa.create_run('manual')")
        run2 = cur.fetchone()[0]
        cur.execute(
            "SELECT outcome, reason FROM jitasa.assign_pairs(%s, %s, %s, %s, true)", (run2, [rid], [vid], [5.0])
        )
        assert cur.fetchone() == ("refused", "request_already_assigned")
    oc.rollback()


def test_officer_cannot_change_personal_data_of_volunteers_or_delete_requests(data, login_role):
    _, connect = login_role("jitasa_officer")
    oc = connect()
    _refused(oc, "UPDATE jitasa.volunteer SET phone = '0' WHERE id = %s", (data["volunteer"],))
    _refused(oc, "DELETE FROM jitasa.help_request WHERE id = %s", (data["request"],))
    _refused(oc, "DELETE FROM jitasa.volunteer WHERE id = %s", (data["volunteer"],))
    _refused(
        oc, "INSERT INTO jitasa.admin_area (level, code, name_th, geom) " "VALUES ('tambon', '1', 'x', %s)", (TAMBON_A,)
    )


# --- audit log: only the trigger writes it ---------------------------------------------------------


@pytest.mark.parametrize("group", GROUPS)
def test_nobody_writes_the_audit_log_directly(store, data, login_role, group):
    _, connect = login_role(group)
    c = connect()
    before = _superuser_one(store, "SELECT count(*) FROM jitasa.audit_log")[0]
    assert before > 0
    _refused(
        c,
        "INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation) "
        "VALUES ('x', 'x', 'help_request', 'delete')",
    )
    with pytest.raises(psycopg2.Error) as info, c.cursor() as cur:
        cur.execute("UPDATE jitasa.audit_log SET actor = 'x'")
    assert info.value.pgcode == "42501"
    with pytest.raises(psycopg2.Error) as info, c.cursor() as cur:
        cur.execute("DELETE FROM jitasa.audit_log")
    assert info.value.pgcode == "42501"
    with pytest.raises(psycopg2.Error) as info, c.cursor() as cur:
        cur.execute("TRUNCATE jitasa.audit_log")
    assert info.value.pgcode == "42501"
    assert _superuser_one(store, "SELECT count(*) FROM jitasa.audit_log")[0] == before


def test_only_officers_and_admins_read_the_audit_log(data, login_role):
    for group, allowed in [
        ("jitasa_admin", True),
        ("jitasa_officer", True),
        ("jitasa_analyst", False),
        ("jitasa_feed", False),
    ]:
        _, connect = login_role(group)
        c = connect()
        if allowed:
            assert _ok(c, "SELECT count(*) FROM jitasa.audit_log")[0][0] > 0
        else:
            _refused(c, "SELECT count(*) FROM jitasa.audit_log")
