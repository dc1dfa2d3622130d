-- What the map layers read: views without personal data, so one layer definition works for officers and
-- analysts alike (free text too is left out: a note or a closure reason may name a person; the columns stay,
-- empty, so saved layers keep their fields; the dock shows notes to officers), read as the caller under the
-- row policies (security_invoker, set in 910_row_security.sql); and the assignment lines (volunteer →
-- request) of proposed and active assignments.
-- Repeatable: re-applied whenever this file changes (CREATE OR REPLACE VIEW may only add columns at the end).

CREATE OR REPLACE VIEW jitasa.help_request_map AS
SELECT id, source, category, urgency, status, NULL::text AS closure_reason, people_count, NULL::text AS note,
       for_someone_else,
       location_accuracy_m, tambon_code, created_at, updated_at, version,
       (urgency = 'critical') AS is_critical, geom, is_open
  FROM jitasa.help_request;

CREATE OR REPLACE VIEW jitasa.volunteer_map AS
SELECT id, kind, skills, vehicle, capacity, active_count, available,
       (available AND active_count < capacity) AS can_take_more, tambon_code, updated_at, version, geom,
       team  -- 0022; last, as CREATE OR REPLACE VIEW only adds columns at the end
  FROM jitasa.volunteer;

-- The line is stored on the assignment (0010) so a map area reads only its lines through the partial GiST
-- index; requests and volunteers are then looked up by key for the few rows shown.
CREATE OR REPLACE VIEW jitasa.assignment_line AS
SELECT a.id, a.request_id, a.volunteer_id, a.run_id, a.status, a.travel_minutes, a.cost_is_estimate,
       r.urgency, r.category, a.geom
  FROM jitasa.assignment a
  JOIN jitasa.help_request r ON r.id = a.request_id
 WHERE a.status IN ('proposed', 'active') AND a.geom IS NOT NULL;
