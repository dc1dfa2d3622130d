"""Which status changes an officer may make to a help request from the dock.

The store decides (jitasa.request_status_change_allowed in resources/sql/0004_request_status.sql); this
mirror only enables the right buttons. A test checks the two agree on every pair of statuses.
Assigning (new -> assigned) is not here: it goes through the assignment functions.
"""

from __future__ import annotations

from ..definitions.enums import RequestStatus

_ALLOWED_FROM: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.IN_PROGRESS: frozenset({RequestStatus.NEW, RequestStatus.ASSIGNED}),  # "start"
    RequestStatus.DONE: frozenset({RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS}),
    RequestStatus.CANCELLED: frozenset({RequestStatus.NEW, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS}),
}

# Cancelling needs a closure reason; the store refuses one without.
NEEDS_REASON = frozenset({RequestStatus.CANCELLED})


def can_change(current: RequestStatus | str, target: RequestStatus | str) -> bool:
    """True when a request in `current` may be moved to `target` by a status change."""
    return RequestStatus(current) in _ALLOWED_FROM.get(RequestStatus(target), frozenset())
