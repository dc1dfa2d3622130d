"""services.single_assignment on the real test store: one manual run with one pair; a refusal is a result
with its reason code; cancel writes nothing; a borrowed connection is left in autocommit and open."""

from __future__ import annotations

import pytest
from service_support import rows

from jitasa_qgis.core.assignment import assign_nearest
from jitasa_qgis.services.batch_assignment import problem_from_inputs
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.single_assignment import SingleAssignmentParams, assign_one
from jitasa_qgis.services.store_access import Borrowed
from jitasa_qgis.store.assignments import Outcome, Scope, load_assignment_inputs
from jitasa_qgis.store.errors import StoreError


@pytest.fixture
def demo(store):
    load_demo_data(store, n_requests=200, n_volunteers=80, seed=5)
    return store


def _pairs(spec, n: int = 2) -> list[tuple[int, int, float]]:
    """The first `n` pairs the greedy solver finds now: eligible (request, volunteer, minutes)."""
    conn = spec.connect()
    try:
        inputs = load_assignment_inputs(conn, Scope(), margin_km=50)
    finally:
        conn.close()
    return assign_nearest(problem_from_inputs(inputs), 60.0).pairs()[:n]


def _manual(spec):
    return rows(
        spec,
        "SELECT r.scope, a.request_id, a.volunteer_id, a.status::text FROM jitasa.assignment_run r "
        "LEFT JOIN jitasa.assignment a ON a.run_id = r.id WHERE r.method = 'manual' ORDER BY r.id",
    )


def test_one_pair_is_assigned_then_a_second_is_refused_with_its_reason(demo):
    (request_id, volunteer_id, minutes), (_, other_volunteer, _) = _pairs(demo)
    seen = []
    result = assign_one(
        demo,
        SingleAssignmentParams(request_id, volunteer_id, minutes, True, {"source": "test"}),
        CallbackProgress(lambda f, m: seen.append(f)),
    )
    assert result.assigned and result.reason is None and result.outcome.outcome is Outcome.CONFIRMED
    assert seen == [1.0]
    assert _manual(demo) == [(f"request:{request_id}", request_id, volunteer_id, "active")]
    again = assign_one(demo, SingleAssignmentParams(request_id, other_volunteer, None))
    assert not again.assigned and again.reason == "request_already_assigned"
    assert again.run_id != result.run_id


def test_a_borrowed_connection_stays_open_in_autocommit(demo):
    (request_id, volunteer_id, minutes), _ = _pairs(demo)
    conn = demo.connect(autocommit=True)
    try:
        result = assign_one(Borrowed(conn), SingleAssignmentParams(request_id, volunteer_id, minutes))
        assert result.assigned
        assert not conn.closed and conn.autocommit
        with conn.cursor() as cur:  # committed: visible from this and any other connection
            cur.execute("SELECT count(*) FROM jitasa.assignment WHERE run_id = %s", (result.run_id,))
            assert cur.fetchone()[0] == 1
    finally:
        conn.close()


def test_cancelled_writes_nothing(demo):
    (request_id, volunteer_id, minutes), _ = _pairs(demo)
    with pytest.raises(Cancelled):
        assign_one(
            demo, SingleAssignmentParams(request_id, volunteer_id, minutes), CallbackProgress(cancelled=lambda: True)
        )
    assert _manual(demo) == []


def test_a_failed_write_rolls_back_and_is_a_store_error(demo):
    (request_id, volunteer_id, _), _ = _pairs(demo)
    with pytest.raises(StoreError, match="Travel times must be 0 minutes or more"):
        assign_one(demo, SingleAssignmentParams(request_id, volunteer_id, -5.0))
    assert _manual(demo) == []  # the run created before the failing write was rolled back too
