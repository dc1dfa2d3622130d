-- 0014: what a feed sync needs to be cheap when nothing changed (issue 10): a digest per page it wrote, and
-- an index for the sweep that closes the feed's open requests whose expires_at has passed.

-- {page key (the page's URL with its cursor / updated_since, secret-free): {"d": sha-256 of the body,
--  "n": its next cursor, "i": its items, "w": its newest updated_at, "t": when written (epoch s)}}: a page
-- whose body is the one this source last wrote there is not applied again. Bounded by the writer (the
-- newest entries are kept, see store/request_feed.py).
ALTER TABLE jitasa.feed_state ADD COLUMN page_digests jsonb NOT NULL DEFAULT '{}';

-- The sweep (jitasa.close_expired_feed_requests) reads only the open rows of one source that can expire.
CREATE INDEX help_request_feed_expiry_idx ON jitasa.help_request (source, expires_at)
    WHERE expires_at IS NOT NULL AND status IN ('new', 'assigned');
