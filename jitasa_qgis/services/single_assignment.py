"""One officer's choice from the Assign panel: a manual run with its one (request, volunteer) pair, written
in one transaction through the store's guarded function. The server decides: a pair it refuses (someone
assigned the request first, the volunteer became full or unavailable...) comes back as a result with the
reason code and detail, not as an exception."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..store.assignments import PairOutcome, assign_pairs, create_run
from ..store.calls import rollback_quietly
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection


@dataclass(frozen=True)
class SingleAssignmentParams:
    request_id: int
    volunteer_id: int
    minutes: Optional[float] = None  # the travel time shown to the officer; None when unknown
    is_estimate: bool = True  # minutes are a straight-line estimate
    run_params: dict = field(default_factory=dict)  # recorded with the run (source, limits, rank)


@dataclass(frozen=True)
class SingleAssignmentResult:
    run_id: int
    outcome: PairOutcome

    @property
    def assigned(self) -> bool:
        return not self.outcome.refused

    @property
    def reason(self) -> Optional[str]:
        """Why the store refused the pair: a RefusalReason code (definitions.reasons); None when assigned."""
        return self.outcome.reason

    @property
    def detail(self) -> Optional[dict]:
        return self.outcome.detail


def assign_one(
    store: Store, params: SingleAssignmentParams, progress: Optional[Progress] = None
) -> SingleAssignmentResult:
    """Create a manual run (scope 'request:<id>') and assign its one pair at once, in one transaction.
    A refused pair is the result's `reason`; Cancelled when cancelled before writing (nothing written);
    StoreError when the store cannot be reached or the write fails (rolled back: nothing written)."""
    progress = progress_of(progress)
    check_cancelled(progress)
    with connection(store, progress) as conn:
        try:
            run_id = create_run(conn, "manual", f"request:{params.request_id}", params.run_params, commit=False)
            batch = assign_pairs(
                conn,
                run_id,
                [params.request_id],
                [params.volunteer_id],
                [params.minutes],
                params.is_estimate,
                commit=True,
            )
        except BaseException:
            rollback_quietly(conn)
            raise
    progress.report(1.0)
    return SingleAssignmentResult(run_id=run_id, outcome=batch.rows[0])
