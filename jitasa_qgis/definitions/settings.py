"""The plugin's settings: one small wrapper over QgsSettings, every key under `jitasa/`.

Only names are stored (a saved QGIS connection name, a pg_service name) — never a password.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsSettings

PREFIX = "jitasa/"
KEY_CONNECTION_NAME = "connection/name"  # a saved QGIS PostgreSQL connection
KEY_SERVICE = "connection/service"  # or a pg_service.conf service name
KEY_STALE_HOURS = "facility/stale_hours"
KEY_REFRESH_FALLBACK_S = "live/fallback_refresh_seconds"
# The public-app feed the dock syncs: where and how to read it; the credential is only an authcfg id.
KEY_FEED_URL = "feed/url"
KEY_FEED_SOURCE = "feed/source"
KEY_FEED_ADAPTER = "feed/adapter"  # "jitasa" or "sos_geojson"
KEY_FEED_AUTHCFG = "feed/authcfg"  # a QGIS authentication configuration id, never a token
KEY_FEED_PERIODIC = "feed/periodic"
KEY_FEED_INTERVAL_MIN = "feed/interval_minutes"
# Printed maps: the office named on every page, and whether dates print in Thai digits (๑ ธันวาคม ๒๕๖๙).
KEY_PRINT_OFFICE = "print/office"
KEY_PRINT_THAI_DIGITS = "print/thai_digits"

DEFAULTS = {
    KEY_CONNECTION_NAME: "",
    KEY_SERVICE: "",
    KEY_STALE_HOURS: 12,
    KEY_REFRESH_FALLBACK_S: 30,
    KEY_FEED_URL: "",
    KEY_FEED_SOURCE: "public_app",
    KEY_FEED_ADAPTER: "jitasa",
    KEY_FEED_AUTHCFG: "",
    KEY_FEED_PERIODIC: False,
    KEY_FEED_INTERVAL_MIN: 5,
    KEY_PRINT_OFFICE: "",
    KEY_PRINT_THAI_DIGITS: True,
}


def get(key: str):
    default = DEFAULTS.get(key)
    value = QgsSettings().value(PREFIX + key, default)
    if isinstance(default, bool):  # an .ini gives "true"/"false" back as text
        return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1", "yes")
    if isinstance(default, int) and not isinstance(value, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    return value


def set_value(key: str, value) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown jitasa setting {key!r}")
    QgsSettings().setValue(PREFIX + key, value)


@dataclass(frozen=True)
class StoreChoice:
    """The store the plugin is connected to, by name only: a saved QGIS PostgreSQL connection or a
    pg_service name (the service wins when both are set, as in store.qgis_connections.current_location)."""

    connection_name: str = ""
    service: str = ""

    def __bool__(self) -> bool:
        return bool(self.connection_name or self.service)


def current_store() -> StoreChoice:
    """What the plugin connects to: chosen in Connect, recorded on connecting; empty when never connected."""
    return StoreChoice(
        connection_name=str(get(KEY_CONNECTION_NAME) or "").strip(), service=str(get(KEY_SERVICE) or "").strip()
    )


def set_current_store(choice: StoreChoice) -> None:
    """Record the store the plugin is connected to (names only), for the dock, the map tools and the
    defaults of the Processing algorithms."""
    set_value(KEY_SERVICE, choice.service.strip())
    set_value(KEY_CONNECTION_NAME, "" if choice.service.strip() else choice.connection_name.strip())


@dataclass(frozen=True)
class FeedChoice:
    """The feed the dock syncs (names and an authcfg id only)."""

    url: str = ""
    source: str = "public_app"
    adapter: str = "jitasa"
    authcfg: str = ""


def feed_choice() -> FeedChoice:
    return FeedChoice(
        url=str(get(KEY_FEED_URL) or "").strip(),
        source=str(get(KEY_FEED_SOURCE) or "").strip() or DEFAULTS[KEY_FEED_SOURCE],
        adapter=str(get(KEY_FEED_ADAPTER) or "").strip() or DEFAULTS[KEY_FEED_ADAPTER],
        authcfg=str(get(KEY_FEED_AUTHCFG) or "").strip(),
    )


def set_feed_choice(choice: FeedChoice) -> None:
    set_value(KEY_FEED_URL, choice.url.strip())
    set_value(KEY_FEED_SOURCE, choice.source.strip() or DEFAULTS[KEY_FEED_SOURCE])
    set_value(KEY_FEED_ADAPTER, choice.adapter.strip() or DEFAULTS[KEY_FEED_ADAPTER])
    set_value(KEY_FEED_AUTHCFG, choice.authcfg.strip())
