-- Helpers the triggers and the guarded functions share. Repeatable: re-applied whenever this file changes.
-- Internal helpers have no EXECUTE grant (900_privileges.sql): they run only inside the owner's functions.

-- The acting role: SET ROLE jitasa_officer shows here even inside SECURITY DEFINER functions.
CREATE OR REPLACE FUNCTION jitasa.acting_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(current_setting('role', true), 'none') = 'none'
                THEN session_user::text ELSE current_setting('role', true) END
$$;

-- Text from a caller (reasons, notes, methods): trimmed of every kind of Unicode space at both ends (tabs,
-- newlines, NBSP, zero-width spaces, BOM), NULL when nothing is left, refused (22001) when longer than
-- p_max characters, with the limit in the message.
CREATE OR REPLACE FUNCTION jitasa.clean_text(p_text text, p_what text, p_max integer) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    t text;
BEGIN
    IF p_text IS NULL THEN
        RETURN NULL;
    END IF;
    t := regexp_replace(p_text,
        '^[\s\u0085\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|'
        '[\s\u0085\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$', '', 'g');
    IF t = '' THEN
        RETURN NULL;
    END IF;
    IF char_length(t) > p_max THEN
        RAISE EXCEPTION '% is too long: % characters; at most % are allowed. Nothing was changed.',
            p_what, char_length(t), p_max USING ERRCODE = '22001';
    END IF;
    RETURN t;
END $$;

-- Integer id arrays from a caller: one dimension, no NULLs (22023 otherwise, naming what the ids are).
CREATE OR REPLACE FUNCTION jitasa.check_id_array(p_ids integer[], p_what text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_ids IS NULL THEN
        RETURN;
    END IF;
    IF coalesce(array_ndims(p_ids), 1) > 1 THEN
        RAISE EXCEPTION 'The % must be a plain list of ids, not a %-dimensional array. Nothing was changed.',
            p_what, array_ndims(p_ids) USING ERRCODE = '22023';
    END IF;
    IF array_position(p_ids, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'The % include an empty id. Nothing was changed.', p_what USING ERRCODE = '22023';
    END IF;
END $$;

-- --- run ids the audit can believe ----------------------------------------------------------------------

-- The signature of a run id for the current transaction: only the owner reads the secret.
CREATE OR REPLACE FUNCTION jitasa.run_signature(p_run_id integer) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT md5(s.secret || ':' || txid_current()::text || ':' || p_run_id::text) FROM jitasa.store_secret s
$$;

-- Put the run id into the transaction setting jitasa.run_id, signed. Called only from the owner's functions,
-- whose SET jitasa.run_id = '' clause restores the caller's value when they return.
CREATE OR REPLACE FUNCTION jitasa.enter_run(p_run_id integer) RETURNS void
LANGUAGE sql AS $$
    SELECT set_config('jitasa.run_id', p_run_id::text || ':' || jitasa.run_signature(p_run_id), true)::void
$$;

-- The run id of the statement being audited: only when signed for this transaction, else NULL. A caller
-- who SETs jitasa.run_id himself cannot sign it, so his rows carry no run.
CREATE OR REPLACE FUNCTION jitasa.trusted_run_id() RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
    raw text := coalesce(current_setting('jitasa.run_id', true), '');
    run integer;
BEGIN
    IF raw !~ '^[0-9]{1,9}:[0-9a-f]{32}$' THEN
        RETURN NULL;
    END IF;
    run := split_part(raw, ':', 1)::integer;
    IF split_part(raw, ':', 2) = jitasa.run_signature(run) THEN
        RETURN run;
    END IF;
    RETURN NULL;
END $$;

-- The select list of a table's row under an alias, geometry as hex EWKB (or left out): audit rows store
-- the geometry exactly and cheaply (to_jsonb() would turn it into GeoJSON, most of a batch's cost).
CREATE OR REPLACE FUNCTION jitasa.audit_row_columns(p_table regclass, p_alias text, p_with_geometry boolean)
RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT string_agg(
               CASE WHEN t.typname = 'geometry'
                    THEN format('encode(public.ST_AsEWKB(%I.%I), ''hex'') AS %I', p_alias, a.attname, a.attname)
                    ELSE format('%I.%I', p_alias, a.attname) END,
               ', ' ORDER BY a.attnum)
      FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped
       AND (t.typname <> 'geometry' OR p_with_geometry)
$$;

-- --- the open-request grid ------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION jitasa.grid_cell_id(lon double precision, lat double precision, size_deg double precision)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN size_deg >= 0.25 THEN 30000000 ELSE 0 END
         + floor((lat + 90) / size_deg)::integer * ceil(360 / size_deg)::integer
         + floor((lon + 180) / size_deg)::integer
$$;

-- Add signed counts for points (lon, lat, critical?, +1 entering / -1 leaving the open set) at both sizes.
CREATE OR REPLACE FUNCTION jitasa.request_grid_apply(lons double precision[], lats double precision[],
                                                     critical boolean[], signs integer[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO jitasa.request_grid AS g (id, size_deg, n, n_critical, geom)
    SELECT jitasa.grid_cell_id(min(p.lon), min(p.lat), s.size), s.size, sum(p.sign),
           sum(CASE WHEN p.critical THEN p.sign ELSE 0 END),
           public.ST_MakeEnvelope(c.ix * s.size - 180, c.iy * s.size - 90,
                                  (c.ix + 1) * s.size - 180, (c.iy + 1) * s.size - 90, 4326)
      FROM unnest(lons, lats, critical, signs) AS p(lon, lat, critical, sign)
     CROSS JOIN (VALUES (0.05::double precision), (0.25)) AS s(size)
     CROSS JOIN LATERAL (SELECT floor((p.lon + 180) / s.size)::integer AS ix,
                                floor((p.lat + 90) / s.size)::integer AS iy) c
     GROUP BY s.size, c.ix, c.iy
    HAVING sum(p.sign) <> 0 OR sum(CASE WHEN p.critical THEN p.sign ELSE 0 END) <> 0
    ON CONFLICT (id) DO UPDATE SET n = g.n + EXCLUDED.n, n_critical = g.n_critical + EXCLUDED.n_critical
$$;

CREATE OR REPLACE FUNCTION jitasa.is_open(s jitasa.request_status) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT s IN ('new', 'assigned', 'in_progress') $$;

-- --- request status -------------------------------------------------------------------------------------

-- The one table of allowed status changes; change_request_status() asks it, and a test compares it with
-- jitasa_qgis/core/request_transitions.py. Assigning (new -> assigned) belongs to the assignment functions.
CREATE OR REPLACE FUNCTION jitasa.request_status_change_allowed(p_from jitasa.request_status,
                                                                p_to jitasa.request_status)
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_to
        WHEN 'in_progress' THEN p_from IN ('new', 'assigned')
        WHEN 'done'        THEN p_from IN ('assigned', 'in_progress')
        WHEN 'cancelled'   THEN p_from IN ('new', 'assigned', 'in_progress')
        ELSE false
    END
$$;

-- --- eligibility ----------------------------------------------------------------------------------------

-- Whether the volunteer has what the category needs (skills, vehicle). Availability and capacity are
-- checked separately by the assignment functions.
CREATE OR REPLACE FUNCTION jitasa.volunteer_can_serve(v jitasa.volunteer, c jitasa.request_category)
RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM jitasa.category_need n
                    WHERE n.category = c AND v.skills @> n.skills
                      AND (cardinality(n.vehicles) = 0 OR v.vehicle = ANY (n.vehicles)))
$$;

-- 'vehicle', 'oxygen handling or vehicle', '' (anyone): as definitions.eligibility.needs_label().
CREATE OR REPLACE FUNCTION jitasa.category_needs_label(c jitasa.request_category) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(n.label, ' or ' ORDER BY n.alternative) FILTER (WHERE n.label <> ''), '')
      FROM jitasa.category_need n WHERE n.category = c
$$;
