"""The "Assign volunteer" panel: the picked request, its nearest volunteers ranked by estimated travel time
and load, the same on the canvas, and one button that writes the assignment.

`show_request(id)` reads the request and its candidates (services/single_assignment.read_candidates:
nearest-neighbour queries, and road minutes where a road network covers the request) and ranks them
(core/candidate_ranking.py): by road minutes when there is a network, else by the straight line, and the
text under the list says which. Changing the speed re-ranks straight-line minutes without reading again;
on roads, changing the maximum re-ranks and then reads again (the proof that the list holds the fewest
road minutes depends on it). Confirming writes through the store's guarded functions (store/assignments.py): a manual
run and the one pair, in one transaction. The server decides: if someone assigned the request first, or
the volunteer became full or unavailable, the pair is refused with its reason, which the panel shows
before reading the candidates again.

The panel works on the GUI's one store session (store_session.py), shared with the operations dock. The map tool that
picks requests lives in pick_request_tool.py and only emits the id; the plugin connects the two.
"""

from __future__ import annotations

import html
import logging
from typing import Callable, Optional

from qgis.core import Qgis
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QHeaderView

from ..core.assignment.costs import TravelModel
from ..core.candidate_ranking import RankedCandidate, Ranking, rank_candidates
from ..core.waiting import format_waiting
from ..definitions.eligibility import DEFAULT_MAX_TRAVEL_MINUTES, DEFAULT_SPEED_KMH
from ..definitions.enums import RequestStatus, Urgency
from ..definitions.i18n import translate
from ..definitions.labels import category_label, request_status_label, urgency_label
from ..definitions.paths import UI_DIR
from ..services.single_assignment import (
    CandidateRead,
    SingleAssignmentParams,
    SingleAssignmentResult,
    assign_one,
    read_candidates,
)
from ..services.store_access import Borrowed
from ..store.assignments import PairOutcome
from ..store.candidates import (
    DEFAULT_LIMIT,
    Candidate,
    RequestSummary,
    can_read_volunteer_contacts,
    request_summary,
)
from ..store.errors import StoreError
from ..store.qgis_connections import StoreLocation
from .assignment_text import distance_text, minutes_text, refusal_text, volunteer_contact_text
from .candidate_markers import CandidateMarkers, MarkedCandidate
from .candidate_table_model import COL_PHONE, COL_SKILLS, CandidateTableModel
from .store_session import StoreSession

LOG = logging.getLogger(__name__)
FORM_CLASS, _ = uic.loadUiType(str(UI_DIR / "assign_panel.ui"))

REFRESH_DELAY_MS = 300  # store changes arrive in bursts: read once after they settle
_URGENCY_COLOUR = {
    Urgency.CRITICAL: "#c62828",
    Urgency.HIGH: "#ef6c00",
    Urgency.NORMAL: "#1565c0",
    Urgency.LOW: "#607d8b",
}


class AssignPanel(QgsDockWidget, FORM_CLASS):
    """`location_provider()` returns where the store is, or raises StoreError when not connected."""

    def __init__(
        self,
        location_provider: Optional[Callable[[], StoreLocation]] = None,
        iface=None,
        canvas=None,
        parent=None,
        limit: int = DEFAULT_LIMIT,
        session: Optional[StoreSession] = None,
    ):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("JitasaAssignPanel")
        self.iface = iface
        self.limit = max(int(limit), 1)
        # one session for the panel and the operations dock (the plugin passes it); alone, it makes its own
        self.session = session if session is not None else StoreSession(location_provider)
        self._request: Optional[RequestSummary] = None
        self._candidates: list[Candidate] = []
        self._read = CandidateRead([])  # the candidates with their road minutes, when on a network
        self._with_contacts = False  # this login may read names and phones (decided by the store, per read)
        canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.markers = CandidateMarkers(canvas) if canvas is not None else None

        self.model = CandidateTableModel(self)
        self.candidates_view.setModel(self.model)
        self.candidates_view.verticalHeader().hide()
        self.candidates_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.candidates_view.horizontalHeader().setSectionResizeMode(COL_SKILLS, QHeaderView.Stretch)
        self.candidates_view.setColumnHidden(COL_PHONE, True)

        self.max_minutes_spin.setClearValue(int(DEFAULT_MAX_TRAVEL_MINUTES))
        self.max_minutes_spin.setValue(int(DEFAULT_MAX_TRAVEL_MINUTES))
        self.speed_spin.setClearValue(DEFAULT_SPEED_KMH)
        self.speed_spin.setValue(DEFAULT_SPEED_KMH)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

        self.max_minutes_spin.valueChanged.connect(self._max_minutes_changed)
        self.speed_spin.valueChanged.connect(self._rerank)
        self.candidates_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.zoom_button.clicked.connect(self.zoom_to_candidates)
        self.visibilityChanged.connect(self._visibility_changed)
        self._update_buttons()

    # --- public -----------------------------------------------------------------------------------------

    @property
    def request(self) -> Optional[RequestSummary]:
        return self._request

    @property
    def ranking(self) -> Ranking:
        return self.model.ranking

    def show_request(self, request_id: int) -> None:
        """Show a request and its ranked candidates (and the panel, if hidden)."""
        if not self.isUserVisible():
            self.setUserVisible(True)
        self.show_status("")
        self._load(int(request_id), keep_selection=False)

    def refresh(self) -> None:
        """Read the current request and its candidates again, keeping the chosen volunteer if still listed."""
        self._refresh_timer.stop()
        if self._request is not None:
            self._load(self._request.id, keep_selection=True)

    def schedule_refresh(self) -> None:
        """Refresh soon (the store changed); several calls in a burst read once."""
        if self._request is not None and self.isVisible():
            self._refresh_timer.start()

    def selected_candidate(self) -> Optional[RankedCandidate]:
        rows = self.candidates_view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_volunteer(self, volunteer_id: int) -> bool:
        row = self.model.row_of_volunteer(volunteer_id)
        if row < 0:
            return False
        self.candidates_view.selectRow(row)
        return True

    def confirm_selected(self) -> Optional[PairOutcome]:
        """Assign the selected volunteer to the request; returns the server's outcome for the pair (None when
        nothing was written: no choice, or the store could not be reached)."""
        request, row = self._request, self.selected_candidate()
        if request is None or row is None or not row.eligible:
            return None
        travel = self._travel()
        params = {
            "source": "assign panel",
            "max_minutes": self.max_minutes_spin.value(),
            "speed_kmh": travel.speed_kmh,
            "rank": row.rank,
            "travel_model": self.ranking.travel_model.value,
        }
        if self._read.network is not None:
            params["road_network"] = {"name": self._read.network.name, "version": self._read.network.version}
        try:
            conn = self._connection()
        except StoreError as exc:
            self._notify(translate("AssignPanel", "Not assigned: {message}").format(message=str(exc)), Qgis.Critical)
            return None
        try:
            result = self._write_pair(conn, request.id, row, params)
        except StoreError as exc:
            if conn.closed:
                self.close_store()
            self._notify(translate("AssignPanel", "Not assigned: {message}").format(message=str(exc)), Qgis.Critical)
            self.refresh()
            return None
        outcome = result.outcome
        if outcome.refused:
            self._notify(
                translate("AssignPanel", "Not assigned: {reason}. The list shows the current state.").format(
                    reason=refusal_text(outcome.reason, outcome.detail)
                ),
                Qgis.Warning,
            )
        else:
            self._notify(
                translate(
                    "AssignPanel",
                    "Request {request} assigned to volunteer {volunteer} ({who}): "
                    "distance {distance}, travel {minutes}.",
                ).format(
                    request=request.id,
                    volunteer=row.volunteer_id,
                    who=volunteer_contact_text(row.candidate),
                    distance=distance_text(row.candidate.distance_m),
                    minutes=minutes_text(row.minutes, self.ranking.is_estimate),
                ),
                Qgis.Success,
            )
        self.refresh()
        return outcome

    def _write_pair(self, conn, request_id: int, row: RankedCandidate, params: dict) -> SingleAssignmentResult:
        """A manual run and its one pair in one transaction (services.single_assignment) on the session's
        connection, which is back in autocommit afterwards either way."""
        pair = SingleAssignmentParams(request_id, row.volunteer_id, row.minutes, self.ranking.is_estimate, params)
        return assign_one(Borrowed(conn), pair)

    def zoom_to_candidates(self, best: int = 5) -> None:
        """Centre the map on the request and show its `best` candidates who can go (keeps the scale when
        there is none)."""
        if self.markers is None:
            return
        extent = self.markers.extent(best)
        if extent is None:
            return
        canvas = self.markers.canvas
        if extent.width() == 0:
            canvas.setCenter(extent.center())
        else:
            canvas.setExtent(extent.buffered(extent.width() * 0.12))
        canvas.refresh()

    def clear(self) -> None:
        """Forget the request: empty list, nothing on the canvas."""
        self._refresh_timer.stop()
        self._request = None
        self._candidates = []
        self._read = CandidateRead([])
        self.model.set_ranking(Ranking(), with_contacts=self._with_contacts)
        self.request_label.setText(translate("AssignPanel", "Click a help request on the map to see who can help."))
        self.candidates_label.setText("")
        if self.markers is not None:
            self.markers.clear()
        self._update_buttons()

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def close_store(self) -> None:
        self.session.close()

    def unload(self) -> None:
        """Before the plugin deletes the panel: nothing left on the canvas, the connection closed."""
        self._refresh_timer.stop()
        if self.markers is not None:
            self.markers.unload()
            self.markers = None
        self.close_store()

    # --- reading ----------------------------------------------------------------------------------------

    def _load(self, request_id: int, keep_selection: bool) -> None:
        chosen = self.selected_candidate() if keep_selection else None

        max_minutes = float(self.max_minutes_spin.value())

        def work(conn):
            summary = request_summary(conn, request_id)
            if summary is None:
                return None, CandidateRead([]), False
            contacts = can_read_volunteer_contacts(conn)  # officers and admins: yes; analysts: no
            return summary, read_candidates(conn, summary, self.limit, max_minutes, with_contacts=contacts), contacts

        result = self._query(work)
        if result is None:
            return
        summary, found, self._with_contacts = result
        self.candidates_view.setColumnHidden(COL_PHONE, not self._with_contacts)
        if summary is None:
            self.clear()
            self.show_status(translate("AssignPanel", "Request {id} does not exist (any more).").format(id=request_id))
            return
        self._request, self._candidates, self._read = summary, found.candidates, found
        self.speed_spin.setEnabled(found.minutes is None)  # the speed is the straight line's only
        self.request_label.setText(self._request_text(summary))
        self._rerank(keep=chosen.volunteer_id if chosen is not None else None)

    def _rerank(self, *_args, keep: Optional[int] = None) -> None:
        request = self._request
        if request is None:
            return
        if keep is None:
            chosen = self.selected_candidate()
            keep = chosen.volunteer_id if chosen is not None else None
        if not request.located:
            ranking = Ranking()
        else:
            ranking = rank_candidates(
                self._candidates,
                request.lon,
                request.lat,
                max_minutes=self.max_minutes_spin.value(),
                travel=self._travel(),
                minutes=self._read.minutes,
                network_name=self._read.network.name if self._read.network is not None else None,
            )
        self.model.set_ranking(ranking, with_contacts=self._with_contacts)
        # the officer's choice stays while that volunteer can still go; otherwise the best is chosen
        kept = ranking.row_of(keep) if keep is not None else None
        if kept is not None and kept.eligible:
            self.select_volunteer(kept.volunteer_id)
        elif ranking.best is not None:
            self.select_volunteer(ranking.best.volunteer_id)
        self.candidates_label.setText(self._summary_text(request, ranking))
        self._draw()
        self._update_buttons()

    def _max_minutes_changed(self, *_args) -> None:
        self._rerank()
        if self._read.minutes is not None:
            self.schedule_refresh()  # road minutes: which volunteers to read depends on the maximum

    def _travel(self) -> TravelModel:
        return TravelModel(speed_kmh=float(self.speed_spin.value()))

    # --- text -------------------------------------------------------------------------------------------

    @staticmethod
    def _request_text(r: RequestSummary) -> str:
        colour = _URGENCY_COLOUR.get(r.urgency, "#000000")
        place = ", ".join(p for p in (r.tambon_name, r.amphoe_name) if p)
        parts = [
            translate("AssignPanel", "<b>Request {id}</b>").format(id=r.id),
            html.escape(category_label(r.category)),
            f'<span style="color:{colour}"><b>{html.escape(urgency_label(r.urgency))}</b></span>',
            html.escape(request_status_label(r.status)),
            html.escape(format_waiting(r.waiting_s)),
        ]
        if place:
            parts.append(html.escape(place))
        if r.people_count > 1:
            parts.append(html.escape(translate("AssignPanel", "{n} people").format(n=r.people_count)))
        text = " · ".join(parts)
        if r.note:
            text += "<br><i>" + html.escape(r.note) + "</i>"
        if r.active_volunteer_id is not None:
            text += "<br>" + html.escape(
                translate("AssignPanel", "Already assigned to volunteer {id}.").format(id=r.active_volunteer_id)
            )
        elif r.status is not RequestStatus.NEW:
            text += "<br>" + html.escape(translate("AssignPanel", "Only new requests can be assigned here."))
        return text

    @staticmethod
    def _summary_text(request: RequestSummary, ranking: Ranking) -> str:
        if not request.located:
            return translate("AssignPanel", "This request has no location, so nobody can be ranked by distance.")
        can, cannot = len(ranking.eligible), len(ranking.rows) - len(ranking.eligible)
        if can:
            text = translate("AssignPanel", "{can} can go, {cannot} nearby cannot.").format(can=can, cannot=cannot)
        else:
            text = translate("AssignPanel", "Nobody who can go within {minutes} min ({cannot} nearby cannot).").format(
                minutes=f"{ranking.max_minutes:g}", cannot=cannot
            )
        if ranking.beyond_max:
            text += " " + translate(
                "AssignPanel", "{n} more are beyond {minutes} min (the nearest of them {nearest})."
            ).format(
                n=ranking.beyond_max,
                minutes=f"{ranking.max_minutes:g}",
                nearest=minutes_text(ranking.nearest_beyond_minutes, ranking.is_estimate),
            )
        if ranking.is_estimate:
            text += " " + translate("AssignPanel", "Minutes are straight-line estimates at {speed} km/h.").format(
                speed=f"{ranking.speed_kmh:g}"
            )
        else:
            text += " " + translate(
                "AssignPanel",
                "Minutes are by road on the network '{network}', with the off-road leg to the nearest road.",
            ).format(network=ranking.network_name or "")
        return text

    # --- canvas and buttons -----------------------------------------------------------------------------

    def _draw(self) -> None:
        if self.markers is None:
            return
        request = self._request
        if request is None or not request.located or not self.isVisible():
            self.markers.clear()
            return
        chosen = self.selected_candidate()
        self.markers.show(
            request.lon,
            request.lat,
            [MarkedCandidate(r.volunteer_id, r.candidate.lon, r.candidate.lat, r.rank) for r in self.ranking.rows],
            line_from=chosen.volunteer_id if chosen is not None else None,
        )

    def _selection_changed(self, *_args) -> None:
        if self.markers is not None and self.markers.shown:
            chosen = self.selected_candidate()
            self.markers.set_line_from(chosen.volunteer_id if chosen is not None else None)
        self._update_buttons()

    def _update_buttons(self) -> None:
        request, row = self._request, self.selected_candidate()
        assignable = request is not None and request.status is RequestStatus.NEW and request.active_volunteer_id is None
        self.confirm_button.setEnabled(assignable and row is not None and row.eligible)
        self.zoom_button.setEnabled(request is not None and request.located)

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self._draw()
        elif self.markers is not None:
            self.markers.clear()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API name
        if self.markers is not None:
            self.markers.clear()
        super().closeEvent(event)

    # --- the connection (the session's; shared with the operations dock) --------------------------------

    @property
    def _conn(self):
        return self.session.conn

    def _connection(self):
        return self.session.connection()

    def _query(self, work):
        """work(conn), reconnecting once if the connection was lost; None (and the reason shown) on failure."""
        try:
            return self.session.query(work)
        except StoreError as exc:
            self.show_status(str(exc))
            return None

    def _notify(self, text: str, level) -> None:
        """In the status line, and in the QGIS message bar when there is an iface."""
        self.show_status(text)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(translate("AssignPanel", "Jitasa"), text, level, 10)
