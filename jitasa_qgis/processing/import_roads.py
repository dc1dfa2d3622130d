"""jitasa:importroads — a road network from an OpenStreetMap file or any line layer with a road class field.

Two inputs, one of them given: INPUT, a line layer QGIS opens (read with feature_rows.table_of_source), and
FILE, an .osm / .pbf file read by GDAL's OSM driver (its `lines` layer: highway, and oneway from other_tags)
or any other line file. The run is services.road_import: noding, snapping within SNAP_TOLERANCE_M, costs by
class speed (SPEEDS overrides the defaults of definitions.roads), components; NETWORK names the network, and
importing under that name again replaces it in one transaction.
"""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..definitions.roads import DEFAULT_SPEEDS_KMH
from ..services.road_import import (
    DEFAULT_SNAP_TOLERANCE_M,
    MAX_SNAP_TOLERANCE_M,
    RoadImportParams,
    import_roads,
)
from .base import ImportExportAlgorithm, service_errors
from .feature_rows import table_of_source
from .feedback_progress import FeedbackProgress


class ImportRoadsAlgorithm(ImportExportAlgorithm):
    def name(self) -> str:
        return "importroads"

    def displayName(self) -> str:
        return translate("ImportRoadsAlgorithm", "Import road network")

    def shortHelpString(self) -> str:
        speeds = "; ".join(f"{c.value}={v:g}" for c, v in DEFAULT_SPEEDS_KMH.items())
        return translate(
            "ImportRoadsAlgorithm",
            "Imports a road network for travel times: an OpenStreetMap file (.osm or .pbf: its highway and "
            "oneway tags) or any line layer with a road class field (motorway, trunk, primary, secondary, "
            "tertiary, their _link ramps, unclassified, residential, service, track ...; other values such as "
            "footway are left out).\n\n"
            "Lines are split where they cross, and a line end that touches no other line is joined to the "
            "nearest line within the snap tolerance; the log says how many junctions were made and how far "
            "they reach. One-way roads are respected. The largest connected piece is the routable network; the "
            "others are listed as islands. A network that falls apart (the largest piece under half the length) "
            "is refused: raise the tolerance or import a fuller file.\n\n"
            "Speeds by class in km/h (override any: trunk=80; primary=60): {0}.\n\n"
            "Importing again under the same network name replaces that network in one transaction.",
        ).format(speeds)

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "INPUT",
                translate("ImportRoadsAlgorithm", "Road lines (a layer)"),
                [QgsProcessing.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "FILE",
                translate("ImportRoadsAlgorithm", "…or an OpenStreetMap file (.osm, .pbf) or another line file"),
                fileFilter=translate("ImportRoadsAlgorithm", "Road files (*.osm *.pbf *.gpkg *.shp *.geojson)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "LAYER",
                translate("ImportRoadsAlgorithm", "Layer of the file (empty: lines of an OSM file, else the first)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CLASS_FIELD",
                translate("ImportRoadsAlgorithm", "Road class field (empty: highway)"),
                parentLayerParameterName="INPUT",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "ONEWAY_FIELD",
                translate("ImportRoadsAlgorithm", "One-way field (yes / -1 / no; empty: oneway if present)"),
                parentLayerParameterName="INPUT",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SNAP_TOLERANCE_M",
                translate("ImportRoadsAlgorithm", "Snap tolerance for loose line ends (m)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=DEFAULT_SNAP_TOLERANCE_M,
                minValue=0.0,
                maxValue=MAX_SNAP_TOLERANCE_M,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SPEEDS",
                translate("ImportRoadsAlgorithm", "Speeds overriding the defaults (km/h): trunk=80; primary=60"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "NETWORK", translate("ImportRoadsAlgorithm", "Network name (importing again replaces it)")
            )
        )
        for name, text in (
            ("SEGMENTS", translate("ImportRoadsAlgorithm", "Segments")),
            ("JUNCTIONS_SNAPPED", translate("ImportRoadsAlgorithm", "Junctions made by snapping")),
            ("MAX_SNAP_M", translate("ImportRoadsAlgorithm", "Largest snap (m)")),
            ("MEDIAN_SNAP_M", translate("ImportRoadsAlgorithm", "Median snap (m)")),
            ("COMPONENTS", translate("ImportRoadsAlgorithm", "Connected pieces")),
            ("LARGEST_SHARE", translate("ImportRoadsAlgorithm", "Share of the length in the routable piece")),
            ("VERSION", translate("ImportRoadsAlgorithm", "Network version")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(QgsProcessingOutputString("ISLANDS", translate("ImportRoadsAlgorithm", "Islands (JSON)")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        path = (self.parameterAsFile(parameters, "FILE", context) or "").strip()
        source = self.parameterAsSource(parameters, "INPUT", context) if parameters.get("INPUT") else None
        if (source is None) == (not path):
            raise QgsProcessingException(
                translate("ImportRoadsAlgorithm", "Give either a line layer or a file, not both.")
                if source is not None
                else translate("ImportRoadsAlgorithm", "Give a line layer or a file of roads to import.")
            )
        table = None
        if source is not None:
            layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
            table = table_of_source(source, layer.name() if layer is not None else str(parameters["INPUT"]), feedback)
            if feedback.isCanceled():
                return {}
        params = RoadImportParams(
            network=(self.parameterAsString(parameters, "NETWORK", context) or "").strip(),
            table=table,
            path=path or None,
            layer=(self.parameterAsString(parameters, "LAYER", context) or "").strip() or None,
            class_field=(self.parameterAsString(parameters, "CLASS_FIELD", context) or "").strip() or None,
            oneway_field=(self.parameterAsString(parameters, "ONEWAY_FIELD", context) or "").strip() or None,
            snap_tolerance_m=self.parameterAsDouble(parameters, "SNAP_TOLERANCE_M", context),
            speeds=self.parameterAsString(parameters, "SPEEDS", context) or "",
        )
        try:
            with service_errors():
                result = import_roads(location, params, FeedbackProgress(feedback))
        except QgsProcessingException:
            if feedback.isCanceled():
                return {}
            raise
        for line in result.summary_lines():
            feedback.pushInfo(line)
        islands = [
            {
                "component": i.component,
                "segments": i.segments,
                "length_km": round(i.length_km, 3),
                "lon": round(i.lon, 5),
                "lat": round(i.lat, 5),
            }
            for i in result.islands
        ]
        return {
            "SEGMENTS": result.segments,
            "JUNCTIONS_SNAPPED": result.junctions_snapped,
            "MAX_SNAP_M": round(result.max_snap_m, 1),
            "MEDIAN_SNAP_M": round(result.median_snap_m, 1),
            "COMPONENTS": result.components,
            "LARGEST_SHARE": round(result.largest_share, 4),
            "VERSION": result.version,
            "ISLANDS": json.dumps(islands),
        }
