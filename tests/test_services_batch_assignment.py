"""services.batch_assignment on the real test store: the run and its pairs, progress, cancel before the write
(no run, no pair), and clear errors (unknown area, broken polygon, no store) with nothing written."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.services.areas import AreaError
from jitasa_qgis.services.batch_assignment import BatchAssignmentParams, run_batch_assignment
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.store.assignments import Outcome
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.errors import StoreError


@pytest.fixture
def demo(store):
    load_demo_data(store, n_requests=300, n_volunteers=120, seed=5)
    return store


def _runs(spec):
    return rows(spec, "SELECT id, method, scope FROM jitasa.assignment_run WHERE method <> %s ORDER BY id", ("demo",))


@pytest.mark.parametrize("method", ["nearest", "optimal"])
def test_proposals_are_written_as_one_run(demo, method):
    seen = []
    result = run_batch_assignment(
        demo, BatchAssignmentParams(method=method, max_minutes=45), CallbackProgress(lambda f, m: seen.append((f, m)))
    )
    assert _runs(demo) == [(result.run_id, method, "all")]
    statuses = dict(
        rows(
            demo, "SELECT status::text, count(*) FROM jitasa.assignment WHERE run_id = %s GROUP BY 1", (result.run_id,)
        )
    )
    assert result.written > 0 and statuses == {"proposed": result.written}
    assert result.batch.count(Outcome.PROPOSED) == result.written and result.refused == 0
    assert result.written + result.unassigned == len(result.inputs.requests.id)
    assert result.summary()["refused_by_store"] == {} and result.summary()["method"] == method
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("open requests" in m and "volunteers in scope" in m for _, m in seen), seen
    assert result.summary_lines()[0].startswith(f"Assigned {result.written} of ")


def test_confirm_directly_by_amphoe_name_through_a_connection_factory(demo):
    params = BatchAssignmentParams(method="nearest", mode="confirm", scope_kind="amphoe", area="Wang Pong")
    result = run_batch_assignment(lambda: demo.connect(), params)
    assert result.area is not None and result.area.code == "6710" and result.scope_label == "amphoe 6710"
    assert result.batch.confirmed == result.written > 0
    outside = rows(
        demo,
        "SELECT count(*) FROM jitasa.assignment a JOIN jitasa.help_request r ON r.id = a.request_id "
        "WHERE a.run_id = %s AND a.status = 'active' AND r.tambon_code NOT LIKE '6710%%'",
        (result.run_id,),
    )
    assert outside == [(0,)]


def test_cancel_after_reading_writes_no_run(demo):
    cancelled = []
    progress = CallbackProgress(lambda f, m: cancelled.append(True) if f >= 0.3 else None, lambda: bool(cancelled))
    with pytest.raises(Cancelled):
        run_batch_assignment(demo, BatchAssignmentParams(method="optimal"), progress)
    assert cancelled and _runs(demo) == []


def test_cancel_before_start_reads_nothing(demo):
    calls = []

    def factory():
        calls.append(1)
        return demo.connect()

    with pytest.raises(Cancelled):
        run_batch_assignment(factory, BatchAssignmentParams(method="nearest"), CallbackProgress(cancelled=lambda: True))
    assert calls == [] and _runs(demo) == []


def test_unknown_or_missing_area_and_bad_limits_are_clear_and_write_nothing(demo):
    with pytest.raises(AreaError, match="There is no amphoe named or coded 'Atlantis'"):
        run_batch_assignment(demo, BatchAssignmentParams(method="nearest", scope_kind="amphoe", area="Atlantis"))
    with pytest.raises(ValueError, match="needs the tambon"):
        run_batch_assignment(demo, BatchAssignmentParams(method="nearest", scope_kind="tambon"))
    with pytest.raises(ValueError, match="more than 0 minutes"):
        run_batch_assignment(demo, BatchAssignmentParams(method="nearest", max_minutes=0))
    assert _runs(demo) == []


def test_a_broken_polygon_is_the_store_error_and_nothing_is_written(demo):
    bowtie = "POLYGON((101 16, 101.5 16.5, 101.5 16, 101 16.5, 101 16))"
    with pytest.raises(StoreError) as refused:
        run_batch_assignment(demo, BatchAssignmentParams(method="nearest", scope_kind="polygon", polygon_wkt=bowtie))
    assert str(refused.value)
    assert _runs(demo) == []


def test_no_store_is_a_clear_store_error(demo):
    nowhere = ConnectionSpec(params=dict(demo.params, host="127.0.0.1", port=1), label="nowhere")
    with pytest.raises(StoreError, match="Cannot connect to the Jitasa store \\(nowhere\\)"):
        run_batch_assignment(nowhere, BatchAssignmentParams(method="nearest"))
