"""services.database: create or upgrade the schema; progress, cancel before anything is written, clear errors."""

from __future__ import annotations

import pytest

from jitasa_qgis.services.database import DatabaseParams, check_store_current, create_or_upgrade_database
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.migrations import LATEST_VERSION, available_migrations


def _has_schema(spec: ConnectionSpec) -> bool:
    conn = spec.connect()
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT to_regclass('jitasa.schema_migration') IS NOT NULL")
            return cur.fetchone()[0]
    finally:
        conn.close()


def test_create_then_again_changes_nothing(gis_db):
    seen = []
    result = create_or_upgrade_database(gis_db, progress=CallbackProgress(lambda f, m: seen.append(f)))
    assert result.schema_version == LATEST_VERSION
    assert result.applied == tuple(m.version for m in available_migrations())
    assert not result.already_current
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    check_store_current(gis_db)  # does not raise
    again = create_or_upgrade_database(gis_db)
    assert again.applied == () and again.already_current and again.schema_version == LATEST_VERSION


def test_a_target_stops_there(gis_db):
    result = create_or_upgrade_database(gis_db, DatabaseParams(target=2))
    assert result.applied == (1, 2) and result.schema_version == 2
    with pytest.raises(StoreError, match="createdatabase"):
        check_store_current(gis_db)


def test_cancelled_before_start_writes_nothing(gis_db):
    with pytest.raises(Cancelled):
        create_or_upgrade_database(gis_db, progress=CallbackProgress(cancelled=lambda: True))
    assert not _has_schema(gis_db)


def test_an_unreachable_store_is_a_clear_store_error(gis_db):
    params = dict(gis_db.params, port=1, host="127.0.0.1")
    with pytest.raises(StoreError, match="Cannot connect to the Jitasa store"):
        create_or_upgrade_database(ConnectionSpec(params=params, label="nowhere"))


def test_a_store_without_schema_is_not_current(gis_db):
    with pytest.raises(StoreError, match="createdatabase"):
        check_store_current(gis_db)
