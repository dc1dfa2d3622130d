"""Toolbar ▸ "Load demo data…": the seeded demo loaded into the connected store as a background task.

The work (read the files, generate, write in one transaction) runs off the GUI thread through the operations
dock's task row (service_task.py), which shows its progress and a Cancel button; QGIS's task manager in the
status bar shows it too. A cancel stops it between steps and nothing is written. The result is told in the
message bar (and the dock's status line), with the road network's size and, for the demo's, that it holds
major roads only; the dock's lists are re-read in finished(); the map layers follow through the store's
notifications.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from qgis.core import Qgis

from ..definitions.i18n import translate
from ..store.errors import StoreError
from .service_task import TaskHandle, TaskProgress


def _load_demo(spec, progress: TaskProgress, params: dict, results: list) -> dict:
    """Worker thread: the demo loading workflow (no widgets, no iface, no project). The counts are the
    task's result; the whole DemoResult goes to `results` for the message."""
    from ..services.demo_loading import DemoParams, load_demo

    result = load_demo(spec, DemoParams(**{"check_schema": False, **params}), progress)
    results.append(result)
    return result.counts


def loaded_message(counts: dict, roads=None) -> str:
    """What the officer is told after a load; `roads`: the result's DemoRoads (None: loaded without roads)."""
    text = translate(
        "JitasaPlugin",
        "Demo data loaded: {requests} requests, {volunteers} volunteers, {facilities} facilities.",
    ).format(
        requests=f"{counts.get('help_requests', 0):,}",
        volunteers=f"{counts.get('volunteers', 0):,}",
        facilities=f"{counts.get('facilities', 0):,}",
    )
    if roads is None:
        return text
    if roads.major_only:
        more = translate("JitasaPlugin", "Road network: {segments} segments, {km} km, major roads only.")
    else:
        more = translate("JitasaPlugin", "Road network: {segments} segments, {km} km.")
    return text + " " + more.format(segments=f"{roads.segments:,}", km=f"{roads.length_km:,.0f}")


def start_demo_loading(
    dock,
    iface=None,
    ask_yes_no: Optional[Callable[[str, str], bool]] = None,
    after_load: Optional[Callable[[dict], None]] = None,
    **params: Any,
) -> Optional[TaskHandle]:
    """Ask, then load the demo into the store the dock is connected to, as a task; its handle, or None when
    the officer said no or nothing could be started. `params` go to the demo loader (n_requests, seed...)."""
    ask = ask_yes_no if ask_yes_no is not None else dock.ask_yes_no
    if not ask(
        translate("JitasaPlugin", "Load demo data"),
        translate(
            "JitasaPlugin",
            "Replace the demo requests and volunteers in the connected store with a "
            "new seeded set? Admin areas, hospitals and the demo road network (major "
            "roads only) are updated; other data is never touched.",
        ),
    ):
        return None

    def tell(text: str, level) -> None:
        dock.show_status(text)
        if iface is not None:
            iface.messageBar().pushMessage(translate("JitasaPlugin", "Jitasa"), text, level, 10)

    results: list = []

    def loaded(counts: dict) -> None:
        tell(loaded_message(counts, results[-1].roads if results else None), Qgis.Success)
        dock.refresh()
        if after_load is not None:
            after_load(counts)

    def failed(exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, (StoreError, ValueError)) else f"{type(exc).__name__}: {exc}"
        tell(translate("JitasaPlugin", "Demo data not loaded: {message}").format(message=message), Qgis.Critical)

    return dock.start_task(
        translate("JitasaPlugin", "Loading demo data"),
        lambda spec, progress: _load_demo(spec, progress, params, results),
        on_result=loaded,
        on_error=failed,
    )
