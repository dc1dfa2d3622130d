"""Load the demo (the workflow behind jitasa:loaddemodata, the toolbar's "Load demo data…" and
tools/devstore.py): read boundaries and hospitals (core, through OGR), generate seeded requests and
volunteers (core), write everything in one transaction (store).

What it replaces: every earlier demo request and volunteer (source 'demo', from any files) and their
assignments; admin areas and hospitals are upserted by code, never deleted. It refuses a store holding
requests, volunteers or facilities that are not demo data (store.demo_guard).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Union

from osgeo import ogr

from ..core.admin_source import DEFAULT_FACILITY_LAYER, DemoDataError, read_admin_areas, read_facilities
from ..core.demo_data import DEFAULT_N_REQUESTS, DEFAULT_N_VOLUNTEERS, DEFAULT_SEED, TambonSet, generate_demo
from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR
from ..store.demo_guard import check_only_demo_data
from ..store.demo_writer import LoadCancelled, write_demo
from .database import check_store_current
from .progress import CallbackProgress, Cancelled, Progress, progress_of
from .store_access import Store, spec_of

PathLike = Union[str, Path]
# Share of the progress for each step; writing (the trigger per row) is most of the time.
_READ_DONE, _GENERATE_DONE = 0.03, 0.10


class DemoLoadCancelled(Cancelled, LoadCancelled):
    """Loading was cancelled; nothing was written (a Cancelled, and the store's LoadCancelled as before)."""


@dataclass(frozen=True)
class DemoParams:
    admin_path: PathLike = DEMO_DIR / "admin.gpkg"
    health_path: Optional[PathLike] = DEMO_DIR / "health.gpkg"  # None: no hospitals
    facility_layer: str = DEFAULT_FACILITY_LAYER
    n_requests: int = DEFAULT_N_REQUESTS
    n_volunteers: int = DEFAULT_N_VOLUNTEERS
    seed: int = DEFAULT_SEED
    allow_non_demo_data: bool = False  # only for tests of the writer's own protections
    check_schema: bool = True  # refuse a store whose schema is not this plugin's ("upgrade with ...")


@dataclass(frozen=True)
class DemoResult:
    counts: dict  # rows written: province, amphoe, tambon, facilities, help_requests, volunteers, replaced_*

    @property
    def replaced_requests(self) -> int:
        return int(self.counts.get("replaced_requests", 0))

    @property
    def replaced_volunteers(self) -> int:
        return int(self.counts.get("replaced_volunteers", 0))


def load_demo(store: Store, params: Optional[DemoParams] = None, progress: Optional[Progress] = None) -> DemoResult:
    """Everything in one transaction; in every failure case nothing is written.

    Raises DemoDataError (a ValueError) naming the file when a source is missing or incomplete (a missing
    hospital layer lists the file's layers), NonDemoDataError (a StoreError) for a store holding other data,
    StoreError when the schema is not current or writing fails, DemoLoadCancelled (a Cancelled) on a cancel.
    """
    params = params or DemoParams()
    progress = progress_of(progress)
    spec = spec_of(store)

    def check() -> None:
        if progress.is_cancelled():
            raise DemoLoadCancelled(translate("StoreErrors", "Loading demo data was cancelled; nothing was written."))

    if params.check_schema:
        check_store_current(store)
    # Read both files before touching the store, so a missing file fails fast and writes nothing.
    areas = read_admin_areas(params.admin_path)
    if params.health_path:
        check_facility_layer(params.health_path, params.facility_layer)
    facilities = read_facilities(params.health_path, params.facility_layer) if params.health_path else []
    progress.report(_READ_DONE)
    check()
    if not params.allow_non_demo_data:
        check_only_demo_data(spec)
    requests, volunteers = generate_demo(
        TambonSet.from_records(areas), params.n_requests, params.n_volunteers, params.seed
    )
    progress.report(_GENERATE_DONE)
    check()
    scale = 1.0 - _GENERATE_DONE
    try:
        counts = write_demo(
            spec,
            areas,
            facilities,
            requests,
            volunteers,
            progress=lambda percent: progress.report(_GENERATE_DONE + scale * percent / 100.0),
            cancelled=progress.is_cancelled,
        )
    except LoadCancelled as exc:
        if isinstance(exc, Cancelled):
            raise
        raise DemoLoadCancelled(str(exc)) from None
    return DemoResult(counts=counts)


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
    spec: Store,
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
    """`load_demo` with keywords, progress in percent and a `cancelled()` callable; returns the counts.
    (The form tests and tools/devstore.py call; it does not check the schema version, as before.)"""
    reporter = CallbackProgress(
        report=(lambda fraction, _message: progress(100.0 * fraction)) if progress is not None else None,
        cancelled=cancelled,
    )
    params = DemoParams(
        admin_path=admin_path,
        health_path=health_path,
        facility_layer=facility_layer,
        n_requests=n_requests,
        n_volunteers=n_volunteers,
        seed=seed,
        allow_non_demo_data=allow_non_demo_data,
        check_schema=False,
    )
    return load_demo(spec, params, reporter).counts
