"""Load the demo: read boundaries and hospitals, generate requests and volunteers (core), write (store).

This sits in layer 4 because it needs both core and store; it uses no QGIS objects, so Processing, the GUI
and tools/devstore.py all call the same function.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Union

from ..core.admin_source import read_admin_areas, read_facilities
from ..core.demo_data import DEFAULT_N_REQUESTS, DEFAULT_N_VOLUNTEERS, DEFAULT_SEED, TambonSet, generate_demo
from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR
from ..store.connection import ConnectionSpec
from ..store.demo_writer import LoadCancelled, write_demo

PathLike = Union[str, Path]
# Share of the progress bar for each step; writing (the trigger per row) is most of the time.
_READ_DONE, _GENERATE_DONE = 3.0, 10.0


def load_demo_data(spec: ConnectionSpec, admin_path: PathLike = DEMO_DIR / "admin.gpkg",
                   health_path: Optional[PathLike] = DEMO_DIR / "health.gpkg",
                   n_requests: int = DEFAULT_N_REQUESTS, n_volunteers: int = DEFAULT_N_VOLUNTEERS,
                   seed: int = DEFAULT_SEED, progress: Optional[Callable[[float], None]] = None,
                   cancelled: Optional[Callable[[], bool]] = None) -> dict:
    """Admin areas, hospitals and seeded demo requests/volunteers into the store, in one transaction.

    Returns the counts written (province, amphoe, tambon, facilities, help_requests, volunteers,
    replaced_requests, replaced_volunteers). Raises DemoDataError (a ValueError) naming the file when a
    source is missing or incomplete, StoreError when writing fails, LoadCancelled when `cancelled()`
    turned true; in every failure case nothing is written.
    """
    def report(percent: float) -> None:
        if progress is not None:
            progress(percent)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise LoadCancelled(translate("StoreErrors", "Loading demo data was cancelled; nothing was written."))

    # Read both files before touching the store, so a missing file fails fast and writes nothing.
    areas = read_admin_areas(admin_path)
    facilities = read_facilities(health_path) if health_path else []
    report(_READ_DONE)
    check()
    requests, volunteers = generate_demo(TambonSet.from_records(areas), n_requests, n_volunteers, seed)
    report(_GENERATE_DONE)
    check()
    scale = (100.0 - _GENERATE_DONE) / 100.0
    return write_demo(spec, areas, facilities, requests, volunteers,
                      progress=lambda p: report(_GENERATE_DONE + scale * p), cancelled=cancelled)
