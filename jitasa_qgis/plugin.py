"""Wiring only: translator, actions, toolbar and menu, the Processing provider, the operations dock, the
"Assign volunteer" map tool and its panel, the Import / export submenu. `unload()` undoes each."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from . import log_handler
from .definitions.i18n import load_translator, translate
from .definitions.paths import I18N_DIR, ICONS_DIR

CTX = "JitasaPlugin"
LOG = logging.getLogger(__name__)

# The Import / export submenu: each opens its Processing dialog (an id not registered is greyed out).
IMPORT_EXPORT_ALGORITHMS = (
    "jitasa:importadminareas",
    "jitasa:importfacilities",
    "jitasa:importvolunteers",
    "jitasa:importrequests",
    "jitasa:syncfeed",
    "jitasa:export",
)


def _import_export_text(algorithm_id: str) -> str:
    return {
        "jitasa:importadminareas": lambda: translate("JitasaPlugin", "Admin areas (province, amphoe, tambon)…"),
        "jitasa:importfacilities": lambda: translate("JitasaPlugin", "Facilities…"),
        "jitasa:importvolunteers": lambda: translate("JitasaPlugin", "Volunteer rosters…"),
        "jitasa:importrequests": lambda: translate("JitasaPlugin", "Help requests from a file…"),
        "jitasa:syncfeed": lambda: translate("JitasaPlugin", "Sync the public-app feed…"),
        "jitasa:export": lambda: translate("JitasaPlugin", "Export data…"),
    }[algorithm_id]()


class JitasaPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.toolbar = None
        self.actions: list[QAction] = []
        self.translator = None
        self._log_handler = None
        self.dock = None
        self.dock_action = None
        self.live = None
        self.alerts = None
        self.assign_panel = None
        self.assign_tool = None
        self.assign_action = None
        self.draw_area_tool = None
        self.draw_area_action = None
        self.edit_area_tool = None
        self.edit_area_action = None
        self.service_area_form = None
        self.print_dialog = None
        self.call_sheets_dialog = None
        self.situation_report_dialog = None
        self.session = None  # the one store session of the dock and the Assign panel
        self.import_menu = None
        self.import_actions: dict[str, QAction] = {}
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
        self._add_action("load_layers.svg", translate("JitasaPlugin", "Load Jitasa layers"), self.load_layers)
        from .gui.store_session import StoreSession
        from .store.qgis_connections import current_location

        self.session = StoreSession(current_location)
        self._add_dock()
        self._add_assign_tool()
        self._add_draw_area_tool()
        self._add_edit_area_tool()
        self._add_menu_action(translate("JitasaPlugin", "Load demo data…"), self.load_demo_data)
        self._add_import_menu()
        self._add_menu_action(translate("JitasaPlugin", "Print a map or an atlas…"), self.show_print_dialog)
        self._add_menu_action(translate("JitasaPlugin", "Print call sheets…"), self.show_call_sheets_dialog)
        self._add_menu_action(translate("JitasaPlugin", "Situation report…"), self.show_situation_report_dialog)
        from .printing import expressions

        expressions.register()  # jitasa_thai_date() in layouts, labels and the field calculator

    def _add_action(self, icon: str, text: str, slot) -> QAction:
        action = QAction(QIcon(str(ICONS_DIR / icon)), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.toolbar.addAction(action)
        self.iface.addPluginToMenu(translate("JitasaPlugin", "&Jitasa"), action)
        self.actions.append(action)
        return action

    def _add_menu_action(self, text: str, slot) -> QAction:
        """An action in the Jitasa menu only (not on the toolbar)."""
        action = QAction(text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(translate("JitasaPlugin", "&Jitasa"), action)
        self.actions.append(action)
        return action

    def _add_import_menu(self) -> None:
        """Menu ▸ Import / export: the Processing dialogs of the importers, the feed sync and the export."""
        self.import_menu = QMenu(translate("JitasaPlugin", "Import / export data"), self.iface.mainWindow())
        self.import_menu.setObjectName("JitasaImportMenu")
        for algorithm_id in IMPORT_EXPORT_ALGORITHMS:
            if algorithm_id == "jitasa:syncfeed":
                self.import_menu.addSeparator()
            action = self.import_menu.addAction(_import_export_text(algorithm_id))
            action.setObjectName(algorithm_id)
            action.triggered.connect(lambda _checked=False, a=algorithm_id: self.open_algorithm(a))
            self.import_actions[algorithm_id] = action
        self.import_menu.aboutToShow.connect(self._update_import_menu)
        self._update_import_menu()
        self.iface.addPluginToMenu(translate("JitasaPlugin", "&Jitasa"), self.import_menu.menuAction())

    def _update_import_menu(self) -> None:
        """Grey out what is not registered (yet): the menu is built before every algorithm may be there."""
        registry = QgsApplication.processingRegistry()
        for algorithm_id, action in self.import_actions.items():
            present = registry.algorithmById(algorithm_id) is not None
            if not present and action.isEnabled():
                LOG.info("%s is not registered; its menu entry is greyed out", algorithm_id)
            action.setEnabled(present)

    def open_algorithm(self, algorithm_id: str):
        """Open an algorithm's Processing dialog (modal); its results, or None when it is not registered."""
        if QgsApplication.processingRegistry().algorithmById(algorithm_id) is None:
            LOG.info("%s is not registered", algorithm_id)
            return None
        import processing

        return processing.execAlgorithmDialog(algorithm_id, {})

    def _add_dock(self) -> None:
        from .gui.operations_dock import OperationsDock

        self.dock = OperationsDock(session=self.session, iface=self.iface, parent=self.iface.mainWindow())
        self.dock.setObjectName("JitasaOperationsDock")
        self.dock.request_activated.connect(self.zoom_to_request)
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock_action = self._add_action(
            "jitasa.svg",
            translate("JitasaPlugin", "Operations dock"),
            lambda checked: self.dock.setUserVisible(checked),
        )
        self.dock_action.setCheckable(True)
        self.dock.visibilityChanged.connect(self.dock_action.setChecked)

    def _add_assign_tool(self) -> None:
        """The checkable "Assign volunteer" action sets the pick tool on the canvas; a picked request goes to
        the panel, which does the rest."""
        from .gui.assign_panel import AssignPanel
        from .gui.pick_request_tool import PickRequestTool

        canvas = self.iface.mapCanvas()
        self.assign_panel = AssignPanel(
            session=self.session, iface=self.iface, canvas=canvas, parent=self.iface.mainWindow()
        )
        self.iface.addDockWidget(Qt.RightDockWidgetArea, self.assign_panel)
        self.assign_panel.hide()
        self.assign_tool = PickRequestTool(canvas)
        self.assign_tool.request_picked.connect(self.assign_panel.show_request)
        self.assign_action = self._add_action(
            "assign.svg", translate("JitasaPlugin", "Assign volunteer"), self._assign_action_triggered
        )
        self.assign_action.setCheckable(True)
        self.assign_action.setToolTip(
            translate("JitasaPlugin", "Assign volunteer: click a help request on the map to see who can help")
        )
        self.assign_tool.setAction(self.assign_action)

    def _assign_action_triggered(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas()
        if checked:
            canvas.setMapTool(self.assign_tool)
            if not self.assign_panel.isUserVisible():
                self.assign_panel.setUserVisible(True)
        elif canvas.mapTool() is self.assign_tool:
            canvas.unsetMapTool(self.assign_tool)

    def _add_draw_area_tool(self) -> None:
        """The checkable "Draw service area" action sets the drawing tool; a drawn polygon opens its form."""
        from .gui.draw_area_tool import DrawAreaTool

        self.draw_area_tool = DrawAreaTool(self.iface.mapCanvas())
        self.draw_area_tool.polygon_drawn.connect(self.open_service_area_form)
        self.draw_area_action = self._add_action(
            "draw_area.svg", translate("JitasaPlugin", "Draw service area"), self._draw_area_action_triggered
        )
        self.draw_area_action.setCheckable(True)
        self.draw_area_action.setToolTip(
            translate(
                "JitasaPlugin",
                "Draw a service area: click its corners (they snap to boundaries and other service areas), "
                "right click or Enter to finish, Backspace to undo a corner, Esc to start again",
            )
        )
        self.draw_area_tool.setAction(self.draw_area_action)

    def _draw_area_action_triggered(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas()
        if checked:
            canvas.setMapTool(self.draw_area_tool)
        elif canvas.mapTool() is self.draw_area_tool:
            canvas.unsetMapTool(self.draw_area_tool)

    def _add_edit_area_tool(self) -> None:
        """The checkable "Edit service area" action: a click on an area opens its form (Save, Delete)."""
        from .gui.pick_area_tool import PickAreaTool

        self.edit_area_tool = PickAreaTool(self.iface.mapCanvas())
        self.edit_area_tool.area_picked.connect(self.open_service_area_for_edit)
        self.edit_area_action = self._add_action(
            "edit_area.svg", translate("JitasaPlugin", "Edit service area"), self._edit_area_action_triggered
        )
        self.edit_area_action.setCheckable(True)
        self.edit_area_action.setToolTip(
            translate(
                "JitasaPlugin",
                "Edit service area: click an area to change its name, kind, team or amphoe, or to delete it",
            )
        )
        self.edit_area_tool.setAction(self.edit_area_action)

    def _edit_area_action_triggered(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas()
        if checked:
            canvas.setMapTool(self.edit_area_tool)
        elif canvas.mapTool() is self.edit_area_tool:
            canvas.unsetMapTool(self.edit_area_tool)

    def open_service_area_for_edit(self, area_id: int):
        """The form of a stored service area, read now with its version; returns it, or None."""
        from qgis.core import QgsGeometry

        from .services.service_area_editing import read_area
        from .store.errors import StoreError
        from .store.qgis_connections import current_location

        try:
            area = read_area(current_location(), area_id)
        except StoreError as exc:
            self.iface.messageBar().pushMessage(translate("JitasaPlugin", "Jitasa"), str(exc), Qgis.Critical, 0)
            return None
        if area is None:
            self.iface.messageBar().pushMessage(
                translate("JitasaPlugin", "Jitasa"),
                translate("JitasaPlugin", "That service area no longer exists (someone deleted it)."),
                Qgis.Warning,
                5,
            )
            self._service_area_saved(None)
            return None
        return self.open_service_area_form(QgsGeometry.fromWkt(area.wkt), area)

    def open_service_area_form(self, geometry, area=None):
        """The form for a drawn polygon (EPSG:4326), or for a stored `area` (a ServiceAreaRow) with its
        polygon, on the connected store; returns it, or None."""
        from .gui.service_area_form import ServiceAreaForm
        from .services.service_area_editing import form_choices
        from .store.errors import StoreError
        from .store.qgis_connections import current_location

        try:
            location = current_location()
            choices = form_choices(location)  # two small reads: facilities and amphoe
        except StoreError as exc:
            self.iface.messageBar().pushMessage(translate("JitasaPlugin", "Jitasa"), str(exc), Qgis.Critical, 0)
            return None
        if self.service_area_form is not None:
            self.service_area_form.close()
            self.service_area_form.deleteLater()
        self.service_area_form = ServiceAreaForm(location, geometry, choices, area, parent=self.iface.mainWindow())
        self.service_area_form.saved.connect(self._service_area_saved)
        self.service_area_form.show()
        return self.service_area_form

    def _service_area_saved(self, _result) -> None:
        from .layers.store_layers import find_store_layers

        for layer in find_store_layers("service_area"):
            layer.reload()
            layer.triggerRepaint()

    def show_print_dialog(self):
        """Menu ▸ Print a map or an atlas…: the Print dialog on the connected store; returns it."""
        from .gui.print_dialog import PrintDialog

        return self._show_dialog("print_dialog", PrintDialog)

    def show_call_sheets_dialog(self):
        """Menu ▸ Print call sheets…: the call-sheets dialog on the connected store; returns it."""
        from .gui.call_sheets_dialog import CallSheetsDialog

        return self._show_dialog("call_sheets_dialog", CallSheetsDialog)

    def show_situation_report_dialog(self):
        """Menu ▸ Situation report…: the situation-report dialog on the connected store; returns it."""
        from .gui.situation_report_dialog import SituationReportDialog

        return self._show_dialog("situation_report_dialog", SituationReportDialog)

    def _show_dialog(self, attribute: str, dialog_class):
        """One dialog of `dialog_class(location_of, parent)` kept in `attribute`, shown and raised again."""
        from .store.qgis_connections import current_location

        dialog = getattr(self, attribute)
        if dialog is None:
            dialog = dialog_class(current_location, parent=self.iface.mainWindow())
            setattr(self, attribute, dialog)
        dialog.show()
        dialog.raise_()
        return dialog

    def show_connect_dialog(self) -> None:
        from .gui.connect_dialog import ConnectDialog

        if ConnectDialog(self.iface.mainWindow()).exec_():
            self.load_layers()

    def load_layers(self) -> None:
        """Add the styled layer group from the connected store and start listening for changes."""
        from .layers.store_layers import load_jitasa_layers
        from .store.errors import StoreError
        from .store.qgis_connections import current_location

        title = translate("JitasaPlugin", "Jitasa")
        try:
            location = current_location()
            _layers, failed = load_jitasa_layers(location)
        except StoreError as exc:
            self.iface.messageBar().pushMessage(title, str(exc), Qgis.Critical, 0)
            return
        from .definitions import settings

        settings.set_current_store(location.choice)  # the Processing algorithms' default store
        if failed:
            self.iface.messageBar().pushMessage(
                title,
                translate("JitasaPlugin", "Some layers failed to load: {0}").format(", ".join(failed)),
                Qgis.Warning,
                10,
            )
        self._start_live(location)
        if self.dock is not None:
            self.dock.refresh()

    def _start_live(self, location) -> None:
        from .definitions import settings
        from .gui.live_alerts import LiveAlerts
        from .layers.live_refresh import LiveRefresh

        self._stop_live()
        self.live = LiveRefresh(location, fallback_interval_s=settings.get(settings.KEY_REFRESH_FALLBACK_S))
        self.alerts = LiveAlerts(self.iface, self.live)
        if self.dock is not None:
            self.live.changed.connect(self._on_store_change)
            self.alerts.status_text.connect(self.dock.set_store_status)
        self.live.start()

    def _on_store_change(self, change) -> None:
        if change.table in ("help_request", "volunteer", "facility", "assignment"):
            self.dock.refresh()
        if self.assign_panel is not None and change.table in ("help_request", "volunteer", "assignment"):
            self.assign_panel.schedule_refresh()

    def _stop_live(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
            self.live = None
        if self.alerts is not None:
            self.alerts.close()
            self.alerts.deleteLater()
            self.alerts = None

    def load_demo_data(self):
        """Menu ▸ Load demo data…: the seeded demo into the connected store, as a background task shown in the
        dock (and QGIS's task manager); returns the task's handle, or None."""
        from .gui.demo_loading_action import start_demo_loading

        if self.dock is None:
            return None
        self.dock.setUserVisible(True)
        return start_demo_loading(self.dock, self.iface)

    def zoom_to_request(self, request_id: int) -> None:
        from .layers.store_layers import find_store_layers

        canvas = self.iface.mapCanvas()
        for layer in find_store_layers("help_request"):
            feature = next(layer.getFeatures(QgsFeatureRequest(request_id)), None)
            if feature is None or not feature.hasGeometry():
                continue
            layer.selectByIds([request_id])
            self.iface.setActiveLayer(layer)
            canvas.setExtent(
                canvas.mapSettings().layerExtentToOutputExtent(layer, feature.geometry().boundingBox().buffered(0.01))
            )
            canvas.refresh()
            canvas.flashFeatureIds(layer, [request_id])
            return

    def unload(self) -> None:
        self._stop_live()
        if self.import_menu is not None:
            self.iface.removePluginMenu(translate("JitasaPlugin", "&Jitasa"), self.import_menu.menuAction())
            self.import_menu.deleteLater()
            self.import_menu = None
        self.import_actions = {}
        if self.assign_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.assign_tool:
                canvas.unsetMapTool(self.assign_tool)
            self.assign_tool.deleteLater()
            self.assign_tool = None
        if self.assign_panel is not None:
            self.assign_panel.unload()
            self.iface.removeDockWidget(self.assign_panel)
            self.assign_panel.deleteLater()
            self.assign_panel = None
        self.assign_action = None
        if self.draw_area_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.draw_area_tool:
                canvas.unsetMapTool(self.draw_area_tool)
            self.draw_area_tool.unload()
            self.draw_area_tool.deleteLater()
            self.draw_area_tool = None
        self.draw_area_action = None
        if self.edit_area_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.edit_area_tool:
                canvas.unsetMapTool(self.edit_area_tool)
            self.edit_area_tool.deleteLater()
            self.edit_area_tool = None
        self.edit_area_action = None
        if self.service_area_form is not None:
            self.service_area_form.close()
            self.service_area_form.deleteLater()
            self.service_area_form = None
        for attribute in ("print_dialog", "call_sheets_dialog", "situation_report_dialog"):
            dialog = getattr(self, attribute)
            if dialog is not None:
                dialog.reject()  # cancels a running task
                dialog.deleteLater()
                setattr(self, attribute, None)
        from .printing import expressions

        expressions.unregister()
        if self.dock is not None:
            self.dock.cancel_task()  # a running task's result has no dock to go to any more
            self.iface.removeDockWidget(self.dock)
            self.dock.close_store()
            self.dock.deleteLater()
            self.dock = None
        self.dock_action = None
        if self.session is not None:
            self.session.close()
            self.session = None
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
