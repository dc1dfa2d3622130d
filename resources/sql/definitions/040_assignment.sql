-- Assigning volunteers to help requests, written back without races. Repeatable: re-applied whenever this
-- file changes; the tables (category_need) are in migration 0006.
--
-- * jitasa.category_need: what a volunteer must have to serve each request category, the same table as
--   jitasa_qgis/definitions/eligibility.py CATEGORY_NEEDS (a test compares the two);
-- * assignment runs: create, propose, confirm (all or some rows), reject; "confirm directly" (assign_pairs);
-- * ending an assignment (unassign / decline / complete) and reassigning it, with a version check.
--
-- Locking: the run first (FOR NO KEY UPDATE: confirming, proposing and rejecting one run are serialised,
-- while inserting its rows can still take the key-share lock their foreign key needs), then, as in
-- jitasa.change_request_status (0004), requests → assignments → volunteers, several rows of a table always
-- in id order. A function reads, in READ COMMITTED, what the previous lock holder committed: each statement
-- after the lock takes a new snapshot. So two batches never confirm the same request, a volunteer's load
-- is counted under its lock, and nothing deadlocks with the status changes of 0004. Updating a request can
-- also lock cells of the open-request grid (0005's trigger, when the request opens, closes or moves): 0004
-- does that before touching volunteers, and so does every function here (assigning, new -> assigned,
-- leaves the grid alone; closing does it right after the request's lock).
--
-- Batches are set-based: one statement per step over unnest()ed arrays, never a query per row. Tables are
-- read by primary key with `id = ANY (array)` (index scans) and matched to the pairs by hashing. The batch
-- functions plan generically (plan_cache_mode = force_generic_plan): a custom plan sees the 5,000 ids as
-- constants and then prefers to read the whole table (measured: a sequential scan of 100,000 requests to
-- lock 5,000). Where a generic plan would join two arrays by nested loop (it guesses a few rows each),
-- pair_refusals and insert_pairs forbid nested loops. JIT is off in all of them: compiling costs more than
-- these statements ever run.
--
-- Per-row refusals are a stable code and a jsonb detail, never a sentence (jitasa_qgis/definitions/reasons.py
-- turns them into words; jitasa.assignment.reason stores the code):
--   request_closed, request_already_assigned, request_in_progress   detail {"status": the request's}
--   request_twice_in_batch, volunteer_unavailable                    no detail
--   volunteer_full                                                   {"capacity": n, "active_count": n}
--   volunteer_not_eligible                  {"category": c, "needs": [{"skills": [..], "vehicles": [..]}]}
--   not_proposed (confirming a row that is no longer a proposal: nothing written)  {"status": the row's}
--   rejected_by_officer (stored by reject_assignments)
--   no_such_request, no_such_volunteer (internal: the batch is refused with an error instead)
-- The batch functions' result types changed with the codes (a detail column), so they are dropped first.
--
-- Every write carries the run id into the audit log (jitasa.run_id, signed by jitasa.enter_run and set for
-- the function's duration only: the functions' SET clause restores it when they return).

-- --- internal helpers (no EXECUTE for anyone but the owner; the functions below run as the owner) ------

CREATE OR REPLACE FUNCTION jitasa.require_assigning_role(p_action text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    acting text := jitasa.acting_role();
BEGIN
    IF NOT (pg_has_role(acting, 'jitasa_officer', 'MEMBER') OR pg_has_role(acting, 'jitasa_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Role "%" may not %: only officers and admins may.', acting, p_action
            USING ERRCODE = '42501';
    END IF;
END $$;

-- Two id arrays of one batch: one dimension, same length, no NULLs; travel times finite, within a day.
CREATE OR REPLACE FUNCTION jitasa.check_pair_arrays(p_request_ids integer[], p_volunteer_ids integer[], p_minutes real[])
RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_request_ids IS NULL OR p_volunteer_ids IS NULL THEN
        RAISE EXCEPTION 'A batch of assignments needs request ids and volunteer ids.' USING ERRCODE = '22023';
    END IF;
    IF cardinality(p_request_ids) <> cardinality(p_volunteer_ids)
       OR (p_minutes IS NOT NULL AND cardinality(p_minutes) <> cardinality(p_request_ids)) THEN
        RAISE EXCEPTION 'A batch of assignments needs one volunteer (and one travel time) per request: got % '
                        'request ids, % volunteer ids and % travel times. Nothing was written.',
            cardinality(p_request_ids), cardinality(p_volunteer_ids), coalesce(cardinality(p_minutes), 0)
            USING ERRCODE = '22023';
    END IF;
    IF coalesce(array_ndims(p_request_ids), 1) > 1 OR coalesce(array_ndims(p_volunteer_ids), 1) > 1
       OR coalesce(array_ndims(p_minutes), 1) > 1 THEN
        RAISE EXCEPTION 'A batch of assignments takes plain lists of ids and travel times, not multi-dimensional '
                        'arrays. Nothing was written.' USING ERRCODE = '22023';
    END IF;
    IF array_position(p_request_ids, NULL) IS NOT NULL OR array_position(p_volunteer_ids, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'A batch of assignments has an empty request or volunteer id. Nothing was written.'
            USING ERRCODE = '22023';
    END IF;
    -- 'NaN' is larger than every number for PostgreSQL, so m > 1440 catches NaN and infinity too
    IF EXISTS (SELECT 1 FROM unnest(p_minutes) m WHERE m < 0 OR m > 1440) THEN
        RAISE EXCEPTION 'Travel times must be between 0 and 1440 minutes (one day). Nothing was written.'
            USING ERRCODE = '22023';
    END IF;
END $$;

-- What a category needs, as the detail of volunteer_not_eligible: the alternatives of jitasa.category_need
-- (any one is enough), each with all its skills and any one of its vehicles.
CREATE OR REPLACE FUNCTION jitasa.category_needs_detail(c jitasa.request_category) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('category', c, 'needs', coalesce(
               jsonb_agg(jsonb_build_object('skills', n.skills, 'vehicles', n.vehicles) ORDER BY n.alternative)
                   FILTER (WHERE n.category IS NOT NULL), '[]'::jsonb))
      FROM (SELECT 1) one LEFT JOIN jitasa.category_need n ON n.category = c
$$;

-- The run, locked; refuses a run that does not exist.
CREATE OR REPLACE FUNCTION jitasa.lock_run(p_run_id integer) RETURNS jitasa.run_status
LANGUAGE plpgsql AS $$
DECLARE
    st jitasa.run_status;
BEGIN
    IF p_run_id IS NULL THEN
        RAISE EXCEPTION 'No assignment run given.' USING ERRCODE = '22023';
    END IF;
    SELECT r.status INTO st FROM jitasa.assignment_run r WHERE r.id = p_run_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Assignment run % does not exist.', p_run_id USING ERRCODE = 'P0002';
    END IF;
    RETURN st;
END $$;

-- Why each pair (request_ids[i], volunteer_ids[i]) may not become an active assignment now; NULL = it may.
-- Checks, in order: the request exists, is open, 'new' and has no active assignment; the volunteer exists,
-- is available and has what the category needs; the request is not in the batch twice (the first
-- acceptable row wins); the volunteer stays within capacity counting earlier rows of the batch, which are
-- taken most urgent first, then longest waiting, then in batch order.
-- The caller locks the rows first when the answer must still hold at commit.
DROP FUNCTION IF EXISTS jitasa.pair_refusals(integer[], integer[]);
CREATE FUNCTION jitasa.pair_refusals(p_request_ids integer[], p_volunteer_ids integer[])
RETURNS TABLE (ord integer, reason text, detail jsonb)
LANGUAGE plpgsql STABLE
-- The batch's rows are read by primary key with `id = ANY (array)` (index scans), then matched to the
-- pairs in memory. Hash joins only: with an array of unknown length the planner guesses a few rows and
-- would otherwise pick a nested loop that compares every pair with every row. (PL/pgSQL, not SQL: the
-- plan is made once per session, not at every call.)
SET enable_nestloop = off SET plan_cache_mode = force_generic_plan SET jit = off AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH p AS (
        SELECT u.o::integer AS ord, u.request_id, u.volunteer_id
          FROM unnest(p_request_ids, p_volunteer_ids) WITH ORDINALITY AS u(request_id, volunteer_id, o)
    ), r AS (
        SELECT x.id, x.status, x.category, x.urgency, x.created_at
          FROM jitasa.help_request x WHERE x.id = ANY (p_request_ids)
    ), act AS (
        SELECT DISTINCT a.request_id
          FROM jitasa.assignment a WHERE a.status = 'active' AND a.request_id = ANY (p_request_ids)
    ), v AS (
        SELECT x.id, x.available, x.capacity, x.active_count, x.skills, x.vehicle
          FROM jitasa.volunteer x WHERE x.id = ANY (p_volunteer_ids)
    ), checked AS MATERIALIZED (  -- each check once per pair
        SELECT p.ord, p.request_id, p.volunteer_id, r.urgency, r.created_at, r.status, r.category,
               v.capacity, v.active_count,
               CASE
                   WHEN r.id IS NULL THEN 'no_such_request'
                   WHEN v.id IS NULL THEN 'no_such_volunteer'
                   WHEN r.status IN ('done', 'cancelled') THEN 'request_closed'
                   WHEN act.request_id IS NOT NULL OR r.status = 'assigned' THEN 'request_already_assigned'
                   WHEN r.status <> 'new' THEN 'request_in_progress'
                   WHEN NOT v.available THEN 'volunteer_unavailable'
                   WHEN NOT EXISTS (SELECT 1 FROM jitasa.category_need n
                                     WHERE n.category = r.category AND v.skills @> n.skills
                                       AND (cardinality(n.vehicles) = 0 OR v.vehicle = ANY (n.vehicles)))
                       THEN 'volunteer_not_eligible'
               END AS reason
          FROM p
          LEFT JOIN r ON r.id = p.request_id
          LEFT JOIN v ON v.id = p.volunteer_id
          LEFT JOIN act ON act.request_id = p.request_id
    ), first_per_request AS (
        SELECT c.*,
               CASE WHEN c.reason IS NULL
                    THEN row_number() OVER (PARTITION BY c.request_id, c.reason IS NULL ORDER BY c.ord) END AS k
          FROM checked c
    ), within_capacity AS (
        SELECT f.*,
               CASE WHEN f.reason IS NULL AND f.k = 1
                    THEN row_number() OVER (PARTITION BY f.volunteer_id, (f.reason IS NULL AND f.k = 1)
                                            ORDER BY f.urgency, f.created_at, f.ord) END AS load_rank
          FROM first_per_request f
    ), coded AS (
        SELECT w.*,
               CASE WHEN w.reason IS NOT NULL THEN w.reason
                    WHEN w.k > 1 THEN 'request_twice_in_batch'
                    WHEN w.active_count + w.load_rank > w.capacity THEN 'volunteer_full'
               END AS code
          FROM within_capacity w
    )
    SELECT c.ord, c.code,
           CASE c.code
               WHEN 'request_closed' THEN jsonb_build_object('status', c.status)
               WHEN 'request_already_assigned' THEN jsonb_build_object('status', c.status)
               WHEN 'request_in_progress' THEN jsonb_build_object('status', c.status)
               WHEN 'volunteer_full' THEN jsonb_build_object('capacity', c.capacity, 'active_count', c.active_count)
               WHEN 'volunteer_not_eligible' THEN nd.detail
           END
      FROM coded c
      -- one detail per category, built once (nine rows), matched by hashing
      LEFT JOIN (SELECT x AS category, jitasa.category_needs_detail(x) AS detail
                   FROM unnest(enum_range(NULL::jitasa.request_category)) x) nd
        ON nd.category = c.category AND c.code = 'volunteer_not_eligible';
END $$;

-- Raise for pairs naming a request or volunteer that does not exist (bad input: nothing is written).
CREATE OR REPLACE FUNCTION jitasa.refuse_unknown_ids(p_request_ids integer[], p_volunteer_ids integer[], p_reasons text[])
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    missing integer[];
BEGIN
    SELECT array_agg(DISTINCT u.request_id ORDER BY u.request_id) INTO missing
      FROM unnest(p_request_ids, p_reasons) AS u(request_id, reason) WHERE u.reason = 'no_such_request';
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'Help request(s) % do not exist. Nothing was written.', array_to_string(missing[1:10], ', ')
            USING ERRCODE = 'P0002';
    END IF;
    SELECT array_agg(DISTINCT u.volunteer_id ORDER BY u.volunteer_id) INTO missing
      FROM unnest(p_volunteer_ids, p_reasons) AS u(volunteer_id, reason) WHERE u.reason = 'no_such_volunteer';
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'Volunteer(s) % do not exist. Nothing was written.', array_to_string(missing[1:10], ', ')
            USING ERRCODE = 'P0002';
    END IF;
END $$;

-- A run's status from its rows: still 'proposed' while only proposals; 'confirmed' when every row was
-- confirmed; 'rejected' when none was; 'partial' otherwise. `p_refused_unstored` counts refusals of this
-- call that left no row (assign_pairs does not store refused pairs).
CREATE OR REPLACE FUNCTION jitasa.refresh_run_status(p_run_id integer, p_refused_unstored integer DEFAULT 0) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    n_proposed integer;
    n_confirmed integer;
    n_rejected integer;
    st jitasa.run_status;
BEGIN
    SELECT count(*) FILTER (WHERE a.status = 'proposed'),
           count(*) FILTER (WHERE a.status NOT IN ('proposed', 'rejected')),
           count(*) FILTER (WHERE a.status = 'rejected') + coalesce(p_refused_unstored, 0)
      INTO n_proposed, n_confirmed, n_rejected
      FROM jitasa.assignment a WHERE a.run_id = p_run_id;
    st := CASE
        WHEN n_proposed > 0 AND n_confirmed = 0 AND n_rejected = 0 THEN 'proposed'
        WHEN n_proposed = 0 AND n_rejected = 0 AND n_confirmed > 0 THEN 'confirmed'
        WHEN n_proposed = 0 AND n_confirmed = 0 THEN 'rejected'
        ELSE 'partial' END;
    UPDATE jitasa.assignment_run SET status = st WHERE id = p_run_id AND status IS DISTINCT FROM st;
END $$;

-- Insert the acceptable pairs (reason NULL) of a batch as assignments of the run with the given status and
-- report every pair: accepted ones with their new assignment id, the others refused with their reason code
-- and detail.
DROP FUNCTION IF EXISTS jitasa.insert_pairs(integer, integer[], integer[], real[], text[], jitasa.assignment_status,
                                            boolean);
DROP FUNCTION IF EXISTS jitasa.insert_pairs(integer, integer[], integer[], real[], text[], jsonb[],
                                            jitasa.assignment_status, boolean);
CREATE FUNCTION jitasa.insert_pairs(
    p_run_id integer, p_request_ids integer[], p_volunteer_ids integer[], p_minutes real[], p_reasons text[],
    p_details jsonb[], p_status jitasa.assignment_status, p_is_estimate boolean)
RETURNS TABLE (request_id integer, volunteer_id integer, assignment_id integer, outcome text, reason text,
               detail jsonb)
LANGUAGE plpgsql
-- the new rows are matched to the pairs by hashing, at any batch size
SET enable_nestloop = off SET plan_cache_mode = force_generic_plan SET jit = off AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH p AS (
        SELECT u.request_id, u.volunteer_id, u.minutes, u.reason, u.detail, u.o
          FROM unnest(p_request_ids, p_volunteer_ids,
                      coalesce(p_minutes, array_fill(NULL::real, ARRAY[cardinality(p_request_ids)])), p_reasons,
                      p_details)
               WITH ORDINALITY AS u(request_id, volunteer_id, minutes, reason, detail, o)
    ), ins AS (
        INSERT INTO jitasa.assignment AS a (request_id, volunteer_id, run_id, status, travel_minutes,
                                             cost_is_estimate)
        SELECT p.request_id, p.volunteer_id, p_run_id, p_status, p.minutes, coalesce(p_is_estimate, true)
          FROM p WHERE p.reason IS NULL
        RETURNING a.id, a.request_id
    )
    -- accepted pairs are one per request (a second is request_twice_in_batch): match on the request
    SELECT p.request_id, p.volunteer_id, ins.id,
           CASE WHEN p.reason IS NOT NULL THEN 'refused' WHEN p_status = 'active' THEN 'confirmed'
                ELSE 'proposed' END,
           p.reason, p.detail
      FROM p LEFT JOIN ins ON ins.request_id = p.request_id AND p.reason IS NULL
     ORDER BY p.o;
END $$;

-- --- runs ---------------------------------------------------------------------------------------------------

-- A run's parameters: a JSON object of at most 10,000 characters; the travel limits it names must be
-- numbers in range (they are shown in the dock and reports).
CREATE OR REPLACE FUNCTION jitasa.check_run_params(p_params jsonb) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    k text;
    v jsonb;
BEGIN
    IF p_params IS NULL THEN
        RETURN;
    END IF;
    IF jsonb_typeof(p_params) <> 'object' THEN
        RAISE EXCEPTION 'A run''s parameters must be a JSON object, not %. Nothing was written.',
            jsonb_typeof(p_params) USING ERRCODE = '22023';
    END IF;
    IF length(p_params::text) > 10000 THEN
        RAISE EXCEPTION 'A run''s parameters are too long: % characters; at most 10000 are allowed.',
            length(p_params::text) USING ERRCODE = '22001';
    END IF;
    FOREACH k IN ARRAY ARRAY['max_minutes', 'speed_kmh', 'margin_m'] LOOP
        v := p_params -> k;
        IF v IS NOT NULL AND (jsonb_typeof(v) <> 'number' OR (v #>> '{}')::numeric <= 0
                              OR (v #>> '{}')::numeric > CASE k WHEN 'max_minutes' THEN 1440
                                                                WHEN 'speed_kmh' THEN 300 ELSE 1000000 END) THEN
            RAISE EXCEPTION 'A run''s parameter % must be a number above 0 and at most % (got %). Nothing was written.',
                k, CASE k WHEN 'max_minutes' THEN 1440 WHEN 'speed_kmh' THEN 300 ELSE 1000000 END, v
                USING ERRCODE = '22023';
        END IF;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION jitasa.create_run(p_method text, p_scope text DEFAULT 'all', p_params jsonb DEFAULT '{}')
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = '' AS $$
DECLARE
    new_id integer;
    v_method text;
    v_scope text;
BEGIN
    PERFORM jitasa.require_assigning_role('create assignment runs');
    v_method := jitasa.clean_text(p_method, 'A run''s method', 40);
    v_scope := coalesce(jitasa.clean_text(p_scope, 'A run''s scope', 200), 'all');
    IF v_method IS NULL THEN
        RAISE EXCEPTION 'An assignment run needs a method (nearest, optimal, manual).' USING ERRCODE = '22023';
    END IF;
    PERFORM jitasa.check_run_params(p_params);
    -- the id first, so the run's own audit row carries it
    new_id := nextval(pg_get_serial_sequence('jitasa.assignment_run', 'id'));
    PERFORM jitasa.enter_run(new_id);
    INSERT INTO jitasa.assignment_run (id, method, scope, params)
    VALUES (new_id, v_method, v_scope, coalesce(p_params, '{}'));
    RETURN new_id;
END $$;

-- Proposals: a 'proposed' row for each pair that is acceptable now; the others are refused with a reason
-- and leave no row. Nothing is locked: confirming checks everything again under locks.
DROP FUNCTION IF EXISTS jitasa.propose_assignments(integer, integer[], integer[], real[], boolean);
CREATE FUNCTION jitasa.propose_assignments(
    p_run_id integer, p_request_ids integer[], p_volunteer_ids integer[], p_minutes real[],
    p_is_estimate boolean)
RETURNS TABLE (request_id integer, volunteer_id integer, assignment_id integer, outcome text, reason text,
               detail jsonb)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = ''
SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE
    run_status jitasa.run_status;
    reasons text[];
    details jsonb[];
BEGIN
    PERFORM jitasa.require_assigning_role('propose assignments');
    PERFORM jitasa.check_pair_arrays(p_request_ids, p_volunteer_ids, p_minutes);
    run_status := jitasa.lock_run(p_run_id);
    IF run_status <> 'proposed' THEN
        RAISE EXCEPTION 'Assignment run % is already %: start a new run to propose more.', p_run_id, run_status
            USING ERRCODE = '55000';
    END IF;
    IF cardinality(p_request_ids) = 0 THEN
        RETURN;  -- an empty batch changes nothing, not even the run's status
    END IF;
    PERFORM jitasa.require_in_scope(p_request_ids, p_volunteer_ids);  -- a batch outside one's areas: refused whole
    PERFORM jitasa.enter_run(p_run_id);

    SELECT array_agg(x.reason ORDER BY x.ord), array_agg(x.detail ORDER BY x.ord) INTO reasons, details
      FROM jitasa.pair_refusals(p_request_ids, p_volunteer_ids) x;
    PERFORM jitasa.refuse_unknown_ids(p_request_ids, p_volunteer_ids, reasons);

    RETURN QUERY
    SELECT * FROM jitasa.insert_pairs(p_run_id, p_request_ids, p_volunteer_ids, p_minutes, reasons, details,
                                      'proposed', p_is_estimate);
END $$;

-- Confirm proposals of a run (all of them, or the given ones) in one transaction. Locks the run, then the
-- requests, the assignments and the volunteers involved (each in id order) and checks every row again:
-- a row that became stale is refused with its reason and becomes 'rejected'; the others become 'active',
-- their requests 'assigned' and their volunteers' loads grow. Rows that are no longer proposals are
-- reported (not_proposed, with their status) and left alone.
DROP FUNCTION IF EXISTS jitasa.confirm_assignments(integer, integer[]);
CREATE FUNCTION jitasa.confirm_assignments(p_run_id integer, p_assignment_ids integer[] DEFAULT NULL)
RETURNS TABLE (assignment_id integer, request_id integer, volunteer_id integer, outcome text, reason text,
               detail jsonb)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = ''
SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE
    ids integer[];          -- the proposals to confirm, in id order
    req integer[];
    vol integer[];
    reasons text[];         -- NULL: confirmed
    details jsonb[];
    skipped_ids integer[];  -- named rows that are no longer proposals
    skipped_req integer[];
    skipped_vol integer[];
    skipped_status jitasa.assignment_status[];
    n_missing integer;
    n_other integer;
BEGIN
    PERFORM jitasa.require_assigning_role('confirm assignments');
    PERFORM jitasa.lock_run(p_run_id);
    PERFORM jitasa.enter_run(p_run_id);

    IF p_assignment_ids IS NULL THEN
        SELECT array_agg(a.id ORDER BY a.id), array_agg(a.request_id ORDER BY a.id),
               array_agg(a.volunteer_id ORDER BY a.id)
          INTO ids, req, vol
          FROM jitasa.assignment a WHERE a.run_id = p_run_id AND a.status = 'proposed';
    ELSE
        PERFORM jitasa.check_id_array(p_assignment_ids, 'assignments to confirm');
        -- Proposed rows of other runs are under other runs' locks; rows of this run are under ours.
        SELECT count(*) FILTER (WHERE a.id IS NULL),
               count(*) FILTER (WHERE a.id IS NOT NULL AND a.run_id IS DISTINCT FROM p_run_id),
               array_agg(a.id ORDER BY a.id) FILTER (WHERE a.status = 'proposed'),
               array_agg(a.request_id ORDER BY a.id) FILTER (WHERE a.status = 'proposed'),
               array_agg(a.volunteer_id ORDER BY a.id) FILTER (WHERE a.status = 'proposed'),
               array_agg(a.id ORDER BY a.id) FILTER (WHERE a.status <> 'proposed'),
               array_agg(a.request_id ORDER BY a.id) FILTER (WHERE a.status <> 'proposed'),
               array_agg(a.volunteer_id ORDER BY a.id) FILTER (WHERE a.status <> 'proposed'),
               array_agg(a.status ORDER BY a.id) FILTER (WHERE a.status <> 'proposed')
          INTO n_missing, n_other, ids, req, vol, skipped_ids, skipped_req, skipped_vol, skipped_status
          FROM (SELECT DISTINCT x AS id FROM unnest(p_assignment_ids) x) u
          LEFT JOIN LATERAL (SELECT y.id, y.run_id, y.status, y.request_id, y.volunteer_id
                               FROM jitasa.assignment y WHERE y.id = u.id LIMIT 1) a ON true;
        IF n_missing > 0 THEN
            RAISE EXCEPTION '% of the assignments to confirm do not exist. Nothing was changed.', n_missing
                USING ERRCODE = 'P0002';
        END IF;
        IF n_other > 0 THEN
            RAISE EXCEPTION '% of the assignments to confirm do not belong to run %. Nothing was changed.',
                n_other, p_run_id USING ERRCODE = '22023';
        END IF;
    END IF;

    IF ids IS NOT NULL THEN
        PERFORM jitasa.require_in_scope(req, vol);  -- a run reaching outside one's areas: refused whole
        -- lock order: requests, assignments, volunteers; each in id order
        PERFORM 1 FROM jitasa.help_request r WHERE r.id = ANY (req) ORDER BY r.id FOR NO KEY UPDATE;
        PERFORM 1 FROM jitasa.assignment a WHERE a.id = ANY (ids) ORDER BY a.id FOR NO KEY UPDATE;
        PERFORM 1 FROM jitasa.volunteer v WHERE v.id = ANY (vol) ORDER BY v.id FOR NO KEY UPDATE;

        SELECT array_agg(x.reason ORDER BY x.ord), array_agg(x.detail ORDER BY x.ord) INTO reasons, details
          FROM jitasa.pair_refusals(req, vol) x;

        UPDATE jitasa.assignment a
           SET status = CASE WHEN u.reason IS NULL THEN 'active' ELSE 'rejected' END::jitasa.assignment_status,
               reason = u.reason
          FROM unnest(ids, reasons) AS u(id, reason)
         WHERE a.id = u.id;

        UPDATE jitasa.help_request r SET status = 'assigned'
         WHERE r.id = ANY (ARRAY(SELECT u.request_id FROM unnest(req, reasons) AS u(request_id, reason)
                                  WHERE u.reason IS NULL));

        UPDATE jitasa.volunteer v SET active_count = v.active_count + c.n
          FROM (SELECT u.volunteer_id, count(*)::integer AS n
                  FROM unnest(vol, reasons) AS u(volunteer_id, reason)
                 WHERE u.reason IS NULL GROUP BY u.volunteer_id) c
         WHERE v.id = c.volunteer_id;

        PERFORM jitasa.refresh_run_status(p_run_id);
    END IF;

    RETURN QUERY
    SELECT u.id, u.request_id, u.volunteer_id,
           CASE WHEN u.reason IS NULL THEN 'confirmed' ELSE 'refused' END, u.reason, u.detail
      FROM unnest(ids, req, vol, reasons, details) AS u(id, request_id, volunteer_id, reason, detail);
    RETURN QUERY
    SELECT u.id, u.request_id, u.volunteer_id, 'refused', 'not_proposed', jsonb_build_object('status', u.status)
      FROM unnest(skipped_ids, skipped_req, skipped_vol, skipped_status) AS u(id, request_id, volunteer_id, status);
END $$;

-- "Confirm directly": the pairs become active assignments of the run at once, with the same checks under
-- the same locks as confirming; refused pairs are reported with their reason and leave no row.
DROP FUNCTION IF EXISTS jitasa.assign_pairs(integer, integer[], integer[], real[], boolean);
CREATE FUNCTION jitasa.assign_pairs(
    p_run_id integer, p_request_ids integer[], p_volunteer_ids integer[], p_minutes real[],
    p_is_estimate boolean)
RETURNS TABLE (request_id integer, volunteer_id integer, assignment_id integer, outcome text, reason text,
               detail jsonb)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = ''
SET plan_cache_mode = force_generic_plan SET jit = off AS $$
DECLARE
    run_status jitasa.run_status;
    reasons text[];
    details jsonb[];
    n_refused integer;
BEGIN
    PERFORM jitasa.require_assigning_role('assign volunteers');
    PERFORM jitasa.check_pair_arrays(p_request_ids, p_volunteer_ids, p_minutes);
    run_status := jitasa.lock_run(p_run_id);
    IF run_status <> 'proposed' THEN
        RAISE EXCEPTION 'Assignment run % is already %: start a new run to assign more.', p_run_id, run_status
            USING ERRCODE = '55000';
    END IF;
    IF cardinality(p_request_ids) = 0 THEN
        RETURN;  -- an empty batch changes nothing, not even the run's status
    END IF;
    PERFORM jitasa.require_in_scope(p_request_ids, p_volunteer_ids);  -- a batch outside one's areas: refused whole
    PERFORM jitasa.enter_run(p_run_id);

    PERFORM 1 FROM jitasa.help_request r WHERE r.id = ANY (p_request_ids) ORDER BY r.id FOR NO KEY UPDATE;
    PERFORM 1 FROM jitasa.volunteer v WHERE v.id = ANY (p_volunteer_ids) ORDER BY v.id FOR NO KEY UPDATE;

    SELECT array_agg(x.reason ORDER BY x.ord), array_agg(x.detail ORDER BY x.ord),
           count(*) FILTER (WHERE x.reason IS NOT NULL)
      INTO reasons, details, n_refused
      FROM jitasa.pair_refusals(p_request_ids, p_volunteer_ids) x;
    PERFORM jitasa.refuse_unknown_ids(p_request_ids, p_volunteer_ids, reasons);

    UPDATE jitasa.help_request r SET status = 'assigned'
     WHERE r.id = ANY (ARRAY(SELECT u.request_id FROM unnest(p_request_ids, reasons) AS u(request_id, reason)
                              WHERE u.reason IS NULL));

    UPDATE jitasa.volunteer v SET active_count = v.active_count + c.n
      FROM (SELECT u.volunteer_id, count(*)::integer AS n
              FROM unnest(p_volunteer_ids, reasons) AS u(volunteer_id, reason)
             WHERE u.reason IS NULL GROUP BY u.volunteer_id) c
     WHERE v.id = c.volunteer_id;

    RETURN QUERY
    SELECT * FROM jitasa.insert_pairs(p_run_id, p_request_ids, p_volunteer_ids, p_minutes, reasons, details,
                                      'active', p_is_estimate);

    PERFORM jitasa.refresh_run_status(p_run_id, n_refused);
END $$;

-- Reject proposals of a run (all, or the given ones): they become 'rejected'. Returns how many.
CREATE OR REPLACE FUNCTION jitasa.reject_assignments(p_run_id integer, p_assignment_ids integer[] DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = '' AS $$
DECLARE
    n integer;
    n_other integer;
BEGIN
    PERFORM jitasa.require_assigning_role('reject assignments');
    PERFORM jitasa.check_id_array(p_assignment_ids, 'assignments to reject');
    PERFORM jitasa.lock_run(p_run_id);
    PERFORM jitasa.enter_run(p_run_id);
    IF p_assignment_ids IS NOT NULL THEN
        SELECT count(*) INTO n_other
          FROM (SELECT DISTINCT x AS id FROM unnest(p_assignment_ids) x) u
         WHERE NOT EXISTS (SELECT 1 FROM jitasa.assignment a WHERE a.id = u.id AND a.run_id = p_run_id);
        IF n_other > 0 THEN
            RAISE EXCEPTION '% of the assignments to reject are not in run %. Nothing was changed.', n_other, p_run_id
                USING ERRCODE = '22023';
        END IF;
    END IF;
    PERFORM jitasa.require_in_scope(ARRAY(SELECT a.request_id FROM jitasa.assignment a
                                           WHERE a.run_id = p_run_id AND a.status = 'proposed'
                                             AND (p_assignment_ids IS NULL OR a.id = ANY (p_assignment_ids))));
    -- Proposed rows are written only under the run's lock (confirm, reject), so no request lock is needed.
    UPDATE jitasa.assignment a SET status = 'rejected', reason = 'rejected_by_officer'
     WHERE a.run_id = p_run_id AND a.status = 'proposed'
       AND (p_assignment_ids IS NULL OR a.id = ANY (p_assignment_ids));
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM jitasa.refresh_run_status(p_run_id);
    RETURN n;
END $$;

-- --- ending and reassigning one assignment ---------------------------------------------------------------

-- Lock the assignment's request, then the assignment, and check the version the caller read.
-- Returns the assignment (locked). 40001 when it moved on; 55000 when it is not active.
CREATE OR REPLACE FUNCTION jitasa.lock_active_assignment(p_assignment_id integer, p_expected_version integer)
RETURNS jitasa.assignment
LANGUAGE plpgsql AS $$
DECLARE
    a jitasa.assignment;
    req integer;
BEGIN
    IF p_assignment_id IS NULL OR p_expected_version IS NULL THEN
        RAISE EXCEPTION 'Changing an assignment needs its id and the version you read.' USING ERRCODE = '22023';
    END IF;
    SELECT x.request_id INTO req FROM jitasa.assignment x WHERE x.id = p_assignment_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Assignment % does not exist.', p_assignment_id USING ERRCODE = 'P0002';
    END IF;
    PERFORM 1 FROM jitasa.help_request r WHERE r.id = req FOR NO KEY UPDATE;
    SELECT x.* INTO a FROM jitasa.assignment x WHERE x.id = p_assignment_id FOR NO KEY UPDATE;
    IF a.version <> p_expected_version THEN
        RAISE EXCEPTION 'Assignment % was changed by someone else: it is now "%" (version %); you had version %. '
                        'Nothing was changed.', p_assignment_id, a.status, a.version, p_expected_version
            USING ERRCODE = '40001', HINT = 'Look at its current state and try again if it still applies.';
    END IF;
    IF a.status <> 'active' THEN
        RAISE EXCEPTION 'Assignment % is "%", not active: only an active assignment can be ended or reassigned.',
            p_assignment_id, a.status USING ERRCODE = '55000';
    END IF;
    RETURN a;
END $$;

-- End an active assignment: 'unassign' (cancelled) and 'decline' (declined) need a reason and put the
-- request back to 'new'; 'complete' (completed) closes the request as 'done'. The volunteer's load drops.
-- Returns the assignment's new version. 40001 when it changed since `p_expected_version`.
CREATE OR REPLACE FUNCTION jitasa.end_assignment(
    p_assignment_id integer, p_expected_version integer, p_action text, p_reason text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = '' AS $$
DECLARE
    v_reason text := jitasa.clean_text(p_reason, 'A reason', 500);
    a jitasa.assignment;
    new_version integer;
BEGIN
    PERFORM jitasa.require_assigning_role('end assignments');
    IF p_action IS NULL OR p_action NOT IN ('unassign', 'decline', 'complete') THEN
        RAISE EXCEPTION 'Unknown way to end an assignment: "%" (use unassign, decline or complete).', p_action
            USING ERRCODE = '22023';
    END IF;
    IF p_action <> 'complete' AND v_reason IS NULL THEN
        RAISE EXCEPTION 'To % assignment % give a reason.', p_action, p_assignment_id USING ERRCODE = '22023';
    END IF;
    a := jitasa.lock_active_assignment(p_assignment_id, p_expected_version);
    PERFORM jitasa.require_in_scope(ARRAY[a.request_id]);

    -- The request first: closing it ('done') takes the open-request grid cells' locks (0005's trigger),
    -- and 0004 takes those before any volunteer; so must we, or two closings deadlock over a volunteer.
    UPDATE jitasa.help_request r
       SET status = CASE WHEN p_action = 'complete' THEN 'done' ELSE 'new' END::jitasa.request_status
     WHERE r.id = a.request_id AND r.status IN ('assigned', 'in_progress');
    UPDATE jitasa.assignment x
       SET status = CASE p_action WHEN 'unassign' THEN 'cancelled' WHEN 'decline' THEN 'declined'
                                  ELSE 'completed' END::jitasa.assignment_status,
           reason = coalesce(v_reason, x.reason)
     WHERE x.id = a.id
    RETURNING x.version INTO new_version;
    UPDATE jitasa.volunteer v SET active_count = greatest(v.active_count - 1, 0) WHERE v.id = a.volunteer_id;
    RETURN new_version;
END $$;

-- Move an active assignment to another volunteer: the old one is cancelled with the reason, a new active
-- one is created (same run, no travel time) and returned; both volunteers' loads follow, an in-progress
-- request is 'assigned' again. The new volunteer must be available, eligible and below capacity (55000
-- otherwise: an English message, and in DETAIL a JSON object with the reason code and its detail).
-- 40001 when the assignment changed since `p_expected_version`.
CREATE OR REPLACE FUNCTION jitasa.reassign(
    p_assignment_id integer, p_expected_version integer, p_new_volunteer_id integer, p_reason text)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp SET jitasa.run_id = '' AS $$
DECLARE
    v_reason text := jitasa.clean_text(p_reason, 'A reason', 500);
    a jitasa.assignment;
    vol jitasa.volunteer;
    cat jitasa.request_category;
    refusal text;
    new_id integer;
BEGIN
    PERFORM jitasa.require_assigning_role('reassign assignments');
    IF p_new_volunteer_id IS NULL THEN
        RAISE EXCEPTION 'Reassigning needs the new volunteer.' USING ERRCODE = '22023';
    END IF;
    IF v_reason IS NULL THEN
        RAISE EXCEPTION 'To reassign assignment % give a reason.', p_assignment_id USING ERRCODE = '22023';
    END IF;
    a := jitasa.lock_active_assignment(p_assignment_id, p_expected_version);
    PERFORM jitasa.require_in_scope(ARRAY[a.request_id], ARRAY[p_new_volunteer_id]);
    IF a.volunteer_id = p_new_volunteer_id THEN
        RAISE EXCEPTION 'Assignment % already goes to volunteer %.', p_assignment_id, p_new_volunteer_id
            USING ERRCODE = '22023';
    END IF;
    IF a.run_id IS NOT NULL THEN
        PERFORM jitasa.enter_run(a.run_id);
    END IF;
    PERFORM 1 FROM jitasa.volunteer v WHERE v.id IN (a.volunteer_id, p_new_volunteer_id) ORDER BY v.id
        FOR NO KEY UPDATE;
    SELECT v.* INTO vol FROM jitasa.volunteer v WHERE v.id = p_new_volunteer_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Volunteer % does not exist.', p_new_volunteer_id USING ERRCODE = 'P0002';
    END IF;
    SELECT r.category INTO cat FROM jitasa.help_request r WHERE r.id = a.request_id;
    refusal := CASE
        WHEN NOT vol.available THEN 'volunteer_unavailable'
        WHEN NOT jitasa.volunteer_can_serve(vol, cat) THEN 'volunteer_not_eligible'
        WHEN vol.active_count >= vol.capacity THEN 'volunteer_full'
    END;
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION 'Cannot reassign help request % to volunteer %: %. Nothing was changed.',
            a.request_id, p_new_volunteer_id,
            CASE refusal WHEN 'volunteer_unavailable' THEN 'volunteer unavailable'
                         WHEN 'volunteer_full' THEN 'volunteer now full'
                         ELSE 'volunteer not eligible: needs ' || jitasa.category_needs_label(cat) END
            USING ERRCODE = '55000', DETAIL = jsonb_build_object(
                'reason', refusal,
                'detail', CASE refusal
                              WHEN 'volunteer_not_eligible' THEN jitasa.category_needs_detail(cat)
                              WHEN 'volunteer_full' THEN jsonb_build_object('capacity', vol.capacity,
                                                                            'active_count', vol.active_count)
                          END)::text;
    END IF;

    UPDATE jitasa.assignment x SET status = 'cancelled', reason = v_reason WHERE x.id = a.id;
    INSERT INTO jitasa.assignment (request_id, volunteer_id, run_id, status, cost_is_estimate)
    VALUES (a.request_id, p_new_volunteer_id, a.run_id, 'active', a.cost_is_estimate)
    RETURNING id INTO new_id;
    UPDATE jitasa.volunteer v
       SET active_count = CASE WHEN v.id = p_new_volunteer_id THEN v.active_count + 1
                               ELSE greatest(v.active_count - 1, 0) END
     WHERE v.id IN (a.volunteer_id, p_new_volunteer_id);
    UPDATE jitasa.help_request r SET status = 'assigned' WHERE r.id = a.request_id AND r.status = 'in_progress';
    RETURN new_id;
END $$;
