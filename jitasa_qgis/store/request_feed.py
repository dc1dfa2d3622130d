"""Write one page of requests (from the feed or a file) and the feed's sync state, in one transaction.

`write_page` calls jitasa.upsert_feed_requests (060_request_feed.sql), keeps the rejects (those found in
Python and those the store found) with store.rejects.keep_rejects, and, when given, the jitasa.feed_state row
of the source: a page, its watermark and its digest commit together or not at all. The feed role may do all
of it without reading a request, a requester's contact or a volunteer, and only for a feed an admin
registered (`register_feed`). `try_lock_sync` / `unlock_sync`: one sync of a source at a time (a
session-level advisory lock); `close_expired`: the sweep of a source's requests whose expires_at passed.
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
MAX_PAGE_DIGESTS = 1000  # feed_state.page_digests keeps the newest this many pages


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
    # The page's key in page_digests (its secret-free URL) and what to keep there: {"d": digest, "n": next
    # cursor, "i": items, "w": newest updated_at}; None with a key forgets the page (it is applied next time).
    page_key: Optional[str] = None
    page_entry: Optional[Mapping[str, Any]] = None
    skipped: int = 0  # records of this page not applied again: its body was the one written last time


class FeedNotRegistered(LookupError):
    """The source has no jitasa.feed_state row: an admin registers a feed first (register_feed)."""


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
    page_digests: dict = field(default_factory=dict)


@dataclass
class PageResult:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_KEYS, 0))
    outcomes: list[tuple[Optional[str], str, Optional[int]]] = field(default_factory=list)  # source id, outcome, id
    rejects: list[Reject] = field(default_factory=list)  # every reject of the page (Python's and the store's)
    newest_updated_at: Optional[dt.datetime] = None  # of the records the store took (not rejected, not stale)


_UPSERT = "SELECT source_id, request_id, outcome, detail FROM jitasa.upsert_feed_requests(%s, %s::jsonb)"

_STATE = """
UPDATE jitasa.feed_state AS s
   SET url = %(url)s, cursor = %(cursor)s,
       watermark = greatest(s.watermark, %(watermark)s),  -- never back; NULL keeps the stored one
       etag = %(etag)s, last_modified = %(last_modified)s, last_sync_at = now(),
       last_outcome = %(outcome)s, last_error = %(error)s, last_counts = %(counts)s::jsonb, updated_at = now(),
       page_digests = CASE
           WHEN %(page_key)s::text IS NULL THEN s.page_digests
           WHEN %(entry)s::jsonb IS NULL THEN s.page_digests - %(page_key)s::text
           ELSE (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb)
                   FROM (SELECT d.key, d.value
                           FROM jsonb_each(s.page_digests || jsonb_build_object(
                                    %(page_key)s::text,
                                    %(entry)s::jsonb || jsonb_build_object('t', extract(epoch FROM clock_timestamp()))))
                                AS d(key, value)
                          ORDER BY (d.value->>'t')::double precision DESC NULLS LAST
                          LIMIT %(max_digests)s) e)  -- bounded: the newest pages are kept
       END
 WHERE s.source = %(source)s
"""

_FAILURE = """
UPDATE jitasa.feed_state AS s
   SET last_sync_at = now(), last_outcome = 'failed', last_error = %(error)s, updated_at = now()
 WHERE s.source = %(source)s
"""

_READ_STATE = """SELECT source, url, cursor, watermark, etag, last_modified, last_sync_at, last_outcome, last_error,
                        last_counts, updated_at, page_digests FROM jitasa.feed_state"""


def write_page(
    conn,
    source: str,
    records: Sequence[RequestRecord],
    rejects: Sequence[Reject],
    state: Optional[FeedStateUpdate] = None,
    payload: Optional[str] = None,
) -> PageResult:
    """Upsert `records`, keep `rejects` and the store's own, record `state`: one transaction, committed here.
    `payload`: the records as the store takes them, already serialised (page_payload(records)), so a caller
    may build it in another thread.

    On any error everything is rolled back and the error raised (psycopg2.Error); the connection is left in
    the autocommit state it had."""
    if state is not None and state.outcome not in SYNC_OUTCOMES:
        raise ValueError(f"a sync outcome is one of {SYNC_OUTCOMES}, not {state.outcome!r}")
    autocommit = conn.autocommit
    if autocommit:
        conn.autocommit = False
    try:
        result = _write(conn, source, list(records), list(rejects), state, payload)
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


def page_payload(records: Sequence[RequestRecord]) -> str:
    """The JSON text jitasa.upsert_feed_requests takes for `records`."""
    return json.dumps([r.as_store_json() for r in records], ensure_ascii=False)


def _write(conn, source, records, rejects, state, payload=None) -> PageResult:
    result = PageResult()
    all_rejects = list(rejects)
    store_refused = 0
    with conn.cursor() as cur:
        if records:
            cur.execute(_UPSERT, (source, payload if payload is not None else page_payload(records)))
            by_id = {r.source_id: r for r in records}
            for source_id, request_id, outcome, detail in cur.fetchall():
                result.outcomes.append((source_id, outcome, request_id))
                if outcome == "rejected":
                    store_refused += 1
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
            counts = {k: int(v) for k, v in state.counts_before.items()}
            for k, v in result.counts.items():
                counts[k] = counts.get(k, 0) + v
            if state.skipped:
                counts["skipped"] = counts.get("skipped", 0) + state.skipped
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
                    "counts": json.dumps(counts),
                    "page_key": state.page_key,
                    # a page the store refused records of is applied again next time: what it refused
                    # (an unknown tambon, say) depends on the store, which may have changed by then
                    "entry": json.dumps(dict(state.page_entry))
                    if state.page_entry is not None and not store_refused
                    else None,
                    "max_digests": MAX_PAGE_DIGESTS,
                },
            )
            if cur.rowcount == 0:
                raise FeedNotRegistered(source)
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
    (the cursor, watermark and validators stay as they were) on the feed's row, if it is registered. Commits.
    `url` is the address read (the row keeps the registered one)."""
    autocommit = conn.autocommit
    if autocommit:
        conn.autocommit = False
    try:
        with conn.cursor() as cur:
            cur.execute(_FAILURE, {"source": source, "error": error})
        conn.commit()
    except BaseException:
        rollback_quietly(conn)
        raise
    finally:
        if autocommit and not conn.closed:
            conn.autocommit = True


def _state(row) -> FeedState:
    return FeedState(*row[:9], row[9] or {}, row[10], row[11] or {})


def _one_transaction(conn, step):
    """Run step(cursor) in a transaction of its own, committed; the connection's autocommit kept."""
    autocommit = conn.autocommit
    if autocommit:
        conn.autocommit = False
    try:
        with conn.cursor() as cur:
            value = step(cur)
        conn.commit()
        return value
    except BaseException:
        rollback_quietly(conn)
        raise
    finally:
        if autocommit and not conn.closed:
            try:
                conn.autocommit = True
            except psycopg2.Error:
                pass


def register_feed(conn, source: str, url: str) -> bool:
    """Register feed `source` (admins only: jitasa.register_feed); True when created now. Commits.
    Raises psycopg2 errors: 42501 not an admin, 23505 (detail feed_source_in_use) a file import's source."""

    def step(cur):
        cur.execute("SELECT jitasa.register_feed(%s, %s)", (source, url))
        return bool(cur.fetchone()[0])

    return _one_transaction(conn, step)


def close_expired(conn, source: str) -> int:
    """Close the open requests of `source` whose expires_at passed (jitasa.close_expired_feed_requests);
    how many. Commits."""

    def step(cur):
        cur.execute("SELECT jitasa.close_expired_feed_requests(%s)", (source,))
        return int(cur.fetchone()[0])

    return _one_transaction(conn, step)


# One sync of a source at a time, for the whole sync (a session-level advisory lock; another key than the
# upsert's per-transaction lock, which also orders file imports of the source).
_LOCK = "SELECT pg_try_advisory_lock(hashtext('jitasa.feed_sync'), hashtext(%s))"
_UNLOCK = "SELECT pg_advisory_unlock(hashtext('jitasa.feed_sync'), hashtext(%s))"


def try_lock_sync(conn, source: str) -> bool:
    """True when this session now holds the sync lock of `source`; False when another session does."""
    return bool(_one_transaction(conn, lambda cur: (cur.execute(_LOCK, (source,)), cur.fetchone()[0])[1]))


def unlock_sync(conn, source: str) -> None:
    _one_transaction(conn, lambda cur: cur.execute(_UNLOCK, (source,)))


def feed_state(conn, source: str) -> Optional[FeedState]:
    with conn.cursor() as cur:
        cur.execute(_READ_STATE + " WHERE source = %s", (source,))
        row = cur.fetchone()
    return _state(row) if row else None


def feed_states(conn) -> list[FeedState]:
    with conn.cursor() as cur:
        cur.execute(_READ_STATE + " ORDER BY source")
        return [_state(row) for row in cur.fetchall()]
