"""What officers see when the store changes: a message-bar alert and a flash for a new critical request,
and an "offline since HH:MM" notice while the store cannot be heard.

A notification only prompts a look: which requests are new and critical comes from the store (CriticalWatch,
started when this object is made, so requests that were already there are never announced)."""

from __future__ import annotations

import logging
import time

from qgis.core import Qgis
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..definitions.i18n import translate
from ..layers.live_refresh import LiveRefresh
from ..layers.store_layers import find_store_layers
from ..store.critical import CriticalRequest, CriticalWatch
from ..store.listener import Change

LOG = logging.getLogger(__name__)
SHOWN_IDS = 20  # ids named in one alert; a bulk import gives the count and the first ones


def offline_text(since_epoch_s: float) -> str:
    return translate("LiveAlerts", "Offline since {0}").format(time.strftime("%H:%M", time.localtime(since_epoch_s)))


class LiveAlerts(QObject):
    status_text = pyqtSignal(str)  # "" when online

    def __init__(self, iface, live: LiveRefresh, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.live = live
        self._conn = None
        self.watch = CriticalWatch()
        self._start_watch()
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

    def _start_watch(self) -> bool:
        try:
            self.watch.start(self._connection())
        except Exception as exc:  # noqa: BLE001 - no store now: start at the first change we hear
            LOG.warning("could not read the newest request for alerts: %s", exc)
            self.close()
            return False
        return True

    def on_change(self, change: Change) -> None:
        if change.table == "help_request":
            self.check()

    def check(self) -> list[CriticalRequest]:
        """Announce the critical requests that are new since the last check; returns them."""
        if not self.watch.started:
            self._start_watch()  # whatever exists now counts as old
            return []
        try:
            critical = self.watch.check(self._connection())
        except Exception as exc:  # noqa: BLE001 - an alert must never break the refresh
            LOG.warning("could not check for new critical requests: %s", exc)
            self.close()
            return []
        if critical:
            self._announce(critical)
        return critical

    def _announce(self, critical: list[CriticalRequest]) -> None:
        ids = [c.id for c in critical]
        shown = ", #".join(str(i) for i in ids[:SHOWN_IDS]) + (", …" if len(ids) > SHOWN_IDS else "")
        self.iface.messageBar().pushMessage(
            translate("LiveAlerts", "Critical request"),
            translate("LiveAlerts", "{0} new critical request(s): #{1}").format(len(ids), shown),
            Qgis.Critical,
            15,
        )
        canvas = self.iface.mapCanvas()
        for layer in find_store_layers("help_request"):
            canvas.flashFeatureIds(layer, ids)

    def on_offline(self, since: float) -> None:
        self.close()
        text = offline_text(since)
        self.status_text.emit(text)
        self.iface.messageBar().pushMessage(translate("LiveAlerts", "Jitasa store"), text, Qgis.Warning, 10)

    def on_online(self) -> None:
        self.status_text.emit("")
        self.check()  # what arrived while we could not hear
        self.iface.messageBar().pushMessage(
            translate("LiveAlerts", "Jitasa store"), translate("LiveAlerts", "Back online"), Qgis.Success, 5
        )
