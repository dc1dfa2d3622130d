"""jitasa:createdatabase — create or upgrade the jitasa schema on a chosen connection."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString

from ..definitions.i18n import translate
from ..services.database import create_or_upgrade_database
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

CTX = "CreateDatabaseAlgorithm"


class CreateDatabaseAlgorithm(JitasaAlgorithm):
    def name(self) -> str:
        return "createdatabase"

    def displayName(self) -> str:
        return translate("CreateDatabaseAlgorithm", "Create or upgrade Jitasa database")

    def shortHelpString(self) -> str:
        return translate(
            "CreateDatabaseAlgorithm",
            "Creates the jitasa schema (tables, triggers, roles) in the chosen database, or "
            "upgrades it to the version this plugin needs. Each step runs in its own "
            "transaction; running it again changes nothing.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addOutput(
            QgsProcessingOutputNumber("SCHEMA_VERSION", translate("CreateDatabaseAlgorithm", "Schema version"))
        )
        self.addOutput(QgsProcessingOutputString("APPLIED", translate("CreateDatabaseAlgorithm", "Migrations applied")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        with service_errors():
            result = create_or_upgrade_database(location, progress=FeedbackProgress(feedback))
        applied = result.applied
        if applied:
            feedback.pushInfo(
                translate("CreateDatabaseAlgorithm", "Applied migrations: {0}").format(", ".join(map(str, applied)))
            )
        else:
            feedback.pushInfo(
                translate("CreateDatabaseAlgorithm", "The store is already at schema version {0}.").format(
                    result.schema_version
                )
            )
        return {"SCHEMA_VERSION": result.schema_version, "APPLIED": ",".join(map(str, applied))}
