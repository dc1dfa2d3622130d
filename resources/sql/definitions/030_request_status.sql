-- Guarded request status changes (start, done, cancel). Repeatable: re-applied whenever this file changes.

-- The active assignments of requests just closed (done / cancelled), ended (completed / cancelled, the reason
-- kept on a cancellation), and their volunteers' load given back. Internal (no EXECUTE grant): the caller has
-- locked the requests; shared by change_request_status and the feed's upsert, which closes expired requests.
CREATE OR REPLACE FUNCTION jitasa.end_closed_requests_assignments(
    p_request_ids integer[],
    p_status jitasa.request_status,
    p_reason text)
RETURNS void
LANGUAGE sql AS $$
    -- lock order: assignments, then volunteers, each in id order (the requests are locked already)
    SELECT count(*) FROM (SELECT 1 FROM jitasa.assignment a
                           WHERE a.request_id = ANY (p_request_ids) AND a.status = 'active'
                           ORDER BY a.id FOR UPDATE) l;
    SELECT count(*) FROM (SELECT 1 FROM jitasa.volunteer v
                           WHERE v.id IN (SELECT a.volunteer_id FROM jitasa.assignment a
                                           WHERE a.request_id = ANY (p_request_ids) AND a.status = 'active')
                           ORDER BY v.id FOR UPDATE) l;
    WITH ended AS (
        UPDATE jitasa.assignment a
           SET status = CASE WHEN p_status = 'done' THEN 'completed' ELSE 'cancelled' END::jitasa.assignment_status,
               reason = CASE WHEN p_status = 'cancelled' THEN coalesce(p_reason, a.reason) ELSE a.reason END
         WHERE a.request_id = ANY (p_request_ids) AND a.status = 'active'
        RETURNING a.volunteer_id
    ), freed AS (
        SELECT volunteer_id, count(*)::integer AS n FROM ended GROUP BY volunteer_id
    )
    UPDATE jitasa.volunteer v
       SET active_count = greatest(v.active_count - freed.n, 0)
      FROM freed
     WHERE v.id = freed.volunteer_id
$$;

-- Change a help request's status if nobody changed the request since the caller read `p_expected_version`.
-- Returns the request's new version. Refuses with
--   42501 unless the acting role (SET ROLE shows) is an officer or an admin,
--   40001 when the request moved on (the message names its current status and version),
--   22023 for a change the workflow does not allow, or a cancellation without a reason (spaces of any kind
--         are no reason), 22001 for a reason over 500 characters,
--   P0002 when there is no such request.
-- Closing a request (done / cancelled) ends its active assignment (completed / cancelled) and gives the
-- volunteer that capacity back, in the same transaction. Lock order: request, assignments, volunteers.
CREATE OR REPLACE FUNCTION jitasa.change_request_status(
    p_request_id integer,
    p_expected_version integer,
    p_status jitasa.request_status,
    p_reason text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, jitasa, public, pg_temp AS $$
DECLARE
    acting      text := jitasa.acting_role();
    v_reason    text := jitasa.clean_text(p_reason, 'A reason', 500);
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
    PERFORM jitasa.require_in_scope(ARRAY[p_request_id]);  -- 42501 out_of_scope (015_scopes.sql)
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
        PERFORM jitasa.end_closed_requests_assignments(ARRAY[p_request_id], p_status, v_reason);
    END IF;
    RETURN new_version;
END $$;
