-- Triggers: derived tambon codes, version checks, NOTIFY, the append-only audit log, the open-request grid.
-- Repeatable: re-applied whenever this file changes (CREATE OR REPLACE TRIGGER keeps names stable).

-- Tambon code from the point, on insert and whenever the point moves.
-- The code is trusted as given only when the store's own SECURITY DEFINER code set it (current_user is then
-- jitasa_owner: jitasa.upsert_feed_requests derives a page's codes in one spatial join, admin_area_recode
-- recodes); anyone else's is derived again. SECURITY INVOKER so that current_user is the writer's; the
-- lookup runs as the owner (jitasa.tambon_code_at), so the feed need not read admin areas.
CREATE OR REPLACE FUNCTION jitasa.tambon_code_at(p_geom public.geometry) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
    SELECT a.code FROM jitasa.admin_area a
     WHERE a.level = 'tambon' AND public.ST_Intersects(a.geom, p_geom)
     ORDER BY a.code LIMIT 1
$$;

CREATE OR REPLACE FUNCTION jitasa.derive_tambon_code() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
BEGIN
    IF current_user = 'jitasa_owner' AND NEW.tambon_code IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.tambon_code IS DISTINCT FROM OLD.tambon_code) THEN
        RETURN NEW;  -- set by the store's own code from this very point
    END IF;
    IF TG_OP = 'INSERT' OR NEW.geom IS DISTINCT FROM OLD.geom OR NEW.tambon_code IS DISTINCT FROM OLD.tambon_code THEN
        NEW.tambon_code := CASE WHEN NEW.geom IS NOT NULL THEN jitasa.tambon_code_at(NEW.geom) END;
    END IF;
    RETURN NEW;
END $$;

-- When tambons are added, reshaped, recoded or removed, the points inside them get their codes again, in the
-- same statement's transaction; each changed row is versioned, audited and notified by its own triggers.
CREATE OR REPLACE FUNCTION jitasa.admin_area_recode() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp
SET enable_nestloop = on AS $$
DECLARE
    changed public.geometry[];  -- the tambon shapes before and after the change
    t text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(n.geom) INTO changed FROM new_rows n WHERE n.level = 'tambon';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(o.geom) INTO changed FROM old_rows o WHERE o.level = 'tambon';
    ELSE
        SELECT array_agg(g) INTO changed
          FROM old_rows o JOIN new_rows n USING (id)
         CROSS JOIN LATERAL (VALUES (o.geom), (n.geom)) AS v(g)
         WHERE (o.level = 'tambon' OR n.level = 'tambon')
           AND (o.code IS DISTINCT FROM n.code OR o.level IS DISTINCT FROM n.level
                OR NOT public.ST_Equals(o.geom, n.geom));
    END IF;
    IF changed IS NULL THEN
        RETURN NULL;
    END IF;
    -- each changed shape finds its points through the table's GiST index
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility'] LOOP
        EXECUTE format(
            'UPDATE jitasa.%1$I x SET tambon_code = c.code
               FROM (SELECT p.id, (SELECT a.code FROM jitasa.admin_area a
                                    WHERE a.level = ''tambon'' AND public.ST_Intersects(a.geom, p.geom)
                                    ORDER BY a.code LIMIT 1) AS code
                       FROM (SELECT DISTINCT ON (q.id) q.id, q.geom
                               FROM unnest($1) AS g(geom)
                               JOIN jitasa.%1$I q ON public.ST_Intersects(g.geom, q.geom)) p) c
              WHERE x.id = c.id AND x.tambon_code IS DISTINCT FROM c.code', t)
        USING changed;
    END LOOP;
    RETURN NULL;
END $$;

-- Optimistic concurrency: a writer that sends the version it read gets refused when the row moved on;
-- a writer that leaves version alone just bumps it. Either way the stored version always increases.
CREATE OR REPLACE FUNCTION jitasa.bump_version() RETURNS trigger
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

-- Free text on requests, whoever writes it: trimmed of Unicode space, capped (see jitasa.clean_text).
CREATE OR REPLACE FUNCTION jitasa.help_request_clean_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.note := jitasa.clean_text(NEW.note, 'A request''s note', 2000);
    NEW.closure_reason := jitasa.clean_text(NEW.closure_reason, 'A closure reason', 500);
    RETURN NEW;
END $$;

-- One notification per statement, not per row: a 5,000-row batch sends one small message.
-- Payload: {"table": ..., "op": ..., "ids": [...]} or "ids": null when too many to list (reload all).
-- Any role can NOTIFY on the channel too, so the plugin takes a payload as a hint to re-query, never as truth.
CREATE OR REPLACE FUNCTION jitasa.notify_change() RETURNS trigger
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

-- Audit rows from transition tables: one per changed row with the actor, the acting role, the transaction and
-- the run. An insert keeps the whole new row and a delete the whole old row; an update only the columns it
-- changed, old values in old_row and new values in new_row (a delta, is_delta; 070_audit.sql rebuilds rows
-- from them). Geometry as hex EWKB. The run id is believed only when one of the store's functions signed it
-- (jitasa.trusted_run_id).
-- An update is written in two passes over the joined transition tables: first how many rows changed each
-- column, then the rows with only those columns (unconditionally when every row changed one, as a status
-- change does; per row otherwise), so unchanged columns are never serialised.
-- Nested loops and JIT off: PL/pgSQL caches the first call's plan, and after a one-row change a nested loop
-- over the transition tables then compared 5,000 x 5,000 rows of a later batch (5 to 11 s measured).
CREATE OR REPLACE FUNCTION jitasa.audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp
SET enable_nestloop = off SET jit = off AS $$
DECLARE
    run integer := jitasa.trusted_run_id();
    who text := session_user;
    acting text := jitasa.acting_role();
    xact bigint := txid_current();
    tbl regclass := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME)::regclass;
    cols text[];           -- the columns but id
    cmp_o text[];          -- what is compared (geometry as EWKB)
    cmp_n text[];
    val_o text[];          -- what is stored (geometry as hex EWKB)
    val_n text[];
    changed bigint[];      -- rows that changed each column
    total bigint;
    all_o text[] := '{}';  -- columns every row changed: key, value pairs
    all_n text[] := '{}';
    some_o text := '';     -- columns some rows changed: one CASE each
    some_n text := '';
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id,
                                                      xact_id, is_delta, new_row)
                        SELECT $1, $2, $3, ''insert'', n.id, $4, $5, false, (SELECT to_jsonb(r) FROM (SELECT %s) r)
                          FROM new_rows n', jitasa.audit_row_columns(tbl, 'n', true))
        USING who, acting, TG_TABLE_NAME, run, xact;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(a.attname::text ORDER BY a.attnum),
               array_agg(CASE WHEN t.typname = 'geometry' THEN format('public.ST_AsEWKB(o.%I)', a.attname)
                              ELSE format('o.%I', a.attname) END ORDER BY a.attnum),
               array_agg(CASE WHEN t.typname = 'geometry' THEN format('public.ST_AsEWKB(n.%I)', a.attname)
                              ELSE format('n.%I', a.attname) END ORDER BY a.attnum),
               array_agg(CASE WHEN t.typname = 'geometry' THEN format('encode(public.ST_AsEWKB(o.%I), ''hex'')', a.attname)
                              ELSE format('o.%I', a.attname) END ORDER BY a.attnum),
               array_agg(CASE WHEN t.typname = 'geometry' THEN format('encode(public.ST_AsEWKB(n.%I), ''hex'')', a.attname)
                              ELSE format('n.%I', a.attname) END ORDER BY a.attnum)
          INTO cols, cmp_o, cmp_n, val_o, val_n
          FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
         WHERE a.attrelid = tbl AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id';
        EXECUTE format('SELECT count(*), ARRAY[%s]::bigint[] FROM old_rows o JOIN new_rows n USING (id)',
                       (SELECT string_agg(format('count(*) FILTER (WHERE %s IS DISTINCT FROM %s)', c.o, c.n), ', '
                                          ORDER BY c.k)
                          FROM unnest(cmp_o, cmp_n) WITH ORDINALITY AS c(o, n, k)))
          INTO total, changed;
        IF total = 0 THEN
            RETURN NULL;
        END IF;
        FOR i IN 1 .. array_length(cols, 1) LOOP
            CONTINUE WHEN changed[i] = 0;
            IF changed[i] = total THEN
                all_o := all_o || format('%L, %s', cols[i], val_o[i]);
                all_n := all_n || format('%L, %s', cols[i], val_n[i]);
            ELSE
                some_o := some_o || format(' || CASE WHEN %s IS DISTINCT FROM %s THEN jsonb_build_object(%L, %s) '
                                           'ELSE ''{}''::jsonb END', cmp_o[i], cmp_n[i], cols[i], val_o[i]);
                some_n := some_n || format(' || CASE WHEN %s IS DISTINCT FROM %s THEN jsonb_build_object(%L, %s) '
                                           'ELSE ''{}''::jsonb END', cmp_o[i], cmp_n[i], cols[i], val_n[i]);
            END IF;
        END LOOP;
        EXECUTE format('INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id,
                                                      xact_id, is_delta, old_row, new_row)
                        SELECT $1, $2, $3, ''update'', n.id, $4, $5, true,
                               jsonb_build_object(%s)%s, jsonb_build_object(%s)%s
                          FROM new_rows n JOIN old_rows o USING (id)',
                       array_to_string(all_o, ', '), some_o, array_to_string(all_n, ', '), some_n)
        USING who, acting, TG_TABLE_NAME, run, xact;
    ELSE
        EXECUTE format('INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id,
                                                      xact_id, is_delta, old_row)
                        SELECT $1, $2, $3, ''delete'', o.id, $4, $5, false, (SELECT to_jsonb(r) FROM (SELECT %s) r)
                          FROM old_rows o', jitasa.audit_row_columns(tbl, 'o', true))
        USING who, acting, TG_TABLE_NAME, run, xact;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION jitasa.refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'jitasa.audit_log is append-only' USING ERRCODE = '42501';
END $$;

-- Rows reach the audit log only from jitasa.audit_change(), for every role including its owner and the
-- superuser: a plain INSERT (trigger depth 1) or one from any other function is refused.
CREATE OR REPLACE FUNCTION jitasa.audit_log_insert_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ctx text;
    caller text;
BEGIN
    GET DIAGNOSTICS ctx = PG_CONTEXT;
    -- The context lists this function, the INSERT's text (over several lines), then the function that ran
    -- it: the first "PL/pgSQL function" line after this function's own must be the audit trigger's.
    SELECT l INTO caller
      FROM unnest((string_to_array(ctx, E'\n'))[2:]) WITH ORDINALITY AS u(l, k)
     WHERE l LIKE 'PL/pgSQL function %'
     ORDER BY k LIMIT 1;
    IF pg_trigger_depth() < 2 OR coalesce(caller, '') !~ '^PL/pgSQL function (jitasa\.)?audit_change\(\) line \d+ at EXECUTE$' THEN
        RAISE EXCEPTION 'jitasa.audit_log is written only by the store''s audit trigger'
            USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END $$;

-- Emptying an audited table would leave no trail: refused for everyone (delete rows instead; they are audited).
CREATE OR REPLACE FUNCTION jitasa.refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'TRUNCATE of jitasa.% is refused: it would leave no audit trail. Delete the rows instead.',
        TG_TABLE_NAME USING ERRCODE = '42501';
END $$;

-- Statement trigger: only rows whose open-ness, place or urgency changed move counts (assigning does not).
CREATE OR REPLACE FUNCTION jitasa.request_grid_maintain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp
SET enable_nestloop = off SET jit = off AS $$
DECLARE
    lons double precision[]; lats double precision[]; crit boolean[]; signs integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(public.ST_X(geom)), array_agg(public.ST_Y(geom)), array_agg(urgency = 'critical'),
               array_agg(1)
          INTO lons, lats, crit, signs
          FROM new_rows WHERE geom IS NOT NULL AND jitasa.is_open(status);
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(public.ST_X(geom)), array_agg(public.ST_Y(geom)), array_agg(urgency = 'critical'),
               array_agg(-1)
          INTO lons, lats, crit, signs
          FROM old_rows WHERE geom IS NOT NULL AND jitasa.is_open(status);
    ELSE
        SELECT array_agg(public.ST_X(d.geom)), array_agg(public.ST_Y(d.geom)), array_agg(d.urgency = 'critical'),
               array_agg(d.sign)
          INTO lons, lats, crit, signs
          FROM (SELECT o.geom, o.urgency, -1 AS sign FROM old_rows o JOIN new_rows n USING (id)
                 WHERE o.geom IS NOT NULL AND jitasa.is_open(o.status)
                   AND (NOT jitasa.is_open(n.status) OR n.geom IS DISTINCT FROM o.geom
                        OR n.urgency IS DISTINCT FROM o.urgency)
                UNION ALL
                SELECT n.geom, n.urgency, 1 FROM old_rows o JOIN new_rows n USING (id)
                 WHERE n.geom IS NOT NULL AND jitasa.is_open(n.status)
                   AND (NOT jitasa.is_open(o.status) OR n.geom IS DISTINCT FROM o.geom
                        OR n.urgency IS DISTINCT FROM o.urgency)) d;
    END IF;
    IF lons IS NOT NULL THEN
        PERFORM jitasa.request_grid_apply(lons, lats, crit, signs);
    END IF;
    RETURN NULL;
END $$;

-- The assignment's line from the volunteer to the request, when it is made or re-pointed.
CREATE OR REPLACE FUNCTION jitasa.assignment_set_geom() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
BEGIN
    NEW.geom := (SELECT public.ST_MakeLine(v.geom, r.geom)
                   FROM jitasa.help_request r, jitasa.volunteer v
                  WHERE r.id = NEW.request_id AND v.id = NEW.volunteer_id);
    RETURN NEW;
END $$;

-- A request or volunteer moved: the lines of its proposed and active assignments follow. A row trigger on
-- UPDATE OF geom (statement triggers with transition tables cannot name columns): status changes skip it.
CREATE OR REPLACE FUNCTION jitasa.assignment_follow_points() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
BEGIN
    IF public.ST_AsEWKB(NEW.geom) IS NOT DISTINCT FROM public.ST_AsEWKB(OLD.geom) THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'help_request' THEN
        UPDATE jitasa.assignment a SET geom = public.ST_MakeLine(v.geom, NEW.geom)
          FROM jitasa.volunteer v
         WHERE a.request_id = NEW.id AND a.status IN ('proposed', 'active') AND v.id = a.volunteer_id;
    ELSE
        UPDATE jitasa.assignment a SET geom = public.ST_MakeLine(NEW.geom, r.geom)
          FROM jitasa.help_request r
         WHERE a.volunteer_id = NEW.id AND a.status IN ('proposed', 'active') AND r.id = a.request_id;
    END IF;
    RETURN NULL;
END $$;

-- --- wiring -------------------------------------------------------------------------------------------------
-- Transition tables allow one event per trigger, hence three statement triggers per table and purpose.
DO $$
DECLARE
    t text;
BEGIN
    -- only when an UPDATE names the point or the code (a status change, e.g. confirming 5,000 assignments,
    -- does not run it once per row)
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility'] LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE INSERT OR UPDATE OF geom, tambon_code ON jitasa.%I
                        FOR EACH ROW EXECUTE FUNCTION jitasa.derive_tambon_code()', t || '_tambon', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'service_area', 'assignment',
                             'assignment_run'] LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE UPDATE ON jitasa.%I
                        FOR EACH ROW EXECUTE FUNCTION jitasa.bump_version()', t || '_version', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'service_area', 'assignment',
                             'assignment_run', 'admin_area'] LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON jitasa.%I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.notify_change()', t || '_notify_ins', t);
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON jitasa.%I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.notify_change()', t || '_notify_upd', t);
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON jitasa.%I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.notify_change()', t || '_notify_del', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['help_request', 'volunteer', 'facility', 'service_area', 'assignment',
                             'assignment_run'] LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER INSERT ON jitasa.%I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_change()', t || '_audit_ins', t);
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER UPDATE ON jitasa.%I
                        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_change()', t || '_audit_upd', t);
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON jitasa.%I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_change()', t || '_audit_del', t);
        EXECUTE format('CREATE OR REPLACE TRIGGER %I BEFORE TRUNCATE ON jitasa.%I
                        FOR EACH STATEMENT EXECUTE FUNCTION jitasa.refuse_truncate()', t || '_no_truncate', t);
    END LOOP;
    EXECUTE 'CREATE OR REPLACE TRIGGER admin_area_no_truncate BEFORE TRUNCATE ON jitasa.admin_area
             FOR EACH STATEMENT EXECUTE FUNCTION jitasa.refuse_truncate()';
END $$;

CREATE OR REPLACE TRIGGER help_request_clean_text BEFORE INSERT OR UPDATE OF note, closure_reason
    ON jitasa.help_request FOR EACH ROW EXECUTE FUNCTION jitasa.help_request_clean_text();

CREATE OR REPLACE TRIGGER help_request_grid_ins AFTER INSERT ON jitasa.help_request
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jitasa.request_grid_maintain();
CREATE OR REPLACE TRIGGER help_request_grid_upd AFTER UPDATE ON jitasa.help_request
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.request_grid_maintain();
CREATE OR REPLACE TRIGGER help_request_grid_del AFTER DELETE ON jitasa.help_request
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jitasa.request_grid_maintain();

CREATE OR REPLACE TRIGGER admin_area_recode_ins AFTER INSERT ON jitasa.admin_area
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jitasa.admin_area_recode();
CREATE OR REPLACE TRIGGER admin_area_recode_upd AFTER UPDATE ON jitasa.admin_area
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.admin_area_recode();
CREATE OR REPLACE TRIGGER admin_area_recode_del AFTER DELETE ON jitasa.admin_area
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jitasa.admin_area_recode();

CREATE OR REPLACE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON jitasa.audit_log
    FOR EACH ROW EXECUTE FUNCTION jitasa.refuse_audit_change();
CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON jitasa.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.refuse_audit_change();
CREATE OR REPLACE TRIGGER audit_log_insert_only_from_audit BEFORE INSERT ON jitasa.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.audit_log_insert_guard();

CREATE OR REPLACE TRIGGER assignment_geom BEFORE INSERT OR UPDATE OF request_id, volunteer_id
    ON jitasa.assignment FOR EACH ROW EXECUTE FUNCTION jitasa.assignment_set_geom();
CREATE OR REPLACE TRIGGER help_request_moves_lines AFTER UPDATE OF geom ON jitasa.help_request
    FOR EACH ROW EXECUTE FUNCTION jitasa.assignment_follow_points();
CREATE OR REPLACE TRIGGER volunteer_moves_lines AFTER UPDATE OF geom ON jitasa.volunteer
    FOR EACH ROW EXECUTE FUNCTION jitasa.assignment_follow_points();
