"""Shared by the live-refresh and live-alert tests: role logins, spoofed notifications, reload counting."""

from __future__ import annotations

import json
import time
import uuid

from qgis.PyQt.QtCore import QCoreApplication

from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.qgis_connections import StoreLocation


def location_for(spec: ConnectionSpec) -> StoreLocation:
    p = spec.params
    return StoreLocation(
        name="test", spec=spec, layer_uri=f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'"
    )


def wait_for(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def pump(seconds: float) -> None:
    """Run the event loop for a while, so late timers and queued signals get their chance."""
    wait_for(lambda: False, timeout=seconds)


class RoleLogins:
    """LOGIN roles in the store's group roles (trust auth), dropped by close()."""

    def __init__(self, pg_cluster, store: ConnectionSpec):
        self.pg_cluster, self.store, self.names = pg_cluster, store, []

    def spec(self, group: str) -> ConnectionSpec:
        name = f"live_{group.replace('jitasa_', '')}_{uuid.uuid4().hex[:8]}"
        admin = self.store.connect(autocommit=True)
        with admin.cursor() as cur:
            cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE {group}')
            # national: the login works every area (jitasa.area_scope, issue 14)
            cur.execute("INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, NULL)", (name,))
        admin.close()
        self.names.append(name)
        return ConnectionSpec(
            params=self.pg_cluster.params(self.store.params["dbname"], user=name), label=f"{group} login"
        )

    def close(self) -> None:
        admin = self.store.connect(autocommit=True)
        with admin.cursor() as cur:
            for name in self.names:
                cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,))
                cur.execute(f'DROP OWNED BY "{name}"')
                cur.execute(f'DROP ROLE "{name}"')
        admin.close()


def notify(spec: ConnectionSpec, payloads: list) -> None:
    """Send payloads (dicts as JSON, strings as they are) on the store's channel in one transaction, as
    any login can: PostgreSQL has no privilege for NOTIFY."""
    conn = spec.connect()
    try:
        with conn, conn.cursor() as cur:
            for p in payloads:
                cur.execute("SELECT pg_notify('jitasa', %s)", (p if isinstance(p, str) else json.dumps(p),))
    finally:
        conn.close()


def insert_request(spec: ConnectionSpec, urgency: str = "normal", conn=None) -> int:
    own = conn is None
    conn = conn or spec.connect()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, geom) "
                "VALUES ('oxygen', %s, ST_SetSRID(ST_MakePoint(101.16, 16.42), 4326)) RETURNING id",
                (urgency,),
            )
            return cur.fetchone()[0]
    finally:
        if own:
            conn.close()


class ReloadLog:
    """When each layer reloaded (its dataChanged), by layer key."""

    def __init__(self, layers: dict):
        self.times: dict[str, list[float]] = {key: [] for key in layers}
        for key, layer in layers.items():
            layer.dataChanged.connect(lambda key=key: self.times[key].append(time.monotonic()))

    def count(self, key: str) -> int:
        return len(self.times[key])

    def min_gap(self, key: str) -> float:
        t = self.times[key]
        return min((b - a for a, b in zip(t, t[1:])), default=float("inf"))
