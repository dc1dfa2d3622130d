"""The operations dock's Feed tab: the public-app feed's state per source (jitasa.feed_state: last sync, its
outcome, new / updated / rejected), "Sync now", an optional periodic sync (off by default) and the recent
rejects.

A sync is services.feed_sync.sync_feed run as a background task (service_task.py) on a connection of its
own; the widgets are touched only here on the main thread, in the task's callbacks. One sync at a time: a
press of "Sync now" or a tick of the timer while one runs starts nothing. A failed sync shows its reason
and the timer keeps going. The feed's URL, source, adapter and authcfg id are plugin settings
(definitions/settings.py, keys under jitasa/feed/); the token stays in QGIS's authentication database.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, Callable, Optional

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..definitions import settings
from ..definitions.feed_errors import feed_error_text
from ..definitions.i18n import translate
from ..definitions.import_reasons import import_reason_text
from ..store.reject_access import RejectAccess, reject_access
from ..store.rejects import StoredReject, recent_rejects
from .dock_link import DockLink
from .questions import dialog_buttons
from .service_task import TaskHandle, start_service_task
from .table_model_base import RowsTableModel

LOG = logging.getLogger(__name__)

ADAPTERS = ("jitasa", "sos_geojson")
MAX_INTERVAL_MIN = 24 * 60

# --- words ---------------------------------------------------------------------------------------------------


def _month(month: int) -> str:
    return (
        translate("FeedStatus", "Jan"),
        translate("FeedStatus", "Feb"),
        translate("FeedStatus", "Mar"),
        translate("FeedStatus", "Apr"),
        translate("FeedStatus", "May"),
        translate("FeedStatus", "Jun"),
        translate("FeedStatus", "Jul"),
        translate("FeedStatus", "Aug"),
        translate("FeedStatus", "Sep"),
        translate("FeedStatus", "Oct"),
        translate("FeedStatus", "Nov"),
        translate("FeedStatus", "Dec"),
    )[month - 1]


def _thai_calendar() -> bool:
    """Years in the Buddhist era (CE + 543) when QGIS speaks Thai, as Thai offices write dates."""
    from qgis.core import QgsSettings

    return str(QgsSettings().value("locale/userLocale", "") or "").lower().startswith("th")


def sync_time_text(
    when: Optional[datetime], now: Optional[datetime] = None, buddhist: Optional[bool] = None, ago: bool = True
) -> str:
    """When a sync ran, as an officer says it: "today 14:05 (12 min ago)" (without the "ago" for a table
    cell), "yesterday 09:30", "2 Dec 2569 08:00" (local time; the Buddhist year when the UI is Thai)."""
    if when is None:
        return translate("FeedStatus", "never")
    now = now or datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    local, local_now = when.astimezone(), now.astimezone()
    clock = local.strftime("%H:%M")
    days = (local_now.date() - local.date()).days
    if days == 0 and not ago:
        return translate("FeedStatus", "today {time}").format(time=clock)
    if days == 0:
        minutes = max(int((now - when).total_seconds() // 60), 0)
        if minutes < 1:
            ago = translate("FeedStatus", "just now")
        elif minutes < 60:
            ago = translate("FeedStatus", "{n} min ago").format(n=minutes)
        else:
            ago = translate("FeedStatus", "{h} h {m} min ago").format(h=minutes // 60, m=minutes % 60)
        return translate("FeedStatus", "today {time} ({ago})").format(time=clock, ago=ago)
    if days == 1:
        return translate("FeedStatus", "yesterday {time}").format(time=clock)
    buddhist = _thai_calendar() if buddhist is None else buddhist
    year = local.year + (543 if buddhist else 0)
    return translate("FeedStatus", "{day} {month} {year} {time}").format(
        day=local.day, month=_month(local.month), year=year, time=clock
    )


def outcome_text(outcome: Optional[str]) -> str:
    return {
        "ok": lambda: translate("FeedStatus", "OK"),
        "not_modified": lambda: translate("FeedStatus", "nothing new"),
        "failed": lambda: translate("FeedStatus", "failed"),
        None: lambda: translate("FeedStatus", "not synced yet"),
    }.get(outcome, lambda: str(outcome))()


def sync_error_text(code: Optional[str], message: Optional[str] = None, url: str = "") -> str:
    """A failed sync's reason: the service's message when there is one, else the stored code in words."""
    return message or feed_error_text(code, url)


def _counts(state_or_result: Any) -> dict:
    counts = getattr(state_or_result, "last_counts", None)
    if counts is None:
        counts = getattr(state_or_result, "counts", None)
    return dict(counts or {})


def counts_text(counts: dict) -> str:
    return translate("FeedStatus", "{new} new, {updated} updated, {rejected} rejected").format(
        new=f"{int(counts.get('new', 0)):,}",
        updated=f"{int(counts.get('updated', 0)):,}",
        rejected=f"{int(counts.get('rejected', 0)):,}",
    )


# --- tables --------------------------------------------------------------------------------------------------

COL_SOURCE, COL_LAST_SYNC, COL_OUTCOME, COL_NEW, COL_UPDATED, COL_REJECTED = range(6)
_COUNT_COLUMNS = {COL_NEW: "new", COL_UPDATED: "updated", COL_REJECTED: "rejected"}


class FeedStateTableModel(RowsTableModel):
    """One row per feed source (store/request_feed.FeedState)."""

    columns = 6

    def headers(self) -> dict[int, str]:
        return {
            COL_SOURCE: translate("FeedStatus", "Source"),
            COL_LAST_SYNC: translate("FeedStatus", "Last sync"),
            COL_OUTCOME: translate("FeedStatus", "Outcome"),
            COL_NEW: translate("FeedStatus", "New"),
            COL_UPDATED: translate("FeedStatus", "Updated"),
            COL_REJECTED: translate("FeedStatus", "Rejected"),
        }

    def text(self, row, col: int) -> Optional[str]:
        if col == COL_SOURCE:
            return row.source
        if col == COL_LAST_SYNC:
            return sync_time_text(row.last_sync_at, ago=False)
        if col == COL_OUTCOME:
            return outcome_text(row.last_outcome)
        if col in _COUNT_COLUMNS:
            return f"{int(_counts(row).get(_COUNT_COLUMNS[col], 0)):,}"
        return None

    def role_data(self, row, col: int, role: int):
        if role == Qt.TextAlignmentRole and col in _COUNT_COLUMNS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col == COL_OUTCOME and row.last_outcome == "failed":
            return sync_error_text(row.last_error, url=row.url)
        if role == Qt.ToolTipRole and col == COL_LAST_SYNC:
            return sync_time_text(row.last_sync_at)
        if role == Qt.ToolTipRole and col == COL_SOURCE:
            return row.url  # the feed's address (never carries a credential: tokens come from an authcfg)
        return None


REJECT_COL_WHEN, REJECT_COL_KEY, REJECT_COL_REASON, REJECT_COL_RAW = range(4)


class RejectTableModel(RowsTableModel):
    """Recent rejects: when, the record's key, the reason in words; the raw record only for a role that may
    read it (`show_raw`)."""

    def __init__(self, show_raw: bool, parent=None):
        super().__init__(parent)
        self.columns = 4 if show_raw else 3

    def headers(self) -> dict[int, str]:
        return {
            REJECT_COL_WHEN: translate("FeedStatus", "When"),
            REJECT_COL_KEY: translate("FeedStatus", "Record"),
            REJECT_COL_REASON: translate("FeedStatus", "Reason"),
            REJECT_COL_RAW: translate("FeedStatus", "Record as received"),
        }

    def text(self, row: StoredReject, col: int) -> Optional[str]:
        if col == REJECT_COL_WHEN:
            return sync_time_text(row.first_seen)
        if col == REJECT_COL_KEY:
            return row.record_key or ""
        if col == REJECT_COL_REASON:
            return import_reason_text(row.reason, row.detail)
        if col == REJECT_COL_RAW and self.columns > REJECT_COL_RAW:
            return json.dumps(row.raw, ensure_ascii=False, default=str)
        return None

    def role_data(self, row: StoredReject, col: int, role: int):
        if role == Qt.ToolTipRole and col == REJECT_COL_REASON:
            return import_reason_text(row.reason, row.detail)
        return None


def _table_view(parent) -> QTableView:
    view = QTableView(parent)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RejectsDialog(QDialog):
    """The recent rejects of one feed source (newest first)."""

    def __init__(self, source: str, rows: list[StoredReject], access: RejectAccess, parent=None):
        super().__init__(parent)
        self.setObjectName("JitasaFeedRejectsDialog")
        self.setWindowTitle(translate("FeedStatus", "Rejected records of {source}").format(source=source))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        note = (
            translate("FeedStatus", "{n} recent rejected record(s), newest first.")
            if access.can_read_raw
            else translate(
                "FeedStatus", "{n} recent rejected record(s), newest first. Your role may not read the records."
            )
        )
        self.label = QLabel(note.format(n=len(rows)), self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.view = _table_view(self)
        self.model = RejectTableModel(access.can_read_raw, self.view)
        self.view.setModel(self.model)
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if self.model.columns > REJECT_COL_REASON + 1:
            self.view.setColumnWidth(REJECT_COL_REASON, min(self.view.columnWidth(REJECT_COL_REASON), 360))
        layout.addWidget(self.view)
        buttons = dialog_buttons(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class FeedSettingsDialog(QDialog):
    """The feed's URL, source name, adapter and authentication configuration (an id; the token stays in
    QGIS's authentication database)."""

    def __init__(self, choice: settings.FeedChoice, parent=None):
        super().__init__(parent)
        from qgis.gui import QgsAuthConfigSelect

        self.setObjectName("JitasaFeedSettingsDialog")
        self.setWindowTitle(translate("FeedStatus", "Feed settings"))
        form = QFormLayout(self)
        self.url_edit = QLineEdit(choice.url, self)
        self.url_edit.setPlaceholderText("https://…")
        form.addRow(translate("FeedStatus", "Feed URL"), self.url_edit)
        self.source_edit = QLineEdit(choice.source, self)
        self.source_edit.setToolTip(translate("FeedStatus", "The name the feed's requests are kept under"))
        form.addRow(translate("FeedStatus", "Source name"), self.source_edit)
        self.adapter_combo = QComboBox(self)
        self.adapter_combo.addItem(translate("FeedStatus", "Jitasa feed format"), "jitasa")
        self.adapter_combo.addItem(translate("FeedStatus", "SOS GeoJSON feed"), "sos_geojson")
        self.adapter_combo.setCurrentIndex(max(self.adapter_combo.findData(choice.adapter), 0))
        form.addRow(translate("FeedStatus", "Format"), self.adapter_combo)
        self.auth_select = QgsAuthConfigSelect(self)
        self.auth_select.setConfigId(choice.authcfg)
        form.addRow(translate("FeedStatus", "Authentication"), self.auth_select)
        buttons = dialog_buttons(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> settings.FeedChoice:
        return settings.FeedChoice(
            url=self.url_edit.text().strip(),
            source=self.source_edit.text().strip(),
            adapter=str(self.adapter_combo.currentData() or "jitasa"),
            authcfg=str(self.auth_select.configId() or ""),
        )


# --- the tab -------------------------------------------------------------------------------------------------


def _read_states(conn) -> list:
    from ..store.request_feed import feed_states

    return list(feed_states(conn))


def _sync_params(choice: settings.FeedChoice):
    from ..services.feed_sync import FeedSyncParams

    return FeedSyncParams(source=choice.source, url=choice.url, authcfg=choice.authcfg or None, adapter=choice.adapter)


def _run_sync(spec, params, progress):
    from ..services.feed_sync import sync_feed

    return sync_feed(spec, params, progress)


class FeedStatusTab(QWidget):
    """`spec_provider()` gives the store's ConnectionSpec for a sync's own connection (raises StoreError when
    not connected); `start_task` is service_task.start_service_task (tests may wrap it)."""

    def __init__(
        self,
        *,
        link: DockLink,
        spec_provider: Callable[[], Any],
        parent=None,
        start_task: Callable[..., TaskHandle] = start_service_task,
    ):
        super().__init__(parent)
        self.setObjectName("feed_tab")
        self._link = link
        self._spec_provider = spec_provider
        self._start_task = start_task
        self._handle: Optional[TaskHandle] = None
        self.last_result = None  # the last sync's FeedSyncResult (or the exception it raised)

        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("feed_summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.view = _table_view(self)
        self.view.setObjectName("feed_view")
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.model = FeedStateTableModel(self.view)
        self.view.setModel(self.model)
        layout.addWidget(self.view, 1)

        periodic_row = QHBoxLayout()
        self.periodic_check = QCheckBox(translate("FeedStatus", "Sync every"), self)
        self.periodic_check.setObjectName("feed_periodic_check")
        self.periodic_check.setToolTip(translate("FeedStatus", "Sync the feed in the background at this interval"))
        self.interval_spin = QSpinBox(self)
        self.interval_spin.setObjectName("feed_interval_spin")
        self.interval_spin.setRange(1, MAX_INTERVAL_MIN)
        self.interval_spin.setSuffix(translate("FeedStatus", " min"))
        periodic_row.addWidget(self.periodic_check)
        periodic_row.addWidget(self.interval_spin)
        periodic_row.addStretch(1)
        layout.addLayout(periodic_row)

        buttons = QHBoxLayout()
        self.settings_button = QPushButton(translate("FeedStatus", "Settings…"), self)
        self.settings_button.setToolTip(translate("FeedStatus", "The feed's URL, source name, format and login"))
        self.rejects_button = QPushButton(translate("FeedStatus", "Rejects…"), self)
        self.rejects_button.setToolTip(translate("FeedStatus", "The records the feed sent that were not taken"))
        self.sync_button = QPushButton(translate("FeedStatus", "Sync now"), self)
        self.sync_button.setObjectName("feed_sync_button")
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.rejects_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        layout.addLayout(buttons)

        self.timer = QTimer(self)
        self.timer.setObjectName("feed_sync_timer")
        self.timer.timeout.connect(self._timer_fired)

        self.interval_spin.setValue(max(1, min(int(settings.get(settings.KEY_FEED_INTERVAL_MIN)), MAX_INTERVAL_MIN)))
        self.periodic_check.setChecked(bool(settings.get(settings.KEY_FEED_PERIODIC)))
        self.interval_spin.setEnabled(self.periodic_check.isChecked())
        self._apply_timer()
        self.periodic_check.toggled.connect(self.set_periodic)
        self.interval_spin.valueChanged.connect(self._interval_changed)
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.rejects_button.clicked.connect(lambda: self.show_rejects())
        self.settings_button.clicked.connect(lambda: self.edit_settings())
        self._show_summary()

    # --- reading -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read every source's feed_state (one small query on the dock's connection)."""
        rows = self._link.query(_read_states)
        if rows is None:
            return
        self.model.set_rows(sorted(rows, key=lambda r: r.source))
        self.view.resizeColumnsToContents()
        self._show_summary()

    def state_of(self, source: str):
        return next((r for r in self.model.rows() if r.source == source), None)

    @property
    def running(self) -> Optional[TaskHandle]:
        """The sync in flight, None when idle."""
        return self._handle if self._handle is not None and not self._handle.done else None

    def _show_summary(self) -> None:
        choice = settings.feed_choice()
        if self.running is not None:
            text = translate("FeedStatus", "Syncing {source}…").format(source=choice.source)
        elif not choice.url:
            text = translate("FeedStatus", "No feed set up yet: give its address in the feed settings.")
        else:
            state = self.state_of(choice.source)
            if state is None or state.last_sync_at is None:
                text = translate("FeedStatus", "{source}: not synced yet.").format(source=choice.source)
            elif state.last_outcome == "failed":
                text = translate("FeedStatus", "{source}: last sync {when} failed: {reason}").format(
                    source=choice.source, when=sync_time_text(state.last_sync_at), reason=self._failure_reason(state)
                )
            else:
                text = (
                    translate("FeedStatus", "{source}: last sync {when}, {outcome}").format(
                        source=choice.source,
                        when=sync_time_text(state.last_sync_at),
                        outcome=outcome_text(state.last_outcome),
                    )
                    + "\n"
                    + counts_text(_counts(state))
                )
        if self.periodic_check.isChecked() and choice.url:
            text += "\n" + translate("FeedStatus", "Next sync in about {n} min.").format(
                n=max(1, round(self.timer.remainingTime() / 60000))
                if self.timer.isActive()
                else self.interval_spin.value()
            )
        self.summary_label.setText(text)
        self.sync_button.setEnabled(self.running is None and bool(choice.url))

    def _failure_reason(self, state) -> str:
        """The last error of this session's sync when it is the one shown (its message is fuller), else the
        store's code in words."""
        last = self.last_result
        if isinstance(last, BaseException):
            return str(last)
        if last is not None and getattr(last, "outcome", None) == "failed":
            return sync_error_text(getattr(last, "error_code", None), getattr(last, "message", None))
        return sync_error_text(state.last_error, url=state.url)

    # --- syncing -------------------------------------------------------------------------------------------

    def sync_now(self, quiet: bool = False) -> Optional[TaskHandle]:
        """Start one sync of the configured feed as a background task; returns its handle, or None when one is
        already running or there is no feed or store (said in the tab; `quiet` keeps it out of the message
        bar, for the timer)."""
        if self.running is not None:
            LOG.info("feed sync skipped: the previous one is still running")
            return None
        choice = settings.feed_choice()
        if not choice.url:
            self._tell(
                translate("FeedStatus", "No feed set up yet: give its address in the feed settings."), Qgis.Info, quiet
            )
            return None
        try:
            spec = self._spec_provider()
            params = _sync_params(choice)
        except Exception as exc:  # noqa: BLE001 - not connected (StoreError) or bad settings (ValueError)
            self._tell(str(exc), Qgis.Warning, quiet)
            return None
        self._handle = self._start_task(
            translate("FeedStatus", "Syncing the feed {source}").format(source=choice.source),
            lambda progress: _run_sync(spec, params, progress),
            on_result=lambda result: self._synced(result, quiet),
            on_error=lambda exc: self._failed(exc, quiet),
            on_cancelled=self._cancelled,
        )
        self._show_summary()
        return self._handle

    def _synced(self, result, quiet: bool) -> None:
        self.last_result = result
        self.refresh()
        if getattr(result, "outcome", None) == "failed":
            reason = sync_error_text(getattr(result, "error_code", None), getattr(result, "message", None))
            self._tell(
                translate("FeedStatus", "The feed sync failed: {reason}").format(reason=reason), Qgis.Warning, quiet
            )
        elif getattr(result, "outcome", None) == "busy":  # another officer's or jitasa:syncfeed's sync runs
            self._tell(getattr(result, "message", ""), Qgis.Info, quiet)
        else:
            self._link.show_status(
                translate("FeedStatus", "Feed synced: {counts}").format(counts=counts_text(_counts(result)))
            )

    def _failed(self, exc: BaseException, quiet: bool) -> None:
        self.last_result = exc
        self.refresh()
        self._tell(
            translate("FeedStatus", "The feed sync failed: {reason}").format(reason=str(exc)), Qgis.Warning, quiet
        )

    def _cancelled(self) -> None:
        self._link.show_status(translate("FeedStatus", "The feed sync was cancelled."))
        self._show_summary()

    def _tell(self, text: str, level, quiet: bool) -> None:
        self._show_summary()
        if quiet:
            self._link.show_status(text)
        else:
            self._link.report(text, level)

    # --- the timer -----------------------------------------------------------------------------------------

    def set_periodic(self, on: bool) -> None:
        """Switch the periodic sync on or off (kept in the settings)."""
        settings.set_value(settings.KEY_FEED_PERIODIC, bool(on))
        if self.periodic_check.isChecked() != bool(on):
            self.periodic_check.blockSignals(True)
            self.periodic_check.setChecked(bool(on))
            self.periodic_check.blockSignals(False)
        self.interval_spin.setEnabled(bool(on))
        self._apply_timer()
        self._show_summary()

    def _interval_changed(self, minutes: int) -> None:
        settings.set_value(settings.KEY_FEED_INTERVAL_MIN, int(minutes))
        self._apply_timer()
        self._show_summary()

    def _apply_timer(self) -> None:
        if self.periodic_check.isChecked():
            self.timer.start(self.interval_spin.value() * 60_000)
        else:
            self.timer.stop()

    def _timer_fired(self) -> None:
        self.sync_now(quiet=True)

    def stop(self) -> None:
        """On unload: no more ticks, and a running sync is cancelled (its page rolls back)."""
        self.timer.stop()
        if self.running is not None:
            self._handle.cancel()

    # --- dialogs -------------------------------------------------------------------------------------------

    def rejects(self) -> Optional[tuple[RejectAccess, list[StoredReject]]]:
        """What the Rejects… dialog shows for the configured source: the role's access and the recent rejects
        (none read when the role may not list them); None when the store cannot be read."""
        source = settings.feed_choice().source

        def work(conn):
            access = reject_access(conn)
            if not access.can_list:
                return access, []
            rows = recent_rejects(conn, source)
            if not access.can_read_raw:  # not shown, and not kept in the dialog's memory either
                rows = [replace(r, raw={}) for r in rows]
            return access, rows

        return self._link.query(work)

    def show_rejects(self) -> Optional[RejectsDialog]:
        found = self.rejects()
        if found is None:
            return None
        access, rows = found
        if not access.can_list:
            self._link.report(
                translate("FeedStatus", "Only officers and admins may read the rejected records."), Qgis.Info
            )
            return None
        dialog = RejectsDialog(settings.feed_choice().source, rows, access, self)
        dialog.open()
        return dialog

    def edit_settings(self) -> Optional[settings.FeedChoice]:
        dialog = FeedSettingsDialog(settings.feed_choice(), self)
        if not dialog.exec_():
            return None
        choice = dialog.choice()
        settings.set_feed_choice(choice)
        self._show_summary()
        return choice
