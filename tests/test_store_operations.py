"""The operations dock's queries and the guarded status change, on a real PostgreSQL store."""

from __future__ import annotations

import threading

import psycopg2
import psycopg2.extensions
import pytest

from jitasa_qgis.core.request_transitions import can_change
from jitasa_qgis.definitions.enums import (
    CapacityStatus,
    FacilityKind,
    RequestCategory,
    RequestStatus,
    Skill,
    Urgency,
    VehicleKind,
    VolunteerKind,
)
from jitasa_qgis.store.errors import StaleWriteError, StoreError
from jitasa_qgis.store.operations import (
    RequestFilter,
    amphoe_choices,
    change_request_status,
    facilities_page,
    open_requests_page,
    status_counts,
    tambon_choices,
    volunteers_page,
)

# Two amphoe: 6701 with tambons 670101 (x 0-1) and 670102 (x 1-2); 6702 with tambon 670201 (x 2-3).
AREAS = [
    ("province", "67", None, "เพชรบูรณ์", "Phetchabun", "MULTIPOLYGON(((0 0,3 0,3 1,0 1,0 0)))"),
    ("amphoe", "6701", "67", "เมืองเพชรบูรณ์", "Mueang Phetchabun", "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("amphoe", "6702", "67", "ชนแดน", "Chon Daen", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
    ("tambon", "670101", "6701", "ในเมือง", "Nai Mueang", "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)))"),
    ("tambon", "670102", "6701", "ตะเบาะ", "Tabo", "MULTIPOLYGON(((1 0,2 0,2 1,1 1,1 0)))"),
    ("tambon", "670201", "6702", "ชนแดน", "Chon Daen", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
]
X = {"670101": 0.5, "670102": 1.5, "670201": 2.5}

# key: (category, urgency, status, hours ago, tambon, note)
REQUESTS = {
    "oxygen_old": ("oxygen", "critical", "new", 5, "670101", "ถังออกซิเจนใกล้หมด"),
    "oxygen_new": ("oxygen", "critical", "assigned", 1, "670201", "หายใจเหนื่อย"),
    "food_old": ("food_supplies", "normal", "new", 30, "670102", "ต้องการข้าวสาร"),
    "medicine": ("medicine", "high", "in_progress", 2, "670101", "ยาความดันหมด"),
    "screening": ("screening", "low", "new", 50, "670201", "ต้องการชุดตรวจ ATK 100%"),
    "done": ("vaccination", "critical", "done", 10, "670101", "ฉีดแล้ว"),
    "cancelled": ("other", "high", "cancelled", 3, "670102", "ซ้ำ"),
}
QUEUE = ["oxygen_old", "oxygen_new", "medicine", "food_old", "screening"]


@pytest.fixture
def data(store):
    """The areas above, the requests above, two volunteers and two facilities; returns the ids by key."""
    c = store.connect(autocommit=True)
    ids: dict[str, int] = {}
    with c.cursor() as cur:
        for level, code, parent, th, en, wkt in AREAS:
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, name_en, geom) "
                "VALUES (%s, %s, %s, %s, %s, ST_GeomFromText(%s, 4326))",
                (level, code, parent, th, en, wkt),
            )
        for key, (cat, urg, status, hours, tambon, note) in REQUESTS.items():
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, status, closure_reason, note, "
                "created_at, geom) VALUES (%s, %s, %s, %s, %s, now() - make_interval(hours => %s), "
                "ST_SetSRID(ST_MakePoint(%s, 0.5), 4326)) RETURNING id",
                (cat, urg, status, "dup" if status == "cancelled" else None, note, hours, X[tambon]),
            )
            ids[key] = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, phone, kind, skills, vehicle, capacity, "
            "active_count, geom) VALUES ('Malee', '081', 'village_health_volunteer', "
            "'{first_aid,driving}', 'pickup', 3, 1, ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326)) "
            "RETURNING id"
        )
        ids["malee"] = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.volunteer (name, kind, capacity, available, geom) VALUES "
            "('Somchai', 'student', 1, false, ST_SetSRID(ST_MakePoint(2.5, 0.5), 4326)) RETURNING id"
        )
        ids["somchai"] = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.assignment (request_id, volunteer_id, status) "
            "VALUES (%s, %s, 'active') RETURNING id",
            (ids["oxygen_new"], ids["malee"]),
        )
        ids["assignment"] = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO jitasa.facility (name_th, kind, beds_total, beds_free, capacity_status, "
            "capacity_updated_at, geom) VALUES "
            "('รพ.เพชรบูรณ์', 'hospital', 500, 20, 'limited', now() - interval '2 hours', "
            " ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326)), "
            "('ศูนย์พักคอยชนแดน', 'community_isolation', 40, 0, 'full', now() - interval '30 hours', "
            " ST_SetSRID(ST_MakePoint(2.5, 0.5), 4326))"
        )
    c.close()
    return ids


@pytest.fixture
def reader(store):
    c = store.connect(autocommit=True)
    yield c
    c.close()


def _keys(rows, ids) -> list[str]:
    by_id = {ids[k]: k for k in REQUESTS}
    return [by_id[r.id] for r in rows]


def _request(store, rid: int) -> tuple:
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute("SELECT status::text, version, closure_reason FROM jitasa.help_request WHERE id = %s", (rid,))
        row = cur.fetchone()
    c.close()
    return row


# --- reading ------------------------------------------------------------------------------------------------


def test_queue_is_urgency_then_longest_waiting(reader, data):
    rows = open_requests_page(reader, RequestFilter())
    assert _keys(rows, data) == QUEUE
    first = rows[0]
    assert first.category is RequestCategory.OXYGEN and first.urgency is Urgency.CRITICAL
    assert first.status is RequestStatus.NEW and first.version == 1
    assert (first.tambon_code, first.tambon_name, first.amphoe_name) == ("670101", "ในเมือง", "เมืองเพชรบูรณ์")
    assert first.note == "ถังออกซิเจนใกล้หมด" and first.people_count == 1
    assert abs(first.waiting_s - 5 * 3600) < 120  # computed by the server
    assert (first.lon, first.lat) == (0.5, 0.5)


def test_filters(reader, data):
    def keys(**kw):
        return _keys(open_requests_page(reader, RequestFilter(**kw)), data)

    assert keys(categories=(RequestCategory.OXYGEN,)) == ["oxygen_old", "oxygen_new"]
    assert keys(categories=(RequestCategory.OXYGEN, RequestCategory.SCREENING)) == [
        "oxygen_old",
        "oxygen_new",
        "screening",
    ]
    assert keys(urgencies=(Urgency.HIGH, Urgency.LOW)) == ["medicine", "screening"]
    assert keys(statuses=(RequestStatus.NEW,)) == ["oxygen_old", "food_old", "screening"]
    assert keys(statuses=(RequestStatus.DONE, RequestStatus.CANCELLED)) == ["done", "cancelled"]
    assert keys(amphoe_code="6702") == ["oxygen_new", "screening"]
    assert keys(tambon_code="670101") == ["oxygen_old", "medicine"]
    assert keys(amphoe_code="6701", urgencies=(Urgency.CRITICAL,)) == ["oxygen_old"]
    assert keys(text="ข้าวสาร") == ["food_old"]
    assert keys(text="tabo") == ["food_old"]  # tambon name, any case
    assert keys(text="ชนแดน") == ["oxygen_new", "screening"]  # amphoe / tambon Thai name
    assert keys(text=str(data["medicine"])) == ["medicine"]
    assert keys(text="100%") == ["screening"]  # % is literal, not a wildcard
    assert keys(text="_") == []
    assert keys(text="   ") == QUEUE


def test_paging_never_overlaps(reader, data):
    pages = [open_requests_page(reader, RequestFilter(), limit=2, offset=o) for o in (0, 2, 4, 6)]
    assert [len(p) for p in pages] == [2, 2, 1, 0]
    assert _keys([r for p in pages for r in p], data) == QUEUE


def test_status_counts(reader, data):
    assert status_counts(reader, RequestFilter()) == {
        RequestStatus.NEW: 3,
        RequestStatus.ASSIGNED: 1,
        RequestStatus.IN_PROGRESS: 1,
    }
    # the list's status filter does not narrow the counts; the other filters do
    assert status_counts(reader, RequestFilter(statuses=(RequestStatus.NEW,), amphoe_code="6702")) == {
        RequestStatus.NEW: 1,
        RequestStatus.ASSIGNED: 1,
        RequestStatus.IN_PROGRESS: 0,
    }
    assert status_counts(reader, RequestFilter(), statuses=list(RequestStatus))[RequestStatus.DONE] == 1


def test_volunteers_page(reader, data):
    rows = volunteers_page(reader)
    assert [r.id for r in rows] == [data["malee"], data["somchai"]]  # available first
    malee = rows[0]
    assert (malee.kind, malee.active_count, malee.capacity, malee.available) == (
        VolunteerKind.VILLAGE_HEALTH_VOLUNTEER,
        1,
        3,
        True,
    )
    assert malee.skills == (Skill.FIRST_AID, Skill.DRIVING) and malee.vehicle is VehicleKind.PICKUP
    assert malee.tambon_name == "ในเมือง"
    assert not hasattr(malee, "name") and not hasattr(malee, "phone")
    assert [r.id for r in volunteers_page(reader, available_only=True)] == [data["malee"]]
    assert [r.id for r in volunteers_page(reader, amphoe_code="6702")] == [data["somchai"]]
    assert [r.id for r in volunteers_page(reader, kinds=[VolunteerKind.STUDENT])] == [data["somchai"]]
    assert volunteers_page(reader, limit=1, offset=1)[0].id == data["somchai"]


def test_facilities_page(reader, data):
    rows = facilities_page(reader, stale_hours=12)
    assert [(r.kind, r.name_th, r.stale) for r in rows] == [
        (FacilityKind.HOSPITAL, "รพ.เพชรบูรณ์", False),
        (FacilityKind.COMMUNITY_ISOLATION, "ศูนย์พักคอยชนแดน", True),
    ]
    assert (rows[0].beds_free, rows[0].beds_total) == (20, 500)
    assert rows[0].capacity_status is CapacityStatus.LIMITED
    assert [r.stale for r in facilities_page(reader, stale_hours=1)] == [True, True]
    assert [r.name_th for r in facilities_page(reader, amphoe_code="6702")] == ["ศูนย์พักคอยชนแดน"]


def test_area_choices(reader, data):
    assert [(a.code, a.name_th) for a in amphoe_choices(reader)] == [("6701", "เมืองเพชรบูรณ์"), ("6702", "ชนแดน")]
    assert [a.code for a in tambon_choices(reader, "6701")] == ["670101", "670102"]
    assert [a.code for a in tambon_choices(reader, None)] == ["670101", "670102", "670201"]


def test_reader_error_is_a_store_error_and_leaves_no_failed_transaction(conn):
    with conn.cursor() as cur:
        cur.execute("DROP TABLE jitasa.facility CASCADE")
    with pytest.raises(StoreError, match="facility"):
        facilities_page(conn)
    assert conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_IDLE


# --- the first page on a large table reads the partial indexes ------------------------------------------


def _plan(cur, query_fn, flt):
    """EXPLAIN of the query open_requests_page runs, captured through a cursor wrapper."""
    seen = {}

    class Spy:
        closed = False

        def cursor(self):
            return SpyCursor()

    class SpyCursor:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def execute(self, query, params):
            seen["sql"] = query.as_string(cur.connection) if hasattr(query, "as_string") else query
            seen["params"] = params

        def fetchall(self):
            return []

    query_fn(Spy(), flt)
    cur.execute("EXPLAIN " + seen["sql"], seen["params"])
    return "\n".join(r[0] for r in cur.fetchall())


def test_first_page_uses_the_open_request_indexes(conn, data):
    with conn.cursor() as cur:
        cur.execute("""
            INSERT INTO jitasa.help_request (category, urgency, status, closure_reason, created_at, geom)
            SELECT (enum_range(NULL::jitasa.request_category))[1 + i % 9],
                   (enum_range(NULL::jitasa.urgency))[1 + i % 4],
                   (enum_range(NULL::jitasa.request_status))[1 + i % 5], 'r',
                   now() - make_interval(secs => i), ST_SetSRID(ST_MakePoint(0.5 + i % 3, 0.5), 4326)
              FROM generate_series(1, 30000) i""")
        cur.execute("ANALYZE jitasa.help_request")
        plan = _plan(cur, open_requests_page, RequestFilter())
        assert "help_request_open_idx" in plan, plan
        assert "Seq Scan on help_request" not in plan, plan
        plan = _plan(cur, open_requests_page, RequestFilter(statuses=(RequestStatus.NEW,)))
        assert "help_request_open_idx" in plan, plan
        plan = _plan(cur, open_requests_page, RequestFilter(amphoe_code="6702"))
        assert "help_request_open_amphoe_idx" in plan, plan
        plan = _plan(cur, open_requests_page, RequestFilter(tambon_code="670201"))
        assert "help_request_open_tambon_idx" in plan, plan
    conn.rollback()


# --- changing status ----------------------------------------------------------------------------------------


def test_start_then_done(store, data):
    c = store.connect()
    rid = data["oxygen_old"]
    assert change_request_status(c, rid, 1, RequestStatus.IN_PROGRESS) == 2
    assert change_request_status(c, rid, 2, "done", reason="  ส่งถึงโรงพยาบาลแล้ว ") == 3
    c.close()
    assert _request(store, rid) == ("done", 3, "ส่งถึงโรงพยาบาลแล้ว")


def test_stale_change_is_refused_and_changes_nothing(store, data):
    rid = data["medicine"]
    other = store.connect()
    change_request_status(other, rid, 1, RequestStatus.DONE)
    other.close()
    c = store.connect()
    with pytest.raises(StaleWriteError) as err:
        change_request_status(c, rid, 1, RequestStatus.CANCELLED, reason="duplicate")
    message = str(err.value)
    assert '"done"' in message and "version 2" in message and "you had version 1" in message
    assert c.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_IDLE  # rolled back
    c.close()
    assert _request(store, rid) == ("done", 2, None)


@pytest.mark.parametrize(
    "key,target",
    [
        ("food_old", RequestStatus.DONE),  # new -> done skips the work
        ("oxygen_old", RequestStatus.NEW),
        ("oxygen_old", RequestStatus.ASSIGNED),  # assigning goes through the assignment functions
        ("medicine", RequestStatus.IN_PROGRESS),  # already
        ("done", RequestStatus.CANCELLED),
        ("cancelled", RequestStatus.IN_PROGRESS),
    ],
)
def test_invalid_transition_is_refused(store, data, key, target):
    c = store.connect()
    before = _request(store, data[key])
    with pytest.raises(StoreError, match="cannot be changed") as err:
        change_request_status(c, data[key], 1, target, reason="x")
    assert not isinstance(err.value, StaleWriteError)
    c.close()
    assert _request(store, data[key]) == before


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_cancel_needs_a_reason(store, data, reason):
    c = store.connect()
    with pytest.raises(StoreError, match="needs a reason"):
        change_request_status(c, data["food_old"], 1, RequestStatus.CANCELLED, reason=reason)
    c.close()
    assert _request(store, data["food_old"]) == ("new", 1, None)


def test_unknown_request(store, data):
    c = store.connect()
    with pytest.raises(StoreError, match="does not exist"):
        change_request_status(c, 999_999, 1, RequestStatus.IN_PROGRESS)
    c.close()


def _assignment_and_volunteer(store, data) -> tuple:
    c = store.connect(autocommit=True)
    with c.cursor() as cur:
        cur.execute(
            "SELECT a.status::text, a.reason, v.active_count FROM jitasa.assignment a "
            "JOIN jitasa.volunteer v ON v.id = a.volunteer_id WHERE a.id = %s",
            (data["assignment"],),
        )
        row = cur.fetchone()
    c.close()
    return row


def test_done_completes_the_assignment_and_frees_the_volunteer(store, data):
    assert _assignment_and_volunteer(store, data) == ("active", None, 1)
    c = store.connect()
    change_request_status(c, data["oxygen_new"], 1, RequestStatus.DONE)
    c.close()
    assert _assignment_and_volunteer(store, data) == ("completed", None, 0)


def test_cancel_cancels_the_assignment_and_frees_the_volunteer(store, data):
    c = store.connect()
    change_request_status(c, data["oxygen_new"], 1, RequestStatus.CANCELLED, reason="ผู้แจ้งยกเลิกเอง")
    c.close()
    assert _assignment_and_volunteer(store, data) == ("cancelled", "ผู้แจ้งยกเลิกเอง", 0)
    assert _request(store, data["oxygen_new"]) == ("cancelled", 2, "ผู้แจ้งยกเลิกเอง")


def test_start_keeps_the_assignment(store, data):
    c = store.connect()
    change_request_status(c, data["oxygen_new"], 1, RequestStatus.IN_PROGRESS)
    c.close()
    assert _assignment_and_volunteer(store, data) == ("active", None, 1)


def test_concurrent_changes_one_wins_the_rest_are_stale(store, data):
    """Eight officers close the same request at once with the version they all read: one wins; the volunteer
    is freed exactly once."""
    n = 8
    barrier = threading.Barrier(n)
    outcomes: list = [None] * n
    conns = [store.connect() for _ in range(n)]

    def officer(i: int) -> None:
        barrier.wait()
        target = RequestStatus.DONE if i % 2 else RequestStatus.CANCELLED
        try:
            outcomes[i] = change_request_status(conns[i], data["oxygen_new"], 1, target, reason="race")
        except StaleWriteError:
            outcomes[i] = "stale"

    threads = [threading.Thread(target=officer, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for c in conns:
        c.close()
    assert sorted(outcomes, key=str) == [2] + ["stale"] * (n - 1)
    status, version, _reason = _request(store, data["oxygen_new"])
    assert status in ("done", "cancelled") and version == 2
    assert _assignment_and_volunteer(store, data)[2] == 0


def test_python_transitions_match_the_store(conn):
    with conn.cursor() as cur:
        for current in RequestStatus:
            for target in RequestStatus:
                cur.execute("SELECT jitasa.request_status_change_allowed(%s, %s)", (current.value, target.value))
                assert cur.fetchone()[0] == can_change(current, target), (current, target)


# --- roles --------------------------------------------------------------------------------------------------


def test_officer_can_change_status(store, data, login_conn):
    c = login_conn("jitasa_officer")
    assert change_request_status(c, data["oxygen_new"], 1, RequestStatus.DONE) == 2
    assert _assignment_and_volunteer(store, data) == ("completed", None, 0)
    with c.cursor() as cur:
        cur.execute(
            "SELECT acting_role FROM jitasa.audit_log WHERE table_name = 'help_request' "
            "AND operation = 'update' ORDER BY id DESC LIMIT 1"
        )
        assert cur.fetchone()[0].startswith("officer_")


def test_analyst_cannot_change_status(store, data, login_conn):
    c = login_conn("jitasa_analyst")
    # the analyst reads the queue (no personal data in it)...
    assert [r.id for r in open_requests_page(c, RequestFilter())][0] == data["oxygen_old"]
    c.rollback()
    # ...but may not even call the function
    with pytest.raises(StoreError, match="permission denied"):
        change_request_status(c, data["oxygen_old"], 1, RequestStatus.IN_PROGRESS)
    assert _request(store, data["oxygen_old"]) == ("new", 1, None)


def test_function_checks_the_acting_role_itself(store, data, login_conn):
    """Even a role given EXECUTE by mistake is refused unless it acts as an officer or admin."""
    c = login_conn(
        "jitasa_analyst",
        "GRANT EXECUTE ON FUNCTION jitasa.change_request_status("
        'integer, integer, jitasa.request_status, text) TO "{role}"',
    )
    with pytest.raises(StoreError, match="only officers and admins") as err:
        change_request_status(c, data["oxygen_old"], 1, RequestStatus.IN_PROGRESS)
    assert not isinstance(err.value, StaleWriteError)
    assert _request(store, data["oxygen_old"]) == ("new", 1, None)


def test_officer_acting_as_analyst_is_refused(store, data, login_conn):
    c = login_conn("jitasa_officer", 'GRANT jitasa_analyst TO "{role}"')
    with c.cursor() as cur:
        cur.execute("SET ROLE jitasa_analyst")
    c.commit()
    with pytest.raises(StoreError):
        change_request_status(c, data["oxygen_old"], 1, RequestStatus.IN_PROGRESS)
    assert _request(store, data["oxygen_old"]) == ("new", 1, None)
