-- 0003: group roles and what each may see and do. Logins are granted one of these by the DBA.
-- Personal data (names, phone numbers) is readable only by officers and admins.

DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['jitasa_admin', 'jitasa_officer', 'jitasa_analyst', 'jitasa_feed'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

GRANT USAGE ON SCHEMA jitasa TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;

-- admin: everything on the data. The audit log is written only by the audit trigger (SECURITY DEFINER):
-- admins read it but may not forge, edit or empty it; its trigger also refuses the superuser.
GRANT ALL ON ALL TABLES IN SCHEMA jitasa TO jitasa_admin;
GRANT ALL ON ALL SEQUENCES IN SCHEMA jitasa TO jitasa_admin;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON jitasa.audit_log FROM jitasa_admin;

-- officer: reads everything, works requests, volunteers' status and assignments.
GRANT SELECT ON ALL TABLES IN SCHEMA jitasa TO jitasa_officer;
GRANT INSERT, UPDATE ON jitasa.help_request, jitasa.assignment, jitasa.assignment_run TO jitasa_officer;
GRANT UPDATE (available, capacity, active_count, version) ON jitasa.volunteer TO jitasa_officer;
GRANT UPDATE (beds_free, capacity_status, capacity_updated_at, version) ON jitasa.facility TO jitasa_officer;
GRANT INSERT, UPDATE, DELETE ON jitasa.service_area TO jitasa_officer;

-- analyst: reads what maps need, without personal data; draws service areas; never assigns.
GRANT SELECT ON jitasa.admin_area, jitasa.facility, jitasa.service_area, jitasa.assignment,
    jitasa.assignment_run, jitasa.road_segment, jitasa.schema_migration TO jitasa_analyst;
GRANT SELECT (id, source, source_id, category, urgency, status, closure_reason, people_count, note,
              for_someone_else, location_accuracy_m, tambon_code, geom, created_at, updated_at, version)
    ON jitasa.help_request TO jitasa_analyst;
GRANT SELECT (id, source, source_id, kind, skills, vehicle, capacity, active_count, available,
              tambon_code, geom, created_at, updated_at, version)
    ON jitasa.volunteer TO jitasa_analyst;
GRANT INSERT, UPDATE, DELETE ON jitasa.service_area TO jitasa_analyst;

-- feed: the public app's importer; inserts and updates requests, reads nothing else.
GRANT SELECT (id, source, source_id, status, version) ON jitasa.help_request TO jitasa_feed;
GRANT INSERT (source, source_id, category, urgency, people_count, note, requester_name, requester_phone,
              for_someone_else, location_accuracy_m, geom)
    ON jitasa.help_request TO jitasa_feed;
GRANT UPDATE (category, urgency, people_count, note, requester_name, requester_phone, for_someone_else,
              location_accuracy_m, geom)
    ON jitasa.help_request TO jitasa_feed;

GRANT USAGE ON ALL SEQUENCES IN SCHEMA jitasa TO jitasa_officer, jitasa_analyst, jitasa_feed;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA jitasa TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;
