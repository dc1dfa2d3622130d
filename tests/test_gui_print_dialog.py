"""The Print dialog on the real test store (demo loaded, through a pg_service): a map and an atlas printed
as background tasks with progress; a cancel halfway through an atlas leaves no file; a missing output and
an unwritable one are said in words; the office and digits are kept in the settings."""

from __future__ import annotations

import pytest
from printing_support import pdf_pages
from task_waiting import finish, wait_until
from test_gui_thai_ui import thai  # noqa: F401 - the Thai translator fixture, used by name

from jitasa_qgis.definitions import settings
from jitasa_qgis.definitions.print_errors import PrintErrorCode
from jitasa_qgis.gui.print_dialog import ATLAS, PrintDialog
from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.services.demo_loading import DemoParams, load_demo
from jitasa_qgis.store.qgis_connections import from_service


@pytest.fixture
def location(store, tmp_path, monkeypatch, qgis_app):
    load_demo(store, DemoParams(n_requests=400, n_volunteers=100, seed=3))
    name = f"jitasa_dialog_{store.params['dbname']}"
    path = tmp_path / "pg_service.conf"
    path.write_text(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in store.params.items()), encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(path))
    return from_service(name)


def test_print_a_map_in_the_background(location, tmp_path):
    dialog = PrintDialog(lambda: location)
    dialog.area.setText("6710")
    dialog.office.setText("สสจ.เพชรบูรณ์")
    dialog.thai_digits.setChecked(False)
    dialog.output.setFilePath(str(tmp_path / "map"))
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    result = finish(dialog.start(), timeout=120)
    assert result.path == tmp_path / "map.pdf" and pdf_pages(result.path) == 1
    assert dialog.progress.value() == 100 and dialog.run_button.isEnabled()
    assert str(result.path) in dialog.status.text()
    assert any(0 < v < 100 for v in seen)
    assert settings.get(settings.KEY_PRINT_OFFICE) == "สสจ.เพชรบูรณ์"
    assert settings.get(settings.KEY_PRINT_THAI_DIGITS) is False


def test_an_atlas_and_its_cancel(location, tmp_path):
    dialog = PrintDialog(lambda: location)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ATLAS))
    assert dialog.level.isVisible() or not dialog.isVisible()
    dialog.area.setText("6710")
    dialog.output.setFilePath(str(tmp_path / "atlas.pdf"))
    result = finish(dialog.start(), timeout=120)
    assert result.pages == pdf_pages(result.path) == 5

    dialog.area.setText("67")  # 117 pages: cancelled once a few are drawn
    dialog.output.setFilePath(str(tmp_path / "big.pdf"))
    handle = dialog.start()
    assert dialog.cancel_button.isEnabled() and not dialog.run_button.isEnabled()
    assert wait_until(lambda: dialog.progress.value() >= 15, timeout=120)
    dialog.cancel()
    assert wait_until(lambda: handle.done, timeout=60)
    assert handle.cancelled
    assert not (tmp_path / "big.pdf").exists() and not list(tmp_path.glob("*.part.pdf"))
    assert "no file" in dialog.status.text() or "ไม่ได้" in dialog.status.text()


def test_missing_and_unwritable_outputs_are_said(location, tmp_path):
    dialog = PrintDialog(lambda: location)
    assert dialog.start() is None and dialog.status.text()
    dialog.output.setFilePath(str(tmp_path / "no such folder" / "map.pdf"))
    handle = dialog.start()
    with pytest.raises(PrintError) as caught:
        finish(handle, timeout=60)
    assert caught.value.code is PrintErrorCode.OUTPUT_UNWRITABLE
    assert str(tmp_path / "no such folder") in dialog.status.text()


@pytest.mark.usefixtures("thai")
def test_the_dialog_in_thai_has_no_english_and_nothing_drawn_over(qgis_app):
    from test_gui_thai_ui import english_in, visible_texts
    from widget_checks import drawn_over, settle

    dialog = PrintDialog(lambda: None)
    try:
        for kind in range(dialog.kind.count()):  # the map rows, then the atlas rows
            dialog.kind.setCurrentIndex(kind)
            dialog.show()
            settle()
            assert not drawn_over(dialog), drawn_over(dialog)
            texts = [(w, t.replace("PDF", "").replace("A4", "").replace("A3", "")) for w, t in visible_texts(dialog)]
            assert any("พิมพ์" in text for _, text in texts)
            assert not english_in(texts), "English in the Thai Print dialog:\n" + "\n".join(english_in(texts))
    finally:
        dialog.reject()
        dialog.deleteLater()
