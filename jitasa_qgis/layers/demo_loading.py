"""The demo project's title; `load_demo_data` is re-exported from services/demo_loading.py (the workflow
moved there) for the callers that still import it from here (some tests, tools/devstore.py, the GUI's
demo action): new code imports it from `jitasa_qgis.services.demo_loading`."""

from __future__ import annotations

from ..definitions.i18n import translate
from ..services.demo_loading import check_facility_layer, layer_names, load_demo_data  # noqa: F401 - re-export


def demo_project_title() -> str:
    """The demo project's title, which QGIS shows as its window title."""
    return translate("DemoProject", "Jitasa — Phetchabun demo")
