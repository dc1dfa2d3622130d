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
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Mapping, Optional

from ..core.request_records import FeedFormatError, page_cursor, records_from_page
from ..definitions.feed_errors import FeedErrorCode
from ..definitions.i18n import translate
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


def sync_feed(store: Store, params: FeedSyncParams, progress: Optional[Progress] = None) -> FeedSyncResult:
    """Read the feed page by page into the store; see the module docstring.

    Returns a result also when the feed failed (outcome 'failed', pages before the failure kept). Raises
    ValueError for bad parameters, FeedError only for an unusable authcfg or URL (nothing read, nothing
    written), Cancelled on a cancel before the first page was written, StoreError when the store fails."""
    check_params(params)
    progress = progress_of(progress)
    source = params.source.strip()
    shown = safe_url(params.url)
    auth = feed_auth(params.authcfg)  # before any connection: a bad authcfg or URL writes nothing
    check_url(params.url, auth is not None)
    totals = dict.fromkeys(COUNT_KEYS, 0)
    with connection(store, progress) as conn, FeedClient(params.http(), auth) as client:
        before = feed_state(conn, source)
        conn.rollback()  # end the read's transaction: each page is its own
        if before is not None and before.url != shown:
            # another address for this source: its cursor and validators mean nothing there (the watermark,
            # a time of the source's own records, still does)
            before = replace(before, cursor=None, etag=None, last_modified=None)
        cursor = before.cursor if before else None
        watermark = before.watermark if before else None
        etag = before.etag if before else None
        last_modified = before.last_modified if before else None
        fresh = cursor is None  # a fresh sync starts by the watermark and asks conditionally
        query = _query(params.page_size, cursor, watermark)
        pages = 0
        complete = True
        cancelled = False
        while True:
            if pages >= params.max_pages:
                complete = False
                break
            if progress.is_cancelled():
                if pages == 0:
                    raise Cancelled()
                cancelled, complete = True, False
                break
            first_fresh = fresh and pages == 0
            try:
                response = client.get_page(
                    params.url,
                    query,
                    etag=etag if first_fresh else None,
                    last_modified=last_modified if first_fresh else None,
                )
                if response.not_modified:
                    state = FeedStateUpdate(shown, cursor, None, etag, last_modified, "not_modified")
                    write_page(conn, source, [], [], state=state)
                    LOG.info("feed %s (%s): not modified", source, shown)
                    progress.report(1.0, translate("FeedSync", "Nothing new since the last sync (not modified)."))
                    return FeedSyncResult(source, shown, "not_modified", 0, totals, watermark=watermark)
                try:
                    records, rejects = records_from_page(response.payload, params.adapter)
                    next_cursor = page_cursor(response.payload, params.adapter)
                except FeedFormatError:
                    raise FeedError(FeedErrorCode.NOT_A_PAGE, response.url) from None
            except FeedError as exc:
                # its own small transaction: the cursor, watermark and validators stay those of the last good page
                record_sync_failure(conn, source, shown, exc.stored)
                LOG.warning("feed %s: page %d refused: %s", source, pages + 1, exc.stored)
                return FeedSyncResult(
                    source, shown, "failed", pages, totals, exc.stored, str(exc), watermark, complete=False
                )
            if first_fresh:  # the validators of the fresh first page answer the next sync's first request
                etag, last_modified = response.etag, response.last_modified
            if pages == 0 and progress.is_cancelled():
                raise Cancelled()  # nothing written yet
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
            result = write_page(conn, source, records, rejects, state=state)
            pages += 1
            for key, value in result.counts.items():
                totals[key] = totals.get(key, 0) + int(value)
            items = len(records) + len(rejects)
            new_watermark = _later_of(watermark, result.newest_updated_at)
            if next_cursor is not None and items > 0:
                follow = _query(params.page_size, next_cursor, None)
            elif CURSOR not in query and items == params.page_size and _later(new_watermark, watermark):
                # a source without cursors: a full page asked by the watermark, so ask from the new one
                follow = _query(params.page_size, None, new_watermark)
            else:
                follow = None
            cursor, watermark = next_cursor, new_watermark
            progress.report(
                min(1.0, pages / params.max_pages),
                translate(
                    "FeedSync", "Page {page}: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected."
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
            query = follow
    LOG.info("feed %s (%s): %d page(s), %s", source, shown, pages, totals)
    return FeedSyncResult(source, shown, "ok", pages, totals, None, "", watermark, complete, cancelled)


def _query(page_size: int, cursor: Optional[str], watermark: Optional[datetime]) -> dict:
    if cursor is not None:
        return {LIMIT: page_size, CURSOR: cursor}
    return {LIMIT: page_size, UPDATED_SINCE: watermark.isoformat() if watermark else None}


def _later_of(a: Optional[datetime], b: Optional[datetime]) -> Optional[datetime]:
    return b if a is None or (b is not None and b > a) else a


def _later(a: Optional[datetime], b: Optional[datetime]) -> bool:
    return a is not None and (b is None or a > b)
