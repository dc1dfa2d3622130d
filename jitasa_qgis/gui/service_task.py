"""The task base: run a service (or any `work(progress) -> result`) off the GUI thread as a QgsTask, with
progress and cancel, and hand its result, its exception or its cancellation back on the main thread.

`run()` (a worker thread) calls only `work`, which must not touch widgets, iface or the project; the
callbacks given to `start_service_task` run in `finished()`, on the main thread, where the GUI is updated.
The service sees the task through a `TaskProgress`: `set_progress(percent)`, `is_cancelled()` and
`check_cancelled()` (raises `TaskCancelled`, so a service can stop between steps before it writes).

A task shows in QGIS's task manager (status bar) with its description and progress; its cancel button
there cancels it. `TaskHandle` is what the caller keeps: a plain object that outlives the QgsTask (which
the task manager deletes after `finished()`), saying whether it is done and with what.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Optional, TypeVar

from qgis.core import QgsApplication, QgsTask

LOG = logging.getLogger(__name__)
T = TypeVar("T")

_RUNNING: set = set()  # Python references to tasks in flight: without one, PyQt could free a running task


class TaskCancelled(Exception):
    """Raised inside a service (through `check_cancelled()`) when the officer cancelled the task."""


class TaskProgress:
    """What a service is given to report progress and see a cancel; safe to call from the worker thread."""

    def __init__(self, task: ServiceTask):
        self._task = task

    def set_progress(self, percent: float) -> None:
        self._task.setProgress(max(0.0, min(100.0, float(percent))))

    def is_cancelled(self) -> bool:
        return self._task.isCanceled()

    def check_cancelled(self) -> None:
        if self._task.isCanceled():
            raise TaskCancelled()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call `callback()` (from the thread that cancels) when the task is cancelled, e.g. a psycopg2
        connection's `cancel`, so a long statement stops at once and its transaction rolls back."""
        self._task.add_cancel_callback(callback)


@dataclass
class TaskHandle(Generic[T]):
    """What became of a task: `done` once `finished()` ran; then exactly one of `result` (with `ok`),
    `error` (the exception the work raised) or `cancelled`."""

    description: str
    done: bool = False
    ok: bool = False
    cancelled: bool = False
    result: Optional[T] = None
    error: Optional[BaseException] = None
    task: Optional[QgsTask] = field(default=None, repr=False)  # None once finished (the manager deletes it)

    def cancel(self) -> None:
        if self.task is not None and not self.done:
            self.task.cancel()


class ServiceTask(QgsTask):
    """One background run of `work(progress)`; the outcome goes to `on_result(result)`, `on_error(exc)` or
    `on_cancelled()`, called in `finished()` on the main thread. An exception in a callback is logged, never
    raised into Qt."""

    def __init__(
        self,
        description: str,
        work: Callable[[TaskProgress], T],
        *,
        on_result: Optional[Callable[[T], None]] = None,
        on_error: Optional[Callable[[BaseException], None]] = None,
        on_cancelled: Optional[Callable[[], None]] = None,
        can_cancel: bool = True,
    ):
        super().__init__(description, QgsTask.CanCancel if can_cancel else QgsTask.Flags())
        self._work = work
        self._on_result = on_result
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self.handle: TaskHandle[T] = TaskHandle(description=description, task=self)
        self._result: Optional[T] = None
        self._error: Optional[BaseException] = None
        self._cancel_callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def add_cancel_callback(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._cancel_callbacks.append(callback)
            cancelled = self.isCanceled()
        if cancelled:
            _call_quietly(callback)

    def cancel(self) -> None:  # the task manager, its status-bar widget, or our own cancel button
        super().cancel()
        with self._lock:
            callbacks = list(self._cancel_callbacks)
        for callback in callbacks:
            _call_quietly(callback)

    def run(self) -> bool:  # worker thread: no widgets, no iface, no project here
        try:
            self._result = self._work(TaskProgress(self))
        except TaskCancelled:
            return False
        except Exception as exc:  # noqa: BLE001 - handed to the main thread, shown there
            if self.isCanceled():
                return False  # a statement stopped by the cancel fails: that is the cancel, not an error
            self._error = exc
            return False
        if self.isCanceled():
            return False  # the work finished but the officer had cancelled: report it as cancelled
        return True

    def finished(self, ok: bool) -> None:  # main thread
        handle = self.handle
        handle.done, handle.ok, handle.task = True, ok, None
        try:
            if ok:
                handle.result = self._result
                if self._on_result is not None:
                    self._on_result(self._result)
            elif self._error is not None:
                handle.error = self._error
                LOG.info("task %r failed: %s", handle.description, self._error)
                if self._on_error is not None:
                    self._on_error(self._error)
            else:
                handle.cancelled = True
                handle.result = self._result  # what a service returned after seeing the cancel, if anything
                if self._on_cancelled is not None:
                    self._on_cancelled()
        except Exception:  # noqa: BLE001 - a callback's bug is logged, not raised into the task manager
            LOG.exception("applying the result of task %r failed", handle.description)
        finally:
            _RUNNING.discard(self)


def start_service_task(
    description: str,
    work: Callable[[TaskProgress], Any],
    *,
    on_result: Optional[Callable[[Any], None]] = None,
    on_error: Optional[Callable[[BaseException], None]] = None,
    on_cancelled: Optional[Callable[[], None]] = None,
    on_progress: Optional[Callable[[float], None]] = None,
    can_cancel: bool = True,
) -> TaskHandle:
    """Start `work` as a ServiceTask in QGIS's task manager; returns its handle at once.
    `on_progress(percent)` is called on the main thread (a queued signal) as the work reports it."""
    task = ServiceTask(
        description, work, on_result=on_result, on_error=on_error, on_cancelled=on_cancelled, can_cancel=can_cancel
    )
    if on_progress is not None:
        task.progressChanged.connect(on_progress)
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task.handle


def _call_quietly(callback: Callable[[], None]) -> None:
    try:
        callback()
    except Exception:  # noqa: BLE001 - a cancel hook that fails (a closed connection) changes nothing
        LOG.debug("cancel callback failed", exc_info=True)
