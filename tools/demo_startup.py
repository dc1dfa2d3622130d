"""Run by QGIS at start (`--code`, see tools/devstore.py) for demos and screenshots, when one of these is set:
- JITASA_DEMO_TAB names a tab page of the operations dock (e.g. feed_tab): the dock opens on that tab;
- JITASA_DEMO_LAYERS lists store layer keys (e.g. service_area,road_segment,facility,admin_amphoe): only
  those Jitasa layers are shown, and the dock stays closed unless JITASA_DEMO_TAB is set too;
- JITASA_DEMO_CODE names a Python file run a moment later (e.g. tools/demo_draw_area.py: a service area
  drawn and its form open), for screenshots of one action.
The main window is maximised either way, so a screenshot shows the whole map."""

import os

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QWidget
from qgis.utils import iface, plugins

LAYER_PROPERTY = "jitasa/layer"  # as jitasa_qgis.layers.store_layers marks its layers


def _show_only(keys: set) -> None:
    root = QgsProject.instance().layerTreeRoot()
    for node in root.findLayers():
        key = node.layer().customProperty(LAYER_PROPERTY) if node.layer() is not None else None
        if key is not None:
            node.setItemVisibilityChecked(key in keys)


def _start() -> None:
    window = iface.mainWindow()
    window.showMaximized()
    window.setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager under Xvfb
    keys = {k.strip() for k in os.environ.get("JITASA_DEMO_LAYERS", "").split(",") if k.strip()}
    if keys:
        _show_only(keys)
    plugin = plugins.get("jitasa_qgis")
    dock = getattr(plugin, "dock", None)
    tab = os.environ.get("JITASA_DEMO_TAB", "")
    if dock is None:
        return
    if not tab:
        dock.setUserVisible(False)
        return
    dock.setUserVisible(True)
    page = dock.tabs.findChild(QWidget, tab)
    if page is not None:
        dock.tabs.setCurrentWidget(page)
    dock.raise_()


def _run_code() -> None:
    path = os.environ.get("JITASA_DEMO_CODE", "")
    if path:
        with open(path, encoding="utf-8") as f:
            exec(compile(f.read(), path, "exec"), {"__name__": "__jitasa_demo__"})  # noqa: S102 - a demo script


QTimer.singleShot(2000, _start)
QTimer.singleShot(4000, _run_code)  # after the project has opened and the dock has read the store
