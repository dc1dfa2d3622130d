"""Load the demo: read boundaries and hospitals, generate requests and volunteers (core), write (store).

This sits in layer 4 because it needs both core and store; it uses no QGIS objects, so Processing, the GUI
and tools/devstore.py all call the same function.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Union

from osgeo import ogr

from ..core.admin_source import DEFAULT_FACILITY_LAYER, DemoDataError, read_admin_areas, read_facilities
from ..core.demo_data import DEFAULT_N_REQUESTS, DEFAULT_N_VOLUNTEERS, DEFAULT_SEED, TambonSet, generate_demo
from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR
from ..store.connection import ConnectionSpec
from ..store.demo_guard import check_only_demo_data
from ..store.demo_writer import LoadCancelled, write_demo

PathLike = Union[str, Path]
# Share of the progress bar for each step; writing (the trigger per row) is most of the time.
_READ_DONE, _GENERATE_DONE = 3.0, 10.0


def demo_project_title() -> str:
    """The demo project's title, which QGIS shows as its window title."""
    return translate("DemoProject", "Jitasa — Phetchabun demo")


def layer_names(path: PathLike) -> Optional[list[str]]:
    """The layers of an OGR data source, in file order; None when it cannot be opened."""
    try:
        ds = ogr.Open(str(path), 0)
    except RuntimeError:  # when someone turned on ogr.UseExceptions()
        ds = None
    return None if ds is None else [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]


def check_facility_layer(path: PathLike, layer_name: str) -> None:
    """DemoDataError listing the file's layers when it has none named `layer_name` (a missing or
    unreadable file is left to read_facilities, which names that)."""
    names = layer_names(path) if Path(path).is_file() else None
    if names is not None and layer_name not in names:
        raise DemoDataError(
            translate(
                "DemoData",
                "{0} has no hospital layer named '{1}'. Its layers: {2}. Choose the hospital layer "
                "(the 'Hospital layer' parameter).",
            ).format(path, layer_name, ", ".join(names) or translate("DemoData", "none"))
        )


def load_demo_data(
    spec: ConnectionSpec,
    admin_path: PathLike = DEMO_DIR / "admin.gpkg",
    health_path: Optional[PathLike] = DEMO_DIR / "health.gpkg",
    n_requests: int = DEFAULT_N_REQUESTS,
    n_volunteers: int = DEFAULT_N_VOLUNTEERS,
    seed: int = DEFAULT_SEED,
    progress: Optional[Callable[[float], None]] = None,
    cancelled: Optional[Callable[[], bool]] = None,
    facility_layer: str = DEFAULT_FACILITY_LAYER,
    allow_non_demo_data: bool = False,
) -> dict:
    """Admin areas, hospitals and seeded demo requests/volunteers into the store, in one transaction.

    What it replaces: every earlier demo request and volunteer (source 'demo', from any files) and their
    assignments; admin areas and hospitals are upserted by code, never deleted. It refuses a store holding
    requests, volunteers or facilities that are not demo data (store.demo_guard) unless
    `allow_non_demo_data` (for tests of the writer's own protections).

    Returns the counts written (province, amphoe, tambon, facilities, help_requests, volunteers,
    replaced_requests, replaced_volunteers). Raises DemoDataError (a ValueError) naming the file when a
    source is missing or incomplete (a missing hospital layer lists the file's layers), NonDemoDataError
    (a StoreError) for a store holding other data, StoreError when writing fails, LoadCancelled when
    `cancelled()` turned true; in every failure case nothing is written.
    """

    def report(percent: float) -> None:
        if progress is not None:
            progress(percent)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise LoadCancelled(translate("StoreErrors", "Loading demo data was cancelled; nothing was written."))

    # Read both files before touching the store, so a missing file fails fast and writes nothing.
    areas = read_admin_areas(admin_path)
    if health_path:
        check_facility_layer(health_path, facility_layer)
    facilities = read_facilities(health_path, facility_layer) if health_path else []
    report(_READ_DONE)
    check()
    if not allow_non_demo_data:
        check_only_demo_data(spec)
    requests, volunteers = generate_demo(TambonSet.from_records(areas), n_requests, n_volunteers, seed)
    report(_GENERATE_DONE)
    check()
    scale = (100.0 - _GENERATE_DONE) / 100.0
    return write_demo(
        spec,
        areas,
        facilities,
        requests,
        volunteers,
        progress=lambda p: report(_GENERATE_DONE + scale * p),
        cancelled=cancelled,
    )
