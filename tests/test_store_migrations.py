"""Migrations: fresh, re-run, upgrade from every earlier version, failure leaves nothing."""

from __future__ import annotations

import psycopg2
import pytest

from jitasa_qgis.definitions.enums import SQL_ENUMS
from jitasa_qgis.definitions.paths import SQL_DIR
from jitasa_qgis.store.errors import SchemaVersionError, StoreError
from jitasa_qgis.store.migrations import (
    LATEST_VERSION,
    available_migrations,
    check_schema_current,
    migrate,
    schema_version,
)

ROOT_SQL = SQL_DIR
VERSIONS = [m.version for m in available_migrations()]
TABLES = {
    "admin_area",
    "help_request",
    "volunteer",
    "facility",
    "service_area",
    "assignment",
    "assignment_run",
    "road_segment",
    "audit_log",
    "schema_migration",
}


def _tables(conn) -> set[str]:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'jitasa' "
            "AND table_type = 'BASE TABLE'"
        )
        return {r[0] for r in cur.fetchall()}


def test_fresh_database_gets_every_table(gis_db):
    applied = migrate(gis_db)
    assert applied == VERSIONS
    with gis_db.connect() as conn:
        assert TABLES <= _tables(conn)
        assert schema_version(conn) == LATEST_VERSION
        check_schema_current(conn)


def test_rerun_is_a_noop(gis_db):
    migrate(gis_db)
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*), max(applied_at) FROM jitasa.schema_migration")
        before = cur.fetchone()
    assert migrate(gis_db) == []
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*), max(applied_at) FROM jitasa.schema_migration")
        assert cur.fetchone() == before


@pytest.mark.parametrize("start", [0, *VERSIONS[:-1]])
def test_upgrade_from_every_earlier_version(gis_db, start):
    if start:
        assert migrate(gis_db, target=start) == [v for v in VERSIONS if v <= start]
        with gis_db.connect() as conn:
            with pytest.raises(SchemaVersionError, match="jitasa:createdatabase"):
                check_schema_current(conn)
    assert migrate(gis_db) == [v for v in VERSIONS if v > start]
    with gis_db.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION


def test_int4_keys_on_every_layer_table(conn):
    with conn.cursor() as cur:
        cur.execute("""
            SELECT c.table_name, c.data_type FROM information_schema.columns c
            WHERE c.table_schema = 'jitasa' AND c.column_name = 'id' AND c.table_name <> 'audit_log'""")
        types = dict(cur.fetchall())
    assert types and set(types.values()) == {"integer"}, types


def test_python_enums_match_sql_enums(conn):
    with conn.cursor() as cur:
        for sql_name, py_enum in SQL_ENUMS.items():
            cur.execute(f"SELECT enum_range(NULL::jitasa.{sql_name})::text[]")  # noqa: S608 fixed names
            assert cur.fetchone()[0] == [e.value for e in py_enum], sql_name


def test_failed_migration_leaves_database_as_it_was(gis_db, tmp_path):
    for m in available_migrations():
        (tmp_path / m.path.name).write_text(m.sql(), encoding="utf-8")
    (tmp_path / f"{LATEST_VERSION + 1:04d}_broken.sql").write_text(
        "CREATE TABLE jitasa.half_done (id int);\nSELECT no_such_function();\n", encoding="utf-8"
    )
    with pytest.raises(StoreError, match=r"Migration \d{4} \(broken\) failed and was rolled back"):
        migrate(gis_db, sql_dir=tmp_path)
    with gis_db.connect() as conn:
        assert schema_version(conn) == LATEST_VERSION
        assert "half_done" not in _tables(conn)


def test_database_without_postgis_and_no_right_to_install_it(gis_db, pg_cluster):
    admin = psycopg2.connect(**pg_cluster.params())
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("DROP ROLE IF EXISTS plain_user")
        cur.execute("CREATE ROLE plain_user LOGIN")
        cur.execute("CREATE DATABASE no_postgis OWNER plain_user")
    try:
        from jitasa_qgis.store.connection import ConnectionSpec

        spec = ConnectionSpec(params=pg_cluster.params("no_postgis", user="plain_user"))
        with pytest.raises(StoreError, match="PostGIS is not installed in database 'no_postgis'"):
            migrate(spec)
        with spec.connect() as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_namespace WHERE nspname = 'jitasa'")
            assert cur.fetchone()[0] == 0
    finally:
        with admin.cursor() as cur:
            cur.execute("DROP DATABASE no_postgis WITH (FORCE)")
        admin.close()


def test_server_down_gives_one_clear_message():
    from pgcluster import free_port

    from jitasa_qgis.store.connection import ConnectionSpec

    spec = ConnectionSpec(params={"host": "127.0.0.1", "port": free_port(), "dbname": "x", "user": "y"})
    with pytest.raises(StoreError, match=r"Cannot connect to the Jitasa store \(y@127.0.0.1:\d+/x\)"):
        migrate(spec)


def test_a_store_of_version_0_1_0_upgrades_in_place_with_data_and_audit(gis_db):
    """Migrations 0001-0008 are what 0.1.0 shipped: a store built and used with them upgrades to today's
    definitions keeping every row and every audit row, and its functions then follow today's rules."""
    assert migrate(gis_db, target=8) == list(range(1, 9))
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', '670101', 'a', "
            "'SRID=4326;MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))')"
        )
        cur.execute(
            "INSERT INTO jitasa.help_request (category, geom, note) VALUES "
            "('food_supplies', 'SRID=4326;POINT(0.5 0.5)', 'old note') RETURNING id"
        )
        rid = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, geom) VALUES ('v', 'student', "
            "'SRID=4326;POINT(0.5 0.5)') RETURNING id"
        )
        vid = cur.fetchone()[0]
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT jitasa.create_run('manual')")
        run = cur.fetchone()[0]
        cur.execute("SELECT outcome FROM jitasa.assign_pairs(%s, %s, %s, NULL, true)", (run, [rid], [vid]))
        assert cur.fetchone()[0] == "confirmed"
        cur.execute("RESET ROLE")
        cur.execute("SELECT count(*), max(id) FROM jitasa.audit_log")
        audit_before = cur.fetchone()
    with gis_db.connect() as conn:
        with pytest.raises(SchemaVersionError):
            check_schema_current(conn)

    assert migrate(gis_db) == [v for v in VERSIONS if v >= 9]  # numbers may have gaps
    with gis_db.connect() as conn, conn.cursor() as cur:
        check_schema_current(conn)
        cur.execute("SELECT count(*), max(id) FROM jitasa.audit_log")
        assert cur.fetchone() == audit_before
        cur.execute(
            "SELECT r.status::text, r.tambon_code, r.note, v.active_count FROM jitasa.help_request r, "
            "jitasa.volunteer v WHERE r.id = %s AND v.id = %s",
            (rid, vid),
        )
        assert cur.fetchone() == ("assigned", "670101", "old note", 1)
        # today's rules: a reason of spaces is none, and run ids in the audit are signed by the store
        cur.execute("SET ROLE jitasa_officer")
        with pytest.raises(psycopg2.errors.InvalidParameterValue):
            cur.execute("SELECT jitasa.change_request_status(%s, 2, 'cancelled', %s)", (rid, "\u00a0"))
        conn.rollback()
        cur.execute("SET ROLE jitasa_officer")
        cur.execute("SELECT jitasa.change_request_status(%s, 2, 'done')", (rid,))
        cur.execute("RESET ROLE")
        cur.execute("SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'change_request_status'")
        assert cur.fetchone()[0] == "jitasa_owner"


def test_a_changed_definition_is_applied_again_and_a_broken_one_changes_nothing(gis_db, tmp_path):
    import shutil

    from jitasa_qgis.definitions.paths import SQL_DIR
    from jitasa_qgis.store.migrations import definitions_current

    sql = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql)
    migrate(gis_db, sql_dir=sql)
    helpers = sql / "definitions" / "010_helpers.sql"
    helpers.write_text(
        helpers.read_text(encoding="utf-8") + "\nCOMMENT ON FUNCTION jitasa.acting_role() IS 'v2';\n", encoding="utf-8"
    )
    with gis_db.connect() as conn:
        assert not definitions_current(conn, sql)
    assert migrate(gis_db, sql_dir=sql) == []  # no migration, but the definitions again
    with gis_db.connect() as conn, conn.cursor() as cur:
        assert definitions_current(conn, sql)
        cur.execute("SELECT obj_description('jitasa.acting_role()'::regprocedure)")
        assert cur.fetchone()[0] == "v2"

    (sql / "definitions" / "500_broken.sql").write_text("CREATE FUNCTION jitasa.x( AS;", encoding="utf-8")
    with pytest.raises(StoreError, match="500_broken.sql"):
        migrate(gis_db, sql_dir=sql)
    with gis_db.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.schema_definition WHERE name = '500_broken.sql'")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT obj_description('jitasa.acting_role()'::regprocedure)")
        assert cur.fetchone()[0] == "v2"


def _copy_sql(tmp_path):
    (tmp_path / "definitions").mkdir()
    for m in available_migrations():
        (tmp_path / m.path.name).write_text(m.sql(), encoding="utf-8")
    for d in (ROOT_SQL / "definitions").glob("*.sql"):
        (tmp_path / "definitions" / d.name).write_text(d.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_migration_that_lands_late_with_a_lower_number_is_applied_when_it_arrives(gis_db, tmp_path):
    _copy_sql(tmp_path)
    later, late = LATEST_VERSION + 2, LATEST_VERSION + 1  # written in parallel; `late` committed after `later`
    (tmp_path / f"{later:04d}_later.sql").write_text("CREATE TABLE jitasa.later (id int);", encoding="utf-8")
    assert migrate(gis_db, sql_dir=tmp_path)[-1] == later
    (tmp_path / f"{late:04d}_late.sql").write_text("CREATE TABLE jitasa.late (id int);", encoding="utf-8")
    assert migrate(gis_db, sql_dir=tmp_path) == [late]
    with gis_db.connect() as conn:
        assert {"late", "later"} <= _tables(conn)


def test_a_store_that_lacks_a_migration_is_not_current(gis_db):
    migrate(gis_db)
    with gis_db.connect() as conn:
        with conn.cursor() as cur:
            cur.execute("DELETE FROM jitasa.schema_migration WHERE version = %s", (VERSIONS[-2],))
        with pytest.raises(SchemaVersionError, match=f"lacks migration {VERSIONS[-2]:04d}"):
            check_schema_current(conn)


def test_two_migrations_with_one_number_are_refused(tmp_path):
    (tmp_path / "0001_a.sql").write_text("SELECT 1;", encoding="utf-8")
    (tmp_path / "0001_b.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match="share a number"):
        available_migrations(tmp_path)
