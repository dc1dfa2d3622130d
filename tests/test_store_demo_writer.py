"""Loading demo data into a real store: counts, derived tambons, idempotent re-load, all or nothing."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest

from jitasa_qgis.core.admin_source import DemoDataError, read_admin_areas, read_facilities
from jitasa_qgis.core.demo_data import DEFAULT_SEED, TambonSet, generate_demo
from jitasa_qgis.definitions.eligibility import CATEGORY_NEEDS
from jitasa_qgis.definitions.enums import Urgency
from jitasa_qgis.definitions.paths import DEMO_DIR
from jitasa_qgis.services.demo_loading import load_demo_data
from jitasa_qgis.store.demo_writer import LoadCancelled, demo_pairs, write_demo
from jitasa_qgis.store.errors import StoreError
from jitasa_qgis.store.summary import format_summary, store_summary

ADMIN = DEMO_DIR / "admin.gpkg"
HEALTH = DEMO_DIR / "health.gpkg"
EXPECTED = {"province": 1, "amphoe": 11, "tambon": 117, "facility": 15, "help_request": 2000, "volunteer": 600}


def _counts(spec) -> dict:
    with spec.connect() as conn, conn.cursor() as cur:
        cur.execute("""SELECT (SELECT count(*) FROM jitasa.admin_area WHERE level = 'province'),
                              (SELECT count(*) FROM jitasa.admin_area WHERE level = 'amphoe'),
                              (SELECT count(*) FROM jitasa.admin_area WHERE level = 'tambon'),
                              (SELECT count(*) FROM jitasa.facility),
                              (SELECT count(*) FROM jitasa.help_request),
                              (SELECT count(*) FROM jitasa.volunteer)""")
        row = cur.fetchone()
    conn.close()
    return dict(zip(EXPECTED, row))


def _query(spec, statement: str, params=None) -> list:
    with spec.connect() as conn, conn.cursor() as cur:
        cur.execute(statement, params)
        rows = cur.fetchall()
    conn.close()
    return rows


def _batches(n_requests=2000, n_volunteers=600, seed=DEFAULT_SEED):
    areas = read_admin_areas(ADMIN)
    return areas, generate_demo(TambonSet.from_records(areas), n_requests, n_volunteers, seed)


def test_default_demo_loads_everything(store):
    steps = []
    loaded = load_demo_data(store, ADMIN, HEALTH, progress=steps.append)
    assert _counts(store) == EXPECTED
    demo_assignments = loaded.pop("demo_assignments")
    road_segments = loaded.pop("road_segments")
    assert loaded.pop("road_network_version") == 1
    assert road_segments > 100 and _query(store, "SELECT count(*) FROM jitasa.road_segment") == [(road_segments,)]
    assert loaded == {
        "province": 1,
        "amphoe": 11,
        "tambon": 117,
        "facilities": 15,
        "help_requests": 2000,
        "volunteers": 600,
        "replaced_requests": 0,
        "replaced_volunteers": 0,
    }
    # Every assigned / in-progress demo request has its one active assignment; volunteers' loads add up.
    assert demo_assignments > 0
    assert _query(
        store,
        """SELECT count(*) FROM jitasa.help_request r WHERE r.status IN ('assigned', 'in_progress')
                            AND (SELECT count(*) FROM jitasa.assignment a WHERE a.request_id = r.id
                                 AND a.status = 'active') <> 1""",
    ) == [(0,)]
    assert _query(
        store,
        """SELECT count(*) FROM jitasa.volunteer v WHERE v.active_count > v.capacity
                            OR v.active_count <> (SELECT count(*) FROM jitasa.assignment a
                                                  WHERE a.volunteer_id = v.id AND a.status = 'active')""",
    ) == [(0,)]
    assert steps == sorted(steps) and steps[-1] == pytest.approx(100.0)
    rows = _query(
        store, "SELECT source, min(source_id), count(DISTINCT source_id) FROM jitasa.help_request " "GROUP BY source"
    )
    assert rows == [("demo", "demo-1", 2000)]
    parents = _query(
        store,
        "SELECT count(*) FROM jitasa.admin_area c JOIN jitasa.admin_area p "
        "ON p.code = c.parent_code WHERE left(c.code, length(p.code)) = p.code",
    )
    assert parents == [(128,)]
    hospital = _query(
        store, "SELECT name_th, kind::text, beds_total, tambon_code FROM jitasa.facility " "WHERE code = '10727'"
    )
    assert hospital[0][1:3] == ("hospital", 509) and hospital[0][0] == hospital[0][0].strip()
    assert hospital[0][3] is not None and hospital[0][3].startswith("67")


def test_tambon_codes_come_from_the_trigger_and_match_the_generator(store):
    _, (requests, volunteers) = _batches()
    load_demo_data(store, ADMIN, HEALTH)
    for table, batch in (("help_request", requests), ("volunteer", volunteers)):
        rows = _query(store, f"SELECT source_id, tambon_code FROM jitasa.{table}")  # noqa: S608 - fixed names
        derived = {sid: code for sid, code in rows}
        expected = {f"demo-{i + 1}": code for i, code in enumerate(batch.drawn_in_tambon)}
        assert derived == expected


def test_columns_round_trip(store):
    _, (requests, volunteers) = _batches()
    load_demo_data(store, ADMIN, HEALTH)
    rows = _query(
        store,
        """
        SELECT category::text, urgency::text, status::text, closure_reason, people_count, note,
               requester_name, requester_phone, for_someone_else, location_accuracy_m, ST_X(geom), ST_Y(geom),
               extract(epoch FROM max(created_at) OVER () - created_at)::float8, updated_at = created_at
          FROM jitasa.help_request ORDER BY substr(source_id, 6)::int""",
    )
    assert [r[0] for r in rows] == list(requests.category)
    # Generated 'assigned' / 'in progress' requests with no eligible volunteer in reach go back to 'new'.
    demoted = {"assigned", "in_progress"}
    bad = [
        (got, want)
        for got, want in zip((r[2] for r in rows), requests.status)
        if not (got == want or (want in demoted and got == "new"))
    ]
    assert bad == []
    assert [r[3] for r in rows] == list(requests.closure_reason)
    assert [r[5] for r in rows] == list(requests.note)
    assert [r[7] for r in rows] == list(requests.requester_phone)
    assert [r[8] for r in rows] == list(requests.for_someone_else)
    assert np.allclose([r[10] for r in rows], requests.lon, atol=1e-12)
    # Ages count back from the load transaction's now(): relative to the newest they are exact.
    assert [r[12] for r in rows] == list(requests.age_s - requests.age_s.min())
    # updated_at = created_at, but for the requests the demo's assignment step sent back to 'new'.
    assert all(r[13] for r, want in zip(rows, requests.status) if r[2] == want)
    skills = _query(
        store,
        "SELECT skills::text[], vehicle::text, capacity, available FROM jitasa.volunteer "
        "ORDER BY substr(source_id, 6)::int",
    )
    assert [tuple(r[0]) for r in skills] == list(volunteers.skills)
    assert [r[2] for r in skills] == list(volunteers.capacity)


def test_reload_replaces_demo_rows_without_duplicates(store):
    load_demo_data(store, ADMIN, HEALTH)
    first_ids = _query(store, "SELECT min(id), max(id) FROM jitasa.help_request")[0]
    with store.connect() as conn, conn.cursor() as cur:  # a manual request and a changed hospital survive
        cur.execute(
            "INSERT INTO jitasa.help_request (category, geom) "
            "VALUES ('oxygen', ST_SetSRID(ST_MakePoint(101.15, 16.42), 4326))"
        )
        cur.execute("UPDATE jitasa.facility SET beds_total = 1 WHERE code = '10727'")
    conn.close()
    # (The loader itself refuses a store with non-demo rows; here the writer's own protection is tested.)
    loaded = load_demo_data(store, ADMIN, HEALTH, allow_non_demo_data=True)
    assert loaded["replaced_requests"] == 2000 and loaded["replaced_volunteers"] == 600
    counts = _counts(store)
    assert counts == {**EXPECTED, "help_request": 2001}
    assert _query(store, "SELECT count(*) FROM jitasa.help_request WHERE source = 'manual'") == [(1,)]
    assert _query(store, "SELECT beds_total FROM jitasa.facility WHERE code = '10727'") == [(509,)]
    assert _query(store, "SELECT min(id) FROM jitasa.help_request WHERE source = 'demo'")[0][0] > first_ids[1]
    smaller = load_demo_data(store, ADMIN, HEALTH, n_requests=100, n_volunteers=10, seed=3, allow_non_demo_data=True)
    assert smaller["help_requests"] == 100
    assert _counts(store) == {**EXPECTED, "help_request": 101, "volunteer": 10}


def test_reload_takes_demo_assignments_along_but_refuses_mixed_ones(store):
    load_demo_data(store, ADMIN, HEALTH, n_requests=50, n_volunteers=10)
    with store.connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.assignment (request_id, volunteer_id) "
            "SELECT (SELECT min(id) FROM jitasa.help_request), "
            "(SELECT min(id) FROM jitasa.volunteer)"
        )
    conn.close()
    load_demo_data(store, ADMIN, HEALTH, n_requests=50, n_volunteers=10)
    # Only the new demo's own assignments remain (the earlier demo's, and the one added, went with it).
    assert _query(
        store,
        "SELECT count(*) FROM jitasa.assignment a JOIN jitasa.assignment_run r "
        "ON r.id = a.run_id WHERE r.method <> 'demo' OR a.run_id IS NULL",
    ) == [(0,)]
    with store.connect() as conn, conn.cursor() as cur:  # a real volunteer on a demo request
        cur.execute("INSERT INTO jitasa.volunteer (name, kind) VALUES ('real', 'student') RETURNING id")
        real = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.assignment (request_id, volunteer_id) " "SELECT min(id), %s FROM jitasa.help_request",
            (real,),
        )
    conn.close()
    with pytest.raises(StoreError, match="link demo requests or volunteers with real ones"):
        load_demo_data(store, ADMIN, HEALTH, n_requests=50, n_volunteers=10, allow_non_demo_data=True)
    assert _counts(store)["help_request"] == 50


def test_a_malformed_record_midway_leaves_nothing_written(store):
    areas, (requests, volunteers) = _batches()
    category = requests.category.copy()
    category[1500] = "teleportation"
    broken = dataclasses.replace(requests, category=category)
    with pytest.raises(StoreError, match="nothing was written.*teleportation"):
        write_demo(store, areas, read_facilities(HEALTH), broken, volunteers)
    assert _counts(store) == dict.fromkeys(EXPECTED, 0)
    assert _query(store, "SELECT count(*) FROM jitasa.audit_log") == [(0,)]


def _demo_roads():
    from jitasa_qgis.services.demo_loading import demo_roads_params
    from jitasa_qgis.services.road_import import build_roads

    return build_roads(demo_roads_params())


def _roads_in_store(spec) -> tuple:
    return _query(
        spec,
        "SELECT (SELECT count(*) FROM jitasa.road_network), (SELECT count(*) FROM jitasa.road_segment), "
        "(SELECT max(version) FROM jitasa.road_network)",
    )[0]


def test_the_road_network_is_written_in_the_demo_transaction(store):
    areas, (requests, volunteers) = _batches(n_requests=30, n_volunteers=10)
    roads = _demo_roads()
    category = requests.category.copy()
    category[20] = "teleportation"
    with pytest.raises(StoreError, match="nothing was written"):
        write_demo(store, areas, [], dataclasses.replace(requests, category=category), volunteers, roads=roads)
    assert _roads_in_store(store) == (0, 0, None)  # the network went with the failed requests
    counts = write_demo(store, areas, [], requests, volunteers, roads=roads)
    n = len(roads.network.geoms)
    assert counts["road_segments"] == n and counts["road_network_version"] == 1
    assert _roads_in_store(store) == (1, n, 1)
    again = write_demo(store, areas, [], requests, volunteers, roads=roads)
    assert again["road_network_version"] == 2 and _roads_in_store(store) == (1, n, 2)  # replaced, not doubled
    write_demo(store, areas, [], requests, volunteers)  # without roads: the network stays as it was
    assert _roads_in_store(store) == (1, n, 2)


def test_a_failed_reload_keeps_the_earlier_demo(store):
    load_demo_data(store, ADMIN, HEALTH)
    areas, (requests, volunteers) = _batches(n_requests=10, n_volunteers=5)
    kind = volunteers.kind.copy()
    kind[4] = "wizard"
    with pytest.raises(StoreError):
        write_demo(store, areas, [], requests, dataclasses.replace(volunteers, kind=kind))
    assert _counts(store) == EXPECTED


def test_missing_file_names_the_path_and_writes_nothing(store, tmp_path):
    missing = tmp_path / "no_such_admin.gpkg"
    with pytest.raises(DemoDataError, match="no_such_admin.gpkg"):
        load_demo_data(store, missing, HEALTH)
    with pytest.raises(DemoDataError, match="no_such_health.gpkg"):
        load_demo_data(store, ADMIN, tmp_path / "no_such_health.gpkg")
    assert _counts(store) == dict.fromkeys(EXPECTED, 0)


def test_cancel_rolls_everything_back(store):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        # true once the admin areas are in (after the checks between reading, building the road network
        # and generating), before the roads and any request land
        return len(calls) > 6

    with pytest.raises(LoadCancelled):
        load_demo_data(store, ADMIN, HEALTH, cancelled=cancelled)
    assert _counts(store) == dict.fromkeys(EXPECTED, 0)
    assert _roads_in_store(store) == (0, 0, None)


def test_store_summary_counts_open_requests_per_amphoe(store):
    _, (requests, _) = _batches()
    load_demo_data(store, ADMIN, HEALTH)
    with store.connect() as conn:
        summary = store_summary(conn)
    conn.close()
    assert summary["tables"]["help_request"] == 2000
    assert summary["tables"]["volunteer"] == 600
    assert summary["tables"]["facility"] == 15
    assert summary["tables"]["admin_area"] == 129
    assert summary["tables"]["assignment"] > 0  # the demo's assigned / in-progress requests have theirs
    assert summary["admin_levels"] == {"province": 1, "amphoe": 11, "tambon": 117}
    is_open = np.isin(requests.status, ["new", "assigned", "in_progress"])
    assert summary["open_requests"] == int(is_open.sum())
    assert summary["open_outside_areas"] == 0
    expected = Counter(code[:4] for code in requests.drawn_in_tambon[is_open])
    by_amphoe = {a["code"]: a["open"] for a in summary["open_by_amphoe"]}
    assert len(by_amphoe) == 11 and by_amphoe == {code: expected.get(code, 0) for code in by_amphoe}
    names = {a["name_th"] for a in summary["open_by_amphoe"]}
    assert "เมืองเพชรบูรณ์" in names
    text = format_summary(summary)
    assert "help_request" in text and "2000" in text and "เมืองเพชรบูรณ์" in text
    assert f"open {summary['open_requests']}" in text


def test_summary_of_an_empty_store(store):
    with store.connect() as conn:
        summary = store_summary(conn)
    conn.close()
    assert summary["open_requests"] == 0 and summary["open_by_amphoe"] == []
    assert "help_request" in format_summary(summary)


# -- the demo's own assignments: most urgent first, each to the nearest eligible volunteer with room -------

NEED_ROWS = [
    (c.value, sorted(s.value for s in need.skills), sorted(v.value for v in need.vehicles))
    for c, needs in CATEGORY_NEEDS.items()
    for need in needs
]
URGENCY_ORDER = [u.value for u in Urgency]


def _haversine_km(lon1, lat1, lon2, lat2) -> np.ndarray:
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(a))


def _replay_greedy(order, req_lon, req_lat, req_cat, vol_lon, vol_lat, room, can_serve, reach_km=30.0):
    """Brute force: each request in `order` takes the nearest of all volunteers with room that may serve it,
    if that one is within `reach_km`. Returns {request: (volunteer, km)} for the served ones and the set
    of the unserved."""
    room = np.array(room, dtype=np.int64)
    served, unserved = {}, set()
    for r in order:
        ok = np.flatnonzero((room > 0) & can_serve[req_cat[r]])
        if not len(ok):
            unserved.add(r)
            continue
        km = _haversine_km(req_lon[r], req_lat[r], vol_lon[ok], vol_lat[ok])
        if km.min() > reach_km:
            unserved.add(r)
            continue
        best = ok[np.argmin(km)]
        served[r] = (best, km.min())
        room[best] -= 1
    return served, unserved


@pytest.mark.parametrize(
    "n_requests,n_volunteers,seed,max_minutes",
    [
        (3000, 40, 1, 60.0),
        (3000, 600, 2, 60.0),
        (400, 0, 3, 60.0),
        (6000, 150, 4, 60.0),
        (3000, 60, 5, 20.0),
        (6000, 150, 4, 1e6),
    ],
)  # (the last: no reach limit, so the search goes far past full volunteers)
def test_demo_pairs_are_the_greedy_nearest_with_room(n_requests, n_volunteers, seed, max_minutes):
    """The set-based pairing gives exactly what a request-by-request search over all volunteers gives
    (scarce volunteers: most requests go back to new; plenty: nearly all served; none at all)."""
    _, (requests, volunteers) = _batches(n_requests, n_volunteers, seed)
    pairs = demo_pairs(requests, volunteers, NEED_ROWS, URGENCY_ORDER, max_minutes=max_minutes)

    rank = {u: i for i, u in enumerate(URGENCY_ORDER)}
    pending = [i for i, s in enumerate(requests.status) if s in ("assigned", "in_progress")]
    order = sorted(pending, key=lambda i: (rank[requests.urgency[i]], -int(requests.age_s[i]), i))
    cats = sorted(set(requests.category))
    can_serve = {
        c: np.array(
            [
                any(
                    set(sk) <= set(map(str, v_sk)) and (not veh or v_veh in veh)
                    for cat, sk, veh in NEED_ROWS
                    if cat == c
                )
                for v_sk, v_veh in zip(volunteers.skills, volunteers.vehicle)
            ],
            dtype=bool,
        )
        for c in cats
    }
    room = np.where(volunteers.available, volunteers.capacity, 0)
    served, unserved = _replay_greedy(
        order,
        requests.lon,
        requests.lat,
        requests.category,
        volunteers.lon,
        volunteers.lat,
        room,
        can_serve,
        reach_km=max_minutes / 2.0,
    )  # 30 km/h
    got = dict(zip(pairs.request_row.tolist(), pairs.volunteer_row.tolist()))
    assert list(got) == [r for r in order if r in served]  # most urgent first
    assert got == {r: v for r, (v, _) in served.items()}
    assert set(np.flatnonzero(pairs.demoted).tolist()) == unserved
    if n_volunteers == 0:
        assert not got and unserved == set(pending)
    else:
        assert got and (n_volunteers > 100 or unserved)  # both cases really happen


def test_scarce_volunteers_a_larger_demo_keeps_the_invariants(store):
    """20,000 requests, 150 volunteers: a few hundred assignments, thousands of requests back to new.
    Checked against the store itself: its eligibility (volunteer_can_serve), capacity and positions; the
    reach is the assignment tools' default (60 min at 30 km/h)."""
    areas, (requests, volunteers) = _batches(20_000, 150, seed=5)
    loaded = write_demo(store, areas, [], requests, volunteers)
    assert loaded["help_requests"] == 20_000
    rows = _query(
        store,
        """
        SELECT substr(r.source_id, 6)::int - 1, r.status::text, a.volunteer_id, a.travel_minutes
          FROM jitasa.help_request r
          LEFT JOIN jitasa.assignment a ON a.request_id = r.id AND a.status = 'active'
         ORDER BY r.urgency, r.created_at, r.id""",
    )
    was_pending = np.isin(requests.status, ["assigned", "in_progress"])
    order = [row for row, *_ in rows if was_pending[row]]
    by_row = {row: (status, vol, minutes) for row, status, vol, minutes in rows}
    # Every pending request either kept its status and has one active assignment, or went back to new.
    assert all(
        (s == requests.status[r] and v is not None) or (s == "new" and v is None)
        for r, (s, v, _) in by_row.items()
        if was_pending[r]
    )
    assert all(v is None and s == requests.status[r] for r, (s, v, _) in by_row.items() if not was_pending[r])
    assert _query(
        store, "SELECT count(*), count(DISTINCT request_id) FROM jitasa.assignment " "WHERE status = 'active'"
    ) == [(loaded["demo_assignments"],) * 2]
    assert _query(
        store,
        """SELECT count(*) FROM jitasa.volunteer v WHERE v.active_count > v.capacity
                            OR (NOT v.available AND v.active_count > 0)
                            OR v.active_count <> (SELECT count(*) FROM jitasa.assignment a
                                                  WHERE a.volunteer_id = v.id AND a.status = 'active')""",
    ) == [(0,)]
    # Replay the rule on what the store holds: the store's own eligibility and the volunteers' capacity.
    vols = _query(
        store,
        "SELECT id, ST_X(geom), ST_Y(geom), CASE WHEN available THEN capacity ELSE 0 END "
        "FROM jitasa.volunteer ORDER BY id",
    )
    ids = [v[0] for v in vols]
    eligible = _query(
        store,
        """SELECT c::text, array_agg(v.id) FROM unnest(enum_range(NULL::jitasa.request_category)) c
                                CROSS JOIN jitasa.volunteer v WHERE jitasa.volunteer_can_serve(v, c) GROUP BY c""",
    )
    can_serve = {c: np.isin(ids, members) for c, members in eligible}
    can_serve.update({c: np.zeros(len(ids), bool) for c in set(requests.category) - set(can_serve)})
    served, unserved = _replay_greedy(
        order,
        requests.lon,
        requests.lat,
        requests.category,
        np.array([v[1] for v in vols]),
        np.array([v[2] for v in vols]),
        [v[3] for v in vols],
        can_serve,
    )
    assert 100 < len(served) == loaded["demo_assignments"] < 1000 and len(unserved) > 3000
    assert {r for r in order if by_row[r][1] is None} == unserved
    for r, (vol, km_nearest) in served.items():
        status, got, minutes = by_row[r]
        assert got == ids[vol], f"request row {r}: volunteer {got}, the nearest with room is {ids[vol]}"
        assert minutes == pytest.approx(km_nearest * 2.0, rel=0.01)  # 30 km/h, spheroid vs sphere
        assert minutes <= 60.0 * 1.01
