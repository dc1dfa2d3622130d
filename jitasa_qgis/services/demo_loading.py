"""Load the demo (the workflow behind jitasa:loaddemodata, the toolbar's "Load demo data…" and
tools/devstore.py): read boundaries and hospitals (core, through OGR), build the road network of the major
roads of Phetchabun (services.road_import's building step: noded, snapped at 1 km, costs, components),
generate seeded requests and volunteers (core), write everything in one transaction (store).

What it replaces: every earlier demo request and volunteer (source 'demo', from any files) and their
assignments, and the demo road network (by its name, version bumped; other networks are never touched);
admin areas and hospitals are upserted by code, never deleted. It refuses a store holding requests,
volunteers or facilities that are not demo data (store.demo_guard). Without roads (`roads_path=None`) the
store's road networks stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Union

from osgeo import ogr

from ..core.admin_source import DEFAULT_FACILITY_LAYER, DemoDataError, read_admin_areas, read_facilities
from ..core.demo_data import (
    DEFAULT_N_REQUESTS,
    DEFAULT_N_VOLUNTEERS,
    DEFAULT_SEED,
    TambonSet,
    generate_demo,
    generate_volunteers,
)
from ..definitions.i18n import translate
from ..definitions.paths import DEMO_DIR
from ..definitions.roads import DEMO_ROAD_NETWORK, RoadClass, road_class_label
from ..definitions.visuals import MAJOR_ROAD_CLASSES
from ..store.demo_guard import check_only_demo_data
from ..store.demo_writer import LoadCancelled, write_demo, write_demo_teams
from .database import check_store_current
from .progress import NO_PROGRESS, CallbackProgress, Cancelled, Progress, progress_of, scaled
from .road_import import OSM_ATTRIBUTION, BuiltRoads, RoadImportParams, build_roads
from .store_access import Store, spec_of, written_whole

PathLike = Union[str, Path]
# Share of the progress for each step; writing (the trigger per row) is most of the time.
_READ_DONE, _ROADS_DONE, _GENERATE_DONE = 0.03, 0.06, 0.10
DEMO_ROADS_PATH = DEMO_DIR / "phetchabun_major_roads.gpkg"
DEMO_ROADS_LAYER = "major_roads"
# The demo file is simplified, with gaps up to ~1 km at junctions (resources/demo/PROVENANCE.md).
DEMO_ROADS_SNAP_M = 1000.0


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
    roads_path: Optional[PathLike] = DEMO_ROADS_PATH  # None: no road network (the store's stay as they are)
    roads_layer: Optional[str] = DEMO_ROADS_LAYER  # None: the file's first layer
    roads_snap_tolerance_m: float = DEMO_ROADS_SNAP_M
    roads_attribution: Optional[str] = OSM_ATTRIBUTION


@dataclass(frozen=True)
class DemoRoads:
    """What the demo's road network holds, for the summaries."""

    network: str
    version: int
    segments: int
    length_km: float
    largest_share: float  # of the length, in the routable piece
    components: int
    junctions_snapped: int
    classes: tuple[str, ...]  # road class values present, biggest first
    major_only: bool  # only motorways, trunk and primary roads (and their ramps)

    def summary_lines(self) -> list[str]:
        lines = [
            translate(
                "DemoData",
                "Road network '{0}' (version {1}): {2} segments, {3:,.0f} km, {4} junctions made by snapping; "
                "the routable piece holds {5:.0f}% of the length ({6} pieces).",
            ).format(
                self.network,
                self.version,
                self.segments,
                self.length_km,
                self.junctions_snapped,
                100 * self.largest_share,
                self.components,
            )
        ]
        if self.major_only:
            lines.append(major_roads_only_text(self.classes))
        return lines


def major_roads_only_text(classes) -> str:
    return translate(
        "DemoData",
        "It holds major roads only ({0}): no secondary or local roads, so drive times on it are major roads "
        "plus an off-road leg.",
    ).format(", ".join(road_class_label(RoadClass(c)) for c in classes))


@dataclass(frozen=True)
class DemoResult:
    counts: dict  # rows written: province, amphoe, tambon, facilities, help_requests, volunteers, replaced_*
    # (with roads also road_segments, road_network_version)
    roads: Optional[DemoRoads] = None  # None: loaded without roads

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
    roads = _build_demo_roads(params, scaled(progress, _READ_DONE, _ROADS_DONE)) if params.roads_path else None
    progress.report(_ROADS_DONE)
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
            roads=roads,
        )
    except LoadCancelled as exc:
        if isinstance(exc, Cancelled):
            raise
        raise DemoLoadCancelled(str(exc)) from None
    return DemoResult(counts=counts, roads=_demo_roads(roads, counts) if roads is not None else None)


def seed_demo_teams(store: Store, params: Optional[DemoParams] = None) -> int:
    """Teams for the volunteers of a demo loaded before volunteers had teams: the teams a fresh load with
    the same parameters gives them (the same seed draws the same volunteers), written in one transaction to
    volunteers still in no team. Returns how many were given one."""
    params = params or DemoParams()
    areas = read_admin_areas(params.admin_path)
    volunteers = generate_volunteers(TambonSet.from_records(areas), params.n_volunteers, params.seed)
    conn = spec_of(store).connect()
    try:
        with written_whole(conn, NO_PROGRESS, lambda m: translate("DemoData", "Seeding teams failed: {0}").format(m)):
            written = write_demo_teams(conn, volunteers.team.tolist())
            conn.commit()
    finally:
        conn.close()
    return written


def demo_roads_params(params: Optional[DemoParams] = None) -> RoadImportParams:
    """The road import of the demo's network (also for tools/devstore.py's store that has the rest)."""
    params = params or DemoParams()
    return RoadImportParams(
        network=DEMO_ROAD_NETWORK,
        path=params.roads_path,
        layer=params.roads_layer,
        snap_tolerance_m=params.roads_snap_tolerance_m,
        attribution=params.roads_attribution,
    )


def _build_demo_roads(params: DemoParams, progress: Progress) -> BuiltRoads:
    """The demo's network built by the road import's own step (nothing written yet); a cancel while
    building is the demo's cancel."""
    try:
        return build_roads(demo_roads_params(params), progress)
    except Cancelled:
        raise DemoLoadCancelled(
            translate("StoreErrors", "Loading demo data was cancelled; nothing was written.")
        ) from None


def _demo_roads(roads: BuiltRoads, counts: dict) -> DemoRoads:
    report = roads.network.report
    length: dict[str, float] = {}
    for road_class, metres in zip(roads.network.road_class, roads.network.length_m):
        length[road_class] = length.get(road_class, 0.0) + float(metres)
    classes = tuple(sorted(length, key=lambda c: -length[c]))
    return DemoRoads(
        network=roads.name,
        version=int(counts.get("road_network_version", 1)),
        segments=report.segments,
        length_km=report.length_km,
        largest_share=report.largest_share,
        components=report.components,
        junctions_snapped=report.junctions_snapped,
        classes=classes,
        major_only=bool(classes) and all(RoadClass(c) in MAJOR_ROAD_CLASSES for c in classes),
    )


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
    roads_path: Optional[PathLike] = DEMO_ROADS_PATH,
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
        roads_path=roads_path,
    )
    return load_demo(spec, params, reporter).counts
