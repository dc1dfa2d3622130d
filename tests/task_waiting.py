"""Waiting for background work in GUI tests: run the Qt event loop (queued signals, the task manager's
finished() calls) until a condition holds."""

from __future__ import annotations

import time
from typing import Callable

from qgis.PyQt.QtCore import QCoreApplication


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.005)
    QCoreApplication.processEvents()
    return condition()


def finish(handle, timeout: float = 20.0):
    """Wait until the task behind `handle` (gui/service_task.TaskHandle) has finished and its result was
    applied; return its result (or raise its error, so a test sees what went wrong)."""
    assert handle is not None, "no task was started"
    assert wait_until(lambda: handle.done, timeout), f"task {handle.description!r} did not finish"
    if handle.error is not None:
        raise handle.error
    return handle.result
