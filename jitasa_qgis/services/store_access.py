"""Where a service finds the store: a `StoreLocation` (saved connection or pg_service), a `ConnectionSpec`,
a connection factory (a callable returning a new connection, which the service then owns and closes), or a
`Borrowed` connection the caller keeps (the GUI's store session).

`connection(store, progress)` gives a connection outside autocommit for the service's own transactions.
A connection it opened is closed afterwards; a borrowed one is left as found (any open transaction rolled
back, autocommit restored), never closed. A connection the service owns is handed to the progress's
`on_cancel`, so a cancel stops a long statement at once (the statement fails, its transaction rolls back).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator, Union

import psycopg2
import psycopg2.extensions

from ..store.calls import rollback_quietly, server_message
from ..store.connection import ConnectionSpec
from ..store.errors import StoreError
from ..store.qgis_connections import StoreLocation
from .progress import NO_PROGRESS, Cancelled, Progress, on_cancel

Connection = psycopg2.extensions.connection
ConnectionFactory = Callable[[], Connection]


@dataclass(frozen=True)
class Borrowed:
    """An open connection lent by the caller: used, left in the autocommit state it had, never closed."""

    conn: Connection


Store = Union[StoreLocation, ConnectionSpec, ConnectionFactory, Borrowed]


def spec_of(store: Store) -> ConnectionSpec:
    """The ConnectionSpec of a location or spec (for store functions that open their own connections)."""
    if isinstance(store, StoreLocation):
        return store.spec
    if isinstance(store, ConnectionSpec):
        return store
    raise TypeError(f"this workflow needs a StoreLocation or a ConnectionSpec, not {type(store).__name__}")


@contextmanager
def connection(store: Store, progress: Progress = NO_PROGRESS) -> Iterator[Connection]:
    """A connection for the service's transactions (autocommit off); see the module docstring."""
    if isinstance(store, Borrowed):
        conn = store.conn
        autocommit = conn.autocommit
        if autocommit:
            conn.autocommit = False
        try:
            yield conn
        finally:
            rollback_quietly(conn)  # a no-op after a commit; ends anything left open
            if not conn.closed:
                try:
                    conn.autocommit = autocommit
                except psycopg2.Error:  # a broken connection: its owner reconnects on the next use
                    pass
        return
    if isinstance(store, (StoreLocation, ConnectionSpec)):
        conn = spec_of(store).connect()
    elif callable(store):
        conn = store()
    else:
        raise TypeError(f"not a store: {type(store).__name__}")
    try:
        conn.autocommit = False
        on_cancel(progress, _cancel_quietly(conn))
        yield conn
    finally:
        conn.close()


def _cancel_quietly(conn: Connection) -> Callable[[], None]:
    def cancel() -> None:
        if not conn.closed:
            conn.cancel()

    return cancel


@contextmanager
def written_whole(conn: Connection, progress: Progress, failed: Callable[[str], str]) -> Iterator[None]:
    """A service's write: any error rolls the transaction back, so nothing of it is left. A statement that
    the user's cancel stopped is `Cancelled`; another database error a StoreError of `failed(the server's
    message)`, e.g. "Importing facilities failed and nothing was written: …"."""
    try:
        yield
    except psycopg2.Error as exc:
        rollback_quietly(conn)
        if progress.is_cancelled():  # the cancel stopped the running statement
            raise Cancelled() from None
        raise StoreError(failed(server_message(exc))) from None
    except BaseException:
        rollback_quietly(conn)
        raise
