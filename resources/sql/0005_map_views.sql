-- 0005: what the map layers read.
-- * views without personal data, so one layer definition works for officers and analysts alike;
-- * assignment lines (volunteer → request) for proposed and active assignments;
-- * a count grid of open requests kept current by a statement trigger, drawn when zoomed out
--   (1,000,000 points cannot be drawn in under a second; a few thousand cells can).

CREATE INDEX help_request_open_geom_idx ON jitasa.help_request USING gist (geom)
    WHERE status IN ('new', 'assigned', 'in_progress');

CREATE VIEW jitasa.help_request_map AS
SELECT id, source, category, urgency, status, closure_reason, people_count, note, for_someone_else,
       location_accuracy_m, tambon_code, created_at, updated_at, version,
       (urgency = 'critical') AS is_critical, geom
  FROM jitasa.help_request;

CREATE VIEW jitasa.volunteer_map AS
SELECT id, kind, skills, vehicle, capacity, active_count, available,
       (available AND active_count < capacity) AS can_take_more, tambon_code, updated_at, version, geom
  FROM jitasa.volunteer;

CREATE VIEW jitasa.assignment_line AS
SELECT a.id, a.request_id, a.volunteer_id, a.run_id, a.status, a.travel_minutes, a.cost_is_estimate,
       r.urgency, r.category,
       ST_MakeLine(v.geom, r.geom)::geometry(LineString, 4326) AS geom
  FROM jitasa.assignment a
  JOIN jitasa.help_request r ON r.id = a.request_id
  JOIN jitasa.volunteer v ON v.id = a.volunteer_id
 WHERE a.status IN ('proposed', 'active') AND r.geom IS NOT NULL AND v.geom IS NOT NULL;

-- Square cells in degrees at two sizes; id encodes size and cell so upserts need no lookup.
CREATE TABLE jitasa.request_grid (
    id          integer PRIMARY KEY,
    size_deg    real NOT NULL,
    n           integer NOT NULL DEFAULT 0,
    n_critical  integer NOT NULL DEFAULT 0,
    geom        geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX request_grid_geom_idx ON jitasa.request_grid USING gist (geom);
CREATE INDEX request_grid_size_idx ON jitasa.request_grid (size_deg) WHERE n > 0;

CREATE FUNCTION jitasa.grid_cell_id(lon double precision, lat double precision, size_deg double precision)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN size_deg >= 0.25 THEN 30000000 ELSE 0 END
         + floor((lat + 90) / size_deg)::integer * ceil(360 / size_deg)::integer
         + floor((lon + 180) / size_deg)::integer
$$;

-- Add signed counts for points (lon, lat, critical?, +1 entering / -1 leaving the open set) at both sizes.
CREATE FUNCTION jitasa.request_grid_apply(lons double precision[], lats double precision[],
                                          critical boolean[], signs integer[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO jitasa.request_grid AS g (id, size_deg, n, n_critical, geom)
    SELECT jitasa.grid_cell_id(min(p.lon), min(p.lat), s.size), s.size, sum(p.sign),
           sum(CASE WHEN p.critical THEN p.sign ELSE 0 END),
           ST_MakeEnvelope(c.ix * s.size - 180, c.iy * s.size - 90,
                           (c.ix + 1) * s.size - 180, (c.iy + 1) * s.size - 90, 4326)
      FROM unnest(lons, lats, critical, signs) AS p(lon, lat, critical, sign)
     CROSS JOIN (VALUES (0.05::double precision), (0.25)) AS s(size)
     CROSS JOIN LATERAL (SELECT floor((p.lon + 180) / s.size)::integer AS ix,
                                floor((p.lat + 90) / s.size)::integer AS iy) c
     GROUP BY s.size, c.ix, c.iy
    HAVING sum(p.sign) <> 0 OR sum(CASE WHEN p.critical THEN p.sign ELSE 0 END) <> 0
    ON CONFLICT (id) DO UPDATE SET n = g.n + EXCLUDED.n, n_critical = g.n_critical + EXCLUDED.n_critical
$$;

CREATE FUNCTION jitasa.is_open(s jitasa.request_status) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT s IN ('new', 'assigned', 'in_progress') $$;

-- Statement trigger: only rows whose open-ness, place or urgency changed move counts (assigning does not).
CREATE FUNCTION jitasa.request_grid_maintain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, jitasa AS $$
DECLARE
    lons double precision[]; lats double precision[]; crit boolean[]; signs integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(ST_X(geom)), array_agg(ST_Y(geom)), array_agg(urgency = 'critical'), array_agg(1)
          INTO lons, lats, crit, signs
          FROM new_rows WHERE geom IS NOT NULL AND jitasa.is_open(status);
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(ST_X(geom)), array_agg(ST_Y(geom)), array_agg(urgency = 'critical'), array_agg(-1)
          INTO lons, lats, crit, signs
          FROM old_rows WHERE geom IS NOT NULL AND jitasa.is_open(status);
    ELSE
        SELECT array_agg(ST_X(d.geom)), array_agg(ST_Y(d.geom)), array_agg(d.urgency = 'critical'),
               array_agg(d.sign)
          INTO lons, lats, crit, signs
          FROM (SELECT o.geom, o.urgency, -1 AS sign FROM old_rows o JOIN new_rows n USING (id)
                 WHERE o.geom IS NOT NULL AND jitasa.is_open(o.status)
                   AND (NOT jitasa.is_open(n.status) OR n.geom IS DISTINCT FROM o.geom
                        OR n.urgency IS DISTINCT FROM o.urgency)
                UNION ALL
                SELECT n.geom, n.urgency, 1 FROM old_rows o JOIN new_rows n USING (id)
                 WHERE n.geom IS NOT NULL AND jitasa.is_open(n.status)
                   AND (NOT jitasa.is_open(o.status) OR n.geom IS DISTINCT FROM o.geom
                        OR n.urgency IS DISTINCT FROM o.urgency)) d;
    END IF;
    IF lons IS NOT NULL THEN
        PERFORM jitasa.request_grid_apply(lons, lats, crit, signs);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER help_request_grid_ins AFTER INSERT ON jitasa.help_request REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.request_grid_maintain();
CREATE TRIGGER help_request_grid_upd AFTER UPDATE ON jitasa.help_request
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.request_grid_maintain();
CREATE TRIGGER help_request_grid_del AFTER DELETE ON jitasa.help_request REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION jitasa.request_grid_maintain();

-- Requests that existed before this migration.
SELECT jitasa.request_grid_apply(array_agg(ST_X(geom)), array_agg(ST_Y(geom)),
                                 array_agg(urgency = 'critical'), array_agg(1))
  FROM jitasa.help_request WHERE geom IS NOT NULL AND jitasa.is_open(status)
HAVING count(*) > 0;

GRANT SELECT ON jitasa.help_request_map, jitasa.volunteer_map, jitasa.assignment_line, jitasa.request_grid
    TO jitasa_admin, jitasa_officer, jitasa_analyst;

-- Open critical requests are drawn at every scale up to a province view: their own small index keeps the
-- heap reads to those rows (the open-request index alone reads ~25,000 scattered rows per province).
CREATE INDEX help_request_open_critical_geom_idx ON jitasa.help_request USING gist (geom)
    WHERE status IN ('new', 'assigned', 'in_progress') AND urgency = 'critical';
