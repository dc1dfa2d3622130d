"""Service-area polygons (pure: numpy, scipy, shapely/GEOS, pyproj): drive-time areas and catchments on the
road graph of core.travel_time, and the straight-line fallbacks (buffers, nearest-facility areas).

- Drive-time areas (`drive_time_areas`): from `reached_segments` at the largest threshold, each part is cut
  at the remaining time of every smaller threshold (minutes are linear along a part: one speed a segment),
  then buffered by the off-road distance its remaining minutes still allow (off-road speed × remaining
  time). The remaining time falls along a part, so a part is split into bands of remaining distance and
  each band is buffered by the smallest remaining distance in it: the polygon never holds a place beyond the
  threshold (it may miss up to one band's width at the edge). The origin itself reaches a disc off-road
  (the whole way off-road). One polygon per origin and threshold.
- Catchments (`catchments`): every reachable place to the origin it reaches first (Dijkstra with min_only
  and a readiness delay per origin). Every reached segment is sampled; each sample takes the origin with the
  smallest arrival (from either end of its segment, or from an origin snapped onto it); where the two ends
  of a segment belong to different origins the exact meeting point is sampled on both sides. A Voronoi
  diagram of the labelled samples, dissolved by origin and clipped to the reached area, partitions it: no
  two catchments overlap.
- Straight line (`buffer_areas`, `nearest_areas`): buffers by distance in a local UTM zone, and the Voronoi
  cells of the facilities clipped to a boundary, for when no network covers the area.

Polygons come back in lon/lat (EPSG:4326); areas in km² are measured in the metric plane they were built in.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from scipy.spatial import cKDTree
from shapely.geometry import LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import transform, unary_union, voronoi_diagram

from .travel_time import RoadGraph, Snapped, node_minutes, reached_segments

BANDS = 8  # remaining-distance bands per threshold: the edge is within 1/BANDS of the off-road reach
_EPS = 1e-9
_LINE_WIDTH_M = 0.01
_THIN_M = 1.0
_HEAL_M = 1e-3
with warnings.catch_warnings():  # pyproj warns about PROJ's data folder on some installs
    warnings.simplefilter("ignore")
    from pyproj import Transformer


@dataclass(frozen=True)
class Area:
    """One polygon: its origin (index into the caller's origins), threshold (minutes or metres) and area."""

    origin: int
    threshold: Optional[float]  # minutes (drive time), metres (buffer), None (catchment, nearest)
    geometry: BaseGeometry  # lon/lat
    area_km2: float


# --- geometry helpers -----------------------------------------------------------------------------------


def _cum_lengths(xy: np.ndarray) -> np.ndarray:
    step = np.hypot(*(xy[1:] - xy[:-1]).T)
    return np.concatenate(([0.0], np.cumsum(step)))


def _substring(xy: np.ndarray, cum: np.ndarray, a: float, b: float) -> Optional[np.ndarray]:
    """The polyline between fractions a < b of its length (the vertices in between kept)."""
    total = cum[-1]
    if total <= 0 or b - a <= _EPS:
        return None
    da, db = a * total, b * total
    pa = np.array([np.interp(da, cum, xy[:, 0]), np.interp(da, cum, xy[:, 1])])
    pb = np.array([np.interp(db, cum, xy[:, 0]), np.interp(db, cum, xy[:, 1])])
    inner = xy[(cum > da) & (cum < db)]
    return np.vstack([pa, inner, pb])


def _wide(lines: BaseGeometry, radius: float) -> BaseGeometry:
    """The lines buffered by `radius`: first a thin strip (GEOS unions it fast), then the strip buffered by
    the rest. The same Minkowski sum with a disc, but a wide buffer of many overlapping lines at once costs
    GEOS minutes where this costs a fraction of a second. The polygonal discs lie inside the true ones."""
    thin = min(_THIN_M, radius) if radius > 0 else _LINE_WIDTH_M
    strip = lines.buffer(thin, 2)
    rest = radius - thin
    if rest <= _THIN_M:
        return strip
    return _fill_small_holes(strip, rest).buffer(rest, 4)


def _fill_small_holes(geom: BaseGeometry, radius: float) -> BaseGeometry:
    """Drops the holes a buffer by `radius` fills anyway: every point of a hole whose box has a side under
    2·radius is within radius of the hole's edge (the line across the short side leaves the hole both ways).
    A margin keeps it true for the polygonal discs GEOS draws (4 segments a quarter: 0.98 of the radius)."""
    limit = 2.0 * radius * 0.95
    polys = [geom] if isinstance(geom, Polygon) else [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon)]
    out = []
    for poly in polys:
        keep = []
        for ring in poly.interiors:
            minx, miny, maxx, maxy = ring.bounds
            if min(maxx - minx, maxy - miny) > limit:
                keep.append(ring)
        out.append(Polygon(poly.exterior, keep))
    return MultiPolygon(out) if len(out) != 1 else out[0]


def _frac_at(m: float, lo_f: float, hi_f: float, lo_m: float, span_m: float) -> float:
    """The fraction of a part reached at minute m, driven from lo_f (minute lo_m) towards hi_f."""
    if span_m <= _EPS:
        return hi_f
    return lo_f + (hi_f - lo_f) * min(1.0, max(0.0, (m - lo_m) / span_m))


def _to_lonlat(geom: BaseGeometry, graph: RoadGraph) -> BaseGeometry:
    def inv(x, y, z=None):
        out = graph.plane.inverse(np.column_stack((np.asarray(x, float), np.asarray(y, float))))
        return out[:, 0], out[:, 1]

    return transform(inv, geom)


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Only the polygons of a GEOS result (an intersection may add lines or points on a shared edge)."""
    if geom.is_empty or geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if g.geom_type in ("Polygon", "MultiPolygon")]
    return unary_union(parts) if parts else Polygon()


# --- drive-time areas -----------------------------------------------------------------------------------


def drive_time_areas(graph: RoadGraph, snapped: Snapped, thresholds: Sequence[float], bands: int = BANDS) -> list[Area]:
    """One polygon per origin and threshold (minutes), origins in `snapped` order, thresholds ascending."""
    thresholds = sorted({float(t) for t in thresholds})
    if not thresholds or thresholds[0] <= 0 or not all(math.isfinite(t) for t in thresholds):
        raise ValueError(f"thresholds must be positive minutes, got {thresholds!r}")
    if not len(snapped):
        return []
    reached = reached_segments(graph, snapped, thresholds[-1])
    v_m_per_min = graph.off_road_kmh * 1000.0 / 60.0
    cums: dict[int, np.ndarray] = {}
    # each (origin, threshold): {band radius in metres: list of plane polylines}
    pieces: dict[tuple[int, float], dict[float, list[np.ndarray]]] = {}
    for i in range(len(reached)):
        o, k = int(reached.origin[i]), int(reached.segment[i])
        a, b = float(reached.start[i]), float(reached.end[i])
        ma, mb = float(reached.start_minutes[i]), float(reached.end_minutes[i])
        xy = graph.seg_xy[k]
        cum = cums.get(k)
        if cum is None:
            cum = cums[k] = _cum_lengths(xy)
        # driven from the end with fewer minutes: f(m) the fraction reached at minute m
        lo_f, hi_f, lo_m, hi_m = (a, b, ma, mb) if ma <= mb else (b, a, mb, ma)
        span_m = hi_m - lo_m

        for t in thresholds:
            if lo_m > t + _EPS:
                continue
            reach_max = t * v_m_per_min
            step = reach_max / bands
            end_m = min(hi_m, t)
            # band boundaries: minutes where the remaining distance crosses a multiple of step
            r_hi, r_lo = (t - lo_m) * v_m_per_min, (t - end_m) * v_m_per_min
            j_lo = int(math.floor(r_lo / step + _EPS))
            j_hi = int(math.floor(r_hi / step - _EPS))
            cuts = [lo_m] + [t - j * step / v_m_per_min for j in range(j_hi, j_lo, -1)] + [end_m]
            for m0, m1 in zip(cuts[:-1], cuts[1:]):
                if m1 - m0 <= _EPS and span_m > _EPS:
                    continue
                radius = math.floor(max(0.0, t - m1) * v_m_per_min / step + _EPS) * step
                f0, f1 = _frac_at(m0, lo_f, hi_f, lo_m, span_m), _frac_at(m1, lo_f, hi_f, lo_m, span_m)
                line = _substring(xy, cum, min(f0, f1), max(f0, f1))
                if line is None:
                    continue
                pieces.setdefault((o, t), {}).setdefault(radius, []).append(line)
    out = []
    origin_xy = graph.plane.forward(np.column_stack((snapped.lon, snapped.lat)))
    for o in range(len(snapped)):
        for t in thresholds:
            parts = [Point(origin_xy[o]).buffer(t * v_m_per_min, 32)]  # the whole way off-road
            for radius, lines in pieces.get((o, t), {}).items():
                # the last band reaches no further off-road: the road itself (a hair's width) only
                parts.append(_wide(MultiLineString([LineString(li) for li in lines]), radius))
            poly = unary_union(parts)
            out.append(Area(o, t, _to_lonlat(poly, graph), poly.area / 1e6))
    return out


# --- catchments -----------------------------------------------------------------------------------------


@dataclass
class Catchments:
    areas: list[Area]  # one per origin that reaches anything (origin index into the caller's origins)
    sample_origin: np.ndarray  # the label of every sample (for tests and diagnostics)
    sample_lonlat: np.ndarray
    sample_minutes: np.ndarray


def catchments(
    graph: RoadGraph,
    snapped: Snapped,
    delay_minutes: Optional[Sequence[float]] = None,
    limit_minutes: Optional[float] = None,
    boundary_lonlat: Optional[BaseGeometry] = None,
    spacing_m: Optional[float] = None,
    margin_m: float = 2000.0,
) -> Catchments:
    """Non-overlapping areas, each place to the origin it reaches first (delay included).

    The reached area: with `limit_minutes`, the drive-time area of all origins together at that limit; else
    the network within `margin_m`. Clipped to `boundary_lonlat` when given."""
    k = len(snapped)
    delay = np.zeros(k) if delay_minutes is None else np.asarray(delay_minutes, np.float64).ravel()
    if len(delay) != k or not np.all(np.isfinite(delay)) or np.any(delay < 0):
        raise ValueError("one readiness delay (minutes, 0 or more) per origin")
    empty = Catchments([], np.zeros(0, np.int64), np.zeros((0, 2)), np.zeros(0))
    if k == 0:
        return empty
    minutes, owner = node_minutes(graph, snapped, limit_minutes, min_only=True, delay_minutes=delay)
    start = snapped.off_road_minutes + delay
    cost_m, rev_m = graph.cost_s / 60.0, graph.reverse_cost_s / 60.0
    n_seg = len(graph.seg_xy)
    total_len = sum(float(_cum_lengths(xy)[-1]) for xy in graph.seg_xy)
    h = spacing_m or max(25.0, total_len / 20_000)
    on_seg: dict[int, list[int]] = {}
    for o in range(k):
        on_seg.setdefault(int(snapped.segment[o]), []).append(o)
    pts, labels, mins = [], [], []
    for s in range(n_seg):
        u, v = graph.seg_source[s], graph.seg_target[s]
        xy = graph.seg_xy[s]
        cum = _cum_lengths(xy)
        if cum[-1] <= 0:
            continue
        own = on_seg.get(s, [])
        if not own and not (np.isfinite(minutes[u]) or np.isfinite(minutes[v])):
            continue
        n = max(2, int(math.ceil(cum[-1] / h)) + 1)
        x = list(np.linspace(0.0, 1.0, n))
        # the exact meeting point of the two ends' origins, sampled on both sides
        if owner[u] != owner[v] and cost_m[s] >= 0 and rev_m[s] >= 0 and np.isfinite(minutes[u] + minutes[v]):
            xm = (minutes[v] + rev_m[s] - minutes[u]) / max(cost_m[s] + rev_m[s], 1e-12)
            d = min(0.5, cum[-1] / 10) / cum[-1]
            x += [v_ for v_ in (xm - d, xm + d) if 0 < v_ < 1]
        for o in own:  # an origin on the segment and the meeting points around it
            x.append(float(snapped.fraction[o]))
        x = np.unique(np.clip(np.asarray(x), 0.0, 1.0))
        cands_t = []
        cands_o = []
        if cost_m[s] >= 0 and owner[u] >= 0:
            cands_t.append(minutes[u] + x * cost_m[s])
            cands_o.append(owner[u])
        if rev_m[s] >= 0 and owner[v] >= 0:
            cands_t.append(minutes[v] + (1 - x) * rev_m[s])
            cands_o.append(owner[v])
        for o in own:
            t0 = float(snapped.fraction[o])
            ahead = np.where((x >= t0) & (cost_m[s] >= 0), (x - t0) * cost_m[s], np.inf)
            behind = np.where((x <= t0) & (rev_m[s] >= 0), (t0 - x) * rev_m[s], np.inf)
            cands_t.append(start[o] + np.minimum(ahead, behind))
            cands_o.append(o)
        if not cands_t:
            continue
        t_all = np.vstack(cands_t)
        best = np.argmin(t_all, axis=0)
        t_best = t_all[best, np.arange(len(x))]
        ok = np.isfinite(t_best)
        if limit_minutes is not None:
            ok &= t_best <= limit_minutes + _EPS
        if not ok.any():
            continue
        px = np.interp(x[ok] * cum[-1], cum, xy[:, 0])
        py = np.interp(x[ok] * cum[-1], cum, xy[:, 1])
        pts.append(np.column_stack((px, py)))
        labels.append(np.asarray(cands_o, np.int64)[best[ok]])
        mins.append(t_best[ok])
    if not pts:
        return empty
    xy_all = np.vstack(pts)
    lab = np.concatenate(labels)
    tmin = np.concatenate(mins)
    xy_all, first = np.unique(np.round(xy_all, 3), axis=0, return_index=True)
    lab, tmin = lab[first], tmin[first]
    # the reached area
    if limit_minutes is not None:
        region = _joint_drive_area(graph, snapped, float(limit_minutes), delay)
    else:
        lines = MultiLineString([LineString(xy) for xy in graph.seg_xy if len(xy) >= 2])
        region = _wide(lines, margin_m)
    if boundary_lonlat is not None:
        region = region.intersection(transform(_forward_fn(graph), boundary_lonlat))
    cells = _voronoi_cells(xy_all, region)
    areas = []
    for o in np.unique(lab):
        mine = [cells[i] for i in np.flatnonzero(lab == o) if cells[i] is not None]
        poly = _polygonal(_dissolve(mine).intersection(region)) if mine else Polygon()
        if poly.is_empty:
            continue
        areas.append(Area(int(o), None, _to_lonlat(poly, graph), poly.area / 1e6))
    return Catchments(areas, lab, graph.plane.inverse(xy_all), tmin)


def _dissolve(cells: list[BaseGeometry]) -> BaseGeometry:
    """The union of Voronoi cells; GEOS may fail on their near-degenerate edges (samples 1 m apart at a
    meeting point): then each cell grown by a millimetre, which heals the noding and moves borders by 1 mm."""
    try:
        return unary_union(cells)
    except ValueError:
        return unary_union([c.buffer(_HEAL_M, 1) for c in cells])


def _forward_fn(graph: RoadGraph):
    def fwd(x, y, z=None):
        out = graph.plane.forward(np.column_stack((np.asarray(x, float), np.asarray(y, float))))
        return out[:, 0], out[:, 1]

    return fwd


def _joint_drive_area(graph: RoadGraph, snapped: Snapped, limit: float, delay: np.ndarray) -> BaseGeometry:
    """Where some origin arrives within the limit: each origin's drive-time area at the limit less its delay."""
    parts = []
    left = limit - delay
    for t in np.unique(left[left > 0]):
        idx = np.flatnonzero(left == t)
        sub = Snapped(*(getattr(snapped, f)[idx] for f in _SNAPPED_FIELDS))
        parts += [_plane_geometry(graph, a.geometry) for a in drive_time_areas(graph, sub, [float(t)])]
    return unary_union(parts) if parts else Polygon()


_SNAPPED_FIELDS = ("lon", "lat", "segment", "fraction", "off_road_m", "off_road_minutes", "on_network")


def _plane_geometry(graph: RoadGraph, geom: BaseGeometry) -> BaseGeometry:
    return transform(_forward_fn(graph), geom)


def _voronoi_cells(xy: np.ndarray, region: BaseGeometry) -> list[Optional[BaseGeometry]]:
    """The Voronoi cell of every point (in input order), within an envelope covering the region."""
    if len(xy) == 1:
        return [region]
    minx, miny, maxx, maxy = region.bounds if not region.is_empty else (*xy.min(0), *xy.max(0))
    pad = max(maxx - minx, maxy - miny, 1.0)
    envelope = box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    diagram = voronoi_diagram(MultiPoint([tuple(p) for p in xy]), envelope=envelope)
    # any inner point of a Voronoi cell is nearest to the cell's own generator: that is how cells are matched
    tree = cKDTree(xy)
    cells: list[Optional[BaseGeometry]] = [None] * len(xy)
    for poly in diagram.geoms:
        p = poly.representative_point()
        _, i = tree.query((p.x, p.y))
        if cells[i] is None:
            cells[i] = poly
    return cells


# --- straight line ---------------------------------------------------------------------------------------


def utm_epsg(lon: float, lat: float) -> int:
    """The WGS 84 UTM zone holding (lon, lat): 326zz north, 327zz south."""
    zone = int(math.floor((lon + 180.0) / 6.0)) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def _utm(lon: Sequence[float], lat: Sequence[float]):
    lon, lat = np.asarray(lon, float), np.asarray(lat, float)
    epsg = utm_epsg(float(np.mean(lon)), float(np.mean(lat)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fwd = Transformer.from_crs(4326, epsg, always_xy=True)
        inv = Transformer.from_crs(epsg, 4326, always_xy=True)
    return fwd, inv


def buffer_areas(lon: Sequence[float], lat: Sequence[float], distances_m: Sequence[float]) -> list[Area]:
    """A disc of each distance (metres, in the local UTM zone) around each point: origin-major order."""
    distances = sorted({float(d) for d in distances_m})
    if not distances or distances[0] <= 0 or not all(math.isfinite(d) for d in distances):
        raise ValueError(f"distances must be positive metres, got {distances!r}")
    if not len(lon):
        return []
    fwd, inv = _utm(lon, lat)
    x, y = fwd.transform(np.asarray(lon, float), np.asarray(lat, float))
    out = []
    for o in range(len(x)):
        for d in distances:
            poly = Point(x[o], y[o]).buffer(d, 32)
            out.append(Area(o, d, transform(inv.transform, poly), poly.area / 1e6))
    return out


def nearest_areas(lon: Sequence[float], lat: Sequence[float], boundary_lonlat: BaseGeometry) -> list[Area]:
    """Each point's Voronoi cell (nearest point in the local UTM zone) clipped to the boundary.

    Points at the same place share one cell: the first of them gets it."""
    if not len(lon):
        return []
    fwd, inv = _utm(lon, lat)
    x, y = fwd.transform(np.asarray(lon, float), np.asarray(lat, float))
    xy = np.column_stack((x, y))
    boundary = transform(fwd.transform, boundary_lonlat)
    _, first = np.unique(np.round(xy, 3), axis=0, return_index=True)
    first = np.sort(first)
    cells = _voronoi_cells(xy[first], boundary.union(MultiPoint([tuple(p) for p in xy]).envelope))
    out = []
    for i, cell in zip(first, cells):
        if cell is None:
            continue
        poly = _polygonal(cell.intersection(boundary))
        if poly.is_empty:
            continue
        out.append(Area(int(i), None, transform(inv.transform, poly), poly.area / 1e6))
    return out
