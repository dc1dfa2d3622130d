"""Shared fixtures: a real throwaway PostgreSQL 15 + PostGIS + pgRouting cluster, fresh databases per test."""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pgcluster import PgCluster, free_port  # noqa: E402

from jitasa_qgis.store.connection import ConnectionSpec  # noqa: E402
from jitasa_qgis.store.migrations import migrate  # noqa: E402

_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster():
    base = Path(tempfile.mkdtemp(prefix="jitasa-test-pg-"))
    base.chmod(0o755)
    cluster = PgCluster(base / "data", free_port())
    cluster.init()
    cluster.start()
    _create_template(cluster)
    yield cluster
    cluster.remove()
    import shutil

    shutil.rmtree(base, ignore_errors=True)


def _create_template(cluster: PgCluster) -> None:
    conn = psycopg2.connect(**cluster.params())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE DATABASE template_gis")
        cur.execute("CREATE DATABASE template_jitasa")
    conn.close()
    for db in ("template_gis", "template_jitasa"):
        conn = psycopg2.connect(**cluster.params(db))
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("CREATE EXTENSION postgis")
            cur.execute("CREATE EXTENSION pgrouting")
        conn.close()
    migrate(ConnectionSpec(params=cluster.params("template_jitasa")))


def _new_database(cluster: PgCluster, template: str) -> str:
    name = f"t{os.getpid()}_{next(_counter)}"
    conn = psycopg2.connect(**cluster.params())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    conn.close()
    return name


def _drop_database(cluster: PgCluster, name: str) -> None:
    conn = psycopg2.connect(**cluster.params())
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.close()


@pytest.fixture
def gis_db(pg_cluster):
    """A database with PostGIS and pgRouting but no jitasa schema. Yields its ConnectionSpec."""
    name = _new_database(pg_cluster, "template_gis")
    yield ConnectionSpec(params=pg_cluster.params(name), label=f"test database {name}")
    _drop_database(pg_cluster, name)


@pytest.fixture
def store(pg_cluster):
    """A database with the current jitasa schema, empty. Yields its ConnectionSpec (superuser)."""
    name = _new_database(pg_cluster, "template_jitasa")
    yield ConnectionSpec(params=pg_cluster.params(name), label=f"test database {name}")
    _drop_database(pg_cluster, name)


@pytest.fixture
def conn(store):
    c = store.connect()
    yield c
    c.close()


# --- logins of the store's group roles (login roles are cluster-wide: unique names, dropped afterwards) ------


@pytest.fixture
def login_role_on(pg_cluster):
    """Factory: (spec, group, extra_sql="", scope="national") -> (login name, connect(autocommit=True)).

    A fresh LOGIN role in `group` on the database of `spec`; `extra_sql` (with {role}) runs after creating it.
    `scope`: the areas the login works (jitasa.area_scope): "national" (the default, so tests about other
    things see every row), None for none (it then reads no area data), or province / amphoe codes.
    """
    made: list[tuple[object, str, list]] = []

    def make(spec, group: str, extra_sql: str = "", scope="national"):
        import uuid

        name = f"{group.replace('jitasa_', '')}_{uuid.uuid4().hex[:10]}"
        admin = spec.connect(autocommit=True)
        with admin.cursor() as cur:
            cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group}')
            cur.execute("SELECT to_regclass('jitasa.area_scope') IS NOT NULL")
            if scope is not None and cur.fetchone()[0]:
                codes = [None] if scope == "national" else ([scope] if isinstance(scope, str) else list(scope))
                cur.executemany(
                    "INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, %s)", [(name, c) for c in codes]
                )
            if extra_sql:
                cur.execute(extra_sql.format(role=name))
        admin.close()
        conns: list = []
        made.append((spec, name, conns))

        def connect(autocommit: bool = True):
            c = psycopg2.connect(**pg_cluster.params(spec.params["dbname"], user=name))
            c.autocommit = autocommit
            conns.append(c)
            return c

        return name, connect

    yield make
    for spec, name, conns in made:
        for c in conns:
            c.close()
        try:
            admin = spec.connect(autocommit=True)
        except Exception:  # the database went first: nothing of the role's is left in it
            admin = psycopg2.connect(**pg_cluster.params())
            admin.autocommit = True
        with admin.cursor() as cur:
            cur.execute(f'DROP OWNED BY "{name}"')
            cur.execute(f'DROP ROLE "{name}"')
        admin.close()


@pytest.fixture
def login_role(store, login_role_on):
    """Factory: (group, extra_sql="", scope="national") -> (login name, connect(autocommit=True)) on the test's
    store."""
    return lambda group, extra_sql="", scope="national": login_role_on(store, group, extra_sql, scope)


@pytest.fixture
def login_conn(login_role):
    """Factory: (group, extra_sql="", scope="national") -> a connection (not autocommit) of a fresh login."""
    return lambda group, extra_sql="", scope="national": login_role(group, extra_sql, scope)[1](autocommit=False)


@pytest.fixture
def demo(store):
    """The test's store with a small seeded demo (300 requests, 90 volunteers); a test file may define its own."""
    from jitasa_qgis.services.demo_loading import DemoParams, load_demo

    load_demo(store, DemoParams(n_requests=300, n_volunteers=90, seed=5))
    return store


@pytest.fixture
def service_of(demo, pg_cluster, login_role, tmp_path, monkeypatch):
    """Factory: group -> a pg_service name for a fresh login of that group on the demo store."""
    path = tmp_path / "pg_service.conf"
    entries: list[str] = []

    def make(group: str) -> str:
        user, _ = login_role(group)
        name = f"jitasa_test_{user}"
        params = pg_cluster.params(demo.params["dbname"], user=user)
        entries.append(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in params.items()))
        path.write_text("".join(entries), encoding="utf-8")
        return name

    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return make


@pytest.fixture
def provider(qgis_processing):
    """The jitasa provider, registered for this test only (a later test may load the plugin, which adds
    its own). Shared by the Processing, render and demo-loading tests."""
    from qgis.core import QgsApplication

    from jitasa_qgis.processing.provider import JitasaProvider

    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById("jitasa") is None:
        added = JitasaProvider()  # kept referenced: the registry does not own a Python-made provider
        registry.addProvider(added)
    yield registry.providerById("jitasa")
    if added is not None:
        registry.removeProvider(added)
