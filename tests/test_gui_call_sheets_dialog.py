# ruff: noqa: F811 - the fixture opened comes from dialog_checks
"""The Print call sheets dialog on the real test store (demo loaded, logins of real roles through pg_service):
an officer's sheets printed as a background task with progress and Open; an analyst's are masked; a cancel
leaves no file; a missing or unwritable output, an area that names nothing and a role that may not read the
volunteers are said in words; the Thai dialog has no English."""

from __future__ import annotations

import re

import pytest
from dialog_checks import assert_bad_input_said, opened  # noqa: F401 - a fixture, used by name
from printing_support import pdf_pages, pdf_text
from service_support import rows
from task_waiting import finish, wait_until
from test_gui_thai_ui import thai  # noqa: F401 - the Thai translator fixture, used by name

from jitasa_qgis.definitions import settings
from jitasa_qgis.gui.call_sheets_dialog import CallSheetsDialog
from jitasa_qgis.store.qgis_connections import from_service


def _volunteers(store, prefix: str) -> int:
    return rows(store, "SELECT count(*) FROM jitasa.volunteer WHERE tambon_code LIKE %s", (prefix + "%",))[0][0]


def test_an_officer_prints_the_sheets_of_an_amphoe_and_opens_them(demo, service_of, tmp_path, opened, qgis_app):
    location = from_service(service_of("jitasa_officer"))
    dialog = CallSheetsDialog(lambda: location)
    dialog.area_level.setCurrentIndex(dialog.area_level.findData("amphoe"))
    dialog.area.setText("วังโป่ง")
    dialog.office.setText("สสจ.เพชรบูรณ์")
    dialog.output.setFilePath(str(tmp_path / "sheets"))
    assert not dialog.open_button.isEnabled()
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    handle = dialog.start()
    assert dialog.cancel_button.isEnabled() and not dialog.run_button.isEnabled() and not dialog.area.isEnabled()
    result = finish(handle, timeout=120)
    assert result.path == tmp_path / "sheets.pdf"
    assert result.pages == pdf_pages(result.path) == _volunteers(demo, "6710")
    assert result.personal_data
    assert dialog.progress.value() == 100 and dialog.run_button.isEnabled() and dialog.area.isEnabled()
    assert str(result.path) in dialog.status.text() and "keep them safe" in dialog.status.text()
    assert any(0 < v < 100 for v in seen)
    assert settings.get(settings.KEY_PRINT_OFFICE) == "สสจ.เพชรบูรณ์"
    assert dialog.open_button.isEnabled()
    dialog.open_button.click()
    assert opened == [result.path]


def test_an_analysts_sheets_are_masked(demo, service_of, tmp_path, qgis_app):
    location = from_service(service_of("jitasa_analyst"))
    dialog = CallSheetsDialog(lambda: location)
    dialog.area.setText("6710")
    dialog.only_assigned.setChecked(True)
    dialog.output.setFilePath(str(tmp_path / "masked.pdf"))
    result = finish(dialog.start(), timeout=120)
    assert not result.personal_data and result.personal_data_withheld
    assert "masked" in dialog.status.text()
    digits = re.sub(r"\D", "", pdf_text(result.path))
    phones = rows(demo, "SELECT requester_phone FROM jitasa.help_request UNION SELECT phone FROM jitasa.volunteer")
    assert not [p for (p,) in phones if p and re.sub(r"\D", "", p) in digits]


def test_a_cancel_leaves_no_file(demo, service_of, tmp_path, qgis_app):
    location = from_service(service_of("jitasa_officer"))
    dialog = CallSheetsDialog(lambda: location)
    dialog.output.setFilePath(str(tmp_path / "all.pdf"))  # every volunteer: 90 pages
    handle = dialog.start()
    assert wait_until(lambda: dialog.progress.value() >= 20, timeout=120)
    dialog.cancel_button.click()
    assert wait_until(lambda: handle.done, timeout=60)
    assert handle.cancelled and not dialog.open_button.isEnabled()
    assert list(tmp_path.glob("*.pdf")) == []
    assert "no file" in dialog.status.text()


def test_bad_input_is_said_in_words(demo, service_of, tmp_path, qgis_app):
    officer, feed = (from_service(service_of(role)) for role in ("jitasa_officer", "jitasa_feed"))
    assert_bad_input_said(CallSheetsDialog, officer, feed, tmp_path, "sheets.pdf", "may not read")  # no volunteer
    assert list(tmp_path.glob("*.pdf")) == []


@pytest.mark.usefixtures("thai")
def test_the_dialog_in_thai_has_no_english_and_nothing_drawn_over(qgis_app):
    from dialog_checks import assert_thai_dialog

    assert_thai_dialog(CallSheetsDialog(lambda: None), "ใบงาน")


def test_a_page_per_team(demo, service_of, tmp_path, qgis_app):
    location = from_service(service_of("jitasa_officer"))
    dialog = CallSheetsDialog(lambda: location)
    dialog.area.setText("6710")
    dialog.per.setCurrentIndex(dialog.per.findData(True))
    dialog.output.setFilePath(str(tmp_path / "teams.pdf"))
    result = finish(dialog.start(), timeout=120)
    teams = rows(
        demo,
        "SELECT count(DISTINCT team), count(*) - count(team) FROM jitasa.volunteer WHERE tambon_code LIKE %s",
        ("6710%",),
    )[0]
    assert result.team_pages == teams[0] > 0 and result.pages == pdf_pages(result.path) == sum(teams)
    assert "teams" in dialog.status.text()
