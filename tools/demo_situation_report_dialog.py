"""A demo action for screenshots (JITASA_DEMO_CODE=tools/demo_situation_report_dialog.py make run): the menu's
Situation report… dialog for the province, PDF and XLSX, made as a background task, so the picture shows the
dialog with its options and what was written."""

import tempfile
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins


def _open() -> None:
    dialog = plugins["jitasa_qgis"].show_situation_report_dialog()
    dialog.area_level.setCurrentIndex(dialog.area_level.findData("province"))
    dialog.area.setText("เพชรบูรณ์")
    dialog.office.setText("สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์ (สาธิต)")
    folder = Path(tempfile.gettempdir())
    dialog.output.setFilePath(str(folder / "รายงานสถานการณ์.pdf"))
    dialog.tables.setFilePath(str(folder / "รายงานสถานการณ์.xlsx"))
    dialog.adjustSize()
    window = iface.mainWindow().geometry()
    dialog.move(window.center().x() - dialog.width() // 2, window.top() + 120)
    dialog.start()


QTimer.singleShot(500, _open)
