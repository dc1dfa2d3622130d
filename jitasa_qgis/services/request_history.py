"""A request's full history (issue 14): who recorded it, who proposed and assigned volunteers, who changed its
status, when, in which run and transaction, from the store's audit log (store/history.py). Read-only; one
short read transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from ..definitions.i18n import translate
from ..store.calls import checked_id
from ..store.errors import StoreError
from ..store.history import HistoryEntry, request_history
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection


@dataclass(frozen=True)
class RequestHistoryParams:
    request_id: int


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor: str
    acting_role: str
    table: str  # help_request or assignment
    row_id: int
    operation: str
    run_id: Optional[int]
    xact_id: Optional[int]
    volunteer_id: Optional[int]  # the assignment's volunteer (None for the request's own rows)
    old_values: dict
    new_values: dict


@dataclass(frozen=True)
class RequestHistoryResult:
    request_id: int
    lines: tuple[HistoryLine, ...]  # oldest first; empty: no such request (or none the caller may see)


def _lines(entries: list[HistoryEntry]) -> tuple[HistoryLine, ...]:
    volunteers: dict[int, int] = {}
    for e in entries:  # an assignment's volunteer is in its insert row (its updates hold only what changed)
        if e.table == "assignment" and e.operation == "insert" and e.new_values.get("volunteer_id") is not None:
            volunteers[e.row_id] = int(e.new_values["volunteer_id"])
    return tuple(
        HistoryLine(
            at=e.at,
            actor=e.actor,
            acting_role=e.acting_role,
            table=e.table,
            row_id=e.row_id,
            operation=e.operation,
            run_id=e.run_id,
            xact_id=e.xact_id,
            volunteer_id=volunteers.get(e.row_id) if e.table == "assignment" else None,
            old_values=e.old_values,
            new_values=e.new_values,
        )
        for e in entries
    )


def read_request_history(
    store: Store, params: RequestHistoryParams, progress: Optional[Progress] = None
) -> RequestHistoryResult:
    """The request's history, oldest first. ValueError for an id that is not one; StoreError when the role
    may not read the audit log."""
    progress = progress_of(progress)
    try:
        rid = checked_id(params.request_id)
    except StoreError as exc:
        raise ValueError(str(exc)) from None
    check_cancelled(progress)
    progress.report(0.1, translate("RequestHistory", "Reading the history of request {0}…").format(rid))
    with connection(store, progress) as conn:
        entries = request_history(conn, rid)
    progress.report(1.0, translate("RequestHistory", "{0} changes read.").format(len(entries)))
    return RequestHistoryResult(request_id=rid, lines=_lines(entries))
