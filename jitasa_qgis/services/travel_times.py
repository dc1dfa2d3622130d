"""The travel-time model for some points, as the assignment and service-area workflows get it: the road
network covering them (its graph built once per network version, core.travel_time.cached_graph), or the
straight-line model when no network covers them. `model.code` says which; pass it on in every output."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Sequence

from ..core.travel_time import RoadGraph, TravelTimeModel, cached_graph
from ..definitions.roads import OFF_ROAD_SPEED_KMH
from ..store.roads import NetworkInfo, graph_rows, network_covering


def road_graph(conn, info: NetworkInfo, off_road_kmh: float = OFF_ROAD_SPEED_KMH) -> RoadGraph:
    """The routable graph of a stored network, from the cache when this version was built before."""

    def build() -> RoadGraph:
        rows = graph_rows(conn, info.id)
        return RoadGraph.build(
            rows.source,
            rows.target,
            rows.cost_s,
            rows.reverse_cost_s,
            rows.coords,
            info.id,
            info.version,
            off_road_kmh,
        )

    dsn = conn.get_dsn_parameters()
    store_key = (dsn.get("host"), dsn.get("port"), dsn.get("dbname"), info.imported_at)
    graph = cached_graph(info.id, info.version, build, store_key)
    if graph.off_road_kmh != off_road_kmh:  # the same graph, another off-road speed: no rebuild
        graph = replace(graph, off_road_kmh=float(off_road_kmh))
    return graph


def travel_time_model(
    conn, lon: Sequence[float], lat: Sequence[float], off_road_kmh: float = OFF_ROAD_SPEED_KMH
) -> tuple[TravelTimeModel, Optional[NetworkInfo]]:
    """The model for points (lon, lat): on the network covering most of them, else the straight line."""
    info = network_covering(conn, lon, lat) if len(lon) else None
    if info is None or info.segment_count == 0:
        return TravelTimeModel(None), None
    return TravelTimeModel(road_graph(conn, info, off_road_kmh)), info
