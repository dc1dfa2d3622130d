"""jitasa:loaddemodata — real Phetchabun boundaries and hospitals plus seeded demo requests and volunteers."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR
from ..services.demo_loading import DEFAULT_FACILITY_LAYER, DemoParams, load_demo
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
            "Loads province, amphoe and tambon boundaries (OCHA COD-AB layout) and MOPH hospitals "
            "— by default the real Phetchabun files shipped with the plugin — then generates help "
            "requests and volunteers inside the tambons with a fixed seed.\n\n"
            "What it replaces: ALL earlier demo help requests and volunteers in the store (also "
            "those of another province loaded before) and their assignments are deleted and the "
            "new ones written. Boundaries and hospitals are added or updated by code, never "
            "deleted.\n\n"
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
        params = DemoParams(
            # QGIS 3.22 does not fill a missing file parameter from its default: do it here.
            admin_path=self.parameterAsFile(parameters, "ADMIN", context) or str(DEMO_DIR / "admin.gpkg"),
            health_path=self.parameterAsFile(parameters, "HEALTH", context) or str(DEMO_DIR / "health.gpkg"),
            facility_layer=self.parameterAsString(parameters, "HOSPITAL_LAYER", context).strip()
            or DEFAULT_FACILITY_LAYER,
            n_requests=self.parameterAsInt(parameters, "REQUESTS", context),
            n_volunteers=self.parameterAsInt(parameters, "VOLUNTEERS", context),
            seed=self.parameterAsInt(parameters, "SEED", context),
        )
        with service_errors():
            summary = load_demo(location, params, FeedbackProgress(feedback)).counts
        feedback.pushInfo(
            translate(
                "LoadDemoDataAlgorithm", "Replaced {0} earlier demo help requests and {1} earlier demo volunteers."
            ).format(summary.get("replaced_requests", 0), summary.get("replaced_volunteers", 0))
        )
        text = ", ".join(f"{k}: {v}" for k, v in summary.items())
        feedback.pushInfo(translate("LoadDemoDataAlgorithm", "Loaded: {0}").format(text))
        return {"SUMMARY": text}
