"""The plugin's print wiring: jitasa_thai_date registered by initGui and removed by unload (also when a
second load follows), the Print action opens one Print dialog, and unload closes it."""

from __future__ import annotations

from qgis.core import QgsExpression, QgsExpressionContext

import jitasa_qgis


def test_expression_function_and_print_action(qgis_iface):
    assert not QgsExpression.isFunctionName("jitasa_thai_date")
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert QgsExpression.isFunctionName("jitasa_thai_date")
        value = QgsExpression("jitasa_thai_date(make_date(2024,2,29), 'short', false)").evaluate(QgsExpressionContext())
        assert value == "29 ก.พ. 2567"
        texts = [a.text() for a in plugin.actions]
        assert "Print a map or an atlas…" in texts
        action = next(a for a in plugin.actions if a.text() == "Print a map or an atlas…")
        action.trigger()
        dialog = plugin.print_dialog
        assert dialog is not None and dialog.isVisible()
        action.trigger()
        assert plugin.print_dialog is dialog  # one dialog, raised again
    finally:
        plugin.unload()
    assert not QgsExpression.isFunctionName("jitasa_thai_date")
    assert plugin.print_dialog is None
    plugin = jitasa_qgis.classFactory(qgis_iface)
    plugin.initGui()
    assert QgsExpression.isFunctionName("jitasa_thai_date")
    plugin.unload()
    assert not QgsExpression.isFunctionName("jitasa_thai_date")
