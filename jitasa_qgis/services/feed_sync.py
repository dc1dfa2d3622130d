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

One sync of a source at a time (a session-level advisory lock held for the whole sync): a second one, from
the dock of another officer or jitasa:syncfeed, returns outcome 'busy' at once and writes nothing. A source
must be registered (a jitasa.feed_state row): an admin's first sync registers it, the feed role and
officers sync only registered feeds (else 'failed' with feed_not_registered, nothing written).

Every sync first closes the source's open requests whose expires_at has passed (set-based, in the store).
A page whose body is byte for byte the one this source last wrote at that page key (its URL with the
cursor or updated_since; a fresh sync's first page is keyed as the start, whatever its updated_since) is
not parsed nor applied again (its digest is kept in feed_state.page_digests
with the page, in the page's transaction): the sweep above closes what expired since, which is all that
applying it again would change (docs/FEED.md, "Page digests").
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Mapping, Optional

import psycopg2

from ..core.request_records import FeedFormatError, page_cursor, records_from_page
from ..definitions.feed_errors import FeedErrorCode, feed_error_text
from ..definitions.i18n import translate
from ..store.calls import server_message
from ..store.errors import StoreError
from ..store.request_feed import (
    FeedNotRegistered,
    FeedStateUpdate,
    close_expired,
    feed_state,
    page_payload,
    record_sync_failure,
    register_feed,
    try_lock_sync,
    unlock_sync,
    write_page,
)
from .feed_http import FeedClient, FeedError, HttpSettings, check_url, feed_auth, safe_url, with_query
from .progress import Cancelled, Progress, progress_of
from .store_access import Store, connection

LOG = logging.getLogger(__name__)

ADAPTERS = ("jitasa", "sos_geojson")
# skipped: records of pages not applied again (the body was the one written last time); closed includes the
# requests the expiry sweep closed.
COUNT_KEYS = ("new", "updated", "unchanged", "stale", "closed", "kept_assigned", "rejected", "skipped")
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
    outcome: str  # 'ok' | 'not_modified' | 'failed' | 'busy' (another sync of the source runs: nothing done)
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
    key: Optional[str] = None  # the page's key in feed_state.page_digests
    entry: Optional[dict] = None  # what to keep there (see store.request_feed.FeedStateUpdate)
    same_body: bool = False  # the body is the one written last time at this key: records not read
    payload: Optional[str] = None  # the records as the store takes them (serialised here, off the writer's path)


def page_key(url: str, query: dict) -> str:
    """The key of a page in feed_state.page_digests: its secret-free URL with the paging query."""
    return safe_url(with_query(url, query))


def _fetch(
    client: FeedClient, params: FeedSyncParams, query: dict, etag, last_modified, digests: Mapping, key: str
) -> _Fetched:
    """GET one page, parse and validate it (unless its body is the one kept for its `key`); raises FeedError
    (not_a_page for JSON that is no page)."""
    known = digests.get(key)
    known = known if isinstance(known, dict) and known.get("a") == params.adapter else None
    response = client.get_page(
        params.url, query, etag=etag, last_modified=last_modified, known_digest=known.get("d") if known else None
    )
    if response.not_modified:
        return _Fetched(response.url, True, response.etag, response.last_modified)
    if response.same_body:
        return _Fetched(
            response.url, False, response.etag, response.last_modified, next_cursor=known.get("n"), key=key,
            entry=dict(known), same_body=True,
        )  # fmt: skip
    try:
        records, rejects = records_from_page(response.payload, params.adapter)
        next_cursor = page_cursor(response.payload, params.adapter)
    except FeedFormatError:
        raise FeedError(FeedErrorCode.NOT_A_PAGE, response.url) from None
    newest = _newest(None, records)
    entry = {
        "d": response.digest,
        "a": params.adapter,
        "n": next_cursor,
        "i": len(records) + len(rejects),
        "w": newest.isoformat() if newest else None,
    }
    return _Fetched(
        response.url, False, response.etag, response.last_modified, tuple(records), tuple(rejects), next_cursor,
        key, entry, payload=page_payload(records) if records else None,
    )  # fmt: skip


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
        if not _store_step(progress, try_lock_sync, conn, source):
            LOG.info("feed %s: another sync of it is running; this one did nothing", source)
            return FeedSyncResult(source, shown, "busy", 0, totals, message=busy_text(source), complete=False)
        reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jitasa-feed")
        try:
            before = _read_state(conn, source, progress)
            if before is None:
                refused = _register(conn, source, shown, progress)
                if refused is not None:
                    return refused
                before = _read_state(conn, source, progress)
            if before is not None and before.url != shown:
                # another address for this source: its cursor and validators mean nothing there (the
                # watermark, a time of the source's own records, still does)
                before = replace(before, cursor=None, etag=None, last_modified=None)
            cursor = before.cursor if before else None
            watermark = before.watermark if before else None
            etag = before.etag if before else None
            last_modified = before.last_modified if before else None
            digests = dict(before.page_digests) if before else {}
            fresh = cursor is None  # a fresh sync starts by the watermark and asks conditionally
            query = _query(params.page_size, cursor, watermark)
            if progress.is_cancelled():
                raise Cancelled()
            # A fresh sync's first page is the same position whatever the watermark it is asked from (the
            # start): the same body there is skipped, however far the watermark moved since.
            start = page_key(params.url, {LIMIT: params.page_size}) if fresh else page_key(params.url, query)
            ahead = reader.submit(
                _fetch, client, params, query, etag if fresh else None, last_modified if fresh else None, digests, start
            )
            # what expired since the last sync, whether or not its page comes again (a skipped page's records)
            totals["closed"] += _store_step(progress, close_expired, conn, source)
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
                if fetched.same_body:  # what the page holds, as kept when it was written
                    items = int(fetched.entry.get("i") or 0)
                    seen = _later_of(watermark, _time(fetched.entry.get("w")))
                else:
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
                    # read while this is written
                    ahead = reader.submit(
                        _fetch, client, params, follow, None, None, digests, page_key(params.url, follow)
                    )
                # The cursor kept is the next page's; an empty last page's cursor is where the next sync goes on.
                state = FeedStateUpdate(
                    url=shown,
                    cursor=next_cursor,
                    watermark=None,  # the store takes the newest updated_at it took; it never moves back
                    etag=etag,
                    last_modified=last_modified,
                    outcome="ok",
                    counts_before=dict(totals),
                    page_key=fetched.key,
                    page_entry=fetched.entry,
                    skipped=items if fetched.same_body else 0,
                )
                result = _store_step(
                    progress, write_page, conn, source, records, rejects, state=state, payload=fetched.payload
                )
                if fetched.same_body:
                    totals["skipped"] += items
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
            _unlock_quietly(conn, source)
    LOG.info("feed %s (%s): %d page(s), %s", source, shown, pages, totals)
    return FeedSyncResult(source, shown, "ok", pages, totals, None, "", watermark, complete, cancelled)


def busy_text(source: str) -> str:
    return translate(
        "FeedSync", "Feed '{0}' is being synced by someone else right now; this sync did nothing. Try again later."
    ).format(source)


def _register(conn, source: str, shown: str, progress: Progress) -> Optional[FeedSyncResult]:
    """Register a new feed (an admin's first sync); a refusal as a 'failed' result (nothing written)."""
    try:
        register_feed(conn, source, shown)
        LOG.info("feed %s registered (%s)", source, shown)
        return None
    except psycopg2.Error as exc:
        if progress.is_cancelled():
            raise Cancelled() from None
        detail = getattr(exc.diag, "message_detail", None)
        if exc.pgcode == "42501":  # not an admin: only a registered feed may be synced
            code = FeedErrorCode.NOT_REGISTERED
        elif (exc.pgcode == "23505" and detail == FeedErrorCode.SOURCE_IN_USE.value) or exc.pgcode == "22023":
            code = FeedErrorCode.SOURCE_IN_USE  # a file import's, or 'manual' (hand entry's)
        else:
            raise StoreError(server_message(exc)) from None
        LOG.warning("feed %s: %s", source, code.value)
        return FeedSyncResult(
            source, shown, "failed", 0, {}, code.value, feed_error_text(code.value, shown), complete=False
        )


def _unlock_quietly(conn, source: str) -> None:
    if conn.closed:
        return  # the session ended: its lock went with it
    try:
        unlock_sync(conn, source)
    except psycopg2.Error:  # a broken connection: the server drops the lock with the session
        pass


def _time(text: Optional[str]) -> Optional[datetime]:
    return datetime.fromisoformat(text) if isinstance(text, str) and text else None


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
    except FeedNotRegistered:  # the row went between the check and the page (an admin removed the feed)
        raise StoreError(feed_error_text(FeedErrorCode.NOT_REGISTERED.value)) from None
    except psycopg2.Error as exc:
        if progress.is_cancelled():
            raise Cancelled() from None
        if exc.pgcode == "42501" and getattr(exc.diag, "message_detail", None) == FeedErrorCode.NOT_REGISTERED.value:
            raise StoreError(feed_error_text(FeedErrorCode.NOT_REGISTERED.value)) from None
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
