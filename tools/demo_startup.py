"""Run by QGIS at start (`--code`, see tools/devstore.py) when JITASA_DEMO_TAB names a tab page of the
operations dock (e.g. feed_tab): shows the dock on that tab, for demos and screenshots."""

import os

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QWidget
from qgis.utils import plugins


def _show_tab() -> None:
    plugin = plugins.get("jitasa_qgis")
    dock = getattr(plugin, "dock", None)
    if dock is None:
        return
    dock.setUserVisible(True)
    page = dock.tabs.findChild(QWidget, os.environ.get("JITASA_DEMO_TAB", ""))
    if page is not None:
        dock.tabs.setCurrentWidget(page)
    dock.raise_()


QTimer.singleShot(2000, _show_tab)  # after the project has opened and the dock has read the store
