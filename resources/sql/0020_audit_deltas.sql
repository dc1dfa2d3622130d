-- 0020: a leaner audit and a write path that stays cheap (issue 14).
-- * audit_log: an update row now holds only the columns it changed (old values in old_row, new values in
--   new_row, as pgMemento keeps deltas), and every row its transaction (xact_id). Rows written before keep
--   their whole rows (is_delta false); readers merge either kind the same way (070_audit.sql).
-- * the audit is read per row in id order, and a request's assignments are found from their insert rows.
-- * a volunteer's load change can be a HOT update: no index names active_count any more (the volunteers
--   tab sorts a province's few thousand volunteers without one), and the hot tables keep room on each page.
-- * so can a request's status change between open statuses (confirming: new -> assigned): the partial
--   indexes of open requests are on the stored column is_open instead of status (PostgreSQL makes an
--   update HOT only when no indexed column, predicate or expression column changed; is_open stays true),
--   and no index has status as a key. Queries that want those indexes say is_open (operations.py, the
--   layers' filter on help_request_map, the feed's expiry sweep). The note's trigram index is partial on
--   is_open too: a status change no longer touches it (a note change still does).

ALTER TABLE jitasa.audit_log
    ADD COLUMN xact_id bigint,
    ADD COLUMN is_delta boolean NOT NULL DEFAULT false;

CREATE INDEX audit_log_row_order_idx ON jitasa.audit_log (table_name, row_id, id);
DROP INDEX jitasa.audit_log_row_idx;
CREATE INDEX audit_log_assignment_request_idx ON jitasa.audit_log (((new_row->>'request_id')::integer))
    WHERE table_name = 'assignment' AND operation = 'insert';

DROP INDEX jitasa.volunteer_free_capacity_idx;

ALTER TABLE jitasa.help_request
    ADD COLUMN is_open boolean GENERATED ALWAYS AS (status IN ('new', 'assigned', 'in_progress')) STORED;
DROP INDEX jitasa.help_request_open_idx, jitasa.help_request_open_amphoe_idx, jitasa.help_request_open_tambon_idx,
    jitasa.help_request_open_status_idx, jitasa.help_request_open_geom_idx,
    jitasa.help_request_open_critical_geom_idx, jitasa.help_request_feed_expiry_idx;
CREATE INDEX help_request_open_idx ON jitasa.help_request (urgency, created_at) WHERE is_open;
CREATE INDEX help_request_open_amphoe_idx ON jitasa.help_request (left(tambon_code, 4), urgency, created_at, id)
    WHERE is_open;
CREATE INDEX help_request_open_tambon_idx ON jitasa.help_request (tambon_code, urgency, created_at, id)
    WHERE is_open;
CREATE INDEX help_request_open_category_idx ON jitasa.help_request (category, urgency) WHERE is_open;
CREATE INDEX help_request_open_geom_idx ON jitasa.help_request USING gist (geom) WHERE is_open;
CREATE INDEX help_request_open_critical_geom_idx ON jitasa.help_request USING gist (geom)
    WHERE is_open AND urgency = 'critical';
CREATE INDEX help_request_feed_expiry_idx ON jitasa.help_request (source, expires_at)
    WHERE expires_at IS NOT NULL AND is_open;
DO $$
DECLARE
    trgm_schema text;
BEGIN
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        DROP INDEX IF EXISTS jitasa.help_request_open_note_trgm_idx;
        EXECUTE format('CREATE INDEX help_request_open_note_trgm_idx ON jitasa.help_request '
                       'USING gin (note %I.gin_trgm_ops) WHERE is_open', trgm_schema);
    END IF;
END $$;

-- Free space on each page, so an update that changes no indexed column stays on its page (HOT): no new
-- index entries. Applies to pages written from now on (a VACUUM FULL would rewrite the old ones).
ALTER TABLE jitasa.volunteer SET (fillfactor = 85);
ALTER TABLE jitasa.help_request SET (fillfactor = 85);
ALTER TABLE jitasa.assignment SET (fillfactor = 85);
