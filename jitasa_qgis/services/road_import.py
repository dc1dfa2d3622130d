"""Import a road network (the workflow behind jitasa:importroads): an OpenStreetMap file (.osm / .pbf through
GDAL's OSM driver, its `lines` layer) or any line layer with a road class field → core.road_network (noding,
snapping, costs, components) → one transaction that creates the network or replaces all its segments.

Refused before anything is written, each with a message saying why: no class field, no drivable road inside
Thailand in the file, a network that falls apart (the largest connected piece holds less than
`min_largest_share` of the length: raise the snap tolerance or import a fuller file), bad speeds or
tolerance. Importing under the same name again replaces that network's segments and bumps its version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import numpy as np

from ..core.import_records import inside_thailand
from ..core.road_network import NetworkReport, RoadLines, RoadNetwork, RoadNetworkError, build_network, road_lines
from ..core.tabular import Table, read_table
from ..definitions.i18n import translate
from ..definitions.roads import speeds_from_text
from ..store.migrations import check_schema_current
from ..store.roads import WrittenNetwork, replace_network
from .progress import Progress, check_cancelled, progress_of
from .store_access import Store, connection, written_whole

PathLike = Union[str, Path]
OSM_SUFFIXES = (".osm", ".pbf")
OSM_LINES_LAYER = "lines"
OSM_ATTRIBUTION = "Roads © OpenStreetMap contributors, ODbL"
DEFAULT_SNAP_TOLERANCE_M = 50.0
MAX_SNAP_TOLERANCE_M = 5000.0
DEFAULT_MIN_LARGEST_SHARE = 0.5
_READ, _BUILT = 0.2, 0.7


@dataclass(frozen=True)
class RoadImportParams:
    network: str  # the network's name: importing under it again replaces it
    table: Optional[Table] = None  # a table already read (a toolbox layer); else `path`
    path: Optional[PathLike] = None  # .osm / .pbf or any OGR line file
    layer: Optional[str] = None  # None: `lines` of an OSM file, else the first layer
    class_field: Optional[str] = None  # None: highway
    oneway_field: Optional[str] = None  # None: oneway if present (OSM: from other_tags)
    snap_tolerance_m: float = DEFAULT_SNAP_TOLERANCE_M
    speeds: str = ""  # overrides "trunk=80; primary=60"
    attribution: Optional[str] = None  # None: the OpenStreetMap line for an OSM file
    min_largest_share: float = DEFAULT_MIN_LARGEST_SHARE


@dataclass(frozen=True)
class RoadImportResult:
    network_id: int
    network: str
    version: int
    replaced: bool
    source_name: str
    segments: int
    nodes: int
    junctions_snapped: int
    max_snap_m: float
    median_snap_m: float
    split_points: int
    components: int
    largest_share: float
    length_km: float
    routable_segments: int
    islands: list = field(default_factory=list)  # core.road_network.Island
    outside_thailand: int = 0
    not_roads: dict = field(default_factory=dict)

    def summary_lines(self) -> list[str]:
        lines = [
            translate(
                "RoadImport", "Network '{0}' (version {1}) from {2}: {3} segments, {4} nodes, {5:.1f} km."
            ).format(self.network, self.version, self.source_name, self.segments, self.nodes, self.length_km),
            translate(
                "RoadImport", "Junctions made by snapping line ends: {0} (largest move {1:.0f} m, median {2:.0f} m)."
            ).format(self.junctions_snapped, self.max_snap_m, self.median_snap_m),
            translate("RoadImport", "Lines split at {0} crossings and junctions inside them.").format(
                self.split_points
            ),
            translate(
                "RoadImport",
                "{0} connected pieces: the largest, routable, holds {1:.1f}% of the length ({2} segments).",
            ).format(self.components, 100 * self.largest_share, self.routable_segments),
        ]
        for island in self.islands[:20]:
            lines.append(
                translate("RoadImport", "Island {0}: {1} segments, {2:.1f} km, near {3:.4f}, {4:.4f}.").format(
                    island.component, island.segments, island.length_km, island.lon, island.lat
                )
            )
        if len(self.islands) > 20:
            lines.append(translate("RoadImport", "… and {0} more islands.").format(len(self.islands) - 20))
        if self.not_roads:
            lines.append(
                translate("RoadImport", "Lines left out, not roads to drive on: {0}.").format(
                    ", ".join(f"{k} {v}" for k, v in sorted(self.not_roads.items()))
                )
            )
        if self.outside_thailand:
            lines.append(translate("RoadImport", "{0} lines outside Thailand left out.").format(self.outside_thailand))
        if self.replaced:
            lines.append(translate("RoadImport", "The network's previous segments were replaced."))
        return lines


def _read(params: RoadImportParams) -> Table:
    if params.table is not None:
        return params.table
    if params.path is None:
        raise ValueError(translate("RoadImport", "Give a line layer or a file to import roads from."))
    path = Path(params.path)
    layer = params.layer
    if layer is None and path.suffix.lower() in OSM_SUFFIXES:
        layer = OSM_LINES_LAYER
    return read_table(path, layer)


def _inside_thailand(lines: RoadLines) -> tuple[RoadLines, int]:
    kept = [
        line
        for line in lines.lines
        if any(inside_thailand(float(x), float(y)) for x, y in line.coords[:: max(1, len(line.coords) // 8)])
        or inside_thailand(float(line.coords[-1, 0]), float(line.coords[-1, 1]))
    ]
    return RoadLines(kept, lines.not_roads, lines.no_geometry), len(lines.lines) - len(kept)


@dataclass(frozen=True)
class BuiltRoads:
    """A network built from its lines and checked, not yet written (`write_roads` writes it)."""

    name: str
    source_name: str
    network: RoadNetwork
    speeds_kmh: dict  # class value -> km/h as used
    snap_tolerance_m: float
    attribution: Optional[str]
    outside_thailand: int


def build_roads(params: RoadImportParams, progress: Optional[Progress] = None) -> BuiltRoads:
    """Read and build the network of `params`, refusing what makes no network (see `import_roads`); writes
    nothing. The demo loader calls it too, then writes in its own transaction."""
    progress = progress_of(progress)
    name = (params.network or "").strip()
    if not name:
        raise ValueError(translate("RoadImport", "Name the road network (importing under a name again replaces it)."))
    tolerance = float(params.snap_tolerance_m)
    if not 0 <= tolerance <= MAX_SNAP_TOLERANCE_M:
        raise ValueError(
            translate("RoadImport", "The snap tolerance must be between 0 and {0} m, not {1}.").format(
                int(MAX_SNAP_TOLERANCE_M), params.snap_tolerance_m
            )
        )
    speeds = speeds_from_text(params.speeds)
    table = _read(params)
    progress.report(_READ, translate("RoadImport", "{0}: {1} lines read.").format(table.name, len(table)))
    check_cancelled(progress)
    lines, outside = _inside_thailand(road_lines(table, params.class_field, params.oneway_field))
    if not lines.lines:
        left_out = ", ".join(f"{k} {v}" for k, v in sorted(lines.not_roads.items())) or "-"
        raise RoadNetworkError(
            translate(
                "RoadImport",
                "{0} holds no road to drive on inside Thailand ({1} lines read, {2} outside Thailand; left out as "
                "not roads: {3}). Nothing was written.",
            ).format(table.name, len(table), outside, left_out)
        )
    network = build_network(lines, speeds, tolerance)
    report: NetworkReport = network.report
    if report.largest_share < params.min_largest_share:
        raise RoadNetworkError(
            translate(
                "RoadImport",
                "The network of {0} falls apart into {1} pieces; the largest holds only {2:.0f}% of the length "
                "(at least {3:.0f}% is needed to route on it). Raise the snap tolerance (now {4:.0f} m) or import a "
                "more complete file. Nothing was written.",
            ).format(
                table.name, report.components, 100 * report.largest_share, 100 * params.min_largest_share, tolerance
            )
        )
    progress.report(
        _BUILT,
        translate("RoadImport", "{0} segments built, {1} junctions made by snapping.").format(
            report.segments, report.junctions_snapped
        ),
    )
    check_cancelled(progress)
    attribution = params.attribution
    if attribution is None and params.path is not None and Path(params.path).suffix.lower() in OSM_SUFFIXES:
        attribution = OSM_ATTRIBUTION
    return BuiltRoads(
        name, table.name, network, {k.value: v for k, v in speeds.items()}, tolerance, attribution, outside
    )


def write_roads(cur, built: BuiltRoads) -> WrittenNetwork:
    """Create or replace the network in the caller's transaction (store.roads.replace_network)."""
    return replace_network(
        cur, built.name, built.network, built.source_name, built.attribution, built.snap_tolerance_m, built.speeds_kmh
    )


def import_result(built: BuiltRoads, written: WrittenNetwork) -> RoadImportResult:
    report = built.network.report
    return RoadImportResult(
        network_id=written.id,
        network=built.name,
        version=written.version,
        replaced=written.replaced,
        source_name=built.source_name,
        segments=report.segments,
        nodes=report.nodes,
        junctions_snapped=report.junctions_snapped,
        max_snap_m=report.max_snap_m,
        median_snap_m=report.median_snap_m,
        split_points=report.split_points,
        components=report.components,
        largest_share=report.largest_share,
        length_km=report.length_km,
        routable_segments=int(np.count_nonzero(built.network.component == 0)),
        islands=report.islands,
        outside_thailand=built.outside_thailand,
        not_roads=report.not_roads,
    )


def import_roads(store: Store, params: RoadImportParams, progress: Optional[Progress] = None) -> RoadImportResult:
    """Read, build, then write in one transaction (see the module docstring).

    Raises ValueError (RoadNetworkError, TableError among them) for input that makes no network, before
    anything is written; Cancelled when cancelled before the commit; StoreError when the write fails."""
    progress = progress_of(progress)
    built = build_roads(params, progress)
    with connection(store, progress) as conn:
        with written_whole(
            conn,
            progress,
            lambda message: translate(
                "RoadImport", "Importing the road network failed and nothing was written: {0}"
            ).format(message),
        ):
            check_schema_current(conn)
            with conn.cursor() as cur:
                written = write_roads(cur, built)
            check_cancelled(progress)
            conn.commit()
    progress.report(1.0)
    return import_result(built, written)
