"""Helpers the store's read and write modules share: checked ids, the server's message for a psycopg2 error,
a quiet rollback, and running one statement with its errors mapped to StoreError / StaleWriteError."""

from __future__ import annotations

import json
import re

import psycopg2
import psycopg2.extensions
from psycopg2 import sql

from ..definitions.i18n import translate
from .errors import StaleWriteError, StoreError

SERIALIZATION_FAILURE = "40001"  # SQLSTATE the store's guarded functions raise for a stale write
UNTRANSLATABLE_CHARACTER = "22P05"  # e.g. \u0000 inside JSON
INSUFFICIENT_PRIVILEGE = "42501"  # also a row the policies refuse to write (910_row_security.sql)


def _nul_text() -> str:
    return translate("StoreErrors", "Text with a NUL character (\\u0000) cannot be stored. Nothing was changed.")


def checked_id(value) -> int:
    """`value` as an integer id that fits PostgreSQL's `integer`; StoreError otherwise."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise StoreError(translate("StoreErrors", "Not a valid id: {0!r}").format(value)) from None
    if not -(2**31) <= number < 2**31:
        raise StoreError(translate("StoreErrors", "Not a valid id: {0!r}").format(value))
    return number


def server_message(exc: psycopg2.Error) -> str:
    """The server's own message (without "ERROR:" and context lines), or psycopg2's first line."""
    if exc.pgcode == UNTRANSLATABLE_CHARACTER:
        return _nul_text()
    diag = getattr(exc, "diag", None)
    primary = diag.message_primary if diag is not None else None
    scope_text = _out_of_scope_text(diag) if exc.pgcode == INSUFFICIENT_PRIVILEGE else None
    if scope_text:
        return scope_text
    if exc.pgcode == INSUFFICIENT_PRIVILEGE and primary and "row-level security" in primary:
        found = re.search(r'table "([^"]+)"', primary)
        table = diag.table_name or (found.group(1) if found else "?")
        return translate(
            "StoreErrors", "Some of these rows ({0}) lie outside the areas you work. Nothing was written."
        ).format(table)
    if primary:
        return primary
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _out_of_scope_text(diag) -> str | None:
    """The store's out_of_scope refusal (015_scopes.sql: DETAIL {"reason": "out_of_scope", "detail": ...}) in
    the user's language, or None for any other error."""
    raw = getattr(diag, "message_detail", None) or ""
    if '"out_of_scope"' not in raw:
        return None
    try:
        detail = json.loads(raw).get("detail") or {}
    except ValueError:
        return None
    if "area" in detail:
        return translate("StoreErrors", "You may grant or revoke only areas you work yourself ({0}).").format(
            detail["area"]
        )
    return translate(
        "StoreErrors", "Outside the areas you work: {0} help request(s) and {1} volunteer(s). Nothing was changed."
    ).format(detail.get("n_requests", 0), detail.get("n_volunteers", 0))


def rollback_quietly(conn) -> None:
    """Roll back if the connection is still open; a failing rollback (lost connection) is ignored."""
    if conn.closed:
        return
    try:
        conn.rollback()
    except psycopg2.Error:
        pass


def fetch(conn, query: str | sql.Composable, params) -> list[tuple]:
    """All rows of `query`; on error rolls back and raises StoreError with the server's message."""
    try:
        with conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()
    except ValueError as exc:  # psycopg2 refuses NUL in a string parameter before sending it
        rollback_quietly(conn)
        raise StoreError(_nul_text() if "NUL" in str(exc) else str(exc)) from None
    except psycopg2.Error as exc:
        rollback_quietly(conn)
        raise StoreError(server_message(exc)) from None


def read_only_snapshot(conn, jit: bool = True) -> None:
    """Make the transaction about to start one read-only snapshot (REPEATABLE READ), so every read of a report
    or export sees the same moment; a transaction already open is left as it is. `jit=False` turns the JIT
    compiler off for it (compiling costs more than many short statements gain)."""
    if conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_IDLE:
        fetch(conn, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT 1", ())
    if not jit:
        fetch(conn, "SELECT set_config('jit', 'off', true)", ())


def call(conn, query: str, args, commit: bool) -> list[tuple]:
    """All rows of `query`, then commit if asked; on error rolls back and raises StaleWriteError (SQLSTATE
    40001) or StoreError, with the server's message."""
    try:
        with conn.cursor() as cur:
            cur.execute(query, args)
            rows = cur.fetchall()
        if commit:
            conn.commit()
    except ValueError as exc:  # psycopg2 refuses NUL in a string parameter before sending it
        rollback_quietly(conn)
        raise StoreError(_nul_text() if "NUL" in str(exc) else str(exc)) from None
    except psycopg2.Error as exc:
        rollback_quietly(conn)
        message = server_message(exc)
        if exc.pgcode == SERIALIZATION_FAILURE:
            raise StaleWriteError(message) from None
        raise StoreError(message) from None
    return rows
