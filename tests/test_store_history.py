"""The lean audit (issue 14) on a real PostgreSQL: update rows hold only the changed columns with the actor,
the acting role, the transaction and the run; rows rebuilt at past times from the deltas equal what the
table held then; rows written in the older whole-row format stay readable; a request's history; the log
refuses changes also from its owner (020_triggers.sql, 070_audit.sql, store/history.py)."""

from __future__ import annotations

import json
import time

import psycopg2
import pytest

from jitasa_qgis.store.assignments import confirm_assignments, create_run, propose_assignments
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.history import live_row, request_history, row_at
from jitasa_qgis.store.operations import change_request_status

AREAS = [
    ("province", "67", None, "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("amphoe", "6701", "67", "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("tambon", "670101", "6701", "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))"),
    ("tambon", "670102", "6701", "MULTIPOLYGON(((1 0,2 0,2 1,1 1,1 0)))"),
]
_MOVE = "UPDATE jitasa.help_request SET geom = ST_SetSRID(ST_MakePoint(%s, %s), 4326) WHERE id = %s"
_LOG_DIGEST = "SELECT count(*), max(id), md5(string_agg(new_row::text, ',' ORDER BY id)) FROM jitasa.audit_log"


@pytest.fixture
def su(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        for level, code, parent, wkt in AREAS:
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) "
                "VALUES (%s, %s, %s, %s, ST_GeomFromText(%s, 4326))",
                (level, code, parent, code, wkt),
            )
    yield c
    c.close()


def _one(c, query, params=()):
    with c.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchone()


def _all(c, query, params=()):
    with c.cursor() as cur:
        cur.execute(query, params)
        return cur.fetchall()


def _request(c, x=0.5, note=None) -> int:
    return _one(
        c,
        "INSERT INTO jitasa.help_request (category, geom, note) VALUES ('food_supplies', "
        "ST_SetSRID(ST_MakePoint(%s, 0.5), 4326), %s) RETURNING id",
        (x, note),
    )[0]


def _volunteer(c, x=0.5) -> int:
    return _one(
        c,
        "INSERT INTO jitasa.volunteer (name, kind, capacity, geom) "
        "VALUES ('v', 'student', 2, ST_SetSRID(ST_MakePoint(%s, 0.5), 4326)) RETURNING id",
        (x,),
    )[0]


def _officer(login_role):
    name, connect = login_role("jitasa_officer")
    c = connect(autocommit=False)
    with c.cursor() as cur:
        cur.execute("SET ROLE jitasa_officer")
    c.commit()
    return name, c


def test_update_rows_hold_only_changed_columns_with_transaction_and_run(su, login_role):
    officer, oc = _officer(login_role)
    reqs = [_request(su, 0.2 + 0.1 * i) for i in range(3)]
    vols = [_volunteer(su, 0.3 + 0.1 * i) for i in range(3)]
    run = create_run(oc, "manual")
    propose_assignments(oc, run, reqs, vols, [5.0, 6.0, 7.0])
    result = confirm_assignments(oc, run)
    assert result.confirmed == 3
    rows = _all(
        su,
        "SELECT table_name, row_id, actor, acting_role, run_id, xact_id, is_delta, old_row, new_row "
        "FROM jitasa.audit_log WHERE operation = 'update' AND table_name IN "
        "('assignment', 'help_request', 'volunteer') ORDER BY id",
    )
    confirm = [r for r in rows if r[0] != "assignment" or r[8].get("status") == "active"]
    assert sorted((r[0], r[1]) for r in confirm) == sorted(
        [("help_request", i) for i in reqs]
        + [("volunteer", i) for i in vols]
        + [("assignment", r.assignment_id) for r in result.rows]
    )
    assert {(r[2], r[3], r[4], r[6]) for r in confirm} == {(officer, "jitasa_officer", run, True)}
    assert len({r[5] for r in confirm}) == 1 and confirm[0][5] is not None  # one transaction
    changed = {"assignment": {"status"}, "help_request": {"status"}, "volunteer": {"active_count"}}
    for table, _rid, *_, old, new in confirm:
        assert set(old) == set(new) == changed[table] | {"version", "updated_at"}
        assert new["version"] == old["version"] + 1
    by_table = {r[0]: r for r in confirm}
    assert (by_table["help_request"][7]["status"], by_table["help_request"][8]["status"]) == ("new", "assigned")
    assert (by_table["volunteer"][7]["active_count"], by_table["volunteer"][8]["active_count"]) == (0, 1)
    # the transaction id is the writer's
    with oc.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET note = 'x' WHERE id = %s", (reqs[0],))
        cur.execute("SELECT txid_current()")
        xact = cur.fetchone()[0]
    oc.commit()
    last = _one(su, "SELECT xact_id, new_row FROM jitasa.audit_log ORDER BY id DESC LIMIT 1")
    assert last[0] == xact and set(last[1]) == {"note", "version", "updated_at"}


def test_a_moved_point_is_kept_as_hex_ewkb_only_when_it_moved(su):
    rid = _request(su)
    with su.cursor() as cur:
        cur.execute(_MOVE, (1.5, 0.5, rid))
        cur.execute("UPDATE jitasa.help_request SET urgency = 'high' WHERE id = %s", (rid,))
    moved, other = _all(
        su,
        "SELECT old_row, new_row FROM jitasa.audit_log WHERE operation = 'update' AND row_id = %s ORDER BY id",
        (rid,),
    )
    # the move changed the point and with it the tambon
    assert set(moved[1]) == {"geom", "tambon_code", "version", "updated_at"}
    assert _one(su, "SELECT ST_AsText(%s::geometry), ST_SRID(%s::geometry)", (moved[1]["geom"],) * 2) == (
        "POINT(1.5 0.5)",
        4326,
    )
    assert (moved[0]["tambon_code"], moved[1]["tambon_code"]) == ("670101", "670102")
    assert set(other[1]) == {"urgency", "version", "updated_at"}


def test_rows_rebuilt_at_past_times_equal_what_the_table_held(su, login_role):
    _officer_name, oc = _officer(login_role)
    rid = _request(su, note="first")
    vid = _volunteer(su)
    snapshots = []

    def snap():
        snapshots.append(
            (_one(su, "SELECT clock_timestamp()")[0], live_row(su, "help_request", rid), live_row(su, "volunteer", vid))
        )
        time.sleep(0.01)

    snap()
    with su.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET note = 'second', people_count = 3 WHERE id = %s", (rid,))
    snap()
    with su.cursor() as cur:
        cur.execute(_MOVE, (1.2, 0.7, rid))
        cur.execute("UPDATE jitasa.volunteer SET available = false WHERE id = %s", (vid,))
        cur.execute("UPDATE jitasa.volunteer SET available = true, capacity = 3 WHERE id = %s", (vid,))
    snap()
    run = create_run(oc, "manual")
    propose_assignments(oc, run, [rid], [vid], [4.0])
    confirm_assignments(oc, run)
    snap()
    version = _one(su, "SELECT version FROM jitasa.help_request WHERE id = %s", (rid,))[0]
    change_request_status(oc, rid, version, "in_progress")
    snap()
    with su.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET note = NULL WHERE id = %s", (rid,))
    snap()

    for at, request, volunteer in snapshots:
        assert row_at(su, "help_request", rid, at) == request
        assert row_at(su, "volunteer", vid, at) == volunteer
    assert row_at(su, "help_request", rid) == live_row(su, "help_request", rid)
    # the typed row: the same as the table's
    same = _one(
        su,
        "SELECT jsonb_populate_record(NULL::jitasa.help_request, jitasa.audit_row_at('help_request', %s))::text "
        "= (SELECT h::text FROM jitasa.help_request h WHERE h.id = %s)",
        (rid, rid),
    )[0]
    assert same
    # before its insert and after its delete a row did not exist
    sid = _one(
        su,
        "INSERT INTO jitasa.service_area (name, geom) VALUES ('z', "
        "ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326))) RETURNING id",
    )[0]
    t_inserted = _one(su, "SELECT clock_timestamp()")[0]
    with su.cursor() as cur:
        cur.execute("DELETE FROM jitasa.service_area WHERE id = %s", (sid,))
    assert row_at(su, "service_area", sid, snapshots[0][0]) is None
    assert row_at(su, "service_area", sid, t_inserted)["name"] == "z"
    assert row_at(su, "service_area", sid) is None


def test_every_row_rebuilt_now_equals_the_live_row(su, login_role):
    _name, oc = _officer(login_role)
    reqs = [_request(su, 0.1 * (i + 1)) for i in range(6)]
    vols = [_volunteer(su, 0.15 * (i + 1)) for i in range(4)]
    run = create_run(oc, "manual")
    propose_assignments(oc, run, reqs[:4], vols, [3.0] * 4)
    confirm_assignments(oc, run)
    with su.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET urgency = 'critical' WHERE id = ANY(%s)", (reqs[::2],))
    mismatched = _all(
        su,
        """SELECT t, x.id FROM (VALUES ('help_request'), ('volunteer'), ('assignment'), ('assignment_run')) v(t)
             CROSS JOIN LATERAL (SELECT DISTINCT row_id AS id FROM jitasa.audit_log WHERE table_name = v.t) x
            WHERE jitasa.audit_row_at(t, x.id) IS DISTINCT FROM jitasa.audit_live_row(t, x.id)""",
    )
    assert mismatched == []


def _forge_old_rows(su, rows):
    """Rows in the pre-0020 format, written as the superuser with the insert guard switched off for the
    moment (as rows written by the old trigger were); the guard is on again before the test goes on."""
    with su.cursor() as cur:
        cur.execute("ALTER TABLE jitasa.audit_log DISABLE TRIGGER audit_log_insert_only_from_audit")
        try:
            for table, op, row_id, at, old, new in rows:
                cur.execute(
                    "INSERT INTO jitasa.audit_log (at, actor, acting_role, table_name, operation, row_id, old_row, "
                    "new_row) VALUES (%s, 'someone', 'jitasa_officer', %s, %s, %s, %s, %s)",
                    (at, table, op, row_id, json.dumps(old) if old else None, json.dumps(new) if new else None),
                )
        finally:
            cur.execute("ALTER TABLE jitasa.audit_log ENABLE TRIGGER audit_log_insert_only_from_audit")


def test_rows_in_the_old_whole_row_format_stay_readable(su):
    # a request with a whole-row history from before 0007 (GeoJSON) and 0020 (whole old and new rows)
    base = {"id": 900001, "category": "food_supplies", "status": "new", "note": "old", "version": 1}
    geo = {"type": "Point", "coordinates": [0.5, 0.5]}
    _forge_old_rows(
        su,
        [
            ("help_request", "insert", 900001, "2024-01-01T00:00:00Z", None, {**base, "geom": geo}),
            (
                "help_request",
                "update",
                900001,
                "2024-01-02T00:00:00Z",
                base,
                {**base, "status": "assigned", "version": 2},
            ),
            (
                "help_request",
                "update",
                900001,
                "2024-01-03T00:00:00Z",
                {**base, "status": "assigned", "version": 2},
                {**base, "status": "done", "version": 3},
            ),
        ],
    )
    at = _one(su, "SELECT jitasa.audit_row_at('help_request', 900001, '2024-01-02T12:00:00Z')")[0]
    assert (at["status"], at["version"], at["note"]) == ("assigned", 2, "old")
    assert _one(su, "SELECT ST_AsText(%s::geometry)", (at["geom"],))[0] == "POINT(0.5 0.5)"
    assert _one(su, "SELECT jitasa.audit_row_at('help_request', 900001, '2023-12-31T00:00:00Z')")[0] is None
    history = request_history(su, 900001)
    assert [(h.operation, h.old_values, h.new_values) for h in history[1:]] == [
        ("update", {"status": "new", "version": 1}, {"status": "assigned", "version": 2}),
        ("update", {"status": "assigned", "version": 2}, {"status": "done", "version": 3}),
    ]
    assert all(h.xact_id is None for h in history)

    # a row whose insert predates the trail: rebuilt backwards from the live row with the old values
    back = _one(
        su, "SELECT jitasa.audit_row_at('volunteer', %s, '2020-01-01T00:00:00Z')", (_volunteer_without_trail(su),)
    )[0]
    assert (back["available"], back["capacity"]) == (True, 5)


def _volunteer_without_trail(su) -> int:
    """A volunteer whose insert left no audit row (written with the triggers off, as a bulk load before the
    audit existed would have), then changed with an old-format update row dated 2025."""
    with su.cursor() as cur:
        cur.execute("ALTER TABLE jitasa.volunteer DISABLE TRIGGER volunteer_audit_ins")
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, capacity, available) VALUES ('v', 'student', 2, false) "
            "RETURNING id"
        )
        vid = cur.fetchone()[0]
        cur.execute("ALTER TABLE jitasa.volunteer ENABLE TRIGGER volunteer_audit_ins")
    _forge_old_rows(
        su,
        [
            (
                "volunteer",
                "update",
                vid,
                "2025-01-01T00:00:00Z",
                {"id": vid, "available": True, "capacity": 5},
                {"id": vid, "available": False, "capacity": 2},
            )
        ],
    )
    return vid


def test_a_requests_history_says_who_assigned_and_who_changed_the_status(su, login_role):
    officer, oc = _officer(login_role)
    other, oc2 = _officer(login_role)
    rid = _request(su)
    vid = _volunteer(su)
    run = create_run(oc, "nearest")
    propose_assignments(oc, run, [rid], [vid], [12.0])
    confirm_assignments(oc, run)
    version = _one(su, "SELECT version FROM jitasa.help_request WHERE id = %s", (rid,))[0]
    change_request_status(oc2, rid, version, "in_progress")
    history = request_history(oc2, rid)
    story = [(h.table, h.operation, h.actor, h.new_values.get("status"), h.run_id) for h in history]
    assert story == [
        ("help_request", "insert", "postgres", "new", None),
        ("assignment", "insert", officer, "proposed", run),
        ("assignment", "update", officer, "active", run),
        ("help_request", "update", officer, "assigned", run),
        ("help_request", "update", other, "in_progress", None),
    ]
    assert history[1].new_values["volunteer_id"] == vid
    assert history[3].old_values == {
        "status": "new",
        "version": 1,
        "updated_at": history[3].old_values["updated_at"],
    }
    assert all(h.acting_role == "jitasa_officer" for h in history[1:])
    assert history == sorted(history, key=lambda h: h.audit_id)
    assert request_history(oc2, 987654) == []


def test_roles_that_may_not_read_the_audit_get_a_clear_error(su, login_conn):
    rid = _request(su)
    analyst = login_conn("jitasa_analyst")
    with pytest.raises(StoreError, match="may not read the audit log"):
        request_history(analyst, rid)
    with pytest.raises(StoreError, match="Not a valid id"):
        request_history(analyst, "1; DROP TABLE x")
    with pytest.raises(StoreError, match="not a table the audit keeps"):
        row_at(analyst, "audit_log", 1)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE jitasa.audit_log SET actor = 'someone else'",
        'UPDATE jitasa.audit_log SET new_row = new_row || \'{"status": "done"}\'',
        "DELETE FROM jitasa.audit_log",
        "TRUNCATE jitasa.audit_log",
        "INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, is_delta, new_row) "
        "VALUES ('x', 'x', 'help_request', 'update', 1, true, '{}')",
    ],
)
def test_the_audit_refuses_changes_also_from_its_owner(su, statement):
    _request(su)
    before = _one(su, _LOG_DIGEST)
    for role in ("jitasa_owner", None):  # the owner of every function, then the superuser itself
        with pytest.raises(psycopg2.Error) as info, su.cursor() as cur:
            if role:
                cur.execute(f"SET ROLE {role}")
            cur.execute(statement)
        assert info.value.pgcode == "42501"
        with su.cursor() as cur:
            cur.execute("RESET ROLE")
    assert _one(su, _LOG_DIGEST) == before


def test_a_scoped_officer_reads_only_the_history_of_requests_he_sees(su, login_role):
    rid = _request(su)  # in tambon 670101 (amphoe 6701)
    _name, connect = login_role("jitasa_officer", scope="6702")
    elsewhere = connect(autocommit=False)
    assert request_history(elsewhere, rid) == []
    _name, connect = login_role("jitasa_officer", scope="6701")
    here = connect(autocommit=False)
    assert [h.operation for h in request_history(here, rid)] == ["insert"]
