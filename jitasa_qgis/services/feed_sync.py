"""Sync one public-app feed into the store (the workflow behind jitasa:syncfeed and the dock's periodic sync).

Paging (docs/FEED.md, "Reading the feed over HTTP"): each page is GET `url` with `limit=<page_size>` and
either `cursor=<c>` (the next-page cursor the previous page carried, core.request_records.page_cursor) or,
starting afresh, `updated_since=<watermark>` (the newest updated_at taken so far, kept in feed_state).
A page without a next cursor ends the sync, unless it was itself asked by the watermark (a source without
cursors), was full (exactly page_size records) and moved the watermark: then the next page is asked from
the new watermark. An empty page ends it too (its cursor, if
any, is kept for the next sync). At most `max_pages` pages per sync; the cursor kept lets the next one go on.

Each page is validated (records_from_page: bad records become rejects, a payload that is not a page is
refused whole) and written by store.request_feed.write_page in ONE transaction together with the feed's
cursor and watermark, so a page and its watermark commit together or not at all. The first request of a
fresh sync is conditional (If-None-Match / If-Modified-Since from the stored ETag / Last-Modified): a 304
is outcome 'not_modified' with nothing written. A failure (dead server, timeout, an HTTP error after the
retries, malformed JSON, not a page) refuses that page whole; the pages before it stay, the watermark
stays at the last good page, and feed_state records outcome 'failed' with the error code in its own small
transaction. A cancel is seen between pages.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Mapping, Optional

import psycopg2

from ..core.request_records import FeedFormatError, page_cursor, records_from_page
from ..definitions.feed_errors import FeedErrorCode
from ..definitions.i18n import translate
from ..store.calls import server_message
from ..store.errors import StoreError
from ..store.request_feed import FeedStateUpdate, feed_state, record_sync_failure, write_page
from .feed_http import FeedClient, FeedError, HttpSettings, check_url, feed_auth, safe_url
from .progress import Cancelled, Progress, progress_of
from .store_access import Store, connection

LOG = logging.getLogger(__name__)

ADAPTERS = ("jitasa", "sos_geojson")
COUNT_KEYS = ("new", "updated", "unchanged", "stale", "closed", "kept_assigned", "rejected")
# Query parameter names of the feed's paging (docs/FEED.md).
LIMIT, CURSOR, UPDATED_SINCE = "limit", "cursor", "updated_since"


@dataclass(frozen=True)
class FeedSyncParams:
    source: str  # the feed's name in the store (help_request.source, feed_state.source)
    url: str
    authcfg: Optional[str] = None  # a QGIS authentication configuration id: the only way to give a token
    adapter: str = "jitasa"  # "jitasa" (our format) | "sos_geojson"
    page_size: int = 1000
    max_pages: int = 100
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0
    retries: int = 3
    backoff_factor: float = 0.5

    def http(self) -> HttpSettings:
        return HttpSettings(self.connect_timeout_s, self.read_timeout_s, self.retries, self.backoff_factor)


@dataclass(frozen=True)
class FeedSyncResult:
    source: str
    url: str  # without secrets
    outcome: str  # 'ok' | 'not_modified' | 'failed'
    pages: int  # pages written
    counts: Mapping[str, int] = field(default_factory=dict)  # summed over the pages (PageResult.counts)
    error_code: Optional[str] = None  # as kept in feed_state.last_error (definitions/feed_errors.py)
    message: str = ""  # the error in words, '' when none
    watermark: Optional[datetime] = None
    complete: bool = True  # False: the page cap or a cancel stopped it; the next sync goes on from the cursor
    cancelled: bool = False

    def count(self, key: str) -> int:
        return int(self.counts.get(key, 0))


def check_params(params: FeedSyncParams) -> None:
    if not (params.source or "").strip():
        raise ValueError(translate("FeedSync", "Give the feed a source name."))
    if params.adapter not in ADAPTERS:
        raise ValueError(
            translate("FeedSync", "Unknown feed adapter '{0}'; use one of: {1}.").format(
                params.adapter, ", ".join(ADAPTERS)
            )
        )
    if params.page_size < 1 or params.max_pages < 1:
        raise ValueError(translate("FeedSync", "The page size and the number of pages must be at least 1."))
    if params.connect_timeout_s <= 0 or params.read_timeout_s <= 0:
        raise ValueError(translate("FeedSync", "The timeouts must be more than 0 seconds."))


@dataclass(frozen=True)
class _Fetched:
    """One page read and checked (in the prefetch thread): records, rejects, the next cursor; or a 304."""

    url: str
    not_modified: bool
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    records: tuple = ()
    rejects: tuple = ()
    next_cursor: Optional[str] = None


def _fetch(client: FeedClient, params: FeedSyncParams, query: dict, etag, last_modified) -> _Fetched:
    """GET one page, parse and validate it; raises FeedError (not_a_page for JSON that is no page)."""
    response = client.get_page(params.url, query, etag=etag, last_modified=last_modified)
    if response.not_modified:
        return _Fetched(response.url, True, response.etag, response.last_modified)
    try:
        records, rejects = records_from_page(response.payload, params.adapter)
        next_cursor = page_cursor(response.payload, params.adapter)
    except FeedFormatError:
        raise FeedError(FeedErrorCode.NOT_A_PAGE, response.url) from None
    return _Fetched(
        response.url, False, response.etag, response.last_modified, tuple(records), tuple(rejects), next_cursor
    )


def sync_feed(store: Store, params: FeedSyncParams, progress: Optional[Progress] = None) -> FeedSyncResult:
    """Read the feed page by page into the store; see the module docstring.

    The next page is read and checked in a second thread while the store writes the current one (the
    store works in its own process: on two cores the two overlap); what is written, and in which order,
    is the same as reading one page after the other.

    Returns a result also when the feed failed (outcome 'failed', pages before the failure kept). Raises
    ValueError for bad parameters, FeedError for an unusable authcfg or URL (nothing read, nothing written),
    Cancelled on a cancel before the first page was written, StoreError when the store fails (the page
    being written is rolled back; the pages before it stay)."""
    check_params(params)
    progress = progress_of(progress)
    source = params.source.strip()
    shown = safe_url(params.url)
    auth = feed_auth(params.authcfg)  # before any connection: a bad authcfg or URL writes nothing
    check_url(params.url, auth is not None)
    totals = dict.fromkeys(COUNT_KEYS, 0)
    pages = 0
    with connection(store, progress) as conn, FeedClient(params.http(), auth) as client:
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jitasa-feed")
        try:
            before = _read_state(conn, source, progress)
            if before is not None and before.url != shown:
                # another address for this source: its cursor and validators mean nothing there (the
                # watermark, a time of the source's own records, still does)
                before = replace(before, cursor=None, etag=None, last_modified=None)
            cursor = before.cursor if before else None
            watermark = before.watermark if before else None
            etag = before.etag if before else None
            last_modified = before.last_modified if before else None
            fresh = cursor is None  # a fresh sync starts by the watermark and asks conditionally
            query = _query(params.page_size, cursor, watermark)
            if progress.is_cancelled():
                raise Cancelled()
            ahead = reader.submit(
                _fetch, client, params, query, etag if fresh else None, last_modified if fresh else None
            )
            complete, cancelled = True, False
            while True:
                try:
                    fetched = ahead.result()
                except FeedError as exc:
                    # its own small transaction: cursor, watermark and validators stay the last good page's
                    _store_step(progress, record_sync_failure, conn, source, shown, exc.stored)
                    LOG.warning("feed %s: page %d refused: %s", source, pages + 1, exc.stored)
                    return FeedSyncResult(
                        source, shown, "failed", pages, totals, exc.stored, str(exc), watermark, complete=False
                    )
                if fetched.not_modified:
                    state = FeedStateUpdate(shown, cursor, None, etag, last_modified, "not_modified")
                    _store_step(progress, write_page, conn, source, [], [], state=state)
                    LOG.info("feed %s (%s): not modified", source, shown)
                    progress.report(1.0, translate("FeedSync", "Nothing new since the last sync (not modified)."))
                    return FeedSyncResult(source, shown, "not_modified", 0, totals, watermark=watermark)
                if fresh and pages == 0:  # the fresh first page's validators answer the next sync's first request
                    etag, last_modified = fetched.etag, fetched.last_modified
                if pages == 0 and progress.is_cancelled():
                    raise Cancelled()  # nothing written yet
                records, rejects, next_cursor = list(fetched.records), list(fetched.rejects), fetched.next_cursor
                items = len(records) + len(rejects)
                seen = _newest(watermark, records)
                if next_cursor is not None and items > 0:
                    follow = _query(params.page_size, next_cursor, None)
                elif CURSOR not in query and items == params.page_size and _later(seen, watermark):
                    # a source without cursors: a full page asked by the watermark, so ask from the new one
                    follow = _query(params.page_size, None, seen)
                else:
                    follow = None
                if follow is not None and pages + 1 < params.max_pages and not progress.is_cancelled():
                    ahead = reader.submit(_fetch, client, params, follow, None, None)  # read while this is written
                # The cursor kept is the next page's; an empty last page's cursor is where the next sync goes on.
                state = FeedStateUpdate(
                    url=shown,
                    cursor=next_cursor,
                    watermark=None,  # the store takes the newest updated_at it took; it never moves back
                    etag=etag,
                    last_modified=last_modified,
                    outcome="ok",
                    counts_before=dict(totals),
                )
                result = _store_step(progress, write_page, conn, source, records, rejects, state=state)
                pages += 1
                for key, value in result.counts.items():
                    totals[key] = totals.get(key, 0) + int(value)
                cursor, watermark = next_cursor, _later_of(watermark, result.newest_updated_at)
                progress.report(
                    min(1.0, pages / params.max_pages),
                    translate(
                        "FeedSync",
                        "Page {page}: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected.",
                    ).format(
                        page=pages,
                        new=result.counts.get("new", 0),
                        updated=result.counts.get("updated", 0),
                        unchanged=result.counts.get("unchanged", 0),
                        rejected=result.counts.get("rejected", 0),
                    ),
                )
                if follow is None:
                    break
                if pages >= params.max_pages:
                    complete = False
                    break
                if progress.is_cancelled():
                    cancelled, complete = True, False
                    break
                query = follow
        finally:
            reader.shutdown(wait=False, cancel_futures=True)  # a page read ahead and not needed is dropped
    LOG.info("feed %s (%s): %d page(s), %s", source, shown, pages, totals)
    return FeedSyncResult(source, shown, "ok", pages, totals, None, "", watermark, complete, cancelled)


def _read_state(conn, source: str, progress: Progress):
    def read():  # no schema check: the feed role may not read schema_migration
        state = feed_state(conn, source)
        conn.rollback()  # end the read's transaction: each page is its own
        return state

    return _store_step(progress, read)


def _store_step(progress: Progress, step, *args, **kwargs):
    """Run a store step; a psycopg2 error as a StoreError with the server's message (or Cancelled when the
    cancel stopped the statement)."""
    try:
        return step(*args, **kwargs)
    except psycopg2.Error as exc:
        if progress.is_cancelled():
            raise Cancelled() from None
        raise StoreError(
            translate("FeedSync", "Writing the feed page failed; that page was not written: {0}").format(
                server_message(exc)
            )
        ) from None


def _query(page_size: int, cursor: Optional[str], watermark: Optional[datetime]) -> dict:
    if cursor is not None:
        return {LIMIT: page_size, CURSOR: cursor}
    return {LIMIT: page_size, UPDATED_SINCE: watermark.isoformat() if watermark else None}


def _newest(watermark: Optional[datetime], records) -> Optional[datetime]:
    times = [r.updated_at for r in records if r.updated_at is not None]
    if watermark is not None:
        times.append(watermark)
    return max(times) if times else None


def _later_of(a: Optional[datetime], b: Optional[datetime]) -> Optional[datetime]:
    return b if a is None or (b is not None and b > a) else a


def _later(a: Optional[datetime], b: Optional[datetime]) -> bool:
    return a is not None and (b is None or a > b)
