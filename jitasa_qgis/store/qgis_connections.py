"""Where the store is, from what QGIS already knows: a saved PostgreSQL connection or a pg_service name.

A `StoreLocation` holds two views of the same place:
- `spec`: what psycopg2 needs, with the password (from QGIS's authentication database) kept in memory only;
- `layer_uri`: the QgsDataSourceUri connection part for layers, carrying `authcfg` or `service` but never
  a user name with a password, so nothing secret reaches a project file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProviderRegistry

from ..definitions.i18n import translate
from ..definitions.settings import StoreChoice
from .connection import ConnectionSpec
from .errors import StoreError

LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreLocation:
    name: str
    spec: ConnectionSpec
    layer_uri: str
    choice: StoreChoice = StoreChoice()  # how it was named (saved connection or service), for settings

    def table_uri(
        self, table: str, geometry_column: str | None, key: str, sql: str = "", schema: str = "jitasa"
    ) -> QgsDataSourceUri:
        uri = QgsDataSourceUri(self.layer_uri)
        uri.setDataSource(schema, table, geometry_column or "", sql, key)
        return uri


def saved_connection_names() -> list[str]:
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(md.connections(False).keys()) if md else []


def from_service(service: str) -> StoreLocation:
    service = (service or "").strip()
    if not service:
        raise StoreError(translate("StoreErrors", "No pg_service name given."))
    uri = QgsDataSourceUri()
    uri.setConnection(service, "", "", "")  # the service overload: host, db, user come from pg_service.conf
    return StoreLocation(
        name=f"service={service}",
        spec=ConnectionSpec.from_service(service),
        layer_uri=uri.connectionInfo(False),
        choice=StoreChoice(service=service),
    )


def from_saved_connection(name: str) -> StoreLocation:
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    connections = md.connections(False) if md else {}
    if name not in connections:
        known = ", ".join(sorted(connections)) or translate("StoreErrors", "none")
        raise StoreError(
            translate(
                "StoreErrors",
                "There is no saved QGIS PostgreSQL connection named '{0}' (saved connections: {1}). "
                "Create it in the Data Source Manager, or use a pg_service name.",
            ).format(name, known)
        )
    uri = QgsDataSourceUri(connections[name].uri())
    params = {
        "host": uri.host(),
        "port": uri.port(),
        "dbname": uri.database(),
        "user": uri.username(),
        "service": uri.service(),
        "sslmode": _sslmode(uri),
    }
    password = uri.password() or None
    authcfg = uri.authConfigId()
    if authcfg:
        user, password = _credentials_from_authcfg(authcfg, name)
        params["user"] = user or params["user"]
    layer_uri = QgsDataSourceUri(uri.connectionInfo(False))
    if uri.password():
        # QGIS may have the password saved in plain settings; keep it out of layers (and so projects).
        LOG.warning(
            "Connection '%s' stores a password in plain settings; use an authentication "
            "configuration (authcfg) instead. The password is not copied into layers.",
            name,
        )
        layer_uri.setPassword("")
    spec = ConnectionSpec(params={k: v for k, v in params.items() if v}, password=password, label=name)
    return StoreLocation(
        name=name, spec=spec, layer_uri=layer_uri.connectionInfo(False), choice=StoreChoice(connection_name=name)
    )


def _sslmode(uri: QgsDataSourceUri) -> str | None:
    mode = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    return None if mode in ("", "prefer") else mode


def _credentials_from_authcfg(authcfg: str, name: str) -> tuple[str | None, str | None]:
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    ok = manager.loadAuthenticationConfig(authcfg, config, True)
    if not ok or not config.isValid():
        raise StoreError(
            translate(
                "StoreErrors",
                "Connection '{0}' uses authentication configuration '{1}', which could not be "
                "loaded (is the authentication database unlocked?).",
            ).format(name, authcfg)
        )
    return config.config("username") or None, config.config("password") or None


def location_of(choice: StoreChoice) -> StoreLocation:
    """The store a StoreChoice names (the service wins when both are set); StoreError when it names none."""
    if choice.service:
        return from_service(choice.service)
    if choice.connection_name:
        return from_saved_connection(choice.connection_name)
    raise StoreError(translate("StoreErrors", "Not connected: use 'Connect to Jitasa store' first."))


def current_location() -> StoreLocation:
    """The store chosen in the Connect dialog (saved in settings), or a clear StoreError."""
    from ..definitions import settings

    return location_of(settings.current_store())


def save_service_connection(name: str, service: str) -> None:
    """Save (or replace) a QGIS PostgreSQL connection `name` that only names a pg_service: no user, no
    password, so the Data Source Manager and Processing list it without holding any secret."""
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = QgsDataSourceUri()
    uri.setConnection(service, "", "", "")
    connection = md.createConnection(
        uri.uri(False), {"saveUsername": False, "savePassword": False, "estimatedMetadata": True}
    )
    md.saveConnection(connection, name)
