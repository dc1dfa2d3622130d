"""CriticalWatch: which critical requests are new to this session, read from the store, each once."""

from __future__ import annotations

import pytest

from jitasa_qgis.store.critical import CriticalWatch


def _insert(conn, urgency="critical", commit=True, lon=101.16) -> int:
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO jitasa.help_request (category, urgency, geom) VALUES "
            "('oxygen', %s, ST_SetSRID(ST_MakePoint(%s, 16.42), 4326)) RETURNING id",
            (urgency, lon),
        )
        rid = cur.fetchone()[0]
    if commit:
        conn.commit()
    return rid


@pytest.fixture
def writer(store):
    c = store.connect()
    yield c
    c.close()


def _ids(found) -> list[int]:
    return [r.id for r in found]


def test_requests_from_before_start_are_never_announced(conn, writer):
    old = _insert(writer)
    watch = CriticalWatch()
    watch.start(conn)
    assert watch.check(conn) == []
    with writer.cursor() as cur:  # edited after start: still not new
        cur.execute("UPDATE jitasa.help_request SET note = 'call back' WHERE id = %s", (old,))
    writer.commit()
    assert watch.check(conn) == []


def test_a_new_critical_request_is_announced_once(conn, writer):
    watch = CriticalWatch()
    watch.start(conn)
    _insert(writer, "normal")
    rid = _insert(writer)
    found = watch.check(conn)
    assert _ids(found) == [rid] and found[0].category == "oxygen"
    assert watch.check(conn) == [] and watch.check(conn) == []
    assert watch.watermark == rid


def test_a_lower_id_committed_late_is_still_announced_once(store, conn, writer):
    slow = store.connect()  # takes its id first, commits last
    try:
        watch = CriticalWatch()
        watch.start(conn)
        late = _insert(slow, commit=False, lon=100.0)  # another grid cell: the count trigger locks cells
        early = _insert(writer)
        assert late < early and _ids(watch.check(conn)) == [early]
        slow.commit()
        assert _ids(watch.check(conn)) == [late]
        assert watch.check(conn) == []
    finally:
        slow.close()


def test_an_assigned_or_normal_request_is_not_announced(conn, writer):
    watch = CriticalWatch()
    watch.start(conn)
    rid = _insert(writer)
    with writer.cursor() as cur:
        cur.execute(
            "UPDATE jitasa.help_request SET status = 'cancelled', closure_reason = 'duplicate' " "WHERE id = %s", (rid,)
        )
    writer.commit()
    _insert(writer, "high")
    assert watch.check(conn) == []


def test_check_before_start_is_refused(conn):
    with pytest.raises(RuntimeError):
        CriticalWatch().check(conn)
