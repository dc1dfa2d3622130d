"""The demo project's title. Loading the demo is a workflow: jitasa_qgis/services/demo_loading.py."""

from __future__ import annotations

from ..definitions.i18n import translate


def demo_project_title() -> str:
    """The demo project's title, which QGIS shows as its window title."""
    return translate("DemoProject", "Jitasa — Phetchabun demo")
