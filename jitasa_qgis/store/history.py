"""What the audit log says about the past: a request's history (its own changes and its assignments':
who assigned, who changed the status, when) and a row's state at a past time, rebuilt from its audit rows
(`resources/sql/definitions/070_audit.sql`). Both run as the caller: roles that may not read the audit log
(analysts, the feed) get a StoreError saying so."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

import psycopg2

from ..definitions.i18n import translate
from .calls import checked_id, rollback_quietly, server_message
from .errors import StoreError

INSUFFICIENT_PRIVILEGE = "42501"
# the tables whose rows the audit keeps (020_triggers.sql)
AUDITED_TABLES = ("help_request", "volunteer", "facility", "service_area", "assignment", "assignment_run")


@dataclass(frozen=True)
class HistoryEntry:
    """One audit row of a request or of one of its assignments, with only the columns it changed (an
    insert: the whole new row; a delete: the whole old row)."""

    audit_id: int
    at: datetime
    actor: str  # the login
    acting_role: str  # the role in effect, e.g. jitasa_officer
    table: str  # help_request or assignment
    row_id: int
    operation: str  # insert, update, delete
    run_id: Optional[int]
    xact_id: Optional[int]  # None for rows written before 0020
    old_values: dict = field(default_factory=dict)
    new_values: dict = field(default_factory=dict)


def _read(conn, query: str, params) -> list[tuple]:
    try:
        with conn.cursor() as cur:
            cur.execute(query, params)
            rows = cur.fetchall()
        conn.commit()
        return rows
    except psycopg2.Error as exc:
        rollback_quietly(conn)
        if exc.pgcode == INSUFFICIENT_PRIVILEGE:
            raise StoreError(
                translate("StoreErrors", "Your role may not read the audit log, so the history cannot be shown.")
            ) from None
        raise StoreError(server_message(exc)) from None


def request_history(conn, request_id) -> list[HistoryEntry]:
    """Every audit row of the request and of its assignments, oldest first (empty for an unknown id)."""
    rid = checked_id(request_id)
    rows = _read(conn, "SELECT * FROM jitasa.request_history(%s)", (rid,))
    return [
        HistoryEntry(
            audit_id=r[0],
            at=r[1],
            actor=r[2],
            acting_role=r[3],
            table=r[4],
            row_id=r[5],
            operation=r[6],
            run_id=r[7],
            xact_id=r[8],
            old_values=r[9] or {},
            new_values=r[10] or {},
        )
        for r in rows
    ]


def row_at(conn, table: str, row_id, at: Optional[datetime] = None) -> Optional[dict]:
    """The row as it was at `at` (now when None), geometry as hex EWKB; None when it did not exist then."""
    if table not in AUDITED_TABLES:
        raise StoreError(translate("StoreErrors", "{0} is not a table the audit keeps.").format(table))
    rid = checked_id(row_id)
    if at is None:
        rows = _read(conn, "SELECT jitasa.audit_row_at(%s, %s)", (table, rid))
    else:
        rows = _read(conn, "SELECT jitasa.audit_row_at(%s, %s, %s)", (table, rid, at))
    return rows[0][0]


def live_row(conn, table: str, row_id) -> Optional[dict]:
    """The row as it is now, in the audit's form (geometry as hex EWKB); None when there is none."""
    if table not in AUDITED_TABLES:
        raise StoreError(translate("StoreErrors", "{0} is not a table the audit keeps.").format(table))
    return _read(conn, "SELECT jitasa.audit_live_row(%s, %s)", (table, checked_id(row_id)))[0][0]
