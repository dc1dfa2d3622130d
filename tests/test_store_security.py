"""The store against a hostile user (issue 7): every probe of the hostile test, kept as a regression test.

Each group role gets its own login (the login_role fixture of conftest.py). A probe that once worked must now
be refused with a clear error and change nothing; the ones that held must keep holding.
"""

from __future__ import annotations

import psycopg2
import psycopg2.errors
import pytest

from jitasa_qgis.store.assignments import create_run
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.migrations import migrate

TAMBON = "SRID=4326;MULTIPOLYGON(((100 16,101 16,101 17,100 17,100 16)))"
POINT = "SRID=4326;POINT(100.5 16.5)"
ZONE = "SRID=4326;MULTIPOLYGON(((100 16,100.9 16,100.9 16.9,100 16.9,100 16)))"
GROUPS = ["jitasa_admin", "jitasa_officer", "jitasa_analyst", "jitasa_feed"]
AUDITED = ["help_request", "volunteer", "facility", "service_area", "assignment", "assignment_run"]


@pytest.fixture
def world(store):
    """One tambon, an open request (cancellable), a volunteer with a car and one active assignment."""
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', '670101', 'a', %s)", (TAMBON,)
        )
        # the feed role writes only a registered feed (jitasa.check_feed_source)
        cur.execute("INSERT INTO jitasa.feed_state (source, url) VALUES ('app', 'https://app.example/feed')")
        cur.execute(
            "INSERT INTO jitasa.help_request (category, geom, requester_phone) "
            "VALUES ('food_supplies', %s, '0812345678') RETURNING id",
            (POINT,),
        )
        open_id = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.help_request (category, geom) VALUES ('food_supplies', %s) RETURNING id", (POINT,)
        )
        assigned_id = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, phone, kind, vehicle, capacity, geom) "
            "VALUES ('Malee', '0899999999', 'village_health_volunteer', 'car', 3, %s) RETURNING id",
            (POINT,),
        )
        vid = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, geom) VALUES ('rph', 'hospital', %s) RETURNING id", (POINT,)
        )
        fid = cur.fetchone()[0]
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT jitasa.create_run('manual')")
        run = cur.fetchone()[0]
        cur.execute(
            "SELECT assignment_id FROM jitasa.assign_pairs(%s, %s, %s, %s, true)", (run, [assigned_id], [vid], [3.0])
        )
        aid = cur.fetchone()[0]
        cur.execute("RESET ROLE")
    c.close()
    return {"open": open_id, "assigned": assigned_id, "volunteer": vid, "facility": fid, "run": run, "assignment": aid}


def _one(conn, sql, params=()):
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchone()


def _refused(conn, sql, params=(), error=psycopg2.errors.InsufficientPrivilege, match=None):
    with pytest.raises(error) as info, conn.cursor() as cur:
        cur.execute(sql, params)
    if not conn.autocommit:
        conn.rollback()
    if match:
        assert match in str(info.value)
    return info.value


def _invariants(store):
    """(requests with two active assignments, 'assigned' requests without one, open-less active ones,
    volunteers whose load differs from their active assignments or exceeds capacity)."""
    c = store.connect(autocommit=True)
    try:
        return _one(
            c,
            """
            SELECT (SELECT count(*) FROM (SELECT request_id FROM jitasa.assignment WHERE status = 'active'
                                           GROUP BY request_id HAVING count(*) > 1) x),
                   (SELECT count(*) FROM jitasa.help_request r WHERE r.status IN ('assigned', 'in_progress')
                       AND NOT EXISTS (SELECT 1 FROM jitasa.assignment a
                                        WHERE a.request_id = r.id AND a.status = 'active')),
                   (SELECT count(*) FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id
                     WHERE a.status = 'active' AND r.status NOT IN ('assigned', 'in_progress')),
                   (SELECT count(*) FROM jitasa.volunteer v
                     WHERE v.active_count > v.capacity OR v.active_count <>
                           (SELECT count(*) FROM jitasa.assignment a
                             WHERE a.volunteer_id = v.id AND a.status = 'active'))""",
        )
    finally:
        c.close()


# --- 1. code as the function owner through the temporary schema --------------------------------------------

_ATTACK = """
CREATE FUNCTION pg_temp.f(x anyelement) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    -- every role the check ran as, in order (a later run as the caller must not hide an earlier one)
    PERFORM set_config('attack.who', coalesce(current_setting('attack.who', true), '') || current_user || ',', false);
    RETURN true;
END $$;
CREATE DOMAIN pg_temp.text AS pg_catalog.text CHECK (pg_temp.f(VALUE));
CREATE DOMAIN pg_temp.jsonb AS pg_catalog.jsonb CHECK (pg_temp.f(VALUE));
CREATE DOMAIN pg_temp.regclass AS pg_catalog.regclass CHECK (pg_temp.f(VALUE));
CREATE DOMAIN pg_temp.int4 AS pg_catalog.int4 CHECK (pg_temp.f(VALUE));
CREATE DOMAIN pg_temp.bool AS pg_catalog.bool CHECK (pg_temp.f(VALUE));
CREATE DOMAIN pg_temp.float8 AS pg_catalog.float8 CHECK (pg_temp.f(VALUE));
CREATE DOMAIN pg_temp.geometry AS public.geometry CHECK (pg_temp.f(VALUE));
"""

# What each role can do that runs the store's SECURITY DEFINER code (triggers or functions).
_TRIGGERING_WRITE = {
    "jitasa_feed": (
        "SELECT * FROM jitasa.upsert_feed_requests('app', %s)",
        ('[{"source_id": "attack", "category": "oxygen", "note": "x", "lon": 100.5, "lat": 16.5}]',),
    ),
    "jitasa_analyst": ("INSERT INTO jitasa.service_area (name, geom) VALUES ('attack', %s)", (ZONE,)),
    "jitasa_officer": ("SELECT jitasa.change_request_status(%(open)s, 1, 'in_progress')", None),
    "jitasa_admin": (
        "INSERT INTO jitasa.admin_area (level, code, name_th, geom) "
        "VALUES ('tambon', '670199', 'x', %s); "
        "INSERT INTO jitasa.volunteer (name, kind, geom) VALUES ('attack', 'student', %s)",
        (TAMBON, POINT),
    ),
}


@pytest.mark.parametrize("group", GROUPS)
def test_temporary_domain_attack_never_runs_as_the_owner(store, world, login_role, group):
    name, connect = login_role(group)
    c = connect()
    with c.cursor() as cur:
        cur.execute(_ATTACK)
        sql, params = _TRIGGERING_WRITE[group]
        cur.execute(sql, params if params is not None else world)
        cur.execute("SELECT current_setting('attack.who', true)")
        who = {w for w in (cur.fetchone()[0] or "").split(",") if w}
    # it may run as the caller himself (in code that runs with his rights anyway), never as anyone else
    assert who <= {name}, f"the temporary domain's check ran as {who - {name}}"
    assert _one(c, "SELECT rolsuper FROM pg_roles WHERE rolname = %s", (name,)) == (False,)


def test_every_security_definer_function_is_pinned_and_owned_by_a_plain_role(conn):
    rows = _one(
        conn,
        """
        SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
                   FILTER (WHERE NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c
                                              WHERE c LIKE 'search_path=%%' AND c LIKE '%%pg_temp')),
               array_agg(p.oid::regprocedure::text ORDER BY 1) FILTER (WHERE o.rolname <> 'jitasa_owner'),
               count(*)
          FROM pg_proc p JOIN pg_roles o ON o.oid = p.proowner
         WHERE p.pronamespace = 'jitasa'::regnamespace AND p.prosecdef""",
    )
    unpinned, foreign_owner, n = rows
    assert n >= 12
    assert unpinned is None and foreign_owner is None
    assert _one(conn, "SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = 'jitasa_owner'") == (False, False)


def test_a_prepared_database_gives_public_no_temp(gis_db, pg_cluster, login_role_on):
    migrate(gis_db)
    _, connect = login_role_on(gis_db, "jitasa_feed")
    feed = connect()
    _refused(feed, "CREATE TEMP TABLE t (x int)")
    _, connect = login_role_on(gis_db, "jitasa_admin")
    with connect().cursor() as cur:
        cur.execute("CREATE TEMP TABLE t (x int)")  # the demo loader stages files this way


# --- 2. what the hostile test found holding, kept --------------------------------------------------------


@pytest.mark.parametrize("group", GROUPS)
def test_no_role_creates_objects_or_turns_triggers_off(world, login_role, group):
    _, connect = login_role(group)
    c = connect()
    _refused(c, "CREATE TABLE jitasa.x (i int)")
    _refused(c, "CREATE TABLE public.x (i int)")
    _refused(c, "CREATE FUNCTION jitasa.x() RETURNS int LANGUAGE sql AS 'SELECT 1'")
    _refused(c, "SET session_replication_role = replica")
    _refused(c, "SELECT secret FROM jitasa.store_secret")
    _refused(c, "SELECT jitasa.enter_run(1)")
    _refused(c, "SELECT jitasa.run_signature(1)")


@pytest.mark.parametrize("group", ["jitasa_analyst", "jitasa_feed"])
def test_feed_and_analyst_are_refused_every_officer_function(world, login_role, group):
    _, connect = login_role(group)
    c = connect()
    w = world
    for sql in [
        "SELECT jitasa.change_request_status(%(open)s, 1, 'in_progress')",
        "SELECT jitasa.create_run('manual')",
        "SELECT * FROM jitasa.propose_assignments(%(run)s, ARRAY[%(open)s], ARRAY[%(volunteer)s], NULL, true)",
        "SELECT * FROM jitasa.confirm_assignments(%(run)s)",
        "SELECT * FROM jitasa.assign_pairs(%(run)s, ARRAY[%(open)s], ARRAY[%(volunteer)s], NULL, true)",
        "SELECT jitasa.reject_assignments(%(run)s)",
        "SELECT jitasa.end_assignment(%(assignment)s, 1, 'unassign', 'x')",
        "SELECT jitasa.reassign(%(assignment)s, 1, %(volunteer)s, 'x')",
    ]:
        _refused(c, sql, w)


# --- 3. plain table writes that would break the invariants ---------------------------------------------


def test_officer_plain_writes_that_break_invariants_are_refused(store, world, login_role):
    officer, connect = login_role("jitasa_officer")
    oc = connect()
    w = world
    probes = [
        ("UPDATE jitasa.help_request SET status = 'assigned' WHERE id = %(open)s", w),
        ("UPDATE jitasa.help_request SET status = 'done' WHERE id = %(assigned)s", w),
        ("UPDATE jitasa.help_request SET tambon_code = '999999' WHERE id = %(open)s", w),
        (
            "INSERT INTO jitasa.assignment (request_id, volunteer_id, status) "
            "VALUES (%(open)s, %(volunteer)s, 'active')",
            w,
        ),
        ("UPDATE jitasa.volunteer SET active_count = 0 WHERE id = %(volunteer)s", w),
        ("UPDATE jitasa.assignment SET status = 'cancelled' WHERE id = %(assignment)s", w),
        ("DELETE FROM jitasa.assignment WHERE id = %(assignment)s", w),
        ("INSERT INTO jitasa.help_request (id, category) VALUES (2000000000, 'oxygen')", None),
        ("INSERT INTO jitasa.assignment_run (method, created_by) VALUES ('manual', 'someone_else')", None),
        (
            "INSERT INTO jitasa.service_area (name, geom, created_by) VALUES ('z', %(zone)s, 'someone_else')",
            {"zone": ZONE},
        ),
        ("UPDATE jitasa.service_area SET created_by = 'someone_else'", None),
    ]
    for sql, params in probes:
        _refused(oc, sql, params)
    assert _invariants(store) == (0, 0, 0, 0)

    # What officers may still edit plainly: columns without an invariant, with the version check.
    with oc.cursor() as cur:
        cur.execute("UPDATE jitasa.help_request SET note = 'gate code 12' WHERE id = %(open)s RETURNING version", w)
        version = cur.fetchone()[0]
        cur.execute("UPDATE jitasa.volunteer SET available = false WHERE id = %(volunteer)s", w)
        cur.execute("UPDATE jitasa.facility SET beds_free = 4 WHERE id = %(facility)s", w)
    _refused(
        oc,
        "UPDATE jitasa.help_request SET note = 'stale', version = %s WHERE id = %s",
        (version - 1, w["open"]),
        error=psycopg2.errors.SerializationFailure,
    )
    # A capacity below the current load would leave the volunteer over capacity.
    _refused(
        oc, "UPDATE jitasa.volunteer SET capacity = 0 WHERE id = %(volunteer)s", w, error=psycopg2.errors.CheckViolation
    )


@pytest.mark.parametrize("group", ["jitasa_feed", "jitasa_analyst", "jitasa_officer"])
def test_identity_ids_are_set_by_the_store(login_role, group):
    _, connect = login_role(group)
    c = connect()
    _refused(c, "INSERT INTO jitasa.help_request (id, category) VALUES (2000000000, 'oxygen')")
    _refused(c, "INSERT INTO jitasa.service_area (id, name, geom) VALUES (2000000000, 'z', %s)", (ZONE,))


def test_a_run_id_set_by_the_caller_is_not_believed(store, world, login_role):
    officer, connect = login_role("jitasa_officer")
    oc = connect(autocommit=False)
    with oc.cursor() as cur:
        cur.execute("SET LOCAL jitasa.run_id = %s", (str(world["run"]),))
        cur.execute("UPDATE jitasa.facility SET beds_free = 2 WHERE id = %(facility)s", world)
        # a value shaped like the store's signed ones, but not signed with its secret
        cur.execute("SET LOCAL jitasa.run_id = %s", (f"{world['run']}:{'0' * 32}",))
        cur.execute("UPDATE jitasa.facility SET beds_free = 1 WHERE id = %(facility)s", world)
        cur.execute("SELECT jitasa.change_request_status(%(open)s, 1, 'in_progress')", world)
    oc.commit()
    c = store.connect(autocommit=True)
    runs = _one(
        c,
        "SELECT array_agg(run_id ORDER BY id) FROM jitasa.audit_log "
        "WHERE actor = %s AND table_name IN ('facility', 'help_request')",
        (officer,),
    )[0]
    assert runs == [None, None, None]
    # ... while the store's own functions still carry theirs
    assert (
        _one(c, "SELECT count(*) FROM jitasa.audit_log WHERE run_id = %(run)s AND table_name = 'assignment'", world)[0]
        == 1
    )
    c.close()


# --- 4. the audit trail cannot be emptied or forged ----------------------------------------------------------


@pytest.mark.parametrize("table", AUDITED + ["admin_area"])
def test_truncate_is_refused_even_for_the_superuser(store, world, login_role, table):
    _, connect = login_role("jitasa_admin")
    _refused(connect(), f"TRUNCATE jitasa.{table} CASCADE")
    su = store.connect(autocommit=True)
    _refused(su, f"TRUNCATE jitasa.{table} CASCADE", match="TRUNCATE")
    assert _one(su, "SELECT count(*) FROM jitasa.help_request")[0] == 2
    su.close()


def test_superuser_and_owner_cannot_forge_audit_rows(store, world):
    su = store.connect(autocommit=True)
    before = _one(su, "SELECT count(*) FROM jitasa.audit_log")[0]
    forged = (
        "INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id) "
        "VALUES ('someone', 'jitasa_officer', 'help_request', 'update', 1)"
    )
    _refused(su, forged, match="written only by the store's audit trigger")
    _refused(su, "DO $$ BEGIN " + forged + "; END $$", match="written only by the store's audit trigger")
    with su.cursor() as cur:
        cur.execute("SET ROLE jitasa_owner")
    _refused(su, forged, match="written only by the store's audit trigger")
    with su.cursor() as cur:
        cur.execute("RESET ROLE")
    assert _one(su, "SELECT count(*) FROM jitasa.audit_log")[0] == before
    su.close()


# --- 5. bad input the functions accepted -------------------------------------------------------------------

BLANKS = ["\t\n", "\u00a0", "\u200b\u200b", " \u3000\ufeff "]


@pytest.mark.parametrize("blank", BLANKS)
def test_a_reason_of_only_unicode_space_is_no_reason(store, world, login_role, blank):
    _, connect = login_role("jitasa_officer")
    oc = connect()
    _refused(
        oc,
        "SELECT jitasa.change_request_status(%s, 1, 'cancelled', %s)",
        (world["open"], blank),
        error=psycopg2.errors.InvalidParameterValue,
        match="needs a reason",
    )
    _refused(
        oc,
        "SELECT jitasa.end_assignment(%s, 1, 'unassign', %s)",
        (world["assignment"], blank),
        error=psycopg2.errors.InvalidParameterValue,
        match="give a reason",
    )
    _refused(
        oc,
        "SELECT jitasa.reassign(%s, 1, %s, %s)",
        (world["assignment"], world["volunteer"], blank),
        error=psycopg2.errors.InvalidParameterValue,
        match="give a reason",
    )


def test_reasons_and_notes_are_trimmed_and_capped(store, world, login_role):
    _, connect = login_role("jitasa_officer")
    oc = connect()
    err = _refused(
        oc,
        "SELECT jitasa.change_request_status(%s, 1, 'cancelled', %s)",
        (world["open"], "x" * 5_000_000),
        error=psycopg2.errors.StringDataRightTruncation,
    )
    assert "at most 500" in str(err)
    _, connect = login_role("jitasa_feed")
    # the feed writes through its upsert, which refuses the record (not the page) with the limit
    assert _one(
        connect(),
        "SELECT outcome, detail->>'reason', detail->>'max' FROM jitasa.upsert_feed_requests('app', "
        "jsonb_build_array(jsonb_build_object('source_id', 'n', 'category', 'oxygen', 'tambon', '670101', "
        "'note', %s::text)))",
        ("n" * 2001,),
    ) == ("rejected", "text_too_long", "2000")
    assert _one(
        oc,
        "SELECT jitasa.change_request_status(%s, 1, 'cancelled', %s)",
        (world["open"], "\u200b  duplicate of 12\u00a0\n"),
    ) == (2,)
    assert _one(oc, "SELECT closure_reason FROM jitasa.help_request WHERE id = %s", (world["open"],)) == (
        "duplicate of 12",
    )


@pytest.mark.parametrize("minutes", [3e38, float("inf"), float("nan"), 1441.0, -1.0])
def test_travel_times_must_be_finite_and_within_a_day(store, world, login_role, minutes):
    _, connect = login_role("jitasa_officer")
    oc = connect()
    run = _one(oc, "SELECT jitasa.create_run('manual')")[0]
    _refused(
        oc,
        "SELECT * FROM jitasa.assign_pairs(%s, %s, %s, %s::real[], true)",
        (run, [world["open"]], [world["volunteer"]], [minutes]),
        error=(psycopg2.errors.InvalidParameterValue, psycopg2.errors.NumericValueOutOfRange),
    )
    assert _invariants(store) == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "params", ["null", "[1, 2]", '"text"', '{"max_minutes": "soon"}', '{"max_minutes": 3e38}', '{"speed_kmh": -5}']
)
def test_run_parameters_must_be_an_object_of_sane_values(world, login_role, params):
    _, connect = login_role("jitasa_officer")
    _refused(
        connect(),
        "SELECT jitasa.create_run('optimal', 'all', %s::jsonb)",
        (params,),
        error=psycopg2.errors.InvalidParameterValue,
        match="parameter",
    )


def test_an_empty_batch_leaves_a_fresh_run_alone(world, login_role):
    _, connect = login_role("jitasa_officer")
    oc = connect()
    run = _one(oc, "SELECT jitasa.create_run('manual')")[0]
    with oc.cursor() as cur:
        cur.execute("SELECT * FROM jitasa.assign_pairs(%s, '{}', '{}', '{}', true)", (run,))
        assert cur.fetchall() == []
        cur.execute("SELECT * FROM jitasa.propose_assignments(%s, '{}', '{}', NULL, true)", (run,))
        assert cur.fetchall() == []
    assert _one(oc, "SELECT status::text FROM jitasa.assignment_run WHERE id = %s", (run,)) == ("proposed",)


def test_unclear_errors_are_now_clear(world, login_role):
    _, connect = login_role("jitasa_officer")
    oc = connect()
    run = _one(oc, "SELECT jitasa.create_run('manual')")[0]
    _refused(
        oc,
        "SELECT * FROM jitasa.assign_pairs(%s, '{{1,2},{3,4}}', '{{1,2},{3,4}}', NULL, true)",
        (run,),
        error=psycopg2.errors.InvalidParameterValue,
        match="plain lists",
    )
    _refused(
        oc,
        "SELECT * FROM jitasa.confirm_assignments(%s, '{{1,2},{3,4}}')",
        (run,),
        error=psycopg2.errors.InvalidParameterValue,
        match="plain list",
    )
    _refused(
        oc,
        "SELECT jitasa.reject_assignments(%s, ARRAY[NULL]::integer[])",
        (run,),
        error=psycopg2.errors.InvalidParameterValue,
        match="include an empty id",
    )


def test_nul_in_parameters_gets_a_clear_message(store, world, login_role):
    _, connect = login_role("jitasa_officer")
    oc = connect(autocommit=False)
    for params in ({"note": "a\u0000b"}, {"note": "a\x00b"}):
        with pytest.raises(StoreError, match="NUL character"):
            create_run(oc, "optimal", "all", params)
    with pytest.raises(StoreError, match="NUL character"):
        create_run(oc, "optimal\x00", "all", {})
    assert _one(oc, "SELECT count(*) FROM jitasa.assignment_run")[0] == 1  # only the fixture's
