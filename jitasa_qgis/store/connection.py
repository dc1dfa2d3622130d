"""Opening psycopg2 connections to the store.

A `ConnectionSpec` is what psycopg2 needs, resolved in memory from a pg_service name or a saved QGIS
connection (see `qgis_connections.py`). Its repr never shows the password, so it is safe to log.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import psycopg2
import psycopg2.extensions

from ..definitions.i18n import translate
from .errors import StoreError

CONNECT_TIMEOUT_S = 5
APPLICATION_NAME = "jitasa_qgis"


@dataclass(frozen=True)
class ConnectionSpec:
    """Where the store is. `params` go to psycopg2.connect; `password` is kept apart and never shown."""

    params: dict = field(default_factory=dict)
    password: str | None = field(default=None, repr=False, compare=False)
    label: str = ""

    @classmethod
    def from_service(cls, service: str) -> ConnectionSpec:
        return cls(params={"service": service}, label=f"service={service}")

    def describe(self) -> str:
        """A human-readable, secret-free description for messages."""
        if self.label:
            return self.label
        p = self.params
        return f"{p.get('user', '')}@{p.get('host', 'localhost')}:{p.get('port', 5432)}/{p.get('dbname', '')}"

    def connect(self, autocommit: bool = False) -> psycopg2.extensions.connection:
        kwargs = {k: v for k, v in self.params.items() if v not in (None, "")}
        if self.password:
            kwargs["password"] = self.password
        kwargs.setdefault("connect_timeout", CONNECT_TIMEOUT_S)
        kwargs.setdefault("application_name", APPLICATION_NAME)
        try:
            conn = psycopg2.connect(**kwargs)
        except psycopg2.OperationalError as exc:
            raise StoreError(_connect_message(self, exc)) from None
        conn.autocommit = autocommit
        return conn


def _connect_message(spec: ConnectionSpec, exc: Exception) -> str:
    # psycopg2's text may echo the DSN, never the password (we pass it as a keyword); keep its first line.
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if spec.password:
        detail = detail.replace(spec.password, "***")
    return translate("StoreErrors", "Cannot connect to the Jitasa store ({0}): {1}").format(spec.describe(), detail)


@contextmanager
def transaction(spec: ConnectionSpec) -> Iterator[psycopg2.extensions.connection]:
    """A connection in one transaction: committed on success, rolled back on any error, then closed."""
    conn = spec.connect()
    try:
        with conn:
            yield conn
    finally:
        conn.close()
