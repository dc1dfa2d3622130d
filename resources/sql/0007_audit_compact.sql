-- 0007: cheaper audit rows. to_jsonb() of a row turns its geometry into GeoJSON, which made audit rows most
-- of the cost of a 5,000-row write-back (bench/writeback.py). Rows are now written with the geometry as hex
-- EWKB (exact and cheap), and an update records the geometry only when it changed.

-- The select list of a table's row under an alias, geometry as hex EWKB (or left out).
CREATE OR REPLACE FUNCTION jitasa.audit_row_columns(p_table regclass, p_alias text, p_with_geometry boolean)
RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT string_agg(
               CASE WHEN t.typname = 'geometry'
                    THEN format('encode(public.ST_AsEWKB(%I.%I), ''hex'') AS %I', p_alias, a.attname, a.attname)
                    ELSE format('%I.%I', p_alias, a.attname) END,
               ', ' ORDER BY a.attnum)
      FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped
       AND (t.typname <> 'geometry' OR p_with_geometry)
$$;

CREATE OR REPLACE FUNCTION jitasa.audit_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa
SET enable_nestloop = off SET jit = off AS $$
DECLARE
    run integer := nullif(current_setting('jitasa.run_id', true), '')::integer;
    who text := session_user;
    acting text := jitasa.acting_role();
    tbl regclass := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME)::regclass;
    geom_change text := '';
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id, new_row)
                        SELECT $1, $2, $3, ''insert'', n.id, $4, (SELECT to_jsonb(r) FROM (SELECT %s) r)
                          FROM new_rows n', jitasa.audit_row_columns(tbl, 'n', true))
        USING who, acting, TG_TABLE_NAME, run;
    ELSIF TG_OP = 'UPDATE' THEN
        -- Columns without the geometry, then the geometry only for rows where it moved.
        IF EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                    WHERE a.attrelid = tbl AND a.attname = 'geom' AND t.typname = 'geometry') THEN
            geom_change := ' || CASE WHEN public.ST_AsEWKB(o.geom) IS DISTINCT FROM public.ST_AsEWKB(n.geom) THEN jsonb_build_object(''geom'', '
                           'encode(public.ST_AsEWKB(%1$s.geom), ''hex'')) ELSE ''{}''::jsonb END';
        END IF;
        EXECUTE format('INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id,
                                                      old_row, new_row)
                        SELECT $1, $2, $3, ''update'', n.id, $4,
                               (SELECT to_jsonb(r) FROM (SELECT %s) r)%s,
                               (SELECT to_jsonb(r) FROM (SELECT %s) r)%s
                          FROM new_rows n JOIN old_rows o USING (id)',
                       jitasa.audit_row_columns(tbl, 'o', false), format(geom_change, 'o'),
                       jitasa.audit_row_columns(tbl, 'n', false), format(geom_change, 'n'))
        USING who, acting, TG_TABLE_NAME, run;
    ELSE
        EXECUTE format('INSERT INTO jitasa.audit_log (actor, acting_role, table_name, operation, row_id, run_id, old_row)
                        SELECT $1, $2, $3, ''delete'', o.id, $4, (SELECT to_jsonb(r) FROM (SELECT %s) r)
                          FROM old_rows o', jitasa.audit_row_columns(tbl, 'o', true))
        USING who, acting, TG_TABLE_NAME, run;
    END IF;
    RETURN NULL;
END $$;
