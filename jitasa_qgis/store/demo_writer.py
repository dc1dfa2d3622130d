"""Write demo admin areas, facilities, requests and volunteers into the store with COPY, in one transaction.

The inputs are plain records and column batches (duck-typed: the store does not import core):
- admin areas: .level, .code, .parent_code, .name_th, .name_en, .wkb (2D MultiPolygon WKB, EPSG:4326)
- facilities: .code, .name_th, .name_en, .kind, .beds_total, .lon, .lat
- request batch: arrays .lon .lat .category .urgency .status .closure_reason .people_count .note
  .requester_name .requester_phone .for_someone_else .location_accuracy_m .age_s (seconds before now)
- volunteer batch: arrays .lon .lat .name .phone .kind .skills (tuples) .vehicle .capacity .available

Re-loading replaces: admin areas and facilities are upserted by code; earlier demo requests and volunteers
(source 'demo') are deleted and the new ones inserted as 'demo-1', 'demo-2', ... — never duplicates.
Assignments between demo rows go with them. An assignment linking a demo row with a real one refuses
the load, since deleting it would silently change real work. Tambon codes come from the database trigger.
"""
from __future__ import annotations

import csv
import io
from datetime import timezone
from typing import Callable, Iterable, Optional, Sequence

import numpy as np
import psycopg2
from psycopg2 import sql

from ..definitions.i18n import translate
from .connection import ConnectionSpec, transaction
from .errors import StoreError

DEMO_SOURCE = "demo"
CHUNK_ROWS = 50_000  # COPY statements of this size: bounded memory, progress and cancel between chunks
_LOCK_KEY = 7_142_002  # advisory lock: two demo loads at once would collide on source ids
_NULL = "\\N"
_SCHEMA = "jitasa"

Progress = Optional[Callable[[float], None]]
Cancelled = Optional[Callable[[], bool]]

_ADMIN_STAGE = """CREATE TEMP TABLE IF NOT EXISTS demo_admin_stage (
    level text, code text, parent_code text, name_th text, name_en text, geom geometry) ON COMMIT DROP"""
# The WHERE keeps an unchanged area untouched on re-load (no needless NOTIFY, no layer reload).
_ADMIN_UPSERT = """
INSERT INTO jitasa.admin_area AS a (level, code, parent_code, name_th, name_en, geom)
SELECT level::jitasa.admin_level, code, parent_code, name_th, name_en, ST_SetSRID(ST_Multi(geom), 4326)
  FROM demo_admin_stage ORDER BY code
ON CONFLICT (code) DO UPDATE
   SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, name_th = EXCLUDED.name_th,
       name_en = EXCLUDED.name_en, geom = EXCLUDED.geom
 WHERE (a.level, a.parent_code, a.name_th, a.name_en, a.geom::bytea)
       IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.name_th, EXCLUDED.name_en,
                         EXCLUDED.geom::bytea)"""
_FACILITY_STAGE = """CREATE TEMP TABLE demo_facility_stage (
    ord integer, code text, name_th text, name_en text, kind text, beds_total integer, geom text)
    ON COMMIT DROP"""
# DISTINCT ON: a code listed twice in the source keeps its first row (ON CONFLICT can't take both).
_FACILITY_UPSERT = """
INSERT INTO jitasa.facility AS f (code, name_th, name_en, kind, beds_total, geom)
SELECT DISTINCT ON (code) code, name_th, name_en, kind::jitasa.facility_kind, beds_total, geom::geometry
  FROM demo_facility_stage ORDER BY code, ord
ON CONFLICT (code) DO UPDATE
   SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind,
       beds_total = EXCLUDED.beds_total, geom = EXCLUDED.geom
 WHERE (f.name_th, f.name_en, f.kind, f.beds_total, f.geom::bytea)
       IS DISTINCT FROM (EXCLUDED.name_th, EXCLUDED.name_en, EXCLUDED.kind, EXCLUDED.beds_total,
                         EXCLUDED.geom::bytea)"""


class LoadCancelled(StoreError):
    """The user cancelled; the transaction was rolled back and nothing was written."""


def write_demo(spec: ConnectionSpec, admin_areas: Sequence, facilities: Sequence, requests, volunteers,
               progress: Progress = None, cancelled: Cancelled = None) -> dict:
    """Everything in one transaction; on any error (or cancel) nothing is written. Returns row counts."""
    writer = _DemoWriter(admin_areas, facilities, requests, volunteers, progress, cancelled)
    try:
        with transaction(spec) as conn:
            return writer.run(conn)
    except psycopg2.Error as exc:
        detail = (exc.pgerror or str(exc)).strip().splitlines()
        raise StoreError(translate("StoreErrors", "Loading demo data failed and nothing was written: {0}").format(
            detail[0] if detail else type(exc).__name__)) from exc


class _DemoWriter:
    def __init__(self, admin_areas, facilities, requests, volunteers, progress: Progress,
                 cancelled: Cancelled) -> None:
        self.admin_areas = list(admin_areas)
        self.facilities = list(facilities)
        self.requests = requests
        self.volunteers = volunteers
        self.progress = progress
        self.cancelled = cancelled
        self.total = max(1, len(self.admin_areas) + len(self.facilities) + _len(requests) + _len(volunteers))
        self.done = 0

    def run(self, conn) -> dict:
        counts: dict = {}
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            cur.execute("SELECT now()")
            now = cur.fetchone()[0]
            for level in ("province", "amphoe", "tambon"):  # parents first, for the parent_code key
                rows = [a for a in self.admin_areas if a.level == level]
                counts[level] = self._admin_areas(cur, rows)
            counts["facilities"] = self._facilities(cur)
            counts.update(self._delete_earlier_demo(cur))
            counts["help_requests"] = self._requests(cur, now) if self.requests is not None else 0
            counts["volunteers"] = self._volunteers(cur) if self.volunteers is not None else 0
            counts["demo_assignments"] = self._assignments(cur)
        self._step(0)
        return counts

    # -- progress --------------------------------------------------------------------------------------

    def _step(self, rows: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise LoadCancelled(translate("StoreErrors", "Loading demo data was cancelled; nothing was written."))
        self.done += rows
        if self.progress is not None:
            self.progress(min(100.0, 100.0 * self.done / self.total))

    # -- admin areas and facilities: staged, then upserted by code ----------------------------------------

    def _admin_areas(self, cur, rows: list) -> int:
        if not rows:
            return 0
        cur.execute(_ADMIN_STAGE)
        cur.execute("TRUNCATE demo_admin_stage")
        _copy(cur, sql.Identifier("demo_admin_stage"),
              ("level", "code", "parent_code", "name_th", "name_en", "geom"),
              ((a.level, a.code, a.parent_code, a.name_th, a.name_en, bytes(a.wkb).hex()) for a in rows))
        cur.execute(_ADMIN_UPSERT)
        self._step(len(rows))
        return len(rows)

    def _facilities(self, cur) -> int:
        rows = self.facilities
        if not rows:
            return 0
        for f in rows:
            if not f.code:  # only a code makes a re-load an update instead of a duplicate
                raise StoreError(translate(
                    "StoreErrors", "Demo facility '{0}' has no code; demo facilities are matched by code.").format(
                    f.name_th))
        cur.execute(_FACILITY_STAGE)
        _copy(cur, sql.Identifier("demo_facility_stage"),
              ("ord", "code", "name_th", "name_en", "kind", "beds_total", "geom"),
              ((i, f.code, f.name_th, f.name_en, f.kind, f.beds_total, _point(f.lon, f.lat))
               for i, f in enumerate(rows)))
        cur.execute(_FACILITY_UPSERT)
        cur.execute("SELECT count(DISTINCT code) FROM demo_facility_stage")
        self._step(len(rows))
        return cur.fetchone()[0]

    # -- demo requests and volunteers: replaced ----------------------------------------------------------

    def _delete_earlier_demo(self, cur) -> dict:
        cur.execute(
            "SELECT count(*) FROM jitasa.assignment a"
            "  JOIN jitasa.help_request r ON r.id = a.request_id"
            "  JOIN jitasa.volunteer v ON v.id = a.volunteer_id"
            " WHERE (r.source = %(src)s) <> (v.source = %(src)s)", {"src": DEMO_SOURCE})
        mixed = cur.fetchone()[0]
        if mixed:
            raise StoreError(translate(
                "StoreErrors", "{0} assignment(s) link demo requests or volunteers with real ones; "
                "finish or remove them before loading demo data again.").format(mixed))
        cur.execute(
            "DELETE FROM jitasa.assignment a USING jitasa.help_request r"
            " WHERE r.id = a.request_id AND r.source = %s", (DEMO_SOURCE,))
        cur.execute("DELETE FROM jitasa.help_request WHERE source = %s", (DEMO_SOURCE,))
        replaced_requests = cur.rowcount
        cur.execute("DELETE FROM jitasa.volunteer WHERE source = %s", (DEMO_SOURCE,))
        return {"replaced_requests": replaced_requests, "replaced_volunteers": cur.rowcount}

    def _requests(self, cur, now) -> int:
        b = self.requests
        n = len(b.lon)
        created = _timestamps(now, b.age_s)
        columns = ("source", "source_id", "category", "urgency", "status", "closure_reason", "people_count",
                   "note", "requester_name", "requester_phone", "for_someone_else", "location_accuracy_m",
                   "geom", "created_at", "updated_at")
        for start, stop in _chunks(n):
            s = slice(start, stop)
            rows = zip(
                (DEMO_SOURCE,) * (stop - start), _source_ids(start, stop), b.category[s].tolist(),
                b.urgency[s].tolist(), b.status[s].tolist(), b.closure_reason[s].tolist(),
                np.asarray(b.people_count[s]).tolist(), b.note[s].tolist(), b.requester_name[s].tolist(),
                b.requester_phone[s].tolist(), _bools(b.for_someone_else[s]),
                np.asarray(b.location_accuracy_m[s], dtype=float).round(1).tolist(),
                _points(b.lon[s], b.lat[s]), created[s], created[s])
            _copy(cur, sql.Identifier(_SCHEMA, "help_request"), columns, rows)
            self._step(stop - start)
        return n

    def _volunteers(self, cur) -> int:
        b = self.volunteers
        n = len(b.lon)
        columns = ("source", "source_id", "name", "phone", "kind", "skills", "vehicle", "capacity",
                   "available", "geom")
        for start, stop in _chunks(n):
            s = slice(start, stop)
            rows = zip(
                (DEMO_SOURCE,) * (stop - start), _source_ids(start, stop), b.name[s].tolist(),
                b.phone[s].tolist(), b.kind[s].tolist(), [_pg_array(x) for x in b.skills[s].tolist()],
                b.vehicle[s].tolist(), np.asarray(b.capacity[s]).tolist(), _bools(b.available[s]),
                _points(b.lon[s], b.lat[s]))
            _copy(cur, sql.Identifier(_SCHEMA, "volunteer"), columns, rows)
            self._step(stop - start)
        return n


    def _assignments(self, cur) -> int:
        """Give each generated 'assigned' / 'in progress' request the active assignment the store's rules
        require (nearest eligible volunteer with room, most urgent first); with no such volunteer the
        request goes back to 'new'. So the demo keeps the invariants the assignment tools rely on."""
        cur.execute(_DEMO_ASSIGNMENTS)
        cur.execute("SELECT count(*) FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id "
                    "WHERE r.source = %s AND a.status = 'active'", (DEMO_SOURCE,))
        return int(cur.fetchone()[0])


_DEMO_ASSIGNMENTS = """
DO $$
DECLARE
    req record;
    vol record;
    run integer;
BEGIN
    INSERT INTO jitasa.assignment_run (method, scope, status) VALUES ('demo', 'demo data', 'confirmed')
    RETURNING id INTO run;
    FOR req IN
        SELECT id, category, geom FROM jitasa.help_request
         WHERE source = 'demo' AND status IN ('assigned', 'in_progress') AND geom IS NOT NULL
         ORDER BY urgency, created_at, id
    LOOP
        SELECT v.id, ST_Distance(v.geom::geography, req.geom::geography) AS metres INTO vol
          FROM jitasa.volunteer v
         WHERE v.source = 'demo' AND v.available AND v.active_count < v.capacity AND v.geom IS NOT NULL
           AND jitasa.volunteer_can_serve(v, req.category)
         ORDER BY v.geom <-> req.geom
         LIMIT 1;
        IF vol.id IS NULL THEN
            UPDATE jitasa.help_request SET status = 'new' WHERE id = req.id;
        ELSE
            INSERT INTO jitasa.assignment (request_id, volunteer_id, run_id, status, travel_minutes)
            VALUES (req.id, vol.id, run, 'active', vol.metres / 1000.0 / 30.0 * 60.0);
            UPDATE jitasa.volunteer SET active_count = active_count + 1 WHERE id = vol.id;
        END IF;
    END LOOP;
END $$"""


# -- COPY helpers -----------------------------------------------------------------------------------------

def _copy(cur, table: sql.Composable, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY rows as CSV; None becomes \\N (an empty string stays an empty string)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerows([_NULL if v is None else v for v in row] for row in rows)
    buf.seek(0)
    statement = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv, NULL {})").format(
        table, sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Literal(_NULL))
    cur.copy_expert(statement.as_string(cur), buf)


def _chunks(n: int) -> Iterable[tuple[int, int]]:
    return ((start, min(n, start + CHUNK_ROWS)) for start in range(0, n, CHUNK_ROWS))


def _source_ids(start: int, stop: int) -> list[str]:
    return [f"{DEMO_SOURCE}-{i}" for i in range(start + 1, stop + 1)]


def _point(lon: float, lat: float) -> str:
    return f"SRID=4326;POINT({float(lon)!r} {float(lat)!r})"


def _points(lon: np.ndarray, lat: np.ndarray) -> list[str]:
    return [f"SRID=4326;POINT({x!r} {y!r})" for x, y in zip(np.asarray(lon, float).tolist(),
                                                             np.asarray(lat, float).tolist())]


def _bools(values: np.ndarray) -> list[str]:
    return ["t" if v else "f" for v in np.asarray(values, dtype=bool).tolist()]


def _pg_array(values: Sequence[str]) -> str:
    return "{" + ",".join(values) + "}"  # enum labels: plain ASCII words, no quoting needed


def _timestamps(now, age_s: np.ndarray) -> np.ndarray:
    """ISO timestamps `age_s` seconds before the transaction's now(), in UTC."""
    base = np.datetime64(now.astimezone(timezone.utc).replace(tzinfo=None), "ms")
    stamps = base - np.asarray(age_s, dtype=np.int64).astype("timedelta64[s]")
    return np.char.add(np.datetime_as_string(stamps, unit="ms"), "+00").astype(object)


def _len(batch) -> int:
    return 0 if batch is None else len(batch.lon)
