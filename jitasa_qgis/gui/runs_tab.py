"""The Runs tab: the assignment runs waiting for review and the chosen run's proposals; confirm or reject a
whole run or the selected proposals.

Confirming goes through store.assignments: the server re-checks every row under locks and refuses the stale
ones with a reason each; the tab reports the refusals counted by reason. Confirming and rejecting run as
background tasks (service_task.py, through the dock) on a connection of their own: a run of thousands of
proposals does not freeze QGIS, the dock shows the progress, and the lists are re-read in `finished()`.
A cancel before the write leaves the store as it was; a cancel during it stops the statement (the
server rolls the transaction back)."""

from __future__ import annotations

import logging
from typing import Callable, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import QItemSelectionModel

from ..definitions.i18n import translate
from ..store.assignments import BatchResult, confirm_assignments, reject_assignments
from ..store.errors import StoreError
from ..store.runs import RUN_ROWS_LIMIT, ProposalRow, RunRow, run_proposals, runs_to_review
from .assignment_text import refusals_text
from .dock_link import DockLink
from .paging import fit_columns_once
from .run_table_model import ProposalTableModel, RunTableModel, method_label
from .service_task import TaskHandle, TaskProgress

LOG = logging.getLogger(__name__)


def _confirm_work(spec, run_id: int, ids: Optional[list[int]], progress: TaskProgress) -> BatchResult:
    """Worker thread: confirm on a connection of its own (no statement timeout: a big run may take long)."""
    return _write_work(spec, progress, lambda conn: confirm_assignments(conn, run_id, ids))


def _reject_work(spec, run_id: int, ids: Optional[list[int]], progress: TaskProgress) -> int:
    return _write_work(spec, progress, lambda conn: reject_assignments(conn, run_id, ids))


def _write_work(spec, progress: TaskProgress, write):
    progress.set_progress(0)
    conn = spec.connect()
    try:
        progress.on_cancel(conn.cancel)  # stops the statement; the store function's transaction rolls back
        progress.check_cancelled()  # the last moment at which nothing has been sent
        progress.set_progress(10)
        result = write(conn)  # one statement, committed by the store call
        progress.set_progress(100)
        return result
    finally:
        conn.close()


class RunsTab:
    """`ask_yes_no(title, text)` asks the officer before a whole run is confirmed or rejected;
    `after_write()` re-reads the lists a confirmation changes (requests, volunteers)."""

    def __init__(
        self,
        *,
        link: DockLink,
        runs_view,
        proposals_view,
        proposals_label,
        confirm_run_button,
        reject_run_button,
        confirm_selected_button,
        reject_selected_button,
        ask_yes_no: Callable[[str, str], bool],
        after_write: Callable[[], None],
    ):
        self._link = link
        self._runs_view = runs_view
        self._proposals_view = proposals_view
        self._proposals_label = proposals_label
        self._confirm_run_button = confirm_run_button
        self._reject_run_button = reject_run_button
        self._confirm_selected_button = confirm_selected_button
        self._reject_selected_button = reject_selected_button
        self._ask_yes_no = ask_yes_no
        self._after_write = after_write
        self._pending: Optional[TaskHandle] = None  # the confirm or reject running in the background
        self.runs_model = RunTableModel(runs_view)
        self.proposals_model = ProposalTableModel(proposals_view)
        runs_view.setModel(self.runs_model)
        proposals_view.setModel(self.proposals_model)
        runs_view.selectionModel().selectionChanged.connect(self._run_selection_changed)
        proposals_view.selectionModel().selectionChanged.connect(self._update_buttons)
        confirm_run_button.clicked.connect(self.confirm_run)
        reject_run_button.clicked.connect(self.reject_run)
        confirm_selected_button.clicked.connect(self.confirm_selected_proposals)
        reject_selected_button.clicked.connect(self.reject_selected_proposals)
        self._update_buttons()

    def refresh(self) -> None:
        """Re-read the runs waiting for review (keeping the chosen one) and the chosen run's proposals."""
        rows = self._link.query(runs_to_review)
        if rows is None:
            return
        chosen = self.selected_run()
        self.runs_model.set_rows(rows)
        fit_columns_once(self._runs_view)
        row = self.runs_model.row_of_id(chosen.id) if chosen is not None else -1
        self._runs_view.selectionModel().blockSignals(True)
        if row >= 0 or rows:
            self._runs_view.selectRow(max(row, 0))
        self._runs_view.selectionModel().blockSignals(False)
        self.refresh_proposals()

    def refresh_proposals(self) -> None:
        run = self.selected_run()
        if run is None:
            self.proposals_model.set_rows([])
            self._proposals_label.setText(translate("OperationsDock", "No assignment run is waiting for review."))
            self._update_buttons()
            return
        rows = self._link.query(lambda conn: run_proposals(conn, run.id))
        if rows is None:
            return
        keep = {r.id for r in self.selected_proposals()}
        self.proposals_model.set_rows(rows)
        fit_columns_once(self._proposals_view)
        selection = self._proposals_view.selectionModel()
        for i, r in enumerate(rows):
            if r.id in keep:
                selection.select(
                    self.proposals_model.index(i, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows
                )
        text = translate("OperationsDock", "Run {run} ({method}, {scope}): {n} proposal(s) to review.").format(
            run=run.id, method=method_label(run.method), scope=run.scope, n=f"{len(rows):,}"
        )
        if len(rows) >= RUN_ROWS_LIMIT:
            text += " " + translate(
                "OperationsDock", "The first {limit} are listed; “Confirm run” and “Reject run” act on all of them."
            ).format(limit=f"{RUN_ROWS_LIMIT:,}")
        self._proposals_label.setText(text)
        self._update_buttons()

    def selected_run(self) -> Optional[RunRow]:
        rows = self._runs_view.selectionModel().selectedRows()
        return self.runs_model.row_at(rows[0].row()) if rows else None

    def selected_proposals(self) -> list[ProposalRow]:
        rows = sorted(index.row() for index in self._proposals_view.selectionModel().selectedRows())
        return [r for r in (self.proposals_model.row_at(i) for i in rows) if r is not None]

    def confirm_run(self) -> Optional[TaskHandle]:
        """Confirm every proposal of the chosen run (after asking), as a background task whose result is the
        server's per-row outcomes; None when nothing was started."""
        run = self.selected_run()
        if run is None or not self._ask_yes_no(
            translate("OperationsDock", "Confirm run {run}").format(run=run.id),
            translate(
                "OperationsDock",
                "Confirm all {n} proposal(s) of run {run}? Rows that became stale are refused with their reason.",
            ).format(n=run.proposed, run=run.id),
        ):
            return None
        return self._confirm(run, None)

    def confirm_selected_proposals(self) -> Optional[TaskHandle]:
        run, rows = self.selected_run(), self.selected_proposals()
        if run is None or not rows:
            return None
        return self._confirm(run, [r.id for r in rows])

    def reject_run(self) -> Optional[TaskHandle]:
        """Reject every proposal of the chosen run (after asking), as a background task whose result is how
        many were rejected; None when nothing was started."""
        run = self.selected_run()
        if run is None or not self._ask_yes_no(
            translate("OperationsDock", "Reject run {run}").format(run=run.id),
            translate("OperationsDock", "Reject all {n} proposal(s) of run {run}?").format(n=run.proposed, run=run.id),
        ):
            return None
        return self._reject(run, None)

    def reject_selected_proposals(self) -> Optional[TaskHandle]:
        run, rows = self.selected_run(), self.selected_proposals()
        if run is None or not rows:
            return None
        return self._reject(run, [r.id for r in rows])

    @property
    def busy(self) -> bool:
        """A confirm or reject of this tab is running."""
        return self._pending is not None

    def _confirm(self, run: RunRow, ids: Optional[list[int]]) -> Optional[TaskHandle]:
        def confirmed(result: BatchResult) -> None:
            if result.refused:
                self._link.report(
                    translate(
                        "OperationsDock", "Run {run}: {confirmed} confirmed, {refused} refused — {reasons}."
                    ).format(
                        run=run.id,
                        confirmed=f"{result.confirmed:,}",
                        refused=f"{result.refused:,}",
                        reasons=refusals_text(result.refusals()),
                    ),
                    Qgis.Warning,
                )
            else:
                self._link.report(
                    translate("OperationsDock", "Run {run}: {confirmed} confirmed.").format(
                        run=run.id, confirmed=f"{result.confirmed:,}"
                    ),
                    Qgis.Success,
                )
            self._after_run_write()

        return self._start(
            translate("OperationsDock", "Confirming run {run}").format(run=run.id),
            lambda spec, progress: _confirm_work(spec, run.id, ids, progress),
            confirmed,
        )

    def _reject(self, run: RunRow, ids: Optional[list[int]]) -> Optional[TaskHandle]:
        def rejected(n: int) -> None:
            self._link.report(
                translate("OperationsDock", "Run {run}: {n} proposal(s) rejected.").format(run=run.id, n=f"{n:,}"),
                Qgis.Info,
            )
            self._after_run_write()

        return self._start(
            translate("OperationsDock", "Rejecting run {run}").format(run=run.id),
            lambda spec, progress: _reject_work(spec, run.id, ids, progress),
            rejected,
        )

    def _start(self, description: str, work, applied: Callable) -> Optional[TaskHandle]:
        def ended(then: Callable, *args) -> None:
            self._pending = None
            self._update_buttons()
            then(*args)

        handle = self._link.start_task(
            description,
            work,
            on_result=lambda result: ended(applied, result),
            on_error=lambda exc: ended(self._write_failed, exc),
            on_cancelled=lambda: ended(self.refresh),
        )
        if handle is not None and not handle.done:
            self._pending = handle
        self._update_buttons()
        return handle

    def _write_failed(self, exc: BaseException) -> None:
        if isinstance(exc, StoreError):
            message = str(exc)
        else:  # a bug, not the store's word: the officer gets a message, the log gets the trace
            LOG.error("writing a run failed", exc_info=exc)
            message = f"{type(exc).__name__}: {exc}"
        self._link.report(translate("OperationsDock", "Not changed: {message}").format(message=message), Qgis.Critical)
        self.refresh()

    def _after_run_write(self) -> None:
        self.refresh()
        self._after_write()

    def _run_selection_changed(self, *_args) -> None:
        self._proposals_view.selectionModel().clearSelection()
        self.refresh_proposals()

    def _update_buttons(self, *_args) -> None:
        run = None if self.busy else self.selected_run()  # one write at a time: no double confirm
        self._confirm_run_button.setEnabled(run is not None)
        self._reject_run_button.setEnabled(run is not None)
        chosen = run is not None and self._proposals_view.selectionModel().hasSelection()
        self._confirm_selected_button.setEnabled(chosen)
        self._reject_selected_button.setEnabled(chosen)
