"""Compute service areas (the workflow behind jitasa:serviceareas): buffers by distance, drive-time areas at
several thresholds, non-overlapping catchments with a readiness delay per origin, nearest-facility areas —
around facilities (by kind or id) or volunteers — on the road network covering the origins (the travel-time
model of services.travel_times) or the straight line where there is none or the caller asks for it.

The result lists the polygons (origin, threshold, area, the model used, each origin's snap distance); with
`write` it is stored as one jitasa.service_area_run and its service_area rows in one transaction (a cancel
or an error before the commit leaves nothing).
"""

from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass, field
from typing import Optional, Sequence

import numpy as np
from shapely.geometry import MultiPoint

from ..core import service_areas as core
from ..core.assignment.costs import TravelModel
from ..core.travel_time import snap_points
from ..definitions.i18n import translate
from ..definitions.roads import TravelModelCode, travel_model_label
from ..definitions.service_area_outcomes import kind_label
from ..store.migrations import check_schema_current
from ..store.service_areas import FACILITIES, AreaRow, Origin, boundary, origins, write_run
from ..store.service_areas import VOLUNTEERS as VOLUNTEERS  # re-exported: processing reaches the store only here
from .progress import Cancelled, Progress, check_cancelled, progress_of
from .store_access import Store, connection, written_whole
from .travel_times import travel_time_model

BUFFER, DRIVE_TIME, CATCHMENT, NEAREST = "buffer", "drive_time", "catchment", "nearest"
METHODS = (BUFFER, DRIVE_TIME, CATCHMENT, NEAREST)
with warnings.catch_warnings():  # pyproj warns about PROJ's data folder, which Geod never reads
    warnings.simplefilter("ignore")
    from pyproj import Geod
_GEOD = Geod(ellps="WGS84")
NEAREST_MARGIN_DEG = 0.1  # nearest areas without a boundary: the origins' envelope grown by ~10 km


@dataclass(frozen=True)
class ServiceAreaParams:
    method: str  # one of METHODS
    of: str = FACILITIES  # or store.service_areas.VOLUNTEERS
    kinds: tuple[str, ...] = ()
    ids: tuple[int, ...] = ()
    thresholds_min: tuple[float, ...] = (10.0, 20.0, 30.0)  # drive_time; catchment: the largest is its limit
    distances_m: tuple[float, ...] = (5000.0,)  # buffer
    delay_field: Optional[str] = None  # a numeric column of the origins' table (minutes)
    delay_minutes: float = 0.0  # else one delay for every origin
    use_network: bool = True  # False: the straight line even where a network covers the origins
    clip_code: Optional[str] = None  # a province or amphoe code: clip to it (and keep origins of an amphoe)
    catchment_limit: bool = False  # catchments only within the largest threshold
    write: bool = False


@dataclass(frozen=True)
class ComputedArea:
    origin_id: int
    origin_name: str
    threshold: Optional[float]  # minutes (drive_time, catchment limit) or metres (buffer)
    minutes: Optional[float]
    area_km2: float
    geometry: object  # lon/lat shapely polygon(s)


@dataclass
class ServiceAreaResult:
    method: str
    model: TravelModelCode
    network: Optional[str]
    origins: list[Origin]
    snap_m: dict[int, float]  # origin id -> off-road metres to the network (empty for the straight line)
    areas: list[ComputedArea] = field(default_factory=list)
    run_id: Optional[int] = None

    def summary_lines(self) -> list[str]:
        lines = [
            translate("ServiceAreas", "{0} × {1} for {2} origins; travel model: {3}.").format(
                len(self.areas), kind_label(self.method), len(self.origins), travel_model_label(self.model)
            )
        ]
        if self.network:
            lines.append(translate("ServiceAreas", "Road network: {0}.").format(self.network))
        names = {o.id: o.name for o in self.origins}
        far = sorted(((m, i) for i, m in self.snap_m.items() if m > 1000.0), reverse=True)
        for metres, origin_id in far[:20]:
            lines.append(
                translate(
                    "ServiceAreas", "{0} is {1:.1f} km from the nearest road: its off-road leg is part of every time."
                ).format(names.get(origin_id, origin_id), metres / 1000.0)
            )
        if self.run_id is not None:
            lines.append(translate("ServiceAreas", "Stored as service-area run {0}.").format(self.run_id))
        return lines


def _check(params: ServiceAreaParams) -> None:
    if params.method not in METHODS:
        raise ValueError(
            translate("ServiceAreas", "Unknown method '{0}': use one of {1}.").format(params.method, ", ".join(METHODS))
        )
    if params.method in (DRIVE_TIME, CATCHMENT) and (
        not params.thresholds_min or min(params.thresholds_min) <= 0 or not np.all(np.isfinite(params.thresholds_min))
    ):
        raise ValueError(translate("ServiceAreas", "Give one or more positive thresholds in minutes (10,20,30)."))
    if params.method == BUFFER and (
        not params.distances_m or min(params.distances_m) <= 0 or not np.all(np.isfinite(params.distances_m))
    ):
        raise ValueError(translate("ServiceAreas", "Give one or more positive buffer distances in metres."))
    if not np.isfinite(params.delay_minutes) or params.delay_minutes < 0:
        raise ValueError(translate("ServiceAreas", "The readiness delay must be 0 or more minutes."))


def parse_numbers(text: str) -> tuple[float, ...]:
    """ "10,20,30" (commas, semicolons or spaces) → (10.0, 20.0, 30.0); ValueError with the bad part."""
    out = []
    for part in str(text or "").replace(";", ",").replace(" ", ",").split(","):
        if not part.strip():
            continue
        try:
            out.append(float(part))
        except ValueError:
            raise ValueError(translate("ServiceAreas", "'{0}' is not a number.").format(part.strip())) from None
    return tuple(out)


def _drive_time(graph, snapped, thresholds, progress: Progress) -> list:
    """core.drive_time_areas with the bar moving as origins are done (20 % to 80 % of the run; no log line
    per origin) and a cancel seen between origins."""
    try:
        return core.drive_time_areas(
            graph,
            snapped,
            thresholds,
            is_cancelled=progress.is_cancelled,
            on_origin=lambda done, total: progress.report(0.2 + 0.6 * done / total),
        )
    except core.AreasCancelled:
        raise Cancelled() from None


def compute(conn, params: ServiceAreaParams, progress: Optional[Progress] = None) -> ServiceAreaResult:
    """The areas of `params` on an open connection; writes nothing."""
    progress = progress_of(progress)
    _check(params)
    amphoe = params.clip_code if params.clip_code and len(params.clip_code) == 4 else None
    found = origins(conn, params.of, params.kinds, params.ids, params.delay_field, params.delay_minutes, amphoe)
    if not found:
        raise ValueError(translate("ServiceAreas", "No origins with a location match the choice: nothing computed."))
    clip = None
    if params.clip_code:
        clip = boundary(conn, params.clip_code)
        if clip is None:
            raise ValueError(translate("ServiceAreas", "No admin area with code {0}.").format(params.clip_code))
    lon = np.array([o.lon for o in found])
    lat = np.array([o.lat for o in found])
    delay = np.array([o.delay_minutes for o in found])
    check_cancelled(progress)
    routed = params.use_network and params.method in (DRIVE_TIME, CATCHMENT)
    model, info = travel_time_model(conn, lon, lat) if routed else (None, None)
    graph = model.graph if model is not None else None
    code = TravelModelCode.ROAD_NETWORK if graph is not None else TravelModelCode.STRAIGHT_LINE
    result = ServiceAreaResult(params.method, code, info.name if info else None, found, {})
    progress.report(0.2, translate("ServiceAreas", "{0} origins; travel model: {1}.").format(len(found), code.value))
    if params.method == BUFFER:
        areas = core.buffer_areas(lon, lat, params.distances_m)
        out = [(a, a.threshold, None) for a in areas]
    elif params.method == NEAREST or (params.method == CATCHMENT and graph is None):
        region = clip if clip is not None else MultiPoint(list(zip(lon, lat))).envelope.buffer(NEAREST_MARGIN_DEG)
        out = [(a, None, None) for a in core.nearest_areas(lon, lat, region)]
    elif graph is None:  # drive time without a network: discs at the straight-line model's speed
        sl = model.straight_line if model is not None else TravelModel()
        out = []
        for t in sorted(set(params.thresholds_min)):
            radius = t / 60.0 * sl.speed_kmh / sl.detour_factor * 1000.0
            out += [(a, t, t) for a in core.buffer_areas(lon, lat, [radius])]
        out.sort(key=lambda x: (x[0].origin, x[1]))
    else:
        snapped = snap_points(graph, lon, lat)
        result.snap_m = {o.id: float(m) for o, m in zip(found, snapped.off_road_m)}
        if params.method == DRIVE_TIME:
            out = [(a, a.threshold, a.threshold) for a in _drive_time(graph, snapped, params.thresholds_min, progress)]
        else:
            limit = max(params.thresholds_min) if params.catchment_limit else None
            catch = core.catchments(graph, snapped, delay, limit, clip)
            out = [(a, limit, limit) for a in catch.areas]
    check_cancelled(progress)
    for area, threshold, minutes in out:
        geom = area.geometry
        if clip is not None and params.method != NEAREST:
            geom = geom.intersection(clip)
        if geom.is_empty:
            continue
        origin = found[area.origin]
        km2 = area.area_km2 if geom is area.geometry else abs(_GEOD.geometry_area_perimeter(geom)[0]) / 1e6
        result.areas.append(ComputedArea(origin.id, origin.name, threshold, minutes, km2, geom))
    progress.report(0.8, translate("ServiceAreas", "{0} areas computed.").format(len(result.areas)))
    return result


def _rows(params: ServiceAreaParams, result: ServiceAreaResult) -> list[AreaRow]:
    rows = []
    for a in result.areas:
        if params.method == BUFFER:
            name = translate("ServiceAreas", "{0}: {1:g} m").format(a.origin_name, a.threshold)
            extra = {"distance_m": a.threshold}
        elif params.method == DRIVE_TIME:
            name = translate("ServiceAreas", "{0}: {1:g} min").format(a.origin_name, a.threshold)
            extra = {"minutes": a.threshold}
        else:
            name = a.origin_name
            extra = {}
        facility = a.origin_id if params.of == FACILITIES else None
        volunteer = None if params.of == FACILITIES else a.origin_id
        rows.append(AreaRow(name, params.method, params.method, a.geometry, facility, volunteer, a.minutes, extra))
    return rows


def run_params_json(params: ServiceAreaParams, result: ServiceAreaResult) -> dict:
    out = asdict(params)
    out.pop("write", None)
    out["network"] = result.network
    out["snap_m"] = {str(k): round(v, 1) for k, v in result.snap_m.items()}
    return out


def service_areas(store: Store, params: ServiceAreaParams, progress: Optional[Progress] = None) -> ServiceAreaResult:
    """Compute, and with `params.write` store the run and its areas in one transaction."""
    progress = progress_of(progress)
    with connection(store, progress) as conn:
        with written_whole(
            conn,
            progress,
            lambda message: translate(
                "ServiceAreas", "Storing the service areas failed and nothing was written: {0}"
            ).format(message),
        ):
            check_schema_current(conn)
            result = compute(conn, params, progress)
            if params.write:
                with conn.cursor() as cur:
                    run_id, _ = write_run(
                        cur, params.method, run_params_json(params, result), result.model.value, _rows(params, result)
                    )
                check_cancelled(progress)
                conn.commit()
                result.run_id = run_id
            else:
                conn.rollback()
    progress.report(1.0, "")
    return result


def thresholds_of(values: Sequence[float]) -> tuple[float, ...]:
    return tuple(sorted({float(v) for v in values}))
