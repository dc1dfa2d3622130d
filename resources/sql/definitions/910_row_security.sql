-- Row-level security: every policy of the store, in one file (issue 14). Applied after 900_privileges.sql
-- (grants say which tables and columns a role may touch; these policies say which rows). Repeatable.
--
-- Whose rows: the login's areas (015_scopes.sql: jitasa.scope_national(), jitasa.scope_codes(), keyed on
-- session_user). A row is in scope when its tambon code starts with one of the login's province (2-digit) or
-- amphoe (4-digit) codes; a row without a tambon code (outside every tambon) is national only.
-- The scope test is written inline with the scope functions in sub-selects, so each is one InitPlan per query
-- (computed once, not per row) and the row test is two left() and two array searches.
--
--   jitasa_owner    every row (USING true): the SECURITY DEFINER functions and triggers run as it; they check
--                   the caller's scope themselves (jitasa.require_in_scope and friends).
--   jitasa_admin,   help_request, volunteer: read and write rows in scope (a row moved out of scope is
--   jitasa_officer, refused by WITH CHECK); assignment: those of requests in scope; assignment_run: runs with a
--   jitasa_analyst  row in scope, or one's own; service_area: of an amphoe in scope, or one's own without
--                   amphoe; facility: read all, write in scope; request_grid: cells in the box of one's areas;
--                   import_reject: one's own (an import's rejects), all for national logins; audit_log
--                   (admins, officers): entries of rows they may see now, and their own.
--   jitasa_feed     no policy: it reads and writes nothing directly (jitasa.upsert_feed_requests does).
-- Not row-secured (no personal data, no area rows): admin_area and road networks (read by all), feed_state,
-- category_need, tambon_coverage_count, plan_run, plan_site (statistics and plans, readable as granted),
-- service_area_run (run parameters).
-- FORCE: the tables' owner (the migrating role) follows the policies too; superusers bypass them anyway.

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'assignment', 'assignment_run',
                             'service_area', 'request_grid', 'import_reject', 'audit_log'] LOOP
        EXECUTE format('ALTER TABLE jitasa.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE jitasa.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('DROP POLICY IF EXISTS owner_all ON jitasa.%I', t);
        EXECUTE format('CREATE POLICY owner_all ON jitasa.%I TO jitasa_owner USING (true) WITH CHECK (true)', t);
    END LOOP;
END $$;

-- --- requests and volunteers: by tambon code ---------------------------------------------------------------
DROP POLICY IF EXISTS in_scope ON jitasa.help_request;
CREATE POLICY in_scope ON jitasa.help_request TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]))
    WITH CHECK ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]));

DROP POLICY IF EXISTS in_scope ON jitasa.volunteer;
CREATE POLICY in_scope ON jitasa.volunteer TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]))
    WITH CHECK ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]));

-- --- facilities: everyone reads them (the public's places); writes only in scope -------------------------
DROP POLICY IF EXISTS read_all ON jitasa.facility;
CREATE POLICY read_all ON jitasa.facility FOR SELECT TO jitasa_admin, jitasa_officer, jitasa_analyst USING (true);
DROP POLICY IF EXISTS write_in_scope ON jitasa.facility;
DROP POLICY IF EXISTS insert_in_scope ON jitasa.facility;
DROP POLICY IF EXISTS update_in_scope ON jitasa.facility;
DROP POLICY IF EXISTS delete_in_scope ON jitasa.facility;
CREATE POLICY insert_in_scope ON jitasa.facility FOR INSERT TO jitasa_admin, jitasa_officer, jitasa_analyst
    WITH CHECK ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]));
CREATE POLICY update_in_scope ON jitasa.facility FOR UPDATE TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]))
    WITH CHECK ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]));
CREATE POLICY delete_in_scope ON jitasa.facility FOR DELETE TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national())
           OR left(tambon_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
           OR left(tambon_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]));

-- --- assignments and runs: through their requests (the sub-select is itself under help_request's policy) ---
DROP POLICY IF EXISTS in_scope ON jitasa.assignment;
CREATE POLICY in_scope ON jitasa.assignment TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national())
           OR EXISTS (SELECT 1 FROM jitasa.help_request r WHERE r.id = assignment.request_id));

DROP POLICY IF EXISTS in_scope ON jitasa.assignment_run;
CREATE POLICY in_scope ON jitasa.assignment_run TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national()) OR created_by = session_user
           OR EXISTS (SELECT 1 FROM jitasa.assignment a WHERE a.run_id = assignment_run.id));

-- --- service areas: by amphoe; an area without amphoe is its author's ------------------------------------
DROP POLICY IF EXISTS in_scope ON jitasa.service_area;
CREATE POLICY in_scope ON jitasa.service_area TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national())
           OR CASE WHEN amphoe_code IS NULL THEN created_by = session_user
                   ELSE left(amphoe_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
                        OR left(amphoe_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]) END)
    WITH CHECK ((SELECT jitasa.scope_national())
           OR CASE WHEN amphoe_code IS NULL THEN created_by = session_user
                   ELSE left(amphoe_code, 2) = ANY ((SELECT jitasa.scope_codes())::text[])
                        OR left(amphoe_code, 4) = ANY ((SELECT jitasa.scope_codes())::text[]) END);

-- --- the count grid: cells in the box of one's areas (counts only; a border cell counts its neighbours' too)
DROP POLICY IF EXISTS in_scope ON jitasa.request_grid;
CREATE POLICY in_scope ON jitasa.request_grid FOR SELECT TO jitasa_admin, jitasa_officer, jitasa_analyst
    USING ((SELECT jitasa.scope_national()) OR geom OPERATOR(public.&&) (SELECT jitasa.scope_box()));

-- --- rejected records (raw records may hold personal data and have no area): one's own ------------------
DROP POLICY IF EXISTS own_or_national ON jitasa.import_reject;
CREATE POLICY own_or_national ON jitasa.import_reject TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed
    USING ((SELECT jitasa.scope_national()) OR created_by = session_user)
    WITH CHECK (created_by = session_user);

-- --- the audit log: whole rows with personal data; an entry of a row the login may see now, or its own ------
-- (written only by the SECURITY DEFINER audit trigger, as jitasa_owner; the history functions read as the owner
-- and check the caller's scope themselves, 070_audit.sql)
DROP POLICY IF EXISTS in_scope ON jitasa.audit_log;
CREATE POLICY in_scope ON jitasa.audit_log FOR SELECT TO jitasa_admin, jitasa_officer
    USING ((SELECT jitasa.scope_national()) OR actor = session_user
           OR CASE table_name
                  WHEN 'help_request' THEN EXISTS (SELECT 1 FROM jitasa.help_request r WHERE r.id = audit_log.row_id)
                  WHEN 'volunteer' THEN EXISTS (SELECT 1 FROM jitasa.volunteer v WHERE v.id = audit_log.row_id)
                  WHEN 'assignment' THEN EXISTS (SELECT 1 FROM jitasa.assignment a WHERE a.id = audit_log.row_id)
                  WHEN 'service_area' THEN EXISTS (SELECT 1 FROM jitasa.service_area x WHERE x.id = audit_log.row_id)
                  WHEN 'assignment_run' THEN EXISTS (SELECT 1 FROM jitasa.assignment_run x
                                                      WHERE x.id = audit_log.row_id)
                  WHEN 'facility' THEN true
                  ELSE false
              END);

-- --- the bounding-box operator may be used under the policies ----------------------------------------------
-- A policy's quals run before the query's own, and a query qual may move below them (into an index scan) only
-- when its operator is LEAKPROOF. PostGIS's geometry && (geometry_overlaps) is not marked so, so under RLS
-- every map view read its whole table instead of the GiST index (measured on the bench store: the province's
-- open critical requests 430 ms instead of 47 ms). It compares two boxes and raises no value-dependent error
-- (mixed SRIDs and empty geometries give an answer, not an error), so it leaks nothing; marking it needs a
-- superuser: done here when the upgrade runs as one, else a notice asks the DBA to run the same statement.
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION public.geometry_overlaps(public.geometry, public.geometry) LEAKPROOF;
    ELSIF NOT (SELECT proleakproof FROM pg_proc WHERE oid = 'public.geometry_overlaps(public.geometry, public.geometry)'::regprocedure) THEN
        RAISE NOTICE 'Map layers under row-level security read whole tables until a superuser runs: '
                     'ALTER FUNCTION public.geometry_overlaps(public.geometry, public.geometry) LEAKPROOF';
    END IF;
END $$;

-- --- the map views read as the caller, under the policies above ------------------------------------------
ALTER VIEW jitasa.help_request_map SET (security_invoker = true);
ALTER VIEW jitasa.volunteer_map SET (security_invoker = true);
ALTER VIEW jitasa.assignment_line SET (security_invoker = true);
