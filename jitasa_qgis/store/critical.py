"""New critical requests for the officers' alert, read from the store itself, never from a notification.

A notification only says "help requests changed, look again": anyone who may connect can send one with any
ids. CriticalWatch looks for open critical requests (status new) above a watermark of request ids, set at
start to the newest request the login can see, so nothing older is ever announced, and raised as requests
are announced. Ids are handed out before commit, so a request may become visible after a higher one; the
watch keeps looking LAG_IDS below its watermark for those and remembers which of them it announced, so each
id is announced at most once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriticalRequest:
    id: int
    category: str
    tambon_name: str | None


LAG_IDS = 1000  # how far below the newest announced id a late commit is still caught
MAX_PER_CHECK = 1000  # a bulk import announces the rest at the next check


def newest_request_id(conn) -> int:
    """The highest help request id this login can see now (0 in an empty store)."""
    with conn.cursor() as cur:
        cur.execute("SELECT coalesce(max(id), 0) FROM jitasa.help_request")
        newest = int(cur.fetchone()[0])
    conn.rollback()  # read-only; do not hold a snapshot open
    return newest


def critical_new_requests_above(
    conn, above_id: int, exclude: list[int] | tuple[int, ...] = (), limit: int = MAX_PER_CHECK
) -> list[CriticalRequest]:
    """Open critical requests (status new) with an id above `above_id`, not in `exclude`, by id."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT r.id, r.category::text, t.name_th
                 FROM jitasa.help_request r
                 LEFT JOIN jitasa.admin_area t ON t.code = r.tambon_code
                WHERE r.id > %s AND NOT (r.id = ANY(%s::int[]))
                  AND r.urgency = 'critical' AND r.status = 'new'
                ORDER BY r.id
                LIMIT %s""",
            (above_id, list(exclude), limit),
        )
        rows = [CriticalRequest(*row) for row in cur.fetchall()]
    conn.rollback()
    return rows


class CriticalWatch:
    """Which critical requests are new to this session. Not thread-safe: used from the GUI thread."""

    def __init__(self, lag_ids: int = LAG_IDS):
        self.lag_ids = lag_ids
        self.floor: int | None = None  # newest id at start; None until start() has read it
        self.watermark = 0  # the newest id announced (or the floor)
        self._announced: set[int] = set()  # announced ids above watermark - lag_ids

    @property
    def started(self) -> bool:
        return self.floor is not None

    def start(self, conn) -> None:
        self.floor = self.watermark = newest_request_id(conn)
        self._announced.clear()

    def check(self, conn) -> list[CriticalRequest]:
        """Critical requests not announced before; each is returned once, and then remembered."""
        if self.floor is None:
            raise RuntimeError("CriticalWatch.check before start")
        low = max(self.floor, self.watermark - self.lag_ids)
        found = critical_new_requests_above(conn, low, sorted(self._announced))
        if not found:
            return []
        self._announced.update(r.id for r in found)
        self.watermark = max(self.watermark, found[-1].id)
        low = max(self.floor, self.watermark - self.lag_ids)
        self._announced = {i for i in self._announced if i > low}
        return found
