"""Keep the Jitasa layers current: one listener connection for the whole plugin, not one per layer.

The listener thread hands each Change to the main thread through a queued signal. A notification is only a
hint (any role may NOTIFY the channel), and a burst of them, real or not, must not turn into a burst of
reloads. So changes are merged per table and applied in passes: the first change after a quiet spell waits
COALESCE_MS for its companions, and passes are at least MIN_INTERVAL_MS apart. A pass reloads each layer
fed by the changed tables once, then emits one merged Change per table. While the listener is offline a
timer reloads everything periodically, so the map still catches up where NOTIFY is unavailable.
"""

from __future__ import annotations

import logging
import time
from typing import Callable, Iterable

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, Qt, QTimer, pyqtSignal

from ..store.listener import MAX_IDS, NOTIFYING_TABLES, Change, StoreListener
from ..store.qgis_connections import StoreLocation
from .store_layers import LAYER_DEFS, find_store_layers, layer_keys_for_table

LOG = logging.getLogger(__name__)

# A transaction's notifications arrive together at its commit (on a loaded machine in reads a few ms
# apart), so 40 ms merges them and keeps a lone change within the dock's 50 ms goal; 1 s between passes
# lets a province-wide render finish between reloads however fast notifications come (a burst is merged
# into the next pass).
COALESCE_MS = 40
MIN_INTERVAL_MS = 1000


def merge_changes(changes: Iterable[Change]) -> Change:
    """One Change for several of the same table: all ids (None if any change had too many to list)."""
    changes = list(changes)
    ops = {c.op for c in changes}
    ids: set[int] | None = set()
    for c in changes:
        if c.ids is None or ids is None:
            ids = None
        else:
            ids.update(c.ids)
    if ids is not None and len(ids) > MAX_IDS:
        ids = None
    return Change(
        changes[0].table,
        ops.pop() if len(ops) == 1 else "mixed",
        tuple(sorted(ids)) if ids is not None else None,
        sum(c.count for c in changes),
    )


class LiveRefresh(QObject):
    # one merged Change per table and pass, on the main thread, after the layers were told to reload
    changed = pyqtSignal(object)
    went_offline = pyqtSignal(float)  # epoch seconds when the store went away
    came_online = pyqtSignal()

    _from_listener = pyqtSignal(object)
    _offline_from_listener = pyqtSignal(float)
    _online_from_listener = pyqtSignal()

    def __init__(
        self,
        location: StoreLocation,
        project: QgsProject | None = None,
        fallback_interval_s: int = 30,
        parent: QObject | None = None,
        layer_lookup: Callable[[str], list[QgsVectorLayer]] | None = None,
        coalesce_ms: int = COALESCE_MS,
        min_interval_ms: int = MIN_INTERVAL_MS,
    ):
        super().__init__(parent)
        self.coalesce_ms = coalesce_ms
        self.min_interval_ms = min_interval_ms
        self._pending: dict[str, list[Change]] = {}
        self._last_pass: float | None = None  # time.monotonic() of the last pass
        self.passes = 0
        self.pass_timer = QTimer(self)
        self.pass_timer.setSingleShot(True)
        self.pass_timer.timeout.connect(self._pass)
        self.location = location
        self.project = project or QgsProject.instance()
        self._lookup = layer_lookup or (lambda key: find_store_layers(key, self.project))
        self._from_listener.connect(self._on_change, Qt.QueuedConnection)
        self._offline_from_listener.connect(self._on_offline, Qt.QueuedConnection)
        self._online_from_listener.connect(self._on_online, Qt.QueuedConnection)
        self.fallback_timer = QTimer(self)
        self.fallback_timer.setInterval(max(1, fallback_interval_s) * 1000)
        self.fallback_timer.timeout.connect(self.reload_all)
        self.listener = StoreListener(
            location.spec,
            on_change=self._from_listener.emit,
            on_offline=self._offline_from_listener.emit,
            on_online=self._online_from_listener.emit,
        )

    def start(self) -> None:
        self.listener.start()

    def stop(self) -> None:
        self.fallback_timer.stop()
        self.pass_timer.stop()
        self._pending.clear()
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
        if change.table not in NOTIFYING_TABLES:  # parse_payload refuses these; a direct caller might not
            return
        self._pending.setdefault(change.table, []).append(change)
        if self.pass_timer.isActive():
            return  # the next pass takes this one too
        delay = self.coalesce_ms
        if self._last_pass is not None:
            since_ms = (time.monotonic() - self._last_pass) * 1000
            delay = max(delay, self.min_interval_ms - since_ms)
        self.pass_timer.start(max(0, int(delay)))

    def _pass(self) -> None:
        pending, self._pending = self._pending, {}
        if not pending:
            return
        self._last_pass = time.monotonic()
        self.passes += 1
        keys: list[str] = []
        for table in pending:
            keys.extend(k for k in layer_keys_for_table(table) if k not in keys)
        self.reload_keys(keys)
        for changes in pending.values():
            self.changed.emit(merge_changes(changes))

    def _on_offline(self, since: float) -> None:
        self.fallback_timer.start()
        self.went_offline.emit(since)

    def _on_online(self) -> None:
        self.fallback_timer.stop()
        self.reload_all()  # catch up on whatever happened while we could not hear
        self.came_online.emit()
