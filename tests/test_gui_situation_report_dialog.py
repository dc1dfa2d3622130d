# ruff: noqa: F811 - the fixture opened comes from dialog_checks
"""The Situation report dialog on the real test store (demo loaded, logins of real roles through pg_service):
an analyst's report PDF and XLSX made as a background task with progress, each opened by its button; CSV
tables a file each; a missing output, an unwritable PDF (no tables written either), an area that names nothing
and a role that may not read the requests are said in words; the Thai dialog has no English."""

from __future__ import annotations

import pytest
from dialog_checks import assert_bad_input_said, opened  # noqa: F401 - a fixture, used by name
from printing_support import pdf_pages, pdf_text, thai_letters
from task_waiting import finish
from test_gui_thai_ui import thai  # noqa: F401 - the Thai translator fixture, used by name

from jitasa_qgis.gui.situation_report_dialog import SituationReportDialog
from jitasa_qgis.store.qgis_connections import from_service


def test_an_analyst_makes_the_report_of_the_province(demo, service_of, tmp_path, opened, qgis_app):
    from openpyxl import load_workbook

    location = from_service(service_of("jitasa_analyst"))
    dialog = SituationReportDialog(lambda: location)
    dialog.area_level.setCurrentIndex(dialog.area_level.findData("province"))
    dialog.area.setText("เพชรบูรณ์")
    dialog.days.setValue(3)
    dialog.thai_digits.setChecked(False)
    dialog.output.setFilePath(str(tmp_path / "report"))
    dialog.tables.setFilePath(str(tmp_path / "report.xlsx"))
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    result = finish(dialog.start(), timeout=120)
    assert result.path == tmp_path / "report.pdf" and result.pages == pdf_pages(result.path) >= 2
    assert result.area.code == "67"
    assert thai_letters("เพชรบูรณ์") in thai_letters(pdf_text(result.path, 1, 1))  # made in the worker thread
    book = load_workbook(tmp_path / "report.xlsx", read_only=True)
    assert "open_by_tambon" in book.sheetnames
    assert str(result.path) in dialog.status.text() and "report.xlsx" in dialog.status.text()
    assert any(0 < v < 100 for v in seen) and dialog.progress.value() == 100
    dialog.open_button.click()
    dialog.open_tables_button.click()
    assert opened == [result.path, tmp_path / "report.xlsx"]


def test_csv_tables_only_open_their_folder(demo, service_of, tmp_path, opened, qgis_app):
    location = from_service(service_of("jitasa_analyst"))
    dialog = SituationReportDialog(lambda: location)
    dialog.area.setText("6710")
    dialog.tables.setFilePath(str(tmp_path / "wangpong.csv"))
    result = finish(dialog.start(), timeout=120)
    assert result.path is None and len(result.table_paths) >= 4
    assert all(p.parent == tmp_path and p.exists() for p in result.table_paths)
    assert not dialog.open_button.isEnabled() and dialog.open_tables_button.isEnabled()
    dialog.open_tables_button.click()
    assert opened == [tmp_path]


def test_bad_input_is_said_in_words(demo, service_of, tmp_path, qgis_app):
    analyst, feed = (from_service(service_of(role)) for role in ("jitasa_analyst", "jitasa_feed"))
    tables = tmp_path / "report.xlsx"  # not written when the PDF is not
    assert_bad_input_said(SituationReportDialog, analyst, feed, tmp_path, "report.pdf", tables=tables)
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.xlsx")) == []


@pytest.mark.usefixtures("thai")
def test_the_dialog_in_thai_has_no_english_and_nothing_drawn_over(qgis_app):
    from dialog_checks import assert_thai_dialog

    assert_thai_dialog(SituationReportDialog(lambda: None), "รายงาน")
