"""Write the demo project: the Jitasa layers from the `jitasa_demo` service over Phetchabun.

Run by tools/devstore.py with QT_QPA_PLATFORM=offscreen and PGSERVICEFILE set.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsReferencedRectangle,
)


def main(path: str) -> int:
    app = QgsApplication([], False)
    app.initQgis()
    # Layer titles are written into the project in the demo's language (Thai unless JITASA_LOCALE says).
    from jitasa_qgis.definitions.i18n import load_translator
    from jitasa_qgis.definitions.paths import I18N_DIR

    translator = load_translator(os.environ.get("JITASA_LOCALE", "th_TH"), I18N_DIR)
    if translator is not None:
        app.installTranslator(translator)
    try:
        from jitasa_qgis.layers.store_layers import load_jitasa_layers
        from jitasa_qgis.store.qgis_connections import from_service

        project = QgsProject.instance()
        crs = QgsCoordinateReferenceSystem("EPSG:32647")  # UTM 47N: true shapes for Thailand
        project.setCrs(crs)
        project.setTitle("Jitasa — Phetchabun demo")
        project.setCustomVariables({"jitasa_stale_hours": 12})
        layers, failed = load_jitasa_layers(from_service("jitasa_demo"), project)
        if failed:
            print(f"demo project: layers failed to load: {failed}", file=sys.stderr)
            return 1
        province = layers["admin_province"]
        extent = QgsCoordinateTransform(province.crs(), crs, project).transformBoundingBox(province.extent())
        extent.scale(1.05)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, crs))
        if not project.write(path):
            print(f"demo project: could not write {path}: {project.error()}", file=sys.stderr)
            return 1
        return 0
    finally:
        QgsProject.instance().clear()
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
