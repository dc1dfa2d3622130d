-- 0020: a leaner audit and a write path that stays cheap (issue 14).
-- * audit_log: an update row now holds only the columns it changed (old values in old_row, new values in
--   new_row, as pgMemento keeps deltas), and every row its transaction (xact_id). Rows written before keep
--   their whole rows (is_delta false); readers merge either kind the same way (070_audit.sql).
-- * the audit is read per row in id order, and a request's assignments are found from their insert rows.
-- * a volunteer's load change can be a HOT update: no index names active_count any more (the volunteers
--   tab sorts a province's few thousand volunteers without one), and the hot tables keep room on each page.

ALTER TABLE jitasa.audit_log
    ADD COLUMN xact_id bigint,
    ADD COLUMN is_delta boolean NOT NULL DEFAULT false;

CREATE INDEX audit_log_row_order_idx ON jitasa.audit_log (table_name, row_id, id);
DROP INDEX jitasa.audit_log_row_idx;
CREATE INDEX audit_log_assignment_request_idx ON jitasa.audit_log (((new_row->>'request_id')::integer))
    WHERE table_name = 'assignment' AND operation = 'insert';

DROP INDEX jitasa.volunteer_free_capacity_idx;

-- Free space on each page, so an update that changes no indexed column stays on its page (HOT): no new
-- index entries. Applies to pages written from now on (a VACUUM FULL would rewrite the old ones).
ALTER TABLE jitasa.volunteer SET (fillfactor = 85);
ALTER TABLE jitasa.help_request SET (fillfactor = 85);
ALTER TABLE jitasa.assignment SET (fillfactor = 85);
