"""jitasa:serviceareas — buffers, drive-time areas, catchments or nearest-facility areas around facilities or
volunteers (services.service_areas), to a layer styled by threshold and, if asked, to the store's
service-area table as one run."""

from __future__ import annotations

import json

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRendererRange,
    QgsSymbol,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor

from ..definitions.i18n import translate
from ..services.service_areas import FACILITIES, METHODS, VOLUNTEERS, ServiceAreaParams, parse_numbers, service_areas
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

ORIGINS = (FACILITIES, VOLUNTEERS)
# light to dark by threshold: the nearest band stands out
_COLOURS = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027")


def output_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (
        ("origin_id", QVariant.Int),
        ("origin", QVariant.String),
        ("method", QVariant.String),
        ("threshold", QVariant.Double),  # minutes (drive time) or metres (buffer)
        ("minutes", QVariant.Double),
        ("area_km2", QVariant.Double),
        ("snap_m", QVariant.Double),  # how far the origin is from the road it was snapped to
        ("model", QVariant.String),  # road_network or straight_line
        ("run_id", QVariant.Int),
    ):
        fields.append(QgsField(name, kind))
    return fields


class _ByThreshold(QgsProcessingLayerPostProcessorInterface):
    """Colours the loaded layer by threshold (graduated), drawn half transparent, largest first."""

    def __init__(self, thresholds: list[float]) -> None:
        super().__init__()
        self.thresholds = thresholds

    def postProcessLayer(self, layer, context, feedback) -> None:
        if not self.thresholds:
            return
        ranges = []
        values = sorted(self.thresholds)
        for i, value in enumerate(values):
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            colour = QColor(_COLOURS[min(i * len(_COLOURS) // max(len(values), 1), len(_COLOURS) - 1)])
            colour.setAlpha(110)
            symbol.setColor(colour)
            low = values[i - 1] if i else 0.0
            ranges.append(QgsRendererRange(low, value, symbol, f"≤ {value:g}"))
        renderer = QgsGraduatedSymbolRenderer("threshold", ranges)
        layer.setRenderer(renderer)
        layer.triggerRepaint()


_POST_PROCESSORS: list = []  # Processing keeps a bare pointer: the objects must outlive the run


class ServiceAreasAlgorithm(JitasaAlgorithm):
    def name(self) -> str:
        return "serviceareas"

    def displayName(self) -> str:
        return translate("ServiceAreasAlgorithm", "Compute service areas")

    def group(self) -> str:
        return translate("ServiceAreasAlgorithm", "Service areas")

    def groupId(self) -> str:
        return "serviceareas"

    def shortHelpString(self) -> str:
        return translate(
            "ServiceAreasAlgorithm",
            "Areas around facilities (of the chosen kinds, all when none is given) or volunteers:\n"
            "- Buffer: a circle of each distance in metres.\n"
            "- Drive time: what can be reached within each threshold in minutes (10,20,30) on the road network "
            "covering the origins, including the reachable part of the last road and the off-road leg; nothing "
            "beyond the threshold. One area per origin and threshold.\n"
            "- Catchment: every place to the origin that reaches it first, after its readiness delay (minutes "
            "before a team can leave: one value, or a numeric field of the facility or volunteer table). The "
            "areas do not overlap.\n"
            "- Nearest: each place to the nearest origin in a straight line, clipped to the area code (or the "
            "origins' surroundings): for where there is no road network.\n"
            "Without a road network (or with the straight line chosen) drive times use the straight-line model "
            "and catchments become nearest areas; the model column says which. An origin far from any road is "
            "snapped to the nearest one and its distance is reported.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterEnum(
                "METHOD",
                translate("ServiceAreasAlgorithm", "Method"),
                options=[
                    translate("ServiceAreasAlgorithm", "Buffer by distance"),
                    translate("ServiceAreasAlgorithm", "Drive time"),
                    translate("ServiceAreasAlgorithm", "Catchments (non-overlapping)"),
                    translate("ServiceAreasAlgorithm", "Nearest facility (straight line)"),
                ],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "ORIGINS",
                translate("ServiceAreasAlgorithm", "Around"),
                options=[
                    translate("ServiceAreasAlgorithm", "Facilities"),
                    translate("ServiceAreasAlgorithm", "Volunteers"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "KINDS",
                translate("ServiceAreasAlgorithm", "Kinds (comma separated, e.g. hospital,health_centre; empty: all)"),
                defaultValue="",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "IDS", translate("ServiceAreasAlgorithm", "Ids (comma separated; empty: all)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "THRESHOLDS", translate("ServiceAreasAlgorithm", "Thresholds in minutes"), defaultValue="10,20,30"
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "DISTANCE_M",
                translate("ServiceAreasAlgorithm", "Buffer distances in metres"),
                defaultValue="5000",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "DELAY_FIELD",
                translate("ServiceAreasAlgorithm", "Readiness delay field (minutes; a numeric column)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "DELAY_MIN",
                translate("ServiceAreasAlgorithm", "Readiness delay for every origin (minutes)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=0.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STRAIGHT_LINE",
                translate("ServiceAreasAlgorithm", "Use the straight line even where a road network exists"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "CATCHMENT_LIMIT",
                translate("ServiceAreasAlgorithm", "Catchments only within the largest threshold"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "CLIP",
                translate("ServiceAreasAlgorithm", "Clip to a province or amphoe code (e.g. 67, 6701)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "WRITE_TO_STORE",
                translate("ServiceAreasAlgorithm", "Also write the areas to the store's service-area table"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT",
                translate("ServiceAreasAlgorithm", "Service areas"),
                QgsProcessing.TypeVectorPolygon,
                createByDefault=True,
                defaultValue="TEMPORARY_OUTPUT",
            )
        )
        self.addOutput(QgsProcessingOutputNumber("RUN_ID", translate("ServiceAreasAlgorithm", "Run id")))
        self.addOutput(QgsProcessingOutputNumber("AREAS", translate("ServiceAreasAlgorithm", "Areas")))
        self.addOutput(
            QgsProcessingOutputString(
                "TRAVEL_MODEL",
                translate("ServiceAreasAlgorithm", "Travel-time model (road_network or straight_line)"),
            )
        )
        self.addOutput(QgsProcessingOutputString("SNAP_M", translate("ServiceAreasAlgorithm", "Snap distances (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        text = self.parameterAsString
        try:
            ids = tuple(int(v) for v in parse_numbers(text(parameters, "IDS", context)))
            params = ServiceAreaParams(
                method=METHODS[self.parameterAsEnum(parameters, "METHOD", context)],
                of=ORIGINS[self.parameterAsEnum(parameters, "ORIGINS", context)],
                kinds=tuple(k.strip() for k in text(parameters, "KINDS", context).split(",") if k.strip()),
                ids=ids,
                thresholds_min=parse_numbers(text(parameters, "THRESHOLDS", context)),
                distances_m=parse_numbers(text(parameters, "DISTANCE_M", context)),
                delay_field=text(parameters, "DELAY_FIELD", context).strip() or None,
                delay_minutes=self.parameterAsDouble(parameters, "DELAY_MIN", context),
                use_network=not self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context),
                clip_code=text(parameters, "CLIP", context).strip() or None,
                catchment_limit=self.parameterAsBoolean(parameters, "CATCHMENT_LIMIT", context),
                write=self.parameterAsBoolean(parameters, "WRITE_TO_STORE", context),
            )
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        try:
            with service_errors():
                result = service_areas(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}  # cancelled before the commit: nothing was written
            raise
        from .assign_base import _crs_4326

        sink, dest = self.parameterAsSink(
            parameters, "OUTPUT", context, output_fields(), QgsWkbTypes.MultiPolygon, _crs_4326()
        )
        for area in result.areas:
            feature = QgsFeature(output_fields())
            geometry = QgsGeometry.fromWkt(area.geometry.wkt)
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(
                [
                    area.origin_id,
                    area.origin_name,
                    result.method,
                    area.threshold,
                    area.minutes,
                    area.area_km2,
                    result.snap_m.get(area.origin_id),
                    result.model.value,
                    result.run_id,
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        for line in result.summary_lines():
            feedback.pushInfo(line)
        thresholds = sorted({a.threshold for a in result.areas if a.threshold is not None})
        if context.willLoadLayerOnCompletion(dest):
            post = _ByThreshold(thresholds)
            _POST_PROCESSORS.append(post)
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)
        return {
            "OUTPUT": dest,
            "RUN_ID": result.run_id,
            "AREAS": len(result.areas),
            "TRAVEL_MODEL": result.model.value,
            "SNAP_M": json.dumps({str(k): round(v, 1) for k, v in result.snap_m.items()}),
        }
