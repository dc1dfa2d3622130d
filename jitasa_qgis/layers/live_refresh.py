"""Keep the Jitasa layers current: one listener connection for the whole plugin, not one per layer.

The listener thread hands each Change to the main thread through a queued signal; there, only the layers
fed by the changed table reload. While the listener is offline a timer reloads everything periodically, so
the map still catches up where NOTIFY is unavailable.
"""
from __future__ import annotations

import logging
from typing import Callable

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, Qt, QTimer, pyqtSignal

from ..store.listener import Change, StoreListener
from ..store.qgis_connections import StoreLocation
from .store_layers import LAYER_DEFS, find_store_layers, layer_keys_for_table

LOG = logging.getLogger(__name__)


class LiveRefresh(QObject):
    changed = pyqtSignal(object)  # Change, on the main thread, after the layers were told to reload
    went_offline = pyqtSignal(float)  # epoch seconds when the store went away
    came_online = pyqtSignal()

    _from_listener = pyqtSignal(object)
    _offline_from_listener = pyqtSignal(float)
    _online_from_listener = pyqtSignal()

    def __init__(self, location: StoreLocation, project: QgsProject | None = None,
                 fallback_interval_s: int = 30, parent: QObject | None = None,
                 layer_lookup: Callable[[str], list[QgsVectorLayer]] | None = None):
        super().__init__(parent)
        self.location = location
        self.project = project or QgsProject.instance()
        self._lookup = layer_lookup or (lambda key: find_store_layers(key, self.project))
        self._from_listener.connect(self._on_change, Qt.QueuedConnection)
        self._offline_from_listener.connect(self._on_offline, Qt.QueuedConnection)
        self._online_from_listener.connect(self._on_online, Qt.QueuedConnection)
        self.fallback_timer = QTimer(self)
        self.fallback_timer.setInterval(max(1, fallback_interval_s) * 1000)
        self.fallback_timer.timeout.connect(self.reload_all)
        self.listener = StoreListener(location.spec, on_change=self._from_listener.emit,
                                      on_offline=self._offline_from_listener.emit,
                                      on_online=self._online_from_listener.emit)

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self.fallback_timer.stop()
        self.listener.stop()

    @property
    def offline_since(self) -> float | None:
        return self.listener.offline_since

    def reload_keys(self, keys) -> list[QgsVectorLayer]:
        reloaded = []
        for key in keys:
            for layer in self._lookup(key):
                layer.reload()  # drops the provider's cached features for this layer only
                layer.triggerRepaint()
                reloaded.append(layer)
        return reloaded

    def reload_all(self) -> None:
        self.reload_keys([d.key for d in LAYER_DEFS])

    def _on_change(self, change: Change) -> None:
        self.reload_keys(layer_keys_for_table(change.table))
        self.changed.emit(change)

    def _on_offline(self, since: float) -> None:
        self.fallback_timer.start()
        self.went_offline.emit(since)

    def _on_online(self) -> None:
        self.fallback_timer.stop()
        self.reload_all()  # catch up on whatever happened while we could not hear
        self.came_online.emit()
