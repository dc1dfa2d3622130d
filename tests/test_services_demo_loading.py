"""services.demo_loading on the real test store: counts, progress, cancel (nothing written), clear errors; the
demo's road network (major roads only) loaded in the same transaction, replaced on a re-load, optional."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.core.admin_source import DemoDataError
from jitasa_qgis.definitions.roads import DEMO_ROAD_NETWORK
from jitasa_qgis.services.demo_loading import DemoLoadCancelled, DemoParams, load_demo
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.store.demo_writer import LoadCancelled
from jitasa_qgis.store.errors import StoreError

SMALL = dict(n_requests=60, n_volunteers=20, seed=3)


def _counts(spec) -> tuple[int, int, int]:
    return rows(
        spec,
        "SELECT (SELECT count(*) FROM jitasa.help_request), (SELECT count(*) FROM jitasa.volunteer), "
        "(SELECT count(*) FROM jitasa.admin_area)",
    )[0]


def test_loads_and_reports_progress_then_reload_says_what_it_replaced(store):
    seen = []
    result = load_demo(store, DemoParams(**SMALL), CallbackProgress(lambda f, m: seen.append(f)))
    assert result.counts["help_requests"] == 60 and result.counts["volunteers"] == 20
    assert _counts(store)[:2] == (60, 20)
    assert seen == sorted(seen) and seen[0] < 0.2 and seen[-1] == pytest.approx(1.0)
    again = load_demo(store, DemoParams(**SMALL))
    assert (again.replaced_requests, again.replaced_volunteers) == (60, 20)


@pytest.mark.parametrize("at", [0.0, 0.035, 0.05, 0.5])  # 0.035, 0.05: while the road network is built
def test_a_cancel_at_any_step_writes_nothing(store, at):
    hit = []
    progress = CallbackProgress(lambda f, m: hit.append(f) if f > at else None, lambda: bool(hit))
    with pytest.raises(DemoLoadCancelled) as cancelled:
        load_demo(store, DemoParams(**SMALL), progress)
    assert isinstance(cancelled.value, Cancelled) and isinstance(cancelled.value, LoadCancelled)
    assert _counts(store) == (0, 0, 0)
    assert _networks(store) == []


def test_a_missing_file_is_named_and_nothing_written(store, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(DemoDataError, match="nowhere.gpkg"):
        load_demo(store, DemoParams(admin_path=missing, **SMALL))
    assert _counts(store) == (0, 0, 0)


def _networks(spec) -> list[tuple]:
    """(name, version, segment_count, attribution, segments in the store) per network."""
    return rows(
        spec,
        "SELECT n.name, n.version, n.segment_count, n.attribution, "
        "(SELECT count(*) FROM jitasa.road_segment s WHERE s.network_id = n.id) FROM jitasa.road_network n",
    )


def test_the_demo_loads_the_major_roads_network_in_its_transaction(store):
    result = load_demo(store, DemoParams(**SMALL))
    [(name, version, segment_count, attribution, stored)] = _networks(store)
    assert name == DEMO_ROAD_NETWORK and version == 1
    assert stored == segment_count == result.counts["road_segments"] > 100
    assert attribution == "Roads © OpenStreetMap contributors, ODbL"
    # One routable piece holds most of the length (the import snapped the ~1 km gaps at 1000 m).
    [(routable_share, classes)] = rows(
        store,
        "SELECT sum(length_m) FILTER (WHERE component = 0) / sum(length_m), array_agg(DISTINCT road_class) "
        "FROM jitasa.road_segment",
    )
    assert routable_share >= 0.8
    assert sorted(classes) == ["primary", "trunk"]
    roads = result.roads
    assert roads is not None and roads.major_only and roads.segments == segment_count
    assert roads.largest_share == pytest.approx(routable_share, abs=1e-3)
    assert set(roads.classes) == {"trunk", "primary"}
    text = " ".join(roads.summary_lines())
    assert "major roads only" in text and DEMO_ROAD_NETWORK in text and "Trunk road" in text, text


def test_loading_twice_replaces_the_network_and_without_roads_leaves_it(store):
    first = load_demo(store, DemoParams(**SMALL)).counts["road_segments"]
    again = load_demo(store, DemoParams(**SMALL))
    assert again.roads.version == 2 and again.counts["road_network_version"] == 2
    assert _networks(store) == [(DEMO_ROAD_NETWORK, 2, first, "Roads © OpenStreetMap contributors, ODbL", first)]
    assert rows(store, "SELECT count(*) FROM jitasa.road_segment") == [(first,)]  # replaced, not doubled
    without = load_demo(store, DemoParams(roads_path=None, **SMALL))
    assert without.roads is None and "road_segments" not in without.counts
    assert without.counts["help_requests"] == 60
    assert _networks(store) == [(DEMO_ROAD_NETWORK, 2, first, "Roads © OpenStreetMap contributors, ODbL", first)]


def test_a_demo_without_roads_loads_and_writes_no_network(store):
    result = load_demo(store, DemoParams(roads_path=None, **SMALL))
    assert result.roads is None and result.counts["help_requests"] == 60
    assert _networks(store) == []


def test_a_missing_roads_file_is_named_and_nothing_written(store, tmp_path):
    with pytest.raises(ValueError, match="no_roads.gpkg"):
        load_demo(store, DemoParams(roads_path=tmp_path / "no_roads.gpkg", **SMALL))
    assert _counts(store) == (0, 0, 0) and _networks(store) == []


def test_a_store_without_schema_says_upgrade(gis_db):
    with pytest.raises(StoreError, match="createdatabase"):
        load_demo(gis_db, DemoParams(**SMALL))
