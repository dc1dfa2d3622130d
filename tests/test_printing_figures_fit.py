"""printing.figures_fit on every paper: long figures end inside the figures box as QGIS draws them (the label
rendered in a box tall enough for all of it, its lowest ink above the real box's bottom), in a size not below
the floor; figures too long even at the floor end with a "…" line; an atlas fits each page's own figures."""

from __future__ import annotations

import time

import pytest
from printing_support import demo_tambons
from qgis.core import QgsLayoutExporter, QgsLayoutSize, QgsProject
from qgis.PyQt.QtGui import QColor

from jitasa_qgis.definitions.enums import FacilityKind, RequestCategory, Urgency
from jitasa_qgis.printing import layouts
from jitasa_qgis.printing.atlas import AtlasPage, configure_atlas, coverage_layer
from jitasa_qgis.printing.figures_fit import FLOOR_PT, MORE, laid_out_height_mm
from jitasa_qgis.printing.figures_text import figures_text
from jitasa_qgis.store.print_figures import AreaFigures

DPI = 200.0
# The longest figures as the demo prints them in Thai (what figures_text makes through the Thai translation)
LONGEST_THAI = """คำขอที่ยังเปิดอยู่: 44424
ตามความเร่งด่วน: เร่งด่วนวิกฤต 11106, เร่งด่วนสูง 11106, ปกติ 11106, ไม่เร่งด่วน 11106
ตามความต้องการ: รับส่งผู้ป่วย 4936, รับส่งผู้ติดเชื้อ 4936, ออกซิเจน 4936, อาหารและของใช้ 4936, ยา 4936, \
ตรวจคัดกรอง 4936, ฉีดวัคซีน 4936, ช่วยเหลือทางการแพทย์ 4936, อื่น ๆ 4936
อาสาสมัครที่ได้รับมอบหมาย: 1234 คน
สถานพยาบาล: คลินิก 123, ศูนย์พักคอยในชุมชน 123, โรงพยาบาลสนาม 123, รพ.สต. 123, โรงพยาบาล 123, \
จุดเติมออกซิเจน 123, ร้านขายยา 123, จุดตรวจคัดกรอง 123, จุดฉีดวัคซีน 123
เตียงว่าง: 1234 จาก 12345
รับบริการได้วันละ: 12345 คน"""


@pytest.fixture
def project(qgis_app):
    project = QgsProject()
    yield project
    project.clear()


def _longest_figures(language: str = "en") -> str:
    """Every need, urgency and facility kind, with big numbers: the longest figures a page can have."""
    if language == "th":
        return LONGEST_THAI
    figures = AreaFigures(
        "670101",
        requests={(c.value, u.value): 1234 for c in RequestCategory for u in Urgency},
        volunteers_assigned=1234,
        facilities={k.value: 123 for k in FacilityKind},
        beds_total=12345,
        beds_free=1234,
        daily_capacity=12345,
    )
    return figures_text(figures)


def _filled(project, template, figures):
    layout = layouts.load_layout(project, template)
    layouts.fill_layout(layout, layouts.PageText(title="แผนที่", figures=figures))
    return layout, layout.itemById(layouts.ITEM_FIGURES)


def _inked(colour: QColor) -> bool:
    return colour.alpha() > 0 and min(colour.red(), colour.green(), colour.blue()) < 250


def _lowest_ink_mm(layout, label) -> float:
    """The lowest inked row, in mm from the page's top, of the page rendered with only `label` shown."""
    for layout_item in layout.items():
        if hasattr(layout_item, "setVisibility") and layout_item is not label:
            layout_item.setVisibility(False)
    layout.pageCollection().page(0).setVisible(False)  # no page background or shadow
    image = QgsLayoutExporter(layout).renderPageToImage(0, dpi=DPI)
    layout.pageCollection().page(0).setVisible(True)
    lowest = -1
    for y in range(image.height()):
        if any(_inked(image.pixelColor(x, y)) for x in range(0, image.width(), 2)):
            lowest = y
    assert lowest >= 0, "nothing drawn"
    return (lowest + 1) / DPI * 25.4


def _ends_inside_its_box(layout, label) -> None:
    """The label's text as QGIS lays it out ends inside the label's box: drawn in a box as tall as the rest
    of the page (nothing clipped), its lowest ink is above the box's bottom."""
    bottom = label.pos().y() + label.rect().height()
    page_height = layout.pageCollection().page(0).rect().height()
    label.attemptResize(QgsLayoutSize(label.rect().width(), page_height - label.pos().y() - 0.5))
    assert _lowest_ink_mm(layout, label) <= bottom + 0.2


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("template", sorted(layouts.TEMPLATES))
def test_long_figures_end_inside_their_box_in_a_size_above_the_floor(project, template, language):
    text = _longest_figures(language)
    layout, label = _filled(project, template, text)
    width = label.rect().width() - 2 * label.marginX()
    assert laid_out_height_mm(label.font(), text, width) > 0
    size = label.font().pointSizeF()
    assert FLOOR_PT <= size < 9.0  # smaller than the template's 9 pt, not below the floor
    assert label.text() == text  # all of it: the templates' boxes hold the longest figures at the floor
    _ends_inside_its_box(layout, label)


@pytest.mark.parametrize("template", sorted(layouts.TEMPLATES))
def test_unfitted_long_figures_would_overflow(project, template):
    """The check above can fail: the same text at the template's size does not end inside the box."""
    layout, label = _filled(project, template, "")
    label.setText(_longest_figures("th"))
    label.setVisibility(True)
    with pytest.raises(AssertionError):
        _ends_inside_its_box(layout, label)


def test_figures_too_long_at_the_floor_end_with_a_line_saying_so(project):
    text = _longest_figures("th")
    much = "\n".join([text, text, text])
    layout, label = _filled(project, "a4_landscape", much)
    assert label.font().pointSizeF() == FLOOR_PT
    shown = label.text().split("\n")
    assert shown[-1] == MORE and 1 < len(shown) < len(much.split("\n"))
    assert shown[:-1] == much.split("\n")[: len(shown) - 1]  # the leading lines, whole
    _ends_inside_its_box(layout, label)


def test_an_atlas_fits_each_pages_own_figures(project):
    tambons = demo_tambons(project)
    layout = layouts.load_layout(project, "a4_portrait")
    layouts.fill_layout(layout, layouts.PageText(title="-"))
    layouts.set_map(layout, [tambons], tambons.extent())
    short = "คำขอที่ยังเปิดอยู่: 3\nอาสาสมัครที่ได้รับมอบหมาย: 1 คน"
    long = _longest_figures("th")
    features = list(tambons.getFeatures())[:6]
    pages = [
        AtlasPage(str(f["adm3_pcode"]), "ตำบล", "", long if n % 2 else short, f.geometry().asWkb())
        for n, f in enumerate(features)
    ]
    fit = configure_atlas(layout, coverage_layer(project, pages))
    label = layout.itemById(layouts.ITEM_FIGURES)
    atlas = layout.atlas()
    assert atlas.beginRender()
    seconds = []
    for n, page in enumerate(pages):
        fit.forget()  # the cost of fitting a page never seen, not of the cache
        started = time.perf_counter()
        assert atlas.seekTo(n)
        seconds.append(time.perf_counter() - started)
        assert label.text() == page.figures
        size = label.font().pointSizeF()
        assert (size == 9.0) if page.figures == short else (FLOOR_PT <= size < 9.0)
        width, height = fit.box_mm()
        assert laid_out_height_mm(label.font(), label.text(), width) <= height
    assert fit.last is not None and fit.last.text == pages[-1].figures
    atlas.endRender()
    print(f"an atlas page's seek with its figures fitted: {1000 * min(seconds):.1f} ms")
