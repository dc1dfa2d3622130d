"""How a service reports progress and sees a cancel.

A service takes a `Progress` (or None): `report(fraction, message)` with a fraction from 0 to 1 and an
optional translated line saying what it is doing, and `is_cancelled()`. Between steps it calls
`check_cancelled(progress)`, which raises `Cancelled`; since each write is one transaction, a cancel seen
before a write leaves nothing half-written. An optional `on_cancel(callback)` lets a service hand over a
way to stop a running statement (a psycopg2 connection's `cancel`).

Adapters: `progress_of()` accepts None (→ `NO_PROGRESS`), a `Progress`, or any object shaped like the GUI's
task progress (`set_progress(percent)`, `is_cancelled()`, optional `on_cancel`); the Processing adapter
(QgsProcessingFeedback → Progress) lives in processing/feedback_progress.py, so this module stays free of
QGIS and Qt.
"""

from __future__ import annotations

from typing import Callable, Optional, Protocol, runtime_checkable

from ..definitions.i18n import translate


class Cancelled(Exception):
    """The work stopped on a cancel before writing (or its transaction was rolled back): nothing was written."""

    def __init__(self, message: str = ""):
        super().__init__(message or translate("Services", "Cancelled; nothing was written."))


@runtime_checkable
class Progress(Protocol):
    def report(self, fraction: float, message: str = "") -> None:
        """`fraction` of the whole work done (0..1); `message`: a translated line, or '' for none."""

    def is_cancelled(self) -> bool: ...


class NoProgress:
    """Reports nowhere, never cancelled: the default of every service."""

    def report(self, fraction: float, message: str = "") -> None:
        pass

    def is_cancelled(self) -> bool:
        return False


NO_PROGRESS = NoProgress()


class CallbackProgress:
    """A Progress from plain callables (tests, tools): `report(fraction, message)`, `cancelled()`."""

    def __init__(
        self,
        report: Optional[Callable[[float, str], None]] = None,
        cancelled: Optional[Callable[[], bool]] = None,
    ):
        self._report = report
        self._cancelled = cancelled
        self._cancel_callbacks: list[Callable[[], None]] = []

    def report(self, fraction: float, message: str = "") -> None:
        if self._report is not None:
            self._report(_clamped(fraction), message)

    def is_cancelled(self) -> bool:
        return bool(self._cancelled is not None and self._cancelled())

    def on_cancel(self, callback: Callable[[], None]) -> None:
        self._cancel_callbacks.append(callback)

    def cancel_now(self) -> None:
        """Run the callbacks given to on_cancel (as a task's cancel button would)."""
        for callback in list(self._cancel_callbacks):
            callback()


class _PercentProgress:
    """Progress over an object with set_progress(percent) and is_cancelled() (the GUI's TaskProgress)."""

    def __init__(self, target):
        self._target = target

    def report(self, fraction: float, message: str = "") -> None:
        self._target.set_progress(100.0 * _clamped(fraction))

    def is_cancelled(self) -> bool:
        return bool(self._target.is_cancelled())

    def on_cancel(self, callback: Callable[[], None]) -> None:
        hook = getattr(self._target, "on_cancel", None)
        if hook is not None:
            hook(callback)


class _Scaled:
    """A part [start, end] of a parent's progress, for a step that reports its own 0..1."""

    def __init__(self, parent: Progress, start: float, end: float):
        self._parent, self._start, self._end = parent, start, end

    def report(self, fraction: float, message: str = "") -> None:
        self._parent.report(self._start + (self._end - self._start) * _clamped(fraction), message)

    def is_cancelled(self) -> bool:
        return self._parent.is_cancelled()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        on_cancel(self._parent, callback)


def progress_of(progress) -> Progress:
    """A Progress for whatever the caller gave (see the module docstring)."""
    if progress is None:
        return NO_PROGRESS
    if isinstance(progress, Progress):
        return progress
    if hasattr(progress, "set_progress") and hasattr(progress, "is_cancelled"):
        return _PercentProgress(progress)
    raise TypeError(f"not a progress reporter: {type(progress).__name__}")


def scaled(progress: Progress, start: float, end: float) -> Progress:
    """The part of `progress` from `start` to `end` (fractions), as a Progress of its own."""
    return _Scaled(progress, start, end)


def check_cancelled(progress: Progress, message: str = "") -> None:
    """Raise Cancelled when the caller cancelled; call it between steps, before each write."""
    if progress.is_cancelled():
        raise Cancelled(message)


def on_cancel(progress: Progress, callback: Callable[[], None]) -> None:
    """Give `callback` to the reporter's on_cancel when it has one (not every reporter can call back)."""
    hook = getattr(progress, "on_cancel", None)
    if hook is not None:
        hook(callback)


def _clamped(fraction: float) -> float:
    return max(0.0, min(1.0, float(fraction)))
