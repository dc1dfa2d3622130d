"""The operations dock as scoped officers (issue 14): it says which areas the login works, and its queue,
counts and volunteers are exactly what the row policies let it see."""

from __future__ import annotations

import pytest

from jitasa_qgis.definitions.enums import RequestStatus
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.store.connection import ConnectionSpec
from jitasa_qgis.store.qgis_connections import StoreLocation

AREAS = [
    ("province", "67", None, "เพชรบูรณ์", "MULTIPOLYGON(((0 0,3 0,3 1,0 1,0 0)))"),
    ("amphoe", "6701", "67", "เมืองเพชรบูรณ์", "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("amphoe", "6703", "67", "หล่มสัก", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
    ("tambon", "670101", "6701", "ในเมือง", "MULTIPOLYGON(((0 0,2 0,2 1,0 1,0 0)))"),
    ("tambon", "670301", "6703", "หล่มสัก", "MULTIPOLYGON(((2 0,3 0,3 1,2 1,2 0)))"),
]
# x of each request: 0.5 and 1.5 in เมืองเพชรบูรณ์, 2.5 in หล่มสัก
REQUESTS = [
    ("oxygen", "critical", "new", 0.5),
    ("medicine", "high", "new", 1.5),
    ("oxygen", "high", "new", 2.5),
    ("food_supplies", "normal", "in_progress", 2.6),
]


@pytest.fixture
def data(store):
    c = store.connect(autocommit=True)
    ids: dict[str, list[int]] = {"6701": [], "6703": [], "vol6701": [], "vol6703": []}
    with c.cursor() as cur:
        for level, code, parent, name, wkt in AREAS:
            cur.execute(
                "INSERT INTO jitasa.admin_area (level, code, parent_code, name_th, geom) "
                "VALUES (%s, %s, %s, %s, ST_GeomFromText(%s, 4326))",
                (level, code, parent, name, wkt),
            )
        for cat, urg, status, x in REQUESTS:
            cur.execute(
                "INSERT INTO jitasa.help_request (category, urgency, status, note, geom) VALUES "
                "(%s, %s, %s, 'n', ST_SetSRID(ST_MakePoint(%s, 0.5), 4326)) RETURNING id",
                (cat, urg, status, x),
            )
            ids["6701" if x < 2 else "6703"].append(cur.fetchone()[0])
        for x in (0.5, 2.5):
            cur.execute(
                "INSERT INTO jitasa.volunteer (name, kind, capacity, geom) VALUES "
                "('v', 'student', 2, ST_SetSRID(ST_MakePoint(%s, 0.5), 4326)) RETURNING id",
                (x,),
            )
            ids["vol6701" if x < 2 else "vol6703"].append(cur.fetchone()[0])
    c.close()
    return ids


@pytest.fixture
def dock_as(qgis_app, store, pg_cluster, login_role):
    docks = []

    def make(scope):
        user, _ = login_role("jitasa_officer", scope=scope)
        spec = ConnectionSpec(params=pg_cluster.params(store.params["dbname"], user=user), label=user)
        location = StoreLocation(name="test", spec=spec, layer_uri="")
        dock = OperationsDock(lambda: location)
        docks.append(dock)
        dock.refresh()
        return dock

    yield make
    for dock in docks:
        dock.close_store()
        dock.deleteLater()


def test_an_amphoe_officer_sees_its_amphoe_and_is_told_so(dock_as, data):
    dock = dock_as("6703")
    assert dock.scope_label.text() == "You work: เพชรบูรณ์, amphoe หล่มสัก"
    assert sorted(r.id for r in dock.requests_model.rows()) == sorted(data["6703"])
    assert sorted(r.id for r in dock.volunteers_model.rows()) == data["vol6703"]
    assert dock.counts_label.text() == "New 1  ·  Assigned 0  ·  In progress 1"  # of its amphoe only
    # the amphoe list offers every amphoe (boundaries are everyone's), the queue stays the officer's
    assert dock.amphoe_combo.count() == 3


def test_counts_equal_the_rows_the_officer_may_see(dock_as, data):
    from jitasa_qgis.store.operations import status_counts

    dock = dock_as("6701")
    counts = status_counts(dock.session.conn)
    assert counts[RequestStatus.NEW] == 2 and counts[RequestStatus.IN_PROGRESS] == 0
    assert sorted(r.id for r in dock.requests_model.rows()) == sorted(data["6701"])


def test_a_province_and_a_national_officer(dock_as, data):
    province = dock_as("67")
    assert province.scope_label.text() == "You work: เพชรบูรณ์"
    assert len(province.requests_model.rows()) == 4
    national = dock_as("national")
    assert national.scope_label.text() == "You work: the whole country"


def test_a_login_with_no_area_sees_nothing_and_is_told_why(dock_as, data):
    dock = dock_as(None)
    assert dock.scope_label.text().startswith("You work no area")
    assert dock.requests_model.rows() == [] and dock.volunteers_model.rows() == []
