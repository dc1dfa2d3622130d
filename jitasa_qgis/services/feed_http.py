"""The feed's HTTP side: one GET per page with retries, timeouts, conditional requests and a credential
taken only from a QGIS authentication configuration.

- `make_session(settings, auth)`: a requests.Session whose adapter retries (urllib3 Retry) connect errors,
  429 (honouring Retry-After, capped) and 500/502/503/504, GET only, with exponential backoff and a total
  cap; a read timeout is not retried (the server may still be working: the next sync asks again).
- `FeedClient.get_page(url, query, etag, last_modified)`: explicit (connect, read) timeouts; If-None-Match /
  If-Modified-Since when given; a 304 is `FeedResponse(not_modified=True)`; the body parsed as JSON.
  Every failure is a `FeedError` with a code (definitions/feed_errors.py) and the URL without secrets.
- `feed_auth(authcfg)`: QgsApplication.authManager() loads the configuration (decrypted, in memory only):
  EsriToken → `Authorization: Bearer <token>`, Basic → HTTP basic auth. The credential lives only in the
  session's auth object, whose repr names the method alone; it is never logged, stored, shown or put in a
  URL, and never sent over plain http except to this computer.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
from dataclasses import dataclass
from typing import Any, Mapping, Optional
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import requests
import requests.auth
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..definitions.feed_errors import FeedErrorCode, feed_error_text, stored_code

LOG = logging.getLogger(__name__)

RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_RETRY_AFTER_S = 60.0  # a server asking for longer is asked again sooner; past the retries it is an error
# Query parameter names whose values are redacted from any URL shown, logged or stored.
_SECRET_PARAMS = ("token", "key", "secret", "password", "passwd", "pwd", "auth", "signature", "sig", "session")
_REDACTED = "***"


class FeedError(Exception):
    """A page could not be read: `code` (FeedErrorCode), `status` (HTTP, when one), `url` (secret-free)."""

    def __init__(self, code: FeedErrorCode, url: str, status: Optional[int] = None):
        self.code = code
        self.status = status
        self.url = url
        super().__init__(feed_error_text(stored_code(code, status), url))

    @property
    def stored(self) -> str:
        """What feed_state.last_error keeps."""
        return stored_code(self.code, self.status)


@dataclass(frozen=True)
class HttpSettings:
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0
    retries: int = 3  # the total cap over connect errors and retried statuses
    backoff_factor: float = 0.5  # sleeps 0, 2f, 4f, … between retries (urllib3's schedule)
    max_page_bytes: int = 64 * 1024 * 1024  # a bigger body is refused before it fills the memory


@dataclass(frozen=True)
class FeedResponse:
    url: str  # secret-free, with the query sent
    not_modified: bool = False
    payload: Any = None
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    status: int = 200
    digest: Optional[str] = None  # sha-256 (hex) of the body as it came
    same_body: bool = False  # the digest is the one the caller knew: not parsed, payload None


class _Retry(Retry):
    """urllib3's Retry with Retry-After capped, so one answer cannot hold a sync for an hour."""

    def get_retry_after(self, response):
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, MAX_RETRY_AFTER_S)


def make_retry(settings: HttpSettings) -> Retry:
    retries = max(0, int(settings.retries))
    return _Retry(
        total=retries,
        connect=retries,
        read=False,  # re-raise a read timeout at once (as ReadTimeout) instead of asking again
        redirect=5,
        status=retries,
        other=0,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        backoff_factor=max(0.0, float(settings.backoff_factor)),
        respect_retry_after_header=True,
        raise_on_status=False,  # after the retries hand back the last answer: its status names the error
        raise_on_redirect=True,
    )


def make_session(settings: HttpSettings, auth: Optional[requests.auth.AuthBase] = None) -> requests.Session:
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=make_retry(settings))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.auth = auth
    session.headers.update({"Accept": "application/json, application/geo+json;q=0.9"})
    return session


# --- credentials from a QGIS authentication configuration ---------------------------------------------------


class FeedAuth(requests.auth.AuthBase):
    """A credential from an authcfg, applied to each request; its repr never shows the secret."""

    def __init__(self, method: str, apply):
        self.method = method
        self._apply = apply

    def __call__(self, request):
        return self._apply(request)

    def __repr__(self) -> str:
        return f"FeedAuth({self.method})"

    __str__ = __repr__


def _bearer(token: str):
    def apply(request):
        request.headers["Authorization"] = f"Bearer {token}"
        return request

    return apply


def feed_auth(authcfg: Optional[str]) -> Optional[FeedAuth]:
    """The credential of QGIS authentication configuration `authcfg` (None or '' → no credential).

    Supported methods: EsriToken (its token, sent as a bearer token) and Basic (user and password).
    Raises FeedError(auth_config) for an unknown id, a locked store or another method."""
    authcfg = (authcfg or "").strip()
    if not authcfg:
        return None
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    config = QgsAuthMethodConfig()
    manager = QgsApplication.authManager()
    loaded = manager is not None and manager.loadAuthenticationConfig(authcfg, config, True)
    if not loaded or not config.isValid(True):
        raise FeedError(FeedErrorCode.AUTH_CONFIG, authcfg)
    method = config.method()
    if method == "EsriToken":
        token = config.config("token")
        if not token:
            raise FeedError(FeedErrorCode.AUTH_CONFIG, authcfg)
        return FeedAuth(method, _bearer(token))
    if method == "Basic":
        user, password = config.config("username"), config.config("password")
        if not user:
            raise FeedError(FeedErrorCode.AUTH_CONFIG, authcfg)
        basic = requests.auth.HTTPBasicAuth(user, password)
        return FeedAuth(method, basic)
    raise FeedError(FeedErrorCode.AUTH_CONFIG, authcfg)


# --- URLs -----------------------------------------------------------------------------------------------------


def safe_url(url: str) -> str:
    """`url` without user:password and with secret-looking query values redacted (for logs, errors, store)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _REDACTED
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    if port:
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, _REDACTED if any(s in k.lower() for s in _SECRET_PARAMS) else v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
        ],
        safe="*:",
    )
    return urlunsplit((parts.scheme, host, parts.path, query, ""))


def with_query(url: str, query: Mapping[str, Any]) -> str:
    """`url` with `query` added (replacing parameters of the same name already in it)."""
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in query]
    extra = [(k, str(v)) for k, v in query.items() if v is not None]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept + extra), parts.fragment))


def _is_loopback(host: Optional[str]) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, with_credential: bool) -> None:
    """FeedError unless `url` is http(s) with a host; a credential only over https (or to this computer)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FeedError(FeedErrorCode.BAD_URL, safe_url(url)) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(FeedErrorCode.BAD_URL, safe_url(url))
    if with_credential and parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise FeedError(FeedErrorCode.INSECURE_URL, safe_url(url))
    if parts.username or parts.password:  # a password in the address would be logged by someone
        raise FeedError(FeedErrorCode.INSECURE_URL, safe_url(url))


# --- pages ----------------------------------------------------------------------------------------------------


class FeedClient:
    """One session for one sync: pages are GETs on the same connection pool."""

    def __init__(self, settings: Optional[HttpSettings] = None, auth: Optional[FeedAuth] = None):
        settings = settings or HttpSettings()
        self.settings = settings
        self.auth = auth
        self.session = make_session(settings, auth)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> FeedClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get_page(
        self,
        url: str,
        query: Optional[Mapping[str, Any]] = None,
        etag: Optional[str] = None,
        last_modified: Optional[str] = None,
        known_digest: Optional[str] = None,
    ) -> FeedResponse:
        """One page: its parsed JSON, or not_modified on a 304. Raises FeedError (see the module docstring).
        A body whose sha-256 is `known_digest` is not parsed (same_body; the caller knows what it holds)."""
        check_url(url, self.auth is not None)
        full = with_query(url, query or {})
        shown = safe_url(full)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        timeout = (self.settings.connect_timeout_s, self.settings.read_timeout_s)
        try:
            response = self.session.get(full, headers=headers, timeout=timeout, stream=True)
        except requests.exceptions.Timeout:
            raise FeedError(FeedErrorCode.TIMEOUT, shown) from None
        except requests.exceptions.SSLError:
            raise FeedError(FeedErrorCode.TLS_ERROR, shown) from None
        except requests.exceptions.TooManyRedirects:
            raise FeedError(FeedErrorCode.TOO_MANY_REDIRECTS, shown) from None
        except requests.exceptions.RetryError:  # only with raise_on_status; kept for safety
            raise FeedError(FeedErrorCode.HTTP_STATUS, shown) from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema):
            raise FeedError(FeedErrorCode.BAD_URL, shown) from None
        except requests.exceptions.RequestException:  # refused, DNS, reset, broken body: after the retries
            raise FeedError(FeedErrorCode.UNREACHABLE, shown) from None
        with response:
            etag_out = response.headers.get("ETag")
            modified_out = response.headers.get("Last-Modified")
            if response.status_code == 304:
                LOG.info("feed %s: not modified", shown)
                return FeedResponse(shown, True, None, etag_out or etag, modified_out or last_modified, 304)
            if response.status_code >= 400 or response.status_code < 200:
                LOG.warning("feed %s: HTTP %s", shown, response.status_code)
                raise FeedError(FeedErrorCode.HTTP_STATUS, shown, response.status_code)
            body = self._body(response, shown)
            digest = hashlib.sha256(body).hexdigest()
            if known_digest is not None and digest == known_digest:
                return FeedResponse(shown, False, None, etag_out, modified_out, response.status_code, digest, True)
            try:
                payload = json.loads(body)  # bytes: UTF-8/16/32 told apart as RFC 8259 says
            except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
                LOG.warning("feed %s: not JSON", shown)
                raise FeedError(FeedErrorCode.MALFORMED_JSON, shown) from None
        return FeedResponse(shown, False, payload, etag_out, modified_out, response.status_code, digest)

    def _body(self, response, shown: str) -> bytes:
        """The body, at most max_page_bytes (a broken transfer is unreachable, a bigger body refused)."""
        limit = self.settings.max_page_bytes
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise FeedError(FeedErrorCode.PAGE_TOO_LARGE, shown)
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(chunk_size=1 << 16):
                size += len(chunk)
                if size > limit:
                    raise FeedError(FeedErrorCode.PAGE_TOO_LARGE, shown)
                chunks.append(chunk)
        except requests.exceptions.Timeout:
            raise FeedError(FeedErrorCode.TIMEOUT, shown) from None
        except requests.exceptions.RequestException:
            raise FeedError(FeedErrorCode.UNREACHABLE, shown) from None
        return b"".join(chunks)
