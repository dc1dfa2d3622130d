"""The GUI's one store session: the autocommit connection the operations dock and the Assign panel share,
its reconnection, and whether the store is offline (and since when).

- `query(work)` runs work(conn) and, when the server dropped the connection, reconnects once and runs it
  again without a word; `write(work)` runs it once (a write is never repeated behind the officer's back).
- A failed connect starts a backoff: until it expires (1 s, doubling up to 30 s) the next calls fail at once
  with the same reason instead of waiting on the network again; choosing another store clears it.
- `offline_since` is when the store was first found unreachable, None while it answers.

Everything here runs on the main thread. Background tasks (service_task.py) never use this connection:
they get `location()` and open their own, so a long write never holds the panel's reads.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Any, Callable, Optional, TypeVar

from ..store.errors import SchemaVersionError, StoreError
from ..store.operations import open_dock_connection
from ..store.qgis_connections import StoreLocation

LOG = logging.getLogger(__name__)
T = TypeVar("T")

BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 30.0


class NotConnected(StoreError):
    """No store chosen yet: not "offline", just not connected."""


class StoreOffline(StoreError):
    """The store cannot be reached; `since` is when that was first seen. Its text is the reason."""

    def __init__(self, reason: str, since: datetime):
        super().__init__(reason)
        self.since = since


def location_key(location: StoreLocation) -> tuple:
    """What tells two stores apart (the name and the connection parameters; never the password)."""
    return location.name, tuple(sorted((k, str(v)) for k, v in location.spec.params.items()))


class StoreSession:
    """`location_provider()` returns where the store is, or raises StoreError when none was chosen.
    `connect(spec)` opens a connection (the dock's: autocommit, current schema, statement timeout)."""

    def __init__(
        self,
        location_provider: Callable[[], StoreLocation],
        connect: Callable[[Any], Any] = open_dock_connection,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._location_provider = location_provider
        self._connect = connect
        self._clock = clock
        self._conn = None
        self._key: Optional[tuple] = None  # the store the connection is to
        self._last_key: Optional[tuple] = None  # the store last connected to (kept after close)
        self.generation = 0  # changes whenever the session moves to another store (area lists re-read)
        self.offline_since: Optional[datetime] = None
        self._offline_reason = ""
        self._retry_at = 0.0  # monotonic time before which a connect is not tried again
        self._backoff_s = 0.0
        self._backoff_key: Optional[tuple] = None

    # --- state ------------------------------------------------------------------------------------------

    @property
    def conn(self):
        """The open connection, or None (for tests and diagnostics; use query/write to work with it)."""
        return self._conn

    @property
    def online(self) -> bool:
        return self.offline_since is None

    def location(self) -> StoreLocation:
        """Where the store is; NotConnected when none was chosen."""
        try:
            return self._location_provider()
        except StoreError as exc:
            raise NotConnected(str(exc)) from None

    # --- the connection ---------------------------------------------------------------------------------

    def connection(self):
        """The open connection, opened when needed; NotConnected, StoreOffline or StoreError (e.g. an old
        schema) when there is none to be had."""
        if self._conn is not None and not self._conn.closed:
            return self._conn
        self._conn = None
        location = self.location()
        key = location_key(location)
        if key != self._backoff_key:
            self._retry_at, self._backoff_s, self._backoff_key = 0.0, 0.0, key
        if self._clock() < self._retry_at:
            raise StoreOffline(self._offline_reason, self.offline_since or datetime.now())
        try:
            conn = self._connect(location.spec)
        except StoreError as exc:
            if _is_unreachable(exc):
                self._went_offline(exc)
                raise StoreOffline(str(exc), self.offline_since) from None
            raise
        self._conn, self._key = conn, key
        if key != self._last_key:
            self._last_key = key
            self.generation += 1
        self._retry_at, self._backoff_s = 0.0, 0.0
        return conn

    def follow_location(self) -> bool:
        """Drop the connection when the chosen store is no longer the connected one; True when it was."""
        if self._conn is None:
            return False
        try:
            key = location_key(self.location())
        except StoreError:
            key = None
        if key == self._key:
            return False
        self.close()
        self.generation += 1
        return True

    def close(self) -> None:
        """Close the connection; the next call opens a new one."""
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None
        self._key = None

    # --- work -------------------------------------------------------------------------------------------

    def query(self, work: Callable[[Any], T]) -> T:
        """work(conn), reconnecting once if the server dropped the connection. Raises NotConnected,
        StoreOffline (the connection could not be had, or was lost twice) or the work's StoreError."""
        for attempt in (1, 2):
            conn = self.connection()
            try:
                result = work(conn)
            except StoreError as exc:
                if not conn.closed:
                    raise
                self.close()
                if attempt == 1:
                    LOG.info("store connection lost (%s); reconnecting", exc)
                    continue
                self._went_offline(exc)
                raise StoreOffline(str(exc), self.offline_since) from None
            self._came_online()
            return result
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def write(self, work: Callable[[Any], T]) -> T:
        """work(conn) once; its StoreError is raised to the caller, the connection dropped first when lost."""
        conn = self.connection()
        try:
            result = work(conn)
        except StoreError:
            if conn.closed:
                self.close()
            raise
        self._came_online()
        return result

    # --- offline ----------------------------------------------------------------------------------------

    def _went_offline(self, exc: StoreError) -> None:
        if self.offline_since is None:
            self.offline_since = datetime.now()
        self._offline_reason = str(exc)
        self._backoff_s = min(max(self._backoff_s * 2, BACKOFF_FIRST_S), BACKOFF_MAX_S)
        self._retry_at = self._clock() + self._backoff_s
        LOG.info("store offline (%s); next connect in %.0f s", exc, self._backoff_s)

    def _came_online(self) -> None:
        self.offline_since = None
        self._offline_reason = ""
        self._retry_at, self._backoff_s = 0.0, 0.0


def _is_unreachable(exc: StoreError) -> bool:
    """A connect that failed on the network (not a store that answered "old schema")."""
    return not isinstance(exc, SchemaVersionError)
