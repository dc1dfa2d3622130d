"""The coverage-planning demo inside QGIS, run with `qgis --code tools/planning_demo.py` after `make run` has
prepared the demo store and profile (see docs/PLANNING.md), as JITASA_DEMO_PLANNING says:

- JITASA_DEMO_PLANNING=coverage: 20-minute drive-time areas around hospitals and health centres written to
  the store (jitasa:serviceareas), then jitasa:coveragegaps over Phetchabun (30 minutes to an open facility with room),
  loaded through the toolbox's result handling into the "Jitasa planning" group;
- JITASA_DEMO_PLANNING=plan: made-up per-tambon vaccination counts (seeded; target the tambon's population
  or 2,000–12,000, 35–95 % covered) imported with jitasa:importcoveragecounts, then jitasa:vaccinationplan
  with K = 5 units within 20 minutes; the plan's log is shown in a "Plan report" dock beside the map.

Only for demos and screenshots; every step is an ordinary algorithm run, as an analyst would do it."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

SERVICE = os.environ.get("JITASA_DEMO_SERVICE", "jitasa_demo")
CAMPAIGN = "covid19_dose2"


class _Log:
    """A feedback whose lines are kept for the report dock."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        self.lines: list[str] = []
        log = self

        class Feedback(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802 (Qt's name)
                log.lines.append(info)
                super().pushInfo(info)

        self.feedback = Feedback()


def _tambon_rows():
    import psycopg2

    conn = psycopg2.connect(service=SERVICE)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT code, population FROM jitasa.admin_area WHERE level = 'tambon' ORDER BY code")
            return cur.fetchall()
    finally:
        conn.close()


def _counts_file() -> Path:
    rng = random.Random(12)
    path = Path(tempfile.mkdtemp(prefix="jitasa-demo-counts-")) / "วัคซีนรายตำบล.csv"
    lines = ["รหัสตำบล,ประชากรเป้าหมาย,ได้รับวัคซีน,วันที่"]
    for code, population in _tambon_rows():
        target = int(population) if population else rng.randint(2000, 12000)
        covered = int(target * rng.uniform(0.35, 0.95))
        lines.append(f"{code},{target},{covered},15/08/2564")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _zoom_to_planning() -> None:
    """The canvas on the planning group's polygons (the province)."""
    from qgis.core import QgsCoordinateTransform, QgsProject, QgsWkbTypes
    from qgis.utils import iface

    from jitasa_qgis.layers.planning_group import planning_group

    for node in planning_group().findLayers():
        layer = node.layer()
        if layer is not None and layer.geometryType() == QgsWkbTypes.PolygonGeometry:
            canvas = iface.mapCanvas()
            transform = QgsCoordinateTransform(
                layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance()
            )
            extent = transform.transformBoundingBox(layer.extent())
            extent.scale(1.05)
            canvas.setExtent(extent)
            canvas.refresh()
            return


STORE_LAYERS_SHOWN = {"admin_province", "admin_amphoe", "facility", "road_segment"}


def _tidy() -> None:
    """The planning group open with its legends; of the store's layers only boundaries, facilities and roads;
    the browser and the operations dock closed, so the map and the legend are what one sees."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtWidgets import QDockWidget
    from qgis.utils import iface, plugins

    from jitasa_qgis.layers.planning_group import planning_group

    root = QgsProject.instance().layerTreeRoot()
    for node in root.findLayers():
        key = node.layer().customProperty("jitasa/layer") if node.layer() is not None else None
        if key is not None:
            node.setItemVisibilityChecked(key in STORE_LAYERS_SHOWN)
            node.setExpanded(False)
            if node.parent() is not None and node.parent() is not root:
                node.parent().setExpanded(False)

    def expand() -> None:  # later: the store group reloads its layers first, and the view with them
        group = planning_group()
        view = iface.layerTreeView()
        view.expandAll()  # (a node's setExpanded alone does not reach the 3.22 view here)
        for child in root.children():  # by name: sip may wrap one node in two Python objects
            if child.name() != group.name():
                view.collapse(view.node2index(child))
        layers_dock = iface.mainWindow().findChild(QDockWidget, "Layers")
        if layers_dock is not None:
            iface.mainWindow().resizeDocks([layers_dock], [400], Qt.Horizontal)

    def expand_logged() -> None:
        try:
            expand()
        except Exception:  # a demo: say why in the log file, never stop QGIS
            import traceback

            Path(tempfile.gettempdir(), "jitasa_planning_demo.log").write_text(traceback.format_exc(), "utf-8")

    for delay in (4000, 20000, 60000):  # again after the store layers' reloads
        QTimer.singleShot(delay, expand_logged)
    for dock in iface.mainWindow().findChildren(QDockWidget):
        if dock.objectName() in ("Browser", "Browser2"):
            dock.hide()
    plugin_dock = getattr(plugins.get("jitasa_qgis"), "dock", None)
    if plugin_dock is not None:
        plugin_dock.setUserVisible(False)


def _report_dock(title: str, lines: list[str]) -> None:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget, QPlainTextEdit
    from qgis.utils import iface

    dock = QDockWidget(title, iface.mainWindow())
    text = QPlainTextEdit("\n".join(line for line in lines if not line.startswith("Results:")))
    text.setReadOnly(True)
    dock.setWidget(text)
    iface.addDockWidget(Qt.RightDockWidgetArea, dock)
    dock.setMinimumWidth(440)
    _report_dock.keep = dock


def coverage() -> None:
    import processing

    processing.run(
        "jitasa:serviceareas",
        {
            "SERVICE": SERVICE,
            "METHOD": 1,
            "KINDS": "hospital,health_centre",
            "THRESHOLDS": "20",
            "WRITE_TO_STORE": True,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    log = _Log()
    processing.runAndLoadResults(
        "jitasa:coveragegaps",
        {
            "SERVICE": SERVICE,
            "AREA": "67",
            "MAX_MINUTES": 30,
            "SERVICE_AREA_KINDS": "drive_time",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "UNCOVERED": "TEMPORARY_OUTPUT",
        },
        feedback=log.feedback,
    )
    _tidy()
    _zoom_to_planning()
    _report_dock("Coverage gaps — log", log.lines)


def plan() -> None:
    import processing

    log = _Log()
    processing.run(
        "jitasa:importcoveragecounts",
        {"SERVICE": SERVICE, "FILE": str(_counts_file()), "CAMPAIGN": CAMPAIGN, "OUTPUT": "TEMPORARY_OUTPUT"},
        feedback=log.feedback,
    )
    log.lines.append("")
    processing.runAndLoadResults(
        "jitasa:vaccinationplan",
        {
            "SERVICE": SERVICE,
            "CAMPAIGN": CAMPAIGN,
            "K": 5,
            "THRESHOLD": 20,
            "AREA": "67",
            "OUTPUT": "TEMPORARY_OUTPUT",
            "COVERAGE": "TEMPORARY_OUTPUT",
        },
        feedback=log.feedback,
    )
    _tidy()
    _zoom_to_planning()
    _report_dock("Plan report", log.lines)


def start() -> None:
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import iface

    window = iface.mainWindow()
    window.showMaximized()
    window.setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager under Xvfb
    what = os.environ.get("JITASA_DEMO_PLANNING", "coverage")
    if what == "plan":
        plan()
    else:
        coverage()


if __name__ in ("__main__", "builtins") or "--code" in __import__("sys").argv:
    from qgis.PyQt.QtCore import QTimer

    QTimer.singleShot(3000, start)  # after the project has opened and the plugin has loaded
