"""A request's nearest volunteers on a real store (store/candidates.py): nearest first by the ellipsoid, the
eligible list complete even when nearer volunteers cannot go, the reasons, the request summary, roles."""

from __future__ import annotations

import uuid

import psycopg2
import pytest

from jitasa_qgis.definitions.enums import RequestStatus, Skill, Urgency, VehicleKind, VolunteerKind
from jitasa_qgis.store.assignments import assign_pairs, create_run
from jitasa_qgis.store.candidates import request_summary, volunteer_candidates
from jitasa_qgis.store.errors import StoreError

LON, LAT = 101.16, 16.42  # Phetchabun; 0.01° of latitude ≈ 1.1 km


class Rows:
    def __init__(self, spec):
        self.c = spec.connect(autocommit=True)
        with self.c.cursor() as cur:
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) VALUES "
                "('amphoe', '6701', NULL, 'เมืองเพชรบูรณ์', "
                " ST_GeomFromText('MULTIPOLYGON(((101 16,102 16,102 17,101 17,101 16)))', 4326)), "
                "('tambon', '670101', '6701', 'ในเมือง', "
                " ST_GeomFromText('MULTIPOLYGON(((101 16,102 16,102 17,101 17,101 16)))', 4326))"
            )

    def one(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()

    def request(self, category="food_supplies", urgency="normal", dlat=0.0, located=True) -> int:
        geom = f"SRID=4326;POINT({LON} {LAT + dlat})" if located else None
        return self.one(
            "INSERT INTO jitasa.help_request (category, urgency, geom, created_at) "
            "VALUES (%s, %s, %s, now() - interval '2 hours') RETURNING id",
            (category, urgency, geom),
        )[0]

    def volunteer(
        self,
        dlon=0.0,
        dlat=0.0,
        skills=(),
        vehicle="none",
        capacity=1,
        active=0,
        available=True,
        kind="village_health_volunteer",
    ) -> int:
        return self.one(
            "INSERT INTO jitasa.volunteer (name, phone, kind, skills, vehicle, capacity, active_count, "
            "available, geom) VALUES ('Somchai', '0812345678', %s, %s::jitasa.skill[], %s, %s, %s, %s, "
            "ST_SetSRID(ST_MakePoint(%s, %s), 4326)) RETURNING id",
            (kind, list(skills), vehicle, capacity, active, available, LON + dlon, LAT + dlat),
        )[0]


@pytest.fixture
def rows(store):
    r = Rows(store)
    yield r
    r.c.close()


@pytest.fixture
def reader(store):
    c = store.connect(autocommit=True)
    yield c
    c.close()


def test_nearest_first_by_ellipsoidal_distance(rows, reader):
    rid = rows.request()
    # at 16° N a degree of longitude is ~4% shorter than a degree of latitude: degrees alone would misorder
    east = rows.volunteer(dlon=0.0102)  # ~1.09 km
    north = rows.volunteer(dlat=0.0100)  # ~1.11 km
    near = rows.volunteer(dlat=0.001)
    far = rows.volunteer(dlat=0.5)
    got = volunteer_candidates(reader, rid, limit=10)
    assert [c.id for c in got] == [near, east, north, far]
    assert got[0].distance_m == pytest.approx(110.7, abs=1)
    assert got[3].distance_m == pytest.approx(55_300, rel=0.01)
    assert got[1].lon == pytest.approx(LON + 0.0102) and got[1].lat == pytest.approx(LAT)
    assert got[0].kind is VolunteerKind.VILLAGE_HEALTH_VOLUNTEER and got[0].capacity == 1
    # the superuser may read personal data (as officers and admins may): the name and phone come along
    assert (got[0].name, got[0].phone) == ("Somchai", "0812345678")


def test_limit_and_max_km(rows, reader):
    rid = rows.request()
    ids = [rows.volunteer(dlat=0.01 * (i + 1)) for i in range(6)]
    assert [c.id for c in volunteer_candidates(reader, rid, limit=3)] == ids[:3]
    assert [c.id for c in volunteer_candidates(reader, rid, limit=10, max_km=3.4)] == ids[:3]
    assert volunteer_candidates(reader, rid, limit=10, max_km=0) == []
    with pytest.raises(StoreError):
        volunteer_candidates(reader, rid, max_km=-1)


def test_reasons_and_the_eligible_list_stays_complete(rows, reader):
    rid = rows.request("patient_transport")
    # the three nearest cannot go: no vehicle, unavailable, full
    no_vehicle = rows.volunteer(dlat=0.001)
    unavailable = rows.volunteer(dlat=0.002, vehicle="car", available=False)
    full = rows.volunteer(dlat=0.003, vehicle="motorcycle", capacity=2, active=2)
    able = [rows.volunteer(dlat=0.01 * (i + 1), vehicle="pickup", capacity=3, active=1) for i in range(3)]
    got = volunteer_candidates(reader, rid, limit=3)
    by_id = {c.id: c for c in got}
    # the 3 nearest of anyone, and the 3 nearest who can go
    assert [c.id for c in got] == [no_vehicle, unavailable, full] + able
    assert [c.id for c in got if c.eligible] == able
    assert by_id[no_vehicle].ineligibility == "volunteer_not_eligible" and by_id[no_vehicle].needs == "vehicle"
    assert not by_id[no_vehicle].can_serve and by_id[no_vehicle].needs == "vehicle"
    assert by_id[unavailable].ineligibility == "volunteer_unavailable" and by_id[unavailable].can_serve
    assert by_id[full].ineligibility == "volunteer_full" and not by_id[full].has_room
    full_row = by_id[full]
    assert full_row.ineligibility_detail == {"capacity": full_row.capacity, "active_count": full_row.active_count}
    assert by_id[able[0]].ineligibility is None and by_id[able[0]].vehicle is VehicleKind.PICKUP


def test_eligibility_follows_the_category_table(rows, reader):
    rid = rows.request("oxygen")  # oxygen handling, or a vehicle
    handler = rows.volunteer(dlat=0.001, skills=["oxygen_handling"])
    rider = rows.volunteer(dlat=0.002, vehicle="motorcycle")
    neither = rows.volunteer(dlat=0.003, skills=["medical"])
    got = {c.id: c for c in volunteer_candidates(reader, rid)}
    assert got[handler].eligible and got[rider].eligible and not got[neither].eligible
    assert got[neither].ineligibility == "volunteer_not_eligible"
    assert got[neither].needs == "oxygen handling or vehicle"
    assert got[handler].skills == (Skill.OXYGEN_HANDLING,)


def test_unknown_or_unlocated_request_has_no_candidates(rows, reader):
    rows.volunteer()
    assert volunteer_candidates(reader, 999_999) == []
    assert volunteer_candidates(reader, rows.request(located=False)) == []
    with pytest.raises(StoreError):
        volunteer_candidates(reader, "x")


def test_request_summary(rows, reader, store):
    rid = rows.request("medical_help", "critical")
    vid = rows.volunteer(skills=["medical"])
    s = request_summary(reader, rid)
    assert (s.id, s.urgency, s.status, s.tambon_name, s.amphoe_name) == (
        rid,
        Urgency.CRITICAL,
        RequestStatus.NEW,
        "ในเมือง",
        "เมืองเพชรบูรณ์",
    )
    assert 7100 < s.waiting_s < 7400 and s.located and s.active_volunteer_id is None
    writer = store.connect()
    assign_pairs(writer, create_run(writer, "manual"), [rid], [vid])
    writer.close()
    s = request_summary(reader, rid)
    assert s.status is RequestStatus.ASSIGNED and s.active_volunteer_id == vid
    assert request_summary(reader, 999_999) is None


def test_an_analyst_may_read_candidates_without_personal_data(rows, reader, pg_cluster, store):
    rid = rows.request("patient_transport")
    vid = rows.volunteer(vehicle="car")
    name = f"analyst_{uuid.uuid4().hex[:10]}"
    admin = store.connect(autocommit=True)
    with admin.cursor() as cur:
        cur.execute(f'CREATE ROLE "{name}" LOGIN IN ROLE jitasa_analyst')
        # national: the login works every area (jitasa.area_scope, issue 14)
        cur.execute("INSERT INTO jitasa.area_scope (role_name, area_code) VALUES (%s, NULL)", (name,))
    admin.close()
    analyst = psycopg2.connect(**pg_cluster.params(store.params["dbname"], user=name))
    analyst.autocommit = True
    try:
        got = volunteer_candidates(analyst, rid)
        assert [c.id for c in got] == [vid] and got[0].eligible
        assert got[0].name is None and got[0].phone is None  # not granted: not read, and no error
        assert request_summary(analyst, rid).id == rid
    finally:
        analyst.close()
        admin = store.connect(autocommit=True)
        with admin.cursor() as cur:
            cur.execute(f'DROP OWNED BY "{name}"')
            cur.execute(f'DROP ROLE "{name}"')
        admin.close()


def test_the_search_uses_the_spatial_index(rows, reader):
    rid = rows.request()
    for i in range(50):
        rows.volunteer(dlat=0.001 * i)
    from jitasa_qgis.store import candidates

    with reader.cursor() as cur:
        cur.execute("ANALYZE jitasa.volunteer")  # the planner's view of the rows, not its default guesses
        cur.execute("SET enable_seqscan = off")  # tiny table: make the planner show what it would do at scale
        cur.execute("EXPLAIN " + candidates._NEAREST, {"request_id": rid, "limit": 5, "fetch": 10, "max_m": None})
        plan = "\n".join(r[0] for r in cur.fetchall())
        cur.execute("RESET enable_seqscan")
    # both walks (the eligible and anyone) read the GiST index in distance order
    assert plan.count("Index Scan using volunteer_geom_idx") == 2, plan
    assert plan.count("Order By: (geom <->") == 2, plan
