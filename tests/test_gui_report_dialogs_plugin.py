"""The plugin's menu entries for call sheets and the situation report: each opens one dialog (raised again on
a second trigger), and unload closes both."""

from __future__ import annotations

import jitasa_qgis
from jitasa_qgis.gui.call_sheets_dialog import CallSheetsDialog
from jitasa_qgis.gui.situation_report_dialog import SituationReportDialog


def test_the_menu_opens_one_dialog_each_and_unload_closes_them(qgis_iface):
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        actions = {a.text(): a for a in plugin.actions}
        for text, attribute, kind in (
            ("Print call sheets…", "call_sheets_dialog", CallSheetsDialog),
            ("Situation report…", "situation_report_dialog", SituationReportDialog),
        ):
            actions[text].trigger()
            dialog = getattr(plugin, attribute)
            assert isinstance(dialog, kind) and dialog.isVisible()
            actions[text].trigger()
            assert getattr(plugin, attribute) is dialog  # one dialog, raised again
        opened = [plugin.call_sheets_dialog, plugin.situation_report_dialog]
    finally:
        plugin.unload()
    assert plugin.call_sheets_dialog is None and plugin.situation_report_dialog is None
    assert not any(d.isVisible() for d in opened)
    assert plugin.actions == []
