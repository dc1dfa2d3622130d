"""The operations dock: the shell around its tabs. It holds the .ui form, the GUI's store session
(store_session.py, shared with the Assign panel: one connection, reconnected when lost, "offline since HH:MM"
instead of raising), the status line, the amphoe / tambon filter the tabs share, and `refresh()`; each tab's
work is a controller in its own module, given the widgets it drives and a DockLink (dock_link.py) to the dock:

- requests_tab.py: the queue of open requests (filters, counts per status, paging, start / done / cancel);
- request_assignment_actions.py: unassign, decline, reassign the selected request;
- volunteers_tab.py, facilities_tab.py: the volunteers and the facilities, page by page;
- runs_tab.py: the assignment runs waiting for review (confirm or reject a run or selected proposals);
- feed_status.py: the public-app feed (last sync per source, Sync now, periodic sync, rejects), built in code.

Every list is one indexed, paged query (store/operations.py), fast enough to run on the main thread; the
server cancels any dock query after a few seconds so the GUI never hangs on it. The questions put to the
officer (ask_cancel_reason, ask_assignment_reason, ask_new_volunteer, ask_yes_no) are the dock's methods, and
the tabs call them through the dock, so tests replace them on the dock.

The .ui's top level is a QDockWidget (uic can only base a form on a QtWidgets class); this class is the
QgsDockWidget. Signals are connected here and in the tab controllers, never in the .ui.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from qgis.core import Qgis
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QHeaderView, QLabel

from ..core.candidate_ranking import RankedCandidate
from ..definitions.i18n import translate
from ..definitions.paths import UI_DIR
from ..store.active_assignments import ActiveAssignment
from ..store.area_scopes import my_area_scopes
from ..store.errors import StoreError
from ..store.operations import (
    PAGE_SIZE,
    RequestFilter,
    RequestRow,
    amphoe_choices,
    tambon_choices,
)
from ..store.qgis_connections import StoreLocation
from ..store.runs import ProposalRow, RunRow
from . import request_assignment_actions, requests_tab
from .area_scope_text import scope_text
from .dock_link import DockLink
from .facilities_tab import FacilitiesTab
from .feed_status import FeedStatusTab
from .questions import confirm
from .request_assignment_actions import RequestAssignmentActions
from .requests_tab import RequestsTab
from .runs_tab import RunsTab
from .service_task import TaskHandle, start_service_task
from .store_session import NotConnected, StoreOffline, StoreSession
from .volunteers_tab import VolunteersTab

LOG = logging.getLogger(__name__)
FORM_CLASS, _ = uic.loadUiType(str(UI_DIR / "operations_dock.ui"))


class OperationsDock(QgsDockWidget, FORM_CLASS):
    """`location_provider()` returns where the store is, or raises StoreError when not connected.
    `request_activated(id)` is emitted when a request is double-clicked (the plugin zooms to it)."""

    request_activated = pyqtSignal(int)

    def __init__(
        self,
        location_provider: Optional[Callable[[], StoreLocation]] = None,
        iface=None,
        parent=None,
        page_size: int = PAGE_SIZE,
        session: Optional[StoreSession] = None,
    ):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("JitasaOperationsDock")
        self.iface = iface
        self.page_size = max(int(page_size), 1)
        # one session for the dock and the Assign panel (the plugin passes it); alone, the dock makes its own
        self.session = session if session is not None else StoreSession(location_provider)
        self._store_status = ""
        self._areas_generation = None  # the session's store when the area lists were read

        self._task: Optional[TaskHandle] = None  # the background task shown under the tabs
        self.task_row.hide()
        self.task_cancel_button.clicked.connect(self.cancel_task)
        link = DockLink(
            query=self._query,
            write=self._write,
            show_status=lambda text: self.show_status(text),
            notify=self._notify,
            report=self._report,
            start_task=self._start_task,
        )
        # The tabs call the questions and each other through the dock (late-bound: tests replace them here).
        self.assignment_actions = RequestAssignmentActions(
            link=link,
            selected_request=lambda: self.selected_request(),
            ask_assignment_reason=lambda *args: self.ask_assignment_reason(*args),
            ask_new_volunteer=lambda *args: self.ask_new_volunteer(*args),
            after_write=self._refresh_requests_and_volunteers,
            unassign_button=self.unassign_button,
            decline_button=self.decline_button,
            reassign_button=self.reassign_button,
        )
        self.requests_tab = RequestsTab(
            link=link,
            page_size=self.page_size,
            area=self._area,
            view=self.requests_view,
            counts_label=self.counts_label,
            page_label=self.requests_page_label,
            previous_button=self.requests_previous_button,
            next_button=self.requests_next_button,
            category_combo=self.category_combo,
            urgency_combo=self.urgency_combo,
            status_combo=self.status_combo,
            search_edit=self.search_edit,
            start_button=self.start_button,
            done_button=self.done_button,
            cancel_button=self.cancel_button,
            ask_cancel_reason=lambda row: self.ask_cancel_reason(row),
            after_change=lambda: self.refresh_volunteers(),  # closing a request frees its volunteer
            selection_changed=self.assignment_actions.update_buttons,
            activated=self.request_activated.emit,
        )
        self.volunteers_tab = VolunteersTab(
            link=link,
            page_size=self.page_size,
            area=self._area,
            view=self.volunteers_view,
            available_only_check=self.available_only_check,
            page_label=self.volunteers_page_label,
            previous_button=self.volunteers_previous_button,
            next_button=self.volunteers_next_button,
        )
        self.facilities_tab = FacilitiesTab(
            link=link,
            page_size=self.page_size,
            area=self._area,
            view=self.facilities_view,
            page_label=self.facilities_page_label,
            previous_button=self.facilities_previous_button,
            next_button=self.facilities_next_button,
        )
        self.runs_tab = RunsTab(
            link=link,
            runs_view=self.runs_view,
            proposals_view=self.proposals_view,
            proposals_label=self.proposals_label,
            confirm_run_button=self.confirm_run_button,
            reject_run_button=self.reject_run_button,
            confirm_selected_button=self.confirm_selected_button,
            reject_selected_button=self.reject_selected_button,
            ask_yes_no=lambda title, text: self.ask_yes_no(title, text),
            after_write=self._refresh_requests_and_volunteers,
        )
        # the feed's syncs run on their own tasks (not the task row): a periodic sync never blocks the tabs' work
        self.feed_tab = FeedStatusTab(link=link, spec_provider=lambda: self.session.location().spec, parent=self.tabs)
        self.tabs.addTab(self.feed_tab, translate("OperationsDock", "Feed"))
        self.requests_model = self.requests_tab.model
        self.volunteers_model = self.volunteers_tab.model
        self.facilities_model = self.facilities_tab.model
        self.runs_model = self.runs_tab.runs_model
        self.proposals_model = self.runs_tab.proposals_model
        for view in (
            self.requests_view,
            self.volunteers_view,
            self.facilities_view,
            self.runs_view,
            self.proposals_view,
        ):
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
            view.horizontalHeader().setStretchLastSection(True)

        # the login's areas (issue 14): what the row policies let it see, above the filters
        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("scope_label")
        self.scope_label.setWordWrap(True)
        self.main_layout.insertWidget(0, self.scope_label)
        self.amphoe_combo.addItem(translate("OperationsDock", "All amphoe"), None)
        self.tambon_combo.addItem(translate("OperationsDock", "All tambon"), None)
        self.tambon_combo.setEnabled(False)
        self.amphoe_combo.currentIndexChanged.connect(self._amphoe_changed)
        self.tambon_combo.currentIndexChanged.connect(self._area_changed)
        self.visibilityChanged.connect(self._visibility_changed)

    # --- public -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the current page of every tab (and the area lists, the first time and whenever the
        officer connected to another store)."""
        self.session.follow_location()
        if self._areas_generation != self.session.generation:
            self._load_areas()
        self.refresh_requests()
        self.refresh_volunteers()
        self.refresh_facilities()
        self.refresh_runs()
        self.refresh_feed()

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
        """Close the session's connection and stop the feed's timer (on unload); the next refresh opens a new
        connection."""
        self.feed_tab.stop()
        self.session.close()

    @property
    def running_task(self) -> Optional[TaskHandle]:
        """The background task the dock shows (confirming or rejecting a run), None when idle."""
        return self._task

    def start_task(
        self,
        description: str,
        work: Callable,
        *,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Optional[Callable[[], None]] = None,
    ) -> Optional[TaskHandle]:
        """work(spec, progress) off the GUI thread, shown in the dock's task row (see `_start_task`); for long
        GUI actions outside the tabs too (loading the demo)."""
        return self._start_task(description, work, on_result=on_result, on_error=on_error, on_cancelled=on_cancelled)

    def cancel_task(self) -> None:
        """Cancel the running task (its Cancel button; the QGIS task manager's does the same)."""
        if self._task is not None:
            self._task.cancel()

    # --- the tabs (their controllers do the work; these are what the plugin and the tests call) ----------

    def refresh_requests(self) -> None:
        self.requests_tab.refresh()

    def refresh_volunteers(self) -> None:
        self.volunteers_tab.refresh()

    def refresh_facilities(self) -> None:
        self.facilities_tab.refresh()

    def refresh_runs(self) -> None:
        self.runs_tab.refresh()

    def refresh_feed(self) -> None:
        self.feed_tab.refresh()

    def refresh_proposals(self) -> None:
        self.runs_tab.refresh_proposals()

    def current_filter(self) -> RequestFilter:
        return self.requests_tab.current_filter()

    def selected_request(self) -> Optional[RequestRow]:
        return self.requests_tab.selected_request()

    def start_selected(self) -> bool:
        return self.requests_tab.start_selected()

    def done_selected(self) -> bool:
        return self.requests_tab.done_selected()

    def cancel_selected(self) -> bool:
        return self.requests_tab.cancel_selected()

    def unassign_selected(self) -> bool:
        return self.assignment_actions.unassign_selected()

    def decline_selected(self) -> bool:
        return self.assignment_actions.decline_selected()

    def reassign_selected(self) -> bool:
        return self.assignment_actions.reassign_selected()

    def selected_run(self) -> Optional[RunRow]:
        return self.runs_tab.selected_run()

    def selected_proposals(self) -> list[ProposalRow]:
        return self.runs_tab.selected_proposals()

    # These start a background task and return its handle (None when nothing was started): its result is
    # the server's BatchResult (confirm) or the number rejected (reject), applied to the tab in finished().

    def confirm_run(self) -> Optional[TaskHandle]:
        return self.runs_tab.confirm_run()

    def confirm_selected_proposals(self) -> Optional[TaskHandle]:
        return self.runs_tab.confirm_selected_proposals()

    def reject_run(self) -> Optional[TaskHandle]:
        return self.runs_tab.reject_run()

    def reject_selected_proposals(self) -> Optional[TaskHandle]:
        return self.runs_tab.reject_selected_proposals()

    def _refresh_requests_and_volunteers(self) -> None:
        self.refresh_requests()
        self.refresh_volunteers()

    # --- questions to the officer (tests replace these on the dock) --------------------------------------

    def ask_cancel_reason(self, row: RequestRow) -> Optional[str]:
        """The closure reason typed by the officer, or None when they backed out."""
        return requests_tab.ask_cancel_reason(self, row)

    def ask_assignment_reason(
        self, row: RequestRow, action: str, current: ActiveAssignment, new_volunteer_id: Optional[int] = None
    ) -> Optional[str]:
        """The reason typed by the officer for `action` ('unassign', 'decline' or 'reassign'), or None."""
        return request_assignment_actions.ask_assignment_reason(self, row, action, current, new_volunteer_id)

    def ask_new_volunteer(
        self, row: RequestRow, current: ActiveAssignment, choices: list[RankedCandidate]
    ) -> Optional[int]:
        """The volunteer the officer chose from `choices` (best first), or None when they backed out."""
        return request_assignment_actions.ask_new_volunteer(self, row, current, choices)

    def ask_yes_no(self, title: str, text: str) -> bool:
        """Whether the officer agrees (a question box; tests replace this)."""
        return confirm(self, title, text)

    # --- telling the officer ----------------------------------------------------------------------------

    def _report(self, text: str, level) -> None:
        """In the dock's status line, and in the QGIS message bar when there is an iface."""
        self.show_status(text)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(translate("OperationsDock", "Jitasa"), text, level, 10)

    def _notify(self, text: str, level) -> None:
        """In the QGIS message bar when there is an iface, else in the dock's status line."""
        if self.iface is not None:
            self.iface.messageBar().pushMessage(translate("OperationsDock", "Jitasa"), text, level, 10)
        else:
            self.show_status(text)

    # --- background tasks -------------------------------------------------------------------------------

    def _start_task(
        self,
        description: str,
        work: Callable,
        *,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_cancelled: Optional[Callable[[], None]] = None,
    ) -> Optional[TaskHandle]:
        """work(spec, progress) as a QgsTask on its own connection (never the session's, which the GUI keeps
        reading on); one at a time. The outcome is shown here and handed to the callbacks on the main thread."""
        if self._task is not None:
            self._report(
                translate("OperationsDock", "Wait until “{task}” has finished.").format(task=self._task.description),
                Qgis.Info,
            )
            return None
        try:
            spec = self.session.location().spec
        except StoreError as exc:
            on_error(exc)
            return None

        def ended(callback: Optional[Callable], *args) -> None:
            self._task = None
            self.task_row.hide()
            if callback is not None:
                callback(*args)

        def cancelled() -> None:
            self._report(
                translate("OperationsDock", "“{task}” was cancelled; nothing was written.").format(task=description),
                Qgis.Info,
            )
            if on_cancelled is not None:
                on_cancelled()

        self.task_label.setText(description)
        self.task_progress_bar.setValue(0)
        self.task_cancel_button.setEnabled(True)
        self.task_row.show()
        self._task = start_service_task(
            description,
            lambda progress: work(spec, progress),
            on_result=lambda result: ended(on_result, result),
            on_error=lambda exc: ended(on_error, exc),
            on_cancelled=lambda: ended(cancelled),
            on_progress=self._task_progressed,
        )
        return self._task

    def _task_progressed(self, percent: float) -> None:
        if self._task is not None:
            self.task_progress_bar.setValue(int(percent))

    # --- the connection (the session's; shared with the Assign panel) -------------------------------------

    @property
    def _conn(self):
        return self.session.conn

    def _write(self, work):
        """work(conn) once on the session's connection; a StoreError is raised to the caller."""
        return self.session.write(work)

    def _query(self, work):
        """work(conn) on the session's connection (reconnected once if it was lost); None (and the reason
        shown) when the store cannot be reached or the query fails."""
        was_offline = not self.session.online
        try:
            result = self.session.query(work)
        except NotConnected as exc:
            self.show_status(str(exc))
            return None
        except StoreOffline as exc:
            self.show_status(
                translate("OperationsDock", "Offline since {time}: {reason}").format(
                    time=exc.since.strftime("%H:%M"), reason=str(exc)
                )
            )
            return None
        except StoreError as exc:
            self.show_status(str(exc))
            return None
        if was_offline:
            self.show_status("")
        return result

    # --- areas and filters ------------------------------------------------------------------------------

    def _load_areas(self) -> None:
        choices = self._query(amphoe_choices)
        if choices is None:
            return
        scopes = self._query(my_area_scopes)
        self.scope_label.setText(scope_text(scopes) if scopes is not None else "")
        current = self.amphoe_combo.currentData()
        self.amphoe_combo.blockSignals(True)
        self.amphoe_combo.clear()
        self.amphoe_combo.addItem(translate("OperationsDock", "All amphoe"), None)
        for area in choices:
            self.amphoe_combo.addItem(area.name_th, area.code)
            self.amphoe_combo.setItemData(self.amphoe_combo.count() - 1, area.name_en or area.code, Qt.ToolTipRole)
        self.amphoe_combo.setCurrentIndex(max(self.amphoe_combo.findData(current), 0))
        self.amphoe_combo.blockSignals(False)
        self._areas_generation = self.session.generation
        self._fill_tambons()

    def _fill_tambons(self) -> None:
        amphoe = self.amphoe_combo.currentData()
        choices = self._query(lambda conn: tambon_choices(conn, amphoe)) if amphoe else []
        self.tambon_combo.blockSignals(True)
        self.tambon_combo.clear()
        self.tambon_combo.addItem(translate("OperationsDock", "All tambon"), None)
        for area in choices or []:
            self.tambon_combo.addItem(area.name_th, area.code)
            self.tambon_combo.setItemData(self.tambon_combo.count() - 1, area.name_en or area.code, Qt.ToolTipRole)
        self.tambon_combo.setEnabled(bool(amphoe))
        self.tambon_combo.blockSignals(False)

    def _area(self) -> tuple[Optional[str], Optional[str]]:
        return self.amphoe_combo.currentData() or None, self.tambon_combo.currentData() or None

    def _amphoe_changed(self) -> None:
        self._fill_tambons()
        self._area_changed()

    def _area_changed(self) -> None:
        self.requests_tab.first_page()
        self.volunteers_tab.first_page()
        self.facilities_tab.first_page()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()
