"""The operations dock: the queue of open requests (filters, counts per status, paging, start / done /
cancel), the volunteers and the facilities, read from the store page by page, and the assignment runs
waiting for review (confirm or reject a whole run or the selected proposals).

Every list is one indexed, paged query (store/operations.py), fast enough to run on the main thread; the
server cancels any dock query after a few seconds so the GUI never hangs on it. The dock keeps one
autocommit connection, reconnects once when it was lost, and says "offline since HH:MM" instead of
raising. Status changes go through the store's guarded function; a stale one (someone else changed the
request first) is refused with the server's message, and the dock re-reads so it shows the current state.
An assigned or in-progress request can be unassigned, declined by its volunteer or reassigned, each with a
reason: the dock reads the request's active assignment (store/active_assignments.py) before asking, and
writes with the version it read (store.assignments.end_assignment / reassign), so an assignment someone else
changed meanwhile is refused with the server's message. Reassigning offers the nearest volunteers who can go
now (store/candidates.py, ranked by core/candidate_ranking.py as the assign panel ranks them) in a list.
Confirming proposals goes through store.assignments: the server re-checks every row under locks and refuses
the stale ones with a reason each; the dock reports the refusals counted by reason.

The .ui's top level is a QDockWidget (uic can only base a form on a QtWidgets class); this class is the
QgsDockWidget. Signals are connected here, never in the .ui.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable, Optional

from qgis.core import Qgis
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QItemSelectionModel, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtWidgets import QHeaderView, QInputDialog, QLineEdit, QMessageBox

from ..core.candidate_ranking import RankedCandidate, rank_candidates
from ..core.request_transitions import can_change
from ..definitions import settings
from ..definitions.enums import OPEN_REQUEST_STATUSES, RequestCategory, RequestStatus, Urgency
from ..definitions.i18n import translate
from ..definitions.labels import category_label, request_status_label, urgency_label, volunteer_kind_label
from ..definitions.paths import UI_DIR
from ..store.active_assignments import ActiveAssignment, active_assignment
from ..store.assignments import (
    BatchResult,
    EndAction,
    confirm_assignments,
    end_assignment,
    reassign,
    reject_assignments,
)
from ..store.candidates import volunteer_candidates
from ..store.errors import StaleWriteError, StoreError
from ..store.operations import (
    PAGE_SIZE,
    RequestFilter,
    RequestRow,
    amphoe_choices,
    change_request_status,
    facilities_page,
    open_dock_connection,
    open_requests_page,
    status_counts,
    tambon_choices,
    volunteers_page,
)
from ..store.qgis_connections import StoreLocation
from ..store.runs import RUN_ROWS_LIMIT, ProposalRow, RunRow, run_proposals, runs_to_review
from .assignment_text import minutes_text, refusals_text
from .facility_table_model import FacilityTableModel
from .request_table_model import COL_NOTE, RequestTableModel
from .run_table_model import ProposalTableModel, RunTableModel, method_label
from .volunteer_table_model import VolunteerTableModel

LOG = logging.getLogger(__name__)
FORM_CLASS, _ = uic.loadUiType(str(UI_DIR / "operations_dock.ui"))

SEARCH_DELAY_MS = 400  # wait for the officer to stop typing before searching
MIN_SEARCH_CHARS = 3  # shorter text searches all of the country's open notes: only within an area
TICK_MS = 30_000  # repaint waiting times
REASSIGN_CHOICES = 10  # the nearest volunteers who can go, offered when reassigning
# Statuses in which a request has an active assignment (unassign, decline, reassign)
_WITH_VOLUNTEER = frozenset({RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS})


class _NotConnected(StoreError):
    """No store chosen yet: not "offline", just not connected."""


def _location_key(location: StoreLocation) -> tuple:
    return location.name, tuple(sorted((k, str(v)) for k, v in location.spec.params.items()))


class OperationsDock(QgsDockWidget, FORM_CLASS):
    """`location_provider()` returns where the store is, or raises StoreError when not connected.
    `request_activated(id)` is emitted when a request is double-clicked (the plugin zooms to it)."""

    request_activated = pyqtSignal(int)

    def __init__(self, location_provider: Callable[[], StoreLocation], iface=None, parent=None,
                 page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("JitasaOperationsDock")
        self.iface = iface
        self.page_size = max(int(page_size), 1)
        self._location_provider = location_provider
        self._conn = None
        self._location_key = None  # which store the connection is to
        self._store_status = ""
        self._offline_since: Optional[datetime] = None
        self._areas_loaded = False
        self._requests_offset = 0
        self._volunteers_offset = 0
        self._facilities_offset = 0
        self._requests_more = self._volunteers_more = self._facilities_more = False
        self._sized_views: set = set()

        self.requests_model = RequestTableModel(self)
        self.volunteers_model = VolunteerTableModel(self)
        self.facilities_model = FacilityTableModel(self)
        self.runs_model = RunTableModel(self)
        self.proposals_model = ProposalTableModel(self)
        for view, model in ((self.requests_view, self.requests_model),
                            (self.volunteers_view, self.volunteers_model),
                            (self.facilities_view, self.facilities_model),
                            (self.runs_view, self.runs_model),
                            (self.proposals_view, self.proposals_model)):
            view.setModel(model)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
            view.horizontalHeader().setStretchLastSection(True)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_MS)

        self._fill_filter_combos()
        self._connect_signals()
        self._tick_timer.start()
        self._update_paging()
        self._update_action_buttons()
        self._update_run_buttons()

    # --- setup ------------------------------------------------------------------------------------------

    def _fill_filter_combos(self) -> None:
        self.category_combo.setDefaultText(translate("OperationsDock", "All categories"))
        for category in RequestCategory:
            self.category_combo.addItemWithCheckState(category_label(category), Qt.Unchecked, category.value)
        self.urgency_combo.setDefaultText(translate("OperationsDock", "All urgencies"))
        for urgency in Urgency:
            self.urgency_combo.addItemWithCheckState(urgency_label(urgency), Qt.Unchecked, urgency.value)
        self.status_combo.setDefaultText(translate("OperationsDock", "All open"))
        for status in OPEN_REQUEST_STATUSES:
            self.status_combo.addItemWithCheckState(request_status_label(status), Qt.Checked, status.value)
        self.search_edit.setShowSearchIcon(True)
        self.amphoe_combo.addItem(translate("OperationsDock", "All amphoe"), None)
        self.tambon_combo.addItem(translate("OperationsDock", "All tambon"), None)
        self.tambon_combo.setEnabled(False)

    def _connect_signals(self) -> None:
        self.amphoe_combo.currentIndexChanged.connect(self._amphoe_changed)
        self.tambon_combo.currentIndexChanged.connect(self._area_changed)
        for combo in (self.category_combo, self.urgency_combo, self.status_combo):
            combo.checkedItemsChanged.connect(self._request_filter_changed)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._request_filter_changed)
        self.available_only_check.toggled.connect(self._volunteer_filter_changed)
        self.requests_previous_button.clicked.connect(lambda: self._page_requests(-1))
        self.requests_next_button.clicked.connect(lambda: self._page_requests(1))
        self.volunteers_previous_button.clicked.connect(lambda: self._page_volunteers(-1))
        self.volunteers_next_button.clicked.connect(lambda: self._page_volunteers(1))
        self.facilities_previous_button.clicked.connect(lambda: self._page_facilities(-1))
        self.facilities_next_button.clicked.connect(lambda: self._page_facilities(1))
        self.requests_view.doubleClicked.connect(self._request_double_clicked)
        self.requests_view.selectionModel().selectionChanged.connect(self._update_action_buttons)
        self.start_button.clicked.connect(self.start_selected)
        self.done_button.clicked.connect(self.done_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.unassign_button.clicked.connect(self.unassign_selected)
        self.decline_button.clicked.connect(self.decline_selected)
        self.reassign_button.clicked.connect(self.reassign_selected)
        self.runs_view.selectionModel().selectionChanged.connect(self._run_selection_changed)
        self.proposals_view.selectionModel().selectionChanged.connect(self._update_run_buttons)
        self.confirm_run_button.clicked.connect(self.confirm_run)
        self.reject_run_button.clicked.connect(self.reject_run)
        self.confirm_selected_button.clicked.connect(self.confirm_selected_proposals)
        self.reject_selected_button.clicked.connect(self.reject_selected_proposals)
        self._tick_timer.timeout.connect(self.requests_model.tick)
        self.visibilityChanged.connect(self._visibility_changed)

    # --- public -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the current page of every tab (and the area lists, the first time and whenever the
        officer connected to another store)."""
        self._follow_location()
        if not self._areas_loaded:
            self._load_areas()
        self.refresh_requests()
        self.refresh_volunteers()
        self.refresh_facilities()
        self.refresh_runs()

    def refresh_requests(self) -> None:
        flt = self.current_filter()

        def work(conn):
            rows = open_requests_page(conn, flt, limit=self.page_size + 1, offset=self._requests_offset)
            if not rows and self._requests_offset > 0:  # the page emptied (requests closed): step back
                self._requests_offset = max(0, self._requests_offset - self.page_size)
                rows = open_requests_page(conn, flt, limit=self.page_size + 1, offset=self._requests_offset)
            return rows, status_counts(conn, flt)

        result = self._query(work)
        if result is None:
            return
        rows, counts = result
        selected = self.selected_request()
        self._requests_more = len(rows) > self.page_size
        self.requests_model.set_rows(rows[:self.page_size])
        self._resize_columns(self.requests_view, last=COL_NOTE)
        if selected is not None:
            self._select_request(selected.id)
        self.counts_label.setText("  ·  ".join(
            f"{request_status_label(status)} {n:,}" for status, n in counts.items()))
        total = sum(n for status, n in counts.items() if status in flt.statuses)
        self._set_page_label(self.requests_page_label, self._requests_offset, len(rows[:self.page_size]),
                             total)
        self._update_paging()
        self._update_action_buttons()

    def refresh_volunteers(self) -> None:
        amphoe, tambon = self._area()
        available_only = self.available_only_check.isChecked()
        rows = self._query(lambda conn: volunteers_page(
            conn, available_only=available_only, amphoe_code=amphoe, tambon_code=tambon,
            limit=self.page_size + 1, offset=self._volunteers_offset))
        if rows is None:
            return
        self._volunteers_more = len(rows) > self.page_size
        self.volunteers_model.set_rows(rows[:self.page_size])
        self._resize_columns(self.volunteers_view)
        self._set_page_label(self.volunteers_page_label, self._volunteers_offset, len(rows[:self.page_size]))
        self._update_paging()

    def refresh_facilities(self) -> None:
        amphoe, tambon = self._area()
        stale_hours = settings.get(settings.KEY_STALE_HOURS)
        rows = self._query(lambda conn: facilities_page(
            conn, amphoe_code=amphoe, tambon_code=tambon, stale_hours=stale_hours,
            limit=self.page_size + 1, offset=self._facilities_offset))
        if rows is None:
            return
        self._facilities_more = len(rows) > self.page_size
        self.facilities_model.set_rows(rows[:self.page_size])
        self._resize_columns(self.facilities_view)
        self._set_page_label(self.facilities_page_label, self._facilities_offset, len(rows[:self.page_size]))
        self._update_paging()

    def current_filter(self) -> RequestFilter:
        """The request filter the widgets show. Text shorter than MIN_SEARCH_CHARS (not a request number)
        is used only within an amphoe or tambon."""
        amphoe, tambon = self._area()
        text = self.search_edit.text().strip()
        if text and not text.isdigit() and len(text) < MIN_SEARCH_CHARS and not (amphoe or tambon):
            text = ""
        return RequestFilter(
            categories=tuple(RequestCategory(v) for v in self.category_combo.checkedItemsData()),
            urgencies=tuple(Urgency(v) for v in self.urgency_combo.checkedItemsData()),
            statuses=(tuple(RequestStatus(v) for v in self.status_combo.checkedItemsData())
                      or OPEN_REQUEST_STATUSES),
            amphoe_code=amphoe, tambon_code=tambon, text=text)

    def selected_request(self) -> Optional[RequestRow]:
        rows = self.requests_view.selectionModel().selectedRows()
        return self.requests_model.row_at(rows[0].row()) if rows else None

    def start_selected(self) -> bool:
        return self._change_selected(RequestStatus.IN_PROGRESS)

    def done_selected(self) -> bool:
        return self._change_selected(RequestStatus.DONE)

    def cancel_selected(self) -> bool:
        row = self.selected_request()
        if row is None:
            return False
        reason = self.ask_cancel_reason(row)
        if reason is None:
            return False
        if not reason.strip():
            self.show_status(translate("OperationsDock",
                                       "Not cancelled: a request is cancelled only with a reason."))
            return False
        return self._change_selected(RequestStatus.CANCELLED, reason.strip())

    def ask_cancel_reason(self, row: RequestRow) -> Optional[str]:
        """The closure reason typed by the officer, or None when they backed out."""
        text, ok = QInputDialog.getText(
            self, translate("OperationsDock", "Cancel request {id}").format(id=row.id),
            translate("OperationsDock", "Why is this request cancelled?"), QLineEdit.Normal, "")
        return text if ok else None

    # --- ending and moving assignments -------------------------------------------------------------------

    def unassign_selected(self) -> bool:
        """Take the selected request from its volunteer (with a reason); the request is 'new' again."""
        return self._end_selected(EndAction.UNASSIGN)

    def decline_selected(self) -> bool:
        """Record that the volunteer declined the selected request (with their reason); it is 'new' again."""
        return self._end_selected(EndAction.DECLINE)

    def reassign_selected(self) -> bool:
        """Give the selected request to another volunteer, chosen from the nearest who can go now."""
        row = self.selected_request()
        if row is None:
            return False
        current = self._current_assignment(row)
        if current is None:
            return False
        candidates = self._query(lambda conn: volunteer_candidates(conn, row.id))
        if candidates is None:
            return False
        choices = self.reassign_choices(current, candidates)
        if not choices:
            self._notify(translate("OperationsDock", "No other volunteer near request {id} can take it now. "
                                                     "Nothing was changed.").format(id=row.id), Qgis.Warning)
            return False
        volunteer_id = self.ask_new_volunteer(row, current, choices)
        if volunteer_id is None:
            return False
        reason = self._reason(row, "reassign", current, volunteer_id)
        if reason is None:
            return False
        return self._write_assignment(
            lambda conn: reassign(conn, current.id, current.version, volunteer_id, reason),
            translate("OperationsDock", "Request {id} now goes to volunteer {volunteer}.").format(
                id=row.id, volunteer=volunteer_id))

    @staticmethod
    def reassign_choices(current: ActiveAssignment, candidates) -> list[RankedCandidate]:
        """The volunteers to offer: those who can go now, best first (as the assign panel ranks them),
        without the one who has the request, at most REASSIGN_CHOICES."""
        try:
            ranking = rank_candidates(candidates, current.lon, current.lat)
        except ValueError:  # the request has no location: nobody is near it
            return []
        return [r for r in ranking.eligible if r.volunteer_id != current.volunteer_id][:REASSIGN_CHOICES]

    def ask_new_volunteer(self, row: RequestRow, current: ActiveAssignment,
                          choices: list[RankedCandidate]) -> Optional[int]:
        """The volunteer the officer chose from `choices` (best first), or None when they backed out."""
        items = [translate("OperationsDock", "{rank}. Volunteer {id} · {kind} · {minutes} · load {load}").format(
                     rank=r.rank, id=r.volunteer_id, kind=volunteer_kind_label(r.candidate.kind),
                     minutes=minutes_text(r.minutes), load=r.load_text)
                 for r in choices]
        item, ok = QInputDialog.getItem(
            self, translate("OperationsDock", "Reassign request {id}").format(id=row.id),
            translate("OperationsDock", "Volunteer {volunteer} has it now. Give it to:").format(
                volunteer=current.volunteer_id), items, 0, False)
        if not ok or item not in items:
            return None
        return choices[items.index(item)].volunteer_id

    def ask_assignment_reason(self, row: RequestRow, action: str, current: ActiveAssignment,
                              new_volunteer_id: Optional[int] = None) -> Optional[str]:
        """The reason typed by the officer for `action` ('unassign', 'decline' or 'reassign'), or None when
        they backed out."""
        if action == "decline":
            title = translate("OperationsDock", "Volunteer declined request {id}").format(id=row.id)
            label = translate("OperationsDock", "Why did volunteer {volunteer} decline?").format(
                volunteer=current.volunteer_id)
        elif action == "reassign":
            title = translate("OperationsDock", "Reassign request {id}").format(id=row.id)
            label = translate("OperationsDock", "Why does it go from volunteer {old} to volunteer {new}?").format(
                old=current.volunteer_id, new=new_volunteer_id)
        else:
            title = translate("OperationsDock", "Unassign request {id}").format(id=row.id)
            label = translate("OperationsDock", "Why is volunteer {volunteer} taken off this request?").format(
                volunteer=current.volunteer_id)
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.Normal, "")
        return text if ok else None

    def _end_selected(self, action: EndAction) -> bool:
        row = self.selected_request()
        if row is None:
            return False
        current = self._current_assignment(row)
        if current is None:
            return False
        reason = self._reason(row, action.value, current)
        if reason is None:
            return False
        done = {
            EndAction.UNASSIGN: translate("OperationsDock", "Request {id} is new again: volunteer {volunteer} was "
                                                            "taken off it."),
            EndAction.DECLINE: translate("OperationsDock", "Request {id} is new again: volunteer {volunteer} "
                                                           "declined it."),
        }[action]
        return self._write_assignment(
            lambda conn: end_assignment(conn, current.id, current.version, action, reason),
            done.format(id=row.id, volunteer=current.volunteer_id))

    def _current_assignment(self, row: RequestRow) -> Optional[ActiveAssignment]:
        """The request's active assignment read now; None (and why, with the lists re-read) otherwise."""
        found = self._query(lambda conn: (active_assignment(conn, row.id),))
        if found is None:
            return None
        if found[0] is None:
            self._notify(translate("OperationsDock", "Request {id} has no volunteer any more: someone changed it "
                                                     "first. Nothing was changed.").format(id=row.id), Qgis.Warning)
            self.refresh_requests()
            self.refresh_volunteers()
            return None
        return found[0]

    def _reason(self, row: RequestRow, action: str, current: ActiveAssignment,
                new_volunteer_id: Optional[int] = None) -> Optional[str]:
        """The stripped reason, or None when the officer backed out or gave none (said so)."""
        reason = self.ask_assignment_reason(row, action, current, new_volunteer_id)
        if reason is None:
            return None
        if not reason.strip():
            self.show_status(translate("OperationsDock", "Not changed: give a reason."))
            return None
        return reason.strip()

    def _write_assignment(self, write, done_text: str) -> bool:
        """write(conn) on the dock's connection; the server's message when it is refused; the requests and
        the volunteers re-read either way."""
        changed = False
        try:
            write(self._connection())
        except StaleWriteError as exc:
            self._notify(translate("OperationsDock", "Not changed: {message}").format(message=str(exc)),
                         Qgis.Warning)
        except StoreError as exc:
            if self._conn is not None and self._conn.closed:
                self.close_store()
            self._notify(translate("OperationsDock", "Not changed: {message}").format(message=str(exc)),
                         Qgis.Critical)
        else:
            changed = True
            self.show_status(done_text)
        self.refresh_requests()
        self.refresh_volunteers()
        return changed

    def show_status(self, text: str) -> None:
        """The line under the tabs: what just happened, or why the lists cannot be read."""
        self.status_label.setText(text)

    def set_store_status(self, text: str) -> None:
        """The listener's word on the store ("offline since HH:MM"), "" when it is back; clearing leaves
        any other message in place."""
        previous, self._store_status = self._store_status, text
        if text:
            self.show_status(text)
        elif previous and self.status_label.text() == previous:
            self.show_status("")

    def close_store(self) -> None:
        """Close the dock's connection (on unload); the next refresh opens a new one."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._location_key = None

    # --- runs -------------------------------------------------------------------------------------------

    def refresh_runs(self) -> None:
        """Re-read the runs waiting for review (keeping the chosen one) and the chosen run's proposals."""
        rows = self._query(runs_to_review)
        if rows is None:
            return
        chosen = self.selected_run()
        self.runs_model.set_rows(rows)
        self._resize_columns(self.runs_view)
        row = self.runs_model.row_of_id(chosen.id) if chosen is not None else -1
        self.runs_view.selectionModel().blockSignals(True)
        if row >= 0 or rows:
            self.runs_view.selectRow(max(row, 0))
        self.runs_view.selectionModel().blockSignals(False)
        self.refresh_proposals()

    def refresh_proposals(self) -> None:
        run = self.selected_run()
        if run is None:
            self.proposals_model.set_rows([])
            self.proposals_label.setText(translate("OperationsDock", "No assignment run is waiting for review."))
            self._update_run_buttons()
            return
        rows = self._query(lambda conn: run_proposals(conn, run.id))
        if rows is None:
            return
        keep = {r.id for r in self.selected_proposals()}
        self.proposals_model.set_rows(rows)
        self._resize_columns(self.proposals_view)
        selection = self.proposals_view.selectionModel()
        for i, r in enumerate(rows):
            if r.id in keep:
                selection.select(self.proposals_model.index(i, 0),
                                 QItemSelectionModel.Select | QItemSelectionModel.Rows)
        text = translate("OperationsDock", "Run {run} ({method}, {scope}): {n} proposal(s) to review.").format(
            run=run.id, method=method_label(run.method), scope=run.scope, n=f"{len(rows):,}")
        if len(rows) >= RUN_ROWS_LIMIT:
            text += " " + translate("OperationsDock", "The first {limit} are listed; “Confirm run” and “Reject "
                                                      "run” act on all of them.").format(limit=f"{RUN_ROWS_LIMIT:,}")
        self.proposals_label.setText(text)
        self._update_run_buttons()

    def selected_run(self) -> Optional[RunRow]:
        rows = self.runs_view.selectionModel().selectedRows()
        return self.runs_model.row_at(rows[0].row()) if rows else None

    def selected_proposals(self) -> list[ProposalRow]:
        rows = sorted(index.row() for index in self.proposals_view.selectionModel().selectedRows())
        return [r for r in (self.proposals_model.row_at(i) for i in rows) if r is not None]

    def confirm_run(self) -> Optional[BatchResult]:
        """Confirm every proposal of the chosen run (after asking); the server's per-row outcomes."""
        run = self.selected_run()
        if run is None or not self.ask_yes_no(
                translate("OperationsDock", "Confirm run {run}").format(run=run.id),
                translate("OperationsDock", "Confirm all {n} proposal(s) of run {run}? Rows that became stale "
                                            "are refused with their reason.").format(n=run.proposed, run=run.id)):
            return None
        return self._confirm(run, None)

    def confirm_selected_proposals(self) -> Optional[BatchResult]:
        run, rows = self.selected_run(), self.selected_proposals()
        if run is None or not rows:
            return None
        return self._confirm(run, [r.id for r in rows])

    def reject_run(self) -> Optional[int]:
        """Reject every proposal of the chosen run (after asking); how many were rejected."""
        run = self.selected_run()
        if run is None or not self.ask_yes_no(
                translate("OperationsDock", "Reject run {run}").format(run=run.id),
                translate("OperationsDock", "Reject all {n} proposal(s) of run {run}?").format(
                    n=run.proposed, run=run.id)):
            return None
        return self._reject(run, None)

    def reject_selected_proposals(self) -> Optional[int]:
        run, rows = self.selected_run(), self.selected_proposals()
        if run is None or not rows:
            return None
        return self._reject(run, [r.id for r in rows])

    def ask_yes_no(self, title: str, text: str) -> bool:
        """Whether the officer agrees (a question box; tests replace this)."""
        return QMessageBox.question(self, title, text, QMessageBox.Yes | QMessageBox.No,
                                    QMessageBox.No) == QMessageBox.Yes

    def _confirm(self, run: RunRow, ids: Optional[list[int]]) -> Optional[BatchResult]:
        try:
            result = confirm_assignments(self._connection(), run.id, ids)
        except StoreError as exc:
            self._run_write_failed(exc)
            return None
        if result.refused:
            self._report(translate("OperationsDock", "Run {run}: {confirmed} confirmed, {refused} refused — {reasons}.")
                         .format(run=run.id, confirmed=f"{result.confirmed:,}", refused=f"{result.refused:,}",
                                 reasons=refusals_text(result.refused_by_reason())), Qgis.Warning)
        else:
            self._report(translate("OperationsDock", "Run {run}: {confirmed} confirmed.").format(
                run=run.id, confirmed=f"{result.confirmed:,}"), Qgis.Success)
        self._after_run_write()
        return result

    def _reject(self, run: RunRow, ids: Optional[list[int]]) -> Optional[int]:
        try:
            n = reject_assignments(self._connection(), run.id, ids)
        except StoreError as exc:
            self._run_write_failed(exc)
            return None
        self._report(translate("OperationsDock", "Run {run}: {n} proposal(s) rejected.").format(
            run=run.id, n=f"{n:,}"), Qgis.Info)
        self._after_run_write()
        return n

    def _run_write_failed(self, exc: StoreError) -> None:
        if self._conn is not None and self._conn.closed:
            self.close_store()
        self._report(translate("OperationsDock", "Not changed: {message}").format(message=str(exc)), Qgis.Critical)
        self.refresh_runs()

    def _after_run_write(self) -> None:
        self.refresh_runs()
        self.refresh_requests()
        self.refresh_volunteers()

    def _run_selection_changed(self, *_args) -> None:
        self.proposals_view.selectionModel().clearSelection()
        self.refresh_proposals()

    def _update_run_buttons(self, *_args) -> None:
        run = self.selected_run()
        self.confirm_run_button.setEnabled(run is not None)
        self.reject_run_button.setEnabled(run is not None)
        chosen = run is not None and self.proposals_view.selectionModel().hasSelection()
        self.confirm_selected_button.setEnabled(chosen)
        self.reject_selected_button.setEnabled(chosen)

    def _report(self, text: str, level) -> None:
        """In the dock's status line, and in the QGIS message bar when there is an iface."""
        self.show_status(text)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(translate("OperationsDock", "Jitasa"), text, level, 10)

    # --- the connection ---------------------------------------------------------------------------------

    def _connection(self):
        if self._conn is None or self._conn.closed:
            self._conn = None
            location = self._location()
            self._conn = open_dock_connection(location.spec)
            self._location_key = _location_key(location)
        return self._conn

    def _location(self) -> StoreLocation:
        try:
            return self._location_provider()
        except StoreError as exc:
            raise _NotConnected(str(exc)) from None

    def _follow_location(self) -> None:
        """Drop the connection and the area lists when the chosen store is no longer the connected one."""
        if self._conn is None:
            return
        try:
            key = _location_key(self._location())
        except StoreError:
            key = None
        if key != self._location_key:
            self.close_store()
            self._areas_loaded = False

    def _query(self, work):
        """work(conn) on the dock's connection, reconnecting once if the connection was lost; None (and the
        reason shown) when the store cannot be reached or the query fails."""
        for attempt in (1, 2):
            try:
                conn = self._connection()
            except _NotConnected as exc:
                self.show_status(str(exc))
                return None
            except StoreError as exc:
                self._went_offline(exc)
                return None
            try:
                result = work(conn)
            except StoreError as exc:
                if conn.closed and attempt == 1:
                    LOG.info("dock connection lost (%s); reconnecting", exc)
                    self.close_store()
                    continue
                if conn.closed:
                    self.close_store()
                    self._went_offline(exc)
                else:
                    self.show_status(str(exc))
                return None
            self._came_online()
            return result
        return None

    def _went_offline(self, exc: StoreError) -> None:
        if self._offline_since is None:
            self._offline_since = datetime.now()
        self.show_status(translate("OperationsDock", "Offline since {time}: {reason}").format(
            time=self._offline_since.strftime("%H:%M"), reason=str(exc)))

    def _came_online(self) -> None:
        if self._offline_since is not None:
            self._offline_since = None
            self.show_status("")

    # --- areas and filters ------------------------------------------------------------------------------

    def _load_areas(self) -> None:
        choices = self._query(amphoe_choices)
        if choices is None:
            return
        current = self.amphoe_combo.currentData()
        self.amphoe_combo.blockSignals(True)
        self.amphoe_combo.clear()
        self.amphoe_combo.addItem(translate("OperationsDock", "All amphoe"), None)
        for area in choices:
            self.amphoe_combo.addItem(area.name_th, area.code)
            self.amphoe_combo.setItemData(self.amphoe_combo.count() - 1, area.name_en or area.code,
                                     Qt.ToolTipRole)
        self.amphoe_combo.setCurrentIndex(max(self.amphoe_combo.findData(current), 0))
        self.amphoe_combo.blockSignals(False)
        self._areas_loaded = True
        self._fill_tambons()

    def _fill_tambons(self) -> None:
        amphoe = self.amphoe_combo.currentData()
        choices = self._query(lambda conn: tambon_choices(conn, amphoe)) if amphoe else []
        self.tambon_combo.blockSignals(True)
        self.tambon_combo.clear()
        self.tambon_combo.addItem(translate("OperationsDock", "All tambon"), None)
        for area in choices or []:
            self.tambon_combo.addItem(area.name_th, area.code)
            self.tambon_combo.setItemData(self.tambon_combo.count() - 1, area.name_en or area.code,
                                     Qt.ToolTipRole)
        self.tambon_combo.setEnabled(bool(amphoe))
        self.tambon_combo.blockSignals(False)

    def _area(self) -> tuple[Optional[str], Optional[str]]:
        return self.amphoe_combo.currentData() or None, self.tambon_combo.currentData() or None

    def _amphoe_changed(self) -> None:
        self._fill_tambons()
        self._area_changed()

    def _area_changed(self) -> None:
        self._requests_offset = self._volunteers_offset = self._facilities_offset = 0
        self.refresh_requests()
        self.refresh_volunteers()
        self.refresh_facilities()

    def _request_filter_changed(self, *_args) -> None:
        self._search_timer.stop()
        self._requests_offset = 0
        self.refresh_requests()

    def _volunteer_filter_changed(self, *_args) -> None:
        self._volunteers_offset = 0
        self.refresh_volunteers()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    # --- paging -----------------------------------------------------------------------------------------

    def _page_requests(self, step: int) -> None:
        self._requests_offset = max(0, self._requests_offset + step * self.page_size)
        self.refresh_requests()

    def _page_volunteers(self, step: int) -> None:
        self._volunteers_offset = max(0, self._volunteers_offset + step * self.page_size)
        self.refresh_volunteers()

    def _page_facilities(self, step: int) -> None:
        self._facilities_offset = max(0, self._facilities_offset + step * self.page_size)
        self.refresh_facilities()

    def _update_paging(self) -> None:
        self.requests_previous_button.setEnabled(self._requests_offset > 0)
        self.requests_next_button.setEnabled(self._requests_more)
        self.volunteers_previous_button.setEnabled(self._volunteers_offset > 0)
        self.volunteers_next_button.setEnabled(self._volunteers_more)
        self.facilities_previous_button.setEnabled(self._facilities_offset > 0)
        self.facilities_next_button.setEnabled(self._facilities_more)

    @staticmethod
    def _set_page_label(label, offset: int, shown: int, total: Optional[int] = None) -> None:
        if not shown:
            label.setText(translate("OperationsDock", "None"))
        elif total is None:
            label.setText(translate("OperationsDock", "{first}–{last}").format(
                first=offset + 1, last=offset + shown))
        else:
            label.setText(translate("OperationsDock", "{first}–{last} of {total}").format(
                first=offset + 1, last=offset + shown, total=f"{total:,}"))

    def _resize_columns(self, view, last: Optional[int] = None) -> None:
        """Fit the columns to the first rows a view shows, once: later pages keep the officer's widths
        (and measuring every cell on each refresh costs more than the query)."""
        if view in self._sized_views or view.model().rowCount() == 0:
            return
        self._sized_views.add(view)
        view.resizeColumnsToContents()
        if last is not None:
            view.setColumnWidth(last, min(view.columnWidth(last), 400))

    # --- selection and status changes -------------------------------------------------------------------

    def _select_request(self, request_id: int) -> None:
        row = self.requests_model.row_of_id(request_id)
        if row >= 0:
            self.requests_view.selectRow(row)

    def _request_double_clicked(self, index) -> None:
        row = self.requests_model.row_at(index.row())
        if row is not None:
            self.request_activated.emit(row.id)

    def _update_action_buttons(self, *_args) -> None:
        row = self.selected_request()
        self.start_button.setEnabled(row is not None and can_change(row.status, RequestStatus.IN_PROGRESS))
        self.done_button.setEnabled(row is not None and can_change(row.status, RequestStatus.DONE))
        self.cancel_button.setEnabled(row is not None and can_change(row.status, RequestStatus.CANCELLED))
        has_volunteer = row is not None and RequestStatus(row.status) in _WITH_VOLUNTEER
        for button in (self.unassign_button, self.decline_button, self.reassign_button):
            button.setEnabled(has_volunteer)

    def _change_selected(self, status: RequestStatus, reason: Optional[str] = None) -> bool:
        row = self.selected_request()
        if row is None:
            return False
        changed = False
        try:
            change_request_status(self._connection(), row.id, row.version, status, reason)
        except StaleWriteError as exc:
            self._notify(translate("OperationsDock", "Not changed: {message}").format(message=str(exc)),
                         Qgis.Warning)
        except StoreError as exc:
            if self._conn is not None and self._conn.closed:
                self.close_store()
            self._notify(translate("OperationsDock", "Not changed: {message}").format(message=str(exc)),
                         Qgis.Critical)
        else:
            changed = True
            self.show_status(translate("OperationsDock", "Request {id} is now: {status}").format(
                id=row.id, status=request_status_label(status)))
        self.refresh_requests()
        self.refresh_volunteers()  # closing a request frees its volunteer
        return changed

    def _notify(self, text: str, level) -> None:
        """In the QGIS message bar when there is an iface, else in the dock's status line."""
        if self.iface is not None:
            self.iface.messageBar().pushMessage(translate("OperationsDock", "Jitasa"), text, level, 10)
        else:
            self.show_status(text)
