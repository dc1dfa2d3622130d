"""The plugin's settings: one small wrapper over QgsSettings, every key under `jitasa/`.

Only names are stored (a saved QGIS connection name, a pg_service name) — never a password.
"""
from __future__ import annotations

from qgis.core import QgsSettings

PREFIX = "jitasa/"
KEY_CONNECTION_NAME = "connection/name"  # a saved QGIS PostgreSQL connection
KEY_SERVICE = "connection/service"  # or a pg_service.conf service name
KEY_STALE_HOURS = "facility/stale_hours"
KEY_REFRESH_FALLBACK_S = "live/fallback_refresh_seconds"

DEFAULTS = {
    KEY_CONNECTION_NAME: "",
    KEY_SERVICE: "",
    KEY_STALE_HOURS: 12,
    KEY_REFRESH_FALLBACK_S: 30,
}


def get(key: str):
    default = DEFAULTS.get(key)
    value = QgsSettings().value(PREFIX + key, default)
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
