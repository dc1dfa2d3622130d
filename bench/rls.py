"""Row-level security overhead (issue 14): `rls_overhead_province` — the province render of
bench/live_layers.py (our layer group over the Phetchabun extent, 1,000,000 national requests in the store,
cold layers) as an officer scoped to province 67, against the same render as a national admin (whose policies
reduce to one InitPlan that is true). Goal: ratio <= 1.2.

Renders alternate officer / admin so both see the same machine load; medians of REPEAT each, after one warm-up
render of each. The note adds the superuser's render (no policies at all) and what each login's layers hold
in the extent. `rls_overhead_province_same_rows`: an officer scoped to every province by code (the same rows
as the admin), so its ratio is the per-row policy test alone. The store is live_layers' (bench/.pgdata, port
55433), built there on first use.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPEAT = int(os.environ.get("JITASA_BENCH_RLS_REPEAT", "7"))
GOAL = 1.2
# the third login works every province by code: it sees what the admin sees, so the difference is the policy's
# per-row test alone
LOGINS = (
    ("bench_rls_officer67", "jitasa_officer", "67"),
    ("bench_rls_admin", "jitasa_admin", None),
    ("bench_rls_officer_all", "jitasa_officer", "*"),
)


def _logins(spec) -> None:
    """The officer (scope 67) and the admin (national through the admin group's default), made once."""
    conn = spec.connect()
    conn.autocommit = True
    with conn.cursor() as cur:
        for name, group, scope in LOGINS:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
            if not cur.fetchone():
                cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group}')  # names from the fixed tuple above
            cur.execute("DELETE FROM jitasa.area_scope WHERE role_name = %s", (name,))
            if scope == "*":
                cur.execute(
                    "INSERT INTO jitasa.area_scope (role_name, area_code) "
                    "SELECT %s, code FROM jitasa.admin_area WHERE level = 'province'",
                    (name,),
                )
            elif scope:
                cur.execute("INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, %s)", (name, scope))
    conn.close()


def _location_as(location, user: str):
    from jitasa_qgis.store.connection import ConnectionSpec
    from jitasa_qgis.store.qgis_connections import StoreLocation

    params = dict(location.spec.params, user=user)
    uri = f"host={params['host']} port={params['port']} dbname='{params['dbname']}' user='{user}'"
    return StoreLocation(f"bench as {user}", ConnectionSpec(params=params, label=user), uri)


def _features_in(location, extent) -> dict[str, int]:
    from qgis.core import QgsFeatureRequest

    from jitasa_qgis.layers.store_layers import LAYER_DEFS, build_layer

    counts = {}
    for d in LAYER_DEFS:
        if d.key not in ("help_request_critical", "help_request_grid", "assignment", "volunteer"):
            continue
        layer = build_layer(location, d)
        counts[d.key] = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(extent).setNoAttributes()))
    return counts


def _province_count(location) -> int:
    conn = location.spec.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.admin_area WHERE level = 'province'")
        n = cur.fetchone()[0]
    conn.close()
    return n


def run() -> list[dict]:
    from bench import live_layers as ll

    ll._app()
    location = ll._store()
    _logins(location.spec)
    officer = _location_as(location, LOGINS[0][0])
    admin = _location_as(location, LOGINS[1][0])
    every = _location_as(location, LOGINS[2][0])
    province = ll._extent(location, "67")

    logins = (("officer", officer), ("admin", admin), ("every", every), ("superuser", location))
    for _key, loc in logins:  # warm-up: server caches and plans, not measured
        ll._render(ll._settings(ll._our_layers(loc), province))
    times: dict[str, list[float]] = {key: [] for key, _loc in logins}
    for _ in range(REPEAT):
        for key, loc in logins:
            layers = ll._our_layers(loc)  # cold: new layer objects, no provider cache
            times[key].append(ll._render(ll._settings(layers, province)))
            del layers
    med = {k: statistics.median(v) for k, v in times.items()}
    seen_officer = _features_in(officer, province)
    seen_admin = _features_in(admin, province)
    ratio = med["officer"] / med["admin"]
    note = (
        f"Phetchabun extent {ll.SIZE[0]}x{ll.SIZE[1]}, {ll.N_REQUESTS:,} national requests; median of {REPEAT} cold "
        f"renders each, alternating; superuser (no policies) {med['superuser']:.3f} s; features in the extent "
        f"officer {seen_officer} vs admin {seen_admin}; goal ratio <= {GOAL}; shared 2-core machine, noisy"
    )
    every_note = (
        f"an officer scoped to all {_province_count(location)} provinces by code sees the admin's rows and pays the "
        f"per-row test: {med['every']:.3f} s vs the admin {med['admin']:.3f} s; superuser {med['superuser']:.3f} s; "
        f"median of {REPEAT}, alternating; shared 2-core machine, noisy"
    )
    return [
        {
            "name": "rls_overhead_province_same_rows",
            "value": round(med["every"], 4),
            "unit": "s",
            "anchor": "the same render as a national admin, same run",
            "anchor_value": round(med["admin"], 4),
            "ratio": round(med["every"] / med["admin"], 3),
            "note": every_note,
        },
        {
            "name": "rls_overhead_province",
            "value": round(med["officer"], 4),
            "unit": "s",
            "anchor": "the same render as a national admin, same run",
            "anchor_value": round(med["admin"], 4),
            "ratio": round(ratio, 3),
            "note": note,
        },
    ]


if __name__ == "__main__":
    for record in run():
        print(record)
