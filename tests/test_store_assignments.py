"""Assignment write-back (resources/sql/0006_assignment.sql and store/assignments.py) on a real PostgreSQL:
the eligibility table, proposing, confirming with per-row refusals, rejecting, ending and reassigning,
roles, bad input, and the solver's inputs per scope."""

from __future__ import annotations

import psycopg2
import psycopg2.errors
import pytest

from jitasa_qgis.definitions.eligibility import CATEGORY_NEEDS, needs_label
from jitasa_qgis.definitions.enums import RequestCategory, RequestStatus, Skill, VehicleKind
from jitasa_qgis.store.assignments import (
    EndAction,
    Outcome,
    Scope,
    assign_pairs,
    confirm_assignments,
    create_run,
    end_assignment,
    load_assignment_inputs,
    propose_assignments,
    reassign,
    reject_assignments,
)
from jitasa_qgis.store.errors import StaleWriteError, StoreError
from jitasa_qgis.store.operations import change_request_status

# Two amphoe: 6701 = tambons 670101 (x 0-1) and 670102 (x 1-2); 6702 = tambon 670201 (x 2-3). 1° ≈ 111 km.
AREAS = [
    ("province", "67", None, "MULTIPOLYGON(((0 0,3 0,3 1,0 1,0 0)))"),
    ("amphoe", "6701", "67", "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("amphoe", "6702", "67", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
    ("tambon", "670101", "6701", "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))"),
    ("tambon", "670102", "6701", "MULTIPOLYGON(((1 0,2 0,2 1,1 1,1 0)))"),
    ("tambon", "670201", "6702", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
]


class Store:
    """A superuser autocommit connection with helpers to add rows and read state."""

    def __init__(self, spec):
        self.spec = spec
        self.c = spec.connect(autocommit=True)
        with self.c.cursor() as cur:
            for level, code, parent, wkt in AREAS:
                cur.execute(
                    "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) "
                    "VALUES (%s, %s, %s, %s, ST_GeomFromText(%s, 4326))",
                    (level, code, parent, code, wkt),
                )

    def one(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()

    def all(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def request(self, category="food_supplies", urgency="normal", x=0.5, y=0.5, hours_ago=1.0, located=True) -> int:
        geom = f"SRID=4326;POINT({x} {y})" if located else None
        return self.one(
            "INSERT INTO jitasa.help_request (category, urgency, geom, created_at) "
            "VALUES (%s, %s, %s, now() - make_interval(secs => %s)) RETURNING id",
            (category, urgency, geom, hours_ago * 3600),
        )[0]

    def volunteer(self, skills=(), vehicle="none", capacity=1, available=True, x=0.5, y=0.5, located=True) -> int:
        geom = f"SRID=4326;POINT({x} {y})" if located else None
        return self.one(
            "INSERT INTO jitasa.volunteer (name, kind, skills, vehicle, capacity, available, geom) "
            "VALUES ('v', 'student', %s::jitasa.skill[], %s, %s, %s, %s) RETURNING id",
            (list(skills), vehicle, capacity, available, geom),
        )[0]

    def request_state(self, rid):
        return self.one("SELECT status::text, version FROM jitasa.help_request WHERE id = %s", (rid,))

    def volunteer_state(self, vid):
        return self.one("SELECT active_count, version FROM jitasa.volunteer WHERE id = %s", (vid,))

    def assignment(self, aid):
        return self.one(
            "SELECT status::text, reason, version, request_id, volunteer_id, run_id "
            "FROM jitasa.assignment WHERE id = %s",
            (aid,),
        )

    def run_status(self, run):
        return self.one("SELECT status::text FROM jitasa.assignment_run WHERE id = %s", (run,))[0]

    def counts(self):
        return self.one(
            "SELECT (SELECT count(*) FROM jitasa.assignment), (SELECT count(*) FROM jitasa.audit_log),"
            " (SELECT sum(version) FROM jitasa.help_request), (SELECT sum(version) FROM jitasa.volunteer)"
        )

    def check_invariants(self):
        assert (
            self.all(
                "SELECT request_id FROM jitasa.assignment WHERE status = 'active' "
                "GROUP BY request_id HAVING count(*) > 1"
            )
            == []
        )
        assert (
            self.all("""
            SELECT v.id FROM jitasa.volunteer v
             WHERE v.active_count > v.capacity OR v.active_count <> (
                   SELECT count(*) FROM jitasa.assignment a
                    WHERE a.volunteer_id = v.id AND a.status = 'active')""")
            == []
        )
        assert (
            self.all("""
            SELECT r.id FROM jitasa.help_request r
             WHERE (r.status = 'assigned' AND NOT EXISTS (
                       SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active'))
                OR (r.status IN ('new', 'done', 'cancelled') AND EXISTS (
                       SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active'))""")
            == []
        )


@pytest.fixture
def db(store):
    s = Store(store)
    yield s
    s.c.close()


@pytest.fixture
def officer_conn(store):
    c = store.connect()
    yield c
    c.close()


# --- the eligibility table --------------------------------------------------------------------------------


def test_category_need_table_matches_eligibility_definitions(db):
    rows = db.all(
        "SELECT category::text, alternative, skills::text[], vehicles::text[], label "
        "FROM jitasa.category_need ORDER BY category, alternative"
    )
    in_sql = {}
    for category, alternative, skills, vehicles, label in rows:
        in_sql.setdefault(category, []).append((alternative, frozenset(skills), frozenset(vehicles), label))
    in_python = {
        category.value: [
            (i + 1, frozenset(s.value for s in need.skills), frozenset(v.value for v in need.vehicles), need.label)
            for i, need in enumerate(needs)
        ]
        for category, needs in CATEGORY_NEEDS.items()
    }
    assert in_sql == in_python
    for category in RequestCategory:
        assert db.one("SELECT jitasa.category_needs_label(%s)", (category.value,))[0] == needs_label(category)


def test_volunteer_can_serve_agrees_with_the_python_rules(db):
    profiles = [
        ((), "none"),
        ((), "motorcycle"),
        ((), "car"),
        (("ppe_trained",), "motorcycle"),
        (("ppe_trained",), "pickup"),
        (("medical",), "none"),
        (("oxygen_handling",), "none"),
        (("ppe_trained", "medical", "oxygen_handling", "driving"), "ambulance"),
        (("first_aid",), "none"),
    ]
    for skills, vehicle in profiles:
        vid = db.volunteer(skills, vehicle)
        for category in RequestCategory:
            expected = any(
                set(need.skills) <= {Skill(s) for s in skills}
                and (not need.vehicles or VehicleKind(vehicle) in need.vehicles)
                for need in CATEGORY_NEEDS[category]
            )
            got = db.one(
                "SELECT jitasa.volunteer_can_serve(v, %s) FROM jitasa.volunteer v WHERE v.id = %s",
                (category.value, vid),
            )[0]
            assert got == expected, (skills, vehicle, category)


# --- propose and confirm ------------------------------------------------------------------------------------


def test_propose_then_confirm_writes_assignments_loads_statuses_and_audit(db, officer_conn):
    r1, r2, r3 = db.request("food_supplies"), db.request("patient_transport"), db.request("medical_help")
    v1 = db.volunteer(vehicle="car", capacity=2)
    v2 = db.volunteer(skills=["medical"], capacity=1)
    run = create_run(officer_conn, "optimal", "all", {"max_minutes": 30})
    proposed = propose_assignments(officer_conn, run, [r1, r2, r3], [v1, v1, v2], [5.5, 7.25, None])
    assert [(p.request_id, p.volunteer_id, p.outcome) for p in proposed.rows] == [
        (r1, v1, Outcome.PROPOSED),
        (r2, v1, Outcome.PROPOSED),
        (r3, v2, Outcome.PROPOSED),
    ]
    assert all(p.assignment_id for p in proposed.rows) and proposed.proposed == 3
    # proposals hold nothing yet
    assert db.volunteer_state(v1) == (0, 1) and db.request_state(r1) == ("new", 1)
    assert db.run_status(run) == "proposed"

    result = confirm_assignments(officer_conn, run)
    assert result.confirmed == 3 and result.refused == 0
    assert {r.assignment_id for r in result.rows} == {p.assignment_id for p in proposed.rows}
    for p in proposed.rows:
        assert db.assignment(p.assignment_id)[:2] == ("active", None)
    assert db.one(
        "SELECT travel_minutes, cost_is_estimate FROM jitasa.assignment WHERE id = %s",
        (proposed.rows[1].assignment_id,),
    ) == (7.25, True)
    assert [db.request_state(r)[0] for r in (r1, r2, r3)] == ["assigned"] * 3
    assert db.volunteer_state(v1)[0] == 2 and db.volunteer_state(v2)[0] == 1
    assert db.run_status(run) == "confirmed"
    db.check_invariants()

    # every change of the confirmation is on record with the run id
    audit = db.all("SELECT table_name, operation, row_id FROM jitasa.audit_log WHERE run_id = %s ORDER BY id", (run,))
    tables = {}
    for table, op, row_id in audit:
        tables.setdefault((table, op), set()).add(row_id)
    assert tables[("assignment_run", "insert")] == {run}
    assert tables[("assignment", "insert")] == {p.assignment_id for p in proposed.rows}
    assert tables[("assignment", "update")] == {p.assignment_id for p in proposed.rows}
    assert tables[("help_request", "update")] == {r1, r2, r3}
    assert tables[("volunteer", "update")] == {v1, v2}
    assert tables[("assignment_run", "update")] == {run}
    assert db.one("SELECT count(*) FROM jitasa.audit_log WHERE run_id IS NULL AND table_name = 'assignment'")[0] == 0
    # the run id was set for the functions only, not for the rest of the session
    with officer_conn.cursor() as cur:
        cur.execute("SELECT coalesce(current_setting('jitasa.run_id', true), '')")
        assert cur.fetchone()[0] == ""
    officer_conn.rollback()


def test_confirm_refuses_what_became_stale_with_a_reason_per_row(db, officer_conn, store):
    cat = {
        "taken": "food_supplies",
        "closed": "food_supplies",
        "started": "food_supplies",
        "away": "food_supplies",
        "unfit": "patient_transport",
        "full_a": "food_supplies",
        "full_b": "food_supplies",
        "ok": "medicine",
    }
    req = {k: db.request(c, urgency="critical" if k == "full_b" else "normal") for k, c in cat.items()}
    vol = {
        "taken": db.volunteer(),
        "closed": db.volunteer(),
        "started": db.volunteer(),
        "away": db.volunteer(),
        "unfit": db.volunteer(vehicle="motorcycle"),
        "full": db.volunteer(capacity=1),
        "ok": db.volunteer(capacity=3),
        "other": db.volunteer(),
    }
    pairs = [
        ("taken", "taken"),
        ("closed", "closed"),
        ("started", "started"),
        ("away", "away"),
        ("unfit", "unfit"),
        ("full_a", "full"),
        ("full_b", "full"),
        ("ok", "ok"),
    ]
    run = create_run(officer_conn, "nearest")
    # one proposal batch never overbooks a volunteer, so full_b comes in a second batch of the run
    first = [pair for pair in pairs if pair[0] != "full_b"]
    proposed = propose_assignments(officer_conn, run, [req[r] for r, _ in first], [vol[v] for _, v in first])
    proposed_b = propose_assignments(officer_conn, run, [req["full_b"]], [vol["full"]])
    assert proposed.proposed == len(first) and proposed_b.proposed == 1
    by_request = {p.request_id: p.assignment_id for p in proposed.rows + proposed_b.rows}

    # the world moves on
    other_run = create_run(officer_conn, "manual")
    assert assign_pairs(officer_conn, other_run, [req["taken"]], [vol["other"]]).confirmed == 1
    change_request_status(officer_conn, req["closed"], 1, RequestStatus.CANCELLED, "duplicate")
    change_request_status(officer_conn, req["started"], 1, RequestStatus.IN_PROGRESS)
    db.one("UPDATE jitasa.volunteer SET available = false WHERE id = %s RETURNING id", (vol["away"],))
    db.one("UPDATE jitasa.volunteer SET vehicle = 'none' WHERE id = %s RETURNING id", (vol["unfit"],))
    untouched = {k: (db.request_state(req[k]), db.volunteer_state(vol[v])) for k, v in pairs}

    result = confirm_assignments(officer_conn, run)
    reasons = {r.request_id: r.reason for r in result.rows}
    assert reasons == {
        req["taken"]: "request_already_assigned",
        req["closed"]: "request_closed",
        req["started"]: "request_in_progress",
        req["away"]: "volunteer_unavailable",
        req["unfit"]: "volunteer_not_eligible",
        req["full_a"]: "volunteer_full",  # the critical request of the two goes first
        req["full_b"]: None,
        req["ok"]: None,
    }
    details = {r.request_id: r.detail for r in result.rows}
    assert details == {
        req["taken"]: {"status": "assigned"},
        req["closed"]: {"status": "cancelled"},
        req["started"]: {"status": "in_progress"},
        req["away"]: None,
        req["unfit"]: {
            "category": "patient_transport",
            "needs": [{"skills": [], "vehicles": ["motorcycle", "car", "pickup", "ambulance"]}],
        },
        req["full_a"]: {"capacity": 1, "active_count": 0},
        req["full_b"]: None,
        req["ok"]: None,
    }
    assert result.refused_by_reason() == {
        "request_already_assigned": 1,
        "request_closed": 1,
        "request_in_progress": 1,
        "volunteer_unavailable": 1,
        "volunteer_not_eligible": 1,
        "volunteer_full": 1,
    }
    for key, _ in pairs:
        status, reason = db.assignment(by_request[req[key]])[:2]
        if reasons[req[key]] is None:
            assert (status, reason) == ("active", None)
        else:
            # the refused row is rejected with its reason; its request and volunteer were not written
            assert (status, reason) == ("rejected", reasons[req[key]])
            assert db.request_state(req[key]) == untouched[key][0]
            if key != "full_a":
                assert db.volunteer_state(vol[dict(pairs)[key]]) == untouched[key][1]
            assert (
                db.one(
                    "SELECT count(*) FROM jitasa.audit_log WHERE run_id = %s AND table_name = 'help_request' "
                    "AND row_id = %s",
                    (run, req[key]),
                )[0]
                == 0
            )
    assert db.request_state(req["full_b"])[0] == "assigned" and db.volunteer_state(vol["full"])[0] == 1
    assert db.run_status(run) == "partial"
    db.check_invariants()

    # confirming the same rows again: they are no longer proposals, nothing is written
    before = db.counts()
    again = confirm_assignments(officer_conn, run, [by_request[req["ok"]], by_request[req["taken"]]])
    assert sorted((r.reason, r.detail["status"]) for r in again.rows) == [
        ("not_proposed", "active"),
        ("not_proposed", "rejected"),
    ]
    assert db.counts() == before


def test_a_request_twice_in_one_batch_is_confirmed_once(db, officer_conn):
    rid = db.request()
    v1, v2 = db.volunteer(), db.volunteer()
    run = create_run(officer_conn, "manual")
    first = propose_assignments(officer_conn, run, [rid, rid], [v1, v2])
    assert [r.reason for r in first.rows] == [None, "request_twice_in_batch"]
    propose_assignments(officer_conn, run, [rid], [v2])  # a later call may propose it again
    result = confirm_assignments(officer_conn, run)
    assert [r.reason for r in result.rows] == [None, "request_twice_in_batch"]
    assert db.volunteer_state(v1)[0] == 1 and db.volunteer_state(v2)[0] == 0
    db.check_invariants()


def test_assign_pairs_confirms_directly_with_the_same_per_row_outcomes(db, officer_conn):
    r_ok, r_closed, r_unfit = db.request(), db.request(), db.request("infectious_transport")
    v = db.volunteer(vehicle="motorcycle", skills=["ppe_trained"], capacity=2)
    change_request_status(officer_conn, r_closed, 1, RequestStatus.CANCELLED, "duplicate")
    run = create_run(officer_conn, "nearest")
    result = assign_pairs(officer_conn, run, [r_ok, r_closed, r_unfit], [v, v, v], [3.0, 4.0, 5.0], False)
    assert [(r.outcome, r.reason) for r in result.rows] == [
        (Outcome.CONFIRMED, None),
        (Outcome.REFUSED, "request_closed"),
        (Outcome.REFUSED, "volunteer_not_eligible"),
    ]
    assert result.rows[2].detail == {
        "category": "infectious_transport",
        "needs": [{"skills": ["ppe_trained"], "vehicles": ["car", "pickup", "ambulance"]}],
    }
    assert result.rows[0].assignment_id and result.rows[1].assignment_id is None
    assert db.assignment(result.rows[0].assignment_id)[0] == "active"
    assert db.one("SELECT count(*) FROM jitasa.assignment WHERE run_id = %s", (run,))[0] == 1
    assert db.one("SELECT cost_is_estimate FROM jitasa.assignment WHERE run_id = %s", (run,))[0] is False
    assert db.volunteer_state(v)[0] == 1 and db.request_state(r_ok)[0] == "assigned"
    assert db.run_status(run) == "partial"
    db.check_invariants()


def test_reject_whole_run_or_some_rows(db, officer_conn):
    rs = [db.request() for _ in range(3)]
    v = db.volunteer(capacity=3)
    run = create_run(officer_conn, "optimal")
    ids = [p.assignment_id for p in propose_assignments(officer_conn, run, rs, [v] * 3).rows]
    assert reject_assignments(officer_conn, run, [ids[0]]) == 1
    assert db.assignment(ids[0])[:2] == ("rejected", "rejected_by_officer")
    assert db.run_status(run) == "partial"
    assert confirm_assignments(officer_conn, run).confirmed == 2
    assert db.run_status(run) == "partial"

    run2 = create_run(officer_conn, "optimal")
    r4 = db.request()
    propose_assignments(officer_conn, run2, [r4], [v])
    assert reject_assignments(officer_conn, run2) == 1
    assert db.run_status(run2) == "rejected" and db.request_state(r4) == ("new", 1)
    with pytest.raises(StoreError, match="already rejected"):
        propose_assignments(officer_conn, run2, [r4], [v])
    with pytest.raises(StoreError, match="not in run"):
        reject_assignments(officer_conn, run2, [ids[1]])


# --- capacity -----------------------------------------------------------------------------------------------


def test_a_volunteer_with_capacity_zero_is_never_assigned(db, officer_conn):
    r1, r2 = db.request(), db.request()
    zero, one = db.volunteer(capacity=0), db.volunteer(capacity=1)
    run = create_run(officer_conn, "nearest")
    assert [r.reason for r in propose_assignments(officer_conn, run, [r1], [zero]).rows] == ["volunteer_full"]
    assert [r.reason for r in assign_pairs(officer_conn, run, [r1], [zero]).rows] == ["volunteer_full"]
    assert db.run_status(run) == "rejected"
    aid = assign_pairs(officer_conn, create_run(officer_conn, "nearest"), [r2], [one]).rows[0].assignment_id
    with pytest.raises(StoreError, match="volunteer now full"):
        reassign(officer_conn, aid, 1, zero, "closer")
    assert db.volunteer_state(zero) == (0, 1)
    assert db.one("SELECT count(*) FROM jitasa.assignment WHERE volunteer_id = %s", (zero,))[0] == 0
    db.check_invariants()


# --- ending and reassigning ---------------------------------------------------------------------------------


def _active(db, officer_conn, category="food_supplies", **volunteer):
    rid = db.request(category)
    vid = db.volunteer(**volunteer)
    run = create_run(officer_conn, "manual")
    aid = assign_pairs(officer_conn, run, [rid], [vid]).rows[0].assignment_id
    return rid, vid, aid


@pytest.mark.parametrize(
    "action, assignment_status, request_status",
    [
        (EndAction.UNASSIGN, "cancelled", "new"),
        (EndAction.DECLINE, "declined", "new"),
        (EndAction.COMPLETE, "completed", "done"),
    ],
)
def test_end_assignment_moves_load_and_status(db, officer_conn, action, assignment_status, request_status):
    rid, vid, aid = _active(db, officer_conn, capacity=2)
    version = db.assignment(aid)[2]
    new_version = end_assignment(officer_conn, aid, version, action, "volunteer is ill")
    assert new_version == version + 1
    assert db.assignment(aid)[:3] == (assignment_status, "volunteer is ill", new_version)
    assert db.request_state(rid)[0] == request_status
    assert db.volunteer_state(vid)[0] == 0
    db.check_invariants()
    if request_status == "new":  # the request can be assigned again
        run = create_run(officer_conn, "manual")
        assert assign_pairs(officer_conn, run, [rid], [vid]).confirmed == 1
        db.check_invariants()


def test_end_assignment_needs_a_reason_to_unassign_or_decline(db, officer_conn):
    _rid, vid, aid = _active(db, officer_conn)
    before = db.counts()
    for action in ("unassign", "decline"):
        with pytest.raises(StoreError, match="give a reason"):
            end_assignment(officer_conn, aid, 1, action, "  ")
    with pytest.raises(StoreError, match="Unknown way"):
        end_assignment(officer_conn, aid, 1, "forget")
    assert db.counts() == before
    end_assignment(officer_conn, aid, 1, "complete")  # completing needs none
    assert db.volunteer_state(vid)[0] == 0


def test_stale_end_assignment_is_refused_and_changes_nothing(db, officer_conn, store):
    rid, vid, aid = _active(db, officer_conn, capacity=2)
    other = store.connect()
    try:
        end_assignment(other, aid, 1, "decline", "cannot go")  # someone else was first
    finally:
        other.close()
    before = db.counts()
    with pytest.raises(StaleWriteError, match="changed by someone else.*declined.*version 2.*you had version 1"):
        end_assignment(officer_conn, aid, 1, "complete")
    with pytest.raises(StaleWriteError):
        reassign(officer_conn, aid, 1, vid, "x")
    with pytest.raises(StoreError, match="not active"):
        end_assignment(officer_conn, aid, 2, "complete")
    assert db.counts() == before
    assert db.request_state(rid)[0] == "new"
    with pytest.raises(StoreError, match="does not exist"):
        end_assignment(officer_conn, 999_999, 1, "complete")


def test_reassign_moves_the_assignment_and_both_loads(db, officer_conn):
    rid, old_vid, aid = _active(db, officer_conn, "oxygen", skills=["oxygen_handling"], capacity=1)
    change_request_status(officer_conn, rid, db.request_state(rid)[1], RequestStatus.IN_PROGRESS)
    new_vid = db.volunteer(vehicle="pickup", capacity=1)
    full_vid = db.volunteer(vehicle="car", capacity=1)
    away_vid = db.volunteer(vehicle="car", available=False)
    unfit_vid = db.volunteer(skills=["medical"])
    filler = db.request()
    assign_pairs(officer_conn, create_run(officer_conn, "manual"), [filler], [full_vid])

    before = db.counts()
    for vid, why in [
        (full_vid, "volunteer now full"),
        (away_vid, "volunteer unavailable"),
        (unfit_vid, "volunteer not eligible: needs oxygen handling or vehicle"),
        (old_vid, "already goes to volunteer"),
    ]:
        with pytest.raises(StoreError, match=why):
            reassign(officer_conn, aid, 1, vid, "closer")
    with pytest.raises(StoreError, match="give a reason"):
        reassign(officer_conn, aid, 1, new_vid, "")
    assert db.counts() == before

    new_aid = reassign(officer_conn, aid, 1, new_vid, "closer")
    old = db.assignment(aid)
    assert old[:2] == ("cancelled", "closer")
    assert db.assignment(new_aid)[0] == "active" and db.assignment(new_aid)[3:5] == (rid, new_vid)
    assert db.assignment(new_aid)[5] == old[5]  # same run
    assert db.volunteer_state(old_vid)[0] == 0 and db.volunteer_state(new_vid)[0] == 1
    assert db.request_state(rid)[0] == "assigned"
    db.check_invariants()


# --- roles -------------------------------------------------------------------------------------------------


def test_officer_login_may_assign(db, login_conn):
    officer = login_conn("jitasa_officer")
    rid, vid = db.request(), db.volunteer()
    run = create_run(officer, "manual")
    result = assign_pairs(officer, run, [rid], [vid])
    assert result.confirmed == 1
    aid = result.rows[0].assignment_id
    assert end_assignment(officer, aid, 1, "unassign", "wrong person") == 2
    actor = db.one(
        "SELECT actor, acting_role FROM jitasa.audit_log WHERE table_name = 'assignment' "
        "AND operation = 'insert' AND run_id = %s",
        (run,),
    )
    assert actor[0].startswith("officer_") and actor[1] == actor[0]


def test_analyst_cannot_call_the_assignment_functions(db, login_conn, officer_conn):
    rid, vid = db.request(), db.volunteer()
    run = create_run(officer_conn, "manual")
    aid = propose_assignments(officer_conn, run, [rid], [vid]).rows[0].assignment_id
    analyst = login_conn("jitasa_analyst")
    calls = [
        ("SELECT jitasa.create_run('manual')", ()),
        ("SELECT * FROM jitasa.propose_assignments(%s, %s, %s, NULL, true)", (run, [rid], [vid])),
        ("SELECT * FROM jitasa.confirm_assignments(%s)", (run,)),
        ("SELECT * FROM jitasa.assign_pairs(%s, %s, %s, NULL, true)", (run, [rid], [vid])),
        ("SELECT jitasa.reject_assignments(%s)", (run,)),
        ("SELECT jitasa.end_assignment(%s, 1, 'complete', NULL)", (aid,)),
        ("SELECT jitasa.reassign(%s, 1, %s, 'x')", (aid, vid)),
        ("SELECT * FROM jitasa.pair_refusals(%s, %s)", ([rid], [vid])),
    ]
    before = db.counts()
    for query, params in calls:
        with pytest.raises(psycopg2.errors.InsufficientPrivilege), analyst.cursor() as cur:
            cur.execute(query, params)
        analyst.rollback()
    assert db.counts() == before
    # a role given EXECUTE by mistake is still refused unless it acts as an officer or admin
    db.one("GRANT EXECUTE ON FUNCTION jitasa.create_run(text, text, jsonb) TO jitasa_analyst; SELECT 1")
    with (
        pytest.raises(psycopg2.errors.InsufficientPrivilege, match="only officers and admins"),
        analyst.cursor() as cur,
    ):
        cur.execute("SELECT jitasa.create_run('manual')")
    analyst.rollback()
    # the analyst may still read what can serve what
    with analyst.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.category_need")
        assert cur.fetchone()[0] == sum(len(n) for n in CATEGORY_NEEDS.values())


# --- bad input ---------------------------------------------------------------------------------------------


def test_bad_batches_are_refused_whole_and_write_nothing(db, officer_conn):
    rid, vid = db.request(), db.volunteer(capacity=3)
    run = create_run(officer_conn, "manual")
    before = db.counts()
    with pytest.raises(StoreError, match=r"Help request\(s\) 999999 do not exist. Nothing was written"):
        assign_pairs(officer_conn, run, [rid, 999_999], [vid, vid])
    with pytest.raises(StoreError, match=r"Volunteer\(s\) 888888 do not exist"):
        propose_assignments(officer_conn, run, [rid], [888_888])
    with pytest.raises(StoreError, match="one volunteer .* per request: got 2 request ids, 1 volunteer ids"):
        assign_pairs(officer_conn, run, [rid, rid], [vid])
    with pytest.raises(StoreError, match="got 1 request ids, 1 volunteer ids and 2 travel times"):
        propose_assignments(officer_conn, run, [rid], [vid], [1.0, 2.0])
    with pytest.raises(StoreError, match="0 minutes or more"):
        propose_assignments(officer_conn, run, [rid], [vid], [-1.0])
    with pytest.raises(StoreError, match="Not a valid id: None"):
        propose_assignments(officer_conn, run, [None], [vid])
    with pytest.raises(StoreError, match="run 424242 does not exist"):
        assign_pairs(officer_conn, 424242, [rid], [vid])
    with pytest.raises(StoreError, match="do not exist"):
        confirm_assignments(officer_conn, run, [777_777])
    # the server checks too, for callers that do not come through Python
    with (
        pytest.raises(psycopg2.errors.InvalidParameterValue, match="got 2 request ids, 1 volunteer ids"),
        officer_conn.cursor() as cur,
    ):
        cur.execute("SELECT * FROM jitasa.assign_pairs(%s, %s, %s, NULL, true)", (run, [rid, rid], [vid]))
    officer_conn.rollback()
    with (
        pytest.raises(psycopg2.errors.InvalidParameterValue, match="empty request or volunteer id"),
        officer_conn.cursor() as cur,
    ):
        cur.execute("SELECT * FROM jitasa.assign_pairs(%s, %s::int[], %s, NULL, true)", (run, [None], [vid]))
    officer_conn.rollback()
    assert db.counts() == before
    assert db.run_status(run) == "proposed"


def test_confirming_rows_of_another_run_is_refused(db, officer_conn):
    rid, vid = db.request(), db.volunteer()
    run_a, run_b = create_run(officer_conn, "manual"), create_run(officer_conn, "manual")
    aid = propose_assignments(officer_conn, run_a, [rid], [vid]).rows[0].assignment_id
    before = db.counts()
    with pytest.raises(StoreError, match="do not belong to run"):
        confirm_assignments(officer_conn, run_b, [aid])
    assert db.counts() == before


# --- what the solver reads ---------------------------------------------------------------------------------


def test_load_inputs_per_scope_with_margin_and_unlocated_requests(db, officer_conn):
    r_a = db.request("oxygen", "critical", x=0.5, hours_ago=3)  # 670101
    r_b = db.request("medicine", "low", x=1.5)  # 670102
    r_c = db.request(x=2.5)  # 6702
    r_assigned = db.request(x=0.6)
    r_closed = db.request(x=0.7)
    r_nowhere = db.request(located=False)
    v_a = db.volunteer(["oxygen_handling", "first_aid"], "motorcycle", capacity=3, x=0.4)
    v_next_door = db.volunteer(x=2.05)  # 5.5 km east of 6701
    v_far = db.volunteer(x=2.9)
    v_full = db.volunteer(x=0.5, capacity=1)
    v_zero = db.volunteer(x=0.5, capacity=0)
    v_away = db.volunteer(x=0.5, available=False)
    v_nowhere = db.volunteer(located=False)
    assign_pairs(officer_conn, create_run(officer_conn, "manual"), [r_assigned, r_closed], [v_full, v_a])
    change_request_status(officer_conn, r_closed, 2, RequestStatus.DONE)

    everything = load_assignment_inputs(officer_conn, Scope())
    assert everything.requests.id == [r_a, r_b, r_c]
    assert everything.unlocated_request_ids == [r_nowhere] and everything.unlocated_requests == 1
    assert everything.volunteers.id == [v_a, v_next_door, v_far]
    i = everything.volunteers.id.index(v_a)
    assert everything.volunteers.capacity[i] == 3  # its assignment was completed with the request
    assert sorted(everything.volunteers.skills[i]) == ["first_aid", "oxygen_handling"]
    assert everything.volunteers.vehicle[i] == "motorcycle"
    assert (everything.volunteers.lon[i], everything.volunteers.lat[i]) == (0.4, 0.5)
    req = everything.requests
    assert (req.category[0], req.urgency[0], req.lon[0], req.lat[0]) == ("oxygen", "critical", 0.5, 0.5)
    assert 3 * 3600 - 60 < req.waiting_s[0] < 3 * 3600 + 60 and req.created_at[0] < req.created_at[1]
    assert v_zero not in everything.volunteers.id and v_away not in everything.volunteers.id
    assert v_nowhere not in everything.volunteers.id

    amphoe = load_assignment_inputs(officer_conn, Scope(amphoe_code="6701"))
    assert amphoe.requests.id == [r_a, r_b] and amphoe.volunteers.id == [v_a]
    assert amphoe.unlocated_request_ids == [r_nowhere]
    widened = load_assignment_inputs(officer_conn, Scope(amphoe_code="6701"), margin_km=10)
    assert widened.requests.id == [r_a, r_b] and widened.volunteers.id == [v_a, v_next_door]
    assert load_assignment_inputs(officer_conn, Scope(tambon_code="670102")).requests.id == [r_b]

    sid = db.one(
        "INSERT INTO jitasa.service_area (name, geom) VALUES ('east', "
        "ST_GeomFromText('MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))', 4326)) RETURNING id"
    )[0]
    area = load_assignment_inputs(officer_conn, Scope(service_area_id=sid))
    assert area.requests.id == [r_c] and area.volunteers.id == [v_next_door, v_far]

    poly = load_assignment_inputs(officer_conn, Scope(polygon_wkt="POLYGON((0 0,1.2 0,1.2 1,0 1,0 0))"))
    assert poly.requests.id == [r_a] and poly.volunteers.id == [v_a]
    empty = load_assignment_inputs(officer_conn, Scope(polygon_wkt="POLYGON((10 10,11 10,11 11,10 11,10 10))"))
    assert len(empty.requests) == 0 and len(empty.volunteers) == 0
    officer_conn.rollback()


def test_bad_scopes_are_refused_with_a_clear_message(db, officer_conn):
    before = db.counts()
    bow_tie = "POLYGON((0 0,1 1,1 0,0 1,0 0))"
    with pytest.raises(StoreError, match=r"The scope polygon is not valid: Self-intersection\[0.5 0.5\]"):
        load_assignment_inputs(officer_conn, Scope(polygon_wkt=bow_tie))
    with pytest.raises(StoreError, match="not valid WKT"):
        load_assignment_inputs(officer_conn, Scope(polygon_wkt="POLYGON((0 0, 1 1"))
    with pytest.raises(StoreError, match="must be a polygon, not a LINESTRING"):
        load_assignment_inputs(officer_conn, Scope(polygon_wkt="LINESTRING(0 0,1 1)"))
    with pytest.raises(StoreError, match="no amphoe with code 9999"):
        load_assignment_inputs(officer_conn, Scope(amphoe_code="9999"))
    with pytest.raises(StoreError, match="no service area 12345"):
        load_assignment_inputs(officer_conn, Scope(service_area_id=12345))
    with pytest.raises(StoreError, match="0 km or more"):
        load_assignment_inputs(officer_conn, Scope(), margin_km=-1)
    with pytest.raises(StoreError, match="Choose one scope"):
        Scope(amphoe_code="6701", tambon_code="670101")
    officer_conn.rollback()
    assert db.counts() == before
    assert Scope(amphoe_code="6701").describe() == "amphoe:6701" and Scope().describe() == "all"


# --- batch statement triggers -------------------------------------------------------------------------------


def test_statement_triggers_never_plan_nested_loops_over_transition_tables(db):
    """The audit and grid triggers join old and new rows; a plan cached after a one-row change must not turn
    a later batch into rows x rows comparisons. Read from the plans the server actually ran (auto_explain,
    nested statements, sent to this session as notices) for a batch after a one-row change."""
    import json

    db.one(
        "INSERT INTO jitasa.help_request (category, urgency, geom) "
        "SELECT 'food_supplies', 'normal', ST_SetSRID(ST_MakePoint(0.1 + (g %% 80) / 100.0, "
        "0.1 + (g / 80) / 100.0), 4326) FROM generate_series(1, 3000) g RETURNING 1"
    )
    db.c.notices = []  # every notice, not only psycopg2's last 50
    with db.c.cursor() as cur:
        cur.execute("LOAD 'auto_explain'")
        cur.execute(
            "SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on; "
            "SET auto_explain.log_format = json; SET auto_explain.log_level = notice; "
            "SET client_min_messages = notice"
        )
        cur.execute(
            "UPDATE jitasa.help_request SET urgency = 'high' " "WHERE id = (SELECT min(id) FROM jitasa.help_request)"
        )  # plans cached for one row
        one_row = len(db.c.notices)
        cur.execute("UPDATE jitasa.help_request SET urgency = 'critical'")  # 3,000 rows, urgency moves counts
    batch = [json.loads(n.split("plan:", 1)[1]) for n in db.c.notices[one_row:] if "plan:" in n]

    def nodes(node):
        yield node
        for child in node.get("Plans", []):
            yield from nodes(child)

    def transition_scans(node):
        return sum(n["Node Type"] == "Named Tuplestore Scan" for n in nodes(node))

    joins = {}  # query text -> plan, for statements joining old and new rows
    for plan in batch:
        for node in nodes(plan["Plan"]):
            if node["Node Type"] in ("Nested Loop", "Hash Join", "Merge Join") and transition_scans(node) >= 2:
                joins.setdefault(plan["Query Text"].strip(), []).append(node["Node Type"])
    assert any("INSERT INTO jitasa.audit_log" in q for q in joins), "the audit trigger's join was not seen"
    assert any("JOIN new_rows" in q and "ST_X" in q for q in joins), "the grid trigger's join was not seen"
    nested = [(q[:120], kinds) for q, kinds in joins.items() if "Nested Loop" in kinds]
    assert nested == [], nested
    for plan in batch:  # nor any nested loop over a transition table and something else
        for node in nodes(plan["Plan"]):
            assert not (node["Node Type"] == "Nested Loop" and transition_scans(node)), plan["Query Text"][:120]
