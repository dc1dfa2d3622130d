"""The local demo store and QGIS launcher behind `make run`, `make demo` and `make stop`.

The cluster lives in .pgdata/ (git-ignored) on port 55432 (JITASA_DEV_PORT overrides), reached through the
pg_service `jitasa_demo` written to .pg_service.conf — no password anywhere (trust on 127.0.0.1 only).
A second run reuses the cluster and its data. `make run` also serves a small SOS-style demo feed on
127.0.0.1 (tools/demo_feed.py), writes its settings into the demo profile and syncs it once before QGIS opens,
so the dock's Feed tab shows a sync with rejects. JITASA_DEMO_TAB=feed_tab (a tab page's object name) opens
the dock on that tab, JITASA_DEMO_LAYERS=service_area,road_segment shows only those store layers
(tools/demo_startup.py, run by QGIS's --code). JITASA_DEMO_SCOPE=6703 opens QGIS as an officer who works
amphoe หล่มสัก only (the store's row policies; any province or amphoe code will do).
"""

from __future__ import annotations

import argparse
import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from pgcluster import PgCluster  # noqa: E402

DATADIR = ROOT / ".pgdata"
SERVICE_FILE = ROOT / ".pg_service.conf"
SERVICE = "jitasa_demo"
DBNAME = "jitasa"
PROFILES = ROOT / ".qgis-profile"
OUT = ROOT / "out"
PORT = int(os.environ.get("JITASA_DEV_PORT", "55432"))
DEMO_FEED_SOURCE = "demo_sos"


def cluster() -> PgCluster:
    return PgCluster(DATADIR, PORT)


def write_service_file(user: str = "postgres") -> None:
    SERVICE_FILE.write_text(
        f"[{SERVICE}]\nhost=127.0.0.1\nport={PORT}\ndbname={DBNAME}\nuser={user}\n", encoding="utf-8"
    )
    os.environ["PGSERVICEFILE"] = str(SERVICE_FILE)


def scoped_demo_login(area: str) -> str:
    """An officer login that works only `area` (a province or amphoe code, e.g. 6703 for หล่มสัก), made once;
    `JITASA_DEMO_SCOPE=6703 make run` opens QGIS as it (row-level security, issue 14)."""
    import psycopg2

    if not area.isdigit() or len(area) not in (2, 4):
        raise SystemExit(f"JITASA_DEMO_SCOPE must be a province or amphoe code, not {area!r}")
    login = f"demo_officer_{area}"
    conn = psycopg2.connect(**cluster().params(DBNAME))
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
        if not cur.fetchone():
            cur.execute(f'CREATE ROLE "{login}" LOGIN IN ROLE jitasa_officer')  # digits checked above
        cur.execute(
            "INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (login, area),
        )
    conn.close()
    return login


def ensure_store() -> None:
    """Cluster up, database present, schema current, demo data loaded (once), the demo road network too
    (imported alone into a store loaded before the demo had roads)."""
    import psycopg2

    from jitasa_qgis.store.connection import ConnectionSpec
    from jitasa_qgis.store.migrations import migrate

    c = cluster()
    if not c.exists():
        print(f"store: creating a local PostgreSQL cluster in {DATADIR.name}/ on port {PORT}")
        c.init()
    c.start()
    write_service_file()
    admin = psycopg2.connect(**c.params())
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DBNAME,))
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{DBNAME}"')
    admin.close()
    spec = ConnectionSpec.from_service(SERVICE)
    applied = migrate(spec)
    if applied:
        print(f"store: applied migrations {applied}")
    from jitasa_qgis.definitions.roads import DEMO_ROAD_NETWORK
    from jitasa_qgis.store.roads import network_by_name

    conn = spec.connect()
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.help_request")
        has_data = cur.fetchone()[0] > 0
        cur.execute("SELECT count(*) > 0 AND count(team) = 0 FROM jitasa.volunteer WHERE source = 'demo'")
        without_teams = cur.fetchone()[0]  # loaded before volunteers had teams (0022)
    has_roads = network_by_name(conn, DEMO_ROAD_NETWORK) is not None
    conn.close()
    if not has_data:
        from jitasa_qgis.definitions.paths import DEMO_DIR
        from jitasa_qgis.services.demo_loading import DEMO_ROADS_PATH, load_demo_data

        print(
            "store: loading demo data (Phetchabun boundaries, MOPH hospitals, major roads only, 2,000 requests, "
            "600 volunteers)"
        )
        load_demo_data(
            spec,
            admin_path=str(DEMO_DIR / "admin.gpkg"),
            health_path=str(DEMO_DIR / "health.gpkg"),
            n_requests=2000,
            n_volunteers=600,
            seed=67,
            roads_path=DEMO_ROADS_PATH,
        )
    elif without_teams:
        from jitasa_qgis.services.demo_loading import DemoParams, seed_demo_teams

        teams = seed_demo_teams(spec, DemoParams(n_volunteers=600, seed=67))
        print(f"store: {teams} demo volunteers given the teams a fresh demo load gives them")
    if has_data and not has_roads:
        from jitasa_qgis.services.demo_loading import demo_roads_params
        from jitasa_qgis.services.road_import import import_roads

        result = import_roads(spec, demo_roads_params())
        print(f"store: imported the demo road network (major roads only): {result.summary_lines()[0]}")


def road_summary(conn) -> str:
    """The store's road networks in a few lines; the demo's says it holds major roads only."""
    from jitasa_qgis.definitions.roads import DEMO_ROAD_NETWORK
    from jitasa_qgis.store.roads import networks

    lines = []
    for n in networks(conn):
        note = (
            " — major roads only (trunk and primary), no secondary or local roads"
            if n.name == DEMO_ROAD_NETWORK
            else ""
        )
        lines.append(
            f"road network '{n.name}' (version {n.version}): {n.segment_count} segments, {n.length_km:,.0f} km{note}"
            + (f"; {n.attribution}" if n.attribution else "")
        )
    return "\n".join(lines) or "road network: none"


def demo() -> int:
    from jitasa_qgis.store.connection import ConnectionSpec
    from jitasa_qgis.store.summary import format_summary, store_summary

    ensure_store()
    conn = ConnectionSpec.from_service(SERVICE).connect()
    try:
        text = format_summary(store_summary(conn)) + "\n\n" + road_summary(conn)
    finally:
        conn.close()
    OUT.mkdir(exist_ok=True)
    (OUT / "demo_summary.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"(written to {(OUT / 'demo_summary.txt').relative_to(ROOT)})")
    # sample prints (map, amphoe atlas, call sheets, situation report), headless, in a QGIS of their own
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PGSERVICEFILE=str(SERVICE_FILE))
    return subprocess.run([sys.executable, str(ROOT / "tools" / "demo_prints.py"), str(OUT)], env=env).returncode


def sync_demo_feed(url: str) -> None:
    """One sync of the demo feed into the demo store, as the dock's "Sync now" does it."""
    from jitasa_qgis.services.feed_sync import FeedSyncParams, sync_feed
    from jitasa_qgis.store.connection import ConnectionSpec

    result = sync_feed(
        ConnectionSpec.from_service(SERVICE), FeedSyncParams(source=DEMO_FEED_SOURCE, url=url, adapter="sos_geojson")
    )
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items() if v)
    print(f"feed: {DEMO_FEED_SOURCE} from {url}: {result.outcome}, {result.pages} page(s), {counts or 'nothing'}")


def install_plugin(zip_path: Path, feed_url: str = "") -> Path:
    """Install the built zip into an isolated profile, exactly as a user would get it."""
    profile = PROFILES / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    shutil.rmtree(plugins / "jitasa_qgis", ignore_errors=True)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(plugins)
    ini_path = profile / "QGIS" / "QGIS3.ini"
    ini_path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.RawConfigParser()
    ini.optionxform = str  # keep key case: QGIS reads them case-sensitively
    if ini_path.exists():
        ini.read(ini_path, encoding="utf-8")
    for section, values in {
        "PythonPlugins": {"jitasa_qgis": "true"},
        "jitasa": {
            "connection\\service": SERVICE,
            "connection\\name": "",
            **(
                {
                    "feed\\url": feed_url,
                    "feed\\source": DEMO_FEED_SOURCE,
                    "feed\\adapter": "sos_geojson",
                    "feed\\authcfg": "",
                }
                if feed_url
                else {}
            ),
        },
        "locale": {"overrideFlag": "true", "userLocale": os.environ.get("JITASA_LOCALE", "th_TH")},
        "qgis": {"showTips": "false", "checkVersion": "false"},
    }.items():
        if not ini.has_section(section):
            ini.add_section(section)
        for key, value in values.items():
            ini.set(section, key, value)
    with open(ini_path, "w", encoding="utf-8") as f:
        ini.write(f, space_around_delimiters=False)
    return plugins / "jitasa_qgis"


def build_project(path: Path, profile: Path | None = None) -> None:
    """A demo project with the Jitasa layers over Phetchabun; with `profile`, also the saved QGIS connection
    "Jitasa demo" (service only, no password) in that profile."""
    script = ROOT / "tools" / "make_demo_project.py"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PGSERVICEFILE=str(SERVICE_FILE))
    extra = ["--profile", str(profile)] if profile is not None else []
    subprocess.run([sys.executable, str(script), str(path), *extra], check=True, env=env)


def run(zip_path: Path) -> int:
    ensure_store()
    import demo_feed

    _feed_server, feed_url = demo_feed.start()  # a daemon thread: it serves as long as QGIS runs
    sync_demo_feed(feed_url)
    area = os.environ.get("JITASA_DEMO_SCOPE", "").strip()
    if area:  # QGIS opens as an officer of that area only (the feed was synced as the store's owner above)
        login = scoped_demo_login(area)
        write_service_file(login)
        print(f"run: QGIS connects as {login}, who works area {area} only")
    plugin_dir = install_plugin(zip_path, feed_url)
    project = OUT / "jitasa_demo.qgz"
    OUT.mkdir(exist_ok=True)
    build_project(project, PROFILES / "profiles" / "default")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("run: no display here, so QGIS cannot open; the store is ready — try `make demo` for a summary.")
        return 0
    env = dict(os.environ, PGSERVICEFILE=str(SERVICE_FILE))
    env.pop("QT_QPA_PLATFORM", None)
    wanted = env.get("JITASA_DEMO_TAB") or env.get("JITASA_DEMO_LAYERS") or env.get("JITASA_DEMO_CODE")
    startup = ["--code", str(ROOT / "tools" / "demo_startup.py")] if wanted else []
    print(f"run: opening QGIS with {project.relative_to(ROOT)} (plugin from {plugin_dir.relative_to(ROOT)})")
    return subprocess.call(
        [
            "qgis",
            "--profiles-path",
            str(PROFILES),
            "--profile",
            "default",
            "--noversioncheck",
            "--nologo",
            *startup,
            str(project),
        ],
        env=env,
    )


def stop() -> int:
    c = cluster()
    if c.exists() and c.is_running():
        c.stop()
        print("store: stopped")
    else:
        print("store: not running")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run")
    run_p.add_argument("--zip", type=Path, required=True)
    sub.add_parser("demo")
    sub.add_parser("stop")
    args = parser.parse_args()
    if args.command == "run":
        return run(args.zip)
    if args.command == "demo":
        return demo()
    return stop()


if __name__ == "__main__":
    sys.exit(main())
