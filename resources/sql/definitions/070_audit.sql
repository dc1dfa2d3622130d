-- Reading the audit (issue 14): a row's state at a past time, rebuilt from its audit rows, and a request's
-- history (its own changes and those of its assignments: who assigned, who changed the status, when).
-- Audit rows are written by jitasa.audit_change() (020_triggers.sql): an insert holds the whole new row, a delete
-- the whole old row, an update since 0020 only the columns it changed (old values, new values; is_delta),
-- before 0020 the whole old and new rows (without the geometry unless it moved; before 0007 geometry as
-- GeoJSON). Merging an update's new_row onto the row before it gives the row after it, for either kind.
-- audit_row_at runs as the caller (whoever may read the audit log and, under row security, its rows);
-- request_history as the owner, checking the caller's scope itself.

-- Geometry in audit rows is hex EWKB; rows written before 0007 hold GeoJSON: made hex EWKB here.
CREATE OR REPLACE FUNCTION jitasa.audit_geometry_hex(p_row jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE WHEN jsonb_typeof(p_row -> 'geom') = 'object'
                THEN p_row || jsonb_build_object('geom', encode(public.ST_AsEWKB(public.ST_SetSRID(
                         public.ST_GeomFromGeoJSON((p_row -> 'geom')::text), 4326)), 'hex'))
                ELSE p_row END
$$;

-- The live row as the audit writes it (geometry as hex EWKB), or NULL when there is none.
CREATE OR REPLACE FUNCTION jitasa.audit_live_row(p_table text, p_row_id integer) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    tbl regclass := to_regclass(format('jitasa.%I', p_table));
    r jsonb;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION 'jitasa.% is not a table of the store', p_table USING ERRCODE = '42P01';
    END IF;
    EXECUTE format('SELECT to_jsonb(r) FROM (SELECT %s FROM %s x WHERE x.id = $1) r',
                   jitasa.audit_row_columns(tbl, 'x', true), tbl)
       INTO r USING p_row_id;
    RETURN r;
END $$;

-- The row (table name without schema, id) as it was at p_at, from the audit: its insert's whole row, then
-- every update up to p_at merged onto it; NULL when the row did not exist at p_at (not yet inserted, or
-- deleted). A row older than its audit trail (no insert row) is rebuilt backwards instead: from the live row
-- (or its delete's whole old row), every later update undone with its old values.
-- jsonb_populate_record(NULL::jitasa.<table>, ...) gives the typed row (hex EWKB reads as geometry).
CREATE OR REPLACE FUNCTION jitasa.audit_row_at(p_table text, p_row_id integer, p_at timestamptz DEFAULT now())
RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    state jsonb;
    a record;
    found_insert boolean := false;
BEGIN
    FOR a IN SELECT l.operation, l.at, l.old_row, l.new_row FROM jitasa.audit_log l
              WHERE l.table_name = p_table AND l.row_id = p_row_id ORDER BY l.id LOOP
        IF a.operation = 'insert' THEN
            found_insert := true;
        END IF;
        EXIT WHEN a.at > p_at;
        IF a.operation = 'insert' THEN
            state := a.new_row;
        ELSIF a.operation = 'update' AND state IS NOT NULL THEN
            state := state || a.new_row;
        ELSIF a.operation = 'delete' THEN
            state := NULL;
        END IF;
    END LOOP;
    IF found_insert THEN
        RETURN jitasa.audit_geometry_hex(state);
    END IF;
    -- no insert row: backwards from what is there now
    state := jitasa.audit_live_row(p_table, p_row_id);
    FOR a IN SELECT l.operation, l.at, l.old_row FROM jitasa.audit_log l
              WHERE l.table_name = p_table AND l.row_id = p_row_id AND l.at > p_at ORDER BY l.id DESC LOOP
        IF a.operation = 'delete' THEN
            state := a.old_row;
        ELSIF a.operation = 'update' AND state IS NOT NULL THEN
            state := state || a.old_row;
        END IF;
    END LOOP;
    RETURN jitasa.audit_geometry_hex(state);
END $$;

-- The columns an audit row changed: for an update the keys whose old and new values differ (a delta holds
-- only those; an older whole-row update all of them), for an insert the new row, for a delete the old row.
CREATE OR REPLACE FUNCTION jitasa.audit_changes(p_operation text, p_old jsonb, p_new jsonb,
                                                OUT old_values jsonb, OUT new_values jsonb)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN p_operation = 'update' THEN
                    coalesce((SELECT jsonb_object_agg(k, p_old -> k) FROM jsonb_object_keys(p_old || p_new) k
                               WHERE (p_old -> k) IS DISTINCT FROM (p_new -> k)), '{}')
                ELSE p_old END,
           CASE WHEN p_operation = 'update' THEN
                    coalesce((SELECT jsonb_object_agg(k, p_new -> k) FROM jsonb_object_keys(p_old || p_new) k
                               WHERE (p_old -> k) IS DISTINCT FROM (p_new -> k)), '{}')
                ELSE p_new END
$$;

-- A request's history, oldest first: the request's own audit rows and those of every assignment ever made
-- for it (found from the assignments' insert rows through their partial index), each with who (the login
-- and the acting role), when, the transaction, the run and the columns it changed. Reads only this
-- request's rows: a few index scans whatever the size of the log. SECURITY DEFINER (granted to officers and
-- admins) with the caller's scope checked here: the audit log's per-row policy would run on every row read.
CREATE OR REPLACE FUNCTION jitasa.request_history(p_request_id integer)
RETURNS TABLE (audit_id bigint, at timestamptz, actor text, acting_role text, table_name text, row_id integer,
               operation text, run_id integer, xact_id bigint, old_values jsonb, new_values jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, pg_temp AS $$
    SELECT l.id, l.at, l.actor, l.acting_role, l.table_name, l.row_id, l.operation, l.run_id, l.xact_id,
           c.old_values, c.new_values
      FROM (SELECT h.* FROM jitasa.audit_log h
             WHERE h.table_name = 'help_request' AND h.row_id = p_request_id
            UNION ALL
            SELECT x.* FROM jitasa.audit_log x
             WHERE x.table_name = 'assignment'
               AND x.row_id IN (SELECT i.row_id FROM jitasa.audit_log i
                                 WHERE i.table_name = 'assignment' AND i.operation = 'insert'
                                   AND (i.new_row ->> 'request_id')::integer = p_request_id)) l
     CROSS JOIN LATERAL jitasa.audit_changes(l.operation, l.old_row, l.new_row) c
     -- a scoped login sees the history of the requests in its areas (the scope of 015_scopes.sql, as the row
     -- policies of 910_row_security.sql ask it)
     WHERE jitasa.scope_national()
        OR EXISTS (SELECT 1 FROM jitasa.help_request r
                    WHERE r.id = p_request_id
                      AND (left(r.tambon_code, 2) = ANY (jitasa.scope_codes())
                           OR left(r.tambon_code, 4) = ANY (jitasa.scope_codes())))
     ORDER BY l.id
$$;
