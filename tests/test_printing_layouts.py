"""printing.layouts with the templates of resources/layouts: each loads, fills and exports a PDF with its
Thai text extractable and its Thai font embedded; the legend lists only the map's layers; an unwritable
output is refused and a failed export leaves no file; a missing Thai font is a clear error."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from printing_support import demo_tambons, non_white_share, pdf_fonts, pdf_pages, pdf_text, thai_letters
from qgis.core import QgsLayoutItemLegend, QgsProject, QgsVectorLayer

from jitasa_qgis.core.thai_dates import LONG, thai_date
from jitasa_qgis.definitions.print_errors import PrintErrorCode
from jitasa_qgis.definitions.thai_time import THAI_TIME
from jitasa_qgis.printing import fonts, layouts
from jitasa_qgis.printing.errors import PrintError
from jitasa_qgis.printing.expressions import is_registered, thai_date_function
from jitasa_qgis.printing.fonts import THAI_FONT_FAMILIES, installed_thai_families, thai_font_family

TITLE = "แผนที่คำขอความช่วยเหลือ จังหวัดเพชรบูรณ์"


@pytest.fixture
def project(qgis_app):
    project = QgsProject()
    yield project
    project.clear()


def _page(project, template):
    tambons = demo_tambons(project)
    layout = layouts.load_layout(project, template)
    layouts.fill_layout(
        layout,
        layouts.PageText(
            title=TITLE,
            subtitle="ทุกอำเภอ: ขอบเขตตำบล",
            sources="ขอบเขต: OCHA/HDX COD-AB",
            office="สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์",
            thai_digits=True,
        ),
    )
    size = layout.itemById(layouts.ITEM_MAP).rect()
    assert size.width() > 50 and size.height() > 50  # the template's map has a shape...
    layouts.set_map(layout, [tambons], tambons.extent())
    assert layout.itemById(layouts.ITEM_MAP).rect() == size  # ...which showing an extent keeps
    return layout, tambons


@pytest.mark.parametrize("template", sorted(layouts.TEMPLATES))
def test_each_template_loads_fills_and_exports(project, tmp_path, template):
    layout, _ = _page(project, template)
    for item_id in (
        layouts.ITEM_MAP,
        layouts.ITEM_OVERVIEW,
        layouts.ITEM_LEGEND,
        layouts.ITEM_SCALEBAR,
        layouts.ITEM_NORTH,
    ):
        assert layout.itemById(item_id) is not None, item_id
    out = layouts.export_pdf(layout, tmp_path / f"{template}.pdf")
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert thai_letters(TITLE) in thai_letters(text)
    assert thai_letters("สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์") in thai_letters(text)
    assert "๒๕" in text  # the date of printing in the Buddhist Era with Thai digits (25xx)
    fonts = pdf_fonts(out)
    assert any(name.startswith(thai_font_family().replace(" ", "")) and embedded for name, embedded in fonts), fonts
    assert non_white_share(out, tmp_dir=tmp_path) > 0.05  # the tambons are drawn, not a blank page
    assert not is_registered()  # the date function was registered only for the export
    assert list(tmp_path.glob("*.part.pdf")) == []


def test_the_date_printed_is_thai_time_whatever_the_machine_clock_says(project):
    layout, _ = _page(project, "a4_portrait")
    label = layout.itemById(layouts.ITEM_DATE)
    before = dt.datetime.now(THAI_TIME)
    with thai_date_function():
        text = label.currentText()
    after = dt.datetime.now(THAI_TIME)
    assert any(thai_date(moment, LONG, True, with_time=True) in text for moment in (before, after)), text


def test_date_in_arabic_digits_when_the_setting_says_so(project, tmp_path):
    layout, tambons = _page(project, "a4_landscape")
    layouts.fill_layout(layout, layouts.PageText(title=TITLE, thai_digits=False))
    out = layouts.export_pdf(layout, tmp_path / "arabic.pdf")
    text = pdf_text(out)
    assert "25" in text and "๒๕" not in text


def test_legend_lists_only_the_layers_on_the_map(project):
    layout, tambons = _page(project, "a4_portrait")
    other = QgsVectorLayer("Point?crs=EPSG:4326", "not on the map", "memory")
    project.addMapLayer(other)
    legend = layout.itemById(layouts.ITEM_LEGEND)
    assert isinstance(legend, QgsLayoutItemLegend)
    names = [node.name() for node in legend.model().rootGroup().findLayers()]
    assert names == [tambons.name()]
    layouts.set_legend_layers(layout, [other, tambons])
    # a layer with nothing on the map is left out (printing.page_legend: what the page's map shows)
    assert [n.name() for n in legend.model().rootGroup().findLayers()] == [tambons.name()]


def test_an_unwritable_output_is_refused_before_rendering(project, tmp_path):
    layout, _ = _page(project, "a4_landscape")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # running as root: a folder that does not exist instead
            target = tmp_path / "no such folder" / "map.pdf"
        else:
            target = locked / "map.pdf"
        with pytest.raises(PrintError) as caught:
            layouts.export_pdf(layout, target)
        assert caught.value.code is PrintErrorCode.OUTPUT_UNWRITABLE
        assert str(target) in str(caught.value)
    finally:
        locked.chmod(0o700)
    with pytest.raises(PrintError):
        layouts.export_pdf(layout, tmp_path)  # a folder, not a file


def test_a_failed_export_keeps_the_old_file_and_leaves_no_part(project, tmp_path, monkeypatch):
    layout, _ = _page(project, "a4_landscape")
    out = tmp_path / "map.pdf"
    out.write_bytes(b"old")

    def failing(self, path, settings):
        with open(path, "wb") as half:
            half.write(b"%PDF-1.4 half")
        return layouts.QgsLayoutExporter.FileError

    monkeypatch.setattr(layouts.QgsLayoutExporter, "exportToPdf", failing)
    with pytest.raises(PrintError) as caught:
        layouts.export_pdf(layout, out)
    assert caught.value.code is PrintErrorCode.EXPORT_FAILED
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf"]


def test_missing_template_and_missing_thai_font_are_clear_errors(project, monkeypatch):
    with pytest.raises(PrintError) as caught:
        layouts.load_layout(project, "a5_sideways")
    assert caught.value.code is PrintErrorCode.TEMPLATE_MISSING
    assert installed_thai_families()[0] in THAI_FONT_FAMILIES
    layout = layouts.load_layout(project, "a4_portrait")
    monkeypatch.setattr(fonts, "THAI_FONT_FAMILIES", ("No Such Thai Font",))  # as on a machine without one
    with pytest.raises(PrintError) as caught:
        layouts.fill_layout(layout, layouts.PageText(title=TITLE))
    assert caught.value.code is PrintErrorCode.THAI_FONT_MISSING
    assert "fonts-thai-tlwg" in str(caught.value)
    with pytest.raises(PrintError):
        thai_font_family()


def test_a_new_pdf_gets_the_usual_file_mode_and_a_replaced_one_keeps_its_own(project, tmp_path):
    layout, _ = _page(project, "a4_portrait")
    fresh = layouts.export_pdf(layout, tmp_path / "fresh.pdf")
    # as any new file under the process's umask (0644 under the usual 022), not private like mkstemp's 0600
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~layouts._UMASK
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"%PDF-1.4 an earlier map")
    kept.chmod(0o640)
    layouts.export_pdf(layout, kept)
    assert kept.stat().st_mode & 0o777 == 0o640
    assert kept.read_bytes().startswith(b"%PDF")
    assert kept.stat().st_size > 1000
