-- 0010: the assignment line (volunteer → request) stored on the assignment, with a GiST index over the
-- proposed and active ones. The view assignment_line built it on the fly, so a map of any area joined every
-- open assignment of the store (0.4 s per render with 28,000 active ones; 20 km view 0.65 s instead of 0.04 s).
-- Kept current by triggers in definitions/020_triggers.sql (insert, request or volunteer moves).

ALTER TABLE jitasa.assignment ADD COLUMN geom geometry(LineString, 4326);

-- The backfill derives a column; it changes no fact, so it neither bumps versions nor writes audit rows.
ALTER TABLE jitasa.assignment DISABLE TRIGGER USER;
UPDATE jitasa.assignment a
   SET geom = ST_MakeLine(v.geom, r.geom)
  FROM jitasa.help_request r, jitasa.volunteer v
 WHERE r.id = a.request_id AND v.id = a.volunteer_id AND r.geom IS NOT NULL AND v.geom IS NOT NULL;
ALTER TABLE jitasa.assignment ENABLE TRIGGER USER;

CREATE INDEX assignment_open_geom_idx ON jitasa.assignment USING gist (geom)
    WHERE status IN ('proposed', 'active');
