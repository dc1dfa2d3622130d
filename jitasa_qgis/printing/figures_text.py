"""An atlas page's figures in words (Thai or English, where they are printed): open requests by urgency
and category, the volunteers assigned there, the facilities with their beds and daily capacity. An area
with nothing open says so: a page, not an error. The lines come in order of importance: a page whose figures
do not fit their box even in the smallest text loses its last lines first (printing/figures_fit.py)."""

from __future__ import annotations

from ..definitions.enums import RequestCategory, Urgency
from ..definitions.i18n import translate
from ..definitions.labels import category_label, facility_kind_label, urgency_label
from ..store.print_figures import AreaFigures


def figures_text(figures: AreaFigures) -> str:
    lines = []
    if figures.open_requests:
        lines.append(translate("PrintFigures", "Open requests: {0}").format(figures.open_requests))
        by_urgency = figures.by_urgency()
        parts = [f"{urgency_label(u)} {by_urgency[u.value]}" for u in Urgency if by_urgency.get(u.value)]
        lines.append(translate("PrintFigures", "By urgency: {0}").format(", ".join(parts)))
        by_category = figures.by_category()
        parts = [f"{category_label(c)} {by_category[c.value]}" for c in RequestCategory if by_category.get(c.value)]
        lines.append(translate("PrintFigures", "By need: {0}").format(", ".join(parts)))
    else:
        lines.append(translate("PrintFigures", "No open requests in this area."))
    lines.append(translate("PrintFigures", "Volunteers assigned: {0}").format(figures.volunteers_assigned))
    if figures.facilities:
        kinds = ", ".join(f"{facility_kind_label(k)} {n}" for k, n in sorted(figures.facilities.items()))
        lines.append(translate("PrintFigures", "Facilities: {0}").format(kinds))
        if figures.beds_total:
            lines.append(
                translate("PrintFigures", "Beds free: {0} of {1}").format(figures.beds_free, figures.beds_total)
            )
        if figures.daily_capacity:
            lines.append(translate("PrintFigures", "Daily capacity: {0} people").format(figures.daily_capacity))
    else:
        lines.append(translate("PrintFigures", "No facilities in this area."))
    return "\n".join(lines)
