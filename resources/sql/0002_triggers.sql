-- 0002: derived tambon codes, version checks, NOTIFY and the append-only audit log.

-- The acting role: SET ROLE jitasa_officer shows here even inside SECURITY DEFINER functions.
CREATE FUNCTION jitasa.acting_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(current_setting('role', true), 'none') = 'none'
                THEN session_user::text ELSE current_setting('role', true) END
$$;

-- Tambon code from the point, on insert and whenever the point moves.
-- SECURITY DEFINER: the feed role may insert requests without being allowed to read admin areas.
CREATE FUNCTION jitasa.derive_tambon_code() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, jitasa AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.geom IS DISTINCT FROM OLD.geom OR NEW.tambon_code IS DISTINCT FROM OLD.tambon_code THEN
        IF NEW.geom IS NULL THEN
            NEW.tambon_code := NULL;
        ELSE
            SELECT a.code INTO NEW.tambon_code
              FROM jitasa.admin_area a
             WHERE a.level = 'tambon' AND ST_Intersects(a.geom, NEW.geom)
             ORDER BY a.code
             LIMIT 1;
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- Optimistic concurrency: a writer that sends the version it read gets refused when the row moved on;
-- a writer that leaves version alone just bumps it. Either way the stored version always increases.
CREATE FUNCTION jitasa.bump_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version THEN
        RAISE EXCEPTION 'stale write to %.% id %: you had version %, the store has version %',
            TG_TABLE_SCHEMA, TG_TABLE_NAME, OLD.id, NEW.version, OLD.version
            USING ERRCODE = '40001', HINT = 'Reload the feature and apply your change again.';
    END IF;
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END $$;

-- One notification per statement, not per row: a 5,000-row batch sends one small message.
-- Payload: {"table": ..., "op": ..., "ids": [...]} or "ids": null when too many to list (reload all).
CREATE FUNCTION jitasa.notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids integer[];
    n   integer;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(id ORDER BY id), count(*) INTO ids, n FROM old_rows;
    ELSE
        SELECT array_agg(id ORDER BY id), count(*) INTO ids, n FROM new_rows;
    END IF;
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    IF n > 500 THEN
        ids := NULL;
    END IF;
    PERFORM pg_notify('jitasa', json_build_object(
        'table', TG_TABLE_NAME, 'op', lower(TG_OP), 'count', n, 'ids', ids)::text);
    RETURN NULL;
END $$;

-- Audit rows from transition tables; run id from the transaction setting jitasa.run_id if set.
CREATE FUNCTION jitasa.audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa AS $$
DECLARE
    run integer := nullif(current_setting('jitasa.run_id', true), '')::integer;
    who text := session_user;
    acting text := jitasa.acting_role();
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id, new_row)
        SELECT who, acting, TG_TABLE_NAME, 'insert', n.id, run, to_jsonb(n) FROM new_rows n;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id, old_row, new_row)
        SELECT who, acting, TG_TABLE_NAME, 'update', n.id, run, to_jsonb(o), to_jsonb(n)
          FROM new_rows n JOIN old_rows o USING (id);
    ELSE
        INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id, old_row)
        SELECT who, acting, TG_TABLE_NAME, 'delete', o.id, run, to_jsonb(o) FROM old_rows o;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION jitasa.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'jitasa.audit_log is append-only' USING ERRCODE = '42501';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON jitasa.audit_log
    FOR EACH ROW EXECUTE FUNCTION jitasa.refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON jitasa.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.refuse_audit_change();

-- Wire the triggers onto each table (transition tables allow one event per trigger, hence three each).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON jitasa.%I
                        FOR EACH ROW EXECUTE FUNCTION jitasa.derive_tambon_code()', t || '_tambon', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'service_area', 'assignment',
                             'assignment_run'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON jitasa.%I
                        FOR EACH ROW EXECUTE FUNCTION jitasa.bump_version()', t || '_version', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'service_area', 'assignment',
                             'assignment_run', 'admin_area'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON jitasa.%I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.notify_change()', t || '_notify_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON jitasa.%I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.notify_change()', t || '_notify_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON jitasa.%I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.notify_change()', t || '_notify_del', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'service_area', 'assignment',
                             'assignment_run'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON jitasa.%I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_change()', t || '_audit_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON jitasa.%I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_change()', t || '_audit_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON jitasa.%I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_change()', t || '_audit_del', t);
    END LOOP;
END $$;
