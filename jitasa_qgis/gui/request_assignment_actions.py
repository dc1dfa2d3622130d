"""Unassign, decline and reassign the selected request, each with a reason.

The request's active assignment is read (store/active_assignments.py) before asking, and the write carries
the version read (store.assignments.end_assignment / reassign), so an assignment someone else changed
meanwhile is refused with the server's message. Reassigning offers the nearest volunteers who can go now
(store/candidates.py, ranked by core/candidate_ranking.py as the assign panel ranks them) in a list."""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QInputDialog, QLineEdit

from ..core.candidate_ranking import RankedCandidate, rank_candidates
from ..definitions.enums import RequestStatus
from ..definitions.i18n import translate
from ..definitions.labels import volunteer_kind_label
from ..store.active_assignments import ActiveAssignment, active_assignment
from ..store.assignments import EndAction, end_assignment, reassign
from ..store.candidates import volunteer_candidates
from ..store.errors import StaleWriteError, StoreError
from ..store.operations import RequestRow
from .assignment_text import minutes_text
from .dock_link import DockLink

REASSIGN_CHOICES = 10  # the nearest volunteers who can go, offered when reassigning
# Statuses in which a request has an active assignment (unassign, decline, reassign)
_WITH_VOLUNTEER = frozenset({RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS})


class RequestAssignmentActions:
    """`selected_request()` is the request the Requests tab has selected; `ask_assignment_reason(row, action,
    current, new_volunteer_id=None)` and `ask_new_volunteer(row, current, choices)` ask the officer (None when
    they backed out); `after_write()` re-reads the requests and the volunteers."""

    def __init__(
        self,
        *,
        link: DockLink,
        selected_request: Callable[[], Optional[RequestRow]],
        ask_assignment_reason: Callable[..., Optional[str]],
        ask_new_volunteer: Callable[..., Optional[int]],
        after_write: Callable[[], None],
        unassign_button,
        decline_button,
        reassign_button,
    ):
        self._link = link
        self._selected_request = selected_request
        self._ask_assignment_reason = ask_assignment_reason
        self._ask_new_volunteer = ask_new_volunteer
        self._after_write = after_write
        self._buttons = (unassign_button, decline_button, reassign_button)
        unassign_button.clicked.connect(self.unassign_selected)
        decline_button.clicked.connect(self.decline_selected)
        reassign_button.clicked.connect(self.reassign_selected)

    def update_buttons(self, row: Optional[RequestRow]) -> None:
        has_volunteer = row is not None and RequestStatus(row.status) in _WITH_VOLUNTEER
        for button in self._buttons:
            button.setEnabled(has_volunteer)

    def unassign_selected(self) -> bool:
        """Take the selected request from its volunteer (with a reason); the request is 'new' again."""
        return self._end_selected(EndAction.UNASSIGN)

    def decline_selected(self) -> bool:
        """Record that the volunteer declined the selected request (with their reason); it is 'new' again."""
        return self._end_selected(EndAction.DECLINE)

    def reassign_selected(self) -> bool:
        """Give the selected request to another volunteer, chosen from the nearest who can go now."""
        row = self._selected_request()
        if row is None:
            return False
        current = self._current_assignment(row)
        if current is None:
            return False
        candidates = self._link.query(lambda conn: volunteer_candidates(conn, row.id))
        if candidates is None:
            return False
        choices = reassign_choices(current, candidates)
        if not choices:
            self._link.notify(
                translate(
                    "OperationsDock", "No other volunteer near request {id} can take it now. Nothing was changed."
                ).format(id=row.id),
                Qgis.Warning,
            )
            return False
        volunteer_id = self._ask_new_volunteer(row, current, choices)
        if volunteer_id is None:
            return False
        reason = self._reason(row, "reassign", current, volunteer_id)
        if reason is None:
            return False
        return self._write(
            lambda conn: reassign(conn, current.id, current.version, volunteer_id, reason),
            translate("OperationsDock", "Request {id} now goes to volunteer {volunteer}.").format(
                id=row.id, volunteer=volunteer_id
            ),
        )

    def _end_selected(self, action: EndAction) -> bool:
        row = self._selected_request()
        if row is None:
            return False
        current = self._current_assignment(row)
        if current is None:
            return False
        reason = self._reason(row, action.value, current)
        if reason is None:
            return False
        done = {
            EndAction.UNASSIGN: translate(
                "OperationsDock", "Request {id} is new again: volunteer {volunteer} was taken off it."
            ),
            EndAction.DECLINE: translate(
                "OperationsDock", "Request {id} is new again: volunteer {volunteer} declined it."
            ),
        }[action]
        return self._write(
            lambda conn: end_assignment(conn, current.id, current.version, action, reason),
            done.format(id=row.id, volunteer=current.volunteer_id),
        )

    def _current_assignment(self, row: RequestRow) -> Optional[ActiveAssignment]:
        """The request's active assignment read now; None (and why, with the lists re-read) otherwise."""
        found = self._link.query(lambda conn: (active_assignment(conn, row.id),))
        if found is None:
            return None
        if found[0] is None:
            self._link.notify(
                translate(
                    "OperationsDock",
                    "Request {id} has no volunteer any more: someone changed it first. Nothing was changed.",
                ).format(id=row.id),
                Qgis.Warning,
            )
            self._after_write()
            return None
        return found[0]

    def _reason(
        self, row: RequestRow, action: str, current: ActiveAssignment, new_volunteer_id: Optional[int] = None
    ) -> Optional[str]:
        """The stripped reason, or None when the officer backed out or gave none (said so)."""
        reason = self._ask_assignment_reason(row, action, current, new_volunteer_id)
        if reason is None:
            return None
        if not reason.strip():
            self._link.show_status(translate("OperationsDock", "Not changed: give a reason."))
            return None
        return reason.strip()

    def _write(self, write, done_text: str) -> bool:
        """write(conn) on the dock's connection; the server's message when it is refused; the requests and
        the volunteers re-read either way."""
        changed = False
        try:
            self._link.write(write)
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
            self._link.show_status(done_text)
        self._after_write()
        return changed


def reassign_choices(current: ActiveAssignment, candidates) -> list[RankedCandidate]:
    """The volunteers to offer: those who can go now, best first (as the assign panel ranks them), without
    the one who has the request, at most REASSIGN_CHOICES."""
    try:
        ranking = rank_candidates(candidates, current.lon, current.lat)
    except ValueError:  # the request has no location: nobody is near it
        return []
    return [r for r in ranking.eligible if r.volunteer_id != current.volunteer_id][:REASSIGN_CHOICES]


def ask_new_volunteer(
    parent, row: RequestRow, current: ActiveAssignment, choices: list[RankedCandidate]
) -> Optional[int]:
    """The volunteer the officer chose from `choices` (best first), or None when they backed out."""
    items = [
        translate("OperationsDock", "{rank}. Volunteer {id} · {kind} · {minutes} · load {load}").format(
            rank=r.rank,
            id=r.volunteer_id,
            kind=volunteer_kind_label(r.candidate.kind),
            minutes=minutes_text(r.minutes),
            load=r.load_text,
        )
        for r in choices
    ]
    item, ok = QInputDialog.getItem(
        parent,
        translate("OperationsDock", "Reassign request {id}").format(id=row.id),
        translate("OperationsDock", "Volunteer {volunteer} has it now. Give it to:").format(
            volunteer=current.volunteer_id
        ),
        items,
        0,
        False,
    )
    if not ok or item not in items:
        return None
    return choices[items.index(item)].volunteer_id


def ask_assignment_reason(
    parent, row: RequestRow, action: str, current: ActiveAssignment, new_volunteer_id: Optional[int] = None
) -> Optional[str]:
    """The reason typed by the officer for `action` ('unassign', 'decline' or 'reassign'), or None when they
    backed out."""
    if action == "decline":
        title = translate("OperationsDock", "Volunteer declined request {id}").format(id=row.id)
        label = translate("OperationsDock", "Why did volunteer {volunteer} decline?").format(
            volunteer=current.volunteer_id
        )
    elif action == "reassign":
        title = translate("OperationsDock", "Reassign request {id}").format(id=row.id)
        label = translate("OperationsDock", "Why does it go from volunteer {old} to volunteer {new}?").format(
            old=current.volunteer_id, new=new_volunteer_id
        )
    else:
        title = translate("OperationsDock", "Unassign request {id}").format(id=row.id)
        label = translate("OperationsDock", "Why is volunteer {volunteer} taken off this request?").format(
            volunteer=current.volunteer_id
        )
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.Normal, "")
    return text if ok else None
