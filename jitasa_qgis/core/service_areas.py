"""Service-area polygons (pure: numpy, scipy, shapely/GEOS, pyproj): drive-time areas and catchments on the
road graph of core.travel_time, and the straight-line fallbacks (buffers, nearest-facility areas).

- Drive-time areas (`drive_time_areas`): the area of threshold T is the union, over the road points q an
  origin reaches, of the discs of radius (T - t(q)) · off-road speed, with the origin's own disc (the whole
  way off-road). Minutes are linear along each piece of a segment part, so a part's discs make a tapered
  capsule (the convex hull of its two end discs), built directly as a polygon whose vertices lie on the
  circles: inside the true capsule, at most `ARC_SHORTFALL` of the reach short of it. One Dijkstra run
  gives every threshold. Faces of the road network (core.road_faces) whose whole boundary is reached with
  at least their inscribed radius of reach left are covered whole; only the capsules of the parts on
  segments beside a face that is not (the frontier) are unioned by GEOS, and the holes of that union lying
  in covered faces are filled. Capsules of segments between two covered faces are left out (all they add
  is what pokes out of the covered faces past the frontier's capsules): the polygon never holds a place
  beyond the threshold, and may miss a little of what is reachable at its edge. One polygon per origin and
  threshold.
- Catchments (`catchments`): every reachable place to the origin it reaches first (Dijkstra with min_only
  and a readiness delay per origin). Every reached segment is sampled; each sample takes the origin with the
  smallest arrival (from either end of its segment, or from an origin snapped onto it); where the two ends
  of a segment belong to different origins the exact meeting point is sampled on both sides. Each place
  goes to the label of its nearest sample: the borders are the Voronoi edges between samples of different
  labels; polygonized with the boundary of the reached area (the joint drive-time area at the limit, or
  the network within a margin) they partition it, no two catchments overlapping.
- Straight line (`buffer_areas`, `nearest_areas`): buffers by distance in a local UTM zone, and the Voronoi
  cells of the facilities clipped to a boundary, for when no network covers the area.

Polygons come back in lon/lat (EPSG:4326); areas in km² are measured in the metric plane they were built in.
"""

from __future__ import annotations

import math
import os
import warnings
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import numpy as np
from scipy.spatial import QhullError, Voronoi, cKDTree
from shapely import wkb
from shapely.geometry import MultiLineString, MultiPoint, Point, Polygon, box
from shapely.geometry.base import BaseGeometry, geom_factory
from shapely.geos import lgeos
from shapely.ops import polygonize, transform, unary_union, voronoi_diagram
from shapely.prepared import prep

from .road_faces import RoadFaces, faces_of
from .travel_time import RoadGraph, Snapped, node_minutes

ARC_STEPS = 16  # an arc step of a capsule outline is at most 2π / ARC_STEPS
ARC_SHORTFALL = 1.0 - math.cos(math.pi / ARC_STEPS)  # the most a capsule falls short of its discs
_EPS = 1e-9
_MIN_REACH_M = 1e-3  # a capsule thinner than this adds nothing
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


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    return [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon) and not g.is_empty]


def capsules(ax, ay, ra, bx, by, rb, steps: int = ARC_STEPS) -> BaseGeometry:
    """The union of the tapered capsules (convex hulls of the discs (a, ra) and (b, rb)), by GEOS.

    A capsule is its two end discs and the quadrilateral of the four points where the outer tangents touch
    them. Capsules meeting at a point (the parts leaving one node) share one disc there, the biggest, so
    GEOS sees each node's disc once (not once a part, arcs on top of each other) and a 4-sided band a
    part. Discs are polygons with their vertices on the circle, steps of 2π / steps: inside the true
    capsules, holding every point at least (1 - ARC_SHORTFALL) of the way out. Everything goes to GEOS as
    one multipolygon built as WKB in numpy (no Python object per shape) and one unary union."""
    ax, ay, ra, bx, by, rb = (np.asarray(v, np.float64).ravel() for v in (ax, ay, ra, bx, by, rb))
    big = ra >= rb  # the bands are built from the bigger disc's side
    ax, bx = np.where(big, ax, bx), np.where(big, bx, ax)
    ay, by = np.where(big, ay, by), np.where(big, by, ay)
    ra, rb = np.maximum(ra, rb), np.minimum(ra, rb)
    keep = ra > _MIN_REACH_M
    ax, ay, ra, bx, by, rb = ax[keep], ay[keep], ra[keep], bx[keep], by[keep], rb[keep]
    if not len(ax):
        return Polygon()
    # one disc per distinct end point, the biggest there
    cx, cy, cr = np.concatenate([ax, bx]), np.concatenate([ay, by]), np.concatenate([ra, rb])
    real = cr > _MIN_REACH_M
    cx, cy, cr = cx[real], cy[real], cr[real]
    key = np.round(np.column_stack((cx, cy)) / 1e-3).astype(np.int64)
    _, group = np.unique(key, axis=0, return_inverse=True)
    group = group.ravel()
    biggest = np.zeros(group.max() + 1)
    np.maximum.at(biggest, group, cr)
    first = np.zeros(group.max() + 1, np.int64)
    first[group[::-1]] = np.arange(len(group))[::-1]
    cx, cy, cr = cx[first], cy[first], biggest
    ang = 2.0 * np.pi * np.arange(steps + 1) / steps
    discs = np.empty((len(cx), steps + 1, 2))
    discs[:, :, 0] = cx[:, None] + cr[:, None] * np.cos(ang)[None, :]
    discs[:, :, 1] = cy[:, None] + cr[:, None] * np.sin(ang)[None, :]
    discs[:, -1] = discs[:, 0]
    # the bands: tangent points at θ ± β on both circles (none when the small disc lies in the big one)
    dx, dy = bx - ax, by - ay
    d = np.hypot(dx, dy)
    band = d > ra - rb + 1e-9
    ax, ay, ra, bx, by, rb, dx, dy, d = (x[band] for x in (ax, ay, ra, bx, by, rb, dx, dy, d))
    theta = np.arctan2(dy, dx)
    beta = np.arccos(np.clip((ra - rb) / np.maximum(d, 1e-12), -1.0, 1.0))
    # each band's corners are the discs' own vertices nearest the tangent points (within π / steps of them:
    # the same shortfall bound as the arcs): a band meets its discs at shared vertices, not at points just
    # outside their chords, which spares GEOS a sliver at every corner
    step = 2.0 * np.pi / steps
    left, right = np.round((theta + beta) / step) * step, np.round((theta - beta) / step) * step
    wide = left != right  # a band folded onto one line (the small disc touching the big one inside) adds nothing
    ax, ay, ra, bx, by, rb, left, right = (x[wide] for x in (ax, ay, ra, bx, by, rb, left, right))
    quads = np.empty((len(ax), 5, 2))
    corners = ((ax, ay, ra, left), (bx, by, rb, left), (bx, by, rb, right), (ax, ay, ra, right))
    for i, (cxs, cys, rs, at) in enumerate(corners):
        quads[:, i, 0] = cxs + rs * np.cos(at)
        quads[:, i, 1] = cys + rs * np.sin(at)
    quads[:, 4] = quads[:, 0]
    return _union_wkb([discs, quads])


def _union_wkb(groups: list[np.ndarray]) -> BaseGeometry:
    """The GEOS union of single-ring polygons given as (n, points, 2) arrays of closed rings."""
    blobs = []
    count = 0
    for ring in groups:
        if not len(ring):
            continue
        fields = [("order", "u1"), ("kind", "<u4"), ("rings", "<u4"), ("points", "<u4"), ("xy", "<f8", ring.shape[1:])]
        rows = np.zeros(len(ring), dtype=fields)
        rows["order"], rows["kind"], rows["rings"], rows["points"], rows["xy"] = 1, 3, 1, ring.shape[1], ring
        blobs.append(rows.tobytes())
        count += len(ring)
    if not count:
        return Polygon()
    head = np.zeros(1, dtype=[("order", "u1"), ("kind", "<u4"), ("count", "<u4")])
    head["order"], head["kind"], head["count"] = 1, 6, count
    multi = wkb.loads(head.tobytes() + b"".join(blobs))
    return geom_factory(lgeos.GEOSUnaryUnion(multi._geom))


def _piece_table(graph: RoadGraph):
    """(segment → first piece pointer, piece start xy, piece vector, piece start fraction, piece span), cached."""
    cached = graph.__dict__.get("_piece_table")
    if cached is None:
        n_seg = len(graph.seg_xy)
        ends = graph._piece_xy
        ptr = np.searchsorted(graph._piece_seg, np.arange(n_seg + 1))
        cached = (ptr, ends[:, 0], ends[:, 1] - ends[:, 0], graph._piece_from, graph._piece_span)
        graph.__dict__["_piece_table"] = cached
    return cached


def _at_fraction(graph: RoadGraph, seg: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """The plane point at each fraction along each segment."""
    ptr, start, vec, p_from, p_span = _piece_table(graph)
    lo, hi = ptr[seg], ptr[seg + 1] - 1
    one = lo == hi
    idx = lo.copy()
    if not one.all():
        many = np.flatnonzero(~one)
        for i in many:  # rare: multi-vertex segments; a short search per point
            k = lo[i] + np.searchsorted(p_from[lo[i] : hi[i] + 1], frac[i], side="right") - 1
            idx[i] = min(max(k, lo[i]), hi[i])
    local = np.clip((frac - p_from[idx]) / np.maximum(p_span[idx], 1e-15), 0.0, 1.0)
    return start[idx] + local[:, None] * vec[idx]


@dataclass
class _Parts:
    """Segment parts driven within a limit: fractions a → b along the segment, minutes at a and at b."""

    seg: np.ndarray
    fa: np.ndarray
    fb: np.ndarray
    ma: np.ndarray
    mb: np.ndarray


def _parts_from(graph: RoadGraph, d: np.ndarray, limit: float, own: Sequence[tuple[int, float, float]]) -> _Parts:
    """The parts driven within `limit` from node minutes `d` (inf: not reached) and from origins snapped onto
    segments (`own`: segment, fraction, minutes there)."""
    cost_m, rev_m = graph.cost_s / 60.0, graph.reverse_cost_s / 60.0
    at_src, at_tgt = d[graph.seg_source], d[graph.seg_target]
    # a part driven from one end that the other end's part outreaches all along it adds nothing: the end
    # reached through the segment itself (minutes there >= the other end's + the whole segment)
    with np.errstate(invalid="ignore"):
        through_fwd = (cost_m >= 0) & (at_src + cost_m <= at_tgt)
        through_back = (rev_m >= 0) & (at_tgt + rev_m < at_src)
    fwd = np.flatnonzero((at_src <= limit) & (cost_m >= 0) & ~through_back)
    back = np.flatnonzero((at_tgt <= limit) & (rev_m >= 0) & ~through_fwd)
    t0, t1 = at_src[fwd], at_tgt[back]
    a = np.minimum(1.0, (limit - t0) / np.maximum(cost_m[fwd], 1e-12))
    b = np.minimum(1.0, (limit - t1) / np.maximum(rev_m[back], 1e-12))
    segs, fa, fb, ma, mb = [fwd, back], [np.zeros(len(fwd)), np.ones(len(back))], [a, 1.0 - b], [t0, t1], []
    mb += [t0 + a * cost_m[fwd], t1 + b * rev_m[back]]
    for k, t, start in own:
        if start > limit:
            continue
        if cost_m[k] >= 0:
            end = min(1.0, t + (limit - start) / max(cost_m[k], 1e-12))
            segs.append(np.array([k])), fa.append(np.array([t])), fb.append(np.array([end]))
            ma.append(np.array([start])), mb.append(np.array([start + (end - t) * cost_m[k]]))
        if rev_m[k] >= 0:
            begin = max(0.0, t - (limit - start) / max(rev_m[k], 1e-12))
            segs.append(np.array([k])), fa.append(np.array([t])), fb.append(np.array([begin]))
            ma.append(np.array([start])), mb.append(np.array([start + (t - begin) * rev_m[k]]))
    out = _Parts(*(np.concatenate(x) for x in (segs, fa, fb, ma, mb)))
    keep = np.abs(out.fb - out.fa) > _EPS
    return _Parts(out.seg[keep].astype(np.int64), out.fa[keep], out.fb[keep], out.ma[keep], out.mb[keep])


def _latest_minutes(graph: RoadGraph, d: np.ndarray, seg: np.ndarray) -> np.ndarray:
    """An upper bound of the minutes at any point of each segment, driven from either end (inf: some of it
    is not reached that way). Origins on the segment could only make it earlier: leaving them out is safe."""
    cost_m, rev_m = graph.cost_s[seg] / 60.0, graph.reverse_cost_s[seg] / 60.0
    du, dv = d[graph.seg_source[seg]], d[graph.seg_target[seg]]
    f = np.where(cost_m >= 0, cost_m, np.inf)  # minutes of the whole segment each way
    r = np.where(rev_m >= 0, rev_m, np.inf)
    with np.errstate(invalid="ignore"):
        # min(du + x·f, dv + (1 - x)·r) over x in [0, 1] is highest where the two meet (if they do)
        x = np.clip((dv + r - du) / (f + r), 0.0, 1.0)
        meet = np.minimum(du + x * f, dv + (1.0 - x) * r)
    only_u = np.isfinite(du + f) & ~np.isfinite(dv + r)
    only_v = ~np.isfinite(du + f) & np.isfinite(dv + r)
    out = np.where(only_u, du + f, np.where(only_v, dv + r, meet))
    return np.where(np.isnan(out), np.inf, out)


def _fill_covered_holes(geom: BaseGeometry, faces: RoadFaces, covered: np.ndarray) -> BaseGeometry:
    """The holes of `geom` that lie in covered faces filled (a hole lies wholly in covered faces or wholly
    outside them: the covered faces' boundary is inside `geom`)."""
    polys = _polygons(geom)
    if not any(len(p.interiors) for p in polys):
        return geom
    shells = [Polygon(p.exterior) for p in polys]
    out = []
    for i, p in enumerate(polys):
        keep = []
        for ring in p.interiors:
            hole = Polygon(ring)
            islands = [s for j, s in enumerate(shells) if j != i and hole.contains(s)]
            free = hole.difference(unary_union(islands)) if islands else hole
            q = free.representative_point()
            if not any(covered[f] for f in faces.touching(q.x, q.y)):
                keep.append(ring)
        out.append(Polygon(p.exterior, keep))
    if len(out) == 1:
        return out[0]
    return unary_union(out)  # islands inside a filled hole merge into it


def _reach_areas(
    graph: RoadGraph,
    d: np.ndarray,
    thresholds: Sequence[float],
    own: Sequence[tuple[int, float, float]],
    discs: Sequence[tuple[float, float, float]],
) -> list[BaseGeometry]:
    """Per threshold (ascending), the plane polygon of every place reached within it: driven from node
    minutes `d` and origins on segments (`own`), then off-road; `discs`: (x, y, minutes spent before leaving) the whole
    way off-road; a disc lying in covered faces adds nothing and is left out."""
    faces = faces_of(graph)
    v = graph.off_road_kmh * 1000.0 / 60.0
    parts = _parts_from(graph, d, thresholds[-1], own)
    seg_u = np.unique(parts.seg)
    near = np.unique(faces.seg_faces[seg_u])
    near = near[near >= 0]
    face_t = np.full(len(faces) + 1, np.inf)  # the last entry stands for "no face"
    if len(near):
        lo, hi = faces.ptr[near], faces.ptr[near + 1]
        counts = hi - lo
        idx = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        latest = _latest_minutes(graph, d, faces.seg[idx])
        owner = np.repeat(np.arange(len(near)), counts)
        worst = np.full(len(near), -np.inf)
        np.maximum.at(worst, owner, latest)
        face_t[near] = worst + faces.reach_m[near] / v
    side = faces.seg_faces[parts.seg]
    side_t = face_t[np.where(side >= 0, side, len(faces))]
    interior_from = np.max(side_t, axis=1)  # the part's segment lies between two faces covered from then on
    xa = _at_fraction(graph, parts.seg, parts.fa)
    xb_full = _at_fraction(graph, parts.seg, parts.fb)
    out = []
    for t in thresholds:
        sel = (parts.ma <= t + _EPS) & (interior_from > t)
        ma, mb = parts.ma[sel], parts.mb[sel]
        span = mb - ma
        # the part's end at this threshold: minutes are linear along it
        w = np.where(span > _EPS, np.clip((t - ma) / np.where(span > _EPS, span, 1.0), 0.0, 1.0), 1.0)
        fb = parts.fa[sel] + w * (parts.fb[sel] - parts.fa[sel])
        xb = np.where((w >= 1.0)[:, None], xb_full[sel], _at_fraction(graph, parts.seg[sel], fb))
        end_m = np.minimum(mb, t)
        a_xy = xa[sel]
        ra, rb = (t - ma) * v, np.maximum(0.0, t - end_m) * v
        covered = face_t[:-1] <= t
        kept = [(x, y, (t - spent) * v) for x, y, spent in discs if spent < t]
        kept = [c for c in kept if not faces.within_covered(c[0], c[1], c[2], covered)]
        dx, dy, dr = (np.array([c[i] for c in kept], np.float64) for i in range(3))
        geom = capsules(
            np.concatenate([a_xy[:, 0], dx]),
            np.concatenate([a_xy[:, 1], dy]),
            np.concatenate([ra, dr]),
            np.concatenate([xb[:, 0], dx]),
            np.concatenate([xb[:, 1], dy]),
            np.concatenate([rb, dr]),
        )
        out.append(_fill_covered_holes(geom, faces, covered))
    return out


# --- drive-time areas -----------------------------------------------------------------------------------


class AreasCancelled(Exception):
    """The caller cancelled between origins; nothing was returned."""


def _workers(asked: Optional[int], origins: int) -> int:
    """Threads for the origins: GEOS runs without the GIL, so each core unions its own origin's polygons."""
    n = asked if asked is not None else min(8, os.cpu_count() or 1)
    return max(1, min(int(n), origins))


def drive_time_areas(
    graph: RoadGraph,
    snapped: Snapped,
    thresholds: Sequence[float],
    workers: Optional[int] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
    on_origin: Optional[Callable[[int, int], None]] = None,
) -> list[Area]:
    """One polygon per origin and threshold (minutes), origins in `snapped` order, thresholds ascending.

    Origins are done by `workers` threads (default: the cores, at most 8); `is_cancelled` is asked and
    `on_origin(done, total)` told after each origin, both in the calling thread (AreasCancelled on a cancel)."""
    thresholds = sorted({float(t) for t in thresholds})
    if not thresholds or thresholds[0] <= 0 or not all(math.isfinite(t) for t in thresholds):
        raise ValueError(f"thresholds must be positive minutes, got {thresholds!r}")
    if not len(snapped):
        return []
    nodes, _ = node_minutes(graph, snapped, thresholds[-1])  # one Dijkstra run: every origin, every threshold
    origin_xy = graph.plane.forward(np.column_stack((snapped.lon, snapped.lat)))
    _warm(graph, origin_xy[0])

    def one(o: int) -> list[Area]:
        own = [(int(snapped.segment[o]), float(snapped.fraction[o]), float(snapped.off_road_minutes[o]))]
        disc = [(float(origin_xy[o, 0]), float(origin_xy[o, 1]), 0.0)]
        polys = _reach_areas(graph, nodes[o], thresholds, own, disc)
        return [Area(o, t, _to_lonlat(poly, graph), poly.area / 1e6) for t, poly in zip(thresholds, polys)]

    k = len(snapped)
    done: dict[int, list[Area]] = {}
    with ThreadPoolExecutor(_workers(workers, k)) as pool:
        pending = {pool.submit(one, o): o for o in range(k)}
        try:
            for future in as_completed(pending):
                done[pending[future]] = future.result()
                if on_origin is not None:
                    on_origin(len(done), k)
                if is_cancelled is not None and len(done) < k and is_cancelled():
                    raise AreasCancelled()
        except BaseException:
            for f in pending:  # the origins not started yet are dropped; the running ones end first
                f.cancel()
            raise
    return [a for o in range(k) for a in done[o]]


def _warm(graph: RoadGraph, xy: np.ndarray) -> None:
    """What the worker threads share, built once here: the faces, the piece table and the faces' tree (GEOS
    builds an STRtree on its first query, which two threads must not race for)."""
    faces_of(graph).touching(float(xy[0]), float(xy[1]))
    _piece_table(graph)


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

    The reached area: with `limit_minutes`, the drive-time area of all origins together at that limit, clipped
    to `boundary_lonlat` when given; else all of `boundary_lonlat` (the off-road leg reaches every place of it),
    or without one the network within `margin_m`."""
    k = len(snapped)
    delay = np.zeros(k) if delay_minutes is None else np.asarray(delay_minutes, np.float64).ravel()
    if len(delay) != k or not np.all(np.isfinite(delay)) or np.any(delay < 0):
        raise ValueError("one readiness delay (minutes, 0 or more) per origin")
    empty = Catchments([], np.zeros(0, np.int64), np.zeros((0, 2)), np.zeros(0))
    if k == 0:
        return empty
    minutes, owner = node_minutes(graph, snapped, limit_minutes, min_only=True, delay_minutes=delay)
    xy_all, lab, tmin, near = _labelled_samples(graph, snapped, minutes, owner, delay, limit_minutes, spacing_m)
    if not len(xy_all):
        return empty
    xy_all, lab, tmin, near = _with_origin_legs(graph, snapped, delay, limit_minutes, xy_all, lab, tmin, near)
    if limit_minutes is not None:
        region = _joint_drive_area(graph, snapped, minutes, float(limit_minutes), delay)
    elif boundary_lonlat is not None:
        # no limit: with the off-road leg every place of the boundary is reachable, so all of it is shared out
        region = _polygonal(transform(_forward_fn(graph), boundary_lonlat))
    else:
        region = _network_margin(graph, margin_m)
    if limit_minutes is not None and boundary_lonlat is not None:
        region = _polygonal(region.intersection(transform(_forward_fn(graph), boundary_lonlat)))
    areas = []
    for o, poly in _partition(xy_all, lab, region, near).items():
        areas.append(Area(int(o), None, _to_lonlat(poly, graph), poly.area / 1e6))
    areas.sort(key=lambda a: a.origin)
    return Catchments(areas, lab, graph.plane.inverse(xy_all), tmin)


def _with_origin_legs(graph, snapped, delay, limit_minutes, xy, lab, tmin, near):
    """The road samples plus samples on each origin's own off-road leg, from the origin to its road point,
    labelled by the origin where it gets there first: an origin far from the road (a hospital 19 km off the
    major roads) owns the places around it, which no road sample would give it. The road samples within
    the leg's length are marked `near`, so the borders around the leg are drawn."""
    v = graph.off_road_kmh * 1000.0 / 60.0  # metres a minute
    origin_xy = graph.plane.forward(np.column_stack((snapped.lon, snapped.lat)))
    tree = cKDTree(xy)
    dist, j = tree.query(origin_xy)
    near = np.ones(len(xy), bool) if near is None else near.copy()
    add_xy, add_lab, add_t = [], [], []
    for o in range(len(snapped)):
        leg = float(dist[o])
        if leg < 1.0:
            continue  # on the road: its road samples say it all
        f = np.linspace(0.0, 1.0, int(min(60, max(3, math.ceil(leg / 250.0)))), endpoint=False)
        own = delay[o] + f * leg / v
        other = np.inf if lab[j[o]] == o else tmin[j[o]] + (1.0 - f) * leg / v
        keep = own <= other
        if limit_minutes is not None:
            keep &= own <= limit_minutes + _EPS
        if not keep.any():
            continue
        road = xy[j[o]]
        pts = origin_xy[o] + f[keep, None] * (road - origin_xy[o])
        add_xy.append(pts)
        add_lab.append(np.full(len(pts), o, np.int64))
        add_t.append(own[keep])
        near[tree.query_ball_point(origin_xy[o], leg * 1.5 + 1.0)] = True
    if not add_xy:
        return xy, lab, tmin, near
    n = sum(len(p) for p in add_xy)
    return (
        np.vstack([xy, *add_xy]),
        np.concatenate([lab, *add_lab]),
        np.concatenate([tmin, *add_t]),
        np.concatenate([near, np.ones(n, bool)]),
    )


def _labelled_samples(graph, snapped, minutes, owner, delay, limit_minutes, spacing_m):
    """Samples along every reached segment (at most `spacing_m` apart, its ends, the meeting points of two
    origins ±, the snapped origins), each with the origin arriving first and its minutes; deduplicated."""
    k = len(snapped)
    start = snapped.off_road_minutes + delay
    cost_m, rev_m = graph.cost_s / 60.0, graph.reverse_cost_s / 60.0
    ptr, _, vec, _, _ = _piece_table(graph)
    piece_len = np.hypot(vec[:, 0], vec[:, 1])
    seg_len = np.bincount(graph._piece_seg, weights=piece_len, minlength=len(graph.seg_xy))
    h = spacing_m or max(25.0, float(seg_len.sum()) / 20_000)
    u, v = graph.seg_source, graph.seg_target
    has_own = np.zeros(len(seg_len), bool)
    has_own[snapped.segment] = True
    live = (seg_len > 0) & (has_own | np.isfinite(minutes[u]) | np.isfinite(minutes[v]))
    seg = np.flatnonzero(live)
    n = np.maximum(2, np.ceil(seg_len[seg] / h).astype(np.int64) + 1)
    s_seg = np.repeat(seg, n)
    s_x = (np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n - 1, n)
    extra_seg, extra_x = [s_seg], [s_x]
    # the exact meeting point of the two ends' origins, sampled on both sides
    with np.errstate(invalid="ignore"):
        both = (
            live
            & (owner[u] != owner[v])
            & (owner[u] >= 0)
            & (owner[v] >= 0)
            & (cost_m >= 0)
            & (rev_m >= 0)
            & np.isfinite(minutes[u] + minutes[v])
        )
    mseg = np.flatnonzero(both)
    xm = (minutes[v[mseg]] + rev_m[mseg] - minutes[u[mseg]]) / np.maximum(cost_m[mseg] + rev_m[mseg], 1e-12)
    dm = np.minimum(0.5, seg_len[mseg] / 10) / seg_len[mseg]
    for sign in (-1.0, 1.0):
        x = xm + sign * dm
        ok = (x > 0) & (x < 1)
        extra_seg.append(mseg[ok])
        extra_x.append(x[ok])
    extra_seg.append(snapped.segment.astype(np.int64))  # an origin on its segment
    extra_x.append(snapped.fraction.astype(np.float64))
    s_seg = np.concatenate(extra_seg)
    s_x = np.clip(np.concatenate(extra_x), 0.0, 1.0)
    # the first arrival at each sample: from either end, or from an origin on its segment
    with np.errstate(invalid="ignore"):
        t_u = np.where((cost_m[s_seg] >= 0) & (owner[u[s_seg]] >= 0), minutes[u[s_seg]] + s_x * cost_m[s_seg], np.inf)
        t_v = np.where(
            (rev_m[s_seg] >= 0) & (owner[v[s_seg]] >= 0), minutes[v[s_seg]] + (1 - s_x) * rev_m[s_seg], np.inf
        )
    best_t = np.minimum(t_u, t_v)
    best_o = np.where(t_u <= t_v, owner[u[s_seg]], owner[v[s_seg]])
    for o in range(k):
        on = np.flatnonzero(s_seg == snapped.segment[o])
        sk, t0 = int(snapped.segment[o]), float(snapped.fraction[o])
        x = s_x[on]
        ahead = np.where((x >= t0) & (cost_m[sk] >= 0), (x - t0) * cost_m[sk], np.inf)
        behind = np.where((x <= t0) & (rev_m[sk] >= 0), (t0 - x) * rev_m[sk], np.inf)
        t_o = start[o] + np.minimum(ahead, behind)
        better = t_o < best_t[on]
        best_t[on[better]], best_o[on[better]] = t_o[better], o
    ok = np.isfinite(best_t) & (best_o >= 0)
    if limit_minutes is not None:
        ok &= best_t <= limit_minutes + _EPS
    xy = _at_fraction(graph, s_seg[ok], s_x[ok])
    lab, tmin = best_o[ok].astype(np.int64), best_t[ok]
    needed = _near_borders(graph, s_seg[ok], lab)
    # one sample per place: the earliest arrival there (samples of two segments meet at their node)
    order = np.lexsort((tmin, np.round(xy[:, 1], 3), np.round(xy[:, 0], 3)))
    xy, lab, tmin, needed = xy[order], lab[order], tmin[order], needed[order]
    key = np.round(xy, 3)
    first = np.ones(len(xy), bool)
    first[1:] = np.any(key[1:] != key[:-1], axis=1)
    if len(xy):
        needed = np.logical_or.reduceat(needed, np.flatnonzero(first))
    return xy[first], lab[first], tmin[first], needed


def _near_borders(graph: RoadGraph, seg: np.ndarray, lab: np.ndarray) -> np.ndarray:
    """Per sample: whether it lies on a segment beside a face that is not pure, or beside no face. A pure
    face has every boundary segment sampled and all its samples of one label: its places all go to that
    label (their nearest samples are on its boundary), so no border crosses it and the Voronoi diagram
    needs only the other samples to draw the borders."""
    faces = faces_of(graph)
    n_seg = len(graph.seg_xy)
    lo = np.full(n_seg, np.iinfo(np.int64).max)
    hi = np.full(n_seg, -1)
    np.minimum.at(lo, seg, lab)
    np.maximum.at(hi, seg, lab)
    seg_label = np.where((hi >= 0) & (lo == hi), hi, -2)  # -2: mixed or not sampled
    pure = np.zeros(len(faces) + 1, bool)  # the last entry stands for "no face"
    if len(faces):
        counts = np.diff(faces.ptr)
        labels = np.append(seg_label[faces.seg], -2)
        starts = np.minimum(faces.ptr[:-1], len(labels) - 1)
        f_lo = np.minimum.reduceat(labels, starts)
        f_hi = np.maximum.reduceat(labels, starts)
        pure[:-1] = (counts > 0) & (f_lo >= 0) & (f_lo == f_hi)
    side = np.where(faces.seg_faces >= 0, faces.seg_faces, len(faces))
    return ~np.all(pure[side], axis=1)[seg]


def _label_borders(xy: np.ndarray, lab: np.ndarray, far: float) -> Optional[np.ndarray]:
    """The Voronoi edges between samples of different labels, (edges, 2, 2) (infinite ones cut `far` from
    their finite end); None when Qhull cannot draw the diagram (too few samples, all on one line)."""
    try:
        vor = Voronoi(xy)
    except (QhullError, ValueError):
        return None
    pairs = vor.ridge_points
    verts = np.asarray(vor.ridge_vertices, dtype=np.int64)
    mixed = lab[pairs[:, 0]] != lab[pairs[:, 1]]
    pairs, verts = pairs[mixed], verts[mixed]
    finite = np.all(verts >= 0, axis=1)
    out = np.empty((len(pairs), 2, 2))
    out[finite] = vor.vertices[verts[finite]]
    centre = xy.mean(axis=0)
    for i in np.flatnonzero(~finite):  # one end at infinity: along the bisector, away from the samples
        v0 = verts[i][verts[i] >= 0][0]
        p, q = xy[pairs[i]]
        tangent = q - p
        normal = np.array([-tangent[1], tangent[0]]) / max(np.hypot(*tangent), 1e-12)
        if np.dot((p + q) / 2 - centre, normal) < 0:
            normal = -normal
        out[i] = (vor.vertices[v0], vor.vertices[v0] + normal * far)
    return out


def _partition(
    xy: np.ndarray, lab: np.ndarray, region: BaseGeometry, near: Optional[np.ndarray] = None
) -> dict[int, BaseGeometry]:
    """The region split by the label borders, each piece to its nearest sample's label: {label: polygon}.

    The borders (from the samples `near` them, or all) and the region's boundary are noded and polygonized
    once; each piece inside the region takes the label of the sample nearest its representative point (no
    border crosses a piece). A label's few pieces are then dissolved (a Voronoi edge between two samples of
    one label, drawn without the samples between them, may split a pure face)."""
    if region.is_empty:
        return {}
    if len(np.unique(lab)) == 1:
        return {int(lab[0]): region}
    minx, miny, maxx, maxy = region.bounds
    far = 2.0 * (max(maxx - minx, maxy - miny) + float(np.ptp(xy, axis=0).max()) + 1.0)
    sub = np.ones(len(xy), bool) if near is None else near
    borders = _label_borders(xy[sub], lab[sub], far) if len(np.unique(lab[sub])) > 1 else np.zeros((0, 2, 2))
    if borders is None:
        return _partition_by_cells(xy, lab, region)
    # only the edges whose box meets the region's (the rest cannot cut it)
    lo, hi = borders.min(axis=1), borders.max(axis=1)
    borders = borders[(lo[:, 0] <= maxx) & (hi[:, 0] >= minx) & (lo[:, 1] <= maxy) & (hi[:, 1] >= miny)]
    noded = unary_union([_lines_wkb(borders), region.boundary])
    tree = cKDTree(xy)
    inside = prep(region)
    pieces: dict[int, list[Polygon]] = {}
    for poly in polygonize([noded]):  # one collection: GEOS takes its lines (no Python object per line)
        p = poly.representative_point()
        if not inside.contains(p):
            continue
        _, i = tree.query((p.x, p.y))
        pieces.setdefault(int(lab[i]), []).append(poly)
    return {o: (ps[0] if len(ps) == 1 else unary_union(ps)) for o, ps in pieces.items()}


def _lines_wkb(edges: np.ndarray) -> BaseGeometry:
    """A multilinestring of (edges, 2, 2) straight edges, built as WKB (no Python object per edge)."""
    if not len(edges):
        return MultiLineString()
    rows = np.zeros(len(edges), dtype=[("order", "u1"), ("kind", "<u4"), ("points", "<u4"), ("xy", "<f8", (2, 2))])
    rows["order"], rows["kind"], rows["points"], rows["xy"] = 1, 2, 2, edges
    head = np.zeros(1, dtype=[("order", "u1"), ("kind", "<u4"), ("count", "<u4")])
    head["order"], head["kind"], head["count"] = 1, 5, len(edges)
    return wkb.loads(head.tobytes() + rows.tobytes())


def _partition_by_cells(xy: np.ndarray, lab: np.ndarray, region: BaseGeometry) -> dict[int, BaseGeometry]:
    """The same partition from GEOS's Voronoi cells dissolved by label (for samples Qhull cannot take)."""
    cells = _voronoi_cells(xy, region)
    out = {}
    for o in np.unique(lab):
        mine = [cells[i] for i in np.flatnonzero(lab == o) if cells[i] is not None]
        poly = _polygonal(_dissolve(mine).intersection(region)) if mine else Polygon()
        if not poly.is_empty:
            out[int(o)] = poly
    return out


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


def _joint_drive_area(
    graph: RoadGraph, snapped: Snapped, minutes: np.ndarray, limit: float, delay: np.ndarray
) -> BaseGeometry:
    """Where some origin arrives within the limit: the reach of the first arrivals (delays included)."""
    xy = graph.plane.forward(np.column_stack((snapped.lon, snapped.lat)))
    start = snapped.off_road_minutes + delay
    own = [(int(snapped.segment[o]), float(snapped.fraction[o]), float(start[o])) for o in range(len(snapped))]
    discs = [(float(xy[o, 0]), float(xy[o, 1]), float(delay[o])) for o in range(len(snapped)) if delay[o] < limit]
    return _reach_areas(graph, minutes, [limit], own, discs)[0]


def _network_margin(graph: RoadGraph, margin_m: float) -> BaseGeometry:
    """The network within `margin_m`: every segment's capsule of that radius, faces it covers filled."""
    faces = faces_of(graph)
    covered = faces.reach_m <= margin_m
    inner = np.all(np.append(covered, False)[faces.seg_faces], axis=1)  # -1 (no face): the appended False
    ptr, start, vec, _, _ = _piece_table(graph)
    keep = ~inner[graph._piece_seg]
    a, b = start[keep], start[keep] + vec[keep]
    r = np.full(len(a), float(margin_m))
    return _fill_covered_holes(capsules(a[:, 0], a[:, 1], r, b[:, 0], b[:, 1], r), faces, covered)


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
