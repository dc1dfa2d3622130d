"""Which of a batch of changed requests is a new critical one (for the alert and the flash)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriticalRequest:
    id: int
    category: str
    tambon_name: str | None


def critical_new_requests(conn, ids) -> list[CriticalRequest]:
    if not ids:
        return []
    with conn.cursor() as cur:
        cur.execute(
            """SELECT r.id, r.category::text, t.name_th
                 FROM jitasa.help_request r
                 LEFT JOIN jitasa.admin_area t ON t.code = r.tambon_code
                WHERE r.id = ANY(%s) AND r.urgency = 'critical' AND r.status = 'new'
                ORDER BY r.id""", (list(ids),))
        rows = [CriticalRequest(*row) for row in cur.fetchall()]
    conn.rollback()  # read-only; do not hold a snapshot open
    return rows
