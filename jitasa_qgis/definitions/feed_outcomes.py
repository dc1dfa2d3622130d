"""What jitasa.upsert_feed_requests did with each record (docs/FEED.md), in words: `outcome_label(code)`.

The codes are the store's (060_request_feed.sql) and the keys of store.request_feed's page counts.
"""

from __future__ import annotations

from typing import Callable

from .i18n import translate

_LABELS: dict[str, Callable[[], str]] = {
    "new": lambda: translate("FeedOutcomes", "new"),
    "updated": lambda: translate("FeedOutcomes", "updated"),
    "unchanged": lambda: translate("FeedOutcomes", "unchanged"),
    "stale": lambda: translate("FeedOutcomes", "older than the stored version (not written)"),
    "closed": lambda: translate("FeedOutcomes", "closed as expired"),
    "kept_assigned": lambda: translate("FeedOutcomes", "assigned: only the feed's details updated"),
    "closed_locally": lambda: translate("FeedOutcomes", "already closed by officers (not written)"),
    "expired_in_progress": lambda: translate("FeedOutcomes", "expired but in progress (kept open)"),
    "expired_new": lambda: translate("FeedOutcomes", "expired before it was seen (not stored)"),
    "rejected": lambda: translate("FeedOutcomes", "rejected"),
    "rejects_new": lambda: translate("FeedOutcomes", "new in the rejects table"),
}

FEED_OUTCOMES: tuple[str, ...] = tuple(_LABELS)


def outcome_label(code: str) -> str:
    """The outcome in the user's language; an unknown code as it is."""
    label = _LABELS.get(code)
    return label() if label else code
