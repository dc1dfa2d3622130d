"""printing.situation_report's pages (the province of the demo store, through the service): a table that runs
onto the next page repeats its title and column headings there, never leaves them alone at the foot of a
page, and fills the page down to the foot margin before it goes on; column headings break between words
only; a chart's title is on its chart's page, the page numbers count the pages; the PDF is also written from
a worker thread (the GUI's background task), the same as from the main thread."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import threading

import pytest
from printing_support import pdf_layout_pages, pdf_pages, pdf_text, thai_letters
from test_gui_thai_ui import thai  # noqa: F401 - the Thai translator fixture, used by name

from jitasa_qgis.definitions.i18n import translate
from jitasa_qgis.printing.situation_report import (
    FOOTER_MM,
    MARGIN_MM,
    PAGE_MM,
    ReportCancelled,
    ReportText,
    export_report,
)
from jitasa_qgis.services.situation_report import SituationReportParams, make_situation_report

CODE = re.compile(r"^\s*(67\d{4})\b", re.M)  # a tambon code starting a line: a table row


def _title(key: str) -> str:
    return {
        "open_by_tambon": translate("SituationReport", "Open requests by tambon and category"),
        "assignments_today": translate("SituationReport", "Assignments made today"),
    }[key]


@pytest.fixture
def report(demo, tmp_path, qgis_app):
    path = tmp_path / "province.pdf"
    result = make_situation_report(demo, SituationReportParams(path=path, area="67", use_thai_digits=False))
    return result, pdf_layout_pages(path)


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


FOOT_SLACK_MM = 2.5  # less than the 8 pt (2.8 mm) Qt held back at the foot for a table's top margin


def _ink_bottom_mm(path, page: int, below_mm: float, dpi: int = 100) -> float:
    """How far down page `page` (mm from its top) the lowest dark pixel above `below_mm` is."""
    out = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(path)],
        capture_output=True,
        check=True,
    ).stdout
    _magic, size, _depth, pixels = out.split(b"\n", 3)  # a binary PGM
    width, height = (int(v) for v in size.split())
    for y in range(min(height, int(below_mm / 25.4 * dpi)) - 1, -1, -1):
        if min(pixels[y * width : (y + 1) * width]) < 160:  # the rules are #999999
            return y / dpi * 25.4
    return 0.0


@pytest.mark.parametrize("locale", ["en", "th"])
def test_a_table_fills_the_page_before_it_goes_on(demo, tmp_path, qgis_app, request, locale):
    """Where a table runs onto the next page, its rows reach down to the foot margin (Qt kept a table's top
    margin free at the foot of each page it ran over, and up to a row's room more with it)."""
    if locale == "th":
        request.getfixturevalue("thai")
    path = tmp_path / "province.pdf"
    result = make_situation_report(demo, SituationReportParams(path=path, area="67"))
    pages = pdf_layout_pages(path)
    foot = PAGE_MM[1] - MARGIN_MM - FOOTER_MM
    gone_on = []
    for key in ("open_by_tambon", "assignments_today"):
        title = thai_letters(_title(key))  # the letters: Qt's PDF text drops some Thai marks
        gone_on += [n for n, text in enumerate(pages) if title in thai_letters(text)][:-1]
    assert len(gone_on) >= 2 and result.pages == len(pages)
    for n in gone_on:
        gap = foot - _ink_bottom_mm(path, n + 1, foot + 2)  # the footer's text is lower than that
        assert 0 <= gap < FOOT_SLACK_MM, f"page {n + 1}: {gap:.1f} mm left empty above the foot margin"


@pytest.mark.parametrize("area", ["67", "6710"])
def test_headings_break_between_words_only(demo, tmp_path, qgis_app, area):
    """The English headings of the 12-column tambon table: each word whole on one line (Qt broke
    "Vaccination" into "Vaccinatio" / "n" when a narrow column could not hold it)."""
    path = tmp_path / "report.pdf"
    result = make_situation_report(demo, SituationReportParams(path=path, area=area))
    table = next(t for t in result.tables if t.key == "open_by_tambon")
    text = pdf_layout_pages(path)[0]
    start = text.index(_title("open_by_tambon")) + len(_title("open_by_tambon"))
    headings = text[start : CODE.search(text, start).start()]  # from the title down to the first row
    printed = set(headings.split())
    words = {word for heading in table.headings for word in heading.split()}
    assert words <= printed, f"split or missing: {sorted(words - printed)}"


def test_headings_too_long_for_their_columns_are_made_smaller(demo, tmp_path, qgis_app):
    """Headings whose words cannot all fit the page's width at 8 pt are set smaller, still whole words,
    rather than broken inside a word or run off the page."""
    result = make_situation_report(demo, SituationReportParams(tables_path=tmp_path / "t.xlsx", area="6710"))
    long = "Transportation"  # twelve columns of it do not fit 186 mm at 8 pt bold
    tables = [
        dataclasses.replace(t, headings=[long] * len(t.headings)) if t.key == "open_by_tambon" else t
        for t in result.tables
    ]
    path = tmp_path / "long.pdf"
    export_report(tables, ReportText(area="6710", at=dt.datetime.now(dt.timezone.utc)), path)
    text = pdf_layout_pages(path)[0]
    start = text.index(_title("open_by_tambon"))
    headings = text[start : CODE.search(text, start).start()].split()
    assert headings.count(long) == len(tables[0].headings), headings
    assert max(len(line) for line in text.splitlines()) < 200  # nothing laid out past the page's edge


def test_charts_sit_under_their_titles_and_pages_are_numbered(report):
    result, pages = report
    assert result.pages == len(pages)
    for n, text in enumerate(pages, start=1):
        footer = translate("SituationReport", "Situation report · page {0} of {1}").format(n, len(pages))
        assert footer in text
    captions = {
        "Open requests over time": "Open requests at each time",  # their first words
        "Waiting time distribution": "Open requests by the hours they have waited",
    }
    for words, caption in captions.items():
        title = translate("SituationReport", words)
        page = next(text for text in pages if title in text)
        assert not page.rstrip().endswith(title)
        assert caption in page[page.index(title) :], f"the caption of {title!r} is not on its page"


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
