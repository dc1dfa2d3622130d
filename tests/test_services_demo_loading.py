"""services.demo_loading on the real test store: counts, progress, cancel (nothing written), clear errors."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.core.admin_source import DemoDataError
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


@pytest.mark.parametrize("at", [0.0, 0.05, 0.5])
def test_a_cancel_at_any_step_writes_nothing(store, at):
    hit = []
    progress = CallbackProgress(lambda f, m: hit.append(f) if f > at else None, lambda: bool(hit))
    with pytest.raises(DemoLoadCancelled) as cancelled:
        load_demo(store, DemoParams(**SMALL), progress)
    assert isinstance(cancelled.value, Cancelled) and isinstance(cancelled.value, LoadCancelled)
    assert _counts(store) == (0, 0, 0)


def test_a_missing_file_is_named_and_nothing_written(store, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(DemoDataError, match="nowhere.gpkg"):
        load_demo(store, DemoParams(admin_path=missing, **SMALL))
    assert _counts(store) == (0, 0, 0)


def test_a_store_without_schema_says_upgrade(gis_db):
    with pytest.raises(StoreError, match="createdatabase"):
        load_demo(gis_db, DemoParams(**SMALL))
