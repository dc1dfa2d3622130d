"""Road lines (a class and a one-way flag each) → a routable network: segments with source/target nodes,
lengths and costs in seconds both ways, and a report of what was joined.

1. Lines are read from a core.tabular Table: any line layer with a class field (`highway` values, see
   definitions.roads.RoadClass), or GDAL's OSM driver's `lines` layer, whose `other_tags` hold `oneway` and
   `junction=roundabout` (motorways and roundabouts are one-way unless tagged otherwise, as in OSM).
2. Everything is done in a local metric plane (equirectangular around the data's centre: within 1% for a
   province, a few % across Thailand), so the snap tolerance is in metres.
3. Line ends that touch no other line (but their twin: a dual carriageway digitised once per direction ends
   where its twin starts) get a connector to the nearest line within the tolerance: to that line's nearest
   point, or to its end when the two ends face each other. The junction is added to the target as a vertex
   so the noding joins it exactly; a connector is a road of its line's class open both ways. An end whose own
   line already crosses the target nearby (an overshoot) is left alone: the noding joins them.
4. GEOS nodes the whole set (shapely's unary_union): crossings without a shared vertex become junctions,
   overlapping twins (a dual carriageway digitised twice on one line) become one piece open both ways.
5. Each piece takes the class, speed and direction of the line(s) it lies on; its length is measured on the
   WGS 84 ellipsoid (pyproj.Geod); cost = length / speed, -1 for a closed direction (pgRouting's convention).
6. Connected components (undirected): numbered by total length, 0 = the largest, the routable network that
   core.travel_time uses; the others are listed as islands (kept in the store for the map, not routed on).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Mapping, Optional, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely import wkb
from shapely.geometry import LineString, MultiLineString, Point
from shapely.ops import nearest_points, snap, unary_union
from shapely.strtree import STRtree

from ..definitions.i18n import translate
from ..definitions.roads import RoadClass, road_class_of
from .tabular import Table

EARTH_RADIUS_M = 6371008.8
_U_TURN_COS = np.cos(np.radians(30))  # two lines leaving an end within 30° of each other turn back
ON_LINE_M = 0.01  # closer than this, a point is on a line (the plane's rounding is far below)
with warnings.catch_warnings():  # pyproj warns about PROJ's data folder, which Geod never reads
    warnings.simplefilter("ignore")
    from pyproj import Geod
_GEOD = Geod(ellps="WGS84")
_TAG = re.compile(r'"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"')
_FORWARD = {"yes", "true", "1", "forward"}
_BACKWARD = {"-1", "reverse", "backward"}
OSM_TAGS_FIELD = "other_tags"


class RoadNetworkError(ValueError):
    """The lines cannot make a network (no class field, no roads, nothing routable); the message says why."""


@dataclass(frozen=True)
class RoadLine:
    coords: np.ndarray  # (n, 2) lon, lat
    road_class: RoadClass
    oneway: int  # 1: only in the line's direction, -1: only against it, 0: both ways
    name: Optional[str] = None
    osm_id: Optional[int] = None


@dataclass
class RoadLines:
    lines: list[RoadLine]
    not_roads: Counter = field(default_factory=Counter)  # class value -> lines left out (footway, none ...)
    no_geometry: int = 0


@dataclass(frozen=True)
class Island:
    component: int
    segments: int
    length_km: float
    lon: float  # a point of it, to find it on the map
    lat: float


@dataclass
class NetworkReport:
    lines: int  # input lines (parts of multi-lines counted)
    segments: int
    nodes: int
    junctions_snapped: int  # line ends joined to another line by a connector
    snap_moves_m: list[float]  # each connector's length: how far the end was from the line
    split_points: int  # nodes inside an input line (crossings noded, snapped ends landing on a line)
    components: int
    largest_share: float  # of the total length, in the largest component
    length_km: float
    islands: list[Island]
    not_roads: dict[str, int] = field(default_factory=dict)

    @property
    def max_snap_m(self) -> float:
        return max(self.snap_moves_m, default=0.0)

    @property
    def median_snap_m(self) -> float:
        return float(np.median(self.snap_moves_m)) if self.snap_moves_m else 0.0

    def as_json(self) -> dict:
        return {
            "lines": self.lines,
            "segments": self.segments,
            "nodes": self.nodes,
            "junctions_snapped": self.junctions_snapped,
            "max_snap_m": round(self.max_snap_m, 1),
            "median_snap_m": round(self.median_snap_m, 1),
            "split_points": self.split_points,
            "components": self.components,
            "largest_share": round(self.largest_share, 4),
            "length_km": round(self.length_km, 3),
            "islands": [
                {
                    "component": i.component,
                    "segments": i.segments,
                    "length_km": round(i.length_km, 3),
                    "lon": round(i.lon, 6),
                    "lat": round(i.lat, 6),
                }
                for i in self.islands
            ],
            "not_roads": dict(self.not_roads),
        }


@dataclass
class RoadNetwork:
    """Segments as parallel arrays (index k = one segment); node ids 1..nodes."""

    geoms: list[LineString]  # lon/lat
    source: np.ndarray
    target: np.ndarray
    length_m: np.ndarray
    speed_kmh: np.ndarray
    cost_s: np.ndarray  # source -> target; -1: closed
    reverse_cost_s: np.ndarray
    road_class: list[str]
    oneway: np.ndarray  # 1 / -1 / 0 as for RoadLine, relative to the segment's own direction
    name: list[Optional[str]]
    osm_id: list[Optional[int]]
    component: np.ndarray  # 0: the largest (routable)
    report: NetworkReport

    def __len__(self) -> int:
        return len(self.geoms)


# --- reading ---------------------------------------------------------------------------------------------


def oneway_of(value: Optional[str]) -> Optional[int]:
    """1 / -1 / 0 for an OSM-style oneway value; None when the value says nothing (empty, 'unknown')."""
    text = (value or "").strip().lower()
    if text in _FORWARD:
        return 1
    if text in _BACKWARD:
        return -1
    if text in ("no", "false", "0"):
        return 0
    return None


def osm_tags(text: Optional[str]) -> dict[str, str]:
    """GDAL's `other_tags` ("key"=>"value",...) as a dict."""
    return {k.replace('\\"', '"'): v.replace('\\"', '"') for k, v in _TAG.findall(text or "")}


def road_lines(
    table: Table,
    class_field: Optional[str] = None,
    oneway_field: Optional[str] = None,
    name_field: Optional[str] = None,
) -> RoadLines:
    """The table's lines with a road class. `class_field` None: `highway` if the table has it.

    An OSM `lines` layer (it has `other_tags`) takes oneway from the tags unless a field is given.
    Raises RoadNetworkError when the table has no geometry or the class field is missing."""
    headers = {h.lower(): h for h in table.headers}
    if table.geometries is None:
        raise RoadNetworkError(translate("RoadNetwork", "{0} has no geometry: give a line layer.").format(table.name))
    class_name = headers.get((class_field or "highway").strip().lower())
    if class_name is None:
        raise RoadNetworkError(
            translate(
                "RoadNetwork",
                "{0} has no road class field '{1}'. Its fields: {2}. Name the field holding the "
                "road class (motorway, trunk, primary ...).",
            ).format(table.name, class_field or "highway", ", ".join(table.headers) or "-")
        )
    oneway_name = headers.get(oneway_field.strip().lower()) if oneway_field else headers.get("oneway")
    if oneway_field and oneway_name is None:
        raise RoadNetworkError(
            translate("RoadNetwork", "{0} has no one-way field '{1}'. Its fields: {2}.").format(
                table.name, oneway_field, ", ".join(table.headers)
            )
        )
    tags_name = headers.get(OSM_TAGS_FIELD)
    name_name = headers.get((name_field or "name").strip().lower())
    osm_name = headers.get("osm_id")
    out = RoadLines([])
    for row, blob in zip(table.rows, table.geometries):
        value = row.get(class_name)
        road_class = road_class_of(value)
        if road_class is None:
            out.not_roads[(value or "").strip().lower() or "-"] += 1
            continue
        if blob is None:
            out.no_geometry += 1
            continue
        tags = osm_tags(row.get(tags_name)) if tags_name else {}
        oneway = oneway_of(row.get(oneway_name)) if oneway_name else None
        if oneway is None and tags:
            oneway = oneway_of(tags.get("oneway"))
        if oneway is None and tags_name:  # OSM's implied one-ways
            oneway = 1 if road_class == RoadClass.MOTORWAY or tags.get("junction") in ("roundabout", "circular") else 0
        osm_text = (row.get(osm_name) or "").strip() if osm_name else ""
        for part in _line_parts(wkb.loads(blob)):
            out.lines.append(
                RoadLine(
                    part,
                    road_class,
                    oneway or 0,
                    row.get(name_name) if name_name else None,
                    int(osm_text) if osm_text.lstrip("-").isdigit() else None,
                )
            )
    return out


def _line_parts(geom) -> list[np.ndarray]:
    if isinstance(geom, LineString):
        parts = [geom]
    elif isinstance(geom, MultiLineString):
        parts = list(geom.geoms)
    else:
        parts = [g for g in getattr(geom, "geoms", []) if isinstance(g, LineString)]
    return [np.asarray(p.coords, np.float64)[:, :2] for p in parts if not p.is_empty and len(p.coords) >= 2]


# --- the local plane -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LocalPlane:
    """Equirectangular metres around (lon0, lat0): simple, exact to invert, good enough for tolerances."""

    lon0: float
    lat0: float

    @classmethod
    def around(cls, lon: np.ndarray, lat: np.ndarray) -> LocalPlane:
        return cls(float((np.min(lon) + np.max(lon)) / 2), float((np.min(lat) + np.max(lat)) / 2))

    @property
    def kx(self) -> float:
        return np.radians(1.0) * EARTH_RADIUS_M * np.cos(np.radians(self.lat0))

    @property
    def ky(self) -> float:
        return np.radians(1.0) * EARTH_RADIUS_M

    def forward(self, lonlat: np.ndarray) -> np.ndarray:
        lonlat = np.asarray(lonlat, np.float64)
        return np.column_stack(((lonlat[:, 0] - self.lon0) * self.kx, (lonlat[:, 1] - self.lat0) * self.ky))

    def inverse(self, xy: np.ndarray) -> np.ndarray:
        xy = np.asarray(xy, np.float64)
        return np.column_stack((xy[:, 0] / self.kx + self.lon0, xy[:, 1] / self.ky + self.lat0))


def strtree(geoms: Sequence) -> STRtree:
    with warnings.catch_warnings():  # shapely 1.8 warns that 2.0 changes the API; Debian's is 1.8
        warnings.simplefilter("ignore")
        return STRtree(list(geoms))


def geodesic_lengths_m(coords: Sequence[np.ndarray]) -> np.ndarray:
    """Ellipsoidal length of each lon/lat polyline, vectorised over all their vertex pairs."""
    if not coords:
        return np.zeros(0)
    counts = np.fromiter((len(c) for c in coords), np.int64, len(coords))
    allc = np.concatenate(coords)
    start = np.concatenate(([0], np.cumsum(counts)[:-1]))
    valid = np.ones(len(allc), bool)
    valid[start] = False  # the first vertex of each line has no pair before it
    idx = np.flatnonzero(valid)
    _, _, dist = _GEOD.inv(allc[idx - 1, 0], allc[idx - 1, 1], allc[idx, 0], allc[idx, 1])
    owner = np.repeat(np.arange(len(coords)), counts)[idx]
    return np.bincount(owner, weights=np.asarray(dist), minlength=len(coords))


# --- building --------------------------------------------------------------------------------------------


def _snap_ends(geoms: list[LineString], tolerance_m: float) -> tuple[list[tuple[int, LineString]], list[float]]:
    """Connectors from dangling ends to the nearest line within the tolerance: (line index, connector) each,
    and the gaps they bridge in metres. The targets get the junction as a vertex (in place).

    An end is dangling when no other line passes through it or continues from it: the only lines ending
    there turn back the way it came (a U-turn: a dual carriageway digitised once per direction ends where its
    twin starts). A connector is open both ways, so both carriageways reach the junction."""
    if tolerance_m <= 0 or len(geoms) < 2:
        return [], []
    tree = strtree(geoms)  # over the lines as read: the targets change only by vertices added on them

    def leaving(g: LineString, at_start: bool) -> np.ndarray:
        xy = np.asarray(g.coords)
        if not at_start:
            xy = xy[::-1]
        step = xy[1:] - xy[0]
        far = np.flatnonzero(np.hypot(step[:, 0], step[:, 1]) > ON_LINE_M)
        v = step[far[0]] if len(far) else np.array([1.0, 0.0])
        return v / np.hypot(*v)

    def gaps_from(i: int, at_start: bool) -> Optional[list[tuple[float, int]]]:
        """Lines near the end, nearest first, without the U-turn partners; None: the end is joined."""
        line = geoms[i]
        point = Point(line.coords[0] if at_start else line.coords[-1])
        key = _key(point.coords[0])
        own = leaving(line, at_start)
        out = []
        for j in tree.query_items(point.buffer(2 * tolerance_m, 4)):
            if j == i:
                continue
            d = geoms[j].distance(point)
            if d <= ON_LINE_M:
                other = geoms[j]
                ends = [e for e, c in ((True, other.coords[0]), (False, other.coords[-1])) if _key(c) == key]
                if not ends or any(float(own @ leaving(other, e)) < _U_TURN_COS for e in ends):
                    return None  # passes through, or continues: a junction or a road going on
                continue  # a U-turn partner: its twin
            out.append((d, j))
        return sorted(out)

    candidates = []
    for i in range(len(geoms)):
        for at_start in (True, False):
            gaps = gaps_from(i, at_start)
            if gaps and gaps[0][0] <= tolerance_m:
                candidates.append((gaps[0][0], i, at_start))
    connected: set[tuple[float, float]] = set()  # ends a connector starts or ends at
    connectors, moves = [], []
    for _, i, at_start in sorted(candidates):  # the smallest gaps first: they are the surest junctions
        line = geoms[i]
        point = Point(line.coords[0] if at_start else line.coords[-1])
        if _key(point.coords[0]) in connected:
            continue  # joined already: a twin's connector, or the target end of an earlier one
        gaps = gaps_from(i, at_start)
        if not gaps or gaps[0][0] > tolerance_m:
            continue  # joined by an earlier connector's vertex on this line
        gap, j = gaps[0]
        target = geoms[j]
        crossing = line.intersection(target)
        if not crossing.is_empty and crossing.distance(point) <= tolerance_m:
            continue  # an overshoot: its own line crosses the target nearby, the noding joins them
        to = nearest_points(point, target)[1]
        for end in (Point(target.coords[0]), Point(target.coords[-1])):
            d = point.distance(end)
            if d <= tolerance_m and d <= gap * 1.2 + 1.0:  # two ends facing each other: meet at its end
                to = end
        geoms[j] = snap(target, to, ON_LINE_M)  # the junction becomes a vertex of the target
        connectors.append((i, LineString([point.coords[0], to.coords[0]])))
        connected.add(_key(point.coords[0]))
        connected.add(_key(to.coords[0]))
        moves.append(point.distance(to))
    return connectors, moves


def build_network(
    lines: RoadLines,
    speeds_kmh: Mapping[RoadClass, float],
    snap_tolerance_m: float,
) -> RoadNetwork:
    """Node, snap, measure and split into components (see the module docstring).

    Raises RoadNetworkError when there is no road line at all."""
    if not lines.lines:
        raise RoadNetworkError(translate("RoadNetwork", "No road lines to build a network from."))
    if not np.isfinite(snap_tolerance_m) or snap_tolerance_m < 0:
        raise RoadNetworkError(
            translate("RoadNetwork", "The snap tolerance must be 0 or more metres, not {0}.").format(snap_tolerance_m)
        )
    allc = np.concatenate([line.coords for line in lines.lines])
    plane = LocalPlane.around(allc[:, 0], allc[:, 1])
    geoms = [LineString(plane.forward(line.coords)) for line in lines.lines]
    keep = [k for k, g in enumerate(geoms) if g.length > ON_LINE_M]
    source_lines = [lines.lines[k] for k in keep]
    geoms = [geoms[k] for k in keep]
    if not geoms:
        raise RoadNetworkError(translate("RoadNetwork", "No road lines to build a network from."))
    input_ends = {_key(c) for g in geoms for c in (g.coords[0], g.coords[-1])}
    connectors, moves = _snap_ends(geoms, snap_tolerance_m)
    for i, connector in connectors:  # a connector is a road of its line's class, open both ways
        geoms.append(connector)
        source_lines.append(replace(source_lines[i], coords=np.zeros((0, 2)), oneway=0))

    noded = unary_union(geoms)
    pieces = (
        [noded]
        if isinstance(noded, LineString)
        else [g for g in getattr(noded, "geoms", []) if isinstance(g, LineString)]
    )
    pieces = [p for p in pieces if p.length > ON_LINE_M]
    tree = strtree(geoms)
    seg_xy, fwd_speed, back_speed, info = [], [], [], []
    for piece in pieces:
        mid = piece.interpolate(0.5, normalized=True)
        a, b = Point(piece.coords[0]), Point(piece.coords[-1])
        best_f, best_b, best = 0.0, 0.0, None
        for j in tree.query_items(mid.buffer(1.0, 2)):
            line = geoms[j]
            if line.distance(mid) > ON_LINE_M * 10:
                continue
            src = source_lines[j]
            same = line.project(a) <= line.project(b)
            speed = float(speeds_kmh[src.road_class])
            forward = src.oneway == 0 or (src.oneway == 1) == same
            backward = src.oneway == 0 or (src.oneway == -1) == same
            if forward:
                best_f = max(best_f, speed)
            if backward:
                best_b = max(best_b, speed)
            if best is None or speed > float(speeds_kmh[best.road_class]):
                best = src
        if best is None:  # cannot happen with exact noding; a piece of nothing is dropped
            continue
        seg_xy.append(np.asarray(piece.coords))
        fwd_speed.append(best_f)
        back_speed.append(best_b)
        info.append(best)

    node_of: dict[tuple, int] = {}
    source = np.zeros(len(seg_xy), np.int64)
    target = np.zeros(len(seg_xy), np.int64)
    for k, xy in enumerate(seg_xy):
        source[k] = node_of.setdefault(_key(xy[0]), len(node_of) + 1)
        target[k] = node_of.setdefault(_key(xy[-1]), len(node_of) + 1)
    lonlat = [plane.inverse(xy) for xy in seg_xy]
    length = geodesic_lengths_m(lonlat)
    fwd = np.asarray(fwd_speed)
    back = np.asarray(back_speed)
    cost = np.where(fwd > 0, length / np.maximum(fwd, 1e-9) * 3.6, -1.0)
    reverse_cost = np.where(back > 0, length / np.maximum(back, 1e-9) * 3.6, -1.0)
    oneway = np.where((fwd > 0) & (back > 0), 0, np.where(fwd > 0, 1, -1))

    n_nodes = len(node_of)
    graph = coo_matrix((np.ones(len(seg_xy)), (source - 1, target - 1)), shape=(n_nodes, n_nodes))
    n_comp, labels = connected_components(graph, directed=False)
    comp_of_seg = labels[source - 1]
    comp_length = np.bincount(comp_of_seg, weights=length, minlength=n_comp)
    order = np.argsort(-comp_length, kind="stable")
    rank = np.empty(n_comp, np.int64)
    rank[order] = np.arange(n_comp)
    component = rank[comp_of_seg]
    total = float(length.sum())
    islands = []
    for c in range(1, n_comp):
        members = np.flatnonzero(component == c)
        first = lonlat[members[0]]
        islands.append(
            Island(c, len(members), float(length[members].sum()) / 1000, float(first[0, 0]), float(first[0, 1]))
        )
    interior = sum(1 for key in node_of if key not in input_ends)
    report = NetworkReport(
        lines=len(geoms) - len(connectors),
        segments=len(seg_xy),
        nodes=n_nodes,
        junctions_snapped=len(moves),
        snap_moves_m=moves,
        split_points=interior,
        components=n_comp,
        largest_share=float(comp_length.max() / total) if total > 0 else 0.0,
        length_km=total / 1000,
        islands=islands,
        not_roads=dict(lines.not_roads),
    )
    return RoadNetwork(
        geoms=[LineString(c) for c in lonlat],
        source=source,
        target=target,
        length_m=length,
        speed_kmh=np.maximum(fwd, back),
        cost_s=cost,
        reverse_cost_s=reverse_cost,
        road_class=[i.road_class.value for i in info],
        oneway=oneway,
        name=[i.name for i in info],
        osm_id=[i.osm_id for i in info],
        component=component,
        report=report,
    )


def _key(xy) -> tuple[float, float]:
    """A node's identity: noded pieces share their end coordinates exactly; round off float noise only."""
    return (round(float(xy[0]), 3), round(float(xy[1]), 3))
