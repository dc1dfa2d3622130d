"""printing.page_legend keeps what QGIS's own "filter legend by map content" keeps: on atlas pages of the demo
store (tambons of different sizes, so different extents and scales, and amphoe pages), the (layer, class)
pairs of our page legend equal those QGIS's legend model keeps when filtered by the same map's settings
(QgsLayerTreeModel.setLegendFilterByMap: the hit test the layout legend runs), drawn from separate copies of
the same layers with their default legends."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsLayerTree,
    QgsLayerTreeModel,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QSizeF, Qt
from qgis.PyQt.QtXml import QDomDocument

from jitasa_qgis.printing import layouts
from jitasa_qgis.printing.atlas import AtlasPage, configure_atlas, coverage_layer
from jitasa_qgis.printing.print_project import MAP_LAYERS, build_print_project
from jitasa_qgis.services.store_access import connection
from jitasa_qgis.store.print_figures import print_areas, store_extent
from jitasa_qgis.store.qgis_connections import from_service


def _pairs(model, nodes) -> set[tuple[str, str]]:
    """(layer name, class label without the wrapping) of each legend node of `nodes` in `model`."""
    pairs = set()
    for node in nodes:
        for legend_node in model.layerLegendNodes(node):
            label = "".join(str(legend_node.data(Qt.DisplayRole) or "").split())
            pairs.add((node.layer().name(), label))
    return pairs


def _reference_copy(layer, project):
    """A separate copy of `layer` (its features and style, QGIS's default legend) for QGIS's filter."""
    copy = layer.materialize(QgsFeatureRequest())
    style = QDomDocument()
    layer.exportNamedStyle(style)
    copy.importNamedStyle(style)
    copy.setName(layer.name())
    project.addMapLayer(copy, False)
    return copy


class _QgisFilter:
    """QGIS's filter by map content over copies of the map's layers."""

    def __init__(self, layers, project):
        self.layers = [_reference_copy(layer, project) for layer in layers]
        self.tree = QgsLayerTree()
        for layer in self.layers:
            self.tree.addLayer(layer)
        self.model = QgsLayerTreeModel(self.tree)

    def pairs(self, the_map) -> set[tuple[str, str]]:
        # as QgsLayoutItemLegend's own filter does: the map item's size in pixels at the layout's dpi
        dpi = the_map.layout().renderContext().dpi()
        size = QSizeF(the_map.rect().width(), the_map.rect().height()) * dpi / 25.4
        settings = the_map.mapSettings(the_map.extent(), size, dpi, True)
        settings.setLayers(self.layers)
        self.model.setLegendFilterByMap(settings)
        return _pairs(self.model, self.tree.findLayers())

    def all_pairs(self) -> set[tuple[str, str]]:
        self.model.setLegendFilterByMap(None)
        return _pairs(self.model, self.tree.findLayers())


def _pages_extent(areas) -> QgsRectangle:
    pad = max(max(a.bbox[2] - a.bbox[0], a.bbox[3] - a.bbox[1]) for a in areas)
    return QgsRectangle(
        min(a.bbox[0] for a in areas) - pad,
        min(a.bbox[1] for a in areas) - pad,
        max(a.bbox[2] for a in areas) + pad,
        max(a.bbox[3] for a in areas) + pad,
    )


def _sample(areas, level):
    """Tambons of different sizes (the smallest, the largest, between), or the amphoe pages' first and last."""
    by_size = sorted(areas, key=lambda a: (a.bbox[2] - a.bbox[0]) * (a.bbox[3] - a.bbox[1]))
    if level == "tambon":
        picks = [by_size[0], by_size[len(by_size) // 4], by_size[len(by_size) // 2], by_size[-2], by_size[-1]]
    else:
        picks = [by_size[0], by_size[-1]]
    return [a.code for a in picks]


@pytest.mark.parametrize("template", ["a4_portrait", "a3_landscape"])
def test_page_legend_keeps_what_qgis_filter_by_map_keeps(qgis_app, service_of, template):
    location = from_service(service_of("jitasa_analyst"))
    crs = QgsCoordinateReferenceSystem(layouts.PRINT_CRS)
    checked = narrower = 0
    for level in ("tambon", "amphoe"):
        with connection(location, None) as conn:
            areas = print_areas(conn, level, "67")
            whole = store_extent(conn)
            conn.rollback()
        printed = build_print_project(location)
        try:
            printed.snapshot(MAP_LAYERS, _pages_extent(areas), crs)
            shown = printed.shown(MAP_LAYERS)
            layout = layouts.load_layout(printed.project, template)
            layouts.fill_layout(layout, layouts.PageText(title="-"))
            page_legend = layouts.set_map(layout, shown, QgsRectangle(*whole), whole_layers=True)
            pages = [AtlasPage(a.code, a.name_th, "", "", a.wkb) for a in areas]
            configure_atlas(layout, coverage_layer(printed.project, pages))
            atlas = layout.atlas()
            atlas.featureChanged.connect(page_legend.update)
            reference = _QgisFilter(shown, printed.project)
            every_class = reference.all_pairs()
            the_map = layouts.main_map(layout)
            legend = layout.itemById(layouts.ITEM_LEGEND)
            codes = [page.code for page in pages]
            assert atlas.beginRender()
            for code in _sample(areas, level):
                assert atlas.seekTo(codes.index(code))
                ours = _pairs(legend.model(), legend.model().rootGroup().findLayers())
                theirs = reference.pairs(the_map)
                assert ours == theirs, (level, code, sorted(ours ^ theirs))
                checked += 1
                narrower += theirs < every_class
            atlas.endRender()
        finally:
            printed.close()
    assert checked == 7
    assert narrower == checked  # each page keeps fewer classes than there are: keeping all would fail
