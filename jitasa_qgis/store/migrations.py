"""Create or upgrade the jitasa schema from the numbered SQL files in resources/sql.

Each migration runs in its own transaction together with its row in jitasa.schema_migration, so a failed
migration leaves the database exactly as it was, and re-running applies nothing twice. An advisory lock
keeps two officers who press "create database" at once from racing.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from ..definitions.i18n import translate
from ..definitions.paths import SQL_DIR
from .connection import ConnectionSpec
from .errors import SchemaVersionError, StoreError

LOG = logging.getLogger(__name__)
_MIGRATION_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_LOCK_KEY = 7_142_001  # advisory lock id for migrations


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available_migrations(sql_dir: Path = SQL_DIR) -> list[Migration]:
    found = []
    for path in sorted(sql_dir.glob("*.sql")):
        m = _MIGRATION_FILE.match(path.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(translate(
            "StoreErrors", "Migration files in {0} are not numbered 0001, 0002, ... without gaps").format(sql_dir))
    return found


LATEST_VERSION = len(available_migrations()) if SQL_DIR.is_dir() else 0

_BOOTSTRAP = """
CREATE SCHEMA IF NOT EXISTS jitasa;
CREATE TABLE IF NOT EXISTS jitasa.schema_migration (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);
"""


def schema_version(conn) -> int:
    """The highest applied migration, 0 for a database without the jitasa schema."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('jitasa.schema_migration') IS NOT NULL")
        if not cur.fetchone()[0]:
            return 0
        cur.execute("SELECT coalesce(max(version), 0) FROM jitasa.schema_migration")
        return int(cur.fetchone()[0])


def check_schema_current(conn) -> None:
    """Raise a clear SchemaVersionError unless the store has exactly the schema this plugin expects."""
    version = schema_version(conn)
    if version < LATEST_VERSION:
        raise SchemaVersionError(translate(
            "StoreErrors",
            "The Jitasa store has schema version {0}; this plugin needs version {1}. "
            "Upgrade it with the Processing algorithm 'Create or upgrade Jitasa database' (jitasa:createdatabase)."
        ).format(version, LATEST_VERSION))
    if version > LATEST_VERSION:
        raise SchemaVersionError(translate(
            "StoreErrors",
            "The Jitasa store has schema version {0}, newer than this plugin knows ({1}). "
            "Update the jitasa_qgis plugin."
        ).format(version, LATEST_VERSION))


def _ensure_extensions(conn) -> list[str]:
    """PostGIS is required; pgRouting is used when the server has it. Returns the extensions created."""
    created = []
    with conn.cursor() as cur:
        cur.execute("SELECT current_database(), current_user")
        dbname, user = cur.fetchone()
        cur.execute("SELECT name, installed_version FROM pg_available_extensions "
                    "WHERE name IN ('postgis', 'pgrouting')")
        ext = dict(cur.fetchall())
    if "postgis" not in ext:
        raise StoreError(translate(
            "StoreErrors",
            "PostGIS is not available on the server of database '{0}': install PostGIS 3 there "
            "(Debian: postgresql-15-postgis-3) and try again.").format(dbname))
    for name in ("postgis", "pgrouting"):
        if name not in ext or ext[name] is not None:
            continue
        try:
            with conn, conn.cursor() as cur:
                cur.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")  # name from the fixed tuple above
            created.append(name)
        except psycopg2.Error as exc:
            if name == "postgis":
                detail = exc.pgerror.strip().splitlines()[0] if exc.pgerror else exc
                raise StoreError(translate(
                    "StoreErrors",
                    "PostGIS is not installed in database '{0}' and role '{1}' may not install it "
                    "({2}). Ask an administrator "
                    "to run CREATE EXTENSION postgis in that database.").format(dbname, user, detail)) from None
            LOG.info("pgRouting not installed (%s); drive times will use estimates", exc)
    return created


def migrate(spec_or_conn, target: int | None = None, sql_dir: Path = SQL_DIR) -> list[int]:
    """Apply pending migrations up to `target` (default: all). Returns the versions applied."""
    own = isinstance(spec_or_conn, ConnectionSpec)
    conn = spec_or_conn.connect() if own else spec_or_conn
    try:
        return _migrate(conn, target, available_migrations(sql_dir))
    finally:
        if own:
            conn.close()


def _migrate(conn, target: int | None, migrations: list[Migration]) -> list[int]:
    conn.rollback()
    conn.autocommit = False
    _ensure_extensions(conn)
    target = len(migrations) if target is None else target
    applied = []
    for mig in migrations[:target]:
        try:
            with conn, conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                cur.execute(_BOOTSTRAP)
                cur.execute("SELECT 1 FROM jitasa.schema_migration WHERE version = %s", (mig.version,))
                if cur.fetchone():
                    continue
                cur.execute(mig.sql())
                cur.execute("INSERT INTO jitasa.schema_migration (version, name) VALUES (%s, %s)",
                            (mig.version, mig.name))
        except psycopg2.Error as exc:
            first = (exc.pgerror or str(exc)).strip().splitlines()[0]
            raise StoreError(translate(
                "StoreErrors", "Migration {0} ({1}) failed and was rolled back: {2}").format(
                f"{mig.version:04d}", mig.name, first)) from None
        applied.append(mig.version)
        LOG.info("applied migration %04d_%s", mig.version, mig.name)
    return applied
