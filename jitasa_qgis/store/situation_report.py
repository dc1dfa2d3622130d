"""What a situation report counts, for the rows whose tambon code starts with an area's code.

No personal data is read: categories, urgencies, statuses, times, tambon codes and names, facilities.
Everything comes from one read-only snapshot, so the tables agree with each other; the store's row security
decides which rows the role sees. Times are Thai time (Asia/Bangkok).

"Open at a time t" is: created by t, and still open now or last changed after t. The store keeps no closing
time of its own, so a closed request's last change (`updated_at`) stands for it; a closed request edited
later counts as open a little longer than it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

from ..definitions.enums import OPEN_REQUEST_STATUSES
from ..definitions.thai_time import THAI_TIME_ZONE
from .calls import fetch, read_only_snapshot

TIME_ZONE = THAI_TIME_ZONE
_OPEN = [s.value for s in OPEN_REQUEST_STATUSES]


@dataclass(frozen=True)
class OpenRequest:
    tambon_code: Optional[str]
    category: str
    urgency: str
    waited_s: float  # from its creation to the report's time


@dataclass(frozen=True)
class FacilityRow:
    name_th: str
    kind: str
    tambon_name: Optional[str]
    beds_total: Optional[int]
    beds_free: Optional[int]
    daily_capacity: Optional[int]
    capacity_status: str
    capacity_updated_at: Optional[dt.datetime]


@dataclass
class SituationRows:
    at: dt.datetime  # the report's time (the snapshot's now(), Thai time)
    tambons: list[tuple[str, str]]  # (code, Thai name) of the area's tambons
    open_requests: list[OpenRequest]
    series: list[tuple[dt.datetime, int]]  # open requests at each time of the series
    assignments_today: list[tuple[Optional[str], str, int]]  # (tambon code, status, count) made since midnight
    facilities: list[FacilityRow]


def read_situation(conn, area_code: str = "", days: int = 7, step_hours: int = 6) -> SituationRows:
    """The report's rows for `area_code` ('' = everything the role sees); the series covers the last `days`
    days in steps of `step_hours`, ending now. StoreError when the store fails."""
    read_only_snapshot(conn)
    fetch(conn, "SELECT set_config('TimeZone', %s, true)", (TIME_ZONE,))
    code = (area_code or "").strip()
    params = {"code": code, "open": _OPEN, "days": int(days), "step": int(step_hours)}
    at = fetch(conn, "SELECT now()", ())[0][0]
    tambons = fetch(
        conn,
        "SELECT code, name_th FROM jitasa.admin_area WHERE level = 'tambon'"
        " AND (%(code)s = '' OR starts_with(code, %(code)s)) ORDER BY code",
        params,
    )
    open_rows = fetch(
        conn,
        "SELECT r.tambon_code, r.category::text, r.urgency::text, extract(epoch FROM now() - r.created_at)"
        " FROM jitasa.help_request r WHERE r.status::text = ANY(%(open)s)"
        " AND (%(code)s = '' OR starts_with(r.tambon_code, %(code)s))",
        params,
    )
    series = fetch(
        conn,
        "SELECT g.t, count(r.id) FROM generate_series("
        "   date_trunc('hour', now()) - make_interval(days => %(days)s), now(), make_interval(hours => %(step)s)"
        " ) AS g(t)"
        " LEFT JOIN jitasa.help_request r ON r.created_at <= g.t"
        "  AND (r.status::text = ANY(%(open)s) OR r.updated_at > g.t)"
        "  AND (%(code)s = '' OR starts_with(r.tambon_code, %(code)s))"
        " GROUP BY g.t ORDER BY g.t",
        params,
    )
    assignments = fetch(
        conn,
        "SELECT r.tambon_code, a.status::text, count(*) FROM jitasa.assignment a"
        " JOIN jitasa.help_request r ON r.id = a.request_id"
        " WHERE a.created_at >= date_trunc('day', now())"
        " AND (%(code)s = '' OR starts_with(r.tambon_code, %(code)s)) GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    facilities = fetch(
        conn,
        "SELECT f.name_th, f.kind::text, t.name_th, f.beds_total, f.beds_free, f.daily_capacity,"
        " f.capacity_status::text, f.capacity_updated_at"
        " FROM jitasa.facility f LEFT JOIN jitasa.admin_area t ON t.code = f.tambon_code"
        " WHERE (%(code)s = '' OR starts_with(f.tambon_code, %(code)s))"
        " ORDER BY f.tambon_code NULLS LAST, f.name_th",
        params,
    )
    return SituationRows(
        at=at,
        tambons=[(c, n) for c, n in tambons],
        open_requests=[OpenRequest(t, c, u, float(w)) for t, c, u, w in open_rows],
        series=[(t, int(n)) for t, n in series],
        assignments_today=[(t, s, int(n)) for t, s, n in assignments],
        facilities=[FacilityRow(*row) for row in facilities],
    )
