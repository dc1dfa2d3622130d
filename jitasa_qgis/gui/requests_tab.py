"""The Requests tab: the queue of open requests (filters, counts per status, paging), the status changes
start / done / cancel of the selected request and its History (a right-click action: the audit's story of
the request, read as a background task and shown in a dialog).

A status change goes through the store's guarded function with the version the list read; a stale one
(someone else changed the request first) is refused with the server's message, and the list is re-read so
it shows the current state."""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QAction, QInputDialog, QLineEdit

from ..core.request_transitions import can_change
from ..definitions.enums import OPEN_REQUEST_STATUSES, RequestCategory, RequestStatus, Urgency
from ..definitions.i18n import translate
from ..definitions.labels import category_label, request_status_label, urgency_label
from ..services.request_history import RequestHistoryParams, read_request_history
from ..store.errors import StaleWriteError, StoreError
from ..store.operations import RequestFilter, RequestRow, change_request_status, open_requests_page, status_counts
from .dock_link import DockLink
from .paging import Pager, fit_columns_once
from .request_history_dialog import RequestHistoryDialog
from .request_table_model import COL_NOTE, RequestTableModel

SEARCH_DELAY_MS = 400  # wait for the officer to stop typing before searching
MIN_SEARCH_CHARS = 3  # shorter text searches all of the country's open notes: only within an area
TICK_MS = 30_000  # repaint waiting times


class RequestsTab:
    """`area()` is the (amphoe, tambon) filter the dock shows; `ask_cancel_reason(row)` asks the officer why
    (None when they backed out); `after_change()` runs after a status change (the dock re-reads the
    volunteers: closing a request frees its volunteer); `selection_changed(row)` and `activated(id)` tell the
    dock the selected request (or None) and a double-clicked one."""

    def __init__(
        self,
        *,
        link: DockLink,
        page_size: int,
        area: Callable[[], tuple[Optional[str], Optional[str]]],
        view,
        counts_label,
        page_label,
        previous_button,
        next_button,
        category_combo,
        urgency_combo,
        status_combo,
        search_edit,
        start_button,
        done_button,
        cancel_button,
        ask_cancel_reason: Callable[[RequestRow], Optional[str]],
        after_change: Callable[[], None],
        selection_changed: Callable[[Optional[RequestRow]], None],
        activated: Callable[[int], None],
    ):
        self._link = link
        self._area = area
        self._view = view
        self._counts_label = counts_label
        self._category_combo = category_combo
        self._urgency_combo = urgency_combo
        self._status_combo = status_combo
        self._search_edit = search_edit
        self._start_button = start_button
        self._done_button = done_button
        self._cancel_button = cancel_button
        self._ask_cancel_reason = ask_cancel_reason
        self._after_change = after_change
        self._selection_changed = selection_changed
        self._activated = activated

        self.model = RequestTableModel(view)
        view.setModel(self.model)
        self.pager = Pager(page_size, page_label, previous_button, next_button, self.refresh)
        self._search_timer = QTimer(view)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._tick_timer = QTimer(view)
        self._tick_timer.setInterval(TICK_MS)

        self._fill_filter_combos()
        for combo in (category_combo, urgency_combo, status_combo):
            combo.checkedItemsChanged.connect(self._filter_changed)
        search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._filter_changed)
        view.doubleClicked.connect(self._double_clicked)
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        start_button.clicked.connect(self.start_selected)
        done_button.clicked.connect(self.done_selected)
        cancel_button.clicked.connect(self.cancel_selected)
        self._tick_timer.timeout.connect(self.model.tick)
        self.history_action = QAction(translate("OperationsDock", "History…"), view)
        self.history_action.triggered.connect(self.show_history_selected)
        view.addAction(self.history_action)
        view.setContextMenuPolicy(Qt.ActionsContextMenu)
        self.history_dialog: Optional[RequestHistoryDialog] = None
        self._tick_timer.start()
        self._update_buttons()

    def _fill_filter_combos(self) -> None:
        self._category_combo.setDefaultText(translate("OperationsDock", "All categories"))
        for category in RequestCategory:
            self._category_combo.addItemWithCheckState(category_label(category), Qt.Unchecked, category.value)
        self._urgency_combo.setDefaultText(translate("OperationsDock", "All urgencies"))
        for urgency in Urgency:
            self._urgency_combo.addItemWithCheckState(urgency_label(urgency), Qt.Unchecked, urgency.value)
        self._status_combo.setDefaultText(translate("OperationsDock", "All open"))
        for status in OPEN_REQUEST_STATUSES:
            self._status_combo.addItemWithCheckState(request_status_label(status), Qt.Checked, status.value)
        self._search_edit.setShowSearchIcon(True)

    # --- the list ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        flt = self.current_filter()
        pager = self.pager

        def work(conn):
            rows = open_requests_page(conn, flt, limit=pager.page_size + 1, offset=pager.offset)
            if not rows and pager.offset > 0:  # the page emptied (requests closed): step back
                pager.step_back()
                rows = open_requests_page(conn, flt, limit=pager.page_size + 1, offset=pager.offset)
            return rows, status_counts(conn, flt)

        result = self._link.query(work)
        if result is None:
            return
        rows, counts = result
        selected = self.selected_request()
        total = sum(n for status, n in counts.items() if status in flt.statuses)
        page = pager.shown(rows, total)
        self.model.set_rows(page)
        fit_columns_once(self._view, last=COL_NOTE)
        if selected is not None:
            self._select(selected.id)
        self._counts_label.setText(
            "  ·  ".join(f"{request_status_label(status)} {n:,}" for status, n in counts.items())
        )
        self._update_buttons()

    def first_page(self) -> None:
        self.pager.offset = 0
        self.refresh()

    def current_filter(self) -> RequestFilter:
        """The request filter the widgets show. Text shorter than MIN_SEARCH_CHARS (not a request number)
        is used only within an amphoe or tambon."""
        amphoe, tambon = self._area()
        text = self._search_edit.text().strip()
        if text and not text.isdigit() and len(text) < MIN_SEARCH_CHARS and not (amphoe or tambon):
            text = ""
        return RequestFilter(
            categories=tuple(RequestCategory(v) for v in self._category_combo.checkedItemsData()),
            urgencies=tuple(Urgency(v) for v in self._urgency_combo.checkedItemsData()),
            statuses=(tuple(RequestStatus(v) for v in self._status_combo.checkedItemsData()) or OPEN_REQUEST_STATUSES),
            amphoe_code=amphoe,
            tambon_code=tambon,
            text=text,
        )

    def selected_request(self) -> Optional[RequestRow]:
        rows = self._view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _filter_changed(self, *_args) -> None:
        self._search_timer.stop()
        self.first_page()

    def _select(self, request_id: int) -> None:
        row = self.model.row_of_id(request_id)
        if row >= 0:
            self._view.selectRow(row)

    def _double_clicked(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self._activated(row.id)

    def _update_buttons(self, *_args) -> None:
        row = self.selected_request()
        self._start_button.setEnabled(row is not None and can_change(row.status, RequestStatus.IN_PROGRESS))
        self._done_button.setEnabled(row is not None and can_change(row.status, RequestStatus.DONE))
        self._cancel_button.setEnabled(row is not None and can_change(row.status, RequestStatus.CANCELLED))
        self.history_action.setEnabled(row is not None)
        self._selection_changed(row)

    # --- status changes ---------------------------------------------------------------------------------

    def start_selected(self) -> bool:
        return self._change_selected(RequestStatus.IN_PROGRESS)

    def done_selected(self) -> bool:
        return self._change_selected(RequestStatus.DONE)

    def cancel_selected(self) -> bool:
        row = self.selected_request()
        if row is None:
            return False
        reason = self._ask_cancel_reason(row)
        if reason is None:
            return False
        if not reason.strip():
            self._link.show_status(
                translate("OperationsDock", "Not cancelled: a request is cancelled only with a reason.")
            )
            return False
        return self._change_selected(RequestStatus.CANCELLED, reason.strip())

    def _change_selected(self, status: RequestStatus, reason: Optional[str] = None) -> bool:
        row = self.selected_request()
        if row is None:
            return False
        changed = False
        try:
            self._link.write(lambda conn: change_request_status(conn, row.id, row.version, status, reason))
        except StaleWriteError as exc:
            self._link.notify(
                translate("OperationsDock", "Not changed: {message}").format(message=str(exc)), Qgis.Warning
            )
        except StoreError as exc:
            self._link.notify(
                translate("OperationsDock", "Not changed: {message}").format(message=str(exc)), Qgis.Critical
            )
        else:
            changed = True
            self._link.show_status(
                translate("OperationsDock", "Request {id} is now: {status}").format(
                    id=row.id, status=request_status_label(status)
                )
            )
        self.refresh()
        self._after_change()
        return changed

    # --- history ----------------------------------------------------------------------------------------

    def show_history_selected(self):
        """Read the selected request's history as a background task, then show it in a dialog."""
        row = self.selected_request()
        if row is None:
            return None
        params = RequestHistoryParams(row.id)

        def shown(result) -> None:
            self.history_dialog = RequestHistoryDialog(result, self._view.window())
            self.history_dialog.show()

        def failed(exc: BaseException) -> None:
            self._link.notify(
                translate("OperationsDock", "No history: {message}").format(message=str(exc)), Qgis.Warning
            )

        return self._link.start_task(
            translate("OperationsDock", "Reading the history of request {id}").format(id=row.id),
            lambda spec, progress: read_request_history(spec, params, progress),
            on_result=shown,
            on_error=failed,
        )


def ask_cancel_reason(parent, row: RequestRow) -> Optional[str]:
    """The closure reason typed by the officer, or None when they backed out."""
    text, ok = QInputDialog.getText(
        parent,
        translate("OperationsDock", "Cancel request {id}").format(id=row.id),
        translate("OperationsDock", "Why is this request cancelled?"),
        QLineEdit.Normal,
        "",
    )
    return text if ok else None
