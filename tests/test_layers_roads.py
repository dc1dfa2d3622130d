"""The road layer of the Jitasa group on a real store: the demo's network drawn from the store, styled by
class, under the points, titled "major roads only" with the OpenStreetMap attribution in its metadata; other
networks by their names; a store without a network still gets its (empty) road layer."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsRuleBasedRenderer

from jitasa_qgis.definitions.roads import DEMO_ROAD_NETWORK
from jitasa_qgis.layers.store_layers import LAYER_DEFS, add_store_layers, load_jitasa_layers, road_layer_title
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.qgis_connections import StoreLocation
from jitasa_qgis.store.roads import NetworkInfo

OSM = "Roads © OpenStreetMap contributors, ODbL"


def _location(spec) -> StoreLocation:
    p = spec.params
    return StoreLocation(
        name="test", spec=spec, layer_uri=f"host={p['host']} port={p['port']} dbname='{p['dbname']}' user='{p['user']}'"
    )


def _segments(spec) -> int:
    with spec.connect() as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.road_segment")
        n = cur.fetchone()[0]
    conn.close()
    return n


@pytest.fixture
def project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


def test_the_demo_road_layer_is_styled_under_the_points_and_says_major_roads_only(store, project):
    load_demo_data(store, n_requests=60, n_volunteers=20, seed=3)
    layers, failed = load_jitasa_layers(_location(store), project)
    assert failed == []
    roads = layers["road_segment"]
    assert roads.isValid() and roads.featureCount() == _segments(store) > 100
    assert roads.name() == "Roads — major roads only (OpenStreetMap)"
    assert roads.customProperty("jitasa/style") == "road_segment"
    assert isinstance(roads.renderer(), QgsRuleBasedRenderer)
    assert roads.attribution() == OSM and roads.metadata().rights() == [OSM]
    assert "major roads only" in roads.metadata().abstract() and DEMO_ROAD_NETWORK in roads.metadata().abstract()
    assert not roads.hasScaleBasedVisibility(), "major roads at every scale (the style's rules keep the tiers)"
    # Drawn under every point and line layer, over the areas: the layer tree's order is the drawing order.
    order = [node.layer().customProperty("jitasa/layer") for node in project.layerTreeRoot().findLayers()]
    assert order == [d.key for d in LAYER_DEFS]
    below = order[order.index("road_segment") + 1 :]
    assert {"help_request", "volunteer", "facility", "assignment"}.isdisjoint(below)
    assert {"service_area", "admin_tambon", "admin_amphoe", "admin_province"} == set(below)
    assert {f["road_class"] for f in roads.getFeatures()} == {"trunk", "primary"}


def test_a_store_without_roads_has_an_empty_road_layer_titled_roads(store, project):
    layers, failed = add_store_layers(_location(store), project)
    assert failed == []
    assert layers["road_segment"].name() == "Roads" and layers["road_segment"].featureCount() == 0
    assert layers["road_segment"].attribution() == ""


def test_other_networks_are_titled_by_their_names():
    def info(name: str, attribution=None) -> NetworkInfo:
        return NetworkInfo(1, name, 1, 10, 12.5, attribution=attribution)

    assert road_layer_title([]) == "Roads"
    assert road_layer_title([info(DEMO_ROAD_NETWORK)]) == "Roads — major roads only (OpenStreetMap)"
    assert road_layer_title([info("Lom Sak roads")]) == "Roads — Lom Sak roads"
    assert road_layer_title([info("A"), info(DEMO_ROAD_NETWORK)]) == f"Roads — A, {DEMO_ROAD_NETWORK}"
