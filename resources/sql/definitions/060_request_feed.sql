-- Requests from the public app's feed and from files: one set-based upsert keyed on (source, source_id).
-- Repeatable: re-applied whenever this file changes. docs/FEED.md says what each outcome means.

-- A feed time as the plugin sends it (ISO 8601 with an offset, years 1900-2199): checked before the cast so a
-- bad one is a reject, never an exception that loses the page. The day is checked against its month.
CREATE OR REPLACE FUNCTION jitasa.feed_time_ok(p_text text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN p_text IS NULL THEN true
        WHEN p_text !~ ('^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9]'
                        '(:[0-5][0-9](\.[0-9]{1,6})?)?(Z|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)$') THEN false
        WHEN substr(p_text, 9, 2) <= '28' THEN true  -- every month has it: no date arithmetic
        ELSE substr(p_text, 9, 2)::integer <= extract(day FROM make_date(substr(p_text, 1, 4)::integer,
                                                                        substr(p_text, 6, 2)::integer, 1)
                                                             + interval '1 month - 1 day')
    END
$$;

-- Text from a feed record, trimmed and emptied as jitasa.clean_text does, with no length limit (the caller
-- compares lengths, so a long text is a reject, not an exception). Inlined: clean_text's PL/pgSQL call only
-- for text that starts or ends with a space of some kind.
CREATE OR REPLACE FUNCTION jitasa.feed_text(p_text text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN p_text ~ ('^[\s\u0085\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]|'
                       '[\s\u0085\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]$')
            THEN jitasa.clean_text(p_text, 'text', 2147483647)
        ELSE nullif(p_text, '')
    END
$$;

-- The feed role writes only the sources an admin registered (a row of jitasa.feed_state), never 'manual'
-- (refused for everyone by the caller) nor a file import's source (registration refuses a source that already
-- holds requests or rejects). Officers and admins also import files through upsert_feed_requests: not bound.
-- Refusal: 42501 with DETAIL 'feed_not_registered' (services.feed_sync names it).
CREATE OR REPLACE FUNCTION jitasa.check_feed_source(p_acting text, p_source text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
BEGIN
    IF pg_has_role(p_acting, 'jitasa_officer', 'MEMBER') OR pg_has_role(p_acting, 'jitasa_admin', 'MEMBER') THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM jitasa.feed_state s WHERE s.source = p_source) THEN
        RAISE EXCEPTION 'Feed source "%" is not registered: an admin registers a feed by running jitasa:syncfeed for it once.',
            p_source USING ERRCODE = '42501', DETAIL = 'feed_not_registered';
    END IF;
END $$;

-- Register feed `p_source` read from `p_url` (admins only): true when it was created, false when it was already.
-- Refuses 'manual' or an empty name (22023) and a source that already holds requests or rejects of a file
-- import or of hand entry (23505, DETAIL 'feed_source_in_use'): a feed needs a name of its own.
CREATE OR REPLACE FUNCTION jitasa.register_feed(p_source text, p_url text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    acting   text := jitasa.acting_role();
    v_source text := jitasa.clean_text(p_source, 'A feed source', 200);
BEGIN
    IF NOT pg_has_role(acting, 'jitasa_admin', 'MEMBER') THEN
        RAISE EXCEPTION 'Role "%" may not register a feed: only admins may.', acting USING ERRCODE = '42501';
    END IF;
    IF v_source IS NULL OR v_source = 'manual' THEN
        RAISE EXCEPTION 'A feed needs the name of its source (not empty, not "manual").' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM jitasa.feed_state s WHERE s.source = v_source) THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM jitasa.help_request h WHERE h.source = v_source)
       OR EXISTS (SELECT 1 FROM jitasa.import_reject r WHERE r.source = v_source) THEN
        RAISE EXCEPTION 'Source "%" already holds requests of a file import or entered by hand: give the feed a name of its own.',
            v_source USING ERRCODE = '23505', DETAIL = 'feed_source_in_use';
    END IF;
    INSERT INTO jitasa.feed_state (source, url) VALUES (v_source, p_url) ON CONFLICT (source) DO NOTHING;
    RETURN FOUND;
END $$;

-- Close the open requests of feed `p_source` whose expires_at has passed: new or assigned → cancelled with
-- closure reason 'feed_expired', the active assignment ended and the volunteer freed (as a page saying
-- expired does); in progress kept. Every sync runs it, so a page skipped as unchanged (its digest) closes
-- what expired since exactly as applying it again would. Set-based on help_request_feed_expiry_idx.
-- Returns how many were closed.
CREATE OR REPLACE FUNCTION jitasa.close_expired_feed_requests(p_source text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    acting   text := jitasa.acting_role();
    v_source text := jitasa.clean_text(p_source, 'A feed source', 200);
    ids      integer[];
BEGIN
    IF NOT (pg_has_role(acting, 'jitasa_feed', 'MEMBER') OR pg_has_role(acting, 'jitasa_officer', 'MEMBER')
            OR pg_has_role(acting, 'jitasa_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Role "%" may not close feed requests: only the feed, officers and admins may.', acting
            USING ERRCODE = '42501';
    END IF;
    IF v_source IS NULL OR v_source = 'manual' THEN
        RAISE EXCEPTION 'A feed needs the name of its source (not empty, not "manual").' USING ERRCODE = '22023';
    END IF;
    PERFORM jitasa.check_feed_source(acting, v_source);
    PERFORM pg_advisory_xact_lock(hashtext('jitasa.upsert_feed_requests'), hashtext(v_source));
    SELECT array_agg(l.id ORDER BY l.id) INTO ids
      FROM (SELECT h.id FROM jitasa.help_request h
             WHERE h.source = v_source AND h.expires_at IS NOT NULL AND h.status IN ('new', 'assigned')
               AND h.is_open AND h.expires_at <= now()  -- is_open: help_request_feed_expiry_idx (0020)
             ORDER BY h.id FOR UPDATE) l;
    IF ids IS NULL THEN
        RETURN 0;
    END IF;
    UPDATE jitasa.help_request h SET status = 'cancelled', closure_reason = 'feed_expired' WHERE h.id = ANY (ids);
    PERFORM jitasa.end_closed_requests_assignments(ids, 'cancelled', 'feed_expired');
    RETURN cardinality(ids);
END $$;

-- Upsert one page of feed records (a JSON array of objects with the keys below) for feed `p_source`.
-- Keys: source_id, category, urgency, people_count, note, requester_name, requester_phone, for_someone_else,
-- lon, lat, location_accuracy_m, tambon (code or Thai/English name, for a record without coordinates),
-- created_at, updated_at, expires_at, expired. One row per element of p_records, in their order:
--   new                  inserted
--   updated              a request still new whose details changed (version bumped, audited, notified)
--   unchanged            nothing differs (a newer updated_at alone is no change): no UPDATE at all (no
--                        version bump, no audit row, no NOTIFY)
--   stale                the record's updated_at is older than the stored one: nothing written
--   closed               expired (expired true or expires_at past): a new or assigned request is cancelled with
--                        closure_reason 'feed_expired', its active assignment ended and the volunteer freed
--   expired_in_progress  expired, but a volunteer is at work: kept open, only what the feed owns updated
--   expired_new          expired before we ever saw it: not stored
--   kept_assigned        assigned or in progress: only what the feed owns is updated (note, requester contact,
--                        people count, for_someone_else, expires_at, source_updated_at); detail.kept names what
--                        the officers' version keeps (category, urgency, location)
--   closed_locally       done or cancelled here: nothing written
--   rejected             not taken: detail.reason is an import reason code (definitions/import_reasons.py)
-- The caller is trusted for nothing: enum values, counts, numbers, times, text lengths are checked again.
-- No personal data is returned (the feed role may not read it). Refuses the whole call only when the
-- arguments are not a source and an array (22023) or the acting role is not feed, officer or admin (42501).
CREATE OR REPLACE FUNCTION jitasa.upsert_feed_requests(p_source text, p_records jsonb)
RETURNS TABLE (source_id text, request_id integer, outcome text, detail jsonb)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    acting     text := jitasa.acting_role();
    v_source   text;
    -- the records taken by step 1, one array per column (cheaper to hand on than a jsonb of objects)
    v_ord integer[]; v_sid text[]; v_cat jitasa.request_category[]; v_urg jitasa.urgency[]; v_pc integer[];
    v_note text[]; v_rname text[]; v_rphone text[]; v_fse boolean[]; v_lon double precision[];
    v_lat double precision[]; v_acc real[]; v_basis text[]; v_created timestamptz[]; v_updated timestamptz[];
    v_expires timestamptz[]; v_expired boolean[];
    rej_ord    integer[];
    rej_sid    text[];
    rej_detail jsonb[];
    out_ord    integer[];
    out_sid    text[];
    out_rid    integer[];
    out_code   text[];
    out_detail jsonb[];
    closed_ids integer[];
    scoped     boolean := NOT jitasa.scope_national();  -- 015_scopes.sql: only these records are checked
    codes      text[] := jitasa.scope_codes();
    categories text[] := enum_range(NULL::jitasa.request_category)::text[];
    urgencies  text[] := enum_range(NULL::jitasa.urgency)::text[];
    num        text := '^-?[0-9]{1,12}(\.[0-9]{1,20})?$';
BEGIN
    IF NOT (pg_has_role(acting, 'jitasa_feed', 'MEMBER') OR pg_has_role(acting, 'jitasa_officer', 'MEMBER')
            OR pg_has_role(acting, 'jitasa_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Role "%" may not write feed requests: only the feed, officers and admins may.', acting
            USING ERRCODE = '42501';
    END IF;
    v_source := jitasa.clean_text(p_source, 'A feed source', 200);
    IF v_source IS NULL OR v_source = 'manual' THEN
        RAISE EXCEPTION 'A feed page needs the name of its source (not empty, not "manual").' USING ERRCODE = '22023';
    END IF;
    IF p_records IS NULL OR jsonb_typeof(p_records) <> 'array' THEN
        RAISE EXCEPTION 'A feed page must be a JSON array of records, not %.', coalesce(jsonb_typeof(p_records), 'null')
            USING ERRCODE = '22023';
    END IF;
    PERFORM jitasa.check_feed_source(acting, v_source);
    -- one writer per source at a time: two syncs of one feed never interleave their pages
    PERFORM pg_advisory_xact_lock(hashtext('jitasa.upsert_feed_requests'), hashtext(v_source));

    -- 1. Check every element; place records without coordinates in their tambon; one record per source id.
    WITH e AS (
        SELECT t.ord::integer AS ord, t.elem, jsonb_typeof(t.elem) = 'object' AS is_object
          FROM jsonb_array_elements(p_records) WITH ORDINALITY AS t(elem, ord)
    ), r AS (
        SELECT e.ord, e.is_object,
               jitasa.feed_text(x.source_id) AS sid,
               lower(btrim(x.category)) AS cat, coalesce(lower(btrim(x.urgency)), 'normal') AS urg,
               btrim(x.people_count) AS pc, jitasa.feed_text(x.note) AS note,
               jitasa.feed_text(x.requester_name) AS rname,
               jitasa.feed_text(x.requester_phone) AS rphone,
               lower(btrim(x.for_someone_else)) AS fse, btrim(x.lon) AS lon, btrim(x.lat) AS lat,
               btrim(x.location_accuracy_m) AS acc, jitasa.feed_text(x.tambon) AS tambon,
               btrim(x.created_at) AS created, btrim(x.updated_at) AS updated, btrim(x.expires_at) AS expires,
               lower(btrim(x.expired)) AS expired
          FROM e LEFT JOIN LATERAL jsonb_to_record(CASE WHEN e.is_object THEN e.elem END) AS x(
                   source_id text, category text, urgency text, people_count text, note text, requester_name text,
                   requester_phone text, for_someone_else text, lon text, lat text, location_accuracy_m text,
                   tambon text, created_at text, updated_at text, expires_at text, expired text) ON true
    ), checked AS (
        SELECT r.*,
               CASE
                   WHEN NOT r.is_object THEN jsonb_build_object('reason', 'not_an_object')
                   WHEN r.sid IS NULL THEN jsonb_build_object('reason', 'missing_field', 'field', 'source_id')
                   WHEN char_length(r.sid) > 200 THEN jsonb_build_object('reason', 'text_too_long', 'field', 'source_id', 'max', 200)
                   WHEN r.cat IS NULL THEN jsonb_build_object('reason', 'missing_field', 'field', 'category')
                   WHEN NOT r.cat = ANY (categories) THEN jsonb_build_object('reason', 'unknown_value', 'field', 'category',
                       'value', left(r.cat, 100), 'allowed', to_jsonb(categories))
                   WHEN NOT r.urg = ANY (urgencies) THEN jsonb_build_object('reason', 'unknown_value', 'field', 'urgency',
                       'value', left(r.urg, 100), 'allowed', to_jsonb(urgencies))
                   WHEN r.pc IS NOT NULL AND r.pc !~ '^[1-9][0-9]{0,4}$' THEN
                       jsonb_build_object('reason', 'bad_number', 'field', 'people_count', 'value', left(r.pc, 100))
                   WHEN r.fse IS NOT NULL AND r.fse NOT IN ('true', 'false') THEN
                       jsonb_build_object('reason', 'bad_boolean', 'field', 'for_someone_else', 'value', left(r.fse, 100))
                   WHEN r.expired IS NOT NULL AND r.expired NOT IN ('true', 'false') THEN
                       jsonb_build_object('reason', 'bad_boolean', 'field', 'expired', 'value', left(r.expired, 100))
                   WHEN (r.lon IS NULL) <> (r.lat IS NULL) THEN
                       jsonb_build_object('reason', 'missing_field', 'field', CASE WHEN r.lon IS NULL THEN 'lon' ELSE 'lat' END)
                   WHEN r.lon IS NOT NULL AND (r.lon !~ num OR r.lat !~ num) THEN
                       jsonb_build_object('reason', 'bad_number', 'field', 'lon/lat', 'value', left(r.lon || ' ' || r.lat, 100))
                   WHEN r.lon IS NOT NULL AND NOT (r.lon::double precision BETWEEN 97.3 AND 105.7
                                                   AND r.lat::double precision BETWEEN 5.5 AND 20.5) THEN
                       jsonb_build_object('reason', 'outside_thailand', 'lon', r.lon::double precision,
                                          'lat', r.lat::double precision)
                   WHEN r.acc IS NOT NULL AND (r.acc !~ '^[0-9]{1,8}(\.[0-9]{1,20})?$') THEN
                       jsonb_build_object('reason', 'bad_number', 'field', 'location_accuracy_m', 'value', left(r.acc, 100))
                   WHEN NOT jitasa.feed_time_ok(r.created) THEN
                       jsonb_build_object('reason', 'bad_date', 'field', 'created_at', 'value', left(r.created, 100))
                   WHEN NOT jitasa.feed_time_ok(r.updated) THEN
                       jsonb_build_object('reason', 'bad_date', 'field', 'updated_at', 'value', left(r.updated, 100))
                   WHEN NOT jitasa.feed_time_ok(r.expires) THEN
                       jsonb_build_object('reason', 'bad_date', 'field', 'expires_at', 'value', left(r.expires, 100))
                   WHEN char_length(r.note) > 2000 THEN jsonb_build_object('reason', 'text_too_long', 'field', 'note', 'max', 2000)
                   WHEN char_length(r.rname) > 200 THEN
                       jsonb_build_object('reason', 'text_too_long', 'field', 'requester_name', 'max', 200)
                   WHEN char_length(r.rphone) > 40 THEN
                       jsonb_build_object('reason', 'text_too_long', 'field', 'requester_phone', 'max', 40)
                   WHEN r.lon IS NULL AND r.tambon IS NULL THEN jsonb_build_object('reason', 'no_location')
                   WHEN r.lon IS NULL AND char_length(r.tambon) > 200 THEN
                       jsonb_build_object('reason', 'text_too_long', 'field', 'tambon', 'max', 200)
               END AS problem
          FROM r
    ), wanted AS (  -- the tambons named by records without coordinates, each looked up once
        SELECT DISTINCT c.tambon FROM checked c WHERE c.problem IS NULL AND c.lon IS NULL
    ), named AS (  -- "ต.ในเมือง", "ตำบล ในเมือง" and "ในเมือง" name one tambon
        SELECT w.tambon, regexp_replace(w.tambon, '^(ตำบล|ต\.)\s*', '') AS name FROM wanted w
    ), matches AS (
        SELECT w.tambon, count(a.id) AS n,
               (array_agg(a.id ORDER BY a.code))[1] AS area_id,
               jsonb_agg(jsonb_build_object('code', a.code, 'name', a.name_th, 'amphoe', am.name_th,
                                            'province', pr.name_th) ORDER BY a.code) FILTER (WHERE a.id IS NOT NULL)
                   AS candidates
          FROM named w
          LEFT JOIN jitasa.admin_area a
                 ON a.level = 'tambon'
                AND (a.code = w.tambon OR a.code = regexp_replace(w.tambon, '^TH', '') OR a.name_th = w.name
                     OR lower(a.name_en) = lower(w.name))
          LEFT JOIN jitasa.admin_area am ON am.code = a.parent_code
          LEFT JOIN jitasa.admin_area pr ON pr.code = am.parent_code
         GROUP BY w.tambon
    ), placed AS (
        SELECT m.tambon, m.n, m.candidates, p.geom AS point,
               sqrt(public.ST_Area(a.geom::public.geography) / pi())::real AS radius
          FROM matches m
          LEFT JOIN jitasa.admin_area a ON a.id = m.area_id AND m.n = 1
          LEFT JOIN LATERAL (SELECT public.ST_PointOnSurface(a.geom) AS geom) p ON a.id IS NOT NULL
    ), located AS (
        SELECT c.*,
               coalesce(c.problem, CASE
                   WHEN c.lon IS NOT NULL THEN NULL
                   WHEN p.n = 0 THEN jsonb_build_object('reason', 'unknown_tambon', 'value', c.tambon)
                   WHEN p.n > 1 THEN jsonb_build_object('reason', 'ambiguous_tambon', 'value', c.tambon,
                                                        'candidates', p.candidates)
               END) AS reason_detail,
               CASE WHEN c.lon IS NULL THEN public.ST_X(p.point) END AS place_lon,
               CASE WHEN c.lon IS NULL THEN public.ST_Y(p.point) END AS place_lat,
               p.radius
          FROM checked c LEFT JOIN placed p ON c.problem IS NULL AND c.lon IS NULL AND p.tambon = c.tambon
    ), typed AS (  -- the times of the records not refused, parsed once (a timestamptz cast is not cheap)
        SELECT l.*,
               CASE WHEN l.reason_detail IS NULL THEN l.created::timestamptz END AS created_ts,
               CASE WHEN l.reason_detail IS NULL THEN l.updated::timestamptz END AS updated_ts,
               CASE WHEN l.reason_detail IS NULL THEN l.expires::timestamptz END AS expires_ts
          FROM located l
    ), ranked AS (  -- the same source id twice: the newest updated_at is kept (then the later one)
        SELECT l.*,
               CASE WHEN l.reason_detail IS NULL THEN
                   first_value(l.ord) OVER (PARTITION BY l.sid, l.reason_detail IS NULL
                                            ORDER BY l.updated_ts DESC NULLS LAST, l.ord DESC)
               END AS kept_ord
          FROM typed l
    ), final AS (
        SELECT rk.*,
               coalesce(rk.reason_detail, CASE WHEN rk.kept_ord <> rk.ord THEN
                   jsonb_build_object('reason', 'duplicate_in_batch', 'key', rk.sid, 'first', rk.kept_ord - 1) END,
                   CASE WHEN scoped AND jitasa.feed_record_out_of_scope(
                                            v_source, rk.sid, coalesce(rk.lon::double precision, rk.place_lon),
                                            coalesce(rk.lat::double precision, rk.place_lat), codes)
                        THEN jsonb_build_object('reason', 'out_of_scope') END)
                   AS refused
          FROM ranked rk
    )
    -- every cast below is of a value checked above, and only for records not refused (FILTER and CASE)
    SELECT array_agg(f.ord) FILTER (WHERE f.refused IS NULL),
           array_agg(f.sid) FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN f.cat::jitasa.request_category END) FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN f.urg::jitasa.urgency END) FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN coalesce(f.pc::integer, 1) END) FILTER (WHERE f.refused IS NULL),
           array_agg(f.note) FILTER (WHERE f.refused IS NULL),
           array_agg(f.rname) FILTER (WHERE f.refused IS NULL),
           array_agg(f.rphone) FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN coalesce(f.fse::boolean, false) END)
               FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN coalesce(f.lon::double precision, f.place_lon) END)
               FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN coalesce(f.lat::double precision, f.place_lat) END)
               FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN CASE WHEN f.lon IS NULL THEN f.radius ELSE f.acc::real END END)
               FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.lon IS NULL THEN 'tambon' ELSE 'point' END) FILTER (WHERE f.refused IS NULL),
           array_agg(f.created_ts) FILTER (WHERE f.refused IS NULL),
           array_agg(f.updated_ts) FILTER (WHERE f.refused IS NULL),
           array_agg(f.expires_ts) FILTER (WHERE f.refused IS NULL),
           array_agg(CASE WHEN f.refused IS NULL THEN coalesce(f.expired::boolean, false)
                                                      OR coalesce(f.expires_ts <= now(), false) END)
               FILTER (WHERE f.refused IS NULL),
           array_agg(f.ord) FILTER (WHERE f.refused IS NOT NULL),
           array_agg(left(f.sid, 200)) FILTER (WHERE f.refused IS NOT NULL),
           array_agg(f.refused || jsonb_build_object('index', f.ord - 1)) FILTER (WHERE f.refused IS NOT NULL)
      INTO v_ord, v_sid, v_cat, v_urg, v_pc, v_note, v_rname, v_rphone, v_fse, v_lon, v_lat, v_acc, v_basis,
           v_created, v_updated, v_expires, v_expired, rej_ord, rej_sid, rej_detail
      FROM final f;

    -- 2. Lock the stored rows these records name, in id order (the store's lock order starts with requests).
    PERFORM 1
       FROM jitasa.help_request h
       JOIN unnest(v_sid) AS x(source_id) ON h.source = v_source AND h.source_id = x.source_id
      ORDER BY h.id
        FOR UPDATE OF h;

    -- 3. Compare with what is stored; one INSERT for the new, one UPDATE for the changed; nothing else written.
    WITH x AS (
        SELECT x.*, public.ST_SetSRID(public.ST_MakePoint(x.lon, x.lat), 4326) AS geom
          FROM unnest(v_ord, v_sid, v_cat, v_urg, v_pc, v_note, v_rname, v_rphone, v_fse, v_lon, v_lat, v_acc,
                      v_basis, v_created, v_updated, v_expires, v_expired) AS x(
                   ord, source_id, category, urgency, people_count, note, requester_name, requester_phone,
                   for_someone_else, lon, lat, accuracy, basis, created_at, updated_at, expires_at, expired)
    ), cur AS (
        SELECT x.*, h.id AS hid, h.status AS hstatus, h.source_updated_at AS stored_updated_at,
               coalesce(x.updated_at < h.source_updated_at, false) AS is_stale,
               -- a newer updated_at alone is no change: nothing is written for it (no version, audit or NOTIFY)
               (h.people_count, h.note, h.requester_name, h.requester_phone, h.for_someone_else, h.expires_at)
                   IS DISTINCT FROM
               (x.people_count, x.note, x.requester_name, x.requester_phone, x.for_someone_else, x.expires_at)
                   AS owned_differs,
               h.category IS DISTINCT FROM x.category AS category_differs,
               h.urgency IS DISTINCT FROM x.urgency AS urgency_differs,
               (public.ST_AsEWKB(h.geom) IS DISTINCT FROM public.ST_AsEWKB(x.geom)
                OR h.location_accuracy_m IS DISTINCT FROM x.accuracy
                OR h.location_basis IS DISTINCT FROM x.basis) AS location_differs
          FROM x LEFT JOIN jitasa.help_request h ON h.source = v_source AND h.source_id = x.source_id
    ), cls AS (
        SELECT cur.*,
               CASE
                   WHEN cur.hid IS NULL THEN CASE WHEN cur.expired THEN 'expired_new' ELSE 'new' END
                   WHEN cur.is_stale THEN 'stale'
                   WHEN NOT (cur.owned_differs OR cur.category_differs OR cur.urgency_differs OR cur.location_differs)
                        AND NOT (cur.expired AND cur.hstatus IN ('new', 'assigned')) THEN 'unchanged'
                   WHEN cur.hstatus IN ('done', 'cancelled') THEN 'closed_locally'
                   WHEN cur.expired AND cur.hstatus IN ('new', 'assigned') THEN 'closed'
                   WHEN cur.expired THEN 'expired_in_progress'
                   WHEN cur.hstatus IN ('assigned', 'in_progress') THEN 'kept_assigned'
                   ELSE 'updated'
               END AS outcome
          FROM cur
    ), candidate AS (  -- the new rows' points and the tambons whose box holds them (GiST), by tambon: each
                       -- tambon is tested against its points one after the other, so PostGIS prepares its
                       -- geometry once (10,000 points: ~0.5 s against ~0.75 s point by point)
        SELECT c.ord, a.code, a.geom AS area, c.geom
          FROM cls c JOIN jitasa.admin_area a ON a.level = 'tambon' AND a.geom OPERATOR(public.&&) c.geom
         WHERE c.outcome = 'new'
         ORDER BY a.code
        OFFSET 0
    ), coded AS (  -- the first tambon by code that holds the point, as jitasa.tambon_code_at says
        SELECT DISTINCT ON (k.ord) k.ord, k.code
          FROM candidate k
         WHERE public.ST_Intersects(k.area, k.geom)
         ORDER BY k.ord, k.code
    ), ins AS (
        -- tambon_code as derived here: the trigger trusts it (the owner set it), see jitasa.derive_tambon_code
        INSERT INTO jitasa.help_request AS h (source, source_id, category, urgency, people_count, note, requester_name,
                                              requester_phone, for_someone_else, location_accuracy_m, location_basis,
                                              geom, created_at, source_updated_at, expires_at, tambon_code)
        SELECT v_source, c.source_id, c.category, c.urgency, c.people_count, c.note, c.requester_name,
               c.requester_phone, c.for_someone_else, c.accuracy, c.basis, c.geom, coalesce(c.created_at, now()),
               c.updated_at, c.expires_at, t.code
          FROM cls c LEFT JOIN coded t ON t.ord = c.ord
         WHERE c.outcome = 'new'
         ORDER BY c.ord
        ON CONFLICT ON CONSTRAINT help_request_source_source_id_key DO NOTHING
        RETURNING h.id, h.source_id
    ), upd AS (
        UPDATE jitasa.help_request h
           SET category = CASE WHEN c.outcome = 'updated' THEN c.category ELSE h.category END,
               urgency = CASE WHEN c.outcome = 'updated' THEN c.urgency ELSE h.urgency END,
               geom = CASE WHEN c.outcome = 'updated' THEN c.geom ELSE h.geom END,
               location_accuracy_m = CASE WHEN c.outcome = 'updated' THEN c.accuracy ELSE h.location_accuracy_m END,
               location_basis = CASE WHEN c.outcome = 'updated' THEN c.basis ELSE h.location_basis END,
               people_count = c.people_count, note = c.note, requester_name = c.requester_name,
               requester_phone = c.requester_phone, for_someone_else = c.for_someone_else,
               expires_at = c.expires_at, source_updated_at = coalesce(c.updated_at, h.source_updated_at),
               status = CASE WHEN c.outcome = 'closed' THEN 'cancelled'::jitasa.request_status ELSE h.status END,
               closure_reason = CASE WHEN c.outcome = 'closed' THEN 'feed_expired' ELSE h.closure_reason END
          FROM cls c
         WHERE h.id = c.hid
           AND (c.outcome IN ('updated', 'closed')
                OR (c.outcome IN ('kept_assigned', 'expired_in_progress') AND c.owned_differs))
        RETURNING h.id
    )
    SELECT array_agg(c.ord), array_agg(c.source_id), array_agg(coalesce(c.hid, i.id)), array_agg(c.outcome),
           array_agg(CASE
               WHEN c.outcome IN ('kept_assigned', 'expired_in_progress') THEN jsonb_build_object('kept',
                   to_jsonb(array_remove(ARRAY[CASE WHEN c.category_differs THEN 'category' END,
                                               CASE WHEN c.urgency_differs THEN 'urgency' END,
                                               CASE WHEN c.location_differs THEN 'location' END], NULL)),
                   'written', c.owned_differs)
               WHEN c.outcome = 'closed' THEN jsonb_build_object('closure_reason', 'feed_expired')
               WHEN c.outcome = 'stale' THEN jsonb_build_object('stored_updated_at', c.stored_updated_at)
               ELSE '{}'::jsonb END),
           array_agg(c.hid) FILTER (WHERE c.outcome = 'closed')
      INTO out_ord, out_sid, out_rid, out_code, out_detail, closed_ids
      FROM cls c
      LEFT JOIN ins i ON i.source_id = c.source_id;  -- upd runs too: a data-modifying WITH always does

    -- 4. Closed requests: their active assignments end and the volunteers get the capacity back.
    IF closed_ids IS NOT NULL THEN
        PERFORM jitasa.end_closed_requests_assignments(closed_ids, 'cancelled', 'feed_expired');
    END IF;

    RETURN QUERY
        SELECT o.sid, o.rid, o.code, o.detail
          FROM (SELECT t.ord, t.sid, NULL::integer AS rid, 'rejected'::text AS code, t.detail
                  FROM unnest(rej_ord, rej_sid, rej_detail) AS t(ord, sid, detail)
                UNION ALL
                SELECT * FROM unnest(out_ord, out_sid, out_rid, out_code, out_detail) AS u(ord, sid, rid, code, detail)) o
         ORDER BY o.ord;
END $$;
