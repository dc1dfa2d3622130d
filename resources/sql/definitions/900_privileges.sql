-- Who may do what: every grant of the store, in one place. Applied last, after every other definition, and
-- again whenever this file or any definition changes. Everything is revoked first, so what is not granted
-- here is not allowed.
--
--   jitasa_owner   NOLOGIN; owns every function; the SECURITY DEFINER functions run as it. Reads and writes
--                  the data, never TRUNCATE; the only role that reads the store's secret.
--   jitasa_admin   reads and writes the data (boundaries, facilities, rosters, demo), reads the audit log;
--                  never TRUNCATE (refused by trigger as well), never writes the audit log.
--   jitasa_officer reads everything including personal data; changes request status, assigns and ends
--                  assignments only through the guarded functions; edits only columns without an invariant
--                  (request details, a volunteer's availability and capacity, facility capacity) with the
--                  version check; draws service areas.
--   jitasa_analyst reads what maps need, without names and phone numbers; draws service areas.
--   jitasa_feed    writes requests only through jitasa.upsert_feed_requests (keyed on source and source id,
--                  checked again inside); reads no request, no volunteer, no personal data.
-- Identity ids, created_by, status, tambon codes and versions are never granted for INSERT, so the store sets
-- them; UPDATE of version is granted only so a writer can send the version it read (bump_version checks it).

REVOKE ALL ON ALL TABLES IN SCHEMA jitasa FROM PUBLIC, jitasa_owner, jitasa_admin, jitasa_officer,
    jitasa_analyst, jitasa_feed;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA jitasa FROM PUBLIC, jitasa_owner, jitasa_admin, jitasa_officer,
    jitasa_analyst, jitasa_feed;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA jitasa FROM PUBLIC, jitasa_admin, jitasa_officer, jitasa_analyst,
    jitasa_feed;
REVOKE ALL ON SCHEMA jitasa FROM PUBLIC;
GRANT USAGE ON SCHEMA jitasa TO jitasa_owner, jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;

-- --- the owner of the functions ----------------------------------------------------------------------------
-- Every function of the schema belongs to jitasa_owner. A SECURITY DEFINER function must name its search_path
-- with pg_temp last (else the caller's temporary schema is searched first, and a temporary domain or function
-- of the caller's runs as the owner): a definition without it fails here, and so does the upgrade.
DO $$
DECLARE
    f record;
BEGIN
    GRANT CREATE ON SCHEMA jitasa TO jitasa_owner;  -- ALTER ... OWNER needs it; taken back below
    FOR f IN SELECT p.oid::regprocedure AS sig, p.prosecdef, p.proconfig
               FROM pg_proc p
              WHERE p.pronamespace = 'jitasa'::regnamespace
                AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
        IF f.prosecdef AND NOT EXISTS (
                SELECT 1 FROM unnest(f.proconfig) c
                 WHERE c LIKE 'search_path=%' AND c ~ 'pg_temp\s*$') THEN
            RAISE EXCEPTION 'SECURITY DEFINER function % must SET search_path ending in pg_temp', f.sig;
        END IF;
        EXECUTE format('ALTER FUNCTION %s OWNER TO jitasa_owner', f.sig);
    END LOOP;
    REVOKE CREATE ON SCHEMA jitasa FROM jitasa_owner;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA jitasa TO jitasa_owner;
REVOKE INSERT, UPDATE, DELETE ON jitasa.schema_migration, jitasa.schema_definition, jitasa.store_secret
    FROM jitasa_owner;
REVOKE UPDATE, DELETE ON jitasa.audit_log FROM jitasa_owner;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA jitasa TO jitasa_owner;

-- --- admin -----------------------------------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE, DELETE ON jitasa.admin_area, jitasa.help_request, jitasa.volunteer,
    jitasa.facility, jitasa.service_area, jitasa.assignment_run, jitasa.assignment, jitasa.road_segment,
    jitasa.category_need, jitasa.request_grid, jitasa.import_reject, jitasa.feed_state, jitasa.service_area_run
    TO jitasa_admin;
GRANT SELECT ON jitasa.audit_log, jitasa.schema_migration, jitasa.schema_definition, jitasa.help_request_map,
    jitasa.volunteer_map, jitasa.assignment_line TO jitasa_admin;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA jitasa TO jitasa_admin;

-- --- officer ---------------------------------------------------------------------------------------------
GRANT SELECT ON jitasa.admin_area, jitasa.help_request, jitasa.volunteer, jitasa.facility,
    jitasa.service_area, jitasa.assignment_run, jitasa.assignment, jitasa.road_segment, jitasa.category_need,
    jitasa.request_grid, jitasa.audit_log, jitasa.schema_migration, jitasa.schema_definition,
    jitasa.help_request_map, jitasa.volunteer_map, jitasa.assignment_line, jitasa.import_reject,
    jitasa.feed_state TO jitasa_officer;
GRANT INSERT (source, source_id, category, urgency, people_count, note, requester_name, requester_phone,
              for_someone_else, location_accuracy_m, location_basis, geom)
    ON jitasa.help_request TO jitasa_officer;
GRANT UPDATE (category, urgency, people_count, note, requester_name, requester_phone, for_someone_else,
              location_accuracy_m, location_basis, geom, version)
    ON jitasa.help_request TO jitasa_officer;
-- capacity below the current load is refused by the table's CHECK (active_count <= capacity)
GRANT UPDATE (available, capacity, version) ON jitasa.volunteer TO jitasa_officer;
GRANT UPDATE (beds_free, daily_capacity, capacity_status, capacity_updated_at, version) ON jitasa.facility
    TO jitasa_officer;

-- --- officer and analyst: service areas ------------------------------------------------------------------
GRANT INSERT (name, facility_id, method, minutes, geom, kind, responsible, volunteer_id, amphoe_code, run_id,
              params) ON jitasa.service_area TO jitasa_officer, jitasa_analyst;
GRANT SELECT, INSERT ON jitasa.service_area_run TO jitasa_officer, jitasa_analyst;
GRANT UPDATE (name, facility_id, method, minutes, geom, kind, responsible, volunteer_id, amphoe_code, version)
    ON jitasa.service_area
    TO jitasa_officer, jitasa_analyst;
GRANT DELETE ON jitasa.service_area TO jitasa_officer, jitasa_analyst;
-- drawn areas are saved and deleted with the version check (080_service_areas.sql; checked again inside)
GRANT EXECUTE ON FUNCTION
    jitasa.save_service_area(integer, integer, text, text, integer, text, text, public.geometry),
    jitasa.delete_service_area(integer, integer)
TO jitasa_officer, jitasa_analyst, jitasa_admin;

-- --- analyst ---------------------------------------------------------------------------------------------
GRANT SELECT ON jitasa.admin_area, jitasa.facility, jitasa.service_area, jitasa.assignment,
    jitasa.assignment_run, jitasa.road_segment, jitasa.category_need, jitasa.request_grid,
    jitasa.schema_migration, jitasa.schema_definition, jitasa.help_request_map, jitasa.volunteer_map,
    jitasa.assignment_line, jitasa.feed_state TO jitasa_analyst;
-- no name, phone, note or closure reason: free text may name a person (issue 14)
GRANT SELECT (id, source, source_id, category, urgency, status, people_count,
              for_someone_else, location_accuracy_m, location_basis, tambon_code, geom, created_at, updated_at,
              source_updated_at, expires_at, version, is_open)
    ON jitasa.help_request TO jitasa_analyst;
GRANT SELECT (id, source, source_id, kind, skills, vehicle, capacity, active_count, available, village_no,
              location_accuracy_m, location_basis, tambon_code, geom, created_at, updated_at, version, team)
    ON jitasa.volunteer TO jitasa_analyst;

-- --- coverage planning: admins and analysts import counts and write plans; officers read them -------------
GRANT SELECT, INSERT, UPDATE, DELETE ON jitasa.tambon_coverage_count, jitasa.plan_run, jitasa.plan_site
    TO jitasa_admin, jitasa_analyst;
GRANT SELECT ON jitasa.tambon_coverage_count, jitasa.plan_run, jitasa.plan_site TO jitasa_officer;
-- the rows a count import refuses (unknown tambon code, bad count) are kept like every import's: an analyst
-- adds them and reads back only their ids (store.rejects counts the new ones with RETURNING)
GRANT INSERT, SELECT (id) ON jitasa.import_reject TO jitasa_analyst;

-- --- road networks: admins import (replace) them, officers and analysts read them (segments: above) -------
GRANT SELECT, INSERT, UPDATE, DELETE ON jitasa.road_network TO jitasa_admin;
GRANT SELECT ON jitasa.road_network TO jitasa_officer, jitasa_analyst;

-- --- feed ------------------------------------------------------------------------------------------------
-- Requests only through jitasa.upsert_feed_requests (below): no direct INSERT, UPDATE or SELECT on
-- help_request, so it never reads a requester's name, phone or note, nor any volunteer.
-- its own sync state (no personal data): only the sync columns of feeds an admin registered (no INSERT: an
-- admin registers a feed, jitasa.register_feed); officers run "Sync now" of a registered feed with the same.
-- Rejected records the feed may add but never read back.
GRANT SELECT ON jitasa.feed_state TO jitasa_feed;
GRANT UPDATE (url, cursor, watermark, etag, last_modified, last_sync_at, last_outcome, last_error, last_counts,
              page_digests, updated_at) ON jitasa.feed_state TO jitasa_feed, jitasa_officer;
GRANT INSERT ON jitasa.import_reject TO jitasa_feed, jitasa_officer;
-- its id only: store.rejects counts the new ones with RETURNING, which needs SELECT on some column
GRANT SELECT (id) ON jitasa.import_reject TO jitasa_feed;
GRANT EXECUTE ON FUNCTION jitasa.close_expired_feed_requests(text) TO jitasa_feed, jitasa_officer, jitasa_admin;
GRANT EXECUTE ON FUNCTION jitasa.register_feed(text, text) TO jitasa_admin;
-- the tambon trigger runs as the writer (to know whether the store's own code wrote); its lookup needs this
GRANT EXECUTE ON FUNCTION jitasa.tambon_code_at(public.geometry) TO jitasa_admin, jitasa_officer;

-- --- functions -------------------------------------------------------------------------------------------
-- Guarded writes: officers and admins (each function checks the acting role again).
GRANT EXECUTE ON FUNCTION
    jitasa.change_request_status(integer, integer, jitasa.request_status, text),
    jitasa.create_run(text, text, jsonb),
    jitasa.propose_assignments(integer, integer[], integer[], real[], boolean),
    jitasa.confirm_assignments(integer, integer[]),
    jitasa.assign_pairs(integer, integer[], integer[], real[], boolean),
    jitasa.reject_assignments(integer, integer[]),
    jitasa.end_assignment(integer, integer, text, text),
    jitasa.reassign(integer, integer, integer, text)
TO jitasa_officer, jitasa_admin;
-- The feed's upsert (and file imports of requests by officers and admins); it checks the acting role again.
GRANT EXECUTE ON FUNCTION jitasa.upsert_feed_requests(text, jsonb) TO jitasa_feed, jitasa_officer, jitasa_admin;
-- Pure helpers the plugin and layers may call.
GRANT EXECUTE ON FUNCTION
    jitasa.acting_role(),
    jitasa.is_open(jitasa.request_status),
    jitasa.grid_cell_id(double precision, double precision, double precision),
    jitasa.request_status_change_allowed(jitasa.request_status, jitasa.request_status)
TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;
GRANT EXECUTE ON FUNCTION
    jitasa.volunteer_can_serve(jitasa.volunteer, jitasa.request_category),
    jitasa.category_needs_label(jitasa.request_category)
TO jitasa_admin, jitasa_officer, jitasa_analyst;
-- Trigger functions need no grant to fire; the text cleaning they call runs as the writer.
GRANT EXECUTE ON FUNCTION jitasa.clean_text(text, text, integer)
TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;

-- --- area scopes (015_scopes.sql, issue 14): admins grant and revoke them; every role's row policies
-- (910_row_security.sql) ask the login's scope; the plugin shows it ("you work: ...")
GRANT SELECT ON jitasa.area_scope TO jitasa_admin;
GRANT EXECUTE ON FUNCTION jitasa.grant_area_scope(text, text), jitasa.revoke_area_scope(text, text) TO jitasa_admin;
GRANT EXECUTE ON FUNCTION jitasa.scope_national(), jitasa.scope_codes(), jitasa.scope_box(), jitasa.my_area_scopes()
TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;

-- --- the audit (070_audit.sql): whoever reads the audit log reads a request's history and past rows ------
GRANT EXECUTE ON FUNCTION
    jitasa.request_history(integer),
    jitasa.audit_row_at(text, integer, timestamptz),
    jitasa.audit_changes(text, jsonb, jsonb),
    jitasa.audit_live_row(text, integer),
    jitasa.audit_geometry_hex(jsonb),
    jitasa.audit_row_columns(regclass, text, boolean)
TO jitasa_admin, jitasa_officer;

-- --- the database ----------------------------------------------------------------------------------------
-- No temporary objects for PUBLIC: a temporary schema is where the search-path attack starts. Admins keep
-- TEMP (the demo loader stages files in a temporary table). Needs the database's owner; others get a notice.
DO $$
BEGIN
    IF pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE')
       OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
        EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO jitasa_admin', current_database());
    ELSE
        RAISE NOTICE 'Not the owner of database %: TEMP stays granted to PUBLIC; ask the DBA to revoke it',
            current_database();
    END IF;
END $$;
