-- Drawn service areas: saved and deleted only with the version the caller read (issue 11 item 4).
-- Repeatable: re-applied whenever this file changes.
--
-- Both functions return one row (id, version, outcome, detail); a refusal is an outcome, never an exception,
-- so the form can say it in words (definitions/service_area_outcomes.py):
--   inserted / updated / deleted   written as asked
--   repaired                       written after ST_MakeValid; detail: reason, drawn_m2, saved_m2, change_m2,
--                                  change_pct (null when the drawn ring had no area, e.g. a symmetric bow-tie)
--   stale                          the row moved on since the caller read it: nothing written; version is the
--                                  stored one, detail {your_version, current_version}
--   not_found                      no such service area (deleted meanwhile)
--   invalid_geometry               nothing polygonal is left after repair (or no geometry); detail: reason
--   not_polygon                    a point or line; detail: type
--   invalid_input                  detail: field (name, kind, facility_id, amphoe_code)

-- The drawn geometry as the table's MultiPolygon in 4326, or why not: (geom, outcome, detail) where outcome
-- is null (taken as it is), 'repaired', 'invalid_geometry' or 'not_polygon'. Internal (no EXECUTE grant).
CREATE OR REPLACE FUNCTION jitasa.service_area_geometry(p_geom geometry,
    OUT geom geometry, OUT outcome text, OUT detail jsonb)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    g        geometry := p_geom;
    reason   text;
    drawn_m2 double precision;
    saved_m2 double precision;
BEGIN
    IF g IS NULL OR ST_IsEmpty(g) THEN
        outcome := 'invalid_geometry';
        detail := jsonb_build_object('reason', 'empty');
        RETURN;
    END IF;
    IF ST_SRID(g) = 0 THEN
        g := ST_SetSRID(g, 4326);  -- the map tool sends 4326; a bare WKT is taken as such
    ELSIF ST_SRID(g) <> 4326 THEN
        g := ST_Transform(g, 4326);
    END IF;
    IF GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
        outcome := 'not_polygon';
        detail := jsonb_build_object('type', GeometryType(g));
        RETURN;
    END IF;
    IF ST_IsValid(g) THEN
        geom := ST_Multi(g);
        RETURN;
    END IF;
    reason := ST_IsValidReason(g);
    geom := ST_CollectionExtract(ST_MakeValid(g), 3);  -- only the polygonal part: a collapsed lobe is a line
    IF geom IS NULL OR ST_IsEmpty(geom) OR ST_Area(geom) = 0 THEN
        geom := NULL;
        outcome := 'invalid_geometry';
        detail := jsonb_build_object('reason', reason);
        RETURN;
    END IF;
    geom := ST_Multi(geom);
    -- the drawn ring's own (shoelace) area: lobes of a bow-tie cancel, so the change can be large
    drawn_m2 := abs(ST_Area(g::geography, true));
    saved_m2 := ST_Area(geom::geography, true);
    outcome := 'repaired';
    detail := jsonb_build_object(
        'reason', reason,
        'drawn_m2', round(drawn_m2::numeric, 1),
        'saved_m2', round(saved_m2::numeric, 1),
        'change_m2', round((saved_m2 - drawn_m2)::numeric, 1),
        'change_pct', CASE WHEN drawn_m2 > 0
                           THEN round((100 * (saved_m2 - drawn_m2) / drawn_m2)::numeric, 2) END);
END $$;

-- Insert a service area (p_id null) or update one whose stored version is p_version. Officers, analysts and
-- admins (checked again here: SECURITY DEFINER). The row is locked before its version is compared, so two
-- saves of one version cannot both win.
CREATE OR REPLACE FUNCTION jitasa.save_service_area(
    p_id integer,
    p_version integer,
    p_name text,
    p_kind text,
    p_facility_id integer,
    p_responsible text,
    p_amphoe_code text,
    p_geom geometry)
RETURNS TABLE (id integer, version integer, outcome text, detail jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
#variable_conflict use_variable
DECLARE
    acting    text := jitasa.acting_role();
    v_name    text := jitasa.clean_text(p_name, 'A service area''s name', 200);
    v_resp    text := jitasa.clean_text(p_responsible, 'A responsible team', 200);
    v_amphoe  text := jitasa.clean_text(p_amphoe_code, 'An amphoe code', 20);
    g         record;
    v_stored  integer;
BEGIN
    IF NOT (pg_has_role(acting, 'jitasa_officer', 'MEMBER') OR pg_has_role(acting, 'jitasa_analyst', 'MEMBER')
            OR pg_has_role(acting, 'jitasa_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Role "%" may not draw service areas: only officers, analysts and admins may.', acting
            USING ERRCODE = '42501';
    END IF;
    IF v_name IS NULL THEN
        RETURN QUERY SELECT p_id, p_version, 'invalid_input'::text, jsonb_build_object('field', 'name');
        RETURN;
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('responsibility', 'coverage', 'catchment', 'drive_time', 'buffer',
                                        'nearest') THEN
        RETURN QUERY SELECT p_id, p_version, 'invalid_input'::text,
                            jsonb_build_object('field', 'kind', 'value', p_kind);
        RETURN;
    END IF;
    IF p_facility_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jitasa.facility f WHERE f.id = p_facility_id) THEN
        RETURN QUERY SELECT p_id, p_version, 'invalid_input'::text,
                            jsonb_build_object('field', 'facility_id', 'value', p_facility_id);
        RETURN;
    END IF;
    IF v_amphoe IS NOT NULL AND NOT EXISTS (SELECT 1 FROM jitasa.admin_area a
                                             WHERE a.level = 'amphoe' AND a.code = v_amphoe) THEN
        RETURN QUERY SELECT p_id, p_version, 'invalid_input'::text,
                            jsonb_build_object('field', 'amphoe_code', 'value', v_amphoe);
        RETURN;
    END IF;

    IF NOT jitasa.service_area_in_scope(v_amphoe, session_user) THEN  -- 015_scopes.sql
        RETURN QUERY SELECT p_id, p_version, 'out_of_scope'::text, jsonb_build_object('amphoe_code', v_amphoe);
        RETURN;
    END IF;
    IF p_id IS NOT NULL THEN
        -- the version first: a stale save is refused whatever else is wrong with it
        SELECT s.version INTO v_stored FROM jitasa.service_area s WHERE s.id = p_id FOR UPDATE;
        IF NOT FOUND THEN
            RETURN QUERY SELECT p_id, NULL::integer, 'not_found'::text, '{}'::jsonb;
            RETURN;
        END IF;
        IF NOT (SELECT jitasa.service_area_in_scope(s.amphoe_code, s.created_by) FROM jitasa.service_area s
                 WHERE s.id = p_id) THEN
            RETURN QUERY SELECT p_id, NULL::integer, 'out_of_scope'::text, '{}'::jsonb;
            RETURN;
        END IF;
        IF p_version IS NULL OR v_stored <> p_version THEN
            RETURN QUERY SELECT p_id, v_stored, 'stale'::text,
                                jsonb_build_object('your_version', p_version, 'current_version', v_stored);
            RETURN;
        END IF;
    END IF;

    SELECT * INTO g FROM jitasa.service_area_geometry(p_geom);
    IF g.geom IS NULL THEN
        RETURN QUERY SELECT p_id, coalesce(v_stored, p_version), g.outcome, g.detail;
        RETURN;
    END IF;

    IF p_id IS NULL THEN
        RETURN QUERY
        INSERT INTO jitasa.service_area AS s (name, kind, facility_id, responsible, amphoe_code, method, geom)
        VALUES (v_name, p_kind, p_facility_id, v_resp, v_amphoe, 'drawn', g.geom)
        RETURNING s.id, s.version, coalesce(g.outcome, 'inserted'),
                  coalesce(g.detail, '{}'::jsonb) || jsonb_build_object('written', 'inserted');
    ELSE
        -- version left alone: the bump_version trigger raises it
        RETURN QUERY
        UPDATE jitasa.service_area AS s
           SET name = v_name, kind = p_kind, facility_id = p_facility_id, responsible = v_resp,
               amphoe_code = v_amphoe, geom = g.geom
         WHERE s.id = p_id
        RETURNING s.id, s.version, coalesce(g.outcome, 'updated'),
                  coalesce(g.detail, '{}'::jsonb) || jsonb_build_object('written', 'updated');
    END IF;
END $$;

-- Delete a service area whose stored version is p_version; 'stale' (nothing deleted) otherwise.
CREATE OR REPLACE FUNCTION jitasa.delete_service_area(p_id integer, p_version integer)
RETURNS TABLE (id integer, version integer, outcome text, detail jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
#variable_conflict use_variable
DECLARE
    acting   text := jitasa.acting_role();
    v_stored integer;
BEGIN
    IF NOT (pg_has_role(acting, 'jitasa_officer', 'MEMBER') OR pg_has_role(acting, 'jitasa_analyst', 'MEMBER')
            OR pg_has_role(acting, 'jitasa_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Role "%" may not delete service areas: only officers, analysts and admins may.', acting
            USING ERRCODE = '42501';
    END IF;
    SELECT s.version INTO v_stored FROM jitasa.service_area s WHERE s.id = p_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT p_id, NULL::integer, 'not_found'::text, '{}'::jsonb;
        RETURN;
    END IF;
    IF NOT (SELECT jitasa.service_area_in_scope(s.amphoe_code, s.created_by) FROM jitasa.service_area s
             WHERE s.id = p_id) THEN
        RETURN QUERY SELECT p_id, NULL::integer, 'out_of_scope'::text, '{}'::jsonb;
        RETURN;
    END IF;
    IF p_version IS NULL OR v_stored <> p_version THEN
        RETURN QUERY SELECT p_id, v_stored, 'stale'::text,
                            jsonb_build_object('your_version', p_version, 'current_version', v_stored);
        RETURN;
    END IF;
    DELETE FROM jitasa.service_area s WHERE s.id = p_id;
    RETURN QUERY SELECT p_id, v_stored, 'deleted'::text, '{}'::jsonb;
END $$;
