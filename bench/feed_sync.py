"""Feed benchmarks: `feed_sync_100k` and `feed_resync_100k`.

100,000 feed records in 10 pages of 10,000, served by a local HTTP server (http.server in a thread on
127.0.0.1, cursor paging, the bodies prepared beforehand), read by services.feed_sync.sync_feed into a
store already holding 1,000,000 requests (bench/live_layers.py builds it once in bench/.pgdata, port 55433,
database "bench"): HTTP, JSON parsing, validation (the feed's JSON Schema per record), the set-based upsert and every
trigger of help_request (version, tambon code from the point, grid, NOTIFY, statement-level audit).
A quicker look: JITASA_BENCH_FEED_RECORDS=10000 JITASA_BENCH_FEED_RUNS=1 python -m bench feed_sync
(the record names stay; the note says how many records).

Anchor, same run, same store: GDAL's `ogr2ogr -append` of the same 100,000 records as a GeoJSON file into
the same table (fields mapped with -sql, one transaction with -gt 100000, COPY): no validation, no upsert,
only the inserts and the same triggers. Goal: sync ≤ 0.5 × the anchor.

`feed_resync_100k`: the same 10 pages synced again (every body the one written last time: skipped by its
digest, nothing written but the feed's state). Goal ≤ 1 s.

Each measurement starts from the same 1,000,000 rows: a fresh copy of the bench database (CREATE DATABASE
… TEMPLATE bench), dropped afterwards; the copy is not timed (its time is in the note).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_RECORDS = int(os.environ.get("JITASA_BENCH_FEED_RECORDS", "100000"))
N_PAGES = 10
RUNS = int(os.environ.get("JITASA_BENCH_FEED_RUNS", "3"))
SOURCE = "bench_feed"
GOAL_RATIO = 0.5
GOAL_RESYNC_S = 1.0
CATEGORIES = (
    "patient_transport",
    "infectious_transport",
    "oxygen",
    "food_supplies",
    "medicine",
    "screening",
    "vaccination",
    "medical_help",
    "other",
)
URGENCIES = ("critical", "high", "normal", "low")


# --- the records ------------------------------------------------------------------------------------------------


def _anchor_points(spec, n: int = 3000) -> list[tuple[float, float]]:
    """Points inside real tambons of the bench store (so the tambon-code trigger finds one)."""
    conn = spec.connect()
    with conn.cursor() as cur:
        cur.execute(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM jitasa.admin_area "
            "WHERE level = 'tambon' ORDER BY code LIMIT %s) s",
            (n,),
        )
        points = cur.fetchall()
    conn.close()
    return points


def make_records(points, n: int = N_RECORDS, seed: int = 10) -> list[dict]:
    """Feed records of our format (resources/feed/feed.schema.json), the same on every run."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    records = []
    for i in range(n):
        lon, lat = points[rng.randrange(len(points))]
        created = start + timedelta(seconds=20 * i)
        records.append(
            {
                "id": f"app-{i:07d}",
                "category": rng.choice(CATEGORIES),
                "urgency": rng.choice(URGENCIES),
                "people_count": rng.randint(1, 6),
                "note": f"bench note {i}",
                "requester": {"name": f"requester {i}", "phone": f"08{rng.randrange(10**8):08d}"},
                "for_someone_else": rng.random() < 0.3,
                "location": {
                    "type": "Point",
                    "coordinates": [
                        round(lon + rng.uniform(-0.002, 0.002), 6),
                        round(lat + rng.uniform(-0.002, 0.002), 6),
                    ],
                },
                "location_accuracy_m": rng.choice((5.0, 10.0, 25.0, 50.0)),
                "created_at": created.isoformat(),
                "updated_at": (created + timedelta(minutes=5)).isoformat(),
                "expires_at": None,
                "expired": False,
            }
        )
    return records


def page_body(records: list[dict], next_cursor) -> dict:
    """One page of our feed format (docs/FEED.md)."""
    return {"records": records, "next_cursor": next_cursor}


def write_geojson(records: list[dict], path: Path) -> None:
    """The same records as a GeoJSON FeatureCollection with flat properties, for ogr2ogr."""
    features = []
    for r in records:
        features.append(
            {
                "type": "Feature",
                "geometry": r["location"],
                "properties": {
                    "source_id": r["id"],
                    "category": r["category"],
                    "urgency": r["urgency"],
                    "people_count": r["people_count"],
                    "note": r["note"],
                    "requester_name": r["requester"]["name"],
                    "requester_phone": r["requester"]["phone"],
                    "for_someone_else": r["for_someone_else"],
                    "location_accuracy_m": r["location_accuracy_m"],
                    "created_at": r["created_at"],
                    "updated_at": r["updated_at"],
                },
            }
        )
    path.write_text(json.dumps({"type": "FeatureCollection", "name": "feed", "features": features}), encoding="utf-8")


# --- the local feed server -----------------------------------------------------------------------------------------


class FeedServer:
    """http.server on 127.0.0.1 in a thread: GET /feed → page 1, /feed?cursor=pN → page N (bodies prepared)."""

    def __init__(self, records: list[dict], n_pages: int = N_PAGES):
        size = -(-len(records) // n_pages)
        bodies = []
        for k in range(n_pages):
            chunk = records[k * size : (k + 1) * size]
            following = f"p{k + 2}" if k + 1 < n_pages else None
            bodies.append(json.dumps(page_body(chunk, following), ensure_ascii=False).encode("utf-8"))
        self.bodies = bodies
        self.page_size = size
        self.requests = 0
        self.etag = None  # when set, page 1 carries it and a matching If-None-Match gets 304
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802 - http.server's name
                server.requests += 1
                parts = urlsplit(self.path)
                cursor = (parse_qs(parts.query).get("cursor") or ["p1"])[0]
                if server.etag and cursor == "p1" and self.headers.get("If-None-Match") == server.etag:
                    self.send_response(304)
                    self.send_header("ETag", server.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                try:
                    body = server.bodies[int(cursor[1:]) - 1]
                except (ValueError, IndexError):
                    self.send_error(400)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if server.etag and cursor == "p1":
                    self.send_header("ETag", server.etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # quiet
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- fresh copies of the 1M store ---------------------------------------------------------------------------------


def _admin(location):
    import psycopg2

    params = dict(location.spec.params)
    params["dbname"] = "postgres"
    conn = psycopg2.connect(**params)
    conn.autocommit = True
    return conn


def fresh_copy(location, name: str):
    """A copy of the bench database (the same 1M rows every time); returns (spec, seconds it took)."""
    from jitasa_qgis.store.connection import ConnectionSpec

    admin = _admin(location)
    t = time.perf_counter()
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE bench STRATEGY FILE_COPY')
    seconds = time.perf_counter() - t
    admin.close()
    params = dict(location.spec.params)
    params["dbname"] = name
    return ConnectionSpec(params=params, label=f"bench copy {name}"), seconds


def drop_copy(location, name: str) -> None:
    admin = _admin(location)
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _count(spec, sql: str, args: tuple = ()) -> int:
    conn = spec.connect()
    with conn.cursor() as cur:
        cur.execute(sql, args)
        value = cur.fetchone()[0]
    conn.close()
    return int(value)


# --- the measurements -----------------------------------------------------------------------------------------


def time_sync(spec, url: str, page_size: int):
    from jitasa_qgis.services.feed_sync import FeedSyncParams, sync_feed

    params = FeedSyncParams(source=SOURCE, url=url, page_size=page_size, max_pages=N_PAGES + 1, read_timeout_s=120)
    t = time.perf_counter()
    result = sync_feed(spec, params)
    return time.perf_counter() - t, result


def time_ogr2ogr(spec, geojson: Path) -> float:
    p = spec.params
    dsn = f"PG:host={p['host']} port={p['port']} dbname={p['dbname']} user={p['user']}"
    # Every column with a default is given (status, version, …): OGR falls back from COPY to one INSERT per
    # row when a defaulted field is left unset, and the anchor should be ogr2ogr at its fastest.
    sql = (  # the source is SOURCE ('bench_feed')
        "SELECT 'bench_feed' AS source, source_id, category, urgency, 'new' AS status, people_count, note, "
        "requester_name, requester_phone, for_someone_else, location_accuracy_m, created_at, "
        "created_at AS updated_at, 1 AS version, updated_at AS source_updated_at, 'point' AS location_basis, "
        "geometry FROM feed"
    )
    command = [
        "ogr2ogr", "-append", "-f", "PostgreSQL", dsn, str(geojson),
        "-nln", "jitasa.help_request", "-dialect", "SQLite", "-sql", sql, "-gt", "100000", "-unsetFid",
        "--config", "PG_USE_COPY", "YES",
    ]  # fmt: skip
    t = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, text=True)
    return time.perf_counter() - t


def _python_side(bodies: list[bytes]) -> tuple[float, float]:
    """Seconds spent parsing the page bodies and validating their records, without HTTP or the store."""
    from jitasa_qgis.core.request_records import records_from_page

    t = time.perf_counter()
    payloads = [json.loads(body) for body in bodies]
    parsed = time.perf_counter() - t
    t = time.perf_counter()
    for payload in payloads:
        records_from_page(payload, "jitasa")
    return parsed, time.perf_counter() - t


def run() -> list[dict]:
    from bench.live_layers import _store

    location = _store()
    points = _anchor_points(location.spec)
    records = make_records(points)
    before = _count(location.spec, "SELECT count(*) FROM jitasa.help_request")
    sync_times, resync_times, ogr_times, copy_times, conditional_times = [], [], [], [], []
    skipped: list[int] = []
    notes = []
    with tempfile.TemporaryDirectory(prefix="jitasa-bench-feed-") as tmp, FeedServer(records) as server:
        geojson = Path(tmp) / "feed.geojson"
        write_geojson(records, geojson)
        for run_no in range(RUNS):
            name = f"bench_feed_{os.getpid()}"
            spec, seconds = fresh_copy(location, name)
            copy_times.append(seconds)
            try:
                audit_before = _count(spec, "SELECT count(*) FROM jitasa.audit_log")
                elapsed, result = time_sync(spec, server.url, server.page_size)
                if result.outcome != "ok" or result.count("new") != len(records):
                    raise RuntimeError(f"sync did not take every record: {result}")
                sync_times.append(elapsed)
                audit_after = _count(spec, "SELECT count(*) FROM jitasa.audit_log")
                elapsed, again = time_sync(spec, server.url, server.page_size)
                if again.count("skipped") + again.count("unchanged") != len(records) or again.count("closed"):
                    raise RuntimeError(f"re-sync changed something: {again}")
                skipped.append(again.count("skipped"))
                resync_times.append(elapsed)
                audit_resync = _count(spec, "SELECT count(*) FROM jitasa.audit_log")
                # The same feed from a server that answers conditional requests: one sync takes its ETag,
                # the next one is a 304.
                server.etag = '"bench-v1"'
                try:
                    time_sync(spec, server.url, server.page_size)
                    elapsed, same = time_sync(spec, server.url, server.page_size)
                finally:
                    server.etag = None
                if same.outcome != "not_modified":
                    raise RuntimeError(f"the conditional re-sync was not a 304: {same}")
                conditional_times.append(elapsed)
                if run_no == 0:
                    written, rewritten = audit_after - audit_before, audit_resync - audit_after
                    notes.append(f"sync wrote {written} audit row(s), the re-sync {rewritten}")
            finally:
                drop_copy(location, name)
            spec, seconds = fresh_copy(location, name)
            copy_times.append(seconds)
            try:
                ogr_times.append(time_ogr2ogr(spec, geojson))
                got = _count(spec, "SELECT count(*) FROM jitasa.help_request WHERE source = %s", (SOURCE,))
                if got != len(records):
                    raise RuntimeError(f"ogr2ogr appended {got} rows, not {len(records)}")
            finally:
                drop_copy(location, name)
            print(
                f"run {run_no + 1}: sync {sync_times[-1]:.2f} s, re-sync {resync_times[-1]:.2f} s, "
                f"ogr2ogr {ogr_times[-1]:.2f} s",
                flush=True,
            )
    sync_s, resync_s, ogr_s = (statistics.median(x) for x in (sync_times, resync_times, ogr_times))
    parse_s, validate_s = _python_side(server.bodies)
    notes.append(
        f"of the sync, JSON parsing of the {N_PAGES} bodies takes {parse_s:.2f} s and validation "
        f"(core.request_records.records_from_page) {validate_s:.2f} s, measured apart"
    )
    common = (
        f"{len(records):,} records in {N_PAGES} pages over HTTP on 127.0.0.1 into a store of {before:,} requests; "
        f"median of {RUNS} runs, each on a fresh copy of the store (CREATE DATABASE … TEMPLATE, "
        f"{statistics.median(copy_times):.0f} s per copy, not timed)"
    )
    return [
        {
            "name": "feed_sync_100k",
            "value": round(sync_s, 3),
            "unit": "s",
            "anchor": "ogr2ogr -append of the same records as GeoJSON (-sql mapping, -gt 100000, COPY)",
            "anchor_value": round(ogr_s, 3),
            "ratio": round(sync_s / ogr_s, 3),
            "note": f"{common}; sync_feed: HTTP, JSON, schema validation, upsert, triggers and audit; "
            f"runs {[round(x, 2) for x in sync_times]} s, anchor {[round(x, 2) for x in ogr_times]} s; "
            f"{'; '.join(notes)}; goal <= {GOAL_RATIO} x the anchor",
        },
        {
            "name": "feed_resync_100k",
            "value": round(resync_s, 3),
            "unit": "s",
            "anchor": None,
            "anchor_value": None,
            "ratio": None,
            "note": f"the same {N_PAGES} pages read again over HTTP, every body the one written last time at its "
            f"page key (feed_state.page_digests): not parsed nor applied, {min(skipped):,} records skipped, the "
            f"expiry sweep run, nothing else written (no audit row); runs {[round(x, 2) for x in resync_times]} s; "
            f"from a server that "
            f"answers If-None-Match the same re-sync is one 304: median "
            f"{statistics.median(conditional_times) * 1000:.0f} ms; goal <= {GOAL_RESYNC_S} s",
        },
    ]
