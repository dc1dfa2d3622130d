"""Write the demo project: the Jitasa layers from the `jitasa_demo` service over Phetchabun.

    make_demo_project.py OUT.qgz [--profile PROFILE_DIR]

Run by tools/devstore.py with QT_QPA_PLATFORM=offscreen and PGSERVICEFILE set. With --profile (the isolated
QGIS profile `make run` opens), it also saves a QGIS PostgreSQL connection "Jitasa demo" there that names
only the service (no user, no password), so the Data Source Manager and Processing list the demo store.
"""

from __future__ import annotations

import argparse
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
from qgis.PyQt.QtCore import QCoreApplication, QSettings  # noqa: E402

SERVICE = "jitasa_demo"
CONNECTION_NAME = "Jitasa demo"


def use_profile(profile: Path) -> None:
    """Make QgsSettings read and write PROFILE/QGIS/QGIS3.ini, as QGIS does when it opens that profile (the
    application must then also be made with that profile folder, or it resets the path to the default)."""
    QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
    QCoreApplication.setOrganizationDomain(QgsApplication.QGIS_ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(profile))


def main(path: str, profile: Path | None = None) -> int:
    if profile is not None:
        use_profile(profile)
    app = QgsApplication([], False, str(profile) if profile is not None else "")
    app.initQgis()
    # Layer titles are written into the project in the demo's language (Thai unless JITASA_LOCALE says).
    from jitasa_qgis.definitions.i18n import load_translator
    from jitasa_qgis.definitions.paths import I18N_DIR

    translator = load_translator(os.environ.get("JITASA_LOCALE", "th_TH"), I18N_DIR)
    if translator is not None:
        app.installTranslator(translator)
    try:
        from jitasa_qgis.layers.demo_loading import demo_project_title
        from jitasa_qgis.layers.store_layers import load_jitasa_layers
        from jitasa_qgis.store.qgis_connections import from_service, save_service_connection

        if profile is not None:
            save_service_connection(CONNECTION_NAME, SERVICE)
        project = QgsProject.instance()
        crs = QgsCoordinateReferenceSystem("EPSG:32647")  # UTM 47N: true shapes for Thailand
        project.setCrs(crs)
        project.setTitle(demo_project_title())  # QGIS's window title; in the demo's language
        project.setCustomVariables({"jitasa_stale_hours": 12})
        layers, failed = load_jitasa_layers(from_service(SERVICE), project)
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
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", help="the .qgz to write")
    parser.add_argument("--profile", type=Path, help="the QGIS profile folder to save the demo connection in")
    args = parser.parse_args()
    sys.exit(main(args.project, args.profile))
