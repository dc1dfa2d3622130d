"""20 officers at once on one pool of requests and volunteers, on a real PostgreSQL.

Twenty threads, each with its own connection as an officer login, spend ~10 s assigning random pairs
(assign_pairs), proposing and then confirming or rejecting, cancelling and closing requests
(change_request_status), ending assignments and reassigning them, and switching volunteers' availability,
all on ~60 requests and 20 volunteers with capacity 1–3. Afterwards:

* no request has two active assignments; no volunteer is over capacity or has an active_count that differs
  from its active assignments; a request is 'assigned' exactly when it has an active assignment and is
  never 'new', 'done' or 'cancelled' with one;
* no lost update: every assignment status change the threads were told about is in the audit log and the
  audit log holds no other (compared as multisets); each volunteer's active_count is the sum of the changes
  the audit log recorded; each request's version is 1 + its recorded updates;
* every refusal has a reason, and there is no deadlock (40P01 is not retried: any would fail the test).

The counts are printed (run with -s to see them).
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter

import psycopg2
import pytest

from jitasa_qgis.store.assignments import (
    REFUSAL_REASONS,
    assign_pairs,
    confirm_assignments,
    create_run,
    end_assignment,
    propose_assignments,
    reassign,
    reject_assignments,
)
from jitasa_qgis.store.errors import StaleWriteError, StoreError

THREADS = 20
SECONDS = 10.0
N_REQUESTS = 60
N_VOLUNTEERS = 20
CATEGORIES = ["food_supplies"] * 4 + ["medicine"] * 3 + ["patient_transport", "oxygen", "medical_help"]
OPERATIONS = {
    "assign": 5,
    "propose_confirm": 4,
    "propose_reject": 1,
    "cancel_request": 1,
    "close_request": 1,
    "start_request": 1,
    "end": 3,
    "reassign": 2,
    "availability": 1,
}
# Refusals a race may cause, by message; anything else fails the test.
EXPECTED_ERRORS = (
    "not active",
    "cannot be changed to",
    "already goes to volunteer",
    "volunteer now full",
    "volunteer unavailable",
    "volunteer not eligible",
)


class Pool:
    """The request ids the threads work on; a closed request is replaced by a new one."""

    def __init__(self, ids: list[int]):
        self.ids = list(ids)
        self.lock = threading.Lock()

    def sample(self, rng: random.Random, k: int) -> list[int]:
        with self.lock:
            return rng.sample(self.ids, k)

    def replace(self, old: int, new: int) -> None:
        with self.lock:
            if old in self.ids:
                self.ids[self.ids.index(old)] = new


class Officer(threading.Thread):
    def __init__(self, n: int, connect, pool: Pool, volunteers: list[int], deadline: float):
        super().__init__(name=f"officer-{n}")
        self.rng = random.Random(n)
        self.conn = connect()
        self.pool = pool
        self.volunteers = volunteers
        self.deadline = deadline
        self.ops: Counter = Counter()  # (operation, "ok" | "refused" | "stale" | "error")
        self.refusals: Counter = Counter()  # reason -> rows refused
        self.errors: Counter = Counter()  # expected error message kinds
        self.unexpected: list[str] = []
        self.transitions: Counter = Counter()  # (assignment id, from status, to status) we were told about
        self.confirmed_rows = 0
        self.failure: BaseException | None = None

    def run(self) -> None:
        names, weights = zip(*OPERATIONS.items())
        try:
            while time.monotonic() < self.deadline:
                op = self.rng.choices(names, weights)[0]
                try:
                    result = getattr(self, op)()
                    self.ops[(op, result or "ok")] += 1
                except StaleWriteError:
                    self.ops[(op, "stale")] += 1
                except StoreError as exc:
                    message = str(exc)
                    kind = next((k for k in EXPECTED_ERRORS if k in message), None)
                    if kind is None:
                        self.unexpected.append(f"{op}: {message}")
                        self.ops[(op, "error")] += 1
                    else:
                        self.errors[kind] += 1
                        self.ops[(op, "refused")] += 1
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            self.failure = exc
        finally:
            self.conn.close()

    # --- operations --------------------------------------------------------------------------------------

    def _pairs(self) -> tuple[list[int], list[int]]:
        k = self.rng.randint(1, 4)
        return self.pool.sample(self.rng, k), [self.rng.choice(self.volunteers) for _ in range(k)]

    def _count(self, rows) -> str:
        refused = [r for r in rows if r.refused]
        for r in refused:
            if r.reason not in REFUSAL_REASONS:
                self.unexpected.append(f"refusal without a reason code: {r}")
            self.refusals[r.reason] += 1
        return "refused" if refused and len(refused) == len(rows) else "ok"

    def assign(self) -> str:
        requests, volunteers = self._pairs()
        run = create_run(self.conn, "concurrency")
        result = assign_pairs(self.conn, run, requests, volunteers, [1.0] * len(requests))
        for r in result.rows:
            if not r.refused:
                self.transitions[(r.assignment_id, None, "active")] += 1
                self.confirmed_rows += 1
        return self._count(result.rows)

    def _propose(self) -> tuple[int, list[int]]:
        requests, volunteers = self._pairs()
        run = create_run(self.conn, "concurrency")
        result = propose_assignments(self.conn, run, requests, volunteers)
        self._count(result.rows)
        ids = [r.assignment_id for r in result.rows if not r.refused]
        for aid in ids:
            self.transitions[(aid, None, "proposed")] += 1
        time.sleep(self.rng.uniform(0, 0.01))  # let the others move on meanwhile
        return run, ids

    def propose_confirm(self) -> str:
        run, ids = self._propose()
        some = None if self.rng.random() < 0.7 or not ids else self.rng.sample(ids, self.rng.randint(1, len(ids)))
        result = confirm_assignments(self.conn, run, some)
        for r in result.rows:
            if r.reason == "not_proposed":
                self.unexpected.append(f"own proposal confirmed twice? {r}")
            elif r.refused:
                self.transitions[(r.assignment_id, "proposed", "rejected")] += 1
            else:
                self.transitions[(r.assignment_id, "proposed", "active")] += 1
                self.confirmed_rows += 1
        return self._count(result.rows)

    def propose_reject(self) -> str:
        run, ids = self._propose()
        if reject_assignments(self.conn, run) != len(ids):
            self.unexpected.append("reject count differs from own proposals")
        for aid in ids:
            self.transitions[(aid, "proposed", "rejected")] += 1
        return "ok"

    def _close(self, status: str, reason: str | None) -> str:
        rid = self.pool.sample(self.rng, 1)[0]
        with self.conn.cursor() as cur:
            cur.execute("SELECT version FROM jitasa.help_request WHERE id = %s", (rid,))
            version = cur.fetchone()[0]
        self.conn.commit()
        time.sleep(self.rng.uniform(0, 0.005))
        try:
            with self.conn.cursor() as cur:
                cur.execute("SELECT jitasa.change_request_status(%s, %s, %s, %s)", (rid, version, status, reason))
                # the assignment it ended in the same transaction, if any
                cur.execute(
                    "SELECT id, status::text FROM jitasa.assignment "
                    "WHERE request_id = %s AND xmin = pg_current_xact_id()::xid",
                    (rid,),
                )
                ended = cur.fetchall()
            self.conn.commit()
        except psycopg2.Error as exc:
            self.conn.rollback()
            if exc.pgcode == "40001":
                raise StaleWriteError(exc.diag.message_primary) from None
            raise StoreError(exc.diag.message_primary) from None
        for aid, new_status in ended:
            self.transitions[(aid, "active", new_status)] += 1
        if status in ("done", "cancelled"):
            self._new_request(rid)
        return "ok"

    def _new_request(self, closed_id: int) -> None:
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO jitasa.help_request (category, geom) VALUES (%s, "
                "'SRID=4326;POINT(100.5 16.5)') RETURNING id",
                (self.rng.choice(CATEGORIES),),
            )
            new_id = cur.fetchone()[0]
        self.conn.commit()
        self.pool.replace(closed_id, new_id)

    def cancel_request(self) -> str:
        return self._close("cancelled", "duplicate")

    def close_request(self) -> str:
        return self._close("done", None)

    def start_request(self) -> str:
        return self._close("in_progress", None)

    def _random_active(self):
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id, version, request_id FROM jitasa.assignment WHERE status = 'active' "
                "ORDER BY random() LIMIT 1"
            )
            row = cur.fetchone()
        self.conn.commit()
        time.sleep(self.rng.uniform(0, 0.005))
        return row

    def end(self) -> str:
        row = self._random_active()
        if row is None:
            return "nothing"
        action = self.rng.choice(["unassign", "decline", "complete"])
        end_assignment(self.conn, row[0], row[1], action, "volunteer is ill")
        to = {"unassign": "cancelled", "decline": "declined", "complete": "completed"}[action]
        self.transitions[(row[0], "active", to)] += 1
        if action == "complete":  # the request is done: a new one takes its place in the pool
            self._new_request(row[2])
        return "ok"

    def reassign(self) -> str:
        row = self._random_active()
        if row is None:
            return "nothing"
        new_id = reassign(self.conn, row[0], row[1], self.rng.choice(self.volunteers), "closer volunteer")
        self.transitions[(row[0], "active", "cancelled")] += 1
        self.transitions[(new_id, None, "active")] += 1
        return "ok"

    def availability(self) -> str:
        with self.conn.cursor() as cur:
            cur.execute(
                "UPDATE jitasa.volunteer SET available = NOT available WHERE id = %s",
                (self.rng.choice(self.volunteers),),
            )
        self.conn.commit()
        return "ok"


@pytest.fixture
def officer_login(pg_cluster, store):
    name = f"officer_{uuid.uuid4().hex[:10]}"
    admin = store.connect(autocommit=True)
    with admin.cursor() as cur:
        cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE jitasa_officer')
        # national: the login works every area (jitasa.area_scope, issue 14)
        cur.execute("INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, NULL)", (name,))
    admin.close()
    yield lambda: psycopg2.connect(**pg_cluster.params(store.params["dbname"], user=name))
    admin = store.connect(autocommit=True)
    with admin.cursor() as cur:
        cur.execute(f'DROP OWNED BY "{name}"')
        cur.execute(f'DROP ROLE "{name}"')
    admin.close()


def _seed(conn) -> tuple[list[int], list[int]]:
    rng = random.Random(7)
    with conn.cursor() as cur:
        requests = []
        for _ in range(N_REQUESTS):
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES (%s, %s, "
                "'SRID=4326;POINT(100.5 16.5)') RETURNING id",
                (rng.choice(CATEGORIES), rng.choice(["critical", "high", "normal", "low"])),
            )
            requests.append(cur.fetchone()[0])
        volunteers = []
        for i in range(N_VOLUNTEERS):
            skills = ["medical"] if i % 5 == 0 else ["oxygen_handling"] if i % 7 == 0 else []
            vehicle = rng.choice(["none", "motorcycle", "car", "pickup"])
            cur.execute(
                "INSERT INTO jitasa.volunteer (name, kind, skills, vehicle, capacity, geom) VALUES "
                "('v', 'student', %s::jitasa.skill[], %s, %s, 'SRID=4326;POINT(100.5 16.5)') RETURNING id",
                (skills, vehicle, rng.randint(1, 3)),
            )
            volunteers.append(cur.fetchone()[0])
    conn.commit()
    return requests, volunteers


def test_twenty_officers_at_once_keep_every_invariant(store, officer_login):
    admin = store.connect()
    requests, volunteers = _seed(admin)
    pool = Pool(requests)
    deadline = time.monotonic() + SECONDS
    officers = [Officer(n, officer_login, pool, volunteers, deadline) for n in range(THREADS)]
    for o in officers:
        o.start()
    for o in officers:
        o.join(timeout=SECONDS + 120)
    assert not any(o.is_alive() for o in officers), "an officer thread hung"
    for o in officers:
        if o.failure is not None:
            raise o.failure

    ops, refusals, errors, told = Counter(), Counter(), Counter(), Counter()
    unexpected = []
    for o in officers:
        ops.update(o.ops)
        refusals.update(o.refusals)
        errors.update(o.errors)
        told.update(o.transitions)
        unexpected.extend(o.unexpected)
    confirmed_rows = sum(o.confirmed_rows for o in officers)

    def rows(query, params=()):
        with admin.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    # --- the counts, for the record -------------------------------------------------------------------------
    total = sum(ops.values())
    print(
        f"\n{THREADS} officers, {SECONDS:.0f} s: {total} operations "
        f"({total / SECONDS:.0f}/s), {confirmed_rows} assignments confirmed"
    )
    for op in OPERATIONS:
        outcomes = {k[1]: v for k, v in ops.items() if k[0] == op}
        print(f"  {op:16s} " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print("  rows refused by reason: " + ", ".join(f"{k!r} {v}" for k, v in refusals.most_common()))
    print("  whole operations refused: " + ", ".join(f"{k!r} {v}" for k, v in errors.most_common()))
    print(f"  stale writes refused (40001): {sum(v for k, v in ops.items() if k[1] == 'stale')}")
    print(f"  deadlocks (40P01): {sum(1 for u in unexpected if 'deadlock' in u)} (not retried)")
    status_counts = rows("SELECT status::text, count(*) FROM jitasa.assignment GROUP BY 1 ORDER BY 1")
    print("  assignments now: " + ", ".join(f"{s} {n}" for s, n in status_counts))

    assert not unexpected, "\n".join(unexpected[:20])
    assert ops[("assign", "ok")] > 20 and ops[("propose_confirm", "ok")] > 10 and ops[("end", "ok")] > 5
    assert ops[("reassign", "ok")] > 0 and sum(refusals.values()) > 0

    # --- invariants ----------------------------------------------------------------------------------------
    assert (
        rows(
            "SELECT request_id FROM jitasa.assignment WHERE status = 'active' "
            "GROUP BY request_id HAVING count(*) > 1"
        )
        == []
    )
    assert (
        rows("""
        SELECT v.id, v.capacity, v.active_count,
               (SELECT count(*) FROM jitasa.assignment a WHERE a.volunteer_id = v.id AND a.status = 'active')
          FROM jitasa.volunteer v
         WHERE v.active_count > v.capacity OR v.active_count <> (
               SELECT count(*) FROM jitasa.assignment a WHERE a.volunteer_id = v.id AND a.status = 'active')""")
        == []
    )
    assert (
        rows("""
        SELECT r.id, r.status::text FROM jitasa.help_request r
         WHERE (r.status = 'assigned' AND NOT EXISTS (
                   SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active'))
            OR (r.status IN ('new', 'done', 'cancelled') AND EXISTS (
                   SELECT 1 FROM jitasa.assignment a WHERE a.request_id = r.id AND a.status = 'active'))""")
        == []
    )
    assert (
        rows(
            "SELECT id FROM jitasa.assignment WHERE status IN ('rejected', 'cancelled', 'declined') "
            "AND coalesce(btrim(reason), '') = ''"
        )
        == []
    )

    # --- no lost update: what the threads were told == what the audit log recorded ---------------------------
    recorded = Counter()
    for aid, op, old, new in rows("""
            SELECT row_id, operation, old_row->>'status', new_row->>'status' FROM jitasa.audit_log
             WHERE table_name = 'assignment'"""):
        if op == "insert":
            recorded[(aid, None, new)] += 1
        elif old != new:
            recorded[(aid, old, new)] += 1
    assert recorded == told, (recorded - told, told - recorded)
    assert (
        rows("""
        SELECT v.id FROM jitasa.volunteer v
          LEFT JOIN (SELECT row_id, sum((new_row->>'active_count')::int - (old_row->>'active_count')::int) AS d
                       FROM jitasa.audit_log WHERE table_name = 'volunteer' AND operation = 'update'
                      GROUP BY row_id) a ON a.row_id = v.id
         WHERE v.active_count <> coalesce(a.d, 0)""")
        == []
    )
    assert (
        rows("""
        SELECT r.id FROM jitasa.help_request r
          LEFT JOIN (SELECT row_id, count(*) AS n FROM jitasa.audit_log
                      WHERE table_name = 'help_request' AND operation = 'update' GROUP BY row_id) a ON a.row_id = r.id
         WHERE r.version <> 1 + coalesce(a.n, 0)""")
        == []
    )
    # every write of a run function carried its run id
    assert (
        rows(
            "SELECT count(*) FROM jitasa.audit_log WHERE table_name = 'assignment' AND operation = 'insert' "
            "AND run_id IS NULL"
        )[0][0]
        == 0
    )
    # every change has its delta (one audit row per update of every row), and every row rebuilt from its
    # audit rows is the live row (issue 14)
    for table in ("volunteer", "assignment"):
        assert (
            rows(f"""
            SELECT x.id FROM jitasa.{table} x
              LEFT JOIN (SELECT row_id, count(*) AS n FROM jitasa.audit_log
                          WHERE table_name = '{table}' AND operation = 'update' AND is_delta GROUP BY row_id) a
                ON a.row_id = x.id
             WHERE x.version <> 1 + coalesce(a.n, 0)""")  # noqa: S608 - fixed table names
            == []
        )
    assert rows("SELECT count(*) FROM jitasa.audit_log WHERE operation = 'update' AND NOT is_delta") == [(0,)]
    assert (
        rows("""
        SELECT v.t, x.id FROM (VALUES ('help_request'), ('volunteer'), ('assignment'), ('assignment_run')) v(t)
         CROSS JOIN LATERAL (SELECT DISTINCT row_id AS id FROM jitasa.audit_log WHERE table_name = v.t) x
         WHERE jitasa.audit_row_at(v.t, x.id) IS DISTINCT FROM jitasa.audit_live_row(v.t, x.id)""")
        == []
    )
    admin.close()
