"""Shared parts of the jitasa algorithms: the connection parameters and turning store errors into
Processing errors with the same clear message."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..store.errors import StoreError
from ..store.qgis_connections import StoreLocation, from_saved_connection, from_service

CONNECTION = "CONNECTION"
SERVICE = "SERVICE"


class JitasaAlgorithm(QgsProcessingAlgorithm):
    """Base class: id/group plumbing, connection parameters, error translation."""

    _context = "JitasaAlgorithm"

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return translate("JitasaAlgorithm", "Store")

    def groupId(self) -> str:
        return "store"

    def add_connection_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterProviderConnection(
            CONNECTION, translate("JitasaAlgorithm", "Saved PostgreSQL connection"), "postgres", optional=True))
        self.addParameter(QgsProcessingParameterString(
            SERVICE, translate("JitasaAlgorithm", "…or pg_service name"), optional=True))

    def location(self, parameters, context) -> StoreLocation:
        name = self.parameterAsConnectionName(parameters, CONNECTION, context)
        service = self.parameterAsString(parameters, SERVICE, context)
        try:
            if service:
                return from_service(service)
            if name:
                return from_saved_connection(name)
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from None
        raise QgsProcessingException(
            translate("JitasaAlgorithm", "Choose a saved PostgreSQL connection or give a pg_service name."))
