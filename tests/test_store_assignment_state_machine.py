"""A hypothesis state machine over the assignment functions on a real PostgreSQL store.

Each example makes a few requests and volunteers, then runs a random sequence of: assign directly, propose
(and later confirm or reject the run, while other steps make its rows stale), cancel a request, change a
request's status, end an assignment (with its version, or a stale one), reassign, and switch a volunteer's
availability. A plain-Python model predicts every outcome — each refusal reason, each status, load and
version — and after every step the store must equal the model and keep the invariants: one active
assignment per request at most, no volunteer over capacity, loads equal to active assignments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from jitasa_qgis.definitions.eligibility import CATEGORY_NEEDS
from jitasa_qgis.definitions.enums import URGENCY_RANK, RequestCategory, Skill, Urgency, VehicleKind
from jitasa_qgis.store.assignments import (
    assign_pairs,
    confirm_assignments,
    create_run,
    end_assignment,
    propose_assignments,
    reassign,
    reject_assignments,
)
from jitasa_qgis.store.errors import StaleWriteError, StoreError
from jitasa_qgis.store.operations import change_request_status

CLOSED = ("done", "cancelled")


@dataclass
class Req:
    category: RequestCategory
    urgency: Urgency
    hours_ago: int
    status: str = "new"
    version: int = 1
    active: int | None = None  # active assignment id


@dataclass
class Vol:
    capacity: int
    skills: frozenset
    vehicle: VehicleKind
    available: bool = True
    load: int = 0
    version: int = 1


@dataclass
class Asg:
    request: int
    volunteer: int
    status: str
    version: int = 1
    reason: str | None = None


@dataclass
class Run:
    id: int
    proposals: list[int] = field(default_factory=list)


def _eligible(v: Vol, category: RequestCategory) -> bool:
    return any(
        need.skills <= v.skills and (not need.vehicles or v.vehicle in need.vehicles)
        for need in CATEGORY_NEEDS[category]
    )


def make_machine(conn):
    """The machine class, working on `conn` (one connection for all examples: a new backend per example
    would spend most of the test loading PostGIS)."""

    class AssignmentMachine(RuleBasedStateMachine):
        runs = Bundle("runs")

        def __init__(self):
            super().__init__()
            self.conn = conn
            conn.rollback()
            self.requests: dict[int, Req] = {}
            self.volunteers: dict[int, Vol] = {}
            self.assignments: dict[int, Asg] = {}

        # --- setup -------------------------------------------------------------------------------------

        @initialize(
            reqs=st.lists(
                st.tuples(st.sampled_from(list(RequestCategory)), st.sampled_from(list(Urgency))),
                min_size=2,
                max_size=5,
            ),
            vols=st.lists(
                st.tuples(
                    st.integers(0, 2),
                    st.frozensets(st.sampled_from(list(Skill)), max_size=3),
                    st.sampled_from(list(VehicleKind)),
                ),
                min_size=2,
                max_size=4,
            ),
        )
        def setup(self, reqs, vols):
            with self.conn.cursor() as cur:
                for i, (category, urgency) in enumerate(reqs):
                    cur.execute(
                        "INSERT INTO jitasa.help_request (category, urgency, geom, created_at) VALUES "
                        "(%s, %s, 'SRID=4326;POINT(100.5 16.5)', now() - make_interval(hours => %s)) "
                        "RETURNING id",
                        (category.value, urgency.value, 10 - i),
                    )
                    self.requests[cur.fetchone()[0]] = Req(category, urgency, 10 - i)
                for capacity, skills, vehicle in vols:
                    cur.execute(
                        "INSERT INTO jitasa.volunteer (name, kind, skills, vehicle, capacity) VALUES "
                        "('v', 'student', %s::jitasa.skill[], %s, %s) RETURNING id",
                        ([s.value for s in skills], vehicle.value, capacity),
                    )
                    self.volunteers[cur.fetchone()[0]] = Vol(capacity, skills, vehicle)
            self.conn.commit()

        # --- the model's rules ---------------------------------------------------------------------------

        def refusals(self, pairs: list[tuple[int, int]]) -> list[str | None]:
            """The reason codes the server must answer for a batch, by the rules of pair_refusals."""
            reasons: list[str | None] = []
            for rid, vid in pairs:
                r, v = self.requests[rid], self.volunteers[vid]
                if r.status in CLOSED:
                    reasons.append("request_closed")
                elif r.status == "assigned" or r.active is not None:
                    reasons.append("request_already_assigned")
                elif r.status != "new":
                    reasons.append("request_in_progress")
                elif not v.available:
                    reasons.append("volunteer_unavailable")
                elif not _eligible(v, r.category):
                    reasons.append("volunteer_not_eligible")
                else:
                    reasons.append(None)
            seen = set()
            for i, (rid, _vid) in enumerate(pairs):
                if reasons[i] is None:
                    if rid in seen:
                        reasons[i] = "request_twice_in_batch"
                    seen.add(rid)
            order = sorted(
                (i for i in range(len(pairs)) if reasons[i] is None),
                key=lambda i: (
                    URGENCY_RANK[self.requests[pairs[i][0]].urgency],
                    -self.requests[pairs[i][0]].hours_ago,
                    i,
                ),
            )
            taken: dict[int, int] = {}
            for i in order:
                vid = pairs[i][1]
                taken[vid] = taken.get(vid, 0) + 1
                if self.volunteers[vid].load + taken[vid] > self.volunteers[vid].capacity:
                    reasons[i] = "volunteer_full"
            return reasons

        def activate(self, aid: int, rid: int, vid: int, new_row: bool) -> None:
            if new_row:
                self.assignments[aid] = Asg(rid, vid, "active")
            else:
                a = self.assignments[aid]
                a.status, a.version = "active", a.version + 1
            self.requests[rid].active = aid

        def touch_requests(self, rids) -> None:
            for rid in set(rids):
                self.requests[rid].version += 1

        def touch_volunteers(self, vids) -> None:
            for vid in set(vids):
                self.volunteers[vid].version += 1

        def end_active(self, aid: int, status: str, reason: str | None) -> None:
            a = self.assignments[aid]
            a.status, a.version = status, a.version + 1
            if reason is not None:
                a.reason = reason
            self.requests[a.request].active = None
            v = self.volunteers[a.volunteer]
            v.load, v.version = v.load - 1, v.version + 1

        def pick(self, keys, i):
            keys = sorted(keys)
            return keys[i % len(keys)]

        # --- rules ---------------------------------------------------------------------------------------

        @rule(pairs=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=3))
        def assign(self, pairs):
            pairs = [(self.pick(self.requests, r), self.pick(self.volunteers, v)) for r, v in pairs]
            expected = self.refusals(pairs)
            run = create_run(self.conn, "manual")
            result = assign_pairs(self.conn, run, [p[0] for p in pairs], [p[1] for p in pairs])
            assert [r.reason for r in result.rows] == expected
            ok = [(row, pair) for row, pair in zip(result.rows, pairs) if row.reason is None]
            for row, (rid, vid) in ok:
                self.activate(row.assignment_id, rid, vid, new_row=True)
                self.requests[rid].status = "assigned"
                self.volunteers[vid].load += 1
            self.touch_requests(rid for _, (rid, _v) in ok)
            self.touch_volunteers(vid for _, (_r, vid) in ok)

        @rule(target=runs, pairs=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=3))
        def propose(self, pairs):
            pairs = [(self.pick(self.requests, r), self.pick(self.volunteers, v)) for r, v in pairs]
            expected = self.refusals(pairs)
            run = Run(create_run(self.conn, "optimal"))
            result = propose_assignments(self.conn, run.id, [p[0] for p in pairs], [p[1] for p in pairs])
            assert [r.reason for r in result.rows] == expected
            for row, (rid, vid) in zip(result.rows, pairs):
                if row.reason is None:
                    self.assignments[row.assignment_id] = Asg(rid, vid, "proposed")
                    run.proposals.append(row.assignment_id)
            return run

        @rule(run=consumes(runs))
        def confirm(self, run):
            ids = sorted(run.proposals)
            pairs = [(self.assignments[a].request, self.assignments[a].volunteer) for a in ids]
            expected = self.refusals(pairs)
            result = confirm_assignments(self.conn, run.id)
            assert [(r.assignment_id, r.reason) for r in result.rows] == list(zip(ids, expected))
            for aid, (rid, vid), reason in zip(ids, pairs, expected):
                if reason is None:
                    self.activate(aid, rid, vid, new_row=False)
                    self.requests[rid].status = "assigned"
                    self.volunteers[vid].load += 1
                else:
                    a = self.assignments[aid]
                    a.status, a.reason, a.version = "rejected", reason, a.version + 1
            self.touch_requests(rid for (rid, _v), reason in zip(pairs, expected) if reason is None)
            self.touch_volunteers(vid for (_r, vid), reason in zip(pairs, expected) if reason is None)

        @rule(run=consumes(runs))
        def reject(self, run):
            assert reject_assignments(self.conn, run.id) == len(run.proposals)
            for aid in run.proposals:
                a = self.assignments[aid]
                a.status, a.reason, a.version = "rejected", "rejected_by_officer", a.version + 1

        @rule(r=st.integers(0, 9), to=st.sampled_from(["cancelled", "done", "in_progress"]))
        def change_status(self, r, to):
            rid = self.pick(self.requests, r)
            req = self.requests[rid]
            allowed = {
                "in_progress": ("new", "assigned"),
                "done": ("assigned", "in_progress"),
                "cancelled": ("new", "assigned", "in_progress"),
            }[to]
            if req.status not in allowed:
                try:
                    change_request_status(self.conn, rid, req.version, to, "dup")
                except StoreError as exc:
                    assert "cannot be changed to" in str(exc)
                    return
                raise AssertionError(f"{req.status} -> {to} was allowed")
            assert change_request_status(self.conn, rid, req.version, to, "dup") == req.version + 1
            req.status, req.version = to, req.version + 1
            if to in CLOSED and req.active is not None:
                self.end_active(
                    req.active, "completed" if to == "done" else "cancelled", "dup" if to == "cancelled" else None
                )

        @rule(i=st.integers(0, 20), action=st.sampled_from(["unassign", "decline", "complete"]), stale=st.booleans())
        def end(self, i, action, stale):
            active = [a for a, x in self.assignments.items() if x.status == "active"]
            if not active:
                return
            aid = self.pick(active, i)
            a = self.assignments[aid]
            if stale:
                try:
                    end_assignment(self.conn, aid, a.version - 1, action, "ill")
                except StaleWriteError:
                    return
                raise AssertionError("a stale end was accepted")
            assert end_assignment(self.conn, aid, a.version, action, "ill") == a.version + 1
            req = self.requests[a.request]
            req.status, req.version = ("done" if action == "complete" else "new"), req.version + 1
            self.end_active(
                aid, {"unassign": "cancelled", "decline": "declined", "complete": "completed"}[action], "ill"
            )

        @rule(i=st.integers(0, 20), v=st.integers(0, 9))
        def reassign_to(self, i, v):
            active = [a for a, x in self.assignments.items() if x.status == "active"]
            if not active:
                return
            aid = self.pick(active, i)
            a = self.assignments[aid]
            vid = self.pick(self.volunteers, v)
            new = self.volunteers[vid]
            req = self.requests[a.request]
            why = (
                "already goes to volunteer"
                if vid == a.volunteer
                else "volunteer unavailable"
                if not new.available
                else "volunteer not eligible"
                if not _eligible(new, req.category)
                else "volunteer now full"
                if new.load >= new.capacity
                else None
            )
            if why is not None:
                try:
                    reassign(self.conn, aid, a.version, vid, "closer")
                except StoreError as exc:
                    assert why in str(exc), str(exc)
                    return
                raise AssertionError(f"reassign accepted, expected {why!r}")
            new_aid = reassign(self.conn, aid, a.version, vid, "closer")
            self.end_active(aid, "cancelled", "closer")
            self.activate(new_aid, a.request, vid, new_row=True)
            new.load, new.version = new.load + 1, new.version + 1
            if req.status == "in_progress":
                req.status, req.version = "assigned", req.version + 1

        @rule(v=st.integers(0, 9))
        def toggle_availability(self, v):
            vid = self.pick(self.volunteers, v)
            with self.conn.cursor() as cur:
                cur.execute("UPDATE jitasa.volunteer SET available = NOT available WHERE id = %s", (vid,))
            self.conn.commit()
            vol = self.volunteers[vid]
            vol.available, vol.version = not vol.available, vol.version + 1

        # --- the store equals the model ------------------------------------------------------------------

        def rows(self, query, params=()):
            with self.conn.cursor() as cur:
                cur.execute(query, params)
                rows = cur.fetchall()
            self.conn.rollback()
            return rows

        @invariant()
        def store_equals_model(self):
            if not self.requests:
                return
            got = {
                r[0]: r[1:]
                for r in self.rows(
                    "SELECT id, status::text, version FROM jitasa.help_request WHERE id = ANY (%s)",
                    (list(self.requests),),
                )
            }
            assert got == {k: (r.status, r.version) for k, r in self.requests.items()}
            got = {
                r[0]: r[1:]
                for r in self.rows(
                    "SELECT id, active_count, available, version FROM jitasa.volunteer WHERE id = ANY (%s)",
                    (list(self.volunteers),),
                )
            }
            assert got == {k: (v.load, v.available, v.version) for k, v in self.volunteers.items()}
            got = {
                r[0]: r[1:]
                for r in self.rows(
                    "SELECT a.id, a.request_id, a.volunteer_id, a.status::text, a.version, a.reason "
                    "FROM jitasa.assignment a WHERE a.request_id = ANY (%s)",
                    (list(self.requests),),
                )
            }
            assert got == {
                k: (a.request, a.volunteer, a.status, a.version, a.reason) for k, a in self.assignments.items()
            }

        @invariant()
        def invariants_hold(self):
            assert (
                self.rows(
                    "SELECT request_id FROM jitasa.assignment WHERE status = 'active' "
                    "GROUP BY request_id HAVING count(*) > 1"
                )
                == []
            )
            assert (
                self.rows("""
                SELECT v.id FROM jitasa.volunteer v
                 WHERE v.active_count > v.capacity OR v.active_count <> (
                       SELECT count(*) FROM jitasa.assignment a WHERE a.volunteer_id = v.id AND a.status = 'active')
                """)
                == []
            )
            assert (
                self.rows("""
                SELECT r.id FROM jitasa.help_request r
                 WHERE (r.status = 'assigned' AND NOT EXISTS (
                           SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active'))
                    OR (r.status IN ('new', 'done', 'cancelled') AND EXISTS (
                           SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active'))
                """)
                == []
            )

    return AssignmentMachine


def test_assignment_state_machine(store):
    conn = store.connect()
    try:
        run_state_machine_as_test(
            make_machine(conn),
            settings=settings(
                max_examples=50,
                stateful_step_count=20,
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
        with conn.cursor() as cur:  # the examples did assign, confirm and end
            cur.execute("SELECT count(*) FILTER (WHERE status = 'active'), count(*) FROM jitasa.assignment")
            active, total = cur.fetchone()
        assert total > 0, (active, total)
    finally:
        conn.close()
