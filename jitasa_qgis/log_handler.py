"""Route the package's Python logging into the QGIS message log, tab "Jitasa"."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "Jitasa"
_LEVELS = {
    logging.DEBUG: Qgis.Info,
    logging.INFO: Qgis.Info,
    logging.WARNING: Qgis.Warning,
    logging.ERROR: Qgis.Critical,
    logging.CRITICAL: Qgis.Critical,
}


class QgsMessageLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            level = _LEVELS.get(record.levelno, Qgis.Info)
            QgsMessageLog.logMessage(self.format(record), TAG, level, notifyUser=False)
        except Exception:  # noqa: BLE001 - logging must never raise into the caller
            self.handleError(record)


def install() -> QgsMessageLogHandler:
    handler = QgsMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger("jitasa_qgis")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def uninstall(handler: QgsMessageLogHandler) -> None:
    logging.getLogger("jitasa_qgis").removeHandler(handler)
