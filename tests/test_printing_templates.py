"""resources/layouts/*.qpt are tools/make_layouts.py's output (run it and commit both), and on every paper
the figures box lies on the page, clear of every other item (so figures fitted into it overlap nothing)."""

from __future__ import annotations

import make_layouts  # tools/ (on the path: conftest)
import pytest
from qgis.core import QgsProject, QgsRectangle

from jitasa_qgis.definitions.paths import LAYOUTS_DIR
from jitasa_qgis.printing import layouts


@pytest.mark.parametrize("name", sorted(layouts.TEMPLATES))
def test_committed_template_is_the_scripts_output(qgis_app, name):
    committed = (LAYOUTS_DIR / layouts.TEMPLATES[name]).read_text(encoding="utf-8")
    assert make_layouts.template_text(name) == committed, "run tools/make_layouts.py and commit the .qpt"


def _box(layout_item) -> QgsRectangle:
    rect = layout_item.sceneBoundingRect()
    return QgsRectangle(rect.left(), rect.top(), rect.right(), rect.bottom())


@pytest.mark.parametrize("name", sorted(layouts.TEMPLATES))
def test_the_figures_box_overlaps_nothing(qgis_app, name):
    project = QgsProject()
    layout = layouts.load_layout(project, name)
    figures = _box(layout.itemById(layouts.ITEM_FIGURES))
    page = layout.pageCollection().page(0).rect()
    assert 0 <= figures.xMinimum() and figures.xMaximum() <= page.width()
    assert 0 <= figures.yMinimum() and figures.yMaximum() <= page.height()
    assert figures.width() >= 85 and figures.height() >= 40  # an amphoe's figures at 9 pt (make_layouts)
    others = [layouts.TEXT_ITEMS, (layouts.ITEM_MAP, layouts.ITEM_OVERVIEW, layouts.ITEM_LEGEND)]
    for item_id in (i for group in others for i in group if i != layouts.ITEM_FIGURES):
        other = _box(layout.itemById(item_id))
        overlap = figures.intersect(other)
        assert overlap.isEmpty() or overlap.width() * overlap.height() < 0.01, item_id
    project.clear()
