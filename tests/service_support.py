"""Shared by tests/test_services_*.py: read rows from a test store on a connection of their own."""

from __future__ import annotations

from jitasa_qgis.store.connection import ConnectionSpec


def rows(spec: ConnectionSpec, sql: str, args: tuple = ()) -> list[tuple]:
    conn = spec.connect()
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall()
    finally:
        conn.close()
