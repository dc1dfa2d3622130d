"""services.coverage_gaps on the real test store, against a hand count: two tambons, two overlapping service
areas (a request on a boundary, one in both), facilities open / full / closed, volunteers free / busy /
unavailable; run as an analyst; the report file; a bad limit refused."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from jitasa_qgis.definitions.roads import TravelModelCode
from jitasa_qgis.services.coverage_gaps import CoverageGapParams, coverage_gaps
from jitasa_qgis.services.progress import CallbackProgress, Cancelled

# tambon A: 101.0..101.1 x 16.0..16.1 (population 2,000); tambon B east of it (no population)
A = "SRID=4326;MULTIPOLYGON(((101 16,101.1 16,101.1 16.1,101 16.1,101 16)))"
B = "SRID=4326;MULTIPOLYGON(((101.1 16,101.3 16,101.3 16.1,101.1 16.1,101.1 16)))"
# service areas: S1 the west half of A, S2 overlapping S1's east part
S1 = "SRID=4326;MULTIPOLYGON(((101 16,101.05 16,101.05 16.1,101 16.1,101 16)))"
S2 = "SRID=4326;MULTIPOLYGON(((101.03 16,101.08 16,101.08 16.1,101.03 16.1,101.03 16)))"

REQUESTS = [
    # (lon, lat, category, urgency, status); comments: in S1? S2? minutes from the open hospital at 101.01
    (101.01, 16.05, "oxygen", "critical", "new"),  # S1
    (101.04, 16.05, "oxygen", "high", "assigned"),  # S1 and S2: covered once
    (101.05, 16.05, "medicine", "normal", "new"),  # on S1's east edge (and inside S2): covered
    (101.08, 16.02, "medicine", "normal", "in_progress"),  # on S2's edge only: covered
    (101.09, 16.05, "food_supplies", "low", "new"),  # outside both
    (101.02, 16.02, "screening", "normal", "done"),  # closed: not counted
    (101.25, 16.05, "oxygen", "critical", "new"),  # B, outside; ~25.7 km from the hospital: > 30 min at 30 km/h
    (101.15, 16.05, "vaccination", "normal", "new"),  # B, outside; ~15 km: 28 min
]


@pytest.fixture
def small_store(store):
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, population, geom) VALUES "
            "('tambon', '670101', 'เอ', 2000, %s), ('tambon', '670102', 'บี', NULL, %s)",
            (A, B),
        )
        cur.execute(
            "INSERT INTO jitasa.service_area (name, amphoe_code, geom) VALUES ('S1', '6701', %s), ('S2', '6701', %s)",
            (S1, S2),
        )
        for lon, lat, category, urgency, status in REQUESTS:
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, status, closure_reason, geom)"
                " VALUES (%s, %s, %s, NULL, ST_SetSRID(ST_MakePoint(%s, %s), 4326))",
                (category, urgency, status, lon, lat),
            )
        for name, lon, status, beds in (
            ("open", 101.01, "open", 3),
            ("full", 101.25, "full", 0),
            ("nobeds", 101.26, "open", 0),
            ("closed", 101.2, "closed", None),
        ):
            cur.execute(
                "INSERT INTO jitasa.facility (name_th, kind, capacity_status, beds_free, geom)"
                " VALUES (%s, 'hospital', %s, %s, ST_SetSRID(ST_MakePoint(%s, 16.05), 4326))",
                (name, status, beds, lon),
            )
        for available, capacity, active, lon in (
            (True, 2, 0, 101.02),
            (True, 1, 1, 101.03),
            (False, 1, 0, 101.04),
            (True, 3, 1, 101.2),
        ):
            cur.execute(
                "INSERT INTO jitasa.volunteer (name, kind, available, capacity, active_count, geom)"
                " VALUES ('v', 'student', %s, %s, %s, ST_SetSRID(ST_MakePoint(%s, 16.06), 4326))",
                (available, capacity, active, lon),
            )
    c.close()
    return store


# the analyst works province 67 (where the store has area scopes, issue 14; a no-op before them)
IN_PROVINCE_67 = (
    "DO $$ BEGIN IF to_regclass('jitasa.area_scope') IS NOT NULL THEN "
    "INSERT INTO jitasa.area_scope (role_name, area_code) VALUES ('{role}', '67'); END IF; END $$"
)


def test_counts_equal_the_hand_count(small_store, login_conn, tmp_path):
    report = tmp_path / "gaps.csv"
    result = coverage_gaps(
        lambda: login_conn("jitasa_analyst", IN_PROVINCE_67), CoverageGapParams(max_minutes=30.0, report_path=report)
    )
    assert result.model == TravelModelCode.STRAIGHT_LINE  # no road network in this store
    assert (result.requests, result.facilities, result.service_areas) == (7, 1, 2)
    a, b = result.tambons
    assert (a.counts.code, b.counts.code) == ("670101", "670102")
    assert a.open_total == 5 and b.open_total == 2
    assert a.by_urgency == {"critical": 1, "high": 1, "normal": 2, "low": 1}
    assert a.by_category["oxygen"] == 2 and a.by_category["medicine"] == 2
    assert a.by_category["screening"] == 0  # the done request is not open
    assert b.by_category == dict(b.by_category, oxygen=1, vaccination=1)
    # boundary points count as inside, a point in both areas once: only 101.09 is outside in A
    assert a.outside_areas == 1 and b.outside_areas == 2
    assert a.beyond_minutes == 0 and b.beyond_minutes == 1  # only the open hospital with room counts
    assert a.uncovered == 1 and b.uncovered == 2
    assert a.counts.volunteers_available == 1 and b.counts.volunteers_available == 1
    assert a.volunteers_per_request == pytest.approx(1 / 5)
    assert a.volunteers_per_1000 == pytest.approx(0.5)
    assert b.volunteers_per_1000 is None  # no population
    un = result.uncovered
    assert len(un) == 3
    assert sorted(np.round(un.points.lon, 2).tolist()) == [101.09, 101.15, 101.25]
    assert dict(zip(np.round(un.points.lon, 2).tolist(), un.beyond.tolist())) == {
        101.09: False,
        101.15: False,
        101.25: True,
    }
    with open(report, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert [r["tambon_code"] for r in rows] == ["670101", "670102"]
    assert rows[0]["outside_service_areas"] == "1" and rows[1]["beyond_minutes"] == "1"
    assert rows[0]["travel_model"] == "straight_line"
    assert any("straight line" in line for line in result.summary_lines())


def test_chosen_service_areas_and_area_code(small_store):
    s1 = coverage_gaps(small_store, CoverageGapParams(area_code="670101", service_area_kinds=("responsibility",)))
    assert [t.counts.code for t in s1.tambons] == ["670101"]
    only_s1 = coverage_gaps(small_store, CoverageGapParams(area_code="670101", service_area_ids=(1,)))
    # without S2, the request on S2's edge and the one at 101.09 are outside; 101.05 is on S1's edge: inside
    assert only_s1.tambons[0].outside_areas == 2


def test_no_facility_with_room_means_every_request_is_beyond(small_store):
    result = coverage_gaps(small_store, CoverageGapParams(facility_kinds=("field_hospital",)))
    assert result.facilities == 0
    assert [t.beyond_minutes for t in result.tambons] == [5, 2]


def test_bad_limit_and_report_refused(small_store, tmp_path):
    with pytest.raises(ValueError, match="positive"):
        coverage_gaps(small_store, CoverageGapParams(max_minutes=-5))
    with pytest.raises(ValueError, match=".csv or .xlsx"):
        coverage_gaps(small_store, CoverageGapParams(report_path=tmp_path / "x.pdf"))
    with pytest.raises(ValueError, match="No tambons"):
        coverage_gaps(small_store, CoverageGapParams(area_code="99"))


def test_cancel_stops_before_the_report(small_store, tmp_path):
    progress = CallbackProgress(cancelled=lambda: True)
    with pytest.raises(Cancelled):
        coverage_gaps(small_store, CoverageGapParams(report_path=tmp_path / "r.xlsx"), progress)
    assert not (tmp_path / "r.xlsx").exists()


def test_road_minutes_where_a_network_covers_the_area(store, tmp_path):
    """A straight primary road at 60 km/h (test_services_service_areas): 9.5 km along it is within 10 minutes
    of the hospital at its west end, 10.8 km is not; the straight line would say 19 and 22 minutes."""
    from test_services_service_areas import LAT, WEST, osm_file

    from jitasa_qgis.core.travel_time import clear_cache
    from jitasa_qgis.services.road_import import RoadImportParams, import_roads

    clear_cache()
    import_roads(store, RoadImportParams(network="straight", path=osm_file(tmp_path), speeds="primary=60"))
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.admin_area (level, code, name_th, geom) VALUES ('tambon', '670101', 'ถนน',"
            " ST_Multi(ST_MakeEnvelope(100.9, 16.1, 101.3, 16.3, 4326)))"
        )
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, geom)"
            " VALUES ('West', 'hospital', ST_SetSRID(ST_MakePoint(%s, %s), 4326))",
            (WEST, LAT),
        )
        for km in (9.5, 10.8):
            cur.execute(
                "INSERT INTO jitasa.help_request (category, geom)"
                " VALUES ('oxygen', ST_SetSRID(ST_MakePoint(%s, %s), 4326))",
                (WEST + km / 106.8, LAT),
            )
    c.close()
    result = coverage_gaps(store, CoverageGapParams(max_minutes=10.0))
    assert result.model == TravelModelCode.ROAD_NETWORK and result.network == "straight"
    assert result.tambons[0].beyond_minutes == 1
    un = result.uncovered  # both outside every service area (there are none); only the far one beyond
    assert dict(zip(np.round(un.points.lon, 3).tolist(), un.beyond.tolist())) == {
        round(WEST + 9.5 / 106.8, 3): False,
        round(WEST + 10.8 / 106.8, 3): True,
    }
    assert 9.0 < un.minutes[~un.beyond][0] < 10.0
    straight = coverage_gaps(store, CoverageGapParams(max_minutes=10.0, use_network=False))
    assert straight.model == TravelModelCode.STRAIGHT_LINE and straight.tambons[0].beyond_minutes == 2
    clear_cache()
