"""Write demo admin areas, facilities, requests and volunteers into the store with COPY, in one transaction.

The inputs are plain records and column batches (duck-typed: the store does not import core):
- admin areas: .level, .code, .parent_code, .name_th, .name_en, .wkb (2D MultiPolygon WKB, EPSG:4326)
- facilities: .code, .name_th, .name_en, .kind, .beds_total, .lon, .lat
- request batch: arrays .lon .lat .category .urgency .status .closure_reason .people_count .note
  .requester_name .requester_phone .for_someone_else .location_accuracy_m .age_s (seconds before now)
- volunteer batch: arrays .lon .lat .name .phone .kind .skills (tuples) .vehicle .capacity .available .team
- roads (optional): a built network as services.road_import.BuiltRoads gives it: .name .network (see
  store.roads) .source_name .attribution .snap_tolerance_m .speeds_kmh

Re-loading replaces: admin areas and facilities are upserted by code; earlier demo requests and volunteers
(source 'demo') are deleted and the new ones inserted as 'demo-1', 'demo-2', ... — never duplicates.
Assignments between demo rows go with them. An assignment linking a demo row with a real one refuses
the load, since deleting it would silently change real work. Tambon codes come from the database trigger.
The demo's road network is replaced by its name (definitions.roads.DEMO_ROAD_NETWORK) through store.roads,
its version bumped; other networks are never touched, and a load without roads leaves the network as it was.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import timezone
from typing import Callable, Iterable, Optional, Sequence

import numpy as np
import psycopg2
from psycopg2 import sql
from scipy.spatial import cKDTree

from ..definitions.eligibility import DEFAULT_MAX_TRAVEL_MINUTES, DEFAULT_SPEED_KMH
from ..definitions.i18n import translate
from .admin_import import upsert_admin_areas
from .connection import ConnectionSpec, transaction
from .errors import StoreError
from .roads import replace_network

DEMO_SOURCE = "demo"
CHUNK_ROWS = 50_000  # COPY statements of this size: bounded memory, progress and cancel between chunks
_LOCK_KEY = 7_142_002  # advisory lock: two demo loads at once would collide on source ids
_NULL = "\\N"
_SCHEMA = "jitasa"

Progress = Optional[Callable[[float], None]]
Cancelled = Optional[Callable[[], bool]]

_FACILITY_STAGE = """CREATE TEMP TABLE demo_facility_stage (
    ord integer, code text, name_th text, name_en text, kind text, beds_total integer, geom text)
    ON COMMIT DROP"""
# DISTINCT ON: a code listed twice in the source keeps its first row (ON CONFLICT can't take both).
_FACILITY_UPSERT = """
INSERT INTO jitasa.facility AS f (source, source_id, code, name_th, name_en, kind, beds_total, geom)
SELECT DISTINCT ON (code) 'moph', code, code, name_th, name_en, kind::jitasa.facility_kind, beds_total,
       geom::geometry
  FROM demo_facility_stage ORDER BY code, ord
ON CONFLICT (code) DO UPDATE
   SET name_th = EXCLUDED.name_th, name_en = EXCLUDED.name_en, kind = EXCLUDED.kind,
       beds_total = EXCLUDED.beds_total, geom = EXCLUDED.geom
 WHERE (f.name_th, f.name_en, f.kind, f.beds_total, f.geom::bytea)
       IS DISTINCT FROM (EXCLUDED.name_th, EXCLUDED.name_en, EXCLUDED.kind, EXCLUDED.beds_total,
                         EXCLUDED.geom::bytea)"""


class LoadCancelled(StoreError):
    """The user cancelled; the transaction was rolled back and nothing was written."""


def write_demo(
    spec: ConnectionSpec,
    admin_areas: Sequence,
    facilities: Sequence,
    requests,
    volunteers,
    progress: Progress = None,
    cancelled: Cancelled = None,
    roads=None,
) -> dict:
    """Everything in one transaction; on any error (or cancel) nothing is written. Returns row counts
    (with roads: road_segments and road_network_version too)."""
    writer = _DemoWriter(admin_areas, facilities, requests, volunteers, progress, cancelled, roads)
    try:
        with transaction(spec) as conn:
            return writer.run(conn)
    except psycopg2.Error as exc:
        detail = (exc.pgerror or str(exc)).strip().splitlines()
        raise StoreError(
            translate("StoreErrors", "Loading demo data failed and nothing was written: {0}").format(
                detail[0] if detail else type(exc).__name__
            )
        ) from exc


class _DemoWriter:
    def __init__(
        self, admin_areas, facilities, requests, volunteers, progress: Progress, cancelled: Cancelled, roads=None
    ) -> None:
        self.admin_areas = list(admin_areas)
        self.facilities = list(facilities)
        self.requests = requests
        self.volunteers = volunteers
        self.progress = progress
        self.cancelled = cancelled
        self.roads = roads
        self.road_rows = len(roads.network.geoms) if roads is not None else 0
        self.total = max(
            1, len(self.admin_areas) + len(self.facilities) + _len(requests) + _len(volunteers) + self.road_rows
        )
        self.done = 0

    def run(self, conn) -> dict:
        counts: dict = {}
        with conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            cur.execute("SELECT now()")
            now = cur.fetchone()[0]
            counts.update(self._admin_areas(cur))
            counts["facilities"] = self._facilities(cur)
            counts.update(self._roads(cur))
            counts.update(self._delete_earlier_demo(cur))
            pairs = self._plan_assignments(cur)
            counts["help_requests"] = self._requests(cur, now, pairs) if self.requests is not None else 0
            counts["volunteers"] = self._volunteers(cur, pairs) if self.volunteers is not None else 0
            counts["demo_assignments"] = self._assignments(cur, pairs)
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

    def _admin_areas(self, cur) -> dict:
        """Upserted by code as an admin-area import does (an unchanged area is not rewritten)."""
        if self.admin_areas:
            upsert_admin_areas(cur, self.admin_areas)
            self._step(len(self.admin_areas))
        levels = ("province", "amphoe", "tambon")
        return {level: sum(1 for a in self.admin_areas if a.level == level) for level in levels}

    def _roads(self, cur) -> dict:
        if self.roads is None:
            return {}
        r = self.roads
        written = replace_network(
            cur, r.name, r.network, r.source_name, r.attribution, r.snap_tolerance_m, r.speeds_kmh
        )
        self._step(self.road_rows)
        return {"road_segments": self.road_rows, "road_network_version": written.version}

    def _facilities(self, cur) -> int:
        rows = self.facilities
        if not rows:
            return 0
        for f in rows:
            if not f.code:  # only a code makes a re-load an update instead of a duplicate
                raise StoreError(
                    translate(
                        "StoreErrors", "Demo facility '{0}' has no code; demo facilities are matched by code."
                    ).format(f.name_th)
                )
        cur.execute(_FACILITY_STAGE)
        _copy(
            cur,
            sql.Identifier("demo_facility_stage"),
            ("ord", "code", "name_th", "name_en", "kind", "beds_total", "geom"),
            ((i, f.code, f.name_th, f.name_en, f.kind, f.beds_total, _point(f.lon, f.lat)) for i, f in enumerate(rows)),
        )
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
            " WHERE (r.source = %(src)s) <> (v.source = %(src)s)",
            {"src": DEMO_SOURCE},
        )
        mixed = cur.fetchone()[0]
        if mixed:
            raise StoreError(
                translate(
                    "StoreErrors",
                    "{0} assignment(s) link demo requests or volunteers with real ones; "
                    "finish or remove them before loading demo data again.",
                ).format(mixed)
            )
        cur.execute(
            "DELETE FROM jitasa.assignment a USING jitasa.help_request r"
            " WHERE r.id = a.request_id AND r.source = %s",
            (DEMO_SOURCE,),
        )
        cur.execute("DELETE FROM jitasa.help_request WHERE source = %s", (DEMO_SOURCE,))
        replaced_requests = cur.rowcount
        cur.execute("DELETE FROM jitasa.volunteer WHERE source = %s", (DEMO_SOURCE,))
        return {"replaced_requests": replaced_requests, "replaced_volunteers": cur.rowcount}

    def _requests(self, cur, now, pairs: DemoPairs) -> int:
        b = self.requests
        n = len(b.lon)
        created = _timestamps(now, b.age_s)
        status = np.asarray(b.status, dtype=object).copy()
        status[pairs.demoted] = "new"  # no eligible volunteer with room: not 'assigned' without one
        columns = (
            "source",
            "source_id",
            "category",
            "urgency",
            "status",
            "closure_reason",
            "people_count",
            "note",
            "requester_name",
            "requester_phone",
            "for_someone_else",
            "location_accuracy_m",
            "geom",
            "created_at",
            "updated_at",
        )
        for start, stop in _chunks(n):
            s = slice(start, stop)
            rows = zip(
                (DEMO_SOURCE,) * (stop - start),
                _source_ids(start, stop),
                b.category[s].tolist(),
                b.urgency[s].tolist(),
                status[s].tolist(),
                b.closure_reason[s].tolist(),
                np.asarray(b.people_count[s]).tolist(),
                b.note[s].tolist(),
                b.requester_name[s].tolist(),
                b.requester_phone[s].tolist(),
                _bools(b.for_someone_else[s]),
                np.asarray(b.location_accuracy_m[s], dtype=float).round(1).tolist(),
                _points(b.lon[s], b.lat[s]),
                created[s],
                created[s],
            )
            _copy(cur, sql.Identifier(_SCHEMA, "help_request"), columns, rows)
            self._step(stop - start)
        return n

    def _volunteers(self, cur, pairs: DemoPairs) -> int:
        b = self.volunteers
        n = len(b.lon)
        active = np.bincount(pairs.volunteer_row, minlength=n)  # their demo assignments, inserted next
        columns = (
            "source",
            "source_id",
            "name",
            "phone",
            "kind",
            "skills",
            "vehicle",
            "capacity",
            "active_count",
            "available",
            "geom",
            "team",
        )
        for start, stop in _chunks(n):
            s = slice(start, stop)
            rows = zip(
                (DEMO_SOURCE,) * (stop - start),
                _source_ids(start, stop),
                b.name[s].tolist(),
                b.phone[s].tolist(),
                b.kind[s].tolist(),
                [_pg_array(x) for x in b.skills[s].tolist()],
                b.vehicle[s].tolist(),
                np.asarray(b.capacity[s]).tolist(),
                active[s].tolist(),
                _bools(b.available[s]),
                _points(b.lon[s], b.lat[s]),
                b.team[s].tolist(),
            )
            _copy(cur, sql.Identifier(_SCHEMA, "volunteer"), columns, rows)
            self._step(stop - start)
        return n

    # -- the demo's own assignments ----------------------------------------------------------------------

    def _plan_assignments(self, cur) -> DemoPairs:
        """Pair each generated 'assigned' / 'in progress' request with a volunteer before anything is
        written (set-based: the pairs are computed on the arrays, then written with one COPY each)."""
        if self.requests is None:
            return DemoPairs.none(0)
        cur.execute("SELECT category::text, skills::text[], vehicles::text[] FROM jitasa.category_need")
        needs = cur.fetchall()
        cur.execute(
            "SELECT enumlabel::text FROM pg_enum WHERE enumtypid = 'jitasa.urgency'::regtype ORDER BY enumsortorder"
        )
        urgency_order = [row[0] for row in cur.fetchall()]
        pairs = demo_pairs(self.requests, self.volunteers, needs, urgency_order)
        self._step(0)  # a chance to cancel after the (national: several seconds) pairing
        return pairs

    def _assignments(self, cur, pairs: DemoPairs) -> int:
        """One active assignment per planned pair, in one INSERT ... SELECT; rows found by source id."""
        if not len(pairs.request_row):
            return 0
        cur.execute(
            "INSERT INTO jitasa.assignment_run (method, scope, status) "
            "VALUES ('demo', 'demo data', 'confirmed') RETURNING id"
        )
        run = cur.fetchone()[0]
        cur.execute(_PAIR_STAGE)
        _copy(
            cur,
            sql.Identifier("demo_pair_stage"),
            ("ord", "request_sid", "volunteer_sid"),
            zip(range(len(pairs.request_row)), _sids(pairs.request_row), _sids(pairs.volunteer_row)),
        )
        cur.execute("ANALYZE demo_pair_stage")  # a fresh temp table has no statistics: plan the joins on hashes
        cur.execute(_PAIR_INSERT, {"run": run, "src": DEMO_SOURCE, "kmh": DEFAULT_SPEED_KMH})
        return cur.rowcount


_PAIR_STAGE = """CREATE TEMP TABLE demo_pair_stage (ord integer, request_sid text, volunteer_sid text)
    ON COMMIT DROP"""
# Minutes as the store's assignment tools estimate them: great-circle metres at the default speed.
_PAIR_INSERT = """
INSERT INTO jitasa.assignment (request_id, volunteer_id, run_id, status, travel_minutes)
SELECT r.id, v.id, %(run)s, 'active', ST_Distance(v.geom::geography, r.geom::geography) / 1000.0 / %(kmh)s * 60.0
  FROM demo_pair_stage p
  JOIN jitasa.help_request r ON r.source = %(src)s AND r.source_id = p.request_sid
  JOIN jitasa.volunteer v ON v.source = %(src)s AND v.source_id = p.volunteer_sid
 ORDER BY p.ord"""


# -- pairing the demo's assigned requests with volunteers (pure numpy / scipy on the batches) -------------

_PENDING = ("assigned", "in_progress")
_FIRST_K = 8  # nearest eligible volunteers looked up for every pending request at once
EARTH_RADIUS_KM = 6371.0088  # as core.assignment.costs: the sphere the assignment tools measure on


@dataclass(frozen=True)
class DemoPairs:
    """Row numbers in the batches: request_row[i] is served by volunteer_row[i] (most urgent first);
    `demoted` marks the pending requests left without a volunteer (they are written as 'new')."""

    request_row: np.ndarray
    volunteer_row: np.ndarray
    demoted: np.ndarray

    @classmethod
    def none(cls, n_requests: int) -> DemoPairs:
        empty = np.zeros(0, dtype=np.int64)
        return cls(empty, empty, np.zeros(n_requests, dtype=bool))


def demo_pairs(
    requests,
    volunteers,
    needs: Sequence[tuple],
    urgency_order: Sequence[str],
    max_minutes: float = DEFAULT_MAX_TRAVEL_MINUTES,
    speed_kmh: float = DEFAULT_SPEED_KMH,
) -> DemoPairs:
    """Greedy, as an officer would assign by hand: the pending ('assigned' / 'in progress') requests in
    the order urgency, created_at (oldest first), row; each takes the nearest (great circle) available
    volunteer who is eligible for its category and still has room. If that one is farther than
    `max_minutes` at `speed_kmh` (the assignment tools' default reach), or there is none, it is demoted.

    `needs` are jitasa.category_need rows (category, skills, vehicles): a volunteer is eligible when one
    row of the category has all its skills and, unless its vehicles are empty, one of its vehicles.

    Exact, but without a query per request against full volunteers: the first `_FIRST_K` nearest eligible
    volunteers of all requests come from one k-d tree query per category; only a request whose first
    ones are all full looks further, in a tree of the volunteers that still had room when it was built
    (rebuilt once half its volunteers are full), widening k until it meets one with room or leaves the
    reach. A category whose eligible volunteers are all full demotes its remaining requests at once."""
    n = len(requests.lon)
    status = np.asarray(requests.status).astype(str)
    r_xyz = _unit_vectors(requests.lon, requests.lat)
    pending = np.isin(status, _PENDING) & np.isfinite(r_xyz).all(axis=1)
    if volunteers is None or not len(volunteers.lon) or not pending.any():
        pairs = DemoPairs.none(n)
        pairs.demoted[pending] = True
        return pairs
    rank = {label: i for i, label in enumerate(urgency_order)}
    urgency = np.array([rank[u] for u in np.asarray(requests.urgency).astype(str).tolist()])
    rows = np.flatnonzero(pending)
    # ORDER BY urgency, created_at (= now - age: the oldest first), id (= row order)
    rows = rows[np.lexsort((rows, -np.asarray(requests.age_s, dtype=np.int64)[rows], urgency[rows]))]

    v_xyz = _unit_vectors(volunteers.lon, volunteers.lat)
    reach_km = max_minutes / 60.0 * speed_kmh
    reach = 2.0 * np.sin(min(reach_km / EARTH_RADIUS_KM, np.pi) / 2.0)  # as a chord of the unit sphere
    free = np.where(
        np.asarray(volunteers.available, dtype=bool) & np.isfinite(v_xyz).all(axis=1),
        np.maximum(np.asarray(volunteers.capacity, dtype=np.int64), 0),
        0,
    )
    categories = sorted(set(np.asarray(requests.category).astype(str)[rows].tolist()))
    eligible = _eligibility(volunteers, needs, categories) & (free > 0)  # (category, volunteer)
    cat_of = {c: i for i, c in enumerate(categories)}
    req_cat = np.array([cat_of[c] for c in np.asarray(requests.category).astype(str)[rows].tolist()])
    cat_free = (eligible * free).sum(axis=1)  # room left among each category's eligible volunteers

    # Per category, for its requests in their order: the first k nearest within reach, and whether those
    # are all there are within reach (fewer than k found).
    first: list[list] = [[] for _ in categories]
    every: list[list] = [[] for _ in categories]
    for c in range(len(categories)):
        members = np.flatnonzero(eligible[c])
        mine = rows[req_cat == c]
        if len(members) and len(mine):
            k = min(_FIRST_K, len(members))
            _, idx = cKDTree(v_xyz[members]).query(r_xyz[mine], k=k, distance_upper_bound=reach)
            idx = np.asarray(idx).reshape(len(mine), k)
            found = idx < len(members)
            first[c] = [members[i[f]].tolist() for i, f in zip(idx, found)]
            every[c] = (found.sum(axis=1) < k).tolist()
    trees = [_FreeTree(np.flatnonzero(eligible[c]), v_xyz, reach) for c in range(len(categories))]
    room = free.tolist()  # the loop reads Python ints (fast); the trees read the same room as an array
    room_array = free.copy()
    cat_room = cat_free.tolist()
    categories_of: dict[int, list[int]] = {}  # volunteer -> the categories it may serve
    taken_req, taken_vol = [], []
    demoted = np.zeros(n, dtype=bool)
    seen = [0] * len(categories)
    for row, c in zip(rows.tolist(), req_cat.tolist()):
        candidates, all_in_reach = (first[c][seen[c]], every[c][seen[c]]) if first[c] else ((), True)
        seen[c] += 1
        if cat_room[c] <= 0:
            demoted[row] = True
            continue
        vol = next((v for v in candidates if room[v] > 0), -1)
        if vol < 0 and not all_in_reach:
            vol = trees[c].nearest_with_room(r_xyz[row], room, room_array)
        if vol < 0:  # nobody eligible with room within reach
            demoted[row] = True
            continue
        room[vol] -= 1
        room_array[vol] -= 1
        if vol not in categories_of:
            categories_of[vol] = np.flatnonzero(eligible[:, vol]).tolist()
        for cc in categories_of[vol]:
            cat_room[cc] -= 1
        taken_req.append(row)
        taken_vol.append(vol)
    return DemoPairs(np.array(taken_req, dtype=np.int64), np.array(taken_vol, dtype=np.int64), demoted)


class _FreeTree:
    """A k-d tree over those of one category's volunteers that had room when it was (re)built."""

    def __init__(self, members: np.ndarray, v_xyz: np.ndarray, reach: float) -> None:
        self.members = members
        self.v_xyz = v_xyz
        self.reach = reach
        self.tree = None

    def nearest_with_room(self, point: np.ndarray, room: list, room_array: np.ndarray) -> int:
        """The nearest volunteer with room within reach, or -1."""
        # Room only shrinks, so the tree holds every volunteer that has room: the first of its neighbours
        # (by distance) with room is the nearest with room. Rebuilt when half its volunteers are full.
        if self.tree is None or 2 * int((room_array[self.members] <= 0).sum()) > len(self.members):
            self.members = self.members[room_array[self.members] > 0]
            self.tree = cKDTree(self.v_xyz[self.members])
        size = len(self.members)
        k = min(16, size)
        while k:
            _, idx = self.tree.query(point, k=k, distance_upper_bound=self.reach)
            idx = np.atleast_1d(idx)
            idx = idx[idx < size]
            for v in self.members[idx].tolist():
                if room[v] > 0:
                    return v
            if len(idx) < k or k == size:  # all within reach seen
                return -1
            k = min(4 * k, size)
        return -1


def _eligibility(volunteers, needs: Sequence[tuple], categories: Sequence[str]) -> np.ndarray:
    """(len(categories), n_volunteers) booleans: who may serve each category, per jitasa.category_need."""
    vehicle = np.asarray(volunteers.vehicle).astype(str)
    labels = sorted({s for _, skills, _ in needs for s in skills})
    bit = {label: 1 << i for i, label in enumerate(labels)}
    have = np.array(
        [sum(bit.get(getattr(s, "value", s), 0) for s in set(tup)) for tup in volunteers.skills], dtype=np.int64
    )
    out = np.zeros((len(categories), len(vehicle)), dtype=bool)
    index = {c: i for i, c in enumerate(categories)}
    for category, skills, vehicles in needs:
        if category not in index:
            continue
        need = sum(bit[s] for s in set(skills))
        ok = (have & need) == need
        if vehicles:
            ok &= np.isin(vehicle, list(vehicles))
        out[index[category]] |= ok
    return out


def _unit_vectors(lon, lat) -> np.ndarray:
    """(n, 3) points on the unit sphere: chord length grows with great-circle distance."""
    lon_r = np.radians(np.asarray(lon, dtype=float))
    lat_r = np.radians(np.asarray(lat, dtype=float))
    return np.column_stack((np.cos(lat_r) * np.cos(lon_r), np.cos(lat_r) * np.sin(lon_r), np.sin(lat_r)))


def _sids(rows: np.ndarray) -> list[str]:
    return [f"{DEMO_SOURCE}-{i + 1}" for i in rows.tolist()]


# -- COPY helpers -----------------------------------------------------------------------------------------


def _copy(cur, table: sql.Composable, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """COPY rows as CSV; None becomes \\N (an empty string stays an empty string)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerows([_NULL if v is None else v for v in row] for row in rows)
    buf.seek(0)
    statement = sql.SQL("COPY {} ({}) FROM STDIN WITH (FORMAT csv, NULL {})").format(
        table, sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Literal(_NULL)
    )
    cur.copy_expert(statement.as_string(cur), buf)


def write_demo_teams(conn, teams: Sequence[Optional[str]]) -> int:
    """The demo volunteers' teams by row (row i is source id demo-<i+1>), for a demo store loaded before
    volunteers had teams (migration 0022): only volunteers still in no team are given one, in the caller's
    transaction. Returns how many were."""
    ids = _source_ids(0, len(teams))
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE jitasa.volunteer v SET team = t.team FROM unnest(%s::text[], %s::text[]) AS t(source_id, team)"
            " WHERE v.source = %s AND v.source_id = t.source_id AND v.team IS NULL AND t.team IS NOT NULL",
            (ids, list(teams), DEMO_SOURCE),
        )
        return cur.rowcount


def _chunks(n: int) -> Iterable[tuple[int, int]]:
    return ((start, min(n, start + CHUNK_ROWS)) for start in range(0, n, CHUNK_ROWS))


def _source_ids(start: int, stop: int) -> list[str]:
    return [f"{DEMO_SOURCE}-{i}" for i in range(start + 1, stop + 1)]


def _point(lon: float, lat: float) -> str:
    return f"SRID=4326;POINT({float(lon)!r} {float(lat)!r})"


def _points(lon: np.ndarray, lat: np.ndarray) -> list[str]:
    return [
        f"SRID=4326;POINT({x!r} {y!r})"
        for x, y in zip(np.asarray(lon, float).tolist(), np.asarray(lat, float).tolist())
    ]


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
