"""jitasa:loaddemodata — real Phetchabun boundaries, hospitals and major roads plus seeded demo requests and
volunteers."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR
from ..services.demo_loading import (
    DEFAULT_FACILITY_LAYER,
    DEMO_ROADS_LAYER,
    DEMO_ROADS_PATH,
    DemoParams,
    load_demo,
)
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

CTX = "LoadDemoDataAlgorithm"


class LoadDemoDataAlgorithm(JitasaAlgorithm):
    def name(self) -> str:
        return "loaddemodata"

    def displayName(self) -> str:
        return translate("LoadDemoDataAlgorithm", "Load demo data")

    def shortHelpString(self) -> str:
        return translate(
            "LoadDemoDataAlgorithm",
            "Loads province, amphoe and tambon boundaries (OCHA COD-AB layout), MOPH hospitals and "
            "a road network — by default the real Phetchabun files shipped with the plugin; the "
            "roads are the major roads only (trunk and primary roads of OpenStreetMap), so drive "
            "times on them are major roads plus an off-road leg — then generates help requests and "
            "volunteers inside the tambons with a fixed seed.\n\n"
            "What it replaces: ALL earlier demo help requests and volunteers in the store (also "
            "those of another province loaded before) and their assignments are deleted and the "
            "new ones written; the demo road network is replaced (other networks are not touched; "
            "untick Load the road network to load no roads). Boundaries and hospitals are added or "
            "updated by code, never deleted.\n\n"
            "It refuses to run on a store that holds data that is not demo data (help requests or "
            "volunteers from another source, facilities other than coded hospitals), and writes "
            "nothing then. Everything loads in one transaction: on any error nothing is written.",
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(
            QgsProcessingParameterFile(
                "ADMIN",
                translate("LoadDemoDataAlgorithm", "Admin boundaries (GeoPackage)"),
                extension="gpkg",
                defaultValue=str(DEMO_DIR / "admin.gpkg"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "HEALTH",
                translate("LoadDemoDataAlgorithm", "Hospitals (GeoPackage)"),
                extension="gpkg",
                defaultValue=str(DEMO_DIR / "health.gpkg"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "HOSPITAL_LAYER",
                translate("LoadDemoDataAlgorithm", "Hospital layer"),
                defaultValue=DEFAULT_FACILITY_LAYER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "ROADS",
                translate("LoadDemoDataAlgorithm", "Road network (GeoPackage)"),
                extension="gpkg",
                defaultValue=str(DEMO_ROADS_PATH),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "WITH_ROADS", translate("LoadDemoDataAlgorithm", "Load the road network"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "REQUESTS", translate("LoadDemoDataAlgorithm", "Number of help requests"), defaultValue=2000, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "VOLUNTEERS", translate("LoadDemoDataAlgorithm", "Number of volunteers"), defaultValue=600, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SEED", translate("LoadDemoDataAlgorithm", "Random seed"), defaultValue=67, minValue=0
            )
        )
        self.addOutput(QgsProcessingOutputString("SUMMARY", translate("LoadDemoDataAlgorithm", "Summary")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        roads = ""
        if self.parameterAsBoolean(parameters, "WITH_ROADS", context):
            roads = self.parameterAsFile(parameters, "ROADS", context) or str(DEMO_ROADS_PATH)
        params = DemoParams(
            # QGIS 3.22 does not fill a missing file parameter from its default: do it here.
            admin_path=self.parameterAsFile(parameters, "ADMIN", context) or str(DEMO_DIR / "admin.gpkg"),
            health_path=self.parameterAsFile(parameters, "HEALTH", context) or str(DEMO_DIR / "health.gpkg"),
            facility_layer=self.parameterAsString(parameters, "HOSPITAL_LAYER", context).strip()
            or DEFAULT_FACILITY_LAYER,
            n_requests=self.parameterAsInt(parameters, "REQUESTS", context),
            n_volunteers=self.parameterAsInt(parameters, "VOLUNTEERS", context),
            seed=self.parameterAsInt(parameters, "SEED", context),
            roads_path=roads or None,
            roads_layer=DEMO_ROADS_LAYER if roads and Path(roads).resolve() == DEMO_ROADS_PATH.resolve() else None,
        )
        with service_errors():
            result = load_demo(location, params, FeedbackProgress(feedback))
        summary = result.counts
        feedback.pushInfo(
            translate(
                "LoadDemoDataAlgorithm", "Replaced {0} earlier demo help requests and {1} earlier demo volunteers."
            ).format(summary.get("replaced_requests", 0), summary.get("replaced_volunteers", 0))
        )
        text = ", ".join(f"{k}: {v}" for k, v in summary.items())
        feedback.pushInfo(translate("LoadDemoDataAlgorithm", "Loaded: {0}").format(text))
        if result.roads is not None:
            for line in result.roads.summary_lines():
                feedback.pushInfo(line)
            if result.roads.major_only:
                text += ", " + translate("LoadDemoDataAlgorithm", "roads: major roads only")
        else:
            feedback.pushInfo(translate("LoadDemoDataAlgorithm", "No road network loaded."))
        return {"SUMMARY": text}
