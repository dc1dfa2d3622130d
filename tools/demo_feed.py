"""A small SOS-style feed on 127.0.0.1 for the demo (`make run`): the records of resources/demo/sos_feed.json,
page by page, as the public app's feed would serve them (docs/FEED.md).

GET /sos?limit=N[&updated_since=ISO][&cursor=C] answers {"data": [...], "next_cursor": C or null}: at most
PAGE_SIZE records in the file's order; `updated_since` leaves out what has not changed since; the cursor is
opaque (it carries the offset and the filter it was made for). The records' times are moved to the last few
minutes before the server started: each run of the demo brings the same requests, freshly updated.
A few records are bad on purpose (an unknown category, swapped coordinates, a duplicate id in a page, not
an object, no location), so the dock's rejects have something to show.

Run on its own: `python3 tools/demo_feed.py` (prints its URL, serves until Ctrl-C).
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "resources" / "demo" / "sos_feed.json"
PAGE_SIZE = 8
PATH = "/sos"


def _parse(text: Any) -> Optional[datetime]:
    try:
        return datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError:
        return None


def load_records(now: Optional[datetime] = None) -> list[Any]:
    """The demo records as changed in the last few minutes before `now`, 10 s apart in the file's order (a
    record created before its last change keeps that gap): each run of the demo is newer than the last."""
    items = json.loads(RECORDS.read_text(encoding="utf-8"))["data"]
    now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    moved = []
    for k, record in enumerate(items):
        if isinstance(record, dict):
            record = dict(record)
            updated, created = _parse(record.get("updated_at")), _parse(record.get("created_at"))
            if updated is not None:
                when = now - timedelta(seconds=10 * (len(items) - k))
                record["updated_at"] = when.isoformat()
                if created is not None:
                    record["created_at"] = (when - (updated - created)).isoformat()
        moved.append(record)
    return moved


def _updated(record: Any) -> Optional[datetime]:
    return _parse(record.get("updated_at")) if isinstance(record, dict) else None


def page(records: list[Any], query: dict[str, str]) -> dict[str, Any]:
    """One page of the feed for a query (limit, updated_since, cursor)."""
    since_text = query.get("updated_since") or ""
    offset = 0
    if query.get("cursor"):
        offset_text, _, since_text = query["cursor"].partition("|")
        offset = int(offset_text) if offset_text.isdigit() else 0
    since = _parse(since_text) if since_text else None
    # A record without a readable time comes every time (the server cannot tell whether it changed).
    chosen = [r for r in records if since is None or _updated(r) is None or _updated(r) > since]
    limit = min(int(query.get("limit") or PAGE_SIZE), PAGE_SIZE)
    part = chosen[offset : offset + limit]
    more = offset + limit < len(chosen)
    return {"data": part, "next_cursor": f"{offset + limit}|{since_text}" if more else None}


class _Handler(BaseHTTPRequestHandler):
    records: list[Any] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlparse(self.path)
        if url.path != PATH:
            self.send_error(404)
            return
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        body = json.dumps(page(self.records, query), ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:  # quiet: QGIS's console is the demo's output
        pass


def start(port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve the demo feed from a daemon thread; returns the server and the feed's URL."""
    handler = type("DemoFeedHandler", (_Handler,), {"records": load_records()})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, name="demo-feed", daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PATH}"


if __name__ == "__main__":
    srv, address = start(8765)
    print(f"demo feed at {address} (Ctrl-C stops it)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.shutdown()
