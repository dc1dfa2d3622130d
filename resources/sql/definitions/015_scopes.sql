-- Area scopes: which login (or group role) may work which provinces or amphoe (issue 14). Repeatable: re-applied
-- whenever this file changes. The policies that use these functions are in 910_row_security.sql; the guarded
-- SECURITY DEFINER functions (030, 040, 060, 080) call jitasa.require_in_scope and friends, since they run as
-- jitasa_owner and so bypass the policies.
--
-- A scope is a row of jitasa.area_scope (migration 0018): a role name and a province (2-digit) or amphoe (4-digit) code, or
-- NULL for the whole country. A login's scope is the union of the rows of every role it is a member of
-- (pg_has_role MEMBER: its own, its groups'). The login is session_user: SET ROLE changes what one may do,
-- not where. A login with no row sees no area data. Superusers are national (they bypass the policies anyway).

-- Whether the login works the whole country.
CREATE OR REPLACE FUNCTION jitasa.scope_national() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, pg_temp AS $$
    SELECT coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
        OR EXISTS (SELECT 1 FROM jitasa.area_scope s JOIN pg_roles r ON r.rolname = s.role_name
                    WHERE s.area_code IS NULL AND pg_has_role(session_user, r.oid, 'MEMBER'))
$$;

-- The province and amphoe codes the login works ('{}' for none; national logins need none).
CREATE OR REPLACE FUNCTION jitasa.scope_codes() RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, pg_temp AS $$
    SELECT coalesce(array_agg(DISTINCT s.area_code ORDER BY s.area_code), '{}')
      FROM jitasa.area_scope s JOIN pg_roles r ON r.rolname = s.role_name
     WHERE s.area_code IS NOT NULL AND pg_has_role(session_user, r.oid, 'MEMBER')
$$;

-- The box around the login's areas (NULL: none), for the count grid, whose cells have no tambon code.
CREATE OR REPLACE FUNCTION jitasa.scope_box() RETURNS public.geometry
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
    SELECT public.ST_SetSRID(public.ST_Extent(a.geom)::public.geometry, 4326)
      FROM jitasa.admin_area a WHERE a.code = ANY (jitasa.scope_codes())
$$;

-- Whether a tambon (or amphoe) code lies in the given codes. The policies spell the same test out inline
-- (`left(code, 2) = ANY (...) OR left(code, 4) = ANY (...)` with the codes as one InitPlan), so the planner
-- evaluates the scope once per query.
CREATE OR REPLACE FUNCTION jitasa.code_in_scope(p_code text, p_codes text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_code IS NOT NULL AND (left(p_code, 2) = ANY (p_codes) OR left(p_code, 4) = ANY (p_codes))
$$;

-- For the SECURITY DEFINER functions: refuse the whole call (42501; DETAIL a JSON object with the reason
-- code out_of_scope and the first ids outside) when any of the requests or volunteers lies outside the
-- login's areas. A batch that spans an area the login does not work is refused whole. One indexed read per
-- table, nothing at all for national logins.
CREATE OR REPLACE FUNCTION jitasa.require_in_scope(p_request_ids integer[], p_volunteer_ids integer[] DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    codes text[];
    bad_requests integer[];
    bad_volunteers integer[];
BEGIN
    IF jitasa.scope_national() THEN
        RETURN;
    END IF;
    codes := jitasa.scope_codes();
    IF p_request_ids IS NOT NULL THEN
        SELECT array_agg(r.id ORDER BY r.id) INTO bad_requests
          FROM jitasa.help_request r
         WHERE r.id = ANY (p_request_ids) AND NOT jitasa.code_in_scope(r.tambon_code, codes);
    END IF;
    IF p_volunteer_ids IS NOT NULL THEN
        SELECT array_agg(v.id ORDER BY v.id) INTO bad_volunteers
          FROM jitasa.volunteer v
         WHERE v.id = ANY (p_volunteer_ids) AND NOT jitasa.code_in_scope(v.tambon_code, codes);
    END IF;
    IF bad_requests IS NOT NULL OR bad_volunteers IS NOT NULL THEN
        RAISE EXCEPTION 'Outside your areas: % help request(s) and % volunteer(s). Nothing was changed.',
            coalesce(cardinality(bad_requests), 0), coalesce(cardinality(bad_volunteers), 0)
            USING ERRCODE = '42501', DETAIL = jsonb_build_object(
                'reason', 'out_of_scope',
                'detail', jsonb_build_object('requests', to_jsonb(coalesce(bad_requests[1:20], '{}')),
                                             'volunteers', to_jsonb(coalesce(bad_volunteers[1:20], '{}')),
                                             'n_requests', coalesce(cardinality(bad_requests), 0),
                                             'n_volunteers', coalesce(cardinality(bad_volunteers), 0)))::text,
                  HINT = 'An administrator grants areas with jitasa:grantarea.';
    END IF;
END $$;

-- For the feed's upsert (officers' and admins' file imports): whether a record may not be written by this
-- login, because its point lies outside the login's areas or the stored request it updates does.
CREATE OR REPLACE FUNCTION jitasa.feed_record_out_of_scope(
    p_source text, p_source_id text, p_lon double precision, p_lat double precision, p_codes text[])
RETURNS boolean
LANGUAGE plpgsql STABLE AS $$  -- PL/pgSQL: tambon_code_at is defined later (020)
BEGIN
    RETURN NOT jitasa.code_in_scope(
               jitasa.tambon_code_at(public.ST_SetSRID(public.ST_MakePoint(p_lon, p_lat), 4326)), p_codes)
        OR EXISTS (SELECT 1 FROM jitasa.help_request h
                    WHERE h.source = p_source AND h.source_id = p_source_id
                      AND NOT jitasa.code_in_scope(h.tambon_code, p_codes));
END $$;

-- For service areas: whether the login may work an area of this amphoe (NULL: an area with no amphoe, which
-- only its author and national logins may).
CREATE OR REPLACE FUNCTION jitasa.service_area_in_scope(p_amphoe_code text, p_created_by text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT jitasa.scope_national()
        OR CASE WHEN p_amphoe_code IS NULL THEN p_created_by = session_user
                ELSE jitasa.code_in_scope(p_amphoe_code, jitasa.scope_codes()) END
$$;

-- --- managing scopes (admins) ---------------------------------------------------------------------------

-- The admin check: an admin, and one who works the area granted (national for national grants).
CREATE OR REPLACE FUNCTION jitasa.require_scope_admin(p_area_code text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    acting text := jitasa.acting_role();
BEGIN
    IF NOT pg_has_role(acting, 'jitasa_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'Role "%" may not grant or revoke areas: only admins may.', acting USING ERRCODE = '42501';
    END IF;
    IF NOT jitasa.scope_national()
       AND (p_area_code IS NULL OR NOT jitasa.code_in_scope(p_area_code, jitasa.scope_codes())) THEN
        RAISE EXCEPTION 'You may grant or revoke only areas you work yourself (%).',
            coalesce(p_area_code, 'national') USING ERRCODE = '42501',
            DETAIL = jsonb_build_object('reason', 'out_of_scope', 'detail',
                                        jsonb_build_object('area', coalesce(p_area_code, 'national')))::text;
    END IF;
END $$;

-- An area code as given: 'national' (or NULL) means the country; else a province or amphoe of the store
-- (a 'TH' prefix is dropped). 22023 for anything else, blank text included (never read as national).
CREATE OR REPLACE FUNCTION jitasa.scope_area_code(p_area text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v text := upper(coalesce(jitasa.clean_text(p_area, 'An area code', 20), ''));
BEGIN
    IF p_area IS NULL OR v = 'NATIONAL' THEN
        RETURN NULL;
    END IF;
    v := regexp_replace(v, '^TH', '');
    IF v !~ '^[0-9]{2}([0-9]{2})?$'
       OR NOT EXISTS (SELECT 1 FROM jitasa.admin_area a WHERE a.code = v AND a.level IN ('province', 'amphoe')) THEN
        RAISE EXCEPTION 'No province or amphoe with code "%" in the store (give a 2-digit province code, a 4-digit '
                        'amphoe code, or national).', left(p_area, 20) USING ERRCODE = '22023';
    END IF;
    RETURN v;
END $$;

-- A role as given: an existing role that is not a superuser. 22023 otherwise.
CREATE OR REPLACE FUNCTION jitasa.scope_role_name(p_role text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v text := jitasa.clean_text(p_role, 'A role name', 63);
BEGIN
    IF v IS NULL OR NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = v AND NOT r.rolsuper) THEN
        RAISE EXCEPTION 'No login or group role named "%" (superusers need no area).', left(p_role, 63)
            USING ERRCODE = '22023';
    END IF;
    RETURN v;
END $$;

-- Grant a role an area (a province, an amphoe, or national). Returns false when it had it already.
CREATE OR REPLACE FUNCTION jitasa.grant_area_scope(p_role text, p_area text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    v_role text := jitasa.scope_role_name(p_role);
    v_area text := jitasa.scope_area_code(p_area);
    n integer;
BEGIN
    PERFORM jitasa.require_scope_admin(v_area);
    INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (v_role, v_area)
        ON CONFLICT (role_name, area_code) DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
END $$;

-- Revoke a role's area. Returns false when it did not have it.
CREATE OR REPLACE FUNCTION jitasa.revoke_area_scope(p_role text, p_area text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    v_role text := jitasa.scope_role_name(p_role);
    v_area text := jitasa.scope_area_code(p_area);
    n integer;
BEGIN
    PERFORM jitasa.require_scope_admin(v_area);
    DELETE FROM jitasa.area_scope s WHERE s.role_name = v_role AND s.area_code IS NOT DISTINCT FROM v_area;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
END $$;

-- The login's own areas, for the plugin's "you work: ..." line: national (one row, code NULL) or each province
-- and amphoe with its names and its province's names, and the role that carries it.
CREATE OR REPLACE FUNCTION jitasa.my_area_scopes()
RETURNS TABLE (area_code text, level text, name_th text, name_en text, province_th text, province_en text,
               via_role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
    SELECT s.area_code, coalesce(a.level::text, 'national'), a.name_th, a.name_en, p.name_th, p.name_en,
           s.role_name
      FROM jitasa.area_scope s
      JOIN pg_roles r ON r.rolname = s.role_name AND pg_has_role(session_user, r.oid, 'MEMBER')
      LEFT JOIN jitasa.admin_area a ON a.code = s.area_code
      LEFT JOIN jitasa.admin_area p ON p.code = a.parent_code AND a.level = 'amphoe'
    UNION ALL
    SELECT NULL, 'national', NULL, NULL, NULL, NULL, session_user::text
     WHERE (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
    ORDER BY 1 NULLS FIRST, 7
$$;
