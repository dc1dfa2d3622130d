"""Faces of a road graph: the polygons its segments enclose (shapely polygonize), for service areas.

A face whose whole boundary is reached with at least `reach_m` of off-road reach left everywhere is covered
whole by a drive-time area: every point of it is within `reach_m` of its boundary. `reach_m` is an upper
bound of that distance (the largest inscribed circle fits in the face's box and has no more area than the
face), so the claim stays true; a face whose rings do not map back onto segments gets an infinite bound and
is never claimed. Built once per graph and kept on it (`faces_of`), like the graph itself per network version.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from shapely.geometry import MultiLineString, Point, Polygon
from shapely.ops import polygonize

from .road_network import strtree
from .travel_time import RoadGraph

_KEY_M = 1e-3  # vertices are matched to the millimetre


@dataclass
class RoadFaces:
    polygons: list[Polygon]  # in the graph's plane
    reach_m: np.ndarray  # per face: an upper bound of the distance from any of its points to its boundary
    ptr: np.ndarray  # face f's boundary segments are seg[ptr[f]:ptr[f + 1]]
    seg: np.ndarray
    seg_faces: np.ndarray  # (segments, 2): the faces on either side; -1: none (outside, dangling, unmatched)
    bounds: np.ndarray  # (faces, 4): minx, miny, maxx, maxy
    open_pieces: np.ndarray  # (pieces, 2, 2): the straight pieces of segments with no face on some side
    _tree: object
    _index: dict

    def __len__(self) -> int:
        return len(self.polygons)

    def within_covered(self, x: float, y: float, radius: float, covered: np.ndarray) -> bool:
        """Whether the disc lies in faces that are all covered: its centre in a covered face, no segment
        with an open side within `radius` (so the disc stays inside the faces) and every face whose box
        meets the disc's box covered."""
        if not len(self.polygons) or not any(covered[f] for f in self.touching(x, y)):
            return False
        if len(self.open_pieces):
            a, b = self.open_pieces[:, 0], self.open_pieces[:, 1]
            ab = b - a
            t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1]) / np.maximum((ab**2).sum(1), 1e-12), 0, 1)
            if np.min(np.hypot(a[:, 0] + t * ab[:, 0] - x, a[:, 1] + t * ab[:, 1] - y)) <= radius:
                return False
        bx = self.bounds
        near = (bx[:, 0] <= x + radius) & (bx[:, 2] >= x - radius) & (bx[:, 1] <= y + radius) & (bx[:, 3] >= y - radius)
        return bool(np.all(covered[near]))

    def touching(self, x: float, y: float) -> list[int]:
        """The faces holding or touching the point (x, y) of the plane."""
        if self._tree is None:
            return []
        p = Point(x, y)
        return [self._index[id(g)] for g in self._tree.query(p) if g.intersects(p)]


def _keys(a: np.ndarray, b: np.ndarray) -> list[tuple]:
    """An undirected key per vertex pair (a[i], b[i]), rounded to `_KEY_M`."""
    qa = np.round(a / _KEY_M).astype(np.int64)
    qb = np.round(b / _KEY_M).astype(np.int64)
    swap = (qa[:, 0] > qb[:, 0]) | ((qa[:, 0] == qb[:, 0]) & (qa[:, 1] > qb[:, 1]))
    lo = np.where(swap[:, None], qb, qa)
    hi = np.where(swap[:, None], qa, qb)
    return list(zip(lo[:, 0].tolist(), lo[:, 1].tolist(), hi[:, 0].tolist(), hi[:, 1].tolist()))


def build_faces(graph: RoadGraph) -> RoadFaces:
    n_seg = len(graph.seg_xy)
    owner_of: dict[tuple, int] = {}
    for s, xy in enumerate(graph.seg_xy):
        if len(xy) >= 2:
            for key in _keys(xy[:-1], xy[1:]):
                owner_of.setdefault(key, s)  # parallel copies of one line: either one's minutes will do
    polygons = [p for p in polygonize(MultiLineString([xy for xy in graph.seg_xy if len(xy) >= 2])) if p.area > 0]
    reach = np.zeros(len(polygons))
    ptr = np.zeros(len(polygons) + 1, np.int64)
    segs: list[np.ndarray] = []
    sides: list[list[int]] = [[] for _ in range(n_seg)]
    for f, poly in enumerate(polygons):
        found: list[int] = []
        ok = True
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)
            for key in _keys(xy[:-1], xy[1:]):
                s = owner_of.get(key)
                if s is None:
                    ok = False
                else:
                    found.append(s)
        mine = np.unique(np.asarray(found, np.int64))
        minx, miny, maxx, maxy = poly.bounds
        reach[f] = min(min(maxx - minx, maxy - miny) / 2.0, math.sqrt(poly.area / math.pi)) if ok else np.inf
        segs.append(mine)
        ptr[f + 1] = ptr[f] + len(mine)
        for s in mine.tolist():
            sides[s].append(f)
    seg_faces = np.full((n_seg, 2), -1, np.int64)
    for s, fs in enumerate(sides):
        if len(fs) == 2:
            seg_faces[s] = fs
        elif len(fs) == 1:
            seg_faces[s, 0] = fs[0]
    tree = strtree(polygons) if polygons else None
    bounds = np.array([p.bounds for p in polygons]).reshape(-1, 4)
    open_seg = np.any(seg_faces < 0, axis=1)
    pieces = [np.column_stack((xy[:-1], xy[1:])).reshape(-1, 2, 2) for xy in graph.seg_xy]
    open_pieces = np.concatenate([pieces[s] for s in np.flatnonzero(open_seg)] or [np.zeros((0, 2, 2))])
    index = {id(p): f for f, p in enumerate(polygons)}
    seg = np.concatenate(segs) if segs else np.zeros(0, np.int64)
    return RoadFaces(polygons, reach, ptr, seg, seg_faces, bounds, open_pieces, tree, index)


def faces_of(graph: RoadGraph) -> RoadFaces:
    """The graph's faces, built the first time and kept on the graph."""
    faces = graph.__dict__.get("_faces")
    if faces is None:
        faces = graph.__dict__["_faces"] = build_faces(graph)
    return faces
