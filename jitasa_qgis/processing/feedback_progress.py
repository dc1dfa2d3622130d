"""A QgsProcessingFeedback as a services Progress: fractions become the progress bar's percent, a step's
message a line of the log, and a cancel in the dialog is what the service sees (and, through `on_cancel`,
stops a running statement)."""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsFeedback


class FeedbackProgress:
    def __init__(self, feedback: Optional[QgsFeedback]):
        self._feedback = feedback

    def report(self, fraction: float, message: str = "") -> None:
        if self._feedback is None:
            return
        self._feedback.setProgress(100.0 * max(0.0, min(1.0, float(fraction))))
        if message:
            self._feedback.pushInfo(message)

    def is_cancelled(self) -> bool:
        return self._feedback is not None and self._feedback.isCanceled()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        if self._feedback is not None:
            self._feedback.canceled.connect(callback)
