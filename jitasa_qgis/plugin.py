"""Wiring only: translator, actions, toolbar and menu, the Processing provider. `unload()` undoes each."""
from __future__ import annotations

import logging

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import log_handler
from .definitions.i18n import load_translator, translate
from .definitions.paths import I18N_DIR, ICONS_DIR

CTX = "JitasaPlugin"
LOG = logging.getLogger(__name__)


class JitasaPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.translator = None
        self._log_handler = None
        self._install_translator()

    def _install_translator(self) -> None:
        locale = QgsSettings().value("locale/userLocale", "") or ""
        self.translator = load_translator(str(locale), I18N_DIR)
        if self.translator is not None:
            QCoreApplication.installTranslator(self.translator)

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API name
        from .processing.provider import JitasaProvider

        if self.provider is None:
            self.provider = JitasaProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API name
        self._log_handler = log_handler.install()
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(translate("JitasaPlugin", "Jitasa"))
        self.toolbar.setObjectName("JitasaToolbar")
        self._add_action("connect.svg", translate("JitasaPlugin", "Connect to Jitasa store…"), self.show_connect_dialog)

    def _add_action(self, icon: str, text: str, slot) -> QAction:
        action = QAction(QIcon(str(ICONS_DIR / icon)), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.iface.addPluginToMenu(translate("JitasaPlugin", "&Jitasa"), action)
        self.actions.append(action)
        return action

    def show_connect_dialog(self) -> None:
        from .gui.connect_dialog import ConnectDialog

        ConnectDialog(self.iface.mainWindow()).exec_()

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(translate("JitasaPlugin", "&Jitasa"), action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        if self._log_handler is not None:
            log_handler.uninstall(self._log_handler)
            self._log_handler = None
