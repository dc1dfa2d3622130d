-- 0004: guarded request status changes (start, done, cancel) and the indexes the operations dock pages on.

-- The one table of allowed status changes; change_request_status() asks it, and a test compares it with
-- jitasa_qgis/core/request_transitions.py. Assigning (new -> assigned) belongs to the assignment functions.
CREATE FUNCTION jitasa.request_status_change_allowed(p_from jitasa.request_status, p_to jitasa.request_status)
RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_to
        WHEN 'in_progress' THEN p_from IN ('new', 'assigned')
        WHEN 'done'        THEN p_from IN ('assigned', 'in_progress')
        WHEN 'cancelled'   THEN p_from IN ('new', 'assigned', 'in_progress')
        ELSE false
    END
$$;

-- Change a help request's status if nobody changed the request since the caller read `p_expected_version`.
-- Returns the request's new version. Refuses with
--   42501 unless the acting role (SET ROLE shows) is an officer or an admin,
--   40001 when the request moved on (the message names its current status and version),
--   22023 for a change the workflow does not allow, or a cancellation without a reason,
--   P0002 when there is no such request.
-- Closing a request (done / cancelled) ends its active assignment (completed / cancelled) and gives the
-- volunteer that capacity back, in the same transaction. Lock order: request, assignments, volunteers.
CREATE FUNCTION jitasa.change_request_status(
    p_request_id integer,
    p_expected_version integer,
    p_status jitasa.request_status,
    p_reason text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, jitasa AS $$
DECLARE
    acting      text := jitasa.acting_role();
    v_reason    text := nullif(btrim(p_reason), '');
    old_status  jitasa.request_status;
    old_version integer;
    new_version integer;
BEGIN
    IF NOT (pg_has_role(acting, 'jitasa_officer', 'MEMBER') OR pg_has_role(acting, 'jitasa_admin', 'MEMBER')) THEN
        RAISE EXCEPTION 'Role "%" may not change the status of help requests: only officers and admins may.',
            acting USING ERRCODE = '42501';
    END IF;
    IF p_request_id IS NULL OR p_expected_version IS NULL OR p_status IS NULL THEN
        RAISE EXCEPTION 'Changing a help request''s status needs the request id, the version you read and '
                        'the new status.' USING ERRCODE = '22023';
    END IF;

    SELECT r.status, r.version INTO old_status, old_version
      FROM jitasa.help_request r
     WHERE r.id = p_request_id
       FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Help request % does not exist (it may have been deleted).', p_request_id
            USING ERRCODE = 'P0002';
    END IF;
    IF old_version <> p_expected_version THEN
        RAISE EXCEPTION 'Help request % was changed by someone else: it is now "%" (version %); you had '
                        'version %. Nothing was changed.', p_request_id, old_status, old_version, p_expected_version
            USING ERRCODE = '40001', HINT = 'Look at its current state and try again if it still applies.';
    END IF;
    IF NOT jitasa.request_status_change_allowed(old_status, p_status) THEN
        RAISE EXCEPTION 'Help request % is "%" and cannot be changed to "%".', p_request_id, old_status, p_status
            USING ERRCODE = '22023',
                  HINT = 'Allowed: new or assigned to in_progress; assigned or in_progress to done; '
                         'any open status to cancelled (with a reason). Done and cancelled requests stay closed.';
    END IF;
    IF p_status = 'cancelled' AND v_reason IS NULL THEN
        RAISE EXCEPTION 'Cancelling help request % needs a reason.', p_request_id USING ERRCODE = '22023';
    END IF;

    UPDATE jitasa.help_request
       SET status = p_status,
           closure_reason = CASE WHEN p_status IN ('done', 'cancelled') THEN coalesce(v_reason, closure_reason)
                                 ELSE closure_reason END
     WHERE id = p_request_id
    RETURNING version INTO new_version;

    IF p_status IN ('done', 'cancelled') THEN
        WITH ended AS (
            UPDATE jitasa.assignment a
               SET status = CASE WHEN p_status = 'done' THEN 'completed' ELSE 'cancelled' END::jitasa.assignment_status,
                   reason = CASE WHEN p_status = 'cancelled' THEN coalesce(v_reason, a.reason) ELSE a.reason END
             WHERE a.request_id = p_request_id AND a.status = 'active'
            RETURNING a.volunteer_id
        ), freed AS (
            SELECT volunteer_id, count(*)::integer AS n FROM ended GROUP BY volunteer_id
        )
        UPDATE jitasa.volunteer v
           SET active_count = greatest(v.active_count - freed.n, 0)
          FROM freed
         WHERE v.id = freed.volunteer_id;
    END IF;
    RETURN new_version;
END $$;

REVOKE ALL ON FUNCTION jitasa.change_request_status(integer, integer, jitasa.request_status, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jitasa.change_request_status(integer, integer, jitasa.request_status, text)
    TO jitasa_officer, jitasa_admin;
GRANT EXECUTE ON FUNCTION jitasa.request_status_change_allowed(jitasa.request_status, jitasa.request_status)
    TO jitasa_admin, jitasa_officer, jitasa_analyst, jitasa_feed;

-- The dock's queue filtered by area, already in queue order (urgency, then oldest first): the first page
-- of one amphoe or tambon is read from the index front, without sorting the open requests.
-- Amphoe codes are the first four digits of their tambons' DOPA codes (670101 lies in 6701).
CREATE INDEX help_request_open_amphoe_idx ON jitasa.help_request (left(tambon_code, 4), urgency, created_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress');
CREATE INDEX help_request_open_tambon_idx ON jitasa.help_request (tambon_code, urgency, created_at, id)
    WHERE status IN ('new', 'assigned', 'in_progress');
-- Counts per open status (with category / urgency filters) from the index alone.
CREATE INDEX help_request_open_status_idx ON jitasa.help_request (status, category, urgency)
    WHERE status IN ('new', 'assigned', 'in_progress');
-- The volunteers tab's order: available first, then the most free capacity.
CREATE INDEX volunteer_free_capacity_idx ON jitasa.volunteer (available DESC, (capacity - active_count) DESC, id);
CREATE INDEX volunteer_amphoe_idx ON jitasa.volunteer (left(tambon_code, 4));

-- Free-text search in the queue's notes: a trigram index, so a rare word does not scan every open request.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension; where it cannot be created the
-- search still works, only slower, so the migration goes on without it.
DO $$
DECLARE
    trgm_schema text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm could not be created (%): searching request notes will scan the open requests',
            SQLERRM;
        RETURN;
    END;
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX help_request_open_note_trgm_idx ON jitasa.help_request '
                   'USING gin (note %I.gin_trgm_ops) WHERE status IN (''new'', ''assigned'', ''in_progress'')',
                   trgm_schema);
END $$;
