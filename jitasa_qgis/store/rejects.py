"""Keep the records an import or the feed could not take (jitasa.import_reject), each distinct one once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Optional

from psycopg2.extras import execute_values

from ..core.import_records import Reject

# No conflict target: naming (target, source, raw_hash) would need SELECT on them, which the feed role lacks;
# that UNIQUE is the table's only key a row can hit (the id is always generated).
_INSERT = """INSERT INTO jitasa.import_reject (target, source, record_key, reason, detail, raw, raw_hash)
VALUES %s ON CONFLICT DO NOTHING RETURNING 1"""


def keep_rejects(cur, target: str, source: str, rejects: Iterable[Reject]) -> int:
    """Inside the caller's transaction; returns how many were new (a reject seen before is not added)."""
    rows = [
        (
            target,
            source,
            r.record_key,
            r.reason,
            json.dumps(dict(r.detail), ensure_ascii=False, default=str),
            json.dumps(dict(r.raw), ensure_ascii=False, default=str),
            r.raw_hash(),
        )
        for r in rejects
    ]
    if not rows:
        return 0
    return len(execute_values(cur, _INSERT, rows, page_size=len(rows), fetch=True))


@dataclass(frozen=True)
class StoredReject:
    id: int
    target: str
    source: str
    record_key: Optional[str]
    reason: str
    detail: dict
    raw: dict
    first_seen: object  # datetime


def recent_rejects(conn, source: Optional[str] = None, limit: int = 200) -> list[StoredReject]:
    """The newest rejects (of one source, or all), for the dock and reports."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT id, target, source, record_key, reason, detail, raw, first_seen
                 FROM jitasa.import_reject
                WHERE %(source)s::text IS NULL OR source = %(source)s
                ORDER BY first_seen DESC, id DESC LIMIT %(limit)s""",
            {"source": source, "limit": limit},
        )
        return [StoredReject(*row) for row in cur.fetchall()]
