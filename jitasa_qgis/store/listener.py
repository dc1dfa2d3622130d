"""The one LISTEN connection the plugin owns: change notifications from the store, with reconnect.

A plain thread waits on the connection's socket with select(), so nothing blocks the GUI. Callbacks are
called from that thread: the Qt side (layers/live_refresh.py) turns them into queued signals.
PostgreSQL lets any role NOTIFY any channel, so a payload is only a hint of what to look at again: it is
checked for shape here, and what users see is always read back from the store.
If the server goes away the thread reconnects with exponential backoff and reports offline/online.
"""

from __future__ import annotations

import json
import logging
import select
import threading
import time
from dataclasses import dataclass
from typing import Callable

import psycopg2

from .connection import ConnectionSpec
from .errors import StoreError

LOG = logging.getLogger(__name__)
CHANNEL = "jitasa"


# The tables whose triggers notify (resources/sql, notify_change); a payload naming any other is ignored.
NOTIFYING_TABLES = frozenset(
    {"help_request", "volunteer", "facility", "service_area", "assignment", "assignment_run", "admin_area"}
)
OPS = frozenset({"insert", "update", "delete"})
MAX_IDS = 500  # the trigger lists ids only up to this many rows, else null


@dataclass(frozen=True)
class Change:
    """A hint that a table changed. Anyone who may connect can NOTIFY this channel with any text, so
    consumers use it only to decide what to look at again, never as the data itself."""

    table: str
    op: str
    ids: tuple[int, ...] | None  # None: too many to list, reload the whole table
    count: int


def _int(value) -> int:
    # json gives bool for true/false and float for 1.5; neither is a row id or a count
    if type(value) is not int or value < 0:
        raise ValueError(f"not a non-negative integer: {value!r}")
    return value


def parse_payload(payload: str) -> Change | None:
    """A Change from a notification payload, or None (logged) when it is not what the store sends."""
    try:
        data = json.loads(payload)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        table, op = data["table"], data["op"]
        if table not in NOTIFYING_TABLES or op not in OPS:
            raise ValueError(f"unknown table or operation {table!r}/{op!r}")
        ids = data.get("ids")
        if ids is not None:
            if not isinstance(ids, list) or len(ids) > MAX_IDS:
                raise ValueError("ids is not a short list")
            ids = tuple(_int(i) for i in ids)
        count = _int(data.get("count", len(ids) if ids else 0))
    except (ValueError, TypeError, KeyError) as exc:
        LOG.debug("ignored a malformed notification %.200r: %s", payload, exc)
        return None
    return Change(table, op, ids, count)


class StoreListener:
    """LISTEN on the store's channel in a background thread.

    on_change(Change), on_offline(since_epoch_s), on_online() are called from the listener thread.
    """

    def __init__(
        self,
        spec: ConnectionSpec,
        on_change: Callable[[Change], None],
        on_offline: Callable[[float], None] | None = None,
        on_online: Callable[[], None] | None = None,
        max_backoff_s: float = 30.0,
        poll_s: float = 0.5,
    ):
        self.spec = spec
        self.on_change = on_change
        self.on_offline = on_offline or (lambda since: None)
        self.on_online = on_online or (lambda: None)
        self.max_backoff_s = max_backoff_s
        self.poll_s = poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._conn = None
        self.offline_since: float | None = None
        self.keepalive_s = 10.0
        self._last_heard = time.monotonic()
        self.ignored = 0  # malformed notifications, counted so a flood of them writes one log line a minute
        self._ignored_logged = 0
        self._ignored_logged_at: float | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def online(self) -> bool:
        return self.running and self.offline_since is None

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="jitasa-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._thread = None
        self._close()

    def _close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg2.Error:
                pass
            self._conn = None

    def _connect(self) -> None:
        conn = self.spec.connect(autocommit=True)
        with conn.cursor() as cur:
            cur.execute(f"LISTEN {CHANNEL}")  # fixed identifier, not user input
        self._conn = conn

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                if self._conn is None:
                    self._connect()
                    if self.offline_since is not None:
                        self.offline_since = None
                        self.on_online()
                    backoff = 0.5
                self._wait_and_dispatch()
            except (psycopg2.Error, StoreError, OSError) as exc:
                self._close()
                if self.offline_since is None:
                    self.offline_since = time.time()
                    LOG.warning("store listener offline: %s", str(exc).splitlines()[0] if str(exc) else exc)
                    self.on_offline(self.offline_since)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff_s)

    def _wait_and_dispatch(self) -> None:
        conn = self._conn
        ready, _, _ = select.select([conn], [], [], self.poll_s)
        if not ready:
            # A quiet socket may be a dead server behind a silent network: a cheap round trip now and then.
            if time.monotonic() - self._last_heard > self.keepalive_s:
                with conn.cursor() as cur:
                    cur.execute("SELECT 1")
                self._last_heard = time.monotonic()
            return
        self._last_heard = time.monotonic()
        conn.poll()
        while conn.notifies:
            note = conn.notifies.pop(0)
            change = parse_payload(note.payload)
            if change is None:
                self._count_ignored(note.payload)
            else:
                try:
                    self.on_change(change)
                except Exception:  # noqa: BLE001 - a bad consumer must not kill the listener
                    LOG.exception("store listener consumer failed")

    def _count_ignored(self, payload: str) -> None:
        self.ignored += 1
        now = time.monotonic()
        if self._ignored_logged_at is None or now - self._ignored_logged_at >= 60.0:
            LOG.warning(
                "ignored %d malformed store notification(s), latest %.100r",
                self.ignored - self._ignored_logged,
                payload,
            )
            self._ignored_logged, self._ignored_logged_at = self.ignored, now
