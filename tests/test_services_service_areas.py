"""services.service_areas on the real test store: a straight primary road imported by services.road_import,
facilities on it and one 5 km off it; drive-time areas, catchments, buffers and nearest areas; the run and
its areas written in one transaction (a cancel before the commit leaves nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from psycopg2 import sql
from shapely.geometry import Point

from jitasa_qgis.core.travel_time import clear_cache
from jitasa_qgis.definitions.roads import TravelModelCode
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.road_import import RoadImportParams, import_roads
from jitasa_qgis.services.service_areas import ServiceAreaParams, parse_numbers, service_areas

LAT, WEST, EAST = 16.2, 101.0, 101.2  # ~21 km of road at 60 km/h: ~1 min a km


def osm_file(tmp_path: Path) -> Path:
    points = [(WEST + i * 0.02, LAT) for i in range(11)]
    nodes = "".join(
        f'<node id="{i + 1}" version="1" lat="{lat:.6f}" lon="{lon:.6f}"/>' for i, (lon, lat) in enumerate(points)
    )
    refs = "".join(f'<nd ref="{i + 1}"/>' for i in range(len(points)))
    path = tmp_path / "road.osm"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="test">'
        f'{nodes}<way id="1" version="1">{refs}<tag k="highway" v="primary"/></way></osm>',
        encoding="utf-8",
    )
    return path


def facility(c, name: str, lon: float, lat: float, kind: str = "hospital") -> int:
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, geom)"
            " VALUES (%s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326)) RETURNING id",
            (name, kind, lon, lat),
        )
        return cur.fetchone()[0]


def count(c, table: str) -> int:
    with c.cursor() as cur:
        cur.execute(sql.SQL("SELECT count(*) FROM jitasa.{}").format(sql.Identifier(table)))
        return cur.fetchone()[0]


@pytest.fixture
def roads(store, tmp_path):
    clear_cache()
    import_roads(store, RoadImportParams(network="straight", path=osm_file(tmp_path), speeds="primary=60"))
    c = store.connect(autocommit=True)
    ids = {
        "west": facility(c, "West", WEST, LAT),
        "east": facility(c, "East", EAST, LAT),
        "far": facility(c, "Far", 101.1, LAT + 5000 / 111195.0, kind="health_centre"),
    }
    yield store, c, ids
    c.close()
    clear_cache()


def test_drive_time_areas_written_as_one_run(roads) -> None:
    store, c, ids = roads
    params = ServiceAreaParams(
        "drive_time", kinds=("hospital", "health_centre"), thresholds_min=(5.0, 10.0), write=True
    )
    result = service_areas(store, params)
    assert result.model == TravelModelCode.ROAD_NETWORK and result.network == "straight"
    assert len(result.areas) == 6
    assert result.snap_m[ids["far"]] == pytest.approx(5000.0, rel=0.02)  # snapped, the distance reported
    assert result.snap_m[ids["west"]] < 1.0
    lines = result.summary_lines()
    assert lines[0] == "6 × drive-time area for 3 origins; travel model: Road network with an off-road leg."
    assert "Far is 5.0 km from the nearest road: its off-road leg is part of every time." in lines
    west10 = next(a for a in result.areas if a.origin_id == ids["west"] and a.threshold == 10.0)
    assert west10.geometry.contains(Point(WEST + 9.5 / 106.8, LAT))  # 9.5 km east: ~9.5 minutes
    assert not west10.geometry.contains(Point(WEST + 10.8 / 106.8, LAT))
    assert west10.area_km2 > 0
    with c.cursor() as cur:
        cur.execute("SELECT method, travel_model, params->'thresholds_min' FROM jitasa.service_area_run")
        assert cur.fetchall() == [("drive_time", "road_network", [5.0, 10.0])]
        cur.execute(
            "SELECT kind, method, count(*), count(DISTINCT run_id), min(minutes), max(minutes)"
            " FROM jitasa.service_area GROUP BY 1, 2"
        )
        assert cur.fetchall() == [("drive_time", "drive_time", 6, 1, 5.0, 10.0)]
        cur.execute("SELECT params FROM jitasa.service_area WHERE facility_id = %s ORDER BY minutes", (ids["west"],))
        assert [r[0] for r in cur.fetchall()] == [{"minutes": 5.0}, {"minutes": 10.0}]


def test_cancel_before_commit_writes_nothing(roads) -> None:
    store, c, _ = roads
    state = {"late": False}

    def report(fraction: float, message: str) -> None:
        state["late"] = state["late"] or fraction >= 0.8

    progress = CallbackProgress(report, lambda: state["late"])
    with pytest.raises(Cancelled):
        service_areas(store, ServiceAreaParams("drive_time", thresholds_min=(5.0,), write=True), progress)
    assert count(c, "service_area_run") == 0 and count(c, "service_area") == 0


def test_cancel_between_origins_stops_the_drive_time_areas(roads) -> None:
    store, c, _ = roads
    seen = []

    def report(fraction: float, message: str) -> None:
        seen.append(fraction)

    progress = CallbackProgress(report, lambda: any(0.2 < f < 0.8 for f in seen))  # once an origin is done
    params = ServiceAreaParams("drive_time", kinds=("hospital", "health_centre"), thresholds_min=(5.0,), write=True)
    with pytest.raises(Cancelled):
        service_areas(store, params, progress)
    assert [f for f in seen if 0.2 < f <= 0.8] == [pytest.approx(0.2 + 0.6 / 3)]  # one origin of three, then stop
    assert count(c, "service_area_run") == 0 and count(c, "service_area") == 0


def test_catchments_meet_where_the_delay_says(roads) -> None:
    store, c, ids = roads
    with c.cursor() as cur:  # the far health centre out of the way
        cur.execute("DELETE FROM jitasa.facility WHERE id = %s", (ids["far"],))
    result = service_areas(store, ServiceAreaParams("catchment", delay_minutes=0.0))
    by = {a.origin_id: a.geometry for a in result.areas}
    mid = (WEST + EAST) / 2
    assert by[ids["west"]].contains(Point(mid - 0.005, LAT)) and by[ids["east"]].contains(Point(mid + 0.005, LAT))
    assert by[ids["west"]].intersection(by[ids["east"]]).area < 1e-9
    assert count(c, "service_area_run") == 0  # not written unless asked


def test_straight_line_fallback_without_network(store) -> None:
    c = store.connect(autocommit=True)
    try:
        a = facility(c, "A", 101.0, 16.0)
        b = facility(c, "B", 101.2, 16.1)
        result = service_areas(store, ServiceAreaParams("drive_time", thresholds_min=(10.0,)))
        assert result.model == TravelModelCode.STRAIGHT_LINE and result.snap_m == {}
        assert [x.origin_id for x in result.areas] == [a, b]
        buffers = service_areas(store, ServiceAreaParams("buffer", distances_m=(1000.0,), write=True))
        assert [round(x.area_km2, 2) for x in buffers.areas] == [3.14, 3.14]
        nearest = service_areas(store, ServiceAreaParams("nearest"))
        assert nearest.areas[0].geometry.contains(Point(101.0, 16.0))
        assert nearest.areas[0].geometry.intersection(nearest.areas[1].geometry).area < 1e-9
        assert count(c, "service_area_run") == 1
    finally:
        c.close()


def test_parse_numbers_and_bad_input(store) -> None:
    assert parse_numbers("10, 20;30") == (10.0, 20.0, 30.0)
    with pytest.raises(ValueError, match="x"):
        parse_numbers("10,x")
    with pytest.raises(ValueError):
        service_areas(store, ServiceAreaParams("drive_time"))  # no facilities at all
    with pytest.raises(ValueError):
        service_areas(store, ServiceAreaParams("isochrone"))
