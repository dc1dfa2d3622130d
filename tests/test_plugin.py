"""The plugin shell: load, unload, load again leaves exactly one of everything; Thai translation works."""

from __future__ import annotations

import subprocess

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QToolBar

import jitasa_qgis
from jitasa_qgis.definitions.i18n import load_translator, qm_path_for_locale
from jitasa_qgis.definitions.paths import I18N_DIR


def _providers() -> list[str]:
    return [p.id() for p in QgsApplication.processingRegistry().providers() if p.id() == "jitasa"]


def _toolbars(iface) -> list[QToolBar]:
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # let deleteLater() run
    return [t for t in iface.mainWindow().findChildren(QToolBar, "JitasaToolbar")]


def _docks(iface, name: str) -> list[QDockWidget]:
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    return iface.mainWindow().findChildren(QDockWidget, name)


def _assign_actions(iface) -> list[QAction]:
    return [a for t in _toolbars(iface) for a in t.actions() if a.text() == "Assign volunteer"]


def test_load_unload_load_leaves_no_duplicates(qgis_iface):
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    assert _providers() == ["jitasa"]
    assert len(_toolbars(qgis_iface)) == 1
    assert len(plugin.actions) >= 1
    algorithms = {a.id() for a in QgsApplication.processingRegistry().providerById("jitasa").algorithms()}
    assert {"jitasa:createdatabase", "jitasa:loaddemodata", "jitasa:loadlayers"} <= algorithms
    assert len(qgis_iface.mainWindow().findChildren(QDockWidget, "JitasaOperationsDock")) == 1
    assert len(_docks(qgis_iface, "JitasaAssignPanel")) == 1
    assert len(_assign_actions(qgis_iface)) == 1
    # the action sets the pick tool on the canvas (and shows the panel); unchecking unsets it
    canvas = qgis_iface.mapCanvas()
    plugin.assign_action.trigger()
    assert canvas.mapTool() is plugin.assign_tool and plugin.assign_action.isChecked()
    assert not plugin.assign_panel.isHidden()  # shown (the test main window itself is hidden)
    plugin.assign_action.trigger()
    assert canvas.mapTool() is not plugin.assign_tool
    plugin.assign_action.trigger()  # leave it active: unload must unset it

    plugin.unload()
    assert canvas.mapTool() is None
    assert _providers() == []
    assert _toolbars(qgis_iface) == []
    assert plugin.actions == []
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert qgis_iface.mainWindow().findChildren(QDockWidget, "JitasaOperationsDock") == []
    assert _docks(qgis_iface, "JitasaAssignPanel") == []

    again = jitasa_qgis.classFactory(qgis_iface)
    again.initGui()
    assert _providers() == ["jitasa"]
    assert len(_toolbars(qgis_iface)) == 1
    assert len(qgis_iface.mainWindow().findChildren(QDockWidget, "JitasaOperationsDock")) == 1
    assert len(_docks(qgis_iface, "JitasaAssignPanel")) == 1
    assert len(_assign_actions(qgis_iface)) == 1
    again.unload()
    assert _docks(qgis_iface, "JitasaAssignPanel") == []
    assert _providers() == []


def test_import_submenu_added_and_removed(qgis_iface, monkeypatch):
    """Menu ▸ Jitasa ▸ Import / export data: one entry per importer, the feed sync and the export, each opening
    its Processing dialog; what is not registered is greyed out; unload takes the submenu away."""
    import processing
    from qgis.PyQt.QtWidgets import QMenu

    from jitasa_qgis.plugin import IMPORT_EXPORT_ALGORITHMS

    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        menus = qgis_iface.mainWindow().findChildren(QMenu, "JitasaImportMenu")
        assert menus == [plugin.import_menu]
        ids = [a.objectName() for a in plugin.import_menu.actions() if not a.isSeparator()]
        assert ids == list(IMPORT_EXPORT_ALGORITHMS)
        registry = QgsApplication.processingRegistry()
        for algorithm_id, action in plugin.import_actions.items():
            assert action.isEnabled() == (registry.algorithmById(algorithm_id) is not None), algorithm_id
            assert action.text().endswith("…")
        opened = []
        monkeypatch.setattr(processing, "execAlgorithmDialog", lambda alg, params=None: opened.append(alg) or {})
        registered = [a for a in IMPORT_EXPORT_ALGORITHMS if registry.algorithmById(a) is not None]
        assert registered == list(IMPORT_EXPORT_ALGORITHMS)  # every one is in the provider now
        for algorithm_id in registered:
            plugin.import_actions[algorithm_id].trigger()
        assert opened == registered
        assert plugin.open_algorithm("jitasa:nosuchalgorithm") is None and opened == registered
        # an entry whose algorithm is not registered (yet) is greyed out when the menu is shown
        pending = plugin.import_menu.addAction("pending")
        plugin.import_actions["jitasa:notregisteredyet"] = pending
        plugin.import_menu.aboutToShow.emit()
        assert not pending.isEnabled() and plugin.import_actions["jitasa:export"].isEnabled()
    finally:
        plugin.unload()
    assert plugin.import_menu is None and plugin.import_actions == {}
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert qgis_iface.mainWindow().findChildren(QMenu, "JitasaImportMenu") == []


def test_thai_translation_round_trip(tmp_path):
    qm = tmp_path / "jitasa_th.qm"
    subprocess.run(["lrelease", "-silent", str(I18N_DIR / "jitasa_th.ts"), "-qm", str(qm)], check=True)
    assert qm_path_for_locale("th_TH", tmp_path) == qm  # th_TH falls back to the language file
    translator = load_translator("th_TH", tmp_path)
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        text = QCoreApplication.translate("ConnectDialog", "Connect to Jitasa store")
        assert text == "เชื่อมต่อคลังข้อมูลจิตอาสา"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("ConnectDialog", "Connect to Jitasa store") == "Connect to Jitasa store"


def test_no_translator_for_a_language_without_translation(tmp_path):
    assert load_translator("fr_FR", tmp_path) is None
