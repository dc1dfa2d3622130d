"""printing.pdf_parts with real QGIS layouts on real QThreads and poppler's pdfunite: call sheets written in
parts give the same pages, in the same order, as one part, numbered across the join; the sheets are split
into runs of about as many pages, never inside a sheet; a cancel midway, a part that fails and a join that
fails each leave no file (an earlier one stays as it was) and no part file; without pdfunite there is one
part and the export still works."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from printing_support import pdf_layout_pages
from test_printing_call_sheets import _rows

from jitasa_qgis.definitions.print_errors import PrintErrorCode
from jitasa_qgis.printing import pdf_parts
from jitasa_qgis.printing.call_sheets import (
    MAX_ROWS,
    PlannedSheet,
    PrintCancelled,
    SheetOptions,
    export_call_sheets,
    plan_sheets,
    sheet_pages,
    split_sheets,
)
from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.printing.fonts import thai_font_family
from jitasa_qgis.printing.layouts import ExportCancelled

OPTIONS = SheetOptions(dt.datetime(2026, 12, 2, 10, 0))


def _volunteers(n: int):
    """n volunteers in no team, every third with more requests than a first page holds (two pages)."""
    rows = _rows(members=n, requests_each=3, team=None)
    for i in range(0, n, 3):
        extra = _rows(members=1, requests_each=MAX_ROWS + 2, team=None).volunteers[0].requests
        rows.volunteers[i].requests.extend(extra)
    return rows


def _leftovers(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".part.pdf"))


def test_parts_give_the_pages_of_one_part_numbered_across_the_join(qgis_app, tmp_path):
    rows = _volunteers(9)
    one, three = tmp_path / "one.pdf", tmp_path / "three.pdf"
    printed = export_call_sheets(rows, [], one, OPTIONS, parts=1)
    progress: list[float] = []
    printed_3 = export_call_sheets(rows, [], three, OPTIONS, parts=3, on_progress=progress.append)
    assert printed == printed_3 and printed.pages == 12  # 3 volunteers of 2 pages, 6 of 1
    pages_1, pages_3 = pdf_layout_pages(one), pdf_layout_pages(three)
    assert pages_3 == pages_1
    for n, text in enumerate(pages_3, start=1):
        assert f"Page {n} of 12" in text
    ids = [int(re.search(r"no\. (\d+)", text).group(1)) for text in pages_3]
    assert ids == [700 + i for i in range(9) for _ in range(2 if i % 3 == 0 else 1)]  # in order, whole
    assert progress and all(0.0 <= p <= 1.0 for p in progress) and progress[-1] > 0.5
    assert _leftovers(tmp_path) == []


def _planned(pages: list[int]) -> list[PlannedSheet]:
    return [PlannedSheet(sheet=i, cells=[], papers=[None] * n) for i, n in enumerate(pages)]


def test_the_sheets_are_split_into_runs_of_about_as_many_pages_never_inside_a_sheet():
    planned = _planned([1, 2, 1, 1, 5, 1, 1, 1, 2, 1, 1, 1])  # 18 pages
    groups = split_sheets(planned, 3)
    assert [p for g in groups for p in g] == planned  # all, in order, each once
    assert len(groups) == 3
    assert all(5 <= sum(len(p.papers) for p in g) <= 7 for g in groups)
    assert split_sheets(planned, 1) == [planned]
    assert len(split_sheets(_planned([1, 1]), 4)) == 2  # no more runs than sheets
    assert split_sheets(_planned([3]), 2) == [_planned([3])]


def test_a_cancel_midway_leaves_no_file_and_keeps_the_earlier_one(qgis_app, tmp_path):
    rows = _volunteers(30)
    path = tmp_path / "sheets.pdf"
    path.write_bytes(b"%PDF-1.4 the earlier sheets")
    seen: list[float] = []
    with pytest.raises(PrintCancelled):
        export_call_sheets(
            rows,
            [],
            path,
            OPTIONS,
            parts=2,
            on_progress=seen.append,
            is_cancelled=lambda: bool(seen) and seen[-1] > 0.2,
        )
    assert 0.2 < max(seen) < 0.9  # stopped midway, not at the end
    assert path.read_bytes() == b"%PDF-1.4 the earlier sheets"
    assert _leftovers(tmp_path) == []


def test_a_part_that_fails_stops_the_others_and_leaves_no_file(qgis_app, tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(b"earlier")
    stopped = []

    def slow(file, feedback):  # runs until told to stop, as a long part would
        deadline = time.monotonic() + 30
        while not feedback.isCanceled() and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.append(feedback.isCanceled())
        raise ExportCancelled()

    def failing(file, feedback):
        time.sleep(0.05)
        raise PrintError(PrintErrorCode.EXPORT_FAILED, "part two")

    with pytest.raises(PrintError) as caught:
        pdf_parts.export_in_parts(path, [slow, failing])
    assert caught.value.code == PrintErrorCode.EXPORT_FAILED and "part two" in caught.value.detail
    assert stopped == [True]
    assert path.read_bytes() == b"earlier" and _leftovers(tmp_path) == []


def test_a_join_that_fails_names_it_and_leaves_no_file(qgis_app, tmp_path):
    path = tmp_path / "out.pdf"

    def not_a_pdf(file, feedback):
        file.write_bytes(b"not a pdf")

    with pytest.raises(PrintError) as caught:
        pdf_parts.export_in_parts(path, [not_a_pdf, not_a_pdf])
    assert caught.value.code == PrintErrorCode.EXPORT_FAILED and pdf_parts.PDFUNITE in caught.value.detail
    assert not path.exists() and _leftovers(tmp_path) == []


def test_without_pdfunite_one_part_is_written(qgis_app, tmp_path, monkeypatch):
    assert pdf_parts.parts_for(1000) == min(pdf_parts.cores(), pdf_parts.MAX_PARTS)
    assert pdf_parts.parts_for(pdf_parts.MIN_PART_PAGES - 1) == 1
    rows = _volunteers(3)
    path = tmp_path / "sheets.pdf"
    empty = tmp_path / "bin"
    empty.mkdir()
    with monkeypatch.context() as patched:
        patched.setenv("PATH", str(empty))
        assert pdf_parts.parts_for(1000) == 1
        printed = export_call_sheets(rows, [], path, OPTIONS)
    pages = pdf_layout_pages(path)
    assert printed.pages == len(pages) == 4 and "Page 4 of 4" in pages[-1]


def test_sheet_pages_stay_whole_in_a_real_split(qgis_app):
    rows = _volunteers(6)
    planned = plan_sheets(rows, sheet_pages(rows), False, thai_font_family())
    groups = split_sheets(planned, 2)
    assert [sum(len(p.papers) for p in g) for g in groups] == [4, 4]  # 2+1+1 | 2+1+1
