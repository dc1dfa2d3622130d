"""What officers see when the store changes: a message-bar alert and a flash for a new critical request,
and an "offline since HH:MM" notice while the store cannot be heard."""
from __future__ import annotations

import logging
import time

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..definitions.i18n import translate
from ..layers.live_refresh import LiveRefresh
from ..layers.store_layers import find_store_layers
from ..store.critical import critical_new_requests
from ..store.errors import StoreError
from ..store.listener import Change

LOG = logging.getLogger(__name__)


def offline_text(since_epoch_s: float) -> str:
    return translate("LiveAlerts", "Offline since {0}").format(time.strftime("%H:%M", time.localtime(since_epoch_s)))


class LiveAlerts(QObject):
    status_text = pyqtSignal(str)  # "" when online

    def __init__(self, iface, live: LiveRefresh, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.live = live
        self._conn = None
        live.changed.connect(self.on_change)
        live.went_offline.connect(self.on_offline)
        live.came_online.connect(self.on_online)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connection(self):
        if self._conn is None or self._conn.closed:
            self._conn = self.live.location.spec.connect()
        return self._conn

    def on_change(self, change: Change) -> None:
        if change.table != "help_request" or change.op != "insert" or not change.ids:
            return
        try:
            critical = critical_new_requests(self._connection(), change.ids)
        except (StoreError, Exception) as exc:  # noqa: BLE001 - an alert must never break the refresh
            LOG.warning("could not check new requests for critical ones: %s", exc)
            self.close()
            return
        if not critical:
            return
        self.iface.messageBar().pushMessage(
            translate("LiveAlerts", "Critical request"),
            translate("LiveAlerts", "{0} new critical request(s): #{1}").format(
                len(critical), ", #".join(str(c.id) for c in critical)),
            Qgis.Critical, 15)
        canvas = self.iface.mapCanvas()
        for layer in find_store_layers("help_request"):
            canvas.flashFeatureIds(layer, [c.id for c in critical])

    def on_offline(self, since: float) -> None:
        self.close()
        text = offline_text(since)
        self.status_text.emit(text)
        self.iface.messageBar().pushMessage(translate("LiveAlerts", "Jitasa store"), text, Qgis.Warning, 10)

    def on_online(self) -> None:
        self.status_text.emit("")
        self.iface.messageBar().pushMessage(translate("LiveAlerts", "Jitasa store"),
                                            translate("LiveAlerts", "Back online"), Qgis.Success, 5)
