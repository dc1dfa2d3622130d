"""Importing the national admin areas (issue 10, `import_tambons_national`, goal ≤ 10 s).

- import_tambons_national: services.admin_import of the national COD-AB tambon layer (7,425 tambons) into an
  empty store; its 928 amphoe and 77 provinces are made from the tambons (ST_Union), named from the adm2 /
  adm1 columns. Everything the service does is timed: reading the file, checking the rows, staging, the
  validity check, dissolving, the upsert through the store's triggers, keeping rejects, the commit.
  Anchor, same run, same database: GDAL's `ogr2ogr -append` of the same layer into a plain table (no
  triggers, no key, no check, no parents).
- reimport_tambons_national: the same layer again into that store: nothing changes, nothing is written.
- import_admin_national_file: the file's three layers (77 + 928 + 7,425 areas from the file, no dissolve).

Medians of 3, each on a fresh database cloned from a migrated template, on a throwaway cluster of its own
(port 55441 unless JITASA_BENCH_ADMIN_PORT says otherwise), removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

NATIONAL_ADMIN = Path(
    os.environ.get(
        "JITASA_NATIONAL_ADMIN", ROOT.parent / "shared" / "data" / "thailand" / "admin_codab_simplified.gpkg"
    )
)
PORT = int(os.environ.get("JITASA_BENCH_ADMIN_PORT", "55441"))
REPEAT = 3
TAMBON_LAYER = "adm3_tambon"


def _database(cluster, name: str, template: str = "template0"):
    import psycopg2

    from jitasa_qgis.store.connection import ConnectionSpec

    admin = psycopg2.connect(**cluster.params())
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    admin.close()
    return ConnectionSpec(params=cluster.params(name), label=f"bench {name}")


def _template(cluster) -> None:
    from jitasa_qgis.store.migrations import migrate

    spec = _database(cluster, "bench_admin_template")
    conn = spec.connect()
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE EXTENSION postgis")
        cur.execute("CREATE EXTENSION pgrouting")
    conn.close()
    migrate(spec)


def _seconds(work) -> float:
    t = time.perf_counter()
    work()
    return time.perf_counter() - t


def _count(spec, level: str) -> int:
    conn = spec.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.admin_area WHERE level = %s", (level,))
        n = cur.fetchone()[0]
    conn.close()
    return n


def _ogr2ogr(spec) -> None:
    p = spec.params
    subprocess.run(
        [
            "ogr2ogr",
            "-append",
            "-f",
            "PostgreSQL",
            f"PG:host={p['host']} port={p['port']} dbname={p['dbname']} user={p['user']}",
            str(NATIONAL_ADMIN),
            TAMBON_LAYER,
            "-nln",
            "public.plain_tambon",
        ],
        check=True,
        capture_output=True,
    )


def _one_round(cluster, i: int) -> tuple[float, float, float, float]:
    """(ours, anchor, re-import, whole file) seconds on fresh databases."""
    from jitasa_qgis.services.admin_import import AdminImportParams, import_admin_areas

    tambons = AdminImportParams(path=NATIONAL_ADMIN, layer=TAMBON_LAYER)
    spec = _database(cluster, f"bench_admin_{i}", "bench_admin_template")
    anchor = _seconds(lambda: _ogr2ogr(spec))
    t = time.perf_counter()
    first = import_admin_areas(spec, tambons)
    ours = time.perf_counter() - t
    made = first.levels
    assert (made["tambon"].inserted, made["amphoe"].created_parents, made["province"].created_parents) == (
        7425,
        928,
        77,
    ), made
    assert (_count(spec, "province"), _count(spec, "amphoe"), _count(spec, "tambon")) == (77, 928, 7425)
    t = time.perf_counter()
    second = import_admin_areas(spec, tambons)
    again = time.perf_counter() - t
    assert second.levels["tambon"].unchanged == 7425 and second.total("updated") == 0
    other = _database(cluster, f"bench_admin_file_{i}", "bench_admin_template")
    t = time.perf_counter()
    whole_result = import_admin_areas(other, AdminImportParams(path=NATIONAL_ADMIN))
    whole = time.perf_counter() - t
    assert whole_result.total("inserted") == 77 + 928 + 7425
    return ours, anchor, again, whole


def run() -> list[dict]:
    from pgcluster import PgCluster

    if not NATIONAL_ADMIN.is_file():
        raise FileNotFoundError(f"national boundaries not found at {NATIONAL_ADMIN} (JITASA_NATIONAL_ADMIN)")
    base = Path(tempfile.mkdtemp(prefix="jitasa-bench-admin-"))
    base.chmod(0o755)
    cluster = PgCluster(base / "data", PORT)
    try:
        cluster.init()
        cluster.start()
        _template(cluster)
        rounds = [_one_round(cluster, i) for i in range(REPEAT)]
    finally:
        cluster.remove()
        shutil.rmtree(base, ignore_errors=True)
    ours, anchor, again, whole = (list(x) for x in zip(*rounds))
    ours_s, anchor_s = statistics.median(ours), statistics.median(anchor)
    return [
        {
            "name": "import_tambons_national",
            "value": round(ours_s, 3),
            "unit": "s",
            "anchor": "ogr2ogr -append of the same tambon layer into a plain table (no triggers, key or checks)",
            "anchor_value": round(anchor_s, 3),
            "ratio": round(ours_s / anchor_s, 2),
            "note": f"7,425 tambons with their 928 amphoe and 77 provinces dissolved from them (ST_Union), into an "
            f"empty store, median of {REPEAT} (runs {', '.join(f'{x:.2f}' for x in ours)} s); goal <= 10 s. "
            f"Includes reading the GeoPackage, checks, validity check, triggers and commit. The anchor writes "
            f"one plain table of the same database with no triggers. Load average at the end "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared machine: figures vary with it).",
        },
        {
            "name": "reimport_tambons_national",
            "value": round(statistics.median(again), 3),
            "unit": "s",
            "anchor": "import_tambons_national",
            "anchor_value": round(ours_s, 3),
            "ratio": round(statistics.median(again) / ours_s, 2),
            "note": f"the same layer again: 7,425 unchanged tambons, nothing written, median of {REPEAT}",
        },
        {
            "name": "import_admin_national_file",
            "value": round(statistics.median(whole), 3),
            "unit": "s",
            "anchor": "import_tambons_national",
            "anchor_value": round(ours_s, 3),
            "ratio": round(statistics.median(whole) / ours_s, 2),
            "note": f"the file's three layers (77 + 928 + 7,425 areas, shapes from the file, no dissolve) into "
            f"an empty store, median of {REPEAT}",
        },
    ]
