# ruff: noqa: F811 - the fixtures world and officers come from test_store_row_security
"""The store's QGIS layers as scoped officers (issue 14 item 3): every layer loads, its feature count (which
the postgres provider asks the server for) and its extent are those of the officer's rows, iterating the
features gives the same rows, and a login with no scope gets valid, empty layers instead of errors."""

from __future__ import annotations

import pytest
from test_store_row_security import X, officers, world  # noqa: F401 - shared fixtures

from jitasa_qgis.layers.store_layers import LAYER_DEFS, build_layer
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.qgis_connections import StoreLocation

AREA_LAYERS = ("help_request", "help_request_critical", "assignment", "volunteer", "service_area")


def _location(pg_cluster, store, login) -> StoreLocation:
    params = pg_cluster.params(store.params["dbname"], user=login)
    uri = f"host={params['host']} port={params['port']} dbname='{params['dbname']}' user='{login}'"
    return StoreLocation("scoped", ConnectionSpec(params=params, label=login), uri)


@pytest.mark.parametrize("name", ["a1001", "p10", "none"])
def test_layers_hold_exactly_the_officers_rows(qgis_app, world, officers, pg_cluster, store, name):
    location = _location(pg_cluster, store, officers[name][0])
    amphoe = {"a1001": ["1001"], "p10": ["1001", "1002"], "none": []}[name]
    expected = {
        "help_request": {i for a in amphoe for i in world["req"][a]},
        "help_request_critical": set(),  # the world's requests are 'high'
        "assignment": {world["asg"][a] for a in amphoe if a in world["asg"]},
        "volunteer": {i for a in amphoe for i in world["vol"][a]},
        "service_area": {world["sa"][a] for a in amphoe},
    }
    for d in LAYER_DEFS:
        layer = build_layer(location, d)
        assert layer.isValid(), (d.key, layer.dataProvider().error().message())
        ids = {f["id"] for f in layer.getFeatures()}
        assert layer.featureCount() == len(ids), d.key
        if d.key in AREA_LAYERS:
            assert ids == expected[d.key], d.key
            if ids and d.key in ("help_request", "volunteer"):
                extent = layer.extent()
                assert extent.xMinimum() >= min(X[a] for a in amphoe) - 0.01, d.key
                assert extent.xMaximum() <= max(X[a] for a in amphoe) + 0.02, d.key
    facilities = build_layer(location, next(d for d in LAYER_DEFS if d.key == "facility"))
    assert facilities.featureCount() == len(world["fac"])  # facilities are everyone's
