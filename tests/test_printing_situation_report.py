"""printing.situation_report's pages (the province of the demo store, through the service): a table that runs
onto the next page repeats its title and column headings there, never leaves them alone at the foot of a
page, a chart's title is on its chart's page, the page numbers count the pages; the PDF is also written from
a worker thread (the GUI's background task), the same as from the main thread."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import threading

import pytest
from printing_support import pdf_pages, pdf_text

from jitasa_qgis.definitions.i18n import translate
from jitasa_qgis.printing.situation_report import ReportCancelled, ReportText, export_report
from jitasa_qgis.services.situation_report import SituationReportParams, make_situation_report

CODE = re.compile(r"^\s*(67\d{4})\b", re.M)  # a tambon code starting a line: a table row


def _pages(path) -> list[str]:
    """Each page's text as laid out (a table row on one line, in the order printed)."""
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pdf_pages(path) + 1)
    ]


def _title(key: str) -> str:
    return {
        "open_by_tambon": translate("SituationReport", "Open requests by tambon and category"),
        "assignments_today": translate("SituationReport", "Assignments made today"),
    }[key]


@pytest.fixture
def report(demo, tmp_path, qgis_app):
    path = tmp_path / "province.pdf"
    result = make_situation_report(demo, SituationReportParams(path=path, area="67", use_thai_digits=False))
    return result, _pages(path)


@pytest.mark.parametrize("key", ["open_by_tambon", "assignments_today"])
def test_a_long_table_repeats_its_title_and_headings_on_every_page(report, key):
    result, pages = report
    table = next(t for t in result.tables if t.key == key)
    title, first_heading, last_heading = _title(key), table.headings[0], table.headings[-1]
    on = [n for n, text in enumerate(pages) if title in text]
    assert len(on) >= 2, f"{title!r} fits one page: not a test of the page break"
    assert on == list(range(on[0], on[-1] + 1))  # the pages it runs over, one after another
    codes = {r[0] for r in table.rows if isinstance(r[0], str) and re.fullmatch(r"67\d{4}", r[0])}
    seen = set()
    for n in on:
        text = pages[n]
        after = text[text.index(title) :]
        assert first_heading in after and last_heading in after, f"page {n + 1} lacks the headings"
        rows_here = set(CODE.findall(after[after.index(last_heading) :])) & codes
        assert rows_here, f"page {n + 1} has the headings of {title!r} but none of its rows"
        seen |= rows_here
    assert seen == codes  # every row printed, under its headings


def test_charts_sit_under_their_titles_and_pages_are_numbered(report):
    result, pages = report
    assert result.pages == len(pages)
    for n, text in enumerate(pages, start=1):
        footer = translate("SituationReport", "Situation report · page {0} of {1}").format(n, len(pages))
        assert footer in text
    for words in ("Open requests over time", "Waiting time distribution"):
        title = translate("SituationReport", words)
        page = next(text for text in pages if title in text)
        assert not page.rstrip().endswith(title)


def test_the_pdf_is_made_the_same_in_a_worker_thread(demo, tmp_path, qgis_app):
    main = make_situation_report(demo, SituationReportParams(path=tmp_path / "main.pdf", area="6710"))
    done = {}

    def work():
        try:
            done["result"] = make_situation_report(
                demo, SituationReportParams(path=tmp_path / "worker.pdf", area="6710")
            )
        except BaseException as exc:  # noqa: BLE001 - shown by the assertion below
            done["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(120)
    assert "error" not in done, done.get("error")
    assert done["result"].pages == main.pages == pdf_pages(tmp_path / "worker.pdf")
    strip = lambda text: re.sub(r"\d{1,2}\.\d\d", "", text)  # noqa: E731 - the minute of printing may differ
    assert strip(pdf_text(tmp_path / "worker.pdf")) == strip(pdf_text(tmp_path / "main.pdf"))


def test_a_cancel_while_drawing_leaves_no_file(demo, tmp_path, qgis_app):
    result = make_situation_report(demo, SituationReportParams(tables_path=tmp_path / "t.xlsx", area="67"))
    text = ReportText(area="67", at=dt.datetime.now(dt.timezone.utc))
    asked = []  # cancelled once the first page is drawn
    with pytest.raises(ReportCancelled):
        export_report(result.tables, text, tmp_path / "r.pdf", is_cancelled=lambda: asked.append(1) or len(asked) > 1)
    assert len(asked) == 2 and not list(tmp_path.glob("*.pdf"))
