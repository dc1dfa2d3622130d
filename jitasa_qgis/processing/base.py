"""Shared parts of the jitasa algorithms: the connection parameters and turning store errors into
Processing errors with the same clear message.

The connection parameters default to the store the plugin is connected to (definitions.settings
.current_store(): names only, never a password), and a run that leaves both empty uses that store too,
so a dialog opened while connected is ready to run."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..definitions import settings
from ..definitions.i18n import translate
from ..definitions.import_reasons import import_reason_text
from ..services.progress import Cancelled
from ..store.errors import StoreError
from ..store.qgis_connections import StoreLocation, from_saved_connection, from_service, location_of

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
        # initAlgorithm runs for every new instance (each dialog, each processing.run), so the defaults
        # follow the plugin's current store.
        current = settings.current_store()
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                CONNECTION,
                translate("JitasaAlgorithm", "Saved PostgreSQL connection"),
                "postgres",
                defaultValue=None if current.service else (current.connection_name or None),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                SERVICE,
                translate("JitasaAlgorithm", "…or pg_service name"),
                defaultValue=current.service or None,
                optional=True,
            )
        )

    def location(self, parameters, context, feedback=None) -> StoreLocation:
        """The store named by the parameters, else the plugin's current store; logged to `feedback`."""
        name = (self.parameterAsConnectionName(parameters, CONNECTION, context) or "").strip()
        service = (self.parameterAsString(parameters, SERVICE, context) or "").strip()
        current = settings.current_store()
        if name and service and service == current.service and name != current.connection_name:
            service = ""  # the service is only the plugin's default: the connection the user chose wins
        try:
            if service:
                location = from_service(service)
            elif name:
                location = from_saved_connection(name)
            elif current:
                location = location_of(current)
                if feedback is not None:
                    feedback.pushInfo(
                        translate(
                            "JitasaAlgorithm",
                            "No connection given: using the store the plugin is connected to ({0}).",
                        ).format(location.name)
                    )
                return location
            else:
                raise QgsProcessingException(
                    translate(
                        "JitasaAlgorithm",
                        "Choose a saved PostgreSQL connection or give a pg_service name "
                        "(or connect the plugin to a store first).",
                    )
                )
        except StoreError as exc:
            raise QgsProcessingException(str(exc)) from None
        if feedback is not None:
            feedback.pushInfo(translate("JitasaAlgorithm", "Store: {0}").format(location.name))
        return location

    def add_layer_output(self, name: str, label: str, layer_type: int) -> None:
        """A layer output, a temporary layer unless the user names a file."""
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                name, label, layer_type, createByDefault=True, defaultValue="TEMPORARY_OUTPUT"
            )
        )

    def add_report_output(self, name: str, label: str) -> None:
        """An optional CSV or XLSX report file (written only when the user names one)."""
        self.addParameter(
            QgsProcessingParameterFileDestination(
                name,
                label,
                fileFilter=translate("JitasaAlgorithm", "Excel workbook (*.xlsx);;CSV (*.csv)"),
                optional=True,
                createByDefault=False,
            )
        )


@contextmanager
def service_errors() -> Iterator[None]:
    """A service's clear errors (store, parameters, cancel) as Processing errors with the same message."""
    try:
        yield
    except (StoreError, ValueError, Cancelled) as exc:
        raise QgsProcessingException(str(exc)) from None


class PlanningAlgorithm(JitasaAlgorithm):
    """Base of the coverage and location-allocation algorithms: one toolbox group."""

    def group(self) -> str:
        return translate("ProcessingGroups", "Planning")

    def groupId(self) -> str:
        return "planning"


class ImportExportAlgorithm(JitasaAlgorithm):
    """Base of the algorithms that bring data into the store or take it out: one toolbox group."""

    def group(self) -> str:
        return translate("ProcessingGroups", "Import and export")

    def groupId(self) -> str:
        return "importexport"

    # each reject in the log up to this many; the result's counts by reason always
    MAX_REJECT_LINES = 50

    def log_rejects(self, feedback, rejects) -> None:
        """Each refused record in words (its key and reason), then how many more the rejects table holds."""
        for r in rejects[: self.MAX_REJECT_LINES]:
            feedback.pushInfo(
                translate("ProcessingGroups", "Rejected {0}: {1}").format(
                    r.record_key, import_reason_text(r.reason, r.detail)
                )
            )
        if len(rejects) > self.MAX_REJECT_LINES:
            feedback.pushInfo(
                translate("ProcessingGroups", "… and {0} more rejected rows (see the rejects table).").format(
                    len(rejects) - self.MAX_REJECT_LINES
                )
            )
