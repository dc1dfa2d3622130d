"""jitasa:history — a request's full history from the audit log: who recorded it, who proposed and assigned
volunteers, who changed its status, when (issue 14). A thin adapter over services.request_history: a table
(no geometry) of one line per change, also written to the log."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, QVariant

from ..definitions.history_text import change_text
from ..definitions.i18n import translate
from ..services.request_history import RequestHistoryParams, read_request_history
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

REQUEST = "REQUEST"
OUTPUT = "OUTPUT"
COUNT = "COUNT"


def history_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("at", QVariant.DateTime),
        ("actor", QVariant.String),
        ("acting_role", QVariant.String),
        ("table_name", QVariant.String),
        ("row_id", QVariant.Int),
        ("operation", QVariant.String),
        ("run_id", QVariant.Int),
        ("xact_id", QVariant.LongLong),
        ("volunteer_id", QVariant.Int),
        ("change", QVariant.String),
    ):
        fields.append(QgsField(name, kind))
    return fields


class RequestHistoryAlgorithm(JitasaAlgorithm):
    def name(self) -> str:
        return "history"

    def displayName(self) -> str:
        return translate("RequestHistoryAlgorithm", "History of a request")

    def shortHelpString(self) -> str:
        return translate(
            "RequestHistoryAlgorithm",
            "Everything the audit log recorded about one request, oldest first: who recorded it, who proposed and "
            "assigned volunteers (and in which run), who changed its status, and when. Officers and admins; a "
            "scoped officer sees only requests of his areas.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterNumber(
                REQUEST,
                translate("RequestHistoryAlgorithm", "Request id"),
                type=QgsProcessingParameterNumber.Integer,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                OUTPUT,
                translate("RequestHistoryAlgorithm", "History"),
                type=QgsProcessing.TypeVector,
                createByDefault=True,
                defaultValue="TEMPORARY_OUTPUT",
            )
        )
        self.addOutput(QgsProcessingOutputNumber(COUNT, translate("RequestHistoryAlgorithm", "Changes")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        params = RequestHistoryParams(request_id=self.parameterAsInt(parameters, REQUEST, context))
        with service_errors():
            result = read_request_history(location, params, FeedbackProgress(feedback))
        fields = history_fields()
        sink, dest = self.parameterAsSink(
            parameters, OUTPUT, context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, OUTPUT))
        if not result.lines:
            feedback.pushInfo(
                translate("RequestHistoryAlgorithm", "Request {0} has no history you may see.").format(
                    result.request_id
                )
            )
        for line in result.lines:
            text = change_text(
                line.table, line.operation, line.old_values, line.new_values, line.row_id, line.volunteer_id
            )
            feedback.pushInfo(f"{line.at:%Y-%m-%d %H:%M:%S} {line.actor} ({line.acting_role}): {text}")
            f = QgsFeature(fields)
            f.setAttributes(
                [
                    QDateTime(line.at),
                    line.actor,
                    line.acting_role,
                    line.table,
                    line.row_id,
                    line.operation,
                    line.run_id,
                    line.xact_id,
                    line.volunteer_id,
                    text,
                ]
            )
            sink.addFeature(f, QgsFeatureSink.FastInsert)
        return {OUTPUT: dest, COUNT: len(result.lines)}
