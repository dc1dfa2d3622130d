"""The figures printed on atlas pages, for every page of an atlas in one query: per amphoe, tambon or
service area, open requests by category and urgency, the volunteers assigned (proposed or active) to
requests there, and the facilities with their beds and daily capacity.

Read through the views without personal data (help_request_map) and the tables analysts may read, so an
analyst's atlas holds the same figures as an officer's. Areas are amphoe / tambon codes (requests,
volunteers' requests and facilities are counted by the tambon code the store derived from their point) or
service-area ids (counted by their geometry).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .calls import fetch

LEVELS = ("amphoe", "tambon", "service_area")
OPEN_STATUSES = ("new", "assigned", "in_progress")
_CODE_LENGTH = {"amphoe": 4, "tambon": 6}


@dataclass
class AreaFigures:
    """One page's figures. `requests[(category, urgency)]` counts open requests."""

    code: str
    requests: dict[tuple[str, str], int] = field(default_factory=dict)
    volunteers_assigned: int = 0
    facilities: dict[str, int] = field(default_factory=dict)  # kind -> count
    beds_total: int = 0
    beds_free: int = 0
    daily_capacity: int = 0

    @property
    def open_requests(self) -> int:
        return sum(self.requests.values())

    def by_category(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for (category, _urgency), n in self.requests.items():
            totals[category] += n
        return dict(totals)

    def by_urgency(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for (_category, urgency), n in self.requests.items():
            totals[urgency] += n
        return dict(totals)


_BY_CODE = """
WITH req AS (
    SELECT left(r.tambon_code, %(length)s) AS code, r.category::text AS a, r.urgency::text AS b, count(*) AS n
      FROM jitasa.help_request_map r
     WHERE r.status::text = ANY(%(open)s) AND r.tambon_code LIKE %(prefix)s
     GROUP BY 1, 2, 3
), vol AS (
    SELECT left(r.tambon_code, %(length)s) AS code, count(DISTINCT a.volunteer_id) AS n
      FROM jitasa.assignment a
      JOIN jitasa.help_request_map r ON r.id = a.request_id
     WHERE a.status IN ('proposed', 'active') AND r.tambon_code LIKE %(prefix)s
     GROUP BY 1
), fac AS (
    SELECT left(f.tambon_code, %(length)s) AS code, f.kind::text AS a, count(*) AS n,
           coalesce(sum(f.beds_total), 0) AS beds_total, coalesce(sum(f.beds_free), 0) AS beds_free,
           coalesce(sum(f.daily_capacity), 0) AS daily
      FROM jitasa.facility f
     WHERE f.tambon_code LIKE %(prefix)s
     GROUP BY 1, 2
)
SELECT 'request', code, a, b, n, 0, 0, 0 FROM req
UNION ALL SELECT 'volunteer', code, '', '', n, 0, 0, 0 FROM vol
UNION ALL SELECT 'facility', code, a, '', n, beds_total, beds_free, daily FROM fac
"""

_BY_SERVICE_AREA = """
WITH areas AS (
    SELECT id, geom FROM jitasa.service_area WHERE id = ANY(%(ids)s)
), req AS (
    SELECT s.id::text AS code, r.category::text AS a, r.urgency::text AS b, count(*) AS n
      FROM areas s JOIN jitasa.help_request_map r ON ST_Intersects(s.geom, r.geom)
     WHERE r.status::text = ANY(%(open)s)
     GROUP BY 1, 2, 3
), vol AS (
    SELECT s.id::text AS code, count(DISTINCT a.volunteer_id) AS n
      FROM areas s
      JOIN jitasa.help_request_map r ON ST_Intersects(s.geom, r.geom)
      JOIN jitasa.assignment a ON a.request_id = r.id AND a.status IN ('proposed', 'active')
     GROUP BY 1
), fac AS (
    SELECT s.id::text AS code, f.kind::text AS a, count(*) AS n,
           coalesce(sum(f.beds_total), 0) AS beds_total, coalesce(sum(f.beds_free), 0) AS beds_free,
           coalesce(sum(f.daily_capacity), 0) AS daily
      FROM areas s JOIN jitasa.facility f ON ST_Intersects(s.geom, f.geom)
     GROUP BY 1, 2
)
SELECT 'request', code, a, b, n, 0, 0, 0 FROM req
UNION ALL SELECT 'volunteer', code, '', '', n, 0, 0, 0 FROM vol
UNION ALL SELECT 'facility', code, a, '', n, beds_total, beds_free, daily FROM fac
"""


def area_figures(conn, level: str, codes: list[str], scope_prefix: str = "") -> dict[str, AreaFigures]:
    """The figures of every area in `codes` (amphoe / tambon codes, or service-area ids as text) in one
    query, read in the caller's transaction. Every code gets an entry, empty where nothing is open.

    `scope_prefix` (a province or amphoe code) narrows the admin-level query to that scope's tambons."""
    if level not in LEVELS:
        raise ValueError(f"unknown atlas level {level!r}")
    figures = {code: AreaFigures(code) for code in codes}
    if not codes:
        return figures
    if level == "service_area":
        rows = fetch(conn, _BY_SERVICE_AREA, {"ids": [int(c) for c in codes], "open": list(OPEN_STATUSES)})
    else:
        rows = fetch(
            conn, _BY_CODE, {"length": _CODE_LENGTH[level], "prefix": f"{scope_prefix}%", "open": list(OPEN_STATUSES)}
        )
    for kind, code, a, b, n, beds_total, beds_free, daily in rows:
        page = figures.get(code)
        if page is None:  # an area outside the pages asked for
            continue
        if kind == "request":
            page.requests[(a, b)] = int(n)
        elif kind == "volunteer":
            page.volunteers_assigned = int(n)
        else:
            page.facilities[a] = int(n)
            page.beds_total += int(beds_total)
            page.beds_free += int(beds_free)
            page.daily_capacity += int(daily)
    return figures


@dataclass(frozen=True)
class PrintArea:
    """An area to print: an amphoe, tambon or province by code, or a service area by id (as text)."""

    level: str
    code: str
    name_th: str
    name_en: str
    parent_name_th: str  # the amphoe of a tambon, the province of an amphoe; '' else
    wkb: bytes  # its (multi)polygon in EPSG:4326
    bbox: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax


_ADMIN_PAGES = """
SELECT a.level::text, a.code, a.name_th, coalesce(a.name_en, ''), coalesce(p.name_th, ''),
       ST_AsBinary(a.geom), ST_XMin(a.geom), ST_YMin(a.geom), ST_XMax(a.geom), ST_YMax(a.geom)
  FROM jitasa.admin_area a LEFT JOIN jitasa.admin_area p ON p.code = a.parent_code
 WHERE a.level::text = %(level)s AND a.code LIKE %(prefix)s
 ORDER BY a.code
"""

_SERVICE_AREA_PAGES = """
SELECT 'service_area', s.id::text, s.name, '', coalesce(s.responsible, ''),
       ST_AsBinary(s.geom), ST_XMin(s.geom), ST_YMin(s.geom), ST_XMax(s.geom), ST_YMax(s.geom)
  FROM jitasa.service_area s
 WHERE (%(scope)s = '' OR EXISTS (
        SELECT 1 FROM jitasa.admin_area a WHERE a.code = %(scope)s AND ST_Intersects(a.geom, s.geom)))
   AND (%(ids)s::int[] IS NULL OR s.id = ANY(%(ids)s::int[]))
 ORDER BY s.name, s.id
"""


def _area(row) -> PrintArea:
    level, code, name_th, name_en, parent, wkb, xmin, ymin, xmax, ymax = row
    return PrintArea(level, code, name_th, name_en, parent, bytes(wkb), (xmin, ymin, xmax, ymax))


def print_areas(conn, level: str, scope_code: str = "", ids: list[int] | None = None) -> list[PrintArea]:
    """The areas of `level` (province / amphoe / tambon / service_area) inside the scope (a province or
    amphoe code; '' everywhere), in code (or name) order; service areas also by id. One query."""
    prefix = f"{scope_code}%"
    if level == "service_area":
        rows = fetch(conn, _SERVICE_AREA_PAGES, {"scope": scope_code, "ids": ids})
    elif level in ("province", "amphoe", "tambon"):
        rows = fetch(conn, _ADMIN_PAGES, {"level": level, "prefix": prefix})
    else:
        raise ValueError(f"unknown print level {level!r}")
    return [_area(r) for r in rows]


def store_extent(conn) -> tuple[float, float, float, float] | None:
    """The extent of every province in the store (else of every admin area), or None when it has none."""
    rows = fetch(
        conn,
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM ("
        " SELECT ST_Extent(geom) AS e FROM jitasa.admin_area"
        "  WHERE level = 'province' OR NOT EXISTS (SELECT 1 FROM jitasa.admin_area WHERE level = 'province')) x",
        (),
    )
    if not rows or rows[0][0] is None:
        return None
    return tuple(float(v) for v in rows[0])
