"""A demo action for screenshots (JITASA_DEMO_CODE=tools/demo_call_sheets_dialog.py make run): the menu's
Print call sheets… dialog for amphoe Wang Pong, a page per team, printed as a background task, so the picture
shows the dialog with its options and what was written."""

import tempfile
from pathlib import Path

from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins


def _open() -> None:
    dialog = plugins["jitasa_qgis"].show_call_sheets_dialog()
    dialog.area_level.setCurrentIndex(dialog.area_level.findData("amphoe"))
    dialog.area.setText("วังโป่ง")
    dialog.per.setCurrentIndex(dialog.per.findData(True))
    dialog.only_assigned.setChecked(True)
    dialog.office.setText("สำนักงานสาธารณสุขจังหวัดเพชรบูรณ์ (สาธิต)")
    dialog.output.setFilePath(str(Path(tempfile.gettempdir()) / "ใบงาน_วังโป่ง_ทีม.pdf"))
    dialog.adjustSize()
    window = iface.mainWindow().geometry()
    dialog.move(window.center().x() - dialog.width() // 2, window.top() + 120)
    dialog.start()


QTimer.singleShot(500, _open)
