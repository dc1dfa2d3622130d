"""core.situation_report on hand-made rows: counts by tambon and category with totals, waiting medians and
percentiles, the waiting classes, assignments today by status, the XLSX and CSV files."""

from __future__ import annotations

import openpyxl
import pytest

from jitasa_qgis.core.situation_report import (
    assignments_today,
    open_by_tambon,
    waiting_by_urgency,
    waiting_distribution,
    write_tables,
)
from jitasa_qgis.store.situation_report import OpenRequest

H = 3600.0
TAMBONS = [("671001", "วังโป่ง"), ("671002", "ท้ายดง")]
REQUESTS = [
    OpenRequest("671001", "oxygen", "critical", 0.5 * H),
    OpenRequest("671001", "oxygen", "high", 2 * H),
    OpenRequest("671001", "medicine", "high", 4 * H),
    OpenRequest("671002", "medicine", "normal", 30 * H),
    OpenRequest(None, "other", "low", 100 * H),
]


def test_open_requests_by_tambon_and_category_with_totals():
    table = open_by_tambon(TAMBONS, REQUESTS)
    col = {c.name: i for i, c in enumerate(table.columns)}
    by_code = {r[0]: r for r in table.rows[:-1]}
    assert set(by_code) == {"671001", "671002", ""}
    assert by_code["671001"][col["oxygen"]] == 2 and by_code["671001"][col["medicine"]] == 1
    assert by_code["671001"][col["total"]] == 3 and by_code["671001"][1] == "วังโป่ง"
    assert by_code["671002"][col["medicine"]] == 1 and by_code["671002"][col["total"]] == 1
    assert by_code[""][col["other"]] == 1 and by_code[""][1] == "outside the boundaries"
    total = table.rows[-1]
    assert total[col["total"]] == 5 and total[col["oxygen"]] == 2 and total[col["medicine"]] == 2
    assert table.total_row


def test_waiting_times_by_urgency_and_classes():
    table = waiting_by_urgency(REQUESTS)
    rows = {r[0]: r for r in table.rows}
    assert rows["High"][1:] == [2, 3.0, 4.0, 4.0]  # median of 2 h and 4 h; the 90th of two is the larger
    assert rows["All"][1:] == [5, 4.0, 100.0, 100.0]
    assert "Critical" in rows and "Normal" in rows and "Low" in rows
    classes = waiting_distribution(REQUESTS).rows
    assert [n for _, n in classes] == [1, 1, 1, 0, 0, 1, 0, 1]  # <1, 1-3, 3-6, 6-12, 12-24, 24-48, 48-72, >72
    assert sum(n for _, n in classes) == len(REQUESTS)


def test_no_open_requests_gives_zero_rows_not_an_error():
    assert waiting_by_urgency([]).rows == [["All", 0, None, None, None]]
    assert open_by_tambon(TAMBONS, []).rows[-1][-1] == 0


def test_assignments_today_by_tambon_and_status():
    table = assignments_today(TAMBONS, [("671001", "active", 3), ("671001", "proposed", 1), ("671002", "active", 2)])
    col = {c.name: i for i, c in enumerate(table.columns)}
    assert table.rows[0][col["active"]] == 3 and table.rows[0][col["total"]] == 4
    assert table.rows[-1][col["active"]] == 5 and table.rows[-1][col["total"]] == 6


def test_tables_to_xlsx_sheets_and_csv_files(tmp_path):
    tables = [open_by_tambon(TAMBONS, REQUESTS), waiting_by_urgency(REQUESTS)]
    (book,) = write_tables(tmp_path / "report.xlsx", tables)
    sheets = openpyxl.load_workbook(book).sheetnames
    assert sheets == ["open_by_tambon", "waiting_by_urgency"]
    first = openpyxl.load_workbook(book)["open_by_tambon"]
    assert first.cell(2, 1).value == "671001"  # a code stays text
    paths = write_tables(tmp_path / "report.csv", tables)
    assert [p.name for p in paths] == ["report_open_by_tambon.csv", "report_waiting_by_urgency.csv"]
    assert "วังโป่ง" in paths[0].read_text(encoding="utf-8-sig")
    with pytest.raises(ValueError, match=".xlsx or .csv"):
        write_tables(tmp_path / "report.txt", tables)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report.xlsx"] + [p.name for p in paths])
