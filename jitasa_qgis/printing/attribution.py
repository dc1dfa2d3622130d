"""The data sources and attribution printed on every page: the store's own data, the demo boundaries and
health facilities (the line resources/demo/PROVENANCE.md gives to print), and each map layer's own
attribution (the road layer carries "Roads © OpenStreetMap contributors, ODbL" for OpenStreetMap roads)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from qgis.core import QgsMapLayer

from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR

OSM_ATTRIBUTION = "Roads © OpenStreetMap contributors, ODbL"


@lru_cache(maxsize=1)
def boundaries_attribution() -> str:
    """The "Attribution to print" line of the demo boundaries and health facilities (PROVENANCE.md)."""
    try:
        text = (DEMO_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    except OSError:
        return ""
    found = re.search(r'Attribution to print:\s*"([^"]+)"', text)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else ""


def sources_text(layers: Iterable[QgsMapLayer], boundaries: bool = True) -> str:
    """The page's source lines: the store, the boundaries' attribution, each layer's distinct attribution."""
    lines = [translate("PrintLayout", "Data: Jitasa store (help requests, volunteers, assignments, facilities).")]
    if boundaries and boundaries_attribution():
        lines.append(boundaries_attribution())
    seen = set(lines)
    for layer in layers:
        for attribution in (layer.attribution() or "").split(";"):
            attribution = attribution.strip()
            if attribution and attribution not in seen:
                seen.add(attribution)
                lines.append(attribution)
    return "\n".join(lines)
