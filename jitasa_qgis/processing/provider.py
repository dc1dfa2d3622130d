"""The Processing provider `jitasa`: one algorithm per module, registered here."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..definitions.i18n import translate
from ..definitions.paths import ICONS_DIR
from .area_scopes import GrantAreaAlgorithm, RevokeAreaAlgorithm
from .assign_nearest import AssignNearestAlgorithm
from .assign_optimal import AssignOptimalAlgorithm
from .call_sheets import CallSheetsAlgorithm
from .coverage_gaps import CoverageGapsAlgorithm
from .create_database import CreateDatabaseAlgorithm
from .export import ExportAlgorithm
from .import_admin_areas import ImportAdminAreasAlgorithm
from .import_coverage_counts import ImportCoverageCountsAlgorithm
from .import_facilities import ImportFacilitiesAlgorithm
from .import_requests import ImportRequestsAlgorithm
from .import_roads import ImportRoadsAlgorithm
from .import_volunteers import ImportVolunteersAlgorithm
from .load_demo_data import LoadDemoDataAlgorithm
from .load_layers import LoadLayersAlgorithm
from .location_allocation import LocationAllocationAlgorithm
from .print_atlas import PrintAtlasAlgorithm
from .print_map import PrintMapAlgorithm
from .request_history import RequestHistoryAlgorithm
from .service_areas import ServiceAreasAlgorithm
from .situation_report import SituationReportAlgorithm
from .sync_feed import SyncFeedAlgorithm
from .vaccination_plan import VaccinationPlanAlgorithm


class JitasaProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "jitasa"

    def name(self) -> str:
        return translate("JitasaProvider", "Jitasa")

    def longName(self) -> str:
        return translate("JitasaProvider", "Jitasa volunteer coordination")

    def icon(self) -> QIcon:
        return QIcon(str(ICONS_DIR / "jitasa.svg"))

    def loadAlgorithms(self) -> None:
        for algorithm in (
            CreateDatabaseAlgorithm(),
            LoadDemoDataAlgorithm(),
            LoadLayersAlgorithm(),
            AssignNearestAlgorithm(),
            AssignOptimalAlgorithm(),
            ImportAdminAreasAlgorithm(),
            ImportFacilitiesAlgorithm(),
            ImportVolunteersAlgorithm(),
            ImportRequestsAlgorithm(),
            ImportRoadsAlgorithm(),
            ExportAlgorithm(),
            SyncFeedAlgorithm(),
            ServiceAreasAlgorithm(),
            CallSheetsAlgorithm(),
            SituationReportAlgorithm(),
            GrantAreaAlgorithm(),
            RevokeAreaAlgorithm(),
            CoverageGapsAlgorithm(),
            LocationAllocationAlgorithm(),
            ImportCoverageCountsAlgorithm(),
            VaccinationPlanAlgorithm(),
            PrintMapAlgorithm(),
            PrintAtlasAlgorithm(),
            RequestHistoryAlgorithm(),
        ):
            self.addAlgorithm(algorithm)
