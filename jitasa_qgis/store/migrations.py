"""Create or upgrade the jitasa schema from the SQL files in resources/sql.

Two kinds of file, as in Flyway:
- numbered migrations (resources/sql/NNNN_name.sql: tables, types, data changes), each applied once, in its
  own transaction together with its row in jitasa.schema_migration, so a failed migration leaves the
  database exactly as it was and re-running applies nothing twice;
- repeatable definitions (resources/sql/definitions/NNN_name.sql: functions, triggers, views, grants), each
  with one current text. When any of them changed (checksums in jitasa.schema_definition) or a migration
  was applied, all of them are applied again in file-name order, in the transaction of the last migration
  (or their own), 900_privileges.sql last.
An advisory lock keeps two officers who press "create database" at once from racing.
"""

from __future__ import annotations

import hashlib
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
_DEFINITION_FILE = re.compile(r"^\d{3}_[a-z0-9_]+\.sql$")
_LOCK_KEY = 7_142_001  # advisory lock id for migrations


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available_migrations(sql_dir: Path = SQL_DIR) -> list[Migration]:
    """The numbered migrations by version. Numbers may have gaps (a migration written in parallel lands
    later with a lower number: it is applied when it arrives, as Flyway's outOfOrder); two files with one
    number are refused."""
    found = []
    for path in sorted(sql_dir.glob("*.sql")):
        m = _MIGRATION_FILE.match(path.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), path))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions) or 0 in versions:
        raise StoreError(
            translate("StoreErrors", "Migration files in {0} share a number: each needs its own.").format(sql_dir)
        )
    return found


LATEST_VERSION = max((m.version for m in available_migrations()), default=0) if SQL_DIR.is_dir() else 0


@dataclass(frozen=True)
class Definition:
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def checksum(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def available_definitions(sql_dir: Path = SQL_DIR) -> list[Definition]:
    """The repeatable definitions in the order they are applied (file name)."""
    folder = sql_dir / "definitions"
    if not folder.is_dir():
        return []
    return [Definition(p.name, p) for p in sorted(folder.glob("*.sql")) if _DEFINITION_FILE.match(p.name)]


def _stored_checksums(cur) -> dict[str, str] | None:
    cur.execute("SELECT to_regclass('jitasa.schema_definition') IS NOT NULL")
    if not cur.fetchone()[0]:
        return None
    cur.execute("SELECT name, checksum FROM jitasa.schema_definition")
    return dict(cur.fetchall())


def _definitions_current(cur, definitions: list[Definition]) -> bool:
    return _stored_checksums(cur) == {d.name: d.checksum() for d in definitions}


def _apply_definitions(cur, definitions: list[Definition]) -> None:
    for d in definitions:
        try:
            cur.execute(d.sql())
        except psycopg2.Error as exc:
            first = (exc.pgerror or str(exc)).strip().splitlines()[0]
            raise _DefinitionFailed(d.name, first) from None
    cur.execute("DELETE FROM jitasa.schema_definition")
    cur.executemany(
        "INSERT INTO jitasa.schema_definition (name, checksum) VALUES (%s, %s)",
        [(d.name, d.checksum()) for d in definitions],
    )


class _DefinitionFailed(Exception):
    def __init__(self, name: str, first_line: str):
        super().__init__(name, first_line)
        self.name = name
        self.first_line = first_line


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


def applied_versions(conn) -> set[int]:
    """The versions of the migrations applied to the store (empty without the jitasa schema)."""
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass('jitasa.schema_migration') IS NOT NULL")
        if not cur.fetchone()[0]:
            return set()
        cur.execute("SELECT version FROM jitasa.schema_migration")
        return {int(r[0]) for r in cur.fetchall()}


def definitions_current(conn, sql_dir: Path = SQL_DIR) -> bool:
    """Whether the store's functions, triggers, views and grants are those of this plugin's files."""
    with conn.cursor() as cur:
        return _definitions_current(cur, available_definitions(sql_dir))


def check_schema_current(conn) -> None:
    """Raise a clear SchemaVersionError unless the store has exactly the schema this plugin expects."""
    version = schema_version(conn)
    if version < LATEST_VERSION:
        raise SchemaVersionError(
            translate(
                "StoreErrors",
                "The Jitasa store has schema version {0}; this plugin needs version {1}. "
                "Upgrade it with the Processing algorithm 'Create or upgrade Jitasa database' (jitasa:createdatabase).",
            ).format(version, LATEST_VERSION)
        )
    if version > LATEST_VERSION:
        raise SchemaVersionError(
            translate(
                "StoreErrors",
                "The Jitasa store has schema version {0}, newer than this plugin knows ({1}). "
                "Update the jitasa_qgis plugin.",
            ).format(version, LATEST_VERSION)
        )
    missing = sorted({m.version for m in available_migrations()} - applied_versions(conn))
    if missing:
        raise SchemaVersionError(
            translate(
                "StoreErrors",
                "The Jitasa store lacks migration {0} of this plugin. "
                "Upgrade it with the Processing algorithm 'Create or upgrade Jitasa database' (jitasa:createdatabase).",
            ).format(", ".join(f"{v:04d}" for v in missing))
        )
    if not definitions_current(conn):
        raise SchemaVersionError(
            translate(
                "StoreErrors",
                "The Jitasa store's functions and permissions are not those of this plugin version. "
                "Upgrade it with the Processing algorithm 'Create or upgrade Jitasa database' (jitasa:createdatabase).",
            )
        )


def _ensure_extensions(conn) -> list[str]:
    """PostGIS is required; pgRouting is used when the server has it. Returns the extensions created."""
    created = []
    with conn.cursor() as cur:
        cur.execute("SELECT current_database(), current_user")
        dbname, user = cur.fetchone()
        cur.execute(
            "SELECT name, installed_version FROM pg_available_extensions WHERE name IN ('postgis', 'pgrouting')"
        )
        ext = dict(cur.fetchall())
    if "postgis" not in ext:
        raise StoreError(
            translate(
                "StoreErrors",
                "PostGIS is not available on the server of database '{0}': install PostGIS 3 there "
                "(Debian: postgresql-15-postgis-3) and try again.",
            ).format(dbname)
        )
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
                raise StoreError(
                    translate(
                        "StoreErrors",
                        "PostGIS is not installed in database '{0}' and role '{1}' may not install it "
                        "({2}). Ask an administrator "
                        "to run CREATE EXTENSION postgis in that database.",
                    ).format(dbname, user, detail)
                ) from None
            LOG.info("pgRouting not installed (%s); drive times will use estimates", exc)
    return created


def migrate(spec_or_conn, target: int | None = None, sql_dir: Path = SQL_DIR) -> list[int]:
    """Apply pending migrations up to `target` (default: all), then the definitions when they changed.

    Returns the migration versions applied. Definitions are applied only when migrating to the latest
    version: they describe the latest schema.
    """
    own = isinstance(spec_or_conn, ConnectionSpec)
    conn = spec_or_conn.connect() if own else spec_or_conn
    try:
        migrations = available_migrations(sql_dir)
        latest = max((m.version for m in migrations), default=0)
        definitions = available_definitions(sql_dir) if target is None or target >= latest else []
        return _migrate(conn, target, migrations, definitions)
    finally:
        if own:
            conn.close()


def _migrate(conn, target: int | None, migrations: list[Migration], definitions: list[Definition]) -> list[int]:
    conn.rollback()
    conn.autocommit = False
    _ensure_extensions(conn)
    applied_before = applied_versions(conn)
    pending = [m for m in migrations if (target is None or m.version <= target) and m.version not in applied_before]
    applied: list[int] = []
    steps: list[Migration | None] = list(pending) or ([None] if definitions else [])
    for i, mig in enumerate(steps):
        last = i == len(steps) - 1
        try:
            with conn, conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                cur.execute(_BOOTSTRAP)
                done = False
                if mig is not None:
                    cur.execute("SELECT 1 FROM jitasa.schema_migration WHERE version = %s", (mig.version,))
                    done = cur.fetchone() is not None  # another session applied it meanwhile
                    if not done:
                        cur.execute(mig.sql())
                        cur.execute(
                            "INSERT INTO jitasa.schema_migration (version, name) VALUES (%s, %s)",
                            (mig.version, mig.name),
                        )
                changed = bool(applied) or (mig is not None and not done)
                if last and definitions and (changed or not _definitions_current(cur, definitions)):
                    _apply_definitions(cur, definitions)
        except _DefinitionFailed as exc:
            raise StoreError(
                translate("StoreErrors", "Definition {0} failed and was rolled back: {1}").format(
                    exc.name, exc.first_line
                )
            ) from None
        except psycopg2.Error as exc:
            first = (exc.pgerror or str(exc)).strip().splitlines()[0]
            if mig is None:
                raise StoreError(
                    translate(
                        "StoreErrors", "Upgrading the store's definitions failed and was rolled back: {0}"
                    ).format(first)
                ) from None
            raise StoreError(
                translate("StoreErrors", "Migration {0} ({1}) failed and was rolled back: {2}").format(
                    f"{mig.version:04d}", mig.name, first
                )
            ) from None
        if mig is not None and not done:
            applied.append(mig.version)
            LOG.info("applied migration %04d_%s", mig.version, mig.name)
    return applied
