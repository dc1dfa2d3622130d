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
