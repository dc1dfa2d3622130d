"""services.location_allocation on the real test store: a 4 x 4 grid of tambons with population, facilities
kept fixed, open requests weighted by urgency, demand and candidate points given by the caller (the
vaccination plan's way), a road network for minutes; the plan run and its sites written in one transaction
(a cancel before the commit leaves nothing); bad input refused with words."""

from __future__ import annotations

import numpy as np
import pytest
from psycopg2 import sql
from shapely.geometry import box

from jitasa_qgis.core import location_allocation as core
from jitasa_qgis.core.location_reach import pairs_within_km
from jitasa_qgis.core.travel_time import clear_cache
from jitasa_qgis.definitions.roads import TravelModelCode
from jitasa_qgis.services.location_allocation import (
    KM,
    POINTS,
    POPULATION,
    REQUESTS,
    CandidatePoints,
    DemandPoints,
    LocationAllocationParams,
    locate,
)
from jitasa_qgis.services.progress import CallbackProgress, Cancelled
from jitasa_qgis.services.road_import import RoadImportParams, import_roads

STEP = 0.05  # ~5.5 km tambons
LON0, LAT0 = 101.0, 16.0


def _tambons(c, with_population: bool = True) -> list[tuple[str, float, float, int]]:
    """Province 67, amphoe 6701, 16 tambons 670101..670116 on a grid; (code, lon, lat, population)."""
    out = []
    with c.cursor() as cur:
        whole = box(LON0, LAT0, LON0 + 4 * STEP, LAT0 + 4 * STEP).wkt
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) VALUES"
            " ('province', '67', NULL, 'จังหวัด', ST_Multi(ST_GeomFromText(%s, 4326))),"
            " ('amphoe', '6701', '67', 'อำเภอ', ST_Multi(ST_GeomFromText(%s, 4326)))",
            (whole, whole),
        )
        for i in range(16):
            r, col = divmod(i, 4)
            code = f"6701{i + 1:02d}"
            pop = 1000 * (i + 1) if with_population else None
            geom = box(LON0 + col * STEP, LAT0 + r * STEP, LON0 + (col + 1) * STEP, LAT0 + (r + 1) * STEP)
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, population, geom)"
                " VALUES ('tambon', %s, '6701', %s, %s, ST_Multi(ST_GeomFromText(%s, 4326)))",
                (code, f"ตำบล {i + 1}", pop, geom.wkt),
            )
            out.append((code, geom.centroid.x, geom.centroid.y, pop))
    return out


def _facility(c, name: str, lon: float, lat: float, kind: str = "vaccination_point", capacity=None) -> int:
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, daily_capacity, geom)"
            " VALUES (%s, %s, %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326)) RETURNING id",
            (name, kind, capacity, lon, lat),
        )
        return cur.fetchone()[0]


def _count(c, table: str) -> int:
    with c.cursor() as cur:
        cur.execute(sql.SQL("SELECT count(*) FROM jitasa.{}").format(sql.Identifier(table)))
        return cur.fetchone()[0]


@pytest.fixture
def grid(store):
    c = store.connect(autocommit=True)
    tambons = _tambons(c)
    yield store, c, tambons
    c.close()


def test_mclp_on_population_written_as_one_plan(grid) -> None:
    store, c, tambons = grid
    params = LocationAllocationParams(
        model="mclp", k=2, threshold=6.0, unit=KM, demand=POPULATION, write=True, name="two units"
    )
    result = locate(store, params)
    # the same as the core on the same points
    lon = np.array([t[1] for t in tambons])
    lat = np.array([t[2] for t in tambons])
    w = np.array([t[3] for t in tambons], float)
    expected = core.solve(core.Problem(core.Model.MCLP, w, pairs_within_km(lon, lat, lon, lat, 6.0), k=2))
    assert result.status == "optimal" and result.gap == 0.0
    assert result.objective == pytest.approx(expected.objective)
    assert result.travel_model == TravelModelCode.STRAIGHT_LINE and result.unit == KM
    assert [s.rank for s in result.sites] == [1, 2]
    assert result.sites[0].demand_added >= result.sites[1].demand_added
    assert sum(s.demand_added for s in result.sites) == pytest.approx(result.objective)
    assert {ln.site_rank for ln in result.lines} <= {1, 2}
    assert result.sites[0].tambon_code.startswith("6701")
    with c.cursor() as cur:
        cur.execute("SELECT name, model, status, gap, travel_model, params->>'k' FROM jitasa.plan_run")
        assert cur.fetchall() == [("two units", "mclp", "optimal", 0.0, "straight_line", "2")]
        cur.execute("SELECT rank, candidate_ref, demand_added FROM jitasa.plan_site ORDER BY rank")
        rows = cur.fetchall()
    assert [r[0] for r in rows] == [1, 2] and rows[0][1] == result.sites[0].ref
    assert result.run_id is not None
    lines = result.summary_lines()
    assert lines[1] == "Solver status: proven optimal."
    assert "Threshold 6 km, straight line on the WGS84 ellipsoid." in lines


def test_given_points_capacitated_with_a_fixed_facility(grid) -> None:
    """The vaccination plan's call: demand points given (unvaccinated people per tambon), candidates given,
    an existing vaccination point kept with its daily capacity."""
    store, c, tambons = grid
    fixed_id = _facility(c, "จุดเดิม", LON0 + 0.01, LAT0 + 0.01, capacity=3000)
    demand = DemandPoints(
        tuple(t[1] for t in tambons),
        tuple(t[2] for t in tambons),
        tuple(500.0 for _ in tambons),
        tuple(t[0] for t in tambons),
    )
    cands = CandidatePoints((LON0 + 0.1, LON0 + 0.15), (LAT0 + 0.1, LAT0 + 0.15), ("a", "b"), capacity=(2000.0, None))
    params = LocationAllocationParams(
        model="mclp",
        k=2,
        threshold=12.0,
        unit=KM,
        capacitated=True,
        split=False,
        default_capacity=1000.0,
        demand=POINTS,
        demand_points=demand,
        candidates=POINTS,
        candidate_points=cands,
        fixed_ids=(fixed_id,),
    )
    result = locate(store, params)
    assert result.status == "optimal"
    fixed = [s for s in result.sites if s.fixed]
    assert len(fixed) == 1 and fixed[0].facility_id == fixed_id and fixed[0].capacity == 3000.0
    for s in result.sites:
        assert s.demand_served <= s.capacity + 1e-6
    assert all(ln.fraction == pytest.approx(1.0) for ln in result.lines)  # unsplit
    assert result.objective <= 3000.0 + 2000.0
    assert _count(c, "plan_run") == 0  # not asked to write


def test_requests_weighted_by_urgency(grid) -> None:
    store, c, tambons = grid
    with c.cursor() as cur:
        for urgency, (lon, lat) in (("critical", (LON0 + 0.02, LAT0 + 0.02)), ("low", (LON0 + 0.18, LAT0 + 0.18))):
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, geom)"
                " VALUES ('medicine', %s, ST_SetSRID(ST_MakePoint(%s, %s), 4326))",
                (urgency, lon, lat),
            )
    params = LocationAllocationParams(
        model="mclp", k=1, threshold=3.0, unit=KM, demand=REQUESTS, urgency_weights=(("critical", 10.0), ("low", 1.0))
    )
    result = locate(store, params)
    assert result.objective == 10.0 and result.total_weight == 11.0
    assert result.sites[0].ref == tambons[0][0]  # the critical request's tambon


def test_lscp_and_pmedian(grid) -> None:
    store, _, _ = grid
    lscp = locate(store, LocationAllocationParams(model="lscp", threshold=6.0, unit=KM, demand=POPULATION))
    assert lscp.status == "optimal" and lscp.objective == len(lscp.sites) and lscp.covered_weight == lscp.total_weight
    pm = locate(store, LocationAllocationParams(model="pmedian", k=3, threshold=30.0, unit=KM, demand=POPULATION))
    assert pm.status == "optimal" and len(pm.sites) == 3
    assert pm.objective == pytest.approx(sum(ln.weight * ln.cost for ln in pm.lines))
    # one site cannot reach every tambon within 6 km: p-median is infeasible, said in words, nothing chosen
    none = locate(store, LocationAllocationParams(model="pmedian", k=1, threshold=6.0, unit=KM, demand=POPULATION))
    assert none.status == "infeasible" and none.sites == [] and none.objective is None
    assert (
        "Solver status: infeasible: K sites (with these capacities) cannot serve all the demand within the threshold."
        in none.summary_lines()
    )


def _osm(tmp_path):
    points = [(LON0 + i * 0.02, LAT0 + 0.025) for i in range(11)]
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


def test_minutes_on_the_road_network(grid, tmp_path) -> None:
    store, _, _ = grid
    clear_cache()
    import_roads(store, RoadImportParams(network="row", path=_osm(tmp_path), speeds="primary=60"))
    try:
        params = LocationAllocationParams(model="mclp", k=1, threshold=10.0, demand=POPULATION)
        road = locate(store, params)
        assert road.travel_model == TravelModelCode.ROAD_NETWORK and road.network == "row"
        assert "Threshold 10 minutes on the road network row." in road.summary_lines()
        line = locate(
            store, LocationAllocationParams(model="mclp", k=1, threshold=10.0, demand=POPULATION, straight_line=True)
        )
        assert line.travel_model == TravelModelCode.STRAIGHT_LINE and line.network is None
        junctions = locate(
            store,
            LocationAllocationParams(model="mclp", k=1, threshold=10.0, demand=POPULATION, candidates="road_nodes"),
        )
        assert junctions.status == "optimal" and junctions.candidate_count == 2  # the two ends of the road
        assert junctions.sites[0].ref.startswith("node:")
    finally:
        clear_cache()


def test_cancel_before_commit_writes_nothing(grid) -> None:
    store, c, _ = grid
    state = {"late": False}

    def report(fraction: float, message: str) -> None:
        state["late"] = state["late"] or fraction >= 0.9

    progress = CallbackProgress(report, lambda: state["late"])
    with pytest.raises(Cancelled):
        locate(store, LocationAllocationParams(k=2, threshold=6.0, unit=KM, demand=POPULATION, write=True), progress)
    assert _count(c, "plan_run") == 0 and _count(c, "plan_site") == 0


def test_bad_input_in_words(grid) -> None:
    store, c, _ = grid
    with pytest.raises(ValueError, match="K = 17 is more than the 16 candidates"):
        locate(store, LocationAllocationParams(k=17, threshold=6.0, unit=KM, demand=POPULATION))
    far = CandidatePoints((110.0,), (20.0,), ("far",))
    with pytest.raises(ValueError, match="No candidate is within the threshold of any demand point"):
        locate(
            store,
            LocationAllocationParams(
                k=1, threshold=6.0, unit=KM, demand=POPULATION, candidates=POINTS, candidate_points=far
            ),
        )
    with pytest.raises(ValueError, match="No facility with id 999"):
        locate(store, LocationAllocationParams(k=2, threshold=6.0, unit=KM, demand=POPULATION, fixed_ids=(999,)))
    bad = DemandPoints((LON0,), (LAT0,), (-3.0,), ("x",))
    with pytest.raises(ValueError, match="Demand weight of 'x' is not a number of 0 or more"):
        locate(store, LocationAllocationParams(k=1, threshold=6.0, unit=KM, demand=POINTS, demand_points=bad))
    with pytest.raises(ValueError, match="have no capacity"):
        locate(store, LocationAllocationParams(k=1, threshold=6.0, unit=KM, demand=POPULATION, capacitated=True))
    with c.cursor() as cur:
        cur.execute("UPDATE jitasa.admin_area SET population = NULL")
    with pytest.raises(ValueError, match="carry no population"):
        locate(store, LocationAllocationParams(k=1, threshold=6.0, unit=KM, demand=POPULATION))
    assert _count(c, "plan_run") == 0
