"""What is in the store, in numbers: rows per table and open requests per amphoe (for `make demo`, logs)."""

from __future__ import annotations

import unicodedata

from psycopg2 import sql

from ..definitions.enums import OPEN_REQUEST_STATUSES, AdminLevel
from ..definitions.i18n import translate

SUMMARY_TABLES = ("admin_area", "facility", "help_request", "volunteer", "assignment", "assignment_run", "service_area")

_OPEN_BY_AMPHOE = """
SELECT am.code, am.name_th, count(r.id)
  FROM jitasa.admin_area am
  LEFT JOIN jitasa.admin_area tb ON tb.parent_code = am.code AND tb.level = 'tambon'
  LEFT JOIN jitasa.help_request r
         ON r.tambon_code = tb.code AND r.status = ANY (%(open)s::jitasa.request_status[])
 WHERE am.level = 'amphoe'
 GROUP BY am.code, am.name_th
 ORDER BY am.code"""


def store_summary(conn) -> dict:
    """Counts per table, admin areas per level, open requests (new/assigned/in_progress) per amphoe.

    Read-only; runs in the caller's transaction on `conn`.

    {"tables": {table: rows}, "admin_levels": {level: rows}, "open_requests": n,
     "open_outside_areas": n (open requests in no tambon), "open_by_amphoe": [{"code", "name_th", "open"}]}
    """
    open_statuses = [s.value for s in OPEN_REQUEST_STATUSES]
    with conn.cursor() as cur:
        tables = {}
        for table in SUMMARY_TABLES:
            cur.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier("jitasa", table)))
            tables[table] = cur.fetchone()[0]
        cur.execute("SELECT level::text, count(*) FROM jitasa.admin_area GROUP BY level")
        found = dict(cur.fetchall())
        levels = {level.value: found.get(level.value, 0) for level in AdminLevel}
        cur.execute(
            "SELECT count(*), count(*) FILTER (WHERE tambon_code IS NULL) FROM jitasa.help_request"
            " WHERE status = ANY (%(open)s::jitasa.request_status[])",
            {"open": open_statuses},
        )
        open_total, outside = cur.fetchone()
        cur.execute(_OPEN_BY_AMPHOE, {"open": open_statuses})
        by_amphoe = [{"code": code, "name_th": name, "open": n} for code, name, n in cur.fetchall()]
    return {
        "tables": tables,
        "admin_levels": levels,
        "open_requests": open_total,
        "open_outside_areas": outside,
        "open_by_amphoe": by_amphoe,
    }


def format_summary(summary: dict, max_amphoe: int = 30) -> str:
    """A short plain-text table; Thai names are padded by their display width, not their length."""
    levels = summary["admin_levels"]
    notes = {
        "admin_area": ", ".join(f"{k} {v}" for k, v in levels.items()),
        "help_request": translate("StoreSummary", "open {0}").format(summary["open_requests"]),
    }
    lines = [
        _row(translate("StoreSummary", "table"), translate("StoreSummary", "rows"), 16),
        _row("-" * 16, "-" * 8, 16),
    ]
    for table, n in summary["tables"].items():
        lines.append(_row(table, n, 16) + (f"  ({notes[table]})" if table in notes else ""))
    amphoe = [a for a in summary["open_by_amphoe"] if a["open"]] or summary["open_by_amphoe"]
    amphoe = sorted(amphoe, key=lambda a: (-a["open"], a["code"]))
    if amphoe:
        width = max(16, max(_width(a["name_th"]) for a in amphoe[:max_amphoe]))
        lines += [
            "",
            translate("StoreSummary", "Open requests per amphoe"),
            _row(translate("StoreSummary", "amphoe"), translate("StoreSummary", "open"), width),
            _row("-" * width, "-" * 8, width),
        ]
        lines += [_row(a["name_th"], a["open"], width) for a in amphoe[:max_amphoe]]
        if len(amphoe) > max_amphoe:
            lines.append(translate("StoreSummary", "... and {0} more amphoe").format(len(amphoe) - max_amphoe))
    if summary["open_outside_areas"]:
        lines.append(
            translate("StoreSummary", "open requests outside every tambon: {0}").format(summary["open_outside_areas"])
        )
    return "\n".join(lines)


def _row(label: str, value, width: int) -> str:
    return f"{label}{' ' * (width - _width(label))}  {value:>8}"


def _width(text: str) -> int:
    # Thai vowel and tone marks combine with the letter before them and take no column of their own.
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))
