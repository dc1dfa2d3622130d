"""core.road_network on hand-built lines: noding, snapping, twins, one-way costs, lengths, components."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import LineString, MultiLineString

from jitasa_qgis.core.road_network import (
    RoadLine,
    RoadLines,
    RoadNetworkError,
    build_network,
    geodesic_lengths_m,
    oneway_of,
    osm_tags,
    road_lines,
)
from jitasa_qgis.core.tabular import Table
from jitasa_qgis.definitions.roads import DEFAULT_SPEEDS_KMH, RoadClass, speeds_from_text

LON0, LAT0 = 101.0, 16.0
M = 1 / 111_320  # ~ one metre of latitude in degrees
SPEEDS = DEFAULT_SPEEDS_KMH


def line(points, road_class=RoadClass.PRIMARY, oneway=0):
    return RoadLine(np.array(points, float), road_class, oneway)


def net(lines, tolerance=0.0):
    return build_network(RoadLines(lines), SPEEDS, tolerance)


def test_a_crossing_without_shared_vertex_is_noded():
    n = net([line([(LON0, LAT0), (LON0 + 0.02, LAT0)]), line([(LON0 + 0.01, LAT0 - 0.01), (LON0 + 0.01, LAT0 + 0.01)])])
    assert len(n) == 4 and n.report.nodes == 5 and n.report.components == 1
    assert n.report.split_points == 1 and n.report.junctions_snapped == 0
    degree = np.bincount(np.concatenate([n.source, n.target]))
    assert degree.max() == 4


def test_a_gap_within_the_tolerance_is_joined_and_reported():
    gap_deg = 300 * M
    main = line([(LON0, LAT0), (LON0 + 0.02, LAT0)])
    side = line([(LON0 + 0.01, LAT0 + gap_deg), (LON0 + 0.01, LAT0 + 0.01)], RoadClass.SECONDARY)
    far = net([main, side], tolerance=200)
    assert far.report.components == 2 and far.report.junctions_snapped == 0
    assert far.report.largest_share == pytest.approx(
        0.02 * np.cos(np.radians(16)) / (0.02 * np.cos(np.radians(16)) + 0.01 - gap_deg), rel=0.02
    )
    assert len(far.report.islands) == 1 and far.report.islands[0].segments == 1
    near = net([main, side], tolerance=400)
    assert near.report.components == 1 and near.report.junctions_snapped == 1
    assert near.report.max_snap_m == pytest.approx(300, rel=0.01) == near.report.median_snap_m
    # the main road is split at the junction; the connector is a secondary road open both ways
    assert len(near) == 4 and near.report.split_points == 1
    connector = [k for k in range(len(near)) if near.length_m[k] < 310]
    assert len(connector) == 1 and near.road_class[connector[0]] == "secondary" and near.oneway[connector[0]] == 0


def test_facing_ends_meet_at_the_end_and_an_overshoot_is_only_noded():
    a = line([(LON0, LAT0), (LON0 + 0.01, LAT0)])
    b = line([(LON0 + 0.01 + 100 * M, LAT0 + 20 * M), (LON0 + 0.02, LAT0)])
    n = net([a, b], tolerance=150)
    assert n.report.junctions_snapped == 1 and (len(n), n.report.nodes, n.report.split_points) == (3, 4, 0)
    over = line([(LON0 + 0.005, LAT0 - 0.01), (LON0 + 0.005, LAT0 + 50 * M)])  # crosses a, 50 m beyond
    n = net([a, over], tolerance=150)
    assert n.report.junctions_snapped == 0 and n.report.components == 1 and len(n) == 4


def test_one_way_costs_and_a_reversed_twin_on_the_same_line():
    pts = [(LON0, LAT0), (LON0 + 0.01, LAT0)]
    n = net([line(pts, RoadClass.TRUNK, oneway=1)])
    assert n.cost_s[0] > 0 and n.reverse_cost_s[0] == -1 and n.oneway[0] == 1
    assert n.cost_s[0] == pytest.approx(n.length_m[0] / (80 / 3.6))
    back = net([line(pts, RoadClass.TRUNK, oneway=-1)])
    assert back.cost_s[0] == -1 and back.reverse_cost_s[0] > 0
    # a dual carriageway stored once per direction on the same line: one piece, open both ways
    twin = net([line(pts, RoadClass.TRUNK, 1), line(pts[::-1], RoadClass.TRUNK, 1)])
    assert len(twin) == 1 and twin.cost_s[0] > 0 and twin.reverse_cost_s[0] > 0 and twin.oneway[0] == 0


def test_twins_ending_together_are_both_joined_to_the_road_nearby():
    main = line([(LON0, LAT0), (LON0 + 0.02, LAT0)], RoadClass.PRIMARY)
    out = [(LON0 + 0.01, LAT0 + 200 * M), (LON0 + 0.01, LAT0 + 0.01), (LON0 + 0.015, LAT0 + 0.02)]
    back = [(LON0 + 0.015, LAT0 + 0.02), (LON0 + 0.0102, LAT0 + 0.01), (LON0 + 0.01, LAT0 + 200 * M)]
    n = net([main, line(out, RoadClass.TRUNK, 1), line(back, RoadClass.TRUNK, 1)], tolerance=300)
    assert n.report.components == 1 and n.report.junctions_snapped == 1
    # both directions reach the junction: the connector is open both ways
    k = int(np.argmin(n.length_m))
    assert n.length_m[k] == pytest.approx(200, rel=0.02) and n.oneway[k] == 0


def test_lengths_are_on_the_ellipsoid():
    from pyproj import Geod

    n = net([line([(LON0, LAT0), (LON0 + 0.1, LAT0 + 0.1)])])
    _, _, want = Geod(ellps="WGS84").inv(LON0, LAT0, LON0 + 0.1, LAT0 + 0.1)
    assert n.length_m[0] == pytest.approx(want, rel=1e-6)
    assert geodesic_lengths_m([np.array([(100.0, 0.0), (101.0, 0.0), (102.0, 0.0)])])[0] == pytest.approx(
        222639, rel=1e-4
    )


def test_components_ordered_by_length():
    n = net(
        [
            line([(LON0, LAT0), (LON0 + 0.01, LAT0)]),
            line([(LON0, LAT0 + 0.1), (LON0 + 0.05, LAT0 + 0.1)]),
            line([(LON0, LAT0 + 0.2), (LON0 + 0.02, LAT0 + 0.2)]),
        ]
    )
    assert n.report.components == 3
    assert [n.component[k] for k in range(3)] == [2, 0, 1]
    assert [i.component for i in n.report.islands] == [1, 2]
    assert n.report.largest_share == pytest.approx(5 / 8, rel=0.01)


def table(rows, geoms, headers):
    return Table("roads.gpkg", headers, rows, geoms, list(range(1, len(rows) + 1)))


def test_reading_a_table_class_oneway_parts_and_left_out():
    multi = MultiLineString([[(LON0, LAT0), (LON0 + 0.01, LAT0)], [(LON0, LAT0 + 0.1), (LON0 + 0.01, LAT0 + 0.1)]])
    rows = [
        {"highway": "Trunk", "oneway": "yes"},
        {"highway": "footway", "oneway": None},
        {"highway": None, "oneway": None},
    ]
    geoms = [
        multi.wkb,
        LineString([(LON0, LAT0), (LON0, LAT0 + 0.01)]).wkb,
        LineString([(LON0, LAT0), (LON0, LAT0 + 0.01)]).wkb,
    ]
    lines = road_lines(table(rows, geoms, ["highway", "oneway"]))
    assert len(lines.lines) == 2 and all(x.road_class == RoadClass.TRUNK and x.oneway == 1 for x in lines.lines)
    assert lines.not_roads == {"footway": 1, "-": 1}
    with pytest.raises(RoadNetworkError, match="no road class field 'kind'.*highway, oneway"):
        road_lines(table(rows, geoms, ["highway", "oneway"]), class_field="kind")
    with pytest.raises(RoadNetworkError, match="has no geometry"):
        road_lines(Table("x.csv", ["highway"], rows, None))


def test_reading_osm_tags():
    assert osm_tags('"oneway"=>"-1","ref"=>"21","name:en"=>"A \\"quoted\\" road"') == {
        "oneway": "-1",
        "ref": "21",
        "name:en": 'A "quoted" road',
    }
    assert [oneway_of(v) for v in ("yes", "1", "-1", "no", "unknown", None, "reversible")] == [
        1,
        1,
        -1,
        0,
        None,
        None,
        None,
    ]
    g = LineString([(LON0, LAT0), (LON0 + 0.01, LAT0)]).wkb
    rows = [
        {"osm_id": "5", "highway": "motorway", "other_tags": None, "name": "M"},  # motorway: one-way in OSM
        {"osm_id": "6", "highway": "motorway", "other_tags": '"oneway"=>"no"', "name": None},
        {"osm_id": "7", "highway": "primary", "other_tags": '"junction"=>"roundabout"', "name": None},
        {"osm_id": "8", "highway": "primary", "other_tags": '"oneway"=>"-1"', "name": None},
    ]
    lines = road_lines(table(rows, [g] * 4, ["osm_id", "name", "highway", "other_tags"]))
    assert [x.oneway for x in lines.lines] == [1, 0, 1, -1]
    assert [x.osm_id for x in lines.lines] == [5, 6, 7, 8] and lines.lines[0].name == "M"


def test_speed_overrides():
    speeds = speeds_from_text("trunk=90; primary = 55.5\nservice=10")
    assert (speeds[RoadClass.TRUNK], speeds[RoadClass.PRIMARY], speeds[RoadClass.SERVICE]) == (90, 55.5, 10)
    assert speeds[RoadClass.MOTORWAY] == DEFAULT_SPEEDS_KMH[RoadClass.MOTORWAY]
    for bad in ("trunk", "lane=30", "trunk=0", "trunk=500", "trunk=nan", "trunk=fast"):
        with pytest.raises(ValueError):
            speeds_from_text(bad)


def test_nothing_to_build_from():
    with pytest.raises(RoadNetworkError, match="No road lines"):
        net([])
    with pytest.raises(RoadNetworkError, match="snap tolerance"):
        net([line([(LON0, LAT0), (LON0 + 0.01, LAT0)])], tolerance=-5)


def test_a_road_going_on_is_not_snapped_but_a_u_turn_is():
    side = line([(LON0 + 0.01, LAT0 + 0.001), (LON0 + 0.01, LAT0 + 0.02)])  # passes 110 m from the joint
    a = line([(LON0, LAT0), (LON0 + 0.0095, LAT0)])
    b = line([(LON0 + 0.0095, LAT0), (LON0 + 0.02, LAT0)])  # a continues as b: that end is no dead end
    n = net([a, b, side], tolerance=300)
    assert n.report.junctions_snapped == 1  # only side's loose lower end, not the joint of a and b
    assert n.report.components == 1
    # carriageways stored once per direction, split at different places: the end where one turns back
    # into the other is a dead end and is joined to the road 200 m away
    main = line([(LON0, LAT0), (LON0 + 0.02, LAT0)])
    tip = (LON0 + 0.01, LAT0 + 200 * M)
    out = line([tip, (LON0 + 0.01, LAT0 + 0.01)], RoadClass.TRUNK, 1)
    out2 = line([(LON0 + 0.01, LAT0 + 0.01), (LON0 + 0.01, LAT0 + 0.02)], RoadClass.TRUNK, 1)
    back = line([(LON0 + 0.01, LAT0 + 0.02), (LON0 + 0.0102, LAT0 + 0.005), tip], RoadClass.TRUNK, 1)
    n = net([main, out, out2, back], tolerance=300)
    assert n.report.junctions_snapped == 1 and n.report.components == 1
