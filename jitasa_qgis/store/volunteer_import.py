"""Write a roster's volunteer records (core.volunteer_import) into jitasa.volunteer, set-based, in the caller's
transaction.

The records are staged in a temporary table with one COPY; every later step is one statement over all rows:
- a volunteer without coordinates is placed in their tambon, found by its code or by its name (Thai or
  English), narrowed by the amphoe and province names when given; a name that fits several tambons is
  rejected with the candidates, an unknown one too. The point is the tambon's ST_PointOnSurface, the accuracy
  its equivalent radius (sqrt(area / π) on the spheroid), the basis 'tambon'. A volunteer already on a point
  of their own in that same tambon keeps it;
- the row to update is the one with the same (source, roster id); without a roster id the one with the same
  phone, else the one this source inserted earlier under the same derived key (see VolunteerRecord.source_id);
  two records that reach the same volunteer: the second is a duplicate;
- a capacity below the volunteer's current load is rejected (active_count and assignments are never touched);
- an update writes only rows that differ (IS DISTINCT FROM), so a roster imported twice writes nothing, sends
  no notification and adds no audit row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ..core.import_records import Reject, reject
from ..core.volunteer_import import VolunteerRecord
from ..definitions.import_reasons import ImportReason
from .rejects import keep_rejects

_LOCK_KEY = 7_310_455_002  # pg_advisory_xact_lock: one roster import at a time (matching is read-then-write)

_STAGE = """CREATE TEMP TABLE volunteer_import_stage (
    ord integer PRIMARY KEY, roster_id text, source_id text NOT NULL, name text NOT NULL, phone text,
    kind text, skills text[], vehicle text, capacity integer, available boolean, village_no text,
    lon double precision, lat double precision, tambon_code text, tambon text, amphoe text, province text,
    place_key text, team text, target_id integer
) ON COMMIT DROP"""
_STAGE_COLUMNS = (
    "ord",
    "roster_id",
    "source_id",
    "name",
    "phone",
    "kind",
    "skills",
    "vehicle",
    "capacity",
    "available",
    "village_no",
    "lon",
    "lat",
    "tambon_code",
    "tambon",
    "amphoe",
    "province",
    "place_key",
    "team",
)

_KEY = r"lower(regexp_replace(btrim({0}), '\s+', ' ', 'g'))"  # how names are compared, on both sides

# Every tambon under each of its names (Thai, English), lower-cased with runs of space made one, with the
# names of its amphoe and province to narrow a name that repeats.
_TAMBON_NAMES = """CREATE TEMP TABLE volunteer_import_tambon ON COMMIT DROP AS
SELECT DISTINCT k.key, t.code, t.name_th, a.name_th AS amphoe_th, p.name_th AS province_th,
       {a_th} AS a_th, {a_en} AS a_en, {p_th} AS p_th, {p_en} AS p_en
  FROM jitasa.admin_area t
  LEFT JOIN jitasa.admin_area a ON a.code = t.parent_code
  LEFT JOIN jitasa.admin_area p ON p.code = a.parent_code
 CROSS JOIN LATERAL (VALUES ({t_th}), ({t_en})) AS k(key)
 WHERE t.level = 'tambon' AND k.key IS NOT NULL""".format(
    a_th=_KEY.format("a.name_th"),
    a_en=_KEY.format("a.name_en"),
    p_th=_KEY.format("p.name_th"),
    p_en=_KEY.format("p.name_en"),
    t_th=_KEY.format("t.name_th"),
    t_en=_KEY.format("t.name_en"),
)

# Each distinct place the rows name (a few hundred for a province's 50,000 rows) finds its tambon by code, or
# by name narrowed by amphoe / province ("เมือง" is the capital amphoe of the province named): n tambons
# found, the one found with its point on surface and equivalent radius (sqrt(area / π) on the spheroid),
# or the candidates.
_PLACES = r"""CREATE TEMP TABLE volunteer_import_place ON COMMIT DROP AS
WITH need AS (
    SELECT DISTINCT ON (place_key) place_key, tambon_code,
           lower(regexp_replace(btrim(amphoe), '\s+', ' ', 'g')) AS amphoe,
           lower(regexp_replace(btrim(province), '\s+', ' ', 'g')) AS province,
           lower(regexp_replace(btrim(tambon), '\s+', ' ', 'g')) AS tambon_key
      FROM volunteer_import_stage WHERE place_key IS NOT NULL ORDER BY place_key
), found AS (
    SELECT n.place_key, a.code, a.name_th, NULL::text AS amphoe_th, NULL::text AS province_th
      FROM need n JOIN jitasa.admin_area a ON a.level = 'tambon' AND a.code = n.tambon_code
    UNION ALL
    SELECT n.place_key, t.code, t.name_th, t.amphoe_th, t.province_th
      FROM need n JOIN volunteer_import_tambon t ON t.key = n.tambon_key
     WHERE n.tambon_code IS NULL
       AND (n.amphoe IS NULL OR n.amphoe IN (t.a_th, t.a_en) OR (n.amphoe = 'เมือง' AND t.a_th = 'เมือง' || t.p_th))
       AND (n.province IS NULL OR n.province IN (t.p_th, t.p_en))
), counted AS (
    SELECT n.place_key, count(DISTINCT f.code) AS n, min(f.code) AS code,
           jsonb_agg(DISTINCT jsonb_build_object('code', f.code, 'name', f.name_th, 'amphoe', f.amphoe_th,
                                                 'province', f.province_th)) FILTER (WHERE f.code IS NOT NULL)
               AS candidates
      FROM need n LEFT JOIN found f USING (place_key)
     GROUP BY n.place_key
)
SELECT c.place_key, c.n, c.code, c.candidates, ST_PointOnSurface(a.geom) AS point,
       sqrt(ST_Area(a.geom::geography) / pi())::real AS radius
  FROM counted c LEFT JOIN jitasa.admin_area a ON c.n = 1 AND a.code = c.code"""

_UNPLACED = """SELECT s.ord, p.n, p.candidates
  FROM volunteer_import_stage s JOIN volunteer_import_place p USING (place_key)
 WHERE p.n <> 1 ORDER BY s.ord"""

_MATCH = """
UPDATE volunteer_import_stage s SET target_id = v.id
  FROM jitasa.volunteer v
 WHERE s.roster_id IS NOT NULL AND v.source = %(source)s AND v.source_id = s.source_id;
UPDATE volunteer_import_stage s SET target_id = m.id
  FROM (SELECT s2.ord, min(v.id) AS id
          FROM volunteer_import_stage s2 JOIN jitasa.volunteer v ON v.phone = s2.phone
         WHERE s2.roster_id IS NULL AND s2.phone IS NOT NULL
         GROUP BY s2.ord) m
 WHERE s.ord = m.ord;
UPDATE volunteer_import_stage s SET target_id = v.id
  FROM jitasa.volunteer v
 WHERE s.roster_id IS NULL AND s.target_id IS NULL AND v.source = %(source)s AND v.source_id = s.source_id"""

_SECOND_ON_ONE_TARGET = """
SELECT ord, target_id, first FROM (
    SELECT ord, target_id, min(ord) OVER (PARTITION BY target_id) AS first
      FROM volunteer_import_stage WHERE target_id IS NOT NULL) x
 WHERE ord <> first ORDER BY ord"""

# Lock the volunteers to update (id order, as the assignment functions do) before reading their load.
_OVER_LOAD = """
WITH locked AS (
    SELECT v.id, v.active_count FROM jitasa.volunteer v
     WHERE v.id IN (SELECT target_id FROM volunteer_import_stage WHERE target_id IS NOT NULL)
     ORDER BY v.id FOR UPDATE
)
SELECT s.ord, s.capacity, l.active_count
  FROM volunteer_import_stage s JOIN locked l ON l.id = s.target_id
 WHERE s.capacity IS NOT NULL AND s.capacity < l.active_count ORDER BY s.ord"""

# A volunteer on a point of their own in the tambon the roster names keeps that point (keep).
_UPDATE = """
WITH new AS (
    SELECT v.id, s.name, coalesce(s.phone, v.phone) AS phone,
           coalesce(s.kind::jitasa.volunteer_kind, v.kind) AS kind,
           coalesce(s.skills::jitasa.skill[], v.skills) AS skills,
           coalesce(s.vehicle::jitasa.vehicle_kind, v.vehicle) AS vehicle,
           coalesce(s.capacity, v.capacity) AS capacity, coalesce(s.available, v.available) AS available,
           coalesce(s.village_no, v.village_no) AS village_no, coalesce(s.team, v.team) AS team,
           CASE WHEN k.keep THEN v.geom ELSE g.geom END AS geom,
           CASE WHEN k.keep THEN v.location_basis ELSE g.basis END AS basis,
           CASE WHEN k.keep THEN v.location_accuracy_m ELSE g.accuracy END AS accuracy
      FROM volunteer_import_stage s JOIN jitasa.volunteer v ON v.id = s.target_id
      LEFT JOIN volunteer_import_place p ON p.place_key = s.place_key
     CROSS JOIN LATERAL (SELECT CASE WHEN s.lon IS NULL THEN p.point
                                     ELSE ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END AS geom,
                                CASE WHEN s.lon IS NULL THEN 'tambon' ELSE 'point' END AS basis,
                                CASE WHEN s.lon IS NULL THEN p.radius END AS accuracy) g
     CROSS JOIN LATERAL (SELECT s.lon IS NULL AND v.location_basis = 'point' AND v.geom IS NOT NULL
                                AND v.tambon_code IS NOT DISTINCT FROM p.code AS keep) k
)
UPDATE jitasa.volunteer v
   SET name = n.name, phone = n.phone, kind = n.kind, skills = n.skills, vehicle = n.vehicle,
       capacity = n.capacity, available = n.available, village_no = n.village_no, team = n.team, geom = n.geom,
       location_basis = n.basis, location_accuracy_m = n.accuracy
  FROM new n
 WHERE v.id = n.id
   AND (v.name, v.phone, v.kind, v.skills, v.vehicle, v.capacity, v.available, v.village_no, v.team,
        ST_AsEWKB(v.geom), v.location_basis, v.location_accuracy_m)
       IS DISTINCT FROM
       (n.name, n.phone, n.kind, n.skills, n.vehicle, n.capacity, n.available, n.village_no, n.team,
        ST_AsEWKB(n.geom), n.basis, n.accuracy)
RETURNING v.id"""

_INSERT = """
INSERT INTO jitasa.volunteer (source, source_id, name, phone, kind, skills, vehicle, capacity, available,
                              village_no, team, geom, location_basis, location_accuracy_m)
SELECT %(source)s, s.source_id, s.name, s.phone, coalesce(s.kind, %(default_kind)s)::jitasa.volunteer_kind,
       coalesce(s.skills, '{}')::jitasa.skill[], coalesce(s.vehicle, 'none')::jitasa.vehicle_kind,
       coalesce(s.capacity, 1), coalesce(s.available, true), s.village_no, s.team,
       CASE WHEN s.lon IS NULL THEN p.point ELSE ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END,
       CASE WHEN s.lon IS NULL THEN 'tambon' ELSE 'point' END, CASE WHEN s.lon IS NULL THEN p.radius END
  FROM volunteer_import_stage s LEFT JOIN volunteer_import_place p ON p.place_key = s.place_key
 WHERE s.target_id IS NULL
 ORDER BY s.ord
RETURNING id"""


@dataclass
class VolunteerWrite:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    placed_in_tambon: int = 0  # of the written and unchanged rows, those placed in their tambon
    rejects: list[Reject] = field(default_factory=list)  # the store's own (tambon, duplicates, load)
    new_rejects: int = 0  # rejects kept now (the parser's and the store's; one seen before is not kept again)


def write_volunteers(
    conn,
    source: str,
    records: Sequence[VolunteerRecord],
    default_kind: str,
    parse_rejects: Iterable[Reject] = (),
) -> VolunteerWrite:
    """Stage, place, match, update or insert, keep the rejects; in the caller's transaction (no commit).

    psycopg2 errors propagate (the caller rolls back)."""
    out = VolunteerWrite()
    by_ord = dict(enumerate(records))
    with conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        cur.execute(_STAGE)
        _copy(cur, by_ord)
        cur.execute("ANALYZE volunteer_import_stage")
        gone: list[int] = []
        cur.execute(_TAMBON_NAMES)
        cur.execute(_PLACES)
        cur.execute("ALTER TABLE volunteer_import_place ADD PRIMARY KEY (place_key)")
        cur.execute("ANALYZE volunteer_import_place")
        cur.execute(_UNPLACED)
        for ord_, n, candidates in cur.fetchall():
            r = by_ord[ord_]
            value = " / ".join(x for x in (r.tambon_code or r.tambon, r.amphoe, r.province) if x)
            if n == 0:
                out.rejects.append(reject(r.record_key, ImportReason.UNKNOWN_TAMBON, r.raw, value=value))
            else:
                out.rejects.append(
                    reject(r.record_key, ImportReason.AMBIGUOUS_TAMBON, r.raw, value=value, candidates=candidates)
                )
            gone.append(ord_)
        _drop(cur, gone)
        cur.execute(_MATCH, {"source": source})
        cur.execute(_SECOND_ON_ONE_TARGET)
        gone = []
        for ord_, target, first in cur.fetchall():
            r = by_ord[ord_]
            out.rejects.append(
                reject(
                    r.record_key,
                    ImportReason.DUPLICATE_IN_BATCH,
                    r.raw,
                    key=r.roster_id or r.phone or r.name,
                    first=by_ord[first].record_key,
                    volunteer_id=target,
                )
            )
            gone.append(ord_)
        _drop(cur, gone)
        cur.execute(_OVER_LOAD)
        gone = []
        for ord_, capacity, active in cur.fetchall():
            r = by_ord[ord_]
            out.rejects.append(
                reject(r.record_key, ImportReason.CAPACITY_BELOW_LOAD, r.raw, capacity=capacity, active=active)
            )
            gone.append(ord_)
        _drop(cur, gone)
        cur.execute("SELECT count(*), count(*) FILTER (WHERE lon IS NULL) FROM volunteer_import_stage")
        staged, out.placed_in_tambon = cur.fetchone()
        cur.execute(_UPDATE)
        out.updated = cur.rowcount
        cur.execute(_INSERT, {"source": source, "default_kind": default_kind})
        out.inserted = cur.rowcount
        out.unchanged = staged - out.updated - out.inserted
        out.new_rejects = keep_rejects(cur, "volunteer", source, [*parse_rejects, *out.rejects])
    return out


def _place_key(r: VolunteerRecord) -> str:
    """Rows naming the same place share one resolution: code, tambon, amphoe, province, spaces and case evened."""
    return "|".join(" ".join((x or "").split()).casefold() for x in (r.tambon_code, r.tambon, r.amphoe, r.province))


def _drop(cur, ords: list[int]) -> None:
    if ords:
        cur.execute("DELETE FROM volunteer_import_stage WHERE ord = ANY(%s)", (ords,))


def _copy(cur, by_ord: dict[int, VolunteerRecord]) -> None:
    """One COPY as CSV: an empty field is NULL (the parser never hands over an empty string)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    for ord_, r in by_ord.items():
        out.writerow(
            (
                ord_,
                r.roster_id,
                r.source_id,
                r.name,
                r.phone,
                r.kind,
                None if r.skills is None else "{" + ",".join(r.skills) + "}",
                r.vehicle,
                r.capacity,
                None if r.available is None else ("t" if r.available else "f"),
                r.village_no,
                r.lon,
                r.lat,
                r.tambon_code,
                r.tambon,
                r.amphoe,
                r.province,
                None if r.has_point else _place_key(r),
                r.team,
            )
        )
    buf.seek(0)
    cur.copy_expert(f"COPY volunteer_import_stage ({', '.join(_STAGE_COLUMNS)}) FROM STDIN WITH (FORMAT csv)", buf)
