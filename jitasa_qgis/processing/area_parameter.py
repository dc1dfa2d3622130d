"""An amphoe or tambon parameter: the user types a name (Thai or English) or a DOPA code; this turns it into
the one area it names, says which in the log, and refuses an ambiguous or unknown value with a clear message."""

from __future__ import annotations

from qgis.core import QgsProcessingException

from ..definitions.i18n import translate
from ..store.area_lookup import AdminAreaMatch, find_admin_areas
from ..store.errors import StoreError

MAX_LISTED = 12  # candidates named in an "ambiguous" message


def describe_area(area: AdminAreaMatch) -> str:
    """'วังโป่ง (Wang Pong), code 6710' — names in both languages where both are known."""
    name = area.name_th if not area.name_en or area.name_en == area.name_th else f"{area.name_th} ({area.name_en})"
    if area.level == "tambon":
        return translate("AreaParameter", "tambon {0}, code {1}").format(name, area.code)
    return translate("AreaParameter", "amphoe {0}, code {1}").format(name, area.code)


def _candidate(area: AdminAreaMatch) -> str:
    if area.parent_name_th and area.level == "tambon":
        return translate("AreaParameter", "{0} ({1}, amphoe {2})").format(area.name_th, area.code, area.parent_name_th)
    return translate("AreaParameter", "{0} ({1})").format(area.name_th, area.code)


def resolve_area(conn, level: str, text: str, feedback=None) -> AdminAreaMatch:
    """The one amphoe/tambon `text` names (code, Thai or English name); QgsProcessingException otherwise."""
    if not (text or "").strip():
        if level == "tambon":
            raise QgsProcessingException(translate("AreaParameter", "Give the tambon: its name or its code."))
        raise QgsProcessingException(translate("AreaParameter", "Give the amphoe: its name or its code."))
    try:
        found = find_admin_areas(conn, level, text)
    except StoreError as exc:
        raise QgsProcessingException(str(exc)) from None
    shown = text.strip()
    if not found:
        if level == "tambon":
            raise QgsProcessingException(
                translate("AreaParameter", "There is no tambon named or coded '{0}' in the store.").format(shown)
            )
        raise QgsProcessingException(
            translate("AreaParameter", "There is no amphoe named or coded '{0}' in the store.").format(shown)
        )
    if len(found) > 1:
        listed = ", ".join(_candidate(a) for a in found[:MAX_LISTED])
        if len(found) > MAX_LISTED:
            listed += translate("AreaParameter", " and {0} more").format(len(found) - MAX_LISTED)
        if level == "tambon":
            message = translate(
                "AreaParameter", "'{0}' names {1} tambons: {2}. Give the code of the one you " "mean."
            ).format(shown, len(found), listed)
        else:
            message = translate(
                "AreaParameter", "'{0}' names {1} amphoe: {2}. Give the code of the one you " "mean."
            ).format(shown, len(found), listed)
        raise QgsProcessingException(message)
    area = found[0]
    if feedback is not None:
        feedback.pushInfo(translate("AreaParameter", "Scope: {0}").format(describe_area(area)))
    return area
