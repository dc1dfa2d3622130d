"""Why a feed sync failed: stable codes (kept in jitasa.feed_state.last_error) and their text.

A code is one of `FeedErrorCode`; an HTTP status after the retries is kept as "http_status:<status>" so
the dock can say which status it was without a second column. `feed_error_text(stored, url)` says it in
the user's language; the URL given is already free of secrets (services.feed_http.safe_url).
"""

from __future__ import annotations

from enum import Enum
from typing import Optional

from .i18n import translate


class FeedErrorCode(str, Enum):
    UNREACHABLE = "unreachable"  # refused, no route, DNS: after the connect retries
    TIMEOUT = "timeout"  # connect or read timeout
    TLS_ERROR = "tls_error"
    HTTP_STATUS = "http_status"  # an error status after the retries (detail: the status)
    MALFORMED_JSON = "malformed_json"
    NOT_A_PAGE = "not_a_page"  # JSON, but not a page of the feed (FeedFormatError)
    BAD_URL = "bad_url"
    INSECURE_URL = "insecure_url"  # a credential would travel over plain http to another host
    AUTH_CONFIG = "auth_config"  # the authcfg cannot be read or its method is not supported
    TOO_MANY_REDIRECTS = "too_many_redirects"
    PAGE_TOO_LARGE = "page_too_large"
    NOT_REGISTERED = "feed_not_registered"  # the feed role or an officer syncing a feed no admin registered
    SOURCE_IN_USE = "feed_source_in_use"  # registering a name a file import or hand entry already uses


def stored_code(code: FeedErrorCode, status: Optional[int] = None) -> str:
    """The text kept in feed_state.last_error."""
    return f"{code.value}:{status}" if code is FeedErrorCode.HTTP_STATUS and status else code.value


def split_code(stored: Optional[str]) -> tuple[str, Optional[int]]:
    """(code, status) of a stored value; the status only for http_status."""
    code, _, status = (stored or "").partition(":")
    return code, int(status) if status.isdigit() else None


def feed_error_text(stored: Optional[str], url: str = "") -> str:
    """A stored code (see the module docstring) in words; `url` (secret-free) is named when given."""
    code, status = split_code(stored)
    where = url or translate("FeedErrors", "the feed")
    if code == FeedErrorCode.UNREACHABLE:
        return translate("FeedErrors", "{url} cannot be reached (no answer after the retries).").format(url=where)
    if code == FeedErrorCode.TIMEOUT:
        return translate("FeedErrors", "{url} did not answer in time (timeout).").format(url=where)
    if code == FeedErrorCode.TLS_ERROR:
        return translate("FeedErrors", "The secure connection to {url} failed (TLS certificate or handshake).").format(
            url=where
        )
    if code == FeedErrorCode.HTTP_STATUS:
        if status in (401, 403):
            return translate(
                "FeedErrors", "{url} refused the credentials (HTTP {status}); check the authentication configuration."
            ).format(url=where, status=status)
        if status == 429:
            return translate("FeedErrors", "{url} still asks to slow down after the retries (HTTP 429).").format(
                url=where
            )
        return translate("FeedErrors", "{url} answered HTTP {status} after the retries.").format(
            url=where, status=status if status else "?"
        )
    if code == FeedErrorCode.MALFORMED_JSON:
        return translate("FeedErrors", "{url} sent a page that is not valid JSON; the page was refused whole.").format(
            url=where
        )
    if code == FeedErrorCode.NOT_A_PAGE:
        return translate(
            "FeedErrors", "{url} sent JSON that is not a page of the feed; the page was refused whole."
        ).format(url=where)
    if code == FeedErrorCode.BAD_URL:
        return translate("FeedErrors", "'{url}' is not an http(s) address.").format(url=where)
    if code == FeedErrorCode.INSECURE_URL:
        return translate(
            "FeedErrors", "A credential is never sent over plain http to another computer: use https for {url}."
        ).format(url=where)
    if code == FeedErrorCode.AUTH_CONFIG:
        return translate(
            "FeedErrors",
            "The authentication configuration cannot be used (unknown id, locked, or a method other than "
            "Basic or EsriToken).",
        )
    if code == FeedErrorCode.PAGE_TOO_LARGE:
        return translate(
            "FeedErrors", "{url} sent a page larger than the plugin takes; ask for smaller pages (fewer records)."
        ).format(url=where)
    if code == FeedErrorCode.TOO_MANY_REDIRECTS:
        return translate("FeedErrors", "{url} redirects too many times.").format(url=where)
    if code == FeedErrorCode.NOT_REGISTERED:
        return translate(
            "FeedErrors",
            "This feed is not registered in the store: an admin registers it by running the feed sync once. "
            "Nothing was written.",
        )
    if code == FeedErrorCode.SOURCE_IN_USE:
        return translate(
            "FeedErrors",
            "The source name is already used by a file import or by requests entered by hand: give the feed a "
            "name of its own. Nothing was written.",
        )
    return code or translate("FeedErrors", "no error")
