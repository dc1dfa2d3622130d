"""services.progress: the reporters a service accepts, fractions kept within 0..1, cancel seen and raised."""

from __future__ import annotations

import pytest

from jitasa_qgis.services.progress import (
    NO_PROGRESS,
    CallbackProgress,
    Cancelled,
    Progress,
    check_cancelled,
    on_cancel,
    progress_of,
    scaled,
)


class TaskLike:
    """The shape of the GUI's TaskProgress: percent, is_cancelled, on_cancel."""

    def __init__(self):
        self.percent: list[float] = []
        self.cancelled = False
        self.hooks = []

    def set_progress(self, percent: float) -> None:
        self.percent.append(percent)

    def is_cancelled(self) -> bool:
        return self.cancelled

    def on_cancel(self, callback) -> None:
        self.hooks.append(callback)


def test_none_is_the_silent_default_and_never_cancelled():
    progress = progress_of(None)
    assert progress is NO_PROGRESS and isinstance(progress, Progress)
    progress.report(0.5, "half")
    check_cancelled(progress)  # does not raise


def test_callback_progress_clamps_and_cancels():
    seen, cancelled = [], []
    progress = progress_of(CallbackProgress(lambda f, m: seen.append((f, m)), lambda: bool(cancelled)))
    progress.report(-1)
    progress.report(0.25, "a quarter")
    progress.report(3)
    assert seen == [(0.0, ""), (0.25, "a quarter"), (1.0, "")]
    check_cancelled(progress)
    cancelled.append(True)
    with pytest.raises(Cancelled, match="nothing was written"):
        check_cancelled(progress)


def test_a_task_shaped_reporter_gets_percent_and_the_cancel_hook():
    task = TaskLike()
    progress = progress_of(task)
    progress.report(0.4)
    part = scaled(progress, 0.5, 1.0)
    part.report(0.5)
    assert task.percent == [pytest.approx(40.0), pytest.approx(75.0)]
    hooked = []
    on_cancel(part, lambda: hooked.append(1))
    assert len(task.hooks) == 1
    task.hooks[0]()
    assert hooked == [1]
    task.cancelled = True
    assert part.is_cancelled()
    with pytest.raises(Cancelled):
        check_cancelled(part)


def test_anything_else_is_refused():
    with pytest.raises(TypeError):
        progress_of(object())
