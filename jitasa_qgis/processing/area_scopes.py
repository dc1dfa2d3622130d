"""jitasa:grantarea / jitasa:revokearea — an admin gives a login or group role a province, an amphoe or the
whole country to work, or takes it back (issue 14). Thin adapters over services.area_scopes."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputBoolean, QgsProcessingOutputString, QgsProcessingParameterString

from ..definitions.i18n import translate
from ..services.area_scopes import AreaScopeParams, grant_area, revoke_area
from .base import JitasaAlgorithm, service_errors
from .feedback_progress import FeedbackProgress

ROLE = "ROLE"
AREA = "AREA"


class _AreaScopeAlgorithm(JitasaAlgorithm):
    _grant = True

    def initAlgorithm(self, config=None) -> None:
        self.add_connection_parameters()
        self.addParameter(QgsProcessingParameterString(ROLE, translate("AreaScopeAlgorithm", "Login or group role")))
        self.addParameter(
            QgsProcessingParameterString(
                AREA,
                translate("AreaScopeAlgorithm", "Province or amphoe code, or national"),
                defaultValue="national",
            )
        )
        self.addOutput(QgsProcessingOutputBoolean("CHANGED", translate("AreaScopeAlgorithm", "Changed")))
        self.addOutput(QgsProcessingOutputString("AREAS", translate("AreaScopeAlgorithm", "The role's areas")))

    def processAlgorithm(self, parameters, context, feedback):
        location = self.location(parameters, context, feedback)
        params = AreaScopeParams(
            role=self.parameterAsString(parameters, ROLE, context),
            area=self.parameterAsString(parameters, AREA, context) or "national",
        )
        with service_errors():
            result = (grant_area if self._grant else revoke_area)(location, params, FeedbackProgress(feedback))
        area = result.area or translate("AreaScopeAlgorithm", "national")
        if self._grant:
            text = (
                translate("AreaScopeAlgorithm", "Granted {0} to {1}.")
                if result.changed
                else translate("AreaScopeAlgorithm", "{1} already works {0}: nothing changed.")
            )
        else:
            text = (
                translate("AreaScopeAlgorithm", "Revoked {0} from {1}.")
                if result.changed
                else translate("AreaScopeAlgorithm", "{1} did not have {0}: nothing changed.")
            )
        feedback.pushInfo(text.format(area, result.role))
        areas = ", ".join(code or "national" for code, _by in result.scopes)
        feedback.pushInfo(
            translate("AreaScopeAlgorithm", "{0}'s own areas now: {1}").format(
                result.role, areas or translate("AreaScopeAlgorithm", "none (it sees no area data)")
            )
        )
        return {"CHANGED": result.changed, "AREAS": areas}


class GrantAreaAlgorithm(_AreaScopeAlgorithm):
    _grant = True

    def name(self) -> str:
        return "grantarea"

    def displayName(self) -> str:
        return translate("AreaScopeAlgorithm", "Grant an area to a login")

    def shortHelpString(self) -> str:
        return translate(
            "AreaScopeAlgorithm",
            "Admins only. Lets a login (or every member of a group role) work a province (2-digit code, e.g. 67), "
            "an amphoe (4-digit code, e.g. 6703) or the whole country (national): it then sees and changes the "
            "requests, volunteers, assignments and service areas there. A login with no area sees none.",
        )


class RevokeAreaAlgorithm(_AreaScopeAlgorithm):
    _grant = False

    def name(self) -> str:
        return "revokearea"

    def displayName(self) -> str:
        return translate("AreaScopeAlgorithm", "Revoke an area from a login")

    def shortHelpString(self) -> str:
        return translate(
            "AreaScopeAlgorithm",
            "Admins only. Takes a province, an amphoe or the whole country (national) back from a login or group "
            "role. Areas it has through its groups stay.",
        )
