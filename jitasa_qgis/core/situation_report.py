"""The situation report's tables from its rows (store.situation_report), and writing them to CSV / XLSX.

Pure: plain data in, `ReportTable`s out (column names for files, headings in the user's language for the
page). The tables: open requests by tambon and category, waiting times by urgency and their distribution,
assignments made today by tambon and status, facility capacity, open requests over time.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence, Union

from ..definitions import labels
from ..definitions.enums import AssignmentStatus, RequestCategory, Urgency
from ..definitions.i18n import translate
from .table_export import Column, write_table
from .thai_dates import SHORT, thai_date

PathLike = Union[str, Path]
HOUR = 3600.0
# waiting-time classes (upper bounds in hours; the last is open-ended)
WAIT_BOUNDS_H = (1, 3, 6, 12, 24, 48, 72)


@dataclass
class ReportTable:
    key: str  # file / sheet name
    title: str
    columns: list[Column]
    headings: list[str]
    rows: list[list] = field(default_factory=list)
    total_row: bool = False  # the last row is a total (printed bold)


def _label(label: Callable[[str], str], value: Optional[str]) -> str:
    if value is None:
        return ""
    try:
        return label(value)
    except (KeyError, ValueError):  # a value newer than this plugin: shown as it is
        return value


def _outside() -> str:
    return translate("SituationReport", "outside the boundaries")


def open_by_tambon(tambons: Sequence[tuple[str, str]], requests) -> ReportTable:
    """One row per tambon with open requests (by code), one column per category, totals last."""
    categories = [c.value for c in RequestCategory]
    names = dict(tambons)
    counts: dict[Optional[str], Counter] = defaultdict(Counter)
    for r in requests:
        counts[r.tambon_code][r.category] += 1
    table = ReportTable(
        "open_by_tambon",
        translate("SituationReport", "Open requests by tambon and category"),
        [Column("tambon_code"), Column("tambon")]
        + [Column(c, "integer") for c in categories]
        + [Column("total", "integer")],
        [translate("SituationReport", "Code"), translate("SituationReport", "Tambon")]
        + [_label(labels.category_label, c) for c in categories]
        + [translate("SituationReport", "Total")],
        total_row=True,
    )
    for code in sorted(counts, key=lambda c: (c is None, c or "")):
        row = counts[code]
        table.rows.append(
            [code or "", names.get(code, _outside()) if code else _outside()]
            + [row[c] for c in categories]
            + [sum(row.values())]
        )
    totals = Counter()
    for row in counts.values():
        totals.update(row)
    table.rows.append(
        ["", translate("SituationReport", "Total")] + [totals[c] for c in categories] + [sum(totals.values())]
    )
    return table


def _hours(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return round(statistics.median(ordered) / HOUR, 1), round(p90 / HOUR, 1), round(ordered[-1] / HOUR, 1)


def waiting_by_urgency(requests) -> ReportTable:
    """Open requests' waiting so far, by urgency: count, median, 90th percentile, longest (hours)."""
    table = ReportTable(
        "waiting_by_urgency",
        translate("SituationReport", "Waiting times of open requests (hours)"),
        [
            Column("urgency"),
            Column("open", "integer"),
            Column("median_h", "real"),
            Column("p90_h", "real"),
            Column("max_h", "real"),
        ],
        [
            translate("SituationReport", "Urgency"),
            translate("SituationReport", "Open"),
            translate("SituationReport", "Median"),
            translate("SituationReport", "90% within"),
            translate("SituationReport", "Longest"),
        ],
        total_row=True,
    )
    by_urgency: dict[str, list[float]] = defaultdict(list)
    for r in requests:
        by_urgency[r.urgency].append(r.waited_s)
    for urgency in [u.value for u in Urgency]:
        waits = by_urgency.get(urgency)
        if waits:
            table.rows.append([_label(labels.urgency_label, urgency), len(waits), *_hours(waits)])
    every = [r.waited_s for r in requests]
    if every:
        table.rows.append([translate("SituationReport", "All"), len(every), *_hours(every)])
    else:
        table.rows.append([translate("SituationReport", "All"), 0, None, None, None])
    return table


def wait_class_labels() -> list[str]:
    out, low = [], 0
    for high in WAIT_BOUNDS_H:
        out.append(translate("SituationReport", "{0}–{1} h").format(low, high))
        low = high
    out.append(translate("SituationReport", "over {0} h").format(low))
    return out


def waiting_distribution(requests) -> ReportTable:
    """How many open requests have waited how long, in the classes of WAIT_BOUNDS_H."""
    counts = [0] * (len(WAIT_BOUNDS_H) + 1)
    for r in requests:
        hours = r.waited_s / HOUR
        index = next((i for i, bound in enumerate(WAIT_BOUNDS_H) if hours < bound), len(WAIT_BOUNDS_H))
        counts[index] += 1
    table = ReportTable(
        "waiting_distribution",
        translate("SituationReport", "Open requests by time waited"),
        [Column("waited"), Column("open", "integer")],
        [translate("SituationReport", "Waited"), translate("SituationReport", "Open")],
    )
    table.rows = [[label, n] for label, n in zip(wait_class_labels(), counts)]
    return table


def assignments_today(tambons: Sequence[tuple[str, str]], rows) -> ReportTable:
    """Assignments made since midnight, by the request's tambon and the assignment's status now."""
    statuses = [s.value for s in AssignmentStatus]
    names = dict(tambons)
    counts: dict[Optional[str], Counter] = defaultdict(Counter)
    for code, status, n in rows:
        counts[code][status] += n
    table = ReportTable(
        "assignments_today",
        translate("SituationReport", "Assignments made today"),
        [Column("tambon_code"), Column("tambon")]
        + [Column(s, "integer") for s in statuses]
        + [Column("total", "integer")],
        [translate("SituationReport", "Code"), translate("SituationReport", "Tambon")]
        + [_label(labels.assignment_status_label, s) for s in statuses]
        + [translate("SituationReport", "Total")],
        total_row=True,
    )
    totals = Counter()
    for code in sorted(counts, key=lambda c: (c is None, c or "")):
        row = counts[code]
        totals.update(row)
        table.rows.append(
            [code or "", names.get(code, _outside()) if code else _outside()]
            + [row[s] for s in statuses]
            + [sum(row.values())]
        )
    table.rows.append(
        ["", translate("SituationReport", "Total")] + [totals[s] for s in statuses] + [sum(totals.values())]
    )
    return table


def facility_capacity(facilities, use_thai_digits: bool = False) -> ReportTable:
    table = ReportTable(
        "facility_capacity",
        translate("SituationReport", "Facility capacity"),
        [
            Column("facility"),
            Column("kind"),
            Column("tambon"),
            Column("beds_total", "integer"),
            Column("beds_free", "integer"),
            Column("daily_capacity", "integer"),
            Column("status"),
            Column("updated"),
        ],
        [
            translate("SituationReport", "Facility"),
            translate("SituationReport", "Kind"),
            translate("SituationReport", "Tambon"),
            translate("SituationReport", "Beds"),
            translate("SituationReport", "Free beds"),
            translate("SituationReport", "Per day"),
            translate("SituationReport", "Status"),
            translate("SituationReport", "Updated"),
        ],
    )
    for f in facilities:
        updated = (
            thai_date(f.capacity_updated_at, SHORT, use_thai_digits, with_time=True) if f.capacity_updated_at else ""
        )
        table.rows.append(
            [
                f.name_th,
                _label(labels.facility_kind_label, f.kind),
                f.tambon_name or _outside(),
                f.beds_total,
                f.beds_free,
                f.daily_capacity,
                _label(labels.capacity_status_label, f.capacity_status),
                updated,
            ]
        )
    return table


def open_over_time(series: Sequence[tuple[dt.datetime, int]], use_thai_digits: bool = False) -> ReportTable:
    table = ReportTable(
        "open_over_time",
        translate("SituationReport", "Open requests over time"),
        [Column("at", "datetime"), Column("at_th"), Column("open", "integer")],
        [
            translate("SituationReport", "Time"),
            translate("SituationReport", "Time (B.E.)"),
            translate("SituationReport", "Open"),
        ],
    )
    table.rows = [[t, thai_date(t, SHORT, use_thai_digits, with_time=True), n] for t, n in series]
    return table


def build_tables(rows, use_thai_digits: bool = False) -> list[ReportTable]:
    """Every table of the report, in the order they print."""
    return [
        open_by_tambon(rows.tambons, rows.open_requests),
        waiting_by_urgency(rows.open_requests),
        waiting_distribution(rows.open_requests),
        assignments_today(rows.tambons, rows.assignments_today),
        facility_capacity(rows.facilities, use_thai_digits),
        open_over_time(rows.series, use_thai_digits),
    ]


def write_tables(path: PathLike, tables: Sequence[ReportTable]) -> list[Path]:
    """The tables as one XLSX workbook (a sheet each) or, for .csv, one CSV each beside it
    (<name>_<table>.csv). All-or-nothing per file: a temporary file renamed at the end. ValueError for
    another suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        written = []
        for t in tables:
            target = path.with_name(f"{path.stem}_{t.key}.csv")
            write_table(target, t.columns, t.rows, "csv")
            written.append(target)
        return written
    if suffix != ".xlsx":
        raise ValueError(
            translate("SituationReport", "Report tables go to a .xlsx or .csv file, not '{0}'.").format(path.name)
        )
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for t in tables:
        sheet = book.create_sheet(title=t.key[:31])
        sheet.append([c.name for c in t.columns])
        for cell in sheet[1]:
            cell.font = bold
        for row in t.rows:
            # text stays text (codes keep their leading zeros); Excel has no time zones
            sheet.append([v.replace(tzinfo=None) if isinstance(v, dt.datetime) and v.tzinfo else v for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a name starting with '=' is not a formula
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part.xlsx", dir=str(path.parent))
    os.close(handle)
    try:
        book.save(name)
        os.replace(name, path)
    except BaseException:
        if os.path.exists(name):
            os.unlink(name)
        raise
    return [path]
