"""One PDF written in parts at once, a part per core, joined at the end: for long atlases whose pages are
independent (call sheets).

QGIS 3.22 renders an atlas page after page on one core, and almost all of that time is C++ that lets go of
Python's lock (layout items, the map, text). Each part is written by a `PartWriter` on a QThread of its own:
it builds its own project, layers and layout there (QGIS objects belong to the thread that made them) and
exports them to its part file. The parts are joined with poppler's `pdfunite` into a temporary file beside
the output, renamed over it at the end. Without pdfunite (QGIS on Windows), or on one core, there is one
part and it is written on the calling thread. A failure or a cancel in any part stops the others and leaves
no file; an earlier file at the output stays as it was.

The calling thread waits, forwarding the parts' progress (polled from their feedbacks: a signal from a part's
thread would wait for an event loop the waiting thread does not run) and passing on a cancel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable, Optional, Sequence

from qgis.core import QgsFeedback
from qgis.PyQt.QtCore import QThread

from ..definitions.print_errors import PrintErrorCode
from .errors import PrintError
from .expressions import thai_date_function
from .layouts import ExportCancelled, PathLike, TemporaryPdf, check_writable
from .time_zone import name_time_zone

PDFUNITE = "pdfunite"  # poppler-utils
MIN_PART_PAGES = 50  # a part is worth its own layout and thread from about this many pages
MAX_PARTS = 8
WAIT_MS = 100  # how often the waiting thread passes on progress and cancel

# writes one part of the pages to the file, reporting to and honouring the feedback; runs on the part's thread
PartWriter = Callable[[Path, QgsFeedback], None]


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parts_for(pages: int) -> int:
    """How many parts a PDF of `pages` pages is best written in: a part per core, each of at least
    MIN_PART_PAGES pages; one without pdfunite to join them."""
    if shutil.which(PDFUNITE) is None:
        return 1
    return max(1, min(cores(), MAX_PARTS, pages // MIN_PART_PAGES))


def export_in_parts(
    path: PathLike,
    writers: Sequence[PartWriter],
    weights: Optional[Sequence[float]] = None,
    on_progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> Path:
    """Write the parts (in their order in the PDF) and join them at `path`. `weights`: each part's share of
    the work (its pages), for the progress (0-1) reported to `on_progress` on the calling thread.

    Raises ExportCancelled on a cancel, PrintError (OUTPUT_UNWRITABLE, EXPORT_FAILED) or what a part raised;
    none leaves a file."""
    if not writers:
        raise ValueError("export_in_parts: no parts")
    path = check_writable(path)
    name_time_zone()
    weights = list(weights) if weights is not None else [1.0] * len(writers)
    total = sum(weights) or 1.0
    output = TemporaryPdf(path)
    parts = [output] if len(writers) == 1 else [TemporaryPdf(path) for _ in writers]
    try:
        with thai_date_function():
            if len(writers) == 1:
                _write_here(writers[0], parts[0].temporary, on_progress, is_cancelled)
            else:
                _write_on_threads(writers, [p.temporary for p in parts], weights, total, on_progress, is_cancelled)
                _join([p.temporary for p in parts], output.temporary)
        output.commit()
    except BaseException:
        output.discard()
        raise
    finally:
        for part in parts:
            if part is not output:
                part.discard()
    return path


def _write_here(writer: PartWriter, file: Path, on_progress, is_cancelled) -> None:
    feedback = QgsFeedback()

    def progressed(percent: float) -> None:
        if is_cancelled is not None and is_cancelled():
            feedback.cancel()
        if on_progress is not None:
            on_progress(percent / 100.0)

    feedback.progressChanged.connect(progressed)
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled()
    writer(file, feedback)


class _PartThread(QThread):
    def __init__(self, writer: PartWriter, file: Path):
        super().__init__()
        self.writer, self.file = writer, file
        self.feedback = QgsFeedback()
        self.error: Optional[BaseException] = None

    def run(self) -> None:
        try:
            self.writer(self.file, self.feedback)
        except BaseException as exc:  # handed to the waiting thread, which raises it
            self.error = exc


def _write_on_threads(writers, files, weights, total, on_progress, is_cancelled) -> None:
    threads = [_PartThread(w, f) for w, f in zip(writers, files)]
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled()
    try:
        for thread in threads:
            thread.start()
        while not all(thread.isFinished() for thread in threads):
            next(t for t in threads if not t.isFinished()).wait(WAIT_MS)
            failed = any(t.error is not None for t in threads)
            if failed or (is_cancelled is not None and is_cancelled()):
                for thread in threads:
                    thread.feedback.cancel()
            if on_progress is not None:
                done = sum(w * t.feedback.progress() / 100.0 for w, t in zip(weights, threads))
                on_progress(min(done / total, 1.0))
    finally:  # even on an exception here: no thread outlives the export
        for thread in threads:
            if not thread.isFinished():
                thread.feedback.cancel()
        for thread in threads:
            thread.wait()
    errors = [t.error for t in threads if t.error is not None]
    real = [e for e in errors if not isinstance(e, ExportCancelled)]
    if real:
        raise real[0]
    if errors or (is_cancelled is not None and is_cancelled()):
        raise ExportCancelled()


def _join(files: Sequence[Path], output: Path) -> None:
    try:
        done = subprocess.run(
            [PDFUNITE, *map(str, files), str(output)], capture_output=True, text=True, timeout=600, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PrintError(PrintErrorCode.EXPORT_FAILED, f"{PDFUNITE}: {exc}") from None
    if done.returncode != 0:
        raise PrintError(PrintErrorCode.EXPORT_FAILED, f"{PDFUNITE}: {done.stderr.strip() or done.returncode}")
