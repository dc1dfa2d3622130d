"""Background tasks in real QGIS (QgsApplication.taskManager()) on a real store: progress reaches the main
thread and the task's progress() moves; a cancel is seen by the work and nothing is written (also when it
stops a statement that is running); an exception in the work reaches the GUI as a message, not a crash; the
Runs tab confirms and rejects as a task, shows its progress, and updates its tables in finished()."""

from __future__ import annotations

import threading
import time

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QThread
from task_waiting import finish, wait_until
from widget_checks import drawn_over, settle

from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.gui.service_task import start_service_task
from jitasa_qgis.store.assignments import create_run, propose_assignments
from jitasa_qgis.store.qgis_connections import StoreLocation


def _main_thread() -> bool:
    return QThread.currentThread() is QgsApplication.instance().thread()


def _count(c) -> int:
    with c.cursor() as cur:
        cur.execute("SELECT count(*) FROM jitasa.help_request")
        return cur.fetchone()[0]


def test_progress_and_result_reach_the_main_thread(qgis_app):
    seen, progress_seen, polled = [], [], []

    def work(progress):
        assert not _main_thread()
        for step in range(1, 11):
            progress.set_progress(step * 10)
            time.sleep(0.03)
        return "done"

    handle = start_service_task(
        "counting",
        work,
        on_result=lambda result: seen.append((result, _main_thread())),
        on_progress=lambda p: progress_seen.append((p, _main_thread())),
    )
    task = handle.task

    def poll():
        if not handle.done:
            polled.append(task.progress())
        return handle.done

    assert wait_until(poll)
    assert handle.ok and handle.result == "done" and handle.task is None
    assert seen == [("done", True)]
    assert progress_seen and all(main for _, main in progress_seen)
    values = [p for p, _ in progress_seen]
    assert values == sorted(values) and values[-1] == 100
    assert len(set(polled)) > 1  # the task's own progress() moved while it ran


def test_cancel_is_seen_by_the_work_and_nothing_is_written(qgis_app, store):
    admin = store.connect(autocommit=True)
    before = _count(admin)
    started, saw_cancel, cancelled = threading.Event(), [], []

    def work(progress):
        conn = store.connect()
        try:
            with conn.cursor() as cur:
                cur.execute("INSERT INTO jitasa.help_request (category, urgency) VALUES ('oxygen', 'high')")
            started.set()
            deadline = time.monotonic() + 10
            while not progress.is_cancelled() and time.monotonic() < deadline:
                time.sleep(0.01)
            saw_cancel.append(progress.is_cancelled())
            progress.check_cancelled()  # raises: the commit below is never reached
            conn.commit()
            return "written"
        finally:
            conn.close()

    handle = start_service_task(
        "writing",
        work,
        on_cancelled=lambda: cancelled.append(_main_thread()),
        on_result=lambda r: pytest.fail("not cancelled"),
    )
    assert wait_until(started.is_set)
    handle.cancel()
    assert wait_until(lambda: handle.done)
    assert handle.cancelled and not handle.ok and handle.error is None and handle.result is None
    assert saw_cancel == [True] and cancelled == [True]
    assert _count(admin) == before
    admin.close()


def test_cancel_stops_a_running_statement(qgis_app, store):
    admin = store.connect(autocommit=True)
    before = _count(admin)
    started = threading.Event()

    def work(progress):
        conn = store.connect()
        progress.on_cancel(conn.cancel)
        try:
            with conn.cursor() as cur:
                cur.execute("INSERT INTO jitasa.help_request (category, urgency) VALUES ('oxygen', 'high')")
                started.set()
                cur.execute("SELECT pg_sleep(60)")
            conn.commit()
        finally:
            conn.close()

    handle = start_service_task("sleeping", work)
    assert wait_until(started.is_set)
    time.sleep(0.2)  # in pg_sleep by now
    t0 = time.monotonic()
    QgsApplication.taskManager().cancelAll()  # from C++, as the status bar's task widget does
    assert wait_until(lambda: handle.done, timeout=10)
    assert time.monotonic() - t0 < 5
    assert handle.cancelled and handle.error is None  # the statement's failure is the cancel, not an error
    assert _count(admin) == before
    admin.close()


def test_an_exception_in_the_work_is_handed_back_not_raised(qgis_app):
    errors = []

    def work(progress):
        raise ValueError("bad input row 7")

    handle = start_service_task("failing", work, on_error=lambda exc: errors.append((exc, _main_thread())))
    assert wait_until(lambda: handle.done)
    assert not handle.ok and not handle.cancelled and isinstance(handle.error, ValueError)
    assert len(errors) == 1 and str(errors[0][0]) == "bad input row 7" and errors[0][1]


# --- the Runs tab -------------------------------------------------------------------------------------------


class Run:
    def __init__(self, store, n=4):
        self.c = store.connect(autocommit=True)
        with self.c.cursor() as cur:
            cur.execute(
                "INSERT INTO jitasa.volunteer (name, kind, capacity, geom) VALUES "
                "('v', 'student', 10, 'SRID=4326;POINT(101.21 16.41)') RETURNING id"
            )
            v = cur.fetchone()[0]
            self.requests = []
            for _ in range(n):
                cur.execute(
                    "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
                    "('food_supplies', 'high', 'SRID=4326;POINT(101.2 16.4)') RETURNING id"
                )
                self.requests.append(cur.fetchone()[0])
        conn = store.connect()
        self.id = create_run(conn, "optimal", "all", {"max_minutes": 60})
        result = propose_assignments(conn, self.id, self.requests, [v] * n, [10.0] * n)
        conn.close()
        self.ids = [r.assignment_id for r in result.rows]

    def statuses(self) -> list[str]:
        with self.c.cursor() as cur:
            cur.execute("SELECT status::text FROM jitasa.assignment WHERE id = ANY (%s) ORDER BY id", (self.ids,))
            return [r[0] for r in cur.fetchall()]


@pytest.fixture
def dock(qgis_app, store):
    location = StoreLocation(name="test", spec=store, layer_uri="")
    where = {"location": location}
    d = OperationsDock(lambda: where["location"])
    d.ask_yes_no = lambda title, text: True
    d.where = where
    yield d
    d.close_store()
    d.deleteLater()


def test_confirming_a_run_is_a_task_and_the_tables_update_in_finished(dock, store):
    run = Run(store)
    dock.refresh()
    assert [r.id for r in dock.runs_model.rows()] == [run.id]
    values = []
    dock.task_progress_bar.valueChanged.connect(values.append)

    handle = dock.confirm_run()
    # started, not done: nothing applied yet, the progress row shown, no second write possible
    assert handle is not None and not handle.done and dock.running_task is handle
    assert dock.task_row.isVisibleTo(dock) and dock.task_label.text() == f"Confirming run {run.id}"
    assert [r.id for r in dock.runs_model.rows()] == [run.id]
    assert not dock.confirm_run_button.isEnabled() and not dock.reject_run_button.isEnabled()
    assert dock.confirm_run() is None and "has finished" in dock.status_label.text()

    result = finish(handle)
    assert result.confirmed == 4 and run.statuses() == ["active"] * 4
    assert values and values[-1] == 100  # the bar followed the task's progress
    # finished(): the message, the tables re-read, the row hidden
    assert f"Run {run.id}: 4 confirmed." in dock.status_label.text()
    assert dock.runs_model.rowCount() == 0 and dock.running_task is None and not dock.task_row.isVisibleTo(dock)


def test_cancelling_a_blocked_confirm_writes_nothing(dock, store):
    run = Run(store)
    dock.refresh()
    blocker = store.connect()
    with blocker.cursor() as cur:  # another transaction holds the run's requests
        cur.execute("SELECT id FROM jitasa.help_request WHERE id = ANY (%s) FOR UPDATE", (run.requests,))

    def waiting_on_lock() -> bool:
        with run.c.cursor() as cur:
            cur.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' " "AND query LIKE %s",
                ("%confirm_assignments%",),
            )
            return cur.fetchone()[0] == 1

    try:
        dock.resize(480, 700)
        dock.show()
        handle = dock.confirm_run()
        assert wait_until(waiting_on_lock, timeout=10)
        settle()
        # the task row under the tabs fits: nothing drawn over anything while it shows
        assert dock.task_row.isVisible() and not drawn_over(dock), drawn_over(dock)
        dock.task_cancel_button.click()
        assert wait_until(lambda: handle.done, timeout=10)
    finally:
        blocker.rollback()
        blocker.close()
    assert handle.cancelled and handle.error is None
    assert run.statuses() == ["proposed"] * 4
    assert f"“Confirming run {run.id}” was cancelled; nothing was written." in dock.status_label.text()
    assert [r.id for r in dock.runs_model.rows()] == [run.id] and dock.confirm_run_button.isEnabled()


def test_a_store_error_in_the_task_reaches_the_officer_as_a_message(dock, store, qgis_iface):
    dock.iface = qgis_iface
    run = Run(store)
    dock.refresh()
    # the store goes away after the list was read: the task's own connection fails in the worker
    dock.where["location"] = StoreLocation(
        name="test", spec=type(store)(params={**store.params, "port": 1}), layer_uri=""
    )
    bar = qgis_iface.messageBar()
    bar.clear_messages()
    handle = dock.confirm_run()
    assert wait_until(lambda: handle.done)
    assert handle.error is not None and not handle.ok
    assert dock.status_label.text().startswith("Not changed: Cannot connect to the Jitasa store")
    assert any("Not changed" in m for m in bar.get_messages(Qgis.Critical))
    assert run.statuses() == ["proposed"] * 4 and dock.running_task is None


def test_a_bug_in_the_work_is_a_message_too(dock, store):
    Run(store)
    dock.refresh()
    handle = dock.runs_tab._start("Confirming nothing", lambda spec, progress: 1 / 0, lambda result: None)
    assert wait_until(lambda: handle.done)
    assert dock.status_label.text() == "Not changed: ZeroDivisionError: division by zero"
    assert dock.confirm_run_button.isEnabled()
