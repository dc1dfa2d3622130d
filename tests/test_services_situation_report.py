"""services.situation_report on the real test cluster with the demo loaded: the tables equal counts made
straight in SQL (as an analyst, who may read no personal data), the PDF has pages that are not blank and
its Thai tambon names are extractable, the XLSX has a sheet per table, bad input and a cancel leave no file."""

from __future__ import annotations

import openpyxl
import pytest
from printing_support import page_is_blank, pdf_pages, pdf_text, thai_letters
from service_support import rows

from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.situation_report import SituationReportParams, make_situation_report

AMPHOE = "6710"


@pytest.fixture
def demo(store, qgis_app):
    load_demo(store, DemoParams(n_requests=300, n_volunteers=90, seed=5))
    with store.connect() as conn, conn.cursor() as cur:  # two assignments made "today", one of them proposed
        cur.execute(
            "UPDATE jitasa.assignment SET created_at = now() WHERE id IN (SELECT a.id FROM jitasa.assignment a"
            " JOIN jitasa.help_request r ON r.id = a.request_id WHERE r.tambon_code LIKE '6710%' ORDER BY a.id LIMIT 2)"
        )
        cur.execute("UPDATE jitasa.assignment SET created_at = now() - interval '3 days' WHERE created_at < now()")
    return store


def test_tables_equal_counts_made_in_sql(demo, login_role, tmp_path):
    _, connect = login_role("jitasa_analyst")
    result = make_situation_report(
        lambda: connect(autocommit=False), SituationReportParams(path=tmp_path / "r.pdf", area=AMPHOE)
    )
    tables = {t.key: t for t in result.tables}

    by_tambon = tables["open_by_tambon"]
    col = {c.name: i for i, c in enumerate(by_tambon.columns)}
    expected = rows(
        demo,
        "SELECT tambon_code, category::text, count(*) FROM jitasa.help_request"
        " WHERE status IN ('new', 'assigned', 'in_progress') AND tambon_code LIKE %s GROUP BY 1, 2",
        (AMPHOE + "%",),
    )
    got = {
        (r[0], c): r[col[c]] for r in by_tambon.rows[:-1] for c in col if c not in ("tambon_code", "tambon", "total")
    }
    assert {k: v for k, v in got.items() if v} == {(t, c): n for t, c, n in expected}
    assert by_tambon.rows[-1][col["total"]] == sum(n for *_, n in expected) == result.open_requests

    waits = tables["waiting_by_urgency"].rows[-1]
    (median_h,) = rows(
        demo,
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM now() - created_at)) / 3600"
        " FROM jitasa.help_request WHERE status IN ('new', 'assigned', 'in_progress') AND tambon_code LIKE %s",
        (AMPHOE + "%",),
    )[0]
    assert abs(waits[2] - float(median_h)) < 0.2
    assert sum(r[1] for r in tables["waiting_distribution"].rows) == result.open_requests

    today = tables["assignments_today"]
    assert today.rows[-1][-1] == 2
    facilities = rows(demo, "SELECT count(*) FROM jitasa.facility WHERE tambon_code LIKE %s", (AMPHOE + "%",))[0][0]
    assert len(tables["facility_capacity"].rows) == facilities
    series = tables["open_over_time"].rows
    assert len(series) == 7 * 4 + 1 and series[-1][2] == result.open_requests


def test_the_pdf_is_not_blank_and_its_thai_is_extractable(demo, tmp_path):
    out = tmp_path / "report.pdf"
    result = make_situation_report(demo, SituationReportParams(path=out, area="อำเภอวังโป่ง", office="สสจ.เพชรบูรณ์"))
    assert result.pages == pdf_pages(out) >= 1
    assert not page_is_blank(out, 1, tmp_path)
    text = thai_letters(pdf_text(out))
    tambons = next(t for t in result.tables if t.key == "open_by_tambon")
    names = [r[1] for r in tambons.rows[:-1]]  # the store's Thai names of the tambons with open requests
    assert names and all(thai_letters(n) in text for n in names)
    assert thai_letters("สสจ.เพชรบูรณ์") in text
    assert "2569" in text or "2570" in text  # the Buddhist-Era year of the report's date


def test_tables_to_xlsx_and_csv(demo, tmp_path):
    result = make_situation_report(demo, SituationReportParams(tables_path=tmp_path / "t.xlsx", area=AMPHOE))
    assert result.path is None and result.pages == 0
    book = openpyxl.load_workbook(result.table_paths[0])
    assert book.sheetnames == [t.key for t in result.tables]
    csvs = make_situation_report(demo, SituationReportParams(tables_path=tmp_path / "t.csv", area=AMPHOE)).table_paths
    assert len(csvs) == len(result.tables) and all(p.exists() for p in csvs)


def test_bad_input_and_a_cancel_leave_no_file(demo, tmp_path):
    with pytest.raises(ValueError, match="Give a PDF"):
        make_situation_report(demo, SituationReportParams(area=AMPHOE))
    with pytest.raises(PrintError, match="Cannot write the PDF"):
        make_situation_report(demo, SituationReportParams(path=tmp_path / "missing" / "r.pdf", area=AMPHOE))
    with pytest.raises(ValueError, match="1 to 90 days"):
        make_situation_report(demo, SituationReportParams(path=tmp_path / "r.pdf", days=0))
    seen: list[float] = []
    progress = CallbackProgress(report=lambda f, m="": seen.append(f), cancelled=lambda: bool(seen))
    with pytest.raises(Cancelled):
        make_situation_report(
            demo, SituationReportParams(path=tmp_path / "r.pdf", tables_path=tmp_path / "r.xlsx"), progress
        )
    assert list(tmp_path.iterdir()) == []
