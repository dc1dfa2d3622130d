"""Write one page of requests (from the feed or a file) and the feed's sync state, in one transaction.

`write_page` calls jitasa.upsert_feed_requests (060_request_feed.sql), keeps the rejects (those found in
Python and those the store found) with store.rejects.keep_rejects, and, when given, the jitasa.feed_state row
of the source: a page and its watermark commit together or not at all. The feed role may do all of it
without reading a request, a requester's contact or a volunteer.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence

import psycopg2

from ..core.import_records import Reject
from ..core.request_records import RequestRecord
from .calls import rollback_quietly
from .rejects import keep_rejects

OUTCOMES = (
    "new",
    "updated",
    "unchanged",
    "stale",
    "closed",
    "kept_assigned",
    "closed_locally",
    "expired_in_progress",
    "expired_new",
    "rejected",
)
COUNT_KEYS = OUTCOMES + ("rejects_new",)
SYNC_OUTCOMES = ("ok", "not_modified", "failed")


@dataclass(frozen=True)
class FeedStateUpdate:
    """What a sync of `source` leaves in jitasa.feed_state. A watermark of None keeps the stored one (or takes
    the newest updated_at of the page's records); a watermark never moves back."""

    url: str
    cursor: Optional[str] = None
    watermark: Optional[dt.datetime] = None
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    outcome: str = "ok"  # 'ok' | 'not_modified' | 'failed'
    error: Optional[str] = None  # a code (definitions/feed_errors.py) or None
    # The counts of the sync's earlier pages, added to this page's: last_counts is the whole sync's (the dock's).
    counts_before: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class FeedState:
    source: str
    url: str
    cursor: Optional[str]
    watermark: Optional[dt.datetime]
    etag: Optional[str]
    last_modified: Optional[str]
    last_sync_at: Optional[dt.datetime]
    last_outcome: Optional[str]
    last_error: Optional[str]
    last_counts: dict
    updated_at: dt.datetime


@dataclass
class PageResult:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    outcomes: list[tuple[Optional[str], str, Optional[int]]] = field(default_factory=list)  # source id, outcome, id
    rejects: list[Reject] = field(default_factory=list)  # every reject of the page (Python's and the store's)
    newest_updated_at: Optional[dt.datetime] = None  # of the records the store took (not rejected, not stale)


_UPSERT = "SELECT source_id, request_id, outcome, detail FROM jitasa.upsert_feed_requests(%s, %s::jsonb)"

_STATE = """
INSERT INTO jitasa.feed_state AS s (source, url, cursor, watermark, etag, last_modified, last_sync_at,
                                    last_outcome, last_error, last_counts, updated_at)
VALUES (%(source)s, %(url)s, %(cursor)s, %(watermark)s, %(etag)s, %(last_modified)s, now(), %(outcome)s,
        %(error)s, %(counts)s::jsonb, now())
ON CONFLICT (source) DO UPDATE
   SET url = EXCLUDED.url, cursor = EXCLUDED.cursor,
       watermark = greatest(s.watermark, EXCLUDED.watermark),  -- never back; NULL keeps the stored one
       etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, last_sync_at = now(),
       last_outcome = EXCLUDED.last_outcome, last_error = EXCLUDED.last_error, last_counts = EXCLUDED.last_counts,
       updated_at = now()
"""

_FAILURE = """
INSERT INTO jitasa.feed_state AS s (source, url, last_sync_at, last_outcome, last_error)
VALUES (%(source)s, %(url)s, now(), 'failed', %(error)s)
ON CONFLICT (source) DO UPDATE
   SET last_sync_at = now(), last_outcome = 'failed', last_error = EXCLUDED.last_error, updated_at = now()
"""

_READ_STATE = """SELECT source, url, cursor, watermark, etag, last_modified, last_sync_at, last_outcome, last_error,
                        last_counts, updated_at FROM jitasa.feed_state"""


def write_page(
    conn,
    source: str,
    records: Sequence[RequestRecord],
    rejects: Sequence[Reject],
    state: Optional[FeedStateUpdate] = None,
) -> PageResult:
    """Upsert `records`, keep `rejects` and the store's own, record `state`: one transaction, committed here.

    On any error everything is rolled back and the error raised (psycopg2.Error); the connection is left in
    the autocommit state it had."""
    if state is not None and state.outcome not in SYNC_OUTCOMES:
        raise ValueError(f"a sync outcome is one of {SYNC_OUTCOMES}, not {state.outcome!r}")
    autocommit = conn.autocommit
    if autocommit:
        conn.autocommit = False
    try:
        result = _write(conn, source, list(records), list(rejects), state)
        conn.commit()
        return result
    except BaseException:
        rollback_quietly(conn)
        raise
    finally:
        if autocommit and not conn.closed:
            try:
                conn.autocommit = True
            except psycopg2.Error:  # a broken connection: its owner reconnects
                pass


def _write(conn, source, records, rejects, state) -> PageResult:
    result = PageResult()
    all_rejects = list(rejects)
    with conn.cursor() as cur:
        if records:
            payload = json.dumps([r.as_store_json() for r in records], ensure_ascii=False)
            cur.execute(_UPSERT, (source, payload))
            by_id = {r.source_id: r for r in records}
            for source_id, request_id, outcome, detail in cur.fetchall():
                result.outcomes.append((source_id, outcome, request_id))
                if outcome == "rejected":
                    all_rejects.append(_store_reject(source_id, detail or {}, records, by_id))
                    continue
                result.counts[outcome] = result.counts.get(outcome, 0) + 1
                record = by_id.get(source_id)
                if outcome != "stale" and record is not None and record.updated_at is not None:
                    if result.newest_updated_at is None or record.updated_at > result.newest_updated_at:
                        result.newest_updated_at = record.updated_at
        result.rejects = all_rejects
        result.counts["rejected"] = len(all_rejects)
        result.counts["rejects_new"] = keep_rejects(cur, "help_request", source, all_rejects)
        if state is not None:
            cur.execute(
                _STATE,
                {
                    "source": source,
                    "url": state.url,
                    "cursor": state.cursor,
                    "watermark": state.watermark or result.newest_updated_at,
                    "etag": state.etag,
                    "last_modified": state.last_modified,
                    "outcome": state.outcome,
                    "error": state.error,
                    "counts": json.dumps({k: int(state.counts_before.get(k, 0)) + v for k, v in result.counts.items()}),
                },
            )
    return result


def _store_reject(source_id: Optional[str], detail: dict, records, by_id) -> Reject:
    """A record the store refused, as a Reject with the record as it came."""
    detail = dict(detail)
    reason = str(detail.pop("reason", "schema_violation"))
    index = detail.pop("index", None)
    record: Optional[RequestRecord] = None
    if isinstance(index, int) and 0 <= index < len(records):
        record = records[index]
    elif source_id is not None:
        record = by_id.get(source_id)
    raw: dict[str, Any] = dict(record.raw) if record is not None and record.raw else {}
    if not raw and record is not None:
        raw = record.as_store_json()
    return Reject(source_id, reason, detail, raw)


def record_sync_failure(conn, source: str, url: str, error: str) -> None:
    """A sync that failed before any page was written: only its time, outcome and error code are kept
    (the cursor, watermark and validators stay as they were). Commits."""
    autocommit = conn.autocommit
    if autocommit:
        conn.autocommit = False
    try:
        with conn.cursor() as cur:
            cur.execute(_FAILURE, {"source": source, "url": url, "error": error})
        conn.commit()
    except BaseException:
        rollback_quietly(conn)
        raise
    finally:
        if autocommit and not conn.closed:
            conn.autocommit = True


def _state(row) -> FeedState:
    return FeedState(*row[:9], row[9] or {}, row[10])


def feed_state(conn, source: str) -> Optional[FeedState]:
    with conn.cursor() as cur:
        cur.execute(_READ_STATE + " WHERE source = %s", (source,))
        row = cur.fetchone()
    return _state(row) if row else None


def feed_states(conn) -> list[FeedState]:
    with conn.cursor() as cur:
        cur.execute(_READ_STATE + " ORDER BY source")
        return [_state(row) for row in cur.fetchall()]
