"""Unassign, decline and reassign from the operations dock's Requests tab, on a real store: the request's
status and the volunteers' loads follow; a stale action is refused with the server's message and changes
nothing; the buttons follow the selected request's status. And the store query behind them."""

from __future__ import annotations

import pytest
from qgis.core import Qgis

from jitasa_qgis.definitions.enums import RequestStatus, VolunteerKind
from jitasa_qgis.gui.operations_dock import OperationsDock
from jitasa_qgis.store.active_assignments import active_assignment
from jitasa_qgis.store.assignments import EndAction, assign_pairs, create_run, end_assignment
from jitasa_qgis.store.operations import change_request_status
from jitasa_qgis.store.qgis_connections import StoreLocation


class Data:
    def __init__(self, spec):
        self.spec = spec
        self.c = spec.connect(autocommit=True)

    def one(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()

    def all(self, query, params=()):
        with self.c.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall()

    def request(self, x=101.2) -> int:
        return self.one(
            "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
            "('food_supplies', 'high', ST_SetSRID(ST_MakePoint(%s, 16.4), 4326)) RETURNING id",
            (x,),
        )[0]

    def volunteer(self, x=101.21, capacity=3, kind="student") -> int:
        return self.one(
            "INSERT INTO jitasa.volunteer (name, kind, capacity, geom) VALUES "
            "('v', %s, %s, ST_SetSRID(ST_MakePoint(%s, 16.41), 4326)) RETURNING id",
            (kind, capacity, x),
        )[0]

    def assign(self, request_id, volunteer_id) -> int:
        conn = self.spec.connect()
        try:
            run = create_run(conn, "manual")
            result = assign_pairs(conn, run, [request_id], [volunteer_id])
        finally:
            conn.close()
        assert result.confirmed == 1, result
        return result.rows[0].assignment_id

    def request_status(self, request_id) -> str:
        return self.one("SELECT status::text FROM jitasa.help_request WHERE id = %s", (request_id,))[0]

    def load(self, volunteer_id) -> int:
        return self.one("SELECT active_count FROM jitasa.volunteer WHERE id = %s", (volunteer_id,))[0]

    def assignments(self, request_id) -> list[tuple]:
        """(volunteer, status, reason) of the request's assignments, oldest first."""
        return self.all(
            "SELECT volunteer_id, status::text, reason FROM jitasa.assignment " "WHERE request_id = %s ORDER BY id",
            (request_id,),
        )


@pytest.fixture
def data(store):
    d = Data(store)
    yield d
    d.c.close()


@pytest.fixture
def make_dock(qgis_app, store):
    docks = []

    def make(iface=None):
        location = StoreLocation(name="test", spec=store, layer_uri="")
        dock = OperationsDock(lambda: location, iface=iface)
        dock.ask_assignment_reason = lambda *args, **kwargs: pytest.fail("asked for a reason")
        dock.ask_new_volunteer = lambda *args: pytest.fail("asked for a volunteer")
        docks.append(dock)
        dock.refresh()
        return dock

    yield make
    for dock in docks:
        dock.close_store()
        dock.deleteLater()


def _select(dock, request_id):
    row = dock.requests_model.row_of_id(request_id)
    assert row >= 0
    dock.requests_view.selectRow(row)
    assert dock.selected_request().id == request_id


def _buttons(dock) -> tuple[bool, bool, bool]:
    return (dock.unassign_button.isEnabled(), dock.decline_button.isEnabled(), dock.reassign_button.isEnabled())


def test_store_reads_the_active_assignment(data):
    v = data.volunteer(kind="village_health_volunteer")
    r, free = data.request(), data.request()
    aid = data.assign(r, v)
    conn = data.spec.connect(autocommit=True)
    try:
        a = active_assignment(conn, r)
        assert (a.id, a.version, a.request_id, a.volunteer_id, a.volunteer_load) == (aid, a.version, r, v, "1/3")
        assert a.request_status is RequestStatus.ASSIGNED and a.volunteer_kind is VolunteerKind.VILLAGE_HEALTH_VOLUNTEER
        assert a.lon == pytest.approx(101.2) and a.lat == pytest.approx(16.4)
        assert active_assignment(conn, free) is None
    finally:
        conn.close()


def test_buttons_follow_the_status(make_dock, data):
    v = data.volunteer()
    new, assigned, started = data.request(), data.request(), data.request()
    data.assign(assigned, v)
    data.assign(started, v)
    change_request_status(data.c, started, 2, RequestStatus.IN_PROGRESS)
    dock = make_dock()
    assert _buttons(dock) == (False, False, False)  # nothing selected
    _select(dock, new)
    assert _buttons(dock) == (False, False, False)
    assert not dock.unassign_selected() and not dock.decline_selected() and not dock.reassign_selected()
    _select(dock, assigned)
    assert _buttons(dock) == (True, True, True)
    _select(dock, started)
    assert _buttons(dock) == (True, True, True)


def test_unassign_puts_the_request_back_to_new(make_dock, data):
    v = data.volunteer()
    r = data.request()
    data.assign(r, v)
    assert data.load(v) == 1
    dock = make_dock()
    _select(dock, r)
    asked = []
    dock.ask_assignment_reason = (
        lambda row, action, current, new=None: asked.append((row.id, action, current.volunteer_id))
        or "  ผู้แจ้งได้รับความช่วยเหลือแล้ว "
    )
    dock.unassign_button.click()
    assert asked == [(r, "unassign", v)]
    assert data.request_status(r) == "new"
    assert data.load(v) == 0
    assert data.assignments(r) == [(v, "cancelled", "ผู้แจ้งได้รับความช่วยเหลือแล้ว")]
    assert f"Request {r} is new again" in dock.status_label.text()
    assert dock.selected_request().status is RequestStatus.NEW  # re-read, still selected
    assert _buttons(dock) == (False, False, False)
    assert dock.volunteers_model.index(0, 1).data() == "0/3"  # the volunteers tab was re-read


def test_decline_records_the_reason(make_dock, data):
    v = data.volunteer()
    r = data.request()
    data.assign(r, v)
    change_request_status(data.c, r, 2, RequestStatus.IN_PROGRESS)
    dock = make_dock()
    _select(dock, r)
    dock.ask_assignment_reason = lambda row, action, current, new=None: "รถเสีย" if action == "decline" else None
    assert dock.decline_selected()
    assert data.assignments(r) == [(v, "declined", "รถเสีย")]
    assert data.request_status(r) == "new" and data.load(v) == 0
    assert "declined" in dock.status_label.text()


def test_no_reason_no_change(make_dock, data):
    v = data.volunteer()
    r = data.request()
    data.assign(r, v)
    dock = make_dock()
    _select(dock, r)
    dock.ask_assignment_reason = lambda *args: None  # backed out
    assert not dock.unassign_selected()
    dock.ask_assignment_reason = lambda *args: "   "
    assert not dock.decline_selected()
    assert "reason" in dock.status_label.text()
    assert data.request_status(r) == "assigned" and data.load(v) == 1
    assert data.assignments(r) == [(v, "active", None)]


def test_reassign_moves_the_assignment(make_dock, data):
    far = data.volunteer(x=101.30)
    old, near = data.volunteer(x=101.21), data.volunteer(x=101.22)
    full = data.volunteer(x=101.20, capacity=1)
    r, other = data.request(), data.request()
    data.assign(other, full)  # nearest of all, but full
    data.assign(r, old)
    change_request_status(data.c, r, 2, RequestStatus.IN_PROGRESS)
    dock = make_dock()
    _select(dock, r)
    offered = []

    def choose(row, current, choices):
        offered.extend(c.volunteer_id for c in choices)
        assert current.volunteer_id == old
        return near

    dock.ask_new_volunteer = choose
    dock.ask_assignment_reason = lambda row, action, current, new=None: f"{action} to {new}"
    dock.reassign_button.click()
    assert offered == [near, far]  # who can go, best first, without the one who has it
    assert data.assignments(r) == [(old, "cancelled", f"reassign to {near}"), (near, "active", None)]
    assert (data.load(old), data.load(near)) == (0, 1)
    assert data.request_status(r) == "assigned"  # an in-progress request is assigned again, to the new one
    assert f"now goes to volunteer {near}" in dock.status_label.text()
    assert dock.selected_request().status is RequestStatus.ASSIGNED


def test_reassign_backed_out_or_nobody_else(make_dock, data):
    old = data.volunteer()
    r = data.request()
    data.assign(r, old)
    dock = make_dock()
    _select(dock, r)
    assert not dock.reassign_selected()  # nobody else near: said, never asked
    assert "No other volunteer" in dock.status_label.text()
    data.volunteer(x=101.22)
    dock.ask_new_volunteer = lambda *args: None
    assert not dock.reassign_selected()
    assert data.assignments(r) == [(old, "active", None)] and data.load(old) == 1


def test_stale_unassign_is_refused_and_changes_nothing(make_dock, data, store):
    v = data.volunteer()
    r = data.request()
    aid = data.assign(r, v)
    dock = make_dock()
    _select(dock, r)

    def someone_else_first(row, action, current, new=None):
        other = store.connect()  # while the officer types, another officer unassigns it
        try:
            end_assignment(other, aid, current.version, EndAction.UNASSIGN, "duplicate")
        finally:
            other.close()
        return "ไม่ว่าง"

    dock.ask_assignment_reason = someone_else_first
    assert not dock.decline_selected()
    text = dock.status_label.text()
    assert f"Assignment {aid} was changed by someone else" in text and '"cancelled"' in text, text
    assert data.assignments(r) == [(v, "cancelled", "duplicate")]  # theirs, not ours
    assert data.request_status(r) == "new" and data.load(v) == 0
    assert dock.selected_request().status is RequestStatus.NEW  # the dock shows the current state
    assert _buttons(dock) == (False, False, False)


def test_stale_list_is_refused_before_asking(make_dock, data, store, qgis_iface):
    qgis_iface.messageBar().clear_messages()
    v1, v2 = data.volunteer(), data.volunteer(x=101.22)
    r = data.request()
    aid = data.assign(r, v1)
    dock = make_dock(iface=qgis_iface)
    _select(dock, r)
    other = store.connect()
    end_assignment(other, aid, 1, EndAction.DECLINE, "sick")  # the dock still shows it assigned
    other.close()
    assert dock.selected_request().status is RequestStatus.ASSIGNED
    assert not dock.reassign_selected()  # the fixture fails the test if the dock asks anything
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any(f"Request {r} has no volunteer any more" in m for m in warnings), warnings
    assert data.assignments(r) == [(v1, "declined", "sick")] and data.load(v2) == 0
    assert dock.selected_request().status is RequestStatus.NEW


def test_reassign_to_a_volunteer_who_became_full_is_refused(make_dock, data, store):
    old, new = data.volunteer(), data.volunteer(x=101.22, capacity=1)
    r, elsewhere = data.request(), data.request()
    data.assign(r, old)
    dock = make_dock()
    _select(dock, r)

    def choose(row, current, choices):
        assert [c.volunteer_id for c in choices] == [new]
        data.assign(elsewhere, new)  # meanwhile the chosen volunteer takes another request
        return new

    dock.ask_new_volunteer = choose
    dock.ask_assignment_reason = lambda *args: "closer"
    assert not dock.reassign_selected()
    assert "volunteer now full" in dock.status_label.text()
    assert data.assignments(r) == [(old, "active", None)]
    assert (data.load(old), data.load(new)) == (1, 1)
